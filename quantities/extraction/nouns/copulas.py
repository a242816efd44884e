"""Copulas: the verb that links a figure to the noun before it ("i feriti sono 2.700", "the toll stood
at 43"), read by :mod:`.left`; and a change's verb past its amount ("i ricavi sono cresciuti del 17% a
6 miliardi": the 6 miliardi are the revenue's)."""

from __future__ import annotations

from quantities.extraction.nouns.grammar import Grammar
from quantities.text.tokens import Tokens

#: How many tokens the change before a figure's "a"/"to" may take ("del 17,5 per cento").
CHANGE_WORDS = 4


def past_change(left: Tokens, k: int, g: Grammar) -> int:
    """Where a copula ends when ``left[:k]`` ends with the change it states and the word that leads
    to the new level ("i ricavi sono cresciuti del 17% a", "Heart transplants jumped 46.2% to"): the
    figure after it is the level its subject reached. Else ``k``."""
    if k < 3 or left.lows[k - 1] not in g.change_to:
        return k
    first = next((i for i in range(k - 2, max(0, k - 2 - CHANGE_WORDS), -1) if left.texts[i][:1].isdigit()), 0)
    if not first or not all(_figure_word(left, i, g) for i in range(first, k - 1)):
        return k
    first -= left.lows[first - 1] in g.change_by  # "del 17%", "rose by 5%": the verb alone is the level's
    return first if copula(left, first, g) else k


def copula(left: Tokens, k: int, g: Grammar) -> int:
    """The length of the copula that ends at ``left[k - 1]``, or 0."""
    lows = left.lows
    for cop in g.copulas.get(lows[k - 1], ()) if k > 0 else ():
        if tuple(lows[max(0, k - len(cop)):k]) == cop:
            return len(cop)
    return 0


def _figure_word(left: Tokens, i: int, g: Grammar) -> bool:
    """``left[i]`` may be part of a figure: digits, a sign or a mark, a unit or currency word."""
    return left.texts[i][:1].isdigit() or not left.texts[i][:1].isalnum() or left.lows[i] in g.currencies
