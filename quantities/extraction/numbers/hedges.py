"""Hedges: the words before or after a number that widen it ("circa 300", "oltre il 50%",
"300 circa"), and their carrying to the next figures of the same clause."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from quantities.cache import compiled
from quantities.extraction.numbers.around import ascii_miss, phrase_before, prev_tokens
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import ASCII_BLANKS, norm
from quantities.extraction.numbers.reading import HUNDRED, Reading, is_share, search
from quantities.types import Quantity

_WORDS = compiled(r"[^\W\d_]+")
_SUMS = ("money", "count")   # "1,5 milioni di sfollati, di cui 1,2 …" too

_WORDS_AFTER = compiled(r"\s{1,2}([\p{L}'’]{1,12}(?:\s[\p{L}]{1,8})?)")
#: Longer than any match of :data:`_WORDS_AFTER`: how much text after a number it reads.
WORDS_AFTER_REACH = 24
#: How many words before a hedge a negation of it may stand ("nessuna città ha superato").
NEGATION_REACH = 3
_CLAUSE_MARK = compiled(r"[,;:.!?()«»\"“”]")


def hedge(text: str, r: Reading, prev: list[tuple[int, str]], glued: Any, g: Grammar) -> None:
    words = prev  # never changed in place: the article is cut by slicing
    if glued and glued[1] not in g.units.before:
        article = glued[1]
        if article not in g.hedges.articles:   # "ha superato la soglia dell'80%": a mark ends on it
            if (found := phrase_before(words, g.hedges.before, g) or _past_mark(words, g)) is not None:
                _apply_before(text, r, found, g)   # (or a hedge does: "intorno all'80%", "si aggirava sull'80%")
            return
        words = words[:-1]
    elif words and words[-1][1] in g.hedges.articles:
        words = words[:-1]
    found = phrase_before(words, g.hedges.before, g) or _past_mark(words, g)
    if found is None:
        _hedge_after(text, r, g)
        return
    start, word = found
    if word in g.hedges.comparisons and _after_figure(text, start):
        return  # "l'affluenza è stata del 71,9%, superiore al 63,9% nazionale": a comparison, no bound
    if word in g.hedges.thresholds and _after_noun(text, start, g):
        r.kind, r.start = "threshold", start  # "53 scosse superiori a magnitudo 4": the 4 bounds a class
        return
    _apply_before(text, r, found, g)


def _apply_before(text: str, r: Reading, found: tuple[int, str], g: Grammar) -> None:
    """Apply the hedge ``found`` before the number; a negation turns its meaning (``[numbers.hedges]
    negated``) a few words before a verb of passing (``negatable``: "nessuna città ha superato i 40 gradi",
    "has not exceeded 10 hours": at most), or before any hedge with only ``negation_links`` between ("i
    manifestanti non erano più di 3.000") or a comparative right after it ("non superiore a 5.000 euro"); in
    its clause ("Mai così tanti: oltre 300"), not another verb's ("non hanno lavorato oltre 2.000 dipendenti":
    review54) nor a class's ("nessuno sotto i 18 anni")."""
    start, word = found
    meaning: str | None = g.hedges.before[word]
    if _negated(text, start, word, g):
        meaning = g.hedges.negated.get(meaning or "")
    if meaning is not None:
        apply_hedge(r, word, meaning, g)
        r.start = start


def _negated(text: str, start: int, word: str, g: Grammar) -> bool:
    """Whether a negation turns the hedge ``word`` at ``start`` (see :func:`_apply_before`)."""
    words = prev_tokens(text, start, NEGATION_REACH)
    for k, (at, w) in enumerate(words):
        if w in g.hedges.negations and not _CLAUSE_MARK.search(text, at, start) and (
                word in g.hedges.negatable or (all(v in g.hedges.negation_links for _, v in words[k + 1:])
                                               and (k + 1 < len(words) or word in g.hedges.comparisons))):
            return True
    return False


