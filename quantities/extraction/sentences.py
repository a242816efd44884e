"""Sentence spans: where a sentence of news prose ends.

One pass over the text finds the candidate ends (runs of ``. ! ? …`` with the closing
quotes and brackets right after them, and newlines); a few checks per candidate decide.
The words (abbreviations, quote pairs, dateline shapes) come from the language pack's
``[sentences]`` table; the rules here are language-neutral:

* a mark ends a sentence unless the next word starts in lower case ("ecc. e poi"),
  follows an abbreviation that never ends one ("sig. Rossi"), an abbreviation that does
  not end one before a number ("art. 5"), an initial ("J. R. R. Tolkien"), a list
  number at the start of a line ("1. "), or sits inside a dateline ("ROMA, 3 set. –");
* a mark inside a closing quote or bracket ends the sentence after it (“Sì.” Poi);
* a newline ends a sentence (headlines, captions, list items, one-line paragraphs)
  unless the text is hard-wrapped prose: the next line starts in lower case or with a
  figure, or the line ends with a comma, or a long line ends with a lower-case word;
* a blank line always ends a sentence: a paragraph, headline or subtitle without a
  final mark ends its sentence;
* a final abbreviation ("U.S.", "p.m.") ends a sentence, except before "(" or after one
  of the pack's ``not_final_after`` words ("the U.S. Geological Survey") unless one of its
  sentence ``openers`` follows ("in the U.S. Then it spread").

Numbers with dots (5.000, 7.40) never end a sentence: a mark must be followed by space.

>>> text = "Il sig. Rossi ha contato 5.000 operai. «Basta!» ha detto. Poi è partito."
>>> [s.of(text) for s in split(text)]
['Il sig. Rossi ha contato 5.000 operai.', '«Basta!» ha detto.', 'Poi è partito.']
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import regex

from quantities.cache import compiled
from quantities.lang import Pack, kept, load
from quantities.types import Quantity, Span

_BRACKETS = ")]"
_TOKEN_WINDOW = 30
_DATELINE_WINDOW = 100
# The word (letters, digits, inner dots) that ends right before a mark; matched backwards.
_TOKEN = compiled(r"[\p{L}\p{N}.]{1,%d}+" % _TOKEN_WINDOW, regex.REVERSE)
# How far past a candidate end its next character is looked for, in blanks.
_NEXT_REACH = 200
_NEXT_LINE = compiled(r"[ \t\r\f\v]{0,200}+(?P<c>[^ \t\r\f\v])?")
_WORD_AFTER = compiled(r"\s{1,20}+(\p{L}{1,30}+)")
_LIST_ITEM = compiled(r"\p{N}{1,3}+[.)][ \t]")
_WRAP_WIDTH = 120  # a hard-wrapped line is at least half of this long
_BLANK_LINE = compiled(r"\n[ \t\r\f\v]{0,200}+\n")
#: The longest sentence, in characters (news-dev's longest: 449): a longer run, a page of
#: dots or an unclosed HTML comment, is cut into sentences this long, never tokenised whole
#: (190 bytes a character: 8 MB of dots took 1.5 GB).
LONGEST = 4_000
_BLANKS = compiled(r"\s*+")
_LIST_NUMBER = compiled(r"[ \t]{0,12}+\p{N}{1,3}+")


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class _Grammar:
    candidates: regex.Pattern[str]
    abbreviations: frozenset[str]
    before_numbers: frozenset[str]
    finals: frozenset[str]
    before_names: frozenset[str]  # words after which a final abbreviation does not end ("the U.S.")
    openers: frozenset[str]  # words that open a sentence after one all the same ("the U.S. Then")
    datelines: regex.Pattern[str] | None


def split(text: str, lang: str | Pack = "it") -> list[Span]:
    """Sentence spans over ``text`` (half-open, without leading or trailing space).

    >>> text = "PECHINO, 14 AGO – Kim ha parlato con Putin. Lo riporta la Kcna.\\n\\nTitolo"
    >>> [s.of(text) for s in split(text)]
    ['PECHINO, 14 AGO – Kim ha parlato con Putin.', 'Lo riporta la Kcna.', 'Titolo']
    >>> split("   ")
    []
    """
    return list(map(Span, *bounds(text, lang)))


def bounds(text: str, lang: str | Pack = "it") -> tuple[list[int], list[int]]:
    """:func:`split` as two lists, the starts and the ends of the sentences: the extractor
    makes a Span only for the sentences it reports (a long document's sentence Spans, kept
    to the end, made the garbage collector's full passes longer).

    >>> bounds("Uno. Due.")
    ([0, 5], [4, 9])
    """
    g = grammar(load(lang) if isinstance(lang, str) else lang)
    starts: list[int] = []
    ends: list[int] = []
    start = 0
    for m in g.candidates.finditer(text):
        kind = m.lastgroup  # "mark", or a newline: "nl" alone, "blank" before a blank line
        if kind != "mark":
            if kind != "blank" and not _line_ends(text, m.start()):
                continue
            end = m.start()
        elif _mark_ends(text, m, g):
            end = m.end()
        else:
            continue
        _add(starts, ends, text, start, end)
        start = end
    _add(starts, ends, text, start, len(text))
    return starts, ends


def paragraphs(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """The paragraph number of each sentence of :func:`bounds`: a blank line between two
    sentences starts a new paragraph.

    >>> text = "Uno. Due.\\n\\nTre."
    >>> paragraphs(text, *bounds(text))
    [0, 0, 1]
    """
    out: list[int] = []
    n = 0
    for k, start in enumerate(starts):
        if k and _BLANK_LINE.search(text, ends[k - 1], start, False):
            n += 1
        out.append(n)
    return out


def _add(starts: list[int], ends: list[int], text: str, start: int, end: int) -> None:
    """Add ``[start, end)`` without its surrounding space, if anything is left; a sentence
    longer than :data:`LONGEST` is cut into pieces at a space (or anywhere, in a run without
    one), so that what a sentence holds per character stays bounded.

    >>> starts, ends = [], []
    >>> _add(starts, ends, "." * 10_000 + " 5 morti.", 0, 10_009)
    >>> [e - s for s, e in zip(starts, ends)]
    [4000, 4000, 2009]
    """
    piece = text[start:end]
    body = piece.lstrip()
    if not body:
        return
    first = start + len(piece) - len(body)
    last = first + len(body.rstrip())
    while last - first > LONGEST:
        cut = text.rfind(" ", first + LONGEST // 2, first + LONGEST)
        cut = first + LONGEST if cut < 0 else cut
        starts.append(first)
        ends.append(cut)
        first = _BLANKS.match(text, cut, last).end()
    starts.append(first)
    ends.append(last)


def _line_ends(text: str, newline: int) -> bool:
    """A single newline ends a sentence unless the text is hard-wrapped prose: the next
    line goes on in lower case or with a figure ("… militari e\\n1.000 ingegneri"; not a
    list number "2. "), or this line ends with a comma, or this line is as long as a
    wrapped line and ends with a lower-case word ("… che Pyongyang rende\\nPubblico")."""
    m = _NEXT_LINE.match(text, newline + 1)
    c = m.group("c")
    if c is None:
        return True
    if c.islower() or (c.isdigit() and not _LIST_ITEM.match(text, m.start("c"))):
        return False
    line_start = text.rfind("\n", max(0, newline - _WRAP_WIDTH), newline) + 1
    last = text[line_start:newline].rstrip()
    if not last:
        return True
    return not (last[-1] == "," or (last[-1].islower() and line_start > 0 and newline - line_start >= _WRAP_WIDTH // 2))


def _mark_ends(text: str, m: regex.Match[str], g: _Grammar) -> bool:
    c = _next(text, m.end())
    if c is not None and c.islower():
        return False
    mark_start = m.start()
    if m.group("mark") == "." and not _dot_ends(text, mark_start, c, g):
        return False
    return not _in_dateline(text, mark_start, m.end(), g)


def _next(text: str, pos: int) -> str | None:
    """The first character after the blanks at ``pos`` (at most :data:`_NEXT_REACH` of them),
    None at the end: ``\\s{0,200}+(\\S)?`` without a pattern call per candidate end."""
    rest = text[pos:pos + _NEXT_REACH + 1].lstrip(BLANKS)
    return rest[0] if rest else None


#: The characters ``regex`` reads as ``\\s`` (``str.isspace`` has four more, U+001C–U+001F,
#: so ``str.lstrip()`` without them would differ); a test checks it against ``regex``.
BLANKS = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def _dot_ends(text: str, dot: int, c: str | None, g: _Grammar) -> bool:
    """Whether a single dot, followed by ``c``, ends the sentence (after the general rule)."""
    token_match = _TOKEN.match(text, max(0, dot - _TOKEN_WINDOW), dot, False)
    if token_match is None:
        return True
    token = token_match.group()
    key = token.casefold() + "."
    if key in g.abbreviations:
        return False
    if key in g.before_numbers and c is not None and c.isdigit():
        return False
    if key in g.finals:
        return c != "(" and (not _after_article(text, token_match.start(), g) or _opens(text, dot, g))
    last = token.rpartition(".")[2]
    if len(last) == 1 and last.isupper():  # an initial: "J. R. R. Tolkien", "J.R.R."
        return False
    return not (token.isdigit() and _starts_line(text, token_match.start()))


def _after_article(text: str, start: int, g: _Grammar) -> bool:
    """Whether the word before ``start`` (one space between) is one after which a final
    abbreviation names something ("the U.S. Geological Survey", "at 11 p.m. GMT")."""
    if start < 2 or text[start - 1] != " ":
        return False
    m = _TOKEN.match(text, max(0, start - 1 - _TOKEN_WINDOW), start - 1)
    return m is not None and m.group().casefold() in g.before_names


def _opens(text: str, dot: int, g: _Grammar) -> bool:
    """Whether the word after the dot is one that opens sentences ("Then", "It")."""
    m = _WORD_AFTER.match(text, dot + 1)
    return m is not None and m.group(1).casefold() in g.openers


def _starts_line(text: str, pos: int) -> bool:
    """Whether only spaces stand between the last line start and ``pos`` (a list number)."""
    line_start = text.rfind("\n", max(0, pos - 13), pos) + 1
    if line_start == 0 and pos > 13:
        return False
    m = _LIST_NUMBER.match(text, line_start)
    return m is not None and m.end() >= pos


def _in_dateline(text: str, mark_start: int, mark_end: int, g: _Grammar) -> bool:
    if g.datelines is None:
        return False
    low = max(0, mark_start - _DATELINE_WINDOW)
    line_start = text.rfind("\n", low, mark_start) + 1
    if line_start == 0 and low > 0:
        return False
    m = g.datelines.match(text, line_start)
    return m is not None and m.end() >= mark_end


@functools.cache
@kept
def grammar(pack: Pack) -> _Grammar:
    """The compiled ``[sentences]`` data of ``pack`` (once per pack)."""
    closers = {c for pair in _quote_pairs(pack) for c in pair[1]} | set(_BRACKETS)
    close_class = "".join(regex.escape(c) for c in sorted(closers))
    candidates = regex.compile(
        r"(?<![.!?…])(?P<mark>[.!?…]++)[" + close_class + r"]{0,5}+(?=\s|\Z)"
        r"|(?P<nl>\n)(?P<blank>[ \t\r\f\v]*+\n[ \t\r\f\v\n]*+)?"
    )
    return _Grammar(
        candidates=candidates,
        abbreviations=_abbreviations(pack, "sentences.abbreviations"),
        before_numbers=_abbreviations(pack, "sentences.before_numbers"),
        finals=_abbreviations(pack, "sentences.final_abbreviations"),
        before_names=frozenset(w.casefold() for w in pack.words("sentences.not_final_after", ())),
        openers=frozenset(w.casefold() for w in pack.words("sentences.openers", ())),
        datelines=_datelines(pack),
    )


def _abbreviations(pack: Pack, key: str) -> frozenset[str]:
    words = pack.words(key, ())
    for w in words:
        if not w.endswith(".") or any(ch.isspace() for ch in w):
            raise pack.error(key, f"{w!r}: an abbreviation is one word ending with a dot")
    return frozenset(w.casefold() for w in words)


def _quote_pairs(pack: Pack) -> list[tuple[str, str]]:
    key = "sentences.quotes"
    pairs = pack.get(key, [])
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(q, str) and len(q) == 1 for q in p)
        for p in pairs
    ):
        raise pack.error(key, "expected a list of [opening, closing] pairs of single characters")
    return [(p[0], p[1]) for p in pairs]


def _datelines(pack: Pack) -> regex.Pattern[str] | None:
    key = "sentences.datelines"
    shapes = pack.words(key, ())
    if not shapes:
        return None
    try:
        return regex.compile("|".join(f"(?:{s})" for s in shapes))
    except regex.error as e:
        raise pack.error(key, f"not a valid pattern: {e}") from None


#: A claim's context (the words the reconciler lines claims up by) is its sentence; in a
#: sentence longer than this, the window of this many characters around the claim, cut at
#: spaces. Each claim's context then costs the same however long the sentence: a run-on
#: "sentence" of 10.000 figures (or a Markdown list without full stops) made every claim
#: carry, and the reconciler re-read, the whole of it — quadratic.
CONTEXT = 1000


def window(text: str, sentence: Span, figure: Span) -> str:
    """About :data:`CONTEXT` characters of ``sentence`` around ``figure``, cut at spaces.

    >>> window("a " * 1000 + "5 soldati " + "b " * 1000, Span(0, 4010), Span(2000, 2001))[:6]
    'a a a '
    >>> len(window("a " * 1000 + "5 soldati " + "b " * 1000, Span(0, 4010), Span(2000, 2001))) <= CONTEXT
    True
    """
    start, end = window_span(text, sentence, figure)
    return text[start:end]


def shared_window(windows: dict[tuple[int, int], str], text: str, sentence: Span, figure: Span) -> str:
    """:func:`window`, one string for the figures whose windows are one (kept in ``windows``):
    a sentence of :data:`CONTEXT` characters or fewer is its own window (most: no cut looked for)."""
    span = (sentence.start, sentence.end) if sentence.end - sentence.start <= CONTEXT \
        else window_span(text, sentence, figure)
    found = windows.get(span)
    if found is None:
        found = windows[span] = text[span[0]:span[1]]
    return found


def window_span(text: str, sentence: Span, figure: Span) -> tuple[int, int]:
    """Where :func:`window` cuts: centred on the quarter of :data:`CONTEXT` that holds the
    figure, not on the figure, so that the figures of one stretch share one window (a run-on
    sentence of 50.000 figures kept 50.000 copies of its text, 2 KB each)."""
    step = CONTEXT // 4
    middle = (figure.start + figure.end) // 2 // step * step + step // 2
    start = max(sentence.start, min(middle - CONTEXT // 2, sentence.end - CONTEXT))
    end = min(sentence.end, start + CONTEXT)
    if start > sentence.start:
        cut = text.find(" ", start, end)
        start = cut + 1 if cut >= 0 else start
    if end < sentence.end:
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    return start, end


class Held(NamedTuple):
    """A sentence with the figures it holds (:func:`held`)."""

    #: In the document's sentences (sentences.bounds); -1 for a figure outside any.
    index: int  # type: ignore[assignment]  # a field that shadows tuple.index, on purpose
    span: Span
    figures: list[Quantity]


def held(figures: deque[Quantity], starts: list[int], ends: list[int]) -> Iterator[Held]:
    """The figures grouped by the sentence that holds them (a figure outside any is its own),
    taken off ``figures`` as they are grouped: a figure of a long document is let go once
    its claim is made (thousands kept to the end made the garbage collector's full passes
    longer)."""
    current: tuple[int, int, int] | None = None  # index, start, end
    group: list[Quantity] = []
    while figures:
        q = figures.popleft()
        if current is not None and current[0] >= 0 and current[1] <= q.span.start and q.span.end <= current[2]:
            group.append(q)  # in the sentence of the figure before it (the sentences do not overlap)
            continue
        i = bisect_right(starts, q.span.start) - 1
        holder = (i, starts[i], ends[i]) if i >= 0 and q.span.end <= ends[i] else (-1, q.span.start, q.span.end)
        if current is not None and current[1:] != holder[1:]:
            yield Held(current[0], Span(current[1], current[2]), group)
            group = []
        current = holder
        group.append(q)
    if current is not None:
        yield Held(current[0], Span(current[1], current[2]), group)
