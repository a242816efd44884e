"""The timeline of a figure (value over time, one mark per dated claim), as SVG geometry.

A claim is dated by its document's date and by a clock time in its ``when`` ("ore 18.35",
"at 6:40"); a claim with a date but no time stands at noon of its day. A figure gets a chart
when at least two of its claims are dated at different moments. Marks are coloured and
shaped by source (the shape keeps them apart without colour); the template draws them.

>>> clock("ore 18.35"), clock("at 6:40 pm"), clock("in serata"), clock(None)
(1115, 400, None, None)
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from quantities.report.page import ClaimView, clock, number_of

__all__ = ["Chart", "Mark", "chart", "clock"]

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 16, 44
SERIES_COLOURS = 8  # .s0 … .s7 in the stylesheet
SHAPES = ("circle", "square", "triangle", "diamond")
MAX_TICKS = 8
CHAR_WIDTH = 6.2  # px of an x label's character (11px sans-serif, in the chart's units)
TICK_GAP = 8      # px at least between two x labels
NOON = 12 * 60
DODGE = 9         # px between marks of one moment
MAX_SPREAD = 140  # px at most that the marks of one moment spread over
OPEN_LENGTH = 26  # px of whisker above an interval without upper bound


@dataclass(frozen=True)
class Mark:
    claim: str        # the claim's id on the page
    x: float
    y: float
    whisker: tuple[float, float] | None  # the interval, top to bottom, when it is not a point
    open_top: bool    # the interval has no upper bound
    series: int
    path: str         # the marker's outline (SVG path data)
    title: str        # what hovering names
    arrow: str = ""   # an arrowhead on the whisker of an interval without upper bound


@dataclass(frozen=True)
class Chart:
    figure: str
    marks: list[Mark]
    xticks: list[tuple[float, str]]
    yticks: list[tuple[float, str]]
    legend: list[tuple[int, str, str]]  # (series, name, marker path at the origin)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM
    right: int = WIDTH - RIGHT


def chart(figure: str, claims: Sequence[ClaimView], no_source: str) -> Chart | None:
    """The figure's chart, or None when fewer than two moments are known."""
    dated = [(cv, cv.moment) for cv in claims]
    has_dates = any(date for _, (date, _m) in dated)
    points = []
    for cv, (date, minutes) in dated:
        if has_dates and date is not None:
            points.append((cv, date.toordinal() * 1440 + (NOON if minutes is None else minutes)))
        elif not has_dates and minutes is not None:
            points.append((cv, minutes))
    if len({x for _, x in points}) < 2:
        return None
    names = sorted({cv.source for cv, _ in points})
    series = {name: i for i, name in enumerate(names)}
    xs = [x for _, x in points]
    top = _nice_top(max(_top_value(cv) for cv, _ in points))
    sy = _scale(0, top, HEIGHT - BOTTOM, TOP)
    points.sort(key=lambda p: (p[1], series[p[0].source], number_of(p[0].id)))
    same = Counter(x for _, x in points)
    step = min(DODGE, MAX_SPREAD / max(max(same.values()) - 1, 1))
    pad = step * (max(same.values()) - 1) / 2 + 12
    sx = _scale(min(xs), max(xs), LEFT + pad, WIDTH - RIGHT - pad)
    seen: Counter[int] = Counter()
    marks = []
    for cv, x in points:  # marks at one moment stand side by side, so each stays visible
        dodge = (seen[x] - (same[x] - 1) / 2) * step
        seen[x] += 1
        marks.append(_mark(cv, sx(x) + dodge, sy, series[cv.source], no_source))
    return Chart(
        figure=figure,
        marks=marks,
        xticks=_x_ticks(sorted(set(xs)), sx, has_dates),
        yticks=[(sy(v), _number(v)) for v in _y_ticks(top)],
        legend=[(i, no_source if name == "—" else name, _shape(i, 0, 0)) for name, i in series.items()],
    )


