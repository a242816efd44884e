"""Reading documents: files, directories, JSONL and stdin, into :class:`Document`.

* ``.txt`` and suffix-less files are plain text; ``.md`` and ``.markdown`` are Markdown
  (stripped into ``Document.plain`` with an offset map, see :mod:`quantities.ingest.markup`);
  ``.jsonl`` holds one JSON object per line.
* A file may open with front matter: YAML between ``---`` lines or TOML between ``+++``
  lines (see :mod:`quantities.ingest.frontmatter`). ``title``, ``outlet``, ``date`` (a
  date, YYYY-MM-DD or DD/MM/YYYY), ``lang``, ``url`` and ``format`` (``markdown`` or
  ``text``) are checked; every key, these and others (author, tags, draft, …), is kept in
  ``Document.meta``.
* A JSONL line is an object with ``text`` (a string, required), ``id`` (default ``<file>:<line>``, one
  a file; a repeated one is an error at its line) and the same metadata fields; other fields are kept in
  ``Document.meta``; blank lines are skipped. Its text gets Markdown stripping only with ``"format": "markdown"``.
* ``-`` reads stdin: JSONL when its first non-space character is ``{``, else one text document with id
  ``<stdin>`` (front matter allowed). A document's ``lang`` comes from its front matter or JSONL field,
  else the ``lang`` argument, else ``"it"``.

Decoding: UTF-8 (a BOM is dropped; UTF-16 with a BOM is read too); failing that cp1252 (which reads
latin-1 text too), with a :class:`QuantitiesWarning` naming the file and the encoding; bytes that neither
decodes are an error, never garbled text. Text that ``ftfy`` finds garbled by a wrong decoding upstream
("perchÃ©", "ComunitĂ\\xa0") is repaired, with a warning; the repaired body is then ``Document.text``, so
offsets refer to the repaired text, not to the bytes of the file (see :mod:`quantities.ingest.decoding`).

>>> doc = from_text("---\\ntitle: Kim e Putin\\ndate: 2025-08-13\\n---\\nKim ha **parlato**.",
...                 id="a.md")
>>> doc.title, doc.date.isoformat(), doc.line_offset, doc.text, doc.plain
('Kim e Putin', '2025-08-13', 4, 'Kim ha **parlato**.', 'Kim ha parlato.')
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from quantities.cache import compiled
from quantities.errors import (
    InputError,
    InputNotFoundError,
    QuantitiesError,
)
from quantities.ingest import decoding, frontmatter, jsonline, limits, markup
from quantities.ingest.folders import first_time, supported_files
from quantities.lang import available
from quantities.text.files import NotRegularFileError, open_regular
from quantities.text.i18n import _
from quantities.types import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")
MARKDOWN_SUFFIXES = (".md", ".markdown")
STDIN = "-"
STDIN_ID = "<stdin>"
FIELDS = ("title", "outlet", "date", "lang", "url", "format")
FORMATS = ("markdown", "text")
LEGACY_ENCODING = decoding.LEGACY_ENCODING

ErrorSink = Callable[[QuantitiesError], None] | None
Meta = dict[str, Any]

_DAY_FIRST = compiled(r"(?P<d>[0-9]{1,2})([/.-])(?P<m>[0-9]{1,2})\2(?P<y>[0-9]{4})")
_DATE = compiled(r"\d{4}-\d{2}-\d{2}")
_SNIFF = decoding.SNIFF


def read(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    lang: str | None = None,
    on_error: ErrorSink = None,
    stdin_name: str | None = None,
) -> Iterator[Document]:
    """Documents from files, directories (their supported files, sorted), JSONL files
    (one document per line) or ``"-"`` for stdin (a text read there is named
    ``stdin_name`` when given, and read as a file of that name would be).

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
    seen: dict[tuple[int, int], str] = {}  # each file read, by its identity: the name it was read as
    for item in items:
        name = os.fspath(item)
        try:
            yield from _read_path(name, lang, on_error, stdin_name, seen)
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


