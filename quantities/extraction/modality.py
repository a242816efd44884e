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
from operator import itemgetter
from typing import NamedTuple

import regex

from quantities.cache import compiled
from quantities.lang import Pack, per_pack, word_set
from quantities.text.fold import low
from quantities.text.phrases import EDGE, factored, seconds
from quantities.text.tokens import Tokens, folded, tokens
from quantities.types import Modality, Span

#: How far before a figure its cues are looked for, in characters.
LOOKBACK = 400
#: The order in which governing cues win.
PRIORITY: tuple[Modality, ...] = ("denied", "planned", "estimated")
#: Longer than any future verb (``\w{2,30}`` and its ending): how far back its start is looked for.
FUTURE_REACH = 40
#: The word that ends where a future ending does, read backwards.
_WORD_BACK = compiled(r"\w{1,%d}" % FUTURE_REACH, regex.REVERSE)
#: The first two words of a (folded) phrase, when the second starts the token after the first.
_FIRST_TWO = compiled(r"(\w+)(?:'?\s*(\w+))?")
#: Besides a hyphen, what may join a word to what follows in one token: a point or comma
#: before digits ("stima.5"; not in figures like "5.000", whose words are not cues).
#: Any character beyond ASCII may be a digit.
_JOINED = re.compile(r"[.,](?=[0-9]|[^\x00-\x7f])(?<![0-9][.,])")
#: The marks that may stand inside a token: a hyphen, and with a word joined to digits,
#: a point or comma.
_HYPHEN = re.compile("-")
_INNER = re.compile("[-.,]")
#: The pieces of a token: its words (with a final apostrophe) and its marks.
_PIECE = re.compile(r"[^-.,]+|[-.,]")
_START_OF = itemgetter(0)  # of a found phrase


def _fold(word: str) -> str:
    return low(word.strip())


#: For a word: the second words a cue, then a boundary word, may have after it (None:
#: any; empty: it starts none).
Seconds = tuple[frozenset[str] | None, frozenset[str] | None]


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Grammar:
    cues: regex.Pattern[str]
    boundary: regex.Pattern[str]
    future_exceptions: frozenset[str]
    estimate_hedges: frozenset[str]
    # The fast path of :func:`scan`: ``cues`` without the future verbs and reduced to the
    # phrases that begin with a character; the future verbs alone; where a future ending
    # may end a word; the boundary marks; the first words of the cues and boundary words
    # with what may follow them (None: no fast path).
    phrases: dict[str, regex.Pattern[str]]
    future: regex.Pattern[str]
    endings: re.Pattern[str]
    marks: re.Pattern[str]
    firsts: dict[str, Seconds] | None
    kinds: dict[str, str]  # each cue phrase (folded, single blanks) -> its modality or "sentence"
    negations: frozenset[str]  # a word that denies the figure right after it ("non", "not")
    negated_after: frozenset[str]  # what stands before such a word: a comma, a coordinator

    def kind(self, m: regex.Match[str]) -> str:
        """The modality (or "sentence", "future") of a cue that ``cues`` or ``phrases`` matched."""
        return m.lastgroup if m.lastgroup == "future" else self.kinds[" ".join(_fold(m[0]).split())]


@per_pack("modality")
def grammar(pack: Pack) -> Grammar:
    """The ``[modality]`` words of ``pack``, compiled once."""
    kinds: dict[str, tuple[str, ...]] = {m: pack.words(f"modality.{m}") for m in PRIORITY}
    kinds["sentence"] = pack.words("modality.sentence_estimated")
    endings = pack.words("modality.future_endings")
    future = rf"(?P<future>\w{{2,30}}(?:{'|'.join(regex.escape(e) for e in endings)}))"
    marks = "".join(w for w in pack.words("modality.boundaries") if not w[0].isalnum())
    words = tuple(w for w in pack.words("modality.boundaries") if w[0].isalnum())
    cue_words = [_fold(w) for ws in kinds.values() for w in ws]
    usable = all(kinds.values()) and bool(endings) and bool(words) and not regex.search(r"\w", marks) \
        and not any(m in w for m in marks for w in words)
    return Grammar(
        cues=_cues(kinds, None, future),
        boundary=regex.compile(rf"{_marks(regex.escape(marks))}|(?<![\w'’])(?:{factored(words, empty='')})(?!\w)",
                               regex.IGNORECASE),
        future_exceptions=word_set(pack, "modality.future_exceptions"),
        estimate_hedges=word_set(pack, "modality.estimated"),
        phrases={c: _cues(kinds, c, None) for c in {w[:1] for w in cue_words}},
        future=_cues({}, None, future),
        endings=re.compile("|".join(re.escape(_fold(e)) for e in endings) or "(?!)"),
        marks=re.compile(_marks(re.escape(marks)) if marks else "(?!)"),
        firsts=_firsts(cue_words, [_fold(w) for w in words]) if usable else None,
        kinds={" ".join(_fold(w).split()): k for k in reversed(list(kinds)) for w in kinds[k]},
        negations=word_set(pack, "modality.negations"),
        negated_after=word_set(pack, "modality.negated_after"),
    )


