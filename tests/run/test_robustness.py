"""Odd and hostile input through the whole pipeline: never our crash, nothing lost.

Assertions are on outcomes (spans, values, types, one error line), never on seconds; the
slopes of the hostile inputs are in tests/run/test_hostile.py, their timings in
benchmarks/bench_hostile.py. Each case of issue 15's "nothing lost, no traceback" is a row.
"""

import json
import math
import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tables import ROOT, cli

from quantities import Document
from quantities.extraction.claims import extract_document
from quantities.ingest import documents
from quantities.run import config as configuration
from quantities.run import processes

PIECES = ["5", "000", ".", ",", "'", " ", "mila", "milioni", "circa", "oltre", "tra", " e ",
          "%", "per cento", "km", "euro", "di", "migliaia", "decine", "quasi", "l'", "«", "»",
          "“", "”", "\n", "secondo", "Kcna", "ha detto", "soldati", "-", "/", "°", "€", "un", "una"]


def check(text: str) -> None:
    doc = Document(id="t", text=text)  # no front matter parsing: that may rightly raise
    claims = extract_document(doc)  # odd text never raises, not even our own errors
    for c in claims:
        assert 0 <= c.span.start <= c.span.end <= len(doc.text)
        assert doc.text[c.span.start:c.span.end] == c.text
        assert 0 <= c.sentence.start <= c.sentence.end <= len(doc.text)
        for v in (c.quantity.value, c.quantity.low, c.quantity.high):
            assert v is None or math.isfinite(v)
        q = c.quantity
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        if q.value is not None:  # the number as stated lies within what it means
            assert q.low is None or q.low <= q.value
            assert q.high is None or q.value <= q.high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_number_like_pieces(text):
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(("1.2" * 70_000), id="200KB of digits and dots"),
        pytest.param("mila " * 40_000, id="40.000 times mila"),
        pytest.param("«" * 50_000 + "5.000 soldati" + "»" * 50_000, id="100.000 nested quotes"),
        pytest.param(("circa 15mila soldati e " * 20_000), id="one 460KB sentence"),
        pytest.param("a" * 300_000 + " 5.000 operai", id="a 300KB word"),
        pytest.param("5" * 200_000, id="200.000 digits"),
        pytest.param(", ".join(["1.000"] * 30_000), id="30.000 numbers in a list"),
        pytest.param("stima.5," * 40_000, id="40.000 cues and figures in one sentence"),
        pytest.param("Sono morti 300 soldati" + ", i media hanno riferito" * 20_000 + ".",
                     id="20.000 report verbs after a figure"),
    ],
)
def test_hostile_inputs_finish(text):
    doc = documents.from_text(text, id="hostile")
    claims = extract_document(doc)
    assert isinstance(claims, list)
    assert all(doc.text[c.span.start:c.span.end] == c.text for c in claims)


def test_the_time_guard_fires_as_our_own_error(monkeypatch):
    from quantities import PatternTimeoutError
    from quantities.extraction.numbers import reader as numbers
    from quantities.extraction.numbers import reading

    monkeypatch.setattr(reading, "TIMEOUT", 1e-9)
    monkeypatch.setattr(reading, "UNGUARDED_CHARS", 0)  # a short window runs unguarded: guard them all
    with pytest.raises(PatternTimeoutError, match="pattern timed out at offset"):
        numbers.find("Sono arrivati 5.000 operai e 1.000 genieri. " * 20_000)


@pytest.mark.parametrize(("chars", "guarded"), [(1_000, False), (1_001, True)])
def test_only_long_windows_run_under_the_guard(monkeypatch, chars, guarded):
    """A call on at most UNGUARDED_CHARS characters is bounded by its window (every pattern
    is linear) and skips the guard's clock; a longer one is guarded."""
    import regex

    from quantities import PatternTimeoutError
    from quantities.extraction.numbers import reading

    assert reading.UNGUARDED_CHARS == 1_000
    monkeypatch.setattr(reading, "TIMEOUT", 1e-9)
    never = regex.compile(r"x")
    for call in (reading.search, reading.match):
        if guarded:
            with pytest.raises(PatternTimeoutError):
                call(never, "a" * chars, 0)
        else:
            assert call(never, "a" * chars, 0) is None


