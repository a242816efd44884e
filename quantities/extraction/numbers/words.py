"""Numbers written in words: "quindicimila", "duemilacinquecento", "un milione e mezzo".

Each word is split into the pack's morphemes (units, tens, "cento", "mila", with the
elided forms the pack allows: vent|uno, cent|ottanta), and the morphemes are summed the
usual way: a hundred multiplies what precedes it, a scale word (mila, milioni) closes a
group, a scale smaller than the one before adds a group ("due milioni trecentomila"), and a
larger one multiplies the group before it, itself after a larger scale or nothing, and no
joiner between ("mille miliardi", "tremila miliardi e duecento milioni", "a thousand billion";
"tra mille e due milioni" is a range).

>>> from quantities.lang import load
>>> from quantities.extraction.numbers.grammar import grammar
>>> g = grammar(load("it"))
>>> value_of(["quindicimila"], g), value_of(["Ottocento"], g), value_of(["trentotto"], g)
(Decimal('15000'), Decimal('800'), Decimal('38'))
>>> value_of(["un", "milione", "e", "mezzo"], g)
Decimal('1500000.0')
>>> value_of(["mila"], g) is None
True
>>> value_of(["mille", "miliardi"], g), value_of(["un", "milione", "mille", "miliardi"], g)
(Decimal('1000000000000'), None)
"""

from __future__ import annotations

import functools
from decimal import Decimal

from quantities.extraction.numbers.around import WORD, words_before
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import norm


def morphemes(word: str, g: Grammar) -> list[str] | None:
    """The morphemes of one written word, or None when it is not a number word."""
    m = g.words.morph_split.fullmatch(word)
    if m is None:
        return None
    pieces = [norm(x) for x in m.captures("m")]
    # the pattern ignores case, and some capitals lower-case to other letters ("İ" -> "i̇")
    return pieces if all(p in g.words.morphemes or p in g.words.elided for p in pieces) else None


@functools.lru_cache(maxsize=1 << 12)  # a run of words read again at each of its words ("mille mille …")
def longest(words: tuple[str, ...], g: Grammar) -> tuple[Decimal | None, int]:
    """The value of the longest run of ``words``, from the first, that is a number, and how
    many words it takes: cut at the last joiner, else by a word ((None, 0) if none is).

    >>> from quantities.lang import load
    >>> from quantities.extraction.numbers.grammar import grammar
    >>> g = grammar(load("it"))
    >>> longest(("mille", "mille"), g), longest(("un", "milione", "e", "un", "milione"), g)
    ((Decimal('1000'), 1), (Decimal('1000000'), 2))
    """
    joins, n = [i for i, w in enumerate(words) if norm(w) in g.words.joiners], len(words)
    value = None
    while n and (value := _value(words[:n], g)) is None:
        n = max((j for j in joins if j < n), default=n - 1)
    return value, n


def _valid_unit(current: Decimal, v: Decimal) -> bool:
    """A unit word may follow nothing, a hundred, or a ten (when it is below ten)."""
    rest = current % 100
    return rest == 0 or (rest % 10 == 0 and rest >= 20 and v < 10)


def value_of(tokens: list[str], g: Grammar) -> Decimal | None:
    """The value of a run of written words, or None when they do not make one number."""
    return _value(tuple(tokens), g)


@functools.lru_cache(maxsize=1 << 12)  # news repeats its number words ("due", "mille")
def _value(tokens: tuple[str, ...], g: Grammar) -> Decimal | None:
    parts = _parts(tokens, g)
    if parts is None:
        return None
    groups: list[tuple[Decimal, Decimal]] = []  # (scale, value) of each group closed, scales falling
    current, joined = Decimal(0), False
    for i, (kind, v) in enumerate(parts):
        if kind == "and":
            joined = True
        elif kind == "one" and "fraction" in (_kind(parts, i + 1), _kind(parts, i - 1)):
            pass  # an article: "a million and a half", "two and a half", "half a million"
        elif kind == "one":
            if current:
                return None
            current = Decimal(1)
        elif kind == "unit":
            if not _valid_unit(current, v):
                return None
            current += v
        elif kind == "hundred":
            if current >= 10:
                return None
            current = (current or 1) * v
        elif kind == "scale":
            # a larger scale multiplies the group before it: "mille miliardi", and after a joiner
            # whole hundreds, "mille e cinquecento miliardi" (not "mille e un milione": a range)
            if groups and groups[-1][0] < v and (not joined or (0 < current < 1000 and current % 100 == 0)):
                current += groups.pop()[1]
            if current == 0 or (groups and groups[-1][0] <= v):
                return None
            groups.append((v, current * v))
            current, joined = Decimal(0), False
        elif kind == "fraction":
            last_scale = groups[-1][0] if groups else None
            if last_scale is None and current:  # "two and a half", "tre e mezzo"
                current += v
            elif last_scale is None and _kind(parts, i + 1, skip="one") == "scale":
                current = v  # "mezzo milione", "half a million"
            elif last_scale is None or current:  # "a million and a half"; not "mezzo" alone
                return None
            else:
                groups.append((v * last_scale, v * last_scale))
    return sum((value for _, value in groups), current)


