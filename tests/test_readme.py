"""The README shows real output: these tests keep it true."""

import json
import re
import subprocess
from pathlib import Path

from quantities.integrations.cli import main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    return re.search(re.escape(marker) + r"\s*```sh\n(.*?)\n```", README, re.S).group(1)


def test_opens_with_the_two_setup_commands():
    main_cmd, test_cmd = block_after("<!-- main-command -->"), block_after("<!-- test-command -->")
    assert README.index("<!-- main-command -->") < README.index("<!-- test-command -->") < README.index("\n## ")
    assert "pip install ." in main_cmd and "quantities report fixtures/seeds" in main_cmd
    assert "pip install '.[test]'" in test_cmd and "pytest" in test_cmd


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    extracted = subprocess.run(
        ["awk", r"/<!-- test-command -->/{f=1; next} f && /^```/{if (s) exit; s=1; next} f && s", "README.md"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert extracted == block_after("<!-- test-command -->")
    assert "python3 -m venv" in extracted and "test-command" in script


def test_the_session_shown_is_what_the_report_prints(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    shown = re.search(r"\$ quantities report fixtures/seeds\n(.*?)\n\$ echo \$\?\n(\d)", README, re.S)
    assert main(["report", "fixtures/seeds"]) == int(shown.group(2))
    assert capsys.readouterr().out.rstrip() == shown.group(1)


def test_the_json_example_is_a_real_record(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    shown = json.loads(re.search(r"```json\n(\{\"doc\".*?\})\n```", README, re.S).group(1))
    main(["extract", "--format", "jsonl", shown["doc"]])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert shown in records


def rules_shown() -> list[tuple[list[str], list[str]]]:
    """The README's rule table: each row's rule names and the severities its second cell names."""
    table = re.search(r"<!-- rules -->\n((?:\|.*\n)+)", README).group(1).splitlines()[2:]
    out = []
    for line in table:
        names, severity = (cell.strip() for cell in line.strip("|").split("|")[:2])
        if ", cause" in names:  # a cause of value-conflict, not a rule of its own
            continue
        out.append((re.findall(r"`([a-z-]+)`", names), re.findall(r"\b(error|warning|info)\b", severity)))
    return out


def test_the_rules_shown_are_the_rule_table():
    """Every rule of the one table (report/catalogue.py over reconciliation/catalog.py) has
    a row in the README, and only those; a row's severities begin with its default (a row of
    several rules names each of theirs)."""
    from quantities.report.catalogue import rule_table

    table = {r.name: r.severity for r in rule_table()}
    shown = rules_shown()
    assert sorted(n for names, _ in shown for n in names) == sorted(table)
    for names, severities in shown:
        if len(names) == 1:
            assert severities[:1] == [table[names[0]]], names
        assert {table[n] for n in names} <= set(severities), names


def test_the_tree_shown_is_the_package():
    """README's "How it is built" lists every folder of the package, and nothing else."""
    shown = re.search(r"<!-- tree -->\n```\n(.*?)```", README, re.S).group(1)
    listed = set(re.findall(r"^  (\w+)/", shown, re.M))
    package = ROOT / "quantities"
    folders = {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    assert listed == folders


# -- the CI job and the pre-commit hook: what the README shows is what runs --------------------

def yaml_after(marker: str):
    import yaml

    return yaml.safe_load(re.search(re.escape(marker) + r"\s*```yaml\n(.*?)\n```", README, re.S).group(1))


def _steps():
    return yaml_after("<!-- github-job -->")["jobs"]["figures"]["steps"]


def test_the_github_job_installs_from_the_repository():
    import shlex
    import tomllib

    from packaging.requirements import Requirement

    name = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    (install,) = [s["run"] for s in _steps() if "pip install" in s.get("run", "")]
    wanted = [Requirement(a) for a in shlex.split(install)[2:] if not a.startswith("-")]
    ours = [r for r in wanted if r.name == name]
    assert len(ours) == 1 and ours[0].url and ours[0].url.startswith("git+https://"), install


def _git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_the_github_job_runs_on_the_example_newsroom(tmp_path):
    """Every `run` step but the install, in a pull request on a copy of examples/newsroom."""
    import os
    import shutil
    import sys

    repo = tmp_path / "newsroom"
    shutil.copytree(ROOT / "examples" / "newsroom", repo)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    article = next((repo / "articoli").glob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\nAggiornamento.\n", encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    ran = []
    for step in _steps():
        command = step.get("run", "")
        if not command or "pip install" in command:
            continue
        command = command.replace("${{ github.base_ref }}", "main")
        done = subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{command}\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}"
        ran.append(command.split()[0])
    assert ran == ["quantities", "quantities", "pytest"]
    sarif = json.loads((repo / "quantities.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"


def test_the_pre_commit_hook_is_documented_and_runs(capsys, tmp_path, monkeypatch):
    import shlex

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (shown,) = yaml_after("<!-- pre-commit -->")["repos"][0]["hooks"]
    assert shown["id"] == hook["id"] == "quantities" and hook["language"] == "python"
    folder = tmp_path / "articoli"
    folder.mkdir()
    for seed in (ROOT / "fixtures" / "seeds").iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    monkeypatch.chdir(tmp_path)
    entry = shlex.split(hook["entry"])
    assert entry[0] == "quantities"
    # pre-commit runs entry + args + the changed files that match `files`
    cases = [("articoli/002_0517a2c3f414bc01.txt", 1), ("articoli/003_4758a363c3274eb9.txt", 0)]
    for args in (shown["args"], hook["args"]):
        for changed, status in cases:
            assert re.search(hook["files"], changed)
            assert main([*entry[1:], *args, changed]) == status, (args, changed)
    capsys.readouterr()


def test_the_italian_session_shown_is_what_the_report_prints(capsys, monkeypatch):
    """"In Italian": each `$ LANG=it_IT.UTF-8 quantities …` line and the first line it shows."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    section = README.split("### In Italian", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    shown = re.findall(r"^\$ LANG=it_IT.UTF-8 quantities (.*)\n(.*)$", section, re.M)
    assert len(shown) == 2
    for argv, first in shown:
        main(argv.split())
        out, err = capsys.readouterr()
        assert (out or err).splitlines()[0] == first


def test_the_github_jobs_install_line_builds_from_a_git_repository(tmp_path):
    """The job's `pip install "newsdesk-quantities @ git+https://…@<tag>"`, with the repository a
    local clone of this checkout and a real tag: pip clones it, builds it and gets a wheel with
    the `quantities` command, the catalogs and the HTML templates."""
    import shlex
    import sys
    import zipfile

    from checkout import tree

    repo = tree(tmp_path / "quantities")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "release")
    _git(repo, "tag", "v-test")
    (install,) = [s["run"] for s in _steps() if "pip install" in s.get("run", "")]
    (ours,) = [a for a in shlex.split(install) if "git+" in a]
    requirement = re.sub(r"git\+https://github\.com/<org>/quantities@<tag>", f"git+file://localhost{repo}@v-test", ours)
    assert requirement != ours, ours
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                            requirement], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("newsdesk_quantities-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        entry_points = next(z.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert "quantities = " in entry_points
    assert {"quantities/locale/it/LC_MESSAGES/quantities.mo", "quantities/report/templates/report.html.j2",
            "quantities/report/templates/report.js", "quantities/lang/it.toml"} <= names
