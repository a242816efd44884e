"""A duration or a measure written in two units, the larger first: "10 anni e sei mesi", "3 ore e 44 minuti",
"two years and six months", "15 minutes 24 seconds", "un metro e 30 centimetri" is one figure, counted in the smaller
unit (126 months, 224 minutes, 130 centimetres), not two (whose parts would be lined up with other figures as
wholes)."""

from __future__ import annotations

from decimal import Decimal

from quantities.extraction.numbers.around import ascii_miss, prev_tokens
from quantities.extraction.numbers.compounds import SECOND_FOLLOW_REACH, follow, second_number
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import ASCII_BLANKS, UNIT, norm
from quantities.extraction.numbers.reading import Reading

#: How far the joiner and its blanks may reach after the first unit, in characters.
JOIN_REACH = 12
#: How many of each smaller unit make one of the larger: units facts, in every language.
PARTS: dict[tuple[str, str], int] = {
    ("year", "month"): 12, ("week", "day"): 7, ("day", "hour"): 24, ("hour", "minute"): 60, ("minute", "second"): 60,
    ("meter", "centimeter"): 100, ("kilometer", "meter"): 1000, ("kilogram", "gram"): 1000,   # "un metro e 30 cm"
}
#: The units a smaller one may be added to.
LARGER = frozenset(larger for larger, _ in PARTS)
#: … of those, the measures: a whole number of them, fewer than one of the next larger, takes a part
#: ("un metro e 30 centimetri"; not the altitudes of "20 centimetri a 1.500 metri e 20 centimetri a 800 metri").
MEASURES = frozenset({"meter", "kilometer", "kilogram"})
#: … with no joiner between ("15 minutes 24 seconds"; not "di 5 anni 3 mesi fa", "in 24 ore 40 minuti di pioggia").
BARE = frozenset({"minute"})


def and_smaller(text: str, r: Reading, g: Grammar) -> bool:
    """Whether a joiner, a number and a smaller unit of ``r``'s duration follow it ("10 anni e sei mesi"):
    then ``r`` is the whole, in the smaller unit, and ends past it. Not a part as large as the unit it
    adds to ("2 anni e 14 mesi"), nor one with a scale word. So does one of the larger unit before it
    and a joiner ("un'ora e 45 minuti", "an hour and 45 minutes": 105 minutes)."""
    if _one_larger_before(text, r, g):
        return True
    if r.value is None or r.unit not in LARGER:
        return False
    first = text[r.end:r.end + 1]
    bare = r.unit in BARE and first == " " and text[r.end + 1:r.end + 2].isdigit()   # "15 minutes 24 seconds"
    if not bare and ((first < "\x80" and first not in ASCII_BLANKS) or ascii_miss(text, r.end, g.follow.joiner_heads)):
        return False
    joined = None if bare else g.follow.joined.match(text, r.end, min(len(text), r.end + JOIN_REACH))
    start = r.end + 1 if bare else (joined.end() if joined is not None else None)
    second = second_number(text, start, g) if start is not None else None
    if second is None or second[3] is not None:
        return False
    v2, p2, end2, _ = second
    m = follow(text, end2, g, SECOND_FOLLOW_REACH)
    unit = g.units.words.get(norm(m[UNIT])) if m is not None and m[UNIT] else None
    ratio = PARTS.get((r.unit, unit or ""))
    if unit is None or ratio is None or not 0 < v2 < ratio:
        return False
    if r.unit in MEASURES and (r.value >= ratio or r.value != r.value.to_integral_value()):
        return False
    r.value = r.low = r.high = r.value * ratio + v2
    r.unit, r.end = unit, m.end(UNIT)
    r.precision = min((r.precision or Decimal(1)) * ratio, p2)
    return True


def _one_larger_before(text: str, r: Reading, g: Grammar) -> bool:
    """Whether "one" and a larger unit, then a joiner, stand right before ``r``'s duration ("un'ora e",
    "an hour and", "one hour and"): then ``r`` takes it in and starts at it."""
    prev = prev_tokens(text, r.start, 3)
    if r.value is None or len(prev) < 2 or prev[-1][1] not in g.words.joiners:
        return False
    elided, mark, word = prev[-2][1].rpartition("'")   # "un'ora"
    one = elided + mark if mark else (prev[-3][1] if len(prev) > 2 else "")
    ratio = PARTS.get((g.units.singular.get(word, ""), r.unit or ""))
    if ratio is None or (one not in g.words.one and one not in g.words.singletons) or not 0 < r.value < ratio:
        return False
    r.value = r.low = r.high = r.value + ratio
    r.start = prev[-2][0] if mark else prev[-3][0]
    return True