def _kind(parts: list[tuple[str, Decimal]], i: int, skip: str = "") -> str:
    """The kind of ``parts[i]`` (past a run of ``skip`` parts), or "" outside the list."""
    while 0 <= i < len(parts) and parts[i][0] == skip:
        i += 1
    return parts[i][0] if 0 <= i < len(parts) else ""


def _parts(tokens: tuple[str, ...], g: Grammar) -> list[tuple[str, Decimal]] | None:
    """The morphemes of a run of words, or None when a word is not a number word or a
    space falls where the language glues (Italian writes "quindicimila ventotto" as one
    word: a space is allowed only after a scale of at least ``numbers.spaced_after`` or
    before a scale, hundred or fraction)."""
    out: list[tuple[str, Decimal]] = []
    glued = True
    for i, token in enumerate(tokens):
        t = norm(token)
        if t in g.words.one and i < len(tokens) - 1 and norm(tokens[i + 1]) not in g.words.joiners:
            out.append(("one", Decimal(1)))  # an article; before a joiner, the number ("uno e mezzo")
            continue
        if t in g.words.hyphens:
            glued = True
            continue
        if t in g.words.joiners and 0 < i < len(tokens) - 1:
            glued = True
            out.append(("and", Decimal(0)))
            continue
        pieces = morphemes(token, g)
        if pieces is None:
            return None
        first = g.words.morphemes[_full(pieces[0], g)]
        if g.words.spaced_after > 1 and out and not glued and out[-1][0] != "one" and first[0] == "unit" and not (
            out[-1][0] == "scale" and out[-1][1] >= g.words.spaced_after
        ):
            return None
        for p in pieces:
            kind, v = g.words.morphemes[_full(p, g)]
            if kind == "scale" and p in g.words.alone and (not out or out[-1][0] == "scale"):
                out.append(("unit", Decimal(1)))
            out.append((kind, v))
        glued = False
    return out


def _full(piece: str, g: Grammar) -> str:
    """An elided morpheme's full form (vent -> venti)."""
    if piece in g.words.morphemes:
        return piece
    return g.words.elided[piece]


#: The smallest scale word a definite article makes one of ("il milione"; "il mille" is a year).
DEFINITE_FROM = Decimal(1_000_000)


def definite_scale(text: str, start: int, end: int, words: tuple[str, ...], g: Grammar) -> Decimal | None:
    """Words (``words``, from ``start`` to ``end``) opening on a scale word of a million or more,
    after a definite article, count one of it: "oltre al milione di abitanti", "nel milione e
    mezzo di voti" (``[numbers] definite``); else None."""
    if not words or not g.words.definite or not g.words.one:
        return None
    kind, v = g.words.morphemes.get(norm(words[0]), ("", Decimal(0)))
    if kind != "scale" or v < DEFINITE_FROM or not words[0].islower() \
            or text[end:end + 1] in g.words.hyphens:   # "il Milione", "the million-dollar"
        return None
    prev = words_before(text, start)[-1:]
    if not prev or prev[-1][1] not in g.words.definite or prev[-1][0] + len(prev[-1][1]) >= start:
        return None
    return value_of([min(g.words.one), *words], g)


@functools.lru_cache(maxsize=1 << 10)  # a phrase read again at each of its words ("mille mille …")
def split(phrase: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The words and marks of a number-word phrase (:data:`~quantities.extraction.numbers.around.WORD`):
    where each ends in ``phrase``, and each as written.

    >>> split("due milioni e mezzo")
    ((3, 11, 13, 19), ('due', 'milioni', 'e', 'mezzo'))
    """
    found = WORD.finditer(phrase)
    spans = [t.span() for t in found]
    return tuple([b for _, b in spans]), tuple([phrase[a:b] for a, b in spans])


def apostrophe_elided(text: str, start: int, end: int, g: Grammar) -> str | None:
    """The full number word of a ten or a hundred that an apostrophe elides before a vowel
    ("vent'anni", "quarant'anni", "cent'anni": the pack's ``[numbers.elision]`` stems), else None."""
    if text[end:end + 1] not in ("'", "’") or not text[end + 1:end + 2].isalpha():
        return None
    return g.words.elided.get(norm(text[start:end]))

