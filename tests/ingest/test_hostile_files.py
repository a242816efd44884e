"""Hostile files through ``quantities extract``: each is one error line naming the file (and
the line), never a traceback or a hang, and every other document of the batch is still read
(issue 15, "nothing lost, no traceback"; the breaks a cold tester found at robust12)."""

from __future__ import annotations

import json
import os
import signal

import pytest
from tables import cli

GOOD = "Secondo la Kcna sono arrivati 5.000 soldati.\n"


def _batch(capsys, tmp_path, name, content):
    """The error lines and the claims' texts of ``extract`` on the file and a good one."""
    bad = tmp_path / name
    bad.write_bytes(content)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = cli(capsys, "extract", bad, tmp_path / "good.txt", "--format", "jsonl")
    return code, [json.loads(x)["text"] for x in out.splitlines()], err.strip().replace(f"{tmp_path}/", "")


NESTED = [
    # front matter nested past what the parsers recurse through: was a RecursionError traceback
    pytest.param(b"---\nx: " + b"[" * 500 + b"]" * 500 + b"\n---\n5 morti.\n",
                 "d.md:2: front matter is not valid YAML: nested deeper than 32 levels", id="YAML flow lists"),
    pytest.param(b"---\n" + b"".join(b" " * i + b"a%d:\n" % i for i in range(500)) + b"---\n5 morti.\n",
                 "d.md:33: front matter is not valid YAML: nested deeper than 32 levels", id="YAML indents"),
    pytest.param(b"---\nx: " + b"{a: " * 500 + b"}" * 500 + b"\n---\n5 morti.\n",
                 "d.md:2: front matter is not valid YAML: nested deeper than 32 levels", id="YAML flow maps"),
    pytest.param(b"+++\nx = " + b"[" * 500 + b"]" * 500 + b"\n+++\n5 morti.\n",
                 "d.md:2: front matter is not valid TOML: nested too deeply", id="TOML arrays"),
    pytest.param(b"+++\ntitle = '[[['\nx = [\n" + b"{a = [\n" * 250 + b"]}\n" * 250 + b"]\n+++\n5 morti.\n",
                 "d.md:19: front matter is not valid TOML: nested too deeply",
                 id="TOML arrays and tables over lines: the line of the 33rd level (was line 1)"),
    pytest.param(b"+++\n" + b".".join([b"k"] * 40) + b" = 1\n+++\n5 morti.\n",
                 "d.md:2: a key nested deeper than 32 levels", id="TOML dotted key"),
]
NEAR = [  # near misses: nested as deep as front matter is written, read
    pytest.param(b"---\nx: " + b"[" * 30 + b"1" + b"]" * 30 + b"\n---\n5 morti.\n", id="YAML 30 levels"),
    pytest.param(b"+++\nx = " + b"[" * 31 + b"1" + b"]" * 31 + b"\n+++\n5 morti.\n", id="TOML 31 levels"),
]


@pytest.mark.parametrize(("content", "says"), NESTED)
def test_front_matter_nested_too_deeply_is_one_line_and_the_batch_goes_on(capsys, tmp_path, content, says):
    code, texts, err = _batch(capsys, tmp_path, "d.md", content)
    assert (code, texts, err) == (2, ["5.000 soldati"], f"quantities: error: {says}")


