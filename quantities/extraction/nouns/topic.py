"""What the figures of a document have been about so far, for the figures that do not say.

- **the unit**: a figure written with a large scale word and nothing it counts ("la
  quarta rata, da 16,5 miliardi", "122.6 billion in loans") is money in the currency of the
  document's last money figure (before the first, of the first: a subtitle's "225 miliardi";
  RULES.md section 4: "620 milioni" is still euro; a scaled figure counting one of the pack's sums, "300
  milioni di danni", "i danni ammontano a 45 milioni", is money in the pack's ``[nouns] currency`` when
  the document names none, ``[nouns] priced``, and sets the currency of the bare sums after it), and
  "N punti" in a document of shares is a difference of shares, in percentage points ("la
  partecipazione è scesa di circa 16 punti");
  a bare figure listed after a comma right after one with a unit, of the same order of size,
  restates it with that unit (:func:`listed`: "magnitudo 6,8 per l'Usgs, 7,2 secondo …");
  a bare figure in digits coordinated with a scaled one takes the scale word and unit
  written once for both (:func:`elided`: "5,1 miliardi in direzione ovest e 4,5 in direzione est");
- **the measured noun**: a figure of one of the pack's ``[nouns] topic_kinds`` (shares)
  without a noun of its own, or with only a generic one ("il dato nazionale era al 19,21%",
  "la regione era ferma al 36,95%", "the figure was 63.81%"), measures what the last such
  figure of the document measured ("l'affluenza … si è fermata al 50,74%"). What a share is
  *of* ("il 12,84% degli aventi diritto") is its base, not what it measures: only a noun
  before the figure (the subject of its predicate) or the one its verb names ("ha votato il
  50,80%" -> "affluenza") sets the topic.

The words are the pack's ``[nouns]`` ``generic`` and ``topic_kinds``, and its
``[numbers.scales]``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from quantities.extraction.nouns.grammar import NounPhrase, grammar
from quantities.lang import Pack, per_pack, schema, units, word_set
from quantities.text.fold import low
from quantities.text.i18n import _
from quantities.types import Quantity

#: The smallest scale word that makes a bare figure money when the document speaks of money.
MONEY_SCALE = 1_000_000
#: The smallest scale word a bare coordinated figure takes from the figure before it (:func:`elided`).
ELIDED_SCALE = MONEY_SCALE   # "27mila … e 4" is more often four of something else
#: How far (characters) a bare figure may stand from the scaled figure whose scale it elides.
ELIDED_REACH = 40
#: ... and of one order of size with it once scaled (within this factor).
ELIDED_SPREAD = 10


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Words:
    scales: frozenset[str]  # the pack's scale words of a million and more
    generic: frozenset[str]
    kinds: frozenset[str]
    points: frozenset[str]  # "punti": a unit of shares written alone
    places: frozenset[str]
    paragraph_kinds: frozenset[str]
    money: frozenset[str]  # nouns that are sums: "2,7 miliardi di contributi"
    factors: dict[str, int]  # the pack's scale words of a million and more, with their factors
    elision: frozenset[str]  # words before a figure whose scale word is elided ("e 4,5")
    currency: str | None  # the currency of a sum its document names none for ("300 milioni di danni")
    priced: frozenset[str]  # nouns that are sums in any document: "danni", not "vendite"


@per_pack("nouns")
def words(pack: Pack) -> Words:
    scales = pack.table("numbers.scales")
    return Words(scales=frozenset(low(w) for w, f in scales.items() if float(f) >= MONEY_SCALE),
                 generic=word_set(pack, "nouns.generic"), kinds=word_set(pack, "nouns.topic_kinds"),
                 points=grammar(pack).points, places=word_set(pack, "nouns.place_nouns"),
                 paragraph_kinds=word_set(pack, "nouns.paragraph_kinds"), money=word_set(pack, "nouns.money"),
                 factors={low(w): int(f) for w, f in scales.items() if float(f) >= ELIDED_SCALE},
                 elision=word_set(pack, "nouns.elision"), currency=_currency(pack),
                 priced=word_set(pack, "nouns.priced"))


def _currency(pack: Pack) -> str | None:
    """The pack's ``[nouns] currency``: an ISO 4217 code, or none (an English wire's sums may be in any)."""
    code = pack.get("nouns.currency", None)
    if code is not None and not units.is_currency(schema.string(code, "nouns.currency", pack.error)):
        raise pack.error("nouns.currency", _("expected an ISO 4217 currency code, such as \"EUR\""))
    return code


class Topic:
    """The currency and the measured nouns of one document so far, read figure by figure."""

    def __init__(self, pack: Pack) -> None:
        self.words = words(pack)
        self.kinds = self.words.kinds
        self.articles = grammar(pack).articles
        # the unit of the last money figure (before it, the document's first), and of the last share
        self.currency: str | None = None
        self.share: str | None = None
        self.measured: dict[str, NounPhrase] = {}
        self.last: dict[str, tuple[int, NounPhrase]] = {}  # per kind: the paragraph and noun of its last figure

    def implicit(self, q: Quantity, noun: NounPhrase | None) -> Quantity | None:
        """``q`` with the unit the document implies, if it is a count that only a unit can
        complete (``noun`` is what it was found to count), else None: a bare scaled figure
        in a document about money is money ("da 16,5 miliardi"), and so is one counting a sum of
        the pack's ``[nouns] money`` ("2,7 miliardi di contributi"); "N punti" in a document of
        shares is percentage points ("la partecipazione è scesa di circa 16 punti")."""
        after = noun is not None and noun.span is not None and noun.span.start >= q.span.end
        sums = not after or low(noun.head) in self.words.money  # type: ignore[union-attr]  # noun is set when `after`
        priced = noun is not None and low(noun.head) in self.words.priced   # "i danni … 45 milioni" too
        currency = self.currency or (self.words.currency if priced else None)
        if q.kind != "count" or q.value is None or (self.share is None and currency is None):
            return None  # (both completions below need one of them)
        if after and self.share is not None and low(noun.text) in self.words.points:  # type: ignore[union-attr]  # noun is not None: `after` says so
            return replace(q, kind="measure", unit=units.POINTS)  # a difference of shares
        last = low(q.text.split()[-1]) if q.text.split() else ""
        scaled = last in self.words.scales or (q.value >= MONEY_SCALE and (q.precision or 0) >= MONEY_SCALE / 10)
        if (sums or priced) and currency is not None and scaled:  # "da 3,3 a 2 miliardi": 3,3 is scaled too
            return replace(q, kind="money", unit=currency)  # "2,7 miliardi di contributi": a sum
        return None

    def see(self, q: Quantity, noun: NounPhrase | None, named: NounPhrase | None = None,
            opening: bool = False, contest: bool = False) -> tuple[NounPhrase | None, str | None]:
        """The noun of ``q`` (found: ``noun``; named by its verb: ``named``), the topic's when
        it has none or a generic one; what it measures becomes the topic. ``opening`` tells
        that the noun opens its sentence (a capital there makes no name); ``contest``, that a
        verb of winning stands before it (a share then takes no topic: ``nouns.contested``). Second,
        the place noun the topic replaced ("la regione"), the figure's scope."""
        if q.kind == "money":
            self.currency = q.unit
        elif q.kind == "percent":
            self.share = q.unit
        if q.kind not in self.words.kinds:
            return noun, None
        if named is not None:
            self.measured[q.kind] = named
            return noun or named, None
        if contest and q.kind == "percent":
            return noun, None   # a contestant's share: "beat Michetti by more than 20%" is no turnout
        if noun is None or self.generic(noun):
            topic = self.measured.get(q.kind)
            if topic is None:
                return noun, None
            place = noun.text if noun is not None and low(noun.head) in self.words.places else None
            return NounPhrase(topic.text, topic.head, None), place
        if noun.span is not None and noun.span.end <= q.span.start and (opening or noun.head.islower()):  # no name
            self.measured[q.kind] = noun
        return noun, None

    def carried(self, q: Quantity, noun: NounPhrase | None, paragraph: int, before: list[str]) -> NounPhrase | None:
        """The noun of a figure of one of ``[nouns] paragraph_kinds`` that names none: the
        noun of the last such figure of its paragraph ("Per il corteo erano attese almeno
        50mila persone. Gli organizzatori speravano di arrivare a 100mila." -> persone);
        ``paragraph`` is the figure's (-1: none), ``before`` the two words before it. Not after
        a comma (an apposition names its own: "alcuni compagni di viaggio, forse tre") nor
        after an article (a pronoun: "mentre i due abbandonavano l'auto")."""
        if q.kind not in self.words.paragraph_kinds or paragraph < 0:
            return noun
        if noun is None and ("," in before or (before and before[-1] in self.articles)):
            return None
        if noun is not None:
            self.last[q.kind] = (paragraph, noun)
            return noun
        at, last = self.last.get(q.kind, (-1, None))
        return NounPhrase(last.text, last.head, None) if last is not None and at == paragraph else None

    def generic(self, noun: NounPhrase) -> bool:
        return low(noun.head) in self.words.generic or low(noun.head) in self.words.places


