"""The one way the tests read their tables: where the fixtures are, and rows as pytest params.

One convention for every row, whatever holds it: a row has an id, and a known gap is a
strict xfail row whose reason says what is missing (it must fail until the gap is fixed;
never a skip). One loader per format:

- :func:`rows`, a TSV file under ``fixtures/``: ``#`` starts a comment line, blank lines
  are skipped, each row has ``width`` columns, and one more non-empty column is the row's
  xfail reason (an empty one, as the columns' header may leave, is no xfail). ``\\n``,
  ``\\r`` and ``\\t`` in a cell are a newline, a carriage return and a tab. The id is the
  file's stem and line: ``numbers_it:12``. :func:`lines` is the reading under it, for a
  table whose last column says more than a reason (``tests/specs.py``: ``out:`` rows).
- :func:`cases`, TOML files of ``[[key]]`` tables: each table is one row, passed whole as a
  dict; its ``xfail`` key is the reason, its id the ``name`` key (or what ``ident`` says).
- :func:`row`, a row written in a test module's own parametrize list:
  ``row("**a *b* c**", "a b c", xfail="nested emphasis")``.

A row of the extraction's tables names a figure in a sentence; :func:`claim_at` is the claim
that covers it.
Reconciler cases (``fixtures/reconcile/*.toml``) give claims as one-line rows: :func:`claims_of`.

>>> row(1, 2, id="one").id, row(1, xfail="a gap").marks[0].kwargs["strict"]
('one', True)
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from quantities.types import Attribution, Claim, Quantity, Span

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"
#: What a row's expected value is when no claim covers its figure.
NO_CLAIM = "<no claim covers the figure>"
_ESCAPE = re.compile(r"\\[nrt]")
_ESCAPED = {"\\n": "\n", "\\r": "\r", "\\t": "\t"}


def row(*values: object, id: str | None = None, xfail: str | None = None) -> Any:
    """One row of a table as a pytest param; ``xfail`` (the reason) makes it a strict xfail."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(*values, id=id, marks=marks)


def lines(path: Path, width: int) -> list[tuple[int, list[str]]]:
    """The rows of a TSV table with their line numbers: ``width`` cells, or one more (the
    note: for :func:`rows` the xfail reason), escapes read; comments and blank lines skipped."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):  # not splitlines: U+2028 is data
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) in (width, width + 1), f"{path.name}:{n}: {len(cols)} columns, not {width}"
        out.append((n, [_ESCAPE.sub(lambda m: _ESCAPED[m[0]], c) for c in cols]))
    return out


def rows(path: Path, width: int) -> list:
    """Rows of a fixture TSV as pytest params; an extra non-empty last column is a strict-xfail reason."""
    return [row(*cells[:width], id=f"{path.stem}:{n}", xfail=cells[width] if len(cells) > width else None)
            for n, cells in lines(path, width)]


def column(path: Path, width: int, index: int = 0) -> list[str]:
    """One column of a fixture TSV, every row's (xfail rows too), as plain values."""
    return [param.values[index] for param in rows(path, width)]


def toml(path: Path) -> dict[str, Any]:
    """A TOML table file, read; a syntax error names the file (tomllib names line and column)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise AssertionError(f"{path.name}: {e}") from None


def _name(case: dict[str, Any]) -> str:
    return str(case["name"])


def cases(paths: Path | Iterable[Path], key: str, ident: Callable[[dict[str, Any]], str] = _name) -> list:
    """The ``[[key]]`` tables of TOML files as pytest params, one dict each; ``xfail`` is the reason."""
    out = []
    for path in [paths] if isinstance(paths, Path) else paths:
        for case in toml(path)[key]:
            out.append(row(case, id=ident(case), xfail=case.get("xfail")))
    return out


def claim_at(text: str, figure: str, lang: str = "it") -> Any:
    """The claim whose figure covers the first occurrence of ``figure`` in ``text``, or None."""
    from quantities import extract

    at = text.index(figure)
    for c in extract(text, lang=lang):
        if c.quantity.span.start <= at < c.quantity.span.end or at <= c.quantity.span.start < at + len(figure):
            return c
    return None


def cli(capsys: Any, *argv: Any) -> tuple[int, str, str]:
    """``quantities ARGV`` in this process: its exit status, stdout and stderr; a traceback on
    stderr fails the test (a user's mistake is one line)."""
    import os

    from quantities.integrations.cli import main

    code = main([os.fsdecode(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _words() -> Any:
    """The Italian numbers grammar the rows' hedge and vague words are read with."""
    from quantities.extraction.numbers.grammar import grammar
    from quantities.lang import load

    return grammar(load("it"))


def _times(v: Decimal, factor: Decimal) -> Decimal:
    out = v * factor
    return out.quantize(Decimal(1)) if out == out.to_integral_value() else out


def quantity(spec: str, text: str, kind: str, unit: str | None) -> Quantity:
    d = Decimal
    span = Span(0, len(text))
    precision = None
    if " p" in spec:
        spec, p = spec.rsplit(" p", 1)
        precision = d(p)
    if spec in _words().words.vague:
        lo, hi = _words().words.vague[spec]
        return Quantity(span, text, None, lo, hi, True, spec, unit, kind)
    if "-" in spec and not spec.startswith("-"):   # a range; a leading "-" is a sign ("-0.65")
        lo, hi = spec.split("-")
        return Quantity(span, text, None, d(lo), d(hi), False, None, unit, kind)
    word, _, number = spec.rpartition(" ")
    v = d(number)
    if word == "decina":
        spread = _words().words.approx_spread
        return Quantity(span, text, v, _times(v, 1 - spread), _times(v, 1 + spread), True, None, unit, kind)  # as read: no hedge word
    if word:
        meaning = _words().hedges.meanings[_words().hedges.before[word]]
        high = None if meaning.high is None else _times(v, meaning.high)
        return Quantity(span, text, v, _times(v, meaning.low), high, meaning.approx, word, unit, kind, precision)
    return Quantity(span, text, v, v, v, False, None, unit, kind, precision)


def claims_of(rows: list[str]) -> list[Claim]:
    out = []
    sentences: dict[tuple[str, str], int] = {}
    for i, row in enumerate(rows):
        cells = [c.strip() for c in row.split("|")]
        doc, text, number, noun, source, modality, date, context = cells[:8]
        kind, unit = (cells[8].split() + [None])[:2] if len(cells) > 8 else ("count", None)
        unit = None if unit == "-" else unit
        when = cells[9] if len(cells) > 9 and cells[9] != "-" else None
        scope = cells[10] if len(cells) > 10 and cells[10] != "-" else None
        start = sentences.setdefault((doc, context), 1000 * len(sentences))
        canonical, _, written = source.partition("/")
        attribution = None if source == "-" else Attribution(
            (written or canonical).strip(), canonical.strip() or None, "secondo", Span(0, 1))
        out.append(Claim(
            doc=doc, span=Span(start + i, start + i + len(text)), text=text,
            quantity=quantity(number, text, kind, unit), noun=None if noun == "-" else noun,
            concept=None, attribution=attribution, modality=modality,
            sentence=Span(start, start + len(context)), context=context,
            date=None if date == "-" else dt.date.fromisoformat(date), when=when, scope=scope,
        ))
    return out
