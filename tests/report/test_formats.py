"""The formats' registry: what another format (html, …) plugs into."""

import json

import pytest

from quantities.integrations.cli import main
from quantities.report import formats
from quantities.report.formats import Format, Options


@pytest.fixture
def toy():
    fmt = formats.register(Format("toy", report=lambda report, options: f"{len(report.findings)} findings\n"))
    yield fmt
    del formats._REGISTRY["toy"]


def test_a_registered_format_is_offered_by_the_command_line(toy, capsys):
    assert "toy" in formats.names("report") and "toy" not in formats.names("claims")
    from tables import SEEDS

    assert main(["report", str(SEEDS), "--format", "json"]) == 1
    count = len(json.loads(capsys.readouterr().out)["findings"])
    assert main(["report", str(SEEDS), "--format", "toy"]) == 1
    assert capsys.readouterr().out == f"{count} findings\n"


def test_a_name_is_registered_once(toy):
    with pytest.raises(ValueError, match="registered twice"):
        formats.register(Format("toy"))


# format, renders reports, renders claims, streams claims
SHIPPED = [
    ("table", True, True, False), ("markdown", True, True, False), ("json", True, True, False),
    ("jsonl", True, True, True), ("csv", True, True, False), ("github", True, True, True),
    ("sarif", True, False, False), ("junit", True, False, False),
]


@pytest.mark.parametrize(("name", "report", "claims", "streams"), SHIPPED)
def test_shipped_formats(name, report, claims, streams):
    fmt = formats.get(name)
    assert (fmt.report is not None, fmt.claims is not None, fmt.streams) == (report, claims, streams)


def test_options_default_to_a_plain_report():
    assert Options() == Options(show_all=False, colour=False, hidden=0, show="info")


def test_the_table_of_shipped_formats_is_what_their_modules_register():
    """``names()`` reads BUILTIN without importing the modules: it must say what they register."""
    import importlib

    for module in {m for m, _ in formats.BUILTIN.values()}:
        importlib.import_module(f"quantities.report.formats.{module}")
    registered = {n: (f.report.__module__.rsplit(".", 1)[-1], f.claims is not None)
                  for n, f in formats._REGISTRY.items() if f.report is not None}
    assert {n: registered[n] for n in formats.BUILTIN} == formats.BUILTIN
    assert set(formats.names("any")) >= set(registered)


JSON_VALUES = [
    # a value the indented JSON writer meets, written as json.dumps(indent=2, ensure_ascii=False) writes it
    pytest.param({}, id="an empty object"),
    pytest.param([[], {}, [[]]], id="empty containers inside"),
    pytest.param({"a": [1, 2.5, None, True, False, -0.0, 1e16, 10**30]}, id="numbers and constants"),
    pytest.param({"t": "«è»\n\t\"\\\u2028\x00 \U0001f600"}, id="strings escaped, non-ASCII kept"),
    pytest.param({3: "int", 2.5: "float", None: "null", True: "true", False: "false"}, id="keys that are no strings"),
    pytest.param({"n": float("nan"), "i": float("inf"), "m": float("-inf")}, id="NaN and infinities"),
    pytest.param({"tuple": (1, ("a", {"b": ()}))}, id="tuples as lists"),
]


@pytest.mark.parametrize("value", JSON_VALUES)
def test_the_indented_json_writer_writes_what_json_dumps_writes(value):
    from quantities.report.formats.json import _dump

    assert _dump(value, 2) == json.dumps(value, ensure_ascii=False, indent=2)
    assert _dump(value) == json.dumps(value, ensure_ascii=False)


def test_the_indented_json_writer_matches_json_dumps_on_any_value():
    from hypothesis import given
    from hypothesis import strategies as st

    from quantities.report.formats.json import _dump

    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    values = st.recursive(scalars, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=30)

    @given(values)
    def check(value):
        assert _dump(value, 2) == json.dumps(value, ensure_ascii=False, indent=2)

    check()


def test_a_value_json_refuses_is_refused():
    from decimal import Decimal

    from quantities.report.formats.json import _dump

    with pytest.raises(TypeError):
        _dump({"a": [Decimal(1)]}, 2)
