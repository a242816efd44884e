"""The counted noun phrase of a figure: what "5.000" counts in "5.000 operai edili militari".

The words come from the pack's ``[nouns]`` table; this package holds the machinery:

- after the figure (here): head noun + adjectives ("5.000 operai edili militari"), through
  "di" ("migliaia di truppe", "il numero delle vittime" -> "vittime"), coordinated heads
  under one figure ("migliaia di operai militari e sminatori"), English head-last runs
  ("300 North Korean soldiers");
- before the figure (:mod:`.left`): the subject of a copula ("i feriti sono 2.700",
  "l'affluenza per la Camera è del 19%"), the noun "di" links to a figure ("una donna di 31
  anni"), gapped subjects ("i morti sono 11, i dispersi 4"), names ("Lega all'8,7%", "Kevin
  Laganà, 22 anni"); never the object of a preposition ("secondo la questura erano 10mila");
- elliptic: "e altri 47", "circa 2.700 quelli feriti" -> "soldati feriti", "3 disperse" ->
  "persone disperse": the noun of the previous figure of its kind in the sentence (the
  caller passes it as ``antecedent``), with the status words of the clause;
- status and scope of the claim: :mod:`.status`.

A figure that carries its unit (money, measures, percentages, durations, ages) counts a
noun through "di" after or before it ("1,5 milioni di euro di aiuti" -> "aiuti",
"profondità di 8 km" -> "profondità"), through "in"/"per" for money ("69 miliardi in
sovvenzioni"), and a speed or temperature names what it measures ("160 km/h" ->
"velocità"); a currency or unit word is never the noun: it is in ``Quantity.unit``.

>>> s = "Il Nord invierà 5.000 operai edili militari e 1.000 genieri a Kursk."
>>> counted(s, Span(16, 21), lang="it").text
'operai edili militari'
>>> counted(s, Span(46, 51), lang="it").text
'genieri'
>>> counted("Sono morti 300 i soldati nordcoreani uccisi.", Span(11, 14), lang="it").text
'soldati nordcoreani uccisi'
"""

from __future__ import annotations

from bisect import bisect_left

from quantities.extraction.nouns.adverbials import untimed
from quantities.extraction.nouns.ages import age_subject
from quantities.extraction.nouns.beside import (
    aside_after,
    converted,
    described,
    dimension_named,
    past_apposition,
    predicated,
    ratio_base,
    swallowed,
    unit_of_figure,
)
from quantities.extraction.nouns.contest import contestant, holder
from quantities.extraction.nouns.grammar import Grammar, NounPhrase, grammar, reused, status_skip, status_words
from quantities.extraction.nouns.leaning import gapped
from quantities.extraction.nouns.left import (
    compared,
    linked_before,
    noun_before,
    partitive,
    standing_for,
    verb_named,
)
from quantities.extraction.nouns.lists import paired, second_of_pair
from quantities.extraction.nouns.portion import of_whole
from quantities.extraction.nouns.purpose import purpose_after, purpose_fronted
from quantities.extraction.nouns.right import adjectives, opens_clause, phrase
from quantities.extraction.nouns.topic import Topic, elided, listed
from quantities.extraction.nouns.verbs import verb_noun
from quantities.lang import Pack
from quantities.lang.places import Places
from quantities.text.tokens import WINDOW, Tokens, surface, tokens
from quantities.types import Span

