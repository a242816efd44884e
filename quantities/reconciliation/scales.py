"""One figure, its digits the same and its scale a thousand apart: "500 milioni di euro" in one
article, "500 miliardi di euro" in another. Values that far apart are no rounding of each
other (:func:`values.comparable` leaves them out of a value conflict: 2 people and 2.000
people are more often two figures the keys could not separate), but the same digits under a
scale word one step off, in both articles, is the classic slip of a desk: a ``value-conflict``
of cause ``scale``, info by default (two steps below the rule's severity, off with it): which
article slipped, if one did, is for the editor to find. A figure with another value conflict
gives that one (one finding of a rule per figure).
"""

from __future__ import annotations

import re
from decimal import Decimal

from quantities.reconciliation import messages as say
from quantities.reconciliation.figures import Grouped
from quantities.reconciliation.findings import Context, finding, weaker
from quantities.reconciliation.modes import Mode
from quantities.text.i18n import _
from quantities.types import Finding

#: The factors a scale word slips by: a thousand (milioni/miliardi, mila/milioni), a million.
FACTORS = (Decimal(1000), Decimal(1000) ** 2)
#: How far below value-conflict's severity: a check, not a verdict. Two sums of one event may
#: share their digits by chance ("il governo ha stanziato 2 miliardi", "la Regione 2 milioni"),
#: and the keys cannot tell the national sum from the local one.
WEAKER = 2
#: The digits a figure is written with, before its scale word ("500" of "circa 500 milioni").
DIGITS = re.compile(r"[0-9][0-9.,]*")


def slipped(found: list[Mode], pairs: list[tuple[int, int]]) -> tuple[Mode, Mode] | None:
    """The first pair of contradicting modes, stated in different articles with the same
    digits, each under a scale word, whose values are a :data:`FACTORS` apart: the smaller first."""
    for a, b in pairs:
        low, high = sorted((found[a], found[b]), key=lambda m: m.value)
        x, y = _stated(low), _stated(high)
        if x and y and y / x in FACTORS and low.docs.isdisjoint(high.docs) \
                and _scaled(low, x) and _scaled(high, y) and _digits(low) == _digits(high) is not None:
            return low, high
    return None


def _scaled(m: Mode, value: Decimal) -> bool:
    """Whether every claim of ``m`` reaches ``value`` through a scale word ("500 miliardi",
    "3mila"), not written out in digits. Both sides must: "5.000 soldati" against "5 soldati",
    or "due persone" against "2mila persone", are two counts the keys could not tell apart."""
    whole = len(str(int(value)))   # a scale word is a thousand or more ("due" is no scale)
    return value >= 1000 and all(sum(ch.isdigit() for ch in i.claim.quantity.text) < whole for i in m.items)


def _digits(m: Mode) -> str | None:
    """The digits every claim of ``m`` writes its figure with, if one and the same
    ("mille", "un milione": none, no digits to be the same)."""
    found = {d[0] if (d := DIGITS.search(i.claim.quantity.text)) else None for i in m.items}
    return found.pop() if len(found) == 1 else None


def _stated(m: Mode) -> Decimal | None:
    """The one value every claim of ``m`` states, if they state one (positive)."""
    values = {i.claim.quantity.value for i in m.items}
    value = values.pop() if len(values) == 1 else None
    return value if value is not None and value > 0 else None


def scale_finding(g: Grouped, low: Mode, high: Mode, ctx: Context) -> Finding | None:
    """The finding, :data:`WEAKER` steps below the value-conflict rule's severity (info by
    default); none when the rule is off."""
    level = weaker(ctx.settings.severity("value-conflict"), WEAKER)
    if level == "off":
        return None
    fmt = low.items[0].lexicon.number_format
    message = _("{one}; {other}: the same digits, a scale word apart ({factor} times); "
                "check which one is meant").format(
        one=say.group_text(low.items, ctx.outlet, fmt), other=say.group_text(high.items, ctx.outlet, fmt),
        factor=say.num(high.value / low.value, fmt))
    return finding(ctx, "value-conflict", g, message, [*low.items, *high.items], cause="scale",
                   severity=level)
