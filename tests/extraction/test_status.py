"""A claim's status and scope: one row of fixtures/status.tsv per case, the whole extractor
run on its sentence."""

from __future__ import annotations

import pytest
from tables import FIXTURES, rows

from quantities import extract
from quantities.extraction.nouns import status
from quantities.lang import load

FIXTURE = FIXTURES / "status.tsv"


def claim_at(text: str, figure: str, lang: str):
    at = text.index(figure)
    for c in extract(text, lang=lang):
        if c.quantity.span.start <= at < c.quantity.span.end or at <= c.quantity.span.start < at + len(figure):
            return c
    return None


@pytest.mark.parametrize("lang, sentence, figure, expected_status, expected_scope", rows(FIXTURE, 5))
def test_status_and_scope(lang: str, sentence: str, figure: str, expected_status: str, expected_scope: str) -> None:
    claim = claim_at(sentence, figure, lang)
    assert claim is not None, "no claim covers the figure"
    assert (claim.status or "-", claim.scope or "-") == (expected_status, expected_scope)


def test_every_pack_has_the_same_closed_class() -> None:
    assert status.classes("it") == status.classes("en")
    assert {"dead", "injured", "missing", "displaced", "evacuated", "rescued", "arrested", "deployed",
            "participants"} == set(status.classes("it"))


def test_a_word_in_two_classes_is_an_error() -> None:
    pack = load("it").merged({"status": {"classes": {"injured": ["morti"]}}})
    with pytest.raises(Exception, match="already"):
        status.statuses(pack)
