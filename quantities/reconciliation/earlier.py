"""An earlier value one article gives alone, against the current value of others: an update.

A claim its article gives as superseded ("In August, the Commission had put the grants at
2.76 billion", "had spoken of", "inizialmente") takes part in no value rule
(:mod:`~quantities.reconciliation.values`): its own article states the value that replaced
it. When that article states no other value of the figure, the earlier value stands alone
in it, and another article's current value, when the two do not meet, is the later step of
one timeline: an ``update`` (info), never a conflict. Superseded claims of an article that
also gives the current value ("78 e non 79", "era fermo a 35, ora 40") are that article's
own account of the change: nothing here. A current value stated to a coarser digit that the
earlier one, rounded or cut, gives (2.76 billion in August, "2,7 miliardi" now) shows no
change: one figure worded two ways (``hedge-drift``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from quantities.reconciliation import messages as say
from quantities.reconciliation.figures import Grouped
from quantities.reconciliation.findings import Context, finding
from quantities.reconciliation.intervals import precision_of
from quantities.reconciliation.keys import Item
from quantities.text.i18n import _
from quantities.types import Finding


def earlier_findings(g: Grouped, ctx: Context) -> Iterator[Finding]:
    """The update from the earlier values articles give alone to the figure's one current value."""
    current = [i for i in g.items if not i.superseded]
    now = {i.claim.doc for i in current}
    alone = [i for i in g.items if i.superseded and not i.earlier and i.claim.doc not in now
             and i.value is not None]
    if not alone or not current:
        return
    found = g.current
    if len(found) != 1:
        return   # the current values disagree among themselves: the value rules say so
    old = [i for i in alone if not any(i.interval.meets(o.interval) for o in found[0].items)]
    if not old:
        return
    fmt = old[0].lexicon.number_format
    if all(_cut(o, found[0].items) for o in old):   # 2.76 billion in August, "2,7 miliardi" now
        message = _("{old} (given as an earlier value: {outlets}) and {now} ({others}): the later value is the "
                    "earlier one to its own last digit, rounded or cut; no change is shown").format(
            old=say.value_of(old, fmt), outlets=say.outlets(old, ctx.outlet),
            now=say.value_of(found[0].items, fmt), others=say.outlets(found[0].items, ctx.outlet))
        yield finding(ctx, "hedge-drift", g, message, [*old, *found[0].items], cause="rounded")
        return
    steps = " \u2192 ".join((
        _("{value} (given as an earlier value: {outlets})").format(
            value=say.value_of(old, fmt), outlets=say.outlets(old, ctx.outlet)),
        f"{say.value_of(found[0].items, fmt)} ({say.outlets(found[0].items, ctx.outlet)})"))
    yield finding(ctx, "update", g, _("the figure moves with time: {steps}; read as a timeline, "
                                      "not a conflict").format(steps=steps), [*old, *found[0].items],
                  cause="timeline")


def _cut(old: Item, now: Sequence[Item]) -> bool:
    """Whether a current claim, stated exactly to a coarser digit than ``old``, is ``old``
    rounded or cut to that digit (2,7 for 2.76; not 2,6)."""
    mine = _unit(old)
    return mine is not None and old.value is not None and any(
        (unit := _unit(i)) is not None and i.value is not None and i.stance == "exact"
        and mine < unit and (0 <= old.value - i.value < unit or abs(old.value - i.value) * 2 <= unit) for i in now)


def _unit(i: Item) -> Decimal | None:
    """The unit of the claim's last stated digit, in the figure's base unit (None: no value)."""
    stated = i.claim.quantity.value
    if not stated or i.value is None:
        return None
    return precision_of(i.claim.quantity) * i.value / stated
