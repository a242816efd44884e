"""Finding and reading a config file: the nearest ``quantities.toml``, or a ``pyproject.toml``
with a ``[tool.quantities]`` table. Only such a table is ours to judge: any other
``pyproject.toml`` is passed over whatever it holds, and a file is bounded in size and in
the depth of its keys before ``tomllib`` reads it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import regex

from quantities.cache import compiled
from quantities.errors import ConfigError, QuantitiesError
from quantities.text import tomlfile
from quantities.text.i18n import _

CONFIG_NAMES = ("quantities.toml", "pyproject.toml")


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


#: A config file is small: a larger one is refused before it is parsed.
MAX_CONFIG_BYTES = 1_000_000
#: ``[tool.quantities]``, ``[tool.quantities.x]`` or ``tool.quantities.x = …`` opening a line.
_OUR_TABLE = compiled(rb"""^[ \t]*(?:\[[ \t]*)?tool[ \t]*\.[ \t]*["']?quantities["']?[ \t]*[.\]=]""",
                           regex.M)


def read_toml(path: Path) -> dict[str, Any]:
    return tomlfile.parse(_read_bytes(path), str(path), ConfigError)


def _read_bytes(path: Path) -> bytes:
    try:
        data = tomlfile.read_bytes(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise ConfigError(_("no such config file"), file=str(path)) from None
    except OSError as e:
        raise ConfigError(_("cannot read config: {reason}").format(reason=e.strerror), file=str(path)) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(_("larger than {limit} MB: not a config file").format(limit=MAX_CONFIG_BYTES // 1_000_000),
                          file=str(path))
    return data


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
        tool = read_toml(path).get("tool")
    except ConfigError:
        return _OUR_TABLE.search(data) is not None
    return isinstance(tool, dict) and "quantities" in tool


def located(error: QuantitiesError, table: str = "") -> QuantitiesError:
    """``error`` (at a key of a config file) with its key under ``table`` of the config
    (``lexicon``: a lexicon's ``concept.x`` is the config's ``lexicon.concept.x``) and the line
    where that key is set, when found (the file is read again: this is an error's path)."""
    if error.key and table:
        error.key = f"{table}.{error.key}"
    if error.file and error.key and error.line is None:
        try:
            error.line = line_of(Path(error.file).read_text(encoding="utf-8"), error.key)
        except (OSError, UnicodeDecodeError):
            pass
    return error


def line_of(text: str, key: str) -> int | None:
    """The line where a dotted key is set or its table opens, if found: each part of the key
    is looked for from where the one before it was found (``lexicon.concept.a.terms`` is the
    ``terms`` after ``[lexicon.concept.a]``), a part not found is passed over.

    >>> line_of('[lexicon.concept.b]\\nterms = []\\n[lexicon.concept.a]\\nterms = ["x"]\\n', "lexicon.concept.a.terms")
    4
    """
    found, pos = None, 0
    for part in key.split("."):
        m = _key_pattern(part.split("[")[0]).search(text, pos)
        if m is not None:
            found, pos = m, m.start()
    return text.count("\n", 0, found.start()) + 1 if found else None


def _key_pattern(name: str) -> Any:
    """A line setting ``name`` (``name =``, ``"name" =``) or a table header holding it."""
    return regex.compile(r"^[ \t]{0,40}(?:\[{1,2}[^\]\n]{0,200}(?<![\w-])|)[\"']?" + regex.escape(name)
                         + r"[\"']?[ \t]{0,40}[=\].]", regex.M)
