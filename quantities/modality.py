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

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from .lang import Pack
from .nouns import folded, heads, per_pack, starts, word_set
from .types import Modality, Span

#: How far before a figure its cues are looked for, in characters.
LOOKBACK = 400
#: The order in which governing cues win.
PRIORITY: tuple[Modality, ...] = ("denied", "planned", "estimated")
#: The end of a cue: after an apostrophe or before a non-word character.
EDGE = r"(?:(?<=['’])|(?!\w))"
#: Longer than any future verb (``\w{2,30}`` and its ending): how far back its start is looked for.
FUTURE_REACH = 40
#: The word that ends where a future ending does, read backwards.
_WORD_BACK = regex.compile(r"\w{1,%d}" % FUTURE_REACH, regex.REVERSE)


def _alternation(words: tuple[str, ...], first: str | None = None) -> str:
    """Phrases longest first, spaces matching any run of spaces; with ``first``, only
    those that begin with that (folded) character."""
    alts = sorted({w.strip() for w in words}, key=len, reverse=True)
    if first is not None:
        alts = [a for a in alts if _fold(a)[:1] == first]
    return "|".join(r"\s+".join(regex.escape(p).replace("'", "['’]") for p in a.split()) for a in alts)


def _fold(word: str) -> str:
    return word.strip().casefold().replace("’", "'")


@dataclass(frozen=True, slots=True)
class Grammar:
    cues: regex.Pattern[str]
    boundary: regex.Pattern[str]
    future_exceptions: frozenset[str]
    estimate_hedges: frozenset[str]
    # The fast path of :func:`scan`: ``cues`` without the future verbs and reduced to the
    # phrases that begin with a character; the future verbs alone; where a future ending
    # may end a word; where a cue or a boundary may start (None: no fast path), and what
    # may start at each hit of ``starts``: (a cue, a boundary word).
    phrases: dict[str, regex.Pattern[str]]
    future: regex.Pattern[str]
    endings: re.Pattern[str]
    starts: re.Pattern[str] | None
    hits: dict[str, tuple[bool, bool]]
    marks: frozenset[str]


@per_pack("modality")
def grammar(pack: Pack) -> Grammar:
    """The ``[modality]`` words of ``pack``, compiled once."""
    kinds = {m: pack.words(f"modality.{m}") for m in PRIORITY}
    kinds["sentence"] = pack.words("modality.sentence_estimated")
    endings = pack.words("modality.future_endings")
    future = rf"(?P<future>\w{{2,30}}(?:{'|'.join(regex.escape(e) for e in endings)}))"
    marks = [w for w in pack.words("modality.boundaries") if not w[0].isalnum()]
    words = tuple(w for w in pack.words("modality.boundaries") if w[0].isalnum())
    cue_words = [_fold(w) for ws in kinds.values() for w in ws]
    return Grammar(
        cues=_cues(kinds, None, future),
        boundary=regex.compile(rf"[{''.join(regex.escape(w) for w in marks)}]|(?<![\w'’])(?:{_alternation(words)})(?!\w)",
                               regex.IGNORECASE),
        future_exceptions=word_set(pack, "modality.future_exceptions"),
        estimate_hedges=word_set(pack, "modality.estimated"),
        phrases={c: _cues(kinds, c, None) for c in {w[:1] for w in cue_words}},
        future=_cues({}, None, future),
        endings=re.compile("|".join(re.escape(_fold(e)) for e in endings) or "(?!)"),
        **_prefilter(cue_words, [_fold(w) for w in words], "".join(marks),
                     all(kinds.values()) and bool(endings) and bool(words)),
    )


def _prefilter(cue_words: list[str], words: list[str], marks: str, usable: bool) -> dict[str, object]:
    """The ``starts``, ``hits`` and ``marks`` of the fast path (``starts`` None: none)."""
    cue_heads, bound_heads = heads(cue_words), heads(words)
    if not usable or cue_heads is None or bound_heads is None or regex.search(r"\w", marks):
        return {"starts": None, "hits": {}, "marks": frozenset()}
    return {
        "starts": starts([*cue_words, *words], marks=marks),
        "hits": {h: (any(c.startswith(h) for c in cue_heads), any(b.startswith(h) for b in bound_heads))
                 for h in cue_heads | bound_heads},
        "marks": frozenset(marks),
    }


