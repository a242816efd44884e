"""The one alternation builder, the end of a cue and the second-word table: a row per case,
with the near misses (what must not match)."""

import re

import pytest
import regex

from quantities.text.phrases import EDGE, NEVER, alternation, seconds

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
