"""Numerals in text, read as a careful editor reads them.

One precompiled master pattern (see :mod:`quantities.extraction.numbers.grammar`) finds the anchors of
a text — digits, number words, vague words, ordinal words — and each anchor is read with
small bounded look-ups to its left (hedge, currency, "tra", cues of dates, times and
identifiers) and to its right (scale word, range, unit, month). Every word involved is
data in the language pack.

>>> [q.text for q in find("circa 15mila soldati e 1.000 genieri nel 2019")]
['circa 15mila', '1.000', '2019']
>>> q = parse("oltre 1,5 milioni di euro")
>>> q.value, q.low, q.high, q.unit, q.kind, q.precision
(Decimal('1500000'), Decimal('1500000'), None, 'EUR', 'money', Decimal('100000'))
>>> parse("nel 2019").is_claim
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import chain
from typing import Any

import regex

from quantities.errors import PatternTimeoutError
from quantities.extraction.numbers.grammar import (
    AGESUF,
    ASCII_BLANKS,
    BLANKS,
    MARK,
    MONTH,
    SCALE,
    UNIT,
    Grammar,
    Starts,
    grammar,
    norm,
)
from quantities.extraction.numbers.words import value_of
from quantities.lang import Pack, load
from quantities.lang.units import PERCENT, is_currency
from quantities.types import Quantity, Span

TIMEOUT = 5.0  # seconds for one pattern call: far beyond any real text
_TOKEN = regex.compile(r"[^\s()\[\]{}«»“”\"]+")
_BREAKS = re.escape(BLANKS + "()[]{}«»“”\"")  # what _TOKEN's words cannot hold, for re
_W, _S = f"[^{_BREAKS}]+", f"[{_BREAKS}]"  # a word, a break
# up to 4 of the same words in a reversed window, nearest first (a word and a break
# never overlap, so each group takes a whole word)
_WORDS_BACK = re.compile(rf"{_S}*({_W})(?:{_S}+({_W})(?:{_S}+({_W})(?:{_S}+({_W}))?)?)?")
_WORD_BACK = re.compile(rf"{_S}*({_W})")  # the nearest alone
_WORD = regex.compile(r"[\p{L}'’]+|[^\s\p{L}0-9]")
_OPENERS = "([{«“\"‘"  # stripped from the head of a word before a number
_HUNDRED = Decimal(100)
_ONE = Decimal(1)
_RANGE_JOIN = regex.compile(r"(\s{0,2})([^\s0-9\p{L}]|\p{L}{1,7})(\s{0,2})(?=[0-9\p{L}])")
_NON_DIGIT = re.compile(r"[^0-9]")
_ARTICLE_AHEAD = regex.compile(r"(\p{L}{1,5}['’]?)\s{0,2}(?=[0-9])")  # "i 40", "il 30", "l'80"
_ISO_DATE = regex.compile(r"[12][0-9]{3}-[01][0-9]-[0-3][0-9](?![0-9])")  # 2025-08-13
_YEAR_AFTER = regex.compile(r",?\s{1,3}[12][0-9]{3}(?![0-9])")          # "Agosto 13, 2025"
_last_prev: tuple[str | None, int, list[tuple[int, str]]] = (None, -1, [])
_CLOCK = regex.compile(r"[0-9]{1,2}([.:,])([0-5][0-9])")
_APOSTROPHE_OR_SPACE = regex.compile(r"['’\s]")
_DIGIT_GROUPS = regex.compile(r"([^0-9])")
_DIGITS = "0123456789"
#: The one character whose lower case is longer (U+0130, "İ" -> "i̇"): a letter of one
#: character that no number word holds (a case twin of "i" is not an "i").
_ONE_CHARACTER_LOWER = {0x130: "\u0131"}
_PLAIN_DIGITS = frozenset("0123456789.,'’")  # with no other mark, digits are not _raw_kind's
_DAY_YEAR = regex.compile(r"\s{1,3}[0-9]{4}(?![0-9])")                  # "15 agosto 2025"
_WORDS_AFTER = regex.compile(r"\s{1,2}([\p{L}'’]{1,12}(?:\s[\p{L}]{1,8})?)")


@dataclass(slots=True)
class _Read:
    """A number being read: the core, then what the context adds."""

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    precision: Decimal | None
    kind: str = "count"
    unit: str | None = None
    hedge: str | None = None
    approx: bool = False
    integer: bool = False
    plain: bool = False  # digits only, no separator: could be a year


def _pack(lang: str | Pack) -> Pack:
    return load(lang) if isinstance(lang, str) else lang


def _search(rx: Any, text: str, pos: int, endpos: int | None = None) -> Any:
    try:
        # positional (string, pos, endpos, concurrent, partial, timeout): keywords cost more;
        # concurrent=False keeps the GIL, which releasing would cost more than these short calls
        return rx.search(text, pos, len(text) if endpos is None else endpos, False, False, TIMEOUT)
    except TimeoutError as e:
        raise PatternTimeoutError(f"pattern timed out at offset {pos}") from e


def _match(rx: Any, text: str, pos: int, endpos: int | None = None) -> Any:
    try:
        return rx.match(text, pos, len(text) if endpos is None else endpos, False, False, TIMEOUT)
    except TimeoutError as e:
        raise PatternTimeoutError(f"pattern timed out at offset {pos}") from e


def find(text: str, lang: str | Pack = "it") -> list[Quantity]:
    """Every numeral expression in ``text``, in order, non-overlapping — including the
    non-claim kinds (date, year, time, phone, identifier); drop those with ``q.is_claim``.

    >>> [(q.text, q.kind) for q in find("Il 15 agosto, alle 7.40, circa 300 morti e 2.700 feriti")]
    [('15 agosto', 'date'), ('alle 7.40', 'time'), ('circa 300', 'count'), ('2.700', 'count')]
    >>> find("circa 300 morti e 2.700 feriti")[1].hedge
    'circa'
    """
    g = grammar(_pack(lang))
    out: list[Quantity] = []
    pos = 0
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters: make it one, keep the offsets
        low = text.translate(_ONE_CHARACTER_LOWER).lower()
    starts = Starts(g, low) if len(low) == len(text) else None
    while (m := _anchor(g, text, starts, pos)) is not None:
        r = _read(text, m, g)
        if r is None:
            pos = m.end()
            continue
        if out and r.start < out[-1].span.end:
            r.start = max(r.start, out[-1].span.end)
        out.append(_quantity(text, r))
        pos = max(r.end, m.start() + 1)
    return _carry(text, out, g)


def _anchor(g: Grammar, text: str, starts: Starts | None, pos: int) -> Any:
    """The master pattern's first match at or after ``pos``, tried only where the
    prefilters (``starts``) say it can match, in the lower-cased text of the same length;
    without them, a case-insensitive search of the text."""
    if starts is None:
        return _search(g.master_i, text, pos)
    low = starts.low
    while (pos := starts.next(pos)) >= 0:
        m = g.num.match(low, pos) or _match(g.master, low, pos)  # digits: the master's 1st branch
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


def _quantity(text: str, r: _Read) -> Quantity:
    low, high = r.low, r.high
    if r.kind == "percent" and _is_share(r.value, r.low):
        low = None if low is None else min(max(low, Decimal(0)), _HUNDRED)
        high = _HUNDRED if high is None else min(max(high, Decimal(0)), _HUNDRED)
    value = _tidy(r.value)  # low and high are often the value itself: tidied once
    low = value if low is r.value else _tidy(low)
    high = value if high is r.value else _tidy(high)
    return Quantity(Span(r.start, r.end), text[r.start:r.end], value, low, high, r.approx,
                    r.hedge, r.unit, r.kind, _tidy(r.precision))  # type: ignore[arg-type]


def _is_share(value: Decimal | None, low: Decimal | None) -> bool:
    """A percentage up to 100 is a share, kept within [0, 100]; "un aumento del 200%" is a
    change, whose interval is left as stated (so low <= value <= high always holds)."""
    stated = value if value is not None else low
    return stated is None or stated <= _HUNDRED


def _tidy(d: Decimal | None) -> Decimal | None:
    """Integral values without a trailing ``.0``, others without trailing zeros."""
    if d is None:
        return None
    return d.quantize(_ONE) if d == d.to_integral_value() else d.normalize()


# --- the core of an anchor -------------------------------------------------------------

def _read(text: str, m: Any, g: Grammar) -> _Read | None:
    kind = m.lastgroup  # each of the master's groups spans the whole match
    if kind == "num":
        return _read_digits(text, m.start(), m.end(), g)
    if kind == "words":
        return _read_words(text, m, g)
    if kind == "vague":
        bounds = g.vague.get(norm(m[0]))
        if bounds is None:  # a case-blind match of a word in no table (see _scale_of)
            return None
        r = _Read(m.start(), m.end(), None, *bounds, None, approx=True)
        return _context(text, r, g, scaled=True)
    if kind == "approx":
        return _read_approx(text, m, g)
    return _read_ordinal_word(text, m, g)


def _read_approx(text: str, m: Any, g: Grammar) -> _Read | None:
    words = m[0].split()
    word = norm(_APOSTROPHE_OR_SPACE.split(m[0])[-1] if len(words) < 2 else words[-1])
    n = g.approx_words.get(word)
    if n is None:  # a case-blind match of a word in no table (see _scale_of)
        return None
    r = _Read(m.start(), m.end(), n, n * (1 - g.approx_spread), n * (1 + g.approx_spread), n,
              approx=True)
    return _context(text, r, g, scaled=True)


def _read_ordinal_word(text: str, m: Any, g: Grammar) -> _Read | None:
    word = norm(m[0])
    value = g.ordinal_words.get(word)
    if value is None:
        value = _ordinal_stem(word, g)
        if value is None:
            return None
    elif word in g.homographs and not _homograph_ok(text, m.start(), m.end(), word, g):
        return None
    v = Decimal(value)
    return _Read(m.start(), m.end(), v, v, v, Decimal(1), kind="ordinal")


def _ordinal_stem(word: str, g: Grammar) -> int | None:
    for suffix in g.ordinal_suffixes:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            for vowel in g.ordinal_restore:
                v = value_of([stem + vowel], g) if stem else None
                if v is not None and v > 10:
                    return int(v)
    return None


def _read_words(text: str, m: Any, g: Grammar) -> _Read | None:
    start, end = m.start(), m.end()
    if m[0].isalpha():  # one word ("due"), as _WORD would find it
        tokens = [(start, end)]
    else:
        tokens = [(t.start(), t.end()) for t in _WORD.finditer(text, start, end)]
    value = None
    while tokens and value is None:
        value = value_of([text[a:b] for a, b in tokens], g)
        if value is None:
            joiners = [i for i, (a, b) in enumerate(tokens) if norm(text[a:b]) in g.joiners]
            del tokens[joiners[-1] if joiners else -1:]
    if value is None:
        return None
    end = tokens[-1][1]
    if len(tokens) == 1:
        word = norm(text[start:end])
        if word in g.homographs and not _homograph_ok(text, start, end, word, g):
            return None
    r = _Read(start, end, value, value, value, _precision_int(value), integer=True)
    return _context(text, r, g, scaled=value >= 1000)


# --- digits ----------------------------------------------------------------------------

def _read_digits(text: str, start: int, end: int, g: Grammar) -> _Read | None:
    iso = _ISO_DATE.match(text, start) if text[start + 4:start + 5] == "-" else None
    if iso is not None:
        return _Read(start, iso.end(), None, None, None, None, kind="date")
    raw = text[start:end]
    special = _raw_kind(text, start, raw, g)
    if special is not None:
        kind, length = special
        return _Read(start, start + length, None, None, None, None, kind=kind)
    parsed = _digits(raw, g)
    if parsed is None:
        return None
    value, precision, length, integer = parsed
    r = _Read(start, start + length, value, value, value, precision, integer=integer,
              plain=integer and raw[:length].isdigit())
    if _glued_letters(text, start):
        return _identifier(text, r)
    return _context(text, r, g, scaled=False)


def _glued_letters(text: str, start: int) -> int:
    """How many letters (and a hyphen) glue a name to these digits: A4, G7, Covid-19."""
    i = start
    if i > 0 and text[i - 1] == "-":
        i -= 1
    j = i
    while j > 0 and start - j < 20 and text[j - 1].isalpha():
        j -= 1
    return start - j if j < i else 0


def _identifier(text: str, r: _Read) -> _Read:
    r.start -= _glued_letters(text, r.start)
    r.kind, r.precision = "identifier", None
    while r.end < len(text) and r.end - r.start < 40 and text[r.end].isalnum():
        r.end += 1
    return r


def _raw_kind(text: str, start: int, raw: str, g: Grammar) -> tuple[str, int] | None:
    """Dates, times, phones and n/yyyy identifiers told by their digits alone."""
    if len(raw) < g.phone_min and raw.count(".") < 2 and _PLAIN_DIGITS.issuperset(raw):
        return None  # shorter than a phone, without a date's two dots, "/", ":" or blanks
    plus = raw.startswith("+")
    parts = _DIGIT_GROUPS.split(raw[plus:])
    nums, seps = parts[0::2], parts[1::2]
    if len(nums) >= 3 and seps[0] == seps[1] and seps[0] in "./-" and _is_date(nums[:3]):
        return "date", len("".join(parts[:5]))
    if len(nums) >= 2 and seps[0] == "/":
        return "identifier", len("".join(parts[:3]))
    if len(nums) >= 2 and seps[0] == ":" and _is_clock(nums[0], nums[1]):
        return "time", len("".join(parts[:3]))
    phone = _phone_length(plus, nums, seps, g)
    return ("phone", phone + plus) if phone else None


def _is_date(nums: list[str]) -> bool:
    d, m, y = nums
    return (len(d) <= 2 and len(m) <= 2 and len(y) in (2, 4) and 1 <= int(d) <= 31
            and 1 <= int(m) <= 12 and not (len(m) == 3))


def _is_clock(h: str, mm: str) -> bool:
    return len(h) <= 2 and len(mm) == 2 and int(h) <= 24 and int(mm) < 60


def _phone_length(plus: bool, nums: list[str], seps: list[str], g: Grammar) -> int:
    """The length of a phone number made of the first digit groups, or 0."""
    head = 0
    digits = 0
    for i, n in enumerate(nums):
        if i and seps[i - 1] not in " \u00a0":
            break
        digits += len(n)
        head = len(" ".join(nums[: i + 1]))
    if plus:
        return head if digits >= 6 else 0
    first = nums[0]
    grouped = len(first) <= 3 and all(len(n) == 3 for n in nums[1:])
    if digits >= g.phone_min and first.startswith(g.phone_starts) and not grouped:
        return head
    return 0


def _digits(raw: str, g: Grammar) -> tuple[Decimal, Decimal, int, bool] | None:
    """The value, precision and length of the digits at the head of ``raw``."""
    raw = raw.lstrip("+")
    if len(raw) <= 15 and raw.isascii() and raw.isdigit():  # plain (marks are never digits)
        v = Decimal(raw)
        return v, _precision_int(v), len(raw), True
    # the whole, else the longest head that ends before a mark (looked for only then)
    cuts = chain((len(raw),), (i for i in reversed(range(len(raw))) if raw[i] not in _DIGITS))
    for cut in cuts:
        head = raw[:cut]
        for form, whole_at, frac_at in g.digit_forms:
            m = form.fullmatch(head)
            if m:
                whole = _NON_DIGIT.sub("", m[whole_at])
                frac = m[frac_at] if frac_at else None
                if frac:
                    return (Decimal(f"{whole}.{frac}"), Decimal(1).scaleb(-len(frac)),
                            cut, False)
                v = Decimal(whole)
                return v, _precision_int(v), cut, True
    return None


def _precision_int(v: Decimal) -> Decimal:
    """The place of the last non-zero digit of an integer: 5000 -> 1000, 5012 -> 1."""
    digits = str(int(v))
    if digits == "0":
        return Decimal(1)
    return Decimal(10 ** (len(digits) - len(digits.rstrip("0"))))  # 10 ** trailing zeros


# --- context ---------------------------------------------------------------------------

def _prev_tokens(text: str, start: int, n: int = 4) -> list[tuple[int, str]]:
    """Up to ``n`` (at most 4) words before ``start``, nearest last, each with its offset."""
    global _last_prev
    last = _last_prev  # one read asks several times for the words before the same start
    if last[0] is not text or last[1] != start:
        last = _last_prev = (text, start, _words_before(text, start))
    return last[2][-n:]


def _words_before(text: str, start: int) -> list[tuple[int, str]]:
    """Up to 4 words of the 48 characters before ``start``, nearest last.

    >>> _words_before("«Circa (dei) 300", 13)
    [(1, 'circa'), (8, 'dei')]
    >>> _words_before("a\x1cb 3", 4)  # a separator control character is no blank
    [(0, 'a\x1cb')]
    """
    m = _WORDS_BACK.match(text[max(0, start - 48):start][::-1])
    if m is None:
        return []
    out = []
    for i in (4, 3, 2, 1):  # the farthest first; a, b count back from ``start``
        a, b = m.span(i)
        if a >= 0:
            word = text[start - b:start - a].lstrip(_OPENERS)
            out.append((start - a - len(word), norm(word)))
    return out


def _word_before(text: str, start: int) -> str:
    """The last of :func:`_words_before`'s words, or "" when there is none.

    >>> _word_before("per «il 3", 8), _word_before(" 3", 1)
    ('il', '')
    """
    m = _WORD_BACK.match(text[max(0, start - 48):start][::-1])
    return norm(m[1][::-1].lstrip(_OPENERS)) if m is not None else ""


def _glued_before(text: str, start: int) -> tuple[int, str] | None:
    """A token glued to the number's left (l'80, €300, dell'80): its start and form."""
    if start == 0 or text[start - 1].isspace():
        return None
    toks = _prev_tokens(text, start, 1)
    return toks[0] if toks else None


