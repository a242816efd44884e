"""Figures that scale words compound, and the words after a number: the words that
follow a number (:func:`follow`) and the factor of its scale word (:func:`scale_of`); a larger
scale word right after the first, which multiplies ("3mila miliardi", "3 thousand billion");
a smaller figure at a scale right after a whole one, which adds ("2 milioni 300 mila", "1
milione e 200mila"); the second number of a range (:func:`second_number`) and the thousands
its digits write ("30.000" of "20-30.000"), which a first end written without them shares.

>>> from quantities.extraction.numbers.reader import find
>>> [(q.text, q.value) for q in find("i 3mila miliardi, 1 milione e 200mila persone")]
[('3mila miliardi', Decimal('3000000000000')), ('1 milione e 200mila', Decimal('1200000'))]
>>> [(q.text, q.low, q.high) for q in find("20-30.000 persone")]
[('20-30.000', Decimal('20000'), Decimal('30000'))]
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers.around import WORD
from quantities.extraction.numbers.digits import parse_digits
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import ASCII_BLANKS, SCALE, norm
from quantities.extraction.numbers.reading import Reading, match, precision_int, scale
from quantities.extraction.numbers.words import value_of

#: How far :func:`follow` reads after a number, in characters; after a range's second number.
FOLLOW_REACH, SECOND_FOLLOW_REACH = 64, 32
#: How far the second number of a range is looked for, in characters.
SECOND_REACH = 80
#: A blank, maybe a word (a joiner) and a blank, before digits: " e 200mila", " 300 mila".
_PART = compiled(r"[ \u00a0](?:(\p{L}{1,8})[ \u00a0])?(?=[0-9\p{L}])")
#: A number word after a joiner: "duecentomila" of "1 milione e duecentomila".
_INVERTED = compiled(r"[ \u00a0]{1,2}(\p{L}{1,4})[ \u00a0]{1,2}(?=\p{L})")   # "350 i milioni"
#: The least scale an inverted subject's article may stand before ("i milioni"; no article takes "mila").
INVERTED_LEAST = Decimal(1_000_000)
_WORD_PART = compiled(r"\p{L}{2,60}(?![\p{L}0-9])")
_THOUSAND = Decimal(1000)
#: A range read in the second end's thousands spans less than this: the literal one spans a thousandfold.
_TENFOLD = Decimal(10)
_BLANKS = (" ", "\u00a0")  # what _PART opens on


def follow(text: str, pos: int, g: Grammar, span: int = FOLLOW_REACH) -> Any:
    """``g.follow.pattern`` on ``span`` characters at ``pos``; None, without running it, when past
    at most 3 blanks come two ASCII characters that begin none of its words, or one ASCII
    character that begins none ("-" of "€5-€6"): then it could only match empty."""
    head = text[pos:pos + 6]
    rest = head.lstrip(ASCII_BLANKS)[:2]
    if len(head) - len(rest) <= 4 and g.follow.heads is not None:
        if len(rest) == 2 and rest.isascii():
            if rest not in g.follow.heads:
                return None
        elif rest and rest[0] < "\x80" and rest[0] not in g.follow.firsts:
            return None
    return match(g.follow.pattern, text, pos, min(len(text), pos + span))


def scale_of(m: Any, g: Grammar) -> Decimal | None:
    """The factor of the scale word an ``after`` match found, if any.

    The patterns ignore case, so they also take letters that lower-case to something
    else ("mİla": "İ" lower-cases to "i̇"); such a word is in no table and is no scale.
    """
    return g.follow.scales.get(norm(m[SCALE])) if m is not None and m[SCALE] else None


def larger_scale(m: Any, factor: Decimal, g: Grammar) -> Decimal | None:
    """The factor of the scale word that the ``follow`` match ``m`` found right after a scale
    word of ``factor``, if it is larger: it multiplies the figure ("3mila miliardi", "1,2 mila
    miliardi", "3 thousand billion"); else None. Not a unit written as a scale word ("m" of "3
    thousand m high")."""
    larger = scale_of(m, g)
    if larger is None or larger <= factor or norm(m[SCALE]) in g.units.dimensional:
        return None
    return larger


def added_part(text: str, r: Reading, g: Grammar) -> bool:
    """A figure at a scale right after ``r``, a whole one at a scale, maybe after a joiner, that
    fits below ``r``'s precision, and so adds to it: "2 milioni 300 mila", "1 milione e 200mila"
    (1.200.000; also after "tra": no range falls from 1.000.000 to 200.000). Whether there was
    one; not in "2 milioni e 300 feriti" (no scale: a count of its own), "1 milione, 200mila" (a
    list), "1,5 milioni e 200mila" (200mila is no part below 1,5 milioni's last digit), "100mila e
    20mila" (a part is at a smaller scale than the whole: two figures)."""
    head = text[r.end:r.end + 2]  # a blank, then a digit or a joiner's first letter: most figures are
    if head[:1] not in _BLANKS or not (head[1:].isdigit() or _may_join(head[1:], g)):  # told without
        return False                                                                  # the pattern
    if r.value is None or r.precision is None:
        return False
    m = _PART.match(text, r.end, min(len(text), r.end + 16))
    if m is None or (m[1] and norm(m[1]) not in g.words.joiners):
        return False
    if not "0" <= text[m.end():m.end() + 1] <= "9":
        return m[1] is not None and _word_part(text, m.end(), r, g)  # "1 milione e duecentomila"
    digits = g.anchors.num.match(text, m.end(), min(len(text), m.end() + SECOND_REACH))
    parsed = parse_digits(digits[0], g) if digits is not None and digits[0][0] != "+" else None
    if parsed is None or not parsed[3]:
        return False
    v, p, length, _ = parsed
    a = follow(text, m.end() + length, g, SECOND_FOLLOW_REACH)
    factor = scale_of(a, g)
    if factor is None or v * factor >= r.precision or norm(a[SCALE]) in g.units.dimensional:
        return False
    own = _TRAILING_WORD.search(text, r.start, r.end)  # "100mila e 20mila i bambini": two figures at one scale
    if own is not None and factor >= g.follow.scales.get(norm(own[0]), factor + 1):
        return False
    r.value = r.low = r.high = r.value + v * factor
    r.precision, r.end = min(r.precision, p * factor), a.end(SCALE)
    r.integer = r.plain = False
    return True


def _word_part(text: str, at: int, r: Reading, g: Grammar) -> bool:
    """A number word at ``at`` of a thousand or more that fits below ``r``'s precision adds to
    it ("1 milione e duecentomila": 1.200.000); not "2 milioni e trecento feriti" (a count of its
    own, as "2 milioni e 300 feriti"), "tra mille e duemila" (a range: no part below mille's unit),
    "100mila e ventimila" (a part is at a smaller scale than the whole: two figures)."""
    w = _WORD_PART.match(text, at)
    v = value_of([norm(w[0])], g) if w is not None else None
    if w is None or v is None or not _THOUSAND <= v < r.precision or v != v.to_integral_value():  # type: ignore[operator]
        return False
    own = _TRAILING_WORD.search(text, r.start, r.end)  # "100mila e ventimila": two figures at one scale
    if own is not None and v >= g.follow.scales.get(norm(own[0]), v + 1):
        return False
    r.value = r.low = r.high = r.value + v  # type: ignore[operator]
    r.precision, r.end = min(r.precision, precision_int(v)), w.end()  # type: ignore[type-var]
    r.integer = r.plain = False
    return True


#: The word a figure ends with ("mila" of "100mila", "milioni" of "2 milioni").
_TRAILING_WORD = compiled(r"[^\W\d_]+$")


def _may_join(c: str, g: Grammar) -> bool:
    """Whether a joiner may begin with the character ``c``."""
    heads = g.follow.joiner_heads
    return heads is None or c >= "\x80" or c in heads


def second_number(text: str, pos: int, g: Grammar) -> tuple[Decimal, Decimal, int, Decimal | None] | None:
    """The second number of a range at ``pos``: value, precision, end, scale applied (a
    larger scale word after the first multiplies it: "tra 2 e 3mila miliardi")."""
    stop = min(len(text), pos + SECOND_REACH)
    m = g.anchors.num.match(text, pos, stop) or match(g.anchors.master_i, text, pos, stop)
    if m is None or m.lastgroup not in ("num", "words"):
        return None
    if m.lastgroup == "num":
        parsed = parse_digits(m[0], g)
        if parsed is None:
            return None
        v, p, length, _ = parsed
        end = pos + (m[0][0] == "+") + length
    else:
        words = value_of([t[0] for t in WORD.finditer(m[0])], g)
        if words is None:
            return None
        v, p, end = words, precision_int(words), m.end()
    a = follow(text, end, g, SECOND_FOLLOW_REACH)
    factor = scale_of(a, g)
    if factor is not None:
        b = follow(text, a.end(SCALE), g, SECOND_FOLLOW_REACH) if _scale_may_follow(text, a.end(SCALE), g) else None
        larger = larger_scale(b, factor, g)
        if b is not None and larger is not None:  # "tra 2 e 3mila miliardi"
            factor *= larger
            return v * factor, p * factor, b.end(SCALE), factor
        return v * factor, p * factor, a.end(SCALE), factor
    return v, p, end, None


def _scale_may_follow(text: str, pos: int, g: Grammar) -> bool:
    """Whether a scale word may begin past at most one blank at ``pos``: not when two ASCII
    characters there begin none ("3-4mila feriti"), so the pattern is not run."""
    rest = text[pos:pos + 3].lstrip(ASCII_BLANKS)[:2]
    return g.follow.scale_heads is None or len(rest) < 2 or not rest.isascii() or rest in g.follow.scale_heads


def written_thousands(raw: str, g: Grammar) -> Decimal:
    """The thousands that the group marks of a round whole number write: "30.000" 1000,
    "30.000.000" a million; 1 for digits with no group mark, a decimal part or other digits
    than zeros after the first group ("30000", "30.500", "2,5")."""
    parsed = parse_digits(raw, g)
    if parsed is None or not parsed[3]:
        return Decimal(1)
    v, _, length, _ = parsed
    marks = sum(not c.isdigit() for c in raw[:length])
    factor = _THOUSAND ** marks
    return factor if marks and v % factor == 0 else Decimal(1)


def shared_thousands(text: str, r: Reading, at: int, second: tuple[Decimal, Decimal, int, Decimal | None],
                     g: Grammar) -> bool:
    """A range's first end written as plain digits, and its second (after a dash) as a round
    figure in thousands: the first counts in the second's thousands, as "20-30mila" does, when
    so the range spans less than tenfold, where read as written it spans a thousandfold or more
    ("20-30.000", "20-30,000", "tra 20 e 30.000": 20.000 to 30.000; "5-10.000": 5.000 to 10.000;
    "2-3.000 miliardi": 2.000 to 3.000 miliardi, the scale word applied to both after;
    not "500-1.000", "1-10.000", "2-200.000", nor a change, "da 20 a 30.000"). ``r`` scaled then;
    whether it was."""
    v2, _, end2, factor = second
    raw = text[at:end2]
    if not r.plain or not r.value or raw.isdigit():  # 0: '0-10.000' is zero to ten thousand
        return False
    v2 = v2 / factor if factor is not None else v2  # its digits before its scale word: "2-3.000 miliardi"
    thousands = written_thousands(raw, g)
    first = r.value * thousands
    if thousands == 1 or not (first < v2 < first * _TENFOLD):  # "1-10.000": 1 to 10.000
        return False
    scale(r, thousands)
    return True


def inverted_scale(text: str, r: Reading, g: Grammar) -> bool:
    """A scale word after the article of an inverted subject ("Dal 2010 sono 350 i milioni di premi
    mai ritirati"): it scales the figure, which then ends past it. Only a scale of a million or
    more, after one of ``[numbers.ranges] articles``."""
    a = _INVERTED.match(text, r.end, min(len(text), r.end + 10))
    if a is None or norm(a[1]) not in g.ranges.articles:
        return False
    m = follow(text, a.end(), g)
    factor = scale_of(m, g)
    if factor is None or factor < INVERTED_LEAST or m.start(SCALE) != a.end():
        return False
    scale(r, factor)
    r.end = m.end(SCALE)
    return True
