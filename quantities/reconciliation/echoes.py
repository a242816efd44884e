"""Documents that give the same telling figures speak of one event, whatever their names: an
English wire that writes «Francis» and «the Vatican» meets its Italian sources («Francesco», «il
Vaticano») on «250mila», «150mila» and «130»; a live blog whose only names are two countries
meets the wire on a toll's «1.602» and «5.775».

A figure is telling when it states one value (no range, no vague word; a hedge keeps it), is 10 or more, has
two significant digits or more (not "300", not "5.000": every story has those), and is a count,
a sum or a measure (not a share: "40%" is in half the news). Two documents within ``days`` of
each other (or one of them undated) that share :data:`SHARED` telling figures, and at least half
of those of the one that gives fewer (not a story that quotes three of another's background
statistics among many of its own), are one event. A
figure that more than :data:`HOLDERS` documents give is common in the folder and tells nothing,
so the work is linear in the figures (at most ``HOLDERS²`` pairs a figure)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Mapping
from decimal import Decimal

from quantities.types import Quantity

#: Telling figures two documents must share to be one event.
SHARED = 3
#: Documents beyond which a figure is common in the folder.
HOLDERS = 12
#: The kinds of figure that may tell an event.
KINDS = frozenset({"count", "money", "measure"})
#: Below this, a value is in every story.
LEAST = Decimal(10)


def telling(q: Quantity) -> Decimal | None:
    """The value of ``q`` when it is telling (see the module), else None."""
    v = q.value
    if v is None or q.kind not in KINDS or abs(v) < LEAST:
        return None
    return v if len(v.normalize().as_tuple().digits) >= 2 else None


def pairs(values: Mapping[str, Collection[Decimal]], dates: Mapping[str, dt.date | None],
          days: int) -> Iterator[tuple[str, str]]:
    """The pairs of documents (in order) that share :data:`SHARED` telling values or more
    and are close enough in time."""
    holders: defaultdict[Decimal, list[str]] = defaultdict(list)
    for doc in sorted(values):
        for v in set(values[doc]):
            holders[v].append(doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        if len(docs) <= HOLDERS:
            shared.update(itertools.combinations(docs, 2))
    for (a, b), n in sorted(shared.items()):
        da, db = dates.get(a), dates.get(b)
        fewer = min(len(set(values[a])), len(set(values[b])))
        if n >= SHARED and 2 * n >= fewer and (da is None or db is None or abs((da - db).days) <= days):
            yield a, b
