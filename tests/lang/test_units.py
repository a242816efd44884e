"""The table of known pint units (quantities/lang/units.dimensions.toml) agrees with pint, covers every
unit a shipped pack names, and a unit is a name, never an expression pint would evaluate."""

from decimal import Decimal

import pytest

from quantities import lang
from quantities.lang import units


@pytest.mark.parametrize("name", sorted(units.known()))
def test_known_dimension_is_pints(name):
    reg = units.registry()
    dim = str(reg.get_dimensionality(name))
    assert units.known()[name] == (dim if dim != "dimensionless" else f"[{name}]")


@pytest.mark.parametrize("name", sorted(units.known()))
def test_known_base_factor_is_pints(name):
    """The ``[base]`` row is pint's factor as the reconciler read it from pint: the same number,
    written the same way (Decimal('1000.0') is not Decimal('1000') in an output)."""
    magnitude = units.registry().Quantity(1, name).to_base_units().magnitude
    assert str(units.base_factor(name)) == str(Decimal(str(magnitude)))


def test_a_unit_not_listed_takes_its_base_factor_from_pint():
    assert units.base_factor("km") == units.base_factor("kilometer")
    assert units.base_factor("fathom") == Decimal(str(units.registry().Quantity(1, "fathom").to_base_units().magnitude))


@pytest.mark.parametrize("name", sorted(units.unknown()))
def test_unknown_units_are_unknown_to_pint(name):
    from pint.errors import PintError

    with pytest.raises((PintError, ValueError, AttributeError, TypeError)):
        units.registry().parse_units(name)


@pytest.mark.parametrize("code", lang.available())
def test_every_pack_unit_is_known_without_pint(code):
    pack = lang.load(code)
    nonpint = set(pack.table("units.nonpint", {}))
    assert nonpint <= units.unknown()
    named = {v for k in ("units", "units.before") for v in pack.table(k).values() if isinstance(v, str)}
    missing = {n for n in named if n not in nonpint and not units.is_currency(n)} - set(units.known())
    assert not missing


@pytest.mark.parametrize(("unit", "expected"), [
    ("kilometer", True),
    ("degree_Celsius", True),
    ("km", True),                        # a pint symbol, looked up in pint
    ("chilometri", False),
    ("1/0", False),                      # an expression: pint raised ZeroDivisionError
    ("meter ** (10 ** 10 ** 10)", False),  # an expression: pint hung
    ("meter**2", True),                  # a name to a small power
    ("millimeter / hour", True),         # a quotient of names
    ("meter ** 99", False),
    ("meter / (1/0)", False),
    ("", False),
    ("a" * 65, False),
])
def test_is_pint_unit_takes_names_not_expressions(unit, expected):
    assert units.is_pint_unit(unit) is expected


def test_a_shipped_pack_loads_without_pint():
    import subprocess
    import sys

    code = ("import sys; from quantities.extraction.claims import extract; "
            "extract('Sono arrivati 5 chilometri di colonne e 300 soldati.'); "
            "print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("pair", sorted(sorted(p) for p in units.confusable()))
def test_confusable_units_are_units_a_pack_names(pair):
    assert len(pair) == 2
    named = {units.PERCENT}
    for code in lang.available():
        pack = lang.load(code)
        named |= {v for v in pack.table("units").values() if isinstance(v, str)} | set(pack.table("units.nonpint", {}))
        named |= set(pack.table("units.currency", {}).values())   # "45 miliardi di sterline" / "di euro"
    assert set(pair) <= named | set(units.known())
