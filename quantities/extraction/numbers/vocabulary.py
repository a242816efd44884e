"""The pack's ``[numbers]`` and ``[units]`` tables read and checked: each reader takes a
key and returns its words or values normalised, or raises the pack's error naming the
file and key. :mod:`quantities.extraction.numbers.grammar` assembles them.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

import regex

from quantities.extraction.numbers.patterns import norm
from quantities.extraction.numbers.records import HedgeMeaning, Homograph
from quantities.lang import Pack, schema
from quantities.lang.units import is_pint_unit
from quantities.text import tries
from quantities.text.i18n import N_, _
from quantities.text.phrases import NEVER, alternation


def words(pack: Pack, key: str) -> frozenset[str]:
    return frozenset(norm(w) for w in pack.words(key, ()))


def digit_names(pack: Pack, key: str) -> Any:
    """One pattern (and one of the first words it may open on) of the names at ``key`` that hold a number ("Il Sole
    24 Ore", "Radio 24"), whole words in any case ("Sole 24 ORE", "RAI NEWS 24": review47), blanks as any
    run of blanks, never before more digits or a scale word ("in rete 4 milioni", "Radio 24.000": review46);
    None for none. A name with no digits is an error naming it."""
    names = list(pack.words(key, ()))
    for name in names:
        if _DIGITS.search(name) is None:
            raise pack.error(key, f"{name!r} holds no digits: no name of a number")
    # prefix-factored: the plain alternation of the names made the scan of a document 1.6 times slower
    alternation = tries.pattern([n.lower() for n in names], blank=r"\s+")
    scales = "|".join(map(re.escape, sorted(pack.table("numbers.scales", {}), key=len, reverse=True)))
    after = rf"(?![.,]?\d)(?!\s+(?:{scales})(?!\w))" if scales else r"(?![.,]?\d)"
    # a cheap test of the lower-cased text before the pattern's scan: one of their first words stands in it
    firsts = re.compile(tries.pattern({n.split()[0].casefold() for n in names}))
    return (re.compile(rf"(?<!\w)(?:{alternation})(?!\w){after}", re.IGNORECASE), firsts) if names else None


_DIGITS = re.compile(r"[0-9]")


def entries(pack: Pack, key: str) -> dict[str, Any]:
    """The table at ``key`` whose keys are words: a blank word ("" or " ") is an error
    naming it, as a blank word in a list is (it would match an empty string everywhere)."""
    table = pack.table(key, {})
    for word in table:
        if not word.strip():
            raise pack.error(f'{key}."{word}"', "a word cannot be empty or blank")
    return table


#: The most a number word may stand for ("zilione = 1e28" in a desk's config is refused); a
#: product of such words past what a figure holds (``digits.MAX_ADJUSTED``) is read as no figure.
LARGEST = Decimal(10) ** 15

#: What the words of a table may stand for: (lowest, highest, whether the ends are allowed).
RANGES = {
    "numbers.words": (Decimal(0), LARGEST, True, N_("from 0 to 10^15")),
    "numbers.multipliers": (Decimal(2), LARGEST, True, N_("from 2 to 10^15 (a scale multiplies)")),
    "numbers.fractions": (Decimal(0), Decimal(1), False, N_("above 0 and below 1")),
}
ANY = (Decimal("-Infinity"), Decimal("Infinity"), True, "")


def numbers(pack: Pack, key: str) -> dict[str, Decimal]:
    """The table at ``key``, its words' values as Decimals, each in its table's :data:`RANGES`."""
    out = {}
    low, high, ends, said = RANGES.get(key, ANY)
    for word, value in entries(pack, key).items():
        d = out[norm(word)] = finite(pack, f"{key}.{word}", value)
        if not (low <= d <= high if ends else low < d < high):
            message = _("expected a number {range}, not {value}")
            raise pack.error(f"{key}.{word}", message.format(range=_(said) if said else "", value=value))
    return out


def finite(pack: Pack, key: str, value: Any) -> Decimal:
    """``value`` as a Decimal; anything but a finite number (TOML has nan and inf) is an error."""
    return schema.number(value, key, pack.error)


def strings(pack: Pack, key: str) -> dict[str, str]:
    return {norm(word): schema.string(value, f"{key}.{word}", pack.error)
            for word, value in entries(pack, key).items()}


def integer(pack: Pack, key: str, default: int) -> int:
    return schema.integer(pack.get(key, default), key, pack.error)


def flag(pack: Pack, key: str, default: bool) -> bool:
    return schema.flag(pack.get(key, default), key, pack.error)


def number(pack: Pack, key: str, default: float) -> Decimal:
    return finite(pack, key, pack.get(key, default))


def spread(pack: Pack, key: str, default: float) -> Decimal:
    """A relative spread around a value: at least 0, under 1 (-0.2 would make the low end
    the high one, 1 a low end of nothing)."""
    value = number(pack, key, default)
    if not 0 <= value < 1:
        raise pack.error(key, _("expected a number from 0 to under 1, not {value}").format(value=value))
    return value


def string(pack: Pack, key: str, default: str) -> str:
    return schema.string(pack.get(key, default), key, pack.error)


def meanings(pack: Pack) -> dict[str, HedgeMeaning]:
    out = {}
    for name, spec in entries(pack, "numbers.hedge_meanings").items():
        key = f"numbers.hedge_meanings.{name}"
        if not isinstance(spec, dict):
            raise pack.error(key, "expected a table with low, high, approx")
        low, high = spec.get("low"), spec.get("high")
        unbounded = isinstance(high, float) and high == math.inf
        if not all(schema.is_number(v) for v in (low, 0 if unbounded else high)):
            raise pack.error(key, "low and high must be numbers (high = inf for unbounded)")
        unknown = sorted(set(spec) - {"low", "high", "approx"})
        if unknown:
            raise pack.error(f"{key}.{unknown[0]}", "unknown key (known: approx, high, low)")
        if not unbounded and low > high:  # type: ignore[operator]  # both numbers: checked above
            raise pack.error(key, f"low ({low}) is above high ({high})")
        approx = schema.flag(spec.get("approx", False), f"{key}.approx", pack.error)
        out[name] = HedgeMeaning(Decimal(str(low)), None if unbounded else Decimal(str(high)),
                                 approx)
    return out


#: The keys of ``[numbers.hedges]`` that are no group of hedge words by meaning.
HEDGE_SETTINGS = frozenset({"articles", "after", "comparisons", "thresholds", "predicates", "predicate_endings",
                            "class_openers", "marks", "negations", "negated", "negatable",
                            "negation_links"})


def hedges(pack: Pack, meanings: dict[str, HedgeMeaning]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in pack.table("numbers.hedges"):
        if name in HEDGE_SETTINGS:
            continue
        if name not in meanings:
            raise pack.error(f"numbers.hedges.{name}", "no such entry in numbers.hedge_meanings")
        out.update((norm(w), name) for w in pack.words(f"numbers.hedges.{name}"))
    return out


def hedges_after(pack: Pack, meanings: dict[str, HedgeMeaning], key: str = "numbers.hedges.after") -> dict[str, str]:
    """A table of words (or meanings) to hedge meanings: the hedges after a number, the meaning of a negated one."""
    out = strings(pack, key)
    for word, name in out.items():
        if name not in meanings:
            raise pack.error(f"{key}.{word}", f"unknown hedge meaning {name!r}")
    return out


def homographs(pack: Pack) -> dict[str, Homograph]:
    out = {}
    for word, spec in entries(pack, "numbers.homographs").items():
        key = f"numbers.homographs.{word}"
        if not isinstance(spec, dict):
            raise pack.error(key, "expected a table")
        need, not_before, not_after = (words(pack, f"{key}.{k}")
                                       for k in ("need_before", "not_before", "not_after"))
        ends = frozenset(p.split(" ", i)[i] for p in need for i in range(p.count(" ") + 1))
        out[norm(word)] = Homograph(need, not_before, not_after, ends)
    return out


def vague(pack: Pack) -> dict[str, tuple[Decimal, Decimal]]:
    out = {}
    for word, pair in entries(pack, "numbers.vague").items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, int) for v in pair)):
            raise pack.error(f"numbers.vague.{word}", "expected [low, high] integers")
        out[norm(word)] = (Decimal(pair[0]), Decimal(pair[1]))
    return out


def ranges(pack: Pack) -> dict[str, str]:
    out = {}
    for i, pair in enumerate(pack.get("numbers.ranges.pairs", [])):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)):
            raise pack.error(f"numbers.ranges.pairs[{i}]", "expected [first, second] words")
        out[norm(pair[0])] = norm(pair[1])
    return out


def units(pack: Pack) -> tuple[dict[str, str], frozenset[str]]:
    """Measure words -> pint names, each checked against pint (or the non-pint list)."""
    nonpint = frozenset(pack.table("units.nonpint", {}))
    out = {}
    for word, name in entries(pack, "units").items():
        if isinstance(name, dict):
            continue
        key = f"units.{word}"
        if not isinstance(name, str):
            raise pack.error(key, "expected a pint unit name")
        if name not in nonpint and not is_pint_unit(name):
            raise pack.error(key, f"unknown pint unit {name!r}")
        out[norm(word)] = name
    return out, nonpint


def check_units(pack: Pack, key: str, table: dict[str, str], nonpint: frozenset[str]) -> None:
    for word, name in table.items():
        if not (name.isupper() or name in nonpint or is_pint_unit(name)):
            raise pack.error(f"{key}.{word}", f"unknown unit {name!r}")


def morphemes(pack: Pack) -> dict[str, tuple[str, Decimal]]:
    """Number-word morphemes: ("unit", v), ("hundred", v) below 1000, ("scale", v), ("fraction", v)."""
    out: dict[str, tuple[str, Decimal]] = {}
    for w, v in numbers(pack, "numbers.words").items():
        out[w] = ("unit", v)
    for w, v in numbers(pack, "numbers.multipliers").items():
        out[w] = ("hundred" if v < 1000 else "scale", v)
    for w, v in numbers(pack, "numbers.fractions").items():
        out[w] = ("fraction", v)
    return out


def morph_pattern(pack: Pack, morphemes: dict[str, tuple[str, Decimal]]) -> str:
    """One morpheme: a word of the tables, or an elided form before the listed words."""
    before = words(pack, "numbers.elision.before")
    elided = []
    for w in words(pack, "numbers.elision.drop_final_vowel"):
        if w not in morphemes:
            raise pack.error("numbers.elision.drop_final_vowel", f"{w!r} is not a number word")
        elided.append(f"{regex.escape(w[:-1])}(?=(?:{alternation(before, empty=NEVER)}))")
    return "|".join(filter(None, [alternation(morphemes, empty=NEVER), *elided]))



def group_marks(pack: Pack) -> list[str]:
    marks = pack.get("numbers.group", [])
    if not isinstance(marks, list) or not all(isinstance(m, str) and len(m) == 1 and not m.isdigit()
                                               for m in marks):
        raise pack.error("numbers.group", "expected a list of single characters, not digits")
    return marks


def restore(pack: Pack) -> list[str]:
    value = pack.get("numbers.ordinals.restore", [""])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise pack.error("numbers.ordinals.restore", "expected a list of strings")
    return value
