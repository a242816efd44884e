"""Which documents speak of one event: the names of the whole document, in linear time.

A document's names are the proper names of its title and body: runs of capitalised words
("Giuseppe Saverio Lombardo", "Capo Gallo"), each named by its last word (the surname, the
specific part), or by the place it is when the run is a place of the place table
(:mod:`quantities.lang.places`: «Genova» = «Genoa», «Marocco» = «Morocco» = «Moroccan»).
A word the article also writes in small letters, a stop word, a word of the lexicon's
``[names] not_names`` (days, months, offices), or a lone capitalised word that only ever
opens a sentence is no name (a title's "Mestre, chi erano le vittime" names nothing: evidence
from other articles joined unrelated stories, "Fed," beside an ECB story). A name in the title
weighs :data:`TITLE_WEIGHT` mentions.

A document's signature is its ``limit`` heaviest names (ties alphabetical), and those as heavy as the last of
them (up to twice ``limit``). Its narrow names leave out the broad ones (a country, a wider area, a capital:
each names too many events to tell one), and its top name is its heaviest narrow name. Two documents are one
event when their signatures share two of their names, ties with the last included (two narrow ones, or a broad
one and a narrow one the document names more than once), one of the two documents naming one of them more than
once or the two written within :data:`NEAR` days (two names each mentioned once by both, weeks apart, are
often another story's: a party leader and a city named in passing joined a march, an election and a flood), or
when the top name of one is in the other's signature, or when neither names anything narrower than the same
broad name that both weigh most; and, when both are dated, when their dates are close: documents within
``days`` of each other can always be one event, two documents more than twice that apart are never joined
directly (joins chain: a running story of daily articles can span more, as its readers expect). Documents are
joined by keys (a pair of names, a top name) in a union-find: the work grows with the documents, not their
pairs, and adding unrelated events to the folder changes no event but theirs. An undated document joins the
first document of any date that shares a key with it (by a pair of names, only when both name one of them more
than once). A document with no names belongs to no event by itself
(see :mod:`quantities.reconciliation.figures`).

>>> from quantities.lang.lexicon import Lexicon
>>> from quantities.lang.places import Places
>>> it, en, places = Lexicon.load("it"), Lexicon.load("en"), Places.default()
>>> a = names("Crollo del ponte Morandi a Genova", "Il viadotto sul Polcevera è crollato.", it, places)
>>> b = names("Genoa bridge collapse", "The Morandi bridge over the Polcevera fell in Genoa.", en, places)
>>> c = names("Incendi in Sicilia", "Il fuoco assedia Palermo e Monreale.", it, places)
>>> sorted(a), sorted(b)
(['genoa', 'morandi', 'polcevera'], ['genoa', 'morandi', 'polcevera'])
>>> events({"a": a, "b": b, "c": c}, {}, 12, 30, places.broad)
{'a': 'a', 'b': 'a', 'c': 'c'}
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping

import regex

from quantities.lang.lexicon import Lexicon
from quantities.lang.places import Places
from quantities.text.partition import Partition

#: Two documents sharing two names that each mentions once are one event only this many days
#: apart (a party leader and a city named in passing: the same news cycle, not the same month;
#: :func:`near`).
NEAR = 3
#: How many mentions a name in the title weighs: the title says what the story is about.
TITLE_WEIGHT = 3
WORD = regex.compile(r"[^\W\d_][^\W\d_'’]{0,59}")
#: What may stand between two words of one name: blanks on one line.
JOIN = regex.compile(r"[^\S\n]{1,3}")
#: What stands before a sentence's first word (blanks and emphasis aside): a stop, a line,
#: a quote, a dash, a bracket, or nothing.
OPENERS = frozenset(".!?…\n\"«“”»–—([-")


def names(title: str | None, body: str, lex: Lexicon, places: Places) -> Counter[str]:
    """The names of a document, each with its weight (mentions; a title's weigh more)."""
    texts = [(text, weight, [(m, m.group()) for m in WORD.finditer(text)])
             for text, weight in ((title or "", TITLE_WEIGHT), (body, 1))]
    seen = {w for _t, _w, words in texts for _m, w in words}
    small = {w.casefold() for w in seen if not w[:1].isupper()}  # once a word
    weights: Counter[str] = Counter()
    inner: set[str] = set()
    opening: list[tuple[str, int]] = []
    for text, weight, words in texts:
        for name, first in _runs(text, [m for m, w in words if w[:1].isupper()], lex, places, small):
            weights[name] += weight
            if first:
                opening.append((name, weight))
            else:
                inner.add(name)
    for name, weight in opening:   # a lone word that only ever opens a sentence is no name
        if name not in inner and not places.known(name):
            weights[name] -= weight
    return +weights


def _runs(text: str, capitals: list[regex.Match[str]], lex: Lexicon, places: Places,
          small: set[str]) -> Iterable[tuple[str, bool]]:
    """Each name of ``text`` (its words that begin with a capital: ``capitals``), and whether it
    is one capitalised word opening a sentence."""
    taken = list(places.phrases(text))
    for _start, _end, name in taken:
        yield name, False
    inside = {at for a, b, _n in taken for at in range(a, b)}   # the places' characters: read already
    run: list[regex.Match[str]] = []
    # a name's words begin with a capital; any other word between two of them ends a run, as
    # the blanks-only test of the gap tells (JOIN)
    for m in capitals:
        if m.start() in inside:
            continue
        if run and not JOIN.fullmatch(text, run[-1].end(), m.start()):
            yield from _named(run, text, places)
            run = []
        if _capital(m.group(), lex, places, small):
            run.append(m)
        elif run:
            yield from _named(run, text, places)
            run = []
    if run:
        yield from _named(run, text, places)


def _capital(word: str, lex: Lexicon, places: Places, small: set[str]) -> bool:
    if len(word) < 2 or not word[:1].isupper():   # most words: told before folding them
        return False
    folded = word.casefold()
    if folded in lex.stopwords or folded in lex.not_names:
        return False
    return folded not in small or places.known(folded)


def _named(run: list[regex.Match[str]], text: str, places: Places) -> Iterable[tuple[str, bool]]:
    whole = text[run[0].start():run[-1].end()]
    name = places.name(whole) if places.known(whole) else places.name(run[-1].group())
    yield name, len(run) == 1 and _opens(text, run[0].start())


def _opens(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a quote."""
    before = text[max(0, start - 6):start].rstrip(" \t*_")
    return not before or before[-1] in OPENERS


def signature(weights: Mapping[str, int], limit: int) -> list[str]:
    """The ``limit`` heaviest names, then those as heavy as the last of them, up to twice
    ``limit`` (ties alphabetical): a cut between names of one weight would be arbitrary.

    >>> signature({"kursk": 2, "corea": 1, "nord": 1, "seul": 0}, 2)
    ['kursk', 'corea', 'nord']
    """
    ranked = sorted(weights, key=lambda n: (-weights[n], n))
    if len(ranked) <= limit:
        return ranked
    last = weights[ranked[limit - 1]]
    return [n for n in ranked[:2 * limit] if weights[n] >= last]


def events(weights: Mapping[str, Mapping[str, int]], dates: Mapping[str, dt.date | None], limit: int,
           days: int, broad: Callable[[str], bool]) -> dict[str, str | None]:
    """Each document's event: the smallest document id of its component, None without names."""
    joins = _Joins()
    dated = sorted(d for d in weights if dates.get(d) is not None)
    for doc in [*dated, *sorted(d for d in weights if dates.get(d) is None)]:
        sign = signature(weights[doc], limit)
        if not sign:
            continue
        joins.parts.add(doc)
        narrow = [n for n in sign if not broad(n)]
        when = dates.get(doc)
        periods = None if when is None else (when.toordinal() // days, when.toordinal() // days + 1)
        days_near = None if when is None else (when.toordinal() // NEAR, when.toordinal() // NEAR + 1)
        strong = {n for n in narrow if weights[doc][n] > 1}
        for pair in itertools.combinations(sorted(sign), 2):
            if (not broad(pair[0]) and not broad(pair[1])) or strong.intersection(pair):
                joins.pair(doc, pair, periods, strong=bool(strong.intersection(pair)), days_near=days_near)
        if narrow:
            for name in sign:
                joins.member(doc, name, periods)
            joins.top(doc, narrow[0], periods)
        else:   # nothing narrower than a country: the same country, weighed most
            joins.pair(doc, (sign[0], sign[0]), periods, strong=True)
    return {doc: (joins.parts.find(doc) if doc in joins.parts else None) for doc in weights}


def near(a: dt.date, b: dt.date) -> bool:
    """Whether two dates fall in one period of :data:`NEAR` days or in two adjacent ones: the days
    whose documents a pair of names each mentions once joins (within NEAR days always, up to
    2 × NEAR − 1 sometimes), read alike by the joins' keys and by :func:`linked`'s callers.

    >>> near(dt.date(2022, 9, 25), dt.date(2022, 9, 28)), near(dt.date(2022, 9, 25), dt.date(2022, 10, 2))
    (True, False)
    """
    return abs(a.toordinal() // NEAR - b.toordinal() // NEAR) <= 1


def linked(a: Mapping[str, int], b: Mapping[str, int], sign_a: list[str], sign_b: list[str], close: bool) -> bool:
    """Whether two documents of one event speak of it directly: they share a narrow signature name
    (``sign_a``, ``sign_b``, heaviest first; weights ``a``, ``b``) that is the heaviest of one of them,
    or that either names more than once, or they were written in the same days (``close``: :func:`near`).
    Names each mentions once, however many, link nothing across weeks or undated (two ministers named in
    passing by a landslide's and a bridge collapse's undated articles: review67), as a pair of them joins
    no event then (:class:`_Joins`). Events chain through other documents (a running story); a figure
    compares only the claims of documents linked directly or through other documents of the figure
    (:mod:`quantities.reconciliation.kin`).

    >>> linked({"senigallia": 3, "misa": 1}, {"ancona": 2, "senigallia": 1}, ["senigallia", "misa"],
    ...        ["ancona", "senigallia"], close=False)
    True
    >>> linked({"fontana": 3, "milan": 1, "meloni": 1}, {"conte": 2, "milan": 1, "meloni": 1},
    ...        ["fontana", "meloni", "milan"], ["conte", "meloni", "milan"], False)
    False
    """
    shared = set(sign_a).intersection(sign_b)
    return bool(shared) and (close or sign_a[0] in shared or sign_b[0] in shared
                             or any(a[n] > 1 or b[n] > 1 for n in shared))


class _Joins:
    """The keys seen so far and the documents they join. A dated document meets the
    documents of its two periods (``periods``); an undated one (``periods`` None), read
    after them all, meets the first document of any date that holds its key."""

    def __init__(self) -> None:
        self.parts: Partition[str] = Partition()
        self._owner: dict[Hashable, str] = {}            # (kind, key, period) -> first document
        self._first: dict[Hashable, str] = {}            # (kind, key) -> first document, any date
        self._waiting: dict[Hashable, list[str]] = {}    # (name, period) -> documents holding it
        self._weak: dict[Hashable, list[str]] = {}       # (pair key, period) -> documents naming both once

    def pair(self, doc: str, pair: tuple[str, str], periods: tuple[int, int] | None, strong: bool,
             days_near: tuple[int, int] | None = None) -> None:
        """Two documents whose signatures share two narrow names are one event when one of them
        names one of the two more than once (``strong``), or when both are of the near days (``days_near``
        of :data:`NEAR`, :func:`near`); a weak holder waits for a strong one of its periods. An undated
        document joins by a pair only one that names one of its names more than once, as it does."""
        if periods is None:   # undated: no days tell a passing mention, so both must name the pair more than once
            if strong:   # (a minister named once joined an undated landslide to a bridge collapse: review67)
                self._join(doc, self._first.setdefault(("pair", pair), doc))
            return
        if strong:
            self._first.setdefault(("pair", pair), doc)   # for undated documents that name it more than once
        for p in periods:
            key = ("pair", pair, p)
            if strong:
                first = self._owner.setdefault(key, doc)
                self._join(doc, first)
                for other in self._weak.pop(key, ()):
                    self._join(first, other)
            elif key in self._owner:
                self._join(doc, self._owner[key])
            else:
                self._weak.setdefault(key, []).append(doc)
        if not strong and days_near is not None:
            for p in days_near:
                self._join(doc, self._owner.setdefault(("near", pair, p), doc))

    def member(self, doc: str, name: str, periods: tuple[int, int] | None) -> None:
        """A document holding a name that another weighs most is of that one's event."""
        if periods is None:
            if ("top", name) in self._first:
                self._join(doc, self._first[("top", name)])
            self._first.setdefault(("member", name), doc)
            return
        self._first.setdefault(("member", name), doc)
        for p in periods:
            if ("top", name, p) in self._owner:
                self._join(doc, self._owner[("top", name, p)])
            else:
                self._waiting.setdefault((name, p), []).append(doc)

    def top(self, doc: str, name: str, periods: tuple[int, int] | None) -> None:
        """The name ``doc`` weighs most: every document holding it joins ``doc``."""
        if periods is None:
            if ("member", name) in self._first:
                self._join(doc, self._first[("member", name)])
            self._first.setdefault(("top", name), doc)
            return
        self._first.setdefault(("top", name), doc)
        for p in periods:
            first = self._owner.setdefault(("top", name, p), doc)
            self._join(doc, first)
            for other in self._waiting.pop((name, p), ()):
                self._join(first, other)

    def _join(self, a: str, b: str) -> None:
        if a == b:   # a key's first document: joined to itself
            return
        ra, rb = self.parts.find(a), self.parts.find(b)
        if ra != rb:
            self.parts.union(max(ra, rb), min(ra, rb))
