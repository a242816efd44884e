"""Opening a file a user names, never blocking: a FIFO, a device or a socket (even one swapped
in after a folder was listed) is refused at once by what the opened descriptor is, instead of
``open()`` waiting for a writer for ever."""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from quantities.text.i18n import _


class NotRegularFileError(OSError):
    """The path opened to something other than a regular file (its ``strerror`` says so)."""


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading in binary, when it is a regular file; else
    :class:`NotRegularFileError` (``IsADirectoryError`` for a directory), raised without
    waiting: the open is non-blocking, then the descriptor's type is checked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(errno.EINVAL, _("not a regular file (a device, pipe or socket)"),
                                      os.fspath(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")
