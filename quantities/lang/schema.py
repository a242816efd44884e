"""The one typed reader of TOML data: what a number, a whole number, a list of words, a
string and a table are, and the error that names file and key when a value is not one.

The packs, the numbers vocabulary and the lexicon read through it. Each reader takes the
value, its dotted key and ``fail``, which makes the error: ``fail(key, message)`` (a pack's
:meth:`quantities.lang.Pack.error`, which names the pack's file; a config's, which also
names the line).

>>> def fail(key, message):
...     return ValueError(f"it.toml: {key}: {message}")
>>> number(2.5, "numbers.x", fail), positive_int(3, "nouns.max_words", fail)
(Decimal('2.5'), 3)
>>> words(["oltre", " "], "hedges.over", fail)
Traceback (most recent call last):
...
ValueError: it.toml: hedges.over: expected a list of non-empty strings
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from quantities.text.i18n import _

#: Makes the error for a bad value: ``fail(key, message)``.
Fail = Callable[[str, str], Exception]


def is_number(value: Any) -> bool:
    """A finite int or float (TOML has nan and inf; a bool is not a number)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_words(value: Any) -> bool:
    """A list of strings, none of them blank."""
    return isinstance(value, (list, tuple)) and all(isinstance(w, str) and w.strip() for w in value)


def number(value: Any, key: str, fail: Fail) -> Decimal:
    """``value`` as a Decimal (through its shortest repr: 0.1 is ``Decimal('0.1')``)."""
    if not is_number(value):
        raise fail(key, _("expected a number"))
    return Decimal(str(value))


def integer(value: Any, key: str, fail: Fail) -> int:
    if not is_integer(value):
        raise fail(key, _("expected an integer"))
    return int(value)


def flag(value: Any, key: str, fail: Fail) -> bool:
    """``true`` or ``false``, nothing else ("no" would read as true)."""
    if not isinstance(value, bool):
        raise fail(key, _("expected true or false"))
    return value


def positive_int(value: Any, key: str, fail: Fail) -> int:
    if not is_integer(value) or value < 1:
        raise fail(key, _("expected a positive integer"))
    return int(value)


def words(value: Any, key: str, fail: Fail) -> tuple[str, ...]:
    if not is_words(value):
        raise fail(key, _("expected a list of non-empty strings"))
    return tuple(value)


def string(value: Any, key: str, fail: Fail) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value:
        raise fail(key, _("expected a non-empty string"))
    return value


def table(value: Any, key: str, fail: Fail) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(key, f"expected a table, found {type(value).__name__}")
    return value


def snake_keys(table: dict[str, Any] | Any, prefix: str, fail: Fail) -> dict[str, Any]:
    """``table`` with ``-`` in its keys read as ``_`` (``fail-on`` is ``fail_on``); a key
    spelt both ways is set twice, and which one would win is no one's guess: an error.

    >>> snake_keys({"fail-on": "info", "show": "all"}, "", lambda k, m: ValueError(f"{k}: {m}"))
    {'fail_on': 'info', 'show': 'all'}
    >>> snake_keys({"fail-on": "info", "fail_on": "error"}, "", lambda k, m: ValueError(f"{k}: {m}"))
    Traceback (most recent call last):
    ...
    ValueError: fail_on: set twice, as 'fail-on' and 'fail_on' ('-' and '_' are one key)
    """
    out: dict[str, Any] = {}
    spelt: dict[str, str] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name in spelt:
            raise fail(f"{prefix}{key}", _("set twice, as {first!r} and {second!r} ('-' and '_' are one key)").format(
                first=spelt[name], second=key))
        spelt[name], out[name] = key, value
    return out