def _next_word(text: str, end: int) -> str:
    m = _TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return norm(m.group()).rstrip(",;:.!?") if m else ""


def _phrase_before(prev: list[tuple[int, str]], table: Any, g: Grammar) -> tuple[int, str] | None:
    """The longest run of the last words found in ``table``: (start, phrase)."""
    if not prev or (prev[-1][1] not in g.phrase_ends and " " not in prev[-1][1]):
        return None  # no phrase of any cue table ends with this word
    phrases = [prev[-1][1]]  # the last word, the last two, the last three
    for _, w in prev[-2:-4:-1]:
        phrases.append(f"{w} {phrases[-1]}")
    for k in range(len(phrases), 0, -1):
        if phrases[k - 1] in table:
            return prev[-k][0], phrases[k - 1]
    return None


def _homograph_ok(text: str, start: int, end: int, word: str, g: Grammar) -> bool:
    h = g.homographs[word]
    if h.need_before and _word_before(text, start) not in h.need_ends:
        return False  # the common case, told by one word
    prev = _prev_tokens(text, start, 2)
    before = prev[-1][1] if prev else ""
    before2 = " ".join(w for _, w in prev)
    if h.need_before and before not in h.need_before and before2 not in h.need_before:
        return False
    if before in h.not_before or before2 in h.not_before:
        return False
    after = text[end:end + 40].split(None, 1)
    following = norm(after[0]) if after else ""
    if following[:1] in "?!.," and following:
        return following[:1] not in h.not_after
    return following.rstrip(",;:.?!") not in h.not_after


