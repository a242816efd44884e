"""Modes: the values a figure's claims agree on, and which modes contradict each other.

A mode is a maximal run of claims whose intervals meet, found by one sweep over the
claims sorted by their lower ends (n log n). Two modes contradict each other unless
one article states both without crediting them to different sources: an article that
gives two values of one figure speaks of two figures (a part and its whole, two
moments), and is never a conflict with itself. An article that credits one value to
the questura and the other to the organizers is reporting a dispute: its modes still
contradict each other; so does an article that gives one value as a partial count and
the other as the final one it became (an update it reports).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from quantities.lang import units
from quantities.reconciliation import messages as say
from quantities.reconciliation.clauses import restriction
from quantities.reconciliation.intervals import Interval, precision_of
from quantities.reconciliation.keys import Item


@dataclass(frozen=True, slots=True)
class Mode:
    items: tuple[Item, ...]

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(i.claim.doc for i in self.items)

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(i.source for i in self.items if i.source is not None)

    def written_sources(self) -> list[str]:
        """The sources as an article names them (canonical name, else as written), once
        each: the keys are folded for matching; an editor reads "Edoardo Rixi"."""
        shown: dict[str, str] = {}
        for i in self.items:
            a = i.claim.attribution
            if i.source is not None and a is not None:
                shown.setdefault(i.source, a.canonical or " ".join(a.source.split()))
        return say.named_once(sorted(shown.values(), key=str.casefold))

    @property
    def value(self) -> Decimal:
        """A representative value: the median of the stated values (else of lower ends)."""
        values = sorted(i.value if i.value is not None else i.interval.low for i in self.items)
        return values[len(values) // 2]

    def dates(self) -> list:
        return [i.claim.date for i in self.items]


def modes(items: Sequence[Item]) -> list[Mode]:
    """The modes of ``items``, most supported first (distinct documents), then by value.

    Exact figures make the modes (one sweep over their intervals); a hedged or vague
    claim then joins the one mode it meets, or starts its own when it meets none. A claim
    that meets several modes ("una decina" between 11 and 12) joins none: it is
    compatible with each and takes no side, so it cannot bridge two values that differ.
    """
    exact = sorted((i for i in items if i.stance == "exact"),
                   key=lambda i: (i.interval.low, i.order))
    runs: list[list[Item]] = []
    hulls: list[Interval] = []
    for i in exact:
        if hulls and hulls[-1].meets(i.interval):
            runs[-1].append(i)
            hulls[-1] = _hull(hulls[-1], i.interval)
        else:
            runs.append([i])
            hulls.append(i.interval)
    rest = sorted((i for i in items if i.stance != "exact"), key=_width)
    for i in rest:
        hits = [n for n, h in enumerate(hulls) if h.meets(i.interval)]
        if len(hits) == 1:
            runs[hits[0]].append(i)
            hulls[hits[0]] = _hull(hulls[hits[0]], i.interval) if len(runs[hits[0]]) > 1 and \
                runs[hits[0]][0].stance != "exact" else hulls[hits[0]]
        elif not hits:
            runs.append([i])
            hulls.append(i.interval)
    found = [Mode(tuple(sorted(r, key=lambda i: i.order))) for r in runs]
    return sorted(found, key=lambda m: (-len(m.docs), m.value))


def _hull(a: Interval, b: Interval) -> Interval:
    low, low_open = (a.low, a.low_open) if a.low <= b.low else (b.low, b.low_open)
    if a.high is None or b.high is None:
        return Interval(low, None, low_open, False)
    high, high_open = (a.high, a.high_open) if a.high >= b.high else (b.high, b.high_open)
    return Interval(low, high, low_open, high_open)


def _width(i: Item) -> tuple:
    iv = i.interval
    return (iv.high is None, (iv.high - iv.low) if iv.high is not None else 0, i.order)


def contradicting(found: list[Mode]) -> list[tuple[int, int]]:
    """Pairs of modes (indices) that no article states together as one source's figures."""
    by_doc: defaultdict[str, dict[int, set[str | None]]] = defaultdict(dict)
    exact: defaultdict[str, list[tuple[int, Decimal]]] = defaultdict(list)
    for n, m in enumerate(found):
        for i in m.items:
            if i.value is not None and i.source is not None and i.stance == "exact":
                exact[i.claim.doc].append((n, i.value))
    for n, m in enumerate(found):
        for i in m.items:
            # a lead repeats its body's figures: it states no value of its own; a subtitle
            # sums its body up: a value of its own there is no breakdown the body explains
            if not i.lead and not i.standfirst and not _holds(i, n, exact[i.claim.doc]):
                by_doc[i.claim.doc].setdefault(n, set()).add(i.source)
    explained: set[tuple[int, int]] = set()
    # an age an article gives a role it ties to a named person, against the age it gives the
    # person: one person, two ages in one article ("Kevin Laganà, 22 anni … la più giovane,
    # «di soli 29 anni»"): the article contradicts itself
    tied = {i.claim.doc for m in found for i in m.items if i.role}
    for doc, per_mode in by_doc.items():
        if len(per_mode) < 2 or doc in tied:
            continue
        ns = sorted(per_mode)
        reported = _reported_updates(found, doc, ns)
        for a_i, a in enumerate(ns):
            for b in ns[a_i + 1:]:
                if not _credited_apart(per_mode[a], per_mode[b]) and (a, b) not in reported:
                    explained.add((a, b))
    return [(a, b) for a in range(len(found)) for b in range(a + 1, len(found)) if (a, b) not in explained]


