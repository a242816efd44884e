"""The unit of a claim as the whole extractor sets it, beyond its own words: a bare figure
listed after one with a unit (nouns.listed), a bare scaled figure in a document about money
(nouns.Topic). One row of fixtures/claim_units.tsv per case."""

from __future__ import annotations

import pytest
from tables import FIXTURES, NO_CLAIM, claim_at, rows


@pytest.mark.parametrize("lang, sentence, figure, unit", rows(FIXTURES / "claim_units.tsv", 4))
def test_claim_unit(lang: str, sentence: str, figure: str, unit: str) -> None:
    claim = claim_at(sentence, figure, lang)
    assert claim is not None, NO_CLAIM
    assert (claim.quantity.unit or "-") == unit