def _past_mark(words: list[tuple[int, str]], g: Grammar) -> tuple[int, str] | None:
    """The hedge before a word that names the bound it passes (``[numbers.hedges] marks``): "hanno
    superato quota 200mila", "supera di poco i 350", "sfonda il tetto dei 300 euro"."""
    mark = phrase_before(words, g.hedges.marks, g)
    if mark is None:
        return None
    rest = words[:next(k for k, (at, _) in enumerate(words) if at == mark[0])]
    if rest and rest[-1][1] in g.hedges.articles:
        rest = rest[:-1]
    return phrase_before(rest, g.hedges.before, g)


#: The last characters of a figure's words (its digits, a percent sign).
_FIGURE_ENDS = frozenset("0123456789%")


def _after_noun(text: str, start: int, g: Grammar) -> bool:
    """Whether the word right before ``start`` is the noun of a class a threshold hedge bounds: a word in
    lower case, no verb of ``[numbers.hedges] predicates`` nor of ``predicate_endings`` ("sono superiori a",
    "rose above"), itself counted or the complement of ``class_openers``, a word or two before it ("53
    scosse superiori a magnitudo 4", "il 20% sulle vincite superiori ai 500 euro", "12 percent of lottery
    winnings above 500 euros"; not "danni superiori ai 5 miliardi", "temperature superiori ai 40 gradi")."""
    prev = prev_tokens(text, start, 4)
    if not prev or text[prev[-1][0]:prev[-1][0] + 1].isupper():
        return False
    word = prev[-1][1]
    if not word.isalpha() or word in g.hedges.predicates or word.endswith(g.hedges.predicate_endings):
        return False
    for _, w in reversed(prev[-3:-1]):
        if w[:1].isdigit() or w in g.hedges.class_openers:
            return True
        if not (w.isalpha() and w.islower()):
            return False
    return False


def _after_figure(text: str, start: int) -> bool:
    """Whether a comma, right after a figure's digits or mark, stands before ``start``."""
    before = text[max(0, start - 8):start].rstrip()
    return before.endswith(",") and before[:-1].rstrip()[-1:] in _FIGURE_ENDS



def _hedge_after(text: str, r: Reading, g: Grammar) -> None:
    first = text[r.end:r.end + 1]
    if (first < "\x80" and first not in ASCII_BLANKS) or ascii_miss(text, r.end, g.hedges.after_heads):
        return  # a blank must come first
    m = _WORDS_AFTER.match(text[r.end:r.end + WORDS_AFTER_REACH])
    if not m:
        return
    for cand in (norm(m.group(1)), norm(m.group(1)).split(" ")[0]):
        if cand in g.hedges.after:
            apply_hedge(r, cand, g.hedges.after[cand], g)
            r.end += len(m.group(0)) if cand == norm(m.group(1)) else m.start(1) + len(cand)
            return


def apply_hedge(r: Reading, word: str, meaning_name: str, g: Grammar) -> None:
    meaning = g.hedges.meanings[meaning_name]
    low = r.low if r.low is not None else r.value
    high = r.high if r.high is not None else r.value
    if low is None:
        return
    r.hedge = word
    r.approx = r.approx or meaning.approx
    r.low = low * meaning.low
    r.high = None if meaning.high is None or high is None else high * meaning.high


