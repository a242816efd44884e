"""Characters that show nothing inside a number: a soft hyphen, a zero-width space or
(non-)joiner, a word joiner, a byte order mark, a left-to-right or right-to-left mark.
Text pasted from a web page or a word processor carries them ("15\u00ad.000"); the reader
reads the number through them, its span still an exact slice of the text.

>>> from quantities.extraction.numbers.reader import find
>>> [(q.text, str(q.value)) for q in find("Secondo la Kcna, 15\u00ad.000 soldati e 2\u200b500 feriti")]
[('15\xad.000', '15000'), ('2\u200b500', '2500')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from quantities.types import Quantity, Span

#: Soft hyphen, zero-width space, non-joiner and joiner, left-to-right and right-to-left
#: marks, word joiner and the invisible operators, byte order mark (zero-width no-break space).
INVISIBLES = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
#: The same as a class of the standard :mod:`re`, run only on a text that holds one of them: a
#: search for each character, in C, is several times cheaper than a pattern's scan (news: ~1
#: against ~6 ms a MB), and most texts hold none.
INVISIBLE = re.compile(f"[{INVISIBLES}]")


def through(text: str, find: Callable[[str], list[Quantity]]) -> list[Quantity] | None:
    """``find`` run on ``text`` without its invisible characters, each quantity's span put
    back on ``text``; None when ``text`` holds none (the usual case: nothing to do)."""
    if not any(c in text for c in INVISIBLES):
        return None
    gone = [m.start() for m in INVISIBLE.finditer(text)]
    at = [g - k for k, g in enumerate(gone)]  # where each one was, in the text without them

    def back(i: int) -> int:  # an offset of the text without them, in ``text``
        return i + bisect_right(at, i)

    out = []
    for q in find(INVISIBLE.sub("", text)):
        start, end = back(q.span.start), back(q.span.end - 1) + 1
        out.append(replace(q, span=Span(start, end), text=text[start:end]))
    return out
