"""The files a folder given as input holds: every one of a readable type, or an error for it.

A subfolder that cannot be listed, a link to nothing (or to itself) and a pipe or device
with an article's name are reported, one line each, never passed over in silence. Links to
folders are not followed (as ``Path.rglob`` does not: no loop to guard against). A file
named twice (under two spellings, through a link, in a folder and by its own name) is read
once (:func:`first_time`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from quantities.errors import InputError
from quantities.text.i18n import _


def supported_files(folder: Path, suffixes: Iterable[str], report: Callable[[InputError], None]) -> list[Path]:
    """The regular files under ``folder`` whose suffix is in ``suffixes``, sorted; the
    others of those names, and the subfolders that cannot be listed, go to ``report``."""
    suffixes = tuple(suffixes)
    found: list[Path] = []

    def unlisted(e: OSError) -> None:
        report(InputError(_("cannot read: {reason}").format(reason=e.strerror or e), file=e.filename))

    for where, _folders, names in os.walk(folder, onerror=unlisted):
        for name in names:
            path = Path(where, name)
            if path.suffix.lower() not in suffixes:
                continue
            try:
                mode = path.stat().st_mode
            except OSError as e:  # a link to nothing, or to itself
                report(InputError(_("cannot read: {reason}").format(reason=e.strerror or e), file=str(path)))
                continue
            if stat.S_ISREG(mode):
                found.append(path)
            elif not stat.S_ISDIR(mode):
                report(InputError(_("not a regular file (a device, pipe or socket)"), file=str(path)))
    return sorted(found)


def first_time(name: str, seen: dict[tuple[int, int], str] | None) -> None:
    """Note the file ``name`` as read; a file read already under another name ("x.md" and
    "./x.md", a link to it, a folder that holds it) is an input error: its claims would count
    twice, one outlet as two."""
    if seen is None:
        return
    try:
        st = os.stat(name)
    except OSError:
        return  # reading it says what is wrong
    first = seen.setdefault((st.st_dev, st.st_ino), name)
    if first != name:
        raise InputError(_("the same file as {first}, already read: read once").format(first=first), file=name)
