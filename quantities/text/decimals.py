"""Decimals written for people: the one way a figure's number becomes text.

>>> plain(Decimal("15000.00")), plain(Decimal("1E+3")), plain(Decimal("-0.50"))
('15000', '1000', '-0.5')
>>> grouped(Decimal("13500"), "."), grouped(Decimal("-1234567.250"), ",", ".")
('13.500', '-1,234,567.25')
"""

from __future__ import annotations

from decimal import Decimal


def plain(d: Decimal) -> str:
    """``d`` without exponent or trailing zeros: "15000", "0.25"."""
    return f"{d.normalize():f}"


def grouped(d: Decimal, thousands: str, decimal: str = ".") -> str:
    """:func:`plain`, its whole part in groups of three digits joined by ``thousands`` and
    its decimal point written ``decimal``."""
    whole, _, frac = plain(d).partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = [digits[max(i - 3, 0):i] for i in range(len(digits), 0, -3)][::-1]
    return sign + thousands.join(groups) + (decimal + frac if frac else "")
