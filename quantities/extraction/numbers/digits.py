"""Digits: their value and precision in the pack's spellings (1.234,56, 10'000, 15 000), and
the kinds told by the digits alone (ISO and dotted dates, n/yyyy identifiers, clock times,
phone numbers, names glued to digits: A4, G7, Covid-19)."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal
from itertools import chain
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import GROUP_BLANK, GROUP_CHARS, GROUPS_MOST
from quantities.extraction.numbers.reading import Reading, precision_int

_NON_DIGIT = re.compile(r"[^0-9]")


ISO_DATE = compiled(r"[12][0-9]{3}-[01][0-9]-[0-3][0-9](?![0-9])")  # 2025-08-13


GROUP_BLANKS = frozenset(GROUP_CHARS)  # the blanks that may group a number's digits

_DIGIT_GROUPS = compiled(r"([^0-9])")


_DIGITS = "0123456789"


_PLAIN_DIGITS = frozenset("0123456789.,'’")  # with no other mark, digits are not raw_kind's
#: At most how many letters glued before digits make one name with them ("Covid-19").
GLUED_MAX = 20
#: At most how long an identifier read on from its digits is, in characters.
IDENTIFIER_MAX = 40


def glued_letters(text: str, start: int) -> int:
    """How many letters (and a hyphen) glue a name to these digits: A4, G7, Covid-19."""
    i = start
    if i > 0 and text[i - 1] == "-":
        i -= 1
    j = i
    while j > 0 and start - j < GLUED_MAX and text[j - 1].isalpha():
        j -= 1
    return start - j if j < i else 0


def identifier(text: str, r: Reading) -> Reading:
    r.start -= glued_letters(text, r.start)
    r.kind, r.precision = "identifier", None
    while r.end < len(text) and r.end - r.start < IDENTIFIER_MAX and text[r.end].isalnum():
        r.end += 1
    return r


def raw_kind(text: str, start: int, raw: str, g: Grammar) -> tuple[str, int] | None:
    """Dates, times, phones and n/yyyy identifiers told by their digits alone; digits that go
    on past the 15 a number reads are one identifier, to the end of their run (a code, not
    figures cut every 15 digits)."""
    end = start + len(raw)
    if len(raw) >= 15 and "0" <= text[end:end + 1] <= "9":  # a group of 15 digits, and more after it
        return "identifier", _RUN.match(text, end).end() - start  # type: ignore[union-attr]  # a digit matches
    if len(raw) < g.idents.phone_min and raw.count(".") < 2 and _PLAIN_DIGITS.issuperset(raw):
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
            and 1 <= int(m) <= 12)


def _is_clock(h: str, mm: str) -> bool:
    return len(h) <= 2 and len(mm) == 2 and int(h) <= 24 and int(mm) < 60


def _phone_length(plus: bool, nums: list[str], seps: list[str], g: Grammar) -> int:
    """The length of a phone number made of the first digit groups, or 0."""
    head = 0
    count = 0
    for i, n in enumerate(nums):
        if i and seps[i - 1] not in GROUP_BLANKS:
            break
        count += len(n)
        head = len(" ".join(nums[: i + 1]))
    if plus:
        return head if count >= 6 else 0
    first = nums[0]
    grouped = len(first) <= 3 and all(len(n) == 3 for n in nums[1:])
    if count >= g.idents.phone_min and first.startswith(g.idents.phone_starts) and not grouped:
        return head
    return 0


#: Digit groups apart by single blanks, a "+" before them: the spelling of phone numbers.
_PHONE_RUN = re.compile(rf"\+?[0-9]{{1,5}}(?:{GROUP_BLANK}[0-9]{{1,5}}){{0,5}}(?![0-9])")


def phone_run(text: str, start: int, cued: bool, g: Grammar) -> int:
    """The length of a phone number written in digit groups at ``start`` ("06 1234 5678",
    "+39 06 3691 4221"), or 0: a "+" and six digits, a cue before and the pack's least for a cued number, or a trunk or
    mobile prefix and the pack's least digits in groups that are not thousands (15 000)."""
    m = _PHONE_RUN.match(text, start)
    if m is None:
        return 0
    raw = m[0]
    plus = raw.startswith("+")
    groups = raw[plus:].split()
    count = sum(map(len, groups))
    if plus:
        return len(raw) if count >= 6 else 0
    if cued:
        return len(raw) if count >= g.idents.phone_cued_min else 0
    grouped = len(groups[0]) <= 3 and all(len(n) == 3 for n in groups[1:])
    ok = (len(groups) > 1 and count >= g.idents.phone_min and len(groups[0]) > 1
          and groups[0].startswith(g.idents.phone_starts) and not grouped)
    return len(raw) if ok else 0


