"""Reading documents: files, directories, JSONL and stdin, into :class:`Document`.

* ``.txt`` and suffix-less files are plain text; ``.md`` and ``.markdown`` are Markdown
  (stripped into ``Document.plain`` with an offset map, see :mod:`quantities.ingest.markup`);
  ``.jsonl`` holds one JSON object per line.
* A file may open with front matter: a first line ``---``, then ``key: value`` lines
  (``title``, ``outlet``, ``date`` as YYYY-MM-DD, ``lang``, ``url``, ``format`` as
  ``markdown`` or ``text``; values may be quoted; blank and ``#`` lines are skipped), then
  ``---``. An unknown key is a :class:`QuantitiesWarning`, not an error.
* A JSONL line is an object with ``text`` (a string, required), ``id`` (default
  ``<file>:<line>``) and the same metadata fields; other fields are ignored; blank lines
  are skipped. Its text gets Markdown stripping only with ``"format": "markdown"``.
* ``-`` reads stdin: JSONL when its first non-space character is ``{``, else one text
  document with id ``<stdin>`` (front matter allowed).
* A document's ``lang`` comes from its front matter or JSONL field, else the ``lang``
  argument, else ``"it"``.

Decoding: UTF-8 (a BOM is dropped; UTF-16 with a BOM is read too); failing that cp1252
(which reads latin-1 text too), with a :class:`QuantitiesWarning` naming the file and the
encoding; bytes that neither decodes are an error, never garbled text. Text
that ``ftfy`` finds garbled by a wrong decoding upstream ("perchÃ©", "ComunitĂ\\xa0")
is repaired, with a warning; the repaired body is then ``Document.text``, so offsets
refer to the repaired text, not to the bytes of the file.

>>> doc = from_text("---\\ntitle: Kim e Putin\\ndate: 2025-08-13\\n---\\nKim ha **parlato**.",
...                 id="a.md")
>>> doc.title, doc.date.isoformat(), doc.line_offset, doc.text, doc.plain
('Kim e Putin', '2025-08-13', 4, 'Kim ha **parlato**.', 'Kim ha parlato.')
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import regex

from quantities.errors import (
    InputError,
    InputNotFoundError,
    QuantitiesError,
    QuantitiesWarning,
)
from quantities.ingest import markup
from quantities.lang import available
from quantities.types import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")
MARKDOWN_SUFFIXES = (".md", ".markdown")
STDIN = "-"
STDIN_ID = "<stdin>"
FIELDS = ("title", "outlet", "date", "lang", "url", "format")
FORMATS = ("markdown", "text")
LEGACY_ENCODING = "cp1252"
#: The largest document (a file, a JSONL line, stdin) read, in bytes; a larger one is an
#: error naming it, never read without end (stdin from /dev/zero grew to 17 GiB). Set
#: ``QUANTITIES_MAX_DOCUMENT_MB`` in the environment to change it.
MAX_DOCUMENT_MB = 64

ErrorSink = Callable[[QuantitiesError], None] | None
Meta = dict[str, Any]

_KEY_VALUE = regex.compile(r"[ \t]{0,40}+(?P<key>[A-Za-z][\w-]{0,40}+)[ \t]{0,40}+:(?P<value>[^\n]*+)")
_DAY_FIRST = regex.compile(r"(?P<d>[0-9]{1,2})([/.-])(?P<m>[0-9]{1,2})\2(?P<y>[0-9]{4})")
_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_FENCE = "---"
_SNIFF = 8192
# Control characters that do not belong in text (all but tab, newline, form feed, return).
_CONTROL = regex.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_MOJIBAKE_ENCODINGS = ("cp1252", "latin-1", "cp1250")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _chars(byte_values: Iterable[int]) -> str:
    """What these bytes become in the encodings UTF-8 is often misread as."""
    found = set()
    for b in byte_values:
        for encoding in _MOJIBAKE_ENCODINGS:
            try:
                found.add(bytes([b]).decode(encoding))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(found))


# A UTF-8 lead byte (two-byte sequences, and 0xE2 for punctuation) read as one of those
# encodings, followed by a continuation byte read the same way: only text with such a
# pair is handed to ftfy (which is slow), so clean text costs one fast scan. The stdlib
# engine is used for this one pattern: two character classes and no repetition are linear
# in any engine, and its scan for a large set is ten times faster than regex's.
_SUSPECT = re.compile(
    "[" + re.escape(_chars([*range(0xC2, 0xE0), 0xE2])) + "]"
    "[" + re.escape(_chars(range(0x80, 0xC0))) + "]"
)
# Two-byte UTF-8 sequences read as cp1250 ("à" → "Ă\xa0"), which ftfy does not undo.
_CP1250_TRAILS = bytes(b for b in range(0x80, 0xC0) if b not in (0x81, 0x83, 0x88, 0x90, 0x98))
_CP1250_PAIR = regex.compile(
    "[" + regex.escape(bytes(range(0xC2, 0xE0)).decode("cp1250")) + "]"
    "[" + regex.escape(_CP1250_TRAILS.decode("cp1250")) + "]"
)


def read(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    lang: str | None = None,
    on_error: ErrorSink = None,
) -> Iterator[Document]:
    """Documents from files, directories (their supported files, sorted), JSONL files
    (one document per line) or ``"-"`` for stdin.

    Lazy: files are read one at a time and JSONL is streamed line by line. With
    ``on_error=None`` the first bad input raises; with a callback, each bad input
    (a file or a JSONL line) is passed to it and the rest go on.

    >>> [d.id for d in read("fixtures/documents/good")][:4]  # doctest: +NORMALIZE_WHITESPACE
    ['fixtures/documents/good/bom.txt', 'fixtures/documents/good/crlf.txt',
     'fixtures/documents/good/english.txt', 'ansa-1']
    >>> next(read("nowhere.txt"))
    Traceback (most recent call last):
    ...
    quantities.errors.InputNotFoundError: nowhere.txt: no such file or directory
    """
    items = [paths] if isinstance(paths, (str, os.PathLike)) else paths
    for item in items:
        name = os.fspath(item)
        try:
            yield from _read_path(name, lang, on_error)
        except QuantitiesError as e:
            _report(e, on_error)


def from_text(text: str, *, id: str = "<text>", lang: str = "it", **meta: Any) -> Document:
    """A Document from a string; front matter and Markdown are handled as for files.

    ``meta`` may give ``title``, ``outlet``, ``date`` (a date or YYYY-MM-DD), ``url``,
    ``path`` and ``format``; front matter in ``text`` wins over them and over ``lang``.
    Markdown is stripped when ``format`` is ``markdown`` or ``id`` has a Markdown suffix.
    The string is taken as given (no mojibake repair), so offsets are offsets into it.

    >>> from_text("Sono arrivati 5.000 operai.", lang="it").plain is None
    True
    >>> from_text("x", colour="red")
    Traceback (most recent call last):
    ...
    TypeError: from_text() got unexpected metadata: colour
    """
    unknown = sorted(set(meta) - {"title", "outlet", "date", "url", "path", "format"})
    if unknown:
        raise TypeError(f"from_text() got unexpected metadata: {', '.join(unknown)}")
    given: Meta = {k: v for k, v in meta.items() if k != "path"}
    if isinstance(given.get("date"), str):
        given["date"] = _parse_date(given["date"], id, None)
    body, found, line_offset = _front_matter(text, id)
    return _document(
        id, body, {**given, **found}, lang, meta.get("path"), line_offset,
        markdown=Path(id).suffix.lower() in MARKDOWN_SUFFIXES,
    )


def _report(error: QuantitiesError, on_error: ErrorSink) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _read_path(name: str, lang: str | None, on_error: ErrorSink) -> Iterator[Document]:
    if name == STDIN:
        yield from _read_stdin(lang, on_error)
        return
    if not name.strip():
        raise InputNotFoundError("an empty path names no file", file=repr(name))
    path = Path(name)
    if path.is_dir():
        files = sorted(
            f for f in path.rglob("*") if f.suffix.lower() in SUPPORTED_SUFFIXES and f.is_file()
        )
        if not files:
            raise InputNotFoundError(
                f"no supported file ({', '.join(SUPPORTED_SUFFIXES)}) in this directory", file=name
            )
        for f in files:
            try:
                yield from _read_file(str(f), f, lang, on_error)
            except QuantitiesError as e:
                _report(e, on_error)
    elif not path.exists():
        raise InputNotFoundError("no such file or directory", file=name)
    elif not path.is_file():
        raise InputError("not a regular file (a device, pipe or socket)", file=name)
    else:
        yield from _read_file(name, path, lang, on_error)


def _read_file(name: str, path: Path, lang: str | None, on_error: ErrorSink) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl_file(name, path, lang, on_error)
        return
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"unsupported file type {suffix!r} (supported: {', '.join(SUPPORTED_SUFFIXES)})",
            file=name,
        )
    try:
        with path.open("rb") as f:
            data = _bounded(f, name)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", file=name) from None
    yield _text_document(data, name, name, lang, suffix in MARKDOWN_SUFFIXES)


def _text_document(data: bytes, name: str, path: str | None, lang: str | None, md: bool) -> Document:
    text = _repair(_decode(data, name), name)
    body, meta, line_offset = _front_matter(text, name)
    return _document(name, body, meta, lang, path, line_offset, markdown=md)


def _document(
    id: str, body: str, meta: Meta, lang: str | None, path: str | None, line_offset: int,
    *, markdown: bool,
) -> Document:
    fmt = meta.get("format")
    wanted = fmt == "markdown" or (fmt is None and (markdown or markup.looks_like_markdown(body)))
    stripped = markup.strip(body) if wanted else None
    return Document(
        id=id,
        text=body,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        date=meta.get("date"),
        lang=meta.get("lang") or lang or "it",
        url=meta.get("url"),
        path=path,
        line_offset=line_offset,
        plain=stripped[0] if stripped else None,
        offsets=stripped[1] if stripped else None,  # type: ignore[arg-type]  # a Sequence[int]
    )


# -- decoding ---------------------------------------------------------------------------


def max_document_bytes() -> int:
    """:data:`MAX_DOCUMENT_MB`, or ``QUANTITIES_MAX_DOCUMENT_MB`` from the environment, in bytes."""
    given = os.environ.get("QUANTITIES_MAX_DOCUMENT_MB", "")
    try:
        mb = float(given) if given.strip() else MAX_DOCUMENT_MB
    except ValueError:
        mb = MAX_DOCUMENT_MB
    return int(mb * 1_000_000) if 0 < mb < 1e9 else MAX_DOCUMENT_MB * 1_000_000


def _too_large(name: str, line: int | None = None) -> InputError:
    limit = max_document_bytes() / 1_000_000
    return InputError(f"larger than {limit:g} MB, the document size limit (set QUANTITIES_MAX_DOCUMENT_MB "
                      "to read it)", file=name, line=line)


def _bounded(stream: IO[Any], name: str, head: bytes = b"") -> bytes:
    """``head`` and the rest of ``stream`` (bytes, or text read as UTF-8), up to the document
    size limit (an error past it). Binary input is refused at its first piece."""
    limit = max_document_bytes()
    pieces = [head]
    size = len(head)
    while piece := stream.read(min(1 << 20, limit + 1 - size)):
        if isinstance(piece, str):
            piece = piece.encode("utf-8", "surrogateescape")
        if size == 0:
            _refuse_binary(piece, name)
        pieces.append(piece)
        size += len(piece)
        if size > limit:
            raise _too_large(name)
    return b"".join(pieces)


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (or UTF-16 or UTF-32 with a BOM); else cp1252 with a warning; else an InputError.
    UTF-16 or UTF-32 without a BOM is refused by name, never read as garbled text.

    >>> _decode("5 soldati".encode("utf-32"), "a.txt")
    '5 soldati'
    >>> _decode("5 soldati".encode("utf-32-le"), "a.txt")
    Traceback (most recent call last):
    ...
    quantities.errors.InputError: a.txt: UTF-32 text without a byte order mark; convert it to UTF-8
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(f"not valid {encoding[:6].upper()}: {e.reason}", file=name) from None
    _refuse_binary(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _legacy(data, name)
    sample = text[:_SNIFF]
    if len(_CONTROL.findall(sample)) > len(sample) // 10:
        raise InputError("binary file (control characters)", file=name)
    return text


def _refuse_binary(data: bytes, name: str) -> None:
    """An error for bytes with a NUL (none is text), naming UTF-16 or UTF-32 without a BOM."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return
    nul = data.find(b"\0")
    if nul >= 0:
        wide = _wide_without_bom(data)
        if wide:
            raise InputError(f"{wide} text without a byte order mark; convert it to UTF-8", file=name)
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(f"binary file (NUL byte at offset {nul})", file=name, line=line)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _wide_without_bom(data: bytes) -> str | None:
    """"UTF-32" or "UTF-16" when the NUL bytes of ``data`` fall as in such text of Latin
    letters: one byte in every 4 (or 2) carries the letter, the others are nearly all NUL."""
    sample = data[:_SNIFF]
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        lanes = [sample[i::width] for i in range(width)]
        if len(lanes[-1]) < 2:
            return None
        mostly_nul = [lane.count(0) * 10 >= len(lane) * 9 for lane in lanes]
        if mostly_nul.count(False) == 1 and sample[mostly_nul.index(False)::width].count(0) * 2 < len(lanes[0]):
            return name
    return None


