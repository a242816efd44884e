"""Context alignment: which claims speak of the same event, found without comparing all pairs.

A claim's context is the set of content words of its sentence (stop words, numbers,
the counted noun and the source's name left out), folded with the lexicon. Words are
weighted by inverse document frequency over the contexts of the corpus, so that words
every sentence shares count for little. Two contexts are compared by the cosine of
their weighted word sets (see :meth:`Weights.similarity`).

Candidates are generated inside a block (claims that already agree on kind, unit and
concept family): a small block is compared pair by pair; a large one through an
inverted index on each claim's rarest words, skipping words shared by more than
``max_postings`` claims of the block (too common to tell events apart). The work grows with the number of claims, not with its square.

>>> idf = Weights.of([frozenset({"kursk", "invi"}), frozenset({"kursk", "gaza"})])
>>> round(idf.similarity(frozenset({"kursk", "invi"}), frozenset({"kursk", "invi"})), 2)
1.0
>>> idf.similarity(frozenset({"kursk"}), frozenset({"gaza"}))
0.0
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from quantities.lang.lexicon import Lexicon
from quantities.types import Claim


def context_of(claim: Claim, lexicon: Lexicon) -> frozenset[str]:
    """The folded content words of a claim's sentence, minus its own words and its source.

    >>> from quantities.types import Quantity, Span
    >>> from decimal import Decimal as D
    >>> q = Quantity(Span(0, 5), "5.000", D(5000), D(5000), D(5000))
    >>> c = Claim("d", Span(0, 5), "5.000 soldati", q, "soldati", "soldato", None, "reported",
    ...           Span(0, 40), context="Il Nord ha inviato 5.000 soldati a Kursk")
    >>> sorted(context_of(c, Lexicon.load("it")))
    ['invi', 'kursk', 'nord']
    """
    words = set(lexicon.content(claim.context))
    words.difference_update(lexicon.content(claim.text))
    if claim.noun:
        words.difference_update(lexicon.content(claim.noun))
    if claim.attribution is not None:
        words.difference_update(lexicon.content(claim.attribution.source))
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class Weights:
    """Inverse document frequency of context words over one corpus."""

    idf: dict[str, float]
    unseen: float

    @classmethod
    def of(cls, contexts: Iterable[frozenset[str]]) -> Weights:
        """Weights from the distinct contexts of a corpus: ln(1 + N / df)."""
        df: Counter[str] = Counter()
        n = 0
        for words in contexts:
            n += 1
            df.update(words)
        return cls({w: math.log1p(n / d) for w, d in df.items()}, math.log1p(max(n, 1)))

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.unseen)

    def norm(self, words: frozenset[str]) -> float:
        return math.sqrt(sum(self.weight(w) ** 2 for w in words))

    def similarity(self, a: frozenset[str], b: frozenset[str], norm_a: float | None = None,
                   norm_b: float | None = None) -> float:
        """Shared weight over the geometric mean of the cosine's and the overlap's norms.

        Between cosine (fair to sentences of like length) and overlap coefficient (fair
        to a short sentence that another article pads with more words); 0 when no word
        is shared.
        """
        shared = a & b
        if not shared:
            return 0.0
        na = self.norm(a) if norm_a is None else norm_a
        nb = self.norm(b) if norm_b is None else norm_b
        return sum(self.weight(w) ** 2 for w in shared) / math.sqrt(na * nb * min(na, nb) ** 2)

    def rarest(self, words: frozenset[str], k: int) -> list[str]:
        """The ``k`` words with the highest weight (ties broken by the word, for stability)."""
        return sorted(words, key=lambda w: (-self.weight(w), w))[:k]


def candidate_pairs(
    members: Sequence[int],
    words: Callable[[int], frozenset[str]],
    weights: Weights,
    *,
    small: int,
    top: int,
    max_postings: int,
) -> Iterator[tuple[int, int]]:
    """Pairs of ``members`` worth comparing, each once, smaller index first.

    >>> ctx = {0: frozenset({"kursk"}), 1: frozenset({"kursk"}), 2: frozenset({"gaza"})}
    >>> w = Weights.of(ctx.values())
    >>> sorted(candidate_pairs([0, 1, 2], ctx.__getitem__, w, small=1, top=3, max_postings=10))
    [(0, 1)]
    """
    if len(members) <= small:
        yield from itertools.combinations(sorted(members), 2)
        return
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for m in sorted(members):
        for w in weights.rarest(words(m), top):
            postings[w].append(m)
    seen: set[tuple[int, int]] = set()
    for posting in postings.values():
        if len(posting) > max_postings:
            continue
        for pair in itertools.combinations(posting, 2):
            if pair not in seen:
                seen.add(pair)
                yield pair
