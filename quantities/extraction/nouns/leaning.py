"""The figure another leans on for its status, written right before it in its sentence: the one
before a coordinator ("Le vittime sono 98 donne e 56 uomini": the 56 are of the dead too) and the
whole before a part marker ("151 morti, tra cui 97 donne": the 97 are dead), read by
``status.read`` when a count's own words name no status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quantities.text.tokens import Tokens
from quantities.types import Span

if TYPE_CHECKING:
    from quantities.extraction.nouns.status import Scopes

#: The most words of the noun between the figure leaned on and the coordinator or marker after it.
NOUN_WORDS = 3
#: The most words in small letters between a count and the coordinator of a gapped clause after it
#: ("10,779 deaths since the outbreak began, Spain 6,803").
GAP_WORDS = 6
#: What ends the clause of a coordinated figure that leans: the sentence's or a clause's last mark.
ENDS = frozenset({".", ";", ":", "!", "?", "»", "”", '"', ")"})


@dataclass(frozen=True, slots=True)
class Lean:
    figure: Span      # the digits of the figure leaned on
    end: int          # where its claim ends (after its noun)
    noun: str | None  # its noun, as written
    part: bool        # leaned on as the whole of a part ("tra cui"), not as a coordinated figure


def leaned(t: Scopes, toks: Tokens, first: int, after: int) -> Lean | None:
    """The figure written in digits that the figure at ``toks[first]`` (its claim ending before
    ``toks[after]``) leans on, past the coordinator (``[nouns] and``) or the part marker (``[scope]
    parts_before``, after a comma) right before it and the noun of up to :data:`NOUN_WORDS` words
    before that; else None. A coordinated figure leans only when its clause ends with its noun
    ("98 donne e 56 uomini."; not "7 persone e 30 soccorritori sono al lavoro": a verb of its own)."""
    lows, texts = toks.lows, toks.texts
    if lows[first - 1:first] and lows[first - 1] in t.conj and after < len(lows) and texts[after] not in ENDS \
            and lows[after] not in t.conj:   # "98 donne e 56 uomini e almeno 30 bambini"
        return None   # (not "40 persone, in gran parte anziani, sono state ospitate": an aside, then its verb)
    k, part = first - 1, False
    if k > 0 and lows[k] not in t.conj:
        marker = next((m for m in t.parts_before.get(lows[k], ()) if tuple(lows[k + 1 - len(m):k + 1]) == m), None)
        if marker is None or k - len(marker) < 0 or texts[k - len(marker)] != ",":
            return None
        k, part = k - len(marker), True   # the comma before "tra cui"
    elif k <= 0:
        return None
    j = _count_before(texts, k, NOUN_WORDS, lowercase=False)
    if j is None or j == k - 1:
        return None   # a count and its noun of one word or more: "151 morti, tra cui"
    return Lean(Span(toks.starts[j], toks.ends[j]), toks.starts[k], " ".join(texts[j + 1:k]), part)


def gapped(toks: Tokens, place: int, conj: frozenset[str], articles: frozenset[str]) -> bool:
    """Whether the name at ``toks[place]`` opens a clause whose verb is left out: after its article,
    a coordinator or a comma that ends a count in digits and up to :data:`GAP_WORDS` words in
    small letters after it ("4.000 decessi e la Germania circa 4.500", "in Spagna 8.189 e la
    Francia 3.523", "10,779 deaths since the outbreak began, Spain 6,803"; not "tra Israele e
    Gaza", "dal 7 ottobre tra Israele e Gaza": a name, no count, before the coordinator)."""
    lows, texts = toks.lows, toks.texts
    k = place - (place > 0 and lows[place - 1] in articles) - 1
    if k < 1 or not (lows[k] in conj or texts[k] == ","):
        return False
    return _count_before(texts, k, GAP_WORDS, lowercase=True) is not None


def _count_before(texts: list[str], k: int, most: int, lowercase: bool) -> int | None:
    """The index of the count in digits that ends before ``texts[k]`` past up to ``most`` words
    (in small letters only, with ``lowercase``), else None."""
    j = k - 1
    while j >= 0 and k - j <= most and texts[j].isalpha() and (texts[j].islower() or not lowercase):
        j -= 1
    return j if j >= 0 and texts[j][:1].isdigit() else None
