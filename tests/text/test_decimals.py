"""Decimals written for people: a row per form, and the inverse as a property."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantities.text.decimals import grouped, plain

PLAIN = [("15000", "15000"), ("15000.00", "15000"), ("1E+3", "1000"), ("0.250", "0.25"),
         ("-0.50", "-0.5"), ("0", "0"), ("0.0001", "0.0001")]


@pytest.mark.parametrize(("value", "text"), PLAIN)
def test_plain(value, text):
    assert plain(Decimal(value)) == text


GROUPED = [("13500", ".", ",", "13.500"), ("2.5", ",", ".", "2.5"), ("999", ".", ",", "999"),
           ("1000", "\u2009", ".", "1\u2009000"), ("-1234567.250", ",", ".", "-1,234,567.25"),
           ("1234.5", ".", ",", "1.234,5"), ("-100", ".", ",", "-100")]


@pytest.mark.parametrize(("value", "thousands", "decimal", "text"), GROUPED)
def test_grouped(value, thousands, decimal, text):
    assert grouped(Decimal(value), thousands, decimal) == text


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**12, max_value=10**12))
def test_grouped_reads_back(d):
    text = grouped(d, "\u2009", ",")
    assert Decimal(text.replace("\u2009", "").replace(",", ".")) == d


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_grouped_whole_numbers_as_format_writes_them(n):
    assert grouped(Decimal(n), ",") == f"{Decimal(n):,f}"