def _context(text: str, r: _Read, g: Grammar, *, scaled: bool) -> _Read:
    """Read what surrounds the core: right side first, then the left."""
    if r.kind == "count":
        _right(text, r, g, scaled)
    if r.kind == "count" or r.kind in ("money", "measure", "percent", "duration"):
        _left(text, r, g)
    return r


def _right(text: str, r: _Read, g: Grammar, scaled: bool) -> None:
    m = _after(text, r.end, g)
    factor = _scale_of(m, g)
    if factor is not None and r.value is not None and not scaled:
        _scale(r, factor)
        r.end, scaled = m.end(SCALE), True
        m = _after(text, r.end, g)
    ranged = _range(text, r, g)
    if ranged is not None:
        if r.kind != "count":
            return  # a range of days or hours
        scaled = scaled or ranged
        m = _after(text, r.end, g)
    if m is None:
        return
    if m[UNIT]:
        _unit(text, r, m, g, scaled)
    elif m[MARK] and r.integer:
        r.kind, r.end, r.precision = "ordinal", m.end(), Decimal(1)
    elif m[AGESUF] and r.integer:
        r.kind, r.unit, r.end = "age", "year", m.end()
    elif m[MONTH] and r.integer and r.value is not None and 1 <= r.value <= 31:
        r.kind, r.end = "date", m.end()
        year = _DAY_YEAR.match(text[r.end:r.end + 6])
        if year:
            r.end += year.end()


