"""Counts an article breaks down by place: "nearly 1,400 fires, including 650 in Sicily and 390 in
Calabria", "10mila dipendenti, di cui oltre 8mila a Taranto". The whole is wider than each place
(scoped "+calabria+sicily", never one place's count), yet the same count another article gives
whole; each place it breaks out is a part wherever it is given (read by
:func:`quantities.reconciliation.figures._unscoped`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from quantities.reconciliation.keys import Item, Key, toll


def over_places(items: list[Item]) -> set[tuple[Key, str]]:
    """A count its sentence breaks down by place after it ("nearly 1,400 fires, including
    650 in Sicily and 390 in Calabria", "1.400 incendi, di cui 390 in Calabria") counts over
    all those places: it is scoped as wider than each ("+calabria"), never one place's count
    (Sicily's 338 fires). Not a toll the article says rose ("È salito a 278 morti il bilancio
    del terremoto: 221 ad Amatrice, 11 ad Accumoli, 46 ad Arquata"): the event's own toll,
    its places listed. Linear: one pass a sentence. Returns each such whole's key with the scope of
    each place broken out of it: a part wherever it is given (:func:`~quantities.reconciliation.figures._unscoped`)."""
    broken: set[tuple[Key, str]] = set()
    by_sentence: dict[tuple[str, int], list[Item]] = {}
    for i in items:
        if i.key is not None and i.key.kind == "count":
            by_sentence.setdefault((i.claim.doc, i.claim.sentence.start), []).append(i)
    for members in by_sentence.values():
        members.sort(key=lambda i: i.claim.span.start)
        places: dict[str, list[str]] = {}   # what -> the places its later parts name, from the end
        for i in reversed(members):
            key = i.key
            assert key is not None
            parts = places.get(key.what or "")
            if key.scope is None and parts and not (toll(i) and i.moved == "rising"):
                i.key = replace(key, scope="+" + "+".join(sorted(set(parts))))
                broken.update((key, p) for p in parts)
            scope = i.claim.scope or ""
            if key.scope is not None and scope[:1].isupper():
                places.setdefault(key.what or "", []).append(key.scope)
    return broken


def wider(items: list[Item], homes: Mapping[str, str | None], place: Callable[[str], str],
          broad: Callable[[str], bool]) -> None:
    """A count broken down by place (:func:`over_places`: "+taranto") meets the same count another
    article gives whole (or at a country: "1,28 milioni di manifestanti in Francia") at a value within a
    factor of :data:`WIDER_NEAR` ("10mila dipendenti, di cui oltre
    8mila a Taranto" and "gli oltre 10mila dipendenti"), unless such an article is about one of those places
    (its home) or its count is far below ("338 roghi" under "Incendi in Sicilia" is Sicily's, no rival of
    Italy's "nearly 1,400 fires, including 650 in Sicily")."""
    whole_in: dict[Key, list[Item]] = {}   # the items that give each key at no scope, or a country's
    for i in items:
        if i.key is not None and (i.key.scope is None or (
                (i.claim.scope or "")[:1].isupper() and broad(place(i.claim.scope or "")))):
            whole_in.setdefault(i.key.whole, []).append(i)
    for i in items:
        key = i.key
        if key is None or not (key.scope or "").startswith("+") or i.value is None:
            continue
        others = {w.claim.doc for w in whole_in.get(key.whole, ()) if w.claim.doc != i.claim.doc
                  and w.value is not None and i.value <= w.value * WIDER_NEAR and w.value <= i.value * WIDER_NEAR}
        parts = {place(w) for p in key.scope[1:].split("+") for w in p.split()}  # type: ignore[index]
        if others and not any(homes.get(d) in parts for d in others):
            i.key = key.whole


#: How near the same count given whole must be to a count broken down by place to be that count (a factor).
WIDER_NEAR = 2
