"""The words around a number: those before it (read back from its start, nearest last),
the one after it, the cue phrases they make, and the homograph rules that use them."""

from __future__ import annotations

import re
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import ASCII_BLANKS, BLANKS, norm

_TOKEN = compiled(r"[^\s()\[\]{}«»“”\"]+")


#: What _TOKEN's words cannot hold: the blanks, brackets and quotes between the words before a number.
BREAKS = frozenset(BLANKS + "()[]{}«»“”\"")
_BREAKS = re.escape("".join(sorted(BREAKS)))  # the same, for re


_W, _S = f"[^{_BREAKS}]+", f"[{_BREAKS}]"  # a word, a break


# up to 4 of the same words in a reversed window, nearest first (a word and a break
# never overlap, so each group takes a whole word)
_WORDS_BACK = re.compile(rf"{_S}*({_W})(?:{_S}+({_W})(?:{_S}+({_W})(?:{_S}+({_W}))?)?)?")


_WORD_BACK = re.compile(rf"{_S}*({_W})")  # the nearest alone


WORD = compiled(r"[\p{L}'’]+|[^\s\p{L}0-9]")  # a word or a mark, as number words are split
_OPENERS = "([{«“\"‘"  # stripped from the head of a word before a number
#: How far before a number its words are read, in characters (four words of :data:`_WORDS_BACK`).
BACK_REACH = 48
#: How far after a number the word that follows it is looked for, in characters.
AFTER_REACH = 40


_last_prev: tuple[str | None, int, list[tuple[int, str]]] = (None, -1, [])
#: The words :func:`phrase_before` read last (the list itself, kept) and the phrases they end with.
_last_phrases: tuple[list[tuple[int, str]] | None, list[str]] = (None, [])


def prev_tokens(text: str, start: int, n: int = 4) -> list[tuple[int, str]]:
    """Up to ``n`` (at most 4) words before ``start``, nearest last, each with its offset.

    One read asks several times for the words before the same start: they are read once,
    and all of them are the same list each time (never changed in place: cut by slicing),
    whose cue phrases :func:`phrase_before` then also reads once.
    """
    global _last_prev
    last = _last_prev
    if last[0] is not text or last[1] != start:
        last = _last_prev = (text, start, words_before(text, start))
    words = last[2]
    return words if n >= len(words) else words[-n:]


def words_before(text: str, start: int) -> list[tuple[int, str]]:
    """Up to 4 words of the 48 characters before ``start``, nearest last.

    >>> words_before("«Circa (dei) 300", 13)
    [(1, 'circa'), (8, 'dei')]
    >>> words_before("a\x1cb 3", 4)  # a separator control character is no blank
    [(0, 'a\x1cb')]
    """
    m = _WORDS_BACK.match(text[max(0, start - BACK_REACH):start][::-1])
    if m is None:
        return []
    out = []
    for a, b in m.regs[4:0:-1]:  # groups 4 to 1, the farthest first; a, b count back from ``start``
        if a >= 0:
            word = text[start - b:start - a]
            if word[0] in _OPENERS:
                word = word.lstrip(_OPENERS)
            out.append((start - a - len(word), norm(word)))
    return out


def last_word(text: str, start: int) -> tuple[int, str] | None:
    """The last of :func:`words_before`'s words, with its offset, or None: from the words
    :func:`prev_tokens` keeps when they are this start's, else read alone (one group of the
    pattern, not four). A word glued to the digits ("€5") is most often a unit sign that
    the figure's start then moves past: the words before the digits are not read in full.

    >>> last_word("«Circa (dei) 300", 13), last_word(" 3", 1)
    ((8, 'dei'), None)
    """
    last = _last_prev
    if last[0] is text and last[1] == start:
        return last[2][-1] if last[2] else None
    m = _WORD_BACK.match(text[max(0, start - BACK_REACH):start][::-1])
    if m is None:
        return None
    word = m[1][::-1]
    if word[0] in _OPENERS:
        word = word.lstrip(_OPENERS)
    return start - m.start(1) - len(word), norm(word)


def word_before(text: str, start: int) -> str:
    """The last of :func:`words_before`'s words, or "" when there is none.

    >>> word_before("per «il 3", 8), word_before(" 3", 1)
    ('il', '')
    """
    last = last_word(text, start)
    return last[1] if last is not None else ""


def glued_before(text: str, start: int) -> tuple[int, str] | None:
    """A token glued to the number's left (l'80, €300, dell'80): its start and form."""
    if start == 0 or text[start - 1].isspace():
        return None
    return last_word(text, start)


def next_word(text: str, end: int, joins: str = " ") -> str:
    """The word after the blank (or one of ``joins``) right after ``end``, normalised; "" if none."""
    m = _TOKEN.match(text, end + 1) if end < len(text) and text[end] in joins else None
    return norm(m.group()).rstrip(",;:.!?") if m else ""


