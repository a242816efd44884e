"""Attribution: one row of fixtures/attribution_it.tsv per case.

Each row runs the extractor on its text (a sentence, or a sentence and the next) and
compares the attribution of the claim that covers the row's figure: the source as
written (without a leading article), its canonical name, the cue and the relay (``via``);
``-`` stands for None.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quantities import extract
from quantities.attribution import choose, grammar, scan
from quantities.errors import LanguageDataError
from quantities.lang import load
from quantities.types import Span

from test_nouns import NO_CLAIM, claim_at, rows

FIXTURE = Path(__file__).parent.parent / "fixtures" / "attribution_it.tsv"


@pytest.mark.parametrize("text, figure, source, canonical, cue, via", rows(FIXTURE, 6))
def test_attribution(text: str, figure: str, source: str, canonical: str, cue: str, via: str) -> None:
    claim = claim_at(text, figure)
    assert claim is not None, NO_CLAIM
    a = claim.attribution
    got = ("-", "-", "-", "-") if a is None else (a.source, a.canonical or "-", a.cue, a.via or "-")
    assert got == (source, canonical, cue, via)


def test_fixture_is_large_enough() -> None:
    assert len(rows(FIXTURE, 6)) >= 80


def test_attribution_span_points_at_the_source_in_the_body() -> None:
    text = "Secondo l'intelligence sudcoreana, il Nord ha inviato 15mila soldati."
    a = extract(text)[0].attribution
    assert a is not None and a.span.of(text) == "intelligence sudcoreana"


def test_attribution_span_in_the_next_sentence() -> None:
    text = "Il Nord ha inviato 200 ufficiali. Lo riporta l'agenzia ufficiale Kcna."
    a = extract(text)[0].attribution
    assert a is not None and a.span.of(text) == "agenzia ufficiale Kcna"


def test_never_beyond_the_next_sentence() -> None:
    text = "Il Nord ha inviato 200 ufficiali. Kim ha parlato. Lo riporta la Kcna."
    assert extract(text)[0].attribution is None


@pytest.mark.parametrize("text", [
    "secondo " * 2000,
    "ha detto " * 2000 + "300",
    "Secondo" + " la" * 3000 + " 300 soldati",
    "per, per, per " * 1000,
    "che cita " * 1000,
])
def test_hostile_text_does_not_raise(text: str) -> None:
    found = scan(text, Span(0, len(text)))
    assert choose(found, Span(len(text), len(text))) is None or found


def test_grammar_is_compiled_once_per_pack() -> None:
    assert grammar("it") is grammar(load("it"))


def test_malformed_data_names_the_key() -> None:
    pack = load("it").merged({"attribution": {"forward": "secondo"}})
    with pytest.raises(LanguageDataError, match="attribution.forward"):
        grammar(pack)
