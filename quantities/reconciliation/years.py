"""Figures of another year: a claim whose sentence sets it in a year before its article's.

«Il precedente più tragico resta quello di Agadir: il 29 febbraio 1960 un terremoto … fece
12 mila morti» and «Alle politiche del 2018 … aveva votato il 19,24%» count the dead of
another quake and the turnout of another election: the year stated before the figure in
its sentence (a year, or a date's year), earlier than the article's date, is part of the
figure's scope, so that they are not compared with this event's figures. A year after
the figure ("contro il 19,43% del 2018") is left alone: it is as often a comparison
inside a sentence about today.

The years are read by the language pack's own number grammar, only in sentences that
hold four digits at all (a cheap test first).

>>> import datetime as dt
>>> past_year("Nel 2015 un naufragio fece 600 morti", "600 morti", dt.date(2023, 6, 14), "it")
2015
>>> past_year("Oggi 600 morti, contro i 300 del 2015", "600 morti", dt.date(2023, 6, 14), "it") is None
True
>>> past_year("Entro il 2026 arriveranno 600 milioni", "600 milioni", dt.date(2023, 6, 14), "it") is None
True
"""

from __future__ import annotations

import datetime as dt
import functools

import regex

from quantities.extraction.numbers.reader import find

FOUR_DIGITS = regex.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def past_year(sentence: str, figure: str, date: dt.date | None, lang: str) -> int | None:
    """The latest year before ``date``'s stated in ``sentence`` before ``figure``, if any."""
    if date is None or not FOUR_DIGITS.search(sentence):
        return None
    at = sentence.find(figure) if figure else -1
    if at <= 0:
        return None
    years = [y for start, y in _years(sentence, lang) if start < at and y < date.year]
    return max(years, default=None)


@functools.lru_cache(maxsize=4096)
def _years(sentence: str, lang: str) -> tuple[tuple[int, int], ...]:
    """(offset, year) of each year and each date's year in ``sentence``."""
    out = []
    for q in find(sentence, lang):
        if q.kind == "year" and q.value is not None:
            out.append((q.span.start, int(q.value)))
        elif q.kind == "date" and (m := FOUR_DIGITS.search(q.text)):
            out.append((q.span.start, int(m.group(1))))
    return tuple(out)
