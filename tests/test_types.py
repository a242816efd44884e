"""The core types: what :func:`quantities.types.direct_init` must keep of the dataclass."""

import copy
import dataclasses
import inspect
import pickle
import typing
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantities.extraction import attribution, nouns
from quantities.types import Attribution, Claim, Quantity, Span, direct_init

QUICK = [Span, Quantity, Attribution, Claim, attribution.Found, nouns.NounPhrase]


def _reference(cls):
    """The same fields, with the ``__init__`` that :func:`dataclasses.dataclass` writes."""
    ns = {f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}
    ns["__annotations__"] = {f.name: f.type for f in dataclasses.fields(cls)}
    return dataclass(frozen=True, slots=True)(type(cls.__name__, (), ns))


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_direct_init_keeps_the_dataclass_signature(cls):
    assert inspect.signature(cls.__init__) == inspect.signature(_reference(cls).__init__)


SPAN = Span(2, 5)
QTY = Quantity(SPAN, "300", Decimal(300), Decimal(300), Decimal(300), kind="count")
ATTR = Attribution("Kcna", "KCNA", "riporta", Span(8, 12))
CLAIM = Claim("a.md", SPAN, "300 soldati", QTY, "soldati", "soldato", ATTR, "reported", Span(0, 20))


@pytest.mark.parametrize("obj", [SPAN, QTY, ATTR, CLAIM], ids=lambda o: type(o).__name__)
def test_instances_behave_as_dataclasses(obj):
    assert pickle.loads(pickle.dumps(obj)) == obj
    assert copy.deepcopy(obj) == obj and hash(copy.copy(obj)) == hash(obj)
    assert dataclasses.replace(obj) == obj
    with pytest.raises(dataclasses.FrozenInstanceError):
        obj.__setattr__(dataclasses.fields(obj)[0].name, None)


def test_keyword_arguments_and_defaults():
    q = Quantity(span=SPAN, text="5", value=None, low=None, high=None)
    assert (q.approx, q.hedge, q.unit, q.kind, q.precision) == (False, None, None, "count", None)
    assert Claim(**{f.name: getattr(CLAIM, f.name) for f in dataclasses.fields(Claim)}) == CLAIM
    with pytest.raises(TypeError):
        Span(1)  # a missing field is still an error
    with pytest.raises(TypeError):
        Span(1, 2, 3)


def test_post_init_still_checks_a_span():
    with pytest.raises(ValueError, match=r"bad span \[5, 2\)"):
        Span(5, 2)
    with pytest.raises(ValueError):
        dataclasses.replace(SPAN, start=-1)


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_type_hints_resolve_in_the_class_module(cls):
    hints = typing.get_type_hints(cls.__init__)
    assert set(hints) == {f.name for f in dataclasses.fields(cls)} | {"return"}
    assert inspect.signature(cls, eval_str=True).parameters.keys() == hints.keys() - {"return"}


@dataclass(frozen=True, slots=True)
class _Factory:
    items: list = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _KeywordOnly:
    a: int
    b: int = field(kw_only=True)


@dataclass(frozen=True, slots=True)
class _InitVar:
    a: int
    scale: dataclasses.InitVar[int]

    def __post_init__(self, scale):
        pass


@dataclass(frozen=True)
class _NoSlots:
    a: int


@dataclass(slots=True)
class _NotFrozen:
    a: int


@dataclass(frozen=True, slots=True)
class _NotInit:
    a: int
    b: int = field(default=0, init=False)


@pytest.mark.parametrize("cls, message", [
    (_Factory, "_Factory.items: direct_init takes plain fields only"),
    (_KeywordOnly, "_KeywordOnly.b: direct_init takes plain fields only"),
    (_NotInit, "_NotInit.b: direct_init takes plain fields only"),
    (_InitVar, "_InitVar: direct_init takes no InitVar"),
    (_NoSlots, "_NoSlots: direct_init takes a frozen, slotted dataclass"),
    (_NotFrozen, "_NotFrozen: direct_init takes a frozen, slotted dataclass"),
    (int, "int: direct_init takes a frozen, slotted dataclass"),
])
def test_what_direct_init_refuses(cls, message):
    with pytest.raises(TypeError, match=message):
        direct_init(cls)



# text, offset, (line, column): a line ends with LF, CRLF or a lone CR (old Mac files)
LINE_COL = [
    ("uno\ndue\ntre", 9, (3, 2)),
    ("uno\r\ndue\r\ntre", 11, (3, 2)),
    ("uno\rdue\rtre", 9, (3, 2)),  # was (1, 10): a lone CR was no line end
    ("uno\rdue\r\ntre\nquattro", 13, (4, 1)),
    ("uno\r\ndue", 5, (2, 1)),  # near miss: CRLF is one line end, not two
    ("uno\rdue", 0, (1, 1)),
    ("uno\r", 4, (2, 1)),
]


@pytest.mark.parametrize(("text", "offset", "expected"), LINE_COL)
def test_line_col_counts_every_line_end(text, offset, expected):
    from quantities.types import line_col

    assert line_col(text, offset) == expected


@given(st.text(alphabet="ab \n", max_size=40), st.sampled_from(["\r", "\r\n"]), st.data())
def test_line_col_is_the_same_whatever_the_line_ends(text, end, data):
    from quantities.types import line_col

    offset = data.draw(st.integers(0, len(text)))
    other = text.replace("\n", end)
    moved = offset + (len(end) - 1) * text.count("\n", 0, offset)
    assert line_col(other, moved) == line_col(text, offset)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_documents_lines_are_listed_once_for_all_its_claims(end):
    """Each claim's line was a scan from the text's start (a CRLF file of 800 KB: 57 s for
    `extract -f github`): the line starts are listed once per text, each offset then bisected."""
    from quantities.types import _line_starts, line_col

    text = f"Sono morti 5 soldati.{end}" * 2_000
    _line_starts.cache_clear()
    width = len("Sono morti 5 soldati.") + len(end)
    assert [line_col(text, k * width + 11) for k in range(0, 2_000, 100)] == [(k + 1, 12) for k in range(0, 2_000, 100)]
    assert _line_starts.cache_info().misses == 1
