"""A TOML file a user names (a config, the desk's reference figures): read bounded in size and
in the depth of its keys before ``tomllib`` parses it; whatever it holds, the outcome is a
table or one error naming the file (and the line, when one is to blame)."""

from __future__ import annotations

import os
from typing import Any

import regex

from quantities.cache import compiled
from quantities.errors import QuantitiesError
from quantities.text.files import open_regular
from quantities.text.i18n import _

#: Keys nest at most this deep (tomllib's time grows with the square of a dotted key's depth:
#: an 80 KB file of deep dotted keys took 28 s and 9 GB).
MAX_KEY_DEPTH = 32
_KEY_HEAD = compiled(rb"^[ \t]*\[{0,2}([^=\]\n]*)", regex.M)
_QUOTED = compiled(rb"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|#[^\n]*")  # a one-line string, a comment


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the file (more tells it is too large); a FIFO or a device
    is refused at once (:func:`quantities.text.files.open_regular`), never waited on."""
    with open_regular(path) as f:
        return f.read(limit + 1)


def parse(data: bytes, file: str, error: type[QuantitiesError]) -> dict[str, Any]:
    """The table ``data`` holds, or ``error`` naming ``file``: not UTF-8 (its line and byte), a
    key nested too deeply, not TOML."""
    import tomllib  # here: a run with no config file to read never loads it

    try:
        check_depth(data, file, error)
        return tomllib.loads(data.decode("utf-8-sig"))  # a byte order mark first is read past, as editors write it
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise error(_("not UTF-8 (byte 0x{byte:02x}); TOML files are UTF-8").format(byte=data[e.start]),
                    file=file, line=line) from None
    except tomllib.TOMLDecodeError as e:
        raise error(_("not valid TOML: {problem}").format(problem=e), file=file) from None
    except RecursionError:
        raise error(_("not valid TOML: nested too deeply"), file=file, line=nesting_line(data)) from None


def check_depth(data: bytes, file: str, error: type[QuantitiesError], first_line: int = 1) -> None:
    """``error`` naming the line of the first key nested :data:`MAX_KEY_DEPTH` deep or more
    (``data`` starts on line ``first_line`` of ``file``)."""
    for m in _KEY_HEAD.finditer(data):
        if m.group(1).count(b".") >= MAX_KEY_DEPTH:
            raise error(_("a key nested deeper than {depth} levels").format(depth=MAX_KEY_DEPTH),
                        file=file, line=data.count(b"\n", 0, m.start()) + first_line)


def nesting_line(data: bytes, first_line: int = 1) -> int:
    """The line where arrays and inline tables first stand open more than :data:`MAX_KEY_DEPTH`
    deep (brackets in one-line strings and comments aside), else the last line: where a file
    ``tomllib`` could not recurse through is to blame.

    >>> nesting_line(b'a = 1\\nb = "[[["\\nc = ' + b"[" * 40 + b"]" * 40, first_line=2)
    4
    """
    depth, lines = 0, data.split(b"\n")
    for i, line in enumerate(lines):
        bare = _QUOTED.sub(b"", line)
        for char in bare:
            depth += (char in b"[{") - (char in b"]}")
            if depth > MAX_KEY_DEPTH:
                return first_line + i
    return first_line + len(lines) - 1
