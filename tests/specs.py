"""Other extractors' public test suites as tables (``fixtures/specs/*.tsv``), and how they are scored.

Each file holds the cases of one public suite in one language (``<suite>_<lang>.tsv``); its
header comment cites the repository, the path and the license of the rows. A row is
``text<TAB>expect[<TAB>note]``:

- ``expect`` lists the claims the text holds, ``;`` between them, ``-`` for none. A claim is
  ``VALUE [UNIT]``: VALUE a number or ``LOW..HIGH`` (a range), UNIT matched against the
  quantity's unit or kind (``EUR``, ``kilometer``, ``percent``, ``fraction``); no UNIT, any.
- ``note`` empty: the row is an assertion. ``xfail: why``: a known gap, a strict xfail.
  ``out: why``: out of a newsroom's scope (a rank, a dictated code, a spoken decimal point…);
  listed with its reason, never run against the reader.

A row is scored on the claims ``find`` reads (``is_claim``): an expected claim found is a
true positive, one not found a false negative, a claim read and not expected a false
positive. ``benchmarks/score_specs.py`` prints precision, recall, F1 and accuracy by suite.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tables import FIXTURES, lines

from quantities.extraction.numbers.reader import find
from quantities.types import Quantity

SPECS = FIXTURES / "specs"
_TOLERANCE = Decimal("1e-4")  # relative, for expected values with decimals (0.3333 for a third)


@dataclass(frozen=True, slots=True)
class Expected:
    low: Decimal
    high: Decimal
    unit: str | None


@dataclass(frozen=True, slots=True)
class Row:
    suite: str
    lang: str
    line: int
    text: str
    expect: tuple[Expected, ...]
    note: str

    @property
    def out(self) -> bool:
        return self.note.startswith("out:")

    @property
    def xfail(self) -> str | None:
        return self.note[len("xfail:"):].strip() if self.note.startswith("xfail:") else None

    @property
    def ident(self) -> str:
        return f"{self.suite}:{self.line}:{self.text.strip()[:40]}"


def suites() -> list[Path]:
    return sorted(SPECS.glob("*.tsv"))


def _expected(cell: str) -> tuple[Expected, ...]:
    if cell == "-":
        return ()
    out = []
    for item in cell.split(";"):
        value, _, unit = item.strip().partition(" ")
        low, _, high = value.partition("..")
        out.append(Expected(Decimal(low), Decimal(high or low), unit.strip() or None))
    return tuple(out)


def rows(path: Path) -> list[Row]:
    suite = path.stem
    lang = suite.rsplit("_", 1)[1]
    out = []
    for n, cols in lines(path, 2):
        note = cols[2].strip() if len(cols) == 3 else ""
        assert note == "" or note.startswith(("out:", "xfail:")), f"{path.name}:{n}: note {note!r}"
        out.append(Row(suite, lang, n, cols[0], _expected(cols[1].strip()), note))
    return out


def _close(got: Decimal | None, want: Decimal) -> bool:
    if got is None:
        return False
    if want == want.to_integral_value():
        return got == want
    return abs(got - want) <= _TOLERANCE * max(abs(want), Decimal(1))


def _matches(q: Quantity, e: Expected) -> bool:
    if e.unit is not None and e.unit not in (q.unit, q.kind):
        return False
    if e.low == e.high:
        return _close(q.value, e.low)
    return _close(q.low, e.low) and _close(q.high, e.high)


def claims(row: Row) -> list[Quantity]:
    return [q for q in find(row.text, row.lang) if q.is_claim]


def score(row: Row) -> tuple[int, int, int, list[Quantity]]:
    """True positives, false positives, false negatives of one row, and the claims read."""
    found = claims(row)
    left = list(found)
    tp = 0
    for e in row.expect:
        hit = next((q for q in left if _matches(q, e)), None)
        if hit is not None:
            left.remove(hit)
            tp += 1
    return tp, len(left), len(row.expect) - tp, found


def describe(found: list[Quantity]) -> list[str]:
    return [f"{q.text!r}={q.value if q.value is not None else f'{q.low}..{q.high}'} {q.unit or q.kind}"
            for q in found]
