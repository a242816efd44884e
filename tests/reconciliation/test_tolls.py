"""A running count scoped to the event's own place is the event's count; a part, another
place or a count that does not run keeps its scope (quantities/reconciliation/figures.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_reconcile import claims_of

from quantities.reconciliation.rules import reconcile

ISCHIA = [
    "a | 12 le persone disperse | 12 | persone disperse | Palomba | reported | 2022-11-26 | "
    "A Casamicciola, sull'isola d'Ischia, sono 12 le persone disperse a Casamicciola | count - | -",
    "b | dispersi sono diventati 13 | 13 | dispersi | carabinieri | reported | 2022-11-26 | "
    "Frana a Casamicciola, Ischia: i dispersi sono diventati 13 | count - | -",
    "c | 11 dispersi | 11 | dispersi | prefettura | reported | 2022-11-27 | "
    "La frana di Casamicciola a Ischia: 11 dispersi e una vittima a Casamicciola | count - | -",
]


@pytest.mark.parametrize(("scope", "noun", "together"), [
    ("Casamicciola", "persone disperse", True),        # the event's own place: one toll
    ("Casamicciola Terme", "persone disperse", True),  # its place, however long the name
    ("Lacco Ameno", "persone disperse", False),        # another place: a part of the toll
    ("dei quali", "persone disperse", False),          # a part ("14 dei quali")
    ("Casamicciola", "case", False),                   # no toll: the scope stays
])
def test_a_toll_scoped_to_the_events_own_place_is_the_events_toll(scope, noun, together):
    claims = claims_of(ISCHIA)
    claims[0] = replace(claims[0], scope=scope, noun=noun, status="missing" if noun != "case" else None)
    if noun == "case":
        claims = [replace(c, noun="case", status=None) for c in claims]
        claims[0] = replace(claims[0], scope=scope)
    result = reconcile(claims)
    figure = next(f for f in result.figures if any(c is claims[1] for c in f.claims))
    assert any(c is claims[0] for c in figure.claims) is together
