"""Where the master pattern may match: cheap :mod:`re` prefilters on lower-cased text.

Running the master pattern of :mod:`quantities.extraction.numbers.patterns` at every
position would cost most of the reading time; these patterns find the few positions where
it can match (a digit, a "+" before one, a word start that begins like a number word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import regex

from quantities.extraction.numbers.records import Anchors, NumberWords, Ordinals
from quantities.text import tries

PREFIX = 5  # letters of a word that the prefilter checks


def starts(w: NumberWords, o: Ordinals, shares: Iterable[str], ages: Iterable[str]) -> tuple[Any, Any, Any]:
    """The prefilters of ``master`` on lower-cased text, read by :class:`Starts`: they
    find every position where ``master`` can match, and few others — a digit, a "+"
    before one, or a word start that begins like a vague, approximate, number or ordinal
    word, or a "one" word (un, a) before blanks or an apostrophe and a number word.

    A word start is found by the character before it, one that is no ASCII letter (the
    master's ``\\b`` needs no word character there): the first pattern takes the words
    after a space, a literal, so re skips to the next space in C; the second the digits
    and the words after any other character, so it stops at marks, digits and other
    blanks only; the third a word at the start of the text. They use the standard
    :mod:`re` module, which scans such patterns several times faster than :mod:`regex`,
    and need no timeout: literal letters in a trie, with fixed-width look-arounds and
    one bounded run of blanks, so each position costs at most about ``2 × PREFIX`` + 6 steps.
    """
    stems = {m[:-1] for m in w.morphemes if len(m) > 2} | set(w.morphemes)
    words = (set(w.vague) | set(w.approx_words) | set(w.morphemes) | set(w.elided)
             | set(o.words) | set(shares) | {t + s for t in stems for s in (*o.suffixes, *ages)})
    heads = _heads(words)
    follow = _heads(set(w.approx_words) | set(w.morphemes) | set(w.elided))
    if "" in heads | follow or any(not _head(x, len(x)) for x in w.one) or any(
            not regex.match(r"\w", x) for x in heads | set(w.one)):
        # a word that starts with a space, or with a mark that may follow a letter
        return re.compile(r"(?!)"), re.compile(r"(?s:.)"), re.compile(r"(?!)")  # every position
    then = "|".join(_retrie(dict.fromkeys(follow, "")))
    leaves = dict.fromkeys(heads, "")
    blanks: dict[str, int] = {}  # a single "one" word: its apostrophes, then up to 3 blanks
    for x in w.one:
        core = x.rstrip("'’")
        if _head(core, len(core)) == core:
            blanks[core] = max(blanks.get(core, 0), len(x) - len(core) + 3)
        else:
            leaves.setdefault(_head(x, len(x)), "(?![a-z0-9])")
    for core, n in blanks.items():
        leaves.setdefault(core, rf"[\s'’]{{1,{n}}}(?:{then})")
    words_rx = "|".join(_retrie(leaves))
    return (re.compile(rf" (?=(?:{words_rx}))"),
            re.compile(rf"[^a-z_ ](?:(?<=[0-9])|(?<=\+)(?=[0-9])|(?=({words_rx})))"),
            re.compile(words_rx))


class Starts:
    """The places where ``a.master`` may match in ``low`` (lower-cased text), read in
    order (see :func:`starts`); each prefilter is searched again only once the place
    asked for has passed its last find.

    >>> from quantities.lang import load
    >>> from quantities.extraction.numbers.grammar import grammar
    >>> a, low = grammar(load("it")).anchors, "altre trecento, circa 5 e un'ottantina, un anno"
    >>> places = Starts(a, low)
    >>> [places.next(p) for p in (0, 7, 23, 27, 30)]
    [6, 22, 26, 29, -1]
    >>> Starts(a, "tre").next(0), Starts(a, "+39 06").next(1), Starts(a, "(+tre").next(2)
    (0, 1, 2)
    """

    def __init__(self, a: Anchors, low: str) -> None:
        self.a, self.low, self.none = a, low, len(low) + 1
        # the last find of each prefilter (none: no more); a word at 0 counts as "spaced"
        self.spaced = 0 if a.word_at.match(low) is not None else -1
        self.other = -1

    def next(self, pos: int) -> int:
        """The first place at or after ``pos`` (never less than the last one asked), or -1."""
        if self.spaced < pos:  # a word at ``pos`` shows at pos - 1
            c = self.a.spaced.search(self.low, pos - 1 if pos else 0)
            self.spaced = self.none if c is None else c.end()
        if self.other < pos:
            self.other = self._other(pos)
        at = self.spaced if self.spaced < self.other else self.other
        return at if at < self.none else -1

    def _other(self, pos: int) -> int:
        others, low = self.a.others, self.low
        # a word at ``pos`` shows at pos - 1, unless a digit stands there (the number just read)
        c = others.search(low, pos - 1 if pos and not "0" <= low[pos - 1] <= "9" else pos)
        if c is not None and not c.lastindex and c.start() < pos:
            c = others.search(low, pos)  # a "+" at pos - 1, before a digit: too early
        return self.none if c is None else c.end() if c.lastindex else c.start()


def _heads(words: set[str]) -> set[str]:
    """The first ``PREFIX`` letters of ``words``, without those that extend another."""
    heads = {_head(w, PREFIX) for w in words}
    return {h for h in heads if not any(o != h and h.startswith(o) for o in heads)}


def _head(word: str, n: int) -> str:
    """The first ``n`` letters of ``word``, up to its first space or apostrophe."""
    return regex.split(r"[\s'’]", word, maxsplit=1)[0][:n]


def _retrie(leaves: dict[str, str]) -> list[str]:
    """A :mod:`re` trie of literal words, one alternative per first letter; each word is
    followed by its look-ahead."""
    root = tries.build(leaves)

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:
            alts.append(leaves[node[""]])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return [re.escape(ch) + emit(root[ch]) for ch in sorted(root)]
