"""The place a figure names beside it, no preposition before it: the place whose dwellers it
counts ("il milione di abitanti di Marrakech") and the name it hangs on through a relative
right before it ("la Calabria con il 36,92%", "davanti alla Spagna con 11.324"), read by
``status._place`` for a figure's scope."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quantities.extraction.nouns.leaning import gapped
from quantities.lang.places import Places
from quantities.text.tokens import Tokens

if TYPE_CHECKING:
    from quantities.extraction.nouns.status import Scopes


def dwelling(t: Scopes, text: str, toks: Tokens, after: int) -> str | None:
    """The place whose dwellers the figure counts, named right after them through a place
    link: "il milione di abitanti di Marrakech", "840,000 residents of Marrakesh"."""
    lows, texts = toks.lows, toks.texts
    if not 0 < after < len(lows) - 1 or lows[after - 1] not in t.dwellers or lows[after] not in t.place_links \
            or not texts[after + 1][:1].isupper():
        return None
    k = after + 1
    while k < len(lows) and (texts[k][:1].isupper() or (lows[k] in t.place_links and k + 1 < len(lows)
                                                       and texts[k + 1][:1].isupper())):
        k += 1
    return written(text, toks, after + 1, k)


def hung(t: Scopes, text: str, toks: Tokens, first: int, hangs: str) -> str | None:
    """The name a figure hangs on through a place relative right before it (an article
    between at most): "in coda c'è la Calabria con il 36,92%", "Lombardy, with 70%". A count
    (``hangs`` is "count") hangs only through one of ``count_relatives``, on a name no origin
    leads, a place the place table knows: "davanti alla Spagna con 11.324", "Spain with 11,324"; not
    "partito da Tobruk con circa 750 persone" (where it left from), nor "Abruzzo: 400 le operazioni"
    (a colon), nor "Intanto con 300 vigili" or "Piantedosi, with 300 officers" (no place)."""
    lows, texts = toks.lows, toks.texts
    relatives = t.count_relatives if hangs == "count" else t.place_relatives
    for rel in (first - 1, first - 2):
        if rel < 1 or lows[rel] not in relatives or (rel == first - 2 and texts[rel + 1][:1].isupper()):
            continue
        end = rel - (lows[rel - 1] == ",")
        k = end
        while k > 0 and (texts[k - 1][:1].isupper() or (k > 1 and k < end and lows[k - 1] in t.place_links
                                                          and texts[k - 2][:1].isupper())):
            k -= 1   # "Fratelli d'Italia", "Pratica di Mare"
        k += k == 0 and end - k > 1   # "La Lega con l'8,7%": the capital of the sentence's first word
        lead = k - 1 - (k > 1 and (lows[k - 1] in t.articles or lows[k - 1] in t.nouns_articles))  # "verso l'Italia"
        if hangs == "count" and ((lead >= 0 and lows[lead] in t.origins) or not Places.default().known(
                written(text, toks, k, end) if k < end else "")):
            return None   # a count hangs on a place the table knows only ("Intanto con", "Piantedosi con")
        if lead >= 0 and lows[lead] in t.beaten:
            return None   # "ha battuto Paolo Damilano con il 59,23%": the loser (not "leads Michigan with 48.3%")
        return written(text, toks, k, end) if k < end else None
    return None


def recorded(t: Scopes, text: str, toks: Tokens, first: int) -> str | None:
    """The known place a count is of, named right before it as the subject of a verb of recording
    (``[attribution] measuring``: "la Spagna aveva registrato quasi 4.000 decessi") or, in a clause
    whose verb is left out, right after a coordinator ("… e la Germania circa 4.500")."""
    lows, texts = toks.lows, toks.texts
    k = first
    while k > 0 and first - k < 2 and lows[k - 1] in t.fillers:
        k -= 1   # "quasi", "circa"
    gap = not (k > 0 and lows[k - 1] in t.recording)
    end = k if gap else k - 1 - (k > 2 and texts[k - 2].isalpha() and texts[k - 2].islower())  # "aveva"
    start = end
    while start > 0 and texts[start - 1][:1].isupper() and toks.is_word(start - 1):
        start -= 1
    if start == end or not Places.default().known(written(text, toks, start, end)):
        return None
    if gap and not gapped(toks, start, t.conj, t.nouns_articles):
        return None   # "4.000 decessi e la Germania 4.500" (not "tra Israele e Gaza")
    return written(text, toks, start, end)


def known_end(t: Scopes, text: str, toks: Tokens, i: int, j: int) -> int:
    """Where the place named by the capitalised run ``toks[i:j]`` ends: the run's end, or, when the
    place table does not know the run whole, the end of its longest beginning that it knows and that
    two words or more follow, a person's name ("A Napoli Gaetano Manfredi ha vinto": "Napoli"); not
    before one word ("Milano Malpensa", "Roma Fiumicino", "London Gatwick") nor a word of the place's
    own name (``place_qualifiers``: "Napoli Est", "Roma Nord Gualtieri") nor a link of the name ("Pescara
    del Tronto" whole, though Pescara is known)."""
    if j - i < 3:
        return j
    places = Places.default()
    if places.known(written(text, toks, i, j)):
        return j
    return next((k for k in range(j - 2, i, -1) if places.known(written(text, toks, i, k))
                 and toks.lows[k] not in t.place_qualifiers and toks.texts[k][:1].isupper()), j)


def written(text: str, toks: Tokens, i: int, j: int) -> str:
    """The text of ``toks[i:j]``, as written."""
    return text[toks.starts[i]:toks.ends[j - 1]]
