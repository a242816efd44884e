"""Odd and hostile text through the whole pipeline: never our crash, always linear.

Assertions are on outcomes (spans, values, types), never on seconds; the timings of
the hostile inputs are in benchmarks/bench_hostile.py.
"""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quantities import Document
from quantities.extraction.claims import extract_document
from quantities.ingest import documents

PIECES = ["5", "000", ".", ",", "'", " ", "mila", "milioni", "circa", "oltre", "tra", " e ",
          "%", "per cento", "km", "euro", "di", "migliaia", "decine", "quasi", "l'", "«", "»",
          "“", "”", "\n", "secondo", "Kcna", "ha detto", "soldati", "-", "/", "°", "€", "un", "una"]


def check(text: str) -> None:
    doc = Document(id="t", text=text)  # no front matter parsing: that may rightly raise
    claims = extract_document(doc)  # odd text never raises, not even our own errors
    for c in claims:
        assert 0 <= c.span.start <= c.span.end <= len(doc.text)
        assert doc.text[c.span.start:c.span.end] == c.text
        assert 0 <= c.sentence.start <= c.sentence.end <= len(doc.text)
        for v in (c.quantity.value, c.quantity.low, c.quantity.high):
            assert v is None or math.isfinite(v)
        q = c.quantity
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        if q.value is not None:  # the number as stated lies within what it means
            assert q.low is None or q.low <= q.value
            assert q.high is None or q.value <= q.high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_number_like_pieces(text):
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(("1.2" * 70_000), id="200KB of digits and dots"),
        pytest.param("mila " * 40_000, id="40.000 times mila"),
        pytest.param("«" * 50_000 + "5.000 soldati" + "»" * 50_000, id="100.000 nested quotes"),
        pytest.param(("circa 15mila soldati e " * 20_000), id="one 460KB sentence"),
        pytest.param("a" * 300_000 + " 5.000 operai", id="a 300KB word"),
        pytest.param("5" * 200_000, id="200.000 digits"),
        pytest.param(", ".join(["1.000"] * 30_000), id="30.000 numbers in a list"),
        pytest.param("stima.5," * 40_000, id="40.000 cues and figures in one sentence"),
        pytest.param("Sono morti 300 soldati" + ", i media hanno riferito" * 20_000 + ".",
                     id="20.000 report verbs after a figure"),
    ],
)
def test_hostile_inputs_finish(text):
    doc = documents.from_text(text, id="hostile")
    claims = extract_document(doc)
    assert isinstance(claims, list)
    assert all(doc.text[c.span.start:c.span.end] == c.text for c in claims)


def test_the_time_guard_fires_as_our_own_error(monkeypatch):
    from quantities import PatternTimeoutError
    from quantities.extraction.numbers import reader as numbers
    from quantities.extraction.numbers import reading

    monkeypatch.setattr(reading, "TIMEOUT", 1e-9)
    with pytest.raises(PatternTimeoutError, match="pattern timed out at offset"):
        numbers.find("Sono arrivati 5.000 operai e 1.000 genieri. " * 20_000)
