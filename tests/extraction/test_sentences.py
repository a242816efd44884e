"""quantities.extraction.sentences: the Italian table in fixtures/sentences_it.tsv, English rows, data errors."""

from __future__ import annotations

import sys
from bisect import bisect_right
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from tables import FIXTURES, rows

from quantities.errors import LanguageDataError
from quantities.extraction import sentences
from quantities.extraction.sentences import split
from quantities.lang import Pack, load

TABLE = FIXTURES / "sentences_it.tsv"
BREAK = "||"


def _check(marked: str, lang: str) -> None:
    text = marked.replace(BREAK, "")
    expected = [piece.strip() for piece in marked.split(BREAK)]
    expected = [e for e in expected if e]
    assert [s.of(text) for s in split(text, lang)] == expected


@pytest.mark.parametrize("marked, note", rows(TABLE, 2))
def test_italian(marked, note):
    _check(marked, "it")


def test_table_is_large_enough():
    assert len(rows(TABLE, 2)) >= 60


@pytest.mark.parametrize(
    "marked",
    [
        "Mr. Smith went to Washington.|| He met Dr. Jones.",
        "The U.S. Army sent 5,000 troops.",
        "The quake hit at 11:11 p.m. (2211 GMT), the U.S. Geological Survey said.",
        "It came from the U.S.|| The army left.",
        "It happened in the U.S.|| Then it spread.",
        "See No. 10 Downing Street.",
        "He said no.|| Then he left.",
        "Prices rose 3.5 percent.|| Analysts, e.g. at Nomura, agree.",
        "WASHINGTON, Aug. 14 (Reuters) - The president spoke.|| Nobody replied.",
        "LONDON (AP) — The minister resigned.",
        "\"We are ready.\"|| The minister spoke.",
        "He left at 5 p.m. and came back.",
        "He left at 5 p.m.|| Then he came back.",
    ],
)
def test_english(marked):
    _check(marked, "en")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "  Uno. Due.  \n\nTre  ",
        "Ciao.\r\n\r\nCome va?\r\n",
        "«Sì»",
        "....",
        "?! ?!",
    ],
)
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = split(text)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    for s in spans:
        piece = s.of(text)
        assert piece and piece == piece.strip()
    covered = "".join(text[s.start:s.end] for s in spans)
    assert covered.replace(" ", "") == "".join(text.split()).replace(" ", "")


def test_accepts_a_pack():
    assert split("Uno. Due.", load("it")) == split("Uno. Due.", "it")


@pytest.mark.parametrize(
    "hostile",
    [
        "a" * 10_000_000,                          # one 10 MB sentence
        "“" * 100_000 + "x." + "”" * 100_000,       # 100.000 nested quotes
        "." * 1_000_000,
        "\n" * 1_000_000,
        "A. " * 100_000,
        "sig. " * 100_000,
        ". " * 50_000,
        "ROMA, 3 set. " * 50_000,
    ],
)
def test_hostile_input_finishes_with_ordered_spans(hostile):
    """Outcomes only; the timings are in benchmarks/bench_hostile.py."""
    spans = split(hostile)
    assert all(0 <= a.start < a.end <= len(hostile) for a in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def _pack(sentences: dict) -> Pack:
    return Pack("xx", Path("xx.toml"), {"code": "xx", "sentences": sentences})


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"abbreviations": ["sig"]}, "sentences.abbreviations"),
        ({"abbreviations": ["ad es."]}, "sentences.abbreviations"),
        ({"before_numbers": [5]}, "sentences.before_numbers"),
        ({"final_abbreviations": "ecc."}, "sentences.final_abbreviations"),
        ({"quotes": [["«"]]}, "sentences.quotes"),
        ({"quotes": [["<<", ">>"]]}, "sentences.quotes"),
        ({"datelines": ["(unclosed"]}, "sentences.datelines"),
    ],
)
def test_bad_data_names_file_and_key(table, key):
    with pytest.raises(LanguageDataError) as info:
        split("Uno. Due.", _pack(table))
    assert info.value.key == key and info.value.file == "xx.toml"


def test_a_pack_without_sentence_data_still_splits():
    text = "Uno. Due!\nTre"
    assert [s.of(text) for s in split(text, _pack({}))] == ["Uno.", "Due!", "Tre"]


# -- the title is a sentence of its own (claims with section "title", spans into the title)

TITLED = "---\ntitle: Terremoto in Marocco, oltre 2mila vittime\ndate: 2023-09-09\n---\nIl bilancio sale a 2.012 morti, secondo il ministero.\n"


def _titled_document():
    from quantities.ingest.documents import from_text

    return from_text(TITLED, id="a.md")


def test_title_claims_come_first_and_index_the_title():
    from quantities.extraction.claims import extract_document

    doc = _titled_document()
    claims = extract_document(doc, titles=True)
    assert [(c.section, c.text) for c in claims] == [("title", "oltre 2mila vittime"), ("body", "2.012 morti")]
    title = claims[0]
    assert title.span.of(doc.title) == title.text == "oltre 2mila vittime"
    assert title.sentence.of(doc.title) == doc.title
    assert extract_document(doc) == claims[1:]  # without titles, the body claims as before