@pytest.mark.parametrize("content", NEAR)
def test_front_matter_nested_as_deep_as_written_is_read(capsys, tmp_path, content):
    code, texts, err = _batch(capsys, tmp_path, "d.md", content)
    assert (code, texts, err) == (0, ["5 morti", "5.000 soldati"], "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_fifo_swapped_in_after_the_folder_is_listed_is_one_line_not_a_hang(capsys, tmp_path, monkeypatch):
    """open() of a FIFO waited for a writer for ever; the open is non-blocking now and the
    descriptor's type is checked (an alarm turns a regression into a failure)."""
    from quantities.ingest import documents

    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    listed = documents.supported_files

    def swap(*args):
        files = listed(*args)
        (tmp_path / "b.md").unlink()
        os.mkfifo(tmp_path / "b.md")
        return files

    def hung(signum, frame):
        raise pytest.fail.Exception("opening the FIFO waited for a writer")

    monkeypatch.setattr(documents, "supported_files", swap)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        code, out, err = cli(capsys, "extract", tmp_path, "--format", "jsonl")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 2 and [json.loads(x)["doc"] for x in out.splitlines()] == [f"{tmp_path}/a.md", f"{tmp_path}/c.md"]
    assert err.strip() == f"quantities: error: {tmp_path}/b.md: not a regular file (a device, pipe or socket)"


BROKEN_UTF8 = [
    # bytes, text read, warning: one bad sequence made the whole file cp1252 ("morti Ã ")
    pytest.param("Città di Perù.\nRiga \udcc0\udcaf due.\n5 morti à Milano.\n",
                 "Città di Perù.\nRiga �� due.\n5 morti à Milano.\n",
                 "x.txt:2: 2 bytes not valid UTF-8 (first 0xc0), replaced with U+FFFD", id="UTF-8 but one bad sequence"),
    pytest.param("Perché è così.\udcff\n", "Perché è così.�\n",
                 "x.txt:1: 1 byte not valid UTF-8 (0xff), replaced with U+FFFD", id="UTF-8 but one bad byte"),
    # near misses: text in cp1252 has no valid UTF-8 sequences (or fewer than bad bytes)
    pytest.param("Citt\udce0 di Per\udcf9.\n", "Città di Perù.\n", "x.txt: not UTF-8, decoded as cp1252",
                 id="cp1252 stays cp1252"),
    pytest.param("Citt\udce0 e pi\udcf9, perch\udce9 \u00e8.\n", "Città e più, perché è.\n",
                 "x.txt: not UTF-8, decoded as cp1252", id="more bad bytes than valid sequences: cp1252"),
]


@pytest.mark.parametrize(("content", "text", "warning"), BROKEN_UTF8)
def test_a_few_bad_bytes_in_utf8_are_replaced_and_named_not_the_file_read_as_cp1252(tmp_path, content, text, warning):
    from quantities.errors import QuantitiesWarning
    from quantities.ingest.documents import read

    (tmp_path / "x.txt").write_bytes(content.encode("utf-8", "surrogateescape"))
    with pytest.warns(QuantitiesWarning) as record:
        (doc,) = read(tmp_path / "x.txt")
    assert doc.text == text
    said = [str(w.message).replace(f"{tmp_path}/", "") for w in record]
    assert said[0] == warning and not any("UTF-8, replaced" in w for w in said[1:])


BROKEN_UTF8_RECORDS = [
    # a JSONL line's text, read: one bad byte made the whole line cp1252 ("CittÃ ")
    pytest.param('{"id": "b", "text": "Citt\u00e0 di Per\u00f9, 5 morti \udcff."}', "Città di Perù, 5 morti �.",
                 "x.jsonl:2: 1 byte not valid UTF-8 (0xff), replaced with U+FFFD", id="UTF-8 record but one bad byte"),
    # near miss: a cp1252 line stays cp1252, named at its line
    pytest.param('{"id": "b", "text": "Citt\udce0 di Per\udcf9, 5 morti."}', "Città di Perù, 5 morti.",
                 "x.jsonl:2: not UTF-8, decoded as cp1252", id="cp1252 record stays cp1252"),
]


@pytest.mark.parametrize(("line", "text", "warning"), BROKEN_UTF8_RECORDS)
def test_a_jsonl_record_with_a_few_bad_bytes_is_read_as_utf8_at_its_line(tmp_path, line, text, warning):
    from quantities.errors import QuantitiesWarning
    from quantities.ingest.documents import read

    content = '{"id": "a", "text": "Più di 5 morti."}\n' + line + "\n"
    (tmp_path / "x.jsonl").write_bytes(content.encode("utf-8", "surrogateescape"))
    with pytest.warns(QuantitiesWarning) as record:
        first, second = read(tmp_path / "x.jsonl")
    assert first.text == "Più di 5 morti." and second.text == text
    assert [str(w.message).replace(f"{tmp_path}/", "") for w in record] == [warning]


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_github_annotations_point_at_the_same_line_whatever_the_line_ends(capsys, tmp_path, end):
    text = "Riga uno.\nRiga due.\nSecondo la Kcna 5 morti.\n"
    (tmp_path / "lf.txt").write_text(text, encoding="utf-8", newline="")
    (tmp_path / "x.txt").write_text(text.replace("\n", end), encoding="utf-8", newline="")
    _, lf, _ = cli(capsys, "extract", tmp_path / "lf.txt", "--format", "github")
    _, other, _ = cli(capsys, "extract", tmp_path / "x.txt", "--format", "github")
    assert "line=3,col=17::5 morti" in lf  # a lone CR said line=1,col=37
    assert other == lf.replace("lf.txt", "x.txt")
