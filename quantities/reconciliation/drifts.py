"""The hedge-drift rule inside one mode of a figure: the same figure stated exactly in one
article and hedged, rounded or bounded from the other side in another ("1.404" and "circa
1.400", "almeno 500" and "fino a 600"); vague words ("migliaia") state no value.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from quantities.reconciliation import messages as say
from quantities.reconciliation.doubts import BRACKET
from quantities.reconciliation.figures import Grouped
from quantities.reconciliation.findings import Context, finding
from quantities.reconciliation.intervals import precision_of
from quantities.reconciliation.keys import Item
from quantities.reconciliation.modes import CLOSE, Mode
from quantities.text.i18n import _
from quantities.types import Finding

#: A bare integer is read as a rounding of another integer only when its last digit stands
#: for hundreds or more ("1.400" for 1.404); "10" is no rounding of 7 (see :func:`rounds_to`).
ROUND_UNIT = 100
#: A value with decimals is a rounding of another when its last digit is below the unit ("40,7" for 40,68).
ROUND_DECIMALS = 1
#: A value this far between two roundings (650 between 600 and 700) rounds to neither.
HALF = Decimal("0.5")
#: Stances that put a figure near its value ("circa 700", "quasi 700"): a rounding of an
#: exact value when hedged. "oltre 700" is a bound, not a rounding.
NEAR = frozenset({"about", "nearly"})
#: Stances that bound a figure from one side ("oltre 450", "fino a 600"): the exact value cut
#: to the bound's last digit, towards the bound, when it holds it closely (:func:`_bounds_closely`).
BOUNDS = frozenset({"over", "under"})
#: A lower bound against an upper one ("almeno 500", "fino a 600"): two values that meet
#: only between them, each source leaning its own way.
OPPOSITE = ({"over", "under"}, {"over", "nearly"})
#: Claims that joined no mode looked at for drift, at most (a bound: linear per figure).
LOOSE = 16


def drift_findings(g: Grouped, found: list[Mode], ctx: Context, current: list[Item]) -> Iterator[Finding]:
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
    for 693: the exact value rounded and hedged towards it; "più di 450" for 457: the exact
    value cut to a bound), or bounded from either side ("almeno 500" and "fino a 600": they
    meet only between the two)."""
    if a.value is None or b.value is None:
        return False
    sa, sb = a.stance, b.stance
    if a.value == b.value:
        return sa != sb
    if sa == "exact" and sb == "exact":   # halfway too, when both are named: "36 milioni" is 36,5 cut
        halfway = a.named and b.named     # (not "vanno 1,2 miliardi" / "vanno 1,15": two regions' sums, unnamed)
        return rounds_to(a, b, halfway=halfway) or rounds_to(b, a, halfway=halfway)
    if sa == "exact" or sb == "exact":
        exact, other = (a, b) if sa == "exact" else (b, a)
        if other.stance in NEAR:
            return _rounds_closely(exact, other)
        if other.stance in BOUNDS:
            return _bounds_closely(exact, other)
    low, high = sorted((a.value, b.value))
    return {sa, sb} in OPPOSITE and low > 0 and high <= low * BRACKET


def _rounds_closely(exact: Item, hedged: Item) -> bool:
    """The hedged value is the exact one rounded, off by less than a tenth of its last
    digit ("quasi 700" for 693): the hedge says it was rounded. "quasi 3.000" for 2.800 is
    an estimate of its own, not a rounding of the other."""
    stated, rounded = exact.claim.quantity.value, hedged.claim.quantity.value
    if stated is None or rounded is None:
        return False
    small = hedged.claim.quantity.hedge is not None   # "circa 18 km" for 17,9; not "una decina" for 11
    return rounds_to(exact, hedged, small=small) and abs(stated - rounded) * 10 <= precision_of(hedged.claim.quantity)


def _bounds_closely(exact: Item, bound: Item) -> bool:
    """The bound is the exact value cut to the bound's last digit, on the side the bound
    leans ("più di 450" for 457, "oltre 8mila" for 8.200, "fino a 600" for 593): the same
    figure, stated as a bound. "oltre 400" for 457 is a bound of its own."""
    stated, bounded = exact.claim.quantity.value, bound.claim.quantity.value
    if stated is None or bounded is None or bound.claim.quantity.hedge is None:   # a word that bounds it
        return False
    gap = stated - bounded if bound.stance == "over" else bounded - stated
    return 0 < gap < precision_of(bound.claim.quantity)


def rounds_to(exact: Item, bare: Item, *, halfway: bool = False, small: bool = False) -> bool:
    """Whether ``bare`` is ``exact``'s value rounded to ``bare``'s last digit: to hundreds or more
    (1.400 for 1.404), or to fewer decimals (40,7% for 40,68%); not 10 for 7, nor a magnitude 7
    for 7,2 (two networks' readings, not a rounding), unless ``small`` (a hedge that says it was
    rounded: "circa 18 km" for 17,9); a value just halfway (650, 40,65) rounds to neither side
    ("700" against 650 is a conflict), unless ``halfway`` (two values that already meet and lie
    within :data:`~quantities.reconciliation.modes.CLOSE`: "36 milioni" for 36,5 is the value cut;
    "20mila" for 25mila is another count)."""
    unit, places = precision_of(bare.claim.quantity), precision_of(exact.claim.quantity)
    stated, rounded = exact.claim.quantity.value, bare.claim.quantity.value
    if unit <= places or stated is None or rounded is None or (not small and ROUND_DECIMALS <= unit < ROUND_UNIT):
        return False
    steps = stated / unit
    if halfway and abs(steps % 1) == HALF:   # and close: not "20mila" against 25mila, two counts
        return abs(stated - rounded) * 2 == unit and max(stated, rounded) <= min(stated, rounded) * CLOSE
    return stated != rounded and abs(steps % 1) != HALF and steps.quantize(Decimal(1)) * unit == rounded
