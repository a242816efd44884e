"""An impersonal count or estimate in a clause that a named source opens: that source's.

"Secondo Confagricoltura Pavia, nelle stalle della provincia si contano circa 230mila suini",
"In Italia, secondo la Coldiretti, si stima un calo del 14%", "According to police, it is
estimated that 3,000 people attended": the impersonal verb (one of the pack's ``[attribution]
impersonal_owned``: counting, estimating) names no one of its own, and the forward cue that opens
its clause (at most ``[attribution] opening_words`` words after the sentence's start or a clause
break) governs its figures. Not a form of hearsay ("…, secondo la Coldiretti, si parla di perdite":
RULES.md, impersonal forms give null), not across a clause break ("Secondo la Coldiretti il vino è
buono; si stima …"), nor past a word that opens another clause in the impersonal's stretch after the
last comma before it (``[attribution] owned_breaks``: "…, anche se si contano ancora 40 sfollati", "i
paesi dove si contano 300 sfollati"), or a coordinator right after that comma (``owned_coordinators``:
"…, e si stima che servano 30 milioni": review45; not "tra Emilia e Romagna si contano", nor an aside
closed before it, "Secondo l'Ance, che rappresenta i costruttori, si contano …": review46),
not a source that closes a clause before it ("La qualità è buona, secondo la Coldiretti, si stima …":
the forward cue does not open the clause).

>>> from quantities.extraction.attribution.cues import scan
>>> text = "In Italia, secondo la Coldiretti, si stima un calo del 14%."
>>> [f.source for f in owned(text, Span(0, len(text)), scan(text, Span(0, len(text))), "it")]
['Coldiretti']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quantities.extraction.attribution.cues import breaks_of
from quantities.extraction.attribution.grammar import Found, grammar
from quantities.lang import Pack, per_pack
from quantities.types import Span

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Owned:
    cues: frozenset[str]   # the impersonal cues a named source opening their clause owns
    opening: int           # how many words may stand before that source's cue in its clause
    breaks: frozenset[str]  # words that open another clause in the cue's stretch after the last comma
    coordinators: frozenset[str]  # … and words that do right after that comma


@per_pack("attribution")
def _words(pack: Pack) -> _Owned:
    return _Owned(frozenset(w.casefold() for w in pack.words("attribution.impersonal_owned", ())),
                  int(pack.table("attribution").get("opening_words", 0)),
                  frozenset(w.casefold() for w in pack.words("attribution.owned_breaks", ())),
                  frozenset(w.casefold() for w in pack.words("attribution.owned_coordinators", ())))


def owned(text: str, sentence: Span, found: list[Found], lang: str | Pack) -> list[Found]:
    """``found`` (one sentence's cues, in order) without the impersonal cues of counting whose
    clause a named forward cue opens: that cue then governs their figures."""
    words = _words(lang)
    if not words.cues or not any(f.impersonal and f.cue in words.cues for f in found):
        return found   # most sentences: told at once
    breaks = breaks_of(text, sentence, grammar(lang).breaks)
    out: list[Found] = []
    for f in found:
        named = out[-1] if out else None
        if f.impersonal and f.cue in words.cues and named is not None and _opens(text, sentence, named, f,
                                                                                breaks, words):
            continue
        out.append(f)
    return out


def _opens(text: str, sentence: Span, named: Found, impersonal: Found, breaks: list[int], words: _Owned) -> bool:
    """Whether ``named`` is a forward cue with a source that opens the clause ``impersonal`` stands in."""
    cue = named.cue_span.start
    if named.impersonal or named.unsaid or not named.source or named.span.start < cue:
        return False   # no source, or a verb after its subject ("la Coldiretti ha detto")
    start = max([b + 1 for b in breaks if b < cue], default=sentence.start)
    if any(cue < b < impersonal.cue_span.start for b in breaks):
        return False
    comma = text.rfind(",", named.span.end, impersonal.cue_span.start)
    stretch = [w.casefold() for w in _WORD.findall(text, max(comma, named.span.end), impersonal.cue_span.start)]
    opened = any(w in words.breaks for w in stretch) or (
        comma >= 0 and bool(stretch) and stretch[0] in words.coordinators)
    return len(_WORD.findall(text, start, cue)) <= words.opening and not any(
        c.isdigit() for c in text[start:cue]) and not opened
