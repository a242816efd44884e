"""Union-find: a row per sequence of unions, with the groups and roots it must give."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantities.text.partition import Partition

# items, unions, expected roots (item -> root)
ROWS = [
    ("abcd", [], {"a": "a", "b": "b", "c": "c", "d": "d"}),
    ("abcd", [("a", "b")], {"a": "b", "b": "b", "c": "c"}),  # the second argument's root names the group
    ("abcd", [("a", "b"), ("b", "c")], {"a": "c", "b": "c", "c": "c", "d": "d"}),
    ("abcd", [("a", "b"), ("c", "d"), ("b", "d")], {"a": "d", "b": "d", "c": "d"}),
    ("abcd", [("a", "a")], {"a": "a"}),  # near miss: joining an item to itself changes nothing
    ("ab", [("a", "z")], {"a": "z", "z": "z", "y": "y"}),  # an item never added is its own group
]


@pytest.mark.parametrize(("items", "unions", "roots"), ROWS)
def test_roots(items, unions, roots):
    p = Partition(items)
    for a, b in unions:
        p.union(a, b)
    assert {x: p.find(x) for x in roots} == roots


def test_groups_keep_the_order_items_came_in():
    p = Partition(range(5))
    p.union(3, 0)
    p.union(4, 1)
    assert p.groups() == {0: [0, 3], 1: [1, 4], 2: [2]}


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=20))
def test_same_groups_as_the_connected_components(edges):
    p = Partition(range(10))
    for a, b in edges:
        p.union(a, b)
    reach = {i: {i} for i in range(10)}
    for _ in range(10):
        for a, b in edges:
            reach[a] |= reach[b]
            reach[b] |= reach[a]
        for i in range(10):
            for j in list(reach[i]):
                reach[i] |= reach[j]
    for i in range(10):
        assert {j for j in range(10) if p.find(j) == p.find(i)} == reach[i]


@pytest.mark.parametrize(("added", "asked", "inside"), [("a", "a", True), ("a", "b", False), ("", "a", False)])
def test_add_and_membership(added, asked, inside):
    p: Partition[str] = Partition()
    for x in added:
        p.add(x)
    p.find(asked)  # near miss: finding an item does not add it
    assert (asked in p) is inside


def test_add_keeps_a_joined_item_in_its_group():
    p = Partition("ab")
    p.union("a", "b")
    p.add("a")
    assert p.find("a") == "b"
