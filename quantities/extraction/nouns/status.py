"""What state the counted are in, and what narrows the figure: a claim's ``status`` and ``scope``.

The words come from the pack's ``[status]`` and ``[scope]`` tables; this module holds
the machinery.

- **status** is one class of a closed set (dead, injured, missing, …: the keys of
  ``[status.classes]``), read from the counted noun first ("morti", "persone disperse"),
  then from the predicate after the phrase ("153 persone sono rimaste ferite", "300 people
  died"), then from the verb before the figure ("sono morti 300 soldati", "killed 300").
  The predicate may look past auxiliaries and adverbs (``[status] skip``), never past
  another word.
- **scope** is what narrows the figure, as written: a place in the figure's clause
  ("ad Al Haouz" -> "Al Haouz", "in Calabria" -> "Calabria"), or a part: a marker before
  the figure ("di cui 205 gravi" -> "di cui", "tra loro 22" -> "tra loro") or a definite
  partitive after it ("Quattro delle vittime" -> "delle vittime").

>>> s = "153 persone sono rimaste ferite in Calabria."
>>> read(s, Span(0, 3), 11, "persone", lang="it")
('injured', 'Calabria')
>>> read("Ci sono 400 feriti, di cui 205 gravi.", Span(27, 30), 36, "feriti gravi", lang="it")
('injured', 'di cui')
"""

from __future__ import annotations

from dataclasses import dataclass

from quantities.lang import Pack, per_pack, phrases, positive_int, word_set
from quantities.text.tokens import Tokens, tokens
from quantities.types import Span


@dataclass(frozen=True, slots=True)
class Statuses:
    classes: dict[tuple[str, ...], str]  # a status word or phrase -> its class
    longest: int
    skip: frozenset[str]
    reach: int

    def at(self, lows: list[str], i: int) -> str | None:
        """The class of the status word or phrase that starts at ``lows[i]``."""
        for n in range(min(self.longest, len(lows) - i), 0, -1):
            found = self.classes.get(tuple(lows[i:i + n]))
            if found is not None:
                return found
        return None

    def ending_at(self, lows: list[str], i: int) -> str | None:
        """The class of the status word or phrase that ends at ``lows[i]``."""
        for n in range(min(self.longest, i + 1), 0, -1):
            found = self.classes.get(tuple(lows[i - n + 1:i + 1]))
            if found is not None:
                return found
        return None


@dataclass(frozen=True, slots=True)
class Scopes:
    places: frozenset[str]
    place_links: frozenset[str]
    parts_before: tuple[tuple[str, ...], ...]
    partitive: tuple[tuple[str, ...], ...]
    partitive_pronouns: tuple[tuple[str, ...], ...]
    clause_ends: frozenset[str]


@per_pack("status")
def statuses(pack: Pack) -> Statuses:
    """The ``[status]`` words of ``pack``, checked and compiled once."""
    classes: dict[tuple[str, ...], str] = {}
    for name in pack.table("status.classes"):
        for words in phrases(pack, f"status.classes.{name}"):
            if words in classes and classes[words] != name:
                raise pack.error(f"status.classes.{name}", f"{' '.join(words)!r} is already {classes[words]!r}")
            classes[words] = name
    return Statuses(classes=classes, longest=max(map(len, classes), default=1),
                    skip=word_set(pack, "status.skip"), reach=positive_int(pack, "status.reach"))


@per_pack("scope")
def scopes(pack: Pack) -> Scopes:
    """The ``[scope]`` words of ``pack``, compiled once."""
    return Scopes(
        places=word_set(pack, "scope.places"),
        place_links=word_set(pack, "scope.place_links"),
        parts_before=phrases(pack, "scope.parts_before"),
        partitive=phrases(pack, "scope.partitive"),
        partitive_pronouns=phrases(pack, "scope.partitive_pronouns"),
        clause_ends=word_set(pack, "scope.clause_ends"),
    )


