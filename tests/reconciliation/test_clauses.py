"""What a figure's clause names it measures (clauses.measure), as a table: the measured word
of its clause, never the base of a ratio nor, for a physical measure, a status of people."""

from __future__ import annotations

import pytest
from tables import claims_of

from quantities.lang.lexicon import Lexicon
from quantities.reconciliation import clauses

ROWS = [
    # row (see tables.claims_of), whether only measured concepts count, expected concept id or None
    ("a | 45 metri | 45 | - | - | reported | - | I veicoli sono precipitati per 45 metri | measure meter", True, "fall"),
    ("a | 491 litri | 491 | - | - | reported | - | A Chiva sono caduti 491 litri | measure liter", False, None),
    ("a | 12 | 12 | - | - | reported | - | A Chiva sono caduti 12 | count", False, "dead"),
    ("a | 4,3% | 4.3 | - | - | reported | - | Il deficit sale al 4,3% del Pil | percent percent", True, "deficit"),
]


@pytest.mark.parametrize("row, measures, expected", ROWS)
def test_measure(row: str, measures: bool, expected: str | None) -> None:
    claim = claims_of([row])[0]
    assert clauses.measure(claim, clauses.before(claim), Lexicon.load("it"), measures=measures) == expected
