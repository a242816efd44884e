"""A range whose first end is the word for one, which reads no number by itself (the
singletons: "uno sciopero", "one of which"): "one to two hours", "uno o due feriti", "una o due
ore" are ranges from 1, starting at that word, not a bare "two hours" after a lost "one to".

>>> from quantities.extraction.numbers.reader import find
>>> [(q.text, q.low, q.high) for q in find("code di una o due ore", "it")]
[('una o due ore', Decimal('1'), Decimal('2'))]
"""

from __future__ import annotations

from decimal import Decimal

from quantities.extraction.numbers.around import prev_tokens
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.reading import Reading

#: The highest second end of a range from one ("one to ten").
MOST = 10


def one_opens(text: str, r: Reading, g: Grammar) -> None:
    """Widen ``r`` to the range from one when the word for one and a range's joiner ("or", "to", "o")
    stand right before it, spaced, and its value is above one and no more than :data:`MOST` (not "one to two
    million": the scale word is the pair's)."""
    if r.value is None or r.low != r.high or not 1 < r.value <= MOST:
        return
    prev = prev_tokens(text, r.start, 2)
    if len(prev) < 2 or prev[-1][1] not in g.ranges.or_ or prev[-2][1] not in g.words.singletons:
        return
    r.low, r.high, r.value, r.start = Decimal(1), r.value, None, prev[-2][0]