# -- nothing lost, no traceback: each case a row ---------------------------------------------

SENTENCE = "Secondo la Kcna sono arrivati 5.000 soldati."


UNRELATED_PYPROJECTS = [
    pytest.param(b'[project]\nname = "caf\xe9"\n', id="not UTF-8"),
    pytest.param(b"tool = 5\n", id="tool = 5"),
    pytest.param(b"[tool]\nother = 5\n", id="another tool"),
    pytest.param(b"a = " + b"[" * 3000 + b"]" * 3000 + b"\n", id="deeply nested arrays"),
    pytest.param(b"".join(b"x" + b".y" * 2000 + b"%d = 1\n" % i for i in range(10)), id="deep dotted keys"),
    pytest.param(b"not toml at all = = =\n", id="not TOML"),
    pytest.param(b"[tool.black]\nquantities = 1\n", id="the word quantities elsewhere"),
]


@pytest.mark.parametrize("content", UNRELATED_PYPROJECTS)
def test_an_unrelated_pyproject_is_passed_over(tmp_path, content):
    (tmp_path / "pyproject.toml").write_bytes(content)
    assert configuration.find(tmp_path) is None
    assert configuration.load(start=str(tmp_path)) == configuration.Config()


OUR_BAD_TABLES = [
    pytest.param(b'[tool.quantities]\nlang = "caf\xe9"\n', "pyproject.toml:2: not UTF-8 (byte 0xe9)", id="not UTF-8"),
    pytest.param(b"[tool]\nquantities = 5\n", "tool.quantities: must be a table", id="a number"),
    pytest.param(b"[tool.quantities]\nlang = \n", "not valid TOML", id="not TOML"),
    pytest.param(b"[tool.quantities]\n" + b"x" + b".y" * 100 + b" = 1\n", "pyproject.toml:2: a key nested deeper",
                 id="deep dotted key"),
    pytest.param(b"[tool.quantities]\nlangs = 1\n", "langs: unknown key", id="unknown key"),
]


@pytest.mark.parametrize(("content", "says"), OUR_BAD_TABLES)
def test_a_bad_tool_quantities_table_is_one_line(capsys, tmp_path, monkeypatch, content, says):
    (tmp_path / "pyproject.toml").write_bytes(content)
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(capsys, "extract", "a.txt")
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("key", ["include", "exclude"])
def test_a_pattern_pathspec_refuses_is_one_line(capsys, tmp_path, monkeypatch, key):
    """Found by the config fuzz (tests/run/test_fuzz.py): ``include = ["\\\\"]`` was a
    GitIgnorePatternError traceback."""
    (tmp_path / "quantities.toml").write_text(f'{key} = ["\\\\"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, "extract", "a.txt")
    assert code == 2 and err.strip() == f"quantities: error: {tmp_path}/quantities.toml:1: {key}: not a gitignore pattern: '\\\\'"


BAD_LINES = [
    pytest.param('{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply", id="deeply nested"),
    pytest.param('{"text": "x", "n": ' + "9" * 5000 + "}", "more than 4,300 digits", id="4,300 digits"),
    pytest.param('{"id": "\\ud800", "text": "5 soldati"}', "'id' holds a lone surrogate", id="lone surrogate id"),
    pytest.param('{"text": "5 \\udfff soldati"}', "'text' holds a lone surrogate", id="lone surrogate text"),
    pytest.param('{"text": "x", "title": "\\ud83d"}', "'title' holds a lone surrogate", id="lone surrogate title"),
    pytest.param('{"id": ', "not valid JSON", id="not JSON"),
]


@pytest.mark.parametrize(("line", "says"), BAD_LINES)
def test_one_bad_jsonl_line_is_reported_and_the_batch_goes_on(capsys, tmp_path, line, says):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "5 soldati"}\n' + line + '\n{"id": "b", "text": "6 soldati"}\n',
                    encoding="utf-8")
    code, out, err = cli(capsys, "extract", feed, "--format", "jsonl")
    assert code == 2
    assert [json.loads(x)["doc"] for x in out.splitlines()] == ["a", "b"]
    assert err.strip().splitlines() == [f"quantities: error: {feed}:2: " + err.split(":2: ", 1)[1].strip()]
    assert says in err


