"""A fraction written as one character right after digits: "2½ ore", "a 1¾-mile walk".
The reader reads it as the decimals it stands for ("2,5" in a pack whose decimal mark is a
comma), its span still an exact slice of the text. A fraction character alone ("⅓ degli
abitanti") is left as it is: no figure.

>>> from quantities.extraction.numbers.reader import find
>>> [(q.text, str(q.value), q.unit) for q in find("Ha aspettato 2½ ore, poi 1¼.")]
[('2½ ore', '2.5', 'hour'), ('1¼', '1.25', None)]
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from quantities.types import Quantity, Span

#: The vulgar fraction characters: Latin-1's ¼ ½ ¾, the Number Forms block's ⅐ … ⅞.
FRACTIONS = "\u00bc\u00bd\u00be" + "".join(map(chr, range(0x2150, 0x215F)))
#: One of them right after a digit and before no other digit, looked for only in a text that holds
#: one (a search for each character, in C, is several times cheaper than a pattern's scan). One
#: class of literal characters: the standard :mod:`re`. The class opens the pattern, the digit is
#: looked for behind it: then the engine skips to each fraction character in C (a lookbehind first
#: is tried at every character: twice the time).
GLUED = re.compile(f"[{FRACTIONS}](?<=[0-9].)(?![0-9])")
#: The decimal places a fraction is written to: ⅓ is 0,333333 (so that "1⅓ milioni" is 1.333.333).
PLACES = 6


def decimals(fraction: str) -> str:
    """The decimal digits ``fraction`` stands for, as many as it needs up to :data:`PLACES`.

    >>> decimals("½"), decimals("⅓"), decimals("⅛")
    ('5', '333333', '125')
    """
    value = Decimal(str(unicodedata.numeric(fraction))).quantize(Decimal(1).scaleb(-PLACES))
    return str(value).split(".")[1].rstrip("0") or "0"


def through(text: str, mark: str, find: Callable[[str], list[Quantity]]) -> list[Quantity] | None:
    """``find`` run on ``text`` with each fraction after digits written as ``mark`` and its
    decimals, each quantity's span put back on ``text``; None when ``text`` holds none."""
    if not any(c in text for c in FRACTIONS):
        return None
    glued = [m.start() for m in GLUED.finditer(text)]
    if not glued:
        return None
    parts, at, before = [], [], []  # the new text; each fraction's decimals in it; how much longer it was there
    last = extra = 0
    for i in glued:
        written = mark + decimals(text[i])
        parts += [text[last:i], written]
        at.append((i + extra, i + extra + len(written)))
        before.append(extra)
        extra += len(written) - 1
        last = i + 1
    parts.append(text[last:])

    def back(pos: int) -> int:  # a character of the new text: where it is in ``text``
        k = bisect_right(at, (pos, len(text) + extra)) - 1  # the last fraction starting at or before it
        if k < 0:
            return pos
        start, end = at[k]
        return start - before[k] if pos < end else pos - before[k] - (end - start - 1)

    out = []
    for q in find("".join(parts)):
        start, end = back(q.span.start), back(q.span.end - 1) + 1
        out.append(replace(q, span=Span(start, end), text=text[start:end]))
    return out
