"""A claim's status and scope: one row of fixtures/status.tsv per case, the whole extractor
run on its sentence."""

from __future__ import annotations

import pytest
from tables import FIXTURES, NO_CLAIM, claim_at, rows

from quantities.extraction.nouns import status
from quantities.lang import load
from quantities.text.tokens import tokens
from quantities.types import Span

FIXTURE = FIXTURES / "status.tsv"


@pytest.mark.parametrize("lang, sentence, figure, expected_status, expected_scope", rows(FIXTURE, 5))
def test_status_and_scope(lang: str, sentence: str, figure: str, expected_status: str, expected_scope: str) -> None:
    claim = claim_at(sentence, figure, lang)
    assert claim is not None, NO_CLAIM
    assert (claim.status or "-", claim.scope or "-") == (expected_status, expected_scope)


def test_every_pack_has_the_same_closed_class() -> None:
    assert status.classes("it") == status.classes("en")
    assert {"dead", "injured", "missing", "displaced", "evacuated", "rescued", "arrested", "deployed",
            "participants", "closed", "reopened"} == set(status.classes("it"))


def test_every_pack_says_the_same_statuses_are_among_others_and_only_of_its_classes() -> None:
    among = {lang: load(lang).table("status.among") for lang in ("it", "en")}
    assert among["it"] == among["en"] == {"injured": ["rescued"]}
    assert {s for k, v in among["it"].items() for s in (k, *v)} <= set(status.classes("it"))


def test_a_word_in_two_classes_is_an_error() -> None:
    pack = load("it").merged({"status": {"classes": {"injured": ["morti"]}}})
    with pytest.raises(Exception, match="already"):
        status.statuses(pack)


#: Sentences with and without a word status or scope is told by (status.quiet: then each
#: figure's status is its noun's alone and it has no scope, answered once a sentence).
QUIET = [
    ("it", "5 km, 5 km, 5 km, 5 km", "", True),
    ("it", "il 5% il 5% il 5%", "", True),
    ("it", "€5 e €5 e €5 e", "", True),
    ("it", "5 soldati, 7 soldati", "soldati", True),
    ("it", "5 dispersi, 7 soldati", "dispersi", False),  # a status word
    ("it", "5 km, 5 km a Roma", "", False),  # a place's preposition
    ("it", "5 km, di cui 3 km", "", False),  # a part
    ("it", "5 km, 3 dei quali", "", False),  # a partitive pronoun
    ("it", "5 sfollati di tutta l'isola", "sfollati", False),  # a whole area
    ("it", "5 sono morti", "", False),  # a status word after the figure
    ("en", "5 km, 5 km, 5 km", "", True),
    ("en", "5 people died", "people", False),
    ("en", "5 km in Kent", "", False),
]


@pytest.mark.parametrize("lang, sentence, noun, quiet", QUIET)
def test_a_quiet_sentence_reads_as_read_would(lang: str, sentence: str, noun: str, quiet: bool) -> None:
    toks = tokens(sentence)
    assert status.quiet(toks, lang=lang) is quiet
    for i in range(len(toks)):
        if toks.texts[i][0].isdigit():
            figure = Span(toks.starts[i], toks.ends[i])
            read = status.read(sentence, figure, figure.end, noun or None, lang=lang, toks=toks)
            if quiet:
                assert status.read(sentence, figure, figure.end, noun or None, lang=lang, toks=toks, still=True) == read
                assert read[1] is None
