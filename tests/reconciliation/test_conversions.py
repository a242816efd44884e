"""A measure restated in parentheses in another unit (reconciliation/conversions.py), end to end:
an article in, which claims are left out as the conversion of the figure before them.
Rows: (text, language, {claim text: left out as a conversion})."""

from __future__ import annotations

import datetime as dt

import pytest

from quantities.lang.lexicon import Lexicon
from quantities.reconciliation.conversions import RESTATED, restate
from quantities.reconciliation.keys import prepare
from quantities.reconciliation.settings import ReconcileSettings
from quantities.run.pipeline import run_documents
from quantities.types import Document

ROWS = [
    ("A pile-up caused queues of up to 8 km (5 miles) towards Naples, the operator said.\n", "en",
     {"up to 8 km": False, "5 miles": True}),
    ("The epicentre was about 72 km (45 miles) southwest of Marrakech.\n", "en",
     {"about 72 km": False, "45 miles": True}),
    # near miss: a sum in parentheses is the sum as paid, no conversion of the one before it
    ("Medvedev si consola con 1 milione di euro (1,7 milioni di dollari australiani).\n", "it",
     {"1 milione di euro": False, "1,7 milioni di dollari australiani": False}),
    # near miss: another measure after a comma, not in parentheses
    ("Queues reached 8 km, and 5 miles further south another queue formed.\n", "en",
     {"8 km": False, "5 miles": False}),
]


@pytest.mark.parametrize(("text", "lang", "want"), ROWS)
def test_conversions(text, lang, want):
    doc = Document("a", text, title="Test", date=dt.date(2023, 8, 5), lang=lang)
    lex = Lexicon.load(lang)
    items = prepare(run_documents([doc], reconcile=False).claims, ReconcileSettings(), lambda d: lex)
    restate(items)
    left = {i.claim.text: i.reason == RESTATED for i in items}
    for claim, restated in want.items():
        assert claim in left, sorted(left)
        assert left[claim] is restated, claim
