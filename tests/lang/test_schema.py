"""The one typed reader of TOML data: a row per value, accepted (with what it reads as) or
refused (with the message the error carries)."""

from decimal import Decimal

import pytest

from quantities.errors import LanguageDataError
from quantities.lang import schema


def fail(key, message):
    return LanguageDataError(message, file="it.toml", key=key)


# reader, value, what it reads as (an exception message when refused)
ROWS = [
    (schema.number, 2, Decimal("2")),
    (schema.number, 0.1, Decimal("0.1")),
    (schema.number, -3.5, Decimal("-3.5")),
    (schema.number, True, "it.toml: k: expected a number"),  # near miss: a bool is no number
    (schema.number, float("nan"), "it.toml: k: expected a number"),
    (schema.number, float("inf"), "it.toml: k: expected a number"),
    (schema.number, "5", "it.toml: k: expected a number"),
    (schema.integer, 0, 0),
    (schema.integer, -2, -2),
    (schema.integer, 2.0, "it.toml: k: expected an integer"),
    (schema.integer, False, "it.toml: k: expected an integer"),
    (schema.positive_int, 1, 1),
    (schema.positive_int, 0, "it.toml: k: expected a positive integer"),  # near miss
    (schema.positive_int, True, "it.toml: k: expected a positive integer"),
    (schema.words, ["oltre", "più di"], ("oltre", "più di")),
    (schema.words, [], ()),
    (schema.words, ["oltre", " "], "it.toml: k: expected a list of non-empty strings"),
    (schema.words, "oltre", "it.toml: k: expected a list of non-empty strings"),
    (schema.words, ["oltre", 5], "it.toml: k: expected a list of non-empty strings"),
    (schema.string, "x", "x"),
    (schema.string, " ", " "),  # a blank string is not empty
    (schema.string, "", "it.toml: k: expected a non-empty string"),
    (schema.string, 5, "it.toml: k: expected a non-empty string"),
    (schema.flag, False, False),
    (schema.flag, "no", "it.toml: k: expected true or false"),
    (schema.flag, 1, "it.toml: k: expected true or false"),
    (schema.table, {"a": 1}, {"a": 1}),
    (schema.table, [], "it.toml: k: expected a table, found list"),
]


@pytest.mark.parametrize(("reader", "value", "expected"), ROWS)
def test_reader(reader, value, expected):
    if isinstance(expected, str) and expected.startswith("it.toml: "):
        with pytest.raises(LanguageDataError) as err:
            reader(value, "k", fail)
        assert str(err.value) == expected
    else:
        got = reader(value, "k", fail)
        assert got == expected and type(got) is type(expected)
