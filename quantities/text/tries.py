"""Character tries of literal words, from which the prefilter patterns are written.

>>> build(["mila", "mille"])
{'m': {'i': {'l': {'a': {'': 'mila'}, 'l': {'e': {'': 'mille'}}}}}}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def build(words: Iterable[str]) -> dict[str, Any]:
    """Nested dicts, one level a character; the key ``""`` ends a word (its value the word)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word
    return root
