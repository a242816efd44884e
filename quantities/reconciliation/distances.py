"""The key of a distance: the point it is measured from ("a 47 miglia da Pylos" is the
distance from Pylos, "72 km southwest of Marrakesh" from Marrakesh), read after the figure
through the lexicon's ``[distance] origin`` phrases, and whether a distance's noun was carried
from the figure before it ("a 47 metri di profondità, a circa 800 metri dall'Isola": no depth)."""

from __future__ import annotations

from quantities.lang.lexicon import Lexicon
from quantities.lang.places import Places
from quantities.reconciliation.clauses import ASIDE, CLAUSE, CLOSED, CUE_WINDOW, WORD
from quantities.types import Claim

#: How many words before a figure may still hold its own noun ("da un'altezza di | dieci metri").
OWN_WORDS = 4
#: The key of a distance measured from a point ("a 47 miglia da Pylos": "distance:pylos").
FROM_POINT = "distance:"
#: The words after a distance a phrase of its point may begin at ("a 47 miglia | a sud di | Pylos").
ORIGIN_REACH = 4


def origin(c: Claim, lex: Lexicon) -> str | None:
    """The point a distance is measured from: the place or noun after one of the lexicon's
    ``[distance] origin`` phrases among the first words after the figure ("a 47 miglia da
    Pylos", "72 km (45 miles) southwest of Marrakesh", the aside's "45 miles" too), its one name across languages; None
    when there is none. A point the lexicon knows is its concept ("costa" = "coast")."""
    ctx = c.context
    at = ctx.find(c.text) if c.text else -1
    if at < 0:
        return None
    piece = ctx[at + len(c.text):at + len(c.text) + CUE_WINDOW]
    aside = ASIDE.match(piece) or CLOSED.match(piece)   # "40 nautical miles (74 km) off the coast": 74 too
    piece = piece[aside.end():] if aside else piece
    m = CLAUSE.search(piece)
    words = WORD.findall(piece[:m.start()] if m else piece)[:8]
    phrase = lex.cue_at("distance_origin", [w.casefold() for w in words])   # the first phrase, by its start
    if phrase is None or phrase[0] >= ORIGIN_REACH:
        return None
    rest = [w for w in words[phrase[1]:] if w.casefold() not in lex.stopwords]
    point = lex.read(rest[0]) if rest else None   # "dalla costa" = "off the coast"
    return (point.shared if point is not None and point.known else Places.default().name(rest[0])) if rest else None


def carried(c: Claim, before: str) -> bool:
    """Whether the claim's noun is carried from a figure earlier in its sentence ("a 47 metri
    di profondità, a circa 800 metri dall'Isola": the 800 metres are no depth): written neither
    in the claim nor in the few words before it, past that figure and its words ("da un'altezza
    di dieci metri" holds its own)."""
    noun = c.noun or ""
    own = before[max((at for at, ch in enumerate(before) if ch.isdigit()), default=-1) + 1:]
    own = own[own.rfind(",") + 1:]   # past the figure before and its words: "47 metri di profondità, a circa"
    return bool(noun) and noun not in c.text and noun not in " ".join(WORD.findall(own)[-OWN_WORDS:])
