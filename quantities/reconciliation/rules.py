"""The reconciler: line the sources' claims up into figures and say where they disagree.

Two claims belong to one figure when what they count agrees (the lexicon's concept,
including synonyms, narrower terms and known confusables; the unit's dimension; the
kind), their sentences speak of the same event (:mod:`quantities.reconciliation.align`), and their
modality is compatible. Claims of one document are compared too (two sentences of one
article), but never two claims of one sentence, which states two different figures.

Modality: "reported" and "estimated" claims are accomplished facts; "planned" claims
are compared only with planned ones. "denied" claims are left out of reconciliation:
a denial says a figure is false, so lining it up with the figure it denies would
report the denial as a conflict of numbers, which it is not.

The rules (docs/architecture.md, "The reconciler"), for each aligned pair:

- value-conflict (error): same or synonymous nouns, intervals disjoint, and contexts
  close enough (``conflict_threshold``) to rule out two different events;
- hedge-drift (warning): same stated value, compatible, hedged differently;
- wording-conflict: a known confusable pair is an error (with the lexicon's note);
  an unknown different noun for the same value in the same context is one level lower;
  synonyms, narrower and broader nouns are fine;
- attribution-conflict (warning): the same stated value credited, in two documents,
  to sources of different classes;
- unsourced (info): a document states bare a figure that another attributes;
- update (info): documents dated further apart than the window that would otherwise
  conflict are a timeline, not a conflict (undated documents are compared).

>>> from quantities.types import Quantity, Span
>>> from decimal import Decimal as D
>>> def claim(doc, text, v, lo, hi, noun, ctx):
...     q = Quantity(Span(0, 1), text, D(v), D(lo), D(hi), precision=D(1000))
...     return Claim(doc, Span(0, 1), text, q, noun, None, None, "reported", Span(0, 1), ctx)
>>> r = reconcile([claim("a", "5.000 soldati", 5000, 5000, 5000, "soldati", "Il Nord invia soldati a Kursk"),
...                claim("b", "6.000 soldati", 6000, 6000, 6000, "soldati", "Il Nord invia soldati a Kursk")])
>>> [(f.rule, f.severity) for f in r.findings]
[('value-conflict', 'error')]
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

from quantities.errors import ConfigError
from quantities.lang import units
from quantities.lang.lexicon import Lexicon, Reading
from quantities.lang.sources import Sources
from quantities.reconciliation.align import Weights, candidate_pairs, context_of
from quantities.reconciliation.intervals import Interval, interval_of, stance
from quantities.types import SEVERITIES, Claim, Figure, Finding, Quantity

#: Modalities that are compared with each other; "denied" is in no group.
MODALITY_GROUP = {"reported": "done", "estimated": "done", "planned": "planned"}
#: Relations of counted nouns that make two claims candidates for one figure.
ALIGNING = frozenset({"same", "synonym", "narrower", "broader", "confusable"})
#: Relations under which the values must agree.
COMPARABLE = frozenset({"same", "synonym", "confusable"})
RULES = ("value-conflict", "hedge-drift", "wording-conflict", "attribution-conflict", "unsourced", "update")
DEFAULT_SEVERITY = {
    "value-conflict": "error", "hedge-drift": "warning", "wording-conflict": "error",
    "attribution-conflict": "warning", "unsourced": "info", "update": "info",
}
RULE_KIND = {
    "value-conflict": "value", "hedge-drift": "value", "update": "value",
    "wording-conflict": "wording", "attribution-conflict": "attribution", "unsourced": "attribution",
}
SEVERITY_VALUES = (*SEVERITIES, "off")
POSITIVE = {"vague_stretch", "small_block", "max_postings", "top_words"}  # 0 would divide or empty
STANCE_WORDS = {
    "exact": "stated exactly", "about": "approximate", "over": "a lower bound",
    "nearly": "just under", "under": "an upper bound", "range": "a range", "vague": "vague",
}


@dataclass(frozen=True, slots=True)
class ReconcileSettings:
    """Every factor of the reconciler, with its default; a desk's config overrides them.

    >>> ReconcileSettings.from_mapping({"date-window-days": 3}).date_window_days
    3
    >>> ReconcileSettings.from_mapping({"window": 3}, file="quantities.toml")
    Traceback (most recent call last):
    ...
    quantities.errors.ConfigError: quantities.toml: reconcile.window: unknown key (known: approx_margin, ...)
    """

    approx_margin: float = 0.10        # ± for an approximate figure that came without an interval
    precision_tolerance: float = 0.5   # a bare figure allows this many units of its last digit
    vague_stretch: float = 2.0         # "migliaia" [2.000, 9.999] is read as [1.000, 19.998]
    date_window_days: int = 7          # documents further apart are a timeline
    context_threshold: float = 0.12    # context similarity to align claims counting the same thing
    conflict_threshold: float = 0.2    # ... to call their disjoint values a conflict
    wording_threshold: float = 0.4     # ... to align the same value counting different things
    min_shared_words: int = 2          # one shared word is never enough to call it one event;
                                       # a sentence with fewer context words than this is "thin":
                                       # the same noun there is taken as the same figure
    within_documents: bool = True      # compare the claims of one document with each other
    small_block: int = 48              # blocks up to this size are compared pair by pair
    top_words: int = 6                 # rarest context words indexed per claim in larger blocks
    max_postings: int = 64             # indexed words shared by more claims of a block are skipped
    severities: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], file: str = "<config>") -> ReconcileSettings:
        """Settings from a config table (``-`` and ``_`` alike in keys)."""
        values: dict[str, Any] = {}
        types = {f.name: f.default for f in fields(cls) if f.name != "severities"}
        for raw, value in data.items():
            name = raw.replace("-", "_")
            if name == "severities":
                raise ConfigError("rule severities are set in the [severity] table, not here",
                                  file=file, key=f"reconcile.{raw}")
            if name not in types:
                raise ConfigError(f"unknown key (known: {', '.join(sorted(types))})",
                                  file=file, key=f"reconcile.{raw}")
            else:
                values[name] = _number(value, types[name], file, f"reconcile.{raw}")
                if name in POSITIVE and values[name] <= 0:
                    raise ConfigError("must be above 0", file=file, key=f"reconcile.{raw}")
        return cls(**values)

    def severity(self, rule: str) -> str:
        return self.severities.get(rule, DEFAULT_SEVERITY[rule])


def _number(value: Any, default: Any, file: str, key: str) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError("must be true or false", file=file, key=key)
        return value
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < math.inf
    if not ok or (isinstance(default, int) and not isinstance(value, int)):
        kind = "a whole number" if isinstance(default, int) else "a number"
        raise ConfigError(f"must be {kind} >= 0, not {value!r}", file=file, key=key)
    return value


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The figures the claims line up into, and what an editor should look at."""

    figures: tuple[Figure, ...]
    findings: tuple[Finding, ...]


