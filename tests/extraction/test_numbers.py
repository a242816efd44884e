"""numbers.find on the table of Italian (and English) forms in fixtures/numbers_*.tsv.

Each row: text, the expected span text (``-``: no quantity at all), then value, low,
high, kind, unit, hedge (``*``: not checked; empty: None) and an xfail reason for
known gaps (strict: fixing one is noticed).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tables import FIXTURES, row, rows

from quantities.errors import PatternTimeoutError
from quantities.extraction.numbers.reader import find, parse
from quantities.types import Quantity

COLUMNS = ("text", "match", "value", "low", "high", "kind", "unit", "hedge")


def expected(cell: str) -> Decimal | None:
    return None if cell == "" else Decimal(cell)


def check_row(lang: str, *cells: str) -> None:
    row = dict(zip(COLUMNS, cells))
    text = row["text"]
    found = find(text, lang)
    if row["match"] == "-":
        assert found == [], [q.text for q in found]
        return
    hits = [q for q in found if text[q.span.start:q.span.end] == row["match"]]
    assert hits, f"no quantity spans {row['match']!r}; found {[q.text for q in found]}"
    q = hits[0]
    for field in ("value", "low", "high"):
        if row[field] != "*":
            assert getattr(q, field) == expected(row[field]), (field, getattr(q, field))
    for field in ("kind", "unit", "hedge"):
        if row[field] != "*":
            assert getattr(q, field) == (row[field] or None), (field, getattr(q, field))


@pytest.mark.parametrize(COLUMNS, rows(FIXTURES / "numbers_it.tsv", len(COLUMNS)))
def test_italian(text: str, match: str, value: str, low: str, high: str, kind: str, unit: str, hedge: str) -> None:
    check_row("it", text, match, value, low, high, kind, unit, hedge)


@pytest.mark.parametrize(
    "text, precision",
    [
        ("15mila", "1000"), ("1,5 milioni", "100000"), ("5.000", "1000"), ("5.200", "100"),
        ("5.012", "1"), ("2,5", "0.1"), ("quindicimila", "1000"), ("2,50", "0.01"),
        ("duemilacinquecento", "100"), ("un milione e mezzo", "100000"), ("300", "100"),
        ("7", "1"), ("10-12mila", "1000"), ("1.234,56", "0.01"), ("4,2 mld", "100000000"),
        ("3mila miliardi", "1000000000000"), ("mille miliardi", "1000000000000"),
        ("1 milione e 200mila", "100000"), ("20-30.000", "10000"), ("20-30mila", "10000"),
    ],
)
def test_precision(text: str, precision: str) -> None:
    q = parse(text)
    assert q is not None and q.precision == Decimal(precision)


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Il 15 agosto alle 7.40 circa 300 morti e 2.700 feriti nel 2019",
         ["date", "time", "count", "count", "year"]),
        ("5.000 operai e 1.000 genieri", ["count", "count"]),
        ("Covid-19: 300 morti, il 30% dei casi", ["identifier", "count", "percent"]),
    ],
)
def test_order_and_kinds(text: str, kinds: list[str]) -> None:
    found = find(text)
    assert [q.kind for q in found] == kinds
    assert all(a.span.end <= b.span.start for a, b in zip(found, found[1:]))


def test_non_claims_are_marked() -> None:
    found = find("nel 2019, alle 18, il 118 e 06 1234567 e il 3 marzo")
    assert [q.is_claim for q in found] == [False] * 5


def test_span_text_is_the_input_slice() -> None:
    text = "Secondo Seul, oltre 1,5 milioni di euro e circa 15mila soldati."
    for q in find(text):
        assert isinstance(q, Quantity)
        assert q.text == text[q.span.start:q.span.end]


@pytest.mark.parametrize(
    "text",
    [
        "1." * 100_000,                # digits and dots
        "mila " * 40_000,              # a scale word repeated
        "a" * 200_000,                 # one long word
        "tre" * 60_000,                # a long word made of number morphemes
        "1 " * 100_000,                # many tiny numbers
        "circa " * 30_000 + "5",       # many hedges
        "decine di " * 20_000,         # vague words
        "9" * 200_000,                 # one huge digit run
        "id 8768-4e58-b472 " * 2_000,  # an exponent past what a Decimal keeps exact (a code)
    ],
    ids=["digits-dots", "mila", "long-word", "morphemes", "tiny-numbers", "hedges", "vague", "digit-run",
         "huge-exponent"],
)
def test_hostile_inputs_finish(text: str) -> None:
    found = find(text)
    assert isinstance(found, list)
    assert all(q.text == text[q.span.start:q.span.end] for q in found)


def test_an_empty_match_does_not_stall_the_scan(monkeypatch) -> None:
    """A number word "" (refused by the checks: tests/run/test_config.py) would make the
    master pattern match the empty string; the scan still moves on past it."""
    from quantities.extraction.numbers import grammar, reader, vocabulary
    from quantities.lang import load

    monkeypatch.setattr(vocabulary, "entries", lambda pack, key: pack.table(key, {}))
    pack = load("it").merged({"numbers": {"words": {"": 5}}})
    built = grammar.grammar.__wrapped__.__wrapped__(pack)  # past both caches: nothing kept
    monkeypatch.setattr(reader, "grammar", lambda _pack: built)
    assert built.anchors.master.match("ciao.", 4)[0] == ""  # the empty match is there
    assert [q.text for q in find("Ciao. Circa 300 morti.", pack)] == ["Circa 300"]


@pytest.mark.parametrize("text, lang", [
    ("1." * 50_000, "it"), ("1," * 50_000, "en"), ("1.2." * 20_000 + "3", "it"), ("7:" * 30_000 + "1", "en"),
], ids=["dots-it", "commas-en", "pairs-it", "colons-en"])
def test_a_dotted_run_is_not_thousands_of_figures(text: str, lang: str) -> None:
    assert find(text, lang) == []  # a run with no blank over 64 characters: one name (OPAQUE below)


@pytest.mark.parametrize("text, lang", [
    ("versione 1.2.3.4.5.6 del programma", "it"), ("release 7:1:2:3 of it", "en"), ("1,2,3,4,5,6,7,8,9", "en"),
], ids=["dots-it", "colons-en", "commas-en"])
def test_a_short_dotted_run_is_one_identifier(text: str, lang: str) -> None:
    assert [q.kind for q in find(text, lang)] == ["identifier"]


SERIES = [
    # text, language, what find reads (text, kind): five bare numbers or more with only blanks
    # or list marks between them are one series (a table row, numbers drawn), no figure
    pytest.param("5 12 33 47 81 90", "it", [("5 12 33 47 81 90", "identifier")], id="numbers drawn"),
    pytest.param("I numeri estratti: 5, 12, 33, 47, 81, 90.", "it", [("5, 12, 33, 47, 81, 90", "identifier")],
                 id="drawn, with commas"),
    pytest.param("3,5 4,1 5,2 6,0 7,3 punti", "it", [("3,5 4,1 5,2 6,0 7,3", "identifier")], id="a row of decimals"),
    pytest.param("Roma 12 5 3 4 17 punti", "it", [("12 5 3 4 17", "identifier")], id="a table row"),
    pytest.param("the winning numbers 4, 8, 15, 16, 23, 42", "en", [("4, 8, 15, 16, 23, 42", "identifier")],
                 id="english drawn"),
    row("Estratti: 5, 12, 33, 47, 81 e 90.", "it", [("5, 12, 33, 47, 81 e 90", "identifier")],
        id="drawn, the last after a joiner"),
    pytest.param("5 5 5 5 5 5mila soldati", "it", [("5 5 5 5 5", "identifier"), ("5mila", "count")],
                 id="a glued scale ends the series"),
    # near misses: words between the numbers, fewer than five, a number in thousands, phones
    pytest.param("5 morti, 3 feriti e 2 dispersi", "it", [("5", "count"), ("3", "count"), ("2", "count")],
                 id="words between: three figures"),
    pytest.param("5 5 5 5 soldati", "it", [("5", "count")] * 4, id="four bare numbers"),
    pytest.param("1 234 567 890 123 euro", "it", [("1 234 567 890 123 euro", "money")], id="digits in thousands"),
    pytest.param("+39 06 3691 4221", "it", [("+39 06 3691 4221", "phone")], id="phone with a plus"),
    pytest.param("06 12 34 56 78", "it", [("06 12 34 56 78", "phone")], id="phone in pairs"),
]


@pytest.mark.parametrize(("text", "lang", "read"), SERIES)
def test_a_run_of_bare_numbers_is_one_series(text: str, lang: str, read: list[tuple[str, str]]) -> None:
    assert [(q.text, q.kind) for q in find(text, lang)] == read


OPAQUE = [
    # text, language, what find reads (text, kind): a run of over 64 characters with no blank is
    # a data blob, a hash or a list typed with no spaces; its digits are parts of one name
    pytest.param("Immagine: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m.5,aa.7",
                 "it", [], id="an inline image"),
    pytest.param("Dati: " + ";".join(str(n) for n in range(12, 43)), "it", [], id="a list with no spaces"),
    pytest.param("hash sha256-3f5a.9b2c,77d1.0e4f,8a9b.1c2d,5e6f.7a8b,9c0d.1e2f,3a4b.5c6d", "en", [], id="a hash"),
    pytest.param("stima.5," * 20, "it", [], id="words and figures with no blank"),
    pytest.param("a" * 63 + ".5 morti", "it", [], id="65 characters"),
    # near misses: 64 characters or fewer, blanks between, glued marks and brackets
    pytest.param("a" * 62 + ".5 morti", "it", [("5", "count")], id="64 characters"),
    pytest.param("Roma-Milano-Napoli-Palermo-Bari-Torino-Genova-Venezia:5.000 persone", "it",
                 [("5.000", "count")], id="a long hyphenated name glued to a figure"),
    pytest.param("Dati: 12; 13; 14 soldati", "it", [("12", "count"), ("13", "count"), ("14", "count")],
                 id="a list with spaces"),
    pytest.param("«5.000» e il 5,3%.", "it", [("5.000", "count"), ("5,3%", "percent")], id="quotes and marks"),
]


@pytest.mark.parametrize(("text", "lang", "read"), OPAQUE)
def test_a_long_run_with_no_blank_holds_no_figure(text: str, lang: str, read: list[tuple[str, str]]) -> None:
    assert [(q.text, q.kind) for q in find(text, lang)] == read


def test_timeout_error_type() -> None:
    assert issubclass(PatternTimeoutError, RuntimeError)


@pytest.mark.parametrize(COLUMNS, rows(FIXTURES / "numbers_en.tsv", len(COLUMNS)))
def test_english(text: str, match: str, value: str, low: str, high: str, kind: str, unit: str, hedge: str) -> None:
    check_row("en", text, match, value, low, high, kind, unit, hedge)


def test_caption_indexes_between_paragraphs_are_not_counts():
    text = "Kim ha parlato.\n\nvladimir putin e kim jong un a pyongyang 12\n\nPoi 300 soldati sono partiti."
    assert [(q.text, q.kind) for q in find(text)] == [("12", "identifier"), ("300", "count")]


@pytest.mark.parametrize("text, lang", [  # a hard-wrapped sentence is no caption: the next line goes on
    ("La protezione civile ha detto che\nnella notte sono morte almeno 12\npersone a Kherson.", "it"),
    ("The ministry said that\novernight at least 12\npeople were killed.", "en"),
    ("la notte ha ucciso 3   civili", "it"),
])
def test_a_wrapped_line_ending_in_a_number_is_a_count(text, lang):
    assert [q.kind for q in find(text, lang)] == ["count"]