#: Digits apart by single marks, as long as they go (linear: a mark always begins a group).
_RUN = re.compile(r"[0-9]+(?:[.,'’/:][0-9]+)*")
_RUN_MARKS = frozenset(".,'’/:")
#: Scientific notation after digits: "1e6", "2.5E3", "12,32e+14", "12e-1"; a power of ten "10^6".
EXPONENT = re.compile(r"([eE^])([+-]?[0-9]{1,12})(?![\w])")
#: The largest power of ten an exponent may bring a figure to ("1e6", not "4e58"): a Decimal's 28 digits.
MAX_ADJUSTED = 24


def exponent_after(text: str, end: int, value: Decimal) -> tuple[int, int | None]:
    """The end of an exponent after the digits of ``value`` ending at ``end``, and the power of
    ten it multiplies them by (``end, 0`` without one). ``None``: no figure, the whole a name:
    a power past :data:`MAX_ADJUSTED` (either way), or a power of another base than ten.

    >>> from decimal import Decimal as D
    >>> exponent_after("1e6 morti", 1, D(1)), exponent_after("10^6 morti", 2, D(10)), exponent_after("1e999", 1, D(1))
    ((3, 6), (4, 5), (5, None))
    >>> exponent_after("2^10", 1, D(2)), exponent_after("5 morti", 1, D(5))
    ((4, None), (1, 0))
    """
    power = EXPONENT.match(text, end) if end < len(text) and text[end] in "eE^" else None
    if power is None:
        return end, 0
    exponent = int(power[2]) - (power[1] == "^")  # "10^6" is 10 times 10^5
    if (power[1] == "^" and value != 10) or abs(value.adjusted() + exponent) > MAX_ADJUSTED:
        return power.end(), None
    return power.end(), exponent


def run_end(text: str, start: int, end: int) -> int:
    """Where a run of digits apart by one and the same mark ends, when it goes past ``end``
    (what a number spelling reads): "1.1.1.1…", "1.2.3" are one identifier, not many
    figures. Else ``end``.

    >>> run_end("v 1.2.3.4 e 5.000 e 5.000/6.000", 2, 5), run_end("5.000 e", 0, 5), run_end("5.000/6.000", 0, 5)
    (9, 5, 5)
    """
    after = text[end:end + 2]  # the run goes on past ``end`` only by a digit, or a mark and a digit
    if not ("0" <= after[:1] <= "9" or (after[:1] in _RUN_MARKS and "0" <= after[1:] <= "9")):
        return end
    m = _RUN.match(text, start)
    if m is None or m.end() <= end:
        return end
    marks = {c for c in m[0] if not c.isdigit()}
    return m.end() if len(marks) == 1 else end


