"""The counted noun of a figure: one row of fixtures/nouns_it.tsv per case.

Each row runs the whole extractor on its sentence, takes the claim whose figure covers
the row's figure, and compares its ``noun`` (``-`` for None).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tables import FIXTURES, NO_CLAIM, claim_at, rows

from quantities.extraction.nouns import counted
from quantities.text.tokens import TOKEN, tokens
from quantities.types import Span

FIXTURE = FIXTURES / "nouns_it.tsv"
FIXTURE_EN = FIXTURES / "nouns_en.tsv"


@pytest.mark.parametrize("sentence, figure, expected", rows(FIXTURE, 3))
def test_counted_noun(sentence: str, figure: str, expected: str) -> None:
    claim = claim_at(sentence, figure)
    got = NO_CLAIM if claim is None else (claim.noun or "-")
    assert got == expected


@pytest.mark.parametrize("sentence, figure, expected", rows(FIXTURE_EN, 3))
def test_counted_noun_en(sentence: str, figure: str, expected: str) -> None:
    claim = claim_at(sentence, figure, "en")
    got = NO_CLAIM if claim is None else (claim.noun or "-")
    assert got == expected


def test_fixture_is_large_enough() -> None:
    assert len(rows(FIXTURE, 3)) >= 80


@pytest.mark.parametrize("text, start, end, unit_bearing, expected", [
    ("5.000 operai edili militari e 1.000 genieri", 0, 5, False, "operai edili militari"),
    ("300 i soldati nordcoreani uccisi", 0, 3, False, "soldati nordcoreani uccisi"),
    ("i feriti sono 2.700", 14, 19, False, "feriti"),
    ("1,5 milioni di euro di aiuti", 0, 19, True, "aiuti"),
    ("1,5 milioni di euro di Kiev", 0, 19, True, None),
    ("80 anni della Liberazione", 0, 7, True, None),
    ("300 in più", 0, 3, False, None),
    ("300 sono", 0, 3, False, None),
    ("", 0, 0, False, None),
    ("5.000 " + "a " * 500, 0, 5, False, None),
])
def test_counted_direct(text: str, start: int, end: int, unit_bearing: bool, expected: str | None) -> None:
    found = counted(text, Span(start, end), unit_bearing=unit_bearing)
    assert (found.text if found else None) == expected


def test_antecedent_reused_only_without_noun() -> None:
    first = counted("12 persone", Span(0, 2))
    assert counted("e altri 47 sono rimasti", Span(8, 10), antecedent=first).text == "persone"
    assert counted("e 47 bambini", Span(2, 4), antecedent=first).text == "bambini"


def test_tokens_keep_elisions_and_numbers() -> None:
    assert tokens("dell'80% l’agenzia 1.000,5").texts == ["dell'", "80", "%", "l’", "agenzia", "1.000,5"]


@pytest.mark.parametrize("text, expected", [
    ("the U.S. Geological Survey", ["the", "U.S.", "Geological", "Survey"]),   # initials: one word
    ("the U.N. agency.", ["the", "U.N.", "agency", "."]),
    ("in the U.S.", ["in", "the", "U.S."]),
    ("John F. Kennedy", ["John", "F", ".", "Kennedy"]),   # one initial: its dot stays apart
    ("S.p.A. e Usa.", ["S", ".", "p", ".", "A", ".", "e", "Usa", "."]),   # lower-case inside: no initials
    ("Fine. E poi", ["Fine", ".", "E", "poi"]),
])
def test_tokens_keep_initials_whole(text: str, expected: list[str]) -> None:
    assert tokens(text).texts == expected


_PIECES = st.sampled_from(["Dell’Ansa", "l'80%", " ", "  ", "\n", "5.000", "1,5", "nord-coreani", "*", "**",
                           "(", "»", "ß", "İ", "é", "ﬁ", "٣", "\u00a0", "—", "-", ".", ",", "'", "’", "mila"])


@given(text=st.lists(_PIECES | st.text(max_size=3), max_size=30).map("".join), data=st.data())
def test_tokens_are_parallel_lists_that_cut_the_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    limit = data.draw(st.none() | st.integers(0, 6))
    toks = tokens(text, start, end, limit)
    n = len(toks.texts)
    assert len(toks) == n == len(toks.starts) == len(toks.ends) == len(toks.lows)
    assert limit is None or n <= limit
    assert all(start <= s < e <= end for s, e in zip(toks.starts, toks.ends))
    assert toks.texts == [text[s:e] for s, e in zip(toks.starts, toks.ends)]
    assert toks.lows == [w.casefold().replace("’", "'") for w in toks.texts]
    whole = [m[0] for m in TOKEN.finditer(text, start, end)]
    assert toks.texts == whole[:limit]


def test_tokens_are_sliced_and_compared_not_indexed() -> None:
    toks = tokens("soldati russi")
    assert toks[1:] == tokens("soldati russi", 8) and toks != tokens("soldati")
    with pytest.raises(TypeError, match="sliced, not indexed"):
        toks[0]  # type: ignore[index]


def test_a_count_takes_no_noun_from_another_paragraph() -> None:
    text = "Per il corteo erano attese almeno 50mila persone.\n\nGli organizzatori speravano di arrivare a 100mila."
    assert claim_at(text, "100mila").noun is None
