"""The counted noun phrase of a figure: what "5.000" counts in "5.000 operai edili militari".

The words come from the pack's ``[nouns]`` table; this module holds the machinery:

- after the figure: head noun + adjectives ("5.000 operai edili militari"), through
  "di" ("migliaia di truppe", "l'80% degli elettori"), coordinated heads under one
  figure ("migliaia di operai militari e sminatori");
- inverted: "300 i soldati nordcoreani uccisi", "i feriti sono 2.700";
- elliptic: "e altri 47", "circa 2.700 quelli feriti" reuse the noun of the previous
  figure of the sentence (the caller passes it as ``antecedent``).

A figure that carries its unit (money, measures, percentages, durations) counts a noun
only through "di" ("1,5 milioni di euro di aiuti" -> "aiuti", "l'80% degli elettori"
-> "elettori"); a currency or unit word is never the noun: it is in ``Quantity.unit``.

>>> s = "Il Nord invierà 5.000 operai edili militari e 1.000 genieri a Kursk."
>>> counted(s, Span(16, 21), lang="it").text
'operai edili militari'
>>> counted(s, Span(46, 51), lang="it").text
'genieri'
>>> counted("Sono morti 300 i soldati nordcoreani uccisi.", Span(11, 14), lang="it").text
'soldati nordcoreani uccisi'
"""

from __future__ import annotations

from dataclasses import dataclass

from quantities.lang import Pack, per_pack, phrases, positive_int, word_set
from quantities.text.tokens import WINDOW, Tokens, surface, tokens
from quantities.types import Span, direct_init


@dataclass(frozen=True, slots=True)
class Grammar:
    of: frozenset[str]
    articles: frozenset[str]
    copulas: tuple[tuple[str, ...], ...]
    fillers: frozenset[str]
    elliptic_before: frozenset[str]
    elliptic_after: frozenset[str]
    prenominal: frozenset[str]
    conj: frozenset[str]
    function: frozenset[str]
    adjectives: frozenset[str]
    adjective_endings: tuple[str, ...]
    verb_endings: tuple[str, ...]
    max_adjectives: int
    max_words: int
    head_last: bool

    def is_verb(self, word: str) -> bool:
        return word.endswith(self.verb_endings)

    def can_head(self, toks: Tokens, i: int, lowercase: bool = False) -> bool:
        """``toks[i]`` is a word that may be the counted noun."""
        w, text = toks.lows[i], toks.texts[i]
        return (text[0].isalpha() and len(w) > 1 and w not in self.function and not self.is_verb(w)
                and not w[0].isdigit() and (text.islower() or not lowercase))

    def is_adjective(self, toks: Tokens, i: int) -> bool:
        w, text = toks.lows[i], toks.texts[i]
        return (text[0].isalpha() and text.islower() and w not in self.function
                and (w in self.adjectives or (w.endswith(self.adjective_endings) and not self.is_verb(w))))


@per_pack("nouns")
def grammar(pack: Pack) -> Grammar:
    """The ``[nouns]`` words of ``pack``, checked and compiled once."""
    return Grammar(
        of=word_set(pack, "nouns.of"),
        articles=word_set(pack, "nouns.articles"),
        copulas=phrases(pack, "nouns.copulas"),
        fillers=word_set(pack, "nouns.copula_fillers"),
        elliptic_before=word_set(pack, "nouns.elliptic_before"),
        elliptic_after=word_set(pack, "nouns.elliptic_after"),
        prenominal=word_set(pack, "nouns.prenominal"),
        conj=word_set(pack, "nouns.and"),
        function=word_set(pack, "nouns.function_words"),
        adjectives=word_set(pack, "nouns.adjectives"),
        adjective_endings=tuple(word_set(pack, "nouns.adjective_endings")),
        verb_endings=tuple(word_set(pack, "nouns.verb_endings")),
        max_adjectives=positive_int(pack, "nouns.max_adjectives"),
        max_words=positive_int(pack, "nouns.max_words"),
        head_last=_head_position(pack) == "last",
    )


def _head_position(pack: Pack) -> str:
    value = pack.get("nouns.head", "first")
    if value not in ("first", "last"):
        raise pack.error("nouns.head", "expected \"first\" or \"last\"")
    return str(value)


@direct_init
@dataclass(frozen=True, slots=True)
class NounPhrase:
    """The counted noun as written; ``span`` is where it stands (None when reused)."""

    text: str
    head: str
    span: Span | None

    @property
    def adjacent(self) -> bool:
        return self.span is not None


