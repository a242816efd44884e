"""In-article suppressions: parsed, applied, and reported when stale."""

import pytest

from quantities import InputError
from quantities.run.config import Ignore
from quantities.run.suppress import apply, parse
from quantities.types import Claim, Finding, Quantity, Span


def claim(doc, text):
    q = Quantity(Span(0, 1), "1", None, None, None)
    return Claim(doc, Span(0, len(text)), text, q, None, None, None, "reported", Span(0, 1))


@pytest.mark.parametrize(
    "comment, rule, text, reason",
    [
        ('<!-- quantities: ignore wording-conflict "1.000 ingegneri" — verified with the desk -->',
         "wording-conflict", "1.000 ingegneri", "verified with the desk"),
        ("<!-- quantities: ignore hedge-drift -- the desk rounds -->", "hedge-drift", None, "the desk rounds"),
        ('<!--quantities: ignore value-conflict "15mila soldati" – old figure-->',
         "value-conflict", "15mila soldati", "old figure"),
        ("<!-- quantities: ignore value-conflict “15mila soldati” - verificato -->",
         "value-conflict", "15mila soldati", "verificato"),
        ("<!-- quantities: ignore value-conflict «15mila soldati»: verificato -->",
         "value-conflict", "15mila soldati", "verificato"),
        ("<!-- quantities: ignore unsourced -- la fonte è nel titolo -->", "unsourced", None, "la fonte è nel titolo"),
        ('<!-- QUANTITIES: IGNORE Wording-Conflict "1.000 ingegneri" — ok -->',   # any case: never passed over
         "wording-conflict", "1.000 ingegneri", "ok"),
        ("<!-- Quantities: Ignore hedge-drift: arrotondato -->", "hedge-drift", None, "arrotondato"),
    ],
)
def test_parse(comment, rule, text, reason):
    (s,) = parse("Titolo\n\n" + comment, "a.md", line_offset=4)
    assert (s.rule, s.text, s.reason, s.line) == (rule, text, reason, 7)


@pytest.mark.parametrize(
    "comment, why",
    [
        ('<!-- quantities: ignore wording-conflict "1.000 ingegneri" -->', "a reason is required"),
        ("<!-- quantities: ignore -->", "expected 'ignore' and a rule name"),
        ("<!-- quantities: silence value-conflict — x -->", "expected 'ignore' and a rule name"),
        ("<!-- quantities: ignore value-confict — x -->", "unknown rule 'value-confict'"),
        ('<!-- quantities: ignore wording-conflict "1.000 ingegneri" — ok', "not closed with --> on its line"),
        ('<!-- quantities: ignore wording-conflict "1.000 ingegneri" — ok\n-->', "not closed with --> on its line"),
        ('<!-- QUANTITIES: ignore hedge-drift — ok', "not closed with -->"),
        ('<!-- quantities: ignore wording-conflict "1.000 ingegneri — ok -->', "the claim's text opens a quote that is"),
        ('<!-- quantities: ignore wording-conflict «1.000 ingegneri -->', "the claim's text opens a quote that is"),
        ('<!-- quantities: ignore value-conflict "" -- ok -->', "the claim's text is empty"),
        ("<!-- quantities: ignore value-conflict -- " + "x" * 700 + " -->", "longer than 600 characters"),
    ],
)
def test_malformed_suppression_is_an_input_error(comment, why):
    """A malformed suppression is an error at its line, never silently ignored (break13: an
    unclosed or upper-case one left the finding with no word)."""
    with pytest.raises(InputError, match="a.md:1: bad suppression: " + why):
        parse(comment, "a.md")


def test_apply_suppresses_and_reports_stale():
    f = Finding("wording-conflict", "wording", "error", "m", (claim("a.md", "1.000 genieri"), claim("b.md", "1.000 ingegneri")))
    used, = parse('<!-- quantities: ignore wording-conflict "1.000 ingegneri" — ok -->', "b.md")
    stale, = parse('<!-- quantities: ignore value-conflict — ok -->', "b.md")
    kept, unused = apply([f], [used, stale], ())
    assert kept == []
    assert [u.rule for u in unused] == ["unused-suppression"]
    assert "b.md:1: the suppression of value-conflict matches no finding" in unused[0].message


def test_configured_ignore():
    f = Finding("hedge-drift", "value", "warning", "m", (claim("articoli/a.md", "circa 3.000"),))
    kept, unused = apply([f], [], (Ignore(path="articoli/*", rule="hedge-drift", reason="r"),))
    assert kept == [] and unused == []
    kept, unused = apply([f], [], (Ignore(path="altro/*", rule="hedge-drift", reason="r"),))
    assert kept == [f] and len(unused) == 1
