"""The output formats: one module each, behind one small interface.

A format module builds a :class:`Format` and passes it to :func:`register` when it is
imported; :func:`get` imports the module of the format it is asked for, the first time, and
:func:`names` reads :data:`BUILTIN` (so that ``--help`` and a run in one format import no
other format's module: HTML's, JUnit's XML). To add a format, write ``formats/NAME.py``
ending in ``register(Format("NAME", report=..., claims=...))`` and add it to
:data:`BUILTIN` (tests/report/test_formats.py checks the table against the modules).

>>> get("sarif").report is not None, get("sarif").claims is None
(True, True)
>>> names("claims")
('table', 'markdown', 'json', 'jsonl', 'csv', 'github')
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from quantities.report.model import Report
from quantities.types import Claim, Document

#: The shipped formats, in the order ``--help`` lists them: name -> (module, renders claims).
#: Every shipped format renders a report.
BUILTIN: dict[str, tuple[str, bool]] = {
    "table": ("table", True), "markdown": ("markdown", True), "json": ("json", True), "jsonl": ("json", True),
    "csv": ("csv", True), "github": ("github", True), "sarif": ("sarif", False), "junit": ("junit", False),
    "html": ("html", False),
}


#: An input that could not be read: its file (None for standard input), line and the error.
Unread = tuple[str | None, int | None, str]


@dataclass(frozen=True)
class Options:
    """How a report is rendered, beyond its format."""

    show_all: bool = False   # also the figures without findings
    colour: bool = False     # ANSI colours (a terminal that wants them)
    hidden: int = 0          # findings left out by --show, said in the summary
    show: str = "info"       # the --show level (named in the summary when some are hidden)
    lang: str | None = None  # the page's language (--lang), else the documents'
    reconcile: Mapping[str, Any] | None = None  # the run's [reconcile] settings (how values are read)
    unread: tuple[Unread, ...] = ()  # the inputs that could not be read: (file, line, message)


ReportRenderer = Callable[[Report, Options], str]
#: Claims, with the document they come from when rendered one document at a time.
ClaimsRenderer = Callable[[Sequence[Claim], Mapping[str, Document]], str]  # claims, their documents


@dataclass(frozen=True)
class Format:
    """A format's renderers: of a whole report (report, check) and of claims (extract).

    ``streams``: ``extract`` renders each document's claims as it is read (jsonl, github)
    instead of all claims at once.
    """

    name: str
    report: ReportRenderer | None = None
    claims: ClaimsRenderer | None = None
    streams: bool = False


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Make ``fmt`` available by its name (a second format of one name is a bug)."""
    if fmt.name in _REGISTRY and _REGISTRY[fmt.name] is not fmt:
        raise ValueError(f"format {fmt.name!r} is registered twice")
    _REGISTRY[fmt.name] = fmt
    return fmt


def get(name: str) -> Format:
    if name not in _REGISTRY and name in BUILTIN:
        importlib.import_module(f"{__name__}.{BUILTIN[name][0]}")
    return _REGISTRY[name]


def names(kind: Literal["report", "claims", "any"] = "any") -> tuple[str, ...]:
    """The formats that render ``kind`` (``any``: either): the shipped ones, then those
    registered since."""
    shipped = tuple(n for n, (_, claims) in BUILTIN.items() if kind != "claims" or claims)
    others = tuple(n for n, f in _REGISTRY.items() if n not in BUILTIN
                   and (kind == "any" or (f.report if kind == "report" else f.claims) is not None))
    return shipped + others
