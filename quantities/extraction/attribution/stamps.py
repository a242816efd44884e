"""A live blog's time stamp that opens a sentence ("Ore 17.50 – ", "**19 maggio, ore 12.05** – "),
and the verbless headers read after one ("Ore 17.50 – Nuovo bilancio della prefettura: …")."""

from __future__ import annotations

import re

import regex

from quantities.cache import compiled
from quantities.text.phrases import EDGE

#: The dashes that end a stamp, and the most characters before the dash of a header's stamp.
DASHES, STAMP_CHARS = "–—-", 40
#: A short time stamp that opens a live-blog entry.
STAMP = compiled(rf"(?:[^\n:{DASHES}]|(?<=\d):(?=\d)){{0,{STAMP_CHARS}}}[{DASHES}][ \t]{{1,3}}")
DASH = re.compile(f"[{DASHES}]")

Headers = tuple[regex.Pattern[str], regex.Pattern[str]]


def headers(phrases: str) -> Headers:
    """The header ``phrases`` at the start of a sentence, after a short time stamp ("Ore 17.50 –"),
    and the phrases alone (see :meth:`Grammar.header <quantities.extraction.attribution.grammar.Grammar.header>`)."""
    cue = rf"(?P<cue>{phrases or '(?!)'}){EDGE}"
    stamped = rf"(?:[^\n:]{{0,{STAMP_CHARS}}}?[{DASHES}][ \t]{{1,3}})?{cue}"
    return regex.compile(stamped, regex.IGNORECASE), regex.compile(cue, regex.IGNORECASE)
