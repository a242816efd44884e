"""Where the command line writes: stdout or an ``--output`` file replaced atomically, the
progress bar and one-line messages on stderr."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from quantities.errors import QuantitiesError
from quantities.run.outputs import read_only
from quantities.text.i18n import _, ngettext

PROGRESS_AFTER = 200  # documents: shorter runs never show a bar


class NothingRead(QuantitiesError):
    """No input produced a document (the reasons, if any, were already reported)."""

    def __init__(self) -> None:
        super().__init__(_("no document could be read"))


@contextmanager
def output(path: str | None, failed: list[QuantitiesError]) -> Iterator[IO[str]]:
    """stdout, or a file replaced only once the whole report is written.

    The report holds what could be read: with inputs that could not be read the file is
    written all the same (the run still exits 2, the errors are on stderr). A failure
    while writing leaves the old file as it was and no temporary file behind.
    """
    if path is None:
        if sys.stdout is None or sys.stdout.closed:
            raise QuantitiesError(_("standard output is closed; use --output FILE"))
        tolerant(sys.stdout)
        yield sys.stdout
        sys.stdout.flush()
        return
    if os.path.isdir(path):
        raise QuantitiesError(_("is a directory; {option} takes a file name").format(option="--output"), file=path)
    if _special(path):  # a device or a pipe (/dev/null, a FIFO): written into, never replaced by a file
        with _opened(path) as f:
            yield f
        return
    real = os.path.realpath(path)  # a link: its target is replaced (in its own folder), not the link
    if read_only(real):  # the rename would replace it all the same: only the folder's mode counts
        raise QuantitiesError(_("is read-only; it is not replaced (make it writable, or write elsewhere)"),
                              file=path)
    folder = os.path.dirname(real)
    try:
        import tempfile  # here: only --output needs it (shutil, random: ~4 ms of every run)

        fd, tmp = tempfile.mkstemp(prefix=".quantities-", suffix=".tmp", dir=folder)
    except OSError as e:
        raise QuantitiesError(_("cannot write the output: {reason}").format(reason=e.strerror), file=path) from None
    try:
        # surrogateescape: a file name that is not UTF-8 goes out as its own bytes, as on stdout
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            yield f
        from quantities.run.processes import check_stopped

        check_stopped()  # a signal that came where it could not be raised
        os.chmod(tmp, _file_mode(real))
        os.replace(tmp, real)
    except BaseException:
        os.unlink(tmp)
        raise
    if failed:
        say(ngettext("{path} holds the report of what could be read: {n} input could not be read",
                     "{path} holds the report of what could be read: {n} inputs could not be read",
                     len(failed)).format(path=path, n=len(failed)))


def tolerant(stream: IO[str]) -> None:
    """Let ``stream`` write whatever it is given: a file name that is not UTF-8 goes out as its
    own bytes, a character its encoding cannot hold (stdout in latin-1 or ASCII: a dash, a
    quote, a euro sign) as a backslash escape, never a UnicodeEncodeError halfway through."""
    if hasattr(stream, "reconfigure"):
        codecs.register_error(_ERRORS, _escape)
        stream.reconfigure(errors=_ERRORS)


_ERRORS = "quantities-escape"


def _escape(e: UnicodeError) -> tuple[str | bytes, int]:
    """surrogateescape for the surrogates it makes (U+DC80-U+DCFF), else backslashreplace."""
    if not isinstance(e, UnicodeEncodeError):
        raise e
    code = ord(e.object[e.start])
    if 0xDC80 <= code <= 0xDCFF:
        return bytes([code - 0xDC00]), e.start + 1
    return (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"), e.start + 1


def _special(path: str) -> bool:
    """Whether ``path`` is there and is no regular file: a device, a pipe, a socket."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


@contextmanager
def _opened(path: str) -> Iterator[IO[str]]:
    try:
        f = open(path, "w", encoding="utf-8", errors="surrogateescape", newline="")  # noqa: SIM115
    except OSError as e:
        raise QuantitiesError(_("cannot write the output: {reason}").format(reason=e.strerror), file=path) from None
    try:
        with f:
            yield f
    except OSError as e:  # a device that refuses the bytes (/dev/full: no space left), at a write or the close
        raise QuantitiesError(_("cannot write the output: {reason}").format(reason=e.strerror), file=path) from None


def _file_mode(path: str) -> int:
    """The mode the file has, or a new file would get (mkstemp's is 0600)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class Progress:
    """A bar on stderr: only on a terminal, not in CI, and only for long runs."""

    def __init__(self, quiet: bool) -> None:
        self.on = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
        self.count = 0

    def tick(self, doc: Any) -> None:
        self.count += 1
        if self.on and self.count >= PROGRESS_AFTER and self.count % 50 == 0:
            sys.stderr.write("\rquantities: " + _("{n} documents read").format(n=self.count))
            sys.stderr.flush()

    def done(self) -> None:
        if self.on and self.count >= PROGRESS_AFTER:
            sys.stderr.write("\rquantities: " + _("{n} documents read").format(n=self.count) + "\n")


def say(message: str) -> None:
    sys.stderr.write(f"quantities: {message}\n")
