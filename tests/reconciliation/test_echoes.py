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
from quantities.types import Quantity, Span

TELLING = [
    # (value, kind, telling)
    ("250000", "count", True),      # "250mila": two significant digits
    ("130", "count", True),
    ("61672", "count", True),
    ("17.9", "measure", True),
    ("24000000000", "money", True),  # "24 miliardi"
    ("5000", "count", False),       # near misses: one significant digit, in every story
    ("300", "count", False),
    ("9", "count", False),          # under ten
    ("74.1", "percent", False),     # a share: in half the news
    (None, "count", False),         # a vague word or a range states no value
]


@pytest.mark.parametrize(("value", "kind", "want"), TELLING)
def test_telling(value, kind, want):
    q = Quantity(Span(0, 1), "x", None if value is None else Decimal(value), None, None, kind=kind)
    assert (echoes.telling(q) is not None) == want


D = dt.date(2025, 4, 26)
PAIRS = [
    # (values of a, of b, days between them (None: b undated), joined)
    (("130", "150000", "250000", "224"), ("130", "150000", "250000", "2500"), 0, True),   # heldout10's wire
    (("130", "150000", "250000"), ("130", "150000", "250000"), None, True),            # undated: any date
    (("130", "150000"), ("130", "150000", "2500"), 0, False),          # near misses: two figures only,
    (("130", "150000", "250000"), ("130", "150000", "250000"), 45, False),            # a month and a half apart,
    (("130", "150000", "250000", "11", "12", "13", "14", "15", "16", "17"),           # three background figures
     ("130", "150000", "250000", "21", "22", "23", "24", "25", "26", "27"), 0, False),  # among many of each's own
]


@pytest.mark.parametrize(("a", "b", "apart", "want"), PAIRS)
def test_pairs(a, b, apart, want):
    values = {"a": [Decimal(v) for v in a], "b": [Decimal(v) for v in b]}
    dates = {"a": D, "b": None if apart is None else D + dt.timedelta(days=apart)}
    assert (list(echoes.pairs(values, dates, 30)) == [("a", "b")]) == want


def test_a_figure_every_document_gives_tells_nothing():
    """A value more than HOLDERS documents give is common in the folder: no pair through it."""
    values = {f"d{n:02}": [Decimal("130"), Decimal("150000"), Decimal("250000")] for n in range(echoes.HOLDERS + 1)}
    assert list(echoes.pairs(values, {}, 30)) == []


def test_an_english_wire_whose_names_are_translated_joins_on_its_figures():
    """heldout10: «Francesco», «Vaticano» and «Francis», «Vatican» share no name; the figures join them."""
    places = Places.default()
    a = names("Funerali di papa Francesco, 250mila in piazza", "In piazza San Pietro, secondo il Vaticano, "
              "250mila persone; altre 150mila lungo il percorso; 130 delegazioni.", Lexicon.load("it"), places)
    b = names("Crowds say farewell to Pope Francis", "Some 250,000 people filled the square, the Vatican said; "
              "another 150,000 lined the route and 130 delegations attended.", Lexicon.load("en"), places)
    dates = {"a": D, "b": D}
    figures = {"a": [Decimal("250000"), Decimal("150000"), Decimal("130")],
               "b": [Decimal("250000"), Decimal("150000"), Decimal("130")]}
    assert len(set(events({"a": a, "b": b}, dates, 12, 30, places.broad).values())) == 2
    assert len(set(events({"a": a, "b": b}, dates, 12, 30, places.broad, figures).values())) == 1
