"""A place's population across articles and languages, end to end: "Marrakesh, a city of
some 840,000 people" and «il milione di abitanti di Marrakech» are one figure (the residents
of one place, by its one name), whatever place each article is about; the region's
population and people who fled are other figures. Rows: (articles, claim texts that must
share a figure, claim texts that must be in none of those figures)."""

from __future__ import annotations

import datetime as dt

import pytest

from quantities.run.pipeline import run_documents
from quantities.types import Document

DAY = dt.date(2023, 9, 9)
EN = Document("en", "A quake struck near Marrakesh. It hit 72 km southwest of Marrakesh, a city of some 840,000 "
                    "people. In Marrakesh, houses collapsed.\n", title="Quake hits Marrakesh", date=DAY, lang="en")
IT = Document("it", "Terremoto in Marocco. Oltre al milione di abitanti di Marrakech, il sisma ha colpito "
                    "centinaia di villaggi.\n", title="Terremoto in Marocco", date=DAY)
REGION = Document("tg", "Terremoto in Marocco. La regione di Marrakech-Safi conta oltre 4,5 milioni di abitanti.\n",
                  title="Terremoto in Marocco", date=DAY)
FLED = Document("fled", "A quake struck near Marrakesh. Some 840,000 people fled the city after the quake.\n",
                title="Quake hits Marrakesh", date=DAY, lang="en")

ROWS = [
    ([EN, IT], {"some 840,000 people", "milione di abitanti"}, set()),
    # near miss: the region's inhabitants name no city (no scope): not the city's population
    ([EN, IT, REGION], {"some 840,000 people", "milione di abitanti"}, {"oltre 4,5 milioni di abitanti"}),
    # near miss: people who fled the city are no population
    ([IT, FLED], set(), {"Some 840,000 people"}),
]


@pytest.mark.parametrize(("docs", "together", "apart"), ROWS)
def test_population_figures(docs, together, apart):
    figures = run_documents(docs).figures
    texts = [{c.text for c in f.claims} for f in figures]
    if together:
        assert any(together <= t for t in texts), texts
    mine = [t for t in texts if t & ({"milione di abitanti"} | together)]
    assert not any(apart & t for t in mine), texts