__all__ = ["Grammar", "NounPhrase", "Topic", "contested", "counted", "elided", "grammar", "held", "listed", "named",
           "of_whole", "opens_clause", "paired", "reused", "status_skip", "status_words"]


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
    right, aside = converted(_right_of(sentence, figure.end, g.max_words + 4, toks))  # "2 miliardi di euro (…) per"
    first = right.lows[0] if right.lows else ""
    left = _left_of(sentence, figure.start, g.max_words + 16, toks)
    changed, past = _changed(right, g) if unit_bearing else (None, 0)  # only a unit's figure reads it
    base: NounPhrase | None = None  # the base of a ratio ("del Pil"): the noun when no other stands
    paired: int | None = None  # the first figure of a pair: "da quattro a tre aliquote"
    if antecedent is not None and antecedent.span is None and antecedent.head[:1].isupper():
        antecedent = None   # a contestant's name (nouns/contest.py) is no other figure's
    if antecedent is not None and compared(left.lows, g) and not _held(right, unit, g):
        return NounPhrase(antecedent.text, antecedent.head, None)  # "contro il 63,67% delle politiche"
    if unit_bearing:
        right = right[past:] if past else right  # "240 milioni in più per gli alloggi"
        first = right.lows[0] if right.lows else ""
        found = _inside(sentence, figure, toks, g) if unit in g.share_units else None
        found = found or standing_for(sentence, left, antecedent, g)  # "quella non boscata di 3.000 ettari"
        found = found or linked_before(sentence, untimed(left, g), g)  # "un tratto di 200 metri del viadotto",
        # not a basis between a verb and its figure: "i prezzi crescono su base annua del 71,1%"
        if found is not None and found.head.casefold() in g.change_nouns and first in g.of:
            found = _changed_of(sentence, right, found, g)  # "il rincaro di 1,25 punti dei contributi sociali"
        if found is None and first in g.of:  # "metà del Pd lombardo": a share may be of a name
            found = phrase(sentence, right, 1, g, lowercase=unit not in g.share_units)
            if found is not None and unit in g.share_units and found.head.casefold() in g.wholes:
                found = None  # "le famiglie in tutela sono il 35% del totale": the subject, or none
            elif found is not None and unit in g.share_units and ratio_base(found, lang):
                base, found = found, None  # "il deficit è al 4,3% del Pil": the subject, if one stands
        if found is None and (at := past_apposition(right, left, g)) is not None:
            found = phrase(sentence, right, at, g, lowercase=True)  # "45 miliardi di sterline, circa 51 …, di tagli"
            found = found and NounPhrase(found.text, found.head, None)  # the claim's words end at its figure
        if found is None and kind in g.purpose:  # "1,2 miliardi per la ricostruzione"
            found = _purposed(sentence, right, purpose_after(right, kind, g), g) \
                or _purposed(sentence, toks, purpose_fronted(toks, figure, kind, g), g)
        found = found or changed  # "circa il 9% in meno"
    elif (paired := second_of_pair(left, right, g)) is not None:  # "passa da quattro a tre aliquote"
        found = phrase(sentence, right, paired, g)
        found = found and NounPhrase(found.text, found.head, None)  # the claim's words end at its figure
    elif antecedent is not None and antecedent.head.casefold() not in g.transparent \
            and _elliptic(first, antecedent, g, status_words(lang)):  # not "il bilancio: 1.037 morti"
        found = _rebuilt(sentence, right, antecedent, g)
    elif first in g.of or first in g.articles:
        found = phrase(sentence, right, 1, g)
    elif first in g.among:  # "12 among the dead": after a noun before it ("sono stati 1.500 tra città e provincia")
        found = None
    elif first == "," and (at := aside_after(right, left, g)):  # "Sono quattro, ora, i presunti scafisti"
        found = phrase(sentence, right, at, g)
    elif g.of_scales and (sentence[figure.start:figure.end].split() or [""])[-1].casefold() in g.of_scales:
        found = None  # "144 milioni legati al Pnrr": a noun of "milioni" follows "di"; the word after is no noun
    else:
        found = phrase(sentence, right, 0, g)
    if found is not None and found.head.casefold() in g.time_words:
        found = None  # "contro 1,626 di venerdì", "10 miliardi l'anno": a time, a rate
    if found is None and first not in g.elliptic_after:
        before = left + link if unit_bearing and (link := swallowed(figure, toks, g)) is not None else left
        found = noun_before(sentence, untimed(before, g), g, unit_bearing, aside=first in (",", ";", ")"),
                            valued=g.value_before.get(kind, frozenset()) if paired is None else frozenset(),
                            opened=_opened(sentence, figure, toks, g))  # a pair's "da" links no value
        if found is not None and (found.head.casefold() in g.time_words
                                  or (unit_bearing and unit_of_figure(found, left, g))):
            found = None  # "alle 22.26 di sabato, a 40 miglia": a time; "65 miliardi di sterline, 5 miliardi",
            # "5 km, 7 km": the unit of a figure before
    if found is not None and not unit_bearing and found.span is not None and found.span.end <= figure.start \
            and Places.default().known(found.text) and gapped(left, left.index(found.span.start), g.conj, g.articles):
        found = None   # "… e la Germania circa 4.500": a place before a count is its scope (not "51 million Italians")
    found = found or base
    if found is None and unit in g.share_units and (not first[:1].isalnum() or first in g.function):
        found = contestant(sentence, left, g, toks.lows)  # "Lo Russo won with 59.2%", "Gualtieri's 27%"
    if found is None and first in g.among:  # "23 tra investimenti e riforme"; not "100mila tra le province di …"
        found = phrase(sentence, right, 1, g, lowercase=True)
        placed = len(right.lows) > 1 and right.lows[1] in g.articles   # "tra le province di …": where
        found = None if found is not None and placed and found.head.casefold() in g.among_places else found
    if found is not None and kind in g.age_kinds and found.head.casefold() in g.age_markers:
        found = None   # "Un uomo è morto all'età di 85 anni": whose age, not the word "età"
    if found is None and kind in g.age_kinds:  # "Si chiamava Giuseppe Saverio Lombardo e aveva 53 anni"
        found = age_subject(sentence, left, g, antecedent)
    if found is None and kind in g.verb_nouns and (noun := verb_noun(left, kind, g)):  # "ha speso 3 milioni"
        found = NounPhrase(noun, noun.split()[0], None)
    inside = g.head_last and unit in g.share_units and bool(left.lows) and left.lows[-1] in g.articles
    said = sentence[figure.start:figure.end]  # an age in one word: "il sedicenne afghano" (not "i diciottenni")
    modifier = unit_bearing and bool(left.lows) and left.lows[-1] in g.modifier_articles \
        and not (g.modifier_plural and said.casefold().endswith(g.modifier_plural))  # "a 13.5 billion euro fund"
    worded = kind in g.age_kinds and said[-1:].isalpha() and " " not in said and g.number(said.casefold()) != "pl"
    if found is None and (kind in g.noun_after_kinds or worded  # "88-year-old woman", "il sedicenne afghano"
                          or (g.head_last and unit_bearing and kind != "duration"  # not "2:24:36 ahead of"
                              and (sentence[figure.end - 1].isdigit() or _hyphened(said)))
                          or inside or modifier):
        # its unit before it: "a magnitude 4.9 aftershock"; a share its article opens: "the 45% top rate"
        # (what "of" adds is the rate's base, as in "45% of voters", no part of what it measures)
        found = phrase(sentence, right, 0, g, compound=not inside)
    if found is None and changed is not None and unit_bearing:  # "about 9% less"
        found = changed
    if found is None and not unit_bearing and len(right.lows) > 1 and g.is_copula(right.lows[0]):
        found = phrase(sentence, right, 1, g, lowercase=True)  # "Gli ultimi due sono bambini", "174 erano pazienti"
        purpose = any(right.lows[1] in words for words in g.purpose.values())  # "5 miliardi sono destinati"
        found = None if found is None or purpose or described(found, right, g) else found  # not "were feared"
        found = None if found is not None and found.head.casefold() in status_words(lang) else found
    if found is None and antecedent is not None and not opens_clause(right, 0, g):  # a name is reused whole
        reused = antecedent.text if antecedent.head[:1].isupper() else antecedent.head
        found = NounPhrase(reused, antecedent.head, None)
    if found is None and not unit_bearing:  # "hundreds were feared missing", "in 300 sono morti"
        found = _predicated(right, status_words(lang), status_skip(lang))
    found = found or partitive(sentence, left, g)  # "Dei contagiati, 27 sono in terapia intensiva"
    last = len(left.lows) - 1
    if found is None and unit_bearing and said[:1] in SIGNS and last >= 0 and g.can_head(left, last, True):
        found = NounPhrase(left.texts[last], left.texts[last], left.span(last, last + 1))  # "luce +59%"
    if found is not None and not unit_bearing and right.lows:  # "Tre dei feriti sono in gravi condizioni"
        found = predicated(sentence, found, right, g)
    after = found is not None and found.span is not None and found.span.start >= figure.end
    dimension = dimension_named(left, right, g, _glued(sentence, figure.end)) if kind in g.dimension_kinds else None
    if dimension is not None and not after:
        return dimension  # a noun written after the figure is what it counts ("300 high school students")
    found = _measured(found, left, right, unit, g)
    if aside and found is not None and found.span is not None and found.span.start >= figure.end:
        return NounPhrase(found.text, found.head, None)  # past a conversion: the claim's words end at its figure
    return found


