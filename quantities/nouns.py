"""The counted noun phrase of a figure: what "5.000" counts in "5.000 operai edili militari".

The words come from the pack's ``[nouns]`` table; this module holds the machinery:

- after the figure: head noun + adjectives ("5.000 operai edili militari"), through
  "di" ("migliaia di truppe", "l'80% degli elettori"), coordinated heads under one
  figure ("migliaia di operai militari e sminatori");
- inverted: "300 i soldati nordcoreani uccisi", "i feriti sono 2.700";
- elliptic: "e altri 47", "circa 2.700 quelli feriti" reuse the noun of the previous
  figure of the sentence (the caller passes it as ``antecedent``).

A figure that carries its unit (money, measures, percentages, durations) counts a noun
only through "di" ("1,5 milioni di euro di aiuti" -> "aiuti", "l'80% degli elettori"
-> "elettori"); a currency or unit word is never the noun: it is in ``Quantity.unit``.

>>> s = "Il Nord invierà 5.000 operai edili militari e 1.000 genieri a Kursk."
>>> counted(s, Span(16, 21), lang="it").text
'operai edili militari'
>>> counted(s, Span(46, 51), lang="it").text
'genieri'
>>> counted("Sono morti 300 i soldati nordcoreani uccisi.", Span(11, 14), lang="it").text
'soldati nordcoreani uccisi'
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, chain, islice
from typing import Any, TypeVar

import regex

from . import lang as langs
from .lang import Pack
from .types import Span, direct_init

T = TypeVar("T")

#: Words, numbers (with their separators), elided words ("l'", "dell'") and single marks;
#: emphasis marks left in plain text ("**5.000** operai") are not tokens. No possessive
#: quantifiers: :data:`_SPLIT` runs it in the standard ``re``, which read them wrongly
#: before Python 3.11.5 (gh-106052: "Kcna," was one token).
TOKEN = regex.compile(r"\w+(?:-\w+)*(?:[.,]\d+)*['’]?|[^\w\s*_]")
#: Emphasis marks, dropped from the surface of a phrase.
EMPHASIS = regex.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")


def surface(text: str) -> str:
    """``text`` without emphasis marks: "**5.000** operai" -> "5.000 operai".

    >>> surface("media **russi**")
    'media russi'
    """
    if "*" not in text and "_" not in text:
        return text
    return EMPHASIS.sub("", text)


#: How much of a token that a figure cuts in two ("1.2.3.4…", one token) is read again
#: as words of its own, in characters: a bound, so a line of digits stays linear.
WINDOW = 200


class Tokens:
    """The tokens of a piece of text as parallel lists: ``texts[i]`` as written, its offsets
    ``starts[i]``/``ends[i]`` in the text, ``lows[i]`` casefolded with straight apostrophes.

    A sentence's tokens are read by index; one object per token cost about 6 % of the
    whole extraction. Slicing gives the tokens of a window (``toks[3:8]``).
    """

    __slots__ = ("texts", "starts", "ends", "lows")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int], lows: list[str]) -> None:
        self.texts, self.starts, self.ends, self.lows = texts, starts, ends, lows

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, window: slice) -> Tokens:
        if not isinstance(window, slice):
            raise TypeError(f"Tokens are sliced, not indexed: read texts[i], starts[i], ends[i] or lows[i] ({window!r})")
        return Tokens(self.texts[window], self.starts[window], self.ends[window], self.lows[window])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return (self.texts, self.starts, self.ends, self.lows) == (other.texts, other.starts, other.ends, other.lows)

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: Tokens) -> Tokens:
        return Tokens(self.texts + other.texts, self.starts + other.starts, self.ends + other.ends,
                      self.lows + other.lows)

    def extend(self, other: Tokens) -> None:
        self.texts += other.texts
        self.starts += other.starts
        self.ends += other.ends
        self.lows += other.lows

    def __repr__(self) -> str:
        return f"Tokens({self.texts!r})"

    def is_word(self, i: int) -> bool:
        return self.texts[i][0].isalpha()

    def index(self, pos: int) -> int:
        """The index of the first token that starts at or after ``pos``."""
        return bisect_left(self.starts, pos)

    def span(self, i: int, j: int) -> Span:
        """From the start of token ``i`` to the end of token ``j - 1``."""
        return Span(self.starts[i], self.ends[j - 1])


def tokens(text: str, start: int = 0, end: int | None = None, limit: int | None = None) -> Tokens:
    """The tokens of ``text[start:end]`` (the first ``limit``), with offsets into ``text``.

    >>> tokens("dell'intelligence: 1,5 milioni").texts
    ["dell'", 'intelligence', ':', '1,5', 'milioni']
    >>> tokens("Dell’Ansa", 4).lows, tokens("Dell’Ansa", 4).starts
    (["'", 'ansa'], [4, 5])
    """
    end = len(text) if end is None else end
    piece = text[start:end]
    if limit == 0:
        return Tokens([], [], [], [])
    if _odd().search(piece):
        found = list(islice(TOKEN.finditer(text, start, end), limit))
        return Tokens([m[0] for m in found], [m.start() for m in found], [m.end() for m in found],
                      [m[0].casefold().replace("’", "'") for m in found])
    parts = _SPLIT.split(piece, limit or 0)  # gap, token, gap, token, …
    texts = parts[1::2]
    at = list(accumulate(map(len, parts), initial=start))
    lows = list(map(str.casefold, texts))
    if "’" in piece:
        lows = [w.replace("’", "'") for w in lows]
    return Tokens(texts, at[1:-1:2], at[2::2], lows)


#: :data:`TOKEN` for the standard :mod:`re` module, which splits text several times
#: faster; used only on text where both modules agree on every character (see :func:`_odd`).
_SPLIT = re.compile(f"({TOKEN.pattern})")


@functools.cache
def _odd() -> re.Pattern[str]:
    """A character on which :mod:`re` and :mod:`regex` may disagree about ``\\w``, ``\\s``
    or ``\\d`` (or one beyond the Latin, Greek, Cyrillic and punctuation blocks checked)."""
    same = [c for c in map(chr, chain(range(0x0600), range(0x2000, 0x20D0)))
            if all(bool(re.match(p, c)) == bool(regex.match(p, c)) for p in (r"\w", r"\s", r"\d"))]
    runs: list[list[int]] = []
    for c in map(ord, same):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in runs) + "]")


def folded(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` casefolded with straight apostrophes, or None when folding
    would move a character (a letter that folds to two, like "ß").

    >>> folded("Dell’Ansa", 0, 9)
    "dell'ansa"
    >>> folded("Straße", 0, 6) is None
    True
    """
    low = text[start:end].casefold().replace("’", "'")
    return low if len(low) == end - start else None


