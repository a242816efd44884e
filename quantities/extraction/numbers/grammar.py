"""The numerals grammar of a language pack, compiled once per pack.

The pack's ``[numbers]`` and ``[units]`` tables hold the words; this module turns them
into one master pattern that finds candidate anchors (digits, number words, vague words,
ordinal words) and into small lookup tables that :mod:`quantities.extraction.numbers.reader` consults
around each anchor. Unit words are checked against pint here, so a bad pack fails at
load, naming its file and key.

>>> from quantities.lang import load
>>> g = grammar(load("it"))
>>> g.units["chilometri"], g.currency["€"], g.hedges["circa"]
('kilometer', 'EUR', 'about')
>>> grammar(load("it")) is g
True
>>> [g.after.groupindex[n] for n in ("scale", "unit", "mark", "agesuf", "month")]
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from quantities.lang import Pack
from quantities.lang.units import is_pint_unit
from quantities.text import tries

SCALE, UNIT, MARK, AGESUF, MONTH = 1, 2, 3, 4, 5  # the groups of ``Grammar.after``, by number


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


def alternation(words: object) -> str:
    """A regex alternation of ``words``, longest first, spaces and apostrophes loose."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):  # type: ignore[arg-type]
        esc = regex.escape(w, special_only=True, literal_spaces=True)
        esc = regex.sub(r"(?:\\?\s)+", r"\\s+", esc).replace("'", "['’]")
        parts.append(esc)
    return "|".join(parts) if parts else "(?!)"


def trie(words: object, blank: str = r"\s{1,3}") -> str:
    """A prefix-factored regex for ``words`` (lower case): one branch per next letter,
    so the engine never tries the same prefix twice. A run of blanks in a word matches
    ``blank``. Where two words both match, the longer wins, as in :func:`alternation`.

    >>> trie(["tre", "tredici", "trenta"])
    'tre(?:(?:dici|nta))?'
    >>> trie(["per cento", "%"], blank="_")
    '(?:%|per_cento)'
    """
    root: dict[str, Any] = {}
    for w in set(words):  # type: ignore[arg-type]
        node = root
        for ch in regex.sub(r"\s+", " ", w):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root, blank) or "(?!)"


def _emit(node: dict[str, Any], blank: str) -> str:
    alts = []
    for ch in sorted(k for k in node if k):
        sub = node[ch]
        head = _atom(ch, blank)
        while len(sub) == 1 and "" not in sub:  # a chain of single letters
            (ch2, sub), = sub.items()
            head += _atom(ch2, blank)
        alts.append(head + _emit(sub, blank))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _atom(ch: str, blank: str) -> str:
    return blank if ch == " " else "['’]" if ch == "'" else regex.escape(ch)


@dataclass(frozen=True, eq=False)
class HedgeMeaning:
    low: Decimal
    high: Decimal | None
    approx: bool


@dataclass(frozen=True, eq=False)
class Homograph:
    need_before: frozenset[str]
    not_before: frozenset[str]
    not_after: frozenset[str]
    need_ends: frozenset[str]  # need_before's phrases and their tails after a space: the
    # word just before the number must be one of them


