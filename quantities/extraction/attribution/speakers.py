"""Who speaks before a colon that opens a sentence: "Il ministro Matteo Salvini: …", "Il capo
della polizia di Maui, John Pelletier: …", "Rabie: «…»", "Salvini torna sui tempi: «…»"."""

from __future__ import annotations

from collections.abc import Callable

from quantities.extraction.attribution.grammar import Found, Grammar
from quantities.extraction.attribution.phrases import _apposed_name, _at, _data_only, _make, _phrase
from quantities.lang.places import Places
from quantities.lang.sources import Sources
from quantities.text.tokens import Tokens, tokens
from quantities.types import Span

#: The most words of the short clause between a name and its colon before a quotation
#: ("Salvini torna sui tempi: «…»"), all in lower case (:func:`_clause_end`).
CLAUSE_WORDS = 5
#: How far into a sentence a speaker's colon may stand (see :func:`colon_speaker`).
SPEAKER_CHARS = 160

#: The marks that open a quotation (after a speaker's colon, see :func:`colon_speaker`).
QUOTES = ('"', "«", "“", "‘", "'")


def colon_speaker(text: str, sentence: Span, g: Grammar, sources: Sources | None,
                  toks: Tokens | None = None) -> Found | None:
    """A speaker before a colon at the start of a sentence ("Il ministro Matteo Salvini: …");
    a surname alone only before a quotation ("Rabie: «…»"): after a live blog's stamp, a place or
    a topic takes the same form ("Ore 12.05 - Cutro: i morti salgono a 70", "Ore 12 - Sanità: …").
    ``toks`` are the sentence's tokens when the caller has them."""
    stamp = g.stamp.match(text, sentence.start, sentence.end)  # "Ore 11.00 – Rabie: …"
    start = stamp.end() if stamp is not None and any(c.isdigit() for c in stamp[0]) else sentence.start
    colon = text.find(":", start, sentence.end)
    if colon < 0 or colon - sentence.start > SPEAKER_CHARS:
        return None
    # the tokens up to the colon (a token of its own; a stamp ends on a blank): the sentence's, if at hand
    toks = tokens(text, start, colon + 1) if toks is None else toks[toks.index(start):toks.index(colon + 1)]
    if len(toks.lows) > 2 and toks.lows[0] in g.presentatives and (  # "Ecco i dati Auditel della finale: …";
            toks.lows[1 + (toks.lows[1] in g.articles)] in g.data_nouns | g.report_nouns):  # not "Ecco la nuova Panda:"
        toks = toks[1:]
    quoted = text.startswith(QUOTES, _after_spaces(text, colon + 1, sentence.end))
    alone = quoted and _closed_alone(text, colon, sentence)
    np = speaker(toks, g, quoted=quoted, known=lambda name: alone and _speaks_elsewhere(text, name, sentence, g))
    if np is None:
        return None
    return _make(text, toks, np, Span(colon, colon + 1), "any", g, sources or Sources.default())


def _after_spaces(text: str, i: int, end: int) -> int:
    """The first offset at or after ``i`` (before ``end``) that is not a space."""
    while i < end and text[i].isspace():
        i += 1
    return i


