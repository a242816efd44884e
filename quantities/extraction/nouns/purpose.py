"""What a sum of money is for: where the phrase starts that names it, after the sum ("69
miliardi in sovvenzioni", "5 miliardi sono destinati al rinnovo dei contratti", "11 billion
euros to extend a cut in payroll taxes") or fronted in its clause ("Per il cuneo fiscale
servono 10,7 miliardi", "Alla sanità vanno 3 miliardi"). The words are the pack's
``[nouns.purpose]``, ``purpose_verbs``, ``[nouns.fronted_purpose]``, ``allotting`` and ``not_purposes``; the
phrase itself is read by :func:`quantities.extraction.nouns.counted`."""

from __future__ import annotations

from bisect import bisect_left

from quantities.extraction.nouns.grammar import Grammar
from quantities.text.tokens import Tokens
from quantities.types import Span

#: Tokens that open a clause before a fronted purpose: "Ore 21.40 - Per il Ponte …".
CLAUSE_OPENERS = frozenset({":", "-", "–", "—", ";", "("})


def purpose_after(right: Tokens, kind: str, g: Grammar) -> tuple[int, str] | None:
    """Where the purpose phrase after a sum starts (an index of ``right``, the tokens after the
    figure) and its purpose word: past a copula before the word ("sono destinati al …"), a
    preposition after it ("destinati al nuovo capitolo") or a verb and its article ("per
    ridurre le aliquote", "to extend a cut"); a ``purpose_verbs`` word takes only a verb ("5
    billion euros to Ukraine" names a recipient), and none of ``not_purpose_verbs`` ("to keep
    the deficit under 3%")."""
    lows, words = right.lows, g.purpose.get(kind, frozenset())
    at = int(len(lows) > 1 and g.is_copula(lows[0]) and lows[1] in words)
    if at >= len(lows) or lows[at] not in words:
        return None
    word, at = lows[at], at + 1
    verb = at + 2 < len(lows) and lows[at] not in g.articles and lows[at + 1] in g.articles
    if word in g.purpose_verbs and (not verb or lows[at] in g.not_purpose_verbs):
        return None  # "to Ukraine": a recipient; "to keep the deficit under 3%": no purpose
    return at + (verb or (at + 1 < len(lows) and lows[at] in g.prepositions)), word


def purpose_fronted(toks: Tokens, figure: Span, kind: str, g: Grammar) -> tuple[int, str] | None:
    """Where the purpose phrase starts (an index of ``toks``, the sentence's tokens) that opens
    the figure's clause, when only a verb of ``allotting`` (and an aside between commas) stands
    between it and the figure: "Per il Ponte sullo Stretto, conferma Giorgetti, sono stanziati
    11,6 miliardi"; its phrase opens with an article ("per il", "alla") and is no source ("Per il
    governo servono 10 miliardi", "per Giorgetti"); not "per il 2024 la spesa sale a 10 miliardi" (a
    subject between)."""
    opens = g.fronted_purpose.get(kind)
    if not opens:
        return None
    lows, k = toks.lows, bisect_left(toks.starts, figure.start)
    start = next((i for i in range(k - 1, max(-1, k - 2 * g.max_words - 6), -1)
                  if lows[i] in opens and (i == 0 or lows[i - 1] in CLAUSE_OPENERS)), None)
    if start is None or start + 2 >= k or (lows[start] not in g.at_before and lows[start + 1] not in g.articles) \
            or (head := lows[start + 1 + (lows[start + 1] in g.articles)]) in g.source_heads \
            or head in g.not_purposes:
        return None  # "per Giorgetti", "per il governo": a source; "Alla fine vanno", "Per il momento"
    for end in range(start + 2, k):  # the verb after the phrase, past an aside set off by commas
        words = lows[end:k]
        if words and words[0] == ",":  # "Per il Ponte, conferma Giorgetti, sono stanziati"; "For the bridge, there are"
            close = next((j for j in range(end + 1, k) if lows[j] == ","), end)
            words = lows[close + 1:k]
        if tuple(words) in g.allotting and "," not in lows[start:end]:
            return start + 1, lows[start]
    return None