@dataclass(slots=True)
class _Item:
    """A claim prepared for comparison."""

    claim: Claim
    reading: Reading | None
    block: tuple[Any, ...]
    value: Decimal | None      # the stated value in base units
    interval: Interval
    words: frozenset[str]
    norm: float = 0.0


@dataclass(frozen=True, slots=True)
class _Edge:
    a: int
    b: int
    relation: str
    similarity: float


def reconcile(
    claims: Iterable[Claim],
    *,
    settings: ReconcileSettings | None = None,
    lexicon: Lexicon | None = None,
    sources: Sources | None = None,
) -> Reconciliation:
    """Align ``claims`` into figures and apply the rules (see the module docstring)."""
    settings = settings or ReconcileSettings()
    lexicon = lexicon or Lexicon.load("it")
    sources = sources or Sources.default()
    items = _prepare(claims, settings, lexicon)
    weights = Weights.of(_distinct_contexts(items))
    for item in items:
        item.norm = weights.norm(item.words)
    edges = _align(items, weights, settings, lexicon)
    figures = _figures(items, edges)
    findings = _Rules(items, settings, lexicon, sources).apply(edges)
    return Reconciliation(figures, _with_figures(findings, figures))


def _with_figures(findings: tuple[Finding, ...], figures: tuple[Figure, ...]) -> tuple[Finding, ...]:
    """Each finding with the id of the figure its claims belong to."""
    figure_of = {_order(c): f.id for f in figures for c in f.claims}
    return tuple(replace(f, figure=figure_of.get(_order(f.claims[0]))) if f.claims else f for f in findings)


# ---------------------------------------------------------------------- preparation

