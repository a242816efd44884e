"""The reader on other extractors' public test suites (fixtures/specs, see tests/specs.py).

Rows in scope are assertions (or strict xfails naming the gap); rows out of scope are listed
with their reason and must keep one.
"""

from __future__ import annotations

import pytest
from specs import Row, describe, rows, score, suites
from tables import row as param


def _params() -> list:
    out = []
    for path in suites():
        for row in rows(path):
            if row.out:
                continue
            out.append(param(row, id=row.ident, xfail=row.xfail or None))
    return out


@pytest.mark.parametrize("row", _params())
def test_spec_row(row: Row) -> None:
    tp, fp, fn, found = score(row)
    assert (fp, fn) == (0, 0), f"expected {row.expect}; read {describe(found)}"


@pytest.mark.parametrize("path", suites(), ids=lambda p: p.stem)
def test_suite_cites_its_source_and_says_why_rows_are_out(path) -> None:
    head = path.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# Source: ") and "/" in head, f"{path.name}: first line must cite the source"
    table = rows(path)
    assert table, f"{path.name}: no rows"
    for row in table:
        if row.out:
            assert len(row.note) > len("out: ") + 5, f"{path.name}:{row.line}: out of scope without a reason"
