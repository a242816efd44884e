"""A desk's configuration: ``[tool.quantities]`` in ``pyproject.toml`` or ``quantities.toml``.

The nearest file found upward from the working directory is used; ``--config`` wins.
An unknown key is an error naming the file and key, never a silent no-op.

>>> cfg = Config.from_mapping({"lang": "it", "severity": {"hedge-drift": "off"}})
>>> cfg.lang, cfg.severity["hedge-drift"]
('it', 'off')
>>> Config.from_mapping({"langs": "it"}, file="quantities.toml")
Traceback (most recent call last):
...
quantities.errors.ConfigError: quantities.toml: langs: unknown key (known: exclude, fail_on, ignore, include, lang, lexicon, numbers, reconcile, severity, sources)
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from quantities.errors import ConfigError
from quantities.types import FAIL_LEVELS

SEVERITY_VALUES = ("error", "warning", "info", "off")
#: Every rule a finding can come from (the reconciler's, the reference check's, suppressions').
RULES = ("value-conflict", "hedge-drift", "wording-conflict", "attribution-conflict", "unsourced",
         "update", "reference-mismatch", "reference-wording", "reference-source", "unused-suppression")
CONFIG_NAMES = ("quantities.toml", "pyproject.toml")


@dataclass(frozen=True)
class Ignore:
    """A suppression kept in config: a rule (and optionally a claim text) in some files."""

    path: str
    rule: str
    reason: str
    text: str | None = None

    def matches(self, doc: str, rule: str, texts: list[str]) -> bool:
        return (
            rule == self.rule
            and fnmatch.fnmatch(doc, self.path)
            and (self.text is None or self.text in texts)
        )


@dataclass(frozen=True)
class Config:
    """Everything a desk can set. The defaults are the shipped data."""

    file: str | None = None
    lang: str = "it"
    fail_on: str = "error"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    reconcile: Mapping[str, Any] = field(default_factory=dict)
    numbers: Mapping[str, Any] = field(default_factory=dict)
    lexicon: Mapping[str, Any] = field(default_factory=dict)
    sources: Mapping[str, Any] = field(default_factory=dict)
    ignore: tuple[Ignore, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], file: str = "<config>", text: str | None = None) -> Config:
        """A config from a parsed table; ``text`` (the file's source) lets errors name the line."""
        try:
            return cls._from_mapping({k.replace("-", "_"): v for k, v in data.items()}, file)
        except ConfigError as e:
            if text is not None and e.key and e.line is None:
                e.line = _line_of(text, e.key)
            raise

    @classmethod
    def _from_mapping(cls, data: Mapping[str, Any], file: str) -> Config:
        known = sorted(f for f in cls.__dataclass_fields__ if f != "file")
        for key in data:
            if key not in known:
                raise ConfigError(f"unknown key (known: {', '.join(known)})", file=file, key=key)
        lang = _string(data, "lang", "it", file)
        from quantities.lang import available

        if lang not in available():
            raise ConfigError(f"no language pack for {lang!r} (available: {', '.join(available())})",
                              file=file, key="lang")
        fail_on = _choice(data, "fail_on", "error", FAIL_LEVELS, file)
        severity = _table(data, "severity", file)
        for rule, value in severity.items():
            if rule not in RULES:
                raise ConfigError(f"unknown rule (rules: {', '.join(RULES)})", file=file, key=f"severity.{rule}")
            if value not in SEVERITY_VALUES:
                raise ConfigError(
                    f"must be one of {', '.join(SEVERITY_VALUES)}, not {value!r}",
                    file=file, key=f"severity.{rule}",
                )
        reconcile = _table(data, "reconcile", file)
        from quantities.reconciliation.rules import ReconcileSettings

        ReconcileSettings.from_mapping(reconcile, file=file)  # its keys and values, checked now
        return cls(
            file=file,
            lang=lang,
            fail_on=fail_on,
            include=_strings(data, "include", file),
            exclude=_strings(data, "exclude", file),
            severity=severity,
            reconcile=reconcile,
            numbers=_numbers(data, lang, file),
            lexicon=_table(data, "lexicon", file),
            sources=_tables(data, "sources", file),
            ignore=_ignores(data.get("ignore", []), file),
        )

    def wants(self, path: str) -> bool:
        """Whether a file found under a directory passes the include/exclude globs."""
        posix = Path(path).as_posix()
        if self.include and not any(fnmatch.fnmatch(posix, g) for g in self.include):
            return False
        return not any(fnmatch.fnmatch(posix, g) for g in self.exclude)


def find(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest ``quantities.toml``, or ``pyproject.toml`` with ``[tool.quantities]``.

    Only a ``[tool.quantities]`` table is ours to judge: a ``pyproject.toml`` without one
    is passed over whatever it holds (not UTF-8, not TOML, ``tool = 5``, deeply nested).
    """
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            path = folder / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def load(path: str | os.PathLike[str] | None = None, *, start: str | None = None) -> Config:
    """The config at ``path``, else the nearest one found upward, else the defaults."""
    found = Path(path) if path is not None else find(start)
    if found is None:
        return Config()
    data = _read_toml(found)
    if found.name == "pyproject.toml" or "tool" in data:
        tool = data.get("tool", {})
        data = tool.get("quantities", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError("must be a table", file=str(found), key="tool.quantities")
    return Config.from_mapping(data, file=str(found), text=found.read_text(encoding="utf-8"))


def _numbers(data: Mapping[str, Any], lang: str, file: str) -> dict[str, Any]:
    """The ``[numbers]`` overrides, checked now against the pack of ``lang`` (see
    :func:`numbers_pack`), so that a mistake in them stops the run before any document."""
    numbers = _table(data, "numbers", file)
    if numbers:
        numbers_pack(lang, numbers, file)
    return numbers


def numbers_pack(code: str, numbers: Mapping[str, Any], file: str) -> Any:
    """The language pack of ``code`` with a desk's ``[numbers]`` overrides, its numerals
    grammar compiled. The shipped pack is valid on its own (the tests say so), so an error
    in the merged one comes from the overrides: it names the config file, the key and,
    where it can be found, the line.

    >>> numbers_pack("it", {"decimal": 1}, "quantities.toml")
    Traceback (most recent call last):
    ...
    quantities.errors.ConfigError: quantities.toml: numbers.decimal: expected a non-empty string (the [numbers] of this config, over the it pack)
    """
    from quantities.errors import LanguageDataError
    from quantities.extraction.numbers.grammar import grammar
    from quantities.lang import load

    shipped = load(code)
    _same_shape(shipped.table("numbers"), numbers, "numbers", file)
    pack = shipped.merged({"numbers": dict(numbers)})
    try:
        merged = grammar(pack)
    except LanguageDataError as e:
        raise _error_at(f"{e.message} (the [numbers] of this config, over the {code} pack)", file, e.key) from None
    _check_readings(grammar(shipped), merged, file)
    return pack


#: How many ways a run of number words may split into the words a desk's config adds and
#: the shipped ones, at most: the number pattern tries every way before it gives up on a
#: run that is no number, so words that build each other ("a", "aa", "aaa", …) made each
#: call backtrack up to the time guard (100 lines ran past 300 s). The shipped Italian words
#: split a run of four pairs at most 16 ways ("tredici" + "otto").
MAX_READINGS = 64


def _check_readings(shipped: Any, merged: Any, file: str) -> None:
    """Refuse added number words that make a run of words split too many ways."""
    parts = frozenset(merged.morphemes) | frozenset(merged.elided)
    added = parts - frozenset(shipped.morphemes) - frozenset(shipped.elided)
    if not added:
        return
    longest = max(map(len, parts))
    for new in sorted(added):
        for other in sorted(parts):
            run = (new + other) * 4
            if _readings(run, parts, longest) > MAX_READINGS:
                where = next((f"numbers.{t}.{new}" for t in ("words", "multipliers", "fractions")
                              if new in merged.pack.table(f"numbers.{t}", {})), "numbers")
                raise _error_at(f"the number word {new!r} and the others build each other ({run[:24]!r} reads "
                                f"more than {MAX_READINGS} ways): reading numbers would backtrack on such text",
                                file, where)


def _readings(run: str, parts: frozenset[str], longest: int) -> int:
    """How many ways ``run`` splits into ``parts`` (a count over prefixes, linear in ``run``).

    >>> _readings("aaaa", frozenset({"a", "aa"}), 2), _readings("tredicotto", frozenset({"tre", "dici", "otto"}), 4)
    (5, 0)
    """
    ways = [1] + [0] * len(run)
    for end in range(1, len(run) + 1):
        ways[end] = sum(ways[i] for i in range(max(0, end - longest), end) if ways[i] and run[i:end] in parts)
    return ways[-1]


def _same_shape(shipped: Mapping[str, Any], override: Mapping[str, Any], key: str, file: str) -> None:
    """An override keeps the shipped pack's shape: a table stays a table and a list a list
    (else "[numbers] ranges = 5" would quietly turn ranges off); under ``[numbers]`` itself
    only the shipped keys are known. Inside a table, new keys are new words."""
    for name, value in override.items():
        where = f"{key}.{name}"
        if name not in shipped:
            if key == "numbers":
                raise _error_at(f"unknown key (known: {', '.join(sorted(shipped))})", file, where)
            continue
        base = shipped[name]
        expected = "a table" if isinstance(base, dict) else "a list" if isinstance(base, list) else None
        if expected and not isinstance(value, dict if isinstance(base, dict) else list):
            raise _error_at(f"expected {expected}, as in the shipped pack, not {type(value).__name__}", file, where)
        if isinstance(base, dict):
            _same_shape(base, value, where, file)


def _error_at(message: str, file: str, key: str | None) -> ConfigError:
    """A ConfigError at ``key`` of the config file, with the line where it is set (the file
    is read again: this is an error's path)."""
    error = ConfigError(message, file=file, key=key)
    try:
        error.line = _line_of(Path(file).read_text(encoding="utf-8"), key) if key else None
    except (OSError, UnicodeDecodeError):
        pass
    return error


def _line_of(text: str, key: str) -> int | None:
    """The line where the last part of a dotted key is set or its table opens, if found."""
    last = key.split(".")[-1].split("[")[0]
    pattern = regex.compile(r"^\s{0,40}(?:\[{1,2}[^\]\n]{0,200}\b|)\"?" + regex.escape(last) + r"\"?\s{0,40}[=\].]", regex.M)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


#: A config file is small: a larger one is refused before it is parsed.
MAX_CONFIG_BYTES = 1_000_000
#: Keys nest at most this deep (tomllib's time grows with the square of a dotted key's depth:
#: an 80 KB file of deep dotted keys took 28 s and 9 GB).
MAX_KEY_DEPTH = 32
#: ``[tool.quantities]``, ``[tool.quantities.x]`` or ``tool.quantities.x = …`` opening a line.
_OUR_TABLE = regex.compile(rb"""^[ \t]*(?:\[[ \t]*)?tool[ \t]*\.[ \t]*["']?quantities["']?[ \t]*[.\]=]""", regex.M)
_KEY_HEAD = regex.compile(rb"^[ \t]*\[{0,2}([^=\]\n]*)", regex.M)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = _read_bytes(path)
        _check_depth(data, path)
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ConfigError(f"not UTF-8 (byte 0x{data[e.start]:02x}); TOML files are UTF-8",
                          file=str(path), line=line) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"not valid TOML: {e}", file=str(path)) from None
    except RecursionError:
        raise ConfigError("not valid TOML: nested too deeply", file=str(path)) from None


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError("no such config file", file=str(path)) from None
    except OSError as e:
        raise ConfigError(f"cannot read config: {e.strerror}", file=str(path)) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"larger than {MAX_CONFIG_BYTES // 1_000_000} MB: not a config file", file=str(path))
    return data


def _check_depth(data: bytes, path: Path) -> None:
    for m in _KEY_HEAD.finditer(data):
        if m.group(1).count(b".") >= MAX_KEY_DEPTH:
            raise ConfigError(f"a key nested deeper than {MAX_KEY_DEPTH} levels",
                              file=str(path), line=data.count(b"\n", 0, m.start()) + 1)


def _has_tool_table(path: Path) -> bool:
    """Whether a ``pyproject.toml`` is ours: it has a ``[tool.quantities]`` table. One that
    opens such a table but is broken is ours too (its error is then one line); any other
    file is passed over without a word."""
    try:
        data = _read_bytes(path)
    except ConfigError:
        return False
    if b"quantities" not in data:
        return False
    try:
        tool = _read_toml(path).get("tool")
    except ConfigError:
        return _OUR_TABLE.search(data) is not None
    return isinstance(tool, dict) and "quantities" in tool


def _string(data: Mapping[str, Any], key: str, default: str, file: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConfigError("must be a non-empty string", file=file, key=key)
    return value


def _choice(data: Mapping[str, Any], key: str, default: str, choices: tuple[str, ...], file: str) -> str:
    value = _string(data, key, default, file)
    if value not in choices:
        raise ConfigError(f"must be one of {', '.join(choices)}, not {value!r}", file=file, key=key)
    return value


def _table(data: Mapping[str, Any], key: str, file: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError("must be a table", file=file, key=key)
    return value


def _tables(data: Mapping[str, Any], key: str, file: str) -> dict[str, Any]:
    """A table whose every value is a table (``[sources."Name"]``)."""
    value = _table(data, key, file)
    for name, entry in value.items():
        if not isinstance(entry, dict):
            raise ConfigError("must be a table", file=file, key=f"{key}.{name}")
    return value


def _strings(data: Mapping[str, Any], key: str, file: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError("must be a list of non-empty strings", file=file, key=key)
    return tuple(value)


def _ignores(items: Any, file: str) -> tuple[Ignore, ...]:
    if not isinstance(items, list):
        raise ConfigError("must be an array of tables ([[ignore]])", file=file, key="ignore")
    out = []
    for i, item in enumerate(items):
        key = f"ignore[{i}]"
        if not isinstance(item, dict):
            raise ConfigError("must be a table", file=file, key=key)
        unknown = set(item) - {"path", "rule", "reason", "text"}
        if unknown:
            raise ConfigError(f"unknown key {sorted(unknown)[0]!r}", file=file, key=key)
        for required in ("rule", "reason"):
            if not isinstance(item.get(required), str) or not item[required].strip():
                raise ConfigError(f"needs a non-empty {required!r}", file=file, key=key)
        for optional in ("path", "text"):
            if optional in item and (not isinstance(item[optional], str) or not item[optional].strip()):
                raise ConfigError(f"{optional!r} must be a non-empty string", file=file, key=key)
        if item["rule"] not in RULES:
            raise ConfigError(f"unknown rule {item['rule']!r} (rules: {', '.join(RULES)})", file=file, key=key)
        out.append(Ignore(path=item.get("path", "*"), rule=item["rule"],
                          reason=item["reason"], text=item.get("text")))
    return tuple(out)
