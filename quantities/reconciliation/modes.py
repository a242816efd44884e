"""Modes: the values a figure's claims agree on, and which modes contradict each other.

A mode is a maximal run of claims whose intervals meet, found by one sweep over the
claims sorted by their lower ends (n log n). Two modes contradict each other unless
one article states both without crediting them to different sources: an article that
gives two values of one figure speaks of two figures (a part and its whole, two
moments), and is never a conflict with itself. An article that credits one value to
the questura and the other to the organizers is reporting a dispute: its modes still
contradict each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from quantities.reconciliation.intervals import Interval
from quantities.reconciliation.keys import Item


@dataclass(frozen=True, slots=True)
class Mode:
    items: tuple[Item, ...]

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(i.claim.doc for i in self.items)

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(i.source for i in self.items if i.source is not None)

    @property
    def value(self) -> Decimal:
        """A representative value: the median of the stated values (else of lower ends)."""
        values = sorted(i.value if i.value is not None else i.interval.low for i in self.items)
        return values[len(values) // 2]

    def dates(self) -> list:
        return [i.claim.date for i in self.items]


def modes(items: Sequence[Item]) -> list[Mode]:
    """The modes of ``items``, most supported first (distinct documents), then by value."""
    ordered = sorted(items, key=lambda i: (i.interval.low, i.order))
    runs: list[list[Item]] = []
    reach: Interval | None = None
    for i in ordered:
        if reach is not None and reach.meets(i.interval):
            runs[-1].append(i)
            if reach.high is not None and (i.interval.high is None or i.interval.high > reach.high):
                reach = Interval(reach.low, i.interval.high, reach.low_open, i.interval.high_open)
        else:
            runs.append([i])
            reach = i.interval
    found = [Mode(tuple(sorted(r, key=lambda i: i.order))) for r in runs]
    return sorted(found, key=lambda m: (-len(m.docs), m.value))


def contradicting(found: list[Mode]) -> list[tuple[int, int]]:
    """Pairs of modes (indices) that no article states together as one source's figures."""
    by_doc: defaultdict[str, dict[int, set[str | None]]] = defaultdict(dict)
    for n, m in enumerate(found):
        for i in m.items:
            by_doc[i.claim.doc].setdefault(n, set()).add(i.source)
    explained: set[tuple[int, int]] = set()
    for per_mode in by_doc.values():
        if len(per_mode) < 2:
            continue
        ns = sorted(per_mode)
        for a_i, a in enumerate(ns):
            for b in ns[a_i + 1:]:
                if not _credited_apart(per_mode[a], per_mode[b]):
                    explained.add((a, b))
    return [(a, b) for a in range(len(found)) for b in range(a + 1, len(found)) if (a, b) not in explained]


def _credited_apart(a: set[str | None], b: set[str | None]) -> bool:
    """Whether an article credits two values to different sources (and neither bare)."""
    return None not in a and None not in b and not (a & b)
