"""Character tries of literal words, from which the prefilter patterns and prefix-factored
alternations (:func:`pattern`) are written.

>>> build(["mila", "mille"])
{'m': {'i': {'l': {'a': {'': 'mila'}, 'l': {'e': {'': 'mille'}}}}}}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex


def build(words: Iterable[str]) -> dict[str, Any]:
    """Nested dicts, one level a character; the key ``""`` ends a word (its value the word)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word
    return root


def pattern(words: Iterable[str], blank: str = r"\s{1,3}") -> str:
    """A prefix-factored regex for ``words`` (lower case): one branch per next letter,
    so the engine never tries the same prefix twice. A run of blanks in a word matches
    ``blank``. Where two words both match, the longer wins, as in :func:`quantities.text.phrases.alternation`.
    Both ``re`` and ``regex`` run it (literal letters and ``blank`` only).

    >>> pattern(["tre", "tredici", "trenta"])
    'tre(?:(?:dici|nta))?'
    >>> pattern(["per cento", "%"], blank="_")
    '(?:%|per_cento)'
    """
    root: dict[str, Any] = {}
    for w in set(words):
        node = root
        for ch in regex.sub(r"\s+", " ", w):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root, blank) or "(?!)"


def _emit(node: dict[str, Any], blank: str) -> str:
    alts = []
    for ch in sorted(k for k in node if k):
        sub = node[ch]
        head = _atom(ch, blank)
        while len(sub) == 1 and "" not in sub:  # a chain of single letters
            (ch2, sub), = sub.items()
            head += _atom(ch2, blank)
        alts.append(head + _emit(sub, blank))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _atom(ch: str, blank: str) -> str:
    return blank if ch == " " else "['’]" if ch == "'" else regex.escape(ch)