def _glued(text: str, end: int) -> str:
    """The word a hyphen glues right after the figure ending at ``end`` ("3.2-metre|-wide"), else ""."""
    if text[end:end + 1] != "-":
        return ""
    stop = end + 1
    while stop < len(text) and stop - end <= GLUED and text[stop].isalpha():
        stop += 1
    return text[end + 1:stop]


#: The longest word :func:`_glued` reads.
GLUED = 20


def _purposed(text: str, toks: Tokens, at: tuple[int, str] | None, g: Grammar) -> NounPhrase | None:
    """The common noun phrase at ``at`` (its token and the purpose word before it: :mod:`.purpose`;
    no name: "Per il Tesoro servono", "Alla Lombardia vanno" name a source and a place), unless
    a bare purpose word ("in") is followed by no sum of money: not "in direzione ovest"."""
    found = phrase(text, toks, at[0], g, lowercase=True) if at is not None else None
    if found is not None and at is not None and at[1] in g.bare_purpose and found.head.casefold() not in g.money:
        return None  # "in sovvenzioni", "in emergency funds"
    return found


def _changed_of(text: str, right: Tokens, change: NounPhrase, g: Grammar) -> NounPhrase:
    """A change before the figure (``[nouns] change_nouns``) and what changes after it: "il
    rincaro di 1,25 punti percentuali dei contributi sociali" -> "rincaro dei contributi sociali",
    its head what changes; the change alone when nothing follows."""
    changed = phrase(text, right, 1, g, lowercase=True)
    if changed is None or changed.span is None:
        return change
    said = surface(text[right.starts[0]:changed.span.end])
    return NounPhrase(f"{change.text} {said}", changed.head, Span(right.starts[0], changed.span.end))