def phrase_before(prev: list[tuple[int, str]], table: Any, g: Grammar) -> tuple[int, str] | None:
    """The longest run of the last words found in ``table``: (start, phrase)."""
    global _last_phrases
    if not prev or (prev[-1][1] not in g.phrase_ends and " " not in prev[-1][1]):
        return None  # no phrase of any cue table ends with this word
    last = _last_phrases  # a read looks its words up in several tables: their phrases are made once
    if last[0] is not prev:
        phrases = [prev[-1][1]]  # the last word, the last two, the last three
        for _, w in prev[-2:-4:-1]:
            phrases.append(f"{w} {phrases[-1]}")
        last = _last_phrases = (prev, phrases)
    phrases = last[1]
    for k in range(len(phrases), 0, -1):
        if phrases[k - 1] in table:
            return prev[-k][0], phrases[k - 1]
    return None


def in_name(text: str, start: int, end: int, keep: frozenset[str] = frozenset()) -> bool:
    """A number word written with a capital inside a sentence, after a lowercase word or a name
    that follows one, is a name ("il commissario Quaranta", "è Giancarlo Quaranta"), no figure;
    not at a sentence's start, nor in a title written in capitals ("Floods Kill Forty", "Death Toll
    Rises to Forty"), nor after one of ``keep`` (a decade's "anni": "negli anni Trenta").

    >>> in_name("il commissario Quaranta", 15, 23), in_name("Floods Kill Forty", 12, 17)
    (True, False)
    >>> in_name("Death Toll Rises to Forty", 20, 25)
    False
    >>> in_name("Sono arrivati in quaranta", 17, 25), in_name("Quaranta i morti", 0, 8)
    (False, False)
    """
    if not text[start:start + 1].isupper() or text[start:end].isupper() or text[start - 1:start] != " ":
        return False
    words = text[max(0, start - NAME_REACH):start].split(" ")[-3:-1]
    if not words or not words[-1].isalpha() or words[-1] in keep:
        return False
    return (words[-1].islower() and len(words[-1]) > TITLE_WORD) or (
        words[-1][0].isupper() and len(words) == 2 and words[0].isalpha() and words[0].islower())


#: The longest lowercase word a title in capitals keeps lowercase ("Death Toll Rises to Forty"): a
#: capitalised number word after one is the title's figure, not a name.
TITLE_WORD = 4


#: How far back :func:`in_name` reads the two words before a number word.
NAME_REACH = 48


def homograph_ok(text: str, start: int, end: int, word: str, g: Grammar) -> bool:
    h = g.words.homographs[word]
    if h.need_before and word_before(text, start) not in h.need_ends:
        return False  # the common case, told by one word
    prev = prev_tokens(text, start, 2)
    before = prev[-1][1] if prev else ""
    before2 = " ".join(w for _, w in prev)
    if h.need_before and before not in h.need_before and before2 not in h.need_before:
        return False
    if before in h.not_before or before2 in h.not_before:
        return False
    after = text[end:end + AFTER_REACH].split(None, 1)
    following = norm(after[0]) if after else ""
    if following[:1] in "?!.," and following:
        return following[:1] not in h.not_after
    return following.rstrip(",;:.?!") not in h.not_after


def ascii_miss(text: str, pos: int, heads: frozenset[str] | None) -> bool:
    """Whether the first character past at most 2 ASCII blanks at ``pos`` is an ASCII
    character that begins none of the words ``heads`` stands for."""
    rest = text[pos:pos + 3].lstrip(ASCII_BLANKS)
    return bool(rest) and rest[0] < "\x80" and heads is not None and rest[0] not in heads


def weighed(text: str, end: int, g: Grammar) -> bool:
    """Whether the currency word that ends at ``end`` weighs its matter: one of ``[units.weighed] after``
    ("of") follows, and no money's word after it ("two pounds of meat"; not "800,000 pounds of public
    money", "3,000 pounds of his savings")."""
    link = next_word(text, end)
    if link not in g.units.weighed_after:
        return False
    rest = text[end:end + 1 + len(link)] if text[end:end + 1] == " " else ""
    return next_word(text, end + len(rest)) not in g.units.not_weighed


def unit_glued(text: str, start: int, g: Grammar) -> bool:
    """A unit written before the digits and glued to them ("USD1,23", "GBP3.01"): not a name."""
    glued = glued_before(text, start)
    return glued is not None and glued[1] in g.units.before


def stamped(text: str, start: int, end: int, g: Grammar) -> bool:
    """Whether the number is written as a live blog's stamp: hours and minutes after a point or a colon,
    after a clock word ("Ore 16.50") or opening its line ("**16.50** -"); not "£12.50 - £30"."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    before = prev_tokens(text, start, 1)
    return any(mark in text[start:end] for mark in ".:") and (
        not line.strip(" *_#") or (bool(before) and before[-1][1] in g.times.before))


def names_in(text: str, low: str, names: Any) -> list[tuple[int, int]]:
    """The spans of the names that hold a number in ``text`` (``low``: its lower case) ("Il Sole 24 Ore", "Rete 4":
    ``[numbers.identifiers] names``, :func:`~.vocabulary.digit_names`): their digits are parts of a name, no figures.
    Each starts with a capital ("Sole 24 ORE"; not "in rete 4 video", "di rai 3 minuti": review48). The pattern
    scans only a text that holds one of their first words (most hold none)."""
    if names is None or names[1].search(low) is None:
        return []
    return [m.span() for m in names[0].finditer(text) if text[m.start()].isupper()]   # not "sotto il sole 24 ore su 24"
