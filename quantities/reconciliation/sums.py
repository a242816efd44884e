"""Sums that no noun names, lined up by their value within one event.

Economic coverage leads a sum with a word of its own in each article ("Lo Stato mette sul
piatto 4,785 miliardi di euro", "Subito escono 4,8 miliardi"): keyed by that word
(:data:`~quantities.reconciliation.clauses.LEAD`) or by nothing, each stands alone. In one
event, such sums of one currency and one modality, each stated in one article as one value,
are one figure when their values lie within :data:`~quantities.reconciliation.modes.CLOSE`
of each other, each from another article, credited to the same sources (or none) and set in
the same years: a sum told two ways, whatever word leads it (their values then meet or drift;
see :mod:`quantities.reconciliation.values`). Sums further apart stay apart ("fino a 17
miliardi" and "circa 18 miliardi" of bad loans are two), and so do any sum a noun names, two
sources' sums (the Treasury's and the Commission's; a headline's against the Region's) and sums
of two years. One sort and one sweep a pool: linear in the claims but for the sort.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from quantities.reconciliation.keys import Item, Key
from quantities.reconciliation.modes import CLOSE

#: The kinds of figure lined up by value when nothing names them.
KINDS = frozenset({"money"})
#: A year named in a sum's sentence.
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])")

Group = tuple[Key, str]   # a key and the event of its members


def join_unnamed(groups: dict[Group, list[Item]]) -> None:
    """Merge, in place, the groups of unnamed sums that are one sum (see the module): each
    merged item takes the key of the group it joins."""
    pools: defaultdict[tuple[str, str | None, str], list[tuple[Decimal, Group]]] = defaultdict(list)
    for (key, event), members in groups.items():
        value = _one_value(members)
        if value is not None and key.kind in KINDS and key.status is None and key.scope is None:
            pools[(event, key.unit, key.modality)].append((value, (key, event)))
    for pool in pools.values():
        if len(pool) > 1:
            _sweep(groups, sorted(pool, key=lambda p: p[0]))


def _sweep(groups: dict[Group, list[Item]], pool: list[tuple[Decimal, Group]]) -> None:
    low, head = pool[0]
    docs = {i.claim.doc for i in groups[head]}
    for value, group in pool[1:]:
        its = {i.claim.doc for i in groups[group]}
        if value <= low * CLOSE and docs.isdisjoint(its) and _alike(groups[head], groups[group]):
            for i in groups[group]:
                i.key = head[0]
            groups[head] += groups.pop(group)
            docs |= its
        else:
            low, head, docs = value, group, its


def _alike(a: list[Item], b: list[Item]) -> bool:
    """Whether two groups of sums may be one: credited to the same sources, or both to none (the
    Treasury's 2 miliardi and the Commission's 2 miliardi are two sums), and the same years named
    in their sentences ("per il 2024 … 1,2 miliardi" is no "nel 2025 … 1,25 miliardi")."""
    return {i.source for i in a} == {i.source for i in b} and _years(a) == _years(b)


def _years(members: list[Item]) -> frozenset[str]:
    return frozenset(y for i in members for y in YEAR.findall(i.claim.context))


def _one_value(members: list[Item]) -> Decimal | None:
    """The value of a group that no noun names and that states one positive value, else None."""
    if any(i.named or i.value is None or i.value <= 0 for i in members):
        return None
    values = [i.value for i in members if i.value is not None]
    return min(values) if max(values) <= min(values) * CLOSE else None
