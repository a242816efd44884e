"""What the HTML report shows, as plain data: articles with their claims marked, findings
grouped by figure, and per figure who says what, the agreeing value and the odd ones out.

Nothing here is markup: the template (autoescaping) turns these values into HTML.
Each article's text is cut into runs by :mod:`quantities.report.marking`; a claim with
``section == "title"`` indexes the title.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from quantities.reconciliation.intervals import Interval
from quantities.reconciliation.messages import concept_shown
from quantities.report.marking import Run, paragraphs, runs, stripped_ranges
from quantities.report.model import Report
from quantities.report.records import source_text, value_text
from quantities.text.decimals import plain
from quantities.text.fold import squeeze
from quantities.types import SEVERITIES, Claim, Document, Figure, Finding, Quantity

ICONS = {"error": "✖", "warning": "▲", "info": "●"}  # severities, readable without colour
MAX_NOUNS = 5  # in a figure's title
PALETTE_SIZE = 10  # figure colours in the stylesheet (.f0 … .f9); the label tells them apart beyond
SAFE_SCHEMES = ("http://", "https://")
_CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])[.:h]([0-5]\d)(?!\d)")
#: The causes of findings that make a figure a running one (a toll that moves with time).
RUNNING = ("timeline",)


def clock(when: str | None) -> int | None:
    """Minutes after midnight of the first clock time in ``when`` (12-hour "pm" is not read)."""
    found = _CLOCK.search(when) if when else None
    return int(found[1]) * 60 + int(found[2]) if found else None


@dataclass
class ClaimView:
    id: str
    claim: Claim
    doc: DocView
    figure: str | None = None
    colour: int | None = None
    severity: str | None = None  # the most severe finding it belongs to

    @property
    def value(self) -> str:
        return value_text(self.claim)

    @property
    def source(self) -> str:
        return source_text(self.claim)

    @property
    def wording(self) -> str:
        return squeeze(self.claim.text)

    @property
    def css(self) -> str:
        """The mark's classes: its figure's colour (or none), and its worst finding's outline."""
        colour = "lone" if self.colour is None else f"f{self.colour}"
        return f"claim {colour} flag sev-{self.severity}" if self.severity else f"claim {colour}"

    @property
    def tag(self) -> str:
        """The label after the mark: its figure, and its worst finding's symbol."""
        return f"{self.figure} {ICONS[self.severity]}" if self.severity else self.figure or ""

    def tip(self, t: dict[str, Any]) -> str:
        """The side note: figure, value, interval, hedge, status, source, modality, time."""
        c, q = self.claim, self.claim.quantity
        parts = [self.figure or t["not_in_figure"],
                 f"{t['value']} {'—' if q.value is None else plain(q.value)}",
                 f"{t['interval']} {self.value}"]
        if q.hedge:
            parts.append(f"{t['hedge']} «{q.hedge}»")
        if c.status:
            parts.append(f"{t['status']} {c.status}")
        parts.append(t["no_source"] if self.source == "—" else f"{t['source']} {self.source}")
        parts.append(f"{t['modality']} {t['modalities'].get(c.modality, c.modality)}")
        if self.time:
            parts.append(f"{t['time']} {self.time}")
        return " · ".join(parts)

    @property
    def where(self) -> str:
        """File and line: 'marocco2023_2.md:9'."""
        line = self.doc.doc.line_col(self.claim.span.start)[0] if self.claim.section == "body" else None
        return f"{self.doc.name}:{line}" if line else self.doc.name

    @property
    def time(self) -> str:
        parts = [self.doc.date or "", self.claim.when or ""]
        return " ".join(p for p in parts if p)

    @property
    def moment(self) -> tuple[dt.date | None, int | None]:
        """When the claim was true: its own date, else its document's, and its clock time."""
        return self.claim.date or self.doc.doc.date, clock(self.claim.when)


@dataclass
class DocView:
    index: int
    doc: Document
    outlet_key: str
    title: list[Run] = field(default_factory=list)
    paragraphs: list[list[Run]] = field(default_factory=list)
    flagged: bool = False

    @property
    def name(self) -> str:
        return os.path.basename(self.doc.id) or self.doc.id

    @property
    def label(self) -> str:
        """How the page names the article: its outlet, else its file."""
        return self.doc.outlet or self.name

    @property
    def date(self) -> str | None:
        return self.doc.date.isoformat() if self.doc.date else None

    @property
    def url(self) -> str | None:
        return safe_url(self.doc.url)


@dataclass
class FindingView:
    finding: Finding
    claims: list[ClaimView]

    @property
    def ids(self) -> str:
        return " ".join(c.id for c in self.claims)

    @property
    def message(self) -> str:
        """The reason, with each article's path shortened to its file name."""
        text = self.finding.message
        for cv in self.claims:
            if cv.doc.name != cv.doc.doc.id:
                text = text.replace(cv.doc.doc.id, cv.doc.name)
        return text

    @property
    def outlets(self) -> str:
        return " ".join(sorted({c.doc.outlet_key for c in self.claims}))


