"""What a claim counts, as the keys a figure is made of, and the marks of time on it.

A figure is one quantity of the world: the same thing counted (the lexicon's interlingual concept id, so that
English «dead» and Italian «morti» meet), in the same status (dead, injured, missing, …) and scope (a place, a
part), of the same kind and unit dimension, with compatible modality (accomplished facts vs plans). A concept
that only says "people" takes its status as what it counts ("persone disperse" = "dispersi"), and so do people
of a wider status narrowed to one all of whose people are among them ("27 superstiti ricoverati", "104
migranti tratti in salvo, 14 dei quali trasferiti all'ospedale": the injured; the pack's ``[status.among]``).
A percentage, a measure or a sum of money is keyed by what it measures: a concept the lexicon marks
``measure`` in its clause ("profondità di 8 km", "Salgono dal 37,5% al 39,5% i fondi"), which wins over a noun
carried from an earlier figure ("a section of about 200 metres … plummeting some 100 metres": the fall); else
the concept its unit measures ("magnitudo 7": a quake's), else the word that leads it ("affluenza al 51%"),
never the base of a ratio ("il deficit al 4,3% del Pil": the deficit); an age by the name before it ("Michael
Zanera, 34 anni"): different people, different figures. A figure its sentence sets in an earlier year than its
article's ("nel 1960 … 12 mila morti"), or a plan in a later one ("94mila entro il 2040"), has that year in its
scope (:mod:`.years`). The old value of a change the article states ("le risorse passano da 191,5 a 194,4
miliardi") is an earlier value. Each document is read with its own lexicon (its own language pack)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from quantities import lang as langs
from quantities.lang import clock, units
from quantities.lang.lexicon import Lexicon, Reading
from quantities.reconciliation import ages, changes, clauses, distances, moves, nounphrases
from quantities.reconciliation.intervals import Interval, interval_of, precision_of, stance
from quantities.reconciliation.racers import gap, runner
from quantities.reconciliation.settings import ReconcileSettings
from quantities.reconciliation.years import document_years, horizon, past_year
from quantities.types import Claim

#: Modalities compared with each other ("denied" in no group); an estimate of a running toll ("si ritiene
#: che i morti siano almeno 500") is a figure of its own, no moment of the count (:func:`prepare`).
MODALITY_GROUP = {"reported": "done", "estimated": "done", "planned": "planned"}
#: Kinds whose figure, without a counted noun, is keyed by the word that leads it.
LED_KINDS = frozenset({"percent", "measure", "money", "duration"})
#: The unit key of a distance: a length, keyed by the point it is measured from when stated.
DISTANCE = "[length]"
LENT = "a figure the article says moved, with only another figure's generic noun: what it counts is not known"
CAPACITY = clauses.CAPACITY


def toll(i: Item) -> bool:
    """A count that runs by nature: people in a status (dead, missing, …), a crowd excepted (the
    lexicon's runs = "once": later figures are the same count disputed, not a timeline), whether the
    status is the claim's ("persone disperse"), its concept's ("morti") or what a generic noun took it as."""
    status = None if i.key is None else i.key.status or (i.reading and i.reading.status) or _status_as_what(i)
    return status is not None and i.lexicon.runs(status) != "once"


def _status_as_what(i: Item) -> str | None:   # "193 persone" evacuated: the evacuated
    return i.claim.status if i.key and i.key.what == i.claim.status else None


@dataclass(frozen=True, slots=True)
class Key:
    """The keys of a figure: what is counted, its status and scope, kind, unit, modality."""

    what: str | None
    status: str | None
    scope: str | None
    kind: str
    unit: str | None
    modality: str

    @property
    def whole(self) -> Key:
        """The key at no scope, built directly (``dataclasses.replace`` costs several times more)."""
        return self if self.scope is None else Key(self.what, self.status, None, self.kind, self.unit, self.modality)

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
    stance: str                 # how its wording bounds it (intervals.stance of its quantity), read once
    order: int = 0
    minute: int | None = None   # the minute of the day its text gives it (Claim.when), if any
    year: int | None = None     # the earlier year its sentence sets it in, if any
    provisional_cue: bool | None = None   # :attr:`provisional` once read (None: not yet)
    earlier: bool = False       # the old value of a change the article states ("passano da 191,5 a …")
    lead: bool = False          # a bare count of a lead, keyed as the body's figure it repeats
    standfirst: bool = False    # in the article's subtitle (rules.standfirsts): it sums up its body
    unfolds: bool = False       # a count the unfolding event adds to ("21 fiumi esondati", "frane")
    named: bool = True          # a noun, a name or a known measure says what it counts (not only its unit,
                                # the word that leads it, or "persone" with no status)
    role: bool = False          # an age given to a role its article ties to a named person (ages.by_role)

    @property
    def running(self) -> bool:
        """A figure that runs by nature (people in a status) or moved ("sale a"): one timeline a day."""
        status = self.key.status if self.key is not None else None
        return status is not None or (self.reading is not None and self.reading.status is not None) \
            or _status_as_what(self) is not None or self.moved is not None or self.unfolds

    @property
    def provisional(self) -> bool:
        """Its sentence gives it as a partial or near-final count (the ``[time] provisional`` cues
        of its context): read when a rule first asks, since few do (the modes of one article)."""
        if self.provisional_cue is None:
            self.provisional_cue = self.lexicon.cue("provisional", self.claim.context)
        return self.provisional_cue


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
    made: dict[int, Item] = {}
    for n, c in enumerate(ordered):
        lex = lexicon_of(c.doc)
        c = clauses.unit_led(c, lex.lang)   # "la magnitudo è stata invece di 6.2": a magnitude
        lender = lent.get(id(c))
        unit_key, factor = unit_key_of(clauses.unit_read(c, lex.lang))   # "a 40 miglia dalla costa": nautical
        rounded = precision_of(c.quantity) >= round_from
        interval = interval_of(c.quantity, tolerance=tolerance if rounded else Decimal(0),
                               approx_margin=margin, vague_stretch=stretch)
        if interval.high is None and c.quantity.value is not None:
            # "oltre 300", "at least 296": just above the figure, not anything above it
            interval = Interval(interval.low, c.quantity.value * over, interval.low_open, False)
        c = clauses.of_yesterday(c, before := clauses.before(c), lex)   # "16 comunicati ieri sera": that day's
        reading = nounphrases.reread(c, lex.read(c.noun), lex)
        narrowed = _narrowed(c, reading, lex)
        if narrowed is not None:   # "2.059 feriti, 1.404 dei quali gravi": the critically injured
            c = replace(c, scope=None)
            reading = narrowed
        elif (counted := _by_status(c, reading, lender, lex)) is not None:   # "27 superstiti ricoverati"
            c, reading = counted
        key, reason, year, named = _key(c, reading, unit_key, before, lex, years.get(c.doc, ()))
        if key is not None and key.kind == "age" and c.quantity.unit is None:  # "Lombardo, 52"
            factor = unit_key_of(ages.AGE_UNIT)[1]
        value = None if c.quantity.value is None else c.quantity.value * factor
        words = clauses.words_of(before)
        timed = moves.timed(words, lex)   # most clauses: none of the cues (told in C)
        moved = moves.moved(words, c.quantity.kind, lex, any(map(str.isdigit, before))) if timed else None
        if key is not None and moved and lender is not None and key.status is None and reading is not None \
                and reading.generic:
            key, reason = None, LENT
        earlier = changes.old_of_change(words, lex.lang)
        # "il 39% dei fondi, contro il 37,5% del piano iniziale": the benchmark of its lender
        benchmark = lender is not None and key is not None and changes.compared(words, lex.lang) \
            and id(lender) in made and made[id(lender)].key == key
        superseded = (timed and lex.cue("superseded", words)) or earlier or benchmark or moves.overtaken(c, lex)
        items.append(Item(c, key, reason, reading, lex, value, interval.scaled(factor), _source(c),
                          superseded, moved, stance(c.quantity), n,
                          None if c.when is None else clock.minute_of(c.when, lex.lang), year, None, earlier,
                          unfolds=key is not None and key.kind == "count" and clauses.unfolds(c, before, lex),
                          named=named))
        if c.modality == "estimated" and key is not None and toll(items[-1]):   # "ritengono che i morti siano
            items[-1].key = replace(key, modality="estimated")                  # almeno 500": no count of them
        made[id(ordered[n])] = items[-1]
    _lead_figures(items)
    return items


def _past_years(claims: list[Claim], lexicon_of: Callable[[str], Lexicon]) -> dict[str, tuple[int, ...]]:
    """Each document's past years, as its claims' sentences state them."""
    sentences: dict[str, dict[str, None]] = {}
    for c in claims:
        sentences.setdefault(c.doc, {})[c.context] = None
    dates = {c.doc: c.date for c in claims}
    return {doc: document_years(found, dates[doc], lexicon_of(doc).lang) for doc, found in sentences.items()}


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
    words = clauses.WORD.findall(clauses.CLAUSE.split(after, 1)[0])[:3]
    for n in range(len(words), 0, -1):
        for phrase in (f"{c.noun} {' '.join(words[:n])}", f"{' '.join(words[:n])} {c.noun}"):
            found = lex.read(phrase)
            if found is not None and found.known and reading.concept in lex.ancestors(found.concept):
                return found
    return None


def _by_status(c: Claim, reading: Reading | None, lender: Claim | None,
               lex: Lexicon) -> tuple[Claim, Reading] | None:
    """People counted by their status alone, as a generic noun is ("persone ricoverate"), when all the
    people of that status are among those of the wider one (``[status.among]``: every injured person is
    a survivor): a noun that names the wider status narrowed by the other ("27 superstiti ricoverati":
    the injured), or a part after its figure, of a whole in the wider status, that its sentence puts in
    the other ("104 migranti tratti in salvo, 14 dei quali trasferiti all'ospedale": the part marker
    dropped). Not people of a kind ("14 manifestanti feriti", "104 passeggeri, 14 dei quali in
    ospedale": some of the injured). The claim and its reading so keyed, else None."""
    if c.status is None or reading is None or reading.generic:
        return None
    wider = _among(lex.lang).get(c.status, frozenset())
    if reading.status in wider:
        return c, replace(reading, generic=True, status=c.status)
    at = c.context.find(c.text)
    if lender is not None and lender.status in wider and c.scope and not c.scope[:1].isupper() \
            and at >= 0 and c.context[at + len(c.text):].lstrip().startswith(c.scope):
        return replace(c, scope=None), replace(reading, generic=True, status=c.status)
    return None


@functools.cache
def _among(lang: str) -> dict[str, frozenset[str]]:
    """Each status whose people are all among those of others (``[status.among]``), where a pack has it."""
    if lang not in langs.available():
        return {}
    return {k: frozenset(v) for k, v in langs.load(lang).table("status.among", {}).items()}


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
        # the keyed counts with a noun: a lead (no noun) never joins them, so they are read once
        counts = [o for o in members if o.key is not None and o.key.kind == "count" and o.claim.noun]
        for i in members:
            c = i.claim
            if i.key is not None or c.noun or c.quantity.kind != "count" or c.quantity.unit is not None \
                    or c.quantity.value is None or not c.quantity.is_claim or c.modality not in MODALITY_GROUP:
                continue
            if c.section != "title" and c.sentence.start != first:
                continue
            met = {o.key for o in counts if o.interval.meets(i.interval)}
            if len(met) == 1:
                i.key, i.reason, i.lead = met.pop(), None, True


def _lent(claims: list[Claim]) -> dict[int, Claim]:
    """The claims whose noun is another figure's, written before them in their sentence
    ("con a bordo circa 750 persone, sale a 82": 82 has the noun of 750), with that figure."""
    seen: dict[tuple[str, int, str], Claim] = {}
    out = {}
    for c in claims:
        if not c.noun:
            continue
        at = (c.doc, c.sentence.start, c.noun.casefold())
        first = seen.setdefault(at, c)
        if first is not c and c.noun.casefold() not in c.text.casefold() \
                and c.noun.casefold() in first.text.casefold():
            out[id(c)] = first
    return out


def _key(c: Claim, reading: Reading | None, unit: str | None, before: str,
         lex: Lexicon, years: tuple[int, ...] = ()) -> tuple[Key | None, str | None, int | None, bool]:
    """The claim's key, why it has none, the earlier year it is of, and whether something
    names what it counts (see :attr:`Item.named`)."""
    if not c.quantity.is_claim:
        return None, f"not a figure (a {c.quantity.kind})", None, False
    if c.modality not in MODALITY_GROUP:
        return None, "denied: the article says the figure is false", None, False
    kind = c.quantity.kind
    if kind == "count" and _fraction(c) and not (c.noun and c.noun.casefold() in c.text.casefold()):
        return None, "a fraction with no noun of its own (\"e 4,5 in direzione est\"): no count of things", None, False
    what, status = _what(c, reading)
    named = what is not None and not (reading is not None and reading.generic and not c.status)
    part = None   # "the damage to agriculture alone will cost 250 million": a part of the damage
    if kind == "percent" and reading is not None and reading.share:
        what, status = reading.share, None   # "il 63,91% degli aventi diritto": the turnout
    if kind == "percent" and reading is not None and lex.ratio(reading.concept):   # "il deficit al 4,3% del Pil"
        what, status = clauses.measure(c, before, lex, measures=True), None
        if what is None:
            return None, "a ratio to a base (the GDP) that names nothing it measures", None, False
    if ages.is_age(c, reading, lex):
        whose = ages.whose(c, reading, lex)
        if whose is None:
            return None, "an age or a span of time with no name before it: whose it is is not known", None, False
        return age_key(whose, c), None, None, True
    if reading is not None and reading.span:
        what = ages.subject(c, lex)
        if what is None:
            return None, "an age or a span of time with no name before it: whose it is is not known", None, False
        named = True
    elif kind == "duration":
        what = runner(c, before, lex) or clauses.measure(c, before, lex)   # "Ivyne Lagat ha chiuso in 2h24'35\""
        named = what is not None
        if what is None and c.quantity.unit != ages.AGE_UNIT and not gap(c.quantity):  # no race gap's
            what = clauses.lead(before, lex)   # "serviranno quattro giorni": the word that leads it (not "a 1'08\"")
        if what is None:
            return None, "a span of time with nothing saying what lasted", None, False
    elif what is None and kind == "count":
        what = clauses.measure(c, before, lex)  # "i dispersi sono diventati 13": the noun before the figure
        named = what is not None
    elif kind in LED_KINDS:
        if what is not None and kind == "measure" and not lex.measured_in(what, c.quantity.unit):
            what = None   # "l'acqua ha superato i due metri": a level, not the rain stated in millimetres
        measured = clauses.measure(c, before, lex, measures=True)
        if kind == "measure" and unit == DISTANCE and (measured is None or distances.carried(c, before)) \
                and (point := distances.origin(c, lex)) is not None:
            what = f"{distances.FROM_POINT}{point}"   # "a 47 miglia da Pylos"; "… a circa 800 metri dall'Isola"
        elif measured is not None and (what is None or clauses.inherited(c, before)
                                     or (not (reading and reading.known) and clauses.within(c, measured, lex))):
            what = measured   # "precipitati per circa 45 metri": the fall; "massa di 120mila tonnellate di neve"
        if what is None and kind == "measure":
            what = lex.measured_by(c.quantity.unit)   # "magnitudo 7": a quake's
        elif what is not None and kind in ("money", "measure"):
            part = clauses.complement(c, before, lex)
        if what is None:
            what = clauses.measure(c, before, lex)   # any known word: "il barcone si trovava a 60 miglia"
        named = what is not None and (kind != "measure" or clauses.said(c))   # not "largo 3,2 metri": whose width?
        if what is None and (kind in ("percent", "money") or unit is None):
            what = clauses.lead(before, lex)   # the word that leads it: not a name of what it counts
    if what is None and unit is None:
        return None, "nothing says what it counts (no noun, no unit)", None, False
    if what is None and kind == "percent":
        return None, "a percentage of nothing named (no noun, no word before it)", None, False
    if what is not None:
        what = clauses.marked(c, what, before, lex)   # a capacity, an addition: figures apart
    year = past_year(c.context, c.text, c.date, lex.lang, years) or (   # a plan's horizon: "94mila entro il 2040"
        horizon(c.context, c.text, c.date, lex.lang) if c.modality == "planned" else None)
    if year is None and years and clauses.back_then(c, before, lex):  # "il 58,40% delle precedenti politiche"
        year = years[-1]   # "il 58,40% delle precedenti politiche": the last past year the article names
    scope = scoped(c.scope.casefold() if c.scope and not clauses.status_part(c.scope, status, lex) else part, year)
    return Key(what, status, scope, kind, unit, MODALITY_GROUP[c.modality]), None, year, named


def age_key(whose: str, c: Claim) -> Key:
    """An age's key: whose it is, at its place; never a plan ("dovrebbe avere 77 anni" estimates it)."""
    return Key(whose, None, c.scope.casefold() if c.scope else None, "age", unit_key_of(ages.AGE_UNIT)[0],
               MODALITY_GROUP["reported"])


def _fraction(c: Claim) -> bool:
    """Whether the figure as stated is no whole number ("4,5"): things are counted whole."""
    v = c.quantity.value
    return v is not None and v != v.to_integral_value()


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
    return dim, units.base_factor(unit)


def _source(c: Claim) -> str | None:
    a = c.attribution
    return None if a is None else a.canonical or " ".join(a.source.casefold().split())
