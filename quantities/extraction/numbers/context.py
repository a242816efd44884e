"""What surrounds the core of a number: to its right a scale word, a range, a unit, an
ordinal mark, an age suffix or a month; to its left a unit, the cues of the kinds that are
no claims (see :mod:`~quantities.extraction.numbers.nonclaims`) and a hedge."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers.ages import aged, is_age
from quantities.extraction.numbers.around import ascii_miss, glued_before, next_word, prev_tokens, stamped, weighed
from quantities.extraction.numbers.compounds import (
    SECOND_FOLLOW_REACH,
    added_part,
    follow,
    inverted_scale,
    larger_scale,
    scale_of,
    second_number,
    shared_thousands,
)
from quantities.extraction.numbers.durations import and_smaller
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.hedges import hedge
from quantities.extraction.numbers.nonclaims import non_claim
from quantities.extraction.numbers.patterns import AGESUF, ASCII_BLANKS, MARK, MONTH, SCALE, UNIT, norm
from quantities.extraction.numbers.reading import Reading, match, scale
from quantities.lang.units import PERCENT, is_currency

# the second number may open on a currency sign: "€10-€20"
_RANGE_JOIN = compiled(r"(\s{0,2})([^\s0-9\p{L}]|\p{L}{1,7})(\s{0,2})(?=[0-9\p{L}\p{Sc}])")

_ARTICLE_AHEAD = compiled(r"(\p{L}{1,5}['’]?)\s{0,2}(?=[0-9\p{L}])")  # "i 40", "il 30", "l'80", "i dieci"

_PUNCT = compiled(r"[.,;:!?()\[\]«»\"“”]")                       # a verb of change stands in the pair's clause
_DAY_YEAR = compiled(r"\s{1,3}[0-9]{4}(?![0-9])")                  # "15 agosto 2025"
#: How far a fraction after a scale word ("e mezzo") is looked for, in characters.
FRACTION_REACH = 24
#: A pair "da 3,3 a 2 miliardi" scales its first number by the second's scale word
#: unless that would make it more than this many times the second ("tra 500 e 2mila").
CHANGE_RATIO = 10


def context(text: str, r: Reading, g: Grammar, *, scaled: bool) -> Reading:
    """Read what surrounds the core: right side first, then the left."""
    if r.kind == "count":
        _right(text, r, g, scaled)
    if r.kind == "count" or r.kind in ("money", "measure", "percent", "duration"):
        _left(text, r, g)
    return r


def _right(text: str, r: Reading, g: Grammar, scaled: bool) -> None:
    whole = r.integer
    m = follow(text, r.end, g)
    factor = scale_of(m, g)
    if factor is not None and _dimensional(text, r, m, g):
        return
    if factor is not None and r.value is not None and not scaled:
        scale(r, factor)
        r.end, scaled = m.end(SCALE), True
        m = follow(text, r.end, g)
        larger = larger_scale(m, factor, g) if m is not None and m[SCALE] else None  # "3mila miliardi"
        if larger is not None:
            scale(r, larger)
            r.end, factor = m.end(SCALE), larger
        if and_a_half(text, r, factor, g) or (whole and added_part(text, r, g)) or larger is not None:
            m = follow(text, r.end, g)  # past what the figure took
    elif r.integer and r.value is not None and and_a_half(text, r, Decimal(1), g):  # "3 e mezzo"
        r.integer = r.plain = False
        m = follow(text, r.end, g)
    elif scaled and whole and added_part(text, r, g):  # "un milione e 200mila"
        m = follow(text, r.end, g)
    elif factor is None and not scaled and r.value is not None and text[r.end + 1:r.end + 2] in g.ranges.article_heads \
            and inverted_scale(text, r, g):  # "350 i milioni"
        scaled = True
        m = follow(text, r.end, g)
    ranged = _range(text, r, g)
    if ranged is not None:
        if r.kind != "count":
            return  # a range of days or hours
        scaled = scaled or ranged
        m = follow(text, r.end, g)
    if m is None:
        return
    if m[UNIT]:
        _unit(text, r, m, g, scaled)
    elif m[MARK] and r.integer:
        r.kind, r.end, r.precision = "ordinal", m.end(), Decimal(1)
        _marked_day(text, r, g)
        if r.kind == "ordinal" and text[r.end + 1:r.end + 2].isupper() and next_word(text, r.end) in g.ordinals.names:
            r.kind = "identifier"  # a name: "il 51° Stormo", "the 4th Infantry Division" (not "il 40° Anniversario")
    elif m[AGESUF] and r.integer:
        r.kind, r.unit, r.end = "age", "year", m.end()
    elif m[MONTH] and r.integer and r.value is not None and 1 <= r.value <= 31:
        r.kind, r.end = "date", m.end()
        year = _DAY_YEAR.match(text[r.end:r.end + 6])
        if year:
            r.end += year.end()


def _marked_day(text: str, r: Reading, g: Grammar) -> None:
    """A day with an ordinal mark by its month is a date: "il 1° maggio", "May 4th"."""
    if r.value is None or not 1 <= r.value <= 31:
        return
    after = follow(text, r.end, g)
    if after is not None and after[MONTH]:
        r.kind, r.end = "date", after.end()
        return
    prev = prev_tokens(text, r.start, 1)
    if g.dates.day_after_month and prev and prev[-1][1].rstrip(".") in g.dates.months:
        r.kind, r.start = "date", prev[-1][0]


def _dimensional(text: str, r: Reading, m: Any, g: Grammar) -> bool:
    """A scale word that is a unit before a dimension word: "a wall 2.5m high" (metres)."""
    unit = g.units.dimensional.get(norm(m[SCALE]))
    if unit is None or next_word(text, m.end(SCALE)) not in g.units.dimension_after:
        return False
    r.unit, r.kind, r.end = unit, "measure", m.end(SCALE)
    return True


def and_a_half(text: str, r: Reading, factor: Decimal, g: Grammar) -> bool:
    """A joiner and a fraction word after the scale word, or after digits or a collective:
    "3 milioni e mezzo", "2 million and a half", "3 e mezzo", "un migliaio e mezzo"."""
    first = text[r.end:r.end + 1]  # a blank, then a joiner: most figures are told without the pattern
    if (first < "\x80" and first not in ASCII_BLANKS) or ascii_miss(text, r.end, g.follow.joiner_heads):
        return False
    m = match(g.follow.fraction, text, r.end, min(len(text), r.end + FRACTION_REACH))
    if m is None or r.value is None:
        return False
    part = g.words.morphemes[norm(m[1])][1] * factor
    r.value = r.low = r.high = r.value + part
    r.end = m.end()
    return True


def _unit(text: str, r: Reading, m: Any, g: Grammar, scaled: bool, second: bool = False) -> None:
    raw = m[UNIT]
    linked = raw[:1].isspace() and norm(raw).split()[0] in g.follow.links
    if linked and not scaled:
        return
    word = norm(raw).split(None, 1)[1] if linked else norm(raw)
    word = g.follow.link_head.sub("", word) if linked else word
    if word in g.units.percent:
        r.kind, r.unit = "percent", PERCENT
    elif word in g.units.weighed and not scaled and weighed(text, m.end(UNIT), g):
        r.kind, r.unit = "measure", g.units.weighed[word]  # "two pounds of meat", not "5 million pounds of aid"
    elif word in g.units.currency:
        r.kind, r.unit = "money", g.units.currency[word]
    elif word in g.units.words:
        if " " in word and ((after := next_word(text, m.end(UNIT))) in g.units.currency or after in g.units.words):
            return  # "3 per mille euro": "mille euro" is a price, no rate per thousand
        r.unit = g.units.words[word]
        r.kind = "duration" if r.unit in g.units.durations else "measure"
        if r.kind == "duration" and is_age(text, r, word, m.end(UNIT), g):
            r.kind = "age"
    else:
        return
    r.end = m.end(UNIT)
    if not second and r.value is not None and and_a_half(text, r, Decimal(1), g):  # "tre giorni e mezzo"
        r.integer = r.plain = False
    elif not second and r.kind in ("duration", "age", "measure") and and_smaller(text, r, g):  # "10 anni e sei mesi"
        r.plain = False
    elif not second and r.value is not None:
        _unit_range(text, r, g, scaled)


def _unit_range(text: str, r: Reading, g: Grammar, scaled: bool) -> None:
    """A range whose unit follows each number, after a dash or a pair of the pack's
    ``unit_pairs``: "10 euro - 20 euro", "tra 10 euro e 20 euro", "between 3km and 5km".
    Not "dal 10% al 20%" nor "from $10 to $20" (a change), nor two percentages (two shares)."""
    if r.kind == "percent":
        return
    j = _RANGE_JOIN.match(text, r.end, min(len(text), r.end + 12))
    if j is None:
        return
    if not _unit_joiner(text, r, norm(j.group(2)), g):
        return
    probe = Reading(r.start, r.end, r.value, r.value, r.value, r.precision, integer=r.integer)
    if _range(text, probe, g) is None:  # the unit after it makes it no time ("from 3km to 5km")
        return
    m = follow(text, probe.end, g, SECOND_FOLLOW_REACH)
    if m is None or not m[UNIT]:
        return
    tail = Reading(probe.start, probe.end, probe.high, probe.high, probe.high, None)
    _unit(text, tail, m, g, True, second=True)
    if tail.unit == r.unit and tail.kind == r.kind:
        r.start, r.end, r.low, r.high, r.value = probe.start, tail.end, probe.low, probe.high, None
        r.precision = probe.precision


def _unit_joiner(text: str, r: Reading, joiner: str, g: Grammar) -> bool:
    """Whether a range may repeat its unit on each number with this joiner: a dash, or a pair
    of the pack's ``unit_pairs`` ("tra 10 euro e 20 euro", "between $10 and $20"); not "or",
    nor "from $10 to $20" (a change)."""
    if joiner in g.ranges.dash:
        return True
    start = _pair_start(text, r, joiner, g)
    return start is not None and norm(text[start:r.start].split()[0]) in g.ranges.unit_pairs


def _range(text: str, r: Reading, g: Grammar) -> bool | None:
    """30-40, 5 o 6 miliardi, tra 30 e 40: widen ``r`` to the range.

    None when there is no range; else whether the second number brought a scale word.
    """
    if r.value is None or ascii_miss(text, r.end, g.ranges.heads):
        return None
    m = _RANGE_JOIN.match(text, r.end, min(len(text), r.end + 12))
    if not m:
        return None
    joiner = norm(m.group(2))
    spaced = bool(m.group(1)) and bool(m.group(3))
    pair = _pair_start(text, r, joiner, g) if joiner in g.ranges.seconds else None  # "tra" of "tra 30 e 40"
    if not (joiner in g.ranges.dash or (spaced and (joiner in g.ranges.or_ or pair is not None))):
        return None
    at = m.end()
    if joiner in g.ranges.seconds:  # "tra i 30 e i 40": past the article after "e"
        article = _ARTICLE_AHEAD.match(text, at, min(len(text), at + 12))
        if article is not None and norm(article[1]) in g.ranges.articles:
            at = article.end()
    sign = _same_sign(text, r, joiner, at, g)  # "€10-€20", "between $10 and $20"
    at += len(sign)
    second = second_number(text, at, g)
    if second is None:
        return None
    v2, p2, end2, factor = second
    if not r.integer and factor is None and (month := follow(text, end2, g)) is not None and month[MONTH]:
        return None  # "Ore 12.10 - 13 dicembre": a clock time, then a date
    if joiner in g.ranges.dash and not r.integer and r.precision == MINUTES and _clock(r.value) \
            and (factor is not None or v2 > 24) and stamped(text, r.start, r.end, g):
        return None  # "Ore 16.50 - Trecentomila persone": a live blog's stamp, then a count (past 24 hours)
    changed = pair is not None and _change(text, pair, g)
    if joiner in g.ranges.dash or (pair is not None and not changed):
        shared_thousands(text, r, at, second, g)  # "20-30.000", "tra 20 e 30.000" as "20-30mila"; "2-3.000 miliardi"
    scaled = factor is not None and r.value * factor <= v2 * CHANGE_RATIO
    if factor is not None and scaled:  # the scale word written once applies to both: "da 3,3 a 2 miliardi"
        scale(r, factor)
    if v2 <= r.value or changed:  # two values, the old and the new
        if scaled or changed:
            _unit_of_second(text, r, end2, g)
        return None
    first = r.start
    if pair is not None:
        r.start = pair
    r.low, r.high, r.value, r.end = r.value, v2, None, end2
    r.precision = min(r.precision or p2, p2)
    if sign:  # the unit is the signs' ("between $10 and $20")
        _unit_before(r, min(r.start, first - len(sign)), g.units.before[sign], g)
    elif factor is None:
        _range_kind(text, r, first, g)
    return factor is not None


def _same_sign(text: str, r: Reading, joiner: str, at: int, g: Grammar) -> str:
    """The unit sign written before the second number of a range when the first has the same
    one and the joiner allows a unit on each ("€10-€20", "between $10 and $20": one range in
    euros, in dollars; not "fell $3.50 to $141.20"), else ""."""
    sign = sign_before(text, r.start, g)
    if sign is None or not _unit_joiner(text, r, joiner, g):
        return ""
    n = len(sign)
    return sign if text[at:at + n].casefold() == sign and text[at + n:at + n + 1].isdigit() else ""


def sign_before(text: str, start: int, g: Grammar) -> str | None:
    """The pack's unit sign (``[units.before]``) written right before ``start``, whatever
    mark precedes it ("$20", "€10-€20", "(£5"), looked for only after a character that is no
    letter, digit or blank; the longest first ("US$" before "$"); none glued to a letter it
    does not hold ("HK$10" is no US dollar)."""
    c = text[start - 1:start]
    if not c or c.isalnum() or c.isspace():
        return None
    for sign in g.units.signs.get(c.casefold(), ()):
        n = len(sign)
        if text[max(0, start - n):start].casefold() == sign:
            return None if text[start - n - 1:start - n].isalpha() else sign
    return None


def _change(text: str, start: int, g: Grammar) -> bool:
    """Whether a pair ("da … a", "from … to") whose first word stands at ``start`` follows a
    verb or noun of change of the pack's ``[numbers.ranges] change`` (or a ``change_nouns`` noun
    linked to what changes: "l'aumento dell'Iva dal 22 al 25%") in its clause (one of the
    :data:`CHANGE_WORDS` words before it, no mark nor ``change_breaks`` word between): then it
    gives a value and the one it became, not a range ("le risorse passano da 191,5 a 194,4
    miliardi", "alza l'età minima di pensionamento da 62 a 64 anni", "l'innalzamento dell'età
    pensionabile da 62 a 64 anni")."""
    if not g.ranges.change:
        return False
    clause = _PUNCT.split(text[max(0, start - CHANGE_REACH):start])[-1].split()
    later = ""   # the word after, nearer the pair: what a noun of change links to
    for word in reversed(clause[-CHANGE_WORDS:]):  # nearest first
        elided, mark, w = norm(word).rpartition("'")
        if w in g.ranges.change or (w in g.ranges.change_nouns and later in g.ranges.change_links):
            return True   # "alza l'età …", "l'aumento dell'Iva dal 22 al 25%"; not "un aumento da 80 a 100 euro"
        if w in g.ranges.change_breaks or elided + mark in g.ranges.change_breaks:
            return False   # not past "con": "aumentano con punte da 38 a 40 gradi"
        later = elided + mark or w
    return False


#: How many words before a pair its verb of change may stand (the verb and the object it moves),
#: within how many characters.
CHANGE_WORDS, CHANGE_REACH = 6, 64


def _unit_of_second(text: str, r: Reading, end: int, g: Grammar) -> None:
    """The first value of a change takes the unit written after the second ("da 191,5 a
    194,4 miliardi di euro"); its span stays its own."""
    m = follow(text, end, g, SECOND_FOLLOW_REACH)
    if m is None or not m[UNIT] or r.value is None:
        return
    probe = Reading(r.start, r.end, r.value, r.value, r.value, r.precision, integer=r.integer)
    _unit(text, probe, m, g, True, second=True)
    if probe.unit is not None:
        r.kind, r.unit = probe.kind, probe.unit


def _range_kind(text: str, r: Reading, first: int, g: Grammar) -> None:
    """A range of days before a month is a date ("tra il 15 e il 20 marzo", "15-20
    marzo"); a range of hours after a time word is a time ("tra le 10 e le 11 di ieri",
    "dalle 10 alle 12", "tra le 12.10 e le 13"), unless a counted noun follows ("tra le 10 e
    le 11 persone")."""
    if r.low is None or r.high is None:
        return
    after = follow(text, r.end, g)
    if after is not None and after[MONTH] and r.integer and r.low >= 1 and r.high <= 31:
        r.kind, r.end = "date", after.end()
        return
    before = prev_tokens(text, first, 1)
    if before and before[-1][1] in g.times.before and r.high <= 24 and (r.integer or r.precision == MINUTES) \
            and _clock(r.low) and _clock(r.high):
        nxt = next_word(text, r.end)
        if not (nxt.isalpha() and nxt not in g.times.not_nouns):
            r.kind = "time"


#: The precision of a clock's hours and minutes written as a number ("12.10"; not "l'1,2").
MINUTES = Decimal("0.01")


def _clock(v: Decimal) -> bool:
    """Whether a value may be a clock time written as a number: whole hours, or hours and
    minutes after a point ("12.10", not "12.75")."""
    minutes = (v - int(v)) * 100
    return minutes == int(minutes) and minutes < 60


def _pair_start(text: str, r: Reading, joiner: str, g: Grammar) -> int | None:
    """Where the first word of a pair ("tra" of "tra 30 e 40", "tra i 30 e i 40") stands;
    None at once when the joiner is no pair's second word (a dash, "o")."""
    if joiner not in g.ranges.seconds:
        return None
    sign = sign_before(text, r.start, g)  # "between $10 and $20": the pair's word is before the sign
    prev = prev_tokens(text, r.start - (len(sign) if sign else 0), 2)
    if prev and prev[-1][1] in g.ranges.articles:
        prev = prev[:-1]
    if prev and g.ranges.pairs.get(prev[-1][1]) == joiner:
        return prev[-1][0]
    return None


def _left(text: str, r: Reading, g: Grammar) -> None:
    glued = glued_before(text, r.start)
    sign = (glued[1] if glued[1] in g.units.before else sign_before(text, r.start, g)) if glued else None
    if sign is not None and r.kind == "count":  # "€300", and "-$20" of "€10-$20": no count now
        _unit_before(r, r.start - len(sign), g.units.before[sign], g)
    prev = prev_tokens(text, r.start, 4)  # the words before the figure's start, a sign's if any
    if prev and r.kind == "count" and not glued and (unit := _word_unit(prev[-1][1], r, g)):
        _unit_before(r, prev[-1][0], unit, g)
        prev = prev[:-1]
    elif (len(prev) > 1 and prev[-1][1] in g.follow.links and prev[-2][1].isalpha()
          and r.kind == "count" and not glued and (unit := _word_unit(prev[-2][1], r, g))):
        _unit_before(r, prev[-2][0], unit, g)  # "una magnitudo di 6,8"
        prev = prev[:-2]
    if r.kind == "count" and non_claim(text, r, prev, glued, g):
        return
    if r.kind == "count" and not glued and (unit := aged(text, prev, r, g)) is not None:  # "aged 2½", "di 9 e 5 anni"
        r.kind, r.unit = "age", unit
    hedge(text, r, prev, glued, g)


def _word_unit(word: str, r: Reading, g: Grammar) -> str | None:
    """The unit a word before the figure names ("magnitudo 6,8", "forza 4"), if the figure
    is a degree of it: a scale's unit (``[units.scales]``) goes up to its highest degree ("the
    police force 200 officers" is no force)."""
    unit = g.units.before.get(word)
    top = g.units.scales.get(unit) if unit is not None else None
    if unit is None or (top is not None and (r.high is None or r.high > top)):
        return None
    return unit


def _unit_before(r: Reading, start: int, unit: str, g: Grammar) -> None:
    r.start, r.unit = start, unit
    r.kind = "money" if is_currency(unit) else "measure"
