"""A population stated through the place it is the size of: "Marrakesh, a city of some
840,000 people", "Marrakech, una città di 840.000 abitanti", "Casamicciola è un comune di
8.000 residenti". The figure counts the dwellers of the place named before the apposition,
so its key is the one of "the 840,000 inhabitants of Marrakesh" (concept: the first of the
pack's ``[scope] dwellers``; scope: the place).

The words come from the pack's ``[scope]`` table: ``settlements`` ("city", "comune"), the
``settlement_links`` between the settlement and the figure ("of", "di"; also between a
scaled figure and its noun: "un milione di abitanti"), at most one of ``settlement_articles``
before the settlement ("a", "una"), one of ``settlement_joins`` between the name and the
settlement ("," or a copula: "Marrakesh is a city of …"), and the counted noun, right after
the figure, one of ``settlers`` ("people", "abitanti"). A figure with anything else around it
is no population ("840,000 people fled the city"; "5.000 abitanti sfollati" has no
settlement before it).

>>> from quantities.text.tokens import tokens
>>> s = "It struck near Marrakesh, a city of some 840,000 people."
>>> settled(s, tokens(s), Span(s.index("some"), s.index(" people")), lang="en")
'Marrakesh'
>>> s = "840,000 people fled the city."
>>> settled(s, tokens(s), Span(0, 7), lang="en") is None
True
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from quantities.lang import Pack, per_pack, word_set
from quantities.text.tokens import Tokens
from quantities.types import Span

#: The most words of a settlement's name ("Reggio di Calabria", "San Giovanni Rotondo").
NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class Frame:
    settlements: frozenset[str]
    links: frozenset[str]
    articles: frozenset[str]
    joins: frozenset[str]
    settlers: frozenset[str]
    place_links: frozenset[str]


@per_pack("scope")
def frame(pack: Pack) -> Frame:
    """The settlement words of ``pack``'s ``[scope]``, compiled once."""
    return Frame(settlements=word_set(pack, "scope.settlements"), links=word_set(pack, "scope.settlement_links"),
                 articles=word_set(pack, "scope.settlement_articles"), joins=word_set(pack, "scope.settlement_joins"),
                 settlers=word_set(pack, "scope.settlers"), place_links=word_set(pack, "scope.place_links"))


def dwellers(pack: Pack) -> str:
    """The noun whose concept a settled figure counts (the first of ``[scope] dwellers``)."""
    return pack.get("scope.dwellers")[0]


def settled(text: str, toks: Tokens, figure: Span, *, lang: str | Pack) -> str | None:
    """The place, as written, whose population the figure at ``figure`` states, else None."""
    f, lows = frame(lang), toks.lows
    first, after = bisect_left(toks.starts, figure.start), bisect_left(toks.starts, figure.end)  # toks.index
    after += after + 1 < len(lows) and lows[after] in f.links  # "un milione di abitanti"
    if after >= len(lows) or lows[after] not in f.settlers or first < 4 or lows[first - 1] not in f.links \
            or lows[first - 2] not in f.settlements:
        return None
    join = first - 3 - (lows[first - 3] in f.articles)
    if join < 1 or lows[join] not in f.joins:
        return None
    return _name(text, toks, join, f.place_links)


def _name(text: str, toks: Tokens, end: int, links: frozenset[str]) -> str | None:
    """The capitalised name that ends right before ``toks[end]`` (links inside it)."""
    texts, lows = toks.texts, toks.lows
    k = end
    while k > max(0, end - NAME_WORDS) and (texts[k - 1][:1].isupper() or (
            lows[k - 1] in links and k - 1 > 0 and texts[k - 2][:1].isupper() and k < end)):
        k -= 1
    if k == end:
        return None
    return text[toks.starts[k]:toks.ends[end - 1]]
