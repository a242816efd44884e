"""Halves and collectives: a unit and a half and half a unit ("un anno e mezzo", "un'ora e
mezza", "a year and a half", "mezzo chilo", "half an hour": the fraction word is the anchor, the
unit the pack's word for one of it, ``[units.singular]`` or any unit word, which alone is no
figure: RULES' singular), and the collectives ("una ventina", "a dozen"), halved before
("mezza dozzina", "half a dozen") or grown after ("un migliaio e mezzo").

>>> from quantities.lang import load
>>> from quantities.extraction.numbers.grammar import grammar
>>> g = grammar(load("it"))
>>> r = halves("dopo un anno e mezzo di lavori", 15, 20, g)
>>> (r.start, r.end, r.value, r.unit, r.kind)
(5, 20, Decimal('1.5'), 'year', 'duration')
>>> halves("un anno, e mezzo", 11, 16, g) is None
True
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers.around import prev_tokens, words_before
from quantities.extraction.numbers.context import and_a_half, context
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import norm
from quantities.extraction.numbers.reading import Reading

#: Up to two words after a fraction word: an article, then the unit ("half an hour").
_NEXT = compiled(r"[ \u00a0]{1,3}(\p{L}{1,12}['’]?)(?:(?<=['’])|[ \u00a0]{1,3})?(\p{L}{1,15})?")


def halves(text: str, start: int, end: int, g: Grammar) -> Reading | None:
    """The fraction word at ``start:end`` read with the unit it joins, else None."""
    part = g.words.morphemes.get(norm(text[start:end]))
    if part is None or part[0] != "fraction":
        return None
    return _and_a(text, start, end, part[1], g) or _of_a(text, start, end, part[1], g)


def _reading(start: int, end: int, value: Decimal, unit: str, g: Grammar) -> Reading:
    kind = "duration" if unit in g.units.durations else "measure"
    return Reading(start, end, value, value, value, Decimal("0.1"), kind=kind, unit=unit)


def _and_a(text: str, start: int, end: int, part: Decimal, g: Grammar) -> Reading | None:
    """One unit, a joiner and the fraction: "un anno e mezzo", "un'ora e mezza", "a year and a half"."""
    prev, stop = prev_tokens(text, start, 4), start
    if prev and prev[-1][1] in g.words.one:  # "and a half"
        prev, stop = prev[:-1], prev[-1][0]
    if len(prev) < 2 or prev[-1][1] not in g.words.joiners or not _apart(text, prev, stop):
        return None
    at, word = prev[-2]
    cut = max(word.find("'"), word.find("’")) + 1  # "un'ora": the article glued to the unit
    if cut and word[:cut] in g.words.one and (unit := g.units.singular.get(word[cut:])):
        return _reading(at, end, 1 + part, unit, g)
    if len(prev) > 2 and prev[-3][1] in g.words.one and (unit := g.units.singular.get(word)):
        return _reading(prev[-3][0], end, 1 + part, unit, g)
    return None


def _apart(text: str, prev: list[tuple[int, str]], stop: int) -> bool:
    """Only blanks between the last words before the fraction, and between them and ``stop``."""
    last = prev[-3:]
    gaps = [(a + len(w), b) for (a, w), (b, _) in zip(last, last[1:])]
    gaps.append((prev[-1][0] + len(prev[-1][1]), stop))
    return all(text[a:b].isspace() for a, b in gaps)


def _of_a(text: str, start: int, end: int, part: Decimal, g: Grammar) -> Reading | None:
    """The fraction of one unit: "mezzo chilo" (a unit word of the pack right after it),
    "half an hour", "half a mile" (a singular after an article). Not a singular right after
    it: "il mezzo ora si trova", "il mezzo secondo i testimoni" (the vehicle, now, according to)."""
    m = _NEXT.match(text, end, min(len(text), end + 40))
    if m is None:
        return None
    first, second = norm(m[1]), norm(m[2] or "")
    if (unit := g.units.words.get(first)) is not None:
        return _reading(start, m.end(1), part, unit, g)
    if first in g.words.one and second and (unit := g.units.singular.get(second)) is not None:
        return _reading(start, m.end(2), part, unit, g)
    return None


#: A collective's word after an article or alone: "una ventina", "un'ottantina", "dozzina".
_APOSTROPHE_OR_SPACE = compiled(r"['’\s]")


def read_approx(text: str, m: Any, g: Grammar) -> Reading | None:
    """A collective found by the master pattern ("una ventina", "a dozen"): N ± the pack's
    spread, a fraction before it as the language writes it, "e mezzo" after it."""
    words = m[0].split()
    word = norm(_APOSTROPHE_OR_SPACE.split(m[0])[-1] if len(words) < 2 else words[-1])
    n = g.words.approx_words.get(word)
    if n is None:  # a case-blind match of a word in no table (see scale_of)
        return None
    articled = len(words) > 1 or "'" in m[0] or "’" in m[0]  # "a dozen", "una ventina", "un'ottantina"
    start, part = fraction_before(text, m.start(), g) if articled == g.words.fraction_article else (m.start(), 1)
    n = n * part  # "mezza dozzina", "half a dozen": 6
    r = Reading(start, m.end(), n, None, None, n, approx=True)
    if part == 1 and and_a_half(text, r, n, g):  # "un migliaio e mezzo": 1500
        n = r.value or n
    r.low, r.high = n * (1 - g.words.approx_spread), n * (1 + g.words.approx_spread)
    return context(text, r, g, scaled=True)


def fraction_before(text: str, start: int, g: Grammar) -> tuple[int, Decimal]:
    """A fraction word right before a collective ("mezza dozzina", "half a dozen"): where it
    starts and what it takes of the collective; else ``start`` and 1."""
    prev = words_before(text, start)[-1:]
    if prev and text[prev[0][0] + len(prev[0][1]):start].isspace():  # next to it, only blanks between
        kind, v = g.words.morphemes.get(prev[0][1], ("", Decimal(1)))
        if kind == "fraction":
            return prev[0][0], v
    return start, Decimal(1)


#: A share's link to a unit: "d'ora", "di secolo", "of an hour", "of a mile".
_OF_UNIT = compiled(r"[ \u00a0]{0,3}(\p{L}{1,4}['’]?)(?:(?<=['’])|[ \u00a0]{1,3})"
                    r"(?:(\p{L}{1,3})[ \u00a0]{1,3})?(\p{L}{1,15})")


def unit_share(text: str, r: Reading, g: Grammar) -> Reading:
    """A share of one unit is a measure in that unit: "un quarto d'ora" (0.25 hours), "tre
    quarti d'ora", "a quarter of an hour" (a link, an article the language needs, the unit's
    singular); any other reading as it is."""
    if r.unit != g.shares.unit:
        return r
    m = _OF_UNIT.match(text, r.end, min(len(text), r.end + 40))
    if m is None or norm(m[1]) not in g.follow.links:
        return r
    at = 3 if not m[2] or norm(m[2]) in g.words.one else 2  # "of an hour"; "d'ora è": no article
    unit = g.units.singular.get(norm(m[at]))
    if unit is None:
        return r
    r.unit, r.end = unit, m.end(at)
    r.kind = "duration" if unit in g.units.durations else "measure"
    return r
