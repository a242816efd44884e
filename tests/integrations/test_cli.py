"""The command line, through main(argv) and through a real subprocess.

Every bad input alone: a one-line error on stderr, exit 2, no traceback, and no
output file created or clobbered.
"""

import json
import os
import subprocess
import sys

import pytest
from tables import ROOT

from quantities.integrations.cli import main

SEEDS = ROOT / "fixtures" / "seeds"
CLI = ROOT / "fixtures" / "cli"
REF = ROOT / "fixtures" / "reference"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


BAD_INPUTS = [
    # (argv after the command, what stderr must say)
    ([CLI / "missing.txt"], "missing.txt"),
    ([CLI / "empty-dir"], "empty-dir"),
    ([CLI / "binary.txt"], "binary.txt"),
    ([CLI / "bad-encoding.txt"], "bad-encoding.txt"),
    ([CLI / "broken-front-matter.md"], "broken-front-matter.md:1"),
    ([CLI / "broken-line.jsonl"], "broken-line.jsonl:2"),
    ([SEEDS, "--config", CLI / "nope.toml"], "nope.toml: no such config file"),
    ([SEEDS, "--config", ROOT / "fixtures" / "config" / "unknown-key.toml"], "colour: unknown key"),
    ([SEEDS, "--format", "xml"], "invalid choice: 'xml'"),
    ([SEEDS, "--jobs", "0"], "must be at least 1"),
    ([SEEDS, "--lang", "xx"], "no language pack for 'xx'"),
]


@pytest.mark.parametrize("command", ["extract", "report"])
@pytest.mark.parametrize("argv, says", BAD_INPUTS, ids=lambda v: str(v)[-40:] if isinstance(v, str) else None)
def test_bad_input_is_one_line_exit_2_and_no_output(capsys, tmp_path, command, argv, says):
    out_file = tmp_path / "out.json"
    code, out, err = run(capsys, command, *argv, "--output", out_file)
    assert code == 2
    assert says in err
    assert "Traceback" not in err
    problems = [line for line in err.strip().splitlines() if "was not written" not in line]
    assert len(problems) == 1, err
    assert not out_file.exists()


@pytest.mark.parametrize(
    "argv, says",
    [
        ([SEEDS, "--reference", REF / "low-above-high.toml"], "low-above-high.toml:4: figure[0].low"),
        ([SEEDS, "--reference", REF / "nope.toml"], "no such reference file"),
        ([SEEDS], "--reference"),
    ],
)
def test_bad_reference_file(capsys, argv, says):
    code, out, err = run(capsys, "check", *argv)
    assert code == 2 and says in err and "Traceback" not in err


def test_existing_output_is_not_clobbered_on_error(capsys, tmp_path):
    out_file = tmp_path / "report.json"
    out_file.write_text("previous report\n")
    code, _, _ = run(capsys, "report", CLI / "binary.txt", "--output", out_file)
    assert code == 2
    assert out_file.read_text() == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left


def test_one_broken_file_does_not_stop_the_batch(capsys):
    code, out, err = run(capsys, "extract", "--format", "jsonl", CLI / "binary.txt", SEEDS / "001_e8b672b6d35973e6.txt")
    assert code == 2
    assert "binary.txt" in err
    assert any("15mila" in json.loads(line)["text"] for line in out.splitlines())


def test_strict_stops_at_the_first_bad_file(capsys):
    code, out, err = run(capsys, "extract", "--strict", "--format", "jsonl", CLI / "binary.txt",
                         SEEDS / "001_e8b672b6d35973e6.txt")
    assert code == 2 and out == "" and "binary.txt" in err


def test_legacy_encoding_is_read_with_a_warning(capsys):
    code, out, err = run(capsys, "extract", "--format", "jsonl", CLI / "cp1252.txt")
    assert code == 0
    assert "cp1252" in err and "warning" in err
    (claim,) = [json.loads(line) for line in out.splitlines()]
    assert claim["value"] == 5000


