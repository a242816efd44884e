"""What a counted noun the lexicon does not know names, read from the words around it.

The extractor stops a noun phrase before a possessor ("25 membri | dell'equipaggio", "25
members | of the crew") and keeps a status word after its noun ("nine people alive", "i nove
estratti vivi"). The lexicon knows neither phrase as the extractor cut it; read again, each
names a thing the other articles count:

- a noun and the possessor after it that the lexicon lists whole, as one term ("membri
  dell'equipaggio", "members of the crew": the crew); never a possessor alone ("leaders of the
  protesters" are no protesters), never a known noun (its own concept stands);
- a noun made only of a status phrase of its claim's status, after at most a generic noun
  ("estratti vivi", "people alive"): people counted by that status, as "persone estratte
  vive" are; never a noun of a kind ("14 poliziotti feriti": some of the injured).

A noun the extractor settled on for a generic noun ("Marrakesh, a city of 840,000 people":
its residents) is read as that concept (:func:`settled`). Two names a conjunction joins ("Lega
e Forza Italia") count both together (:func:`joined`).
"""

from __future__ import annotations

from dataclasses import replace

from quantities import lang as langs
from quantities.cache import compiled
from quantities.extraction.nouns.status import statuses
from quantities.lang.lexicon import Lexicon, Reading
from quantities.types import Claim

#: A word of a possessor phrase, with its end (apostrophes end a word: "dell'equipaggio").
_WORD = compiled(r"[^\W\d_][^\W\d_'’]{0,59}")
#: Where a possessor phrase ends: a clause mark or a digit.
_STOP = compiled(r"[,;:.()\[\]«»\"“”\d]|\s[-–—]\s")
#: The most words a possessor phrase holds after its noun ("dell'equipaggio della nave").
POSSESSOR_WORDS = 4


def reread(c: Claim, reading: Reading | None, lex: Lexicon) -> Reading | None:
    """The reading of the claim's noun: the extractor's concept for a generic noun, else for an
    unknown noun its possessor phrase read whole or its status words, else ``reading``."""
    reading = settled(c, reading, lex)
    if reading is not None and (both := joined(c, lex)) is not None:
        return both
    if reading is None or reading.known:
        return reading
    return possessed(c, lex) or by_status_words(c, reading, lex) or reading


def joined(c: Claim, lex: Lexicon) -> Reading | None:
    """Two names a conjunction joins ("Lega e Forza Italia restano sotto il 10%"): the figure
    of both together, a concept of its own (the keys of all their words), no figure of either."""
    words = _WORD.findall(c.noun or "")
    cut = next((i for i, w in enumerate(words) if i > 0 and lex.conjunction(w)), None)
    after = next((w for w in words[cut + 1:] if w.casefold() not in lex.stopwords), "") if cut else ""
    if not after[:1].isupper() or not words[0][:1].isupper():   # "and the Greens": past an article
        return None
    keys = tuple(lex.key(w.casefold()) for w in words if not lex.conjunction(w))
    concept = " ".join(keys)
    return Reading(concept, keys, keys, concept, False, f"{lex.lang}:{concept}")


def settled(c: Claim, reading: Reading | None, lex: Lexicon) -> Reading | None:
    """The concept the extractor settled on for a generic noun, when it knows better than
    the noun alone ("Marrakesh, a city of 840,000 people": its residents), else ``reading``."""
    if reading is None or not reading.generic or not c.concept or c.concept == reading.concept:
        return reading
    found = lex.read(c.concept)
    return found if found is not None and found.concept == c.concept else reading


def possessed(c: Claim, lex: Lexicon) -> Reading | None:
    """The noun with the possessor after it, when the lexicon lists the phrase whole ("membri
    dell'equipaggio"): its reading, else None."""
    piece = _after_noun(c)
    ends = [m.end() for m in _WORD.finditer(piece)][:POSSESSOR_WORDS]
    for end in reversed(ends):
        phrase = f"{c.noun}{piece[:end]}"
        found = lex.read(phrase)
        if found is not None and found.known and len(found.term) == len(lex.content(phrase)):
            return found
    return None


def by_status_words(c: Claim, reading: Reading, lex: Lexicon) -> Reading | None:
    """An unknown noun made of a status phrase of its claim's status (which may end after it:
    "i nove estratti | vivi") and at most a generic noun ("people alive"): read as people of
    that status, else None."""
    if c.status is None or not c.noun or lex.lang not in langs.available():
        return None
    table = statuses(lex.lang)
    lows = [w.casefold() for w in _WORD.findall(c.noun)]
    size = len(lows)
    lows += [w.casefold() for w in _WORD.findall(_after_noun(c))][:table.longest]
    rest: list[str] = []
    found = False
    i = 0
    while i < size:
        hit = table.match(lows, i)
        if hit is not None:
            if hit[0] != c.status:
                return None
            found, i = True, i + hit[1]
            continue
        if lows[i] not in lex.stopwords:
            rest.append(lows[i])
        i += 1
    if not found or len(rest) > 1:
        return None
    if rest and not ((other := lex.read(rest[0])) is not None and other.known and other.generic):
        return None
    return replace(reading, generic=True, status=c.status)


def _after_noun(c: Claim) -> str:
    """The words of the claim's clause right after its noun (none when the noun is not found
    after its figure)."""
    if not c.noun:
        return ""
    at = c.context.find(c.text)
    noun_at = c.context.find(c.noun, at) if at >= 0 else -1
    if noun_at < 0:
        return ""
    start = noun_at + len(c.noun)
    piece = c.context[start:start + 80]
    stop = _STOP.search(piece)
    return piece[:stop.start()] if stop else piece
