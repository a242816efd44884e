"""Fractions as figures: "un terzo", "due terzi", "three quarters", "la metà dei fondi",
"half of", "uno su tre", "un elettore su due", "one in five"; and multiples: "il doppio",
"più del triplo", "twice".

A share is a measure in the pack's fraction unit (``[numbers.shares] unit``), its value the
fraction rounded to four places (1/3 -> 0.3333, the precision a reader quotes). Its
numerator is a number read before the denominator word or the "out of" word ("due terzi",
"uno su tre"), a "one" word ("un terzo", "a third", "un elettore su due"), or nothing for
the words that are a half by themselves ("la metà dei", "half of"). A denominator word
without a numerator is left to the ordinal reading ("il terzo giorno", "Paese terzo").

>>> from quantities.extraction.numbers.reader import find
>>> [(q.text, str(q.value), q.unit) for q in find("due terzi dei voti e un elettore su tre")]
[('due terzi', '0.6667', 'fraction'), ('un elettore su tre', '0.3333', 'fraction')]
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers.around import next_word, phrase_before, prev_tokens
from quantities.extraction.numbers.compounds import follow, second_number
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import SCALE, UNIT, norm
from quantities.extraction.numbers.reading import Reading

PLACES = Decimal("0.0001")  # a share's value is rounded to four places: 1/3 -> 0.3333
_NEXT = compiled(r"[ \u00a0]{1,3}([\p{L}'’]{1,20})")
_HYPHENED = compiled(r".([\p{L}]{1,20})(?![\p{L}'’-])")   # after a hyphen, a whole word
_BLANKS = (" ", "\u00a0")  # what _NEXT and ``Shares.per_after`` open on


def share(start: int, end: int, n: Decimal, d: Decimal, g: Grammar) -> Reading:
    v = (n / d).quantize(PLACES)
    return Reading(start, end, v, v, v, PLACES, kind="measure", unit=g.shares.unit)


def after_numerator(text: str, start: int, end: int, n: Decimal, g: Grammar,
                    per: bool = True, counted: bool = False) -> Reading | None:
    """A share whose numerator ``n`` was read at ``start``–``end``: a denominator word
    follows ("due terzi"; a numerator over one makes it a share whatever follows, "due terzi
    sono", as no ordinal has one), or (with ``per``, for a numerator in words) an "out of" word,
    maybe after a noun, and a larger number ("uno su tre"; "10 su 27 regioni" counts); or (with
    ``counted``, for digits) its noun, one of the pack's ``counted`` words and a larger number
    with no scale word ("7 bambini su 10", a share as "un italiano su tre" is; a share below
    the four places kept is none: "3 morti su 100.000 abitanti")."""
    if text[end:end + 1] in g.words.hyphens and text[start:end].isalpha() \
            and (m := _HYPHENED.match(text, end, min(len(text), end + 22))):   # "two-thirds of", "one-quarter"
        d = g.shares.denominators.get(norm(m[1]))   # not "the four-quarter moving average", "a 2-half comeback"
        return share(start, m.end(), n, d, g) if d is not None and n <= d \
            and (1 < n < d or _no_noun_after(text, m.end(), g)) else None   # "Two-thirds said yes"
    if text[end:end + 1] not in _BLANKS:
        return None  # both patterns open on a blank: "5-6", "5,", "5%" are told without them
    m = _NEXT.match(text, end, min(len(text), end + 24), False)
    if m is not None:
        d = g.shares.denominators.get(norm(m[1]))
        if d is not None and n <= d and (n > 1 or _no_noun_after(text, m.end(), g)):
            return share(start, m.end(), n, d, g)
    if counted and (base := _over_base(text, start, end, n, g)) is not None:
        return base
    if not per and not (counted and m is not None and text.startswith(g.shares.counted_apart, m.end())):
        return None  # most counts are told without the pattern: no noun and " su " after them
    out_of = g.shares.per_after.match(text, end, min(len(text), end + 32))
    if out_of is None or not (per or (out_of["noun"] and norm(out_of["per"]) in g.shares.counted)):
        return None
    if not per and _unit(norm(out_of["noun"]), g):
        return None  # "5 euro su 100", "300 km su 500": a sum or a measure, and a number of its own
    second = second_number(text, out_of.end(), g)
    if second is None or second[3] is not None or not n < second[0] or n / second[0] < PLACES:
        return None
    if not per and _noun_after(text, second[2], g):
        return None  # "20 gol su 38 partite", "200 agenti su 300 chilometri": two counts, two things
    return share(start, second[2], n, second[0], g)


#: Denominators that make digits, an "out of" word and digits a share with no noun between ("3
#: su 10 italiani", as a poll says it); any other, two counts ("10 su 27 regioni").
_BASES = frozenset({Decimal(10), Decimal(100), Decimal(1000)})


def _over_base(text: str, start: int, end: int, n: Decimal, g: Grammar) -> Reading | None:
    """The share digits ``n``, one of the pack's ``counted`` words and a base of :data:`_BASES`
    make ("3 su 10 italiani non leggono", "40 su 100"), with no noun nor scale word between."""
    if not text.startswith(g.shares.counted_apart, end):
        return None
    out_of = g.shares.per_after.match(text, end, min(len(text), end + 32))
    if out_of is None or out_of["noun"]:
        return None
    second = second_number(text, out_of.end(), g)
    if second is None or second[3] is not None or second[0] not in _BASES or not n < second[0]:
        return None
    return share(start, second[2], n, second[0], g)


def _unit(word: str, g: Grammar) -> bool:
    """A unit of a sum or a measure; not a multiple's ("2 volte su 10" is a share)."""
    return (word in g.units.words and g.units.words[word] != g.shares.multiple_unit) or word in g.units.currency


def _noun_after(text: str, end: int, g: Grammar) -> bool:
    """A lower-case word other than a function word right after the denominator: what it counts,
    another thing than the numerator's ("7 bambini su 10 sono obesi": none; "su 38 partite")."""
    nxt = next_word(text, end)
    return (nxt.isalpha() and nxt.islower() and nxt not in g.years.not_nouns and nxt not in g.shares.counted
            and not nxt.endswith(g.shares.verb_endings))


def before_denominator(text: str, start: int, end: int, d: Decimal, g: Grammar) -> Reading | None:
    """A share whose denominator ``d`` was read at ``start``–``end``, after an "out of"
    word and a "one" word, maybe with a noun between ("un elettore su tre", "un italiano su
    2"); not digits a scale word, a unit, a noun of their own or a range follows ("uno su 10
    milioni", "un'auto su 3 km", "una casa su 2 piani", "su 2-3")."""
    tail = f" {text[max(0, start - g.shares.per_reach):start]}".casefold().rstrip()
    if d <= 1 or not tail.endswith(g.shares.per_ends):
        return None   # a cheap look first: most figures follow no "out of" word
    prev = prev_tokens(text, start, 4)
    per = phrase_before(prev, g.shares.per, g)
    if per is None:
        return None
    if text[start:start + 1].isdigit() and (((m := follow(text, end, g)) is not None and (m[SCALE] or m[UNIT]))
                                           or _goes_on(text, end, g)):
        return None   # digits only: "un italiano su tre legge" is a share (review70)
    words = [(at, w) for at, w in prev if at < per[0]]
    if words and words[-1][1] not in g.words.one and words[-1][1].isalpha():
        words = words[:-1]  # the counted noun: "elettore"
    if not words or words[-1][1] not in g.words.one:
        return None
    return share(words[-1][0], end, Decimal(1), d, g)


def _goes_on(text: str, end: int, g: Grammar) -> bool:
    """Whether the digits ending at ``end`` are no whole denominator: a noun of their own follows
    ("una casa su 2 piani"), a dash or a word of a range, or a joiner ("su 2-3", "su 3 o 4", "su 2 e
    mezzo", "su 2 e mezzo milioni")."""
    nxt = next_word(text, end)
    return text[end:end + 1] in g.ranges.dash or _noun_after(text, end, g) or nxt in g.ranges.or_ \
        or nxt in g.ranges.seconds


def _multiple(text: str, m: Any, word: str, g: Grammar) -> Reading | None:
    """"il doppio", "più del triplo" (after one of the pack's words, and no noun after:
    not "un doppio turno"), "twice" (anywhere, when the pack lists no such words)."""
    k = g.shares.multiples.get(word)
    if k is None:
        return None
    if g.shares.multiple_after:
        prev = prev_tokens(text, m.start(), 1)
        nxt = next_word(text, m.end())
        if not (prev and prev[-1][1] in g.shares.multiple_after
                and (nxt in g.shares.multiple_then or _no_noun_after(text, m.end(), g))):
            return None
    return Reading(m.start(), m.end(), k, k, k, Decimal(1), kind="measure", unit=g.shares.multiple_unit)


def _no_noun_after(text: str, end: int, g: Grammar) -> bool:
    """A denominator word is a share unless a noun follows it, which makes it an ordinal
    ("un terzo mandato", "a sixth package"): what may follow is "of" ("un terzo degli
    abitanti"), a mark or nothing."""
    if text[end:end + 1] in "-‐" and text[end + 1:end + 2].isalpha():
        return False   # "a third-floor walkway": an ordinal in a compound
    nxt = next_word(text, end)
    return not nxt.isalpha() or nxt in g.shares.alone_before or nxt in g.follow.links


def _opens(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``words`` or opens on one elided ("dell'intera": "dell'")."""
    cut = word.find("'") + 1
    return word in words or (cut > 0 and word[:cut] in words)


def read_share(text: str, m: Any, g: Grammar) -> Reading | None:
    """The share a denominator word found by the master pattern makes, or the multiple
    a multiple word makes, if any."""
    word = norm(m[0])
    d = g.shares.denominators.get(word)
    if d is None:
        return _multiple(text, m, word, g)
    prev = prev_tokens(text, m.start(), 1)
    if (prev and prev[-1][1] in g.words.one and m.start() - prev[-1][0] <= len(prev[-1][1]) + 3
            and _no_noun_after(text, m.end(), g)):
        return share(prev[-1][0], m.end(), Decimal(1), d, g)
    if word in g.shares.alone and (_opens(next_word(text, m.end()), g.shares.alone_before)
                                   or (prev and prev[-1][1] in g.shares.alone_after)):
        return share(m.start(), m.end(), Decimal(1), d, g)
    return None
