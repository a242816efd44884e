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
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import snowballstemmer

from quantities.errors import LanguageDataError

HERE = Path(__file__).parent
WORD = regex.compile(r"[^\W\d_]{1,60}")
MAX_WORDS = 12
TOP_KEYS = frozenset({"code", "stemmer", "head", "format", "fold", "phrase", "stopwords", "concept", "confusable",
                      "time"})
CONCEPT_KEYS = frozenset({"terms", "broader", "id", "status", "generic"})
TIME_KEYS = frozenset({"rising", "falling", "superseded"})
CONFUSABLE_KEYS = frozenset({"terms", "note"})
_AMBIGUOUS = ""


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


class Lexicon:
    """Concepts, their terms, broader links and confusable pairs of one language."""

    def __init__(self, data: Mapping[str, Any], file: str, origin: Mapping[str, str] | None = None) -> None:
        self.file = file
        self._origin = dict(origin or {})
        unknown = set(data) - TOP_KEYS
        if unknown:
            raise self._error(sorted(unknown)[0], "unknown key")
        self.lang = self._string(data, "code", "it")
        self._stemmer = self._make_stemmer(self._string(data, "stemmer", "italian"))
        self._head_first = self._string(data, "head", "first") != "last"
        self._endings = self._fold_table(data.get("fold", {}))
        self.number_format = self._format(data.get("format", {}))
        self.stopwords = frozenset(w.casefold() for w in self._words(data, "stopwords", "words"))
        self._conjunctions = frozenset(w.casefold() for w in self._words(data, "phrase", "conjunctions"))
        self._keys: dict[str, str] = {}
        self._readings: dict[str, Reading | None] = {}
        self._exact: dict[tuple[str, ...], str] = {}
        self._stemmed: dict[tuple[str, ...], str] = {}
        self._broader: dict[str, str] = {}
        self._ids: dict[str, str] = {}
        self._status: dict[str, str] = {}
        self._generic: set[str] = set()
        self._build_concepts(data.get("concept", {}))
        self.cues = self._time_cues(data.get("time", {}))
        self._cue_starts: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        self._roots = self._union_roots()
        self._notes: dict[frozenset[str], str] = {}
        self._build_confusables(data.get("confusable", []))

    # ------------------------------------------------------------------ loading

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
        path, data = _read(lang)
        merged, owners = _merge(data, extra, str(path), origin)
        return cls(merged, str(path), owners)

    def _error(self, key: str, message: str) -> LanguageDataError:
        parts = key.split(".")
        owner = self._origin.get(".".join(parts[:2]), self._origin.get(parts[0], self.file))
        return LanguageDataError(message, file=owner, key=key)

    def _string(self, data: Mapping[str, Any], key: str, default: str) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self._error(key, "expected a non-empty string")
        return value

    def _words(self, data: Mapping[str, Any], table: str, key: str) -> list[str]:
        node = data.get(table, {})
        if not isinstance(node, Mapping):
            raise self._error(table, "expected a table")
        return _strings(node.get(key, []), lambda m: self._error(f"{table}.{key}", m))

    def _make_stemmer(self, name: str) -> Any:
        if name not in snowballstemmer.algorithms():
            raise self._error("stemmer", f"unknown Snowball stemmer {name!r}")
        return snowballstemmer.stemmer(name)

    def _format(self, node: Any) -> tuple[str, str]:
        """(thousands mark, decimal mark) for numbers in messages."""
        if not isinstance(node, Mapping) or set(node) - {"thousands", "decimal"}:
            raise self._error("format", "expected a table with 'thousands' and 'decimal'")
        marks = (node.get("thousands", ","), node.get("decimal", "."))
        if not all(isinstance(m, str) for m in marks):
            raise self._error("format", "marks must be strings")
        return marks

    def _fold_table(self, node: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(node, Mapping) or set(node) - {"endings"}:
            raise self._error("fold", "expected a table with 'endings' only")
        rows = node.get("endings", [])
        ok = isinstance(rows, list) and all(
            isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) and x for x in r) for r in rows
        )
        if not ok:
            raise self._error("fold.endings", "expected a list of [ending, replacement] pairs")
        return tuple((a.casefold(), b.casefold()) for a, b in rows)

    def _build_concepts(self, table: Any) -> None:
        if not isinstance(table, Mapping):
            raise self._error("concept", "expected a table of concepts")
        stems: dict[tuple[str, ...], set[str]] = {}
        for name, entry in table.items():
            key = f"concept.{name}"
            if not isinstance(entry, Mapping):
                raise self._error(key, "expected a table")
            if set(entry) - CONCEPT_KEYS:
                raise self._error(f"{key}.{sorted(set(entry) - CONCEPT_KEYS)[0]}", "unknown key")
            terms = _strings(entry.get("terms", []), lambda m, k=key: self._error(f"{k}.terms", m))
            for term in (name, *terms):
                words = self._words_of(term)
                if not words:
                    raise self._error(f"{key}.terms", f"term {term!r} has no content word")
                owner = self._exact.setdefault(words, name)
                if owner != name:
                    raise self._error(f"{key}.terms", f"term {term!r} already belongs to concept {owner!r}")
                stems.setdefault(tuple(self.key(w) for w in words), set()).add(name)
            self._concept_marks(name, entry, key)
            broader = entry.get("broader")
            if broader is not None:
                if not isinstance(broader, str) or broader not in table:
                    raise self._error(f"{key}.broader", f"unknown concept {broader!r}")
                self._broader[name] = broader
        self._stemmed = {k: (next(iter(v)) if len(v) == 1 else _AMBIGUOUS) for k, v in stems.items()}
        for name in self._broader:
            seen = {name}
            node = name
            while node in self._broader:
                node = self._broader[node]
                if node in seen:
                    raise self._error(f"concept.{name}.broader", "broader links form a cycle")
                seen.add(node)

    def _concept_marks(self, name: str, entry: Mapping[str, Any], key: str) -> None:
        """A concept's interlingual ``id``, the ``status`` it names and whether it is ``generic``."""
        for mark in ("id", "status"):
            value = entry.get(mark)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise self._error(f"{key}.{mark}", "expected a non-empty string")
        self._ids[name] = entry.get("id", name)
        if "status" in entry:
            self._status[name] = entry["status"]
        generic = entry.get("generic", False)
        if not isinstance(generic, bool):
            raise self._error(f"{key}.generic", "expected true or false")
        if generic:
            self._generic.add(name)

    def _time_cues(self, node: Any) -> dict[str, tuple[tuple[str, ...], ...]]:
        """``[time]`` cue phrases, folded to word tuples: rising, falling, superseded."""
        if not isinstance(node, Mapping) or set(node) - TIME_KEYS:
            raise self._error("time", f"expected a table with {', '.join(sorted(TIME_KEYS))}")
        out = {}
        for name in sorted(TIME_KEYS):
            phrases = _strings(node.get(name, []), lambda m, n=name: self._error(f"time.{n}", m))
            out[name] = tuple(tuple(w.casefold() for w in WORD.findall(p)) for p in phrases if WORD.findall(p))
        return out

    def cue(self, name: str, text: str | list[str]) -> bool:
        """Whether ``text`` (or its casefolded words) holds one of the ``[time]`` cue phrases ``name``.

        >>> Lexicon.load("it").cue("rising", "Il bilancio è salito a 40 morti")
        True
        """
        starts = self._cue_starts.get(name)
        if starts is None:
            starts = self._cue_starts[name] = {}
            for phrase in self.cues.get(name, ()):
                starts.setdefault(phrase[0], []).append(phrase)
        words = [w.casefold() for w in WORD.findall(text)] if isinstance(text, str) else text
        for i, w in enumerate(words):
            for phrase in starts.get(w, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    return True
        return False

    def confusable_ids(self) -> dict[frozenset[str], str]:
        """The confusable pairs of whole concepts, by interlingual id, with their notes:
        shared by every pack in a run, so that English «engineers» and Italian «genieri» meet."""
        out = {}
        for pair, note in self._notes.items():
            a, b = sorted(pair)
            if a.startswith("c:") and b.startswith("c:"):
                out[frozenset((self._ids.get(a[2:], a[2:]), self._ids.get(b[2:], b[2:])))] = note
        return out

    def _union_roots(self) -> dict[str, str]:
        parent: dict[str, str] = {}
        for name in self._exact.values():
            parent[name] = name
        for name, broader in self._broader.items():
            parent[self._find(parent, name)] = self._find(parent, broader)
        return parent

    @staticmethod
    def _find(parent: dict[str, str], x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent.get(x, root)
        return root

    def _build_confusables(self, rows: Any) -> None:
        if not isinstance(rows, list):
            raise self._error("confusable", "expected an array of tables")
        for i, row in enumerate(rows):
            key = f"confusable.{i}"
            if not isinstance(row, Mapping) or set(row) - CONFUSABLE_KEYS:
                raise self._error(key, "expected a table with 'terms' and 'note'")
            terms = _strings(row.get("terms", []), lambda m, k=key: self._error(f"{k}.terms", m))
            note = row.get("note", "")
            if len(terms) < 2 or not isinstance(note, str):
                raise self._error(key, "needs at least two terms and a string note")
            ids = [self._identity(t) for t in terms]
            for a in ids:
                for b in ids:
                    if a != b:
                        self._notes[frozenset((a, b))] = note
                        self._roots[self._find(self._roots, self._anchor(a))] = self._find(self._roots, self._anchor(b))

    def _identity(self, term: str) -> str:
        """A confusable term naming a concept stands for the concept, any other for itself."""
        words = self._words_of(term)
        if self._exact.get(words) == term:
            return "c:" + term
        return "t:" + " ".join(self.key(w) for w in words)

    def _anchor(self, ident: str) -> str:
        """The union-find node of a confusable identity: its concept, else its stem key."""
        if ident.startswith("c:"):
            return ident[2:]
        return self._stemmed.get(tuple(ident[2:].split())) or ident[2:]

    # ------------------------------------------------------------------ folding

    def key(self, word: str) -> str:
        """The folded key of one word (casefold, ending table, Snowball stem).

        >>> lex = Lexicon.load("it")
        >>> lex.key("operai") == lex.key("operaio"), lex.key("genieri") == lex.key("geniere")
        (True, True)
        """
        found = self._keys.get(word)
        if found is None:
            w = word.casefold()
            for ending, replacement in self._endings:
                if w.endswith(ending) and len(w) >= len(ending) + 1:
                    w = w[: -len(ending)] + replacement
                    break
            found = self._keys[word] = self._stemmer.stemWord(w)
        return found

    def content(self, text: str) -> list[str]:
        """The folded keys of the content words of ``text`` (stop words dropped).

        >>> Lexicon.load("it").content("La Corea del Nord ha inviato truppe")
        ['core', 'nord', 'invi', 'trupp']
        """
        stop = self.stopwords
        return [self.key(w) for w in WORD.findall(text) if w.casefold() not in stop]

    def _words_of(self, phrase: str) -> tuple[str, ...]:
        words = [w.casefold() for w in WORD.findall(phrase)]
        return tuple(w for w in words if w not in self.stopwords)

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
        core_keys = tuple(self.key(w) for w in core)
        hit = self._match(content)
        if hit is not None:
            concept, term = hit
            return Reading(concept, core_keys, term, self._find(self._roots, concept), True,
                           self._ids.get(concept, concept), self._status.get(concept), concept in self._generic)
        head = core[0] if self._head_first else core[-1]
        head_hit = self._match([head])
        family = self._find(self._roots, head_hit[0] if head_hit else self.key(head))
        return Reading(" ".join(core_keys), core_keys, core_keys, family, False,
                       f"{self.lang}:{' '.join(core_keys)}")

    def _match(self, content: list[str]) -> tuple[str, tuple[str, ...]] | None:
        for n in range(len(content), 0, -1):
            words = tuple(content[:n] if self._head_first else content[-n:])
            keys = tuple(self.key(w) for w in words)
            concept = self._exact.get(words) or self._stemmed.get(keys)
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
        if ra is None or rb is None:
            return None
        return self._confusable_note(ra, rb)


def concept(noun: str | None, lang: str = "it") -> str | None:
    """The concept key of ``noun`` in the shipped lexicon of ``lang``.

    >>> concept("soldati"), concept("truppe"), concept("droni")
    ('soldato', 'soldato', 'drone')
    """
    return Lexicon.load(lang).concept(noun)


def _strings(value: Any, error: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise error("expected a list of non-empty strings")
    return value


def _read(lang: str) -> tuple[Path, dict[str, Any]]:
    path = HERE / f"{lang}.lexicon.toml"
    if not lang.isalpha() or not path.is_file():
        raise LanguageDataError(f"no lexicon for language {lang!r}", file=str(path))
    try:
        with path.open("rb") as f:
            return path, tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise LanguageDataError(f"not valid TOML: {e}", file=str(path)) from None


def _merge(
    data: Mapping[str, Any], extra: Mapping[str, Any], file: str, origin: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """Concepts added or replaced, confusables and word lists appended, other keys replaced."""
    out = dict(data)
    owners: dict[str, str] = {}
    for key, value in extra.items():
        if key == "concept" and isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = {**out[key], **value}
            owners.update({f"concept.{name}": origin for name in value})
        elif key == "confusable" and isinstance(value, list) and isinstance(out.get(key), list):
            owners.update({f"confusable.{i}": origin for i in range(len(out[key]), len(out[key]) + len(value))})
            out[key] = [*out[key], *value]
        elif key in ("stopwords", "phrase") and isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = {**out[key], **{k: [*out[key].get(k, []), *v] if isinstance(v, list) else v
                                       for k, v in value.items()}}
            owners[key] = origin
        else:
            out[key] = value
            owners[key] = origin
    return out, owners


@functools.cache
def _cached(lang: str) -> Lexicon:
    path, data = _read(lang)
    return Lexicon(data, str(path))
