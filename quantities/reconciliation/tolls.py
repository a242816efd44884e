"""A running toll over several days: its timeline, the disputes of one day, and a fall.

A count of people in a status (dead, missing, injured, rescued, …) reported on several
days is read day by day, each day's claims in the order of their stated times of day.
So is a count the unfolding event adds to (``Item.unfolds``: "fiumi esondati", "frane",
"navi in coda", "soccorritori") whose values rise with the days (no day's value below an
earlier day's): its timeline is an update, and one day's values that do not meet, with
no times to order them, are a **value-conflict** of that day (a count of things is not
corrected the way a toll of the dead is: two values of one day are one wrong).

- **value-conflict**, cause ``disputed``: on one day, sources of their own give values that
  do not meet (the deputy minister's "almeno 22" and the firemen's "almeno 35" the same
  evening); info, error or warning as :func:`values.dispute` says. Values of one day that
  their stated times put in order, or a side's value its own source gave earlier that day
  (superseded), are moments of the toll; and values more than
  DISPUTE_SPREAD apart two counts (bodies recovered, dead feared): no dispute.
- **value-conflict**, cause ``fall``: a count that only grows (the dead) stated exactly on
  one day above every count given on a later day, by more than a correction: the earlier
  figure looks wrong ("otto vittime accertate", then "salgono a due" the next morning).
  A bound ("almeno 500", a fear) is no count, and a correction by a tenth (39, then 38)
  is the toll's own.
- **update**: every value the articles gave, earlier values of a live blog included (they
  are the toll's earlier moments), in time order: the timeline, info. It need not move one
  way: counts are corrected, and several sources speak on one day. The claims of a day's
  dispute are not moments of it (an update is never also a conflict for the same claims).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from decimal import Decimal

from quantities.reconciliation import messages as say
from quantities.reconciliation.clauses import restriction
from quantities.reconciliation.figures import Grouped
from quantities.reconciliation.findings import Context, finding
from quantities.reconciliation.keys import Item, toll
from quantities.reconciliation.modes import Mode, contradicting, disputed, modes
from quantities.reconciliation.values import comparable, dispute
from quantities.text.i18n import _
from quantities.types import Finding

#: A later count lower by at most this share corrects the earlier (39, then 38): not a fall.
CORRECTION = Decimal("0.1")
#: Two values of one day further apart than this factor are two counts (the bodies
#: recovered, the dead feared), not sources disputing one. What it means: sources that
#: dispute one toll counted the same bodies, so their figures are of one order (a side that
#: gives three times the other's count is counting something else: 78 bodies recovered
#: against "almeno 500" feared dead is ×6). Set from a handful of tolls, not derived: a
#: ratio between 3 and 6 is a guess either way.
DISPUTE_SPREAD = 3
#: Stances that state a count (not a bound or a vague word).
COUNTS = frozenset({"exact", "about"})


def running_days(g: Grouped) -> bool:
    """Whether the figure is a running toll stated on several days (every claim dated), or
    a count the unfolding event adds to whose values rise with the days. The estimates of a
    toll ("ritengono che i morti siano almeno 500", "è possibile che siano fino a 600") are
    no moments of it: they are compared as one figure's values."""
    dates = {i.claim.date for i in g.items}
    if None in dates or len(dates) < 2 or g.figure.modality == "estimated":   # estimates are no moments
        return False
    return any(toll(i) for i in g.items) or _unfolding(g)


def _unfolding(g: Grouped) -> bool:
    """A count the event adds to (no status), stated (not a vague "decine") on two days or
    more, no value of a day below one of an earlier day."""
    if not any(i.unfolds for i in g.items) or len({_day(i) for i in g.items if i.value is not None}) < 2:
        return False
    lows: dict[dt.date, Decimal] = {}
    highs: dict[dt.date, Decimal] = {}
    for i in g.items:
        if i.superseded:
            continue
        day = _day(i)
        lows[day] = max(lows.get(day, i.interval.low), i.interval.low)
        highs[day] = min(highs.get(day, i.interval.top), i.interval.top)
    floor: Decimal | None = None
    for day in sorted(lows):
        if floor is not None and highs[day] < floor:
            return False
        floor = lows[day] if floor is None else max(floor, lows[day])
    return True