def _marks(escaped: str) -> str:
    """A boundary mark, unless it stands between two digits: the comma of "5,000" or
    "1,5" is part of a number, not the end of a clause."""
    return rf"[{escaped}](?:(?![0-9])|(?<![0-9].))"  # the mark first: re scans for it in C


def _firsts(cues: list[str], words: list[str]) -> dict[str, Seconds] | None:
    """The first word of each cue and boundary word (folded), with the :data:`Seconds`
    that may follow it; None when one of them begins with no word or with a digit."""
    cue, bound = _seconds(cues), _seconds(words)
    if cue is None or bound is None:
        return None
    return {w: (cue.get(w, frozenset()), bound.get(w, frozenset())) for w in cue.keys() | bound.keys()}


def _seconds(phrases: list[str]) -> dict[str, frozenset[str] | None] | None:
    """For the first word of each of ``phrases``, the words that may come second: None
    when one of them may stand alone, or its second word does not start the next token.
    Each word is also spelled with a final apostrophe, as a token may end ("stima'")."""
    pairs: list[tuple[str, frozenset[str] | None]] = []
    for phrase in phrases:
        m = _FIRST_TWO.match(phrase)
        if m is None or regex.search(r"\d", m[1]):
            return None
        nxt = None if m[2] is None or regex.search(r"\d", m[2]) else frozenset({m[2], m[2] + "'"})
        pairs += [(m[1], nxt), (m[1] + "'", nxt)]
    return seconds(pairs)


def _cues(kinds: dict[str, tuple[str, ...]], first: str | None, future: str | None) -> regex.Pattern[str]:
    """The cue pattern of ``kinds`` and the ``future`` verbs; with ``first``, only the
    phrases that begin with that character. One alternation, longest first, whatever the
    kind: "could have been" (estimated) wins over "could" (planned); :meth:`Grammar.kind`
    tells the kind of what it matched."""
    alt = factored([w for ws in kinds.values() for w in ws], first=first, empty="")
    groups = [f"(?P<cue>{alt})"] if alt else []
    groups += [future] if future else []
    return regex.compile(rf"(?<![\w'’])(?:{'|'.join(groups)}){EDGE}", regex.IGNORECASE)


class Scanned(NamedTuple):
    """The clause boundaries and cues of one sentence, found in one pass each."""

    boundaries: tuple[int, ...]  # where each clause starts
    cues: tuple[tuple[int, str], ...]  # (start, modality or "sentence")


def scan(text: str, sentence: Span, *, lang: str | Pack = "it", until: int | None = None,
         toks: Tokens | None = None) -> Scanned:
    """The boundaries and cues of the sentence at ``sentence``, for :func:`governing`.

    With ``until`` (an offset of ``text``), only those that start before it: enough for
    the figures that start before ``until``, which is all :func:`governing` looks at.
    ``toks`` are the sentence's :func:`~quantities.text.tokens.tokens` when the caller has them.

    >>> s = "Non invierà 300 soldati, ma l'Ue dovrebbe inviarne 200."
    >>> scan(s, Span(0, len(s)))
    Scanned(boundaries=(24, 27), cues=((0, 'denied'), (33, 'planned')))
    """
    until = sentence.end if until is None else until
    if until <= sentence.start:
        return _NOTHING  # "5, si stima.": no boundary or cue starts before its first figure
    g = grammar(lang)
    low = folded(text, sentence.start, sentence.end) if g.firsts is not None else None
    if low is None or g.firsts is None:
        return _scan_all(text, sentence, g, until)
    toks = tokens(text, sentence.start, sentence.end) if toks is None else toks
    joined = _JOINED.search(low) is not None
    if joined or "-" in low:
        toks = _pieces(toks, low, sentence.start, joined)
    words, phrases = _found(text, sentence, toks, g.firsts, g, until)
    limit = until - sentence.start  # a mark before it, read with what follows it (see _marks)
    marks: list[int] = []
    for m in g.marks.finditer(low):  # a loop, not takewhile and a lambda: one call less a mark
        if m.start() >= limit:
            break
        marks.append(sentence.start + m.end())
    cues = [(p, kind) for p, _, kind in phrases] + _future(text, sentence, low, phrases, g, until)
    return Scanned(tuple(sorted(marks + words)), tuple(sorted(cues)))


#: The :func:`scan` of a sentence read up to its start.
_NOTHING = Scanned((), ())


def _pieces(toks: Tokens, low: str, start: int, joined: bool) -> Tokens:
    """``toks`` (of the text folded to ``low`` from ``start``) with each hyphenated word,
    and with ``joined`` each word joined to digits, cut into its words and marks
    ("nord-coreani" -> "nord", "-", "coreani"): then every word starts a token."""
    inner = _INNER if joined else _HYPHEN
    cut = sorted({bisect_right(toks.starts, start + m.start()) - 1 for m in inner.finditer(low)})
    texts, starts, ends, lows = [], [], [], []  # the four lists built once, not a Tokens per piece
    done = 0
    for i in cut:
        text, at = toks.texts[i], toks.starts[i]
        texts += toks.texts[done:i]
        starts += toks.starts[done:i]
        ends += toks.ends[done:i]
        lows += toks.lows[done:i]
        for m in _PIECE.finditer(toks.lows[i]):
            texts.append(text[m.start():m.end()])
            starts.append(at + m.start())
            ends.append(at + m.end())
            lows.append(m[0])
        done = i + 1
    return Tokens(texts + toks.texts[done:], starts + toks.starts[done:], ends + toks.ends[done:],
                  lows + toks.lows[done:])


