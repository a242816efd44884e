"""Context words: what a claim's sentence says besides the figure, folded with the lexicon.

Used where the lexicon cannot tell whether two nouns count the same thing (the
wording rule): two sentences that share enough content words speak of the same fact.

>>> from quantities.types import Quantity, Span
>>> from decimal import Decimal as D
>>> q = Quantity(Span(0, 5), "5.000", D(5000), D(5000), D(5000))
>>> c = Claim("d", Span(0, 5), "5.000 soldati", q, "soldati", "soldato", None, "reported",
...           Span(0, 40), context="Il Nord ha inviato 5.000 soldati a Kursk")
>>> sorted(context_of(c, Lexicon.load("it")))
['invi', 'kursk', 'nord']
"""

from __future__ import annotations

from quantities.lang.lexicon import Lexicon
from quantities.types import Claim


def context_of(claim: Claim, lexicon: Lexicon) -> frozenset[str]:
    """The folded content words of a claim's sentence, minus its own words and its source."""
    words = set(lexicon.content(claim.context))
    words.difference_update(lexicon.content(claim.text))
    if claim.noun:
        words.difference_update(lexicon.content(claim.noun))
    if claim.attribution is not None:
        words.difference_update(lexicon.content(claim.attribution.source))
    return frozenset(words)