def _mark(cv: ClaimView, x: float, sy: _scale, series: int, no_source: str) -> Mark:
    q = cv.claim.quantity
    low, high = q.low, q.high
    y = sy(_point(cv))
    whisker = None
    if low is not None and (high is None or high != low):
        whisker = (sy(high) if high is not None else max(sy(low) - OPEN_LENGTH, TOP), sy(low))
    source = no_source if cv.source == "—" else cv.source
    title = f"{cv.doc.label} ({cv.doc.name}): “{cv.wording}” = {cv.value}, {source}"
    when = " ".join(p for p in (cv.doc.date, cv.claim.when) if p)
    open_top = low is not None and high is None
    if whisker is not None:
        whisker = (round(whisker[0], 1), round(whisker[1], 1))
    top = whisker[0] if whisker else 0.0
    arrow = f"M{x - 4:.1f},{top + 5:.1f}L{x:.1f},{top:.1f}L{x + 4:.1f},{top + 5:.1f}" if open_top and whisker else ""
    return Mark(cv.id, round(x, 1), round(y, 1), whisker, open_top, series,
                _shape(series, x, y), f"{title}; {when}" if when else title, arrow)


def _point(cv: ClaimView) -> Decimal:
    q = cv.claim.quantity
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return q.low if q.low is not None else (q.high or Decimal(0))


def _top_value(cv: ClaimView) -> Decimal:
    q = cv.claim.quantity
    return max(v for v in (q.value, q.low, q.high, Decimal(0)) if v is not None)


class _scale:
    """A linear map from [lo, hi] onto [start, end] (the middle when lo == hi)."""

    def __init__(self, lo: float, hi: float, start: float, end: float) -> None:
        self.lo, self.hi, self.start, self.end = float(lo), float(hi), start, end

    def __call__(self, v: float | Decimal) -> float:
        if self.hi == self.lo:
            return (self.start + self.end) / 2
        return self.start + (float(v) - self.lo) / (self.hi - self.lo) * (self.end - self.start)


def _nice_top(top: Decimal) -> float:
    """The axis' upper end: the first 1, 2, 2.5 or 5 times a power of ten at or above top."""
    top_f = float(top) or 1.0
    mag = 10 ** math.floor(math.log10(top_f))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= top_f)


def _y_ticks(top: float) -> list[float]:
    return [top * i / 4 for i in range(5)]


def _x_ticks(xs: list[int], sx: _scale, has_dates: bool) -> list[tuple[float, str]]:
    """A tick under each moment whose label has room: left to right, a label that would
    touch the one before is left out; the date is written when the day changes, else
    only the clock time."""
    ticks: list[tuple[float, str]] = []
    right_end = -math.inf
    day_before = None
    for x in xs:
        day, minutes = divmod(x, 1440)
        label = _x_label(x, has_dates, day != day_before)
        half = _text_width(label) / 2
        at = sx(x)
        if at - half < right_end + TICK_GAP or len(ticks) == MAX_TICKS:
            continue
        ticks.append((at, label))
        right_end, day_before = at + half, day
    return ticks


def _text_width(label: str) -> float:
    return len(label) * CHAR_WIDTH


def _x_label(x: int, has_dates: bool, new_day: bool) -> str:
    """The clock time; with the date on a new day; the date alone for a day without a time
    (it stands at its noon)."""
    day, minutes = divmod(x, 1440)
    time = f"{minutes // 60:02d}:{minutes % 60:02d}"
    if not has_dates:
        return time
    date = dt.date.fromordinal(day).isoformat()
    if minutes == NOON:
        return date
    return f"{date} {time}" if new_day else time


def _number(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _shape(series: int, x: float, y: float, r: float = 5.5) -> str:
    kind = SHAPES[series % len(SHAPES)]
    if kind == "circle":
        return f"M{x - r:.1f},{y:.1f}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0z"
    if kind == "square":
        s = r * 0.9
        return f"M{x - s:.1f},{y - s:.1f}h{2 * s:.1f}v{2 * s:.1f}h{-2 * s:.1f}z"
    if kind == "triangle":
        return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y + r:.1f}L{x - r - 1:.1f},{y + r:.1f}z"
    return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y:.1f}L{x:.1f},{y + r + 1:.1f}L{x - r - 1:.1f},{y:.1f}z"