def test_a_jsonl_line_over_the_size_limit_is_one_bad_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("QUANTITIES_MAX_DOCUMENT_MB", "0.001")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "5 soldati"}\n{"text": "' + "x" * 5000 + '"}\n{"id": "b", "text": "6"}\n',
                    encoding="utf-8")
    code, out, err = cli(capsys, "extract", feed, "--format", "jsonl")
    assert code == 2 and [json.loads(x)["doc"] for x in out.splitlines()] == ["a", "b"]
    assert f"{feed}:2: larger than 0.001 MB, the document size limit (set QUANTITIES_MAX_DOCUMENT_MB" in err


def test_a_file_over_the_size_limit_is_refused_by_name(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("QUANTITIES_MAX_DOCUMENT_MB", "0.001")
    (tmp_path / "big.txt").write_text(SENTENCE * 100, encoding="utf-8")
    code, _, err = cli(capsys, "extract", tmp_path / "big.txt")
    assert code == 2 and "big.txt: larger than 0.001 MB" in err


def test_stdin_from_dev_zero_is_refused_at_once():
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run([sys.executable, "-m", "quantities", "extract", "-"], stdin=zero,
                              capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and done.stderr.strip() == "quantities: error: <stdin>:1: binary file (NUL byte at offset 0)"


ENCODINGS = [
    pytest.param("utf-32", None, id="UTF-32 with a BOM is read"),
    pytest.param("utf-32-le", "UTF-32 text without a byte order mark", id="UTF-32-LE without a BOM"),
    pytest.param("utf-32-be", "UTF-32 text without a byte order mark", id="UTF-32-BE without a BOM"),
    pytest.param("utf-16", None, id="UTF-16 with a BOM is read"),
    pytest.param("utf-16-le", "UTF-16 text without a byte order mark", id="UTF-16-LE without a BOM"),
]


@pytest.mark.parametrize(("encoding", "refused"), ENCODINGS)
def test_wide_encodings_are_read_or_refused_never_garbled(capsys, tmp_path, encoding, refused):
    (tmp_path / "a.txt").write_bytes(SENTENCE.encode(encoding))
    code, out, err = cli(capsys, "extract", tmp_path / "a.txt", "--format", "jsonl")
    if refused:
        assert code == 2 and refused in err and not out
    else:
        assert code == 0 and [json.loads(x)["text"] for x in out.splitlines()] == ["5.000 soldati"]


def _unreadable(folder, monkeypatch):
    """A subfolder that cannot be listed (made so by a patch: the tests may run as root)."""
    (folder / "locked").mkdir()
    (folder / "locked" / "b.md").write_text(SENTENCE, encoding="utf-8")
    scandir = os.scandir

    def refused(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refused)
    return "locked: cannot read: Permission denied"


ODD_ENTRIES = [
    # what the folder holds beside a.md, and the line that names it (they were passed over in silence)
    pytest.param(lambda d, mp: (d / "b.md").symlink_to(d / "gone.md") or "b.md: cannot read: No such file or directory",
                 id="a link to nothing"),
    pytest.param(lambda d, mp: (d / "b.md").symlink_to(d / "b.md") or "b.md: cannot read: Too many levels of symbolic links",
                 id="a link to itself"),
    pytest.param(lambda d, mp: os.mkfifo(d / "b.md") or "b.md: not a regular file (a device, pipe or socket)", id="a FIFO"),
    pytest.param(_unreadable, id="a subfolder that cannot be listed"),
]


@pytest.mark.skipif(sys.platform != "linux", reason="POSIX links and pipes")
@pytest.mark.parametrize("odd", ODD_ENTRIES)
def test_what_a_folder_holds_is_read_or_named_never_skipped(capsys, tmp_path, monkeypatch, odd):
    (tmp_path / "a.md").write_text(SENTENCE, encoding="utf-8")
    says = odd(tmp_path, monkeypatch)
    code, out, err = cli(capsys, "extract", tmp_path, "--format", "jsonl")
    assert code == 2 and [json.loads(x)["text"] for x in out.splitlines()] == ["5.000 soldati"]
    assert err.strip() == f"quantities: error: {tmp_path}/{says}"


def test_a_folder_that_cannot_be_listed_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "scandir", lambda path=".": (_ for _ in ()).throw(PermissionError(13, "Permission denied", os.fspath(path))))
    code, out, err = cli(capsys, "extract", tmp_path, "--format", "jsonl")
    assert code == 2 and not out and err.strip() == f"quantities: error: {tmp_path}: cannot read: Permission denied"


@pytest.mark.parametrize("where", ["input file", "inside a folder read", "inside a subfolder read"])
def test_output_the_run_would_read_is_refused(capsys, tmp_path, where):
    (tmp_path / "articoli" / "sub").mkdir(parents=True)
    article = tmp_path / "articoli" / "a.md"
    article.write_text(SENTENCE, encoding="utf-8")
    target = {"input file": article, "inside a folder read": tmp_path / "articoli" / "out.jsonl",
              "inside a subfolder read": tmp_path / "articoli" / "sub" / "out.md"}[where]
    code, _, err = cli(capsys, "extract", tmp_path / "articoli", article, "-o", target, "--format", "jsonl")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "write it elsewhere" in err
    assert article.read_text(encoding="utf-8") == SENTENCE
    assert sorted(p.name for p in (tmp_path / "articoli").rglob("*")) == ["a.md", "sub"]


CONFIGS = {"pyproject.toml": '[project]\nname = "desk"\n[tool.quantities]\nlang = "it"\n',
           "quantities.toml": 'lang = "it"\n'}


@pytest.mark.parametrize("name", list(CONFIGS))
def test_output_over_the_config_in_force_is_refused(capsys, tmp_path, monkeypatch, name):
    """The config in force is read by the run: replaced by the claims, every later run failed
    on it as TOML (break12)."""
    (tmp_path / "a.md").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / name).write_text(CONFIGS[name], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, "extract", "a.md", "-o", name)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "write it elsewhere" in err
    assert (tmp_path / name).read_text(encoding="utf-8") == CONFIGS[name]


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/stdin")
@pytest.mark.parametrize("target", ["the article", "/dev/stdin", "another file"])
def test_output_over_what_standard_input_reads_is_refused(tmp_path, target):
    """``quantities extract - -o a.md < a.md`` (or ``-o /dev/stdin``) would replace the article
    while it is read; near miss: another file is written."""
    article = tmp_path / "a.md"
    article.write_text(SENTENCE, encoding="utf-8")
    out = {"the article": str(article), "/dev/stdin": "/dev/stdin", "another file": str(tmp_path / "o.jsonl")}[target]
    with article.open("rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "quantities", "extract", "-", "-o", out, "--format", "jsonl"],
                              stdin=stdin, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              check=False)
    assert article.read_text(encoding="utf-8") == SENTENCE
    if target == "another file":
        assert done.returncode == 0 and "5.000 soldati" in (tmp_path / "o.jsonl").read_text(encoding="utf-8")
    else:
        assert done.returncode == 2 and "write it elsewhere" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_output_of_another_type_inside_a_folder_read_is_written(capsys, tmp_path):
    (tmp_path / "a.md").write_text(SENTENCE, encoding="utf-8")
    code, _, _ = cli(capsys, "report", tmp_path, "-o", tmp_path / "report.json", "--format", "json")
    assert code == 0 and (tmp_path / "report.json").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="POSIX pipes")