def parse_digits(raw: str, g: Grammar) -> tuple[Decimal, Decimal, int, bool] | None:
    """The value, precision and length of the digits at the head of ``raw``."""
    raw = raw.lstrip("+")
    if len(raw) <= 15 and raw.isascii() and raw.isdigit():  # plain (marks are never digits)
        return _plain(raw)
    # the whole, else the longest head that ends before a mark (looked for only then)
    cuts = chain((len(raw),), (i for i in reversed(range(len(raw))) if raw[i] not in _DIGITS))
    for cut in cuts:
        head = raw[:cut]
        for form, whole_at, frac_at in g.words.digit_forms:
            m = form.fullmatch(head)
            if m:
                whole = _NON_DIGIT.sub("", m[whole_at])
                frac = m[frac_at] if frac_at else None
                if frac:
                    return (Decimal(f"{whole}.{frac}"), Decimal(1).scaleb(-len(frac)),
                            cut, False)
                v = Decimal(whole)
                return v, precision_int(v), cut, True
    return None


@functools.lru_cache(maxsize=4096)  # news repeats its figures ("5", "10", "2023"); all exact, shared values
def _plain(raw: str) -> tuple[Decimal, Decimal, int, bool]:
    """:func:`parse_digits` of plain ASCII digits."""
    v = Decimal(raw)
    return v, precision_int(v), len(raw), True


#: The least count of numbers that make a series: a run of numbers with no word between them,
#: only blanks, list marks, a table's cell bars, brackets, range dashes, minus or plus signs and
#: currency or percent signs ("5 12 33 47 81 90", a table row, numbers drawn, "(5) «3» [7]…",
#: "€5-€6, $7 €5-€6…", "| 12 | 345 | 6789 | 10 | 11 |", "-5 -3 +2 -7 -1") states no figure.
#: A line ends a series: a table's rows are read one by one.
SERIES_MIN = 5
#: Between a series' numbers, up to eight group blanks (:data:`GROUP_BLANKS`) and tabs: a TSV
#: row ("5\t\t6": an empty cell between), columns aligned by spaces.
_BLANK = f"[\t{GROUP_CHARS}]{{1,8}}"
_NUMBER = r"[0-9]{1,15}(?:[.,][0-9]{1,15})?"
_SIGN = r"[\p{Sc}%]"  # a currency sign (any script's) or a percent, before or after a number
#: Between two numbers of a series: a closing bracket, a sign and a list mark (or an ellipsis:
#: "3… 2… 1…", or a cell bar: "5| 6"), then either a blank (a dash or a cell bar and a blank may
#: follow it: "5 - 6", "5 | 6") and an opening bracket, a sign and a minus or plus ("5 -6"), or
#: a dash or a sign or both, glued ("€5-€6", "5-7 5-7", ranges in a row); never nothing or a lone
#: mark ("5,6": one number). Two numbers and a dash alone are a range: a series has five numbers.
_APART = (rf"[)\]»”\"]?{_SIGN}?[,;…|]?(?:{_BLANK}(?:[-–|]{_BLANK})?[(\[«“\"]?{_SIGN}?[-−+]?"
          rf"|[-–]{_SIGN}?|{_SIGN})")
_ALONE = r"(?!\w|[.,][0-9])"  # no letter glued, no digits on after a mark
_SERIES_HEAD = compiled(rf"{_NUMBER}(?:{_APART}{_NUMBER}){{{SERIES_MIN - 1}}}{_ALONE}")
_SERIES_MORE = compiled(rf"(?:{_APART}{_NUMBER}){{1,64}}{_ALONE}")
#: What a series' head needs at least, for :mod:`re` (faster): five runs of digits apart by up
#: to 24 marks or blanks (an ``_APART`` or a decimal mark), on one line. A table's row of three
#: cells asks at each cell; this answers nearly all of them.
_RUN_OF = r"[0-9]+(?:[^\w\n]{1,24}[0-9]+)"  # runs of digits apart by marks or blanks, on one line: {n} more
_SERIES_MAY = re.compile(_RUN_OF + "{4}")
#: Cells of a table: numbers apart by tabs or bars.
_CELLS = re.compile(r"[\t|]")
#: How far back on its line a row's label is looked for.
LABEL_REACH = 200
#: A row of more numbers than a news table has columns: drawn numbers, a data dump, whatever its label.
_LONG_ROW = re.compile(_RUN_OF + "{20}")


