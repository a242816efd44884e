"""Attribution: one row of fixtures/attribution_it.tsv per case.

Each row runs the extractor on its text (a sentence, or a sentence and the next) and
compares the attribution of the claim that covers the row's figure: the source as
written (without a leading article), its canonical name, the cue and the relay (``via``);
``-`` stands for None.
"""

from __future__ import annotations

import dataclasses
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from tables import FIXTURES, NO_CLAIM, claim_at, column, rows
from timing import LIMIT, slope

from quantities import extract
from quantities.errors import LanguageDataError
from quantities.extraction.attribution import choose, grammar, scan
from quantities.extraction.attribution.grammar import _head
from quantities.lang import load
from quantities.types import Span

FIXTURE = FIXTURES / "attribution_it.tsv"
FIXTURE_EN = FIXTURES / "attribution_en.tsv"


def _attribution_of(text: str, figure: str, lang: str) -> tuple[str, str, str, str]:
    """The attribution of the claim that covers ``figure`` in ``text``."""
    claim = claim_at(text, figure, lang)
    assert claim is not None, NO_CLAIM
    a = claim.attribution
    return ("-", "-", "-", "-") if a is None else (a.source, a.canonical or "-", a.cue, a.via or "-")


@pytest.mark.parametrize("text, figure, source, canonical, cue, via", rows(FIXTURE, 6))
def test_attribution(text: str, figure: str, source: str, canonical: str, cue: str, via: str) -> None:
    assert _attribution_of(text, figure, "it") == (source, canonical, cue, via)


@pytest.mark.parametrize("text, figure, source, canonical, cue, via", rows(FIXTURE_EN, 6))
def test_attribution_english(text: str, figure: str, source: str, canonical: str, cue: str, via: str) -> None:
    assert _attribution_of(text, figure, "en") == (source, canonical, cue, via)


@pytest.mark.parametrize("unit", ["per Kcna 5 ", "ha detto la Kcna 5 ", "sono 5 morti ", "5 feriti; ", "secondo Seul 5, "])
def test_hostile_sentence_of_cues_and_figures_is_linear(unit: str) -> None:
    """One long sentence with a cue and a figure in each clause: four times the text costs
    about four times the CPU time (a slope, not a wall-clock bound; quadratic would be 16)."""

    def work(n: int):
        text = "Secondo il rapporto " + unit * n + "."
        return lambda: extract(text)

    assert slope(work, 750) < LIMIT


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


def _cue_phrases() -> list[str]:
    """The pack's cue phrases, an auxiliary with each participle, and the other words."""
    pack = load("it")
    words = {k: list(pack.words(f"attribution.{k}")) for k in
             ("forward", "restricted", "auxiliaries", "participles", "present", "adverbs", "agent")}
    verbs = [f"{a} {p}" for a in words["auxiliaries"] for p in words["participles"][:6]]
    passives = [f"{p} {a}" for p in words["participles"][:6] for a in ("da", "dalla", "dall'")]
    return sorted({p for ws in words.values() for p in ws} | set(verbs) | set(passives))


def _unfiltered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make :func:`scan` try the cue pattern at every first word, whatever follows it."""
    import quantities.extraction.attribution.cues as attribution
    g = grammar("it")
    bare = dataclasses.replace(g, seconds=dict.fromkeys(g.seconds))
    monkeypatch.setattr(attribution, "grammar", lambda lang: bare)


def _scan_all(text: str) -> list[tuple[str, str, int]]:
    return [(f.source, f.cue, f.span.start) for f in scan(text, Span(0, len(text)))]


#: What may stand between two words: blanks, and the odd joins after which the case-blind
#: cue pattern still ends a word (an apostrophe, a hyphen, a digit, a closing quote).
JOINS = [" ", " ", " ", "  ", "\n", "’ ", "' ", "-", ".5 ", "’", " ‘", ", "]
#: Letters spelled another way: capitals, and capitals that fold to other lengths ("İ").
SPELLINGS = [str, str, str.upper, str.capitalize, lambda w: w.upper().replace("I", "İ")]


PIECE = st.tuples(st.sampled_from(_cue_phrases() + ["Kcna", "la", "il", "300", ",", "soldati", "al'"]),
                  st.lists(st.sampled_from(JOINS), min_size=4, max_size=4), st.sampled_from(SPELLINGS))


def _piece(phrase: str, joins: list[str], spell: object) -> str:
    """``phrase`` spelled ``spell``, its words and its end joined by ``joins``."""
    words = spell(phrase).split()  # type: ignore[operator]
    return "".join(w + joins[min(i, 3)] for i, w in enumerate(words))


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECE, max_size=8))
def test_second_word_filter_drops_no_cue(pieces: list[tuple[str, list[str], object]]) -> None:
    """The table of second words only spares the pattern places where it cannot match."""
    text = "".join(_piece(*p) for p in pieces)
    filtered = _scan_all(text)
    with pytest.MonkeyPatch.context() as mp:
        _unfiltered(mp)
        assert _scan_all(text) == filtered


def test_second_word_filter_drops_no_cue_in_the_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = column(FIXTURE, 6)
    filtered = [_scan_all(t) for t in texts]
    _unfiltered(monkeypatch)
    assert [_scan_all(t) for t in texts] == filtered


def test_python_letters_are_regexs():
    """attribution.grammar._head takes a word of Python's letters whole, as ``\\p{L}+`` would."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    theirs = {m[0] for m in regex.finditer(r"\p{L}", every)}
    assert {c for c in every if c.isalpha()} <= theirs


@pytest.mark.parametrize("word, head", [
    ("riferito", "riferito"), ("riferito'", "riferito"), ("riferito-ieri", "riferito"), ("stima.5", "stima"),
    ("5.000", ""), ("", ""), ("città", "città"), ("l'", "l"), ("\u0558x", "\u0558x"),
])
def test_head(word, head):
    assert _head(word) == head
