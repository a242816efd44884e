"""Whether a figure happened: reported, estimated, planned or denied.

A figure is "reported" unless a cue governs it: the cue stands before the figure (within
``LOOKBACK`` characters) in the same clause (clauses end at the pack's ``[modality].boundaries``), or is one of the
``sentence_estimated`` cues, which govern every later figure of the sentence
("Secondo le stime, …"). When several cues govern a figure, denied beats planned beats
estimated ("non invierà 5.000 soldati" is denied). A figure hedged with an estimate
word ("si stima 300") is estimated. The words are data (``[modality]``); the pattern
is compiled once per pack.

>>> s = "Il Nord invierà 5.000 operai, dopo aver inviato 15mila soldati."
>>> modality(s, Span(0, len(s)), Span(16, 21)), modality(s, Span(0, len(s)), Span(48, 54))
('planned', 'reported')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from .lang import Pack
from .nouns import per_pack, word_set
from .types import Modality, Span

#: How far before a figure its cues are looked for, in characters.
LOOKBACK = 400
#: The order in which governing cues win.
PRIORITY: tuple[Modality, ...] = ("denied", "planned", "estimated")


def _alternation(words: tuple[str, ...]) -> str:
    alts = sorted({w.strip() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(p).replace("'", "['’]") for p in a.split()) for a in alts)


@dataclass(frozen=True, slots=True)
class Grammar:
    cues: regex.Pattern[str]
    boundary: regex.Pattern[str]
    future_exceptions: frozenset[str]
    estimate_hedges: frozenset[str]


@per_pack("modality")
def grammar(pack: Pack) -> Grammar:
    """The ``[modality]`` words of ``pack``, compiled once."""
    groups = [f"(?P<{m}>{_alternation(pack.words(f'modality.{m}'))})" for m in PRIORITY]
    groups.append(f"(?P<sentence>{_alternation(pack.words('modality.sentence_estimated'))})")
    endings = "|".join(regex.escape(e) for e in pack.words("modality.future_endings"))
    groups.append(rf"(?P<future>\w{{2,30}}(?:{endings}))")
    marks = "".join(regex.escape(w) for w in pack.words("modality.boundaries") if not w[0].isalnum())
    words = tuple(w for w in pack.words("modality.boundaries") if w[0].isalnum())
    edge = r"(?:(?<=['’])|(?!\w))"
    return Grammar(
        cues=regex.compile(rf"(?<![\w'’])(?:{'|'.join(groups)}){edge}", regex.IGNORECASE),
        boundary=regex.compile(rf"[{marks}]|(?<![\w'’])(?:{_alternation(words)})(?!\w)", regex.IGNORECASE),
        future_exceptions=word_set(pack, "modality.future_exceptions"),
        estimate_hedges=word_set(pack, "modality.estimated"),
    )


@dataclass(frozen=True, slots=True)
class Scanned:
    """The clause boundaries and cues of one sentence, found in one pass each."""

    boundaries: tuple[int, ...]  # where each clause starts
    cues: tuple[tuple[int, str], ...]  # (start, modality or "sentence")


def scan(text: str, sentence: Span, *, lang: str | Pack = "it") -> Scanned:
    """The boundaries and cues of the sentence at ``sentence``, for :func:`governing`."""
    g = grammar(lang)
    bounds = tuple(m.end() for m in g.boundary.finditer(text, sentence.start, sentence.end))
    cues = []
    for m in g.cues.finditer(text, sentence.start, sentence.end):
        kind = m.lastgroup or ""
        if kind == "future" and m[0].casefold() in g.future_exceptions:
            continue
        cues.append((m.start(), "planned" if kind == "future" else kind))
    return Scanned(bounds, tuple(cues))


def governing(scanned: Scanned, sentence: Span, figure: Span, *, hedge: str | None = None,
              lang: str | Pack = "it") -> Modality:
    """The modality of the figure at ``figure`` given its sentence's :func:`scan`."""
    start = max(sentence.start, figure.start - LOOKBACK)
    at = bisect_right(scanned.boundaries, figure.start)
    clause = max(start, scanned.boundaries[at - 1]) if at else start
    found: set[str] = set()
    for pos, kind in scanned.cues[:bisect_left(scanned.cues, (figure.start, ""))]:
        if kind == "sentence" and pos >= start:
            found.add("estimated")
        elif pos >= clause:
            found.add(kind)
    if hedge is not None and hedge.casefold() in grammar(lang).estimate_hedges:
        found.add("estimated")
    return next((m for m in PRIORITY if m in found), "reported")


def modality(text: str, sentence: Span, figure: Span, *, hedge: str | None = None,
             lang: str | Pack = "it") -> Modality:
    """The modality of the figure at ``figure``, in the sentence at ``sentence`` of ``text``.

    >>> s = "Kim ha accettato di inviare migliaia di operai, che secondo Seul potrebbe avvenire."
    >>> modality(s, Span(0, len(s)), Span(28, 36))
    'planned'
    >>> s = "Il Nord non ha confermato l'invio di 15mila soldati."
    >>> modality(s, Span(0, len(s)), Span(37, 43))
    'denied'
    """
    return governing(scan(text, sentence, lang=lang), sentence, figure, hedge=hedge, lang=lang)