#: Per document, per status: the values it counts at a named place, with the place as written.
Placed = Mapping[str, Mapping[str, Mapping[Decimal, str]]]


def placed_counts(items: list[Item]) -> Placed:
    """Each article's counts of people in a status at a named place ("three elderly people on
    the Italian island of Sicily"), whatever figure they are in: see :func:`_wider`."""
    out: defaultdict[str, defaultdict[str, dict[Decimal, str]]] = defaultdict(lambda: defaultdict(dict))
    for i in items:
        scope = i.claim.scope
        status = (i.key.status or (i.reading.status if i.reading is not None else None) or i.claim.status) \
            if i.key is not None else None
        if status and scope and scope[:1].isupper() and i.value is not None and not i.superseded:
            out[i.claim.doc][status].setdefault(i.value, scope)
    return out


def toll_findings(g: Grouped, ctx: Context, placed: Placed | None = None) -> Iterator[Finding]:
    days = sorted({_day(i) for i in g.items})
    disputed_ids: set[int] = set()
    wider = _wider(g, placed or {})
    for x, place, value, narrow in wider:
        yield _widened(g, x, place, value, narrow, ctx)
    things = not any(toll(i) for i in g.items)
    for day in days:
        found = _dispute_of(g, day, ctx) or (_disagreement_of(g, day, ctx) if things else None)
        if found is not None:
            disputed_ids.update(id(i) for i in g.items if _day(i) == day and i.claim in found.claims)
            yield found
    high, low = _fall(g)
    if high:
        yield _fallen(g, high, low, ctx)
    # the timeline is of the counts that stand: not the fallen ones, nor their day's echoes,
    # nor the claims of a day's dispute (a disagreement of sources, never also a moment)
    wrong = {id(i) for i in g.items for h in high if _day(i) == _day(h) and i.interval.meets(h.interval)}
    wrong |= disputed_ids | {id(x) for x, *_ in wider} | _parts(g)
    moment = _moments(g)
    line = sorted((i for i in g.items if id(i) not in wrong), key=lambda i: moment[id(i)])
    if len({i.value for i in line}) > 1 or len({str(i.interval) for i in line}) > 1:
        yield _timeline(g, line, ctx)


def _parts(g: Grouped) -> set[int]:
    """The claims a relative clause narrows to a part of the count ("un centinaio quelli che
    necessitano ancora di una sistemazione": those still without a home, of the displaced):
    no moment of the whole count's timeline (:func:`clauses.restriction`)."""
    return {id(i) for i in g.items if restriction(i.claim, i.lexicon) is not None}


def _wider(g: Grouped, placed: Placed) -> list[tuple[Item, str, Decimal, list[Item]]]:
    """Counts with no place, above the toll's earlier value, in an article that itself gives
    that very value at a named place: a count of a wider area, no rise of this one (Reuters'
    "at least five" dead, El País's count of all Italy, beside its own "three … on the
    Italian island of Sicily", against the three of the Palermo papers). Each with the place,
    the value, and the other articles' claims of it (the day's or earlier)."""
    status = _status(g)
    out: list[tuple[Item, str, Decimal, list[Item]]] = []
    for x in g.items:
        at = placed.get(x.claim.doc, {}).get(status or "", {})
        if x.superseded or x.claim.scope or not at:
            continue
        for value, place in at.items():
            narrow = [y for y in g.items if y.claim.doc != x.claim.doc and not y.superseded and y.value == value
                      and _day(y) <= _day(x)]
            if value < x.interval.low and narrow:
                out.append((x, place, value, narrow))
                break
    return out


def _widened(g: Grouped, x: Item, place: str, value: Decimal, narrow: list[Item], ctx: Context) -> Finding:
    fmt = x.lexicon.number_format
    message = _("{wide}, with no place named, in an article whose own count for {place} is {value}; {narrow}: "
                "a count of a wider area, not a rise of this one").format(
        wide=_points([x], ctx, fmt), value=say.num(value, fmt), place=place,
        narrow=_points(narrow, ctx, fmt))
    return finding(ctx, "value-conflict", g, message, [*narrow, x], cause="wider", severity="info")


