"""What a claim counts, as the keys a figure is made of, and the marks of time on it.

A figure is one quantity of the world: the same thing counted (the lexicon's
interlingual concept id, so that English «dead» and Italian «morti» meet), in the same
status (dead, injured, missing, …) and scope (a place, a part), of the same kind and
unit dimension, with compatible modality (accomplished facts vs plans). A concept that
only says "people" takes its status as what it counts ("persone disperse" = "dispersi").
A percentage, a measure or a sum of money is keyed by what it measures: a concept the
lexicon marks ``measure`` in its clause ("profondità di 8 km", "Salgono dal 37,5% al 39,5% i
fondi"), which wins over a noun carried from an earlier figure ("a section of about 200
metres … plummeting some 100 metres": the fall); else the concept its unit measures
("magnitudo 7": a quake's), else the word that leads it ("affluenza al 51%"); an age by the
name before it ("Michael Zanera, 34 anni"): different people, different figures. A figure
its sentence sets in an earlier year than its article's ("nel 1960 … 12 mila morti") has
that year in its scope (:mod:`quantities.reconciliation.years`). The old value of a change
the article states ("le risorse passano da 191,5 a 194,4 miliardi") is an earlier value.

Each document is read with its own lexicon (its own language pack).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from quantities import lang as langs
from quantities.cache import compiled
from quantities.lang import clock, units
from quantities.lang.lexicon import Lexicon, Reading
from quantities.reconciliation.intervals import Interval, interval_of, precision_of
from quantities.reconciliation.settings import ReconcileSettings
from quantities.reconciliation.years import document_years, past_year
from quantities.text.fold import low
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
    year: int | None = None     # the earlier year its sentence sets it in, if any
    provisional: bool = False   # its sentence gives it as a partial or near-final count
    earlier: bool = False       # the old value of a change the article states ("passano da 191,5 a …")

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
    years = _past_years(ordered, lexicon_of)
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
        key, reason, year = _key(c, reading, unit_key, before, lex, years.get(c.doc, ()))
        words = [w.casefold() for w in WORD.findall(before)]
        moved = "rising" if lex.cue("rising", words) else "falling" if lex.cue("falling", words) else None
        if key is not None and moved and id(c) in lent and key.status is None and reading is not None \
                and reading.generic:
            key, reason = None, LENT
        earlier = _old_of_change(words, lex.lang)
        items.append(Item(c, key, reason, reading, lex, value, interval.scaled(factor), _source(c),
                          lex.cue("superseded", words) or earlier, moved, n,
                          None if c.when is None else clock.minute_of(c.when, lex.lang), year,
                          lex.cue("provisional", c.context), earlier))
    return items


def _past_years(claims: list[Claim], lexicon_of: Callable[[str], Lexicon]) -> dict[str, tuple[int, ...]]:
    """Each document's past years, as its claims' sentences state them."""
    sentences: dict[str, dict[str, None]] = {}
    for c in claims:
        sentences.setdefault(c.doc, {})[c.context] = None
    dates = {c.doc: c.date for c in claims}
    return {doc: document_years(found, dates[doc], lexicon_of(doc).lang) for doc, found in sentences.items()}


@functools.cache
def _change_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the pack's pairs ("da", "from") and its verbs of change
    (``[numbers.ranges]``), for a lexicon whose language has a pack."""
    if lang not in langs.available():
        return frozenset(), frozenset()
    pack = langs.load(lang)
    return frozenset(low(p[0]) for p in pack.get("numbers.ranges.pairs", [])), \
        langs.word_set(pack, "numbers.ranges.change")


