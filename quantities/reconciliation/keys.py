"""What a claim counts, as the keys a figure is made of, and the marks of time on it.

A figure is one quantity of the world: the same thing counted (the lexicon's
interlingual concept id, so that English «dead» and Italian «morti» meet), in the same
status (dead, injured, missing, …) and scope (a place, a part), of the same kind and
unit dimension, with compatible modality (accomplished facts vs plans). A concept that
only says "people" takes its status as what it counts ("persone disperse" = "dispersi").
A percentage, a measure or a sum of money without a counted noun is keyed by the word
that leads it in its clause ("affluenza al 51%", "profondità di 8 km"); an age by the
name before it ("Michael Zanera, 34 anni"): different people, different figures. A figure
its sentence sets in an earlier year than its article's ("nel 1960 … 12 mila morti") has
that year in its scope (:mod:`quantities.reconciliation.years`).

Each document is read with its own lexicon (its own language pack).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from quantities.cache import compiled
from quantities.lang import clock, units
from quantities.lang.lexicon import Lexicon, Reading
from quantities.reconciliation.intervals import Interval, interval_of, precision_of
from quantities.reconciliation.settings import ReconcileSettings
from quantities.reconciliation.years import past_year
from quantities.types import Claim

#: Modalities that are compared with each other; "denied" is in no group.
MODALITY_GROUP = {"reported": "done", "estimated": "done", "planned": "planned"}
#: Kinds whose figure, without a counted noun, is keyed by the word that leads it.
LED_KINDS = frozenset({"percent", "measure", "money", "duration"})
#: Concepts that are spans of time ("34 anni"): keyed, like ages, by whose they are.
SPANS_OF_TIME = frozenset({"year", "month", "day"})
WORD = compiled(r"[^\W\d_][^\W\d_'’]{0,59}")
CLAUSE = compiled(r"[,;:()\[\]«»\"“”]|\s[-–—]\s")
CUE_WINDOW = 60   # characters before a figure read for cues of time
LENT = "a figure the article says moved, with only another figure's generic noun: what it counts is not known"


@dataclass(frozen=True, slots=True)
class Key:
    """The keys of a figure: what is counted, its status and scope, kind, unit, modality."""

    what: str | None
    status: str | None
    scope: str | None
    kind: str
    unit: str | None
    modality: str

    def label(self) -> str:
        parts = [self.what or "?"]
        parts += [p for p in (self.status, self.scope) if p]
        return " / ".join(parts) + f" ({self.kind}{', ' + self.unit if self.unit else ''})"


@dataclass(slots=True)
class Item:
    """A claim prepared for comparison."""

    claim: Claim
    key: Key | None
    reason: str | None          # why the claim has no key (when key is None)
    reading: Reading | None
    lexicon: Lexicon
    value: Decimal | None       # the stated value in base units
    interval: Interval
    source: str | None          # who the claim is credited to (canonical, else as written)
    superseded: bool            # the article gives it as an earlier, no longer current value
    moved: str | None           # "rising" / "falling": the article says the figure moved
    order: int = 0
    minute: int | None = None   # the minute of the day its text gives it (Claim.when), if any

    @property
    def running(self) -> bool:
        """A figure that runs by nature (a count of people in a status: dead, missing, …) or
        that the article says moved ("sale a"): its values over a day are one timeline."""
        status = self.key.status if self.key is not None else None
        return status is not None or (self.reading is not None and self.reading.status is not None) \
            or self.moved is not None


def prepare(claims: list[Claim], settings: ReconcileSettings,
            lexicon_of: Callable[[str], Lexicon]) -> list[Item]:
    """Every claim as an Item, in a stable order (date, document, offset)."""
    tolerance = Decimal(str(settings.precision_tolerance))
    margin = Decimal(str(settings.approx_margin))
    stretch = Decimal(str(settings.vague_stretch)) or Decimal(1)
    over = 1 + Decimal(str(settings.over_margin))
    round_from = Decimal(str(settings.round_from))
    ordered = sorted(claims, key=lambda c: (c.date is None, c.date or 0, c.doc, c.span.start))
    lent = _lent(ordered)
    items = []
    for n, c in enumerate(ordered):
        lex = lexicon_of(c.doc)
        unit_key, factor = unit_key_of(c.quantity.unit)
        rounded = precision_of(c.quantity) >= round_from
        interval = interval_of(c.quantity, tolerance=tolerance if rounded else Decimal(0),
                               approx_margin=margin, vague_stretch=stretch)
        if interval.high is None and c.quantity.value is not None:
            # "oltre 300", "at least 296": just above the figure, not anything above it
            interval = Interval(interval.low, c.quantity.value * over, interval.low_open, False)
        value = None if c.quantity.value is None else c.quantity.value * factor
        before = _before(c)
        reading = lex.read(c.noun)
        key, reason = _key(c, reading, unit_key, before, lex)
        words = [w.casefold() for w in WORD.findall(before)]
        moved = "rising" if lex.cue("rising", words) else "falling" if lex.cue("falling", words) else None
        if key is not None and moved and id(c) in lent and key.status is None and reading is not None \
                and reading.generic:
            key, reason = None, LENT
        items.append(Item(c, key, reason, reading, lex, value, interval.scaled(factor), _source(c),
                          lex.cue("superseded", words), moved, n,
                          None if c.when is None else clock.minute_of(c.when, lex.lang)))
    return items


def _lent(claims: list[Claim]) -> set[int]:
    """The claims whose noun is another figure's, written before them in their sentence
    ("con a bordo circa 750 persone, sale a 82": 82 has the noun of 750)."""
    seen: dict[tuple[str, int, str], Claim] = {}
    out = set()
    for c in claims:
        if not c.noun:
            continue
        at = (c.doc, c.sentence.start, c.noun.casefold())
        first = seen.setdefault(at, c)
        if first is not c and c.noun.casefold() not in c.text.casefold() \
                and c.noun.casefold() in first.text.casefold():
            out.add(id(c))
    return out


def _key(c: Claim, reading: Reading | None, unit: str | None, before: str,
         lex: Lexicon) -> tuple[Key | None, str | None]:
    if not c.quantity.is_claim:
        return None, f"not a figure (a {c.quantity.kind})"
    if c.modality not in MODALITY_GROUP:
        return None, "denied: the article says the figure is false"
    kind = c.quantity.kind
    what, status = _what(c, reading)
    if kind == "age" or (reading is not None and reading.shared in SPANS_OF_TIME):
        what = _subject(c, lex)
        if what is None:
            return None, "an age or a span of time with no name before it: whose it is is not known"
    elif kind == "duration":
        what = _measure(c, before, lex)
        if what is None:
            return None, "a span of time with nothing saying what lasted"
    elif what is None and kind == "count":
        what = _measure(c, before, lex)  # "i dispersi sono diventati 13": the noun before the figure
    elif what is None and kind in LED_KINDS:
        what = _measure(c, before, lex)
        if what is None and (kind in ("percent", "money") or unit is None):
            what = _lead(before, lex)
    if what is None and unit is None:
        return None, "nothing says what it counts (no noun, no unit)"
    if what is None and kind == "percent":
        return None, "a percentage of nothing named (no noun, no word before it)"
    scope = c.scope.casefold() if c.scope else None
    year = past_year(c.context, c.text, c.date, lex.lang)
    if year is not None:   # a figure of another year: "nel 1960 … 12 mila morti"
        scope = f"{scope} {year}" if scope else str(year)
    return Key(what, status, scope, kind, unit, MODALITY_GROUP[c.modality]), None


def _what(c: Claim, reading: Reading | None) -> tuple[str | None, str | None]:
    """What is counted and the status left over: a generic noun takes its status as what."""
    if reading is None or reading.generic:
        return (c.status, None) if c.status else ((reading.shared, None) if reading else (None, None))
    status = c.status if c.status and c.status != (reading.status or reading.shared) else None
    return reading.shared, status


@functools.cache
def unit_key_of(unit: str | None) -> tuple[str | None, Decimal]:
    """The key of a unit and the factor to its base unit.

    Currencies are kept apart by code (euro and dollar figures are not compared);
    units of one dimension are compared in base units.
    """
    dim = units.dimension(unit)
    if unit is None or dim is None or units.is_currency(unit) or not units.is_pint_unit(unit):
        return (unit if dim is None or units.is_currency(unit) else dim), Decimal(1)
    magnitude = units.registry().Quantity(1, unit).to_base_units().magnitude
    return dim, Decimal(str(magnitude))


def _before(c: Claim) -> str:
    """The words of the claim's clause before its figure (at most CUE_WINDOW characters)."""
    ctx = c.context
    at = ctx.find(c.text) if c.text else -1
    if at < 0:
        at = max(0, min(len(ctx), c.span.start - c.sentence.start))
    piece = ctx[max(0, at - CUE_WINDOW):at]
    cut = None
    for m in CLAUSE.finditer(piece):
        cut = m.end()
    return piece[cut:] if cut is not None else piece


