"""Documents that give the same telling figures speak of one event, whatever their names: an
English wire that writes «Francis» and «the Vatican» meets its Italian sources («Francesco», «il
Vaticano») on «250mila», «150mila» and «130» delegations; a study's 61.672, 11.324 and 8.173
heat deaths join the wire that reports it in English.

A figure is telling when it states one value (no range, no vague word; a hedge keeps it), is 100
or more, has two significant digits or more (not "300", not "5.000": every story has those), and
is a count, a sum or a measure (not a share: "40%" is in half the news), keyed by its kind, unit
and value ("38 gradi" is no "38 persone"). Two documents within ``days`` of each other (or one
of them undated) are one event when they share :data:`SHARED` telling figures, at least half of
those of the one that gives fewer, and those shared figures stand in two paragraphs of each or
more: a paragraph of background statistics two unrelated stories both quote (INAIL's yearly
deaths at work, the Viminale's femicides) joins nothing (review32). A figure that more than
:data:`HOLDERS` documents give is common in the folder and tells nothing, so the work is linear
in the figures (at most ``HOLDERS²`` pairs a figure). A document whose text is not given has no
paragraphs and joins nothing by its figures."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

from quantities.types import Claim, Quantity

#: Telling figures two documents must share to be one event.
SHARED = 3
#: Documents beyond which a figure is common in the folder.
HOLDERS = 12
#: The kinds of figure that may tell an event.
KINDS = frozenset({"count", "money", "measure"})
#: Below this, a value is in every story (ages, degrees, a day's dead).
LEAST = Decimal(100)
#: What parts two paragraphs.
PARAGRAPH = re.compile(r"\n[^\S\n]*\n")

Told = tuple[str, str | None, Decimal]   # kind, unit, value


def telling(q: Quantity) -> Told | None:
    """The key of ``q`` when it is telling (see the module), else None."""
    v = q.value
    if v is None or q.kind not in KINDS or abs(v) < LEAST or len(v.normalize().as_tuple().digits) < 2:
        return None
    return q.kind, q.unit, v


def told(claims: Iterable[Claim], texts: Mapping[str, str]) -> dict[str, dict[Told, set[int]]]:
    """Each document's telling figures and the paragraphs they stand in (documents with a text)."""
    breaks: dict[str, list[int]] = {}
    out: defaultdict[str, dict[Told, set[int]]] = defaultdict(dict)
    for c in claims:
        if c.doc not in texts or (key := telling(c.quantity)) is None:
            continue
        if c.doc not in breaks:
            breaks[c.doc] = [m.start() for m in PARAGRAPH.finditer(texts[c.doc])]
        out[c.doc].setdefault(key, set()).add(bisect_right(breaks[c.doc], c.span.start))
    return dict(out)


def pairs(figures: Mapping[str, Mapping[Told, set[int]]], dates: Mapping[str, dt.date | None],
          days: int) -> Iterator[tuple[str, str]]:
    """The pairs of documents (in order) that the figures join (see the module)."""
    holders: defaultdict[Told, list[str]] = defaultdict(list)
    for doc in sorted(figures):
        for key in figures[doc]:
            holders[key].append(doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        if len(docs) <= HOLDERS:
            shared.update(itertools.combinations(docs, 2))
    for (a, b), n in sorted(shared.items()):
        da, db = dates.get(a), dates.get(b)
        if n < SHARED or 2 * n < min(len(figures[a]), len(figures[b])) \
                or (da is not None and db is not None and abs((da - db).days) > days):
            continue
        both = figures[a].keys() & figures[b].keys()
        if all(len(set().union(*(figures[d][k] for k in both))) >= 2 for d in (a, b)):
            yield a, b
