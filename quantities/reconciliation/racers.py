"""Whose a race time is: a time in hours, minutes and seconds ("2h24'35\"", "2:24:36") that a
verb of finishing puts after the lexicon's ``[time] finished`` ("ha chiuso in", "clocking") is
the time of the runner named last before it in its sentence ("Ivyne Lagat ha chiuso in 2h24'35\"";
"il tempo di Ivyne Lagat: la keniana ha vinto in 2h24'36\""): two articles' times of one runner
are one figure. A race time with no such cue ("il suo vecchio personale di 2h41'54\"", "beating
the 2:06:48 set by …") is keyed as any duration is.
"""

from __future__ import annotations

from quantities.lang.lexicon import Lexicon
from quantities.reconciliation.ages import person
from quantities.reconciliation.clauses import WORD
from quantities.types import Claim

#: The key of a runner's time ("race time of ivyne lagat").
RACE_OF = "race time of "
#: The unit of a race time, as the numbers reader gives it.
SECOND = "second"


def runner(c: Claim, before: str, lex: Lexicon) -> str | None:
    """The key of the race time ``c`` by its runner, else None (``before``: its clause's words
    before the figure)."""
    if c.quantity.unit != SECOND or any(ch.isalpha() for ch in c.quantity.text.replace("h", "")):
        return None   # "tre ore e 44 minuti" is no race time written with marks
    words = WORD.findall(before)
    if not words or not lex.cue("finished", words[-1:]):
        return None
    at = c.context.find(c.text)
    name = _last_name(WORD.findall(c.context[:at] if at > 0 else before), lex)
    return RACE_OF + person(name) if name else None


def _last_name(words: list[str], lex: Lexicon) -> list[str]:
    """The last run of two or more capitalised words the lexicon does not know ("Ivyne Lagat"),
    else none (a surname alone is as often a place or a team)."""
    runs: list[tuple[int, int]] = []
    for k, w in enumerate(words):
        if w[:1].isupper() and w.casefold() not in lex.stopwords and not ((r := lex.read(w)) and r.known):
            runs.append((runs.pop()[0], k + 1) if runs and runs[-1][1] == k else (k, k + 1))
    return next((words[a:b] for a, b in reversed(runs) if b - a > 1), [])
