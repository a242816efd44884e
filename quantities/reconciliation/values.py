"""The value rules of one figure: value-conflict, update, hedge-drift, headline-body (:mod:`.headlines`).

Each gives at most one finding per figure, naming every claim it is about.

- **update**: the contradicting modes follow each other in time (every claim of one mode
  is dated before every claim of the next, and the values move one way), or the later
  value is introduced as a move ("sale a", "rose to"), or the earlier one is given as a
  partial count ("dati ancora parziali", "almost final"): one timeline, never a conflict.
- **value-conflict**, cause ``disputed``: each contradicting mode is credited to its own
  sources (questura vs organizers): info, and error when an article credits a value to
  the other side or states one side's figure bare while others attribute it.
- **value-conflict**, cause ``outlier`` (one mode has more outlets than any other) or
  ``disagreement`` (a tie): the odd claims against the value the others agree on.
- **value-conflict**, cause ``scattered`` (info): :data:`SCATTERED` values or more, each
  another article's, none close to another: several figures or a disagreement, "check".
- **hedge-drift**: inside one mode, the same figure stated exactly in one article and
  hedged or rounded in another (:mod:`.drifts`; vague words like "migliaia" state no value).
- **headline-body**: one article's headline and body disagree on the figure.

Claims the article gives as superseded ("era fermo a 35") take part in none of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from quantities.lang import units
from quantities.reconciliation import clauses, scales
from quantities.reconciliation import messages as say
from quantities.reconciliation.doubts import bounded, weigh
from quantities.reconciliation.drifts import drift_findings, rounds_to
from quantities.reconciliation.figures import Grouped
from quantities.reconciliation.findings import Context, finding, weaker
from quantities.reconciliation.headlines import headline_findings
from quantities.reconciliation.keys import Item, toll
from quantities.reconciliation.modes import (
    Mode,
    against_moves,
    close,
    contradicting,
    disputed,
    networks,
    provisional,
    relayed,
    restricted,
    sided,
    small_groups,
    translated,
)
from quantities.reconciliation.scopes import SHARES
from quantities.text.i18n import _, ngettext
from quantities.types import Finding

#: This many values (each from one outlet; or more than this many at all), with no time
#: order and no sources to tell them apart, are as often several figures the keys could
#: not separate (the ages of different people, a live blog's hours, a toll's provinces) as
#: a disagreement: info, cause ``scattered``, "check", when each value is another article's
#: (none for shares and their changes: an event has many; nor when one article gives two of
#: them, a live blog hour by hour), unless their values are close (:func:`modes.close`):
#: then a conflict.
SCATTERED = 3
#: Values further apart than this factor are not one figure stated two ways (a dropped
#: zero, 40 for 420, is still within it).
SPREAD = 20
#: Pairs of modes looked at for a rounding in a figure of scattered values, at most (linear per figure).
ROUNDED_PAIRS = 16
#: Stances that only agree with a side's figure ("più di trecento" beside 338), not state it.
BOUNDS = frozenset({"over", "under", "vague"})


def value_findings(g: Grouped, ctx: Context, *, conflicts: bool = True) -> Iterator[Finding]:
    """The figure's value findings; without ``conflicts``, only drift and headlines (a
    running toll of several days has its own rules: :mod:`~quantities.reconciliation.tolls`)."""
    current = [i for i in g.items if not i.superseded]
    found = g.current
    pairs = [(a, b) for a, b in contradicting(found)
             if comparable(found[a], found[b]) and not _unit_slip(found[a], found[b])]
    if pairs and conflicts:
        involved = sorted({n for p in pairs for n in p})
        conflict = _conflict(g, [found[n] for n in involved], ctx)
        if conflict is not None:
            yield conflict
        if len(involved) > 2:   # "40,68%" and "40.7%" beside the first round's "48,83%": scattered, yet one is rounded
            yield from (_rounded(g, found[a], found[b], ctx) for a, b in pairs[:ROUNDED_PAIRS]
                        if _rounding(found[a], found[b]))
    elif conflicts and (slip := scales.slipped(found, contradicting(found))) is not None \
            and (scaled := scales.scale_finding(g, *slip, ctx)) is not None:
        yield scaled   # "500 milioni" against "500 miliardi"
    yield from drift_findings(g, found, ctx, current)
    if ctx.settings.within_documents:
        yield from headline_findings(g, ctx)


def _conflict(g: Grouped, ms: list[Mode], ctx: Context) -> Finding | None:
    fmt = ms[0].items[0].lexicon.number_format
    timeline = _timeline(ms, ctx.settings.date_window_days)
    items = [i for m in ms for i in m.items]
    if timeline is not None:
        steps = " \u2192 ".join(f"{say.value_of(m.items, fmt)} ({_when(m)}: {say.outlets(m.items, ctx.outlet)})"
                                for m in timeline)
        return finding(ctx, "update", g, _("the figure moves with time: {steps}; read as a timeline, "
                                           "not a conflict").format(steps=steps), items, cause="timeline")
    if (part := restricted(ms)) is not None:   # "200 … che chiedono di essere rimpatriati" / "400 italiani"
        narrow, clause, wide = part
        message = _("{narrow}: those \u201c{clause}\u201d, a part of {wide}, not a rival count").format(
            narrow=say.group_text(narrow.items, ctx.outlet, fmt), clause=clause,
            wide=say.group_text(wide.items, ctx.outlet, fmt))
        return finding(ctx, "value-conflict", g, message, items, cause="part", severity=_low(ctx))
    if disputed(sides := sided(ms)):
        return dispute(g, sides, ctx, fmt, items)
    if (relays := relayed(sides)) is not None:   # one source relayed as 7 and as 7,2
        return dispute(g, [Mode(tuple(i for m in side for i in m.items)) for side in relays], ctx, fmt, items,
                       relays=relays)
    if small_groups(ms):
        return None
    if len(ms) == 2 and _rounding(ms[0], ms[1]):
        return _rounded(g, ms[0], ms[1], ctx)
    head, rest = ms[0], ms[1:]
    if _loose(g, ms, ctx.settings.min_shared_words) and not close(ms):
        return None
    groups = "; ".join(say.group_text(m.items, ctx.outlet, fmt) for m in rest)
    if _values(ms) >= SCATTERED and len(head.docs) < 2 and not close(ms):
        if g.figure.kind == "percent" or g.figure.unit in SHARES or not _one_each(ms):
            return None   # shares and changes: many (months, regions); an article's own values: its words tell them
        message = _("{one}; {others}: values scattered, each another outlet's and none shared: several figures "
                    "the words do not tell apart, or a disagreement; check").format(
            one=say.group_text(head.items, ctx.outlet, fmt), others=groups)
        return finding(ctx, "value-conflict", g, message, items, cause="scattered", severity=_low(ctx))
    if (within := networks(ms)) is not None:   # a magnitude of 4,8 and one of 4.9
        message = _("{one}; {others}: the values do not meet, by no more than networks that measure it routinely "
                    "differ ({spread}); check which network each reports").format(
            one=say.group_text(head.items, ctx.outlet, fmt), others=groups, spread=say.num(within, fmt))
        return finding(ctx, "value-conflict", g, message, items, cause="disagreement", severity="info")
    if len(head.docs) > max(len(m.docs) for m in rest):
        message = _("{odd} \u2014 against {agreed}, the value the others agree on").format(
            odd=groups, agreed=say.group_text(head.items, ctx.outlet, fmt))
        odd = [i for m in rest for i in m.items]   # found where the odd value is said
        return finding(ctx, "value-conflict", g, message, [*odd, *head.items], cause="outlier",
                       first=odd[0], doubt=weigh(rest, ms, ctx))
    if len(ms) == 2 and (pair := bounded(ms)) is not None:   # "oltre due metri", "due metri e mezzo"
        bound, value = pair
        message = _("{bound}; {value}: the value lies just beyond the bound, as the words allow; "
                    "one figure, most likely").format(bound=say.group_text(bound.items, ctx.outlet, fmt),
                                                       value=say.group_text(value.items, ctx.outlet, fmt))
        return finding(ctx, "hedge-drift", g, message, items, cause="bound")
    message = _("{one}; {others}: the values do not meet").format(
        one=say.group_text(head.items, ctx.outlet, fmt), others=groups)
    return finding(ctx, "value-conflict", g, message, items, cause="disagreement", doubt=weigh(ms, ms, ctx))


#: How near two values of one article are to be one value restated in another unit (its rounding).
RESTATED = Decimal("0.02")


def _one_each(ms: list[Mode]) -> bool:
    """Whether no article gives two of the values: an article that does (a live blog hour by
    hour, "151.395 spettatori paganti" beside "220mila spettatori") tells them apart itself."""
    docs = [d for m in ms for d in m.docs]
    return len(docs) == len(set(docs))


def _low(ctx: Context) -> str:
    """Info, for a value conflict that claims no error; off when the desk turned the rule off."""
    return weaker(ctx.settings.severity("value-conflict"), 2)


def _values(ms: list[Mode]) -> int:
    """How many values the modes give, a value one article restates in another unit counted once
    ("a span of 3.7 km (2.3 miles)": two modes of one article in two units, within :data:`RESTATED` of
    each other; not a first round's 48,83% beside another vote's 49,6%)."""
    return len(ms) - sum(1 for j in range(len(ms)) if len(ms[j].docs) == 1 and any(
        ms[i].docs == ms[j].docs and abs(ms[i].value - ms[j].value) <= RESTATED * abs(ms[j].value)
        and not _units(ms[i]) & _units(ms[j]) for i in range(j)))


def _units(m: Mode) -> set[str | None]:
    return {i.claim.quantity.unit for i in m.items}


def _loose(g: Grouped, ms: list[Mode], need: int) -> bool:
    """A figure of SCATTERED values or more keyed by a noun that says only "people" and no status,
    whose values say of their people nothing alike: no two modes' clauses share ``need`` words
    in small letters (names are the event's), before the figure or after it. Many groups of
    people (on board, in the tents, a city's), none the others agree on; "a bordo c'erano 400
    persone" against "a bordo c'erano 750 persone" stays one figure."""
    if len(ms) < SCATTERED or g.figure.status is not None or not all(
            i.reading is not None and i.reading.generic and i.reading.status is None and i.claim.status is None
            for i in g.items):
        return False   # two values of people may be one dispute ("a bordo c'erano 400 persone" / "750 persone")
    said = [{w.casefold() for i in m.items[:4] for w in _clause_words(i)} for m in ms]
    return all(len(a & b) < need for n, a in enumerate(said) for b in said[n + 1:])


def _clause_words(i: Item) -> list[str]:
    """The content words in small letters of an item's clause, before its figure and after it."""
    return [w for w in clauses.WORD.findall(f"{clauses.before(i.claim)} {clauses.after(i.claim)}")
            if len(w) > 3 and w.islower() and w not in i.lexicon.stopwords]


def _timeline(ms: list[Mode], window: int) -> list[Mode] | None:
    """The modes in time order when they follow each other on a running figure (a count in
    a status, several steps, or one the article says moved) and the values move one way, or
    each step is more than ``window`` days (then any move is a timeline). A figure that does
    not run (an instalment's value) given otherwise on another day is a conflict. Modes of
    one day are ordered by the times of day their texts give them ("ore 12", "in serata"),
    or when the later one says the figure moved ("sale a 632", "rose to")."""
    if translated([i for m in ms for i in m.items]):   # one remark translated: values that do not meet are no timeline
        return None
    if len(ms) > 2 and not _toll(ms[0]) and disputed(ms):
        return None   # three sources, three values of a figure that does not run: a dispute (Cgil 24, Uil 8, Salvini 4)
    early = [m for m in ms if provisional(m)]
    if len(ms) == 2 and len(early) == 1:   # a partial count, then the final one
        return [early[0], next(m for m in ms if m is not early[0])]
    if all(None not in m.dates() for m in ms):
        ordered = sorted(ms, key=lambda m: (min(m.dates()), _earliest(m), _moved(m)))
        steps = list(zip(ordered, ordered[1:]))
        gaps = [(min(b.dates()) - max(a.dates())).days for a, b in steps]
        follows = all(g > 0 or (g == 0 and (_later(a, b) or (_moved(b) and not _moved(a))))
                      for g, (a, b) in zip(gaps, steps))
        running = len(ordered) > 2 or _moved(ordered[-1]) or _toll(ordered[0]) or _updated(ordered)
        if follows and running and (_monotone(ordered) or all(g > window for g in gaps)) \
                and not against_moves(ordered):
            return ordered
        if _toll(ordered[0]) or any(map(_moved, ms)):
            found = _running(ms)
            if found is not None:
                return found
    if len(ms) == 2:
        low, high = sorted(ms, key=lambda m: m.value)
        if any(i.moved == "rising" for i in high.items) and not any(i.moved for i in low.items) \
                and not _dated_after(low, high):
            return [low, high]
        if any(i.moved == "falling" for i in low.items) and not any(i.moved for i in high.items) \
                and not _dated_after(high, low):
            return [high, low]
    return None


def _dated_after(a: Mode, b: Mode) -> bool:
    """Whether ``a`` is dated after every date of ``b``: the move ``b`` says came first ("ridotto a
    4 ore" on the 15th, "è di 8 ore" on the 16th: no step down from 8 to 4)."""
    return None not in a.dates() and None not in b.dates() and min(a.dates()) > max(b.dates())


def _running(ms: list[Mode]) -> list[Mode] | None:
    """The modes of a running figure in the order of their values (up, else
    down) when nothing says otherwise: each mode dated no earlier than the one before it,
    and, where both give times of day, given later. Reports of one day without stated
    times (a wire's 153 injured, a live blog's 329 at 8.15 and 1.204 at 14.20, a TV site's
    2.059) are read as the moments of one toll. Two values are such a run only when the
    second is still given on a later day than the first ever is."""
    for ordered in (sorted(ms, key=lambda m: (min(m.dates()), m.value)),
                    sorted(ms, key=lambda m: (min(m.dates()), -m.value))):
        steps = list(zip(ordered, ordered[1:]))
        later = len(ordered) > 2 or max(ordered[-1].dates()) > max(ordered[0].dates())
        if later and _monotone(ordered) and not against_moves(ordered) \
                and all(min(b.dates()) >= max(a.dates()) and _unordered_or_later(a, b) for a, b in steps):
            return ordered
    return None


def _updated(ordered: list[Mode]) -> bool:
    """One source's count given at stated times of day, each after the one before and higher: the
    source updating its count ("Fino a mezzogiorno risultano cancellati 23 voli … lo riferisce la
    Sac", "Ore 17.30 - … 56 voli cancellati, riferisce la Sac"), not two of its figures at odds."""
    sources = {i.source for m in ordered for i in m.items}
    return len(sources) == 1 and None not in sources and all(i.key is not None and i.key.kind == "count"
                                                             for m in ordered for i in m.items) \
        and all(_later(a, b) and a.value < b.value for a, b in zip(ordered, ordered[1:]))   # rising


def _unordered_or_later(a: Mode, b: Mode) -> bool:
    """``b`` is given later than ``a``, or their times of day say nothing (one of them
    states none, or they are of different days)."""
    xs = [i.minute for i in a.items if i.minute is not None]
    ys = [i.minute for i in b.items if i.minute is not None]
    one_day = max(a.dates()) == min(b.dates())
    return not (xs and ys and one_day) or max(xs) < min(ys)


def _earliest(m: Mode) -> int:
    """The earliest minute of the day a mode's claims are given at (-1: none stated)."""
    return min((i.minute for i in m.items if i.minute is not None), default=-1)


def _later(a: Mode, b: Mode) -> bool:
    """Every claim of ``b`` is given at a stated time of day after every claim of ``a``
    (claims of one day: "alle 12" the toll was 30, "in serata" 40)."""
    xs = [i.minute for i in a.items if i.minute is not None]
    ys = [i.minute for i in b.items if i.minute is not None]
    stated = len(xs) == len(a.items) and len(ys) == len(b.items)
    return stated and bool(xs) and bool(ys) and max(xs) < min(ys)


def _moved(m: Mode) -> bool:
    return any(i.moved for i in m.items)


def _toll(m: Mode) -> bool:
    """A figure that runs by nature: a count of people in a status (dead, missing, …)."""
    return toll(m.items[0])


def comparable(a: Mode, b: Mode) -> bool:
    """Values within a factor of SPREAD: further apart, two figures the keys could not
    separate (2 people and 2.000 people), not one figure stated two ways. A toll may run
    further (300 dead on the first day, 45.000 two weeks later). Values of a unit that
    ``[apart]`` bounds (a magnitude) are two events further apart than it."""
    if _toll(a):
        return True
    lower, upper = sorted((a, b), key=lambda m: m.value)
    found = {i.claim.quantity.unit for m in (a, b) for i in m.items}
    gap = units.apart().get(next(iter(found)) or "") if len(found) == 1 else None
    if gap is not None and upper.value - lower.value > gap and not _swapped(lower, upper):
        return False   # a foreshock's 4.0, an aftershock's 5.3
    top = max(i.interval.top for i in lower.items)
    bottom = min(i.interval.low for i in upper.items)
    return top <= 0 or bottom / top <= SPREAD


def _swapped(a: Mode, b: Mode) -> bool:
    """One value written with the other's digits on one day: a slip (6.4 against 4.6), not two events."""
    return sorted(str(a.value)) == sorted(str(b.value)) and len({*a.dates(), *b.dates()}) == 1


def _unit_slip(a: Mode, b: Mode) -> bool:
    """Two modes that state one number in two units easily written one for the other ("47
    miglia nautiche", "47 miglia"): the wording rule names the slip; "47 against 47, the
    values do not meet" would only puzzle."""
    stated = {i.claim.quantity.value for m in (a, b) for i in m.items}
    units_a = {i.claim.quantity.unit for i in a.items}
    units_b = {i.claim.quantity.unit for i in b.items}
    return len(stated) == 1 and len(units_a) == len(units_b) == 1 and \
        frozenset(units_a | units_b) in units.confusable()


def _rounded(g: Grouped, a: Mode, b: Mode, ctx: Context) -> Finding:
    """The finding of two modes that are one figure, exact in one and rounded in the other."""
    fmt = a.items[0].lexicon.number_format
    return finding(ctx, "hedge-drift", g, _("{one}; {other}: one figure, rounded in one of them").format(
                   one=say.group_text(a.items, ctx.outlet, fmt), other=say.group_text(b.items, ctx.outlet, fmt)),
                   [*a.items, *b.items], cause="rounded")


def _rounding(a: Mode, b: Mode) -> bool:
    """Two modes that are one figure, exact in one and rounded in the other (1.404, 1.400)."""
    xs = [i for i in a.items if i.stance == "exact"]
    ys = [i for i in b.items if i.stance == "exact"]
    return any(rounds_to(x, y) or rounds_to(y, x) for x in xs[:8] for y in ys[:8])


def _monotone(ordered: list[Mode]) -> bool:
    values = [m.value for m in ordered]
    return values == sorted(values) or values == sorted(values, reverse=True)


def _when(m: Mode) -> str:
    dates = sorted({d for d in m.dates() if d is not None})
    if not dates:
        return "undated"
    return dates[0].isoformat() if len(dates) == 1 else f"{dates[0].isoformat()}\u2026{dates[-1].isoformat()}"


def dispute(g: Grouped, ms: list[Mode], ctx: Context, fmt: tuple[str, str], items: list[Item],
            when: str | None = None, relays: list[list[Mode]] | None = None) -> Finding:
    """A dispute between sources (info), an error when an article credits a side's figure
    to another source, a warning when one states a side's figure bare; ``when``: its day;
    ``relays``: each side's modes when a side's source is relayed with several values."""
    side_of = {s: n for n, m in enumerate(ms) for s in m.sources}
    parts = [[p.items for p in side] for side in relays] if relays else [[m.items] for m in ms]
    sides = "; ".join(f"{', '.join(m.written_sources())}: {say.side_text(parts[n], ctx.outlet, fmt)}"
                      for n, m in enumerate(ms))
    wrong = [i for n, m in enumerate(ms) for i in m.items if i.source is not None and side_of[i.source] != n]
    # a figure its own article credits elsewhere (a lead, a subtitle: "Sessantadue morti", then
    # "62 vittime, secondo la prefettura"; "trentamila per la questura") is not bare
    bare = [i for m in ms for i in m.items if i.source is None and i.stance not in BOUNDS
            and not any(o.claim.doc == i.claim.doc and o.source for o in m.items)]
    message = _("a dispute between sources, each credited with its own figure \u2014 {sides}").format(sides=sides)
    if when is not None:
        message = f"{when}: {message}"
    severity = None
    off = ctx.settings.severity("value-conflict") == "off"
    if wrong:
        severity = "off" if off else "error"
        blamed = ", ".join(say.said(i.claim, ctx.outlet) for i in wrong)
        message += "; " + _("but {blamed} credits a side's figure to another source").format(blamed=blamed)
    elif bare:
        severity = "off" if off else "warning"
        blamed = ", ".join(say.said(i.claim, ctx.outlet) for i in bare[:4])
        message += "; " + ngettext("{blamed} states one side's figure as bare fact",
                                   "{blamed} state one side's figure as bare fact", len(bare)).format(blamed=blamed)
    return finding(ctx, "value-conflict", g, message, items, cause="disputed",
                   severity=severity or _disputed_severity(ctx))


def _disputed_severity(ctx: Context) -> str:
    """A plain dispute is information: each outlet credits each figure correctly."""
    return "off" if ctx.settings.severity("value-conflict") == "off" else "info"
