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
import os
import itertools
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
    """``n`` claims: about five per event, three per document, filler words drawn
    from 5.000 with Zipf frequencies, as in running text. ``events_of`` collects each
    claim's event, to check the alignment."""
    rng = random.Random(seed)
    vocabulary = [word(rng) for _ in range(5000)]
    zipf = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    start = dt.date(2024, 1, 1)
    claims: list[Claim] = []
    events = max(n // 5, 1)
    event_rows = []
    for e in range(events):
        # the event's own words (places, people) are rare; the filler is common
        words = [letters(e) + word(rng) for _ in range(4)] + rng.sample(vocabulary, 2)
        value = Decimal(rng.choice([10, 50, 120, 300, 1000, 5000, 15000]) * rng.randint(1, 9))
        event_rows.append((words, rng.choice(NOUNS), value, start + dt.timedelta(days=rng.randint(0, 700))))
    for i in range(n):
        event = rng.randrange(events)
        if events_of is not None:
            events_of.append(event)
        words, noun, value, date = event_rows[event]
        doc = f"doc{i // 3:06d}"
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
        context = " ".join(rng.sample(words, rng.randint(3, 6)) + filler) + " " + text
        source = rng.choice(SOURCES)
        attribution = Attribution(source, source, "secondo", Span(0, 1)) if source else None
        q = Quantity(Span(0, len(text)), text, value, low, high, hedge == "circa", hedge)
        sentence = Span(100 * (i % 3), 100 * (i % 3) + len(context))
        claims.append(Claim(
            doc, Span(sentence.start, sentence.start + len(text)), text, q, noun, None, attribution,
            "planned" if rng.random() < 0.1 else "reported", sentence, context,
            date + dt.timedelta(days=rng.randint(0, 3)),
        ))
    return claims


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
