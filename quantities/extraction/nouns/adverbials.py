"""A time adverbial between a verb and its figure: "il debito è salito nel 2023 al 137,3%",
"l'inflazione si è attestata a dicembre all'11,6%", "i turisti sono stati l'anno scorso 4
milioni", "the debt rose in 2023 to 137.3%". It dates the figure and names nothing: the noun
before the figure is read as if it were not there (the subject of the verb, not "attestata a
dicembre"). It is a time preposition (``[nouns] time_prepositions``) and a year in digits or a
month (``[numbers.dates] months``), or a phrase of ``[nouns] time_adverbs`` ("l'anno scorso",
"ieri", "last year"), with a place beside it ("a febbraio in Italia"); it ends right before the
figure or before the figure's link words ("a", "al", "to"), and never opens the sentence ("Nel
2023 137 morti" has no verb to reach)."""

from __future__ import annotations

import functools

from quantities.extraction.nouns.grammar import Grammar
from quantities.text.tokens import Tokens

#: The link words looked past between the adverbial and the figure: "nel 2023 al", "nel 2023 a poco".
LINKS = 2


@functools.cache
def _links(g: Grammar) -> frozenset[str]:
    return g.fillers | g.at_before | g.of_before | g.prepositions


#: The last tokens :func:`untimed` read, its grammar and what it made: the noun reader asks twice
#: for the same tokens (a figure's words before it), first for a unit's noun, then for any noun.
_last: tuple[Tokens | None, Grammar | None, Tokens | None] = (None, None, None)


def untimed(left: Tokens, g: Grammar) -> Tokens:
    """``left`` (the tokens before a figure) without the adverbials of time (and of place with
    them: "a febbraio in Italia", "last month in Germany") that end right before the figure or
    before its link words."""
    global _last
    if _last[0] is left and _last[1] is g:
        return _last[2]  # type: ignore[return-value]  # what it made from ``left``
    made = _untimed(left, g)
    _last = (left, g, made)
    return made


def _untimed(left: Tokens, g: Grammar) -> Tokens:
    links = _links(g)
    end = len(left.lows)
    for _ in range(LINKS + 1):
        start = _adverbials(left, end, g)
        if 0 < start < end:
            spliced = left[:start] + left[end:]
            return spliced if _copula_ends(spliced.lows, len(spliced.lows) - start, g) else left
        if end == 0 or left.lows[end - 1] not in links:
            return left
        end -= 1
    return left


def _copula_ends(lows: list[str], links: int, g: Grammar) -> bool:
    """Whether a copula ends ``lows`` or before its last ``links`` words: the verb whose subject
    the noun is ("è salito | nel 2023 | al", "rose | in 2023 | to"); a participle alone is no verb
    the noun reader can use ("sono calate | a marzo | del 3,7%" stays as it was: review35)."""
    return any(tuple(lows[max(0, k - len(c)):k]) == c
               for k in range(len(lows) - links, len(lows) + 1) if k > 0 for c in g.copulas.get(lows[k - 1], ()))


#: The most adverbials looked past in a row ("a febbraio in Italia").
ADVERBIALS = 2
#: The most words of a place's name looked past.
PLACE_WORDS = 3


def _adverbials(left: Tokens, end: int, g: Grammar) -> int:
    """Where the run of adverbials that ends at ``left[end - 1]`` starts (one of time at least),
    else ``end``."""
    start, timed = end, False
    for _ in range(ADVERBIALS):
        if (at := _adverbial(left.lows, start, g)) < start:
            start, timed = at, True
        elif (at := _placed(left, start, g)) < start:
            start = at
        else:
            break
    return start if timed else end


def _adverbial(lows: list[str], end: int, g: Grammar) -> int:
    """Where a time adverbial that ends at ``lows[end - 1]`` starts, else ``end``."""
    for phrase in g.time_adverbs.get(lows[end - 1], ()) if end else ():
        if tuple(lows[max(0, end - len(phrase)):end]) == phrase:
            return end - len(phrase)
    k = end
    if k and _year(lows[k - 1]):
        k -= 1
    if k and lows[k - 1] in g.months:
        k -= 1
    return k - 1 if k < end and k and lows[k - 1] in g.time_prepositions else end


def _placed(left: Tokens, end: int, g: Grammar) -> int:
    """Where a place adverbial that ends at ``left[end - 1]`` starts ("in Italia", "in
    Germany": a time preposition and capitalised words), else ``end``."""
    k = end
    while k > 0 and end - k < PLACE_WORDS and left.texts[k - 1][:1].isupper():
        k -= 1
    return k - 1 if k < end and k and left.lows[k - 1] in g.time_prepositions else end


def _year(word: str) -> bool:
    """A year in digits, as a sentence of news dates: 1900 to 2099."""
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")