CONTRACT = ["doc", "start", "end", "text", "value", "low", "high", "approx", "hedge", "unit",
            "kind", "noun", "concept", "attribution", "modality", "status", "scope", "section", "when"]


def test_extract_jsonl_contract(capsys):
    seed = SEEDS / "001_e8b672b6d35973e6.txt"
    code, out, err = run(capsys, "extract", "--format", "jsonl", seed)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records and all(list(r) == CONTRACT for r in records)
    body = seed.read_text(encoding="utf-8")
    for r in records:
        assert body[r["start"]:r["end"]] == r["text"]
        assert r["doc"] == str(seed)
    troops = next(r for r in records if r["text"] == "circa 15mila soldati")
    assert (troops["value"], troops["low"], troops["high"], troops["approx"]) == (15000, 13500, 16500, True)
    assert troops["attribution"]["canonical"] == "South Korea"


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "jsonl", "csv", "github"])
def test_report_formats_on_the_seeds(capsys, fmt):
    code, out, err = run(capsys, "report", SEEDS, "--format", fmt)
    assert code == 1  # the genieri/ingegneri wording conflict is an error
    assert "genieri" in out and "ingegneri" in out
    if fmt == "json":
        data = json.loads(out)
        assert set(data) == {"version", "tool", "documents", "claims", "figures", "findings", "unaligned"}
        assert data["version"] == 3 and data["tool"].startswith("quantities ")
        errors = [f for f in data["findings"] if f["severity"] == "error"]
        assert [f["rule"] for f in errors] == ["wording-conflict"]
        assert {c["line"] for c in errors[0]["claims"]} and all("col" in c for c in errors[0]["claims"])
    if fmt == "github":
        assert out.startswith("::error file=")
        assert ",line=" in out and ",col=" in out


@pytest.mark.parametrize(
    "fail_on, code",
    [("error", 1), ("never", 0)],
)
def test_fail_on(capsys, fail_on, code):
    assert run(capsys, "report", SEEDS, "--fail-on", fail_on)[0] == code


def test_clean_articles_exit_0(capsys):
    code, out, err = run(capsys, "report", SEEDS / "001_e8b672b6d35973e6.txt", SEEDS / "003_4758a363c3274eb9.txt")
    assert code == 0, out


def test_github_annotation_lands_on_the_word(capsys):
    code, out, _ = run(capsys, "report", SEEDS, "--format", "github")
    lines = SEEDS.joinpath("002_0517a2c3f414bc01.txt").read_text(encoding="utf-8").splitlines()
    checked = 0
    for ann in out.splitlines():
        if "002_" in ann.split("::")[1] and ann.startswith("::error"):
            props = dict(p.split("=", 1) for p in ann.split("::")[1].split(" ", 1)[1].split(","))
            line, col = int(props["line"]), int(props["col"])
            assert lines[line - 1][col - 1:].startswith("1.000** ingegneri")  # on the figure, inside the bold
            checked += 1
    assert checked == 1


def test_line_numbers_count_front_matter(capsys, tmp_path):
    art = tmp_path / "a.md"
    art.write_text("---\ntitle: Prova\ndate: 2025-08-13\n---\n\nSecondo Kcna sono arrivati 5.000 operai.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--format", "jsonl", art)
    (rec,) = [json.loads(line) for line in out.splitlines()]
    from quantities.ingest.documents import read

    (doc,) = read([art])
    assert doc.line_col(rec["start"]) == (6, 28)


def test_output_file_is_written(capsys, tmp_path):
    out_file = tmp_path / "claims.csv"
    code, out, _ = run(capsys, "extract", SEEDS, "--format", "csv", "--output", out_file)
    assert code == 0 and out == ""
    assert out_file.read_text(encoding="utf-8").startswith("doc,start,text")