@dataclass(eq=False)
class Grammar:
    """Everything :mod:`quantities.extraction.numbers.reader` needs from one pack, precompiled."""

    pack: Pack
    master: Any  # case-sensitive, for lower-cased text
    master_i: Any  # case-insensitive, for text whose lower case changes its length
    num: Any  # the first branch of ``master`` alone, in :mod:`re`: where it matches, so does master
    spaced: Any  # where ``master`` may match in lower-cased text: after a space, see _starts
    others: Any  # ... anywhere else
    word_at: Any  # ... at the start of the text
    after: Any
    link_head: Any  # a link word and its blanks at the head of a string
    after_heads: frozenset[str] | None  # ASCII pairs that may begin ``after``'s words
    joiner_heads: frozenset[str] | None  # ASCII characters that may begin a range joiner
    hedge_after_heads: frozenset[str] | None  # ... or a hedge written after the number
    morph_split: Any
    digit_forms: tuple[tuple[Any, int, int], ...]
    decimal: str
    groups: frozenset[str]
    morphemes: dict[str, tuple[str, Decimal]]
    alone: frozenset[str]
    joiners: frozenset[str]
    hyphens: frozenset[str]
    spaced_after: Decimal
    elided: dict[str, str]
    one: frozenset[str]
    articles: frozenset[str]
    links: frozenset[str]
    scales: dict[str, Decimal]
    ordinal_words: dict[str, int]
    ordinal_suffixes: tuple[str, ...]
    ordinal_restore: tuple[str, ...]
    ordinal_marks: frozenset[str]
    homographs: dict[str, Homograph]
    hedges: dict[str, str]
    hedge_articles: frozenset[str]
    hedges_after: dict[str, str]
    meanings: dict[str, HedgeMeaning]
    carry_gap: int
    carry_stops: Any
    carry_articles: frozenset[str]  # "e i feriti 120": an article and a noun before a figure start a new phrase
    range_dash: frozenset[str]
    range_or: frozenset[str]
    range_pairs: dict[str, str]
    range_articles: frozenset[str]  # "tra i 30 e i 40": an article may follow each word of a pair
    approx_spread: Decimal
    approx_words: dict[str, Decimal]
    vague: dict[str, tuple[Decimal, Decimal]]
    year_min: int
    year_max: int
    year_before: frozenset[str]
    year_not_nouns: frozenset[str]
    year_strong: frozenset[str]
    decade_before: frozenset[str]
    months: frozenset[str]
    year_links: frozenset[str]
    day_after_month: bool
    time_before: frozenset[str]
    time_seps: frozenset[str]
    time_not_nouns: frozenset[str]
    phone_starts: tuple[str, ...]
    phone_min: int
    ident_before: frozenset[str]
    leading_zero: bool
    age_suffixes: frozenset[str]
    age_people: frozenset[str]
    age_verbs: frozenset[str]
    age_units: frozenset[str]
    units: dict[str, str]
    currency: dict[str, str]
    units_before: dict[str, str]
    percent: frozenset[str]
    durations: frozenset[str]
    phrase_ends: frozenset[str]  # the last words of the cue phrases read before a number


def _words(pack: Pack, key: str) -> frozenset[str]:
    return frozenset(norm(w) for w in pack.words(key, ()))


def _numbers(pack: Pack, key: str) -> dict[str, Decimal]:
    out = {}
    for word, value in pack.table(key, {}).items():
        out[norm(word)] = _finite(pack, f"{key}.{word}", value)
    return out


