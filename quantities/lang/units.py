"""Units: the pint registry, and the dimension of a unit name.

A :class:`~quantities.types.Quantity` names its unit as a pint unit name
("kilometer", "metric_ton"), an ISO 4217 currency code ("EUR"), ``"percent"``, or one
of the few non-pint units a language pack allows explicitly ("magnitude").

>>> dimension("kilometer")
'[length]'
>>> dimension("EUR"), dimension("percent"), dimension(None)
('[currency]', '[percent]', None)
>>> dimension("cubic_meter") == dimension("liter")
True
>>> dimension("magnitude")
'[magnitude]'
"""

from __future__ import annotations

import functools

import pint
import regex

#: Compound names pint does not define by itself but that news figures use.
_DEFINITIONS = (
    "cubic_meter = meter ** 3",
    "cubic_kilometer = kilometer ** 3",
    "square_meter = meter ** 2",
    "square_kilometer = kilometer ** 2",
)
_CURRENCY = regex.compile(r"[A-Z]{3}")
PERCENT = "percent"


@functools.cache
def registry() -> pint.UnitRegistry:
    """The one pint registry of the package, created on first use.

    >>> registry() is registry()
    True
    """
    reg: pint.UnitRegistry = pint.UnitRegistry()
    for line in _DEFINITIONS:
        reg.define(line)
    return reg


def is_currency(unit: str | None) -> bool:
    """True for an ISO 4217-style code ("EUR", "USD").

    >>> is_currency("EUR"), is_currency("euro")
    (True, False)
    """
    return unit is not None and _CURRENCY.fullmatch(unit) is not None


def is_pint_unit(unit: str) -> bool:
    """True when pint knows ``unit`` by this exact name.

    >>> is_pint_unit("kilometer"), is_pint_unit("chilometri")
    (True, False)
    """
    try:
        registry().parse_units(unit)
    except (pint.errors.UndefinedUnitError, ValueError, AttributeError, TypeError):
        return False
    return True


@functools.cache
def dimension(unit: str | None) -> str | None:
    """The dimension of ``unit``: pint's for physical units, ``[currency]`` for money,
    ``[percent]`` for percentages, ``[<unit>]`` for dimensionless or non-pint units.

    >>> dimension("metric_ton"), dimension("degree_Celsius"), dimension("year")
    ('[mass]', '[temperature]', '[time]')
    >>> dimension("degree")
    '[degree]'
    """
    if unit is None:
        return None
    if is_currency(unit):
        return "[currency]"
    if unit == PERCENT:
        return "[percent]"
    if not is_pint_unit(unit):
        return f"[{unit}]"
    dim = str(registry().get_dimensionality(unit))
    return dim if dim != "dimensionless" else f"[{unit}]"