def _old_of_change(words: list[str], lang: str) -> bool:
    """Whether the figure is the old value of a change ("le risorse passano da 191,5 a
    194,4 miliardi", "Salgono dal 37,5% al 39,5%"): an earlier value, not a current one."""
    openers, verbs = _change_words(lang)
    return bool(words) and words[-1] in openers and any(w in verbs for w in words[-3:-1])


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
         lex: Lexicon, years: tuple[int, ...] = ()) -> tuple[Key | None, str | None, int | None]:
    if not c.quantity.is_claim:
        return None, f"not a figure (a {c.quantity.kind})", None
    if c.modality not in MODALITY_GROUP:
        return None, "denied: the article says the figure is false", None
    kind = c.quantity.kind
    what, status = _what(c, reading)
    if kind == "percent" and reading is not None and reading.share:
        what, status = reading.share, None   # "il 63,91% degli aventi diritto": the turnout
    if kind == "age" or (reading is not None and reading.shared in SPANS_OF_TIME):
        what = _subject(c, lex)
        if what is None:
            return None, "an age or a span of time with no name before it: whose it is is not known", None
    elif kind == "duration":
        what = _measure(c, before, lex)
        if what is None:
            return None, "a span of time with nothing saying what lasted", None
    elif what is None and kind == "count":
        what = _measure(c, before, lex)  # "i dispersi sono diventati 13": the noun before the figure
    elif kind in LED_KINDS:
        measured = _measure(c, before, lex, measures=True)
        if measured is not None and (what is None or _inherited(c, before)):
            what = measured   # "I veicoli sono precipitati per circa 45 metri": the fall
        if what is None and kind == "measure":
            what = lex.measured_by(c.quantity.unit)   # "magnitudo 7": a quake's
        if what is None:
            what = _measure(c, before, lex)   # any known word: "il barcone si trovava a 60 miglia"
        if what is None and (kind in ("percent", "money") or unit is None):
            what = _lead(before, lex)
    if what is None and unit is None:
        return None, "nothing says what it counts (no noun, no unit)", None
    if what is None and kind == "percent":
        return None, "a percentage of nothing named (no noun, no word before it)", None
    year = past_year(c.context, c.text, c.date, lex.lang, years)
    if year is None and years and lex.cue("previous", _after(c)):
        year = years[-1]   # "il 58,40% delle precedenti politiche": the last past year the article names
    scope = scoped(c.scope.casefold() if c.scope else None, year)
    return Key(what, status, scope, kind, unit, MODALITY_GROUP[c.modality]), None, year


def scoped(place: str | None, year: int | None) -> str | None:
    """A figure's scope: its place or part, and the earlier year it is of ("nel 1960 … 12
    mila morti": another quake's dead)."""
    if year is None:
        return place
    return f"{place} {year}" if place else str(year)


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


def _after(c: Claim) -> str:
    """The words of the claim's clause after its figure (at most CUE_WINDOW characters)."""
    ctx = c.context
    at = ctx.find(c.text) if c.text else -1
    if at < 0:
        return ""
    piece = ctx[at + len(c.text):at + len(c.text) + CUE_WINDOW]
    m = CLAUSE.search(piece)
    return piece[:m.start()] if m else piece


def _measure(c: Claim, before: str, lex: Lexicon, measures: bool = False) -> str | None:
    """The concept a figure names: a known word after the figure in the claim
    ("8 km di profondità"), else among the last words before it ("profondità di 8 km").
    With ``measures``, only a concept the lexicon marks as measured (``measure``), also
    among the first words after the claim in its clause, its subject put after the verb
    ("Salgono dal 37,5% al 39,5% i fondi")."""
    content = lex.stopwords
    inside = [w for w in WORD.findall(c.text) if w.casefold() not in content]
    near = [w for w in WORD.findall(before) if w.casefold() not in content][-3:]
    later = _subject_after(c, lex) if measures else []
    for w in [*inside, *reversed(near), *later]:
        reading = lex.read(w)
        if reading is not None and reading.known and reading.shared not in SPANS_OF_TIME \
                and (reading.measure or not measures):
            return reading.shared
    return None


def _after(c: Claim) -> str:
    """The words of the claim's clause after it (at most CUE_WINDOW characters)."""
    ctx = c.context
    at = ctx.find(c.text) if c.text else -1
    if at < 0:
        return ""
    piece = ctx[at + len(c.text):at + len(c.text) + CUE_WINDOW]
    m = CLAUSE.search(piece)
    return piece[:m.start()] if m else piece


def _subject_after(c: Claim, lex: Lexicon) -> list[str]:
    """The first three content words after the claim in its clause, up to a conjunction
    (what follows "e" is another figure's: "magnitudo 7 e una profondità di 8 km")."""
    words = []
    for w in WORD.findall(_after(c)):
        if lex.conjunction(w):
            break
        if w.casefold() not in lex.stopwords:
            words.append(w)
    return words[:3]


def _inherited(c: Claim, before: str) -> bool:
    """Whether the claim's noun stands neither in it nor in its clause before it: carried
    from an earlier figure ("A section of about 200 metres … plummeting some 100 metres")."""
    noun = c.noun or ""
    return bool(noun) and noun not in c.text and noun not in before


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
