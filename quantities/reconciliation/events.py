"""Which documents speak of one event: linked by the names they share, in linear time.

A document's signature is its most frequent names (capitalised words of the sentences
its figures stand in; ties alphabetical), at most ``event_names`` of them. Two documents
are one event when their signatures share two names, or when both name the same place or
person most often: every pair of names in a signature is a key, and so is its first name;
documents that share a key are joined (union-find), so the work grows with the documents, not their pairs. A
document depends only on its own text: adding unrelated events to the folder changes
no event but theirs. A document with no names belongs to no event by itself (see
:mod:`quantities.reconciliation.figures`).

>>> events({"a": ["turchia", "smirne"], "b": ["smirne", "turchia", "ankara"], "c": ["puglia", "andria"]}, 8)
{'a': 'a', 'b': 'a', 'c': 'c'}
>>> events({"a": ["ischia", "ischia", "napoli"], "b": ["ischia", "roma"], "c": ["napoli", "roma"]}, 8)
{'a': 'a', 'b': 'a', 'c': 'c'}
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping

from quantities.text.partition import Partition


def events(names_by_doc: Mapping[str, Iterable[str]], limit: int) -> dict[str, str | None]:
    """Each document's event: the smallest document id of its component, None without names."""
    parts: Partition[str] = Partition()

    owner: dict[tuple[str, ...], str] = {}
    for doc in sorted(names_by_doc):
        sign = signature(names_by_doc[doc], limit)
        if not sign:
            continue
        parts.add(doc)
        keys = [(sign[0],), *itertools.combinations(sorted(sign), 2)]
        for key in keys:
            other = owner.setdefault(key, doc)
            a, b = parts.find(doc), parts.find(other)
            if a != b:
                parts.union(max(a, b), min(a, b))
    return {doc: (parts.find(doc) if doc in parts else None) for doc in names_by_doc}


def signature(names: Iterable[str], limit: int) -> list[str]:
    """The ``limit`` most frequent names (ties alphabetical).

    >>> signature(["kursk", "corea", "kursk", "nord"], 2)
    ['kursk', 'corea']
    """
    counts = Counter(names)
    return sorted(counts, key=lambda n: (-counts[n], n))[:limit]
