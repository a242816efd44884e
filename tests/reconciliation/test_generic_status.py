"""A generic noun counted in a status takes the status as what it counts ("193 persone" evacuated:
the evacuated), and so runs as a count of people in a status does: a time of day the text gives
one of its claims orders a timeline, it does not split the figure (reconciliation/keys.py: toll,
Item.running). A share of a population in a status ("il 19% degli elettori" who voted) keeps its
own concept, turnout, whose times of day are two figures."""

from __future__ import annotations

import datetime as dt

import pytest

from quantities.ingest.documents import from_text
from quantities.run.pipeline import run_documents

DAYS = (dt.date(2023, 12, 9), dt.date(2023, 12, 10))


@pytest.mark.parametrize(("first", "second", "together"), [
    ("Incendio all'ospedale di Tivoli. In mattinata il sindaco ha spiegato che sono state evacuate 193 persone.",
     "Incendio all'ospedale di Tivoli: dall'ospedale sono state evacuate 192 persone.", True),
    ("Fire at Tivoli hospital. In the morning the mayor said 193 people were evacuated.",
     "Fire at Tivoli hospital: 192 people were evacuated.", True),
    # near miss: turnout at two times of day, a share of the voters, stays two figures
    ("Elezioni a Tivoli. Alle 12 ha votato il 19% degli elettori.",
     "Elezioni a Tivoli. Alle 19 ha votato il 51% degli elettori.", False),
])
def test_a_generic_noun_in_a_status_runs(first, second, together):
    lang = "en" if first.startswith("Fire") else "it"
    docs = [from_text(text, id=name, lang=lang, date=day)
            for name, text, day in (("a.md", first, DAYS[0]), ("b.md", second, DAYS[1]))]
    report = run_documents(docs)
    joined = [f for f in report.figures if {c.doc for c in f.claims} == {"a.md", "b.md"}]
    assert bool(joined) is together, [(f.id, [c.text for c in f.claims]) for f in report.figures]
