"""A desk's ``[numbers]`` overrides: merged over the language pack and checked at once (the
shape of the shipped tables, the numerals grammar compiled, the readings of added words),
so that a mistake in them is one line naming the config file, the key and its line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quantities.errors import ConfigError, QuantitiesError
from quantities.run.configfile import located
from quantities.run.readings import check_readings


def numbers_pack(code: str, numbers: Mapping[str, Any], file: str) -> Any:
    """The language pack of ``code`` with a desk's ``[numbers]`` overrides, its numerals
    grammar compiled. The shipped pack is valid on its own (the tests say so), so an error
    in the merged one comes from the overrides: it names the config file, the key and,
    where it can be found, the line.

    >>> numbers_pack("it", {"decimal": 1}, "quantities.toml")
    Traceback (most recent call last):
    ...
    quantities.errors.ConfigError: quantities.toml: numbers.decimal: expected a non-empty string (the [numbers] ...
    """
    from quantities.errors import LanguageDataError
    from quantities.extraction.numbers.grammar import grammar
    from quantities.lang import available, load

    shipped = load(code)
    _same_shape(_union(load(c).table("numbers") for c in available()), numbers, "numbers", file)
    pack = shipped.merged({"numbers": dict(numbers)})
    try:
        merged = grammar(pack)
    except LanguageDataError as e:
        raise _error_at(f"{e.message} (the [numbers] of this config, over the {code} pack)", file, e.key) from None
    check_readings(grammar(shipped), merged, pack, file, _error_at)
    return pack


#: The tables of ``[numbers]`` whose keys are words (or, for hedges, meanings' names): a desk
#: adds its own. Every other table holds settings, whose keys are the shipped ones.
WORD_TABLES = frozenset({
    "words", "multipliers", "fractions", "scales", "vague", "homographs", "hedges", "hedges.after",
    "hedge_meanings", "approximate.words", "ordinals.words", "shares.denominators", "multiples.words",
})


def _same_shape(shipped: Mapping[str, Any], override: Mapping[str, Any], key: str, file: str) -> None:
    """An override keeps the shipped packs' shape: a table stays a table and a list a list
    (else "[numbers] ranges = 5" would quietly turn ranges off), and only a table of words
    (:data:`WORD_TABLES`) takes new keys; an entry of such a table whose entries are tables
    (a homograph, a hedge meaning) takes the keys its shipped entries have."""
    words = key.removeprefix("numbers.") in WORD_TABLES
    for name, value in override.items():
        where = f"{key}.{name}"
        if words and shipped and all(isinstance(v, dict) for v in shipped.values()):
            base = {k: v for entry in shipped.values() for k, v in entry.items()}  # any entry's keys
        elif name in shipped:
            base = shipped[name]
        elif words:
            continue
        else:
            raise _error_at(f"unknown key (known: {', '.join(sorted(shipped))})", file, where)
        expected = "a table" if isinstance(base, dict) else "a list" if isinstance(base, list) else None
        if expected and not isinstance(value, dict if isinstance(base, dict) else list):
            raise _error_at(f"expected {expected}, as in the shipped pack, not {type(value).__name__}", file, where)
        if isinstance(base, dict):
            _same_shape(base, value, where, file)


def _union(tables: Any) -> dict[str, Any]:
    """The keys of every shipped pack's tables, deeply (a setting one language uses, another
    may set): a key's value is the first pack's."""
    out: dict[str, Any] = {}
    for table in tables:
        for key, value in table.items():
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = _union((out[key], value))
            else:
                out.setdefault(key, value)
    return out


def _error_at(message: str, file: str, key: str | None) -> QuantitiesError:
    """A ConfigError at ``key`` of the config file, with the line where it is set."""
    return located(ConfigError(message, file=file, key=key))
