"""How the words of one language meet: a lexicon's ``[fold]`` table and its Snowball stemmer.

A word is folded (casefolded, the first ending of the table rewritten: "operai" → "operaio")
and stemmed into its key; the lexicon's tables are indexed by keys. Two words of one key meet
as a term and its inflection only when, folded, they differ in their last ``tail`` letters at
most and in length by ``grows`` at most: "morta" is an inflection of "morti", "sindaco" none of
"sindacati" though the stemmer gives both "sindac".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import snowballstemmer

from quantities.errors import LanguageDataError

Error = Callable[[str, str], LanguageDataError]


class Folding:
    """One language's folding of words: keys for the tables, and what inflects what."""

    def __init__(self, node: Any, stemmer: str, error: Error) -> None:
        if stemmer not in snowballstemmer.algorithms():
            raise error("stemmer", f"unknown Snowball stemmer {stemmer!r}")
        if not isinstance(node, Mapping) or set(node) - {"endings", "tail", "grows", "keep"}:
            raise error("fold", "expected a table with 'endings', 'tail', 'grows' and 'keep'")
        keep = node.get("keep", [])
        if not (isinstance(keep, list) and all(isinstance(w, str) for w in keep)):
            raise error("fold.keep", "expected a list of words")
        self.keep = frozenset(w.casefold() for w in keep)
        self.tail, self.grows = node.get("tail", 2), node.get("grows", 2)
        for name, value in (("tail", self.tail), ("grows", self.grows)):
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10:
                raise error(f"fold.{name}", "expected a whole number from 0 to 9")
        rows = node.get("endings", [])
        if not (isinstance(rows, list) and all(
                isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) and x for x in r) for r in rows)):
            raise error("fold.endings", "expected a list of [ending, replacement] pairs")
        self.endings = tuple((a.casefold(), b.casefold()) for a, b in rows)
        self._stemmer_name = stemmer
        self._stemmer = snowballstemmer.stemmer(stemmer)
        self._keys: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (quantities/cache.py) without the stemmer, which PyStemmer's C type cannot be."""
        state = dict(self.__dict__)
        del state["_stemmer"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._stemmer = snowballstemmer.stemmer(self._stemmer_name)

    def key(self, word: str) -> str:
        """The key of one word: casefolded, folded, stemmed."""
        found = self._keys.get(word)
        if found is None:
            found = self._keys[word] = self._stemmer.stemWord(self.folded(word.casefold()))
        return found

    def folded(self, word: str) -> str:
        """``word`` with the first ending of the table that it ends in rewritten (not a word of ``keep``)."""
        if word in self.keep:
            return word
        for ending, replacement in self.endings:
            if word.endswith(ending) and len(word) >= len(ending) + 1:
                return word[: -len(ending)] + replacement
        return word

    def inflects(self, word: str, term: str) -> bool:
        """Whether ``word`` and ``term`` (casefolded, of one key) are one word inflected."""
        word, term = self.folded(word), self.folded(term)
        common = next((i for i, (a, b) in enumerate(zip(word, term)) if a != b), min(len(word), len(term)))
        rewritten = max(len(word), len(term)) - common
        return rewritten <= self.tail and abs(len(word) - len(term)) <= self.grows
