"""The reconciler: claims → figures (one quantity of the world each) → findings.

1. Each claim is keyed (:mod:`~quantities.reconciliation.keys`): what it counts (the
   interlingual concept, read with its own document's lexicon), status, scope, kind,
   unit, modality; superseded and moving figures are marked from the pack's ``[time]``
   cues.
2. Documents are joined into events by the names they share: the names of the whole
   document, title and body, with place names one across languages
   (:mod:`~quantities.reconciliation.events`); claims with one key in one event are one
   figure (:mod:`~quantities.reconciliation.figures`). Every other claim is reported as
   not aligned, with the reason.
3. The rules of :mod:`~quantities.reconciliation.catalog` run once per figure
   (:mod:`~quantities.reconciliation.values`, :mod:`~quantities.reconciliation.credits`)
   and once per value across the figures of an event
   (:mod:`~quantities.reconciliation.wording`): the output grows with the figures, not
   with pairs of claims, and all of it is linear or n log n in the claims.

>>> from quantities.types import Quantity, Span
>>> from decimal import Decimal as D
>>> def claim(doc, text, v, noun, ctx):
...     q = Quantity(Span(0, 1), text, D(v), D(v), D(v), precision=D(1000))
...     return Claim(doc, Span(0, 1), text, q, noun, None, None, "reported", Span(0, 1), ctx)
>>> r = reconcile([claim("a", "5.000 soldati", 5000, "soldati", "Il Nord invia soldati a Kursk"),
...                claim("b", "6.000 soldati", 6000, "soldati", "Il Nord invia soldati a Kursk")])
>>> [(f.rule, f.severity, f.cause) for f in r.findings]
[('value-conflict', 'error', 'disagreement')]
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import chain

from quantities.lang.lexicon import Lexicon
from quantities.lang.places import Places
from quantities.lang.sources import Sources
from quantities.reconciliation.catalog import DEFAULT_SEVERITY, RULE_KIND, RULES
from quantities.reconciliation.credits import credit_findings, translation_findings
from quantities.reconciliation.earlier import earlier_findings
from quantities.reconciliation.events import names
from quantities.reconciliation.figures import group
from quantities.reconciliation.findings import Context
from quantities.reconciliation.identities import identify
from quantities.reconciliation.keys import Item, prepare
from quantities.reconciliation.modes import translated
from quantities.reconciliation.parts import parts_findings
from quantities.reconciliation.roundings import rounding_findings
from quantities.reconciliation.scopes import settle
from quantities.reconciliation.settings import ReconcileSettings
from quantities.reconciliation.swaps import unit_findings
from quantities.reconciliation.tolls import placed_counts, running_days, toll_findings
from quantities.reconciliation.values import value_findings
from quantities.reconciliation.wholes import whole_findings
from quantities.reconciliation.wording import wording_findings
from quantities.types import SEVERITIES, Claim, Document, Figure, Finding


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The figures the claims line up into, what an editor should look at, and the claims
    left out of every figure with the reason."""

    figures: tuple[Figure, ...]
    findings: tuple[Finding, ...]
    unaligned: tuple[tuple[Claim, str], ...] = ()


def _own_lexicons(documents: list[Document]) -> dict[str, Lexicon]:
    """Each document's lexicon, by its language (an English article read as English)."""
    from quantities import lang as langs

    return {d.id: Lexicon.load(d.lang) for d in documents if d.lang in langs.available()}