def carry(text: str, found: list[Quantity], g: Grammar) -> list[Quantity]:
    """A hedge on one figure carries to the next figures of the same clause and kind (RULES.md
    3.4: coordinated figures that share one frame; not "about 30 feet, killing 21 people"), unless
    the next is approximate in its own words ("oltre 300 i morti, una decina i feriti")."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.hedge and not q.hedge and not q.approx and q.is_claim and prev.is_claim
                and q.value is not None and q.kind == prev.kind  # "about 30 feet, killing 21 people": two frames
                and q.span.start - prev.span.end <= g.hedges.carry_gap
                and not search(g.hedges.carry_stops, text, prev.span.end, q.span.start)
                and not _own_subject(text, prev.span.end, q.span.start, g)
                and not _complement(text, prev.span.start, prev.span.end, q.span.start, g)
                and not _past_a_phrase(text, prev.span.end, q.span.start, g)):
            r = Reading(q.span.start, q.span.end, q.value, q.low, q.high, q.precision,
                      kind=q.kind, unit=q.unit)
            apply_hedge(r, prev.hedge, _meaning_of(prev.hedge, g), g)
            q = replace(q, low=r.low, high=r.high, approx=r.approx, hedge=r.hedge)
            if q.kind == "percent" and is_share(q.value, q.low):
                q = replace(q, high=min(q.high, HUNDRED) if q.high is not None else HUNDRED)
        out.append(q)
    return out


def scale_parts(text: str, found: list[Quantity], g: Grammar) -> list[Quantity]:
    """A part of a sum written right after it, its scale word left out, takes the sum's scale
    and unit ("24 miliardi di euro, di cui 15,7 in deficit", "15,9 miliardi, di cui circa 13":
    ``[numbers.carry] parts``; a count's scale too: "2 milioni di sfollati, di cui 1,2"); not a
    part no lower than the sum ("2 miliardi, di cui 40 progetti" are 40)."""
    out = list(found)
    for i in range(1, len(out)):
        prev, q = out[i - 1], out[i]
        if q.kind != "count" or q.unit is not None or q.value is None or prev.kind not in _SUMS or not prev.value:
            continue
        between = " ".join(text[prev.span.end:q.span.start].replace(",", " ").split()).casefold()
        factor = _scale_in(prev.text, g) if between in g.hedges.carry_parts else None
        if factor is not None and q.value * factor < prev.value:
            out[i] = replace(q, value=q.value * factor, low=_times(q.low, factor), high=_times(q.high, factor),
                             unit=prev.unit, kind=prev.kind, precision=_times(q.precision, factor))
    return out


def _scale_in(written: str, g: Grammar) -> Decimal | None:
    """The factor of the scale word a sum is written with ("24 miliardi di euro"), if any."""
    for w in _WORDS.findall(written):
        if (factor := g.follow.scales.get(norm(w))) is not None:
            return factor
    return None


def _times(x: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if x is None else x * factor


def _own_subject(text: str, after: int, start: int, g: Grammar) -> bool:
    """An article and a noun right before the figure at ``start`` (and after ``after``):
    "circa 300 e i feriti 120" names a new subject, which the hedge does not reach."""
    prev = [(at, w) for at, w in prev_tokens(text, start, 2) if at >= after]
    return (len(prev) == 2 and prev[0][1] in g.hedges.carry_articles and prev[1][1].isalpha()
            and prev[1][1] not in g.hedges.carry_articles)


def _complement(text: str, first: int, after: int, start: int, g: Grammar) -> bool:
    """A preposition right before the figure at ``start`` (and after ``after``, the end of the figure
    that starts at ``first``): the figure is a complement of the phrase before it ("ben oltre i 10mila
    da 110 nazioni", "about 10,000 from 110 countries"), not the next item of a list, and the hedge does
    not reach it; unless the same preposition opens the first figure and a comma or a joiner stands
    between, a list of two ("È di almeno 8 morti e di 52 feriti", "by about 5% in Rome and by 3% in
    Milan": review45; not "case di oltre 300 residenti di 12 frazioni": review46)."""
    prev, forms = prev_tokens(text, start, 1), g.hedges.carry_complements or {}
    if not prev or prev[0][0] < after or prev[0][1] not in forms:
        return False
    opener = prev_tokens(text, first, 1)
    listed = "," in text[after:start] or any(w in g.words.joiners for w in text[after:start].casefold().split())
    return not opener or forms.get(opener[0][1]) != forms[prev[0][1]] or not listed


def _past_a_phrase(text: str, after: int, start: int, g: Grammar) -> bool:
    """More than a few words between a comma and the figure at ``start``: a phrase of its
    own ("almeno 500, sulla base dei racconti dei 104 sopravvissuti"; "some 840,000 people,
    at a relatively shallow depth of 18.5 km"), not the next item of a list ("circa 300
    morti, 2.700 feriti")."""
    comma = text.rfind(",", after, start)
    return comma >= 0 and len(text[comma + 1:start].split()) > g.hedges.carry_after_comma


def _meaning_of(word: str, g: Grammar) -> str:
    return g.hedges.before.get(word) or g.hedges.after[word]
