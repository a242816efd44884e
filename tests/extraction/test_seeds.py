"""End to end on the five seed articles, against the hand-checked fixtures/seeds_expected.toml.

Every expected claim is found with its properties; no listed figure is a claim; and,
per document, no claim beyond the expected and the reviewed tolerated ones.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest
from tables import FIXTURES, cases, row, toml

from quantities import Claim, extract, read

ROOT = FIXTURES
TABLE = ROOT / "seeds_expected.toml"
EXPECTED = toml(TABLE)
DOCS = sorted(p.name[:3] for p in (ROOT / "seeds").glob("*.txt"))


@cache
def seed(prefix: str) -> tuple[str, tuple[Claim, ...]]:
    """The body and the claims of the seed whose file name starts with ``prefix``."""
    (path,) = (ROOT / "seeds").glob(f"{prefix}_*.txt")
    (doc,) = read([str(path)])
    return doc.text, tuple(extract(doc))


def params(table: str) -> list:
    return cases(TABLE, table, lambda r: f"{r['doc']}:{r.get('text') or r.get('figure')}")


def number(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@pytest.mark.parametrize("row", params("claim"))
def test_expected_claim(row: dict) -> None:
    _, claims = seed(row["doc"])
    found = [c for c in claims if c.text == row["text"]]
    assert found, f"no claim {row['text']!r}; found {[c.text for c in claims]}"
    c = found[0]
    q = c.quantity
    got = {
        "value": q.value, "low": q.low, "high": q.high, "kind": q.kind, "noun": c.noun or "",
        "attribution": (c.attribution.canonical or "") if c.attribution else "", "modality": c.modality,
    }
    want = {k: number(row[k]) if k in ("value", "low", "high") else row[k] for k in got if k in row}
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("row", params("absent"))
def test_not_a_claim(row: dict) -> None:
    text, claims = seed(row["doc"])
    at = text.index(row["figure"])
    end = at + len(row["figure"])
    hits = [c.text for c in claims if c.quantity.span.start < end and at < c.quantity.span.end]
    assert hits == []


def _allowed(prefix: str, c: Claim) -> bool:
    if any(r["doc"] == prefix and r["text"] == c.text for r in EXPECTED["claim"]):
        return True
    return any(r["doc"] in ("*", prefix) and r["figure"] == c.quantity.text for r in EXPECTED["tolerated"])


@pytest.mark.parametrize("prefix", [row(p, id=p, xfail=EXPECTED["unexpected"].get(p)) for p in DOCS])
def test_no_unexpected_claims(prefix: str) -> None:
    _, claims = seed(prefix)
    assert [c.text for c in claims if not _allowed(prefix, c)] == []


def test_every_seed_is_checked() -> None:
    assert DOCS == ["000", "001", "002", "003", "004"]
    assert {r["doc"] for r in EXPECTED["claim"]} == set(DOCS)