def test_jobs_give_the_same_output(capsys, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted(SEEDS.iterdir())
    for i in range(80):
        src = seeds[i % len(seeds)]
        (folder / f"{i:03d}.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    one = run(capsys, "extract", folder, "--format", "jsonl", "--jobs", "1")
    two = run(capsys, "extract", folder, "--format", "jsonl", "--jobs", "2")
    assert one == two and one[1]


def test_subprocess_version_and_module():
    out = subprocess.run([sys.executable, "-m", "quantities", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("quantities ")


def test_subprocess_report_and_missing_file():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ok = subprocess.run([sys.executable, "-m", "quantities", "report", str(SEEDS)],
                        capture_output=True, text=True, env=env)
    assert ok.returncode == 1 and "wording-conflict" in ok.stdout and ok.stderr == ""
    bad = subprocess.run([sys.executable, "-m", "quantities", "report", "nope.txt"],
                         capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and bad.stdout == "" and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("quantities: error: nope.txt")


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Secondo l'intelligence sudcoreana, circa 15mila soldati."))
    code, out, _ = run(capsys, "extract", "-", "--format", "jsonl")
    assert code == 0 and json.loads(out.splitlines()[0])["value"] == 15000


def test_output_file_gets_the_usual_mode(capsys, tmp_path):
    out_file = tmp_path / "claims.jsonl"
    old = os.umask(0o022)
    try:
        assert run(capsys, "extract", SEEDS / "001_e8b672b6d35973e6.txt", "-f", "jsonl", "-o", out_file)[0] == 0
    finally:
        os.umask(old)
    assert out_file.stat().st_mode & 0o777 == 0o644


def test_github_annotation_for_a_finding_without_claims(capsys, tmp_path):
    art = tmp_path / "a.md"
    art.write_text("Sono arrivati 5.000 operai.\n<!-- quantities: ignore value-conflict — checked -->\n", encoding="utf-8")
    code, out, _ = run(capsys, "report", art, "--format", "github", "--fail-on", "warning")
    assert code == 1
    assert out.startswith("::warning::[unused-suppression]") and "a.md:2" in out


def test_a_suppression_in_a_txt_file_is_not_a_claim(capsys, tmp_path):
    art = tmp_path / "c.txt"
    art.write_text('Oltre 500 morti.\n<!-- quantities: ignore value-conflict "oltre 500 morti" — ok -->\n', encoding="utf-8")
    code, out, _ = run(capsys, "extract", art, "--format", "jsonl")
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["Oltre 500 morti"]


def test_table_output_ends_with_a_newline(capsys):
    code, out, _ = run(capsys, "extract", SEEDS / "001_e8b672b6d35973e6.txt")
    assert out.endswith("\n") and not out.endswith("\n\n")


# Bad inputs found in review: each a one-line error, exit 2, never a traceback.
FILES = {
    "nan.toml": '[[figure]]\nid = "a"\nwhat = ["soldati"]\nvalue = nan\n',
    "not-a-table.toml": "figure = [5]\n",
    "bad-source.toml": '[[figure]]\nid = "a"\nwhat = ["soldati"]\nvalue = 5\nsource = "South Korae"\n',
    "source-not-table.toml": "[sources]\nx = 5\n",
    "ignore-path-type.toml": '[[ignore]]\npath = 5\nrule = "update"\nreason = "r"\n',
    "ignore-unknown-rule.toml": '[[ignore]]\nrule = "nosuchrule"\nreason = "r"\n',
    "zero-stretch.toml": "[reconcile]\nvague_stretch = 0\n",
}


@pytest.mark.parametrize(
    "argv, says",
    [
        (["check", SEEDS, "--reference", "{nan.toml}"], "figure[0].value: must be a (finite) number"),
        (["check", SEEDS, "--reference", "{not-a-table.toml}"], "each [[figure]] must be a table"),
        (["check", SEEDS, "--reference", "{bad-source.toml}"], "unknown source 'South Korae'"),
        (["report", SEEDS, "--config", "{source-not-table.toml}"], "source-not-table.toml:2: sources.x: must be a table"),
        (["report", SEEDS, "--config", "{ignore-path-type.toml}"], "'path' must be a non-empty string"),
        (["report", SEEDS, "--config", "{ignore-unknown-rule.toml}"], "unknown rule 'nosuchrule'"),
        (["report", SEEDS, "--config", "{zero-stretch.toml}"], "reconcile.vague_stretch: must be above 0"),
        (["extract", SEEDS, "--output", "{.}"], "is a directory; --output takes a file name"),
        (["extract", "/dev/zero"], "/dev/zero: not a regular file"),
        (["extract", ""], "an empty path names no file"),
        (["extract", SEEDS, "--jobs", "100000"], "at most 256"),
    ],
)
def test_more_bad_inputs(capsys, tmp_path, argv, says):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    argv = [str(tmp_path / a[1:-1]) if isinstance(a, str) and a.startswith("{") else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2 and says in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_duplicate_ids_are_an_input_error(capsys, tmp_path):
    lines = tmp_path / "docs.jsonl"
    lines.write_text('{"id": "x", "text": "Sono 5 soldati."}\n{"id": "x", "text": "Sono 6 soldati."}\n')
    code, out, err = run(capsys, "report", lines, "--format", "json")
    assert code == 2 and "duplicate document id 'x'" in err
    assert len(json.loads(out)["documents"]) == 1


def test_full_disk_and_closed_stdin_are_one_line_errors():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    full = subprocess.run(f'{sys.executable} -m quantities extract "{SEEDS}" > /dev/full', shell=True,
                          capture_output=True, text=True, env=env)
    assert full.returncode == 2 and "cannot write the output" in full.stderr and "Traceback" not in full.stderr
    closed = subprocess.run(f"{sys.executable} -m quantities extract - <&-", shell=True,
                            capture_output=True, text=True, env=env)
    assert closed.returncode == 2 and "standard input is closed" in closed.stderr


def test_extract_github_annotations_have_line_and_column(capsys):
    code, out, _ = run(capsys, "extract", SEEDS / "001_e8b672b6d35973e6.txt", "--format", "github")
    troops = next(line for line in out.splitlines() if "15mila" in line)
    assert troops.startswith("::notice file=") and ",line=12,col=" in troops
    assert "circa 15mila soldati = 13500–16500 (South Korea, reported)" in troops


def test_a_claim_across_a_line_break_stays_one_table_row(capsys, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Sono arrivati 1.000\ningegneri a Kursk.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", art)
    assert "1.000 ingegneri" in out and len(out.splitlines()) == 3


def test_include_globs_sort_found_files_but_never_drop_a_named_one(capsys, tmp_path):
    folder = tmp_path / "articoli"
    folder.mkdir()
    (folder / "a.txt").write_text("Sono arrivati 5.000 operai.\n", encoding="utf-8")
    (folder / "b.md").write_text("Sono arrivati 6.000 operai.\n", encoding="utf-8")
    cfg = tmp_path / "quantities.toml"
    cfg.write_text('include = ["*.md"]\n')
    found = run(capsys, "extract", folder, "--config", cfg, "--format", "jsonl")[1]
    assert [json.loads(line)["value"] for line in found.splitlines()] == [6000]
    named = run(capsys, "extract", folder / "a.txt", "--config", cfg, "--format", "jsonl")[1]
    assert [json.loads(line)["value"] for line in named.splitlines()] == [5000]


def test_fail_on_belongs_to_the_commands_with_findings(capsys):
    code, _, err = run(capsys, "extract", SEEDS, "--fail-on", "warning")
    assert code == 2 and "unrecognized arguments: --fail-on" in err


def test_report_is_the_same_whatever_the_hash_seed():
    """A figure's concept was chosen from a set: on the seeds, genieri/ingegneri (one
    each) came out either way from run to run. An editorial CI needs the same report."""
    outs = set()
    for seed in ("1", "2", "3", "6"):  # 1 and 6 gave the other order before the fix
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "quantities", "report", str(SEEDS), "--format", "json"],
                             capture_output=True, text=True, env=env)
        outs.add(run.stdout)
    assert len(outs) == 1 and json.loads(outs.pop())
