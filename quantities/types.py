"""The core types: frozen, slotted dataclasses that flow one way through the pipeline.

Offsets are half-open code-point offsets into ``Document.text`` (the body as read,
after front matter, before any markup stripping).

>>> s = Span(5, 10)
>>> s.of("Sono 5.000 operai")
'5.000'
>>> len(s)
5
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal
from typing import Any, Literal, TypeVar

T = TypeVar("T")

#: Kinds of Quantity that are figures an editor checks.
CLAIM_KINDS = frozenset({"count", "money", "measure", "percent", "ordinal", "duration", "age"})

Kind = Literal[
    "count", "money", "measure", "percent", "ordinal", "duration", "age",
    "date", "year", "time", "phone", "identifier", "rank", "threshold",
]
Modality = Literal["reported", "estimated", "planned", "denied"]
Section = Literal["title", "body"]
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")  # most severe first
FAIL_LEVELS: tuple[str, ...] = (*SEVERITIES, "never")       # --fail-on, fail_on


def direct_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots directly.

    The one :func:`~dataclasses.dataclass` writes calls ``object.__setattr__`` once per
    field (the class is frozen); setting each slot through its descriptor builds a
    Quantity in 0.65 µs instead of 1.1 µs, and the pipeline builds several per claim.
    The signature, the defaults, the annotations (resolved in the class's module) and
    ``__post_init__`` are the dataclass's own. Only plain fields are taken: a field
    that is keyword-only, an ``InitVar``, a default factory or ``init=False`` is refused.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__}: direct_init takes a frozen, slotted dataclass")
    made_fields = fields(cls)  # type: ignore[arg-type]  # T is a dataclass: checked above
    if len(cls.__dataclass_fields__) != len(made_fields):  # type: ignore[attr-defined]  # a dataclass: checked above
        raise TypeError(f"{cls.__name__}: direct_init takes no InitVar")
    names, lines, env = [], [], {}
    for f in made_fields:
        if f.default_factory is not MISSING or not f.init or f.kw_only or f.name == "self":
            raise TypeError(f"{cls.__name__}.{f.name}: direct_init takes plain fields only")
        env[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is not MISSING:
            env[f"_default_{f.name}"] = f.default
        names.append(f.name if f.default is MISSING else f"{f.name}=_default_{f.name}")
        lines.append(f"        _set_{f.name}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        lines.append("        self.__post_init__()")
    source = (f"def __create_fn__({', '.join(env)}):\n"
              f"    def __init__(self, {', '.join(names)}):\n" + "\n".join(lines) + "\n"
              "    return __init__")
    made: dict[str, Any] = {}
    exec(source, sys.modules[cls.__module__].__dict__, made)  # the module's globals, as dataclasses does
    init = made["__create_fn__"](**env)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__, init.__annotations__ = cls.__init__.__doc__, cls.__init__.__annotations__
    cls.__init__ = init  # type: ignore[method-assign]  # the point of direct_init
    return cls


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``, where a line ends with LF, CRLF or a
    lone CR (old Mac files: their claims were all on line 1). The text's line starts are
    listed once (for the last few texts asked about), then each offset is a bisection: a
    document's claims cost a line count each, not a scan from its start.

    >>> line_col("uno\\rdue\\r\\ntre\\nquattro", 13), line_col("uno\\ndue\\ntre", 9)
    ((4, 1), (3, 2))
    """
    starts = _line_starts(text)
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


@functools.lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (after LF, CRLF or a lone CR)."""
    return [0, *(m.end() for m in _LINE_END.finditer(text))]


_LINE_END = re.compile("\r\n?|\n")


@direct_init
@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` range of code points."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The piece of ``text`` this span covers."""
        return text[self.start:self.end]

    def shift(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)


