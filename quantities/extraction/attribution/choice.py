"""Which cue governs a figure: in its sentence, in the next sentence, or carried over."""

from __future__ import annotations

from quantities.extraction.attribution.cues import scan
from quantities.extraction.attribution.grammar import Found, grammar
from quantities.lang import Pack
from quantities.lang.sources import Sources
from quantities.types import Span


def choose(found: list[Found], figure: Span, following: list[Found] | None = None) -> Found | None:
    """The cue of ``found`` (one sentence's) that governs the figure at ``figure``.

    ``following`` are the cues of the next sentence when it opens with a report opener
    (see :func:`opener_cues`).

    >>> s = "Sono morti 300 soldati, ha riferito la Kcna in un dispaccio."
    >>> choose(scan(s, Span(0, len(s))), Span(11, 14)).canonical
    'KCNA'
    """
    before = [f for f in found if f.cue_span.start < figure.start and f.reach in ("any", "after")]
    if before:
        return max(before, key=lambda f: f.cue_span.start)
    after = [f for f in found if f.cue_span.start >= figure.end and f.reach == "any"]
    if after:
        return min(after, key=lambda f: f.cue_span.start)
    return following[0] if following else None


def opener_cues(text: str, sentence: Span, *, lang: str | Pack = "it",
                sources: Sources | None = None) -> list[Found]:
    """The cues of a sentence that opens by carrying the previous one's report.

    >>> s = "Lo riporta l'agenzia ufficiale Kcna, segnando una prima volta."
    >>> [f.canonical for f in opener_cues(s, Span(0, len(s)))]
    ['KCNA']
    """
    g = grammar(lang)
    m = g.openers.match(text, sentence.start, sentence.end)
    if m is None:
        return []
    found = scan(text, Span(m.end(), sentence.end), lang=lang, sources=sources)
    return [f for f in found[:1] if f.reach == "any" and len(text[m.end():f.cue_span.start].split()) <= 1]
