"""A place a sentence opens with, set off by a comma: the scope of the figures past that
comma ("A Turís, secondo l'Aemet, sono caduti 184,6 litri"), read when the figure's own
clause names no place (``status._place``); and a subject's relative the sentence opens with,
whose places are not the figure's ("Il treno che … a Brandizzo viaggiava a 150 km/h")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quantities.text.tokens import Tokens

if TYPE_CHECKING:
    from quantities.extraction.nouns.status import Scopes


def fronted(t: Scopes, text: str, toks: Tokens, first: int) -> str | None:
    """The place a sentence opens with, set off by a comma, for a figure past that comma:
    it places the whole sentence ("A Turís, secondo l'Aemet, sono caduti 184,6 litri", "A
    Paiporta, il comune simbolo, i morti sono almeno 62"); not a month ("A marzo, …"), nor
    past an aside that is neither a source or a complement nor a place's apposition (``[scope]
    asides``, ``place_heads``)."""
    lows, texts = toks.lows, toks.texts
    if first < 3 or lows[0] not in t.places or lows[1] in t.months:
        return None
    k = 1
    while k < first and (texts[k][:1].isupper() or (lows[k] in t.place_links and texts[k + 1][:1].isupper())):
        k += 1
    if not 1 < k < first or lows[k] != ",":
        return None
    commas = [i for i in range(k + 1, first) if lows[i] == ","]
    if len(commas) > 1 or (commas and lows[k + 1] not in t.asides
                           and t.place_heads.isdisjoint(lows[k + 1:commas[0]])):
        return None  # "In Campania, il maltempo ha pesato, la partecipazione …": a clause between
    return text[toks.starts[1]:toks.ends[k - 1]]


#: The words of a subject before its relative: an article and a noun ("Il treno che …").
SUBJECT_WORDS = 2


def past_subject_relative(t: Scopes, toks: Tokens, first: int) -> int:
    """The figure's own index when the sentence opens with a subject and its relative (an
    article, a noun, "che") and the figure stands past it: a place before the figure is the
    relative's, not the figure's ("Il treno che … ha travolto gli operai a Brandizzo viaggiava a
    150 chilometri orari"), else 0."""
    lows = toks.lows
    if first > SUBJECT_WORDS + 2 and lows[SUBJECT_WORDS] in t.subject_relatives and lows[0] in t.nouns_articles \
            and all(toks.is_word(k) for k in range(SUBJECT_WORDS)):
        return first
    return 0