def _measure(c: Claim, before: str, lex: Lexicon) -> str | None:
    """The concept a measure names: a known word after the figure in the claim
    ("8 km di profondità"), else among the last words before it ("profondità di 8 km")."""
    after = [w for w in WORD.findall(c.text) if w.casefold() not in lex.stopwords]
    near = [w for w in WORD.findall(before) if w.casefold() not in lex.stopwords][-3:]
    for w in [*after, *reversed(near)]:
        reading = lex.read(w)
        if reading is not None and reading.known and reading.shared not in SPANS_OF_TIME:
            return reading.shared
    return None


def _lead(before: str, lex: Lexicon) -> str | None:
    """The folded key of the last content word before the figure in its clause."""
    words = [w for w in WORD.findall(before) if w.casefold() not in lex.stopwords]
    return f"{lex.lang}:{lex.key(words[-1])}" if words else None


def _subject(c: Claim, lex: Lexicon) -> str | None:
    """A name among the four words right before the figure: whose age it is
    ("Michael Zanera, 34 anni"); None when no name stands that close."""
    at = c.context.find(c.text) if c.text else -1
    words = WORD.findall(c.context[max(0, at - CUE_WINDOW):at]) if at > 0 else []
    found = [w for w in words[-4:] if w[:1].isupper() and w.casefold() not in lex.stopwords]
    return "age of " + found[-1].casefold() if found else None


def _source(c: Claim) -> str | None:
    a = c.attribution
    if a is None:
        return None
    return a.canonical or " ".join(a.source.casefold().split())
