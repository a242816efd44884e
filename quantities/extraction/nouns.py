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
    prepositions: frozenset[str]
    of_before: frozenset[str]
    at_before: frozenset[str]
    transparent: frozenset[str]
    elliptic_adjectives: frozenset[str]
    purpose: dict[str, frozenset[str]]
    bare_purpose: frozenset[str]
    noun_after_kinds: frozenset[str]
    postmodifier_endings: tuple[str, ...]
    unit_nouns: dict[str, str]
    rate_words: dict[str, str]
    name_links: frozenset[str]

    def is_verb(self, word: str) -> bool:
        return word.endswith(self.verb_endings) and word not in self.adjectives

    def can_head(self, toks: Tokens, i: int, lowercase: bool = False) -> bool:
        """``toks[i]`` is a word that may be the counted noun."""
        w, text = toks.lows[i], toks.texts[i]
        return (text[0].isalpha() and len(w) > 1 and w not in self.function and not self.is_verb(w)
                and w not in self.elliptic_before
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
        prepositions=word_set(pack, "nouns.prepositions"),
        of_before=word_set(pack, "nouns.of_before"),
        at_before=word_set(pack, "nouns.at_before"),
        transparent=word_set(pack, "nouns.transparent"),
        elliptic_adjectives=word_set(pack, "nouns.elliptic_adjectives"),
        purpose={kind: word_set(pack, f"nouns.purpose.{kind}") for kind in pack.table("nouns.purpose")},
        bare_purpose=word_set(pack, "nouns.bare_purpose"),
        noun_after_kinds=word_set(pack, "nouns.noun_after_kinds"),
        postmodifier_endings=tuple(word_set(pack, "nouns.postmodifier_endings")),
        unit_nouns=_names(pack, "nouns.unit_nouns"),
        rate_words={w.casefold(): n for w, n in _names(pack, "nouns.rate_words").items()},
        name_links=word_set(pack, "nouns.name_links"),
    )


@per_pack("status")
def status_words(pack: Pack) -> frozenset[str]:
    """The one-word status words of the pack's ``[status.classes]`` ("feriti", "dispersi"):
    after a figure, alone, they reuse the antecedent's head ("7 persone decedute e 3
    disperse" -> "persone disperse")."""
    out: set[str] = set()
    for name in pack.table("status.classes", {}):
        out |= {w for w in word_set(pack, f"status.classes.{name}") if " " not in w}
    return frozenset(out)