def _labelled(text: str, start: int) -> bool:
    """Whether a letter stands before ``start`` on its line (within :data:`LABEL_REACH`)."""
    line = max(text.rfind("\n", max(0, start - LABEL_REACH), start) + 1, start - LABEL_REACH)
    return any(c.isalpha() for c in text[line:start])


#: Digits in groups of three apart by single blanks: one number ("1 234 567 890 123").
_THOUSANDS = compiled(rf"[0-9]{{1,3}}(?:{GROUP_BLANK}[0-9]{{3}})+(?![0-9])")


#: Numbers of three digits apart by plain spaces, none of them zeros: "120 340" is one figure
#: (Italian news writes 120.340, or groups by a thin space) or two, in a list or a table's row,
#: as likely. A group of zeros makes it a round figure ("150 000"); a word or a sign after it,
#: its noun or unit ("120 340 voti", "345 678 €"); else its numbers are read one by one.
_SPACED = re.compile(r"[0-9]{3}(?: (?!000)[0-9]{3})+")


def spaced(raw: str) -> bool:
    """Whether ``raw`` is wholly doubtful groups (:data:`_SPACED`): "120 340", not "150 000", "1 234"."""
    return " " in raw and _SPACED.fullmatch(raw) is not None


def spaced_end(text: str, start: int, end: int) -> int:
    """Where the digits ``text[start:end]`` end, read as a number: after their first group if
    their grouping is doubtful (:func:`spaced`) and no word, currency or percent sign follows.

    >>> [spaced_end(t, 0, 7) for t in ("120 340.", "120 340 voti", "150 000.", "345 678 €")]
    [3, 7, 7, 7]
    """
    if not spaced(text[start:end]):
        return end
    after = text[end + (text[end:end + 1] == " "):][:1]
    if after.isalpha() or after == "%" or (after != "" and unicodedata.category(after) == "Sc"):
        return end
    return start + 3


#: A payment card's number: four groups of four digits apart by one blank or hyphen each
#: ("4111 1111 1111 1111"): one identifier, not four counts.
_CARD = compiled(rf"[0-9]{{4}}([-{GROUP_CHARS}])[0-9]{{4}}(?:\1[0-9]{{4}}){{2}}(?![0-9])")


def card_end(text: str, start: int) -> int:
    """Where a card's number (:data:`_CARD`) that begins at ``start`` ends, else 0.

    >>> card_end("4111 1111 1111 1111 scade", 0), card_end("2023 2024 2025 2026", 0)
    (19, 19)
    >>> card_end("1111 2222 3333", 0), card_end("4111 1111-1111 1111", 0), card_end("14111 1111 1111 1111", 1)
    (0, 0, 0)
    """
    if not "0" <= text[start - 1:start] <= "9":
        m = _CARD.match(text, start)
        if m is not None:
            return m.end()
    return 0


#: What may follow the first number of a series ("5, 12, 33", "(5) «3» [7]", "€5-€6, $7", "5% 6%",
#: "5| 6"), glued to it; after a blank, a digit ("5 12", "5\t12"), a cell bar ("5 | 6") or a
#: sign or dash ("5 -6", "5 - 6").
_SERIES_MARKS = frozenset(",;…)]»”\"-–%|")
_AFTER_BLANK = frozenset("0123456789|-–−+")
_BLANKS = GROUP_BLANKS | {"\t"}
_BLANK_CHARS = "".join(_BLANKS)


def series_may_follow(text: str, end: int) -> bool:
    """Whether what follows the digits ending at ``end`` may go on to a series' next number: a
    mark of :data:`_SERIES_MARKS`, a blank and one of :data:`_AFTER_BLANK`, or a currency
    sign, glued or after a blank ("€5 €6", "5€ 6€").

    >>> series_may_follow("5, 6", 1), series_may_follow("5 €6", 1), series_may_follow("5 morti", 1)
    (True, True, False)
    >>> series_may_follow("5\\t\\t6", 1), series_may_follow("5 | 6", 1), series_may_follow("5 -6", 1)
    (True, True, True)
    """
    after = text[end:end + 1]
    if after in _SERIES_MARKS:
        return True
    if after in _BLANKS:
        after = text[end + 1:end + 2]
        if after in _BLANKS:  # more blanks: an aligned column, an empty cell
            after = text[end + 2:end + 9].lstrip(_BLANK_CHARS)[:1]
        if after in _AFTER_BLANK:
            return True
    return after != "" and not after.isalnum() and unicodedata.category(after) == "Sc"


