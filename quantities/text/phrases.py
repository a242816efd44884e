"""Regex pieces written from lists of phrases: the one alternation builder, the end of a cue,
the table of the words that may follow a phrase's first word, and phrases by their last word.

Every piece is linear (literal words, ``\\s+`` between them, character classes): no nested
quantifier, no possessive quantifier, no atomic group, so both ``re`` and ``regex`` run it.

>>> alternation(["a", "b c", "l'x"], empty=NEVER)
"b\\\\s+c|l['’]x|a"
>>> alternation([], empty=NEVER)
'(?!)'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

import regex

from quantities.cache import compiled
from quantities.text import tries
from quantities.text.fold import low

#: A pattern that never matches: what an empty list of phrases means where a caller needs a
#: pattern that matches nothing (an empty alternation would match everywhere).
NEVER = "(?!)"
#: The end of a cue: after an apostrophe ("all'") or before a non-word character.
EDGE = r"(?:(?<=['’])|(?!\w))"

#: A phrase: a tuple of words, or a string of characters.
P = TypeVar("P", bound=Sequence[str])

_BLANKS = compiled(r"\s+")
_APOSTROPHE = compiled("['’]")


def alternation(phrases: Iterable[str], *, first: str | None = None, empty: str) -> str:
    """A regex alternation of ``phrases``: longest first (ties in code-point order, so the
    pattern is the same in every run), literal, each run of blanks matching ``\\s+`` and each
    apostrophe (straight or curly) matching either. Blanks around a phrase are dropped, and
    so is a phrase of blanks. With ``first``, only the phrases whose folded first character
    is ``first``. With no phrase left, ``empty``: the caller says whether that is ``""`` (to
    leave the group out) or :data:`NEVER`.

    >>> alternation(["per  cento", "%", "l’anno"], empty="")
    "per\\\\s+cento|l['’]anno|%"
    >>> alternation(["Dell'", "da", "e"], first="d", empty=NEVER), alternation(["e"], first="d", empty="")
    ("Dell['’]|da", '')
    """
    alts = sorted({p.strip() for p in phrases} - {""}, key=lambda p: (-len(p), p))
    if first is not None:
        alts = [p for p in alts if low(p)[:1] == first]
    return "|".join(map(_literal, alts)) or empty


def factored(phrases: Iterable[str], *, first: str | None = None, empty: str) -> str:
    """:func:`alternation` prefix-factored (:func:`quantities.text.tries.pattern`): the same
    matches for a case-blind pattern, without the engine trying a hundred phrases one by one
    at each place ("ultimo bilancio di", "ultimo bollettino di", … share "ultimo b"). Of the
    phrases that match at a place, one is a prefix of the next, so the longest-first order of
    the alternation is the trie's deepest-first. Falls back to :func:`alternation` when a
    letter's lower case is not its case-blind equal, or two letters are one another's.

    >>> factored(["Nuovo bilancio di", "nuovo bollettino di", "bilancio di"], empty=NEVER)
    '(?:bilancio\\\\s+di|nuovo\\\\s+b(?:ilancio\\\\s+di|ollettino\\\\s+di))'
    """
    alts = {p.strip() for p in phrases} - {""}
    if first is not None:
        alts = {p for p in alts if low(p)[:1] == first}
    if not alts:
        return empty
    if not _caseless(alts):
        return alternation(alts, empty=empty)
    return tries.pattern({_BLANKS.sub(" ", p).replace("’", "'").lower() for p in alts}, blank=r"\s+")


def _caseless(phrases: set[str]) -> bool:
    """Whether lower-casing ``phrases`` keeps what a case-blind pattern matches, and their
    lower-case letters are pairwise distinct to it (so each place follows one branch)."""
    letters = {c for p in phrases for c in p if not c.isspace() and c not in "'’"}
    if any(len(c.lower()) != 1 or not regex.fullmatch(regex.escape(c), c.lower(), regex.IGNORECASE) for c in letters):
        return False
    lowers = sorted({c.lower() for c in letters})
    return not any(regex.fullmatch(regex.escape(a), b, regex.IGNORECASE) for i, a in enumerate(lowers)
                   for b in lowers[i + 1:])


def _literal(phrase: str) -> str:
    words = (_APOSTROPHE.sub("['’]", regex.escape(w)) for w in _BLANKS.split(phrase))
    return r"\s+".join(words)


def seconds(pairs: Iterable[tuple[str, frozenset[str] | None]]) -> dict[str, frozenset[str] | None]:
    """The table of what may follow the first word of a phrase, from ``(first word, second
    words)`` pairs: the union of the second words of a first word, or None (any word: the
    first word is a phrase by itself) as soon as one pair says None or gives no second word.
    The steps try a phrase only where its first two words stand.

    >>> table = seconds([("ha", frozenset({"detto"})), ("ha", frozenset({"riferito"})), ("secondo", None)])
    >>> sorted(table["ha"]), table["secondo"]
    (['detto', 'riferito'], None)
    >>> seconds([("ha", frozenset({"detto"})), ("ha", frozenset())])
    {'ha': None}
    """
    out: dict[str, frozenset[str] | None] = {}
    for word, nxt in pairs:
        known = out.get(word, frozenset())
        out[word] = None if not nxt or known is None else known | nxt
    return out


def by_last(phrases: Iterable[P]) -> dict[str, tuple[P, ...]]:
    """Phrases (tuples of words) grouped by their last word, in their order: a step that reads
    backwards from a figure tries only the phrases that end on the word before it. Strings
    group by their last character ("us$" and "$" under "$").

    >>> by_last([("rispetto", "a"), ("contro",), ("fino", "a")])
    {'a': (('rispetto', 'a'), ('fino', 'a')), 'contro': (('contro',),)}
    >>> by_last(["us$", "$", "€"])
    {'$': ('us$', '$'), '€': ('€',)}
    """
    out: dict[str, list[P]] = {}
    for p in phrases:
        out.setdefault(p[-1], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def by_first(seqs: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases (longest first) grouped by their first word."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for seq in seqs:
        out[seq[0]] = (*out.get(seq[0], ()), seq)
    return out