@direct_init
@dataclass(frozen=True, slots=True)
class Quantity:
    """A numeral as stated, with the interval it means.

    ``value`` is the number as written (``None`` for vague words and ranges);
    ``low``/``high`` bound what it means (``high=None`` is unbounded);
    ``precision`` is the place of the last stated digit (1000 for "15mila",
    100000 for "1,5 milioni", 1 for "5.012"), which the reconciler turns into a
    tolerance of half a unit.
    """

    span: Span
    text: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    approx: bool = False
    hedge: str | None = None
    unit: str | None = None
    kind: Kind = "count"
    precision: Decimal | None = None

    @property
    def is_claim(self) -> bool:
        """True for figures; False for dates, years, times and identifiers."""
        return self.kind in CLAIM_KINDS

    def at(self, span: Span) -> Quantity:
        """The same quantity standing at ``span`` (``dataclasses.replace``, without its cost).

        >>> Quantity(Span(0, 3), "300", None, None, None).at(Span(4, 7)).span
        Span(start=4, end=7)
        """
        return Quantity(span, *map(self.__getattribute__, _AFTER_SPAN))


_AFTER_SPAN = tuple(f.name for f in fields(Quantity))[1:]  # Quantity.at passes them in order
assert fields(Quantity)[0].name == "span" and all(f.init for f in fields(Quantity)), "see Quantity.at"


@direct_init
@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text credits for a figure, and the words that say so."""

    source: str
    canonical: str | None
    cue: str
    span: Span
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One article.

    ``text`` is the body as read (after front matter). ``plain`` is the body with
    markup stripped, and ``offsets[i]`` the index in ``text`` of ``plain[i]``
    (``None`` when nothing was stripped, so the two are the same; a compact
    :class:`quantities.ingest.markup.OffsetMap` otherwise).
    ``line_offset`` is how many lines of the file come before the body, so that a
    finding can name the line in the original file. ``meta`` holds every key of the
    front matter (or JSONL record), the ones not read above included (author, tags, …).
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    lang: str = "it"
    url: str | None = None
    path: str | None = None
    line_offset: int = 0
    plain: str | None = None
    offsets: Sequence[int] | None = field(default=None, repr=False, compare=False)
    meta: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)  # every front matter key

    @property
    def analysed(self) -> str:
        """The text the extractor reads: ``plain`` when markup was stripped, else ``text``."""
        return self.text if self.plain is None else self.plain

    def to_body(self, span: Span) -> Span:
        """Map a span of :attr:`analysed` back onto :attr:`text`."""
        offsets = self.offsets
        if offsets is None:
            return span
        start, end = span.start, span.end
        body = offsets[start]
        return Span(body, offsets[end - 1] + 1 if end > start else body)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a body offset, counted in the original file."""
        line, col = line_col(self.text, offset)
        return line + self.line_offset, col


@direct_init
@dataclass(frozen=True, slots=True)
class Claim:
    """A figure stated in a document: what, how many, who says so, and whether it happened."""

    doc: str
    span: Span
    text: str
    quantity: Quantity
    noun: str | None
    concept: str | None
    attribution: Attribution | None
    modality: Modality
    sentence: Span
    context: str = ""          # the sentence's text, for alignment
    date: dt.date | None = None  # the document's date, for the update rule
    status: str | None = None  # the closed class of the pack's [status] table: dead, injured, missing, …
    scope: str | None = None   # what narrows the figure: a place ("Al Haouz") or a part ("di cui", "tra loro")
    section: Section = "body"  # where the figure stands: the headline ("title") or the body
    when: str | None = None    # a time the text gives the figure ("ore 18.35", "in serata"), as written


@dataclass(frozen=True, slots=True)
class Figure:
    """Claims, from one or more documents, that speak of the same quantity of the same thing."""

    id: str
    claims: tuple[Claim, ...]
    concept: str | None        # what is counted: the interlingual concept id (or the word leading it)
    kind: str
    unit: str | None
    status: str | None = None  # the keys beyond the concept (see reconciliation.keys)
    scope: str | None = None
    event: str | None = None   # the event's id: the first document of the event
    modality: str = "done"     # "done" (reported, estimated) or "planned"
    superseded: tuple[Claim, ...] = ()  # claims the article gives as earlier values


@dataclass(frozen=True, slots=True)
class Finding:
    """Something an editor should look at, with the reason in plain words."""

    rule: str
    kind: Literal["value", "wording", "attribution", "reference", "suppression"]
    severity: Severity
    message: str
    claims: tuple[Claim, ...]
    figure: str | None = None
    cause: str | None = None   # why the values differ: outlier, disagreement, disputed, timeline, …