def _after(text: str, pos: int, g: Grammar, span: int = 64) -> Any:
    """``g.after`` on ``span`` characters at ``pos``; None, without running it, when past
    at most 3 blanks come two ASCII characters that begin none of its words (then it
    could only match empty)."""
    head = text[pos:pos + 6]
    rest = head.lstrip(ASCII_BLANKS)[:2]
    if (len(head) - len(rest) <= 4 and len(rest) == 2 and rest.isascii()
            and g.after_heads is not None and rest not in g.after_heads):
        return None
    return _match(g.after, text, pos, min(len(text), pos + span))


def _ascii_miss(text: str, pos: int, heads: frozenset[str] | None) -> bool:
    """Whether the first character past at most 2 ASCII blanks at ``pos`` is an ASCII
    character that begins none of the words ``heads`` stands for."""
    rest = text[pos:pos + 3].lstrip(ASCII_BLANKS)
    return bool(rest) and rest[0] < "\x80" and heads is not None and rest[0] not in heads


def _scale(r: _Read, factor: Decimal) -> None:
    r.value = r.value * factor if r.value is not None else None
    r.low = r.low * factor if r.low is not None else None
    r.high = r.high * factor if r.high is not None else None
    r.precision = (r.precision or Decimal(1)) * factor
    r.integer = r.plain = False


