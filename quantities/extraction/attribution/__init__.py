"""Who a figure is credited to: "secondo l'intelligence sudcoreana", "ha riferito la Kcna".

The cue words are the pack's ``[attribution]`` table; this module is the machinery.
One pass of one precompiled pattern finds the cues of a sentence (:func:`scan`); each
cue brings its source phrase, canonicalised with :class:`~quantities.lang.sources.Sources`.
:func:`choose` then picks the cue that governs a figure:

1. the nearest cue before the figure: a forward cue ("secondo X", "stando a X",
   "citando X", "riportato da X") or a reporting verb with its subject before it
   ("I media russi hanno riferito che …");
2. else the nearest cue after it: a forward cue ("…, secondo Kiev") or a verb whose
   subject follows ("…, ha aggiunto la Kcna", "hanno dichiarato mercoledì i media");
3. else a next sentence that carries the same report ("Lo riporta l'agenzia Kcna").

A relay ("Tass, che cita il Cremlino") makes the quoted source the source and the
quoting one ``via``.

>>> text = "Secondo l'agenzia di stampa russa Tass, che cita il Cremlino, sono 300."
>>> found = choose(scan(text, Span(0, len(text))), Span(68, 71))
>>> found.source, found.canonical, found.cue, found.via
('Cremlino', 'Kremlin', 'secondo', 'agenzia di stampa russa Tass')
"""

from quantities.extraction.attribution.choice import (
    Carry,
    Governors,
    choose,
    header,
    narrates,
    opener_cues,
    quoted_by,
    stated,
    uncarried,
)
from quantities.extraction.attribution.cues import scan, summaries
from quantities.extraction.attribution.gapped import gapped, scope_of
from quantities.extraction.attribution.grammar import Found, Grammar, Reach, grammar
from quantities.extraction.attribution.owned import breaks_of, owned
from quantities.types import Span

__all__ = [
    "Carry",
    "Found",
    "Governors",
    "Grammar",
    "Reach",
    "Span",
    "breaks_of",
    "choose",
    "gapped",
    "grammar",
    "header",
    "narrates",
    "opener_cues",
    "owned",
    "quoted_by",
    "scan",
    "scope_of",
    "stated",
    "summaries",
    "uncarried",
]