def _holds(i: Item, n: int, exact: list[tuple[int, Decimal]]) -> bool:
    """Whether a bare bound holds an exact figure its article credits to a source, in another
    mode ("400 incendi" for Cocina, then "più di trecento" bare): the article restates its
    source's figure loosely, not a second figure of its own. Not a bound far from it: "più di 79
    milioni" beside the credited 313,9 is a part ("Il Colosseo da solo"), no restatement (:data:`LOOSE`)."""
    q = i.claim.quantity
    kind = i.stance
    if i.value is None or i.source is not None or kind not in {"over", "under"}:
        return False
    if kind == "over":
        return any(m != n and q.low is not None and q.low <= v <= q.low * LOOSE for m, v in exact)
    return any(m != n and q.high is not None and q.high / LOOSE <= v <= q.high for m, v in exact)


#: A bare bound restates a credited figure only within this factor of it ("più di trecento" for 400).
LOOSE = 2


def provisional(m: Mode, doc: str | None = None) -> bool:
    """Whether the mode's claims (of ``doc``, else all) are given as a partial count."""
    mine = [i for i in m.items if doc is None or i.claim.doc == doc]
    return bool(mine) and all(i.provisional for i in mine)


def _reported_updates(found: list[Mode], doc: str, ns: list[int]) -> set[tuple[int, int]]:
    """The pairs of modes an article states as a partial count and the final one it became
    (the final value nearest it): an update the article itself reports, still compared
    ("dati ancora parziali … 19%" and, with all comuni in, "19,21%")."""
    early = [n for n in ns if provisional(found[n], doc)]
    final = [n for n in ns if not provisional(found[n], doc)]
    out = set()
    for p in early:
        if final:
            f = min(final, key=lambda n: abs(found[n].value - found[p].value))
            if not _sentences(found[p], doc) & _sentences(found[f], doc):  # "4.671 comuni su 7.904": a part
                out.add((min(p, f), max(p, f)))
    return out


def _sentences(m: Mode, doc: str) -> set[int]:
    return {i.claim.sentence.start for i in m.items if i.claim.doc == doc}


def _credited_apart(a: set[str | None], b: set[str | None]) -> bool:
    """Whether an article credits two values to different sources (neither bare: a bare
    value beside a credited one is as often a part, an earlier figure or another figure)."""
    return None not in a and None not in b and not (a & b)


#: Counts of people below this, with no status, name groups of the story ("due ragazzi",
#: "quattro ragazzi di Torre del Greco"), not a tally: two of them are as likely two groups
#: as one figure stated two ways.
SMALL_GROUP = Decimal(10)


def small_groups(found: Sequence[Mode]) -> bool:
    """Whether contradicting modes are small groups of people in no status: no conflict."""
    first = found[0].items[0]
    if first.key is None or first.key.kind != "count" or first.key.status is not None or first.reading is None:
        return False
    if first.reading.status is not None or not first.lexicon.person(first.reading):
        return False
    return all(i.claim.status is None and i.value is not None and i.value < SMALL_GROUP
               for m in found for i in m.items)


def sided(ms: list[Mode]) -> list[Mode]:
    """The modes of a dispute with each mode no source speaks for joined to the one credited
    side it states to its last digit ("a una profondità di 8 chilometri" bare, the national
    centre's 8,5 against the USGS's 18,5: 8 is 8,5 to the kilometre, the centre's figure
    stated bare). Only when two credited sides remain and every bare mode has one side."""
    credited = [m for m in ms if m.sources]
    if len(credited) < 2 or len(credited) == len(ms):
        return ms
    joined = {id(m): list(m.items) for m in credited}
    for m in ms:
        if m.sources:
            continue
        near = [c for c in credited if all(_to_its_digit(i, c.value) for i in m.items)]
        if len(near) != 1:
            return ms
        joined[id(near[0])].extend(m.items)
    return [Mode(tuple(joined[id(m)])) for m in credited]


def _to_its_digit(i: Item, value: Decimal) -> bool:
    """Whether the claim, stated exactly, is ``value`` (in the figure's base unit) to its own
    last digit (8 km for 8,5 km)."""
    stated = i.claim.quantity.value
    if i.stance != "exact" or not stated or i.value is None or i.value == value:
        return False
    unit = precision_of(i.claim.quantity) * i.value / stated   # in the figure's base unit
    return abs(i.value - value) * 2 <= unit


