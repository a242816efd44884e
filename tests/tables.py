"""The one way the tests read their tables: where the fixtures are, and rows as pytest params.

A table is a TSV file under ``fixtures/``: ``#`` starts a comment line, blank lines are
skipped, each row has ``width`` columns, and one more column makes the row a strict xfail
whose text is the reason (a known gap, which must fail until it is fixed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"


def rows(path: Path, width: int) -> list:
    """Rows of a fixture TSV as pytest params; an extra last column is a strict-xfail reason."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) in (width, width + 1), f"{path.name}:{n}: {len(cols)} columns"
        marks = [pytest.mark.xfail(strict=True, reason=cols[width])] if len(cols) > width else []
        out.append(pytest.param(*cols[:width], marks=marks, id=f"{path.stem}:{n}"))
    return out
