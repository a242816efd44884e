"""Counts an article breaks down by place: "nearly 1,400 fires, including 650 in Sicily and 390 in
Calabria". The whole is wider than each place (scoped "+calabria+sicily", never one place's count);
each place it breaks out is a part wherever it is given (read by
:func:`quantities.reconciliation.figures._unscoped`)."""

from __future__ import annotations

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
