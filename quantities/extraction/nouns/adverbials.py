"""A time adverbial between a verb and its figure: "il debito è salito nel 2023 al 137,3%",
"l'inflazione si è attestata a dicembre all'11,6%", "i turisti sono stati l'anno scorso 4
milioni", "the debt rose in 2023 to 137.3%". It dates the figure and names nothing: the noun
before the figure is read as if it were not there (the subject of the verb, not "attestata a
dicembre"). It is a time preposition (``[nouns] time_prepositions``) and a year in digits or a
month (``[numbers.dates] months``), or a phrase of ``[nouns] time_adverbs`` ("l'anno scorso",
"ieri", "last year"); it ends right before the figure or before the figure's link words
("a", "al", "to"), and never opens the sentence ("Nel 2023 137 morti" has no verb to reach)."""

from __future__ import annotations

import functools

from quantities.extraction.nouns.grammar import Grammar
from quantities.text.tokens import Tokens

#: The link words looked past between the adverbial and the figure: "nel 2023 al", "nel 2023 a poco".
LINKS = 2


@functools.cache
def _links(g: Grammar) -> frozenset[str]:
    return g.fillers | g.at_before | g.of_before | g.prepositions


def untimed(left: Tokens, g: Grammar) -> Tokens:
    """``left`` (the tokens before a figure) without the time adverbial that ends right before
    the figure or before its link words."""
    links = _links(g)
    end = len(left.lows)
    for _ in range(LINKS + 1):
        start = _adverbial(left.lows, end, g)
        if 0 < start < end:
            return left[:start] + left[end:]
        if end == 0 or left.lows[end - 1] not in links:
            return left
        end -= 1
    return left


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


def _year(word: str) -> bool:
    """A year in digits, as a sentence of news dates: 1900 to 2099."""
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")