def _legacy(data: bytes, name: str, *, warn: bool = True) -> str:
    """cp1252 (a superset of latin-1's printable characters), with a warning; else an error.

    The bytes cp1252 leaves undefined decode in latin-1 only to C1 control characters,
    which no text uses: such a file is garbage or another encoding, never silently read.
    """
    try:
        text = data.decode(LEGACY_ENCODING)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(
            f"not UTF-8 or {LEGACY_ENCODING} text (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it to UTF-8", file=name, line=line,
        ) from None
    if warn:
        warnings.warn(f"{name}: not UTF-8, decoded as {LEGACY_ENCODING}", QuantitiesWarning, stacklevel=2)
    return text


def _repair(text: str, name: str) -> str:
    """Undo mojibake (UTF-8 read as cp1252/latin-1/cp1250 upstream), with a warning."""
    if not _SUSPECT.search(text):
        return text
    import ftfy  # only for suspect text: its import costs a tenth of a one-sentence run
    import ftfy.badness

    fixed = ftfy.fix_encoding(text) if ftfy.badness.is_bad(text) else text
    if _CP1250_PAIR.search(fixed):
        fixed = _CP1250_PAIR.sub(_cp1250_pair, fixed)
    if fixed != text:
        warnings.warn(
            f"{name}: repaired mojibake (text decoded with the wrong encoding upstream);"
            " offsets refer to the repaired text",
            QuantitiesWarning,
            stacklevel=2,
        )
    return fixed