def _unit(text: str, r: _Read, m: Any, g: Grammar, scaled: bool) -> None:
    raw = m[UNIT]
    linked = raw[:1].isspace() and norm(raw).split()[0] in g.links
    if linked and not scaled:
        return
    word = norm(raw).split(None, 1)[1] if linked else norm(raw)
    word = g.link_head.sub("", word) if linked else word
    if word in g.percent:
        r.kind, r.unit = "percent", PERCENT
    elif word in g.currency:
        r.kind, r.unit = "money", g.currency[word]
    elif word in g.units:
        r.unit = g.units[word]
        r.kind = "duration" if r.unit in g.durations else "measure"
        if r.kind == "duration" and _is_age(text, r, word, g):
            r.kind = "age"
    else:
        return
    r.end = m.end(UNIT)


def _is_age(text: str, r: _Read, word: str, g: Grammar) -> bool:
    if word not in g.age_units:
        return False
    prev = _prev_tokens(text, r.start, 4)
    words = [w for _, w in prev]
    if words and words[-1] in g.age_verbs:
        return True
    return bool(words) and words[-1] in g.links and any(w in g.age_people for w in words[:-1])


def _range(text: str, r: _Read, g: Grammar) -> bool | None:
    """30-40, 5 o 6 miliardi, tra 30 e 40: widen ``r`` to the range.

    None when there is no range; else whether the second number brought a scale word.
    """
    if r.value is None or _ascii_miss(text, r.end, g.joiner_heads):
        return None
    m = _RANGE_JOIN.match(text, r.end, min(len(text), r.end + 12))
    if not m:
        return None
    joiner = norm(m.group(2))
    spaced = bool(m.group(1)) and bool(m.group(3))
    if joiner in g.range_dash or (spaced and joiner in g.range_or) or (spaced and joiner in g.range_pairs.values() and _pair_start(text, r, joiner, g) is not None):
        pass
    else:
        return None
    at = m.end()
    if joiner in g.range_pairs.values():  # "tra i 30 e i 40": past the article after "e"
        article = _ARTICLE_AHEAD.match(text, at, min(len(text), at + 12))
        if article is not None and norm(article[1]) in g.range_articles:
            at = article.end()
    second = _second(text, at, g)
    if second is None:
        return None
    v2, p2, end2, factor = second
    if factor is not None and r.value * factor <= v2:
        _scale(r, factor)
    if v2 <= r.value:
        return None
    first = r.start
    start = _pair_start(text, r, joiner, g)
    if start is not None and joiner in g.range_pairs.values():
        r.start = start
    r.low, r.high, r.value, r.end = r.value, v2, None, end2
    r.precision = min(r.precision or p2, p2)
    if factor is None:
        _range_kind(text, r, first, g)
    return factor is not None


