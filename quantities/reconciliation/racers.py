"""Whose a race time is: a time in hours, minutes and seconds ("2h24'35\"", "2:24:36") that a
verb of finishing puts after the lexicon's ``[time] finished`` ("ha chiuso in", "clocking") is
the time of the runner named last in its clause ("sotto gli occhi del sindaco Roberto Gualtieri, la
keniana Ivyne Lagat ha chiuso in 2h24'35\""), else, when the clause names no one, the one its
sentence names first ("il tempo di Ivyne Lagat: la keniana ha vinto in 2h24'36\""); "Allenato da
Renato Canova, Rutto ha chiuso in …" names no runner (a surname alone). Two articles' times of one
runner are one figure. A name that is a place or opens with one is a race's ("ha vinto la Maratona
di New York in 2:04:58"), no runner's; a split ("è passato in 1h02'37\""), a personal best ("il suo
vecchio personale di 2h41'54\"") or a record beaten ("beating the 2:06:48") has no cue and is keyed
as any duration is.
"""

from __future__ import annotations

from quantities.extraction.numbers.racetimes import SECOND
from quantities.lang.lexicon import Lexicon
from quantities.lang.places import Places
from quantities.reconciliation.ages import person
from quantities.reconciliation.clauses import WORD
from quantities.types import Claim, Quantity

#: The key of a runner's time ("race time of ivyne lagat").
RACE_OF = "race time of "
#: How many words before a race time its finishing cue may span ("ha chiuso in", "taglia il traguardo in").
FINISHED = 3


def runner(c: Claim, before: str, lex: Lexicon) -> str | None:
    """The key of the race time ``c`` by its runner, else None (``before``: its clause's words
    before the figure)."""
    if not written_with_marks(c.quantity):
        return None   # "tre ore e 44 minuti" is no race time
    words = [w.casefold() for w in WORD.findall(before)][-FINISHED:]
    if (cue := lex.cue_at("finished", words)) is None or cue[1] != len(words):
        return None   # the cue ends right before the figure
    clause = WORD.findall(before)
    runs = _names(clause, lex)
    if not runs and not any(w[:1].isupper() for w in clause):   # "… di Ivyne Lagat: la keniana ha vinto in"
        at = c.context.find(c.text)
        runs = _names(WORD.findall(c.context[:at] if at > 0 else before), lex)[:1]
    return RACE_OF + person(runs[-1]) if runs else None


def written_with_marks(q: Quantity) -> bool:
    """Whether ``q`` is a race time as the numbers reader reads one: seconds written with marks and
    no unit word ("2h24'35\"", "2:24:35"; not "20 secondi")."""
    return q.unit == SECOND and not any(ch.isalpha() for ch in q.text.replace("h", ""))


def gap(q: Quantity) -> bool:
    """Whether ``q`` is a race time with its marks under an hour ("a 1'08\"", "15'24\""): a gap or a short
    stage's time, whose word before names no one (review47: two riders' gaps met); a marathon's "2h00'35\""
    keeps the word before it as its key (review48: a time misprinted in one article was lost)."""
    return written_with_marks(q) and q.value is not None and q.value < HOUR


#: Seconds in an hour: a race time written with marks under it is a gap or a short stage's.
HOUR = 3600


def _names(words: list[str], lex: Lexicon) -> list[list[str]]:
    """The runs of two or more capitalised words the lexicon does not know, no place nor opening
    with one ("Ivyne Lagat"; not "New York City Marathon"): a surname alone is as often a team."""
    runs: list[tuple[int, int]] = []
    for k, w in enumerate(words):
        if w[:1].isupper() and w.casefold() not in lex.stopwords and not ((r := lex.read(w)) and r.known):
            runs.append((runs.pop()[0], k + 1) if runs and runs[-1][1] == k else (k, k + 1))
    places = Places.default()
    return [words[a:b] for a, b in runs if b - a > 1 and not places.known(" ".join(words[a:a + 2]))
            and not places.known(words[a])]
