"""An impersonal count or estimate in a clause that a named source opens: that source's.

"Secondo Confagricoltura Pavia, nelle stalle della provincia si contano circa 230mila suini",
"In Italia, secondo la Coldiretti, si stima un calo del 14%", "According to police, it is
estimated that 3,000 people attended": the impersonal verb (one of the pack's ``[attribution]
impersonal_owned``: counting, estimating) names no one of its own, and the forward cue that opens
its clause (at most ``[attribution] opening_words`` words after the sentence's start or a clause
break) governs its figures. Not a form of hearsay ("…, secondo la Coldiretti, si parla di perdite":
RULES.md, impersonal forms give null), not across a clause break ("Secondo la Coldiretti il vino è
buono; si stima …"), nor past a word that opens another clause between the source and the cue
(``[attribution] owned_breaks``: "…, anche se si contano ancora 40 sfollati", "i paesi dove si contano
300 sfollati", "…, ma, nel quartiere Borgo, si contano": review45, review47; not one inside an aside,
"nei comuni dove l'acqua ha invaso le strade,": review48), or a coordinator right
after a comma (``owned_coordinators``: "…, e si stima che servano 30 milioni"; not "tra Emilia e Romagna
si contano", nor a relative's aside closed before the cue, "Secondo l'Ance, che rappresenta i
costruttori, si contano …": review46), nor a source that closes a clause before it ("La qualità è
buona, secondo la Coldiretti, si stima …": the forward cue does not open the clause).

>>> from quantities.extraction.attribution.cues import scan
>>> text = "In Italia, secondo la Coldiretti, si stima un calo del 14%."
>>> [f.source for f in owned(text, Span(0, len(text)), scan(text, Span(0, len(text))), "it")]
['Coldiretti']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quantities.extraction.attribution.grammar import Found, grammar
from quantities.lang import Pack, per_pack, schema
from quantities.types import Span

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Owned:
    cues: frozenset[str]   # the impersonal cues a named source opening their clause owns
    opening: int           # how many words may stand before that source's cue in its clause
    breaks: frozenset[str]  # words that open another clause in the cue's stretch or an aside ("anche se", "ma")
    coordinators: frozenset[str]  # … and words that do right after a comma (", e si stima")
    relatives: frozenset[str]  # words that open an aside, which a comma before the cue closes ("che")


@per_pack("attribution")
def _words(pack: Pack) -> _Owned:
    return _Owned(frozenset(w.casefold() for w in pack.words("attribution.impersonal_owned", ())),
                  schema.integer(pack.get("attribution.opening_words", 0), "attribution.opening_words", pack.error),
                  frozenset(w.casefold() for w in pack.words("attribution.owned_breaks", ())),
                  frozenset(w.casefold() for w in pack.words("attribution.owned_coordinators", ())),
                  frozenset(w.casefold() for w in pack.words("attribution.relatives", ())))


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
    segments = [_WORD.findall(part.casefold()) for part in text[named.span.end:impersonal.cue_span.start].split(",")]
    return len(_WORD.findall(text, start, cue)) <= words.opening and not any(c.isdigit() for c in text[start:cue]) \
        and not any(_opens_another(segments, k, words) for k in range(len(segments)))


def _opens_another(segments: list[list[str]], k: int, words: _Owned) -> bool:
    """Whether the ``k``-th stretch between commas from the source to the impersonal cue opens another
    clause: a coordinator first after a comma (", e si stima"), a word of ``owned_breaks`` anywhere in the
    cue's own stretch, or first in an aside before it that is no relative's (", ma, nel quartiere Borgo,";
    not ", che rappresenta i costruttori,", nor ", nei comuni dove l'acqua ha invaso le strade,": review48)."""
    words_k = segments[k]
    if not words_k:
        return False
    if k and words_k[0] in words.coordinators:
        return True
    if k == len(segments) - 1:   # the cue's own stretch: "…, anche se in paese si contano", "i paesi dove si contano"
        return any(w in words.breaks for w in words_k)
    return bool(k) and words_k[0] in words.breaks and words_k[0] not in words.relatives   # ", ma, nel quartiere …,"


def breaks_of(text: str, sentence: Span, marks: str = ";") -> list[int]:
    """The offsets of the clause breaks of the sentence at ``sentence``.

    >>> breaks_of("a; b; c", Span(0, 7))
    [1, 4]
    """
    out = []
    for mark in marks:
        i = text.find(mark, sentence.start, sentence.end)
        while i >= 0:
            out.append(i)
            i = text.find(mark, i + 1, sentence.end)
    return sorted(out)
