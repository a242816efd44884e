"""A count its sentence gives as a share of a whole right after it: "Gli edifici coinvolti sono
circa 46mila, il 10% del totale nazionale", "46,000 buildings, or 10% of the total". The count
is a part (a region's, a sector's) of that whole, never the whole itself: its scope is the
share's phrase, so it meets no count of the whole (heldout9: a region's 46mila against the
country's 470mila). The words are the pack's ``[nouns] of``, ``articles`` and ``wholes``; the
link between the count and its share is a comma and, at most, one word ("or")."""

from __future__ import annotations

from bisect import bisect_left

from quantities.extraction.nouns.grammar import grammar
from quantities.lang import Pack
from quantities.text.tokens import Tokens
from quantities.types import Quantity


def of_whole(text: str, toks: Tokens, end: int, share: Quantity | None, lang: Pack) -> str | None:
    """The phrase of ``share`` ("10% del totale") when it is the share of a whole that stands
    right after a count that ends at ``end``: a comma, an article or one word between; the
    share followed by an "of" word, an article at most, one word at most and a whole."""
    if share is None or share.kind != "percent":
        return None
    g = grammar(lang)
    k = bisect_left(toks.starts, end)
    first = bisect_left(toks.starts, share.span.start)
    if k >= first or toks.lows[k] != "," or first - k > 3:
        return None
    after = bisect_left(toks.starts, share.span.end)
    at = after + (after < len(toks.lows) and toks.lows[after] in g.of)
    if at == after:
        return None
    at += at < len(toks.lows) and toks.lows[at] in g.articles
    at += at + 1 < len(toks.lows) and toks.lows[at + 1] in g.wholes and toks.texts[at].isalpha()  # "the national total"
    if at >= len(toks.lows) or toks.lows[at] not in g.wholes:
        return None
    phrase = text[share.span.start:toks.ends[at]]
    return phrase[next((i for i, ch in enumerate(phrase) if ch.isdigit()), 0):]  # not its hedge: "circa il 5%"
