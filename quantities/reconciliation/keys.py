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
from dataclasses import dataclass, replace
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
#: The unit ages are given in: a number after a name and a comma ("Giuseppe Saverio
#: Lombardo, 52") is an age in it.
AGE_UNIT = "year"
#: Above this, a number after a name and a comma is no age.
MAX_AGE = 120
#: The key of an age: of a named person ("age of lombardo": one person) or of a person
#: the article names by a noun ("age of a man": one of the people of that noun).
AGE_OF = "age of "
AGE_OF_A = "age of a "
WORD = compiled(r"[^\W\d_][^\W\d_'’]{0,59}")
CLAUSE = compiled(r"[,;:()\[\]«»\"“”]|\s[-–—]\s")
CUE_WINDOW = 60   # characters before a figure read for cues of time
LENT = "a figure the article says moved, with only another figure's generic noun: what it counts is not known"


#: Statuses that do not run: a crowd is counted once, and its figures on later days are
#: the same count disputed (questura vs organisers), not a timeline.
COUNTED_ONCE = frozenset({"participants"})


def toll(i: Item) -> bool:
    """A count that runs by nature: people in a status (dead, missing, …), a crowd excepted,
    whether the status is the claim's ("persone disperse") or its concept's ("morti")."""
    if i.key is None:
        return False
    status = i.key.status or (i.reading.status if i.reading is not None else None)
    return status is not None and status not in COUNTED_ONCE


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
    lead: bool = False          # a bare count of a lead, keyed as the body's figure it repeats

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
        before = _before(c)
        reading = lex.read(c.noun)
        narrowed = _narrowed(c, reading, lex)
        if narrowed is not None:   # "2.059 feriti, 1.404 dei quali gravi": the critically injured
            c = replace(c, scope=None)
            reading = narrowed
        key, reason = _key(c, reading, unit_key, before, lex)
        if key is not None and key.kind == "age" and c.quantity.unit is None:  # "Lombardo, 52"
            factor = unit_key_of(AGE_UNIT)[1]
        value = None if c.quantity.value is None else c.quantity.value * factor
        words = [w.casefold() for w in WORD.findall(before)]
        moved = "rising" if lex.cue("rising", words) else "falling" if lex.cue("falling", words) else None
        if key is not None and moved and id(c) in lent and key.status is None and reading is not None \
                and reading.generic:
            key, reason = None, LENT
        items.append(Item(c, key, reason, reading, lex, value, interval.scaled(factor), _source(c),
                          lex.cue("superseded", words), moved, n,
                          None if c.when is None else clock.minute_of(c.when, lex.lang)))
    _lead_figures(items)
    return items


def _narrowed(c: Claim, reading: Reading | None, lex: Lexicon) -> Reading | None:
    """A part named after its partitive ("1.404 dei quali gravi", "205 of them critically
    injured"): the concept the counted noun and the words after the part marker make, when
    the lexicon knows it as a kind of the noun's own ("feriti gravi"); else None."""
    if not c.scope or reading is None or not reading.known or not c.noun:
        return None
    at = c.context.find(c.text)
    after = c.context[at + len(c.text):].lstrip() if at >= 0 else ""
    if after.casefold().startswith(c.scope.casefold()):   # "1.404 dei quali gravi"
        after = after[len(c.scope):]
    elif c.context.find(c.scope) < 0 or c.context.find(c.scope) > at:   # "di cui 1.404 in condizioni critiche"
        return None
    words = WORD.findall(CLAUSE.split(after, 1)[0])[:3]
    for n in range(len(words), 0, -1):
        for phrase in (f"{c.noun} {' '.join(words[:n])}", f"{' '.join(words[:n])} {c.noun}"):
            found = lex.read(phrase)
            if found is not None and found.known and reading.concept in lex.ancestors(found.concept):
                return found
    return None


