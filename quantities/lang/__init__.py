"""Language packs: the words of a language, as data.

A pack is ``quantities/lang/<code>.toml``, read with :mod:`tomllib`, checked when it
loads and cached. The code that reads a pack (numbers, claims, sentences) holds the
grammar's machinery; the pack holds the words. A pack's tables belong to the module
that reads them (``[numbers…]`` to :mod:`quantities.extraction.numbers`, and so on).

Internal, but for the data files, which a newsroom reads and extends: the public surface is
``quantities`` and ``quantities.testing``.

>>> it = load("it")
>>> it.code
'it'
>>> "it" in available()
True
>>> load("xx")
Traceback (most recent call last):
...
quantities.errors.LanguageDataError: no language pack for 'xx' (available: en, it)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from quantities.cache import digest, remembered
from quantities.errors import LanguageDataError
from quantities.lang import schema
from quantities.text.fold import low
from quantities.text.tokens import tokens

HERE = Path(__file__).parent
_MISSING = object()


class Pack:
    """The parsed data of one language, with checked accessors that name file and key."""

    __slots__ = ("_digest", "code", "data", "path")

    def __init__(self, code: str, path: Path, data: dict[str, Any]) -> None:
        self.code = code
        self.path = path
        self.data = data
        self._digest: str | None = None

    def digest(self) -> str:
        """A digest of the pack's code, file and data: what is compiled from it is kept
        across runs under it (:mod:`quantities.cache`)."""
        if self._digest is None:
            self._digest = digest(f"{self.code}\0{self.path}\0{json.dumps(self.data, sort_keys=True, default=str)}")
        return self._digest

    def __repr__(self) -> str:
        return f"Pack({self.code!r})"

    def error(self, key: str, message: str) -> LanguageDataError:
        """An error naming this pack's file and ``key``."""
        return LanguageDataError(message, file=str(self.path), key=key)

    def merged(self, overrides: dict[str, Any]) -> Pack:
        """A new pack with ``overrides`` deep-merged over this one (a desk's config)."""
        return Pack(self.code, self.path, _merge(self.data, overrides))

    def get(self, key: str, default: Any = _MISSING) -> Any:
        """The value at a dotted ``key``; a missing key without default is an error."""
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                if default is _MISSING:
                    raise self.error(key, "missing")
                return default
            node = node[part]
        return node

    def table(self, key: str, default: Any = _MISSING) -> dict[str, Any]:
        return schema.table(self.get(key, {} if default is _MISSING else default), key, self.error)

    def words(self, key: str, default: Any = _MISSING) -> tuple[str, ...]:
        """A list of non-empty strings at ``key``."""
        return schema.words(self.get(key, () if default is _MISSING else default), key, self.error)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


@functools.cache
def available() -> tuple[str, ...]:
    """The codes of the packs that ship with the package (listed once: the reconciler asks for
    every claim)."""
    return tuple(sorted(p.stem for p in HERE.glob("*.toml") if "." not in p.stem))


@functools.cache
def load(code: str) -> Pack:
    """The pack for language ``code``, read once."""
    path = HERE / f"{code}.toml"
    if not code.isalpha() or not path.is_file():
        raise LanguageDataError(
            f"no language pack for {code!r} (available: {', '.join(available())})"
        )
    return remembered("pack", code, lambda: read(path, code))  # the shipped packs are part of the code


def read(path: Path, code: str | None = None) -> Pack:
    """Parse a pack file; a TOML syntax error names the file, line and column."""
    import tomllib  # here: a warm run reads its packs from the cache, never TOML

    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise LanguageDataError(f"not valid TOML: {e}", file=str(path)) from None
    except OSError as e:
        raise LanguageDataError(f"cannot read: {e.strerror}", file=str(path)) from None
    pack = Pack(code or path.stem, path, data)
    declared = data.get("code", pack.code)
    if declared != pack.code:
        raise pack.error("code", f"says {declared!r} but the file is for {pack.code!r}")
    return pack


# Helpers the steps use to compile what they need from a pack, once per distinct table.

T = TypeVar("T")


def resolve(lang: str | Pack) -> Pack:
    """The pack for ``lang`` (a code or a pack)."""
    return load(lang) if isinstance(lang, str) else lang


def per_pack(table: str) -> Callable[[Callable[[Pack], T]], Callable[[str | Pack], T]]:
    """Cache what ``build(pack)`` compiles, keyed by the content of the pack's ``table``.

    Packs merged with a desk's config are new objects each time; keying on content
    compiles once per distinct table, not once per call. Across runs, what it compiled is
    kept under the digest of the whole pack (:mod:`quantities.cache`).
    """

    def wrap(build: Callable[[Pack], T]) -> Callable[[str | Pack], T]:
        cache: dict[tuple[str, str], T] = {}
        kind = f"{build.__module__}.{build.__qualname__}"
        # the fast path: the last argument (a code or a pack), its pack and what it compiled
        last: list[tuple[str | Pack, Pack, T]] = []

        def get(lang: str | Pack) -> T:
            if last and last[0][0] is lang:  # a code names one pack for the process (load is cached)
                return last[0][2]
            pack = resolve(lang)
            if last and last[0][1] is pack:
                found = last[0][2]
            else:
                key = (pack.code, json.dumps(pack.get(table, None), sort_keys=True, default=str))
                if key not in cache:
                    cache[key] = remembered(kind, pack.digest(), lambda: build(pack))
                found = cache[key]
            last[:] = [(lang, pack, found)]
            return found

        get.__doc__ = build.__doc__
        # in front, in C: the steps ask for their tables several times a figure, with the
        # same code or pack each time (a Python call each cost ~2 % of extraction)
        return functools.lru_cache(maxsize=16)(get)

    return wrap


def kept(build: Callable[[Pack], T]) -> Callable[[Pack], T]:
    """``build(pack)``, kept across runs under the digest of the whole pack
    (:mod:`quantities.cache`); put ``functools.cache`` above it for the process."""
    kind = f"{build.__module__}.{build.__qualname__}"

    def get(pack: Pack) -> T:
        return remembered(kind, pack.digest(), lambda: build(pack))

    get.__doc__ = build.__doc__
    get.__wrapped__ = build  # type: ignore[attr-defined]  # as functools.wraps sets it
    return get


def word_set(pack: Pack, key: str) -> frozenset[str]:
    """The words at ``key``, folded (apostrophes straightened)."""
    return frozenset(map(low, pack.words(key)))


def phrases(pack: Pack, key: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases at ``key`` as token tuples, longest first."""
    out = {tuple(tokens(p).lows) for p in pack.words(key)}
    return tuple(sorted(out, key=len, reverse=True))


def positive_int(pack: Pack, key: str) -> int:
    return schema.positive_int(pack.get(key), key, pack.error)