def _cp1250_pair(m: regex.Match[str]) -> str:
    try:
        return m.group().encode("cp1250").decode("utf-8")
    except UnicodeDecodeError:
        return m.group()


# -- front matter ------------------------------------------------------------------------


def _front_matter(text: str, name: str) -> tuple[str, Meta, int]:
    """The body after front matter, the metadata and the number of lines before the body."""
    newline = text.find("\n")
    if (text if newline < 0 else text[:newline]).rstrip() != _FENCE:
        return text, {}, 0
    block: list[str] = []
    pos = newline + 1
    while True:
        end = text.find("\n", pos) if newline >= 0 else -1
        content = text[pos:] if end < 0 else text[pos:end]
        if newline >= 0 and content.rstrip() == _FENCE:
            break
        if end < 0:
            raise InputError("front matter opened on line 1 is not closed with '---'",
                             file=name, line=1)
        block.append(content)
        pos = end + 1
    meta: Meta = {}
    for line, content in enumerate(block, 2):
        content = content.rstrip()
        if content.strip() and not content.lstrip().startswith("#"):
            _front_matter_line(content, name, line, meta)
    return ("" if end < 0 else text[end + 1:]), meta, len(block) + 2


def _front_matter_line(content: str, name: str, line: int, meta: Meta) -> None:
    m = _KEY_VALUE.fullmatch(content)
    if m is None:
        raise InputError(f"front matter: expected 'key: value', found {content[:60]!r}",
                         file=name, line=line)
    key = m.group("key").lower()
    value = _unquote(m.group("value").strip())
    if key not in FIELDS:
        warnings.warn(
            f"{name}:{line}: unknown front matter key {key!r} (known: {', '.join(FIELDS)})",
            QuantitiesWarning,
            stacklevel=2,
        )
        return
    meta[key] = _field(key, value, name, line) if value else None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _field(key: str, value: Any, name: str, line: int | None) -> Any:
    """A checked metadata value (front matter or JSONL)."""
    if not isinstance(value, str):
        raise InputError(f"{key!r} must be a string, found {type(value).__name__}",
                         file=name, line=line)
    if key == "date":
        return _parse_date(value, name, line)
    if key == "lang" and value not in available():
        raise InputError(f"unknown language {value!r} (available: {', '.join(available())})",
                         file=name, line=line)
    if key == "format" and value not in FORMATS:
        raise InputError(f"unknown format {value!r} (expected {' or '.join(FORMATS)})",
                         file=name, line=line)
    return value


