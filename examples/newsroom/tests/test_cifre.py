"""The desk's own checks on the figures, beyond what pytest checks from pyproject.toml."""

from pathlib import Path

from quantities.testing import assert_claim, assert_consistent, assert_matches_reference, assert_no_claim

HERE = Path(__file__).resolve().parent.parent
ARTICOLI = HERE / "articoli"
TRUPPE = ARTICOLI / "2025-08-14-settimanale-truppe.md"
AGENZIA = ARTICOLI / "2025-08-13-agenzia-kim-putin.md"


def test_truppe_stimate_da_seul():
    assert_claim(TRUPPE, "15mila soldati", value=15000, approx=True, attribution="South Korea")


def test_operai_sono_un_piano():
    assert_claim(AGENZIA, "5.000 operai", value=5000, modality="planned")


def test_la_data_non_e_una_cifra():
    assert_no_claim(TRUPPE, "2024")


def test_le_cifre_del_desk():
    assert_matches_reference(ARTICOLI, HERE / "figures.toml")


def test_agenzia_e_settimanale_concordano():
    assert_consistent(AGENZIA, TRUPPE)