def _prepare(claims: Iterable[Claim], settings: ReconcileSettings, lexicon: Lexicon) -> list[_Item]:
    tolerance = Decimal(str(settings.precision_tolerance))
    margin = Decimal(str(settings.approx_margin))
    stretch = Decimal(str(settings.vague_stretch)) or Decimal(1)
    kept = [c for c in claims if c.quantity.is_claim and c.modality in MODALITY_GROUP]
    kept.sort(key=lambda c: (c.date is None, c.date or 0, c.doc, c.span.start))
    items = []
    for c in kept:
        reading = lexicon.read(c.noun)
        unit_key, factor = _unit(c.quantity.unit)
        family = reading.family if reading else None
        interval = interval_of(c.quantity, tolerance=tolerance, approx_margin=margin, vague_stretch=stretch)
        value = None if c.quantity.value is None else c.quantity.value * factor
        block = (c.quantity.kind, unit_key, MODALITY_GROUP[c.modality], family)
        items.append(_Item(c, reading, block, value, interval.scaled(factor), context_of(c, lexicon)))
    return items


@functools.cache
def _unit(unit: str | None) -> tuple[str | None, Decimal]:
    """The blocking key of a unit and the factor to its base unit.

    Currencies are kept apart by code (euro and dollar figures are not compared);
    pint units of one dimension are compared in base units.
    """
    dim = units.dimension(unit)
    if unit is None or dim is None or units.is_currency(unit) or not units.is_pint_unit(unit):
        return (unit if dim is None or units.is_currency(unit) else dim), Decimal(1)
    magnitude = units.registry().Quantity(1, unit).to_base_units().magnitude
    return dim, Decimal(str(magnitude))


def _distinct_contexts(items: list[_Item]) -> Iterable[frozenset[str]]:
    seen: set[tuple[str, int]] = set()
    for item in items:
        key = (item.claim.doc, item.claim.sentence.start)
        if key not in seen:
            seen.add(key)
            yield item.words


# ---------------------------------------------------------------------- alignment

def _align(items: list[_Item], weights: Weights, settings: ReconcileSettings, lexicon: Lexicon) -> list[_Edge]:
    by_block: defaultdict[tuple[Any, ...], list[int]] = defaultdict(list)
    by_value: defaultdict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_block[item.block].append(i)
        if item.value is not None and item.reading is not None:
            by_value[(*item.block[:3], item.value)].append(i)
    options = {"small": settings.small_block, "top": settings.top_words, "max_postings": settings.max_postings}
    words = lambda i: items[i].words  # noqa: E731
    relate = functools.lru_cache(maxsize=65536)(lexicon.relate)
    edges: list[_Edge] = []
    for members in by_block.values():
        for a, b in candidate_pairs(members, words, weights, **options):
            edge = _compare(items, a, b, weights, settings, relate, wording=False)
            if edge is not None:
                edges.append(edge)
    for members in by_value.values():
        if len({items[i].block for i in members}) < 2:
            continue
        for a, b in candidate_pairs(members, words, weights, **options):
            if items[a].block != items[b].block:
                edge = _compare(items, a, b, weights, settings, relate, wording=True)
                if edge is not None:
                    edges.append(edge)
    return edges


def _compare(items: list[_Item], a: int, b: int, weights: Weights, settings: ReconcileSettings,
             relate: Callable[[Reading, Reading], str], *, wording: bool) -> _Edge | None:
    x, y = items[a], items[b]
    cx, cy = x.claim, y.claim
    if cx.doc == cy.doc and (cx.sentence == cy.sentence or not settings.within_documents):
        return None
    if x.reading is None or y.reading is None:
        # no noun on either side: only a unit says what is counted
        bare = x.reading is None and y.reading is None and cx.quantity.unit is not None
        relation = "same" if bare else "unknown"
    else:
        relation = relate(x.reading, y.reading)
    if relation == "different" and wording:
        threshold = settings.wording_threshold
    elif relation in ALIGNING and not wording:
        threshold = settings.context_threshold
    else:
        return None
    if _thin(x, y, settings) and not wording and relation in ("same", "synonym"):
        # "I feriti sono 120" / "I feriti sono 12": no context either way, the same thing
        # counted: one figure (large blocks never pair such claims: they index by context words)
        return _Edge(a, b, relation, settings.conflict_threshold)
    if len(x.words & y.words) < settings.min_shared_words:
        return None
    similarity = weights.similarity(x.words, y.words, x.norm, y.norm)
    if similarity < threshold:
        return None
    return _Edge(a, b, relation, similarity)


