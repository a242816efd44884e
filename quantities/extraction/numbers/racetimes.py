"""A time of a race or a run, in hours, minutes and seconds: "2h06'24\"", "1h02'37\"", "2h24:36",
"2:06:24", and where the pack says so (``[numbers.times] marked_minutes``) minutes and seconds after
their marks, "15'24\"", "a 1'29\"" (not English "5'11\"" tall; never seconds alone, "«Sono 22\"»",
"un televisore di 55\"": review47), nor after a degree ("42°50'24\""). It is one duration in seconds,
not a clock time nor three numbers ("2:06:24" read as "2:06" and a count of 24). The marks are
typography; a time "H:MM:SS" after a clock word ("alle 23:11:01", "at 10:15:30") or before a word of
``[numbers.times] clock_after`` ("3:32:10 a.m.", "03:32:10 ora italiana"; not "2:24:35 amid light
rain") is a time of day, read whole (its length None).

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
#: The characters that may follow a race time's first one or two digits: an "h", a colon, a mark.
_MARKS = frozenset("h:'’′")


def race_time(text: str, start: int, g: Grammar) -> tuple[int, Decimal | None] | None:
    """Where a race time that starts at ``start`` ends and its length in seconds (None for a
    time of day with seconds), else None."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".:,"):
        return None
    if _MARKS.isdisjoint(text[start + 1:start + 3]):
        return None  # each pattern has an "h", a colon or a mark after one or two digits: most figures are told without
    if text[max(0, start - 3):start].rstrip()[-1:] == "°":
        return None   # not "42°50'24\"", "42° 50'24\"": a bearing
    m = HOURS_FIRST.match(text, start, start + 16)
    if m is not None:
        hours, minutes, seconds = int(m[1]), int(m[2]), int(m[3] or m[4] or 0)
    elif g.times.marked_minutes and (m := MINUTES_FIRST.match(text, start, start + 8)) is not None:
        hours, minutes, seconds = 0, int(m[1]), int(m[2])
    elif (m := COLONS.match(text, start, start + 9)) is not None:
        after = AFTER.match(text, m.end(), m.end() + 16)
        if phrase_before(prev_tokens(text, start, 4), g.times.before, g) is not None \
                or (after is not None and after[1].casefold() in g.times.clock_after):
            return m.end(), None  # "alle 23:11:01", "03:32:10 ora italiana", "3:32:10 a.m.": a time of day
        hours, minutes, seconds = int(m[1]), int(m[2]), int(m[3])
    else:
        return None
    return m.end(), Decimal(hours * 3600 + minutes * 60 + seconds)


def race_reading(text: str, start: int, g: Grammar) -> Reading | None:
    """The reading of a race time at ``start`` (a duration in seconds; a time of day with
    seconds after a clock word), else None."""
    if (race := race_time(text, start, g)) is None:
        return None
    end, seconds = race
    if seconds is None:
        return Reading(start, end, None, None, None, None, kind="time")
    return Reading(start, end, seconds, seconds, seconds, Decimal(1), kind="duration", unit=SECOND)
