"""Two nouns the lexicon does not know, under one number (:mod:`.wording`): whether their
sentences share enough words to be one figure worded two ways, whether one is a dimension said
of the other's thing ("un peso complessivo di 190 chili"), whether they share their head."""

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


def weighed(x: Item, y: Item) -> bool:
    """Whether one of two measures names a dimension (a concept the lexicon marks ``measure``: "un
    peso complessivo di 190 chili") in a sentence that names the other's thing ("… di pasticche di
    anfetamine, per un peso complessivo di 190 chili" against "190 chili di anfetamine"): one
    figure, no wording conflict; not when the thing is another ("hashish e marijuana, per un peso
    complessivo di 190 chili" against "190 chili di cocaina")."""
    for dim, thing in ((x, y), (y, x)):
        head = thing.lexicon.content(thing.claim.noun or "")[:1]
        measured = dim.reading is not None and dim.reading.measure
        if measured and head and head[0] in dim.lexicon.content(dim.claim.context):
            return True
    return False


def one_head(x: Item, y: Item) -> bool:
    """Whether two nouns share their first content word ("superficie non boscata", "superficie urbana")."""
    return (heads := [i.lexicon.content(i.claim.noun or "")[:1] for i in (x, y)])[0] == heads[1] != []


def is_unknown(what: str | None) -> bool:
    """A key the lexicon made from the words themselves (``it:carrozz``), not a concept."""
    return what is None or (len(what) > 3 and what[2] == ":")