def _thin(x: _Item, y: _Item, settings: ReconcileSettings) -> bool:
    """Whether a sentence has too few context words to tell one event from another."""
    return min(len(x.words), len(y.words)) < settings.min_shared_words


def _figures(items: list[_Item], edges: list[_Edge]) -> tuple[Figure, ...]:
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for e in edges:
        parent[find(e.a)] = find(e.b)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    members = sorted((sorted(g, key=lambda i: _order(items[i].claim)) for g in groups.values() if len(g) > 1),
                     key=lambda g: _order(items[g[0]].claim))
    figures = []
    for n, group in enumerate(members, 1):
        claims = tuple(items[i].claim for i in group)
        concepts = [items[i].reading.concept for i in group if items[i].reading is not None]
        first = claims[0].quantity
        # the most frequent concept; a tie goes to the earliest claim's (a set's order would
        # change with the hash seed from run to run)
        concept = max(dict.fromkeys(concepts), key=concepts.count) if concepts else None
        figures.append(Figure(f"F{n}", claims, concept, first.kind, first.unit))
    return tuple(figures)


def _order(c: Claim) -> tuple[str, int]:
    return c.doc, c.span.start


# ---------------------------------------------------------------------- rules

class _Rules:
    """The rules applied to aligned pairs, and the messages they write."""

    def __init__(self, items: list[_Item], settings: ReconcileSettings, lexicon: Lexicon, sources: Sources) -> None:
        self.items = items
        self.settings = settings
        self.lexicon = lexicon
        self.sources = sources
        self.found: dict[tuple[Any, ...], Finding] = {}
        self.unsourced: dict[int, int] = {}

    def apply(self, edges: list[_Edge]) -> tuple[Finding, ...]:
        for e in edges:
            a, b = sorted((e.a, e.b), key=lambda i: _order(self.items[i].claim))
            self._pair(a, b, e.relation, e.similarity)
        for bare, attributed in sorted(self.unsourced.items()):
            self._unsourced(bare, attributed)
        rank = {s: i for i, s in enumerate(SEVERITIES)}
        return tuple(sorted(self.found.values(), key=lambda f: (
            rank[f.severity], f.claims[0].doc, f.claims[0].span.start, f.rule, f.claims[-1].doc)))

    def _emit(self, rule: str, severity: str, message: str, *claims: Claim) -> None:
        if severity == "off":
            return
        key = (rule, *((c.doc, c.text) for c in claims))
        self.found.setdefault(key, Finding(rule, RULE_KIND[rule], severity, message, claims))

    def _pair(self, a: int, b: int, relation: str, similarity: float) -> None:
        x, y = self.items[a], self.items[b]
        if relation == "different":
            self._wording(x, y, _demote(self.settings.severity("wording-conflict")), None)
            return
        if relation not in COMPARABLE:
            return
        if relation == "confusable":
            note = self.lexicon.note(x.claim.noun or "", y.claim.noun or "")
            self._wording(x, y, self.settings.severity("wording-conflict"), note)
        days = _days_apart(x.claim, y.claim)
        meets = x.interval.meets(y.interval)
        if days is not None and days > self.settings.date_window_days:
            if not meets or x.value != y.value:
                self._update(x, y, days)
            return
        if not meets:
            if similarity >= self.settings.conflict_threshold:
                self._value_conflict(x, y)
            return
        self._hedge_drift(x, y)
        if x.claim.doc != y.claim.doc:
            self._attribution(x, y)
            self._note_unsourced(a, b)

    def _wording(self, x: _Item, y: _Item, severity: str, note: str | None) -> None:
        reason = note or (f"the same figure counts \u201c{x.claim.noun}\u201d in one and "
                          f"\u201c{y.claim.noun}\u201d in the other; check which is meant")
        self._emit("wording-conflict", severity, f"{_says(x.claim, y.claim)}: {reason}", x.claim, y.claim)

    def _value_conflict(self, x: _Item, y: _Item) -> None:
        fmt = self.lexicon.number_format
        reason = (f"the intervals {_shown(x.claim.quantity, fmt)} and {_shown(y.claim.quantity, fmt)} "
                  "do not meet")
        self._emit("value-conflict", self.settings.severity("value-conflict"),
                   f"{_says(x.claim, y.claim)}: {reason}", x.claim, y.claim)

    def _hedge_drift(self, x: _Item, y: _Item) -> None:
        sx, sy = stance(x.claim.quantity), stance(y.claim.quantity)
        if x.value is None or x.value != y.value or sx == sy:
            return
        reason = (f"the same figure is {STANCE_WORDS[sx]} in one and {STANCE_WORDS[sy]} in the other")
        self._emit("hedge-drift", self.settings.severity("hedge-drift"),
                   f"{_says(x.claim, y.claim)}: {reason}", x.claim, y.claim)

    def _attribution(self, x: _Item, y: _Item) -> None:
        if x.value is None or x.value != y.value:
            return
        ax, ay = _canonical(x.claim), _canonical(y.claim)
        kx, ky = self.sources.class_of(ax), self.sources.class_of(ay)
        if kx is None or ky is None or kx == ky:
            return
        reason = (f"the same figure is credited to {ax} ({kx}) and to {ay} ({ky}), "
                  "sources that do not belong together")
        self._emit("attribution-conflict", self.settings.severity("attribution-conflict"),
                   f"{_says(x.claim, y.claim)}: {reason}", x.claim, y.claim)

    def _note_unsourced(self, a: int, b: int) -> None:
        x, y = self.items[a].claim, self.items[b].claim
        if (x.attribution is None) == (y.attribution is None):
            return
        bare, attributed = (a, b) if x.attribution is None else (b, a)
        self.unsourced.setdefault(bare, attributed)

    def _unsourced(self, bare: int, attributed: int) -> None:
        x, y = self.items[bare].claim, self.items[attributed].claim
        source = y.attribution.canonical or y.attribution.source if y.attribution else ""
        message = (f"{x.doc} says \u201c{x.text}\u201d with no source; {y.doc} credits the same figure "
                   f"(\u201c{y.text}\u201d) to {source}")
        self._emit("unsourced", self.settings.severity("unsourced"), message, x, y)

    def _update(self, x: _Item, y: _Item, days: int) -> None:
        message = (f"{_says(x.claim, y.claim)}: the documents are {days} days apart "
                   f"({x.claim.date} and {y.claim.date}), read as a timeline, not a conflict")
        self._emit("update", self.settings.severity("update"), message, x.claim, y.claim)


