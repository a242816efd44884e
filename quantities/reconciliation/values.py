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
- **hedge-drift**: inside one mode, the same figure stated exactly in one article and
  hedged or rounded in another (vague words like "migliaia" are no statement of it).
- **headline-body**: one article's headline and body disagree on the figure.

Claims the article gives as superseded ("era fermo a 35") take part in none of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from quantities.lang import units
from quantities.reconciliation import messages as say
from quantities.reconciliation import scales
from quantities.reconciliation.doubts import BRACKET, bounded, weigh
from quantities.reconciliation.figures import Grouped
from quantities.reconciliation.findings import Context, finding
from quantities.reconciliation.headlines import headline_findings
from quantities.reconciliation.intervals import precision_of
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
from quantities.text.i18n import _, ngettext
from quantities.types import Finding

#: This many values (each from one outlet; or more than this many at all), with no time
#: order and no sources to tell them apart, are taken for several figures the keys could
#: not separate (the ages of different people, a live blog's hours, a toll's provinces):
#: no conflict is claimed, unless their values are close (:func:`modes.close`).
SCATTERED = 3
#: Values further apart than this factor are not one figure stated two ways (a dropped
#: zero, 40 for 420, is still within it).
SPREAD = 20
#: A bare figure is read as a rounding of another only when its last digit stands for
#: hundreds or more ("1.400" for 1.404); "10" is no rounding of 7.
ROUND_UNIT = 100
#: Stances that put a figure near its value ("circa 700", "quasi 700"): a rounding of an
#: exact value when hedged. "oltre 700" is a bound, not a rounding.
NEAR = frozenset({"about", "nearly"})
#: A lower bound against an upper one ("almeno 500", "fino a 600"): two values that meet
#: only between them, each source leaning its own way.
OPPOSITE = ({"over", "under"}, {"over", "nearly"})
#: Stances that only agree with a side's figure ("più di trecento" beside 338), not state it.
BOUNDS = frozenset({"over", "under", "vague"})
#: Claims that joined no mode looked at for drift, at most (a bound: linear per figure).
LOOSE = 16


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
    elif conflicts and (slip := scales.slipped(found, contradicting(found))) is not None \
            and (scaled := scales.scale_finding(g, *slip, ctx)) is not None:
        yield scaled   # "500 milioni" against "500 miliardi"
    yield from _drift(g, found, ctx, current)
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
        return finding(ctx, "value-conflict", g, message, items, cause="part", severity="info")
    if disputed(sides := sided(ms)):
        return dispute(g, sides, ctx, fmt, items)
    if (relays := relayed(sides)) is not None:   # one source relayed as 7 and as 7,2
        return dispute(g, [Mode(tuple(i for m in side for i in m.items)) for side in relays], ctx, fmt, items,
                       relays=relays)
    if small_groups(ms):
        return None
    if len(ms) == 2 and _rounding(ms[0], ms[1]):
        return finding(ctx, "hedge-drift", g, _("{one}; {other}: one figure, rounded in one of them").format(
                       one=say.group_text(ms[0].items, ctx.outlet, fmt),
                       other=say.group_text(ms[1].items, ctx.outlet, fmt)), items, cause="rounded")
    head, rest = ms[0], ms[1:]
    if len(ms) >= SCATTERED and len(head.docs) < 2 and not close(ms):
        return None
    groups = "; ".join(say.group_text(m.items, ctx.outlet, fmt) for m in rest)
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


def _timeline(ms: list[Mode], window: int) -> list[Mode] | None:
    """The modes in time order when they follow each other on a running figure (a count in
    a status, several steps, or one the article says moved) and the values move one way, or
    each step is more than ``window`` days (then any move is a timeline). A figure that does
    not run (an instalment's value) given otherwise on another day is a conflict. Modes of
    one day are ordered by the times of day their texts give them ("ore 12", "in serata"),
    or when the later one says the figure moved ("sale a 632", "rose to")."""
    if translated([i for m in ms for i in m.items]):   # one remark translated: values that do not meet are no timeline
        return None
    early = [m for m in ms if provisional(m)]
    if len(ms) == 2 and len(early) == 1:   # a partial count, then the final one
        return [early[0], next(m for m in ms if m is not early[0])]
    if all(None not in m.dates() for m in ms):
        ordered = sorted(ms, key=lambda m: (min(m.dates()), _earliest(m), _moved(m)))
        steps = list(zip(ordered, ordered[1:]))
        gaps = [(min(b.dates()) - max(a.dates())).days for a, b in steps]
        follows = all(g > 0 or (g == 0 and (_later(a, b) or (_moved(b) and not _moved(a))))
                      for g, (a, b) in zip(gaps, steps))
        running = len(ordered) > 2 or _moved(ordered[-1]) or _toll(ordered[0])
        if follows and running and (_monotone(ordered) or all(g > window for g in gaps)) \
                and not against_moves(ordered):
            return ordered
        if _toll(ordered[0]) or any(map(_moved, ms)):
            found = _running(ms)
            if found is not None:
                return found
    if len(ms) == 2:
        low, high = sorted(ms, key=lambda m: m.value)
        if any(i.moved == "rising" for i in high.items) and not any(i.moved for i in low.items):
            return [low, high]
        if any(i.moved == "falling" for i in low.items) and not any(i.moved for i in high.items):
            return [high, low]
    return None


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
    if gap is not None and upper.value - lower.value > gap:   # a foreshock's 4.0, an aftershock's 5.3
        return False
    top = max(i.interval.top for i in lower.items)
    bottom = min(i.interval.low for i in upper.items)
    return top <= 0 or bottom / top <= SPREAD