def test_output_into_a_pipe_or_device_is_written_into_never_replaced(capsys, tmp_path):
    """``-o /dev/null`` (or a FIFO) was replaced atomically like a file: as root the device
    node became a regular file (found with /dev/full). It is written into, as ``>`` does."""
    import stat

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that opening to write does not block
    try:
        (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
        code, _, err = cli(capsys, "extract", tmp_path / "a.txt", "--format", "jsonl", "-o", fifo)
        assert code == 0 and not err
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert json.loads(os.read(reader, 65536))["text"] == "5.000 soldati"
    finally:
        os.close(reader)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "fifo"]


def test_output_through_a_link_replaces_its_target_not_the_link(capsys, tmp_path):
    """The link was replaced by a file (and across file systems the replace failed)."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "latest.jsonl").symlink_to(tmp_path / "reports" / "today.jsonl")
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    code, _, _ = cli(capsys, "extract", tmp_path / "a.txt", "--format", "jsonl", "-o", tmp_path / "latest.jsonl")
    assert code == 0 and (tmp_path / "latest.jsonl").is_symlink()
    assert json.loads((tmp_path / "reports" / "today.jsonl").read_text(encoding="utf-8"))["text"] == "5.000 soldati"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's")
def test_a_full_disk_under_output_is_one_line_naming_the_file(capsys, tmp_path, monkeypatch):
    """The temporary file is written on /dev/full (a disk with no room): the old report stays,
    no temporary file is left, and the line names the output."""
    import tempfile

    def full(prefix, suffix, dir):
        name = os.path.join(dir, f"{prefix}x{suffix}")
        open(name, "w").close()
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(tempfile, "mkstemp", full)
    (tmp_path / "a.txt").write_text(SENTENCE * 2000, encoding="utf-8")
    (tmp_path / "out.jsonl").write_text("old\n", encoding="utf-8")
    code, _, err = cli(capsys, "extract", tmp_path / "a.txt", "--format", "jsonl", "-o", tmp_path / "out.jsonl")
    assert code == 2 and err.strip() == f"quantities: error: {tmp_path / 'out.jsonl'}: cannot write the output: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.jsonl"]
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize("mode, link, kept", [
    (0o444, False, True),    # read-only for all: kept, even when root runs the suite
    (0o400, False, True),
    (0o444, True, True),     # a link to a read-only file: its target is what would be replaced
    (0o644, False, False),   # near misses: writable files are replaced
    (0o200, False, False),   # write-only: writable
    (0o644, True, False),
])
def test_a_read_only_output_is_not_replaced(capsys, tmp_path, mode, link, kept):
    """``-o`` onto a file no one may write: refused in one line naming it, the file as it was
    (the atomic rename would replace it all the same: only the folder's mode counts)."""
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    out.chmod(mode)
    named = tmp_path / "link.jsonl" if link else out
    if link:
        named.symlink_to(out)
    code, _, err = cli(capsys, "extract", tmp_path / "a.txt", "--format", "jsonl", "-o", named)
    assert (out.stat().st_mode & 0o777, named.is_symlink()) == (mode, link)  # replaced or not, its mode stays
    out.chmod(0o644)
    if kept:
        assert code == 2 and err.strip() == (f"quantities: error: {named}: is read-only; it is not replaced "
                                             "(make it writable, or write elsewhere)")
        assert out.read_text(encoding="utf-8") == "precious\n"
    else:
        assert code == 0 and err == "" and '"value"' in out.read_text(encoding="utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's")
def test_a_full_device_as_output_is_one_line_naming_it(capsys, tmp_path):
    """A device written into (``-o /dev/full``, ``--quantities-html=/dev/full``) that refuses
    the bytes: the line names the device, not only "[Errno 28] No space left on device"."""
    from pathlib import Path

    from quantities.errors import QuantitiesError
    from quantities.integrations.pytest_page import write_page
    from quantities.report.model import Report

    (tmp_path / "a.txt").write_text(SENTENCE * 2000, encoding="utf-8")
    code, _, err = cli(capsys, "extract", tmp_path / "a.txt", "--format", "jsonl", "-o", "/dev/full")
    assert code == 2 and err.strip() == "quantities: error: /dev/full: cannot write the output: No space left on device"
    with pytest.raises(QuantitiesError) as page:  # the pytest plugin's page
        write_page(Path("/dev/full"), [Report()], {})
    assert str(page.value) == "/dev/full: cannot write the output: No space left on device"


@pytest.mark.skipif(sys.platform != "linux", reason="non-UTF-8 file names are a POSIX matter")
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_non_utf8_file_names_with_output(capsys, tmp_path, fmt):
    folder = os.fsencode(tmp_path / "d")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as f:
        f.write(SENTENCE.encode())
    out_file = tmp_path / "out.txt"
    code, _, err = cli(capsys, "report" if fmt == "json" else "extract", folder, "-o", out_file, "--format", fmt)
    assert code == 0, err
    assert b"caf\xe9.txt" in out_file.read_bytes()  # the name as its own bytes


def test_reference_units_are_names_not_expressions(capsys, tmp_path):
    from quantities.reconciliation.reference import load

    for unit in ["1/0", "meter ** (10 ** 10 ** 10)", "meter*2"]:
        ref = tmp_path / "figures.toml"
        ref.write_text(f'[[figure]]\nid = "x"\nwhat = ["soldati"]\nvalue = 5\nunit = "{unit}"\n', encoding="utf-8")
        with pytest.raises(Exception, match="figure\\[0\\].unit: must be a unit name"):
            load(ref)


BAD_REFERENCE_FILES = [
    # what the file holds (None: /dev/zero), and the one line that names it
    pytest.param(b"# " + b"x" * 2_000_000, "figures.toml: larger than 1 MB: not a reference file",
                 id="too large (/dev/zero was read without end)"),
    pytest.param(b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", "figures.toml:1: not valid TOML: nested too deeply",
                 id="deeply nested: was a RecursionError traceback"),
    pytest.param(b'[[figure]]\nid = "caf\xe9"\n', "figures.toml:2: not UTF-8 (byte 0xe9)", id="not UTF-8: names the line"),
    pytest.param(b"x" + b".y" * 100 + b" = 1\n", "figures.toml:1: a key nested deeper than 32 levels", id="deep dotted key"),
]


@pytest.mark.parametrize(("content", "says"), BAD_REFERENCE_FILES)
def test_a_bad_reference_file_is_one_line(capsys, tmp_path, monkeypatch, content, says):
    from quantities.reconciliation import reference

    monkeypatch.setattr(reference, "MAX_REFERENCE_BYTES", 1_000_000)  # not /dev/zero: a regression would eat the memory
    ref = tmp_path / "figures.toml"
    ref.write_bytes(content)
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    code, _, err = cli(capsys, "report", tmp_path / "a.txt", "--reference", ref)
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(sys.platform != "linux", reason="POSIX pipes")
@pytest.mark.parametrize(("option", "says"), [("--reference", "cannot read reference file"),
                                              ("--config", "cannot read config")])
def test_a_fifo_given_as_config_or_reference_is_refused_at_once(tmp_path, option, says):
    """open() of a FIFO that nothing writes to waited in the kernel for ever (and one SIGTERM
    did not stop it): the file is now opened non-blocking and its descriptor's type checked."""
    os.mkfifo(tmp_path / "f.toml")
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "quantities", "report", str(tmp_path / "a.txt"), option,
                           str(tmp_path / "f.toml")], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and not done.stdout
    assert done.stderr.strip() == (f"quantities: error: {tmp_path}/f.toml: {says}: "
                                   "not a regular file (a device, pipe or socket)")


