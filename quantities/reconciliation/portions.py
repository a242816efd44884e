"""A count its sentence gives as a share of a whole ("Gli edifici coinvolti sono circa 46mila, il
10% del totale nazionale": extraction scopes it by that share, :mod:`quantities.extraction.nouns.portion`)
is a part only where its event also gives the whole it implies (about 460mila, here the country's
470mila edifici): there it keeps the share as its scope and meets no count of the whole. Where no
such whole is given, the share only describes it: its scope is dropped, and it meets the same count
given without the share ("le imprese femminili sono 1,3 milioni, il 22% del totale" against "sono
1,5 milioni": the values do not meet)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

import regex

from quantities.reconciliation.keys import Item, Key

#: The share a portion's scope opens with ("10% del totale", "4,5% of the total").
SHARE = regex.compile(r"([0-9]{1,3}(?:[.,][0-9]{1,3})?)\s?%")
#: How far from the whole a portion implies a count may be and still be that whole (a factor).
NEAR = Decimal("1.25")


def settle(items: list[Item], event_of: Mapping[str, str | None]) -> None:
    """Drop the share scope of each portion whose event gives no count near the whole it implies."""
    wholes: dict[Key, list[Item]] = {}
    for i in items:
        if i.key is not None and i.key.scope is None and i.key.kind == "count":
            wholes.setdefault(i.key, []).append(i)
    for i in items:
        implied = _implied(i)
        if implied is None or i.key is None:
            continue
        event = event_of.get(i.claim.doc)   # (an article that names no event goes with the one that is named)
        near = any(w.interval.low <= implied * NEAR and (w.interval.high is None or w.interval.high * NEAR >= implied)
                   for w in wholes.get(i.key.whole, ()) if event is None or event_of.get(w.claim.doc) in (event, None))
        if not near:
            i.key = i.key.whole


def _implied(i: Item) -> Decimal | None:
    """The whole a portion's value and share imply, or None for no portion."""
    if i.key is None or i.key.kind != "count" or i.value is None or not i.key.scope:
        return None
    m = SHARE.match(i.key.scope)
    if m is None:
        return None
    try:
        share = Decimal(m[1].replace(",", "."))
    except InvalidOperation:
        return None
    return i.value * 100 / share if share else None