def classes(lang: str | Pack) -> tuple[str, ...]:
    """The closed class of statuses of a pack, in its order."""
    return tuple(dict.fromkeys(statuses(lang).classes.values()))


#: How many tokens either side of a figure its place is looked for, within its clause: a
#: bound, so that a sentence of many clauses without a mark stays linear.
PLACE_REACH = 12


def read(text: str, figure: Span, end: int, noun: str | None, *, lang: str | Pack = "it",
         toks: Tokens | None = None) -> tuple[str | None, str | None]:
    """The status and the scope of the figure at ``figure`` whose claim ends at ``end``
    (after its noun when the noun follows), ``noun`` its counted noun. ``toks`` are the
    tokens of the figure's sentence when the caller has them (then ``text`` may be the
    whole document), else those of ``text``."""
    t, sc = statuses(lang), scopes(lang)
    toks = tokens(text) if toks is None else toks
    first, after = toks.index(figure.start), toks.index(end)
    scope = _part(sc, text, toks, first, toks.index(figure.end)) or _place(sc, text, toks, first, after)
    return _status(t, toks, first, after, noun), scope


def _status(t: Statuses, toks: Tokens, first: int, after: int, noun: str | None) -> str | None:
    if noun:
        lows = tokens(noun).lows
        for i in range(len(lows)):
            if (found := t.at(lows, i)) is not None:
                return found
    lows = toks.lows
    for i in range(after, min(len(lows), after + t.reach)):  # "persone sono rimaste ferite"
        if (found := t.at(lows, i)) is not None:
            return found
        if lows[i] not in t.skip:
            break
    for i in range(first - 1, max(-1, first - 1 - t.reach), -1):  # "sono morti 300", "killed 300"
        if (found := t.ending_at(lows, i)) is not None:
            return found
        if lows[i] not in t.skip:
            break
    return None


def _part(t: Scopes, text: str, toks: Tokens, first: int, past: int) -> str | None:
    """A part: a marker before the figure, or a definite partitive right after it
    (``past`` is the index of the first token after the figure)."""
    lows = toks.lows
    for marker in t.parts_before:  # "di cui 205", "tra loro 22" (a hedge may stand between)
        for gap in range(3):
            at = first - gap - len(marker)
            if at >= 0 and tuple(lows[at:at + len(marker)]) == marker:
                if all(lows[k] not in t.clause_ends for k in range(at + len(marker), first)):
                    return _written(text, toks, at, at + len(marker))
    for marker in t.partitive_pronouns:  # "205 of them", "721 dei quali"
        if tuple(lows[past:past + len(marker)]) == marker:
            return _written(text, toks, past, past + len(marker))
    for marker in t.partitive:  # "Quattro delle vittime", "four of the victims"
        word = past + len(marker)
        if word < len(lows) and tuple(lows[past:word]) == marker and toks.is_word(word):
            return _written(text, toks, past, word + 1)
    return None


def _place(t: Scopes, text: str, toks: Tokens, first: int, after: int) -> str | None:
    """A capitalised name after a place preposition in the figure's clause."""
    lows, texts = toks.lows, toks.texts
    start, low = first, max(0, first - PLACE_REACH)
    while start > low and lows[start - 1] not in t.clause_ends:
        start -= 1
    end, high = after, min(len(lows), after + PLACE_REACH)
    while end < high and lows[end] not in t.clause_ends:
        end += 1
    for i in range(start, end - 1):
        if lows[i] in t.places and texts[i + 1][:1].isupper():
            j = i + 1
            while j < end and (texts[j][:1].isupper() or (lows[j] in t.place_links and j + 1 < end
                                                          and texts[j + 1][:1].isupper())):
                j += 1
            return _written(text, toks, i + 1, j)
    return None


def _written(text: str, toks: Tokens, i: int, j: int) -> str:
    return text[toks.starts[i]:toks.ends[j - 1]]
