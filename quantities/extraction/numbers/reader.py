"""Numerals in text, read as a careful editor reads them.

One precompiled master pattern (see :mod:`quantities.extraction.numbers.grammar`) finds the anchors of
a text — digits, number words, vague words, ordinal words — and each anchor is read with
small bounded look-ups to its left (hedge, currency, "tra", cues of dates, times and
identifiers) and to its right (scale word, range, unit, month). Every word involved is
data in the language pack. This module finds the anchors and reads their cores; digits,
context, hedges and the kinds that are no claims have modules of their own.

>>> [q.text for q in find("circa 15mila soldati e 1.000 genieri nel 2019")]
['circa 15mila', '1.000', '2019']
>>> q = parse("oltre 1,5 milioni di euro")
>>> q.value, q.low, q.high, q.unit, q.kind, q.precision
(Decimal('1500000'), Decimal('1500000'), None, 'EUR', 'money', Decimal('100000'))
>>> parse("nel 2019").is_claim
False
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers import invisible, vulgar
from quantities.extraction.numbers.around import (
    BREAKS,
    homograph_ok,
    in_name,
    names_in,
    next_word,
    phrase_before,
    prev_tokens,
    unit_glued,
)
from quantities.extraction.numbers.context import context
from quantities.extraction.numbers.digits import (
    GROUP_BLANKS,
    ISO_DATE,
    MAX_ADJUSTED,
    exponent_after,
    glued_letters,
    identifier,
    parse_digits,
    phone_run,
    raw_kind,
    run_end,
    series_end,
    series_may_follow,
    series_tail,
    spaced_end,
)
from quantities.extraction.numbers.grammar import Grammar, grammar
from quantities.extraction.numbers.halves import halves, read_approx, unit_share
from quantities.extraction.numbers.hedges import carry, scale_parts
from quantities.extraction.numbers.nonclaims import opaque_end, url_end, url_spans
from quantities.extraction.numbers.offsets import relative
from quantities.extraction.numbers.ones import one_opens
from quantities.extraction.numbers.patterns import norm
from quantities.extraction.numbers.prefilter import Starts
from quantities.extraction.numbers.racetimes import race_reading
from quantities.extraction.numbers.reading import (
    HUNDRED,
    Reading,
    is_share,
    match,
    negate,
    precision_int,
    scale,
    search,
)
from quantities.extraction.numbers.shares import PLACES, after_numerator, before_denominator, read_share
from quantities.extraction.numbers.words import apostrophe_elided, definite_scale, longest, split, value_of
from quantities.lang import Pack, load
from quantities.types import Quantity, Span

#: U+0130 ("İ") lowers to two characters: one that no number word holds instead (not an "i").
_ONE_CHARACTER_LOWER = {0x130: "\u0131"}
_ONE = Decimal(1)


def find(text: str, lang: str | Pack = "it") -> list[Quantity]:
    """Every numeral expression in ``text``, in order, non-overlapping — including the
    non-claim kinds (date, year, time, phone, identifier); drop those with ``q.is_claim``.

    >>> [(q.text, q.kind) for q in find("Il 15 agosto, alle 7.40, circa 300 morti e 2.700 feriti")]
    [('15 agosto', 'date'), ('alle 7.40', 'time'), ('circa 300', 'count'), ('2.700', 'count')]
    >>> find("circa 300 morti e 2.700 feriti")[1].hedge
    'circa'
    """
    if (found := invisible.through(text, lambda visible: find(visible, lang))) is not None:  # "15\u00ad.000"
        return found
    pack = load(lang) if isinstance(lang, str) else lang
    g = grammar(pack)
    if (found := vulgar.through(text, g.words.decimal, lambda plain: find(plain, pack))) is not None:  # "2½ ore"
        return found
    out: list[Quantity] = []
    pos = 0
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters: make it one, keep the offsets
        low = text.translate(_ONE_CHARACTER_LOWER).lower()
    starts = Starts(g.anchors, low) if len(low) == len(text) else None
    urls = sorted(url_spans(text) + names_in(text, low, g.idents.names))   # their digits are parts of names
    while (m := _anchor(g, text, starts, pos)) is not None:
        if urls and (inside := url_end(urls, m.start())):
            pos = inside
            continue
        if (opaque := opaque_end(text, m.span())):
            pos = opaque
            continue
        r = _read(text, m, g)
        if r is None or r.oversized(MAX_ADJUSTED):
            pos = _after_one(text, m, g) if r is None else max(r.end, m.start() + 1)  # past an empty match too:
            continue  # always on; a value past what a figure holds (a desk's words "mega giga") is no figure
        one_opens(text, r, g)  # "one to two hours", "uno o due feriti"
        if out and r.start < out[-1].span.end:
            r.start = max(r.start, out[-1].span.end)
        out.append(_quantity(text, r, g))
        pos = max(r.end, m.start() + 1)
    return relative(text, scale_parts(text, carry(text, out, g), g), pack)


def _after_one(text: str, m: Any, g: Grammar) -> int:
    """Past a match that is no number, or its next word after a "one" word ("an eight-hour shift"; not "a half")."""
    first, _, rest = m[0].partition(" ")
    tail = norm(next(iter(text[m.end() + 1:m.end() + 12].split()), "")) if text[m.end():m.end() + 1] == "-" else ""
    word = rest.split()[:1]   # "a two-thirds majority": the share's tail, read whole or not at all
    whole = bool(word) and norm(first) in g.words.one and value_of(word, g) is not None
    return m.start() + len(first) + 1 if whole and tail not in g.shares.denominators else max(m.end(), m.start() + 1)


def _anchor(g: Grammar, text: str, starts: Starts | None, pos: int) -> Any:
    """The master pattern's first match at or after ``pos``, tried only where the
    prefilters (``starts``) say it can match, in the lower-cased text of the same length;
    without them, a case-insensitive search of the text."""
    if starts is None:
        return search(g.anchors.master_i, text, pos)
    low = starts.low
    while (pos := starts.next(pos)) >= 0:
        m = g.anchors.num.match(low, pos) or match(g.anchors.master, low, pos)  # digits: the master's 1st branch
        if m is not None:
            return m
        pos += 1
    return None


def parse(text: str, lang: str | Pack = "it") -> Quantity | None:
    """The first quantity in a short text.

    >>> parse("l'80%").text, parse("l'80%").kind
    ('80%', 'percent')
    >>> parse("quindicimila").value
    Decimal('15000')
    >>> parse("nessun numero") is None
    True
    """
    found = find(text, lang)
    return found[0] if found else None


def _quantity(text: str, r: Reading, g: Grammar) -> Quantity:
    low, high = r.low, r.high
    if r.kind == "percent" and is_share(r.value, r.low):
        low = None if low is None else min(max(low, Decimal(0)), HUNDRED)
        high = HUNDRED if high is None else min(max(high, Decimal(0)), HUNDRED)
    elif r.unit == g.shares.unit and r.value is not None and r.value <= 1:
        # a share: four places as its value, and "più della metà" is at most all
        low = None if low is None else low.quantize(PLACES)
        high = _ONE if high is None else min(high, _ONE).quantize(PLACES)
    value = _tidy(r.value)  # low and high are often the value itself: tidied once
    low = value if low is r.value else _tidy(low)
    high = value if high is r.value else _tidy(high)
    return Quantity(Span(r.start, r.end), text[r.start:r.end], value, low, high, r.approx,
                    r.hedge, r.unit, r.kind, _tidy(r.precision))  # type: ignore[arg-type]  # a reading that reached here has its value and precision


def _tidy(d: Decimal | None) -> Decimal | None:
    """Integral values without a trailing ``.0``, others without trailing zeros."""
    if d is None:
        return None
    return d.quantize(_ONE) if d == d.to_integral_value() else d.normalize()


def _read(text: str, m: Any, g: Grammar) -> Reading | None:
    kind = m.lastgroup  # each of the master's groups spans the whole match
    if kind == "num":
        return _read_digits(text, m.start(), m.end(), g)
    if kind == "words":
        return _read_words(text, m, g)
    if kind == "vague":
        bounds = g.words.vague.get(norm(m[0]))
        if bounds is None:  # a case-blind match of a word in no table (see scale_of)
            return None
        r = Reading(m.start(), m.end(), None, *bounds, None, approx=True)
        return context(text, r, g, scaled=True)
    if kind == "approx":
        return read_approx(text, m, g)
    if kind == "share":
        part = read_share(text, m, g)
        return _part(text, part, g) if part is not None else _read_ordinal_word(text, m, g)
    return _read_ordinal_word(text, m, g)


def _part(text: str, part: Reading, g: Grammar) -> Reading:
    """A share or a half read with its context: of a unit, in that unit ("un quarto d'ora")."""
    return context(text, unit_share(text, part, g), g, scaled=True)


def _read_ordinal_word(text: str, m: Any, g: Grammar) -> Reading | None:
    word = norm(m[0])
    value = g.ordinals.words.get(word)
    if value is None:
        age = _stem_value(word, g.ages.suffixes, 10, g)
        if age is not None:  # "diciottenne": an age in one word
            v = Decimal(age)
            return Reading(m.start(), m.end(), v, v, v, Decimal(1), kind="age", unit="year")
        value = _stem_value(word, g.ordinals.suffixes, 11, g)
        if value is None:
            return None
    elif word in g.words.homographs and not homograph_ok(text, m.start(), m.end(), word, g):
        return None
    v = Decimal(value)
    # a first orders and counts nothing ("la prima ondata"); "la terza ondata" says there were three
    kind = "ordinal" if v > 1 and next_word(text, m.end()) in g.ordinals.counted else "rank"
    return Reading(m.start(), m.end(), v, v, v, Decimal(1), kind=kind)


def _stem_value(word: str, suffixes: Iterable[str], least: int, g: Grammar) -> int | None:
    """The number a word makes of a number word's stem and one of ``suffixes`` (ottant|esimo,
    diciott|enne), restoring the vowel the stem lost; at least ``least``."""
    for suffix in suffixes:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            for vowel in g.ordinals.restore:
                v = value_of([stem + vowel], g) if stem else None
                if v is not None and v >= least:
                    return int(v)
    return None


def _read_words(text: str, m: Any, g: Grammar) -> Reading | None:
    start, end = m.start(), m.end()
    # one word ("due") as WORD would find it; else the words and marks, with where each ends (as
    # written: ``m`` may be a match in the lower-cased text)
    ends, words = ((end - start,), (text[start:end],)) if m[0].isalpha() else split(text[start:end])
    value = definite_scale(text, start, start + ends[-1], words, g) if words else None  # none: an empty match
    n = len(words)
    if value is None and n == 1 and (full := apostrophe_elided(text, start, end, g)):
        # "vent'anni": the apostrophe is the figure's
        value, ends, words = value_of([full], g), (end + 1 - start,), (text[start:end + 1],)
    if value is None:  # the longest run of its words that is a number: cut at the last joiner, else a word
        value, n = longest(words, g)
    if value is None:  # a fraction word alone: "half of the funds", not "half a million"
        last = start + max(m[0].rfind(" "), m[0].rfind("\u00a0")) + 1  # "a half" of "an hour and a half"
        part = read_share(text, m, g) if m[0].isalpha() else None
        part = part or halves(text, last, m.end(), g)
        return _part(text, part, g) if part is not None else None
    end = start + ends[n - 1]
    word = norm(text[start:end]) if n == 1 else ""   # in_name: "il commissario Quaranta" is a name
    if n == 1 and ((word in g.words.homographs and not homograph_ok(text, start, end, word, g))
                   or in_name(text, start, end, g.years.decade_before)):
        return None
    part = after_numerator(text, start, end, value, g) or before_denominator(text, start, end, value, g)
    if part is not None:
        return _part(text, part, g)
    if n == 1 and norm(text[start:end]) in g.words.singletons:
        return None
    whole = value == value.to_integral_value()
    r = Reading(start, end, value, value, value, precision_int(value) if whole else Decimal("0.1"),
                integer=whole)
    at = _minus_word(text, start, g)
    r.start = r.start if at is None else at
    return _signed(_plus_share(text, context(text, r, g, scaled=value >= 1000), g), start, at is not None)


#: A joiner and the numerator word of a share after a number: " e tre [quarti]", " and a [quarter]".
_JOINED_NUMERATOR = compiled(r"[ \u00a0]{1,3}(\p{L}{1,8})[ \u00a0]{1,3}(\p{L}{1,20}['’]?)")


def _plus_share(text: str, r: Reading, g: Grammar) -> Reading:
    """An integer and a share after a joiner make one number: "due e tre quarti" (2.75),
    "five and a quarter" (5.25); not "cento e tre quarti", read as 103 before "quarti"."""
    if r.kind != "count" or not r.integer or r.value is None or r.low != r.high:
        return r
    m = _JOINED_NUMERATOR.match(text, r.end, min(len(text), r.end + 40))
    if m is None or norm(m[1]) not in g.words.joiners:
        return r
    word = norm(m[2])
    n = _ONE if word in g.words.one else value_of([m[2]], g)
    part = after_numerator(text, m.start(2), m.end(2), n, g, per=False) if n is not None else None
    if part is None or part.value is None:
        return r
    r.value = r.low = r.high = r.value + part.value
    r.end, r.precision, r.integer = part.end, part.precision, False
    return r


#: Kinds that have no sign: "meno 20 giorni al voto" is a countdown, not -20 days.
_UNSIGNED = frozenset({"duration", "age", "date", "time", "year"})


def _signed(r: Reading, start: int, minus: bool) -> Reading:
    """``r`` made negative after a minus word; a kind without a sign leaves the word out."""
    if minus and r.kind in _UNSIGNED:
        r.start = max(r.start, start)
    elif minus:
        negate(r)
    return r


def _read_digits(text: str, start: int, end: int, g: Grammar) -> Reading | None:
    if (race := race_reading(text, start, g)) is not None:  # "in 2h06'24\"", "2:06:24"; "alle 23:11:01"
        return race
    iso = ISO_DATE.match(text, start) if text[start + 4:start + 5] == "-" else None
    if iso is not None:
        return Reading(start, iso.end(), None, None, None, None, kind="date")
    raw = text[start:end]
    grouped = _grouped(text, end, raw)
    # a phone cue matters only to digits that may be a phone: grouped, after a "+", or as many as a cued one has
    cued = (grouped or raw[0] == "+" or len(raw) >= g.idents.phone_cued_min) and phrase_before(
        prev_tokens(text, start, 4), g.idents.phone_before, g) is not None
    if cued or raw[0] == "+" or grouped:
        phone = phone_run(text, start, cued, g)
        if phone:
            return Reading(start, start + phone, None, None, None, None, kind="phone")
    end = spaced_end(text, start, end)  # "Lombardia 120 340": two numbers
    raw = text[start:end]
    series = series_end(text, start) if grouped or series_may_follow(text, end) else 0
    if series:  # "5 12 33 47 81 90": a table row, numbers drawn ("…, 75 e 76": its last too)
        return Reading(start, series_tail(text, series, g.follow.joined), None, None, None, None, kind="identifier")
    special = raw_kind(text, start, raw, g)
    if special is not None:
        kind, length = special
        return Reading(start, start + length, None, None, None, None, kind=kind)
    parsed = parse_digits(raw, g)
    if parsed is None:
        return None
    value, precision, length, integer = parsed
    plus = raw[0] == "+"
    r = Reading(start, start + plus + length, value, value, value, precision, integer=integer,
                plain=integer and not plus and raw[:length].isdigit())
    if glued_letters(text, start) and not unit_glued(text, start, g):
        return identifier(text, r)
    run = run_end(text, start + plus, r.end)
    if run > r.end:
        return Reading(start, run, None, None, None, None, kind="identifier")
    end, power = exponent_after(text, r.end, value)  # "1e6", "10^6"; (r.end, 0) without one
    if power is None:  # past the bound, or "2^10": no figure
        return Reading(start, end, None, None, None, None, kind="identifier")
    if end > r.end:
        scale(r, Decimal(10) ** power)
        r.end = end
    if r.plain:
        part = after_numerator(text, start, r.end, value, g, per=value == 1,  # "1 su 3"; "10 su 27 regioni" counts
                               counted=True) or before_denominator(text, start, r.end, value, g)  # "un italiano su 2"
        if part is not None:
            return _part(text, part, g)
    minus = _minus(text, start, g)
    if minus:
        r.start, r.plain = start - 1, False
        r = context(text, r, g, scaled=False)
        negate(r)
        return r
    at = _minus_word(text, start, g)
    if at is not None:
        r.start, r.plain = at, False
    return _signed(context(text, r, g, scaled=False), start, at is not None)


def _grouped(text: str, end: int, raw: str) -> bool:
    """Whether the digits ``raw`` (ending at ``end``) may be a phone in groups: a blank then a
    digit after them, or a blank inside them. Else an uncued number's phone run has one group,
    which is no phone (:func:`phone_run`): "300 soldati" is told without a pattern."""
    if text[end:end + 1] not in GROUP_BLANKS:
        return False
    return "0" <= text[end + 1:end + 2] <= "9" or not GROUP_BLANKS.isdisjoint(raw)


def _minus_word(text: str, start: int, g: Grammar) -> int | None:
    """Where a minus word right before the number stands ("meno 5 gradi", "minus five
    percent"), unless a number comes before it (arithmetic: "10 meno 3")."""
    if not g.words.minus_words or start == 0:
        return None
    if text[start - 1] not in BREAKS and text[start - 1].lower() not in g.words.minus_ends:
        return None  # the word glued to the digits ends as no minus word does ("€5", "l'80")
    prev = prev_tokens(text, start, 2)
    if not prev or prev[-1][1] not in g.words.minus_words:
        return None
    if len(prev) == 2 and (prev[0][1][:1].isdigit() or value_of([prev[0][1]], g) is not None):
        return None
    return prev[-1][0]


def _minus(text: str, start: int, g: Grammar) -> bool:
    """A minus sign right before the digits, itself after a blank, an opening mark or
    nothing ("-5 gradi", "(−0,3%)"; not "30-40" nor "Covid-19")."""
    if start == 0 or text[start - 1] not in g.words.minus:
        return False
    return start == 1 or not text[start - 2].isalnum()
