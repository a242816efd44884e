"""Cue phrases found in a text read whole (Lexicon.cue of a string): what the cheap test of
the casefolded text tells (every word of a phrase inside it) must be what the text's words tell."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantities.lang.lexicon import Lexicon
from quantities.lang.lexicon_tables import WORD

TEXT_CUES = [
    # (lang, cue, a text read whole, expected); near misses: a phrase's word inside another word
    ("it", "provisional", "secondo i dati parziali", True),
    ("it", "provisional", "i DATI, 5 Parziali.", True),               # apart by marks and digits
    ("it", "provisional", "circa 15mila soldati parziali e ", False),  # 'dati' inside 'soldati'
    ("it", "provisional", "i dati parzialissimi", False),
    ("it", "provisional", "a" * 60 + "dati parziali", True),          # a run past 60 letters: read in pieces
    ("it", "provisional", "a" * 59 + "dati parziali", False),
    ("it", "superseded", "L'ERA FERMO a quota", True),
    ("en", "previous", "circa 15mila soldati e " * 40, False),
    ("en", "rising", "the toll has risen to", True),
]


@pytest.mark.parametrize(("lang", "cue", "text", "expected"), TEXT_CUES)
def test_cues_in_a_text(lang, cue, text, expected):
    assert Lexicon.load(lang).cue(cue, text) is expected


@given(st.lists(st.sampled_from(["dati", "Parziali", "sol", "DATI", "İ", "ß", "\u0345", "5", " ", ",", "'",
                                 "a" * 30, "ancora", "non", "definitivo", "_", "e", "era", "fermo"]), max_size=12),
       st.sampled_from(["provisional", "superseded", "rising"]))
def test_a_text_tells_what_its_words_tell(pieces, cue):
    text, lex = "".join(pieces), Lexicon.load("it")
    assert lex.cue(cue, text) is lex.cue(cue, [w.casefold() for w in WORD.findall(text)])
