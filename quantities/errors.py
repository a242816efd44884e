"""The errors of ``quantities``.

Every error derives from :class:`QuantitiesError` and from the built-in a caller
would expect (``ValueError``, ``FileNotFoundError``), and carries the file, line and
key that went wrong, so that the command line can print it as one line.

>>> str(InputError("front matter is not closed", file="a.md", line=1))
'a.md:1: front matter is not closed'
>>> str(LanguageDataError("unknown pint unit 'furlongz'", file="it.toml", key="units.furlong"))
"it.toml: units.furlong: unknown pint unit 'furlongz'"
>>> isinstance(InputNotFoundError("no such file", file="x.txt"), FileNotFoundError)
True
"""

from __future__ import annotations

import os


class QuantitiesError(Exception):
    """Base of every error raised on purpose by ``quantities``."""

    def __init__(
        self,
        message: str,
        *,
        file: str | os.PathLike[str] | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = os.fspath(file) if file is not None else None
        self.line = line
        self.key = key

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = _printable(self.file) + (f":{self.line}" if self.line is not None else "") + ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        key = f"{_printable(self.key)}: " if self.key else ""
        return f"{where}{key}{self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole (a worker process sends its errors back): file, line and key too."""
        return _rebuild, (type(self), self.message, self.file, self.line, self.key)


def _printable(key: str) -> str:
    """A key as it can stand in one line: one with a line break or another unprintable
    character (a TOML key may hold any) is written escaped.

    >>> _printable("sources.Kcna"), _printable("sources.a\\nb")
    ('sources.Kcna', 'sources.a\\\\nb')
    """
    return key if key.isprintable() else repr(key)[1:-1]


def _rebuild(cls: type[QuantitiesError], message: str, file: str | None, line: int | None,
             key: str | None) -> QuantitiesError:
    return cls(message, file=file, line=line, key=key)


class LanguageDataError(QuantitiesError, ValueError):
    """A language pack, lexicon or alias table is malformed."""


class InputError(QuantitiesError, ValueError):
    """An input document is unreadable: binary, undecodable, broken front matter or JSONL."""


class InputNotFoundError(QuantitiesError, FileNotFoundError):
    """An input path does not exist, or a directory holds no supported file."""


class ConfigError(QuantitiesError, ValueError):
    """A configuration file or option is wrong (unknown key, bad value)."""


class ReferenceFileError(QuantitiesError, ValueError):
    """The desk's reference figures file is wrong."""


class PatternTimeoutError(QuantitiesError, RuntimeError):
    """A pattern ran past its time guard: a bug in ``quantities``, never a user mistake."""


class QuantitiesWarning(UserWarning):
    """Something was off but the run went on (a legacy encoding, a skipped document).

    The command line prints these on stderr as one line each; library callers can
    filter them with :mod:`warnings`.
    """