def _parse_date(value: str, name: str, line: int | None) -> dt.date:
    """YYYY-MM-DD, or day first as Europe writes it (DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY)."""
    try:
        if _DATE.fullmatch(value):
            return dt.date.fromisoformat(value)
        day_first = _DAY_FIRST.fullmatch(value)
        if day_first:
            return dt.date(int(day_first["y"]), int(day_first["m"]), int(day_first["d"]))
    except ValueError:
        pass
    raise InputError(f"bad date {value!r} (expected YYYY-MM-DD or DD/MM/YYYY)", file=name, line=line)


# -- JSONL and stdin ---------------------------------------------------------------------


def _read_jsonl_file(name: str, path: Path, lang: str | None, on_error: ErrorSink) -> Iterator[Document]:
    try:
        f = path.open("rb")
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", file=name) from None
    with f:
        if b"\0" in f.read(_SNIFF):
            raise InputError("binary file (NUL byte)", file=name)
        f.seek(0)
        yield from _jsonl(_lines(f, b""), name, name, lang, on_error)


def _lines(stream: IO[Any], pending: bytes | str) -> Iterator[tuple[int, bytes | str | None]]:
    """The numbered lines of ``pending`` then ``stream``, each read up to the document size
    limit: a longer line is skipped to its end and given as None (its error is then reported)."""
    limit = max_document_bytes()
    newline = b"\n" if isinstance(pending, bytes) else "\n"
    lineno = 0
    while True:
        cut = pending.find(newline)  # type: ignore[arg-type]  # str with str, bytes with bytes
        if cut >= 0:
            line, pending = pending[:cut + 1], pending[cut + 1:]
        else:
            line, pending = pending + stream.readline(limit + 1 - len(pending)), pending[:0]
            if not line:
                return
        lineno += 1
        if len(line) <= limit:
            yield lineno, line
            continue
        while line[-1:] != newline and (line := stream.readline(1 << 20)):
            pass
        yield lineno, None


