"""A claim's status and scope: one row of fixtures/status.tsv per case, the whole extractor
run on its sentence."""

from __future__ import annotations

import pytest
from tables import FIXTURES, NO_CLAIM, claim_at, rows

from quantities.extraction.nouns import status
from quantities.lang import load

FIXTURE = FIXTURES / "status.tsv"


@pytest.mark.parametrize("lang, sentence, figure, expected_status, expected_scope", rows(FIXTURE, 5))
def test_status_and_scope(lang: str, sentence: str, figure: str, expected_status: str, expected_scope: str) -> None:
    claim = claim_at(sentence, figure, lang)
    assert claim is not None, NO_CLAIM
    assert (claim.status or "-", claim.scope or "-") == (expected_status, expected_scope)


def test_every_pack_has_the_same_closed_class() -> None:
    assert status.classes("it") == status.classes("en")
    assert {"dead", "injured", "missing", "displaced", "evacuated", "rescued", "arrested", "deployed",
            "participants"} == set(status.classes("it"))


def test_every_pack_says_the_same_statuses_are_among_others_and_only_of_its_classes() -> None:
    among = {lang: load(lang).table("status.among") for lang in ("it", "en")}
    assert among["it"] == among["en"] == {"injured": ["rescued"]}
    assert {s for k, v in among["it"].items() for s in (k, *v)} <= set(status.classes("it"))


def test_a_word_in_two_classes_is_an_error() -> None:
    pack = load("it").merged({"status": {"classes": {"injured": ["morti"]}}})
    with pytest.raises(Exception, match="already"):
        status.statuses(pack)