def _range_kind(text: str, r: _Read, first: int, g: Grammar) -> None:
    """A range of days before a month is a date ("tra il 15 e il 20 marzo", "15-20
    marzo"); a range of hours after a time word is a time ("tra le 10 e le 11 di ieri",
    "dalle 10 alle 12"), unless a counted noun follows ("tra le 10 e le 11 persone")."""
    if not r.integer or r.low is None or r.high is None:
        return
    after = _after(text, r.end, g)
    if after is not None and after[MONTH] and r.low >= 1 and r.high <= 31:
        r.kind, r.end = "date", after.end()
        return
    before = _prev_tokens(text, first, 1)
    if before and before[-1][1] in g.time_before and r.high <= 24:
        nxt = _next_word(text, r.end)
        if not (nxt.isalpha() and nxt not in g.time_not_nouns):
            r.kind = "time"


def _pair_start(text: str, r: _Read, joiner: str, g: Grammar) -> int | None:
    """Where the first word of a pair ("tra" of "tra 30 e 40", "tra i 30 e i 40") stands."""
    prev = _prev_tokens(text, r.start, 2)
    if prev and prev[-1][1] in g.range_articles:
        prev = prev[:-1]
    if prev and g.range_pairs.get(prev[-1][1]) == joiner:
        return prev[-1][0]
    return None


def _second(text: str, pos: int, g: Grammar) -> tuple[Decimal, Decimal, int, Decimal | None] | None:
    """The second number of a range at ``pos``: value, precision, end, scale applied."""
    stop = min(len(text), pos + 80)
    m = g.num.match(text, pos, stop) or _match(g.master_i, text, pos, stop)
    if m is None or m.lastgroup not in ("num", "words"):
        return None
    if m.lastgroup == "num":
        parsed = _digits(m[0], g)
        if parsed is None:
            return None
        v, p, length, _ = parsed
        end = pos + length
    else:
        v = value_of(m[0].split(), g)
        if v is None:
            return None
        p, end = _precision_int(v), m.end()
    a = _after(text, end, g, 32)
    factor = _scale_of(a, g)
    if factor is not None:
        return v * factor, p * factor, a.end(SCALE), factor
    return v, p, end, None


def _scale_of(m: Any, g: Grammar) -> Decimal | None:
    """The factor of the scale word an ``after`` match found, if any.

    The patterns ignore case, so they also take letters that lower-case to something
    else ("mİla": "İ" lower-cases to "i̇"); such a word is in no table and is no scale.
    """
    return g.scales.get(norm(m[SCALE])) if m is not None and m[SCALE] else None


