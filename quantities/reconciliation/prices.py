"""A price per a unit of measure: "4.500 euro al chilo", "450 euro all'etto", "2,004 euro/litro",
"300 euros per megawatt hour". A sum per a kilo and one per a hectogram are no one figure, whatever
their numbers: a price is keyed apart by the unit it is per (the lexicon's ``[rate]`` unit phrases,
right after the claim), so that "4.500 euro al chilo" and "450 euro all'etto" make no conflict. Where
its event prices the thing per one unit only, the unit is dropped from the key (:func:`settle`): the
same price written without it ("la benzina a 2,01 euro") still meets it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from quantities.lang.lexicon import Lexicon
from quantities.lang.lexicon_tables import RATE_UNITS

if TYPE_CHECKING:   # keys read this module's marks: items are only settled here
    from quantities.reconciliation.keys import Item


def per(words: Sequence[str], lex: Lexicon) -> str | None:
    """The mark of the unit of measure that the first of ``words`` (after a sum) price it per, else None."""
    for unit in RATE_UNITS if words else ():
        at = lex.cue_at(f"rate_{unit}", words)
        if at is not None and at[0] == 0:
            return f"(per {unit.replace('_', ' ')})"
    return None


_MARK = re.compile(r" \(per [a-z ]+\)$")


def settle(items: list[Item], event_of: Mapping[str, str | None]) -> None:
    """Drop the unit a price is per from the keys of a thing its event prices per one unit only."""
    priced = [(i, (event_of.get(i.claim.doc), i.key.what[:m.start()]), m.group()) for i in items
              if i.key is not None and i.key.what and (m := _MARK.search(i.key.what))]
    marks: defaultdict[tuple[str | None, str], set[str]] = defaultdict(set)
    for _, at, mark in priced:
        marks[at].add(mark)
    for i, at, _ in priced:
        if len(marks[at]) == 1:
            i.key = replace(i.key, what=at[1])  # type: ignore[type-var]  # priced: keyed
