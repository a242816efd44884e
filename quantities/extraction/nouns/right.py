"""The noun phrase a figure counts that starts after it (or at a given token): a head noun and
its adjectives ("morti accertati", "military construction workers"), a compound joined by a bare
"di"/"of" ("richieste di soccorso"), a name in apposition ("la nave Ever Given"), through a
transparent head to what it counts ("il numero delle vittime")."""

from __future__ import annotations

from quantities.extraction.nouns.grammar import Grammar, NounPhrase
from quantities.text.tokens import Tokens, surface


def phrase(text: str, toks: Tokens, i: int, g: Grammar, lowercase: bool = False,
            compound: bool = True) -> NounPhrase | None:
    """Head noun + adjectives (+ "e" + head + adjectives) starting at ``toks[i]``; with
    ``compound``, the bare noun "di"/"of" joins to it too (:func:`_compound`)."""
    n = min(len(toks.lows), i + g.max_words)
    lows = toks.lows
    for _ in range(2):  # "four of the victims", "i suoi figli": an article and a possessive
        i += i < n - 1 and (lows[i] in g.articles or lows[i] in g.elliptic_after)
    j = i
    while j < n - 1 and j - i < 2 and lows[j] in g.prenominal and g.can_head(toks, j + 1):
        j += 1
    gerund = lowercase and g.head_last and j + 1 < n and g.is_verb(lows[j]) and toks.texts[j].islower() \
        and g.can_head(toks, j + 1, lowercase=True)   # after a link: "… in advertising revenue" (not "5.1 billion
    # heading west" right after a figure)
    if j >= n or not (gerund or g.can_head(toks, j, lowercase)) or opens_clause(toks, j, g):
        return None
    end = _trim(toks, j, adjectives(toks, _named(toks, j + gerund, n, g), n, g), g)
    if end <= j:
        return None
    head = end - 1 if g.head_last else j
    if compound and lows[head] not in g.transparent:
        end = _compound(toks, end, n, g)
    if end < n and lows[end] in g.complement_heads:  # "300 lavoratori in appalto"
        end += next((len(c) for c in g.complements if tuple(lows[end:end + len(c)]) == c), 0)
    if end + 1 < n and lows[end] in g.conj and g.can_head(toks, end + 1, lowercase=True) \
            and g.agrees(lows[head], lows[end + 1]):  # not "14 morti e costretto 36.000 persone": a verb's
        end = _trim(toks, end + 1, adjectives(toks, end + 2, n, g), g)  # not "… e tremila ettari"
        head = end - 1 if g.head_last else head
    span = toks.span(i, end)
    if lows[head] in g.transparent and end < n and lows[end] in g.of:  # "il numero delle vittime"
        inner = phrase(text, toks, end + 1, g, lowercase=True)
        if inner is not None:
            return inner
    return NounPhrase(surface(span.of(text)), toks.texts[head], span)


def opens_clause(toks: Tokens, j: int, g: Grammar) -> bool:
    """``toks[j]``, right after a figure, opens a phrase of its own: a verb that is no copula, a
    preposition or an article after it ("150mila sfilano per le vie", "altri 1.600 aspettano da sei
    anni": :func:`_verb_after`; not "due restano ricoverati"), a dimension word used as a preposition an
    article follows ("150mila lungo il tragitto") or, with the head last, a lowercase participle an
    article follows ("another 150,000 lined the route"): the figure names nothing there, and takes no
    other figure's noun either (:func:`quantities.extraction.nouns.counted`)."""
    lows = toks.lows
    if j + 1 >= len(lows):
        return False
    return _verb_after(toks, j, g) or (lows[j] in g.dimension_words and lows[j + 1] in g.articles) or (
        g.head_last and lows[j].endswith(g.postmodifier_endings) and toks.texts[j].islower()
        and lows[j + 1] in g.object_articles)


def _verb_after(toks: Tokens, j: int, g: Grammar) -> bool:
    """``toks[j]`` is a lowercase verb that is no copula (a finite ending, or one of ``[nouns]
    plural_verb_endings``, which no plural noun shares) and a preposition or an article follows it."""
    lows = toks.lows
    return j + 1 < len(lows) and toks.texts[j].islower() and not g.is_copula(lows[j]) \
        and (g.is_verb(lows[j]) or (bool(g.plural_verb_endings) and lows[j].endswith(g.plural_verb_endings))) \
        and (lows[j + 1] in g.prepositions or lows[j + 1] in g.articles)


def _compound(toks: Tokens, end: int, n: int, g: Grammar) -> int:
    """The end of the phrase that ends at ``toks[end - 1]`` with the bare noun that "di"/"of"
    (``[nouns] compound_links``: no article) joins to it: "richieste di soccorso", "lanci
    d'acqua", "package of weapons" name one kind of thing; not "i colleghi delle vittime"
    (an article: a possessor), "a 3.000 abitanti di lasciare le case" (an infinitive)."""
    if end + 1 < n and toks.lows[end] in g.compound_links and g.can_head(toks, end + 1, lowercase=True) \
            and not toks.lows[end + 1].endswith(g.infinitive_endings):
        return adjectives(toks, end + 2, n, g)  # its own adjectives: "persone di origine straniera"
    return end


def _named(toks: Tokens, head: int, n: int, g: Grammar) -> int:
    """With the head first, the index after the name in apposition to the common noun at
    ``toks[head]`` ("il nuovo capitolo RePowerEU", "la nave Ever Given", "il ponte Morandi"):
    capitalised words, with the links of names between them, right after it; else ``head + 1``."""
    if g.head_last:
        return head + 1
    end = k = head + 1   # a name: its own capitalised words ("di Enrico Michetti"); a common noun: its apposition
    while k < n and (toks.texts[k][:1].isupper() or (toks.lows[k] in g.name_links and k > head + 1)):
        k += 1
        if toks.texts[k - 1][:1].isupper() and toks.texts[k - 1][:1].isalpha():
            end = k
    return end


def _trim(toks: Tokens, start: int, end: int, g: Grammar) -> int:
    """With the head last, where the run of noun-like words from ``toks[start]`` really ends:
    at its last lowercase word when names stand in it ("North Korean soldiers"), before the
    first participle after its first word ("people died", "soldiers killed", "people marched
    through"; the status keeps it), before a last word an article follows (a verb: "delay cost the")."""
    if not g.head_last:
        return end
    texts = toks.texts
    if any(texts[k][:1].isupper() for k in range(start + 1, end)):
        end = next((k + 1 for k in range(end - 1, start, -1) if texts[k].islower()), start + 1)
    participle = next((k for k in range(start + 1, end)  # "people marched through central Rome"
                       if toks.lows[k].endswith(g.postmodifier_endings) and toks.texts[k].islower()), end)
    if participle - 1 > start and participle < len(toks.lows) and toks.lows[participle] in g.object_articles:
        return participle - 1   # a word an article follows is a verb: "the 15-minute delay cost the airline"
    return participle


def adjectives(toks: Tokens, j: int, n: int, g: Grammar) -> int:
    """The index after the adjectives that start at ``toks[j]`` (and end by ``n``).

    With the head last ("military construction workers"), the modifiers and the head are
    one run of noun-like words.
    """
    stop = min(n, j + g.max_adjectives)
    window = toks[:n]
    while j < stop:
        step = int(g.can_head(toks, j)) if g.head_last else g.qualifier(window, j)
        if not step:
            return j
        j += step
    return j
