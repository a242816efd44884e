"""quantities.ingest.documents: good inputs, each bad input, encodings, stdin, laziness."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import warnings
from pathlib import Path

import pytest
from tables import FIXTURES

from quantities.errors import (
    InputError,
    InputNotFoundError,
    QuantitiesError,
    QuantitiesWarning,
)
from quantities.ingest.documents import SUPPORTED_SUFFIXES, from_text, read
from quantities.types import Span

D = FIXTURES / "documents"
GOOD = D / "good"
BAD = D / "bad"
WARN = D / "warn"


def _only(path: Path, **kw):
    docs = list(read(path, **kw))
    assert len(docs) == 1
    return docs[0]


# file, field, expected
GOOD_CASES = [
    ("bom.txt", "text", "Il Nord invierà 5.000 operai edili militari.\n"),
    ("bom.txt", "plain", None),
    ("bom.txt", "lang", "it"),
    ("front.md", "title", "Kim a Putin: pieno sostegno"),
    ("front.md", "outlet", "Agenzia Nova"),
    ("front.md", "date", dt.date(2025, 8, 13)),
    ("front.md", "url", "https://example.org/kim"),
    ("front.md", "line_offset", 7),
    ("front.md", "plain", "Kim a Putin\n\nIl leader della Corea del Nord ha inviato 5.000 operai e "
                          "1.000 genieri.\n\n\n\n"),
    ("crlf.txt", "title", "Con CRLF"),
    ("crlf.txt", "line_offset", 4),
    ("crlf.txt", "text", "Incontrando venerdì a Pyongyang il ministro, Kim ha parlato.\r\n"),
    ("english.txt", "lang", "en"),
    ("plain.txt", "title", None),
    ("plain.txt", "line_offset", 0),
    ("sub/nested.markdown", "plain", "Un articolo annidato.\n"),
]


@pytest.mark.parametrize(("name", "field", "expected"), GOOD_CASES)
def test_good_file(name, field, expected):
    doc = _only(GOOD / name)
    assert getattr(doc, field) == expected
    assert doc.id == str(GOOD / name)
    assert doc.path == str(GOOD / name)


def test_front_matter_kept_in_the_markdown_body_for_suppressions():
    doc = _only(GOOD / "front.md")
    assert "<!-- quantities: ignore value-conflict -->" in doc.text
    assert "quantities: ignore" not in doc.plain


# (id, field, expected) for fixtures/documents/good/feed.jsonl
JSONL_CASES = [
    ("ansa-1", "outlet", "ANSA"),
    ("ansa-1", "date", dt.date(2024, 11, 29)),
    ("ansa-1", "title", "Kim"),
    ("ansa-1", "lang", "it"),
    (f"{GOOD / 'feed.jsonl'}:3", "text", "Circa 15mila soldati."),
    ("42", "lang", "en"),
    ("42", "plain", "About 15,000 troops."),
    ("42", "line_offset", 0),
]


@pytest.mark.parametrize(("doc_id", "field", "expected"), JSONL_CASES)
def test_jsonl(doc_id, field, expected):
    docs = {d.id: d for d in read(GOOD / "feed.jsonl")}
    assert list(docs) == ["ansa-1", f"{GOOD / 'feed.jsonl'}:3", "42"]
    assert getattr(docs[doc_id], field) == expected


def test_directory_reads_supported_files_sorted_and_recursively():
    ids = [d.id for d in read(str(GOOD))]
    assert ids == [
        str(GOOD / "bom.txt"), str(GOOD / "crlf.txt"), str(GOOD / "english.txt"),
        "ansa-1", f"{GOOD / 'feed.jsonl'}:3", "42",
        str(GOOD / "front.md"), str(GOOD / "plain.txt"), str(GOOD / "sub" / "nested.markdown"),
    ]


@pytest.mark.parametrize(
    ("arg", "expected"),
    [(None, "it"), ("en", "en")],
)
def test_lang_argument_is_the_default(arg, expected):
    assert _only(GOOD / "plain.txt", lang=arg).lang == expected
    assert _only(GOOD / "english.txt", lang="it").lang == "en"  # the file's own wins


# file, error class, message fragment, line
BAD_CASES = [
    ("missing.txt", InputNotFoundError, "no such file or directory", None),
    ("binary.txt", InputError, "binary file (NUL byte", 3),
    ("binary.jsonl", InputError, "binary file (NUL byte)", None),
    ("unclosed.md", InputError, "front matter opened on line 1 is not closed", 1),
    ("not_key_value.md", InputError, "front matter is not valid YAML: could not find expected ':'", 3),
    ("broken_yaml.md", InputError, "not valid YAML: expected ',' or ']', but got ':' (while parsing a flow "
                                   "sequence opened on line 3)", 4),
    ("broken_toml.md", InputError, "front matter is not valid TOML: Unclosed array", 3),
    ("yaml_list.md", InputError, "front matter must be 'key: value' pairs, found list", 2),
    ("bad_date.md", InputError, "bad date '13 agosto 2025' (expected YYYY-MM-DD or DD/MM/YYYY)", 3),
    ("impossible_date.txt", InputError, "bad date '2025-02-30'", 2),
    ("bad_lang.md", InputError, "unknown language 'klingon'", 2),
    ("bad_format.md", InputError, "unknown format 'html'", 2),
    ("document.pdf", InputError, "unsupported file type '.pdf'", None),
    ("lines.jsonl", InputError, "not valid JSON", 2),
    ("twice.md", InputError, "front matter sets 'date' twice; which one is meant is not known", 5),  # not the last kept
    ("twice_lenient.md", InputError, "front matter sets 'date' twice", 4),  # "title: Roma: 5 morti" is no YAML: read lenient
]


@pytest.mark.parametrize(("name", "cls", "fragment", "line"), BAD_CASES)
def test_bad_input_raises(name, cls, fragment, line):
    with pytest.raises(cls) as info:
        list(read(BAD / name))
    err = info.value
    assert fragment in str(err)
    assert err.file == str(BAD / name)
    assert err.line == line
    assert str(err).startswith(str(BAD / name) + (f":{line}: " if line else ": "))


# line, message fragment: every bad line of bad/lines.jsonl, reported in order
JSONL_BAD_LINES = [
    (2, "not valid JSON: Expecting ',' delimiter"),
    (3, "expected a JSON object, found list"),
    (4, "missing 'text'"),
    (5, "'text' must be a string, found int"),
    (6, "'id' must be a string, found list"),
    (7, "bad date 'ieri'"),
    (9, "duplicate document id 'ok-1': the later one is skipped"),
    (10, "'text' is set twice in one record; which one is meant is not known"),  # json kept the last
    (11, "'text' is set twice in one record"),   # line 12's "Text" is another key; line 13's nested "name"
]                                                # twice is the writer's business (a scraper's entities): read


@pytest.mark.skipif(sys.platform == "win32", reason="a line break in a file name is a POSIX matter")
def test_a_file_name_with_a_line_break_stays_one_line(tmp_path):
    path = tmp_path / "a\nb.txt"
    path.write_bytes(b"\0binary")
    with pytest.raises(InputError) as info:
        list(read(path))
    assert str(info.value).startswith(str(tmp_path) + "/a\\nb.txt:1: binary file")
    assert "\n" not in str(info.value)


def test_bad_jsonl_lines_go_to_on_error_and_the_rest_go_on():
    errors: list[QuantitiesError] = []
    docs = list(read(BAD / "lines.jsonl", on_error=errors.append))
    assert [d.id for d in docs] == ["ok-1", "ok-2", "ok-3", "nested-twice"]
    assert [(e.line, type(e)) for e in errors] == [(n, InputError) for n, _ in JSONL_BAD_LINES]
    for e, (_, fragment) in zip(errors, JSONL_BAD_LINES):
        assert fragment in e.message


def test_on_error_collects_every_bad_input():
    errors: list[QuantitiesError] = []
    paths = [BAD, D / "nosupported", "nope.md", BAD / "document.pdf", GOOD / "bom.txt"]
    docs = list(read(paths, on_error=errors.append))
    assert [d.id for d in docs] == ["ok-1", "ok-2", "ok-3", "nested-twice", str(GOOD / "bom.txt")]
    # 13 bad files in bad/ (the .pdf is skipped there), its bad JSONL lines, then the
    # directory without supported files, the missing file and the explicit .pdf
    assert len(errors) == 13 + len(JSONL_BAD_LINES) + 3
    assert any(isinstance(e, InputNotFoundError) and "no supported file" in e.message
               and e.file == str(D / "nosupported") for e in errors)


def test_empty_directory_is_not_found(tmp_path):
    with pytest.raises(InputNotFoundError, match="no supported file"):
        list(read(tmp_path))


def test_unreadable_file_names_the_os_reason(monkeypatch):
    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("quantities.ingest.documents.open_regular", deny)
    with pytest.raises(InputError, match=r"plain\.txt: cannot read: Permission denied"):
        list(read(GOOD / "plain.txt"))


def test_read_is_lazy_and_streams_jsonl(tmp_path):
    big = tmp_path / "big.jsonl"
    with big.open("w") as f:
        for i in range(2000):
            f.write(json.dumps({"id": str(i), "text": f"Riga {i}."}) + "\n")
    it = read([big, "does-not-exist.txt"])
    assert next(it).id == "0"  # the missing file later on has not been touched yet
    with pytest.raises(InputNotFoundError):
        list(it)


# file, expected text, warning fragment
WARN_CASES = [
    ("cp1252.txt", "Perché l’agenzia ha detto “5.000”?\n", "not UTF-8, decoded as cp1252"),
    ("mojibake.txt", "Perché è stato detto così.\n", "repaired mojibake"),
    ("cp1250.txt", "La Comunità europea.\n", "repaired mojibake"),
]


def test_bytes_no_text_encoding_uses_are_an_error():
    """0x81 is undefined in cp1252; latin-1 would read it as a C1 control: garbage, not text."""
    with pytest.raises(InputError, match=r"latin1\.txt:1: not UTF-8 or cp1252 text \(byte 0x81 at offset 6\)"):
        list(read(D / "warn" / "latin1.txt"))


@pytest.mark.parametrize(("name", "text", "fragment"), WARN_CASES)
def test_warnings_name_the_file(name, text, fragment):
    with pytest.warns(QuantitiesWarning) as record:
        doc = _only(WARN / name)
    assert doc.text == text
    messages = [str(w.message) for w in record]
    assert any(fragment in m and str(WARN / name) in m for m in messages), messages


def test_clean_utf8_gives_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(list(read(GOOD))) == 9


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("Solo testo.\n", [("<stdin>", "Solo testo.\n", None)]),
        ("---\ntitle: Da stdin\n---\nCiao.\n", [("<stdin>", "Ciao.\n", "Da stdin")]),
        ('\n  {"text": "Uno."}\n\n{"id": "b", "text": "Due.", "title": "T"}\n',
         [("<stdin>:2", "Uno.", None), ("b", "Due.", "T")]),
        ("", [("<stdin>", "", None)]),
    ],
)
@pytest.mark.parametrize("binary", [True, False])
def test_stdin(monkeypatch, stdin, expected, binary):
    stream = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8") if binary else io.StringIO(stdin)
    monkeypatch.setattr(sys, "stdin", stream)
    assert [(d.id, d.text, d.title) for d in read("-")] == expected


# text, meta, field, expected
FROM_TEXT_CASES = [
    ("Testo.", {}, "plain", None),
    ("Testo **forte**.", {"format": "markdown"}, "plain", "Testo forte."),
    ("---\nformat: markdown\n---\nTesto **forte**.", {}, "plain", "Testo forte."),
    ("Testo **forte**.", {}, "plain", "Testo forte."),          # Markdown found in plain text
    ("---\nformat: text\n---\nTesto **forte**.", {}, "plain", None),
    ("5 * 3 = 15", {}, "plain", None),
    ("Testo.", {"date": "2025-08-13"}, "date", dt.date(2025, 8, 13)),
    ("---\ndate: 10/09/2025\n---\nx", {}, "date", dt.date(2025, 9, 10)),
    ("---\ndate: 10.09.2025\n---\nx", {}, "date", dt.date(2025, 9, 10)),
    ("---\ntitle: Dal testo\n---\nx", {"title": "Dato"}, "title", "Dal testo"),
    ("Testo.", {"title": "Dato"}, "title", "Dato"),
    ("---\nlang: en\n---\nx", {}, "lang", "en"),
    ("---\ntitle: 'tra apici'\n---\nx", {}, "title", "tra apici"),
    ("---\ntitle:\n---\nx", {}, "title", None),
    ("---\n\n# commento\ntitle: T\n---\nx", {}, "line_offset", 5),
]


@pytest.mark.parametrize(("text", "meta", "field", "expected"), FROM_TEXT_CASES)
def test_from_text(text, meta, field, expected):
    assert getattr(from_text(text, **meta), field) == expected


def test_from_text_markdown_by_id_suffix_and_errors_name_the_id():
    assert from_text("**x**", id="a.md").plain == "x"
    with pytest.raises(InputError, match=r"^art\.md:2: bad date"):
        from_text("---\ndate: domani\n---\n", id="art.md")


@pytest.mark.parametrize(
    ("body", "start", "end", "expected"),
    [
        ("Il Nord invierà **5.000** operai.", 16, 21, "5.000"),
        ("Il Nord invierà **5.000** operai.", 16, 28, "5.000** operai"),
        ("Vedi [1.000 genieri](http://x.it) ora", 5, 18, "1.000 genieri"),
        ("# Titolo\n\n**Kim**", 0, 6, "Titolo"),
        ("# Titolo\n\n**Kim**", 8, 11, "Kim"),
        ("# Titolo\n\n**Kim**", 8, 8, ""),
    ],
)
def test_to_body_maps_plain_spans_back(body, start, end, expected):
    doc = from_text(body, format="markdown")
    assert Span(start, end).of(doc.plain).replace("*", "") == expected.replace("*", "")
    assert doc.to_body(Span(start, end)).of(doc.text) == expected


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".markdown", ".jsonl")


# -- Hugo and Jekyll front matter: YAML (---) and TOML (+++) ---------------------------------

HUGO = D / "hugo" / "content" / "posts"

# file, field, expected
HUGO_CASES = [
    ("yaml.md", "title", "Kim a Putin: pieno sostegno"),
    ("yaml.md", "date", dt.date(2025, 8, 13)),                  # a YAML datetime: its day
    ("yaml.md", "outlet", "Agenzia Nova"),
    ("yaml.md", "line_offset", 16),
    ("yaml.md", "text", "Il Nord invierà **5.000 operai** edili militari.\n"),
    ("toml.md", "title", "Truppe nordcoreane a Kursk"),
    ("toml.md", "date", dt.date(2025, 8, 14)),                  # a TOML datetime
    ("toml.md", "outlet", "HuffPost"),
    ("toml.md", "lang", "it"),
    ("toml.md", "line_offset", 14),
    ("plain_date.md", "title", "Kim: il vertice"),              # not YAML (a bare colon): read as key: value
    ("plain_date.md", "date", dt.date(2025, 8, 13)),
    ("unknown_key.md", "title", "Ok"),
]


@pytest.mark.parametrize(("name", "field", "expected"), HUGO_CASES)
def test_hugo_front_matter(name, field, expected):
    assert getattr(_only(HUGO / name), field) == expected


# file, key, expected value in Document.meta (every key is kept, the unknown ones too)
META_CASES = [
    ("yaml.md", "tags", ["corea-del-nord", "russia"]),
    ("yaml.md", "categories", ["esteri", "difesa"]),
    ("yaml.md", "author", {"name": "Marianna Perrone", "email": "redazione@example.org"}),
    ("yaml.md", "draft", False),
    ("yaml.md", "params", {"featured": True, "weight": 3}),
    ("toml.md", "draft", True),
    ("toml.md", "author", {"name": "Redazione esteri"}),
    ("toml.md", "tags", ["corea-del-nord", "ucraina"]),
    ("unknown_key.md", "author", "Marianna Perrone"),
]


@pytest.mark.parametrize(("name", "key", "expected"), META_CASES)
def test_every_front_matter_key_is_kept(name, key, expected):
    assert _only(HUGO / name).meta[key] == expected


# YAML front matter, the metadata read (YAML 1.2 booleans: a title "Yes" stays text)
YAML_VALUES = [
    ("title: Yes\n", {"title": "Yes"}),
    ("outlet: ON\n", {"outlet": "ON"}),
    ("title: 1984\n", {"title": "1984"}),
    ("date: 2025-08-13 10:30:00\n", {"date": dt.date(2025, 8, 13)}),
    ("date: '13.08.2025'\n", {"date": dt.date(2025, 8, 13)}),
    ("title: >\n  Kim a Putin:\n  pieno sostegno\n", {"title": "Kim a Putin: pieno sostegno"}),
]


@pytest.mark.parametrize(("block", "expected"), YAML_VALUES)
def test_yaml_values(block, expected):
    doc = from_text(f"---\n{block}---\nTesto.", id="a.md")
    assert {k: getattr(doc, k) for k in expected} == expected


def test_a_hugo_folder_reads_with_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = list(read(D / "hugo"))
    assert len(docs) == 4


def test_a_claim_line_counts_the_toml_front_matter():
    from quantities.extraction.claims import extract_document

    doc = _only(HUGO / "toml.md")
    claim, = [c for c in extract_document(doc) if "15mila" in c.text]
    assert doc.line_col(claim.span.start)[0] == 15


def test_jsonl_fields_beyond_the_known_are_kept():
    doc, = read_jsonl_text('{"id": "a", "text": "x", "tags": ["a"], "author": {"name": "R"}}')
    assert doc.meta == {"tags": ["a"], "author": {"name": "R"}}


def read_jsonl_text(line):
    from quantities.ingest.documents import _jsonl

    return list(_jsonl([(1, line)], "feed.jsonl", "feed.jsonl", None, None))


def _same_file(tmp_path, how):
    """Names for one file, as ``how`` says: (the paths given to read, the one read)."""
    (tmp_path / "sub").mkdir()
    one = tmp_path / "sub" / "x.txt"
    one.write_text("Sono morti 5 soldati.", encoding="utf-8")
    if how == "symlink":
        (tmp_path / "y.txt").symlink_to(one)
        return [str(one), str(tmp_path / "y.txt")]
    if how == "hard link":
        (tmp_path / "y.txt").hardlink_to(one)
        return [str(one), str(tmp_path / "y.txt")]
    if how == "folder, then the file in it by another name":
        return [str(tmp_path / "sub"), f"{tmp_path}/sub/./x.txt"]
    if how == "two files of one text":  # near miss: two files, each read
        (tmp_path / "y.txt").write_text("Sono morti 5 soldati.", encoding="utf-8")
        return [str(one), str(tmp_path / "y.txt")]
    return [str(one), f"{tmp_path}/sub/../sub/x.txt"]


@pytest.mark.parametrize(("how", "read_once"), [
    ("another spelling of its path", True),
    ("symlink", True),
    ("hard link", True),
    ("folder, then the file in it by another name", True),
    ("two files of one text", False),
])
def test_one_file_named_twice_is_read_once(tmp_path, how, read_once):
    """Its claims would count twice (one outlet as two, which can turn an outlier into the
    majority): the second name is an input error, and the batch goes on."""
    errors = []
    docs = list(read(_same_file(tmp_path, how), on_error=errors.append))
    assert len(docs) == (1 if read_once else 2)
    assert [("the same file as" in str(e)) for e in errors] == ([True] if read_once else [])


@pytest.mark.parametrize(("front", "twice"), [
    ("title: A\ntitle: B\n", "title"),
    ("1: a\n\"1\": b\ntitle: T\n", None),          # near miss: a number key and a string key are two keys
    ("title: T\nmeta:\n  a: 1\nother:\n  a: 2\n", None),  # one key in two mappings
])
def test_a_front_matter_key_is_set_once(tmp_path, front, twice):
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}---\nSono morte 5 persone.\n", encoding="utf-8")
    if twice is None:
        assert len(list(read(path))) == 1
    else:
        with pytest.raises(InputError, match=f"front matter sets '{twice}' twice"):
            list(read(path))