def _status(g: Grouped) -> str | None:
    """The status the figure counts: its key's, else its concept's ("morti"), else what a
    generic noun in a status counts ("persone morte", "people killed": the key's what)."""
    i = g.items[0]
    if i.key is not None and i.key.status:
        return i.key.status
    return next((o.reading.status for o in g.items if o.reading is not None and o.reading.status),
                i.key.what if i.key is not None else None)


def _moment(i: Item) -> tuple:
    """When a claim was given: its day, then its stated time (a claim its article gives as
    superseded, with no time, first), then its place in the articles."""
    minute = i.minute if i.minute is not None else (-1 if i.superseded else 24 * 60)
    return (_day(i), minute, 0, i.order)


def _moments(g: Grouped) -> dict[int, tuple]:
    """Each claim's :func:`_moment`; a claim with no stated time is placed by its value among
    its day's timed counts (a wire's "at least 820" after the blog's 632 of 8.15, before its
    1.037 of 14.20): in a toll that only grows (the dead) always; in another toll when the
    day's timed counts ran one way (the injured 329, 1.204, 2.059 rise that day: a wire's
    153 comes first; the missing 11, then 5, fall). A day whose timed counts went up and
    down tells no time: its untimed claims come last."""
    out = {id(i): _moment(i) for i in g.items}
    cumulative = g.items[0].lexicon.runs(_status(g)) == "cumulative"
    timed: dict[dt.date, list[Item]] = {}
    for i in g.items:
        if i.minute is not None:   # a live blog's earlier moments too
            timed.setdefault(_day(i), []).append(i)
    for i in g.items:
        day = timed.get(_day(i))
        if i.minute is not None or i.superseded or not day:
            continue
        way = "up" if cumulative else _way(day)
        if way is None:
            continue
        reached = [t.minute for t in day if t.minute is not None
                   and (t.interval.low <= i.interval.low if way == "up" else t.interval.low >= i.interval.low)]
        out[id(i)] = (_day(i), max(reached), 1, i.order) if reached else (_day(i), -1, 1, i.order)
    return out


def _way(day: list[Item]) -> str | None:
    """Which way a day's timed counts ran, in the order of their times: "up", "down", or
    None (both ways, or one moment only)."""
    lows = [i.interval.low for i in sorted(day, key=lambda i: (i.minute, i.order))]
    steps = {(b > a) - (b < a) for a, b in zip(lows, lows[1:])} - {0}
    return {frozenset({1}): "up", frozenset({-1}): "down"}.get(frozenset(steps))


def _dispute_of(g: Grouped, day: dt.date, ctx: Context) -> Finding | None:
    current = [i for i in g.items if _day(i) == day and not i.superseded]
    found = modes(current)
    pairs = [(a, b) for a, b in contradicting(found) if comparable(found[a], found[b])]
    involved = [found[n] for n in sorted({n for p in pairs for n in p})]
    earlier = [i for i in g.items if _day(i) == day and i.superseded and i.source is not None]
    if len(involved) < 2 or not disputed(involved) or _in_order(involved) or _said_before(involved, earlier):
        return None
    if max(m.value for m in involved) > DISPUTE_SPREAD * max(Decimal(1), min(m.value for m in involved)):
        return None
    fmt = involved[0].items[0].lexicon.number_format
    return dispute(g, involved, ctx, fmt, [i for m in involved for i in m.items], when=day.isoformat())


def _disagreement_of(g: Grouped, day: dt.date, ctx: Context) -> Finding | None:
    """One day's values of a count of things that do not meet in different articles, with
    no stated times to put them in order and no sources of their own (those are disputes).
    One article's subtitle against its body is that article's own inconsistency."""
    found = modes([i for i in g.items if _day(i) == day and not i.superseded])
    pairs = [(a, b) for a, b in contradicting(found) if comparable(found[a], found[b])
             and found[a].docs != found[b].docs]
    involved = [found[n] for n in sorted({n for p in pairs for n in p})]
    if len(involved) < 2 or disputed(involved) or _in_order(involved):
        return None
    fmt = involved[0].items[0].lexicon.number_format
    message = _("{one}; {others}: the values do not meet").format(
        one=say.group_text(involved[0].items, ctx.outlet, fmt),
        others="; ".join(say.group_text(m.items, ctx.outlet, fmt) for m in involved[1:]))
    return finding(ctx, "value-conflict", g, f"{day.isoformat()}: {message}", [i for m in involved for i in m.items],
                   cause="disagreement")


