"""Bare numbers that are no claims, told by the words around them: years and decades,
dates after a month, clock times, identifiers after their cue words, photo-caption indexes."""

from __future__ import annotations

import re
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers.around import next_word, phrase_before
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.reading import Reading

_YEAR_AFTER = compiled(r",?\s{1,3}[12][0-9]{3}(?![0-9])")          # "Agosto 13, 2025"


#: A web address: its digits are parts of a name, no figures (one character class: linear).
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+", re.IGNORECASE)


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the web addresses in ``text`` (looked for only where one can be)."""
    if "://" not in text and "www." not in text and "WWW." not in text:
        return []
    return [m.span() for m in _URL.finditer(text)]


def url_end(spans: list[tuple[int, int]], pos: int) -> int:
    """The end of the span of ``url_spans`` (a web address) that holds ``pos``, dropping the spans
    before it; 0 if none."""
    while spans and spans[0][1] <= pos:
        del spans[0]
    return spans[0][1] if spans and spans[0][0] <= pos else 0


#: The longest run of characters with no blank that is read as words: a longer one is a data
#: blob, a hash, a path or a list typed with no spaces, whose digits are parts of one name.
OPAQUE_RUN = 64
_BLANK = re.compile(r"\s")


def opaque_end(text: str, span: tuple[int, int]) -> int:
    """The end of the run of over :data:`OPAQUE_RUN` characters with no blank that holds the
    match at ``span``, else 0. Looked for only when the match touches a character other than
    a blank; every such run that meets the window of ``OPAQUE_RUN`` characters either side of
    its start holds it, so the look is bounded.

    >>> opaque_end("a" * 70 + "5 b", (70, 71)), opaque_end("circa 5.000,", (6, 11))
    (71, 0)
    """
    pos, end = span
    if text[pos - 1:pos].isspace() and text[end:end + 1].isspace():
        return 0
    # the run's characters before ``pos`` (up to OPAQUE_RUN of them) and from it on (up to
    # OPAQUE_RUN + 1): over OPAQUE_RUN together, the run is longer (split's blanks are \s's)
    head, tail = text[max(0, pos - OPAQUE_RUN):pos], text[pos:pos + OPAQUE_RUN + 1]
    before = len(head.rsplit(None, 1)[-1]) if head and not head[-1].isspace() else 0
    after = len(tail.split(None, 1)[0]) if tail and not tail[0].isspace() else 0
    if before + after <= OPAQUE_RUN:
        return 0
    blank = _BLANK.search(text, pos + after)
    return blank.start() if blank is not None else len(text)


_DECIMAL = re.compile(r"[0-9][.,'’][0-9]")  # digits with a mark: a decimal, no half hour


_CLOCK = compiled(r"[0-9]{1,2}([.:,])([0-5][0-9])")
_CLOCK_MARKS = frozenset(".:,")  # _CLOCK's marks


def non_claim(text: str, r: Reading, prev: list[tuple[int, str]], glued: Any, g: Grammar) -> bool:
    """Years, times, identifiers and dates told by the words around a bare number."""
    if _time(text, r, prev, g):
        return True
    if r.value is None:
        return _year_range(r, g)
    if not r.integer:
        return _DOTTED.fullmatch(text, r.start, r.end) is not None and _decimal_name(r, prev, glued, g)
    if _decade(text, r, prev, g) or _month_year(text, r, prev, glued, g) or _year(text, r, prev, g):
        return True
    if _joined_day(text, r, g) or _weekday(text, r, prev, g):
        r.kind = "date"
        return True
    if _caption_index(text, r) or _score(text, r, prev, g):
        r.kind = "identifier"
        return True
    cue = _name_cue(prev, glued, g)
    if (cue is not None and text[r.end + 1:r.end + 2].islower() and _counted(text, r.end, g)
            and phrase_before(prev, g.idents.counted_after, g) is not None):
        cue = None  # a place or a state, no name: "sono scese in piazza 800 persone" (not "in piazza 3 Torri")
    zero = g.idents.leading_zero and r.plain and text[r.start] == "0" and r.end - r.start > 1
    service = r.plain and text[r.start:r.end] in g.idents.services and not _counted(text, r.end, g)
    named = bool(g.idents.name_after) and next_word(text, r.end, " -") in g.idents.name_after  # "5 Stelle", "41-bis"
    named = named or _numbered_name(text, r, prev, g)
    if cue is not None or zero or service or named or _parties(text, r, prev, g) or _referring(text, r, prev, g):
        r.kind = "identifier"
        return True
    return False


def _numbered_name(text: str, r: Reading, prev: list[tuple[int, str]], g: Grammar) -> bool:
    """A number that ends a name: a body's numbered after its place ("l'Asl Roma 5"; ``[numbers.identifiers]
    named``), a street's house number ("via Cavour 46", "viale Sacco e Vanzetti 89"; ``streets``, ``name_links``
    between its capitalised words); not when a counted noun follows ("Asl Bari 40 medici")."""
    if not r.plain or len(prev) < 2 or not text[prev[-1][0]].isupper() or text[r.start - 1] != " ":
        return False
    if prev[-2][1].rpartition("'")[2] in g.idents.named:
        return not _counted(text, r.end, g)
    for k in range(len(prev) - 2, -1, -1):
        if prev[k][1] in g.idents.streets:
            return not _counted(text, r.end, g) and not (k and _fronted(text, prev[k - 1], g))
        if not (text[prev[k][0]].isupper() or prev[k][1] in g.idents.name_links):
            return False
    return False


def _referring(text: str, r: Reading, prev: list[tuple[int, str]], g: Grammar) -> bool:
    """A small number in words that refers back to a group the story named, after one of ``[numbers.identifiers]
    referring`` and before no counted noun ("Uno dei due si chiama Mohamed", "among the three in a serious
    condition"): an identity reference (RULES: "i due paesi"), no count; not "era uno dei tre dispersi". So
    is one after a definite article and before a finite verb (``group_articles``, ``group_verbs``, ``group_endings``):
    "mentre i due abbandonavano l'auto", "the two had been arrested"; not "i due colleghi", "I due sono morti"."""
    if r.value is None or r.value > g.idents.parties_most or not text[r.start:r.end].isalpha() or not prev:
        return False
    nxt = next_word(text, r.end)
    if prev[-1][1] in g.idents.group_articles and (nxt in g.idents.group_verbs or (
            bool(g.idents.group_endings) and nxt.endswith(g.idents.group_endings))):
        return True
    return phrase_before(prev, g.idents.referring, g) is not None and not _counted(text, r.end, g)


def _fronted(text: str, word: tuple[int, str], g: Grammar) -> bool:
    """Whether ``word`` (its offset, folded) is one of ``[numbers.identifiers] street_fronts`` that opens
    its sentence: the street is where a count stands ("In piazza Maggiore 800, per la questura"), no
    address ("giocato in via Cavour 46", "a Milano, in via Tocqueville 13")."""
    return word[1] in g.idents.street_fronts and (text[:word[0]].rstrip()[-1:] or ".") in OPENING_MARKS


#: The marks before a word that opens a sentence (and the text's start).
OPENING_MARKS = frozenset(".;:!?")


def _parties(text: str, r: Reading, prev: list[tuple[int, str]], g: Grammar) -> bool:
    """A small number in words after a definite word, before the story's parties ("le due
    banche", "delle due popolari", "the two lenders"; ``[numbers.identifiers] parties``): who the
    story is about, no count (RULES: "i due paesi", an identity reference); unless what befell
    them follows ("le quattro province colpite", "five regions hit": ``parties_counted``)."""
    if not g.idents.parties or r.value is None or r.value > g.idents.parties_most \
            or not prev or prev[-1][1] not in g.idents.parties_before or not text[r.start:r.end].isalpha():
        return False
    at = r.end
    for _ in range(2):   # the head, or the word after it: "the five central regions"
        word = next_word(text, at)
        at += 1 + len(word)
        if word.rstrip("'’") in g.idents.parties:   # "the two countries' motorway operators"
            return not _named_after(text, at) and next_word(text, at) not in g.idents.parties_counted
    return False


#: After a party noun, the list of their names: "le quattro province di Bologna, Ravenna …", "di
#: Bologna e Rimini", "(Cgil e Uil)", a colon; not one owner ("i due rami del Parlamento").
_NAMES_AFTER = compiled(r"[ \u00a0]{0,2}(?:[:(][ \u00a0]{0,2}\p{Lu}|[^\W\d_]{1,4}[ \u00a0]{1,2}\p{Lu}[^\s,]{0,30}"
                        r"(?:,|[ \u00a0]{1,2}[^\W\d_]{1,3}[ \u00a0]{1,2}\p{Lu}))")


def _named_after(text: str, at: int) -> bool:
    """Whether the parties are listed by name right after their noun: then the number counts them,
    a figure an editor checks ("le quattro province di Bologna, Ravenna, Forlì-Cesena e Rimini")."""
    return _NAMES_AFTER.match(text, at, min(len(text), at + 48)) is not None


#: A joiner and the next day of a month after a day ("2 e 3", "8 e il 9", "11 and 12"): the joiner is group 1.
_DAY_JOIN = compiled(r"[ \u00a0]{1,2}([^\W\d_]{1,3})[ \u00a0]{1,2}(?:[^\W\d_]{1,3}(?:['’]|[ \u00a0]{1,2}))?[0-9]{1,2}")


def _joined_day(text: str, r: Reading, g: Grammar) -> bool:
    """A day of the month joined to the date after it (``[numbers.dates] day_joins``): "la piena
    del 2 e 3 maggio", "tra l'8 e il 9 marzo", "on 2 and 3 May"; not "2 e 3 feriti"."""
    if not g.dates.day_joins or not r.plain or not 1 <= r.value <= 31:  # type: ignore[operator]  # plain: a value
        return False
    m = _DAY_JOIN.match(text, r.end, min(len(text), r.end + 16))
    return m is not None and m[1].casefold() in g.dates.day_joins and next_word(text, m.end()) in g.dates.months


def _weekday(text: str, r: Reading, prev: list[tuple[int, str]], g: Grammar) -> bool:
    """A day of the month right after its weekday (``[numbers.dates] weekdays``), a comma and more after
    it or a time cue: "domani, domenica 17, nell'ambito …", "sabato 3 alle 10"; not "domenica 17 feriti", a
    value at a clause's end ("…, domenica 11.", "e sabato 9;"), nor one listed after another ("erano 9, sabato 13")."""
    if not g.dates.weekdays or not r.plain or r.value is None or not 1 <= r.value <= 31 or not prev:
        return False
    nxt = next_word(text, r.end)
    listed = len(prev) > 1 and prev[-2][1][:1].isdigit()   # "erano 9, sabato 13": a count of that day
    more = text[r.end:r.end + 1] == "," and text[r.end + 1:r.end + 3].strip()[:1].isalpha()   # "domenica 17, nell'…"
    return prev[-1][1] in g.dates.weekdays and not listed and (more or nxt in g.times.before)


def _name_cue(prev: list[tuple[int, str]], glued: Any, g: Grammar) -> tuple[int, str] | None:
    """The identifier cue right before a number (``[numbers.identifiers] before``), or one of
    ``elided`` glued to an elided article ("all'articolo 18", "dell'articolo 49"), else None."""
    if glued:
        return None
    cue = phrase_before(prev, g.idents.before, g)
    if cue is None and prev and (elided := prev[-1][1].rpartition("'")[2]) != prev[-1][1] \
            and elided in g.idents.elided:   # not "dell'Interno 45.000", "sull'autobus 40 passeggeri"
        return prev[-1][0], elided
    return cue


#: A number of a name's parts: digits, one mark, digits ("49.3", "2.1"); not "100mila", "1,5 milioni".
_DOTTED = compiled(r"[0-9]{1,4}[.,][0-9]{1,3}")


def _decimal_name(r: Reading, prev: list[tuple[int, str]], glued: Any, g: Grammar) -> bool:
    """A number with a decimal mark after an identifier cue that is no article: a name ("il
    ricorso all'articolo 49.3", "il comma 2.1"); not "il 2,5", a figure."""
    cue = _name_cue(prev, glued, g)
    if cue is None or cue[1] in g.hedges.articles:
        return False
    r.kind = "identifier"
    return True


def _score(text: str, r: Reading, prev: list[tuple[int, str]], g: Grammar) -> bool:
    """A match's score after one of the pack's ``scores.before`` words ("vince 3-1", "finisce
    2 a 0", "won 3-1"): no figure, read to its second number."""
    if not r.plain or r.end - r.start > 2 or phrase_before(prev, g.idents.score_before, g) is None:
        return False
    rest = g.idents.score_rest.match(text, r.end)
    if rest is None:
        return False
    r.end = rest.end()
    return True


#: The end of a paragraph: blanks, then a blank line or the end of the text.
_PARAGRAPH_END = re.compile(r"[ \t]{0,40}(?:\r?\n[ \t]{0,40}(?:\r?\n|$)|$)")


#: The longest line read back for :func:`_caption_index`, in characters.
CAPTION_LINE = 120


def _caption_index(text: str, r: Reading) -> bool:
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


def _month_year(text: str, r: Reading, prev: list[tuple[int, str]], glued: Any, g: Grammar) -> bool:
    """giugno 2024, giugno del 2024 (and Aug. 14, or "Agosto 13, 2025", where the day follows the month)."""
    if glued or not prev or not r.plain or r.value is None:
        return False
    if prev[-1][1].rstrip(".") in g.dates.months:
        start = prev[-1][0]
    elif len(prev) > 1 and prev[-1][1] in g.dates.year_links and prev[-2][1].rstrip(".") in g.dates.months:
        start = prev[-2][0]
    else:
        return False
    day_first = g.dates.day_after_month or _YEAR_AFTER.match(text, r.end) is not None
    if r.value < g.years.min and not (day_first and 1 <= r.value <= 31):
        return False
    r.start, r.kind = start, "date"
    return True


def _decade(text: str, r: Reading, prev: list[tuple[int, str]], g: Grammar) -> bool:
    """"anni '90", "anni 90", and a decade in words: "negli anni Trenta", "anni trenta la
    diga" (a round ten with no counted noun after it; "da anni venti famiglie" count)."""
    if not ((r.end - r.start == 2 and r.plain) or _decade_word(text, r, g)):
        return False
    lead = text[max(0, r.start - 1):r.start]
    words = [w.rstrip("'’") for _, w in prev[-2:]]
    if g.years.decade_suffixes and not (lead in "'’" and lead) and not text.startswith(g.years.decade_suffixes, r.end):
        return False  # "the 90s", "the '90s"; not "the 72 people", "the 20 victims"
    if (lead in "'’" and lead) or (words and words[-1] in g.years.decade_before):
        if phrase_before([(0, w) for w in words if w], g.years.decade_before, g) is not None:
            r.kind = "year"
            if lead in "'’" and lead:
                r.start -= 1
            return True
    return False


def _decade_word(text: str, r: Reading, g: Grammar) -> bool:
    nxt = next_word(text, r.end)
    return (r.value is not None and 10 <= r.value <= 90 and r.value % 10 == 0 and text[r.start:r.end].isalpha()
            and (text[r.start].isupper() or not nxt.isalpha() or nxt in g.years.not_nouns))


def _year(text: str, r: Reading, prev: list[tuple[int, str]], g: Grammar) -> bool:
    if not r.plain or r.value is None or not (g.years.earliest <= r.value <= g.years.max):
        return False
    cue = phrase_before(prev, g.years.before, g)
    if r.value < g.years.min and (cue is None or cue[1] not in g.years.strong or _counted(text, r.end, g)):
        return False   # an earlier century's year only after a strong cue, no noun after it: "nato nel 1759 in"
    named = bool(prev) and prev[-1][1] in g.years.name_articles and text[r.end + 1:r.end + 2].isupper()
    counted = _counted(text, r.end, g) and next_word(text, r.end) not in g.years.events and not named  # "the 2009
    # earthquake", "the 2014 Sewol ferry sinking" (not "About 2000 UN peacekeepers", "2000 Alpini")
    if cue is None and counted:
        return False
    if cue is not None and counted and cue[1] not in g.years.strong:
        return False
    r.kind = "year"
    return True


def _counted(text: str, end: int, g: Grammar) -> bool:
    """Whether a lower-case word that is no function word follows: the noun a figure counts."""
    nxt = next_word(text, end)
    return nxt.isalpha() and nxt.islower() and nxt not in g.years.not_nouns


def _year_range(r: Reading, g: Grammar) -> bool:
    lo, hi = r.low, r.high
    if not (r.plain and lo is not None and hi is not None):
        return False
    if not (g.years.min <= lo <= g.years.max and g.years.min <= hi <= g.years.max):
        return False
    r.kind = "year"
    return True


def _time(text: str, r: Reading, prev: list[tuple[int, str]], g: Grammar) -> bool:
    if _stamp(text, r, g):
        return True
    if r.value is None or r.value > 24:
        return False
    strong = phrase_before(prev, g.times.strong, g)
    cue = strong or phrase_before(prev, g.times.before, g)
    # "Five o'clock", "5 pm", "5.30 p.m." (whatever mark the pack's clocks take)
    after = bool(g.times.after) and (r.integer or _clock_form(text, r)) and next_word(text, r.end) in g.times.after
    if cue is None and after:
        r.kind = "time"
        return True
    if cue is None or (strong is None and any(w in g.times.levels for at, w in prev[-3:] if at < cue[0])):
        return False   # "the death toll stood at 14": a level, no clock
    clock = _clock(text, r)
    if clock is not None:
        if clock.group(1) not in g.times.seps and not after:
            return False
    elif not r.integer and ((r.value * 2) % 1 or _DECIMAL.search(text, r.start, r.end)):
        return False  # digits with a decimal mark; else only a half hour ("alle due e mezza", "alle 2 e mezza")
    elif strong is None or not text[r.start].isdigit():  # "dopo le quattro scosse": a count, in words
        nxt = next_word(text, r.end)
        if nxt.isalpha() and nxt not in g.times.not_nouns:
            return False
    r.kind, r.start = "time", cue[0]
    return True


def _clock(text: str, r: Reading) -> Any:
    """``r``'s digits as a clock, an hour, a mark and minutes ("5.30", "17:45"), or None: a clock is 4
    or 5 characters with its mark 3 from the end, so most figures are told without the pattern."""
    return _CLOCK.fullmatch(text, r.start, r.end, False) if (
        r.end - r.start in (4, 5) and text[r.end - 3] in _CLOCK_MARKS) else None


def _clock_form(text: str, r: Reading) -> bool:
    """Whether ``r``'s digits are written as a clock of the day ("5.30"; not "25.70")."""
    clock = _clock(text, r)
    return clock is not None and _is_clock(clock)


#: A live blog's time stamp: a clock that opens a line and a dash after it ("19.30 - Alle 19 …").
_STAMP_DASH = re.compile(r"[ \t]{0,3}[-–—][ \t]")
#: Four digits of a 24-hour clock without a mark, as news writes them before a zone ("2211 GMT").
_HHMM = re.compile(r"(?:[01][0-9]|2[0-3])[0-5][0-9]")


def _stamp(text: str, r: Reading, g: Grammar) -> bool:
    """A clock told by where it stands: opening a line before a dash, or before a time zone."""
    clock = _clock(text, r)
    if clock is not None and clock.group(1) in g.times.seps and _is_clock(clock):
        line_start = r.start == 0 or text[r.start - 1] == "\n"
        if line_start and _STAMP_DASH.match(text, r.end) is not None:
            r.kind = "time"
            return True
    if (clock is not None or (r.plain and r.end - r.start == 4 and _HHMM.fullmatch(text, r.start, r.end))) and (
            next_word(text, r.end) in g.times.zones):
        r.kind = "time"
        return True
    return False


def _is_clock(clock: Any) -> bool:
    hour = int(clock.group(0)[:-3])
    return hour <= 24
