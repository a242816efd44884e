"""Which claims of one figure may be compared: those of articles that speak of the event directly.

Events chain: an article joins another when their names say so, and a third joins through either
(a running story, as its readers expect; :mod:`quantities.reconciliation.events`). A figure does
not chain: its claims are compared only between articles linked directly (:func:`events.linked`)
or through other articles of the same figure. In a folder of a month of news, a flood and an
outbreak of one region, joined through a third story, keep their counts of the dead apart; the
articles of one story stay together when one of them names its place or person more than once, when
it is one's heaviest name, or when they were written in the same days (not two undated articles
that share only names each mentions once: a known gap).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from itertools import combinations

from quantities.reconciliation.events import linked, near, signature
from quantities.reconciliation.keys import Item, Key
from quantities.text.partition import Partition

#: Why a claim whose article is linked to none of the others counting the same thing is left out.
UNLINKED = "the articles of its event that count the same thing name nothing its article names"


def by_kin(groups: Iterator[tuple[tuple[Key, str], list[Item]]], names: Mapping[str, Mapping[str, int]],
           dates: Mapping[str, dt.date | None], limit: int, broad: Callable[[str], bool],
           apart: set[int]) -> Iterator[tuple[tuple[Key, str], list[Item]]]:
    """Each group, split into the claims of articles linked to each other (:func:`events.linked`),
    directly or through other articles of the group: events chain through other stories, a figure
    does not (a flood and an outbreak of one region, joined through a third story). A group with an
    article that names nothing narrow stays whole. The items split off alone go into ``apart``."""
    signs: dict[str, list[str]] = {}
    for label, members in groups:
        docs = sorted({i.claim.doc for i in members})
        for d in docs:
            if d not in signs:
                signs[d] = [n for n in signature(names.get(d, {}), limit) if not broad(n)]
        if len(docs) < 2 or not all(signs[d] for d in docs):
            yield label, members
            continue
        parts = Partition(docs)
        apart_left = len(docs) - 1   # unions still to make: none once all are linked (most figures, early)
        for x, y in combinations(docs, 2):
            if parts.find(x) != parts.find(y) and linked(names[x], names[y], signs[x], signs[y],
                                                         close(dates.get(x), dates.get(y))):
                parts.union(x, y)
                apart_left -= 1
                if not apart_left:
                    break
        split: dict[str, list[Item]] = {}
        for i in members:
            split.setdefault(parts.find(i.claim.doc), []).append(i)
        for part in split.values():
            if len(split) > 1 and len(part) == 1:
                apart.add(id(part[0]))
            yield label, part


def close(a: dt.date | None, b: dt.date | None) -> bool:
    """Whether two articles were written in the same days (:func:`events.near`). An undated one is
    not: in a folder of undated stories one politician each names once would tie a landslide to a
    bridge collapse (review67); a story's undated articles linked only so are not compared."""
    return a is not None and b is not None and near(a, b)