def _names(pack: Pack, key: str) -> dict[str, str]:
    """A table of strings to strings at ``key``."""
    table = pack.table(key)
    if not all(isinstance(v, str) and v.strip() for v in table.values()):
        raise pack.error(key, "expected a table of non-empty strings")
    return dict(table)


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
            antecedent: NounPhrase | None = None, toks: Tokens | None = None, kind: str = "count",
            unit: str | None = None) -> NounPhrase | None:
    """The noun phrase that the figure at ``figure`` (a span of ``sentence``) counts.

    ``unit_bearing`` is True for figures that carry a unit (money, measures, percent,
    durations): they count only what follows "di". ``antecedent`` is the noun of the
    previous figure of the sentence, reused by elliptic figures. The phrase is looked for
    among the words of the sentence, however far (a few words at most). ``toks`` are the
    :func:`tokens` of the sentence when the caller has them; then ``sentence`` may be the
    whole text and ``figure`` a span of it: the phrase never reaches past those tokens.
    ``kind`` and ``unit`` are the figure's: money counts what follows "in"/"per" too ("69
    miliardi in sovvenzioni"), an age the noun after it ("88-year-old woman"), and a
    measure with nothing else names what its unit measures ("160 km/h" -> "velocità").

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
        found = _phrase(sentence, right, 1, g, lowercase=True) if first in g.of else None
        if found is None and first in g.purpose.get(kind, ()) and (
            first not in g.bare_purpose or len(right) < 2 or right.lows[1] not in g.articles
        ):
            found = _phrase(sentence, right, 1, g, lowercase=True)
    elif antecedent is not None and _elliptic(first, antecedent, g, status_words(lang)):
        found = _rebuilt(sentence, right, antecedent, g)
    elif first in g.of or first in g.articles:
        found = _phrase(sentence, right, 1, g)
    else:
        found = _phrase(sentence, right, 0, g)
    if found is None and first not in g.elliptic_after:
        left = _left_of(sentence, figure.start, g.max_words + 8, toks)
        found = _left(sentence, left, g, unit_bearing, aside=first in (",", ";", ")"))
    if found is None and kind in g.noun_after_kinds:  # "88-year-old woman", "a 34-year-old Syrian"
        found = _phrase(sentence, right, 0, g)
    if found is None and antecedent is not None:
        found = NounPhrase(antecedent.head, antecedent.head, None)
    return _measured(found, right, unit, g)


def _measured(found: NounPhrase | None, right: Tokens, unit: str | None, g: Grammar) -> NounPhrase | None:
    """What a speed or a temperature measures, whatever noun stands near it: "160 km/h",
    "160 chilometri orari", "160 kph" -> "velocità", "un record di 46 gradi" ->
    "temperatura"; a noun with that head stays ("la velocità massima consentita")."""
    name = g.rate_words.get(right.lows[0]) if right else None
    name = name or (g.unit_nouns.get(unit) if unit else None)
    if name is None or (found is not None and found.head.casefold() == name.casefold()):
        return found
    return NounPhrase(name, name, None)


def _elliptic(first: str, antecedent: NounPhrase, g: Grammar, states: frozenset[str]) -> bool:
    """"2.700 quelli feriti", or a status word alone after a figure whose antecedent is no
    status word ("7 persone decedute e 3 disperse"; not "11 morti e 4 dispersi")."""
    return (first in g.elliptic_after or first in g.elliptic_adjectives
            or (first in states and antecedent.head.casefold() not in states))


def _rebuilt(text: str, right: Tokens, antecedent: NounPhrase, g: Grammar) -> NounPhrase:
    """The antecedent's head with the status words of the clause: "quelli feriti" ->
    "soldati feriti", "3 disperse" -> "persone disperse" (RULES.md reconstructs ellipsis so)."""
    i = 1 if right.lows[0] in g.elliptic_after else 0
    end = _adjectives(right, i, len(right), g) if g.head_last else i
    while end < len(right) and end - i < g.max_adjectives and (g.is_adjective(right, end) or end == i) and g.can_head(right, end, True):
        end += 1
    if end == i:
        return NounPhrase(antecedent.head, antecedent.head, None)
    span = right.span(i, end)
    return NounPhrase(f"{antecedent.head} {surface(span.of(text))}", antecedent.head, right.span(0, end))


def _phrase(text: str, toks: Tokens, i: int, g: Grammar, lowercase: bool = False) -> NounPhrase | None:
    """Head noun + adjectives (+ "e" + head + adjectives) starting at ``toks[i]``."""
    n = min(len(toks), i + g.max_words)
    lows = toks.lows
    i += i < n - 1 and (lows[i] in g.articles or lows[i] in g.elliptic_after)  # "four of the victims"
    j = i
    while j < n - 1 and j - i < 2 and lows[j] in g.prenominal and g.can_head(toks, j + 1):
        j += 1
    if j >= n or not g.can_head(toks, j, lowercase):
        return None
    head = j
    end = _trim(toks, j, _adjectives(toks, j + 1, n, g), g)
    if end + 1 < n and lows[end] in g.conj and g.can_head(toks, end + 1, lowercase=True):
        end = _trim(toks, end + 1, _adjectives(toks, end + 2, n, g), g)
    span = toks.span(i, end)
    if g.head_last:
        head = end - 1
    if lows[head] in g.transparent and end < n and lows[end] in g.of:  # "il numero delle vittime"
        inner = _phrase(text, toks, end + 1, g, lowercase=True)
        if inner is not None:
            return inner
    return NounPhrase(surface(span.of(text)), toks.texts[head], span)


def _trim(toks: Tokens, start: int, end: int, g: Grammar) -> int:
    """With the head last, where the run of noun-like words from ``toks[start]`` really ends:
    at its last lowercase word when names stand in it ("North Korean soldiers"), before a
    participle after the head ("people died", "soldiers killed"; the status keeps it)."""
    if not g.head_last:
        return end
    texts = toks.texts
    if any(texts[k][:1].isupper() for k in range(start + 1, end)):
        end = next((k + 1 for k in range(end - 1, start, -1) if texts[k].islower()), start + 1)
    while end - 1 > start and toks.lows[end - 1].endswith(g.postmodifier_endings) and toks.texts[end - 1].islower():
        end -= 1
    return end


def _adjectives(toks: Tokens, j: int, n: int, g: Grammar) -> int:
    """The index after the adjectives that start at ``toks[j]`` (and end by ``n``).

    With the head last ("military construction workers"), the modifiers and the head are
    one run of noun-like words.
    """
    stop = min(n, j + g.max_adjectives)
    while j < stop and (g.is_adjective(toks, j) or (g.head_last and g.can_head(toks, j))):
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


def _left(text: str, left: Tokens, g: Grammar, unit_bearing: bool, aside: bool) -> NounPhrase | None:
    """The counted noun before the figure, given the tokens before it: the subject of a
    copula ("i feriti sono 2.700", "l'affluenza è del 19%"), the noun a "di" links to the
    figure ("una donna di 31 anni", "profondità di 8 chilometri"), a name before "al"
    ("Lega all'8,7%", for figures with a unit), a gapped subject ("i dispersi 4") or a
    name or, for a figure with a unit, a noun in apposition ("Kevin Laganà, 22 anni", "Meloni,
    45,", "la quota di sovvenzioni, 144 milioni di euro"); ``aside`` tells that a comma
    closes the figure, as it closes an apposition."""
    lows = left.lows
    k = len(lows)
    while k > 0 and len(lows) - k < 2 and lows[k - 1] in g.fillers:
        k -= 1
    last = lows[k - 1] if k else ""
    linked = last in g.of_before or (unit_bearing and last in g.at_before)
    at = k - 1 if linked else k
    copula = _copula(left, at, g)
    if copula:
        return _subject(text, left, at - copula, g)
    if linked:
        return _before(text, left, k - 1, g)
    listed = _listed(left, k, g)
    if listed < k:  # "due ragazzi di 12 e 13 anni", "i fratelli Monti di 15, 11 e 6 anni"
        return _before(text, left, listed - 1, g) if listed and lows[listed - 1] in g.of_before else None
    if last == ",":
        return _before(text, left, k, g) if unit_bearing else _name(text, left, k - 1, g, least=1 if aside else 2)
    return _gapped(text, left, k, g)


def _gapped(text: str, left: Tokens, k: int, g: Grammar) -> NounPhrase | None:
    """The subject of a figure whose verb is left out, in a list: "i morti sono 11, i
    dispersi 4" (an article after a comma or a coordinator opens the phrase)."""
    found = _subject(text, left, k, g, article=True)
    if found is None or found.span is None:
        return found
    at = left.index(found.span.start)
    return found if at > 1 and (left.lows[at - 2] in g.conj or left.lows[at - 2] in (",", ";")) else None


def _listed(left: Tokens, k: int, g: Grammar) -> int:
    """Where a list of figures that ends before ``left[k]`` starts ("di 15, 11 e"), or ``k``."""
    j = k
    while j > 1 and (left.lows[j - 1] in g.conj or left.lows[j - 1] == ",") and left.texts[j - 2][0].isdigit():
        j -= 2
    return j


def _copula(left: Tokens, k: int, g: Grammar) -> int:
    """The length of the copula that ends at ``left[k - 1]``, or 0."""
    lows = left.lows
    last = lows[k - 1] if k > 0 else ""
    for cop in g.copulas:
        if cop[-1] == last and tuple(lows[max(0, k - len(cop)):k]) == cop:
            return len(cop)
    return 0


def _before(text: str, left: Tokens, end: int, g: Grammar) -> NounPhrase | None:
    """The name or the noun phrase that ends at ``left[end - 1]`` (or before a comma there:
    "la quarta rata, da 16,5 miliardi"), no article needed."""
    end -= end > 0 and left.lows[end - 1] == ","
    found = _name(text, left, end, g, least=1)
    if found is not None and found.span is not None:
        k = left.index(found.span.start)
        if k and left.texts[k - 1].islower() and g.can_head(left, k - 1, lowercase=True):  # "i fratelli Monti"
            span = Span(left.starts[k - 1], found.span.end)
            return NounPhrase(surface(span.of(text)), left.texts[k - 1], span)
        return found
    start = _run_start(left, end, g)
    while start < end and not g.can_head(left, start, lowercase=True):
        start += 1
    if start == end:
        return None
    span = left.span(start, end)
    return NounPhrase(surface(span.of(text)), left.texts[end - 1 if g.head_last else start], span)


def _name(text: str, left: Tokens, end: int, g: Grammar, least: int) -> NounPhrase | None:
    """A run of capitalised words that ends at ``left[end - 1]`` ("Kevin Laganà", "Fratelli
    d'Italia"), of ``least`` capitalised words or more, that is not the object of a
    preposition ("secondo Reuters")."""
    start, caps = end, 0
    while start > 0 and end - start < g.max_words:
        word = left.texts[start - 1]
        if word[:1].isupper() and word[0].isalpha() and left.lows[start - 1] not in g.function:
            caps += 1
        elif not (left.lows[start - 1] in g.name_links and start < end and caps):
            break
        start -= 1
    while start < end and not left.texts[start][:1].isupper():
        start += 1
    if caps < least or start == end or (start and left.lows[start - 1] in g.prepositions):
        return None
    span = left.span(start, end)
    return NounPhrase(surface(span.of(text)), left.texts[end - 1 if g.head_last else start], span)


def _subject(text: str, left: Tokens, end: int, g: Grammar, article: bool = False) -> NounPhrase | None:
    """The noun phrase that ends at ``left[end]``, after an article (or at the start, unless
    ``article``); a phrase after a preposition is a complement, looked past ("l'affluenza
    per la Camera è del 19%"; "secondo la questura erano 10mila" has none); through a
    transparent head to what it counts ("il numero dei morti è salito a 39")."""
    inner: NounPhrase | None = None
    for _ in range(3):  # skip up to two complements: "i soldati nordcoreani in Russia sono"
        start = _run_start(left, end, g)
        before = left.lows[start - 1] if start else ""
        if start < end and ((start == 0 and not article) or before in g.articles) and g.can_head(left, start):
            if start < 2 or left.lows[start - 2] not in g.prepositions:
                span = left.span(start, end)
                found = NounPhrase(surface(span.of(text)), left.texts[start], span)
                return inner if inner is not None and found.head.casefold() in g.transparent else found
            if article:
                return None
            end = start - 2
            continue
        if article or start == end or before in g.articles or start < 2 or (
            before not in g.prepositions and before not in g.of
        ):
            return None
        if g.can_head(left, start) and before in g.of:
            span = left.span(start, end)
            inner = NounPhrase(surface(span.of(text)), left.texts[start], span)
        end = start - 1
    return None


def _run_start(left: Tokens, end: int, g: Grammar) -> int:
    """Where the run of noun-like words that ends at ``left[end - 1]`` starts, with
    coordinators between them ("misure nuove o modificate")."""
    start = end
    while start > 0 and end - start <= g.max_adjectives + 1:
        if g.is_adjective(left, start - 1) or g.can_head(left, start - 1):
            start -= 1
        elif left.lows[start - 1] in g.conj and start > 1 and start < end and g.can_head(left, start - 2, True):
            start -= 1
        else:
            break
    while start < end and left.lows[start] in g.conj:
        start += 1
    return start