#: Values this close (the highest at most this factor of the lowest) are one figure misread,
#: never several figures the keys could not separate: 19,24%, 19,43% and 19,46% for one
#: turnout at one hour.
CLOSE = Decimal("1.05")


def close(found: Sequence[Mode]) -> bool:
    """Whether the modes' values lie within CLOSE of each other (all positive)."""
    values = [m.value for m in found]
    return min(values) > 0 and max(values) <= min(values) * CLOSE


def against_moves(ordered: Sequence[Mode]) -> bool:
    """Whether a step of ``ordered`` goes the other way than its later mode says the figure
    moved: 225 then 194,4 where "194,4" is "salito a" (it rose) is no fall of one figure
    but two figures, or one of them wrong; or back the other way, unsaid, from where its earlier
    mode says it moved ("ridotto a 4 ore", then "è di 8 ore": one of them stale)."""
    for a, b in zip(ordered, ordered[1:]):
        moves = {i.moved for i in b.items if i.moved}
        if (b.value < a.value and moves == {"rising"}) or (b.value > a.value and moves == {"falling"}):
            return True
        before = {i.moved for i in a.items if i.moved}   # "ridotto a 4 ore", then "è di 8 ore" unmoved
        back = (b.value > a.value and before == {"falling"}) or (b.value < a.value and before == {"rising"})
        if back and not moves:
            return True
    return False


def disputed(ms: list[Mode]) -> bool:
    """Each mode credited to sources of its own, none shared between modes (one source
    however the articles write it: "Commission" and "calcoli della Commissione")."""
    seen: list[str] = []
    for m in ms:
        if not m.sources or any(say.same_source(s, o) for s in m.sources for o in seen):
            return False
        seen += m.sources
    return True


def relayed(ms: list[Mode]) -> list[list[Mode]] | None:
    """The sides of a dispute in which one source is relayed with two values: modes that
    share a source joined into one side (Morocco's centre at 7 in two articles and 7,2 in
    a third, against the USGS's 6,8). None unless some side holds two modes, every mode is
    credited, the joined sides share no source, and no article states two values of one side."""
    if len(ms) < 2 or not all(m.sources for m in ms):
        return None
    sides: list[list[Mode]] = []
    for m in ms:
        into = [s for s in sides if any(say.same_source(a, b) for o in s for a in o.sources for b in m.sources)]
        for s in into[1:]:
            into[0].extend(s)
            sides.remove(s)
        if into:
            into[0].append(m)
        else:
            sides.append([m])
    if len(sides) < 2 or len(sides) == len(ms):
        return None
    for side in sides:   # one article giving two of a source's values lists two things ("26 … e 53 …")
        docs = [d for m in side for d in m.docs]
        if len(docs) != len(set(docs)):
            return None
    return sides


def restricted(ms: list[Mode]) -> tuple[Mode, str, Mode] | None:
    """Two modes, every claim of the lower one narrowed by a relative clause after its noun
    (:func:`clauses.restriction`) and none of the higher one: a part of the other's count."""
    if len(ms) != 2:
        return None
    low_mode, high_mode = sorted(ms, key=lambda m: m.value)
    clauses_of = [restriction(i.claim, i.lexicon) for i in low_mode.items]
    if None in clauses_of or any(restriction(i.claim, i.lexicon) for i in high_mode.items):
        return None
    return low_mode, str(clauses_of[0]), high_mode


def networks(ms: list[Mode]) -> Decimal | None:
    """The units' ``[spread]`` when the modes are of one unit that networks measure with a
    routine spread (a quake's magnitude) and their values lie within it, else None."""
    found = {i.claim.quantity.unit for m in ms for i in m.items}
    within = units.spread().get(next(iter(found)) or "") if len(found) == 1 else None
    values = [m.value for m in ms]
    return within if within is not None and max(values) - min(values) <= within else None


#: The most days apart the articles relaying one remark may be dated (a night's remark, the next day's wire).
RELAY_DAYS = 1


def translated(items: Sequence[Item]) -> bool:
    """Claims all credited to one speaker, given in articles of two languages at most
    RELAY_DAYS apart, none said to have moved, not all exact (a release's data, partial then
    final): one remark translated; values that differ are a slip of the translation, no step of a timeline («un
    centinaio di comuni», "hundreds of municipalities": one remark of one minister)."""
    sources = {i.source for i in items}
    if None in sources or not all(say.same_source(a, b) for a in sources for b in sources if a and b):
        return False
    if all(i.stance == "exact" for i in items):
        return False   # exact data, partial then final ("5.7%" at noon, "6,2%" in the evening): no remark's slip
    by_lang: defaultdict[str, list[Item]] = defaultdict(list)
    for i in items:
        by_lang[i.lexicon.lang].append(i)
    dates = [i.claim.date for i in items]
    if len(by_lang) != 2 or None in dates or any(i.moved for i in items):
        return False
    return max(d for d in dates if d) - min(d for d in dates if d) <= dt.timedelta(days=RELAY_DAYS)
