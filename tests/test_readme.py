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


def test_the_tree_shown_is_the_package():
    """README's "How it is built" lists every folder of the package, and nothing else."""
    shown = re.search(r"<!-- tree -->\n```\n(.*?)```", README, re.S).group(1)
    listed = set(re.findall(r"^  (\w+)/", shown, re.M))
    package = ROOT / "quantities"
    folders = {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    assert listed == folders
