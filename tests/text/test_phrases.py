"""The one alternation builder, the end of a cue and the second-word table: a row per case,
with the near misses (what must not match)."""

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from quantities.text.phrases import EDGE, NEVER, alternation, factored, seconds

# phrases, first, empty, expected pattern
PATTERNS = [
    (["a", "bb", "ccc"], None, NEVER, "ccc|bb|a"),  # longest first
    (["b", "a", "c"], None, NEVER, "a|b|c"),  # ties in code-point order, whatever the input order
    (["per  cento"], None, NEVER, r"per\s+cento"),  # a run of blanks matches any run
    ([" oltre "], None, NEVER, "oltre"),  # blanks around a phrase dropped
    (["l'anno", "l’anno"], None, NEVER, "l['’]anno|l['’]anno"),  # both apostrophes loose
    (["a.b", "(x)"], None, NEVER, r"\(x\)|a\.b"),  # literal: specials escaped
    (["x", "x"], None, NEVER, "x"),  # duplicates once
    (["Dell'", "da", "e"], "d", NEVER, "Dell['’]|da"),  # first: by the folded first character
    (["e"], "d", "", ""),  # none left: the caller's empty
    ([], None, NEVER, NEVER),
    ([" ", ""], None, "", ""),  # blank phrases are no phrases
]


@pytest.mark.parametrize(("phrases", "first", "empty", "expected"), PATTERNS)
def test_alternation(phrases, first, empty, expected):
    assert alternation(phrases, first=first, empty=empty) == expected


# phrase list, text, whole match expected (None: no match)
MATCHES = [
    (["per cento"], "per \t cento", "per \t cento"),
    (["l'anno"], "l’anno", "l’anno"),
    (["l’anno"], "l'anno", "l'anno"),
    (["circa", "circa 5"], "circa 5", "circa 5"),  # the longer wins
    (["per cento"], "percento", None),  # near miss: the blank is required
    (["a.b"], "axb", None),  # near miss: the point is literal
    ([], "", None),  # NEVER matches nothing, not even the empty text
]


@pytest.mark.parametrize(("phrases", "text", "found"), MATCHES)
@pytest.mark.parametrize("engine", [re, regex])
def test_alternation_matches_in_both_engines(phrases, text, found, engine):
    m = engine.match(f"(?:{alternation(phrases, empty=NEVER)})", text)
    assert (m and m.group()) == (found if found is not None else None)


@pytest.mark.parametrize(("text", "ends"), [("all'", True), ("detto ", True), ("detto", True),
                                            ("dettoX", False), ("detto5", False)])
def test_edge(text, ends):
    assert bool(regex.match(rf"(?:all'|detto){EDGE}", text)) is ends


# pairs, expected table
SECONDS = [
    ([("ha", frozenset({"detto"})), ("ha", frozenset({"riferito"}))], {"ha": frozenset({"detto", "riferito"})}),
    ([("ha", frozenset({"detto"})), ("ha", None)], {"ha": None}),  # None absorbs
    ([("ha", None), ("ha", frozenset({"detto"}))], {"ha": None}),  # in either order
    ([("ha", frozenset())], {"ha": None}),  # no second word: the first stands alone
    ([], {}),
]


@pytest.mark.parametrize(("pairs", "expected"), SECONDS)
def test_seconds(pairs, expected):
    assert seconds(pairs) == expected


# phrases, first: factored() matches what alternation() matches, case-blind, at every place
FACTORED = [
    (["nuovo bilancio di", "nuovo bollettino di", "bilancio di"], None),
    (["Ab", "ab'c", "abc"], None),  # case variants merge: the longer still wins past an apostrophe
    (["circa", "circa 5", "circa  50"], None),
    (["l'anno", "l’anno scorso", "la"], "l"),
    (["è quanto", "E quanto", "e"], None),
    (["ſa", "sa"], None),  # the long s is case-blind equal to "s": the plain alternation
    (["İl", "il"], None),  # a letter whose lower case is two: the plain alternation
]
TEXTS = ["Nuovo  bilancio di Napoli", "nuovo bollettino", "AB'C", "abc", "ab c", "circa 50 e circa 5",
         "L’anno scorso", "l'anno", "È quanto", "e quanto", "ſa sa SA", "İl il"]


@pytest.mark.parametrize(("phrases", "first"), FACTORED)
def test_factored_matches_as_the_alternation(phrases, first):
    old = regex.compile(rf"(?:{alternation(phrases, first=first, empty=NEVER)}){EDGE}", regex.IGNORECASE)
    new = regex.compile(rf"(?:{factored(phrases, first=first, empty=NEVER)}){EDGE}", regex.IGNORECASE)
    for text in TEXTS:
        for p in range(len(text)):
            x, y = old.match(text, p), new.match(text, p)
            assert (x and x.span()) == (y and y.span()), (phrases, text, p)


def test_factored_falls_back_where_case_is_not_one_letter():
    assert factored(["İl", "il"], empty=NEVER) == alternation(["İl", "il"], empty=NEVER)
    assert factored(["ſa", "sa"], empty=NEVER) == alternation(["ſa", "sa"], empty=NEVER)
    assert factored(["Ultimo bilancio", "ultimo bollettino"], empty=NEVER) == r"ultimo\s+b(?:ilancio|ollettino)"


@given(st.lists(st.text("abAB' ’", min_size=1, max_size=5), min_size=1, max_size=6),
       st.text("abAB' ’x", max_size=12))
def test_factored_is_the_alternation(phrases, text):
    old = regex.compile(rf"(?:{alternation(phrases, empty=NEVER)}){EDGE}", regex.IGNORECASE)
    new = regex.compile(rf"(?:{factored(phrases, empty=NEVER)}){EDGE}", regex.IGNORECASE)
    for p in range(len(text) + 1):
        x, y = old.match(text, p), new.match(text, p)
        assert (x and x.span()) == (y and y.span())
