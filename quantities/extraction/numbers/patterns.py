"""The regular expressions of the numerals grammar, and the helpers that write them.

Word lists become tries or alternations (longest first, spaces and apostrophes loose);
:mod:`quantities.extraction.numbers.grammar` compiles them once per pack.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import regex

from quantities.extraction.numbers.records import NumberWords, Ordinals
from quantities.text.phrases import NEVER, alternation
from quantities.text.tries import pattern as trie

SCALE, UNIT, MARK, AGESUF, MONTH = 1, 2, 3, 4, 5  # the groups of ``Follow.pattern``, by number


@functools.lru_cache(maxsize=1 << 16)  # news repeats its words: most calls are lookups
def norm(word: str) -> str:
    """Lower-case, straight apostrophes, single spaces: the form lookup keys take.

    >>> norm(" Dell’\tAnno "), norm("Mila")
    ("dell' anno", 'mila')
    """
    w = word.replace("’", "'").lower()
    if " " not in w and w.isprintable():  # every other white space is unprintable
        return w
    return " ".join(w.split())


#: The decimal mark of the other convention: 1.234,56 against 1,234.56.
_OTHER_MARK = {",": ".", ".": ","}


#: The blanks that may group a number's digits ("15 000"): a space, a no-break, narrow no-break,
#: figure, punctuation, thin or hair space (the pack's ``numbers.group`` says which a language uses).
GROUP_CHARS = " \u00a0\u202f\u2007\u2008\u2009\u200a"
GROUP_BLANK = f"[{GROUP_CHARS}]"

#: Groups of three digits a grouped figure has at most after its first digits: 10^18 and up
#: (1 234 567 890 123 456 789); a longer chain of groups is no figure (digits.series_end).
GROUPS_MOST = 6


def digit_forms(decimal: str, groups: frozenset[str]) -> tuple[tuple[Any, int, int], ...]:
    """Digit spellings in order of preference, each matched whole against a token, with
    the numbers of its integer and fraction groups (0: none). ASCII digits and literal
    marks: compiled for :mod:`re`, which is faster on such short strings."""
    g = "|".join(re.escape(c) for c in sorted(groups)) or "(?!)"
    d = re.escape(decimal)
    o = re.escape(_OTHER_MARK.get(decimal, "."))  # the other convention's decimal mark
    forms = [
        rf"(?P<int>[0-9]{{1,3}}(?:(?P<g>{g})[0-9]{{3}})(?:(?P=g)[0-9]{{3}}){{0,{GROUPS_MOST - 1}}})"
        rf"(?:{d}(?P<frac>[0-9]{{1,12}}))?",
        rf"(?P<int>[0-9]{{1,3}}(?:{d}[0-9]{{3}}){{2,5}})",
        rf"(?P<int>[0-9]{{1,15}})(?:{d}(?P<frac>[0-9]{{1,12}}))?",
        # the other convention, whole: groups by this pack's decimal mark, then its own
        # decimal mark ("9.990,00" read with the English pack, "1,234.56" with the Italian)
        rf"(?P<int>[0-9]{{1,3}}(?:{d}[0-9]{{3}}){{1,5}}){o}(?P<frac>[0-9]{{1,12}})",
        # the other decimal mark alone, where the forms above found no group (2.5, 34,50)
        rf"(?P<int>[0-9]{{1,15}}){o}(?P<frac>[0-9]{{1,12}})",
    ]
    compiled = [re.compile(f) for f in forms]
    return tuple((rx, rx.groupindex["int"], rx.groupindex.get("frac", 0)) for rx in compiled)


# Digits with their marks (and the blanks that group them: a space, a no-break, thin,
# figure, punctuation or hair space): the same for :mod:`re` and :mod:`regex`, and
# bounded (at most 144 characters), so it runs without a timeout
NUM = (rf"(?P<num>\+?[0-9]{{1,15}}(?:(?:[.,'’/:]|{GROUP_BLANK}(?=[0-9]{{3}}(?![0-9])|[0-9]{{5}}))"
       r"[0-9]{1,15}){0,8})")


def master(w: NumberWords, o: Ordinals, shares: Iterable[str], ages: Iterable[str], flags: int) -> Any:
    """The anchors: digits, vague words, "una decina", share words, number-word phrases,
    ordinal words.

    Word parts are tries of the pack's words (fast on lower-cased text); the elided forms
    enter without their look-ahead, and :func:`words.value_of` checks them.
    """
    one = alternation(w.one, empty=NEVER)
    stems = set(w.elided)
    morph = trie(set(w.morphemes) | stems)
    sep = rf"(?:\s{{1,3}}|\s?(?:{alternation(w.hyphens, empty=NEVER)})\s?)"
    joined = alternation(w.joiners, empty=NEVER)
    fractions = alternation((m for m, (k, _) in w.morphemes.items() if k == "fraction"), empty=NEVER)
    word = rf"(?:{morph}){{1,12}}"
    phrase = (
        rf"(?:(?:{one})(?:(?<=['’])|\s{{1,3}}))?{word}"
        rf"(?:{sep}(?:(?:{joined})\s{{1,3}})?(?:(?:{one})\s{{1,3}})?(?:{word}|{fractions})(?!\w)){{0,11}}"
    )
    ordinals = trie(o.words)
    suffixes = alternation([*o.suffixes, *ages], empty=NEVER)  # ottantesimo; diciottenne (an age)
    truncated = trie({m[:-1] for m in w.morphemes if len(m) > 2} | set(w.morphemes))
    pattern = (
        rf"{NUM}"
        rf"|\b(?:"
        rf"(?P<vague>{trie(w.vague)})"
        rf"|(?P<approx>(?:(?:{one})(?:(?<=['’])|\s{{1,3}}))?(?:{trie(w.approx_words)}))"
        rf"|(?P<words>{phrase})"
        rf"|(?P<share>{trie(shares)})"
        rf"|(?P<ordw>{ordinals}|(?:{morph}){{0,11}}(?:{truncated})(?:{suffixes}))"
        rf")(?!\w)"
    )
    return regex.compile(pattern, flags)


def after(words: Mapping[str, Iterable[str]]) -> Any:
    """What may follow a number: scale, link, unit, percent, ordinal mark, age suffix, month.
    Each list of words is a trie (blanks loose, as :func:`alternation` writes them)."""
    def tr(*keys: str) -> str:
        return trie([w for k in keys for w in words[k]], blank=r"\s+")

    return regex.compile(
        rf"(?P<scale>[ \u00a0]?(?:{tr('scales')})(?!\w))?"
        rf"(?:(?P<unit>(?:\s{{1,3}}(?:{tr('links')})(?:(?<=['’])|\s{{1,3}}))?"
        rf"(?:\s?(?:{tr('percent')})|[ \u00a0]?(?:{tr('units', 'currency')})))(?![\w%°'’])"
        rf"|(?P<mark>{tr('ordinal_marks')})(?![\w°])"
        rf"|(?P<agesuf>{tr('age_suffixes')})(?!\w)"
        rf"|\s{{1,3}}(?P<month>{tr('months')})(?!\w)\.?)?",
        regex.IGNORECASE,
    )


ASCII_BLANKS = "".join(c for c in map(chr, range(128)) if regex.match(r"\s", c))
# regex's \s (Unicode White_Space: none above U+3000), spelled out for the re module,
# whose \s also takes the ASCII separators \x1c-\x1f
BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and regex.match(r"\s", c))


def ascii_heads(words: Any, n: int) -> frozenset[str] | None:
    """The ASCII strings of ``n`` characters that may begin one of ``words`` (compared
    case-insensitively, spaces and apostrophes loose as in :func:`quantities.text.phrases.alternation`), or None
    when a word begins with a blank. A cheap look before a pattern: where the text shows
    another ASCII string, none of the words is there.

    >>> from quantities.lang import load
    >>> from quantities.extraction.numbers.grammar import grammar
    >>> heads = grammar(load("it")).follow.heads
    >>> "km" in heads, "Km" in heads, "% " in heads, "di" in heads, "so" in heads
    (True, True, True, True, False)
    """
    pieces = set()
    for w in words:
        if not w or w[0].isspace():
            return None
        head = "".join(r"\s" if c.isspace() else "['’]" if c in "'’" else regex.escape(c)
                       for c in w[:n])
        pieces.add(head + r"(?s:.)" * (n - len(w[:n])))
    rx = regex.compile("|".join(sorted(pieces)) or "(?!)", regex.IGNORECASE)
    ascii_ = list(map(chr, range(128)))
    strings = [""]
    for _ in range(n):
        strings = [s + c for s in strings for c in ascii_]
    return frozenset(s for s in strings if rx.match(s))
