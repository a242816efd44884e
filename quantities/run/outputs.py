"""Where a run may write: never over what it reads."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from quantities.errors import QuantitiesError
from quantities.text.i18n import _


def check_output(output: str, inputs: Iterable[str], option: str = "--output") -> None:
    """Refuse an output file that the run reads: one of its input files (the article would
    be replaced; the config in force and the reference figures are inputs too; with ``-``,
    what standard input reads), or a file of a readable type inside a folder being read (the
    next run would read the report as an article). ``option`` is how the user named it.

    >>> check_output("out.json", ["fixtures/seeds"])
    >>> check_output("fixtures/seeds/new.md", ["fixtures/seeds"])
    Traceback (most recent call last):
    ...
    quantities.errors.QuantitiesError: fixtures/seeds/new.md: --output is inside fixtures/seeds, which is being read ...
    """
    from quantities.ingest.documents import STDIN, SUPPORTED_SUFFIXES

    target = Path(output).resolve()
    if target.is_dir():
        raise QuantitiesError(_("is a directory; {option} takes a file name").format(option=option), file=output)
    if read_only(str(target)):  # said before the run, not after reading and reconciling it all
        raise QuantitiesError(_("is read-only; it is not replaced (make it writable, or write elsewhere)"),
                              file=output)
    replaced = QuantitiesError(_("{option} names an input file, which it would replace; write it elsewhere")
                               .format(option=option), file=output)
    for name in inputs:
        if name == STDIN:
            if _is_stdin(output):
                raise replaced
            continue
        source = Path(name).resolve()
        if target == source or (target.exists() and source.exists() and os.path.samefile(target, source)):
            raise replaced
        if source.is_dir() and target.is_relative_to(source) and target.suffix.lower() in SUPPORTED_SUFFIXES:
            raise QuantitiesError(_("{option} is inside {folder}, which is being read (the next run would read the "
                                    "output as an article); write it elsewhere").format(option=option, folder=name),
                                  file=output)


def read_only(path: str) -> bool:
    """Whether ``path`` is a file not to be replaced: one this user may not write, or one with no
    write bit for anyone (0444: meant to stay, even when root runs us)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # a new file
    return stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK))


def _is_stdin(output: str) -> bool:
    """Whether ``output`` is the file standard input reads ("/dev/stdin", or the article that
    ``< article.txt`` gives it)."""
    try:
        return os.path.samestat(os.stat(output), os.fstat(0))
    except (OSError, ValueError):  # no such file yet, or no standard input
        return False