# -- signals, dead workers, memory --------------------------------------------------------------

RUN_BIG = """
import sys
from quantities.run import processes
processes.PARALLEL_MIN_CHARS = 0
processes.CHUNK_CHARS = 5_000  # a few of the feed's documents (2,160 characters) per chunk
from quantities.integrations.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _started(tmp_path, jobs, lines=None):
    feed = tmp_path / "feed.jsonl"
    line = json.dumps({"text": ("Secondo la Kcna sono arrivati 5.000 soldati a Kursk. " * 40)})
    lines = lines or [line.replace('"text"', f'"id": "d{i}", "text"') for i in range(4000)]
    feed.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", RUN_BIG, "extract", str(feed), "--jobs", str(jobs),
                             "--format", "jsonl", "-o", str(out)], stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 60
    while not list(out.parent.iterdir()) or (jobs > 1 and len(_children(proc.pid)) < jobs):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    return proc, out


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(sys.platform != "linux", reason="/proc and POSIX signals")
@pytest.mark.parametrize(("sig", "jobs"), [(signal.SIGTERM, 1), (signal.SIGHUP, 1), (signal.SIGTERM, 2)])
def test_a_signal_removes_the_temporary_file_and_stops_the_workers(tmp_path, sig, jobs):
    proc, out = _started(tmp_path, jobs)
    workers = _children(proc.pid)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig
    assert err.strip() == f"quantities: stopped by {signal.Signals(sig).name} (nothing was written to --output)"
    assert list(out.parent.iterdir()) == []
    time.sleep(0.2)
    assert not [w for w in workers if _alive(w)]


@pytest.mark.skipif(sys.platform != "linux", reason="/proc and POSIX signals")
def test_a_signal_stops_at_once_a_run_that_reads_a_document_larger_than_a_chunk(tmp_path):
    """A document larger than a chunk went to a worker whole: on SIGTERM the parent, waiting
    in the pool's code (where the signal is only noted), waited for the whole document, then
    up to STOP_GRACE more. It is now read in the parent, which the signal stops, and the
    parent waits on the workers' chunks in slices of WAIT_SLICE."""
    small = [json.dumps({"id": f"d{i}", "text": SENTENCE * 50}) for i in range(40)]
    big = json.dumps({"id": "big", "text": "Secondo la Kcna sono arrivati 5.000 soldati a Kursk. " * 80_000})
    # two chunks first (both workers start), then 4 MB in one document: many seconds of work
    proc, out = _started(tmp_path, 2, [*small[:6], big, *small])
    workers = _children(proc.pid)
    time.sleep(1.0)  # the parent is into the large document
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert time.monotonic() - sent < 8.0 < processes.STOP_GRACE  # under the grace: a bound, not a timing
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.strip() == "quantities: stopped by SIGTERM (nothing was written to --output)"
    assert list(out.parent.iterdir()) == []
    time.sleep(0.2)
    assert not [w for w in workers if _alive(w)]


