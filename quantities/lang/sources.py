"""Source aliases: how articles name a source, and which sources belong together.

The table is data (``quantities/lang/sources.aliases.toml``), extended by a newsroom's config.

>>> s = Sources.default()
>>> s.canonical("l'agenzia ufficiale Kcna")
'KCNA'
>>> s.canonical("le valutazioni della Corea del Sud")
'South Korea'
>>> s.class_of("KCNA"), s.class_of("TASS")
('North Korea', 'Russia')
>>> s.canonical("un passante") is None
True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import regex

from quantities.cache import remembered
from quantities.errors import LanguageDataError
from quantities.lang import schema
from quantities.text.fold import fold, squeeze
from quantities.text.phrases import alternation

DATA = Path(__file__).parent / "sources.aliases.toml"
#: How many phrases a table remembers the canonical name of (then it starts afresh).
_SEEN_MAX = 4096
_UNSEEN = object()


def is_acronym(alias: str) -> bool:
    """Short all-capital aliases (NIS, AP, UN, WHO) match only as written."""
    return alias.isupper() and len(alias) <= 5


def _whole_words(aliases: list[str]) -> regex.Pattern[str] | None:
    """The aliases as whole words, longest first (:func:`quantities.text.phrases.alternation`);
    None without aliases. The aliases are normalised as the text they run on is (blanks
    squeezed, apostrophes straight), so what matches is the alias itself."""
    body = alternation(aliases, empty="")
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)") if body else None


class Sources:
    """Canonical names, their aliases and their classes."""

    def __init__(self, table: Mapping[str, Mapping[str, Any]], file: str = "<sources>") -> None:
        self._alias: dict[str, str] = {}   # folded alias -> canonical
        self._acronym: dict[str, str] = {}  # acronym as written -> canonical
        self._class: dict[str, str] = {}
        for name, entry in table.items():
            key = f"source.{name}" if name.strip() else f'source."{name}"'
            if not name.strip():
                raise LanguageDataError("a source's name cannot be empty or blank", file=file, key=key)
            if not isinstance(entry, Mapping):
                raise LanguageDataError("expected a table", file=file, key=key)
            unknown = set(entry) - {"class", "aliases"}
            if unknown:
                raise LanguageDataError(f"unknown key {sorted(unknown)[0]!r}", file=file, key=key)
            aliases = entry.get("aliases", [])
            if not schema.is_words(aliases):
                raise LanguageDataError("aliases must be a list of non-empty strings", file=file, key=key)
            klass = entry.get("class", name)
            if not isinstance(klass, str) or not klass.strip():
                raise LanguageDataError("class must be a non-empty string", file=file, key=key)
            self._class[name] = klass
            for alias in (name, *aliases):
                if is_acronym(alias):
                    self._acronym[squeeze(alias)] = name
                else:
                    self._alias[fold(alias)] = name
        self._folded_re = _whole_words(list(self._alias))
        self._acronym_re = _whole_words(list(self._acronym))
        self._seen: dict[str, str | None] = {}  # canonical() of phrases met: news repeats its sources

    @classmethod
    @functools.cache
    def default(cls) -> Sources:
        """The table that ships with the package (kept across runs: :mod:`quantities.cache`)."""
        return remembered("sources", "default", lambda: cls.from_file(DATA))

    @classmethod
    def from_file(cls, path: Path, extra: Mapping[str, Mapping[str, Any]] | None = None) -> Sources:
        import tomllib  # here: a warm run reads its packs from the cache, never TOML

        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise LanguageDataError(f"cannot read source table: {e}", file=str(path)) from None
        table = dict(data.get("source", {}))
        table.update(extra or {})
        return cls(table, file=str(path))

    def extended(self, extra: Mapping[str, Mapping[str, Any]], file: str = "<config>") -> Sources:
        """A copy with ``extra`` entries (same shape as the data file) added or replaced."""
        table: dict[str, dict[str, Any]] = {}
        for alias, name in (*self._alias.items(), *self._acronym.items()):
            table.setdefault(name, {"class": self._class[name], "aliases": []})["aliases"].append(alias)
        table.update({k: dict(v) for k, v in extra.items()})
        return Sources(table, file=file)

    def canonical(self, phrase: str) -> str | None:
        """The canonical name of the longest alias found in ``phrase``, or None."""
        name = self._seen.get(phrase, _UNSEEN)  # one lookup: another thread may clear it
        if name is _UNSEEN:
            if len(self._seen) >= _SEEN_MAX:
                self._seen.clear()
            name = self._seen[phrase] = self._find(phrase)
        return name  # type: ignore[return-value]  # a str or None once _UNSEEN is ruled out

    def _find(self, phrase: str) -> str | None:
        found: list[tuple[int, str]] = []
        if self._folded_re is not None:
            found += [(len(m), self._alias[m]) for m in self._folded_re.findall(fold(phrase), overlapped=True)]
        if self._acronym_re is not None:
            found += [(len(m), self._acronym[m]) for m in self._acronym_re.findall(squeeze(phrase), overlapped=True)]
        return max(found, default=(0, None))[1]

    def class_of(self, canonical: str | None) -> str | None:
        return self._class.get(canonical) if canonical else None

    def names(self) -> tuple[str, ...]:
        return tuple(self._class)
