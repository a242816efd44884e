"""What a stated figure allows: intervals with open or closed ends, and the hedge's stance.

The reconciler compares figures as intervals (docs/architecture.md, "What a number means"): a bare
figure allows half a unit of its stated precision on each side (open ends, so that
"5.000" and "6.000" do not meet at 5.500), hedges keep the interval the extractor gave
them, and vague collectives ("migliaia") are read generously, stretched by a factor.

>>> from decimal import Decimal as D
>>> a = Interval.point(D(5000), D(500))
>>> b = Interval.point(D(6000), D(500))
>>> a.meets(b), a.meets(Interval.point(D(5200), D(50)))
(False, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from quantities.types import Quantity

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Interval:
    """``low``..``high`` (``high=None`` is unbounded), each end open or closed."""

    low: Decimal
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def point(cls, value: Decimal, tolerance: Decimal) -> Interval:
        """A bare figure: ``value`` ± ``tolerance``, ends open (exact when tolerance is 0)."""
        if tolerance <= 0:
            return cls(value, value)
        return cls(value - tolerance, value + tolerance, True, True)

    @property
    def top(self) -> Decimal:
        """Its highest stated end: ``high``, else (unbounded above) ``low``."""
        return self.high if self.high is not None else self.low

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one point."""
        return not (_below(self, other) or _below(other, self))

    def scaled(self, factor: Decimal) -> Interval:
        high = None if self.high is None else self.high * factor
        return Interval(self.low * factor, high, self.low_open, self.high_open)


def _below(a: Interval, b: Interval) -> bool:
    """True when all of ``a`` lies below all of ``b``."""
    if a.high is None:
        return False
    return a.high < b.low or (a.high == b.low and (a.high_open or b.low_open))


def stance(q: Quantity) -> str:
    """How the wording bounds the figure: exact, about, over, nearly, under, range or vague.

    Read from the interval's shape, so it holds for every language.

    >>> from decimal import Decimal as D
    >>> from quantities.types import Span
    >>> def q(v, lo, hi, approx=False):
    ...     return Quantity(Span(0, 1), "x", v and D(v), lo and D(lo), hi and D(hi), approx)
    >>> stance(q(3000, 3000, None)), stance(q(3000, 2700, 3000)), stance(q(3000, 2700, 3300, True))
    ('over', 'nearly', 'about')
    >>> stance(q(None, 2000, 9999, True)), stance(q(None, 30, 40)), stance(q(5000, 5000, 5000))
    ('vague', 'range', 'exact')
    """
    v, lo, hi = q.value, q.low, q.high
    if v is None:
        return "vague" if q.approx else "range"
    if hi is None:
        return "over"
    if lo is None or (lo == v and hi == v):
        return "about" if q.approx else "exact"
    if hi == v and lo < v:
        return "under" if lo <= ZERO else "nearly"
    return "about"


def precision_of(q: Quantity) -> Decimal:
    """The unit of the last stated digit: Quantity.precision, else read from the value.

    >>> from decimal import Decimal as D
    >>> from quantities.types import Span
    >>> precision_of(Quantity(Span(0, 1), "5.000", D(5000), D(5000), D(5000))) == 1000
    True
    >>> precision_of(Quantity(Span(0, 1), "2,5", D("2.5"), D("2.5"), D("2.5")))
    Decimal('0.1')
    """
    if q.precision is not None:
        return q.precision
    v = q.value if q.value is not None else q.low
    if v is None or v == 0:
        return Decimal(1)
    return Decimal(1).scaleb(int(v.normalize().as_tuple().exponent))


def _rounded(value: Decimal, precision: Decimal, tolerance: Decimal) -> Interval:
    """A bare figure rounded to its last stated digit: ``value`` ± ``tolerance`` units of
    it, except below a figure that is that one digit "1" ("un milione", "mille", "a
    billion"): a value under a power of ten is rounded to a finer digit (840.000 is "0,8
    milioni" or "850mila", not "un milione"), so only half a unit of the digit below
    reaches it from underneath.

    >>> from decimal import Decimal as D
    >>> r = _rounded(D(1000000), D(1000000), D("0.5"))
    >>> r.low, r.high
    (Decimal('950000.0'), Decimal('1500000.0'))
    >>> r = _rounded(D(2000000), D(1000000), D("0.5"))
    >>> r.low, r.high
    (Decimal('1500000.0'), Decimal('2500000.0'))
    """
    if tolerance <= 0 or value != precision:
        return Interval.point(value, precision * tolerance)
    return Interval(value - precision * tolerance / 10, value + precision * tolerance, True, True)


def interval_of(q: Quantity, *, tolerance: Decimal, approx_margin: Decimal, vague_stretch: Decimal) -> Interval:
    """The interval a reconciler compares for ``q`` (see module docstring).

    >>> from decimal import Decimal as D
    >>> from quantities.types import Span
    >>> migliaia = Quantity(Span(0, 1), "migliaia", None, D(2000), D(9999), True)
    >>> interval_of(migliaia, tolerance=D("0.5"), approx_margin=D("0.1"), vague_stretch=D(2))
    Interval(low=Decimal('1000'), high=Decimal('19998'), low_open=False, high_open=False)
    """
    kind = stance(q)
    low = q.low if q.low is not None else (q.value if q.value is not None else ZERO)
    if kind == "exact" and q.value is not None:
        return _rounded(q.value, precision_of(q), tolerance)
    if kind == "about" and q.value is not None and (q.low is None or q.low == q.high):
        return Interval(q.value * (1 - approx_margin), q.value * (1 + approx_margin))
    if kind == "vague":
        high = None if q.high is None else q.high * vague_stretch
        return Interval(low / vague_stretch, high)
    return Interval(low, q.high)
