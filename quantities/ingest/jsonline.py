"""One line of a JSONL file parsed into its record, or one :class:`InputError` at that line: not
JSON, nested past the interpreter's stack, a number past the digits Python reads, a field set
twice in the record (json keeps the last, silently: which one the writer meant is not known;
inside a field's own objects, as a scraper's entities, it is the writer's business), a lone
surrogate (``"\\ud800"``: no output can write it), or not an object.

>>> parse('{"id": "a", "text": "5 morti"}', "docs.jsonl", 1)
{'id': 'a', 'text': '5 morti'}
>>> parse('{"text": "5 morti", "text": "6 morti"}', "docs.jsonl", 2)
Traceback (most recent call last):
...
quantities.errors.InputError: docs.jsonl:2: 'text' is set twice in one record; which one is meant is not known
"""

from __future__ import annotations

import json
import re
from typing import Any

from quantities.errors import InputError
from quantities.text.i18n import _

_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def parse(raw: str, name: str, lineno: int) -> dict[str, Any]:
    """The object on line ``lineno`` of ``name``."""
    twice: dict[int, tuple[dict[str, Any], str]] = {}  # an object's id -> it, and a key it sets twice
    try:
        record = json.loads(raw, object_pairs_hook=lambda pairs: _once(pairs, twice))
    except json.JSONDecodeError as e:
        raise InputError(_("not valid JSON: {problem} (column {column})").format(problem=e.msg, column=e.colno),
                         file=name, line=lineno) from None
    except RecursionError:
        raise InputError(_("not read: JSON nested too deeply"), file=name, line=lineno) from None
    except ValueError:  # the only other: an integer of more than 4,300 digits
        raise InputError(_("not read: a number of more than 4,300 digits"), file=name, line=lineno) from None
    if _SURROGATE_ESCAPE.search(raw):  # only an escape makes a lone surrogate
        _refuse_surrogates(record, name, lineno)
    if not isinstance(record, dict):
        raise InputError(_("expected a JSON object, found {kind}").format(kind=type(record).__name__),
                         file=name, line=lineno)
    if id(record) in twice:  # a field of the record; inside a field's own objects, the writer's business
        raise InputError(_("'{key}' is set twice in one record; which one is meant is not known").format(
            key=twice[id(record)][1]), file=name, line=lineno)
    return record


def _once(pairs: list[tuple[str, Any]], twice: dict[int, tuple[dict[str, Any], str]]) -> dict[str, Any]:
    """The object of ``pairs``; one that sets a key twice goes to ``twice`` (by its id, kept
    alive there so that no later object takes its id), with the key."""
    out = dict(pairs)
    if len(out) < len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                twice[id(out)] = (out, key)
                break
            seen.add(key)
    return out


def _refuse_surrogates(record: Any, name: str, lineno: int) -> None:
    for key, value in record.items() if isinstance(record, dict) else ():
        if (lone := _surrogate(key) or _surrogate(value)) is not None:
            raise InputError(_("{key!r} holds a lone surrogate (\\u{code:04x}): not text").format(
                key=key if _surrogate(key) is None else "key", code=ord(lone)), file=name, line=lineno)


def _surrogate(value: Any) -> str | None:
    """The first lone surrogate in a JSON value, if any."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        return found[0] if found else None
    items = value.items() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        for part in item if isinstance(value, dict) else (item,):
            if (lone := _surrogate(part)) is not None:
                return lone
    return None
