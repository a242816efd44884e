"""A figure per a span of time: "6.000 veicoli l'ora", "200 treni al giorno", "10 miliardi
l'anno", "6,000 vehicles an hour". Its key carries the span ("vehicle (per hour)"), so that a
count per hour never meets the same count per day as one value; the same number given per
one span in one article and per another in another is a wording conflict (:mod:`.wording`:
"6.000 veicoli l'ora" against "6.000 veicoli al giorno", one of them is wrong). The spans are
the lexicon's ``[rate]`` hour, day, week, month and year phrases, read right after the claim."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quantities.lang.lexicon import Lexicon
from quantities.reconciliation.clauses import after, words_of
from quantities.text.i18n import _
from quantities.types import Claim

if TYPE_CHECKING:   # keys reads this module: the item and the messages are read at the finding
    from quantities.reconciliation.keys import Item

#: The spans of time a rate may be per, as the lexicon's ``[rate]`` names them.
SPANS = ("hour", "day", "week", "month", "year")
#: Words after a figure read for its span.
SPAN_WORDS = 3
#: How a key shows its span: "vehicle (per hour)".
MARK = " (per {span})"


def period(c: Claim, lex: Lexicon) -> str | None:
    """The span of time the figure is per, when a phrase of one opens the words after it."""
    words = [w.replace("\u2019", "'") for w in words_of(after(c))[:SPAN_WORDS]]
    if not words:
        return None
    return next((s for s in SPANS if (at := lex.cue_at(f"rate_{s}", words)) is not None and at[0] == 0), None)


def per(what: str, c: Claim, lex: Lexicon) -> str:
    """``what`` with the span of time the figure is per, if any."""
    span = period(c, lex)
    return what if span is None else what + MARK.format(span=span)


def spanned(across: list[tuple[Item, Item]]) -> tuple[str, list[Item], list[Item]] | None:
    """One number of one thing per two spans of time in two articles ("6.000
    veicoli l'ora", "6.000 veicoli al giorno"): one of them has the span wrong."""
    from quantities.reconciliation import messages as say

    for p, q in across:
        if p.key is not None and q.key is not None and (two := spans(p.key.what or "", q.key.what or "")):
            return _("one article gives it per {one}, the other per {other}, with the same number; "
                     "check which is meant").format(one=say.span(two[0]), other=say.span(two[1])), [p], [q]
    return None


def spans(a: str, b: str) -> tuple[str, str] | None:
    """The two spans of two keys that are one thing per two different spans, else None."""
    x, y = _split(a), _split(b)
    return (x[1], y[1]) if x[0] == y[0] and x[1] and y[1] and x[1] != y[1] else None


def _split(what: str) -> tuple[str, str | None]:
    for s in SPANS:
        if what.endswith(mark := MARK.format(span=s)):
            return what[:-len(mark)], s
    return what, None
