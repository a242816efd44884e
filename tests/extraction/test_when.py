"""Claim.when: the clock time or day part nearest a figure in its clause, else the live-blog
stamp that opens its paragraph (fixtures/when.tsv)."""

from __future__ import annotations

import pytest
from tables import FIXTURES, rows

from quantities.extraction.claims import extract


@pytest.mark.parametrize(("lang", "text", "claim", "when"), rows(FIXTURES / "when.tsv", 4))
def test_when(lang: str, text: str, claim: str, when: str) -> None:
    claims = {c.text: c.when for c in extract(text, lang=lang)}
    assert claim in claims, sorted(claims)
    assert claims[claim] == (None if when == "-" else when)
