"""Times of day as minutes (quantities.lang.clock.minute_of): one row per written time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantities.lang import clock, load


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


# text, lang, the day parts found (as written)
DAY_PARTS = [
    ("In serata i morti sono 40.", "it", ["In serata"]),
    ("IN TARDA SERATA", "it", ["IN TARDA SERATA"]),
    ("İn serata", "it", ["İn serata"]),  # the pattern is case-blind: "İ" is an "i" to it
    ("ın serata e ın ſerata", "it", ["ın serata", "ın ſerata"]),  # dotless i, long s
    ("stasera, nel  pomeriggio, nel pomeriggio", "it", ["stasera", "nel pomeriggio"]),  # one blank only
    ("This MORNING and tonight", "en", ["This MORNING", "tonight"]),
    ("ΣTASERA", "it", []),  # near misses: a capital sigma is no "s"
    ("serata, pomeriggio", "it", []),
    ("instasera", "it", []),
    ("", "it", []),
]


@pytest.mark.parametrize("text, lang, found", DAY_PARTS)
def test_day_parts(text: str, lang: str, found: list[str]) -> None:
    assert [text[a:b] for a, b in clock.day_parts(text, 0, len(text), lang)] == found


@given(st.text(alphabet="inSERAtsrapmoe İıſK’' \n", max_size=40), st.sampled_from(["it", "en"]))
def test_day_parts_are_the_patterns(text: str, lang: str) -> None:
    pattern, _ = clock._parts(load(lang))
    assert clock.day_parts(text, 0, len(text), lang) == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("letters, unlike", [
    ("iks", "İıſ"),  # the Kelvin sign lower-cases to "k": trusted
    ("σ", "Σς"),  # the capital: lower-cased by the letters around it; the final form
    ("ab", ""),
])
def test_unlike_letters(letters: str, unlike: str) -> None:
    assert clock._unlike(letters) == "".join(sorted(unlike))