def _unit_slip(a: Mode, b: Mode) -> bool:
    """Two modes that state one number in two units easily written one for the other ("47
    miglia nautiche", "47 miglia"): the wording rule names the slip; "47 against 47, the
    values do not meet" would only puzzle."""
    stated = {i.claim.quantity.value for m in (a, b) for i in m.items}
    units_a = {i.claim.quantity.unit for i in a.items}
    units_b = {i.claim.quantity.unit for i in b.items}
    return len(stated) == 1 and len(units_a) == len(units_b) == 1 and \
        frozenset(units_a | units_b) in units.confusable()


def _rounding(a: Mode, b: Mode) -> bool:
    """Two modes that are one figure, exact in one and rounded in the other (1.404, 1.400)."""
    xs = [i for i in a.items if i.stance == "exact"]
    ys = [i for i in b.items if i.stance == "exact"]
    return any(_rounds_to(x, y) or _rounds_to(y, x) for x in xs[:8] for y in ys[:8])


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


def _drift(g: Grouped, found: list[Mode], ctx: Context, current: list[Item]) -> Iterator[Finding]:
    """Drift inside each mode, one finding per value (the questura's 30mila and the
    organisers' 100mila drift each in their own words); a hedged claim that meets several
    modes and so joined none ("fino a 600" meets 79 and "almeno 500") is looked at with
    each mode it meets."""
    message = _("one figure, worded differently (hedged, rounded or bounded from either side): {claims}")
    placed = {id(i) for m in found for i in m.items}
    loose = [i for i in current if id(i) not in placed][:LOOSE]
    for m in found:
        near = [i for i in loose if any(i.interval.meets(o.interval) for o in m.items)]
        stated = [i for i in (*m.items, *near) if i.value is not None and i.stance != "vague"]
        stated = _drifting(stated)
        if len({i.claim.doc for i in stated}) < 2:
            continue
        said = ", ".join(f"{say.outlets([i], ctx.outlet)} \u201c{i.claim.text}\u201d "
                         f"({_(say.STANCE_WORDS[i.stance])})" for i in stated[:6])
        text = message
        if _bracketed(stated):   # "almeno 500" (the authorities), "fino a 600" (a doctor): two estimates
            said = ", ".join(f"{i.claim.attribution.source if i.claim.attribution else i.source} "
                             f"\u201c{i.claim.text}\u201d ({say.outlets([i], ctx.outlet)})" for i in stated)
            text = _("two sources bound the figure from either side: {claims}; they meet only between the two")
        yield finding(ctx, "hedge-drift", g, text.format(claims=said), stated, cause="hedge")


def _bracketed(stated: list[Item]) -> bool:
    """Two values, each its own source's, bounding the figure from either side."""
    return len(stated) == 2 and stated[0].value != stated[1].value and None not in {i.source for i in stated} \
        and stated[0].source != stated[1].source and {i.stance for i in stated} in OPPOSITE


def _drifting(stated: list[Item]) -> list[Item]:
    """The claims that drift from another claim of another article: compared once per
    distinct wording (value, stance, precision), so a mode of many claims stays linear."""
    readings: dict[tuple, list[Item]] = {}
    for i in stated:
        readings.setdefault((i.value, i.stance, precision_of(i.claim.quantity)), []).append(i)
    groups = list(readings.values())
    docs = [{i.claim.doc for i in g} for g in groups]
    if len(set().union(*docs)) < 2:   # one article's wordings: none drifts from another's (no pairs to try)
        return []
    out: set[int] = set()
    for n, a in enumerate(groups):
        for m in range(n + 1, len(groups)):
            if len(docs[n] | docs[m]) < 2 or not _drifts_in_wording(a[0], groups[m][0]):
                continue
            out.update((n, m))
    return [i for n in sorted(out) for i in groups[n]]


def _drifts_in_wording(a: Item, b: Item) -> bool:
    """One value in two wordings: hedged differently, or one a rounding of the other
    (1.400 for 1.404: the exact value rounded to the bare one's last digit; "quasi 700"
    for 693: the exact value rounded and hedged towards it), or bounded from either side
    ("almeno 500" and "fino a 600": they meet only between the two)."""
    if a.value is None or b.value is None:
        return False
    sa, sb = a.stance, b.stance
    if a.value == b.value:
        return sa != sb
    if sa == "exact" and sb == "exact":
        return _rounds_to(a, b) or _rounds_to(b, a)
    if sa == "exact" and sb in NEAR:
        return _rounds_closely(a, b)
    if sb == "exact" and sa in NEAR:
        return _rounds_closely(b, a)
    low, high = sorted((a.value, b.value))
    return {sa, sb} in OPPOSITE and low > 0 and high <= low * BRACKET


def _rounds_closely(exact: Item, hedged: Item) -> bool:
    """The hedged value is the exact one rounded, off by less than a tenth of its last
    digit ("quasi 700" for 693): the hedge says it was rounded. "quasi 3.000" for 2.800 is
    an estimate of its own, not a rounding of the other."""
    stated, rounded = exact.claim.quantity.value, hedged.claim.quantity.value
    if stated is None or rounded is None:
        return False
    return _rounds_to(exact, hedged) and abs(stated - rounded) * 10 <= precision_of(hedged.claim.quantity)


def _rounds_to(exact: Item, bare: Item) -> bool:
    unit = precision_of(bare.claim.quantity)
    stated, rounded = exact.claim.quantity.value, bare.claim.quantity.value
    if unit < ROUND_UNIT or unit <= precision_of(exact.claim.quantity) or stated is None or rounded is None:
        return False
    return stated != rounded and (stated / unit).quantize(Decimal(1)) * unit == rounded

