"""A file name, a document id or an outlet is the user's data (scraped, often): each format
shows it and nothing more. No escape sequence reaches a terminal, no character XML refuses
reaches a JUnit file, no pipe breaks a Markdown row, no cell runs as a spreadsheet formula."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from tables import SEEDS, cli

ARTICLES = [SEEDS / "000_b6943ad90d5cd531.txt", SEEDS / "002_0517a2c3f414bc01.txt"]  # a wording conflict


def _write(tmp_path, ids, outlets):
    lines = [json.dumps({"id": i, "text": a.read_text(encoding="utf-8"), "outlet": o})
             for i, a, o in zip(ids, ARTICLES, outlets, strict=True)]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# id, outlet of the first article; the format; what the output must not hold; what it must
ROWS = [
    ("a\x01", "Ansa\x02\x1b[2J", "table", ["\x1b", "\x01", "\x02"], ["a\\x01", "Ansa\\x02\\x1b[2J"]),
    ("a", "Ansa\u202eTASS", "table", ["\u202e"], ["Ansa\\u202eTASS"]),  # a bidi override
    ("a\x1b[31m", "Ansa", "markdown", ["\x1b"], ["a\\x1b[31m"]),
    ("a|b", "Ansa|Rai", "markdown", ["`a|b", "(Ansa|Rai)"], ["a\\|b", "(Ansa\\|Rai)"]),  # a pipe in a code span too
    ("a`b", "Ansa", "markdown", ["`a`b"], ["`` a`b:5 (Ansa) ``"]),  # a backtick: the span fenced by two
    ("a\x1b[2J", "Ansa", "github", ["\x1b"], ["a\\x1b[2J"]),
    ("a\x01", "Ansa\x02\x1b[2J", "junit", ["\x01", "\x02", "\x1b", "\\u0001"], ["a\\x01"]),  # one escape both ways
    ("a", "Ansa", "table", [], ["a:5 (Ansa)"]),      # near misses: plain names as they are
    ("a", "Ansa", "markdown", ["\\|"], ["`a:5 (Ansa)`"]),
]


@pytest.mark.parametrize(("ident", "outlet", "fmt", "absent", "present"), ROWS)
def test_names_are_shown_inert(capsys, tmp_path, ident, outlet, fmt, absent, present):
    code, out, err = cli(capsys, "report", _write(tmp_path, [ident, "b"], [outlet, "Reuters"]), "--format", fmt)
    assert code == 1 and err == ""
    assert [a for a in absent if a in out] == []
    assert [p for p in present if p not in out] == []
    if fmt == "junit":
        ET.fromstring(out.split("\n", 1)[1])  # well-formed
    if fmt == "markdown":  # every row of a table has its header's cells
        for block in out.split("\n\n"):
            rows = [r for r in block.splitlines() if r.startswith("|")]
            assert len({r.replace("\\|", "").count("|") for r in rows}) <= 1, block


# a cell's text; whether a spreadsheet would run it
FORMULAS = [
    ("=cmd|' /C calc'!A0", True), ("@SUM(1+1)", True), ("-2+3+cmd|' /C calc'!A0", True), ("+SUM(1)", True),
    ("\t=1+1", True), ("-1+A1!B2", True),
    # a signed figure is a figure's text, as the claims' JSONL has it (spreadsheets read it as a number)
    ("-5", False), ("+5", False), ("-5,2", False), ("+0,5%", False), ("-1.234.567 euro", False), ("+5%", False),
    ("1.000", False), ("a=b", False), ("Ansa", False), ("\tx", False),
]


@pytest.mark.parametrize(("text", "runs"), FORMULAS)
def test_a_csv_cell_a_spreadsheet_would_run_starts_with_a_quote(text, runs):
    from quantities.report.formats.common import csv_text

    row = next(csv.reader(io.StringIO(csv_text(["a", "b"], [[text, 5]]).splitlines()[1])))
    assert row == ([f"'{text}", "5"] if runs else [text, "5"])


def test_a_report_and_claims_in_csv_carry_no_formula(capsys, tmp_path):
    docs = _write(tmp_path, ["=cmd|' /C calc'!A0", "b"], ["@SUM(1+1)", "Reuters"])
    for command in ("report", "extract"):
        code, out, _ = cli(capsys, command, docs, "--format", "csv")
        cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
        assert code in (0, 1) and not [c for c in cells if c.startswith(("=", "@"))], command
        assert any(c.startswith("'=cmd") for c in cells)
