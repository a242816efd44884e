"""Two nouns the lexicon does not know, under one number (:mod:`.wording`): whether their
sentences share enough words to be one figure worded two ways, whether one is the other with
words added ("utenze", "utenze disalimentate": a qualifier), whether they share their head."""

from __future__ import annotations

from collections.abc import Iterator

from quantities.reconciliation.align import context_of
from quantities.reconciliation.keys import Item


def close_pairs(pairs: list[tuple[Item, Item]], need: int) -> Iterator[tuple[Item, Item]]:
    """The pairs whose sentences share ``need`` content words or more, in order; each
    claim's words read once (a claim stands in many pairs)."""
    words: dict[int, frozenset[str]] = {}
    for p, q in pairs:
        for i in (p, q):
            if id(i) not in words:
                words[id(i)] = context_of(i.claim, i.lexicon)
        if len(words[id(p)] & words[id(q)]) >= need:
            yield p, q


def narrowed(x: Item, y: Item) -> tuple[Item, Item] | None:
    """The narrower and the wider of two nouns the lexicon does not know, when one is the
    other with words added after it ("utenze disalimentate", "utenze"), else None."""
    words = [i.lexicon.content(i.claim.noun or "") for i in (x, y)]
    short, long = sorted(((len(w), k) for k, w in enumerate(words)))
    if short[0] == 0 or short[0] == long[0] or words[long[1]][:short[0]] != words[short[1]]:
        return None
    return (x, y) if long[1] == 0 else (y, x)


def one_head(x: Item, y: Item) -> bool:
    """Whether two nouns share their first content word ("superficie non boscata", "superficie urbana")."""
    return (heads := [i.lexicon.content(i.claim.noun or "")[:1] for i in (x, y)])[0] == heads[1] != []


def is_unknown(what: str | None) -> bool:
    """A key the lexicon made from the words themselves (``it:carrozz``), not a concept."""
    return what is None or (len(what) > 3 and what[2] == ":")