def speaker(toks: Tokens, g: Grammar, quoted: bool = False,
            known: Callable[[str], bool] = lambda name: False) -> tuple[int, int] | None:
    """The phrase of a speaker that opens a sentence and ends at a colon ("Il ministro dell'Interno Matteo
    Salvini, da Catania: …"; a name after a title, ``[attribution] speaker_titles``: "Il capo della polizia
    di Maui, John Pelletier: …"): a source-like noun or a full name (two capitalised words), else None.
    With ``quoted`` (a quotation follows) a surname alone will do ("Rabie: «…»"), not "Sabato: «…»", "Roma: «…»"."""
    if (np := _phrase(toks, 0, g)) is None:
        return None
    texts, lows = toks.texts, toks.lows
    if lows[np[0] + (lows[np[0]] in g.articles and np[1] - np[0] > 1)] in g.speaker_titles:  # not "La madre del
        np = _apposed_name(toks, np, g)   # ragazzo ucciso, Willy …:", whose name is the son's
    k = np[1]
    if k + 2 < len(texts) and texts[k] == "," and lows[k + 1] in g.prepositions:  # ", da Catania"
        k += 2
        while k < len(texts) and toks.is_word(k) and texts[k][0].isupper():
            k += 1
    if quoted and k < len(texts) and texts[k] != ":":   # "Salvini torna sui tempi: «…»"
        np, k = _clause_end(toks, np, k, g, known)
    if k >= len(texts) or texts[k] != ":":
        return None
    words = [w for w in lows[np[0]:np[1]] if w not in g.articles]
    capitals = sum(t[0].isupper() for t in texts[np[0]:np[1]])
    if quoted and capitals == len(words) == 1 and _at(lows, np[0], g.not_agents) is None \
            and not Places.default().only_place(texts[np[1] - 1]):
        return np  # "Rabie: «…»": a name alone before a quotation; not "Roma: «…»"
    return np if capitals >= 2 or (words and words[0] in g.source_nouns and not _data_only(toks, np, g)) else None
    # (not "I dati del nuovo anno restano sconfortanti: …": data that name no one)


def _clause_end(toks: Tokens, np: tuple[int, int], k: int, g: Grammar,
                known: Callable[[str], bool]) -> tuple[tuple[int, int], int]:
    """The name that opens ``np`` and where the short clause after it ends, when its colon opens a
    quotation: capitalised words that ``known`` says are a name (the article gives them elsewhere as
    a speaker: a sentence's first word is capitalised anyway, "Sale il bilancio: «…»"; no place, no time) and
    at most :data:`CLAUSE_WORDS` words in lower case before the colon ("Salvini torna sui tempi:
    «…»"); else ``np`` and ``k`` (not "Meloni incontra Zelensky: «…»", whose quotation is either's)."""
    texts, lows = toks.texts, toks.lows
    first = np[0] + (lows[np[0]] in g.articles)   # "Il Papa saluta i fedeli: «…»"
    name = first
    while name < np[1] and texts[name][:1].isupper() and toks.is_word(name):
        name += 1
    said = " ".join(texts[first:name])
    if name == first or _at(lows, first, g.not_agents) is not None or Places.default().known(said) \
            or not known(said):
        return np, k
    end = name
    while end < len(texts) and end - name < CLAUSE_WORDS and texts[end].islower() and texts[end].isalpha():
        end += 1
    return ((first, name), end) if end > name and end < len(texts) and texts[end] == ":" else (np, k)


def _closed_alone(text: str, colon: int, sentence: Span) -> bool:
    """Whether the quotation after ``colon`` ends its sentence: no speaker named after it ("«Siamo in
    230», dice una donna" is the woman's, not the name before the colon's)."""
    close = max(text.rfind(q, colon + 1, sentence.end) for q in ("»", "”", '"'))
    return close > colon and not any(ch.isalnum() for ch in text[close + 1:sentence.end])


#: Characters before a name read for a speaker's title ("il ministro delle Infrastrutture Matteo Salvini").
TITLE_REACH = 40


def _speaks_elsewhere(text: str, name: str, sentence: Span, g: Grammar) -> bool:
    """Whether the document gives ``name`` outside ``sentence`` as a speaker: before a colon
    ("Salvini: «…»") or after a title ("il ministro Matteo Salvini"); a place or a body merely
    named ("a Casamicciola", "la Cgil in piazza") speaks nowhere."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        if whole and not sentence.start <= at < sentence.end:
            before = text[max(0, at - TITLE_REACH):at].split()
            titled = (bool(before) and before[-1].casefold() in g.speaker_titles) or (
                len(before) > 1 and before[-2].casefold() in g.speaker_titles and before[-1][:1].isupper())  # not "il
            # sindaco di Casamicciola": a place after its mayor's title
            if text[end:end + 1] == ":" or titled:
                return True
        at = text.find(name, end)
    return False
