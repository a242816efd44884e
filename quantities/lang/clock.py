"""The time of day a text gives a figure: the pack's day parts (``[time.parts]``) and the
minute of the day a stated time stands for, to order the claims of one day.

Clock times themselves are read by the numbers reader (kind ``time``); this module only
finds the day parts ("in serata", "this morning") and turns a time as written ("Ore 18.35",
"alle 19", "19:30", "in serata") into minutes after midnight.

>>> minute_of("Ore 18.35", "it"), minute_of("alle 19", "it"), minute_of("in serata", "it")
(1115, 1140, 1200)
>>> minute_of("all'alba", "it") is None
True
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left

from quantities.cache import remembered
from quantities.lang import Pack, available, per_pack, resolve
from quantities.text import tries
from quantities.text.fold import low
from quantities.types import Span

#: Hours and minutes as the reader's clock times write them ("18.35", "18:35", "7,40", "19").
CLOCK = re.compile(r"(?<!\d)(\d{1,2})(?:[.:,](\d{2}))?(?!\d)")


@per_pack("time")
def _relatives(pack: Pack) -> re.Pattern[str] | None:
    words = "|".join(re.escape(low(w)) for w in pack.words("time.relatives", ()))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) if words else None


def relative_between(text: str, start: int, end: int, lang: str | Pack) -> bool:
    """A relative word of the pack in ``text[start:end]`` (another clause begins there).

    >>> relative_between("morti il bilancio del terremoto che alle", 0, 40, "it")
    True
    """
    pattern = _relatives(resolve(lang))
    return pattern is not None and pattern.search(text, start, end) is not None


@per_pack("time")
def _same(pack: Pack) -> re.Pattern[str] | None:
    words = "|".join(re.escape(low(w)) for w in pack.words("time.same", ()))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) if words else None


#: How far either side of a figure "at the same time" is looked for, in characters.
SAME_REACH = 48


def same_time(text: str, figure: Span, sentence: Span, lang: str | Pack) -> bool:
    """Whether the words near ``figure`` in its sentence say it is of the time given before
    it ("alla stessa ora", "at the same time"): the pack's ``[time] same``.

    >>> same_time("quando alla stessa ora era al 19,43%", Span(30, 36), Span(0, 36), "it")
    True
    """
    pattern = _same(resolve(lang))
    start, end = max(sentence.start, figure.start - SAME_REACH), min(sentence.end, figure.end + SAME_REACH)
    return pattern is not None and pattern.search(text, start, end) is not None


#: How far into its sentence a time may start and still open it ("Alle 12 in Calabria …").
OPENING = 12


def opening(text: str, sentence: Span, moments: list[tuple[int, int]], pack: Pack) -> tuple[int, int] | None:
    """The time of day that opens ``sentence`` ("Alle 12 in Calabria aveva votato il 12,84%,
    mentre il dato nazionale era al 19,21%"): it sets the time of every figure of the
    sentence, across its clauses.

    >>> opening("Alle 19 la regione era ferma al 36,95%", Span(0, 38), [(0, 7)], "it")
    (0, 7)
    """
    for m in moments:
        if m[0] - sentence.start > OPENING:
            break
        if minute_of(text[m[0]:m[1]], pack) is not None and not stamped(text, m[1]):
            return m
    return None


#: What sets a live blog's stamp off from its entry ("Ore 11.40 – ", "19.30 - ", "12:25:").
STAMP_MARKS = frozenset("-–—:|")


#: The day a live blog's stamp may open with before its time: "15 giugno, ore 9.15 –", "June 15, 9:15 a.m. -".
STAMP_DAY = re.compile(r"[\W_]{0,8}(?:[0-9]{1,2}\s[^\W\d_]{3,10}\.?|[^\W\d_]{3,10}\.?\s[0-9]{1,2})[\W_]{0,8}")


def day_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, before a stamp's time, is a day ("15 giugno, ")."""
    return STAMP_DAY.fullmatch(text, start, end) is not None


#: What may stand between a stamp's time and its mark: blanks, emphasis, a suffix of the hour ("a.m.").
_STAMP_GAP = re.compile(r"[ *_]{0,4}(?:[^\W\d_][^\W\d_.]{0,3}\.?(?:[^\W\d_]\.?)?[ *_]{1,4})?")


def stamped(text: str, end: int) -> bool:
    """Whether the time that ends at ``end`` is set off as a live blog's stamp ("ore 9.15** –",
    "9:15 a.m. -")."""
    m = _STAMP_GAP.match(text, end, end + 16)
    return text[m.end():m.end() + 1] in STAMP_MARKS if m is not None else False


def latest(text: str, moments: list[tuple[int, int]], start: int, end: int, pack: Pack) -> tuple[int, int] | None:
    """The last of the (sorted) ``moments`` in ``text[start:end]`` that is a time of day
    (not an offset such as "cinque anni fa")."""
    k = bisect_left(moments, (end, -1))
    while k > 0 and moments[k - 1][0] >= start:
        k -= 1
        m = moments[k]
        if m[1] <= end and minute_of(text[m[0]:m[1]], pack) is not None:
            return m
    return None


@per_pack("time")
def _parts(pack: Pack) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    table = pack.table("time.parts", {})
    hours: dict[str, int] = {}
    for phrase, hour in table.items():
        if not isinstance(hour, int) or isinstance(hour, bool) or not 0 <= hour <= 24:
            raise pack.error(f"time.parts.{phrase}", "expected an hour from 0 to 24")
        hours[low(phrase)] = hour
    if not hours:
        return None, hours
    # prefix-factored: a plain alternation made every document's scan 2.4 times slower
    return re.compile(rf"(?<!\w)(?:{tries.pattern(hours, blank=' ')})(?!\w)", re.IGNORECASE), hours


def day_parts(text: str, start: int, end: int, lang: str | Pack) -> list[tuple[int, int]]:
    """The spans of the pack's day parts in ``text[start:end]``.

    >>> day_parts("In serata i morti sono 40.", 0, 26, "it")
    [(0, 9)]
    """
    pack = resolve(lang)
    pattern, _ = _parts(pack)
    if pattern is None:
        return []
    starts = _starts(text, start, end, pack)
    if starts is None:
        return [m.span() for m in pattern.finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    for at in starts:  # the pattern's matches from left to right, as its scan finds them
        if (not out or at >= out[-1][1]) and (m := pattern.match(text, at, end)) is not None:
            out.append(m.span())
    return out


def _starts(text: str, start: int, end: int, pack: Pack) -> list[int] | None:
    """Where a day part may start in ``text[start:end]``, in order: where one of their words
    stands in its lower case (most documents have none, and C's substring search is several times
    cheaper than the case-blind pattern tried at every character); None where ``str.lower``
    cannot be trusted (then the pattern decides everywhere). Exact: a character the pattern
    matches to a letter of the words lower-cases to that letter, unless it is one of
    :func:`_unlike`; and a lower case of another length would move the offsets."""
    words, unlike = _words(pack)
    if any(text.find(c, start, end) >= 0 for c in unlike):  # a search for each, in C: no pattern's scan
        return None
    piece = text[start:end].lower().replace("’", "'")
    if len(piece) != end - start:
        return None
    found = set()
    for w in words:
        at = piece.find(w)
        while at >= 0:
            found.add(start + at)
            at = piece.find(w, at + 1)
    return sorted(found)


@per_pack("time")
def _words(pack: Pack) -> tuple[tuple[str, ...], str]:
    """The day parts' words as the pattern matches them (one blank between words), and the
    characters for which :func:`_starts` cannot trust ``str.lower`` (maybe none)."""
    words = tuple(sorted({re.sub(r"\s+", " ", w) for w in _parts(pack)[1]}))
    letters = "".join(sorted(set("".join(words)) - {" ", "'"}))
    # the scan reads every character of the first plane (~10 ms): kept across runs
    unlike = remembered("clock.unlike", letters, lambda: _unlike(letters))
    return words, unlike


def _unlike(letters: str) -> str:
    """The characters that the case-blind pattern matches to one of ``letters`` but whose
    lower case is not that letter ("İ", "ı" and "ſ" for "i" and "s", the Kelvin sign for "k"),
    and the capital sigma (its lower case depends on the letters around it)."""
    found = set()
    # no character beyond the first plane is case-blind equal to one within it
    every = "".join(map(chr, range(0x10000 if all(c < "\U00010000" for c in letters) else sys.maxunicode + 1)))
    for m in re.finditer(f"[{re.escape(letters)}]", every, re.IGNORECASE):
        c = m[0]
        if c == "\u03a3" or any(re.fullmatch(re.escape(p), c, re.IGNORECASE) and c.lower() != p for p in letters):
            found.add(c)
    return "".join(sorted(found))


def minute_of(when: str, lang: str | Pack) -> int | None:
    """Minutes after midnight of a time as written: a clock time's digits, else a day part's
    hour; None when it says neither."""
    if (m := CLOCK.search(when)) is not None:
        if m.group(2) is None and m.start() == 0 and when[m.end():].strip():
            return None  # "19 minutes", "venti minuti dopo": a length of time, no time of day
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        return hour * 60 + minute if hour <= 24 and minute < 60 else None
    if isinstance(lang, str) and lang not in available():
        return None
    part: int | None = _parts(resolve(lang))[1].get(low(when.strip()))
    return None if part is None else part * 60


#: What ends a clause between a figure and a time (a comma not inside a number, marks, a dash).
CLAUSE = re.compile(r",(?!\d)|[;:()\[\]«»\"“”]|\s[-–—]\s")


def nearest(text: str, figure: Span, moments: list[tuple[int, int]], pack: Pack) -> tuple[int, int] | None:
    """The moment nearest ``figure`` with no clause break nor relative word between them (the
    one before it on a tie): a time in another clause is another event's ("il Consiglio si
    riunisce alle 11; si parla di 2 milioni", "il terremoto che alle 23.11 ha colpito")."""
    best: tuple[int, int] | None = None
    distance = len(text) + 1
    for m in moments:
        lo, hi = (m[1], figure.start) if m[1] <= figure.start else (figure.end, m[0])
        if hi >= lo and hi - lo < distance and not CLAUSE.search(text, lo, hi) \
                and not relative_between(text, lo, hi, pack):
            best, distance = m, hi - lo
    return best


def placed(text: str, figure: Span, sentence: Span, moments: list[tuple[int, int]],
           pack: Pack) -> tuple[int, int] | None:
    """The moment of ``figure`` in its sentence: the nearest in its clause, else (none, or
    only an offset such as "cinque anni fa") the time of day that opens the sentence."""
    at = nearest(text, figure, moments, pack)
    if at is None or minute_of(text[at[0]:at[1]], pack) is None:
        return opening(text, sentence, moments, pack) or at
    return at
