"""quantities.testing: each helper passes and fails as documented, with editor-readable messages."""

from __future__ import annotations

import json
import re

import pytest
from tables import SEEDS

from quantities.integrations.snapshots import ClaimsSnapshot, snapshot_diff
from quantities.testing import (
    assert_claim,
    assert_consistent,
    assert_matches_reference,
    assert_no_claim,
)

GENIERI = SEEDS / "000_b6943ad90d5cd531.txt"
INGEGNERI = SEEDS / "002_0517a2c3f414bc01.txt"
TRUPPE = "Secondo le valutazioni della Corea del Sud, in Russia sono arrivati circa 15mila soldati."
OPERAI = "I media russi hanno riferito che il Nord invierà 5.000 operai edili militari a Kursk."
FIGURES = """
[[figure]]
id = "operai-kursk"
what = ["operai edili militari"]
context = ["Kursk"]
value = {value}
"""


def failure(call, *args, **kwargs) -> str:
    with pytest.raises(AssertionError) as info:
        call(*args, **kwargs)
    return str(info.value)


# -- assert_claim --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (TRUPPE, "15mila soldati", {"value": 15000, "attribution": "South Korea"}),
        (TRUPPE, "15mila soldati", {"low": 13500, "high": 16500, "approx": True, "hedge": "circa"}),
        (TRUPPE, "15mila", {"kind": "count", "unit": None, "noun": "soldati", "concept": "soldato"}),
        (TRUPPE, "soldati", {"attribution": "valutazioni della Corea del Sud"}),
        (OPERAI, "5.000 operai", {"value": 5000, "modality": "planned"}),
        (GENIERI, "1.000 genieri", {"value": 1000}),
    ],
    ids=["value and source", "interval", "kind and noun", "source as written", "planned", "seed file"],
)
def test_assert_claim_passes(text, surface, expected):
    claim = assert_claim(text, surface, **expected)
    assert surface in claim.text


@pytest.mark.parametrize(
    ("text", "surface", "expected", "message"),
    [
        (TRUPPE, "15mila soldati", {"value": 16000},
         r'the claim "15mila soldati" .* is not as expected:\n  "circa 15mila soldati": value is 15000, expected 16000'),
        (TRUPPE, "15mila soldati", {"attribution": "Tass"},
         r'attribution is "South Korea" \(written "[^"]*Corea del Sud"\), expected \'Tass\''),
        (TRUPPE, "20mila", {}, r'no claim contains "20mila" in "Secondo le valutazioni.*"; the claims found are:\n'),
        (OPERAI, "5.000 operai", {"modality": "reported"}, r"modality is 'planned', expected 'reported'"),
    ],
    ids=["value", "attribution", "no such claim", "modality"],
)
def test_assert_claim_fails_with_the_claims_found(text, surface, expected, message):
    text_of_failure = failure(assert_claim, text, surface, **expected)
    assert re.search(message, text_of_failure), text_of_failure
    assert re.search(r"where +wording +value +kind", text_of_failure)


def test_assert_claim_rejects_unknown_properties():
    with pytest.raises(TypeError, match="unknown properties \\['colour'\\]"):
        assert_claim(TRUPPE, "15mila", colour="red")


# -- assert_no_claim -----------------------------------------------------------------------

def test_assert_no_claim_passes_on_a_year():
    assert_no_claim("Il trattato è stato firmato nel giugno del 2024 a Pyongyang.", "2024")


def test_assert_no_claim_fails_listing_the_claim():
    message = failure(assert_no_claim, TRUPPE, "15mila")
    assert '"15mila" in "Secondo' in message and "was taken as a claim" in message
    assert "circa 15mila soldati" in message


# -- assert_consistent ---------------------------------------------------------------------

def test_assert_consistent_passes_on_agreeing_texts():
    assert_consistent(OPERAI, "Il Nord invierà 5.000 operai edili militari a Kursk, secondo i media russi.")


def test_assert_consistent_fails_on_the_seed_conflict():
    message = failure(assert_consistent, GENIERI, INGEGNERI)
    assert "the articles disagree (1 error, failing on error)" in message
    assert "ERROR  wording-conflict" in message
    assert re.search(r"000_b6943ad90d5cd531\.txt:\d+ +1\.000 genieri", message)
    assert re.search(r"002_0517a2c3f414bc01\.txt:\d+ +1\.000 ingegneri", message)


@pytest.mark.parametrize(("fail_on", "fails"), [("error", True), ("never", False)])
def test_assert_consistent_honours_fail_on(fail_on, fails):
    texts = (OPERAI, "Il Nord invierà 6.000 operai edili militari a Kursk, secondo i media russi.")
    if fails:
        assert "value-conflict" in failure(assert_consistent, *texts, fail_on=fail_on)
    else:
        assert_consistent(*texts, fail_on=fail_on)


def test_assert_consistent_reports_an_unreadable_file(tmp_path):
    bad = tmp_path / "rotto.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 20)
    message = failure(assert_consistent, bad)
    assert "input problem" in message and "rotto.txt" in message


# -- assert_matches_reference --------------------------------------------------------------

@pytest.mark.parametrize(("value", "fails"), [(5000, False), (6000, True)])
def test_assert_matches_reference(tmp_path, value, fails):
    figures = tmp_path / "figures.toml"
    figures.write_text(FIGURES.format(value=value), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(OPERAI, encoding="utf-8")
    if fails:
        message = failure(assert_matches_reference, article, figures)
        assert "figures differ from" in message and "5.000 operai" in message
    else:
        assert_matches_reference([article], figures)


# -- snapshots -----------------------------------------------------------------------------

def test_snapshot_is_written_then_compared(tmp_path):
    article = tmp_path / "kim.txt"
    article.write_text(TRUPPE, encoding="utf-8")
    snap = ClaimsSnapshot(folder=tmp_path / "tests")
    assert "wrote a new snapshot" in failure(snap.check, article)
    written = json.loads((tmp_path / "tests" / "kim.claims.json").read_text(encoding="utf-8"))
    assert written["claims"][0]["text"] == "circa 15mila soldati"
    snap.check(article)
    article.write_text("Un titolo nuovo.\n" + TRUPPE, encoding="utf-8")
    snap.check(article)  # a claim that moves is not a change
    article.write_text(TRUPPE.replace("15mila", "16mila"), encoding="utf-8")
    assert "16mila" in failure(snap.check, article)
    ClaimsSnapshot(folder=tmp_path / "tests", update=True).check(article)
    snap.check(article)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ([{"text": "a", "value": 1}], [{"text": "a", "value": 2}], '  ~ "a": value 1 → 2'),
        ([{"text": "a", "value": 1}], [], '  - "a" (value 1)'),
        ([], [{"text": "b", "value": 3, "attribution": {"source": "Seul", "canonical": "South Korea"}}],
         '  + "b" (value 3, source South Korea)'),
        ([{"text": "a", "value": 1, "start": 1}], [{"text": "a", "value": 1, "start": 9}], ""),
        ([{"text": "1 x", "noun": "x", "kind": "count", "value": 1, "low": 1, "high": 1}],
         [{"text": "2 x", "noun": "x", "kind": "count", "value": 2, "low": 2, "high": 2}],
         '  ~ "1 x" → "2 x": value 1 → 2'),
    ],
)
def test_snapshot_diff(old, new, expected):
    assert snapshot_diff(old, new) == expected
