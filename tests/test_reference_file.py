"""Reference figures files: each bad file fails with file, line and key."""

from decimal import Decimal
from pathlib import Path

import pytest

from quantities import ReferenceFileError
from quantities.reference import load

FIX = Path(__file__).parent.parent / "fixtures" / "reference"


@pytest.mark.parametrize(
    "name, line, key, fragment",
    [
        ("unknown-key.toml", 5, "figure[0].colour", "unknown key"),
        ("missing-value.toml", 1, "figure[0]", "needs a 'value', or 'low' and/or 'high'"),
        ("low-above-high.toml", 4, "figure[0].low", "low (500) is above high (100)"),
        ("value-not-number.toml", 4, "figure[0].value", "must be a number"),
        ("duplicate-id.toml", 7, "figure[1].id", "duplicate id 'a'"),
        ("missing-what.toml", 1, "figure[0]", "needs 'what'"),
        ("bad-date.toml", 5, "figure[0].as_of", "must be a date"),
        ("no-figures.toml", 1, "title", "unknown top-level key"),
    ],
)
def test_bad_reference_files(name, line, key, fragment):
    with pytest.raises(ReferenceFileError) as err:
        load(FIX / name)
    e = err.value
    assert (e.file, e.line, e.key) == (str(FIX / name), line, key)
    assert fragment in str(e)


def test_bad_toml_and_missing_file():
    with pytest.raises(ReferenceFileError, match="not valid TOML"):
        load(FIX / "bad-toml.toml")
    with pytest.raises(ReferenceFileError, match="no such reference file"):
        load(FIX / "nope.toml")


def test_good_file_intervals():
    troops, sappers = load(FIX / "good.toml")
    assert (troops.low, troops.high) == (Decimal(13500), Decimal(16500))
    assert troops.source == "South Korea" and troops.as_of.isoformat() == "2025-08-13"
    assert (sappers.low, sappers.high) == (Decimal(1000), Decimal(1000))
    assert troops.line == 2 and sappers.line == 12
