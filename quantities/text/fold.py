"""Text normalisation shared by the steps: straight apostrophes, squeezed blanks, casefolding."""

from __future__ import annotations


def squeeze(text: str) -> str:
    """Straighten apostrophes and squeeze spaces."""
    return " ".join(text.replace("\u2019", "'").replace("`", "'").split())


def low(word: str) -> str:
    """A word as the steps compare it: casefolded, with straight apostrophes. Its length is
    the word's unless a letter folds to two ("ß"), which :func:`quantities.text.tokens.folded`
    checks.

    >>> low("Dell’Ansa")
    "dell'ansa"
    """
    return word.casefold().replace("’", "'")


def fold(text: str) -> str:
    """Casefold and squeeze, for alias matching.

    >>> fold("L’agenzia   KCNA")
    "l'agenzia kcna"
    """
    return squeeze(text).casefold()
