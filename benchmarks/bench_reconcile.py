"""Reconciler benchmarks: 1k, 10k and 100k synthetic claims; the growth must be near linear.

Run: python -m pytest benchmarks/bench_reconcile.py --benchmark-enable -p no:randomly
Each size runs once (one round): the 100k corpus takes a while. The time per claim is
printed and kept in extra_info.

The corpus: events (a place, actors, a verb, a date, a counted noun and its value)
reported by several documents each, with varied wording, hedges, sources and filler
words, so that blocks, contexts and values look like a news corpus's.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import time
import tracemalloc
from decimal import Decimal

import pytest

from quantities.reconciliation.rules import reconcile
from quantities.types import Attribution, Claim, Quantity, Span

NOUNS = [
    "soldati", "truppe", "morti", "vittime", "feriti", "dispersi", "sfollati", "profughi",
    "migranti", "arrestati", "indagati", "evacuati", "abitanti", "residenti", "persone",
    "lavoratori", "operai", "dipendenti", "case", "edifici", "missili", "droni", "razzi",
    "carri armati", "aerei", "navi", "voti", "contagi", "ricoverati", "genieri", "ingegneri",
    "pastori", "pescatori", "camionisti", "studenti", "turisti",
]
SOURCES = ["KCNA", "TASS", "South Korea", "Yonhap", "Ukraine", "Russia", "ANSA", "Reuters", None, None]
HEDGES = [None, None, "circa", "oltre", "quasi"]
SYLLABLES = ["ka", "ro", "mi", "ste", "lu", "va", "ne", "dor", "pa", "zi", "tra", "gno", "fe", "bu"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def letters(n: int) -> str:
    """``n`` spelt in letters (context words are letters only)."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out += chr(ord("a") + r)
        if n == 0:
            return out


def corpus(n: int, seed: int = 7, events_of: list[int] | None = None) -> list[Claim]:
    """``n`` claims: events of about fifteen claims (five documents of three claims each,
    three figures per event), each document about one event and naming it (two or three
    capitalised place and people names, rare), filler words drawn from 5.000 with Zipf
    frequencies, as in running text; 15 % of the claims state another value, hedges and
    sources vary, documents are dated over a few days. ``events_of`` collects each
    claim's event, to check the grouping."""
    rng = random.Random(seed)
    vocabulary = [word(rng) for _ in range(5000)]
    zipf = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    start = dt.date(2024, 1, 1)
    claims: list[Claim] = []
    i = 0
    event = 0
    while i < n:
        names = [(letters(event) + word(rng)).capitalize() for _ in range(3)]
        figures = [(rng.choice(NOUNS), Decimal(rng.choice([10, 50, 120, 300, 1000, 5000, 15000]) * rng.randint(1, 9)))
                   for _ in range(3)]
        date = start + dt.timedelta(days=rng.randint(0, 700))
        for d in range(5):
            doc = f"doc{event:06d}-{d}"
            for k in range(3):
                if i >= n:
                    break
                if events_of is not None:
                    events_of.append(event)
                noun, value = figures[k]
                claims.append(_claim(rng, doc, k, noun, value, names, vocabulary, zipf,
                                     date + dt.timedelta(days=rng.randint(0, 3))))
                i += 1
        event += 1
    return claims


def _claim(rng: random.Random, doc: str, k: int, noun: str, value: Decimal, names: list[str],
           vocabulary: list[str], zipf: list[float], date: dt.date) -> Claim:
    if rng.random() < 0.15:
        value = value * Decimal(rng.choice(["0.8", "1.25", "2"]))
    hedge = rng.choice(HEDGES)
    low, high = value, value
    if hedge == "circa":
        low, high = value * Decimal("0.9"), value * Decimal("1.1")
    elif hedge == "oltre":
        high = None
    elif hedge == "quasi":
        low = value * Decimal("0.9")
    text = f"{hedge + ' ' if hedge else ''}{value} {noun}"
    filler = rng.choices(vocabulary, cum_weights=zipf, k=rng.randint(3, 12))
    context = "Oggi " + " ".join(rng.sample(names, rng.randint(2, 3)) + filler) + " " + text
    source = rng.choice(SOURCES)
    attribution = Attribution(source, source, "secondo", Span(0, 1)) if source else None
    q = Quantity(Span(0, len(text)), text, value, low, high, hedge == "circa", hedge, precision=Decimal(1))
    sentence = Span(100 * k, 100 * k + len(context))
    return Claim(doc, Span(sentence.start, sentence.start + len(text)), text, q, noun, None, attribution,
                 "planned" if rng.random() < 0.1 else "reported", sentence, context, date)


#: The million-claim case is out of the default run (minutes, gigabytes): QUANTITIES_BENCH_1M=1 runs it.
MILLION = pytest.param(1_000_000, marks=pytest.mark.skipif(
    not os.environ.get("QUANTITIES_BENCH_1M"), reason="set QUANTITIES_BENCH_1M=1 to run the 1M case"))


@pytest.mark.parametrize("n", [1_000, 10_000, 100_000, MILLION])
def test_reconcile_scaling(benchmark, n):
    claims = corpus(n)
    tracemalloc.start()
    t0 = time.perf_counter()
    result = benchmark.pedantic(reconcile, args=(claims,), rounds=1, iterations=1)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    benchmark.extra_info.update(claims=n, seconds=round(elapsed, 3), us_per_claim=round(elapsed / n * 1e6, 1),
                                peak_bytes_per_claim=peak // n, figures=len(result.figures),
                                findings=len(result.findings), unaligned=len(result.unaligned))
    print(f"\nreconcile {n:>7} claims: {elapsed:8.3f} s  {elapsed / n * 1e6:7.1f} us/claim  "
          f"{peak / n:7.0f} B/claim peak  {len(result.figures)} figures, {len(result.findings)} findings")
    assert result.figures
