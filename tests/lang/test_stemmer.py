"""The stemmer in use (snowballstemmer, which runs PyStemmer's C Snowball when it is installed)
gives the stems of snowballstemmer's own pure-Python stemmers: concepts do not depend on which
of the two a machine has. The words: the shipped lexicons' and those of the news fixtures."""

from __future__ import annotations

import importlib
import tomllib

import pytest
import regex
import snowballstemmer
from tables import FIXTURES, ROOT

LEXICONS = sorted((ROOT / "quantities" / "lang").glob("*.lexicon.toml"))
WORD = regex.compile(r"[^\W\d_]+")


def _words() -> set[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in [*LEXICONS, *FIXTURES.glob("*.tsv"),
                                                            *(FIXTURES / "news-dev" / "articles").glob("*.md")])
    return {w.casefold() for w in WORD.findall(text)}


@pytest.mark.parametrize("lexicon", LEXICONS, ids=lambda p: p.name)
def test_same_stems_as_pure_python(lexicon):
    name = tomllib.loads(lexicon.read_text(encoding="utf-8"))["stemmer"]
    pure = getattr(importlib.import_module(f"snowballstemmer.{name}_stemmer"), f"{name.title()}Stemmer")()
    used = snowballstemmer.stemmer(name)
    words = sorted(_words())
    assert len(words) > 1000
    assert [w for w in words if used.stemWord(w) != pure.stemWord(w)] == []