def _left(text: str, r: _Read, g: Grammar) -> None:
    prev = _prev_tokens(text, r.start, 4)
    glued = _glued_before(text, r.start)
    if glued and glued[1] in g.units_before and r.kind == "count":
        _unit_before(r, glued[0], g.units_before[glued[1]], g)
        prev = _prev_tokens(text, r.start, 4)
    elif prev and prev[-1][1] in g.units_before and r.kind == "count" and not glued:
        _unit_before(r, prev[-1][0], g.units_before[prev[-1][1]], g)
        prev = prev[:-1]
    if r.kind == "count" and _non_claim(text, r, prev, glued, g):
        return
    _hedge(text, r, prev, glued, g)


def _unit_before(r: _Read, start: int, unit: str, g: Grammar) -> None:
    r.start, r.unit = start, unit
    r.kind = "money" if is_currency(unit) else "measure"


def _non_claim(text: str, r: _Read, prev: list[tuple[int, str]], glued: Any, g: Grammar) -> bool:
    """Years, times, identifiers and dates told by the words around a bare number."""
    if _time(text, r, prev, g):
        return True
    if r.value is None:
        return _year_range(r, g)
    if not r.integer:
        return False
    if _decade(text, r, prev, g) or _month_year(text, r, prev, glued, g) or _year(text, r, prev, g):
        return True
    if _caption_index(text, r):
        r.kind = "identifier"
        return True
    cue = _phrase_before(prev, g.ident_before, g) if not glued else None
    zero = g.leading_zero and r.plain and text[r.start] == "0" and r.end - r.start > 1
    if cue is not None or zero:
        r.kind = "identifier"
        return True
    return False


#: The end of a paragraph: blanks, then a blank line or the end of the text.
_PARAGRAPH_END = re.compile(r"[ \t]{0,40}(?:\r?\n[ \t]{0,40}(?:\r?\n|$)|$)")
#: The longest line read back for :func:`_caption_index`, in characters.
CAPTION_LINE = 120


def _caption_index(text: str, r: _Read) -> bool:
    """A photo caption's index, not a count: a one- or two-digit bare number that ends a
    paragraph of one short line of at least three words written without capitals, digits
    or marks ("vladimir putin e kim jong un a pyongyang 3", the alt text of a gallery). A
    headline ends in a number too ("Ucraina, i morti salgono a 30") but starts with a
    capital; a hard-wrapped sentence goes on in the next line."""
    if not r.plain or r.end - r.start > 2:
        return False
    if _PARAGRAPH_END.match(text, r.end) is None:
        return False  # the line goes on, or the next one continues the sentence
    line_start = text.rfind("\n", max(0, r.start - CAPTION_LINE), r.start) + 1
    if line_start == 0 and r.start > CAPTION_LINE:
        return False
    line = text[line_start:r.start]
    return (len(line.split()) >= 3 and line == line.lower()
            and all(c.isalpha() or c.isspace() for c in line))


def _month_year(text: str, r: _Read, prev: list[tuple[int, str]], glued: Any, g: Grammar) -> bool:
    """giugno 2024, giugno del 2024 (and Aug. 14, or "Agosto 13, 2025", where the day follows the month)."""
    if glued or not prev or not r.plain or r.value is None:
        return False
    if prev[-1][1].rstrip(".") in g.months:
        start = prev[-1][0]
    elif len(prev) > 1 and prev[-1][1] in g.year_links and prev[-2][1].rstrip(".") in g.months:
        start = prev[-2][0]
    else:
        return False
    day_first = g.day_after_month or _YEAR_AFTER.match(text, r.end) is not None
    if r.value < g.year_min and not (day_first and 1 <= r.value <= 31):
        return False
    r.start, r.kind = start, "date"
    return True


def _decade(text: str, r: _Read, prev: list[tuple[int, str]], g: Grammar) -> bool:
    if r.end - r.start != 2 or not r.plain:
        return False
    lead = text[max(0, r.start - 1):r.start]
    words = [w.rstrip("'’") for _, w in prev[-2:]]
    if (lead in "'’" and lead) or (words and words[-1] in g.decade_before):
        if _phrase_before([(0, w) for w in words if w], g.decade_before, g) is not None:
            r.kind = "year"
            if lead in "'’" and lead:
                r.start -= 1
            return True
    return False