def resolve(lang: str | Pack) -> Pack:
    """The pack for ``lang`` (a code or a pack)."""
    return langs.load(lang) if isinstance(lang, str) else lang


def per_pack(table: str) -> Callable[[Callable[[Pack], T]], Callable[[str | Pack], T]]:
    """Cache what ``build(pack)`` compiles, keyed by the content of the pack's ``table``.

    Packs merged with a desk's config are new objects each time; keying on content
    compiles once per distinct table, not once per call.
    """

    def wrap(build: Callable[[Pack], T]) -> Callable[[str | Pack], T]:
        cache: dict[tuple[str, str], T] = {}
        last: list[tuple[Pack, T]] = []  # the last pack seen: the fast path

        def get(lang: str | Pack) -> T:
            pack = resolve(lang)
            if last and last[0][0] is pack:
                return last[0][1]
            key = (pack.code, json.dumps(pack.get(table, None), sort_keys=True, default=str))
            found = cache.get(key)
            if found is None:
                found = cache[key] = build(pack)
            last[:] = [(pack, found)]
            return found

        get.__doc__ = build.__doc__
        return get

    return wrap


def word_set(pack: Pack, key: str) -> frozenset[str]:
    """The words at ``key``, folded (apostrophes straightened)."""
    return frozenset(w.casefold().replace("’", "'") for w in pack.words(key))


