"""Figures of another year: a claim its sentence sets in a year before its article's.

«Il precedente più tragico resta quello di Agadir: il 29 febbraio 1960 un terremoto … fece
12 mila morti» and «Alle politiche del 2018 … aveva votato il 19,24%» count the dead of
another quake and the turnout of another election: the year stated before the figure in
its sentence (a year, or a date's year), earlier than the article's date, is part of the
figure's scope, so that they are not compared with this event's figures. So is a year
right after the figure in its clause, with no other figure, clause mark or relative word
between ("contro il 58,48% della stessa ora nel 2018", "il 63,67% delle politiche del
2018"); a year in another clause is left alone ("Oggi 600 morti, contro i 300 del 2015"
is about today's 600), and so is one after the word of a change's base ("un calo del 23,2%
rispetto al 2022": the pack's ``[numbers.offsets] base``).

A span of years back from the article ("cinque anni fa", "five years ago": the pack's
``[numbers.offsets] ago`` words) is that year, or the year the article names within one of
it (an election of March 2018 is "five years ago" in September 2022); so is twelve months back
("dodici mesi fa") and the year before in words ("un anno fa", "l'anno scorso", "last year": the
pack's ``[numbers.offsets] last_year``).

The years are read by the language pack's own number grammar, only in sentences that
hold four digits or an offset word at all (a cheap test first).

>>> import datetime as dt
>>> past_year("Nel 2015 un naufragio fece 600 morti", "600 morti", dt.date(2023, 6, 14), "it")
2015
>>> past_year("Oggi 600 morti, contro i 300 del 2015", "600 morti", dt.date(2023, 6, 14), "it") is None
True
>>> past_year("Oggi 600 morti, contro i 300 del 2015", "300", dt.date(2023, 6, 14), "it")
2015
>>> past_year("Entro il 2026 arriveranno 600 milioni", "600 milioni", dt.date(2023, 6, 14), "it") is None
True
>>> past_year("era al 19,46% cinque anni fa", "19,46%", dt.date(2022, 9, 26), "it", known=(2018,))
2018
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

import regex

from quantities.extraction.numbers.reader import find
from quantities.lang import clock, load

FOUR_DIGITS = regex.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
#: What ends a figure's clause before a year after it: a clause mark or another figure.
BREAK = re.compile(r"[,;:()\[\]«»\"“”\d%]|\s[-–—]\s")
#: How far after a figure its own year is looked for, in characters.
REACH = 48


def past_year(sentence: str, figure: str, date: dt.date | None, lang: str,
              known: Iterable[int] = ()) -> int | None:
    """The year before ``date``'s that ``sentence`` sets ``figure`` in: of those stated before
    it, the nearest in its clause, else the latest (:func:`_own_clause`); with none before it,
    the one right after it in its clause. ``known`` are the past years its article names (what
    a span of years back is snapped to)."""
    if date is None or not _cheap(sentence, lang):
        return None
    at = sentence.find(figure) if figure else -1
    if at < 0:
        return None
    years = _years(sentence, lang, date.year, tuple(sorted(set(known))))
    before = [(start, stop, y) for start, stop, y, near in years if start < at and y < date.year
              and (not near or _binds(sentence, start, stop, at, lang))]
    if before:
        return _own_clause(sentence, before, at, lang) or max(y for _, _, y in before)
    end = at + len(figure)
    for start, _, y, near in years:
        if end <= start <= end + REACH and y < date.year:
            between = sentence[end:start]
            if not BREAK.search(between) and not clock.relative_between(sentence, end, start, lang) \
                    and not _compared_before(sentence, start, lang, COMPARED if near else BASE):
                return y
            break
    return None


def _own_clause(sentence: str, before: list[tuple[int, int, int]], at: int, lang: str) -> int | None:
    """The nearest of the years ``before`` the figure at ``at`` in its own clause (no clause mark
    nor other figure between), not a change's base: "Nel 2016 i casi erano 862, e nel 2015 appena
    258" (258 is of 2015); None when none is, and the latest then sets it ("Nel 2019, rispetto al
    2018, i casi sono 300"; "Nel 2020 l'azienda, fondata nel 1998, contava 3.000 dipendenti")."""
    own = [y for start, stop, y in before
           if not BREAK.search(sentence, stop, at) and not _compared_before(sentence, start, lang, BASE)]
    return own[-1] if own else None


def horizon(sentence: str, figure: str, date: dt.date | None, lang: str) -> int | None:
    """The year after ``date``'s that a plan or a projection ``figure`` is for: the year right
    after it in its clause ("circa 94mila entro il 2040", "94,000 by 2040 and 120,000 by 2050"),
    else one before it in its clause ("entro il 2040 i morti potrebbero essere quasi 100mila"):
    projections for two horizons are two figures. Only a sentence of two horizons or more, each
    after a figure of its own, sets them: a plan one article dates ("investirà entro il 2026 600
    milioni, … che sarà finita nel 2028") still meets the same plan another leaves undated. The
    caller asks it of plans only (an estimate of a coming year, "la crescita dello 0,8% nel 2024",
    keeps its key)."""
    if date is None or not FOUR_DIGITS.search(sentence):
        return None
    at = sentence.find(figure) if figure else -1
    if at < 0:
        return None
    years = [(start, stop, y) for start, stop, y, near in _years(sentence, lang, date.year, ()) if y > date.year]
    if len({y for start, _, y in years if _attached(sentence, start, lang)}) < 2:
        return None   # one horizon names no series: "investirà entro il 2026 600 milioni, … finita nel 2028"
    end = at + len(figure)
    after = next(((start, y) for start, _, y in years if end <= start <= end + REACH), None)
    if after is not None and not BREAK.search(sentence, end, after[0]):
        return after[1]
    before = [y for _, stop, y in years if stop <= at and not BREAK.search(sentence, stop, at)]
    return before[-1] if before else None


