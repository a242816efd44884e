"""The extract() contract: inputs, order, spans, non-claims, languages, robustness."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from tables import SEEDS

from quantities import Document, QuantitiesWarning, extract
from quantities.extraction import claims
from quantities.extraction.attribution import scan
from quantities.extraction.claims import extract_document
from quantities.ingest import documents
from quantities.ingest.documents import from_text
from quantities.lang import load
from quantities.types import Span

SEOUL = "Secondo l'intelligence sudcoreana, il Nord ha inviato circa 15mila soldati. Kim invierà 1.000 genieri."


def test_a_string_is_one_document() -> None:
    claims = extract(SEOUL)
    assert [(c.doc, c.text) for c in claims] == [("<text>", "circa 15mila soldati"), ("<text>", "1.000 genieri")]


@pytest.mark.parametrize("field, expected", [
    ("noun", "soldati"), ("concept", "soldato"), ("modality", "reported"),
    ("context", "Secondo l'intelligence sudcoreana, il Nord ha inviato circa 15mila soldati."),
])
def test_claim_fields(field: str, expected: str) -> None:
    assert getattr(extract(SEOUL)[0], field) == expected


def test_claim_spans_are_body_spans() -> None:
    c = extract(SEOUL)[0]
    assert c.span.of(SEOUL) == "circa 15mila soldati"
    assert c.quantity.span.of(SEOUL) == "circa 15mila"
    assert c.sentence.of(SEOUL) == c.context


def test_spans_map_through_markup() -> None:
    body = "# Titolo\n\nI media **russi** hanno riferito che il Nord invierà **5.000** operai edili."
    doc = from_text(body, id="a.md", format="markdown")
    (c,) = extract(doc)
    assert c.text == "5.000 operai edili"
    assert c.span.of(body) == "5.000** operai edili"
    assert c.attribution is not None and c.attribution.span.of(body) == "media **russi"
    assert c.attribution.canonical == "Russia"


def test_documents_in_order_with_their_date() -> None:
    docs = [from_text("Sono morti 300 soldati.", id="b", date=dt.date(2025, 8, 13)),
            from_text("Sono morti 200 soldati.", id="a")]
    claims = extract(iter(docs))
    assert [(c.doc, c.quantity.value, c.date) for c in claims] == [
        ("b", 300, dt.date(2025, 8, 13)), ("a", 200, None)]


def test_one_document_object() -> None:
    doc = from_text(SEOUL, id="x")
    assert extract(doc) == extract_document(doc)


@pytest.mark.parametrize("text", ["Nel 2024, il 15 agosto, alle 7.40.", "", "   "])
def test_non_claims_are_not_claims(text: str) -> None:
    assert extract(text) == []


def test_a_document_without_pack_is_skipped_with_a_warning() -> None:
    docs = [from_text("Sono morti 300 soldati.", id="ok"),
            Document(id="strange.txt", text="300 soldiers", lang="xx"),
            from_text("Sono morti 200 soldati.", id="ok2")]
    with pytest.warns(QuantitiesWarning, match="strange.txt"):
        claims = extract(docs)
    assert [c.doc for c in claims] == ["ok", "ok2"]


def test_lang_may_be_a_pack() -> None:
    assert extract(SEOUL, lang=load("it")) == extract(SEOUL, lang="it")


def test_planned_and_attributed_together() -> None:
    text = "I media russi hanno inoltre riferito che il Nord invierà 5.000 operai edili militari e 1.000 genieri a Kursk."
    got = [(c.text, c.attribution.canonical if c.attribution else None, c.modality) for c in extract(text)]
    assert got == [("5.000 operai edili militari", "Russia", "planned"), ("1.000 genieri", "Russia", "planned")]


@pytest.mark.parametrize("text", [
    "300 " * 5000,
    "secondo " * 3000 + "300 soldati",
    "5.000" + " operai" * 5000,
    "ha detto che " * 2000 + "300",
    "**" * 5000 + "300 **soldati**",
    "\x00\ufeff300\u200b soldati",
    "---",
    "---\ntitle: x\n300 soldati",
])
def test_odd_text_never_raises(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        claims = extract(text)
    assert all(c.span.end <= len(text) for c in claims)


def test_many_cues_in_one_sentence() -> None:
    text = "secondo la " * 20000
    assert len(scan(text, Span(0, len(text)))) <= 20000


def test_batches_of_sentences_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences are read in batches (claims.BATCH); the claims must not depend on where a
    batch ends: a report carried by the next sentence ("Lo riporta la Kcna.") included."""
    seeds = sorted(SEEDS.glob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds * 6)
    doc = documents.from_text(text + "\n\nSono morti 300 soldati.\nLo riporta la Kcna.", id="all", format="markdown")
    found = {}
    for size in (1, 2, 7, 32, 10**6):
        monkeypatch.setattr(claims, "BATCH", size)
        found[size] = extract_document(doc)
    assert len({c.sentence for c in found[1]}) > 2 * 32  # several batches of the default size
    assert found[1][-1].attribution.canonical == "KCNA"
    assert all(got == found[1] for got in found.values())


@pytest.mark.parametrize("text, figure, kind, unit", [
    # "N punti" in a document of shares is a difference of shares: percentage points
    ("L'affluenza è al 60%. In Campania la partecipazione è scesa di circa 16 punti.", "16", "measure",
     "percentage_point"),
    ("L'affluenza è al 60%. Il calo è di nove punti percentuali.", "nove", "measure", "percentage_point"),
    ("L'affluenza è al 60%. Il 9% in meno.", "9%", "percent", "percent"),
    ("La partita è finita con tredici punti in meno.", "tredici", "count", None),   # no share before: points of a game
])
def test_points_after_shares_are_percentage_points(text: str, figure: str, kind: str, unit: str | None) -> None:
    claim = next(c for c in extract(text) if figure in c.text)
    assert (claim.quantity.kind, claim.quantity.unit) == (kind, unit)
