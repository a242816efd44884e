"""Fuzzing the inputs a user controls: a JSONL line, front matter, a config's values. Whatever
they hold, the outcome is documents or our own one-line errors, never a traceback."""

import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quantities.errors import QuantitiesError
from quantities.ingest import documents
from quantities.run.config import Config

pytestmark = pytest.mark.filterwarnings("ignore::quantities.QuantitiesWarning")
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
                | st.text() | st.sampled_from(["2025-08-13", "it", "en", "markdown", "text", "xx"]))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)
KEYS = st.sampled_from(["text", "id", "title", "outlet", "date", "lang", "url", "format", "other"])
RECORDS = st.dictionaries(KEYS, JSON_VALUES, max_size=6)
RAW_TOUCHES = st.sampled_from(["", "\\ud800", "\\udfff", "[" * 3000, "9" * 5000, "\x00", "\ufeff", "{", "}"])


def read_lines(raw: bytes) -> None:
    import io
    import sys
    from unittest import mock

    errors: list[QuantitiesError] = []
    with mock.patch.object(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape")):
        for doc in documents.read("-", on_error=errors.append):
            doc.text.encode("utf-8")  # anything read can be written
            (doc.id + (doc.title or "")).encode("utf-8")


@FUZZ
@given(RECORDS, RAW_TOUCHES, st.integers(0, 40))
def test_jsonl_lines_give_documents_or_one_line_errors(record, touch, where):
    line = json.dumps(record)
    line = line[:where] + touch + line[where:] if touch else line
    read_lines(("{\"text\": \"x\"}\n" + line + "\n").encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=200))
def test_jsonl_bytes_give_documents_or_one_line_errors(raw):
    read_lines(b'{"text": "x"}\n' + raw)


FRONT_KEYS = st.sampled_from(["title", "outlet", "date", "lang", "url", "format", "based_on", "x-y", "Date"])
FRONT_VALUES = st.text(string.printable + "àé«»\u00a0'\"#:", max_size=30)
FRONT_LINES = st.tuples(FRONT_KEYS, FRONT_VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}") | st.text(max_size=30)


@FUZZ
@given(st.lists(FRONT_LINES, max_size=6), st.booleans(), st.text(max_size=50))
def test_front_matter_gives_a_document_or_one_line_error(lines, closed, body):
    text = "---\n" + "\n".join(line.replace("\n", " ") for line in lines) + ("\n---\n" if closed else "\n") + body
    try:
        doc = documents.from_text(text, id="a.md")
    except QuantitiesError as e:
        assert "\n" not in str(e)
    else:
        assert doc.text.endswith(body) or not closed


CONFIG_KEYS = st.sampled_from(["lang", "fail_on", "include", "exclude", "severity", "reconcile", "numbers",
                               "lexicon", "sources", "ignore", "fail-on", "x"])
TOML_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | st.sampled_from(
    ["it", "en", "error", "off", "hedge-drift", "value-conflict", "*.md", "words", "mila"])
TOML_VALUES = st.recursive(TOML_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8) | TOML_SCALARS.filter(lambda v: isinstance(v, str)),
                                             inner, max_size=3), max_leaves=6)


@FUZZ
@given(st.dictionaries(CONFIG_KEYS, TOML_VALUES, max_size=4))
def test_config_values_give_a_config_or_one_line_error(data):
    data = {k: v for k, v in data.items() if v is not None}
    try:
        Config.from_mapping(data, file="quantities.toml")
    except QuantitiesError as e:
        assert "\n" not in str(e) and str(e).startswith("quantities.toml")