#: Kinds whose unit a bare figure listed after them repeats.
LISTED_KINDS = frozenset({"money", "measure", "percent"})
#: How far apart (in characters) a bare figure may follow the one whose unit it repeats.
LISTED_REACH = 40


def listed(text: str, before: Quantity, q: Quantity) -> Quantity:
    """A bare figure after a comma or in brackets that restates the one before it by another
    source or moment takes its unit ("magnitudo 6,8 per l'Usgs, 7,2 secondo il centro marocchino",
    "magnitudo 7.8 secondo l'Usgs (7.7 per l'Ingv)", "180mila euro per l'oro, 90mila per l'argento"):
    the two are consecutive figures of one sentence (``before`` as its claim reads it), no more than
    ``LISTED_REACH`` apart, and of one order of size (within a factor of two). A figure with a noun
    of its own is not asked ("a 30 chilometri da Pesaro, i feriti 40" counts the injured)."""
    if (q.kind != "count" or q.unit is not None or before.unit is None or before.kind not in LISTED_KINDS
            or q.value is None or before.value is None or not q.value or not before.value):
        return q
    between = text[before.span.end:q.span.start]
    if ("," not in between and "(" not in between) or len(between) > LISTED_REACH \
            or not 0.5 <= q.value / before.value <= 2:  # "magnitudo 7.8 secondo l'Usgs (7.7 per l'Ingv)"
        return q
    return replace(q, kind=before.kind, unit=before.unit)


