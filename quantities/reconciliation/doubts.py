"""How sure a value conflict is: what makes an outlier or a disagreement a warning, not an error.

A value conflict says an outlet got a figure wrong. Some ways of stating the figure say
the outlet itself is not sure of it, or that it is no statement of the figure at all:

- **headline**: every odd claim stands in a headline or a subtitle, which sums a story up
  and may count a wider whole ("Il piano sale a 225 miliardi", the plan with the
  complementary fund, over a body that says 194,4) or round it: a warning, "check the
  headline". Not a headline's value far under the others ("40 millimetri di pioggia" over
  a body and sources that say 400 or 420): no wider whole, no rounding, a slip in the most
  read line of the article, and an error;
- **first estimate**: every odd claim's sentence gives it as a first or provisional
  estimate ("Da una prima ricostruzione risulta che le misure sono 123", "secondo le
  prime informazioni": the ``[time] tentative`` and ``provisional`` cues): a warning;
- **a changing state**: the figure's unit measures a state that changes by the hour
  (``units.changing``: the sea's force, a temperature): "mare forza 4" at the break-up,
  "forza 5, secondo i militari" at the night sortie are as often two moments as an error;
- **far apart**: a disagreement (no value has more outlets than another) whose values lie
  more than ``far_apart`` times apart (:class:`~.settings.ReconcileSettings`, 3 by default; 0
  turns it off: "cinque pesci", "un centinaio di pesci"; "821 assunzioni", "2.500
  assunzioni") is more often two figures the keys could not tell apart (the fish of one bank
  and of the river, this year's hires and the plan's) than one misreport: a warning, "check
  that they count the same thing". Not a toll of people in a status (the dead, the missing:
  one figure of the event, "due morti" against "11 morti"), a vague side ("centinaia di
  soldati" against "circa 15mila": the order of magnitude is what it says), exact values one
  digit apart ("40" for 420 millimetres: a slip; hedged ones, "circa 2.500" and "circa
  25.000", are as often two magnitudes: tried in session 30, a false error on real coverage),
  nor values one source is credited with on both sides (the same ministry's 13 and 47
  hostages: one of them is misreported). An outlier keeps its error: the others agreeing on a
  value is what makes the odd one a slip.

A one-sided bound that the other value lies just beyond ("oltre due metri di neve", "due
metri e mezzo") is no conflict of values at all: :func:`bounded`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from quantities.lang import units
from quantities.reconciliation import messages as say
from quantities.reconciliation.findings import Context
from quantities.reconciliation.keys import Item, toll
from quantities.reconciliation.modes import Mode
from quantities.text.i18n import _
from quantities.types import SEVERITIES

#: A headline's value at least this share of the others' is a wider whole or a rounding of
#: theirs ("225" over 194,4; "oltre 190" over 194,4); under it, a slip ("40" over 420).
ROUNDED_DOWN = Decimal("0.9")
#: A bound read as met by a value at most this factor beyond it ("oltre due metri", "due
#: metri e mezzo"); two bounds of two sources that bracket a range this narrow ("almeno 500",
#: "fino a 600": :mod:`.values`); further apart, the words say little of each other.
BRACKET = Decimal("1.5")


def weigh(odd: Sequence[Mode], every: Sequence[Mode], ctx: Context) -> tuple[str | None, str]:
    """The severity (None: the rule's own) and the words to add to a value conflict whose
    odd modes are ``odd`` among ``every`` mode of the figure (an outlier's: the modes
    against the agreed one; a disagreement's: each mode in turn, any of them may be odd)."""
    sides = [odd] if len(odd) < len(every) else [[m] for m in every]
    for side in sides:
        items = [i for m in side for i in m.items]
        where = ", ".join(dict.fromkeys(ctx.outlet(i.claim.doc) for i in items))
        others = [i for m in every if all(m is not s for s in side) for i in m.items]
        if items and all(_headline(i) for i in items) and _wider_or_rounded(items, others):
            return _capped(ctx, "warning"), "; " + _(
                "{outlets} gives it in a headline or subtitle, which may count a wider whole or round it: "
                "check the headline against its own body").format(outlets=where)
        if items and all(_tentative(i) for i in items):
            return _capped(ctx, "warning"), "; " + _(
                "{outlets} gives it as a first or provisional estimate").format(outlets=where)
    if all(i.claim.quantity.unit in units.changing() for m in every for i in m.items):
        return _capped(ctx, "warning"), "; " + _(
            "a state that changes by the hour: check that they describe the same moment")
    if len(odd) == len(every) and _apart(every, ctx.settings.far_apart) and not _one_figure(every):
        return _capped(ctx, "warning"), "; " + _(
            "values {factor} times apart, none more widely reported: often two different figures, sometimes one "
            "misreported; check that they count the same thing").format(
            factor=say.num(_ratio(every), every[0].items[0].lexicon.number_format))
    return None, ""


def _apart(ms: Sequence[Mode], factor: float) -> bool:
    """Whether even the nearest ends of ``ms`` lie more than ``factor`` times apart (the
    highest low end over the lowest top end; ``factor`` 0: never). Values of one sign only:
    a negative change or a zero end says nothing of a ratio."""
    ends = [i.interval for m in ms for i in m.items]
    bottom = min(e.top for e in ends)
    if not factor or bottom <= 0 or any(e.low < 0 for e in ends):
        return False
    return max(e.low for e in ends) > bottom * Decimal(str(factor))


def _ratio(ms: Sequence[Mode]) -> Decimal:
    """How many times the highest value of ``ms`` is the lowest, as the articles state them
    (2.000 and 20.000: 10), to one decimal under ten."""
    values = [m.value for m in ms]
    if min(values) <= 0:   # a zero stated value, a positive range: the nearest ends
        values = [min(i.interval.top for m in ms for i in m.items), max(i.interval.low for m in ms for i in m.items)]
    ratio = max(values) / min(values)
    return ratio.quantize(Decimal(1) if ratio >= 10 else Decimal("0.1"), rounding="ROUND_FLOOR")


def _one_figure(ms: Sequence[Mode]) -> bool:
    """Values far apart that still name one figure: a toll, a vague side, a one-digit slip, one
    source credited on two sides."""
    items = [i for m in ms for i in m.items]
    if all(toll(i) for i in items) or any(i.stance == "vague" for i in items):
        return True
    sides = [{i.source for i in m.items if i.source} for m in ms]
    if any(a & b for n, a in enumerate(sides) for b in sides[n + 1:]):
        return True
    digits = {_digits(i.claim.quantity.value) for i in items if i.stance == "exact"}
    return any(len(b) == len(a) + 1 and any(b[:k] + b[k + 1:] == a for k in range(len(b)))
               for a in digits for b in digits)


def _digits(value: Decimal | None) -> str:
    """The significant digits of ``value`` as written out ("420" for 420, "55" for 5,5)."""
    return "" if value is None else format(value.normalize(), "f").replace(".", "").lstrip("0")


def bounded(ms: Sequence[Mode]) -> tuple[Mode, Mode] | None:
    """(bound, value) when one of two modes is a one-sided bound every claim of the other lies
    beyond, on the side it points to and within BRACKET of it ("oltre due metri di neve", "due
    metri e mezzo"): read as just over the bound the two do not meet, but the words agree."""
    for bound, other in (ms, ms[::-1]):
        if _leaning(bound, other):
            return bound, other
    return None


def _leaning(bound: Mode, other: Mode) -> bool:
    stances = {i.stance for i in bound.items}
    if stances == {"over"}:
        edge = max(i.interval.low for i in bound.items)
        return all(edge < i.interval.low and i.interval.top <= edge * BRACKET for i in other.items)
    if stances == {"under"}:
        edge = min(i.interval.top for i in bound.items)
        return all(i.interval.top < edge and i.interval.low * BRACKET >= edge for i in other.items)
    return False


def _wider_or_rounded(items: Sequence[Item], others: Sequence[Item]) -> bool:
    """The values of ``items`` are each at least :data:`ROUNDED_DOWN` of the largest of ``others``."""
    if not others:
        return False
    top = max(i.interval.top for i in others)
    return all(i.interval.low >= top * ROUNDED_DOWN for i in items)


def _headline(i: Item) -> bool:
    return i.claim.section == "title" or i.standfirst


def _tentative(i: Item) -> bool:
    """Its sentence gives it as a first or provisional estimate (``[time] tentative``, ``provisional``)."""
    return i.lexicon.cue("tentative", i.claim.context) or i.provisional


def _capped(ctx: Context, level: str) -> str:
    """``level``, or the desk's own severity of value conflicts when that is lower (or off)."""
    own = ctx.settings.severity("value-conflict")
    if own == "off":
        return own
    return max(own, level, key=SEVERITIES.index)