def _said_before(ms: list[Mode], earlier: list[Item]) -> bool:
    """A side's value is its own source's earlier moment of the day (a live blog gives the
    firemen's morning 7 before the prefecture's 10): the toll moved, nobody disputes it."""
    return any(o.source in m.sources and any(o.interval.meets(i.interval) for i in m.items)
               for m in ms for o in earlier)


def _in_order(ms: list[Mode]) -> bool:
    """Every claim of the modes gives its time, and the times put the modes one after another."""
    spans = []
    for m in ms:
        minutes = [i.minute for i in m.items if i.minute is not None]
        if len(minutes) < len(m.items):
            return False
        spans.append((min(minutes), max(minutes)))
    spans.sort()
    return all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def _fall(g: Grouped) -> tuple[list[Item], list[Item]]:
    """Counts of a cumulative status stated on one day above everything said on a later
    day, and those later counts."""
    high: list[Item] = []
    low: list[Item] = []
    # a status whose count only grows (the lexicon's runs = "cumulative": the dead do not
    # come back; the missing are found, the injured leave hospital, the displaced go home)
    if g.items[0].lexicon.runs(_status(g)) != "cumulative":
        return high, low
    counted = [o for o in g.items if o.moved != "falling"]
    day_top: dict[dt.date, Decimal] = {}
    for o in counted:
        day_top[_day(o)] = max(day_top.get(_day(o), o.interval.top), o.interval.top)
    later_top: dict[dt.date, Decimal] = {}   # the highest count given after each day (a suffix max)
    top: Decimal | None = None
    for day in sorted(day_top, reverse=True):
        if top is not None:
            later_top[day] = top
        top = day_top[day] if top is None else max(top, day_top[day])
    for i in g.items:
        if i.superseded or i.stance not in COUNTS or i.moved == "falling":
            continue
        above = later_top.get(_day(i))
        if above is not None and above < i.interval.low * (1 - CORRECTION):
            high.append(i)
    if high:
        first = min(_day(i) for i in high)
        low = [o for o in counted if _day(o) > first]
    return high, sorted(low, key=_moment)


def _fallen(g: Grouped, high: list[Item], low: list[Item], ctx: Context) -> Finding:
    fmt = high[0].lexicon.number_format
    message = _("{earlier} is above every count given later ({later}): a toll of the dead does not fall; "
                "the earlier figure looks wrong").format(
        earlier=_points(high, ctx, fmt), later=_points(low, ctx, fmt))
    return finding(ctx, "value-conflict", g, message, [*high, *low], cause="fall")


def _day(i: Item) -> dt.date:
    """The claim's date: every claim of a toll has one (:func:`running_days`)."""
    return i.claim.date or dt.date.min


def _timeline(g: Grouped, line: list[Item], ctx: Context) -> Finding:
    fmt = line[0].lexicon.number_format
    by_day: dict[dt.date, list[Item]] = {}
    for i in line:
        by_day.setdefault(_day(i), []).append(i)
    steps = " \u2192 ".join(f"{day.isoformat()} \u2014 {_points(items, ctx, fmt)}" for day, items in by_day.items())
    return finding(ctx, "update", g, _("the figure moves with time: {steps}; read as a timeline, "
                                       "not a conflict").format(steps=steps), line, cause="timeline")


def _points(items: list[Item], ctx: Context, fmt: tuple[str, str]) -> str:
    """'Diretta: 10 or more (Ore 13.05), about 30 (Ore 15.30); TG web: 22 or more; Diretta:
    35 or more (Ore 23.15)': the values in the order given, an outlet named at each run of
    its claims, a value once a run."""
    runs: list[tuple[str, dict[str, None]]] = []
    for i in items:
        outlet = ctx.outlet(i.claim.doc)
        if not runs or runs[-1][0] != outlet:
            runs.append((outlet, {}))
        when = f" ({i.claim.when})" if i.claim.when else ""
        runs[-1][1][f"{say.shown(i.claim.quantity, fmt)}{when}"] = None
    return "; ".join(f"{outlet}: {', '.join(values)}" for outlet, values in runs)
