"""Regex pieces written from lists of phrases: the one alternation builder, the end of a cue,
and the table of the words that may follow a phrase's first word.

Every piece is linear (literal words, ``\\s+`` between them, character classes): no nested
quantifier, no possessive quantifier, no atomic group, so both ``re`` and ``regex`` run it.

>>> alternation(["a", "b c", "l'x"], empty=NEVER)
"b\\\\s+c|l['’]x|a"
>>> alternation([], empty=NEVER)
'(?!)'
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from quantities.cache import compiled
from quantities.text.fold import low

#: A pattern that never matches: what an empty list of phrases means where a caller needs a
#: pattern that matches nothing (an empty alternation would match everywhere).
NEVER = "(?!)"
#: The end of a cue: after an apostrophe ("all'") or before a non-word character.
EDGE = r"(?:(?<=['’])|(?!\w))"

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
