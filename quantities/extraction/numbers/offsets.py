"""Relative time offsets: a duration that places an event in time, not a figure of the
event: "cinque anni fa", "venti minuti più tardi", "nine days before", "eight days ago",
"a sei mesi dall'alluvione" (RULES.md section 4 excludes them); never a race time written with its marks
("a 1'44\" da Ganna": a gap behind a rival). They become times, which
the claims step reads as the time of the figures near them (``Claim.when``).

The words are the pack's ``[numbers.offsets]``: ``after`` follows the duration ("fa",
"later"); ``since_before`` and ``since_after`` frame it ("a … dal", "within … of" is not
one: only the pairs the pack lists).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from quantities.lang import Pack, per_pack
from quantities.text.phrases import EDGE, NEVER, alternation
from quantities.types import Quantity


@dataclass(frozen=True, slots=True)
class Offsets:
    after: regex.Pattern[str]
    since_before: regex.Pattern[str]
    since_after: regex.Pattern[str]


def _pattern(pack: Pack, key: str, ahead: bool) -> regex.Pattern[str]:
    words = alternation(pack.words(f"numbers.offsets.{key}", ()), empty=NEVER)
    if ahead:
        return regex.compile(rf"[ \u00a0]{{1,3}}(?:{words}){EDGE}", regex.IGNORECASE)
    return regex.compile(rf"(?<![\w'’])(?:{words})[ \u00a0]{{1,3}}$", regex.IGNORECASE)


@per_pack("numbers.offsets")
def offsets(pack: Pack) -> Offsets:
    """The ``[numbers.offsets]`` words of ``pack``, compiled once."""
    return Offsets(after=_pattern(pack, "after", True), since_before=_pattern(pack, "since_before", False),
                   since_after=_pattern(pack, "since_after", True))


#: How far before a duration its framing word ("a sei mesi dal") is looked for, in characters.
REACH = 12


def relative(text: str, found: list[Quantity], pack: Pack) -> list[Quantity]:
    """``found`` with each duration that is a relative offset made a time (not an age: "un
    ragazzo di 19 anni dopo …", "il giovane di 21 anni fa parte …")."""
    o = offsets(pack)
    out = []
    for q in found:
        if q.kind == "duration" and _offset(text, q, o):
            q = replace(q, kind="time")
        out.append(q)
    return out


#: The marks of a race time ("a 1'44\" da Ganna": a gap behind a rival, never an offset in time).
_RACE_MARKS = frozenset("'’′\"″")


def _offset(text: str, q: Quantity, o: Offsets) -> bool:
    if q.text[:1].isdigit() and not _RACE_MARKS.isdisjoint(q.text):   # digits and marks: not "Trent'anni fa"
        return False
    if o.after.match(text, q.span.end):
        return True
    before = text[max(0, q.span.start - REACH):q.span.start]
    return bool(o.since_before.search(before)) and bool(o.since_after.match(text, q.span.end))