def series_end(text: str, start: int) -> int:
    """Where a series of at least :data:`SERIES_MIN` bare numbers that begins at ``start``
    ends, else 0. Numbers with no word between them are a table row or numbers drawn, not
    figures that each count something: one identifier, read in one pass.

    >>> series_end("5 12 33 47 81 90 e altro", 0), series_end("5 morti, 3 feriti", 0)
    (16, 0)
    >>> series_end("1 234 567 890 123", 0), series_end("5 5 5 5", 0), series_end("5, 6, 7, 8, 9.", 0)
    (0, 0, 13)
    >>> series_end("(5) «3» [7] (5) «3» [7]", 1), series_end("(5) morti, (3) feriti", 1)
    (22, 0)
    >>> series_end("€5-€6, $7 €5-€6, $7", 1), series_end("5%, 6%, 7%, 8% e 9%", 0)
    (19, 0)

    Digits grouped by blanks are one number, no series, up to :data:`GROUPS_MOST` groups of
    three; a longer chain is no figure (as "1.1.1.1…" is none): one identifier, read once, not
    again from each of its groups ("000 000 000 …").

    >>> series_end("1 000 000 000 000 000 000 000 morti", 0), series_end("5\\t6\\t7\\t8\\t9\\n10", 0)
    (29, 9)

    A row of a table (numbers apart by tabs or bars) with a label before them on its line keeps
    a figure a cell ("Lombardia\\t1200\\t340\\t45\\t12\\t7").

    >>> series_end("Lombardia\\t1200\\t340\\t45\\t12\\t7", 10), series_end("1200\\t340\\t45\\t12\\t7", 0)
    (0, 16)
    """
    if (card := card_end(text, start)):
        return card  # "4111 1111 1111 1111": a card's number, one identifier
    may = _SERIES_MAY.match(text, start)
    if may is None:
        return 0  # not five runs of digits with only marks between them: "300 soldati", "| 12 | 345 |"
    if _CELLS.search(may[0]) and _labelled(text, start) and _LONG_ROW.match(text, start) is None:
        return 0  # a table's row with its label: "| Lombardia | 45,2% | 30,1% | …", each cell a figure
    m = _SERIES_HEAD.match(text, start)
    if m is None:
        return 0
    pos = m.end()
    while (more := _SERIES_MORE.match(text, pos)) is not None:
        pos = more.end()
    grouped = _THOUSANDS.match(text, start)
    if grouped is None or grouped.end() != pos or spaced(grouped[0]):  # "120 340 450 120 560": five
        return pos
    return pos if (pos - start + 3) // 4 > GROUPS_MOST + 1 else 0  # its numbers: 1-3 digits, then 4 characters a group


#: The last number of a series after its joiner ("7, 32, 41, 59, 75 and 76."), no word after it.
_TAIL = compiled(rf"{_NUMBER}{_ALONE}(?![ \u00a0]{{1,3}}\p{{L}})")


def series_tail(text: str, end: int, joined: Any) -> int:
    """Where a series that ends at ``end`` ends past a joiner and its last number, when ``joined``
    (the pack's joiner between blanks) and a bare number with no word after it follow ("I numeri
    vincenti sono 7, 32, 41, 59, 75 e 76."); else ``end``."""
    j = joined.match(text, end, min(len(text), end + 12))
    tail = _TAIL.match(text, j.end(), min(len(text), j.end() + 40)) if j is not None else None
    return tail.end() if tail is not None else end
