"""The lexicon's tables, read and checked: what :class:`quantities.lang.lexicon.Lexicon` is built on.

A lexicon file (``quantities/lang/<code>.lexicon.toml``, extended by a desk's config) is read,
merged with the desk's additions, and checked table by table; every mistake names the file
that holds it and the key. The tables are indexed by the keys of their terms'
words (:mod:`quantities.lang.folding`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quantities.cache import compiled
from quantities.errors import LanguageDataError
from quantities.lang import schema, units
from quantities.lang.folding import Folding
from quantities.text.partition import Partition

HERE = Path(__file__).parent
WORD = compiled(r"[^\W\d_]{1,60}")
TOP_KEYS = frozenset({"code", "stemmer", "head", "format", "fold", "phrase", "stopwords", "concept", "confusable",
                      "time", "difference", "names", "distance", "complement", "capacity",
                      "zone", "added", "role", "rate"})
CONCEPT_KEYS = frozenset({"terms", "broader", "id", "status", "generic", "share", "measure", "units", "runs", "span",
                          "dimension", "dwell", "exact", "loose", "scheme", "ratio"})
#: How a status's count moves over time (a concept's ``runs``): only up (the dead are never
#: fewer), or not at all (a crowd is counted once: later figures dispute it).
RUNS = frozenset({"cumulative", "once"})
TIME_KEYS = frozenset({"rising", "falling", "superseded", "current", "previous", "provisional", "tentative",
                       "unfolding", "lengthened", "shortened", "clause_verbs", "yesterday", "yesterday_told",
                       "finished"})
DIFFERENCE_KEYS = frozenset({"before", "after"})
DISTANCE_KEYS = frozenset({"origin"})
COMPLEMENT_KEYS = frozenset({"narrows"})
CAPACITY_KEYS = frozenset({"before", "after"})
ZONE_KEYS = frozenset({"area", "named"})
ADDED_KEYS = frozenset({"before", "after", "partitive"})
#: The units of measure a price may be per ("4.500 euro al chilo": reconciliation/prices.py), each a ``[rate]`` key.
RATE_UNITS = ("kilogram", "hectogram", "gram", "quintal", "litre", "square_metre", "megawatt_hour", "kilowatt_hour",
              "tonne", "barrel", "pound", "gallon")
RATE_KEYS = frozenset({"per", "bases", "hour", "day", "week", "month", "year", "spanless", *RATE_UNITS})
#: A superlative role among a set of people ("il più giovane", "the oldest"): it names one person.
ROLE_KEYS = frozenset({"youngest", "oldest", "articles", "links", "owners", "kin"})
CONFUSABLE_KEYS = frozenset({"terms", "note"})
_AMBIGUOUS = ""


class Tables:
    """The checked tables of one language's lexicon, indexed by folded keys."""

    def __init__(self, data: Mapping[str, Any], file: str, origin: Mapping[str, str] | None = None) -> None:
        self.file = file
        self._origin = dict(origin or {})
        unknown = set(data) - TOP_KEYS
        if unknown:
            raise self._error(sorted(unknown)[0], "unknown key")
        self.lang = self._string(data, "code", "it")
        self._fold = Folding(data.get("fold", {}), self._string(data, "stemmer", "italian"), self._error)
        self._head_first = self._string(data, "head", "first") != "last"
        self.number_format = self._format(data.get("format", {}))
        self.stopwords = frozenset(w.casefold() for w in self._words(data, "stopwords", "words"))
        self.not_names = frozenset(w.casefold() for w in self._words(data, "names", "not_names"))
        self._conjunctions = frozenset(w.casefold() for w in self._words(data, "phrase", "conjunctions"))
        self._negations = frozenset(w.casefold() for w in self._words(data, "phrase", "negations"))
        self._exact: dict[tuple[str, ...], str] = {}
        self._stemmed: dict[tuple[str, ...], str] = {}
        self._surfaces: dict[tuple[str, ...], list[tuple[str, ...]]] = {}   # stems -> the terms as written
        self._broader: dict[str, str] = {}
        self._ids: dict[str, str] = {}
        self._status: dict[str, str] = {}
        self._generic: set[str] = set()
        self._share: dict[str, str] = {}   # concept -> the concept a percentage of it measures
        self._measures: set[str] = set()
        self._runs: dict[str, str] = {}    # status -> how its count moves ("cumulative", "once")
        self._spans: set[str] = set()      # concepts that are spans of time ("anni", "mesi")
        self._dwell: set[str] = set()      # concepts that count a place's own people ("abitanti")
        self._ratio: set[str] = set()      # the base of a ratio ("4,3% del Pil"): it measures no figure
        self._loose: set[str] = set()      # narrower words news write for their broader class ("bambini")
        self._scheme: set[str] = set()     # classes one body counts by its own definition ("incendi urbani")
        self._once: set[str] = set()       # ids of things measured once (a quake's magnitude)
        self._unit_default: dict[str, str] = {}
        self._units_of: dict[str, set[str]] = {}   # id -> the units its measures are in, when it names them
        self._dimension_of: dict[str, str] = {}    # id -> the dimension of its units, when it names one
        self._build_concepts(data.get("concept", {}))
        self.cues = self._cues(data.get("time", {}), "time", TIME_KEYS)
        self.cues |= {f"difference_{k}": v
                      for k, v in self._cues(data.get("difference", {}), "difference", DIFFERENCE_KEYS).items()}
        self.cues |= {f"distance_{k}": v
                      for k, v in self._cues(data.get("distance", {}), "distance", DISTANCE_KEYS).items()}
        self.cues |= {f"complement_{k}": v
                      for k, v in self._cues(data.get("complement", {}), "complement", COMPLEMENT_KEYS).items()}
        self.cues |= {f"capacity_{k}": v
                      for k, v in self._cues(data.get("capacity", {}), "capacity", CAPACITY_KEYS).items()}
        self.cues |= {f"zone_{k}": v for k, v in self._cues(data.get("zone", {}), "zone", ZONE_KEYS).items()}
        self.cues |= {f"added_{k}": v for k, v in self._cues(data.get("added", {}), "added", ADDED_KEYS).items()}
        self.cues |= {f"rate_{k}": v for k, v in self._cues(data.get("rate", {}), "rate", RATE_KEYS).items()}
        self.cues |= {f"role_{k}": v for k, v in self._cues(data.get("role", {}), "role", ROLE_KEYS).items()}
        self._roots = self._union_roots()
        self._notes: dict[frozenset[str], str] = {}
        self._build_confusables(data.get("confusable", []))

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

    def _format(self, node: Any) -> tuple[str, str]:
        """(thousands mark, decimal mark) for numbers in messages."""
        if not isinstance(node, Mapping) or set(node) - {"thousands", "decimal"}:
            raise self._error("format", "expected a table with 'thousands' and 'decimal'")
        marks = (node.get("thousands", ","), node.get("decimal", "."))
        if not all(isinstance(m, str) for m in marks):
            raise self._error("format", "marks must be strings")
        return marks

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
            exact = self._flag(entry, key, "exact")   # matched as written: its stem is a common verb's
            for i, term in enumerate((name, *terms)):
                # the concept's name is its first term: an error in it names the concept, not its terms
                where, what = (key, f"the concept's name {term!r}") if i == 0 else (f"{key}.terms", f"term {term!r}")
                words = self._words_of(term)
                if not words:
                    raise self._error(where, f"{what} has no content word")
                owner = self._exact.setdefault(words, name)
                if owner != name:
                    raise self._error(where, f"{what} already belongs to concept {owner!r}")
                if not exact:
                    keys = tuple(self.key(w) for w in words)
                    stems.setdefault(keys, set()).add(name)
                    self._surfaces.setdefault(keys, []).append(words)
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
        """A concept's interlingual ``id``, the ``status`` it names, whether it is ``generic``,
        the ``share`` (the id of what a percentage of it measures: a percentage of the voters
        is the turnout), whether it names what a ``measure`` or a sum measures (depth, rain,
        grants), and the ``units`` whose measures, when nothing else is named, measure it."""
        for mark in ("id", "status", "share", "dimension"):
            value = entry.get(mark)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise self._error(f"{key}.{mark}", "expected a non-empty string")
        self._ids[name] = entry.get("id", name)
        if "status" in entry:
            self._status[name] = entry["status"]
        if "share" in entry:
            self._share[name] = entry["share"]
        if "dimension" in entry:   # a physical measure ("[length]"): measured in its units only
            if entry["dimension"] not in set(units.known().values()):
                raise self._error(f"{key}.dimension", f"unknown dimension {entry['dimension']!r}: expected one "
                                  "of units.dimensions.toml's, such as '[length]' or '[length] / [time]'")
            self._dimension_of[self._ids[name]] = entry["dimension"]
        if self._flag(entry, key, "generic"):
            self._generic.add(name)
        measure = self._flag(entry, key, "measure")
        for unit in _strings(entry.get("units", []), lambda m: self._error(f"{key}.units", m)):
            self._unit_default[unit] = self._ids[name]
            self._units_of.setdefault(self._ids[name], set()).add(unit)
            measure = True
        if measure:
            self._measures.add(name)
        self._time_marks(name, entry, key)

    def _time_marks(self, name: str, entry: Mapping[str, Any], key: str) -> None:
        """``runs``: how the count of the status the concept names moves over time
        ("cumulative": the dead only grow; "once": a crowd is counted once); ``span``: the
        concept is a span of time ("34 anni"), keyed like an age by whose it is; ``dwell``: the
        concept counts the people who live in a place (its population), no event's count."""
        runs = entry.get("runs")
        if runs == "once" and "status" not in entry:   # a thing measured once: a quake's magnitude
            self._once.add(self._ids[name])
        elif runs is not None:
            if runs not in RUNS or "status" not in entry:
                raise self._error(f"{key}.runs",
                                  f"expected one of {', '.join(sorted(RUNS))}, on a concept with a status")
            self._runs[entry["status"]] = runs
        if self._flag(entry, key, "span"):
            self._spans.add(name)
        if self._flag(entry, key, "dwell"):
            self._dwell.add(name)
        if self._flag(entry, key, "ratio"):
            self._ratio.add(name)
        for flag, kept, needs in (
                ("loose", self._loose, "a loose word needs the broader concept it is written for"),
                ("scheme", self._scheme, "a scheme's class needs the broader concept it is a class of")):
            if self._flag(entry, key, flag):
                if "broader" not in entry:
                    raise self._error(f"{key}.{flag}", needs)
                kept.add(name)

    def ratio(self, concept: str | None) -> bool:
        """Whether a percentage of ``concept`` is a ratio to it that measures something else
        ("il deficit al 4,3% del Pil"): the figure is what its clause names, else none."""
        return concept in self._ratio

    def loose(self, concept: str | None) -> bool:
        """Whether news write ``concept``'s words for its broader class as well ("14 bambini"
        for the 14 minors among the dead): one number under both is one count in two words."""
        return concept in self._loose

    def scheme(self, concept: str | None) -> bool:
        """Whether ``concept`` is a class one body counts under its own definition (the
        firefighters' «incendi urbani e di interfaccia»): its count is no part of another
        source's count of the broader class, which may follow another definition.

        >>> from quantities.lang.lexicon import Lexicon
        >>> Lexicon.load("it").scheme("incendio urbano"), Lexicon.load("it").scheme("autovettura")
        (True, False)
        >>> Lexicon.load("it", {"concept": {"falò": {"terms": ["falò"], "scheme": True}}})
        Traceback (most recent call last):
        quantities.errors.LanguageDataError: <config>: concept.falò.scheme: a scheme...s class needs the broader ...
        """
        return concept in self._scheme

    def _flag(self, entry: Mapping[str, Any], key: str, mark: str) -> bool:
        """A concept's true/false mark (false when absent)."""
        value = entry.get(mark, False)
        if not isinstance(value, bool):
            raise self._error(f"{key}.{mark}", "expected true or false")
        return value

    def _cues(self, node: Any, table: str, keys: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Cue phrases of ``[table]``, folded to word tuples: ``[time]`` rising, falling,
        superseded, current, previous, provisional, tentative, unfolding; ``[difference]`` and
        ``[capacity]`` before, after;
        ``[zone]`` area, named; ``[added]`` before, after, partitive; ``[role]`` youngest, oldest,
        articles, links, owners, kin; ``[rate]`` per, bases, the spans hour, day, week, month, year and spanless."""
        if not isinstance(node, Mapping) or set(node) - keys:
            raise self._error(table, f"expected a table with {', '.join(sorted(keys))}")
        out = {}
        for name in sorted(keys):
            phrases = _strings(node.get(name, []), lambda m, n=name: self._error(f"{table}.{n}", m))
            out[name] = tuple(tuple(w.casefold() for w in WORD.findall(p)) for p in phrases if WORD.findall(p))
        return out

    def _union_roots(self) -> Partition[str]:
        roots = Partition(self._exact.values())
        for name, broader in self._broader.items():
            roots.union(name, broader)
        return roots

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
                        self._roots.union(self._anchor(a), self._anchor(b))

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

        >>> from quantities.lang.lexicon import Lexicon
        >>> lex = Lexicon.load("it")
        >>> lex.key("operai") == lex.key("operaio"), lex.key("genieri") == lex.key("geniere")
        (True, True)
        """
        return self._fold.key(word)
    def stem_hit(self, words: tuple[str, ...], keys: tuple[str, ...]) -> str | None:
        """The concept of the term whose stems ``keys`` are, when ``words`` inflect it ("morta",
        "morti"), not a derived word whose stem meets it ("sindaco", "sindacati"): :mod:`folding`."""
        concept = self._stemmed.get(keys)
        if concept is None or not any(all(self._fold.inflects(w, t) for w, t in zip(words, term))
                                      for term in self._surfaces[keys]):
            return None
        return concept

    def measured_in(self, shared: str, unit: str | None) -> bool:
        """Whether a measure in ``unit`` can be of the concept ``shared``: a concept that
        names its units is measured in those only (a quake in magnitudes, so "the quake hit
        72 km from Marrakesh" is a distance, not the quake's measure); a concept of a ``dimension``
        is measured in its units only (a height in lengths: "ha raggiunto quota +11,9%" is none).

        >>> from quantities.lang.lexicon import Lexicon
        >>> en = Lexicon.load("en")
        >>> en.measured_in("earthquake", "magnitude"), en.measured_in("earthquake", "kilometer")
        (True, False)
        >>> en.measured_in("depth", "kilometer"), en.measured_in("height", "percent"), en.measured_in("height", None)
        (True, False, False)
        """
        dimension = self._dimension_of.get(shared)
        if dimension is not None:
            return units.dimension(unit) == dimension
        named = self._units_of.get(shared)
        return not named or unit is None or unit in named

    def _words_of(self, phrase: str) -> tuple[str, ...]:
        words = [w.casefold() for w in WORD.findall(phrase)]
        return tuple(w for w in words if w not in self.stopwords)


def _strings(value: Any, error: Any) -> list[str]:
    return list(schema.words(value, "", lambda _key, message: error(message)))


def _read(lang: str) -> tuple[Path, dict[str, Any]]:
    import tomllib  # here: a warm run reads its packs from the cache, never TOML

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