RUN_NOTED = """
import os, signal, sys
from quantities.run.toolkit import Toolkit
read = Toolkit.extract_or_error
def extract_or_error(self, doc):  # this frame is not the package's: the signal is only noted here
    if doc.id == "big":
        os.kill(os.getpid(), signal.SIGTERM)
    return read(self, doc)
Toolkit.extract_or_error = extract_or_error
from quantities.integrations.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals")
def test_a_signal_noted_outside_the_package_stops_one_process_within_a_document(tmp_path):
    """With --jobs 1 a signal that lands outside the package's code while a document is read
    (the standard library's, generated code) is only noted: the run went on to the end of the
    document (4 MB: ~15 s, every claim written to the temporary file). A large document is now
    read in a thread the main thread waits on in slices of WAIT_SLICE."""
    feed = tmp_path / "feed.jsonl"
    big = {"id": "big", "text": "Secondo la Kcna sono arrivati 5.000 soldati a Kursk. " * 80_000}
    feed.write_text(json.dumps({"id": "a", "text": SENTENCE}) + "\n" + json.dumps(big) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", RUN_NOTED, "extract", str(feed), "--jobs", "1", "--format", "jsonl",
                           "-o", str(out)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert time.monotonic() - started < 6.0  # the document alone takes ~15 s: a bound, not a timing
    assert done.returncode == 128 + signal.SIGTERM
    assert done.stderr.strip() == "quantities: stopped by SIGTERM (nothing was written to --output)"
    assert list(out.parent.iterdir()) == []


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"  # a zombie has stopped
    except OSError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="/proc and POSIX signals")
def test_a_killed_worker_is_one_line(tmp_path):
    proc, out = _started(tmp_path, 2)
    os.kill(_children(proc.pid)[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert err.strip() == ("quantities: error: a worker process died (killed by the system, perhaps for lack of "
                           "memory); run again with --jobs 1")
    assert list(out.parent.iterdir()) == []


def test_a_broken_pool_is_closed_before_the_run_returns(monkeypatch):
    """After a worker died the pool's own thread closes its wake-up pipe while the interpreter's
    exit hook may write to it: "Exception ignored ... Bad file descriptor" after the one line
    (CI, CPython 3.11). The close is slowed here so that returning before it shows."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import process as pool_module
    from concurrent.futures.process import BrokenProcessPool

    close = pool_module._ThreadWakeup.close
    monkeypatch.setattr(pool_module._ThreadWakeup, "close", lambda self: time.sleep(0.5) or close(self))
    pool = ProcessPoolExecutor(1)
    manager = None
    with pytest.raises(BrokenProcessPool):
        future = pool.submit(os._exit, 1)
        manager = pool._executor_manager_thread
        future.result(timeout=60)
    processes._stop(pool, finished=False)
    assert manager is not None and not manager.is_alive()


def test_memory_exhaustion_is_one_line(capsys, tmp_path, monkeypatch):
    from quantities.run import pipeline

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pipeline, "apply_policy", exhausted)
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    code, _, err = cli(capsys, "report", tmp_path / "a.txt", "-o", tmp_path / "out.txt")
    assert code == 2 and err.strip().startswith("quantities: error: out of memory")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
