"""Modality: one row of fixtures/modality_it.tsv (and modality_en.tsv) per case (reported, estimated, planned,
denied)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tables import FIXTURES, NO_CLAIM, claim_at, column, rows

from quantities.errors import LanguageDataError
from quantities.extraction.modality import Scanned, _scan_all, grammar, modality, scan
from quantities.lang import load
from quantities.text.tokens import tokens
from quantities.types import Span

FIXTURE = FIXTURES / "modality_it.tsv"


@pytest.mark.parametrize("sentence, figure, expected", rows(FIXTURE, 3))
def test_modality(sentence: str, figure: str, expected: str) -> None:
    claim = claim_at(sentence, figure)
    assert (NO_CLAIM if claim is None else claim.modality) == expected


@pytest.mark.parametrize("sentence, figure, expected", rows(FIXTURES / "modality_en.tsv", 3))
def test_modality_en(sentence: str, figure: str, expected: str) -> None:
    claim = claim_at(sentence, figure, "en")
    assert (NO_CLAIM if claim is None else claim.modality) == expected


def test_fixture_is_large_enough() -> None:
    assert len(rows(FIXTURE, 3)) >= 30


@pytest.mark.parametrize("hedge, expected", [("si stima", "estimated"), ("circa", "reported"), (None, "reported")])
def test_estimate_hedge(hedge: str | None, expected: str) -> None:
    s = "Sono 300 i morti."
    assert modality(s, Span(0, len(s)), Span(5, 8), hedge=hedge) == expected


@pytest.mark.parametrize("text", ["invierà " * 3000 + "300", "non " * 5000, ", " * 5000 + "300", "à" * 10000])
def test_hostile_text_does_not_raise(text: str) -> None:
    assert modality(text, Span(0, len(text)), Span(len(text), len(text))) in (
        "reported", "estimated", "planned", "denied")


def test_malformed_data_names_the_key() -> None:
    pack = load("it").merged({"modality": {"planned": [1, 2]}})
    with pytest.raises(LanguageDataError, match="modality.planned"):
        grammar(pack)


# The fast path of scan() tries the cue and boundary patterns only at the tokens where a
# first word stands before a possible second word; these tests prove it finds what the
# whole patterns find (the scan with the fast path disabled).

KEYS = ("boundaries", "sentence_estimated", "estimated", "planned", "denied", "future_exceptions")
#: Separators and tokens that cut or join words: hyphens, apostrophes, points and commas
#: before digits, capitals, letters that fold unevenly, digits beyond ASCII.
ODD = [" ", "  ", "\n", "-", "'", "’", ",", ".", "(", "5", "5.000", "1,5", "٣", "l'", "dell’", "nord-",
       "stima.5", "SARÀ", "Ha", "İ", "ß", "_", "**", "arriverà", "ranno", "x"]


def _words(code: str) -> list[str]:
    pack = load(code)
    return sorted({w for k in KEYS for p in pack.words(f"modality.{k}") for w in p.split()})


def _whole(text: str, sentence: Span, code: str, until: int) -> Scanned:
    """:func:`scan` with the fast path disabled: the whole patterns over the sentence."""
    bare = dataclasses.replace(grammar(code), firsts=None)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("quantities.extraction.modality.grammar", lambda lang: bare)
        return scan(text, sentence, lang=code, until=until)


def _same(text: str, sentence: Span, code: str, until: int) -> None:
    whole = _whole(text, sentence, code, until)
    assert scan(text, sentence, lang=code, until=until) == whole
    toks = tokens(text, sentence.start, sentence.end)
    assert scan(text, sentence, lang=code, until=until, toks=toks) == whole


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["it", "en"]), st.data())
def test_fast_path_finds_what_the_whole_patterns_find(code: str, data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(_words(code) + ODD), max_size=14))
    joins = data.draw(st.lists(st.sampled_from(["", " ", "-", "'", "’", ".", ",", "5"]), min_size=len(words),
                               max_size=len(words)))
    body = "".join(w + j for w, j in zip(words, joins))
    text = f"A {body} z"
    until = data.draw(st.integers(2, len(text) - 2))
    _same(text, Span(2, len(text) - 2), code, until)


@pytest.mark.parametrize("sentence", column(FIXTURE, 3))
def test_fast_path_finds_what_the_whole_patterns_find_in_the_fixture(sentence: str) -> None:
    for until in range(0, len(sentence) + 1, 5):
        _same(sentence, Span(0, len(sentence)), "it", until)


@pytest.mark.parametrize("sentence", column(FIXTURE, 3))
def test_read_up_to_its_start_a_sentence_holds_nothing(sentence: str) -> None:
    """``until`` at the sentence's start (its only figure opens it: "5, si stima."): the
    early answer is what the whole patterns find there, nothing."""
    for start in (0, 1):
        span = Span(start, len(sentence))
        assert scan(sentence, span, until=start) == _scan_all(sentence, span, grammar("it"), start) == Scanned((), ())


@pytest.mark.parametrize("text, expected", [
    ("Il Nord-prevede di inviare 300 soldati.", ((8, "planned"),)),  # after a hyphen
    ("La stima.5 di 300 soldati.", ((3, "estimated"),)),  # a word joined to digits
    ("Kim non ha inviato-forse 300 soldati.", ((4, "denied"),)),  # the second word hyphenated
    ("La stima' di 300 soldati.", ((3, "estimated"),)),  # a word ending with an apostrophe
    ("Kim ha smentito' 300 soldati.", ((4, "denied"),)),  # the second word, too
    ("L'esercito sarà di 300 soldati.", ((11, "planned"),)),
    ("Kim ha smentito, 300 soldati.", ((4, "denied"),)),
    ("Kim ha detto 300 soldati.", ()),  # "ha" starts cues, but not before "detto"
])
def test_cues_at_odd_tokens(text: str, expected: tuple[tuple[int, str], ...]) -> None:
    assert scan(text, Span(0, len(text))).cues == expected
    _same(text, Span(0, len(text)), "it", len(text))


LISTED_YEARS = [
    # (the article's year, modality of "150"): a year after a listed figure is a time to come only after
    # the article's own (review35: "e 150 nel 2023" is a fact in an article of 2024)
    (2024, "reported"),
    (2022, "planned"),
]


@pytest.mark.parametrize(("year", "expected"), LISTED_YEARS)
def test_a_listed_figure_of_a_year_gone_by_is_a_fact(year: int, expected: str) -> None:
    import datetime as dt

    from quantities import extract
    from quantities.types import Document

    text = "I morti potrebbero salire a 200, e 150 nel 2023."
    doc = Document("a", text, lang="it", date=dt.date(year, 3, 1))
    assert next(c for c in extract(doc) if c.text.startswith("150")).modality == expected
