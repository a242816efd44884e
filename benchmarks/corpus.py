"""A varied synthetic corpus of Italian news text, built from the seed articles.

Sentences of the seeds are shuffled across articles and their figures changed, so the
extractor sees new numbers, hedges and sources rather than the same five texts again.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
NUMBER = re.compile(r"\d[\d.]*")
EXTRA = [
    "Secondo la Protezione civile, circa 300 persone sono state evacuate e 2.700 sono rimaste senza casa.",
    "Il bilancio è salito a 47 morti e oltre 120 feriti, ha riferito il ministero della Salute.",
    "L'Istat stima che l'80% delle famiglie abbia speso 1,5 milioni di euro in più, pari al 2,3 per cento.",
    "Le autorità hanno detto che tra 30 e 40 migranti sono stati soccorsi a 12 km dalla costa.",
    "Il governo prevede di stanziare 5 miliardi di dollari e di inviare migliaia di tonnellate di aiuti.",
    "La scossa di magnitudo 6,5 è stata avvertita alle 7.40 del 13/08/2025, riporta l'Ansa.",
]


def sentences() -> list[str]:
    out = list(EXTRA)
    for path in sorted(SEEDS.iterdir()):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", line) if len(s.strip()) > 20]
    return out


def _vary(sentence: str, rng: random.Random) -> str:
    def change(m: re.Match[str]) -> str:
        digits = m.group().replace(".", "")
        if not digits.isdigit() or len(digits) == 4:  # leave years alone
            return m.group()
        n = max(1, int(int(digits) * rng.uniform(0.5, 1.5)))
        return f"{n:,}".replace(",", ".")

    return NUMBER.sub(change, sentence)


def documents(count: int, *, seed: int = 7, per_doc: int = 12) -> list[str]:
    """``count`` articles of ``per_doc`` varied sentences each."""
    rng = random.Random(seed)
    pool = sentences()
    return [" ".join(_vary(rng.choice(pool), rng) for _ in range(per_doc)) for _ in range(count)]


def text(size: int, *, seed: int = 7) -> str:
    """About ``size`` characters of paragraphs."""
    parts: list[str] = []
    total = 0
    for doc in iter(lambda: documents(50, seed=seed + len(parts)), None):
        for d in doc:
            parts.append(d)
            total += len(d) + 2
            if total >= size:
                return "\n\n".join(parts)
    raise AssertionError("unreachable")
