"""Hostile input stays linear: each row times its input at two sizes and checks the slope.

A row is a text repeated to a size; the check (tests/timing.py) is that four times the text
costs less than ``timing.LIMIT`` times the CPU time (linear is about four, quadratic sixteen,
less while its linear part still weighs). Never a wall-clock bound: the figures in seconds
per MB, at 0.25 to 2 MB, are in benchmarks/bench_hostile.py and benchmarks/README.md.
"""

import pytest
from timing import LIMIT, slope

from quantities.ingest import documents
from quantities.run.pipeline import run_documents

SMALL = 6_000  # characters; the large size is timing.FACTOR times this


def reading(unit: str, *, report: bool, name: str):
    """The work of running the pipeline on ``unit`` repeated to a size, as timing.slope times it."""

    def at(size: int):
        doc = documents.from_text(unit * max(1, size // len(unit)), id=name)
        return lambda: run_documents([doc], reconcile=report)

    return at


ROWS = [
    # repeated text, report as well, document name, the smaller size (the quadratic ones show later)
    pytest.param("circa 15mila soldati e ", True, "h.txt", SMALL, id="report on one run-on sentence of claims"),
    pytest.param("circa 15mila soldati e ", False, "h.txt", SMALL, id="extract on one run-on sentence of claims"),
    pytest.param("- secondo la Tass 5 morti\n", False, "h.md", 30_000, id="a Markdown list of lower-case items"),
    pytest.param("per Kcna 5 ", False, "h.txt", SMALL, id="a source cue and a figure in each clause"),
    pytest.param("1.", False, "h.txt", SMALL, id="a dotted run of digits"),
    pytest.param("parola İstanbul ", False, "h.txt", SMALL, id="a letter whose lower case is two characters"),
    pytest.param("stima.5,", False, "h.txt", SMALL, id="cues and figures with no blank"),
    pytest.param("stima. 5, ", False, "h.txt", SMALL, id="cues and figures in one sentence"),
    pytest.param("Sono morti 300 soldati, i media hanno riferito", False, "h.txt", SMALL, id="report verbs after figures"),
    pytest.param("«", False, "h.txt", SMALL, id="nested quotes"),
    pytest.param("5 ", False, "h.txt", SMALL, id="bare numbers with no word between them"),
    pytest.param("5 morti, 3 feriti e 2 dispersi, ", False, "h.txt", SMALL, id="figures with their nouns"),
    pytest.param("€5-€6, $7 ", False, "h.txt", SMALL, id="amounts with signs and dashes between them"),
    pytest.param("€5 e ", False, "h.txt", SMALL, id="amounts joined by a word"),
    pytest.param("un milione e ", False, "h.txt", SMALL, id="number words joined without end"),
    pytest.param("€5 e ", True, "h.txt", SMALL, id="report on amounts joined by a word"),
    pytest.param("5 km, ", True, "h.txt", SMALL, id="report on measures in one sentence"),
    pytest.param("mille mille ", True, "h.txt", SMALL, id="report on number words in a row"),
    pytest.param("per Kcna 5 ", True, "h.txt", SMALL, id="report on a source cue and a figure in each clause"),
    # break13: B2 was quadratic (18.9 s at 128 KB), B10 and B13 many figures at 10-40 s/MB
    pytest.param(" 000", False, "h.txt", SMALL, id="digits grouped by spaces past a figure"),
    pytest.param("\u00a0000", False, "h.txt", SMALL, id="digits grouped by no-break spaces past a figure"),
    pytest.param("\u2009000", False, "h.txt", SMALL, id="digits grouped by thin spaces past a figure"),
    pytest.param("9" * 44 + " ", False, "h.txt", SMALL, id="digit runs past fifteen digits"),
    pytest.param("5\t", True, "h.txt", SMALL, id="report on bare numbers apart by tabs"),
    pytest.param(" -5", True, "h.txt", SMALL, id="report on bare signed numbers"),
    pytest.param("| 5 ", True, "h.md", SMALL, id="report on a table row of bare numbers"),
    pytest.param("Regione 1\t7\t13\t1\n", True, "h.txt", SMALL, id="report on TSV rows of a label and three figures"),
    pytest.param("| 12 | 345 | 6789 |\n", True, "h.md", SMALL, id="report on Markdown rows of three figures"),
]


@pytest.mark.parametrize(("unit", "report", "name", "small"), ROWS)
def test_hostile_input_is_linear(unit, report, name, small):
    assert slope(reading(unit, report=report, name=name), small) < LIMIT


def test_report_on_one_article_of_many_distinct_hedged_values_is_linear():
    """One figure of thousands of wordings of one article ("circa 10 morti, circa 20 morti, …"):
    the hedge-drift rule compared every pair of its distinct wordings (and looked each one up
    again: cubic; 141 µs a claim at 16,000 claims, 48 at 4,000). One article's wordings are not
    compared with each other (the rule looks across articles): no pairs."""

    from quantities.reconciliation.rules import reconcile

    def at(size: int):   # the reconciler alone: the claims extracted once
        doc = documents.from_text("".join(f"circa {k * 10} morti, " for k in range(1, size // 18)), id="h.txt")
        claims = run_documents([doc], reconcile=False).claims
        return lambda: reconcile(claims)

    assert slope(at, 16 * SMALL) < LIMIT


@pytest.mark.parametrize(("unit", "tail"), [
    pytest.param(".", " 5 morti.\n", id="a page of dots (8 MB took 1.5 GB)"),
    pytest.param("<!-- ", "\n5 morti.\n", id="an unclosed HTML comment (2 MB took 479 MB)"),
])
def test_a_sentence_with_no_end_holds_a_bounded_memory(unit, tail):
    """A run with no sentence end was tokenised whole: 190 bytes a character. A sentence is
    now cut at sentences.LONGEST characters; the peak stays under 20 bytes a character."""
    import tracemalloc

    from quantities.extraction.claims import extract_document

    doc = documents.from_text(unit * (200_000 // len(unit)) + tail, id="h.md")
    extract_document(documents.from_text("5 morti.", id="warm.txt"))  # the language pack loaded
    tracemalloc.start()
    try:
        claims = extract_document(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [c.text for c in claims] == ["5 morti"]
    assert peak < 20 * len(doc.text)


def test_a_dotted_run_is_not_thousands_of_figures():
    report = run_documents([documents.from_text("1." * 5_000, id="h.txt")], reconcile=False)
    assert len(report.claims) <= 1


@pytest.mark.parametrize(("text", "claims"), [
    pytest.param("5 " * 50_000, 0, id="a run of bare numbers is one series (was 50,000 claims)"),
    pytest.param("Estratti: " + "5 12 33 47 81 90. " * 2_000, 0, id="numbers drawn"),
    pytest.param("5 morti, 3 feriti e 2 dispersi. " * 1_000, 3_000, id="figures with words between them"),
    pytest.param("stima.5," * 10_000, 0, id="a run with no blank is one name (was 10,000 claims)"),
    pytest.param("(5) «3» [7] " * 5_000, 0, id="bare numbers in brackets are one series (was 15,000 claims)"),
    pytest.param("stima. 5, " * 1_000, 1_000, id="the same with blanks: each figure a claim"),
    pytest.param("€5-€6, $7 " * 5_000, 0, id="amounts with only signs and dashes between them are one series "
                 "(was 10,000 claims)"),
    pytest.param("€5 €6 €7 " * 5_000, 0, id="amounts with only blanks between them (was 15,000 claims)"),
    pytest.param("€5 e €6, " * 1_000, 2_000, id="amounts with a word between them: each a claim"),
    pytest.param("5-7 " * 5_000, 0, id="ranges in a row with no word between them (was 5,000 claims)"),
    pytest.param("5… " * 5_000, 0, id="numbers with an ellipsis between them (was 5,000 claims, a sentence each)"),
    pytest.param("1" + " 000" * 20_000, 0, id="digits grouped by spaces past a figure are one identifier (was 2,858 claims)"),
    pytest.param("1" + "\u2009000" * 20_000, 0, id="the same with thin spaces"),
    pytest.param(f"Sono morte {'9' * 44} persone. " * 1_000, 0, id="a digit run past fifteen digits is one identifier "
                 "(was 3,000 claims)"),
    pytest.param("5\t" * 50_000, 0, id="bare numbers apart by tabs are one series (was 50,000 claims)"),
    pytest.param("5\t\t" * 30_000, 0, id="the same with empty cells between (was 30,000 claims)"),
    pytest.param("5   " * 20_000, 0, id="bare numbers in columns aligned by spaces (was 20,000 claims)"),
    pytest.param(" -5" * 30_000, 0, id="bare signed numbers are one series (was 30,000 claims)"),
    pytest.param("| 5 " * 20_000, 0, id="a table row of bare numbers is one series (was 20,000 claims)"),
    pytest.param("| 12 | 345 | 6789 |\n" * 1_000, 3_000, id="a table is read row by row: three figures a row, each a claim"),
    pytest.param("Regione 1\t7\t13\t1\n" * 1_000, 4_000, id="TSV rows of a label and three figures: each a claim"),
])
def test_bare_numbers_are_no_claim_explosion(text, claims):
    """A long run of bare numbers with no word between them is a table row or numbers drawn
    (RULES: identifiers are no claims): read as one series, not one claim per number."""
    assert len(run_documents([documents.from_text(text, id="h.txt")], reconcile=False).claims) == claims


def test_a_long_text_with_one_dotted_capital_i_is_read_whole():
    """'İ' lowered to two characters sent the numbers reader to one search of the whole text
    (a 20 MB text timed out at offset 0 and stopped the batch)."""
    text = "parola " * 20_000 + "İ, poi 5.000 soldati."
    report = run_documents([documents.from_text(text, id="h.txt")], reconcile=False)
    assert [c.text for c in report.claims] == ["5.000 soldati"]


DESK_WORDS = [
    # [numbers] of a desk's config, and what loading it says (None: accepted)
    pytest.param({"words": {"a": 1, "aa": 2, "aaa": 3, "aaaa": 4, "aaaaa": 5, "aaaaaa": 6}},
                 "numbers.words.a: the number word 'a' and the others build each other", id="words that build each other"),
    pytest.param({"words": {"bi": 2, "bibi": 4, "bibibi": 6}}, "build each other", id="longer words that build each other"),
    pytest.param({"words": {"dozzina": 12}}, None, id="a new word"),
    pytest.param({"multipliers": {"lakh": 100_000}}, None, id="a new multiplier"),
    pytest.param({"words": {"tre": 3, "dici": 10}}, None, id="a shipped split, as 'tredici' + 'otto' has"),
]


@pytest.mark.parametrize(("numbers", "says"), DESK_WORDS)
def test_desk_number_words_that_would_backtrack_are_refused_by_key(tmp_path, numbers, says):
    """Words that split a run many ways made the number pattern backtrack up to its time guard
    on each line (100 lines ran past 300 s): the config is refused, naming the word."""
    from quantities.errors import ConfigError
    from quantities.run.config import Config

    if says is None:
        Config.from_mapping({"numbers": numbers}, file="quantities.toml")
        return
    with pytest.raises(ConfigError, match=says):
        Config.from_mapping({"numbers": numbers}, file="quantities.toml")
