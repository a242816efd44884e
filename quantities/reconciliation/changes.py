"""What a figure's clause says of it against another value: the old value of a change the
article states ("le risorse passano da 191,5 a 194,4 miliardi", "Salgono dal 37,5% al 39,5%")
and the term of a comparison ("contro il 37,5%", "up from 8%"), from the words before it."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from quantities import lang as langs
from quantities.text.fold import low
from quantities.text.phrases import by_last


@functools.cache
def _change_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the pack's pairs ("da", "from") and its verbs of change
    (``[numbers.ranges]``), for a lexicon whose language has a pack."""
    if lang not in langs.available():
        return frozenset(), frozenset()
    pack = langs.load(lang)
    return frozenset(low(p[0]) for p in pack.get("numbers.ranges.pairs", [])), \
        langs.word_set(pack, "numbers.ranges.change")


def old_of_change(words: Sequence[str], lang: str) -> bool:
    """Whether the figure is the old value of a change ("le risorse passano da 191,5 a
    194,4 miliardi", "Salgono dal 37,5% al 39,5%"): an earlier value, not a current one."""
    openers, verbs = _change_words(lang)
    return bool(words) and words[-1] in openers and any(w in verbs for w in words[-3:-1])


@functools.cache
def _compared_words(lang: str) -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """The pack's articles and its words that make a figure the term of a comparison
    (``[nouns] compared``), as the folded words of a clause ("dall'" as "dall"), by their
    last word."""
    if lang not in langs.available():
        return frozenset(), {}
    pack = langs.load(lang)
    articles = frozenset(low(w).rstrip("'’") for w in pack.get("nouns.articles", []))
    folded = (tuple(low(p).rstrip("'’").split()) for p in pack.get("nouns.compared", []))
    return articles, by_last(words for words in folded if words)


def compared(words: Sequence[str], lang: str) -> bool:
    """Whether the figure is the term of a comparison ("contro il 37,5%", "up from 8%"): the
    clause before it ends on a comparison word, and at most two articles."""
    articles, ending = _compared_words(lang)
    k = len(words)
    while k > 0 and len(words) - k < 2 and words[k - 1] in articles:
        k -= 1
    return k > 0 and any(len(p) <= k and tuple(words[k - len(p):k]) == p for p in ending.get(words[k - 1], ()))