def _year(text: str, r: _Read, prev: list[tuple[int, str]], g: Grammar) -> bool:
    if not r.plain or r.value is None or not (g.year_min <= r.value <= g.year_max):
        return False
    cue = _phrase_before(prev, g.year_before, g)
    nxt = _next_word(text, r.end)
    counted = nxt.isalpha() and nxt.islower() and nxt not in g.year_not_nouns
    if cue is None and counted:
        return False
    if cue is not None and counted and cue[1] not in g.year_strong:
        return False
    r.kind = "year"
    return True


def _year_range(r: _Read, g: Grammar) -> bool:
    lo, hi = r.low, r.high
    if not (r.plain and lo is not None and hi is not None):
        return False
    if not (g.year_min <= lo <= g.year_max and g.year_min <= hi <= g.year_max):
        return False
    r.kind = "year"
    return True


def _time(text: str, r: _Read, prev: list[tuple[int, str]], g: Grammar) -> bool:
    if r.value is None or r.value > 25:
        return False
    cue = _phrase_before(prev, g.time_before, g)
    if cue is None:
        return False
    clock = _CLOCK.fullmatch(text, r.start, r.end)
    if clock is not None:
        if clock.group(1) not in g.time_seps:
            return False
    elif not r.integer:
        return False
    else:
        nxt = _next_word(text, r.end)
        if nxt.isalpha() and nxt not in g.time_not_nouns:
            return False
    r.kind, r.start = "time", cue[0]
    return True


def _hedge(text: str, r: _Read, prev: list[tuple[int, str]], glued: Any, g: Grammar) -> None:
    words = prev  # never changed in place: the article is cut by slicing
    if glued and glued[1] not in g.units_before:
        article = glued[1]
        if article not in g.hedge_articles:
            return
        words = words[:-1]
    elif words and words[-1][1] in g.hedge_articles:
        words = words[:-1]
    found = _phrase_before(words, g.hedges, g)
    if found is None:
        _hedge_after(text, r, g)
        return
    start, word = found
    _apply_hedge(r, word, g.hedges[word], g)
    r.start = start


def _hedge_after(text: str, r: _Read, g: Grammar) -> None:
    first = text[r.end:r.end + 1]
    if (first < "\x80" and first not in ASCII_BLANKS) or _ascii_miss(text, r.end, g.hedge_after_heads):
        return  # a blank must come first
    m = _WORDS_AFTER.match(text[r.end:r.end + 24])
    if not m:
        return
    for cand in (norm(m.group(1)), norm(m.group(1)).split(" ")[0]):
        if cand in g.hedges_after:
            _apply_hedge(r, cand, g.hedges_after[cand], g)
            r.end += len(m.group(0)) if cand == norm(m.group(1)) else m.start(1) + len(cand)
            return


def _apply_hedge(r: _Read, word: str, meaning_name: str, g: Grammar) -> None:
    meaning = g.meanings[meaning_name]
    low = r.low if r.low is not None else r.value
    high = r.high if r.high is not None else r.value
    if low is None:
        return
    r.hedge = word
    r.approx = r.approx or meaning.approx
    r.low = low * meaning.low
    r.high = None if meaning.high is None or high is None else high * meaning.high


def _carry(text: str, found: list[Quantity], g: Grammar) -> list[Quantity]:
    """A hedge on one figure carries to the next figures of the same clause."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.hedge and not q.hedge and q.is_claim and prev.is_claim
                and q.value is not None
                and q.span.start - prev.span.end <= g.carry_gap
                and not _search(g.carry_stops, text, prev.span.end, q.span.start)
                and not _own_subject(text, prev.span.end, q.span.start, g)):
            r = _Read(q.span.start, q.span.end, q.value, q.low, q.high, q.precision,
                      kind=q.kind, unit=q.unit)
            _apply_hedge(r, prev.hedge, _meaning_of(prev.hedge, g), g)
            q = replace(q, low=r.low, high=r.high, approx=r.approx, hedge=r.hedge)
            if q.kind == "percent" and _is_share(q.value, q.low):
                q = replace(q, high=min(q.high, _HUNDRED) if q.high is not None else _HUNDRED)
        out.append(q)
    return out


def _own_subject(text: str, after: int, start: int, g: Grammar) -> bool:
    """An article and a noun right before the figure at ``start`` (and after ``after``):
    "circa 300 e i feriti 120" names a new subject, which the hedge does not reach."""
    prev = [(at, w) for at, w in _prev_tokens(text, start, 2) if at >= after]
    return (len(prev) == 2 and prev[0][1] in g.carry_articles and prev[1][1].isalpha()
            and prev[1][1] not in g.carry_articles)


def _meaning_of(hedge: str, g: Grammar) -> str:
    return g.hedges.get(hedge) or g.hedges_after[hedge]


