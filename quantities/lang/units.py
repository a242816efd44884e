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
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from quantities.cache import compiled

#: Compound names pint does not define by itself but that news figures use.
_DEFINITIONS = (
    "cubic_meter = meter ** 3",
    "cubic_kilometer = kilometer ** 3",
    "square_meter = meter ** 2",
    "square_kilometer = kilometer ** 2",
)
#: A unit is a name ("kilometer", "degree_Celsius") or a product or quotient of a few names
#: ("millimeter / hour", "meter ** 2"), never an expression pint would evaluate ("1/0",
#: "meter ** (10 ** 10 ** 10)" hangs it).
_ONE = r"[A-Za-z][A-Za-z0-9_]{0,63}(?:\s{0,2}\*\*\s{0,2}[1-9])?"  # a name, or a name to a small power
_NAME = compiled(rf"{_ONE}(?:\s{{0,2}}[*/]\s{{0,2}}{_ONE}){{0,3}}")  # "millimeter / hour"
PERCENT = "percent"
#: Percentage points: a difference of two percentages ("scesa di 16 punti"), not a share.
POINTS = "percentage_point"
#: A share written as a fraction ("metà", "un terzo", "7 su 10").
FRACTION = "fraction"
#: The dimensions of the pint units the shipped packs name, so that loading a pack does not
#: build pint's registry (a third of a second); tests/lang/test_units.py checks them against pint.
KNOWN = Path(__file__).with_name("units.dimensions.toml")


def _load(f: BinaryIO) -> dict[str, Any]:
    """The TOML table ``f`` holds (tomllib loaded here: a run that reads no table never loads it)."""
    import tomllib

    return tomllib.load(f)


@functools.cache
def known() -> dict[str, str]:
    """Pint unit name -> dimension, for the units listed in ``units.dimensions.toml``.

    >>> known()["kilometer"]
    '[length]'
    """
    with KNOWN.open("rb") as f:
        return dict(_load(f)["dimensions"])


@functools.cache
def unknown() -> frozenset[str]:
    """The unit names of the shipped packs that pint does not know (``[unknown]``).

    >>> "magnitude" in unknown(), "meter" in unknown()
    (True, False)
    """
    with KNOWN.open("rb") as f:
        return frozenset(_load(f)["unknown"]["units"])


@functools.cache
def _bases() -> dict[str, str]:
    with KNOWN.open("rb") as f:
        return dict(_load(f)["base"])


def base_factor(unit: str) -> Decimal:
    """The factor of the pint unit ``unit`` to its base units, as pint gives it (``[base]`` of
    ``units.dimensions.toml`` for the units listed there, else pint's registry).

    >>> base_factor("kilometer"), base_factor("meter"), base_factor("centimeter")
    (Decimal('1000.0'), Decimal('1'), Decimal('0.01'))
    """
    listed = _bases().get(unit)
    if listed is not None:
        return Decimal(listed)
    return Decimal(str(registry().Quantity(1, unit).to_base_units().magnitude))


@functools.cache
def confusable() -> frozenset[frozenset[str]]:
    """Pairs of units easily written one for the other with the same number.

    >>> frozenset({"nautical_mile", "mile"}) in confusable()
    True
    """
    with KNOWN.open("rb") as f:
        return frozenset(frozenset(p) for p in _load(f)["confusable"]["pairs"])


@functools.cache
def differences() -> dict[str, str]:
    """Unit -> the unit of a difference it is confusable with only as a difference.

    >>> differences()["percent"]
    'percentage_point'
    """
    with KNOWN.open("rb") as f:
        return {b: a for a, b in _load(f)["confusable"].get("differences", [])}


@functools.cache
def spread() -> dict[str, Decimal]:
    """Unit -> how far apart networks that measure in it routinely are (``[spread]``).

    >>> spread()["magnitude"]
    Decimal('0.2')
    """
    return _decimals("spread")


def apart() -> dict[str, Decimal]:
    """Unit -> how far apart two values of it are two events, not one figure (``[apart]``).

    >>> apart()["magnitude"]
    Decimal('1.0')
    """
    return _decimals("apart")


@functools.cache
def _decimals(table: str) -> dict[str, Decimal]:
    with KNOWN.open("rb") as f:
        return {unit: Decimal(value) for unit, value in _load(f).get(table, {}).items()}


@functools.cache
def changing() -> frozenset[str]:
    """Units of a state that changes by the hour (``[changing]``).

    >>> "force" in changing(), "meter" in changing()
    (True, False)
    """
    with KNOWN.open("rb") as f:
        return frozenset(_load(f).get("changing", {}).get("units", ()))


def is_unit_name(unit: str) -> bool:
    """Whether ``unit`` is shaped like a unit name (not an expression of numbers).

    >>> is_unit_name("square_meter"), is_unit_name("millimeter / hour"), is_unit_name("meter ** 2")
    (True, True, True)
    >>> is_unit_name("1/0"), is_unit_name("meter ** (10 ** 10 ** 10)"), is_unit_name("meter ** 99")
    (False, False, False)
    """
    return isinstance(unit, str) and _NAME.fullmatch(unit) is not None


@functools.cache
def registry() -> Any:
    """The one pint registry of the package, created on first use (pint is imported then).

    >>> registry() is registry()
    True
    """
    import pint

    reg: Any = pint.UnitRegistry()
    for line in _DEFINITIONS:
        reg.define(line)
    return reg


def is_currency(unit: str | None) -> bool:
    """True for an ISO 4217-style code ("EUR", "USD").

    >>> is_currency("EUR"), is_currency("euro")
    (True, False)
    """
    # three ASCII capitals ("[A-Z]{3}"), told by str methods: a pattern call costs ten times more
    return unit is not None and len(unit) == 3 and unit.isascii() and unit.isalpha() and unit.isupper()


def is_pint_unit(unit: str) -> bool:
    """True when pint knows ``unit`` by this exact name.

    >>> is_pint_unit("kilometer"), is_pint_unit("chilometri"), is_pint_unit("1/0")
    (True, False, False)
    """
    if not is_unit_name(unit):
        return False
    if unit in known():
        return True
    if unit in unknown():
        return False
    reg = registry()
    from pint.errors import PintError  # pint is loaded by registry()

    try:
        reg.parse_units(unit)
    except (PintError, ValueError, AttributeError, TypeError):  # undefined, redefined, unparsable
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
    if unit in known():
        return known()[unit]
    if not is_pint_unit(unit):
        return f"[{unit}]"
    dim = str(registry().get_dimensionality(unit))
    return dim if dim != "dimensionless" else f"[{unit}]"
