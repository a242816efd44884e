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


def proper_name(words: list[str]) -> str | None:
    """The folded words of a name of two words or more that begin with a capital, lowercase
    links between them ("Stefano Lo Russo", "Fratelli d'Italia"): a key that is the same in
    every language, else ``None``.

    >>> proper_name(["Stefano", "Lo", "Russo"]), proper_name(["Turnout"]), proper_name(["dati", "Istat"])
    ('stefano lo russo', None, None)
    """
    if len(words) < 2 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return None
    return " ".join(map(low, words))
