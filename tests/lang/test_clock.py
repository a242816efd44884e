"""Times of day as minutes (quantities.lang.clock.minute_of): one row per written time."""

from __future__ import annotations

import pytest

from quantities.lang import clock


@pytest.mark.parametrize("when, lang, minute", [
    ("Ore 4.10", "it", 250),
    ("alle 12", "it", 720),
    ("Alle 23", "it", 1380),
    ("11:11", "en", 671),
    ("19:00", "en", 1140),
    ("in serata", "it", 1200),
    # near misses: a length of time after an event is no time of day
    ("19 minutes", "en", None),
    ("20 minuti", "it", None),
    ("Venti minuti", "it", None),
])
def test_minute_of(when: str, lang: str, minute: int | None) -> None:
    assert clock.minute_of(when, lang) == minute