def _demote(severity: str) -> str:
    if severity == "off":
        return "off"
    return SEVERITIES[min(SEVERITIES.index(severity) + 1, len(SEVERITIES) - 1)]


def _days_apart(a: Claim, b: Claim) -> int | None:
    if a.date is None or b.date is None:
        return None
    return abs((a.date - b.date).days)


def _canonical(c: Claim) -> str | None:
    return c.attribution.canonical if c.attribution is not None else None


def _source(c: Claim) -> str:
    if c.attribution is None:
        return "no source"
    return c.attribution.canonical or c.attribution.source


def _says(x: Claim, y: Claim) -> str:
    return (f"{x.doc} says \u201c{x.text}\u201d ({_source(x)}); "
            f"{y.doc} says \u201c{y.text}\u201d ({_source(y)})")


def _shown(q: Quantity, fmt: tuple[str, str]) -> str:
    """The interval as stated (before tolerances), numbers in the language's format."""
    kind = stance(q)
    if kind == "exact" or q.low is None:
        return _num(q.value if q.value is not None else q.low, fmt)
    if q.high is None:
        return f"{_num(q.low, fmt)} or more"
    return f"{_num(q.low, fmt)}\u2013{_num(q.high, fmt)}"


def _num(value: Decimal | None, fmt: tuple[str, str]) -> str:
    """``value`` with the language's thousands and decimal marks.

    >>> _num(Decimal("13500"), (".", ",")), _num(Decimal("2.5"), (",", "."))
    ('13.500', '2.5')
    """
    if value is None:
        return "?"
    thousands, decimal = fmt
    whole, _, frac = f"{value.normalize():f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = [digits[max(i - 3, 0):i] for i in range(len(digits), 0, -3)][::-1]
    out = sign + thousands.join(groups)
    return out + (decimal + frac if frac else "")


__all__ = ["ReconcileSettings", "Reconciliation", "reconcile"]
