"""A part marker that names the status its figure counts in ("tra le vittime 14 minori",
"among the dead were 14 children") is said by the status: the minors among the dead are one
figure however the article marks them (reconciliation/clauses.py: status_part). A marker of
a figure counted by its status alone, or of another status, keeps its part."""

from __future__ import annotations

import datetime as dt

import pytest

from quantities.ingest.documents import from_text
from quantities.run.pipeline import run_documents

DAYS = (dt.date(2023, 2, 26), dt.date(2023, 2, 27))


@pytest.mark.parametrize(("first", "second", "lang", "together"), [
    ("Naufragio a Cutro, 59 morti. Tra le vittime 12 bambini.",
     "Naufragio a Cutro, 62 morti. Tra i morti ci sono 14 bambini.", "it", True),
    ("Naufragio a Cutro, 43 morti. Tra le vittime ci sono 14 minori.",
     "Naufragio a Cutro, 67 morti. Fra le vittime 16 minori.", "it", True),
    ("Cutro shipwreck, 59 dead. Among the victims were 12 children.",
     "Cutro shipwreck, 62 dead. Among the dead were 14 children.", "en", True),
    # near misses: another status (the injured children are no children among the dead) …
    ("Naufragio a Cutro, 59 morti. Tra le vittime 12 bambini.",
     "Naufragio a Cutro, 62 morti. Tra i feriti ci sono 14 bambini.", "it", False),
    ("Cutro shipwreck, 59 dead. Among the victims were 12 children.",
     "Cutro shipwreck, 62 dead. Among the injured were 14 children.", "en", False),
    # … and a part with no status named: some of a whole, not the ones among the dead
    ("Naufragio a Cutro, 59 morti. Tra le vittime 12 bambini.",
     "Naufragio a Cutro, 62 morti. A bordo 180 persone, di cui 14 bambini.", "it", False),
])
def test_a_part_marker_naming_the_status_is_the_status(first, second, lang, together):
    docs = [from_text(text, id=name, lang=lang, date=day)
            for name, text, day in (("a.md", first, DAYS[0]), ("b.md", second, DAYS[1]))]
    report = run_documents(docs)
    joined = [f for f in report.figures if {c.doc for c in f.claims} == {"a.md", "b.md"}
              and all(c.quantity.value in (12, 14, 16) for c in f.claims)]
    assert bool(joined) is together, [(f.id, [c.text for c in f.claims]) for f in report.figures]
