"""A number being read, and the small helpers every step of the reader shares: bounded
pattern calls, scaling, the precision of an integer, the share rule of percentages."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from quantities.errors import PatternTimeoutError

TIMEOUT = 5.0  # seconds for one pattern call: far beyond any real text
#: A call on a window of at most this many characters runs without the time guard: every
#: pattern is linear (tests/test_patterns.py), so such a call is bounded by its window, and
#: the guard costs ~1.2 µs a call (regex reads the clock), most of a short match.
UNGUARDED_CHARS = 1_000


HUNDRED = Decimal(100)


@dataclass(slots=True)
class Reading:
    """A number being read: the core, then what the context adds."""

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    precision: Decimal | None
    kind: str = "count"
    unit: str | None = None
    hedge: str | None = None
    approx: bool = False
    integer: bool = False
    plain: bool = False  # digits only, no separator: could be a year

    def oversized(self, most: int) -> bool:
        """Whether its value or a bound has more than ``most`` digits before the point
        (``Decimal.adjusted``): read once a figure, without a generator."""
        v, low, high = self.value, self.low, self.high
        return (v is not None and v.adjusted() > most) or (low is not None and low is not v and low.adjusted() > most) \
            or (high is not None and high is not v and high.adjusted() > most)


def search(rx: Any, text: str, pos: int, endpos: int | None = None) -> Any:
    end = len(text) if endpos is None else endpos
    if end - pos <= UNGUARDED_CHARS:
        return rx.search(text, pos, end, False)  # concurrent=False: keep the GIL
    try:
        # positional (string, pos, endpos, concurrent, partial, timeout): keywords cost more;
        # concurrent=False keeps the GIL, which releasing would cost more than these short calls
        return rx.search(text, pos, end, False, False, TIMEOUT)
    except TimeoutError as e:
        raise PatternTimeoutError(f"pattern timed out at offset {pos}") from e


def match(rx: Any, text: str, pos: int, endpos: int | None = None) -> Any:
    end = len(text) if endpos is None else endpos
    if end - pos <= UNGUARDED_CHARS:
        return rx.match(text, pos, end, False)
    try:
        return rx.match(text, pos, end, False, False, TIMEOUT)
    except TimeoutError as e:
        raise PatternTimeoutError(f"pattern timed out at offset {pos}") from e


def scale(r: Reading, factor: Decimal) -> None:
    r.value = r.value * factor if r.value is not None else None
    r.low = r.low * factor if r.low is not None else None
    r.high = r.high * factor if r.high is not None else None
    r.precision = (r.precision or Decimal(1)) * factor
    r.integer = r.plain = False


def precision_int(v: Decimal) -> Decimal:
    """The place of the last non-zero digit of an integer: 5000 -> 1000, 5012 -> 1."""
    digits = str(int(v))
    if digits == "0":
        return Decimal(1)
    return Decimal(10 ** (len(digits) - len(digits.rstrip("0"))))  # 10 ** trailing zeros


def negate(r: Reading) -> None:
    """Turn ``r`` into its negative: the interval [low, high] becomes [-high, -low]."""
    low, high = r.low, r.high
    r.value = -r.value if r.value is not None else None
    r.low = -high if high is not None else None
    r.high = -low if low is not None else None


def is_share(value: Decimal | None, low: Decimal | None) -> bool:  # of a percentage
    """A percentage from 0 to 100 is a share, kept within [0, 100]; "un aumento del 200%" and
    "−0,3%" are changes, whose interval is left as stated (so low <= value <= high always holds)."""
    stated = value if value is not None else low
    return stated is None or 0 <= stated <= HUNDRED
