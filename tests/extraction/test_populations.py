"""A population stated through its settlement ("Marrakesh, a city of some 840,000 people"):
one row of fixtures/populations.tsv per case, the whole extractor run on its sentence; the
claim's concept and scope are those of "the 840,000 inhabitants of Marrakesh"."""

from __future__ import annotations

import pytest
from tables import FIXTURES, NO_CLAIM, claim_at, rows

FIXTURE = FIXTURES / "populations.tsv"


@pytest.mark.parametrize("lang, sentence, figure, expected_concept, expected_scope", rows(FIXTURE, 5))
def test_population_concept_and_scope(lang: str, sentence: str, figure: str, expected_concept: str,
                                      expected_scope: str) -> None:
    claim = claim_at(sentence, figure, lang)
    assert claim is not None, NO_CLAIM
    assert (claim.concept or "-", claim.scope or "-") == (expected_concept, expected_scope)