def phrases(pack: Pack, key: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases at ``key`` as token tuples, longest first."""
    out = {tuple(tokens(p).lows) for p in pack.words(key)}
    return tuple(sorted(out, key=len, reverse=True))


def positive_int(pack: Pack, key: str) -> int:
    value: Any = pack.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise pack.error(key, "expected a positive integer")
    return value


@dataclass(frozen=True, slots=True)
class Grammar:
    of: frozenset[str]
    articles: frozenset[str]
    copulas: tuple[tuple[str, ...], ...]
    fillers: frozenset[str]
    elliptic_before: frozenset[str]
    elliptic_after: frozenset[str]
    prenominal: frozenset[str]
    conj: frozenset[str]
    function: frozenset[str]
    adjectives: frozenset[str]
    adjective_endings: tuple[str, ...]
    verb_endings: tuple[str, ...]
    max_adjectives: int
    max_words: int
    head_last: bool

    def is_verb(self, word: str) -> bool:
        return word.endswith(self.verb_endings)

    def can_head(self, toks: Tokens, i: int, lowercase: bool = False) -> bool:
        """``toks[i]`` is a word that may be the counted noun."""
        w, text = toks.lows[i], toks.texts[i]
        return (text[0].isalpha() and len(w) > 1 and w not in self.function and not self.is_verb(w)
                and not w[0].isdigit() and (text.islower() or not lowercase))

    def is_adjective(self, toks: Tokens, i: int) -> bool:
        w, text = toks.lows[i], toks.texts[i]
        return (text[0].isalpha() and text.islower() and w not in self.function
                and (w in self.adjectives or (w.endswith(self.adjective_endings) and not self.is_verb(w))))


@per_pack("nouns")
def grammar(pack: Pack) -> Grammar:
    """The ``[nouns]`` words of ``pack``, checked and compiled once."""
    return Grammar(
        of=word_set(pack, "nouns.of"),
        articles=word_set(pack, "nouns.articles"),
        copulas=phrases(pack, "nouns.copulas"),
        fillers=word_set(pack, "nouns.copula_fillers"),
        elliptic_before=word_set(pack, "nouns.elliptic_before"),
        elliptic_after=word_set(pack, "nouns.elliptic_after"),
        prenominal=word_set(pack, "nouns.prenominal"),
        conj=word_set(pack, "nouns.and"),
        function=word_set(pack, "nouns.function_words"),
        adjectives=word_set(pack, "nouns.adjectives"),
        adjective_endings=tuple(word_set(pack, "nouns.adjective_endings")),
        verb_endings=tuple(word_set(pack, "nouns.verb_endings")),
        max_adjectives=positive_int(pack, "nouns.max_adjectives"),
        max_words=positive_int(pack, "nouns.max_words"),
        head_last=_head_position(pack) == "last",
    )


def _head_position(pack: Pack) -> str:
    value = pack.get("nouns.head", "first")
    if value not in ("first", "last"):
        raise pack.error("nouns.head", "expected \"first\" or \"last\"")
    return str(value)


@direct_init
@dataclass(frozen=True, slots=True)
class NounPhrase:
    """The counted noun as written; ``span`` is where it stands (None when reused)."""

    text: str
    head: str
    span: Span | None

    @property
    def adjacent(self) -> bool:
        return self.span is not None


def counted(sentence: str, figure: Span, *, lang: str | Pack = "it", unit_bearing: bool = False,
            antecedent: NounPhrase | None = None, toks: Tokens | None = None) -> NounPhrase | None:
    """The noun phrase that the figure at ``figure`` (a span of ``sentence``) counts.

    ``unit_bearing`` is True for figures that carry a unit (money, measures, percent,
    durations): they count only what follows "di". ``antecedent`` is the noun of the
    previous figure of the sentence, reused by elliptic figures. The phrase is looked for
    among the words of the sentence, however far (a few words at most). ``toks`` are the
    :func:`tokens` of the sentence when the caller has them; then ``sentence`` may be the
    whole text and ``figure`` a span of it: the phrase never reaches past those tokens.

    >>> counted("Migliaia di operai militari e sminatori nella regione.", Span(0, 8)).text
    'operai militari e sminatori'
    >>> counted("L'80% degli elettori", Span(2, 5), unit_bearing=True).text
    'elettori'
    >>> counted("1,5 milioni di euro per Kiev", Span(0, 19), unit_bearing=True) is None
    True
    """
    g = grammar(lang)
    toks = tokens(sentence) if toks is None else toks
    right = _right_of(sentence, figure.end, g.max_words + 4, toks)
    first = right.lows[0] if right else ""
    if unit_bearing:
        return _phrase(sentence, right, 1, g, lowercase=True) if first in g.of else None
    if first in g.of or first in g.articles:
        found = _phrase(sentence, right, 1, g)
    elif first in g.elliptic_after:
        found = None
    else:
        found = _phrase(sentence, right, 0, g)
    if found is None and first not in g.elliptic_after:
        found = _before_copula(sentence, _left_of(sentence, figure.start, g.max_words + 8, toks), g)
    if found is None and antecedent is not None:
        return NounPhrase(antecedent.head, antecedent.head, None)
    return found


def _phrase(text: str, toks: Tokens, i: int, g: Grammar, lowercase: bool = False) -> NounPhrase | None:
    """Head noun + adjectives (+ "e" + head + adjectives) starting at ``toks[i]``."""
    n = min(len(toks), i + g.max_words)
    lows = toks.lows
    j = i
    while j < n - 1 and j - i < 2 and lows[j] in g.prenominal and g.can_head(toks, j + 1):
        j += 1
    if j >= n or not g.can_head(toks, j, lowercase):
        return None
    head = j
    end = _adjectives(toks, j + 1, n, g)
    if end + 1 < n and lows[end] in g.conj and g.can_head(toks, end + 1, lowercase=True):
        end = _adjectives(toks, end + 2, n, g)
    span = toks.span(i, end)
    if g.head_last:
        head = end - 1
    return NounPhrase(surface(span.of(text)), toks.texts[head], span)


def _adjectives(toks: Tokens, j: int, n: int, g: Grammar) -> int:
    """The index after the adjectives that start at ``toks[j]`` (and end by ``n``).

    With the head last ("military construction workers"), the modifiers and the head are
    one run of noun-like words.
    """
    stop = min(n, j + g.max_adjectives)
    while j < stop and (g.is_adjective(toks, j) or (g.head_last and g.can_head(toks, j, lowercase=True))):
        j += 1
    return j


def _right_of(text: str, pos: int, limit: int, toks: Tokens) -> Tokens:
    """The first ``limit`` tokens from ``pos`` on (a token cut by ``pos``, its tail)."""
    k = toks.index(pos)
    if k and toks.ends[k - 1] > pos:
        head = tokens(text, pos, min(toks.ends[k - 1], pos + WINDOW), limit=limit)
        return (head + toks[k:k + limit])[:limit]
    return toks[k:k + limit]


def _left_of(text: str, pos: int, limit: int, toks: Tokens) -> Tokens:
    """The last ``limit`` tokens before ``pos`` (a token cut by ``pos``, its head)."""
    k = toks.index(pos)
    if k and toks.ends[k - 1] > pos:
        tail = tokens(text, max(toks.starts[k - 1], pos - WINDOW), pos)
        return (toks[max(0, k - limit):k - 1] + tail)[-limit:]
    return toks[max(0, k - limit):k]


def _before_copula(text: str, left: Tokens, g: Grammar) -> NounPhrase | None:
    """The subject of "i feriti sono 2.700", "erano almeno in 250", given the tokens
    before the figure."""
    lows = left.lows
    k = len(lows)
    while k > 0 and len(lows) - k < 2 and lows[k - 1] in g.fillers:
        k -= 1
    last = lows[k - 1] if k else ""
    for cop in g.copulas:
        if cop[-1] == last and tuple(lows[max(0, k - len(cop)):k]) == cop:
            return _subject(text, left, k - len(cop), g)
    return None


def _subject(text: str, left: Tokens, end: int, g: Grammar) -> NounPhrase | None:
    """The noun phrase that ends at ``left[end]``, after an article or at the start."""
    for _ in range(3):  # skip up to two complements: "i soldati nordcoreani in Russia sono"
        start = end
        while start > 0 and end - start <= g.max_adjectives and (
            g.is_adjective(left, start - 1) or g.can_head(left, start - 1)
        ):
            start -= 1
        before = left.lows[start - 1] if start else ""
        if start < end and (start == 0 or before in g.articles):
            if g.can_head(left, start) and all(g.is_adjective(left, k) for k in range(start + 1, end)):
                span = left.span(start, end)
                return NounPhrase(surface(span.of(text)), left.texts[start], span)
        if start == end or before in g.articles or before not in g.function or start < 2:
            return None
        end = start - 1
    return None