def _opened(text: str, figure: Span, toks: Tokens, g: Grammar) -> bool:
    """The figure opens with a copula, taken in by its hedge: "superano i 5 miliardi", "hanno superato quota 2mila"."""
    k = bisect_left(toks.starts, figure.start)  # toks.index; copulas are keyed by their last word
    lows = toks.lows[k:k + 3] if k < len(toks.lows) and toks.starts[k] == figure.start else []
    return any(tuple(lows[:n]) in g.copulas.get(lows[n - 1], ()) for n in range(1, len(lows) + 1))


def named(sentence: str, figure: Span, *, lang: str | Pack = "it", toks: Tokens | None = None) -> NounPhrase | None:
    """The noun the verb right before the figure names ("ha votato il 50,80%" -> "affluenza",
    "«Siamo più di 100mila»" -> "persone"), if any.

    >>> named("In Calabria ha votato il 50,80%.", Span(25, 31)).text
    'affluenza'
    """
    g = grammar(lang)
    toks = tokens(sentence) if toks is None else toks
    return verb_named(_left_of(sentence, figure.start, 8, toks), g)


def contested(sentence: str, figure: Span, *, lang: str | Pack = "it", toks: Tokens | None = None) -> bool:
    """Whether the figure stands in a contest: a verb of winning before it in its sentence
    (``[nouns] contest_verbs``: "Gualtieri beat Michetti by more than 20%"). Its share is a
    contestant's, never what the document's other shares measured (:class:`Topic`).

    >>> contested("Gualtieri beat Michetti by more than 20%.", Span(30, 40), lang="en")
    True
    """
    g = grammar(lang)
    toks = tokens(sentence) if toks is None else toks
    return not g.contest_verbs.isdisjoint(_left_of(sentence, figure.start, g.max_words + 8, toks).lows)


def _changed(right: Tokens, g: Grammar) -> tuple[NounPhrase | None, int]:
    """The change a figure measures when words after it say so: "9% in meno" -> "calo",
    "about 9% less", "13 punti in meno" -> "drop" (``[nouns.change_after]``), and how many
    tokens say so."""
    at = 1 if right.lows and right.lows[0] in g.points else 0
    if at >= len(right.lows) or right.lows[at] not in g.change_heads:
        return None, 0  # no phrase starts here: "-€6", "sovvenzioni" (no joins and look-ups)
    for n in range(min(g.change_longest, len(right.lows) - at), 0, -1):
        name = g.change_after.get(" ".join(right.lows[at:at + n]))
        if name is not None:
            return NounPhrase(name, name, None), at + n
    return None, 0


def held(sentence: str, figure: Span, *, lang: str | Pack = "it", toks: Tokens | None = None) -> str | None:
    """Whose share the figure at ``figure`` is, as written, when its clause says so before it
    ("Il centrodestra raccoglie il 43,79% dei voti" -> "centrodestra"): its scope.

    >>> held("Il centrodestra nel suo insieme raccoglie il 43,79% dei voti.", Span(45, 51))
    'centrodestra'
    """
    g = grammar(lang)
    toks = tokens(sentence) if toks is None else toks
    found = holder(sentence, _left_of(sentence, figure.start, g.max_words + 8, toks), g)
    return found.text if found is not None else None