def reconcile(
    claims: Iterable[Claim],
    *,
    settings: ReconcileSettings | None = None,
    lexicon: Lexicon | None = None,
    sources: Sources | None = None,
    lexicons: Mapping[str, Lexicon] | None = None,
    outlets: Mapping[str, str] | None = None,
    documents: Iterable[Document] = (),
    places: Places | None = None,
) -> Reconciliation:
    """Group ``claims`` into figures and apply the rules (see the module docstring).

    ``lexicons`` maps a document id to its own language's lexicon (``lexicon`` for the
    others; without it, each of ``documents`` is read with its ``lang``'s); ``outlets`` maps it
    to the outlet's name used in messages (else the id). ``documents`` are the claims'
    documents: their titles and bodies tell which event each speaks of (a document not given
    is known by the sentences of its claims).
    """
    with _collector_paused():
        settings = settings or ReconcileSettings()
        default = lexicon or Lexicon.load("it")
        documents = list(documents)
        per_doc = lexicons if lexicons is not None else _own_lexicons(documents)
        lexicon_of: Callable[[str], Lexicon] = lambda doc: per_doc.get(doc, default)  # noqa: E731
        names = outlets or {}
        ctx = Context(settings, lambda doc: names.get(doc) or doc, sources or Sources.default())
        claims = list(claims)
        items = prepare(claims, settings, lexicon_of)
        identify(items)
        places = places or Places.default()
        standfirsts(items, documents)
        weights = _names(items, documents, lexicon_of, places)
        settle(items, weights, places, lambda doc: lexicon_of(doc).lang, {d.id: d.text for d in documents})
        grouping = group(items, weights, settings, places.broad, places.name)
        findings: list[Finding] = []
        at_places = placed_counts(items)
        for g in grouping.figures:
            runs = running_days(g) and not translated(g.items)
            if runs:
                findings.extend(toll_findings(g, ctx, at_places))
            findings.extend(value_findings(g, ctx, conflicts=not runs))
            if not runs:
                findings.extend(earlier_findings(g, ctx))
            findings.extend(credit_findings(g, ctx))
            findings.extend(translation_findings(g, ctx))
        figure_of = {id(i): g.figure.id for g in grouping.figures for i in g.items}
        confusables: dict[frozenset[str], str] = {}
        for lex in {id(x.lexicon): x.lexicon for x in items}.values():
            confusables.update(lex.confusable_ids())
        figures = [g.figure for g in grouping.figures]
        for f in chain(wording_findings(items, grouping.events, figure_of, confusables, ctx),
                       unit_findings(items, grouping.events, figure_of, ctx),
                       whole_findings(items, grouping.events, figure_of, ctx),
                       rounding_findings(items, grouping.events, figure_of, ctx)):
            findings.append(f if f.figure is not None else _shown_together(f, figures))
        findings.extend(parts_findings(items, ctx))
        kept = [f for f in findings if f.severity != "off"]
        rank = {s: i for i, s in enumerate(SEVERITIES)}
        kept.sort(key=lambda f: (rank[f.severity], f.claims[0].doc, f.claims[0].span.start, f.rule))
        kept, figures = _as_given(claims, kept, figures)
        placed = {id(c) for f in figures for c in f.claims}
        unaligned = tuple(u for u in grouping.unaligned if id(u[0]) not in placed)
        return Reconciliation(tuple(figures), tuple(kept), unaligned)


def _as_given(claims: list[Claim], findings: list[Finding],
              figures: list[Figure]) -> tuple[list[Finding], list[Figure]]:
    """Findings and figures that name the caller's own claims: a claim keyed as another reading
    of it (a part marker dropped, a unit its clause names: keys.prepare) is still the one given."""
    given = {(c.doc, c.span, c.text): c for c in claims}

    def back(cs: tuple[Claim, ...]) -> tuple[Claim, ...]:
        return tuple(given.get((c.doc, c.span, c.text), c) for c in cs)

    return ([replace(f, claims=back(f.claims)) for f in findings],
            [replace(f, claims=back(f.claims), superseded=back(f.superseded)) for f in figures])


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the figures are built: items, keys and
    figures are millions of objects and hold no cycle, and the collector's passes over them
    grow with the heap (a million claims: 146 s of CPU without them, 166 s with them;
    benchmarks/README.md). It is back on, as it was, when reconciling ends or fails."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def standfirsts(items: list[Item], documents: Iterable[Document]) -> None:
    """Mark the items of each article's subtitle: a first paragraph set wholly in emphasis
    ("*Sono caduti 40 millimetri di pioggia, …*"), which sums up the body."""
    spans = {d.id: span for d in documents if (span := standfirst(d.text)) is not None}
    for i in items:
        at = spans.get(i.claim.doc)
        if at is not None and i.claim.section != "title" and at[0] <= i.claim.span.start < at[1]:
            i.standfirst = True


