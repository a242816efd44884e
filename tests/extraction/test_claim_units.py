"""The unit of a claim as the whole extractor sets it, beyond its own words: a bare figure
listed after one with a unit (nouns.listed), a bare scaled figure in a document about money
(nouns.Topic), a bare figure whose scale word and unit are elided (nouns.elided). One row of fixtures/claim_units.tsv per case."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tables import FIXTURES, NO_CLAIM, claim_at, row, rows


@pytest.mark.parametrize("lang, sentence, figure, unit", rows(FIXTURES / "claim_units.tsv", 4))
def test_claim_unit(lang: str, sentence: str, figure: str, unit: str) -> None:
    claim = claim_at(sentence, figure, lang)
    assert claim is not None, NO_CLAIM
    assert (claim.quantity.unit or "-") == unit


@pytest.mark.parametrize("lang, sentence, figure, value", [
    row("it", "Merci per 9,6 miliardi di dollari, di cui 5,1 miliardi in direzione ovest e 4,5 in direzione est.",
        "4,5", "4500000000", id="elided-miliardi"),
    row("it", "Sono 27mila gli sfollati e 4 in tutto i comuni.", "4", "4", id="near-miss-thousands-of-size"),
    row("it", "Merci per 9,6 miliardi di dollari, di cui 5,1 miliardi in direzione ovest, 4,5 in direzione est.",
        "4,5", "4.5", id="near-miss-comma-not-coordination"),
])
def test_elided_value(lang: str, sentence: str, figure: str, value: str) -> None:
    claim = claim_at(sentence, figure, lang)
    assert claim is not None, NO_CLAIM
    assert claim.quantity.value == Decimal(value)


@pytest.mark.parametrize("value", ["euro", 5, ["EUR"]])
def test_a_pack_currency_that_is_no_iso_code_names_its_key(value: object) -> None:
    from quantities.extraction.nouns.topic import words
    from quantities.lang import LanguageDataError, load

    with pytest.raises(LanguageDataError, match="nouns.currency"):
        words(load("it").merged({"nouns": {"currency": value}}))
