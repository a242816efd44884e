"""Respective lists: "si eleggono 400 deputati e 200 senatori, contro i 630 e i 315
dell'ultima tornata" — the figures of a list after a comparison count, one by one, what the
figures of the list before it count (630 deputati, 315 senatori); and pairs: the first figure of
"da quattro a tre aliquote" counts what the second does; a figure that restates the one before it
("4.050 metri cubi di emulsioni oleose, cioè oltre 4 milioni di litri") counts what that one does."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from quantities.extraction.nouns.grammar import Grammar, grammar
from quantities.extraction.nouns.left import compared
from quantities.lang import Pack, units
from quantities.text.tokens import Tokens
from quantities.types import Quantity, Span

#: How many tokens before a figure its comparison word may stand ("a fronte dei" + article).
REACH = 6
#: How many tokens a restated figure's noun may take before the comma ("4.050 metri cubi di emulsioni oleose, cioè").
RESTATED_REACH = 6


def paired(figures: Sequence[Quantity], *, lang: str | Pack, toks: Tokens) -> dict[int, int]:
    """For each figure of a sentence that reuses the noun of a figure before it, that figure's
    index: a conversion in brackets right after it ("24 billion euros ($25.3 billion)", "47 miglia
    (87 km)": one amount in two units of one dimension), a restatement after a comma (:func:`_restates`:
    "di 14mila unità, pari al 3,6%") and, in a sentence of four figures or more, a :func:`respective` list."""
    g = grammar(lang)
    out = {i: i - 1 for i in range(1, len(figures))
           if _converts(figures[i - 1], figures[i], toks) or _restates(figures[i - 1], figures[i], toks, g)}
    return out | respective([q.span for q in figures], lang=lang, toks=toks) if len(figures) > 3 else out


def _restates(before: Quantity, q: Quantity, toks: Tokens, g: Grammar) -> bool:
    """``q`` says ``before`` again, in another unit or as a share, after a comma and one of the pack's
    ``[nouns] restating`` words ("1,2 miliardi di euro, pari a circa 1,3 miliardi di dollari", "14mila
    unità, pari al 3,6%", "24 billion euros, or 3% of output"), the comma at most
    :data:`RESTATED_REACH` tokens past ``before``. A count is no restatement ("12 soldati, cioè 3 ufficiali e 9
    sottufficiali" breaks the figure down), nor a figure with a noun of its own ("12 milioni di spettatori, pari
    al 66% di share"), nor a change ("180 euro, cioè 40 euro in meno": ``[nouns.change_after]``)."""
    if q.unit is None:
        return False
    k = bisect_left(toks.starts, q.span.start)
    comma = next((k - len(p) - 1 for p in g.restating if k - len(p) > 1 and toks.lows[k - len(p) - 1] == ","
                  and tuple(toks.lows[k - len(p):k]) == p), 0)
    after = bisect_left(toks.starts, before.span.end)
    if not after <= comma <= after + RESTATED_REACH or "," in toks.lows[after:comma]:
        return False
    end = bisect_left(toks.starts, q.span.end)   # past the figure: a noun of its own, or a change
    return not ((end < len(toks.lows) and toks.lows[end] in g.of)
                or any(" ".join(toks.lows[end:end + n]) in g.change_after for n in range(1, g.change_longest + 1)))


def _converts(before: Quantity, q: Quantity, toks: Tokens) -> bool:
    """``q`` is ``before`` in another unit of its dimension, in brackets right after it."""
    if before.unit is None or q.unit is None or before.unit == q.unit \
            or units.dimension(before.unit) != units.dimension(q.unit):
        return False
    k = bisect_left(toks.starts, q.span.start)
    return k > 0 and toks.lows[k - 1] == "(" and toks.ends[k - 2 if k > 1 else 0] == before.span.end


def respective(figures: list[Span], *, lang: str | Pack, toks: Tokens) -> dict[int, int]:
    """For each figure of a compared list of two or more (``figures`` are one sentence's,
    ``toks`` its tokens), the index of the figure before the comparison whose noun it reuses.

    >>> from quantities.text.tokens import tokens
    >>> s = "Si eleggono 400 deputati e 200 senatori, contro i 630 e i 315 di allora."
    >>> spans = [Span(s.index(n), s.index(n) + len(n)) for n in ("400", "200", "630", "315")]
    >>> respective(spans, lang="it", toks=tokens(s))
    {2: 0, 3: 1}
    """
    g = grammar(lang)
    out: dict[int, int] = {}
    for i in range(1, len(figures)):
        k = bisect_left(toks.starts, figures[i].start)  # toks.index
        if i in out or not compared(toks.lows[max(0, k - REACH):k], g):
            continue
        m = 1
        while i + m < len(figures) and _joined(toks, figures[i + m - 1], figures[i + m], g.conj, g.articles):
            m += 1
        if m >= 2 and i - m >= 0:
            out.update({i + k: i - m + k for k in range(m)})
    return out


def _joined(toks: Tokens, before: Span, after: Span, conj: frozenset[str], articles: frozenset[str]) -> bool:
    """Only a coordinator or a comma, and an article, stand between two figures."""
    between = toks.lows[toks.index(before.end):toks.index(after.start)]
    return 1 <= len(between) <= 2 and (between[0] in conj or between[0] == ",") and all(
        w in articles for w in between[1:])


def second_of_pair(left: Tokens, right: Tokens, g: Grammar) -> int | None:
    """Where the noun of the second figure of a pair starts ("da quattro a tre aliquote", "from
    300 to 500 beds"), when the figure is the pair's first; else None."""
    lows = right.lows
    first = bool(left.lows) and left.lows[-1] in g.change_from and len(lows) > 2 and lows[0] in g.change_to
    return 2 if first and (right.texts[1][:1].isdigit() or g.is_numeral(lows[1])) else None