def _read_path(name: str, lang: str | None, on_error: ErrorSink, stdin_name: str | None = None,
               seen: dict[tuple[int, int], str] | None = None) -> Iterator[Document]:
    if name == STDIN:
        yield from _read_stdin(lang, on_error, stdin_name)
        return
    if not name.strip():
        raise InputNotFoundError(_("an empty path names no file"), file=repr(name))
    path = Path(name)
    if path.is_dir():
        reported: list[QuantitiesError] = []

        def report(e: QuantitiesError) -> None:
            reported.append(e)
            _report(e, on_error)

        files = supported_files(path, SUPPORTED_SUFFIXES, report)
        if not files and not reported:
            raise InputNotFoundError(
                _("no supported file ({suffixes}) in this directory").format(suffixes=", ".join(SUPPORTED_SUFFIXES)),
                file=name,
            )
        for f in files:
            try:
                first_time(str(f), seen)
                yield from _read_file(str(f), f, lang, on_error)
            except QuantitiesError as e:
                _report(e, on_error)
    elif not path.exists():
        raise InputNotFoundError(_("no such file or directory"), file=name)
    elif not path.is_file():
        raise InputError(_("not a regular file (a device, pipe or socket)"), file=name)
    else:
        first_time(name, seen)
        yield from _read_file(name, path, lang, on_error)


def _read_file(name: str, path: Path, lang: str | None, on_error: ErrorSink) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl_file(name, path, lang, on_error)
        return
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            _("unsupported file type {suffix!r} (supported: {suffixes})").format(
                suffix=suffix, suffixes=", ".join(SUPPORTED_SUFFIXES)),
            file=name,
        )
    try:
        with open_regular(path) as f:
            data = limits.bounded(f, name)
    except OSError as e:
        raise _unreadable(e, name) from None
    yield _text_document(data, name, name, lang, suffix in MARKDOWN_SUFFIXES)


def _unreadable(e: OSError, name: str) -> InputError:
    reason = e.strerror or str(e)
    said = reason if isinstance(e, NotRegularFileError) else _("cannot read: {reason}").format(reason=reason)
    return InputError(said, file=name)


def _text_document(data: bytes, name: str, path: str | None, lang: str | None, md: bool) -> Document:
    text = decoding.repair(decoding.decode(data, name), name)
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
        meta=meta.get("meta") or {},
        line_offset=line_offset,
        plain=stripped[0] if stripped else None,
        offsets=stripped[1] if stripped else None,
    )


# -- front matter ---------------------------------------------------------------------


def _front_matter(text: str, name: str) -> tuple[str, Meta, int]:
    """The body, the metadata (every key; the known ones checked) and the lines before the body."""
    body, raw, line_offset = frontmatter.split(text, name)
    if not raw:
        return body, {}, line_offset
    block = text[text.find("\n") + 1:]
    meta: Meta = {"meta": raw}
    for key in FIELDS:
        value = raw.get(key)
        if value is not None and value != "":
            meta[key] = _field(key, frontmatter.as_date(value) if key == "date" else value, name,
                               frontmatter.line_of(block, key))
    return body, meta, line_offset


