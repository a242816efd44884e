"""Where a share is measured: a claim's place read against the places of its article.

A share (a turnout, a vote share, a poll, and their differences in points) measured for a
place is a figure of that place: Calabria's turnout and
the nation's are two figures, however alike their words. The claim's scope is the place
its sentence names (:mod:`quantities.extraction.nouns.status`); here it is read against
its article:

- the place the article is about is its heaviest narrow name when that name is a place:
  one the gazetteer knows, or one the article writes after a place preposition (the pack's
  ``[scope] places``: "in Calabria", "nelle Marche"); the name of a plan or a party ("il
  Pnrr") is none;
- a place noun standing for the place the article is about ("alle 19 la regione era ferma
  al 36,95%", the pack's ``[nouns] place_nouns``) is that place: the article's heaviest
  narrow name, when the article names it at least :data:`ABOUT` times (or in its title);
- the country the article is about ("in Italia si era già al 51,16%": the broad place the
  article names most) is no narrowing: the figure is the whole one, as a bare figure is;
- any other place is one name across languages (:mod:`quantities.lang.places`), so that
  «Sicilia» and «Sicily» meet.

A claim that names no place is the article's whole figure: a regional paper's bare figure
is regional only when its text says so. It says so when the paragraph before the claim's
sentence names the place the article is about and the claim's own sentence names no
country («La Calabria si conferma la regione in cui si è votato di meno. Alla chiusura dei
seggi l'affluenza si è fermata al 50,74%»; not «… quando in Italia si era già al 51,16%»).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from quantities.lang import load, units
from quantities.lang.places import Places
from quantities.reconciliation.keys import Item, scoped
from quantities.text.fold import low
from quantities.types import Claim

#: A capitalised word: a name a sentence may give a place by.
NAME = re.compile(r"(?<!\w)[^\W\d_][^\W\d_'’]{1,40}")

#: A blank line: where a paragraph ends (its next one starts after it).
PARAGRAPH = re.compile(r"\n\n")
#: The units of shares and their differences: the figures read here (a toll's place is
#: as its sentence gives it, unless it is the whole: "in tutto il Paese", the pack's ``[scope] whole``).
SHARES = frozenset({"percent", units.POINTS})
#: How heavy a narrow name must be for a place noun to stand for it (a title's name weighs 3).
ABOUT = 3


def settle(items: list[Item], names: Mapping[str, Mapping[str, int]], places: Places,
           lang_of: Callable[[str], str], texts: Mapping[str, str] | None = None) -> None:
    """Rewrite the scope of each keyed item by the places of its article (see the module);
    ``texts`` are the documents' bodies (the paragraphs a place is carried in)."""
    texts = texts or {}
    read: dict[str, _Article | None] = {}
    said: dict[str, dict[str, None]] = {}   # a document not given is known by its claims' sentences
    for i in items:
        said.setdefault(i.claim.doc, {})[i.claim.context] = None
    mains: dict[str, str | None] = {}   # the place each article is about, found once
    for i in items:
        c = i.claim
        if i.key is None:
            continue
        if c.quantity.unit not in SHARES:   # "379mila nati in tutto il Paese": the whole count
            if c.scope and i.key.scope and _whole(lang_of(c.doc)).search(c.scope):
                i.key = replace(i.key, scope=scoped(None, i.year))
            continue
        weights = names.get(c.doc, {})
        if c.doc not in mains:
            mains[c.doc] = _main(weights, places, texts.get(c.doc) or "\n".join(said[c.doc]), lang_of(c.doc))
        if c.scope:
            place = _place(c.scope, mains[c.doc], weights, places, lang_of(c.doc))
            written = c.scope.casefold()
        else:
            if c.doc not in read:
                read[c.doc] = _article(texts.get(c.doc), mains[c.doc])
            place = _carried(c, read[c.doc], places, lang_of(c.doc))
            written = None
        if place != written:
            i.key = replace(i.key, scope=scoped(place, i.year))


def _main(weights: Mapping[str, int], places: Places, text: str, lang: str) -> str | None:
    """The place the article is about: its heaviest narrow name, when heavy enough and a
    place (known, or written after a place preposition in ``text``)."""
    narrow = sorted(((w, n) for n, w in weights.items() if not places.broad(n)), reverse=True)
    if not narrow or narrow[0][0] < ABOUT:
        return None
    name = narrow[0][1]
    return name if places.known(name) or _placed(name, text, lang) else None


def _placed(name: str, text: str, lang: str) -> bool:
    """Whether ``text`` writes ``name`` after one of the pack's place prepositions."""
    words = r"\s+".join(re.escape(w) for w in name.split())
    return re.search(rf"{_prepositions(lang)}(?:(?<=['’])|\s+){words}(?!\w)", text, re.IGNORECASE) is not None


@dataclass(frozen=True, slots=True)
class _Article:
    """What a claim's paragraph is read against, found once per article: the place it is
    about, where its paragraphs start and where it names that place."""

    text: str
    main: str
    paragraphs: list[int]   # the offset of each paragraph's first character, in order
    mentions: list[int]     # the offsets where the text names ``main``, in order


def _article(text: str | None, main: str | None) -> _Article | None:
    if main is None or text is None:
        return None
    paragraphs = [0, *(m.end() for m in PARAGRAPH.finditer(text))]
    mentions = [m.start() for m in _mention(main).finditer(text)]
    return _Article(text, main, paragraphs, mentions)


def _carried(c: Claim, article: _Article | None, places: Places, lang: str) -> str | None:
    """The article's place, when the paragraph before the claim's sentence names it and the
    sentence names no country nor the whole (the pack's ``[scope] whole``: "nazionale").
    Two bisections a claim: linear in the article however many claims it holds."""
    if article is None or c.sentence.end > len(article.text):
        return None
    start = article.paragraphs[bisect_right(article.paragraphs, c.sentence.start) - 1]
    at = bisect_left(article.mentions, start)
    if at == len(article.mentions) or article.mentions[at] >= c.sentence.start:
        return None
    sentence = article.text[c.sentence.start:c.sentence.end]
    if any(places.broad(places.name(w)) for w in NAME.findall(sentence) if places.known(w)):
        return None
    if _whole(lang).search(sentence):   # "il dato nazionale è del 63,91%"
        return None
    return article.main


@functools.lru_cache(maxsize=256)
def _mention(place: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(place)}(?!\w)", re.IGNORECASE)


def _place(written: str, main: str | None, weights: Mapping[str, int], places: Places,
           lang: str) -> str | None:
    words = low(written).split()
    if words and words[-1] in _place_nouns(lang):   # "la regione": the place the article is about
        return main or written.casefold()
    if not places.known(written):
        return written.casefold()
    name = places.name(written)
    broad = [n for n in weights if places.broad(n)]
    if places.broad(name) and broad and max(broad, key=lambda n: weights[n]) == name:
        return None   # the country the article is about: the whole figure
    return name


@functools.cache
def _whole(lang: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load(lang).words("scope.whole", ()))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)" if words else r"(?!)", re.IGNORECASE)


@functools.cache
def _prepositions(lang: str) -> str:
    """The pack's place prepositions as one group ("nell'" is glued to its name)."""
    words = sorted(load(lang).words("scope.places", ()), key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in words)
    return rf"(?<!\w)(?:{alts})" if alts else r"(?!)"


@functools.cache
def _place_nouns(lang: str) -> frozenset[str]:
    return frozenset(low(w) for w in load(lang).words("nouns.place_nouns", ()))
