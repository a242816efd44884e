"""The noun a verb names for the figure that is its object, when nothing else names it: "il
Comune ha speso circa 3 milioni di euro" -> "spesa", "ha incassato 313,9 milioni" ->
"incasso", "the city took in 2.4 million euros" -> "revenue".

The verbs are the pack's ``[nouns.verb_nouns.<kind>]`` tables (verb phrase -> noun), by kind of
figure: "ha incassato tre gol" counts goals (a noun after the figure comes first), and "ha speso
due ore" is no sum. The verb stands right before the figure, past at most two of the copula
fillers ("ha incassato circa 40mila euro").

>>> from quantities.text.tokens import tokens
>>> from quantities.extraction.nouns.grammar import grammar
>>> verb_noun(tokens("Il Comune ha speso circa"), "money", grammar("it"))
'spesa'
>>> verb_noun(tokens("Il Comune ha speso circa"), "duration", grammar("it")) is None
True
"""

from __future__ import annotations

from quantities.extraction.nouns.grammar import Grammar
from quantities.text.tokens import Tokens


def verb_noun(left: Tokens, kind: str, g: Grammar) -> str | None:
    """The noun that the verb ending ``left`` (the words before a figure of ``kind``) names."""
    verbs, lows = g.verb_nouns.get(kind, {}), left.lows
    k = len(lows)
    while verbs and k > 0 and len(lows) - k < 2 and lows[k - 1] in g.fillers:
        k -= 1
    longest = max(map(len, verbs), default=0)
    return next((noun for n in range(min(k, longest), 0, -1) if (noun := verbs.get(tuple(lows[k - n:k]))) is not None),
                None)