def _field(key: str, value: Any, name: str, line: int | None) -> Any:
    """A checked metadata value (front matter or JSONL): a string (a number is read as one
    where any text will do), or a date for ``date``."""
    if key == "date" and isinstance(value, dt.date):
        return value
    if key in ("title", "outlet", "url") and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(_("{key!r} must be a string, found {kind}").format(key=key, kind=type(value).__name__),
                         file=name, line=line)
    if key == "date":
        return _parse_date(value, name, line)
    if key == "lang" and value not in available():
        raise InputError(_("unknown language {value!r} (available: {languages})").format(
            value=value, languages=", ".join(available())),
                         file=name, line=line)
    if key == "format" and value not in FORMATS:
        raise InputError(_("unknown format {value!r} (expected {formats})").format(
            value=value, formats=" | ".join(FORMATS)),
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
    raise InputError(_("bad date {value!r} (expected YYYY-MM-DD or DD/MM/YYYY)").format(value=value),
                     file=name, line=line)


# -- JSONL and stdin ---------------------------------------------------------------------


def _read_jsonl_file(name: str, path: Path, lang: str | None, on_error: ErrorSink) -> Iterator[Document]:
    try:
        f = open_regular(path)
    except OSError as e:
        raise _unreadable(e, name) from None
    with f:
        if b"\0" in f.read(_SNIFF):
            raise InputError(_("binary file (NUL byte)"), file=name)
        f.seek(0)
        yield from _jsonl(limits.lines(f, b""), name, name, lang, on_error)


def _jsonl(
    lines: Iterable[tuple[int, bytes | str | None]], name: str, path: str | None, lang: str | None,
    on_error: ErrorSink,
) -> Iterator[Document]:
    warned, ids = False, set[str]()  # the ids read: a repeated one is named at its line
    for lineno, raw in lines:
        if raw is None:
            _report(limits.too_large(name, lineno), on_error)
            continue
        if isinstance(raw, str):
            line = raw
        else:
            line, legacy = decoding.record(raw, name, lineno, warn=not warned)
            warned = warned or legacy  # cp1252 is said once per file
        if not line.strip():
            continue
        try:
            yield _record(line, name, path, lineno, lang, ids)
        except QuantitiesError as e:
            _report(e, on_error)


def _record(raw: str, name: str, path: str | None, lineno: int, lang: str | None, ids: set[str]) -> Document:
    record = jsonline.parse(raw, name, lineno)
    text = record.get("text")
    if not isinstance(text, str):
        problem = _("missing 'text'") if text is None else (
            _("'text' must be a string, found {kind}").format(kind=type(text).__name__))
        raise InputError(problem, file=name, line=lineno)
    doc_id = record.get("id")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):  # a blank id names nothing
        doc_id = f"{name}:{lineno}"
    elif isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    elif not isinstance(doc_id, str):
        raise InputError(_("'id' must be a string, found {kind}").format(kind=type(doc_id).__name__),
                         file=name, line=lineno)
    if doc_id in ids:
        raise InputError(_("duplicate document id {id!r}: the later one is skipped").format(id=doc_id),
                         file=name, line=lineno)
    ids.add(doc_id)
    meta = {k: _field(k, record[k], name, lineno) for k in FIELDS if record.get(k) is not None}
    meta["meta"] = {k: v for k, v in record.items() if k not in ("id", "text")}
    return _document(doc_id, decoding.repair(text, f"{name}:{lineno}"), meta, lang, path, 0, markdown=False)


def _read_stdin(lang: str | None, on_error: ErrorSink, stdin_name: str | None = None) -> Iterator[Document]:
    """JSONL when the first non-blank character is ``{``, else one text document; read in
    bounded pieces (stdin from /dev/zero is refused at once as binary)."""
    if sys.stdin is None or sys.stdin.closed:
        raise InputError(_("standard input is closed"), file=STDIN)
    stream: IO[Any] = getattr(sys.stdin, "buffer", None) or sys.stdin
    head = []
    while piece := stream.readline(_SNIFF):
        head.append(piece)
        if piece.strip():
            break
    if head and isinstance(head[-1], bytes) and b"\0" in head[-1]:
        decoding.refuse_binary(b"".join(head), STDIN_ID)
    if head and head[-1].lstrip()[:1] in ("{", b"{"):
        yield from _jsonl(limits.lines(stream, head[0][:0].join(head)), STDIN_ID, None, lang, on_error)
        return
    data = b"".join(p if isinstance(p, bytes) else p.encode("utf-8", "surrogateescape") for p in head)
    md = stdin_name is not None and Path(stdin_name).suffix.lower() in MARKDOWN_SUFFIXES
    name = stdin_name or STDIN_ID
    yield _text_document(limits.bounded(stream, name, data), name, stdin_name, lang, md=md)