def _cues(kinds: dict[str, tuple[str, ...]], first: str | None, future: str | None) -> regex.Pattern[str]:
    """The cue pattern of ``kinds`` and the ``future`` verbs; with ``first``, only the
    phrases that begin with that character (and no group left empty)."""
    groups = [f"(?P<{k}>{alt})" for k, ws in kinds.items()
              if (alt := _alternation(ws, first)) or first is None]
    groups += [future] if future else []
    return regex.compile(rf"(?<![\w'’])(?:{'|'.join(groups)}){EDGE}", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Scanned:
    """The clause boundaries and cues of one sentence, found in one pass each."""

    boundaries: tuple[int, ...]  # where each clause starts
    cues: tuple[tuple[int, str], ...]  # (start, modality or "sentence")


def scan(text: str, sentence: Span, *, lang: str | Pack = "it", until: int | None = None) -> Scanned:
    """The boundaries and cues of the sentence at ``sentence``, for :func:`governing`.

    With ``until`` (an offset of ``text``), only those that start before it: enough for
    the figures that start before ``until``, which is all :func:`governing` looks at.

    >>> s = "Non invierà 300 soldati, ma l'Ue dovrebbe inviarne 200."
    >>> scan(s, Span(0, len(s)))
    Scanned(boundaries=(24, 27), cues=((0, 'denied'), (33, 'planned')))
    """
    g = grammar(lang)
    until = sentence.end if until is None else until
    low = folded(text, sentence.start, sentence.end) if g.starts is not None else None
    if low is None or g.starts is None:
        return _scan_all(text, sentence, g, until)
    bounds: list[int] = []
    phrases: list[tuple[int, int, str]] = []  # (start, end, kind)
    for m in g.starts.finditer(low):
        p = sentence.start + m.start()
        if p >= until:
            break
        if m[0] in g.marks:
            if not bounds or p >= bounds[-1]:
                bounds.append(p + 1)
            continue
        cue, bound = g.hits[m[0]]
        if bound and (not bounds or p >= bounds[-1]):
            b = g.boundary.match(text, p, sentence.end)
            if b is not None:
                bounds.append(b.end())
        rx = g.phrases.get(low[m.start()]) if cue else None
        if rx is not None and (not phrases or p >= phrases[-1][1]):
            c = rx.match(text, p, sentence.end)
            if c is not None:
                phrases.append((p, c.end(), c.lastgroup or ""))
    cues = [(p, kind) for p, _, kind in phrases] + _future(text, sentence, low, phrases, g, until)
    return Scanned(tuple(bounds), tuple(sorted(cues)))


def _future(text: str, sentence: Span, low: str, phrases: list[tuple[int, int, str]], g: Grammar,
            until: int) -> list[tuple[int, str]]:
    """The future verbs of the sentence that no cue phrase covers: the word before each
    future ending, unless a cue phrase covers it; only words that start before ``until``."""
    out: list[tuple[int, str]] = []
    starts = [p for p, _, _ in phrases]
    for e in g.endings.finditer(low):
        if sentence.start + e.start() - FUTURE_REACH >= until:
            break  # its word starts at ``until`` or later
        w = _WORD_BACK.match(text, sentence.start, sentence.start + e.start())
        if w is None or w.start() >= until or (out and out[-1][0] == w.start()):
            continue
        at = bisect_right(starts, w.start())
        if at and w.start() < phrases[at - 1][1]:
            continue  # inside a cue phrase
        m = g.future.match(text, w.start(), sentence.end)
        if m is not None and m[0].casefold() not in g.future_exceptions:
            out.append((w.start(), "planned"))
    return out


def _scan_all(text: str, sentence: Span, g: Grammar, until: int) -> Scanned:
    """:func:`scan` with the whole patterns, for text that folds unevenly."""
    bounds = tuple(m.end() for m in g.boundary.finditer(text, sentence.start, sentence.end)
                   if m.start() < until)
    cues = []
    for m in g.cues.finditer(text, sentence.start, sentence.end):
        if m.start() >= until:
            break
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