def _jsonl(
    lines: Iterable[tuple[int, bytes | str | None]], name: str, path: str | None, lang: str | None,
    on_error: ErrorSink,
) -> Iterator[Document]:
    warned = False
    for lineno, raw in lines:
        if raw is None:
            _report(_too_large(name, lineno), on_error)
            continue
        if isinstance(raw, str):
            line = raw
        else:
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:  # warn once per file
                line = _legacy(raw, f"{name}:{lineno}", warn=not warned)
                warned = True
        if not line.strip():
            continue
        try:
            yield _record(line, name, path, lineno, lang)
        except QuantitiesError as e:
            _report(e, on_error)


def _record(raw: str, name: str, path: str | None, lineno: int, lang: str | None) -> Document:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(f"not valid JSON: {e.msg} (column {e.colno})", file=name, line=lineno) from None
    except RecursionError:
        raise InputError("not read: JSON nested too deeply", file=name, line=lineno) from None
    except ValueError:  # the only other: an integer of more than 4,300 digits
        raise InputError("not read: a number of more than 4,300 digits", file=name, line=lineno) from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, found {type(record).__name__}",
                         file=name, line=lineno)
    text = record.get("text")
    if not isinstance(text, str):
        problem = "missing 'text'" if text is None else (
            f"'text' must be a string, found {type(text).__name__}")
        raise InputError(problem, file=name, line=lineno)
    doc_id = record.get("id")
    if doc_id is None:
        doc_id = f"{name}:{lineno}"
    elif isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    elif not isinstance(doc_id, str):
        raise InputError(f"'id' must be a string, found {type(doc_id).__name__}",
                         file=name, line=lineno)
    meta = {k: _field(k, record[k], name, lineno) for k in FIELDS if record.get(k) is not None}
    if "\\u" in raw:  # only an escape can make a lone surrogate, which no output can write
        for key, value in (("text", text), ("id", doc_id), *meta.items()):
            if isinstance(value, str) and (lone := _SURROGATE.search(value)):
                raise InputError(f"{key!r} holds a lone surrogate (\\u{ord(lone[0]):04x}): not text",
                                 file=name, line=lineno)
    return _document(doc_id, _repair(text, f"{name}:{lineno}"), meta, lang, path, 0, markdown=False)


def _read_stdin(lang: str | None, on_error: ErrorSink) -> Iterator[Document]:
    """JSONL when the first non-blank character is ``{``, else one text document; read in
    bounded pieces (stdin from /dev/zero is refused at once as binary)."""
    if sys.stdin is None or sys.stdin.closed:
        raise InputError("standard input is closed", file=STDIN)
    stream: IO[Any] = getattr(sys.stdin, "buffer", None) or sys.stdin
    head = []
    while piece := stream.readline(_SNIFF):
        head.append(piece)
        if piece.strip():
            break
    if head and isinstance(head[-1], bytes) and b"\0" in head[-1]:
        _refuse_binary(b"".join(head), STDIN_ID)
    if head and head[-1].lstrip()[:1] in ("{", b"{"):
        yield from _jsonl(_lines(stream, head[0][:0].join(head)), STDIN_ID, None, lang, on_error)
        return
    data = b"".join(p if isinstance(p, bytes) else p.encode("utf-8", "surrogateescape") for p in head)
    yield _text_document(_bounded(stream, STDIN_ID, data), STDIN_ID, None, lang, md=False)
