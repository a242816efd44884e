"""Place names across languages: the one name of a place however an article writes it.

The table is data (``quantities/lang/places.aliases.toml``): «Genova» and «Genoa» are one
name, and so are «Marocco», «Morocco» and «Moroccan». A broad place (a country, a wider
area) names too many events to tell one by itself.

>>> p = Places.default()
>>> p.name("genova"), p.name("marrakech"), p.name("moroccan"), p.name("brandizzo")
('genoa', 'marrakesh', 'morocco', 'brandizzo')
>>> p.broad("morocco"), p.broad("marrakesh")
(True, False)
>>> derived("palermitano", "palermo"), derived("senigalliese", "senigallia"), derived("sicilian", "sicily")
(True, True, True)
>>> derived("palermo", "palermo"), derived("romano", "roma"), derived("milanofiori", "milano")
(False, False, False)
>>> text = "Truppe della Corea del Nord in Russia"
>>> [(text[a:b], name) for a, b, name in p.phrases(text)]
[('Corea del Nord', 'north korea')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import regex

from quantities.errors import LanguageDataError
from quantities.lang import schema
from quantities.text.fold import fold
from quantities.text.phrases import alternation

DATA = Path(__file__).parent / "places.aliases.toml"
KEYS = frozenset({"aliases", "broad", "surname"})
#: A name derived from a place's ("il Palermitano" of Palermo, "il Senigalliese" of
#: Senigallia, "Sicilian" of Sicily) is the place's name less its last vowel, of at least
#: STEM letters, and an ending of ENDING letters; longer endings make another name
#: ("Milanofiori", a part of Milano), shorter stems too many ("Romano" is a surname).
STEM = 4
ENDING = range(2, 6)
VOWELS = "aeiouy"


class Places:
    """Folded aliases → the place's one name (its canonical name, folded)."""

    def __init__(self, table: Mapping[str, Any], file: str = "<places>") -> None:
        self._name: dict[str, str] = {}
        self._broad: set[str] = set()
        self._surnames: set[str] = set()   # places that are also common surnames ("Messina", "Savona")
        phrases: list[str] = []
        for canonical, entry in table.items():
            key = f"place.{canonical}"
            if not isinstance(entry, Mapping) or set(entry) - KEYS:
                raise LanguageDataError(f"expected a table with {sorted(KEYS)} only", file=file, key=key)
            aliases = schema.words(entry.get("aliases", []), f"{key}.aliases",
                                   lambda k, m: LanguageDataError(m, file=file, key=k))
            if not isinstance(entry.get("broad", False), bool):
                raise LanguageDataError("broad must be true or false", file=file, key=f"{key}.broad")
            name = fold(canonical)
            if entry.get("broad", False):
                self._broad.add(name)
            if not isinstance(entry.get("surname", False), bool):
                raise LanguageDataError("surname must be true or false", file=file, key=f"{key}.surname")
            if entry.get("surname", False):
                self._surnames.add(name)
            for alias in (canonical, *aliases):
                self._name[fold(alias)] = name
                if " " in alias.strip():
                    phrases.append(alias)
        body = alternation(phrases, empty="")
        self._phrases = regex.compile(rf"(?<!\w)(?:{body})(?!\w)", regex.IGNORECASE) if body else None

    @classmethod
    @functools.cache
    def default(cls) -> Places:
        """The table that ships with the package."""
        import tomllib  # here: a warm run reads its packs from the cache, never TOML

        try:
            with open(DATA, "rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise LanguageDataError(f"cannot read the place table: {e}", file=str(DATA)) from None
        return cls(schema.table(data.get("place", {}), "place",
                                lambda k, m: LanguageDataError(m, file=str(DATA), key=k)), file=str(DATA))

    def name(self, words: str) -> str:
        """The one name of a place written ``words`` (folded), else ``words`` folded."""
        folded = fold(words)
        return self._name.get(folded, folded)

    def known(self, words: str) -> bool:
        return fold(words) in self._name

    def only_place(self, words: str) -> bool:
        """Whether ``words`` name a known place that is no common surname: "Per Roma, …" is for
        Rome; "Per Messina, …", "Messina: «…»" may be Carlo Messina speaking (review50)."""
        return (name := self._name.get(fold(words))) is not None and name not in self._surnames

    def broad(self, name: str) -> bool:
        """Whether ``name`` (as :meth:`name` gives it) is a country or a wider area."""
        return name in self._broad

    def phrases(self, text: str) -> Iterator[tuple[int, int, str]]:
        """The places of several words in ``text`` that begin with a capital ("Corea del
        Nord", "Stati Uniti"): start, end and the one name."""
        if self._phrases is None:
            return
        for m in self._phrases.finditer(text):
            if m.group()[:1].isupper():
                yield m.start(), m.end(), self.name(m.group())


def derived(word: str, name: str) -> bool:
    """Whether ``word`` (folded) is a name derived from the place ``name`` (folded): the
    area or the people of it ("palermitano" of "palermo", "anconetano" of "ancona")."""
    stem = name[:-1] if name[-1:] in VOWELS else name
    return len(stem) >= STEM and word.startswith(stem) and len(word) - len(stem) in ENDING \
        and word[len(stem):].isalpha()
