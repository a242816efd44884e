"""A time of a race or a run, in hours, minutes and seconds: "2h06'24\"", "1h02'37\"", "2h24:36",
"2:06:24", "15'24\"", and a gap in seconds alone after a word of ``[numbers.times] gap_before`` ("a
22\"", "ha perso 54\""; not "«Sono 22\"»", a quotation's close, nor "uno schermo da 15\""). It is one
duration in seconds, not a clock time nor three numbers ("2:06:24" read as "2:06" and a count of 24).
The marks are typography, the same in every language; a time "H:MM:SS" after a clock word ("alle
23:11:01", "at 10:15:30") or before a word of ``[numbers.times]
clock_after`` ("3:32:10 a.m.", "03:32:10 ora italiana"; not "2:24:35 amid light rain") is a time of day,
read whole (its length None).

>>> from quantities.extraction.numbers.grammar import grammar
>>> from quantities.lang import load
>>> race_time("in 2h06'24\\", nuovo primato", 3, grammar(load("it")))
(11, Decimal('7584'))
>>> race_time("alle 23:11:01 una scossa", 5, grammar(load("it")))
(13, None)
"""

from __future__ import annotations

import re
from decimal import Decimal

from quantities.extraction.numbers.around import phrase_before, prev_tokens
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.reading import Reading

#: Hours then minutes, and seconds after a mark: "2h06'24\"", "2h24:36", "1h02'" (no seconds).
HOURS_FIRST = re.compile(r"(\d{1,2})h ?([0-5]?\d)(?:['’′]([0-5]\d)(?:[\"”″]|'')?|:([0-5]\d)|['’′])(?!\d)")
#: The unit of a race time ("2h06'24\"": 7584 seconds).
SECOND = "second"
#: The word after a time ("a.m.", "ora"), dots kept.
AFTER = re.compile(r"\s{1,3}([^\W\d_][\w.]{0,7})")
#: "2:06:24": hours, minutes, seconds between colons.
COLONS = re.compile(r"(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])")
#: Minutes then seconds, each after its mark: "15'24\"", "1'06\"" (not a lone "90'", a match's minute).
MINUTES_FIRST = re.compile(r"(\d{1,2})['’′]([0-5]\d)(?:[\"”″]|'')(?!\d)")
#: Seconds alone after their mark: "22\"", "49\"" (only after a word of ``[numbers.times] gap_before``).
SECONDS = re.compile(r"([0-5]?\d)[\"″](?![\w\"])")
#: The characters that may follow a race time's first one or two digits: an "h", a colon, a mark.
_MARKS = frozenset("h:'’′\"″")


def race_time(text: str, start: int, g: Grammar) -> tuple[int, Decimal | None] | None:
    """Where a race time that starts at ``start`` ends and its length in seconds (None for a
    time of day with seconds), else None."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".:,"):
        return None
    if _MARKS.isdisjoint(text[start + 1:start + 3]):
        return None  # each pattern has an "h", a colon or a mark after one or two digits: most figures are told without
    m = HOURS_FIRST.match(text, start, start + 16)
    if m is not None:
        hours, minutes, seconds = int(m[1]), int(m[2]), int(m[3] or m[4] or 0)
    elif (m := MINUTES_FIRST.match(text, start, start + 8)) is not None:
        hours, minutes, seconds = 0, int(m[1]), int(m[2])
    elif (m := SECONDS.match(text, start, start + 4)) is not None:
        return (m.end(), Decimal(m[1])) if _gap(text, start, g) else None
    elif (m := COLONS.match(text, start, start + 9)) is not None:
        after = AFTER.match(text, m.end(), m.end() + 16)
        if phrase_before(prev_tokens(text, start, 4), g.times.before, g) is not None \
                or (after is not None and after[1].casefold() in g.times.clock_after):
            return m.end(), None  # "alle 23:11:01", "03:32:10 ora italiana", "3:32:10 a.m.": a time of day
        hours, minutes, seconds = int(m[1]), int(m[2]), int(m[3])
    else:
        return None
    return m.end(), Decimal(hours * 3600 + minutes * 60 + seconds)


def _gap(text: str, start: int, g: Grammar) -> bool:
    """Whether seconds alone after their mark at ``start`` are a race's ("a 22\"", "ha perso 54\""): a word
    of ``[numbers.times] gap_before`` right before them, and no quotation left open on their line (its
    straight quotes even before them: "«Sono 22\"»" closes one)."""
    prev = prev_tokens(text, start, 1)
    line = text.rfind("\n", 0, start) + 1
    return bool(prev) and prev[-1][1] in g.times.gap_before and text.count('"', line, start) % 2 == 0


def race_reading(text: str, start: int, g: Grammar) -> Reading | None:
    """The reading of a race time at ``start`` (a duration in seconds; a time of day with
    seconds after a clock word), else None."""
    if (race := race_time(text, start, g)) is None:
        return None
    end, seconds = race
    if seconds is None:
        return Reading(start, end, None, None, None, None, kind="time")
    return Reading(start, end, seconds, seconds, seconds, Decimal(1), kind="duration", unit=SECOND)
