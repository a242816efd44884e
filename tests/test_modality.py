"""Modality: one row of fixtures/modality_it.tsv per case (reported, estimated, planned, denied)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_nouns import NO_CLAIM, claim_at, rows

from quantities.errors import LanguageDataError
from quantities.lang import load
from quantities.modality import grammar, modality
from quantities.types import Span

FIXTURE = Path(__file__).parent.parent / "fixtures" / "modality_it.tsv"


@pytest.mark.parametrize("sentence, figure, expected", rows(FIXTURE, 3))
def test_modality(sentence: str, figure: str, expected: str) -> None:
    claim = claim_at(sentence, figure)
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
