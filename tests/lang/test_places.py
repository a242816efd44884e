"""The place table (lang/places.aliases.toml): what a place is, what it is also, and a bad entry named."""

from __future__ import annotations

import pytest

from quantities.errors import LanguageDataError
from quantities.lang.places import Places


@pytest.mark.parametrize("words, known, only_place", [
    ("Biella", True, True),                      # a province capital
    ("Reggio di Calabria", True, True),          # by its other name
    ("Messina", True, False),                    # a capital that is also a common surname (review50)
    ("Roma", True, True),
    ("potenza", False, False),                   # a capital left out: a common word ("la potenza")
    ("Pescara del Tronto", False, False),        # a village the table does not know
])
def test_what_the_place_table_knows(words: str, known: bool, only_place: bool) -> None:
    places = Places.default()
    assert (places.known(words), places.only_place(words)) == (known, only_place)


@pytest.mark.parametrize("entry, key", [
    ({"surname": "yes"}, "place.X.surname"),
    ({"broad": 1}, "place.X.broad"),
    ({"aliases": "X"}, "place.X.aliases"),
    ({"capital": True}, "place.X"),
])
def test_a_bad_entry_names_its_key(entry: dict, key: str) -> None:
    with pytest.raises(LanguageDataError) as e:
        Places({"X": entry}, file="places.aliases.toml")
    assert e.value.key == key
