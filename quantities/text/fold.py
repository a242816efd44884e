"""Text normalisation shared by the steps: straight apostrophes, squeezed blanks, casefolding."""

from __future__ import annotations


def squeeze(text: str) -> str:
    """Straighten apostrophes and squeeze spaces."""
    return " ".join(text.replace("\u2019", "'").replace("`", "'").split())


def fold(text: str) -> str:
    """Casefold and squeeze, for alias matching.

    >>> fold("L’agenzia   KCNA")
    "l'agenzia kcna"
    """
    return squeeze(text).casefold()
