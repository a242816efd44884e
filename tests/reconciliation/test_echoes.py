"""Documents that give the same telling figures are one event (reconciliation/echoes.py), as tables:
which figures tell, which pairs of documents they join, and the join inside ``events``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from quantities.lang.lexicon import Lexicon
from quantities.lang.places import Places
from quantities.reconciliation import echoes
from quantities.reconciliation.events import events, names
from quantities.types import Claim, Quantity, Span

TELLING = [
    # (value, kind, telling)
    ("250000", "count", True),      # "250mila": two significant digits
    ("130", "count", True),
    ("61672", "count", True),
    ("24000000000", "money", True),  # "24 miliardi"
    ("5000", "count", False),       # near misses: one significant digit, in every story
    ("300", "count", False),
    ("38", "measure", False),       # under a hundred: ages, degrees, a day's dead
    ("74.1", "percent", False),     # a share: in half the news
    (None, "count", False),         # a vague word or a range states no value
]


@pytest.mark.parametrize(("value", "kind", "want"), TELLING)
def test_telling(value, kind, want):
    q = Quantity(Span(0, 1), "x", None if value is None else Decimal(value), None, None, kind=kind)
    assert (echoes.telling(q) is not None) == want


def _told(*values: str, lang: str = "it", lead: int = 1) -> tuple:
    """A document's language and telling counts, the first ``lead`` of them in its lead."""
    return lang, {("count", None, Decimal(v)): n < lead for n, v in enumerate(values)}


D = dt.date(2025, 4, 26)
PAIRS = [
    # (figures of a, of b, days between them (None: b undated), joined)
    (_told("130", "150000", "250000", "224"), _told("130", "150000", "250000", "2500", lang="en"), 0, True),  # heldout10
    (_told("130", "150000", "250000"), _told("130", "150000", "250000", lang="en"), None, True),  # undated: any date
    (_told("130", "150000"), _told("130", "150000", "2500", lang="en"), 0, False),   # near misses: two figures only,
    (_told("130", "150000", "250000"), _told("130", "150000", "250000", lang="en"), 45, False),  # a month and a half,
    (_told("130", "150000", "250000", "110", "120", "140", "160", "170", "180", "190"),          # three figures among
     _told("130", "150000", "250000", "210", "220", "230", "240", "260", "270", "280", lang="en"), 0, False),  # many,
    (_told("1041", "1090", "585356", lead=0), _told("1041", "1090", "585356", lead=0), 4, False),  # one language:
    # two stories that quote the same background statistics below their leads (review32, review33: INAIL's)
    (_told("61672", "11324", "8173"), _told("61672", "11324", "8173"), 1, True),   # one language, one study in
    (_told("1041", "1090", "585356", lead=0), _told("1041", "1090", "585356", lead=0, lang="en"), 4, True),  # the
    # leads (heldout7); two languages: a translation needs no lead
]


@pytest.mark.parametrize(("a", "b", "apart", "want"), PAIRS)
def test_pairs(a, b, apart, want):
    dates = {"a": D, "b": None if apart is None else D + dt.timedelta(days=apart)}
    assert (list(echoes.pairs({"a": a, "b": b}, dates, 30)) == [("a", "b")]) == want


def test_a_figure_every_document_gives_tells_nothing():
    """A value more than HOLDERS documents give is common in the folder: no pair through it."""
    figures = {f"d{n:02}": _told("130", "150000", "250000", lang="it" if n % 2 else "en")
               for n in range(echoes.HOLDERS + 1)}
    assert list(echoes.pairs(figures, {}, 30)) == []


def test_the_same_value_in_another_unit_tells_nothing():
    """Keyed by kind, unit and value: "380 km" is no "380 m"."""
    def told(unit: str, lang: str) -> tuple:
        return lang, {echoes.telling(Quantity(Span(0, 1), "x", Decimal(v), None, None, unit=unit, kind="measure")): True
                      for v in ("380", "470", "560")}
    assert list(echoes.pairs({"a": told("kilometer", "it"), "b": told("kilometer", "en")}, {}, 30)) == [("a", "b")]
    assert list(echoes.pairs({"a": told("kilometer", "it"), "b": told("meter", "en")}, {}, 30)) == []


LEADS = [
    ("(ROMA, 10 LUG) - Sono stati 61.672 i morti.\n\nL'Italia è il paese più colpito.", 43),
    ("\n  Sono 250mila.", 16),
    ("Una sola riga.", 14),
]


@pytest.mark.parametrize(("text", "end"), LEADS)
def test_lead(text, end):
    assert echoes.lead(text) == end


def test_documents_are_read_with_their_language_and_lead():
    text = "Sono 250mila.\nE 130 delegazioni; 5.000 agenti."
    claims = [Claim("a", Span(at, at + len(t)), t, Quantity(Span(at, at + len(t)), t, Decimal(v), None, None),
                    None, None, None, "reported", Span(0, len(text)), text)
              for t, v in (("250mila", "250000"), ("130", "130"), ("5.000", "5000")) if (at := text.find(t)) >= 0]
    assert echoes.told(claims, {"a": ("it", echoes.lead(text))}) == {
        "a": ("it", {("count", None, Decimal("250000")): True, ("count", None, Decimal("130")): False})}
    assert echoes.told(claims, {"a": (None, 0)}) == {}   # no language known: no join by figures


def test_an_english_wire_whose_names_are_translated_joins_on_its_figures():
    """heldout10: «Francesco», «Vaticano» and «Francis», «Vatican» share no name; the figures join them."""
    places = Places.default()
    a = names("Funerali di papa Francesco, 250mila in piazza", "In piazza San Pietro, secondo il Vaticano, "
              "250mila persone; altre 150mila lungo il percorso; 130 delegazioni.", Lexicon.load("it"), places)
    b = names("Crowds say farewell to Pope Francis", "Some 250,000 people filled the square, the Vatican said; "
              "another 150,000 lined the route and 130 delegations attended.", Lexicon.load("en"), places)
    dates = {"a": D, "b": D}
    figures = {"a": _told("250000", "150000", "130"), "b": _told("250000", "150000", "130", lang="en")}
    assert len(set(events({"a": a, "b": b}, dates, 12, 30, places.broad).values())) == 2
    assert len(set(events({"a": a, "b": b}, dates, 12, 30, places.broad, figures).values())) == 1
