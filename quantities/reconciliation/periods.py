"""A figure per a span of time: "6.000 veicoli l'ora", "200 treni al giorno", "10 miliardi
l'anno", "6,000 vehicles an hour". One figure (one key, one value) given per one span in one
article and per another in another is a wording conflict (:mod:`.wording`: "6.000 veicoli
l'ora" against "6.000 veicoli al giorno": one of them is wrong). The span is read right after
the claim, from the lexicon's ``[rate]`` hour, day, week, month and year phrases, unless a word
of ``[rate] spanless`` follows it ("l'anno scorso", "all'ora di pranzo", "a year ago": a time, no
rate), and never for a figure whose words stand twice in its sentence ("2 euro l'ora, e … 2 euro al
giorno": review35). The span is no part of a figure's key: one written without it, or with it further away
("1.500 euro netti al mese", "ogni giorno transitano 6.000 veicoli"), still meets it (review34)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quantities.lang.lexicon import Lexicon
from quantities.reconciliation.clauses import after, words_of
from quantities.text.i18n import _
from quantities.types import Claim

if TYPE_CHECKING:   # keys and messages read the clauses this module reads: items are read at the finding
    from quantities.reconciliation.keys import Item

#: The spans of time a rate may be per, as the lexicon's ``[rate]`` names them.
SPANS = ("hour", "day", "week", "month", "year")
#: Words after a figure read for its span.
SPAN_WORDS = 4


def period(c: Claim, lex: Lexicon) -> str | None:
    """The span of time the figure is per, when a phrase of one opens the words after it and no
    word of ``[rate] spanless`` follows that phrase."""
    if c.text and c.context.count(c.text) > 1:
        return None   # "2 euro l'ora, e … 2 euro al giorno": which one the words after it follow is not known
    words = [w.replace("\u2019", "'") for w in words_of(after(c))[:SPAN_WORDS]]
    for s in SPANS if words else ():
        at = lex.cue_at(f"rate_{s}", words)
        if at is not None and at[0] == 0:
            return None if lex.cue_at("rate_spanless", words[at[1]:at[1] + 1]) is not None else s
    return None


def spanned(across: list[tuple[Item, Item]]) -> tuple[str, list[Item], list[Item]] | None:
    """The message and claims of one figure given per two spans of time in two articles, else None."""
    from quantities.reconciliation import messages as say

    for p, q in across:
        one, other = period(p.claim, p.lexicon), period(q.claim, q.lexicon)
        if one is not None and other is not None and one != other:
            return _("one article gives it per {one}, the other per {other}, with the same number; "
                     "check which is meant").format(one=say.span(one), other=say.span(other)), [p], [q]
    return None