def test_title_is_never_joined_to_the_body():
    from quantities.extraction.claims import extract_document

    doc = _titled_document()
    (title, body) = extract_document(doc, titles=True)
    assert title.attribution is None  # the body's "secondo il ministero" stays in the body
    assert body.attribution is not None and body.attribution.source == "ministero"


def test_jsonl_title_is_read_as_a_sentence(tmp_path):
    from quantities import extract
    from quantities.ingest.documents import read

    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "title": "Pnrr, il piano sale a 194,4 miliardi", "text": "Nessun numero qui."}\n',
                    encoding="utf-8")
    claims = extract(read([str(path)]), titles=True)
    assert [(c.section, c.text) for c in claims] == [("title", "194,4 miliardi")]


def test_title_claims_have_no_body_location(capsys, tmp_path):
    """Report locations and GitHub annotations map body offsets to lines: a title claim has none."""
    from quantities.integrations.cli import main

    path = tmp_path / "a.md"
    path.write_text(TITLED, encoding="utf-8")
    main(["extract", "--titles", "--format", "github", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"::notice file={path}::oltre 2mila vittime")
    assert lines[1].startswith(f"::notice file={path},line=5,col=20::2.012 morti")
    main(["extract", "--format", "jsonl", str(path)])
    assert '"section": "title"' not in capsys.readouterr().out  # the body's offsets only, by default


@pytest.mark.parametrize("text, figure, hedge", [
    ("Le vittime hanno superato le mille unità\n\nmagnitudo 6,8 a Marrakech.", "6,8", None),  # a blank line
    ("Le vittime hanno superato le mille unità\n\nMagnitudo 6,8", "6,8", None),  # a headline
    ("Sono circa 300 i morti e\n2.700 i feriti.", "2.700", "circa"),  # a hard-wrapped line
    ("Sono circa 300 i morti e 2.700 i feriti.", "2.700", "circa"),
])
def test_a_hedge_never_leaks_across_a_blank_line(text, figure, hedge):
    from quantities import extract

    at = text.index(figure)
    (claim,) = [c for c in extract(text) if c.quantity.span.start <= at < c.quantity.span.end]
    assert claim.quantity.hedge == hedge


def test_blanks_are_what_regex_reads_as_space():
    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if regex.match(r"\s", c))
    assert spaces == sentences.BLANKS


_NEXT = regex.compile(r"\s{0,200}+(?P<c>\S)?")


@pytest.mark.parametrize("text, pos", [
    ("Fine. Poi", 5), ("Fine.", 5), ("Fine.   ", 5), ("Fine.\x1c poi", 5), ("Fine.\u00a0\u2003poi", 5),
    ("a." + " " * 200 + "X", 2), ("a." + " " * 199 + "X", 2), ("a." + " " * 201 + "X", 2),
    ("a.\n\n\u3000«Sì»", 2),
])
def test_next_character_is_the_patterns(text, pos):
    assert sentences._next(text, pos) == _NEXT.match(text, pos).group("c")


@given(st.lists(st.sampled_from(["Sono morti 5 soldati.", "300", " ", "e 7 feriti", "\n\n", "Oltre 2.000.", "ieri"]),
                max_size=30))
@settings(max_examples=200, deadline=None)
def test_held_groups_each_figure_by_the_sentence_that_holds_it(pieces: list[str]) -> None:
    """``held`` (which keeps a figure in the sentence of the one before it without a lookup)
    groups the figures as a lookup of each figure's sentence does."""
    from collections import deque

    from quantities.extraction.numbers.reader import find

    text = "".join(pieces)
    starts, ends = sentences.bounds(text)
    figures = find(text)
    looked_up = []
    for q in figures:
        i = bisect_right(starts, q.span.start) - 1
        looked_up.append(i if i >= 0 and q.span.end <= ends[i] else -1)
    grouped = [s.index for s in sentences.held(deque(figures), starts, ends) for _ in s.figures]
    assert grouped == looked_up


# a sentence (characters of filler around each figure, figures); whether its claims' contexts are the sentence itself
LONG_SENTENCES = [
    ("€5 e " * 2000, False),       # a run-on sentence of 2.000 figures: windows, shared
    ("a " * 300 + "5 soldati " + "b " * 300, False),  # one figure in 1.210 characters: a window around it
    ("Sono arrivati 5 soldati e 6 ufficiali.", True),  # near miss: a short sentence is its own context
]


@pytest.mark.parametrize(("text", "whole"), LONG_SENTENCES)
def test_a_claims_context_is_a_window_of_its_sentence_shared_by_its_neighbours(text, whole):
    """Each claim's context holds its figure, is at most CONTEXT characters, and the claims of
    one stretch of a long sentence share one string: 50.000 figures in one run-on sentence
    kept 50.000 copies (2 KB each) before."""
    from quantities import extract
    from quantities.extraction.sentences import CONTEXT

    claims = extract(text)
    assert claims and all(c.quantity.text in c.context and len(c.context) <= CONTEXT for c in claims)
    assert all((c.context == text.strip()) == whole for c in claims)
    distinct = len({id(c.context) for c in claims})
    assert distinct == 1 if whole or len(claims) == 1 else distinct <= len(text) // (CONTEXT // 4) + 1
