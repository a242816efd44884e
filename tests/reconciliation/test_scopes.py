"""Where a share is measured (reconciliation/scopes.py), end to end: articles in, each
share's figure scope out. Rows: (articles, {claim text: expected scope})."""

from __future__ import annotations

import datetime as dt

import pytest
from timing import LIMIT, slope

from quantities.lang.lexicon import Lexicon
from quantities.lang.places import Places
from quantities.reconciliation.events import names
from quantities.reconciliation.keys import prepare
from quantities.reconciliation.scopes import settle
from quantities.reconciliation.settings import ReconcileSettings
from quantities.run.pipeline import run_documents
from quantities.types import Document

NATIONAL = Document("naz", "Alle elezioni in Italia l'affluenza è del 63,91%. In Calabria ha votato il 50,80%.\n",
                    title="Elezioni in Italia, affluenza al 63,91%", date=dt.date(2022, 9, 26))
REGIONAL = ("La Calabria si conferma la regione in cui si è votato di meno. Alla chiusura dei seggi l'affluenza "
            "si è fermata al 50,74%.\n\nLa giornata era partita male. Alle 19 la regione era ferma al 36,95%, "
            "quando in Italia si era già al 51,16%.\n\nIn Calabria i seggi erano 2.400. Il dato nazionale è "
            "del 63,81%.\n")

PLAN = ("La Commissione ha dato il via libera al Pnrr modificato. Il Pnrr vale 194,4 miliardi. "
        "Salgono dal 37,5% al 39,5% i fondi destinati al clima.\n")
MARCHE = ("È caduta nelle Marche la pioggia di un anno. Si contano i danni nelle Marche. "
          "Il 40% dei comuni è senza luce.\n")

ROWS = [
    # a paragraph that opens on the article's place carries it to the shares after it
    ([NATIONAL, Document("cal", REGIONAL, title="Calabria, affluenza in calo", date=dt.date(2022, 9, 26))],
     {"50,74%": "calabria", "50,80%": "calabria", "36,95%": "calabria", "51,16%": None, "63,91%": None,
      "63,81%": None}),
    # near miss: an article that names the region only in passing (not in its title, twice
    # in its body) is not about it: its bare shares are the whole figure
    ([NATIONAL, Document("cal", REGIONAL, title="Elezioni, affluenza in calo", date=dt.date(2022, 9, 26))],
     {"50,74%": None, "36,95%": "regione"}),
    # the article's heaviest name is no place (a plan's name, never after "in", "nel"): its
    # shares are the whole figure, not the plan's
    ([Document("tg", PLAN, title="Pnrr, via libera al Pnrr modificato", date=dt.date(2023, 11, 24))],
     {"39,5%": None}),
    # near miss: a name the gazetteer does not know, written after a place preposition, is
    # the place the article is about
    ([Document("reg", MARCHE, title="Alluvione nelle Marche", date=dt.date(2022, 9, 16))],
     {"40% dei comuni": "marche"}),
]


@pytest.mark.parametrize(("docs", "want"), ROWS)
def test_share_scopes(docs, want):
    claims = run_documents(docs, reconcile=False).claims
    lex, places = Lexicon.load("it"), Places.default()
    items = prepare(claims, ReconcileSettings(), lambda doc: lex)
    weights = {d.id: names(d.title, d.text, lex, places) for d in docs}
    settle(items, weights, places, lambda doc: "it", {d.id: d.text for d in docs})
    scope = {i.claim.text: i.key.scope for i in items if i.key is not None}
    for text, expected in want.items():
        assert text in scope, sorted(scope)
        assert scope[text] == expected, text


def test_reading_shares_against_their_paragraph_is_linear():
    """One long paragraph of bare shares in an article about a place that names it only in
    its title: each share's paragraph is looked up, never searched again (it was a slice and
    a search of the paragraph per claim: quadratic)."""
    lex, places = Lexicon.load("it"), Places.default()

    def at(size: int):
        text = "In Calabria si vota.\n\n" + "L'affluenza era al 50,8%, poi al 51,2%. " * max(1, size // 40)
        doc = Document("cal", text, title="Calabria, Calabria al voto", date=dt.date(2022, 9, 26))
        items = prepare(run_documents([doc], reconcile=False).claims, ReconcileSettings(), lambda d: lex)
        weights = {doc.id: names(doc.title, doc.text, lex, places)}
        return lambda: settle(items, weights, places, lambda d: "it", {doc.id: doc.text})

    assert slope(at, 40_000) < LIMIT
