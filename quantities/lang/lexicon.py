"""The noun lexicon: what a figure counts, folded to a concept.

The words are data (``quantities/lang/<code>.lexicon.toml``, extended by a desk's
config); this module is the machinery: phrase folding (stop words out, plural and
light inflection folded with a data-driven ending table and the Snowball stemmer),
concept lookup on the head noun and its modifiers, and the relation between two
counted nouns.

>>> lex = Lexicon.load("it")
>>> lex.concept("soldatesse"), lex.concept("truppe"), lex.concept("operai edili militari")
('soldato', 'soldato', 'operaio edile militare')
>>> lex.relation("genieri", "ingegneri"), lex.relation("soldati", "truppe")
('confusable', 'synonym')
>>> lex.relation("operai edili militari", "operai")
'narrower'
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quantities.cache import digest, remembered
from quantities.lang.lexicon_tables import WORD, Tables, _merge, _read
from quantities.text.fold import proper_name

MAX_WORDS = 12
NOT = "¬"  # marks a negated word's key and concept ("¬superficie boscata")


@dataclass(frozen=True, slots=True)
class Reading:
    """How the lexicon reads one counted noun phrase."""

    concept: str           # lexicon concept, or the stem key of the phrase's core
    core: tuple[str, ...]  # folded keys of the core (head noun and its modifiers)
    term: tuple[str, ...]  # folded keys of the lexicon term that matched (else the core)
    family: str            # blocking key: root of the concept, confusables merged
    known: bool            # True when a lexicon entry matched
    shared: str = ""       # the interlingual id: the same in every pack ("dead" = morti = dead)
    status: str | None = None  # the status the concept itself names (morti: "dead")
    generic: bool = False  # a concept that says only "people" (persone): a status says what is counted
    share: str | None = None  # what a percentage of it measures ("il 63,9% degli elettori": the turnout)
    measure: bool = False  # a concept that names what a measure or a sum measures (profondità, pioggia)
    span: bool = False     # a span of time ("34 anni"): keyed like an age, by whose it is


class Lexicon(Tables):
    """Concepts, their terms, broader links and confusable pairs of one language."""

    def __init__(self, data: Mapping[str, Any], file: str, origin: Mapping[str, str] | None = None) -> None:
        self._readings: dict[str, Reading | None] = {}
        self._cue_starts: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        super().__init__(data, file, origin)

    @classmethod
    def load(cls, lang: str = "it", extra: Mapping[str, Any] | None = None, origin: str = "<config>") -> Lexicon:
        """The lexicon of ``lang``, extended by ``extra`` (same shape as the data file).

        >>> Lexicon.load("it") is Lexicon.load("it")
        True
        >>> Lexicon.load("it", {"concept": {"pompiere": {"terms": ["vigili"], "broader": "nessuno"}}})
        Traceback (most recent call last):
        ...
        quantities.errors.LanguageDataError: <config>: concept.pompiere.broader: unknown concept 'nessuno'
        """
        if not extra:
            return _cached(lang)

        def build() -> Lexicon:
            path, data = _read(lang)
            merged, owners = _merge(data, extra, str(path), origin)
            return cls(merged, str(path), owners)

        key = digest(f"{lang}\0{origin}\0{json.dumps(extra, sort_keys=True, default=str)}")
        return remembered("lexicon", key, build)

    def cue(self, name: str, text: str | Sequence[str]) -> bool:
        """Whether ``text`` (or its casefolded words) holds one of the ``[time]`` cue phrases ``name``.

        >>> Lexicon.load("it").cue("rising", "Il bilancio è salito a 40 morti")
        True
        """
        if isinstance(text, str):  # some word of every phrase missing from the folded text: no phrase
            folded = text.casefold()
            if not any(all(map(folded.__contains__, phrase))
                       for first, phrases in self._starts(name).items() if first in folded for phrase in phrases):
                return False
            text = [w.casefold() for w in WORD.findall(text)]
        return not self._starts(name).keys().isdisjoint(text) and self.cue_at(name, text) is not None

    def cue_at(self, name: str, words: Sequence[str]) -> tuple[int, int] | None:
        """Where in ``words`` (casefolded) the first cue phrase ``name`` stands: (start, end).

        >>> Lexicon.load("it").cue_at("role_youngest", ["era", "il", "più", "giovane"])
        (2, 4)
        """
        if (starts := self._starts(name)).keys().isdisjoint(words):  # most words hold no first word (told in C)
            return None
        for i, w in enumerate(words):
            for phrase in starts.get(w, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    return i, i + len(phrase)
        return None

    def _starts(self, name: str) -> dict[str, list[tuple[str, ...]]]:
        """The cue phrases ``name`` by their first word."""
        starts = self._cue_starts.get(name)
        if starts is None:
            starts = self._cue_starts[name] = {}
            for phrase in self.cues.get(name, ()):
                starts.setdefault(phrase[0], []).append(phrase)
        return starts

    def confusable_ids(self) -> dict[frozenset[str], str]:
        """The confusable pairs of whole concepts, by interlingual id, with their notes:
        shared by every pack in a run, so that English «engineers» and Italian «genieri» meet."""
        out = {}
        for pair, note in self._notes.items():
            a, b = sorted(pair)
            if a.startswith("c:") and b.startswith("c:"):
                out[frozenset((self._ids.get(a[2:], a[2:]), self._ids.get(b[2:], b[2:])))] = note
        return out

    # ------------------------------------------------------------------ reading

    def conjunction(self, word: str) -> bool:
        """Whether ``word`` joins two phrases (the ``[phrase] conjunctions``): "e", "and"."""
        return word.casefold() in self._conjunctions

    def negation(self, word: str) -> bool:
        """Whether ``word`` negates the word after it (the ``[phrase] negations``): "non", "not"."""
        return word.casefold() in self._negations

    def content(self, text: str) -> list[str]:
        """The folded keys of the content words of ``text`` (stop words dropped).

        >>> Lexicon.load("it").content("La Corea del Nord ha inviato truppe")
        ['core', 'nord', 'invi', 'trupp']
        """
        stop = self.stopwords
        return [self.key(w) for w in WORD.findall(text) if w.casefold() not in stop]
    def read(self, noun: str | None) -> Reading | None:
        """How the lexicon reads a counted noun phrase (``None`` for no noun).

        >>> r = Lexicon.load("it").read("soldati della Corea del Nord")
        >>> r.concept, r.known
        ('soldato', True)
        """
        if not noun:
            return None
        if noun in self._readings:
            return self._readings[noun]
        found = self._readings[noun] = self._read(noun)
        if len(self._readings) > 200_000:
            self._readings.clear()
        return found

    def _read(self, noun: str) -> Reading | None:
        words = [w.casefold() for w in WORD.findall(noun)][:MAX_WORDS]
        for i, w in enumerate(words):
            if w in self._conjunctions and i > 0:
                words = words[:i]
                break
        negated = {words[i + 1] for i, w in enumerate(words[:-1]) if w in self._negations}
        words = [w for w in words if w not in self._negations]
        while words and words[0] in self.stopwords:
            words.pop(0)
        core: list[str] = []
        for w in words:
            if w in self.stopwords:
                break
            core.append(w)
        content = [w for w in words if w not in self.stopwords]
        if not content:
            return None
        core_keys = tuple(NOT * (w in negated) + self.key(w) for w in core)
        hit = self._match(content)
        if hit is not None and negated & set(self._matched(content, hit[1])):
            return self._negated(hit, core_keys)
        if hit is not None:
            concept, term = hit
            return Reading(concept, core_keys, term, self._roots.find(concept), True,
                           self._ids.get(concept, concept), self._status.get(concept), concept in self._generic,
                           self._share.get(concept), concept in self._measures, concept in self._spans)
        head = core[0] if self._head_first else core[-1]
        head_hit = self._match([head])
        family = self._roots.find(head_hit[0] if head_hit else self.key(head))
        name = proper_name(WORD.findall(noun)[:MAX_WORDS])  # "Stefano Lo Russo": the same in every language
        return Reading(" ".join(core_keys), core_keys, core_keys, family, False,
                       f"name:{name}" if name else f"{self.lang}:{' '.join(core_keys)}")

    def _negated(self, hit: tuple[str, tuple[str, ...]], core: tuple[str, ...]) -> Reading:
        """The reading of a phrase whose matched term holds a negated word ("superficie non
        boscata"): the negation of that concept, a concept of its own (id ``not <id>``), of the
        same family; it names no status and no people. A negated word outside the term
        ("persone non identificate") qualifies the concept like any other modifier."""
        concept, term = hit
        return Reading(NOT + concept, core, tuple(NOT + k for k in term), self._roots.find(concept), True,
                       f"not {self._ids.get(concept, concept)}", measure=concept in self._measures,
                       span=concept in self._spans)

    def _matched(self, content: list[str], term: tuple[str, ...]) -> list[str]:
        """The words of ``content`` that the matched ``term`` covers."""
        return content[:len(term)] if self._head_first else content[-len(term):]

    def _match(self, content: list[str]) -> tuple[str, tuple[str, ...]] | None:
        for n in range(len(content), 0, -1):
            words = tuple(content[:n] if self._head_first else content[-n:])
            keys = tuple(self.key(w) for w in words)
            concept = self._exact.get(words) or self.stem_hit(words, keys)
            if concept:
                return concept, keys
        return None

    # ------------------------------------------------------------------ queries

    def concept(self, noun: str | None) -> str | None:
        """The normalised key of a counted noun phrase.

        >>> lex = Lexicon.load("it")
        >>> lex.concept("genieri"), lex.concept("zappatori"), lex.concept(None)
        ('geniere', 'geniere', None)
        >>> lex.concept("pastori sardi") == lex.concept("pastore sardo")
        True
        """
        reading = self.read(noun)
        return reading.concept if reading else None

    def measured_by(self, unit: str | None) -> str | None:
        """The interlingual id of what a measure in ``unit`` measures when nothing in its
        clause names it (a concept's ``units``: a magnitude is a quake's).

        >>> Lexicon.load("it").measured_by("magnitude"), Lexicon.load("en").measured_by("meter")
        ('earthquake', None)
        """
        return self._unit_default.get(unit) if unit is not None else None

    def dwells(self, concept: str | None) -> bool:
        """Whether ``concept`` counts the people who live in a place: with no status, its
        figure at a place is that place's population, never an event's count there.

        >>> Lexicon.load("it").dwells("abitante"), Lexicon.load("en").dwells("person")
        (True, False)
        """
        return concept in self._dwell

    def runs(self, status: str | None) -> str | None:
        """How the count of people in ``status`` moves over time, as the lexicon marks the
        concept that names it: "cumulative" (only up: the dead), "once" (a crowd, counted
        once), else None (it runs both ways: the injured leave hospital).

        >>> it, en = Lexicon.load("it"), Lexicon.load("en")
        >>> it.runs("dead"), en.runs("participants"), it.runs("injured"), it.runs(None)
        ('cumulative', 'once', None, None)
        """
        return self._runs.get(status) if status is not None else None

    def once(self, what: str | None) -> bool:
        """Whether the concept ``what`` is measured once (runs = "once", no status: a quake's
        magnitude): its articles' times of day are its own ("hit at 11:11 p.m."), one figure.

        >>> [Lexicon.load(lang).once("earthquake") for lang in ("it", "en")], Lexicon.load("it").once("dead")
        ([True, True], False)
        """
        return what in self._once

    def family(self, noun: str | None) -> str | None:
        """The blocking key of a noun: the root of its concept, confusables merged.

        >>> lex = Lexicon.load("it")
        >>> lex.family("genieri") == lex.family("ingegneri") == lex.family("soldati")
        True
        """
        reading = self.read(noun)
        return reading.family if reading else None

    def parent_id(self, concept: str) -> str | None:
        """The interlingual id of the concept a concept is a kind of (uomini, donne: "person").

        >>> Lexicon.load("it").parent_id("donna")
        'person'
        """
        broader = self._broader.get(concept)
        return None if broader is None else self._ids.get(broader, broader)

    def person(self, reading: Reading) -> bool:
        """Whether a reading names people: a generic concept ("persone"), a kind of one
        (uomo, bambina), or people in a status (morti, feriti).

        >>> lex = Lexicon.load("it")
        >>> lex.person(lex.read("un uomo")), lex.person(lex.read("vittime")), lex.person(lex.read("vagoni"))
        (True, True, False)
        """
        if not reading.known:
            return False
        concept = reading.concept
        return concept in self._generic or concept in self._status \
            or any(a in self._generic for a in self.ancestors(concept))

    def broader_ids(self, concept: str) -> frozenset[str]:
        """The interlingual ids of every concept a concept is a kind of.

        >>> sorted(Lexicon.load("it").broader_ids("autovettura"))
        ['vehicle']
        """
        return frozenset(self._ids.get(a, a) for a in self.ancestors(concept))

    def ancestors(self, concept: str) -> Iterable[str]:
        while concept in self._broader:
            concept = self._broader[concept]
            yield concept

    def relation(self, a: str | None, b: str | None) -> str:
        """same | synonym | narrower | broader | confusable | different | unknown (a to b).

        >>> lex = Lexicon.load("it")
        >>> lex.relation("soldati", "soldato"), lex.relation("operai", "operai edili"), lex.relation("morti", "feriti")
        ('same', 'broader', 'different')
        >>> lex.relation("soldati", None)
        'unknown'
        """
        ra, rb = self.read(a), self.read(b)
        if ra is None or rb is None:
            return "unknown"
        return self.relate(ra, rb)

    def relate(self, ra: Reading, rb: Reading) -> str:
        """The relation between two readings (see :meth:`relation`)."""
        if ra.concept == rb.concept:
            return "same" if ra.term == rb.term or ra.core == rb.core else "synonym"
        if self._confusable_note(ra, rb) is not None:
            return "confusable"
        if rb.concept in self.ancestors(ra.concept):
            return "narrower"
        if ra.concept in self.ancestors(rb.concept):
            return "broader"
        if self._extends(ra.core, rb.core):
            return "narrower"
        if self._extends(rb.core, ra.core):
            return "broader"
        return "different"

    def _extends(self, longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
        if not shorter or len(longer) <= len(shorter):
            return False
        return longer[: len(shorter)] == shorter if self._head_first else longer[-len(shorter):] == shorter

    def _confusable_note(self, ra: Reading, rb: Reading) -> str | None:
        for x in ("c:" + ra.concept, "t:" + " ".join(ra.term)):
            for y in ("c:" + rb.concept, "t:" + " ".join(rb.term)):
                note = self._notes.get(frozenset((x, y)))
                if note is not None and x != y:
                    return note
        return None

    def note(self, a: str, b: str) -> str | None:
        """The editor's note for a confusable pair, else None.

        >>> Lexicon.load("it").note("1.000 genieri", "ingegneri")[:10]
        '«genieri» '
        """
        ra, rb = self.read(a), self.read(b)
        return None if ra is None or rb is None else self._confusable_note(ra, rb)


def concept(noun: str | None, lang: str = "it") -> str | None:
    """The concept key of ``noun`` in the shipped lexicon of ``lang``.

    >>> concept("soldati"), concept("truppe"), concept("droni")
    ('soldato', 'soldato', 'drone')
    """
    return Lexicon.load(lang).concept(noun)


@functools.cache
def _cached(lang: str) -> Lexicon:
    def build() -> Lexicon:
        path, data = _read(lang)
        return Lexicon(data, str(path))

    return remembered("lexicon", lang, build)