def _lead_figures(items: list[Item]) -> None:
    """A bare count in an article's headline or first sentence ("Centomila per gli
    organizzatori, trentamila per la questura") is the figure its own body counts with the
    value it meets: it takes that key when exactly one of the article's keyed counts meets it."""
    by_doc: dict[str, list[Item]] = {}
    for i in items:
        by_doc.setdefault(i.claim.doc, []).append(i)
    for members in by_doc.values():
        body = [i.claim.sentence.start for i in members if i.claim.section != "title"]
        first = min(body, default=None)
        for i in members:
            c = i.claim
            if i.key is not None or c.noun or c.quantity.kind != "count" or c.quantity.unit is not None \
                    or c.quantity.value is None or not c.quantity.is_claim or c.modality not in MODALITY_GROUP:
                continue
            if c.section != "title" and c.sentence.start != first:
                continue
            met = {o.key for o in members if o.key is not None and o.key.kind == "count" and o.claim.noun
                   and o.interval.meets(i.interval)}
            if len(met) == 1:
                i.key, i.reason, i.lead = met.pop(), None, True


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
    if _is_age(c, reading, lex):
        whose = _whose(c, reading, lex)
        if whose is None:
            return None, "an age or a span of time with no name before it: whose it is is not known"
        # an age is never a plan: "dovrebbe avere 77 anni" is an estimate of it
        return Key(whose, None, _scope(c, lex), "age", unit_key_of(AGE_UNIT)[0], MODALITY_GROUP["reported"]), None
    if reading is not None and reading.shared in SPANS_OF_TIME:
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
    return Key(what, status, _scope(c, lex), kind, unit, MODALITY_GROUP[c.modality]), None


def _scope(c: Claim, lex: Lexicon) -> str | None:
    scope = c.scope.casefold() if c.scope else None
    year = past_year(c.context, c.text, c.date, lex.lang)
    if year is not None:   # a figure of another year: "nel 1960 … 12 mila morti"
        scope = f"{scope} {year}" if scope else str(year)
    return scope


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


def _is_age(c: Claim, reading: Reading | None, lex: Lexicon) -> bool:
    """Whether a claim states someone's age: read as one, or years of a person the claim's
    noun names ("Giuseppe Saverio Lombardo, 52 anni"), or a number right after a name and
    a comma ("Giuseppe Saverio Lombardo, 52")."""
    q = c.quantity
    if q.kind == "age":
        return True
    if q.kind == "duration" and q.unit == AGE_UNIT:
        return _name(c.noun, reading, lex) is not None or (reading is not None and lex.person(reading))
    if q.kind != "count" or q.unit is not None or q.value is None or not 0 < q.value <= MAX_AGE \
            or q.value != q.value.to_integral_value() or WORD.search(c.text):
        return False
    at = c.context.find(c.text)
    return at > 0 and c.context[:at].rstrip().endswith(",") and _name(c.noun, reading, lex) is not None


def _name(noun: str | None, reading: Reading | None, lex: Lexicon) -> str | None:
    """The folded last word of a noun that is a person's name (every content word
    capitalised, no concept of the lexicon): "Giuseppe Saverio Lombardo" → lombardo."""
    if not noun or (reading is not None and reading.known):
        return None
    words = [w for w in WORD.findall(noun) if w.casefold() not in lex.stopwords]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    return words[-1].casefold()


def _whose(c: Claim, reading: Reading | None, lex: Lexicon) -> str | None:
    """Whose age a claim gives: the person its noun names (a name, else a noun of people),
    else the nearest name or noun of people right before it."""
    name = _name(c.noun, reading, lex)
    if name is not None:
        return AGE_OF + name
    if reading is not None and lex.person(reading):
        return AGE_OF_A + reading.shared
    return _subject(c, lex)


def _subject(c: Claim, lex: Lexicon) -> str | None:
    """A name or a noun of people among the four words right before the figure: whose age
    it is ("Michael Zanera, 34 anni", "due ragazzi di 12 e 13 anni"); None when none
    stands that close."""
    at = c.context.find(c.text) if c.text else -1
    words = WORD.findall(c.context[max(0, at - CUE_WINDOW):at]) if at > 0 else []
    for w in reversed(words[-4:]):
        if w.casefold() in lex.stopwords:
            continue
        if w[:1].isupper():
            return AGE_OF + w.casefold()
        reading = lex.read(w)
        if reading is not None and lex.person(reading):
            return AGE_OF_A + reading.shared
    return None


def _source(c: Claim) -> str | None:
    a = c.attribution
    if a is None:
        return None
    return a.canonical or " ".join(a.source.casefold().split())