def counted(sentence: str, figure: Span, *, lang: str | Pack = "it", unit_bearing: bool = False,
            antecedent: NounPhrase | None = None, toks: Tokens | None = None) -> NounPhrase | None:
    """The noun phrase that the figure at ``figure`` (a span of ``sentence``) counts.

    ``unit_bearing`` is True for figures that carry a unit (money, measures, percent,
    durations): they count only what follows "di". ``antecedent`` is the noun of the
    previous figure of the sentence, reused by elliptic figures. The phrase is looked for
    among the words of the sentence, however far (a few words at most). ``toks`` are the
    :func:`tokens` of the sentence when the caller has them; then ``sentence`` may be the
    whole text and ``figure`` a span of it: the phrase never reaches past those tokens.

    >>> counted("Migliaia di operai militari e sminatori nella regione.", Span(0, 8)).text
    'operai militari e sminatori'
    >>> counted("L'80% degli elettori", Span(2, 5), unit_bearing=True).text
    'elettori'
    >>> counted("1,5 milioni di euro per Kiev", Span(0, 19), unit_bearing=True) is None
    True
    """
    g = grammar(lang)
    toks = tokens(sentence) if toks is None else toks
    right = _right_of(sentence, figure.end, g.max_words + 4, toks)
    first = right.lows[0] if right else ""
    if unit_bearing:
        return _phrase(sentence, right, 1, g, lowercase=True) if first in g.of else None
    if first in g.of or first in g.articles:
        found = _phrase(sentence, right, 1, g)
    elif first in g.elliptic_after:
        found = None
    else:
        found = _phrase(sentence, right, 0, g)
    if found is None and first not in g.elliptic_after:
        found = _before_copula(sentence, _left_of(sentence, figure.start, g.max_words + 8, toks), g)
    if found is None and antecedent is not None:
        return NounPhrase(antecedent.head, antecedent.head, None)
    return found


def _phrase(text: str, toks: Tokens, i: int, g: Grammar, lowercase: bool = False) -> NounPhrase | None:
    """Head noun + adjectives (+ "e" + head + adjectives) starting at ``toks[i]``."""
    n = min(len(toks), i + g.max_words)
    lows = toks.lows
    j = i
    while j < n - 1 and j - i < 2 and lows[j] in g.prenominal and g.can_head(toks, j + 1):
        j += 1
    if j >= n or not g.can_head(toks, j, lowercase):
        return None
    head = j
    end = _adjectives(toks, j + 1, n, g)
    if end + 1 < n and lows[end] in g.conj and g.can_head(toks, end + 1, lowercase=True):
        end = _adjectives(toks, end + 2, n, g)
    span = toks.span(i, end)
    if g.head_last:
        head = end - 1
    return NounPhrase(surface(span.of(text)), toks.texts[head], span)


def _adjectives(toks: Tokens, j: int, n: int, g: Grammar) -> int:
    """The index after the adjectives that start at ``toks[j]`` (and end by ``n``).

    With the head last ("military construction workers"), the modifiers and the head are
    one run of noun-like words.
    """
    stop = min(n, j + g.max_adjectives)
    while j < stop and (g.is_adjective(toks, j) or (g.head_last and g.can_head(toks, j, lowercase=True))):
        j += 1
    return j


def _right_of(text: str, pos: int, limit: int, toks: Tokens) -> Tokens:
    """The first ``limit`` tokens from ``pos`` on (a token cut by ``pos``, its tail)."""
    k = toks.index(pos)
    if k and toks.ends[k - 1] > pos:
        head = tokens(text, pos, min(toks.ends[k - 1], pos + WINDOW), limit=limit)
        return (head + toks[k:k + limit])[:limit]
    return toks[k:k + limit]


def _left_of(text: str, pos: int, limit: int, toks: Tokens) -> Tokens:
    """The last ``limit`` tokens before ``pos`` (a token cut by ``pos``, its head)."""
    k = toks.index(pos)
    if k and toks.ends[k - 1] > pos:
        tail = tokens(text, max(toks.starts[k - 1], pos - WINDOW), pos)
        return (toks[max(0, k - limit):k - 1] + tail)[-limit:]
    return toks[max(0, k - limit):k]


def _before_copula(text: str, left: Tokens, g: Grammar) -> NounPhrase | None:
    """The subject of "i feriti sono 2.700", "erano almeno in 250", given the tokens
    before the figure."""
    lows = left.lows
    k = len(lows)
    while k > 0 and len(lows) - k < 2 and lows[k - 1] in g.fillers:
        k -= 1
    last = lows[k - 1] if k else ""
    for cop in g.copulas:
        if cop[-1] == last and tuple(lows[max(0, k - len(cop)):k]) == cop:
            return _subject(text, left, k - len(cop), g)
    return None


def _subject(text: str, left: Tokens, end: int, g: Grammar) -> NounPhrase | None:
    """The noun phrase that ends at ``left[end]``, after an article or at the start."""
    for _ in range(3):  # skip up to two complements: "i soldati nordcoreani in Russia sono"
        start = end
        while start > 0 and end - start <= g.max_adjectives and (
            g.is_adjective(left, start - 1) or g.can_head(left, start - 1)
        ):
            start -= 1
        before = left.lows[start - 1] if start else ""
        if start < end and (start == 0 or before in g.articles):
            if g.can_head(left, start) and all(g.is_adjective(left, k) for k in range(start + 1, end)):
                span = left.span(start, end)
                return NounPhrase(surface(span.of(text)), left.texts[start], span)
        if start == end or before in g.articles or before not in g.function or start < 2:
            return None
        end = start - 1
    return None
