"""quantities.extraction.sentences: the Italian table in fixtures/sentences_it.tsv, English rows, data errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables import FIXTURES

from quantities.errors import LanguageDataError
from quantities.extraction.sentences import split
from quantities.lang import Pack, load

TABLE = FIXTURES / "sentences_it.tsv"
BREAK = "||"


def _unescape(cell: str) -> str:
    return cell.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t")


def _rows(path: Path) -> list:
    rows = []
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln and not ln.startswith("#")]
    for lineno, line in enumerate(lines[1:], 2):
        status, text, note = line.split("\t")
        marks = [pytest.mark.xfail(strict=True, reason=note)] if status == "xfail" else []
        rows.append(pytest.param(_unescape(text), id=f"{lineno}-{note}", marks=marks))
    return rows


def _check(marked: str, lang: str) -> None:
    text = marked.replace(BREAK, "")
    expected = [piece.strip() for piece in marked.split(BREAK)]
    expected = [e for e in expected if e]
    assert [s.of(text) for s in split(text, lang)] == expected


@pytest.mark.parametrize("marked", _rows(TABLE))
def test_italian(marked):
    _check(marked, "it")


def test_table_is_large_enough():
    assert len(_rows(TABLE)) >= 60


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
