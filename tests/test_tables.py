"""tests/tables.py, the one loader of the tests' tables, and the convention it keeps.

The loader: a TSV row, a TOML case and an inline row become params with ids, a reason makes
a strict xfail and nothing else does. The convention, over every test module: helpers come
from ``tables`` (and the other helper modules of ``tests/``), never from another test module;
a known gap is written through :func:`tables.row` (or a table's xfail column), never with a
hand-made mark, so that every one is strict and has its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from tables import FIXTURES, ROOT, cases, column, row, rows

TESTS = ROOT / "tests"
MODULES = sorted(p for p in TESTS.rglob("*.py") if p.name != "score_news.py")  # the team's scorer, copied as is


def _xfail(param) -> str | None:
    marks = [m for m in param.marks if m.name == "xfail"]
    assert all(m.kwargs.get("strict") is True for m in marks)
    return marks[0].kwargs["reason"] if marks else None


def test_a_tsv_row_is_its_columns_and_an_optional_reason(tmp_path: Path) -> None:
    table = tmp_path / "t.tsv"
    table.write_text("# a comment\n\na\tb\nc\td\t\ne\tf\ta gap\n", encoding="utf-8")
    got = rows(table, 2)
    assert [p.values for p in got] == [("a", "b"), ("c", "d"), ("e", "f")]
    assert [p.id for p in got] == ["t:3", "t:4", "t:5"]
    assert [_xfail(p) for p in got] == [None, None, "a gap"]  # an empty reason column is no xfail
    assert column(table, 2, 1) == ["b", "d", "f"]


@pytest.mark.parametrize("text", ["a\n", "a\tb\tc\td\n"], ids=["too few", "too many"])
def test_a_tsv_row_of_the_wrong_width_names_its_line(tmp_path: Path, text: str) -> None:
    table = tmp_path / "t.tsv"
    table.write_text("# header\n" + text, encoding="utf-8")
    with pytest.raises(AssertionError, match=r"t\.tsv:2: \d columns, not 2"):
        rows(table, 2)


def test_a_toml_case_is_one_dict_with_its_name_and_reason(tmp_path: Path) -> None:
    table = tmp_path / "c.toml"
    table.write_text('[[case]]\nname = "one"\n\n[[case]]\nname = "two"\nxfail = "a gap"\n', encoding="utf-8")
    got = cases(table, "case")
    assert [(p.id, p.values[0]["name"], _xfail(p)) for p in got] == [("one", "one", None), ("two", "two", "a gap")]
    assert [p.id for p in cases([table, table], "case", lambda c: c["name"].upper())] == ["ONE", "TWO"] * 2


def test_a_broken_toml_table_names_its_file(tmp_path: Path) -> None:
    table = tmp_path / "c.toml"
    table.write_text("[[case]\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"c\.toml: .*line 1"):
        cases(table, "case")


def test_an_inline_row() -> None:
    assert _xfail(row(1, 2, id="r", xfail="a gap")) == "a gap"
    assert _xfail(row(1, 2, xfail=None)) is None and row(1, 2, id="r").values == (1, 2)


def _imports(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append((node.lineno, "." * node.level + (node.module or "")))
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(TESTS)))
def test_no_test_module_imports_another(path: Path) -> None:
    wrong = [f"{path.relative_to(ROOT)}:{line}: imports {name}" for line, name in _imports(path)
             if name.startswith((".", "tests", "conftest")) or name.split(".")[-1].startswith("test_")]
    assert not wrong, "\n".join(wrong) + "\n(shared helpers go in tests/tables.py; import it as `tables`)"


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "tables.py"], ids=lambda p: str(p.relative_to(TESTS)))
def test_known_gaps_are_written_one_way(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    wrong = [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}: {m[0]}"
             for m in re.finditer(r"mark\.(?:xfail|skip)\b|pytest\.skip\(|\bXFAIL\b", text)
]
    assert not wrong, "\n".join(wrong) + "\n(a known gap is tables.row(..., xfail=REASON) or a table's xfail column)"


def test_every_table_in_fixtures_is_read_by_a_test() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in MODULES)
    unread = [p.name for p in sorted(FIXTURES.glob("*.tsv")) if p.name not in source and p.stem not in source]
    assert not unread