def _attached(sentence: str, start: int, lang: str) -> bool:
    """Whether the year at ``start`` follows a figure in its clause ("94mila entro il 2040")."""
    return any(end <= start <= end + REACH and not BREAK.search(sentence, end, start)
               for end in _figure_ends(sentence, lang))


@functools.lru_cache(maxsize=1024)
def _figure_ends(sentence: str, lang: str) -> tuple[int, ...]:
    """Where the sentence's figures end: read once for all its years and all its plans."""
    return tuple(q.span.end for q in find(sentence, lang) if q.is_claim)


def document_years(sentences: Iterable[str], date: dt.date | None, lang: str) -> tuple[int, ...]:
    """The years before ``date``'s that the sentences state (a document's past years)."""
    if date is None:
        return ()
    out = {y for s in sentences if FOUR_DIGITS.search(s)
           for _, _, y, near in _years(s, lang, date.year, ()) if y < date.year and not near}
    return tuple(sorted(out))


def _cheap(sentence: str, lang: str) -> bool:
    return bool(FOUR_DIGITS.search(sentence)) or _ago(lang).search(sentence) is not None \
        or _last_year(lang).search(sentence) is not None


@functools.lru_cache(maxsize=4096)
def _years(sentence: str, lang: str, this_year: int, known: tuple[int, ...]) -> tuple[tuple[int, int, int, bool], ...]:
    """(start, end, year, near) of each year, each date's year and each span of years back; ``near``
    for the year before in words or in months, which sets only a figure of its own clause (:func:`_binds`)."""
    out = []
    ago = _ago(lang)
    for q in find(sentence, lang):
        if q.kind == "year" and q.value is not None:
            out.append((q.span.start, q.span.end, int(q.value), False))
        elif q.kind == "date" and (m := FOUR_DIGITS.search(q.text)):
            out.append((q.span.start, q.span.end, int(m.group(1)), False))
        elif q.kind == "time" and q.unit in PER_YEAR and q.value is not None and ago.match(sentence, q.span.end) \
                and q.value % PER_YEAR[q.unit] == 0:   # "cinque anni fa", "dodici mesi fa"
            back = this_year - int(q.value) // PER_YEAR[q.unit]
            near = [y for y in known if abs(y - back) <= 1]
            out.append((q.span.start, q.span.end, max(near) if near else back, q.unit != "year"))
    out += [(m.start(), m.end(), this_year - 1, True) for m in _last_year(lang).finditer(sentence)]
    return tuple(sorted(out))


def _binds(sentence: str, start: int, stop: int, at: int, lang: str) -> bool:
    """Whether the year phrase at ``sentence[start:stop]`` sets the figure at ``at`` after it: one that
    opens the sentence sets the sentence up to a semicolon, a year in digits or a word of the present or
    of contrast (``[numbers.offsets] this_year``: "L'anno scorso, i visitatori erano stati 222mila";
    "Un anno fa erano 200mila, oggi 300mila"); another sets its own clause (no clause mark between), and
    none after a word of comparison (``[numbers.offsets] compared``: "since last year", "in più di un anno fa")."""
    opener = sentence[:start].strip(" \t\n\"«“'-–—").casefold().split()   # (a quote or a dash may open it)
    if not opener or " ".join(opener) in _words(lang, "numbers.offsets.hedged"):   # "More than a year ago, …"
        return ";" not in sentence[stop:at] and _this_year(lang).search(sentence, stop, at) is None \
            and FOUR_DIGITS.search(sentence, stop, at) is None   # "…, e nel 2026 saranno 4,6 milioni"
    return not BREAK.search(sentence, stop, at) and not _compared_before(sentence, start, lang)


@functools.cache
def _this_year(lang: str) -> re.Pattern[str]:
    """The pack's phrases of the article's own year (``[numbers.offsets] this_year``)."""
    words = "|".join(re.escape(w).replace("'", "['’]") for w in load(lang).words("numbers.offsets.this_year", ()))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)" if words else r"(?!)", re.IGNORECASE)


def _compared_before(sentence: str, start: int, lang: str, key: str = "numbers.offsets.compared") -> bool:
    """A word of comparison (``[numbers.offsets] compared``; for a year in digits, one of a change's base,
    ``base``: "rispetto al 2022", not "before 2016") ends right before ``sentence[start]``."""
    words = sentence[max(0, start - COMPARED_REACH):start].casefold().replace("’", "'").split()
    return any(" ".join(words[-n:]) in _words(lang, key) for n in (1, 2, 3) if len(words) >= n)


COMPARED, BASE = "numbers.offsets.compared", "numbers.offsets.base"


#: How far before a year phrase its word of comparison is looked for, in characters.
COMPARED_REACH = 24


@functools.cache
def _words(lang: str, key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in load(lang).words(key, ()))


#: The units of a span of time back that may name whole years, and how many of each make a year.
PER_YEAR = {"year": 1, "month": 12}


@functools.cache
def _last_year(lang: str) -> re.Pattern[str]:
    """The pack's phrases of the year before the article's (``[numbers.offsets] last_year``)."""
    words = "|".join(re.escape(w).replace("'", "['’]") for w in load(lang).words("numbers.offsets.last_year", ()))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)" if words else r"(?!)", re.IGNORECASE)


@functools.cache
def _ago(lang: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load(lang).words("numbers.offsets.ago", ()))
    return re.compile(rf"\s{{1,3}}(?:{words})(?!\w)" if words else r"(?!)", re.IGNORECASE)