def _found(text: str, sentence: Span, toks: Tokens, firsts: dict[str, Seconds], g: Grammar,
           until: int) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The ends of the boundary words and the (start, end, kind) of the cue phrases that
    start before ``until``, tried only at the tokens where one of the ``firsts`` stands
    before a word that may follow it."""
    bounds: list[int] = []
    phrases: list[tuple[int, int, str]] = []
    lows = toks.lows
    if firsts.keys().isdisjoint(lows):
        return bounds, phrases
    for i, w in enumerate(lows):
        if w not in firsts:
            continue
        p = toks.starts[i]
        if p >= until:
            break
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        cue, bound = firsts[w]
        if (bound is None or nxt in bound) and (not bounds or p >= bounds[-1]):
            b = g.boundary.match(text, p, sentence.end)
            if b is not None:
                bounds.append(b.end())
        if (cue is None or nxt in cue) and (not phrases or p >= phrases[-1][1]) and not _name_or_month(toks, i):
            c = g.phrases[w[0]].match(text, p, sentence.end)
            if c is not None:
                phrases.append((p, c.end(), g.kind(c)))
    return bounds, phrases


def _name_or_month(toks: Tokens, i: int) -> bool:
    """Whether the capitalised word at ``toks[i]``, inside its sentence, is a name or a month rather than a cue:
    digits follow it ("STRESA, Italy, May 24 -"), or a capitalised word stands before it and none after it
    ("Theresa May said"; not a title's "Washington May Send 3,000 Troops")."""
    texts = toks.texts
    if not i or not texts[i][:1].isupper():
        return False
    after = texts[i + 1] if i + 1 < len(texts) else ""
    return after[:1].isdigit() or (texts[i - 1][:1].isupper() and not after[:1].isupper())


def _future(text: str, sentence: Span, low: str, phrases: list[tuple[int, int, str]], g: Grammar,
            until: int) -> list[tuple[int, str]]:
    """The future verbs of the sentence that no cue phrase covers: the word before each
    future ending, unless a cue phrase covers it; only words that start before ``until``."""
    out: list[tuple[int, str]] = []
    for e in g.endings.finditer(low):
        if sentence.start + e.start() - FUTURE_REACH >= until:
            break  # its word starts at ``until`` or later
        w = _WORD_BACK.match(text, sentence.start, sentence.start + e.start())
        if w is None or w.start() >= until or (out and out[-1][0] == w.start()):
            continue
        at = bisect_right(phrases, w.start(), key=_START_OF)
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
        kind = g.kind(m)
        if kind == "future" and m[0].casefold() in g.future_exceptions:
            continue
        cues.append((m.start(), "planned" if kind == "future" else kind))
    return Scanned(bounds, tuple(cues))


def governing(scanned: Scanned, sentence: Span, figure: Span, *, hedge: str | None = None,
              lang: str | Pack = "it") -> Modality:
    """The modality of the figure at ``figure`` given its sentence's :func:`scan`."""
    if not scanned.cues and hedge is None:
        return "reported"  # no cue before the sentence's last figure and no hedge: most figures
    start = max(sentence.start, figure.start - LOOKBACK)
    at = bisect_right(scanned.boundaries, figure.start)
    clause = max(start, scanned.boundaries[at - 1]) if at else start
    found: set[str] = set()
    cues = scanned.cues  # sorted: only those from ``start`` (within LOOKBACK) can govern
    for pos, kind in cues[bisect_left(cues, (start, "")):bisect_left(cues, (figure.start, ""))]:
        if kind == "sentence" and pos >= start:
            found.add("estimated")
        elif pos >= clause:
            found.add(kind)
    if hedge is not None and hedge.casefold() in grammar(lang).estimate_hedges:
        found.add("estimated")
    if not found:
        return "reported"  # no cue near it: most figures
    for m in PRIORITY:  # a loop, not a generator: called once per claim
        if m in found:
            return m
    return "reported"


def negated(toks: Tokens, k: int, lang: str | Pack = "it") -> bool:
    """Whether the figure whose first token is ``toks[k]`` stands right after a negation that
    follows a comma or a coordinator (``[modality] negations``, ``negated_after``): the figure
    the sentence denies ("Sono tre, e non quattro, le vittime", "three victims, not four"; not
    "non sono state ritrovate 3 persone", whose negation is the verb's)."""
    g = grammar(lang)
    if k < 1 or toks.lows[k - 1] not in g.negations:
        return False
    return k == 1 or toks.lows[k - 2] in g.negated_after


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