#: A first paragraph this short, one line that ends with no full stop and with more text
#: after it, is a subtitle even in no emphasis ("Il piano sale a 225 miliardi. Fitto:
#: «Quarta rata entro fine anno»", "Ventiquattro morti e 5 dispersi"): a sentence of the
#: body ends with one.
SUBTITLE_CHARS = 160
#: What closes a sentence, and what may stand after it (quotes, brackets, emphasis).
_STOPS = ".!?…:;"
_CLOSERS = "\"'»”’)]*_ "


def standfirst(text: str) -> tuple[int, int] | None:
    """Where the body's first paragraph stands when it is set wholly in emphasis (``*…*``,
    ``_…_``, ``**…**``), or is one short line that ends with no full stop and has more
    paragraphs after it: a subtitle; else None.

    >>> standfirst("*Sono caduti 40 mm.*\\n\\nIl bilancio."), standfirst("Il *bilancio*.\\n\\nAltro.")
    ((0, 20), None)
    >>> standfirst("Dieci morti e tre dispersi\\n\\nIl bilancio."), standfirst("Dieci morti.\\n\\nAltro.")
    ((0, 26), None)
    """
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    para = text[start:len(text) if end < 0 else end].rstrip()
    if _headline_line(para) and end >= 0 and text[end:].strip():
        return start, start + len(para)
    mark = para[:len(para) - len(para.lstrip("*_"))]
    if not mark or len(mark) > 3 or len(set(mark)) > 1 or len(para) <= 2 * len(mark) \
            or not para.endswith(mark) or para[len(mark)].isspace() or para[-len(mark) - 1].isspace() \
            or mark in para[len(mark):-len(mark)]:   # "*a* e *b*": two emphases, not one subtitle
        return None
    return start, start + len(para)


def _headline_line(para: str) -> bool:
    """One short line with words that ends with no full stop (quotes after a stop count as it)."""
    bare = para.rstrip(_CLOSERS)
    return 0 < len(para) <= SUBTITLE_CHARS and "\n" not in para and bare[-1:].isalnum() \
        and not para.startswith(("#", "*", "_", "-", ">", "|"))


def _names(items: list[Item], documents: Iterable[Document], lexicon_of: Callable[[str], Lexicon],
           places: Places) -> dict[str, Counter[str]]:
    """Each document's names: of its title and body, else of its claims' sentences."""
    sentences: dict[str, dict[int, str]] = {}
    for i in items:
        sentences.setdefault(i.claim.doc, {})[i.claim.sentence.start] = i.claim.context
    given = {d.id: d for d in documents if d.id in sentences}
    out = {}
    for doc, found in sentences.items():
        d = given.get(doc)
        title, body = (d.title, d.analysed) if d is not None else (None, "\n".join(found.values()))
        out[doc] = names(title, body, lexicon_of(doc), places)
    return out


def _shown_together(finding: Finding, figures: list[Figure]) -> Finding:
    """A wording finding between claims in no figure (one value, two names, each said once)
    gets a figure of its own: the two readings of what may be one quantity, side by side."""
    first = finding.claims[0].quantity
    nouns = " / ".join(dict.fromkeys(c.noun or "?" for c in finding.claims))
    figure = Figure(f"F{len(figures) + 1}", finding.claims, nouns, first.kind, first.unit)
    figures.append(figure)
    return replace(finding, figure=figure.id)


__all__ = ["DEFAULT_SEVERITY", "RULES", "RULE_KIND", "ReconcileSettings", "Reconciliation", "reconcile"]