@dataclass
class FigureView:
    figure: Figure
    colour: int
    claims: list[ClaimView]
    findings: list[FindingView]
    agreed: str | None  # the value most claims allow (a running figure: its latest value)
    odd: set[str]       # ids of the claims outside it (none for a running figure)
    running: bool = False  # a toll that moves with time: its claims in time order, no odd ones out

    @property
    def id(self) -> str:
        return self.figure.id

    @property
    def title(self) -> str:
        """The nouns its claims count, the most frequent first (at most MAX_NOUNS, then how many more);
        else its concept, else "" (the page then names its kind, in the page's words)."""
        counts = Counter(c.claim.noun for c in self.claims if c.claim.noun)
        nouns = sorted(counts, key=lambda n: (-counts[n], n))
        more = f" / … (+{len(nouns) - MAX_NOUNS})" if len(nouns) > MAX_NOUNS else ""
        return " / ".join(nouns[:MAX_NOUNS]) + more if nouns else concept_shown(self.figure.concept) or ""

    @property
    def severity(self) -> str | None:
        levels = [f.finding.severity for f in self.findings]
        return next((s for s in SEVERITIES if s in levels), None)


@dataclass
class Page:
    docs: list[DocView]
    claims: dict[str, ClaimView]
    figures: list[FigureView]      # every figure (filters, colours)
    shown: list[FigureView]        # the figures the table shows
    groups: list[tuple[FigureView | None, list[FindingView]]]  # findings by figure, worst first
    outlets: list[tuple[str, str]]  # (key, name)


def safe_url(url: str | None) -> str | None:
    """The url when it is an http(s) link, else None (the page shows it as text).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url(" HTTP://x")
    ('https://example.org/a', None, 'HTTP://x')
    """
    if not url:
        return None
    url = url.strip()
    return url if url.lower().startswith(SAFE_SCHEMES) and not any(c in url for c in "\n\r\t ") else None


def build(report: Report, interval: Callable[[Quantity], Interval], *, show_all: bool = False) -> Page:
    outlets = sorted({d.outlet or "" for d in report.documents.values()})
    outlet_keys = {name: f"o{i}" for i, name in enumerate(outlets)}
    docs = {d.id: DocView(i, d, outlet_keys[d.outlet or ""]) for i, d in enumerate(report.documents.values())}
    claims: dict[Claim, ClaimView] = {}
    for c in report.claims:
        if c.doc in docs and c not in claims:
            claims[c] = ClaimView(f"c{len(claims)}", c, docs[c.doc])
    _colour_figures(report.figures, claims)
    findings = [_finding_view(f, claims) for f in report.findings]
    for fv in findings:
        for cv in fv.claims:
            cv.doc.flagged = True
            if cv.severity is None or SEVERITIES.index(fv.finding.severity) < SEVERITIES.index(cv.severity):
                cv.severity = fv.finding.severity
    figures = [_figure_view(fig, claims, [f for f in findings if f.finding.figure == fig.id], interval)
               for fig in report.figures]
    by_doc: dict[int, list[ClaimView]] = {}
    for cv in claims.values():
        by_doc.setdefault(cv.doc.index, []).append(cv)
    for dv in docs.values():
        _mark(dv, by_doc.get(dv.index, []))
    return Page(
        docs=list(docs.values()),
        claims={cv.id: cv for cv in claims.values()},
        figures=figures,
        shown=[f for f in figures if show_all or f.findings],
        groups=_groups(figures, findings),
        outlets=[(outlet_keys[o], o) for o in outlets],
    )


def _colour_figures(figures: Sequence[Figure], claims: dict[Claim, ClaimView]) -> None:
    for i, fig in enumerate(figures):
        for c in fig.claims:
            cv = claims.get(c)
            if cv is not None and cv.figure is None:
                cv.figure, cv.colour = fig.id, i % PALETTE_SIZE


def _finding_view(finding: Finding, claims: dict[Claim, ClaimView]) -> FindingView:
    views = [claims[c] for c in finding.claims if c in claims]
    return FindingView(finding, list({cv.id: cv for cv in views}.values()))


def _figure_view(fig: Figure, claims: dict[Claim, ClaimView], findings: list[FindingView],
                 interval: Callable[[Quantity], Interval]) -> FigureView:
    views = [claims[c] for c in fig.claims if c in claims]
    colour = views[0].colour if views and views[0].colour is not None else 0
    if any(f.finding.cause in RUNNING for f in findings):  # earlier values are earlier, not wrong
        views = sorted(views, key=_when)
        last = [cv.claim for cv in views if _when(cv)[:2] == _when(views[-1])[:2]] if views else []
        latest = consensus(last, interval)[0] or (views[-1].value if views else None)
        return FigureView(fig, colour, views, findings, latest, set(), running=True)
    agreed, odd = consensus([cv.claim for cv in views], interval)
    return FigureView(fig, colour, views, findings, agreed, {views[i].id for i in odd})


