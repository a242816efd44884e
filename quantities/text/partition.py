"""Union-find: items joined into disjoint groups, each group named by one of its items.

>>> p = Partition(["a", "b", "c", "d"])
>>> p.union("a", "b"); p.union("c", "b")
>>> p.find("a"), p.find("c"), p.find("d"), p.find("z")
('b', 'b', 'd', 'z')
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class Partition(Generic[T]):
    """Disjoint groups of items. :meth:`union` puts ``a``'s group under ``b``'s root, so
    the name of a group depends only on the order of the unions; an item never seen is a
    group of its own."""

    __slots__ = ("_parent",)

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {x: x for x in items}

    def __contains__(self, x: object) -> bool:
        return x in self._parent

    def add(self, x: T) -> None:
        """Make ``x`` a group of its own, unless it is in one."""
        self._parent.setdefault(x, x)

    def find(self, x: T) -> T:
        """The root of ``x``'s group (compressing the path to it)."""
        parent = self._parent
        root = x
        while (up := parent.get(root, root)) != root:
            root = up
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: T, b: T) -> None:
        """Join ``a``'s group to ``b``'s: the root of ``b`` becomes the root of both."""
        self._parent[self.find(a)] = self.find(b)

    def groups(self) -> dict[T, list[T]]:
        """Each root with the items of its group, in the order they were first added."""
        out: dict[T, list[T]] = {}
        for x in list(self._parent):
            out.setdefault(self.find(x), []).append(x)
        return out