def _finite(pack: Pack, key: str, value: Any) -> Decimal:
    """``value`` as a Decimal; anything but a finite number (TOML has nan and inf) is an error."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise pack.error(key, "expected a number")
    return Decimal(str(value))


def _strings(pack: Pack, key: str) -> dict[str, str]:
    out = {}
    for word, value in pack.table(key, {}).items():
        if not isinstance(value, str) or not value:
            raise pack.error(f"{key}.{word}", "expected a non-empty string")
        out[norm(word)] = value
    return out


def _int(pack: Pack, key: str, default: int) -> int:
    value = pack.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise pack.error(key, "expected an integer")
    return value


def _number(pack: Pack, key: str, default: float) -> Decimal:
    return _finite(pack, key, pack.get(key, default))


def _string(pack: Pack, key: str, default: str) -> str:
    value = pack.get(key, default)
    if not isinstance(value, str) or not value:
        raise pack.error(key, "expected a non-empty string")
    return value


def _meanings(pack: Pack) -> dict[str, HedgeMeaning]:
    out = {}
    for name, spec in pack.table("numbers.hedge_meanings").items():
        key = f"numbers.hedge_meanings.{name}"
        if not isinstance(spec, dict):
            raise pack.error(key, "expected a table with low, high, approx")
        low, high = spec.get("low"), spec.get("high")
        unbounded = isinstance(high, float) and high == math.inf
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                   for v in (low, 0 if unbounded else high)):
            raise pack.error(key, "low and high must be numbers (high = inf for unbounded)")
        out[name] = HedgeMeaning(Decimal(str(low)), None if unbounded else Decimal(str(high)),
                                 bool(spec.get("approx", False)))
    return out


def _hedges(pack: Pack, meanings: dict[str, HedgeMeaning]) -> dict[str, str]:
    out = {}
    for name, words in pack.table("numbers.hedges").items():
        if name in ("articles", "after"):
            continue
        if name not in meanings:
            raise pack.error(f"numbers.hedges.{name}", "no such entry in numbers.hedge_meanings")
        out.update((norm(w), name) for w in pack.words(f"numbers.hedges.{name}"))
    return out


def _hedges_after(pack: Pack, meanings: dict[str, HedgeMeaning]) -> dict[str, str]:
    out = _strings(pack, "numbers.hedges.after")
    for word, name in out.items():
        if name not in meanings:
            raise pack.error(f"numbers.hedges.after.{word}", f"unknown hedge meaning {name!r}")
    return out


def _homographs(pack: Pack) -> dict[str, Homograph]:
    out = {}
    for word, spec in pack.table("numbers.homographs", {}).items():
        key = f"numbers.homographs.{word}"
        if not isinstance(spec, dict):
            raise pack.error(key, "expected a table")
        need, not_before, not_after = (_words(pack, f"{key}.{k}")
                                       for k in ("need_before", "not_before", "not_after"))
        ends = frozenset(p.split(" ", i)[i] for p in need for i in range(p.count(" ") + 1))
        out[norm(word)] = Homograph(need, not_before, not_after, ends)
    return out


def _vague(pack: Pack) -> dict[str, tuple[Decimal, Decimal]]:
    out = {}
    for word, pair in pack.table("numbers.vague", {}).items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, int) for v in pair)):
            raise pack.error(f"numbers.vague.{word}", "expected [low, high] integers")
        out[norm(word)] = (Decimal(pair[0]), Decimal(pair[1]))
    return out


def _ranges(pack: Pack) -> dict[str, str]:
    out = {}
    for i, pair in enumerate(pack.get("numbers.ranges.pairs", [])):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)):
            raise pack.error(f"numbers.ranges.pairs[{i}]", "expected [first, second] words")
        out[norm(pair[0])] = norm(pair[1])
    return out


def _units(pack: Pack) -> tuple[dict[str, str], frozenset[str]]:
    """Measure words -> pint names, each checked against pint (or the non-pint list)."""
    nonpint = frozenset(pack.table("units.nonpint", {}))
    out = {}
    for word, name in pack.table("units").items():
        if isinstance(name, dict):
            continue
        key = f"units.{word}"
        if not isinstance(name, str):
            raise pack.error(key, "expected a pint unit name")
        if name not in nonpint and not is_pint_unit(name):
            raise pack.error(key, f"unknown pint unit {name!r}")
        out[norm(word)] = name
    return out, nonpint


def _check_units(pack: Pack, key: str, table: dict[str, str], nonpint: frozenset[str]) -> None:
    for word, name in table.items():
        if not (name.isupper() or name in nonpint or is_pint_unit(name)):
            raise pack.error(f"{key}.{word}", f"unknown unit {name!r}")


def _morphemes(pack: Pack) -> dict[str, tuple[str, Decimal]]:
    """Number-word morphemes: ("unit", v), ("hundred", v) below 1000, ("scale", v), ("fraction", v)."""
    out: dict[str, tuple[str, Decimal]] = {}
    for w, v in _numbers(pack, "numbers.words").items():
        out[w] = ("unit", v)
    for w, v in _numbers(pack, "numbers.multipliers").items():
        out[w] = ("hundred" if v < 1000 else "scale", v)
    for w, v in _numbers(pack, "numbers.fractions").items():
        out[w] = ("fraction", v)
    return out


def _morph_pattern(pack: Pack, morphemes: dict[str, tuple[str, Decimal]]) -> str:
    """One morpheme: a word of the tables, or an elided form before the listed words."""
    before = _words(pack, "numbers.elision.before")
    elided = []
    for w in _words(pack, "numbers.elision.drop_final_vowel"):
        if w not in morphemes:
            raise pack.error("numbers.elision.drop_final_vowel", f"{w!r} is not a number word")
        elided.append(f"{regex.escape(w[:-1])}(?=(?:{alternation(before)}))")
    return "|".join(filter(None, [alternation(morphemes), *elided]))


def _digit_forms(decimal: str, groups: frozenset[str]) -> tuple[tuple[Any, int, int], ...]:
    """Digit spellings in order of preference, each matched whole against a token, with
    the numbers of its integer and fraction groups (0: none). ASCII digits and literal
    marks: compiled for :mod:`re`, which is faster on such short strings."""
    g = "|".join(re.escape(c) for c in sorted(groups)) or "(?!)"
    d = re.escape(decimal)
    forms = [
        rf"(?P<int>[0-9]{{1,3}}(?:(?P<g>{g})[0-9]{{3}})(?:(?P=g)[0-9]{{3}}){{0,5}})(?:{d}(?P<frac>[0-9]{{1,12}}))?",
        rf"(?P<int>[0-9]{{1,3}}(?:{d}[0-9]{{3}}){{2,5}})",
        rf"(?P<int>[0-9]{{1,15}})(?:{d}(?P<frac>[0-9]{{1,12}}))?",
        r"(?P<int>[0-9]{1,15})\.(?P<frac>[0-9]{1,12})",
    ]
    compiled = [re.compile(f) for f in forms]
    return tuple((rx, rx.groupindex["int"], rx.groupindex.get("frac", 0)) for rx in compiled)


# Digits with their marks: ASCII only, the same for :mod:`re` and :mod:`regex`, and
# bounded (at most 144 characters), so it runs without a timeout
NUM = (r"(?P<num>\+?[0-9]{1,15}(?:(?:[.,'’/:]|[ \u00a0\u202f](?=[0-9]{3}(?![0-9])|[0-9]{5}))"
       r"[0-9]{1,15}){0,8})")


def _master(pack: Pack, g: dict[str, Any], flags: int) -> Any:
    """The anchors: digits, vague words, "una decina", number-word phrases, ordinal words.

    Word parts are tries of the pack's words (fast on lower-cased text); the elided forms
    enter without their look-ahead, and :func:`numwords.value_of` checks them.
    """
    one = alternation(g["one"])
    stems = set(g["elided"])
    morph = trie(set(g["morphemes"]) | stems)
    sep = rf"(?:\s{{1,3}}|\s?(?:{alternation(pack.words('numbers.hyphen', ()))})\s?)"
    joiners = alternation(_words(pack, "numbers.joiners"))
    fractions = alternation(w for w, (k, _) in g["morphemes"].items() if k == "fraction")
    word = rf"(?:{morph}){{1,12}}"
    phrase = (
        rf"(?:(?:{one})(?:(?<=['’])|\s{{1,3}}))?{word}"
        rf"(?:{sep}(?:(?:{joiners})\s{{1,3}})?(?:(?:{one})\s{{1,3}})?(?:{word}|{fractions})(?!\w)){{0,5}}"
    )
    ordinals = trie(g["ordinal_words"])
    suffixes = alternation(g["ordinal_suffixes"])
    truncated = trie({w[:-1] for w in g["morphemes"] if len(w) > 2} | set(g["morphemes"]))
    pattern = (
        rf"{NUM}"
        rf"|\b(?:"
        rf"(?P<vague>{trie(g['vague'])})"
        rf"|(?P<approx>(?:(?:{one})(?:(?<=['’])|\s{{1,3}}))?(?:{trie(g['approx_words'])}))"
        rf"|(?P<words>{phrase})"
        rf"|(?P<ordw>{ordinals}|(?:{morph}){{0,11}}(?:{truncated})(?:{suffixes}))"
        rf")(?!\w)"
    )
    return regex.compile(pattern, flags)


PREFIX = 5  # letters of a word that the prefilter checks


def _starts(g: dict[str, Any]) -> tuple[Any, Any, Any]:
    """The prefilters of ``master`` on lower-cased text, read by :class:`Starts`: they
    find every position where ``master`` can match, and few others — a digit, a "+"
    before one, or a word start that begins like a vague, approximate, number or ordinal
    word, or a "one" word (un, a) before blanks or an apostrophe and a number word.

    A word start is found by the character before it, one that is no ASCII letter (the
    master's ``\\b`` needs no word character there): the first pattern takes the words
    after a space, a literal, so re skips to the next space in C; the second the digits
    and the words after any other character, so it stops at marks, digits and other
    blanks only; the third a word at the start of the text. They use the standard
    :mod:`re` module, which scans such patterns several times faster than :mod:`regex`,
    and need no timeout: literal letters in a trie, with fixed-width look-arounds and
    one bounded run of blanks, so each position costs at most about ``2 × PREFIX`` + 6 steps.
    """
    stems = {w[:-1] for w in g["morphemes"] if len(w) > 2} | set(g["morphemes"])
    words = (set(g["vague"]) | set(g["approx_words"]) | set(g["morphemes"]) | set(g["elided"])
             | set(g["ordinal_words"]) | {t + s for t in stems for s in g["ordinal_suffixes"]})
    heads = _heads(words)
    follow = _heads(set(g["approx_words"]) | set(g["morphemes"]) | set(g["elided"]))
    if "" in heads | follow or any(not _head(w, len(w)) for w in g["one"]) or any(
            not regex.match(r"\w", w) for w in heads | set(g["one"])):
        # a word that starts with a space, or with a mark that may follow a letter
        return re.compile(r"(?!)"), re.compile(r"(?s:.)"), re.compile(r"(?!)")  # every position
    then = "|".join(_retrie(dict.fromkeys(follow, "")))
    leaves = dict.fromkeys(heads, "")
    blanks: dict[str, int] = {}  # a single "one" word: its apostrophes, then up to 3 blanks
    for w in g["one"]:
        core = w.rstrip("'’")
        if _head(core, len(core)) == core:
            blanks[core] = max(blanks.get(core, 0), len(w) - len(core) + 3)
        else:
            leaves.setdefault(_head(w, len(w)), "(?![a-z0-9])")
    for core, n in blanks.items():
        leaves.setdefault(core, rf"[\s'’]{{1,{n}}}(?:{then})")
    words_rx = "|".join(_retrie(leaves))
    return (re.compile(rf" (?=(?:{words_rx}))"),
            re.compile(rf"[^a-z_ ](?:(?<=[0-9])|(?<=\+)(?=[0-9])|(?=({words_rx})))"),
            re.compile(words_rx))


class Starts:
    """The places where ``g.master`` may match in ``low`` (lower-cased text), read in
    order (see :func:`_starts`); each prefilter is searched again only once the place
    asked for has passed its last find.

    >>> from quantities.lang import load
    >>> g, low = grammar(load("it")), "altre trecento, circa 5 e un'ottantina, un anno"
    >>> starts = Starts(g, low)
    >>> [starts.next(p) for p in (0, 7, 23, 27, 30)]
    [6, 22, 26, 29, -1]
    >>> Starts(g, "tre").next(0), Starts(g, "+39 06").next(1), Starts(g, "(+tre").next(2)
    (0, 1, 2)
    """

    def __init__(self, g: Grammar, low: str) -> None:
        self.g, self.low, self.none = g, low, len(low) + 1
        # the last find of each prefilter (none: no more); a word at 0 counts as "spaced"
        self.spaced = 0 if g.word_at.match(low) is not None else -1
        self.other = -1

    def next(self, pos: int) -> int:
        """The first place at or after ``pos`` (never less than the last one asked), or -1."""
        if self.spaced < pos:  # a word at ``pos`` shows at pos - 1
            c = self.g.spaced.search(self.low, pos - 1 if pos else 0)
            self.spaced = self.none if c is None else c.end()
        if self.other < pos:
            self.other = self._other(pos)
        at = self.spaced if self.spaced < self.other else self.other
        return at if at < self.none else -1

    def _other(self, pos: int) -> int:
        others, low = self.g.others, self.low
        # a word at ``pos`` shows at pos - 1, unless a digit stands there (the number just read)
        c = others.search(low, pos - 1 if pos and not "0" <= low[pos - 1] <= "9" else pos)
        if c is not None and not c.lastindex and c.start() < pos:
            c = others.search(low, pos)  # a "+" at pos - 1, before a digit: too early
        return self.none if c is None else c.end() if c.lastindex else c.start()


def _heads(words: set[str]) -> set[str]:
    """The first ``PREFIX`` letters of ``words``, without those that extend another."""
    heads = {_head(w, PREFIX) for w in words}
    return {h for h in heads if not any(o != h and h.startswith(o) for o in heads)}


def _head(word: str, n: int) -> str:
    """The first ``n`` letters of ``word``, up to its first space or apostrophe."""
    return regex.split(r"[\s'’]", word, maxsplit=1)[0][:n]


def _retrie(leaves: dict[str, str]) -> list[str]:
    """A :mod:`re` trie of literal words, one alternative per first letter; each word is
    followed by its look-ahead."""
    root = tries.build(leaves)

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:
            alts.append(leaves[node[""]])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return [re.escape(ch) + emit(root[ch]) for ch in sorted(root)]


def _after(g: dict[str, Any]) -> Any:
    """What may follow a number: scale, link, unit, percent, ordinal mark, age suffix, month.
    Each list of words is a trie (blanks loose, as :func:`alternation` writes them)."""
    def words(*keys: str) -> str:
        return trie([w for k in keys for w in g[k]], blank=r"\s+")

    return regex.compile(
        rf"(?P<scale>[ \u00a0]?(?:{words('scales')})(?!\w))?"
        rf"(?:(?P<unit>(?:\s{{1,3}}(?:{words('links')})(?:(?<=['’])|\s{{1,3}}))?"
        rf"(?:\s?(?:{words('percent')})|[ \u00a0]?(?:{words('units', 'currency')})))(?![\w%°])"
        rf"|(?P<mark>{words('ordinal_marks')})(?![\w°])"
        rf"|(?P<agesuf>{words('age_suffixes')})(?!\w)"
        rf"|\s{{1,3}}(?P<month>{words('months')})(?!\w)\.?)?",
        regex.IGNORECASE,
    )


ASCII_BLANKS = "".join(c for c in map(chr, range(128)) if regex.match(r"\s", c))
# regex's \s (Unicode White_Space: none above U+3000), spelled out for the re module,
# whose \s also takes the ASCII separators \x1c-\x1f
BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and regex.match(r"\s", c))


def _ascii_heads(words: Any, n: int) -> frozenset[str] | None:
    """The ASCII strings of ``n`` characters that may begin one of ``words`` (compared
    case-insensitively, spaces and apostrophes loose as in :func:`alternation`), or None
    when a word begins with a blank. A cheap look before a pattern: where the text shows
    another ASCII string, none of the words is there.

    >>> from quantities.lang import load
    >>> heads = grammar(load("it")).after_heads
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


@functools.cache
def grammar(pack: Pack) -> Grammar:
    """Compile ``pack``'s numerals grammar (once per pack)."""
    meanings = _meanings(pack)
    units, nonpint = _units(pack)
    currency = {w: c.upper() for w, c in _strings(pack, "units.currency").items()}
    units_before = _strings(pack, "units.before")
    _check_units(pack, "units.before", units_before, nonpint)
    decimal = _string(pack, "numbers.decimal", ",")
    if any(c.isdigit() for c in decimal):
        raise pack.error("numbers.decimal", "a decimal mark cannot hold digits")
    groups = frozenset(_group_marks(pack))
    morphemes = _morphemes(pack)
    g: dict[str, Any] = dict(
        pack=pack,
        decimal=decimal,
        groups=groups,
        morphemes=morphemes,
        alone=_words(pack, "numbers.alone"),
        joiners=_words(pack, "numbers.joiners"),
        hyphens=frozenset(pack.words("numbers.hyphen", ())),
        spaced_after=Decimal(_int(pack, "numbers.spaced_after", 1)),
        elided={w[:-1]: w for w in _words(pack, "numbers.elision.drop_final_vowel")},
        one=_words(pack, "numbers.one"),
        articles=_words(pack, "numbers.articles"),
        links=_words(pack, "numbers.links"),
        scales=_numbers(pack, "numbers.scales"),
        ordinal_words={w: int(v) for w, v in _numbers(pack, "numbers.ordinals.words").items()},
        ordinal_suffixes=tuple(_words(pack, "numbers.ordinals.suffixes")),
        ordinal_restore=tuple(_restore(pack)),
        ordinal_marks=frozenset(pack.words("numbers.ordinals.marks", ())),
        homographs=_homographs(pack),
        hedges=_hedges(pack, meanings),
        hedge_articles=_words(pack, "numbers.hedges.articles"),
        hedges_after=_hedges_after(pack, meanings),
        meanings=meanings,
        carry_gap=_int(pack, "numbers.carry.max_gap", 60),
        carry_stops=regex.compile(
            rf"[.;:!?]|(?<!\w)(?:{alternation(_words(pack, 'numbers.carry.stops'))})(?!\w)",
            regex.IGNORECASE,
        ),
        carry_articles=_words(pack, "numbers.carry.articles"),
        range_dash=frozenset(pack.words("numbers.ranges.dash", ())),
        range_or=_words(pack, "numbers.ranges.or"),
        range_pairs=_ranges(pack),
        range_articles=_words(pack, "numbers.ranges.articles"),
        approx_spread=_number(pack, "numbers.approximate.spread", 0.2),
        approx_words=_numbers(pack, "numbers.approximate.words"),
        vague=_vague(pack),
        year_min=_int(pack, "numbers.years.min", 1900),
        year_max=_int(pack, "numbers.years.max", 2100),
        year_before=_words(pack, "numbers.years.before"),
        year_not_nouns=_words(pack, "numbers.years.not_nouns"),
        year_strong=_words(pack, "numbers.years.strong_before"),
        decade_before=_words(pack, "numbers.years.decade_before"),
        months=_words(pack, "numbers.dates.months") | _words(pack, "numbers.dates.abbreviations"),
        year_links=_words(pack, "numbers.dates.year_links"),
        day_after_month=pack.get("numbers.dates.day_after_month", False) is True,
        time_before=_words(pack, "numbers.times.before"),
        time_seps=frozenset(pack.words("numbers.times.separators", ())),
        time_not_nouns=_words(pack, "numbers.times.not_nouns"),
        phone_starts=tuple(pack.words("numbers.phones.starts", ())),
        phone_min=_int(pack, "numbers.phones.min_digits", 8),
        ident_before=_words(pack, "numbers.identifiers.before"),
        leading_zero=bool(pack.get("numbers.identifiers.leading_zero", False)),
        age_suffixes=_words(pack, "numbers.ages.suffixes"),
        age_people=_words(pack, "numbers.ages.people"),
        age_verbs=_words(pack, "numbers.ages.verbs"),
        age_units=_words(pack, "numbers.ages.units"),
        units=units,
        currency=currency,
        units_before=units_before,
        percent=_words(pack, "units.percent.words"),
        durations=frozenset(pack.words("units.durations.units", ())),
    )
    cues = ("ident_before", "decade_before", "year_before", "time_before", "hedges")
    g["phrase_ends"] = frozenset(p.rsplit(" ", 1)[-1] for key in cues for p in g[key])
    morph = _morph_pattern(pack, morphemes)
    spaced, others, word_at = _starts(g)
    return Grammar(
        master=_master(pack, g, 0),
        master_i=_master(pack, g, regex.IGNORECASE),
        num=re.compile(NUM),
        spaced=spaced,
        others=others,
        word_at=word_at,
        after=_after(g),
        after_heads=_ascii_heads([*g["scales"], *g["links"], *g["percent"], *g["units"],
                                  *g["currency"], *g["months"], *g["ordinal_marks"],
                                  *g["age_suffixes"]], 2),
        joiner_heads=_ascii_heads([*g["range_dash"], *g["range_or"], *g["range_pairs"].values()], 1),
        hedge_after_heads=_ascii_heads(g["hedges_after"], 1),
        link_head=regex.compile(rf"^(?:{alternation(g['links'])})\s*"),
        morph_split=regex.compile(rf"(?:(?P<m>{morph})){{1,12}}", regex.IGNORECASE),
        digit_forms=_digit_forms(decimal, groups),
        **g,
    )


def _group_marks(pack: Pack) -> list[str]:
    marks = pack.get("numbers.group", [])
    if not isinstance(marks, list) or not all(isinstance(m, str) and len(m) == 1 and not m.isdigit()
                                               for m in marks):
        raise pack.error("numbers.group", "expected a list of single characters, not digits")
    return marks


def _restore(pack: Pack) -> list[str]:
    value = pack.get("numbers.ordinals.restore", [""])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise pack.error("numbers.ordinals.restore", "expected a list of strings")
    return value
