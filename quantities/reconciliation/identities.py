"""Whose ages are, once every claim of the run is keyed (:mod:`~quantities.reconciliation.ages`
reads one claim at a time): an age given to a surname alone is the one full name that ends with
it ("Lombardo, 52"); an age given to a superlative role is the person an article ties the role
to ("la più giovane, «di soli 29 anni»"; "the youngest victim, aged just 29")."""

from __future__ import annotations

from quantities.reconciliation import ages
from quantities.reconciliation.keys import Item, age_key, unit_key_of


def identify(items: list[Item]) -> None:
    """Re-key, in place, the ages of a surname alone and of a role (:func:`ages.surnames`,
    :func:`ages.by_role`); a bare number given to a role ("the youngest, 29") becomes years."""
    aged = [i for i in items if _aged(i)]
    whose_of = [i.key.what if i.key is not None and i.key.kind == "age" else None for i in aged]
    for n, whose in ages.surnames([(i.claim.doc, w) for i, w in zip(aged, whose_of)]).items():
        aged[n].key = age_key(whose, aged[n].claim)
        whose_of[n] = whose
    factor = unit_key_of(ages.AGE_UNIT)[1]
    for n, whose in ages.by_role([(i.claim, w, i.lexicon) for i, w in zip(aged, whose_of)]).items():
        i = aged[n]
        i.key, i.reason, i.role = age_key(whose, i.claim), None, True
        if i.claim.quantity.unit is None and i.value is not None:   # "aged just 29": years
            i.value, i.interval = i.value * factor, i.interval.scaled(factor)


def _aged(i: Item) -> bool:
    """An age, or a claim with no noun an age may be (a span in years, a bare whole number:
    "la più giovane, «di soli 29 anni»", "the youngest, aged 29") not keyed as something else."""
    if i.key is not None and i.key.kind == "age":
        return True
    return (i.key is None or (i.key.kind == "count" and i.claim.noun is None)) and ages.maybe_age(i.claim)