def _inside(text: str, figure: Span, toks: Tokens, g: Grammar) -> NounPhrase | None:
    """The noun inside a share written "un elettore su tre" / "one voter in three": the
    words before the share's link word (``[nouns] share_links``)."""
    inner = toks[toks.index(figure.start):toks.index(figure.end)]
    for k in range(1, len(inner.lows)):
        if inner.lows[k] in g.share_links and g.can_head(inner, k - 1, lowercase=True):
            return NounPhrase(inner.texts[k - 1], inner.texts[k - 1], inner.span(k - 1, k))
    return None


def _predicated(right: Tokens, states: frozenset[str], skip: frozenset[str]) -> NounPhrase | None:
    """The status word of the predicate after a figure without a noun, as written."""
    for i in range(min(len(right.lows), 4)):
        if right.lows[i] in states:
            return NounPhrase(right.texts[i], right.texts[i], None)
        if right.lows[i] not in skip:
            return None
    return None


#: The signs of a change written before its figure, a headline's shorthand: "luce +59%", "gas -10%".
SIGNS = frozenset("+-−")


def _held(right: Tokens, unit: str | None, g: Grammar) -> bool:
    """A name after the figure holds it (a share of anyone, a count of no place): "contro il
    39,85% di Enrico Michetti", "contro i 375.210 di Enrico Michetti"; not "contro i 630 di Genova"."""
    return len(right.lows) > 1 and right.lows[0] in g.of and right.texts[1][:1].isupper() \
        and (unit in g.share_units or not Places.default().known(right.texts[1]))


def _hyphened(said: str) -> bool:
    """A figure joined to its unit by a hyphen, an adjective before its noun: "a 48-hour strike",
    "the 6.3-magnitude quake", "a 50-litre tank"."""
    return any(said[i].isdigit() and said[i + 1] == "-" and said[i + 2].isalpha() for i in range(len(said) - 2))


def _measured(found: NounPhrase | None, left: Tokens, right: Tokens, unit: str | None, g: Grammar) -> NounPhrase | None:
    """What a speed or a temperature measures: "160 km/h", "160 chilometri orari", "160 kph" ->
    "velocità", "un record di 46 gradi" -> "temperatura"; a noun with that head stays ("la velocità
    massima consentita"), and so does the thing a speed is of, written right before the figure or
    its link ("raffiche fino a 170 km/h", "winds of up to 180 km/h"; ``[nouns] measured_things``)."""
    name = g.rate_words.get(right.lows[0]) if right.lows else None
    name = name or (g.unit_nouns.get(unit) if unit else None)
    if name is None or (found is not None and found.head.casefold() == name.casefold()):
        return found
    if name in g.measured_things and left.lows:
        last = len(left.lows) - 1 - (len(left.lows) > 1 and left.lows[-1] in g.of)
        if found is not None and found.span is not None and found.span.end == left.ends[last]:
            return found
        if found is None and last == len(left.lows) - 1 and g.can_head(left, last, True):
            return NounPhrase(left.texts[last], left.texts[last], left.span(last, last + 1))
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
    end = adjectives(right, i, len(right.lows), g) if g.head_last else i
    while (end < len(right.lows) and end - i < g.max_adjectives and g.can_head(right, end, True)
           and (g.is_adjective(right, end) or end == i)):
        end += 1
    if end == i:
        return NounPhrase(antecedent.head, antecedent.head, None)
    span = right.span(i, end)
    return NounPhrase(f"{antecedent.head} {surface(span.of(text))}", antecedent.head, right.span(0, end))


def _right_of(text: str, pos: int, limit: int, toks: Tokens) -> Tokens:
    """The first ``limit`` tokens from ``pos`` on (a token cut by ``pos``, its tail)."""
    k = bisect_left(toks.starts, pos)  # toks.index
    if k and toks.ends[k - 1] > pos:
        head = tokens(text, pos, min(toks.ends[k - 1], pos + WINDOW), limit=limit)
        return (head + toks[k:k + limit])[:limit]
    return toks[k:k + limit]


def _left_of(text: str, pos: int, limit: int, toks: Tokens) -> Tokens:
    """The last ``limit`` tokens before ``pos`` (a token cut by ``pos``, its head)."""
    k = bisect_left(toks.starts, pos)  # toks.index
    if k and toks.ends[k - 1] > pos:
        tail = tokens(text, max(toks.starts[k - 1], pos - WINDOW), pos)
        return (toks[max(0, k - limit):k - 1] + tail)[-limit:]
    return toks[max(0, k - limit):k]
