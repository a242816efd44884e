"""A place or a partitive a sentence opens with, set off by a comma: the scope of the figures past that
comma ("A Turís, secondo l'Aemet, sono caduti 184,6 litri"), read when the figure's own
clause names no place (``status._place``); and a subject's relative the sentence opens with,
whose places are not the figure's ("Il treno che … a Brandizzo viaggiava a 150 km/h")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quantities.lang import clock
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
    b = _past_stamp(lows, first)   # "**7 aprile, ore 8.15** – A Onna, …": the entry's own first word
    if first - b < 3 or lows[b] not in t.places or lows[b + 1] in t.months:
        return None
    k = b + 1
    while k < first and (texts[k][:1].isupper() or (lows[k] in t.place_links and texts[k + 1][:1].isupper())):
        k += 1
    if not b + 1 < k < first or lows[k] != ",":
        return None
    commas = [i for i in range(k + 1, first) if lows[i] == ","]
    if len(commas) > 1 or (commas and lows[k + 1] not in t.asides
                           and t.place_heads.isdisjoint(lows[k + 1:commas[0]])):
        return None  # "In Campania, il maltempo ha pesato, la partecipazione …": a clause between
    return text[toks.starts[b + 1]:toks.ends[k - 1]]


#: How many words a live blog's stamp may take before its mark ("7 aprile, ore 8.15 –").
STAMP_WORDS = 10


def _past_stamp(lows: list[str], first: int) -> int:
    """Where a sentence's own words start past a live blog's stamp that opens it: a time or a
    date set off by a dash, a colon or a bar (:data:`clock.STAMP_MARKS`), else 0."""
    head = lows[:min(first, STAMP_WORDS)]
    if clock.STAMP_MARKS.isdisjoint(head):  # most sentences (a test in C)
        return 0
    for j, word in enumerate(head):
        if word in clock.STAMP_MARKS:
            return j + 1 if any(map(str.isdigit, "".join(lows[:j]))) else 0  # each character, in C
    return 0


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


#: The most words a partitive that opens a clause may take ("Tra i feriti ricoverati a Mestre,").
FRONTED_PART = 6
#: What ends the reach of a fronted partitive over the figures after it.
CLAUSE_BREAKS = frozenset(";:")


def fronted_part(t: Scopes, text: str, toks: Tokens, first: int, noun: str | None) -> str | None:
    """A plural partitive that opens the sentence and a comma closes (``[scope]
    fronted_partitives``: "Dei contagiati, 27 …", "Tra i feriti, due sono gravi e tre sono stati
    dimessi", "Among the dead, nine …"): a figure after it, up to a semicolon or a colon, whose
    noun it names is a part of that whole ("…, and the death toll rose to 40" is not)."""
    lows = toks.lows
    start = _past_stamp(lows, first)
    if noun is None or start >= len(lows) or lows[start] not in t.fronted_partitives:
        return None   # most figures: no partitive word opens the sentence (told before its comma is looked for)
    comma = next((k for k in range(start + 1, min(first, start + FRONTED_PART + 1)) if lows[k] == ","), None)
    if comma is None or any(w[:1].isdigit() for w in lows[start:comma]) \
            or not CLAUSE_BREAKS.isdisjoint(lows[comma:first]):
        return None   # not a clause with a figure of its own: "Another 672 people were injured, 205 of them"
    opener = next((len(m) for m in t.fronted_partitives.get(lows[start], ())
                   if tuple(lows[start:start + len(m)]) == m), 0)
    if not opener or start + opener >= comma or not set(noun.casefold().split()) & set(lows[start + opener:comma]):
        return None
    return text[toks.starts[start]:toks.ends[comma - 1]]
