"""Whose share a contest gives: the subject of a verb of winning (``[nouns] share_verbs``), for a
share that names its base ("Il centrodestra raccoglie il 43,79% dei voti": its scope) or that a
link word gives to the winner (``[nouns] share_with``: "Lo Russo ha battuto Damilano con il
59,23%", "Lo Russo won with 59.2%": its noun), and the name that owns a share ("Gualtieri's 27%").

Each function gets the tokens before the figure (``left``)."""

from __future__ import annotations

from quantities.extraction.nouns.grammar import Grammar, NounPhrase
from quantities.extraction.nouns.left import _name, _past_aside, _subject
from quantities.text.tokens import Tokens

#: The most words between a verb of winning and the link word of its share ("ha battuto Paolo
#: Damilano con il 59,23%", "had led the first round with 30.1%").
OBJECT = 5


def holder(text: str, left: Tokens, g: Grammar) -> NounPhrase | None:
    """Whose share a figure is, when the share names its base ("il 43,79% dei voti"): the
    subject of the verb of winning before it (``[nouns] share_verbs``: "Il centrodestra nel
    suo insieme raccoglie", "Brothers of Italy was winning"), a name or a noun phrase; a
    verb group of up to three lowercase words, no preposition or punctuation between."""
    k = _opened(left, g)
    return _winner(text, left, k, g) if k > 0 and left.lows[k - 1] in g.share_verbs else None


def contestant(text: str, left: Tokens, g: Grammar, sentence: list[str] | None = None) -> NounPhrase | None:
    """Whose share a figure that names nothing is, in a sentence of a contest (a verb of winning
    before it, ``[nouns] share_verbs``): the name that owns it ("against Gualtieri's 27%"), the
    name that is the subject of the verb right before it ("while Kilicdaroglu got 47.8%"), or of
    the verb whose object the link word before it ends (``[nouns] share_with``: "Lo Russo won with
    59.2%", "Stefano Lo Russo, del centrosinistra, ha battuto Paolo Damilano con il 59,23%"); not
    through an agent ("sconfitto da Gualtieri con il 60%": the winner's, unnamed). A name only,
    never a common noun ("Il candidato … ha vinto"), and one the text does not hold (no span):
    no later figure takes it as a topic or an antecedent. Not in a ``sentence`` (its folded words)
    that names a round of the contest (``[nouns] rounds``: "In the first round, Erdogan led with
    49.5%" is no rival of the runoff's 52.2%)."""
    if g.share_verbs.isdisjoint(left.lows) or (sentence is not None and _round(sentence, g)):
        return None
    k = len(left.lows)
    if k > 1 and left.lows[k - 1] in g.possessives and left.texts[k - 2].endswith(("'", "’")) \
            and left.texts[k - 2][:1].isupper():
        owner = _name(text, left, k - 1, g, least=1)
        return owner and NounPhrase(owner.text.rstrip("'’"), owner.head.rstrip("'’"), None)
    k = _opened(left, g)
    if k > 0 and left.lows[k - 1] in g.share_verbs:
        return _unspanned(_winner(text, left, k, g, names=True))
    if k == 0 or left.lows[k - 1] not in g.share_with:
        return None
    j = k - 1
    while j > 0 and k - j <= OBJECT and left.lows[j - 1] not in g.share_verbs:
        if not left.texts[j - 1][:1].isalnum() or left.lows[j - 1] in g.conj or left.lows[j - 1] in g.share_agents:
            return None
        j -= 1
    return _unspanned(_winner(text, left, j, g, names=True)) if j > 0 and left.lows[j - 1] in g.share_verbs else None


def _unspanned(found: NounPhrase | None) -> NounPhrase | None:
    return found and NounPhrase(found.text, found.head, None)


def _opened(left: Tokens, g: Grammar) -> int:
    """Where the words before a share end, past its article and fillers ("il", "quasi")."""
    k = len(left.lows)
    while k > 0 and len(left.lows) - k < 2 and (left.lows[k - 1] in g.articles or left.lows[k - 1] in g.fillers):
        k -= 1
    return k


def _winner(text: str, left: Tokens, k: int, g: Grammar, names: bool = False) -> NounPhrase | None:
    """The subject of the verb group that ends at ``left[k - 1]``: up to three lowercase words,
    no preposition or coordinator between, past an aside between commas; with ``names``, a name only."""
    for _ in range(3):  # the verb, one word more each time: "raccoglie", "was winning"
        if k < 2 or not (left.texts[k - 1].isalpha() and left.texts[k - 1].islower()) or (
                left.lows[k - 1] in g.prepositions or left.lows[k - 1] in g.conj):
            return None
        k -= 1
        at = _past_aside(left, k)
        found = _name(text, left, at, g, least=1) or (None if names else _subject(text, left, at, g))
        if found is not None:
            return found
    return None


def _round(words: list[str], g: Grammar) -> bool:
    """Whether ``words`` hold one of the pack's rounds of a contest ("primo turno", "first round")."""
    firsts = {r[0] for r in g.rounds}
    return not firsts.isdisjoint(words) and any(
        tuple(words[k:k + len(r)]) == r for k, w in enumerate(words) if w in firsts for r in g.rounds)
