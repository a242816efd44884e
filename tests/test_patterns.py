"""Every pattern the package runs in the standard ``re`` means the same on every Python it
supports (>= 3.11): ``re`` read possessive quantifiers and atomic groups wrongly before
3.11.5 (gh-106052: the tokeniser glued "Kcna," into one token), so none is used there."""

import dataclasses
import importlib
import pkgutil
import re

import pytest

import quantities
from quantities import lang
from quantities.extraction import modality
from quantities.extraction.numbers import grammar as numgrammar

#: ``++ *+ ?+ }+`` (a quantifier made possessive) or ``(?>`` (an atomic group); an escaped
#: ``\\+`` followed by a quantifier is not one.
POSSESSIVE = re.compile(r"(?<!\\)[+*?}]\+|\(\?>")


def _module_patterns():
    for info in pkgutil.walk_packages(quantities.__path__, "quantities."):
        if info.name.endswith("__main__"):  # __main__ runs the command line
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield f"{info.name}.{name}", value


def _grammar_patterns():
    for code in lang.available():
        pack = lang.load(code)
        for owner in (numgrammar.grammar(pack), modality.grammar(pack)):
            yield from _fields(f"{code}:{type(owner).__module__}", owner)


def _fields(prefix, owner):
    """The patterns among ``owner``'s fields, and those of the records it holds."""
    for name in (f.name for f in dataclasses.fields(owner)):
        value = getattr(owner, name)
        if dataclasses.is_dataclass(value):
            yield from _fields(f"{prefix}.{name}", value)
            continue
        for item in value if isinstance(value, (tuple, list)) else [value]:
            item = item[0] if isinstance(item, tuple) else item
            if isinstance(item, re.Pattern):
                yield f"{prefix}.{name}", item


PATTERNS = [*_module_patterns(), *_grammar_patterns()]


def test_the_patterns_are_found():
    names = {name for name, _ in PATTERNS}
    assert {"quantities.text.tokens._SPLIT", "quantities.extraction.numbers.around._WORDS_BACK"} <= names and any(n.endswith(".num") for n in names)


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_no_possessive_quantifier_or_atomic_group_in_re(name, pattern):
    assert POSSESSIVE.search(pattern.pattern) is None, pattern.pattern[:200]


@pytest.mark.parametrize("text", [r"a++", r"(?:ab)*+", r"x?+", r"[0-9]{1,3}+", r"(?>ab)"])
def test_the_check_sees_them(text):
    assert POSSESSIVE.search(text)


@pytest.mark.parametrize("text", [r"\++", r"[+]+", r"a+b*", r"\d{1,3}(?:x)"])
def test_the_check_passes_the_rest(text):
    assert POSSESSIVE.search(text) is None
