"""The words of a sentence: one tokenizer that attribution, modality and the counted noun share.

A sentence with figures is cut once into :class:`Tokens` (parallel lists of texts, offsets
and casefolded forms) and every later step walks the same lists by index.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from itertools import accumulate, chain, islice

import regex

from quantities.cache import compiled, remembered
from quantities.text.fold import low
from quantities.types import Span

#: Words, numbers (with their separators), elided words ("l'", "dell'") and single marks;
#: emphasis marks left in plain text ("**5.000** operai") are not tokens. No possessive
#: quantifiers: :data:`_SPLIT` runs it in the standard ``re``, which read them wrongly
#: before Python 3.11.5 (gh-106052: "Kcna," was one token). An acronym's first letter is outside
#: its repeat: ``re`` then tries the branch only at a capital (~10 % of the split's time).
TOKEN = compiled(r"[A-Z]\.(?:[A-Z]\.)+|\w+(?:-\w+)*(?:[.,]\d+)*['’]?|[^\w\s*_]")
#: Emphasis marks, dropped from the surface of a phrase.
EMPHASIS = compiled(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")


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

#: Tokens that open a quotation: a figure quoted after its verb ("costa «quasi 11 miliardi»").
OPEN_QUOTES = frozenset('«“"‘')


class Tokens:
    """The tokens of a piece of text as parallel lists: ``texts[i]`` as written, its offsets
    ``starts[i]``/``ends[i]`` in the text, ``lows[i]`` casefolded with straight apostrophes.

    A sentence's tokens are read by index; one object per token cost about 6 % of the
    whole extraction. Slicing gives the tokens of a window (``toks[3:8]``).
    """

    __slots__ = ("ends", "lows", "starts", "texts")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int], lows: list[str]) -> None:
        self.texts, self.starts, self.ends, self.lows = texts, starts, ends, lows

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, window: slice) -> Tokens:
        if not isinstance(window, slice):
            raise TypeError(f"Tokens are sliced, not indexed: read texts[i], starts[i], ends[i] or lows[i] "
                            f"({window!r})")
        return Tokens(self.texts[window], self.starts[window], self.ends[window], self.lows[window])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return (self.texts, self.starts, self.ends, self.lows) == (other.texts, other.starts, other.ends, other.lows)

    __hash__ = None  # type: ignore[assignment]  # equal by value, so not hashable (as list)

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
                      [low(m[0]) for m in found])
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
    or ``\\d`` (or one beyond the Latin, Greek, Cyrillic and punctuation blocks checked).
    The class is kept across runs (:mod:`quantities.cache`): it takes 10,000 matches to find."""
    return re.compile(remembered("tokens.odd", "", _odd_class))


def _odd_class() -> str:
    same = [c for c in map(chr, chain(range(0x0600), range(0x2000, 0x20D0)))
            if all(bool(re.match(p, c)) == bool(regex.match(p, c)) for p in (r"\w", r"\s", r"\d"))]
    runs: list[list[int]] = []
    for c in map(ord, same):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in runs) + "]"


#: The folded sentences of the last text :func:`folded` read (one document's, no more).
_folds: tuple[str, dict[tuple[int, int], str | None]] = ("", {})


def folded(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` casefolded with straight apostrophes, or None when folding
    would move a character (a letter that folds to two, like "ß"). A sentence's is asked
    by its attribution cues and again by its modality, a batch of sentences apart (see
    ``extraction.claims.BATCH``): the last text's are kept.

    >>> folded("Dell’Ansa", 0, 9)
    "dell'ansa"
    >>> folded("Straße", 0, 6) is None
    True
    """
    global _folds
    last = _folds
    if last[0] is not text:
        last = _folds = (text, {})
    key = (start, end)
    if key not in last[1]:
        folded_ = low(text[start:end])
        last[1][key] = folded_ if len(folded_) == end - start else None
    return last[1][key]
