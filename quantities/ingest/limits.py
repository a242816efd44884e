"""How much of an input is read: a document (a file, a JSONL line, stdin) up to a size limit,
then one error naming it — never read without end (stdin from /dev/zero grew to 17 GiB)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO, Any

from quantities.errors import InputError
from quantities.ingest.decoding import refuse_binary
from quantities.text.i18n import _

#: The largest document (a file, a JSONL line, stdin) read, in bytes; a larger one is an
#: error naming it, never read without end (stdin from /dev/zero grew to 17 GiB). Set
#: ``QUANTITIES_MAX_DOCUMENT_MB`` in the environment to change it.
MAX_DOCUMENT_MB = 64


def max_document_bytes() -> int:
    """:data:`MAX_DOCUMENT_MB`, or ``QUANTITIES_MAX_DOCUMENT_MB`` from the environment, in bytes."""
    given = os.environ.get("QUANTITIES_MAX_DOCUMENT_MB", "")
    try:
        mb = float(given) if given.strip() else MAX_DOCUMENT_MB
    except ValueError:
        mb = MAX_DOCUMENT_MB
    return int(mb * 1_000_000) if 0 < mb < 1e9 else MAX_DOCUMENT_MB * 1_000_000


def too_large(name: str, line: int | None = None) -> InputError:
    return InputError(_("larger than {limit:g} MB, the document size limit (set QUANTITIES_MAX_DOCUMENT_MB to "
                        "read it)").format(limit=max_document_bytes() / 1_000_000), file=name, line=line)


def bounded(stream: IO[Any], name: str, head: bytes = b"") -> bytes:
    """``head`` and the rest of ``stream`` (bytes, or text read as UTF-8), up to the document
    size limit (an error past it). Binary input is refused at its first piece."""
    limit = max_document_bytes()
    pieces = [head]
    size = len(head)
    while piece := stream.read(min(1 << 20, limit + 1 - size)):
        if isinstance(piece, str):
            piece = piece.encode("utf-8", "surrogateescape")
        if size == 0:
            refuse_binary(piece, name)
        pieces.append(piece)
        size += len(piece)
        if size > limit:
            raise too_large(name)
    return b"".join(pieces)


def lines(stream: IO[Any], pending: bytes | str) -> Iterator[tuple[int, bytes | str | None]]:
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
