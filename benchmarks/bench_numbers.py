"""find() over ~1 MB of news prose: the seed articles repeated with small variations.

Run with ``pytest benchmarks/bench_numbers.py --benchmark-enable``; the chars/second
figure is printed in the benchmark's extra info.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quantities.extraction.numbers.reader import find

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
VARIATIONS = [("15mila", "16mila"), ("5.000", "5.200"), ("circa", "oltre"), ("2019", "2018"),
              ("1.000", "mille"), ("migliaia", "centinaia")]


def corpus(size: int = 1_000_000) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    parts, n, i = [], 0, 0
    while n < size:
        old, new = VARIATIONS[i % len(VARIATIONS)]
        part = text.replace(old, new) if i % 2 else text
        parts.append(part)
        n += len(part)
        i += 1
    return "\n\n".join(parts)


@pytest.fixture(scope="module")
def prose() -> str:
    return corpus()


def test_find_throughput(benchmark, prose: str) -> None:
    found = benchmark(find, prose)
    assert found
    stats = benchmark.stats.stats if benchmark.stats else None
    if stats is not None:
        benchmark.extra_info["chars_per_second"] = round(len(prose) / stats.mean)
        benchmark.extra_info["mb_per_second"] = round(len(prose) / stats.mean / 1e6, 2)