def _when(cv: ClaimView) -> tuple[int, int, int]:
    """A claim's place in time (undated first; a day without a clock time at its noon)."""
    date, minutes = cv.moment
    return (date.toordinal() if date else 0, 12 * 60 if minutes is None else minutes, number_of(cv.id))


def number_of(claim_id: str) -> int:
    """The order of a claim on the page (its id is c0, c1, …)."""
    return int(claim_id.lstrip("c") or 0)


Group = tuple[FigureView | None, list[FindingView]]


def _groups(figures: list[FigureView], findings: list[FindingView]) -> list[Group]:
    by_id = {f.id: f for f in figures}
    grouped: dict[str | None, list[FindingView]] = {}
    for fv in findings:
        key = fv.finding.figure if fv.finding.figure in by_id else None
        grouped.setdefault(key, []).append(fv)
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    out = []
    for key, items in grouped.items():
        items.sort(key=lambda f: rank[f.finding.severity])
        out.append((by_id.get(key) if key else None, items))
    order = {f.id: i for i, f in enumerate(figures)}
    out.sort(key=lambda g: (rank[g[1][0].finding.severity], order.get(g[0].id, len(order)) if g[0] else len(order)))
    return out


def consensus(claims: Sequence[Claim], interval: Callable[[Quantity], Interval]) -> tuple[str | None, list[int]]:
    """The value most claims allow, and the indices of the claims that do not allow it.

    ``interval`` is how the reconciler reads a quantity (hedges, precision, vague words).
    The point that the most intervals hold wins (the lowest on a tie): when more than half of
    the claims hold it, they agree with each other, the narrowest of them states the agreed
    value, and the rest are the odd ones out; otherwise there is no agreed value.

    >>> from quantities.types import Quantity, Span
    >>> def c(lo, hi):
    ...     value = Decimal(lo) if lo == hi else None
    ...     q = Quantity(Span(0, 1), "x", value, Decimal(lo), None if hi is None else Decimal(hi))
    ...     return Claim("d", Span(0, 1), "x", q, None, None, None, "reported", Span(0, 1))
    >>> as_stated = lambda q: Interval(q.low, q.high)
    >>> consensus([c(1000, 1000), c(900, 1100), c(2000, 2000)], as_stated)
    ('1000', [2])
    >>> consensus([c(296, None), c(632, 632), c(2000, None), c(2497, 2497)], as_stated)
    ('2497', [1])
    >>> consensus([c(500, 500), c(700, 700)], as_stated)
    (None, [])
    >>> consensus([], as_stated)
    (None, [])
    """
    spans = [interval(c.quantity) for c in claims]
    ends = sorted({e for iv in spans for e in (iv.low, iv.high) if e is not None})
    points = [*ends, *((a + b) / 2 for a, b in zip(ends, ends[1:])), *(ends[-1:] and [ends[-1] + 1])]
    best: tuple[int, Decimal] | None = None
    for p in points:
        n = sum(_holds(iv, p) for iv in spans)
        if best is None or n > best[0] or (n == best[0] and p < best[1]):
            best = (n, p)
    if best is None or 2 * best[0] <= len(spans):
        return None, []  # no value more than half of them allow: nobody is the odd one out
    inside = [i for i, iv in enumerate(spans) if _holds(iv, best[1])]
    narrowest = min(inside, key=lambda i: (spans[i].high is None, (spans[i].high or 0) - spans[i].low, i))
    return value_text(claims[narrowest]), [i for i in range(len(claims)) if i not in inside]


def _holds(iv: Interval, p: Decimal) -> bool:
    above = p > iv.low or (p == iv.low and not iv.low_open)
    return above and (iv.high is None or p < iv.high or (p == iv.high and not iv.high_open))


def _mark(dv: DocView, views: list[ClaimView]) -> None:
    body: list[tuple[int, int, str]] = []
    title: list[tuple[int, int, str]] = []
    for cv in views:
        span = cv.claim.span
        (title if cv.claim.section == "title" else body).append((span.start, span.end, cv.id))
    dv.title = runs(dv.doc.title or "", title)
    dv.paragraphs = paragraphs(dv.doc.text, body, stripped_ranges(dv.doc))


def page_lang(report: Report, wanted: str | None, known: Sequence[str], default: str) -> str:
    """The page's language: ``wanted`` (--lang) when known, else the documents' most common."""
    if wanted is not None and wanted in known:
        return wanted
    langs = Counter(d.lang for d in report.documents.values() if d.lang in known)
    return min(langs, key=lambda lang: (-langs[lang], lang)) if langs else default
