"""The cues of time in a figure's clause: it moved ("sale a", "ha esteso il divieto … a 72
ore"), or the sentence overtakes it with the value now ("erano 300: ora 260"). Read once a
claim by :func:`quantities.reconciliation.keys.prepare`; the cue phrases are the lexicon's
``[time]`` tables.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from quantities.lang.lexicon import Lexicon
from quantities.reconciliation.clauses import WORD
from quantities.types import Claim

#: The cues of time a clause before a figure is read for (keys.prepare): it moved, or is an earlier value.
TIME_CUES = ("rising", "falling", "superseded", "lengthened", "shortened")
#: The cues of a move and the way each says the figure moved; a term a decision lengthens or
#: shortens moves only a span of time (:func:`moved`).
MOVES = (("rising", "rising"), ("falling", "falling"), ("lengthened", "rising"), ("shortened", "falling"))


def moved(words: Sequence[str], kind: str, lex: Lexicon, figured: bool = False) -> str | None:
    """How the clause ``words`` (folded) says its figure moved, "rising" or "falling", else None:
    the lexicon's ``[time]`` cues of a move; those of a term a decision lengthens or shortens
    only for a span of time ("il Comune ha esteso il divieto … a 72 ore", "the walkout to be cut
    to four hours"; not "ha prorogato l'ordinanza e gli sfollati sono 400", "power was cut to
    20,000 homes"), and with no other figure before it in its clause (``figured``: "il percorso è
    stato ridotto a 2 km e lo sciopero è di 4 ore") nor a verb of its own after the cue ("la Cgil
    ha esteso la protesta alla scuola e lo sciopero è di 24 ore": ``[time] clause_verbs``)."""
    decided = kind == "duration" and not figured
    for cue, way in MOVES:
        found = lex.cue_at(cue, words) if decided or cue == way else None
        if found is not None and (cue == way or not lex.cue("clause_verbs", words[found[1]:])):
            return way   # not "la Cgil ha esteso la protesta … e lo sciopero è di 24 ore": its own verb
    return None


def timed(words: Sequence[str], lex: Lexicon) -> bool:
    """Whether ``words`` (folded) hold a word that begins a phrase of one of TIME_CUES (told in C)."""
    return not _time_words(lex).isdisjoint(words)


@functools.lru_cache(maxsize=16)
def _time_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(phrase[0] for name in TIME_CUES for phrase in lex.cues.get(name, ()))


#: Characters after a figure read for the current value that overtakes it (:func:`overtaken`).
OVERTAKEN_WINDOW = 40


def overtaken(c: Claim, lex: Lexicon) -> bool:
    """Whether the claim's sentence goes on, right after it, to the value now (a ``[time]
    current`` cue, then a figure within three words that counts the same thing or names
    nothing): "I negozi chiusi … erano 300: ora 260 hanno riaperto" gives 300 as the earlier
    state, not a rival of "ancora chiusi sono 40"; not "i morti sono 11, ora 2 i dispersi"."""
    at = c.context.find(c.text) if c.text else -1
    if at < 0:
        return False
    piece = c.context[at + len(c.text):at + len(c.text) + OVERTAKEN_WINDOW]
    first = WORD.search(piece)
    if first is None or piece[:first.start()].strip(" :;,") or not lex.cue("current", (first[0].casefold(),)):
        return False
    rest = piece[first.end():].split()[:3]
    at_digit = next((n for n, w in enumerate(rest) if w[:1].isdigit()), None)
    if at_digit is None:
        return False
    own = lex.read(c.noun)   # the value now counts the same thing, or names nothing: not "ora 2 i dispersi"
    named = [r for w in rest[at_digit + 1:] if (r := lex.read(w.strip(".,;:"))) is not None and r.known]
    return not named or (own is not None and all(r.concept == own.concept for r in named))