def elided(text: str, before: Quantity, q: Quantity, pack: Pack, measure: Quantity | None = None) -> Quantity:
    """A bare figure in digits coordinated with the scaled figure before it takes the scale
    word and unit written once for both ("5,1 miliardi in direzione ovest e 4,5 in direzione
    est": 4,5 miliardi di dollari; "5.1 billion westbound and 4.5 eastbound"): the two are
    consecutive figures of one sentence, no more than ``ELIDED_REACH`` apart, the bare one
    right after one of the pack's ``[nouns] elision`` words, and of one order of size once
    scaled. A figure with a scale, unit or hedge of its own keeps it, and so does one followed by
    a word that is no preposition or article ("2 miliardi e 3 persone": a noun of its own). A bare
    scaled figure after a ``measure`` of its sentence may restate its unit (:func:`_measured_scale`)."""
    if q.kind == "count" and q.unit is None and measure is not None and measure.unit is not None \
            and (restated := _measured_scale(text, measure, q, pack)) is not q:
        return restated
    if q.kind != "count" or q.unit is not None or q.hedge or q.value is None or before.value is None \
            or not before.value or q.span.start - before.span.end > ELIDED_REACH:
        return q
    w = words(pack)
    said = text[before.span.end:q.span.start].split()  # the word before the figure, first: it rules most out
    if not said or low(said[-1]) not in w.elision or any(ch.isalpha() for ch in q.text):
        return q
    follows = text[q.span.end:q.span.end + ELIDED_REACH].split()[:1]
    g = grammar(pack)
    word = low(follows[0]).strip(".,;:") if follows else ""
    if word.isalpha() and word not in g.prepositions and word not in g.articles:
        return q   # "2 miliardi e 3 persone": a noun of its own
    factor = next((w.factors[t] for t in (low(t.lstrip("0123456789.,")) for t in before.text.split())
                   if t in w.factors), None)
    if factor is None:
        return q
    value = q.value * factor
    if not 1 / ELIDED_SPREAD <= value / before.value <= ELIDED_SPREAD:
        return q
    scaled = None if q.precision is None else q.precision * factor
    return replace(q, value=value, low=None if q.low is None else q.low * factor,
                   high=None if q.high is None else q.high * factor, kind=before.kind, unit=before.unit,
                   precision=scaled)


#: How far (characters) a bare scaled figure may stand from the measure of its sentence it restates.
MEASURED_REACH = 80


def _measured_scale(text: str, before: Quantity, q: Quantity, pack: Pack) -> Quantity:
    """A bare figure with a scale word of its own and nothing it counts, after a measure with a
    scale of its sentence, of one order of size with it, is in that measure's unit: "circa 3 milioni
    di tonnellate di acciaio, la metà dei 6 milioni autorizzati", "about 3 million tonnes of steel,
    against an authorised capacity of 6 million" (not money in the document's currency), a complement
    or an article right before it; not one that "di"/"of" links to a noun of its own ("6 milioni di
    persone"), nor the object of a verb ("e costa 6 milioni")."""
    w, g = words(pack), grammar(pack)
    scale = low(q.text.split()[-1]) if q.text.split() else ""
    follows = text[q.span.end:q.span.end + ELIDED_REACH].split()[:1]
    said = text[max(before.span.end, q.span.start - ELIDED_REACH):q.span.start].split()[-1:]
    if not said or (low(said[0]) not in g.of and low(said[0]) not in g.articles) \
            or scale not in w.factors or not any(low(t) in w.factors for t in before.text.split()) \
            or q.span.start - before.span.end > MEASURED_REACH or q.value is None or not before.value \
            or (follows and low(follows[0]) in g.of) \
            or not 1 / ELIDED_SPREAD <= q.value / before.value <= ELIDED_SPREAD:
        return q
    return replace(q, kind=before.kind, unit=before.unit)
