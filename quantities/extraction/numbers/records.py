"""The typed parts of a compiled numerals grammar (see :mod:`quantities.extraction.numbers.grammar`).

Each record holds what one step of the reader consults: the anchors and their
prefilters, the number words, what may follow a number, units, hedges, ranges, and the
cues of the kinds that are no claims (years, dates, times, identifiers and phones, ages).
Words are normalised (:func:`quantities.extraction.numbers.patterns.norm`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, eq=False, repr=False)
class HedgeMeaning:
    low: Decimal
    high: Decimal | None
    approx: bool


@dataclass(frozen=True, eq=False, repr=False)
class Homograph:
    need_before: frozenset[str]
    not_before: frozenset[str]
    not_after: frozenset[str]
    need_ends: frozenset[str]  # need_before's phrases and their tails after a space: the
    # word just before the number must be one of them


@dataclass(frozen=True, eq=False, repr=False)
class Anchors:
    """The master pattern and the prefilters that say where it may match."""

    master: Any  # case-sensitive, for lower-cased text
    master_i: Any  # case-insensitive, for text whose lower case changes its length
    num: Any  # the first branch of ``master`` alone, in :mod:`re`: where it matches, so does master
    spaced: Any  # where ``master`` may match in lower-cased text: after a space, see prefilter
    others: Any  # ... anywhere else
    word_at: Any  # ... at the start of the text


@dataclass(frozen=True, eq=False, repr=False)
class NumberWords:
    """Numbers written in words, and the digit spellings."""

    morphemes: dict[str, tuple[str, Decimal]]  # word -> ("unit" | "hundred" | "scale" | "fraction", value)
    morph_split: Any  # a written word into its morphemes
    digit_forms: tuple[tuple[Any, int, int], ...]  # digit spellings: pattern, integer group, fraction group
    decimal: str  # the decimal mark: a fraction glued to digits is read as it and decimals ("2½")
    alone: frozenset[str]  # scale words that are a number by themselves (mille)
    joiners: frozenset[str]
    hyphens: frozenset[str]
    minus: frozenset[str]  # signs that make the digits after them negative ("-5", "−0,3")
    minus_words: frozenset[str]  # words that make the number after them negative ("meno 5 gradi")
    minus_ends: frozenset[str]  # their last characters, lower case ("o" of "meno"; "’" too for "'")
    spaced_after: Decimal  # the smallest scale after which words are written apart
    elided: dict[str, str]  # elided stem -> full word (vent -> venti)
    one: frozenset[str]  # "un", "a": one before a scale or collective word
    definite: frozenset[str]  # "il", "al", "the": one before a scale word of spaced_after or more
    singletons: frozenset[str]  # "uno", "one" alone: the singular, no figure ("uno sciopero")
    homographs: dict[str, Homograph]
    approx_spread: Decimal
    approx_words: dict[str, Decimal]  # una decina, a dozen
    fraction_article: bool  # "half a dozen" takes an article before the collective, "mezza dozzina" none
    vague: dict[str, tuple[Decimal, Decimal]]  # migliaia, thousands: [low, high]


@dataclass(frozen=True, eq=False, repr=False)
class Ordinals:
    words: dict[str, int]
    suffixes: tuple[str, ...]
    restore: tuple[str, ...]  # endings a stem may have lost before a suffix (ottant|esimo)
    marks: frozenset[str]  # 80°, 3ª, 3rd
    counted: frozenset[str]  # nouns after which a word ordinal is a claim ("terza ondata"); else a rank
    names: frozenset[str] = frozenset()  # nouns a digit ordinal numbers in a name ("51° Stormo", "4th Infantry")


@dataclass(frozen=True, eq=False, repr=False)
class Shares:
    """Fractions as figures (see :mod:`~quantities.extraction.numbers.shares`)."""

    unit: str  # the unit code of a share ("fraction")
    denominators: dict[str, Decimal]  # terzo, terzi, third, thirds -> 3; metà, half -> 2
    alone: frozenset[str]  # denominator words that are a share by themselves (metà, half)
    alone_before: frozenset[str]  # ... before one of these words ("la metà dei", "half of")
    alone_after: frozenset[str]  # ... or after one of these ("la metà", "the half")
    per: frozenset[str]  # "su", "in", "out of": "uno su tre"
    per_ends: tuple[str, ...]  # each ``per`` word after a blank (" su"): what a cheap test looks for
    per_reach: int  # how far before a denominator that test looks: the longest ``per_ends`` and three blanks
    per_after: Any  # blanks, maybe a noun (group "noun"), a ``per`` word and blanks, after a numerator
    counted: frozenset[str]  # ``per`` words after which digits over one and their noun make a share ("7 bambini su 10")
    counted_apart: tuple[str, ...]  # each between blanks (" su "): looked for after the noun before the pattern
    multiples: dict[str, Decimal]  # "il doppio", "triplo", "twice" -> 2, 3, 2
    multiple_unit: str  # the unit code of a multiple ("times")
    multiple_after: frozenset[str]  # words a multiple needs before it ("il doppio"); none: anywhere
    multiple_then: frozenset[str]  # function words that may follow it ("il triplo rispetto a")
    verb_endings: tuple[str, ...] = ()  # [nouns] verb and participle endings: "7 bambini su 10 muoiono" names no noun


@dataclass(frozen=True, eq=False, repr=False)
class Follow:
    """What may follow a number: scale, link, unit, ordinal mark, age suffix, month."""

    pattern: Any  # groups numbered as patterns.SCALE, UNIT, MARK, AGESUF, MONTH
    heads: frozenset[str] | None  # ASCII pairs that may begin its words
    firsts: frozenset[str]  # ASCII characters that may begin them ("-" of "€5-€6" begins none; read with heads)
    scales: dict[str, Decimal]
    links: frozenset[str]  # "di" of "1,5 milioni di euro"
    link_head: Any  # a link word and its blanks at the head of a string
    fraction: Any  # a joiner and a fraction word after a scale word: "3 milioni e mezzo"
    joined: Any  # a joiner between blanks before a number: "10 anni e sei mesi"
    joiner_heads: frozenset[str] | None  # ASCII characters that may begin a joiner ("e", "and")
    scale_heads: frozenset[str] | None  # ASCII pairs that may begin a scale word ("mi" of "miliardi")


@dataclass(frozen=True, eq=False, repr=False)
class Units:
    words: dict[str, str]  # measure words -> pint names
    currency: dict[str, str]  # words and symbols -> ISO 4217 codes
    before: dict[str, str]  # unit words written before the number
    signs: dict[str, tuple[str, ...]]  # the keys of ``before`` by their last character, the longest first
    scales: dict[str, Decimal]  # units of a scale -> its highest degree (magnitude 10, force 12)
    percent: frozenset[str]
    durations: frozenset[str]
    dimensional: dict[str, str]  # scale words that are units before a dimension word: "2.5m high"
    dimension_after: frozenset[str]
    weighed: dict[str, str]  # currency words that are a weight before a mass noun: "two pounds of meat"
    weighed_after: frozenset[str]
    not_weighed: frozenset[str]  # words after "of" that make it money again: "pounds of public money"
    singular: dict[str, str]  # a unit's word for one of it, read with a fraction: "un anno e mezzo"


@dataclass(frozen=True, eq=False, repr=False)
class Hedges:
    before: dict[str, str]  # hedge words before a number -> meaning name
    articles: frozenset[str]  # an article between hedge and number: "oltre il 50%"
    after: dict[str, str]  # hedges written after the number -> meaning name
    after_heads: frozenset[str] | None  # ASCII characters that may begin ``after``'s words
    meanings: dict[str, HedgeMeaning]
    carry_gap: int
    carry_stops: Any
    carry_after_comma: int   # words after a comma a carried hedge still reaches ("circa 300 morti, altri 2.700")
    carry_articles: frozenset[str]  # "e i feriti 120": an article and a noun before a figure start a new phrase
    carry_parts: frozenset[str]  # "24 miliardi, di cui 15,7": a part takes the sum's scale and unit
    carry_complements: Any = None  # a preposition's form -> its base: "oltre i 10mila da 110 nazioni", a complement
    comparisons: frozenset[str] = frozenset()  # hedges that compare after a figure ("71,9%, superiore al 63,9%")
    thresholds: frozenset[str] = frozenset()  # after a noun, a class's bound: "scosse superiori a magnitudo 4"
    predicates: frozenset[str] = frozenset()  # before such a hedge, a verb: "è superiore a", "rose above"
    predicate_endings: tuple[str, ...] = ()   # … or a word with one of these endings ("climbed above")
    class_openers: frozenset[str] = frozenset()  # before such a noun, what makes it a class: "sulle vincite"
    marks: frozenset[str] = frozenset()  # between a hedge and its number, the bound: "supera la soglia dei 300"
    negations: frozenset[str] = frozenset()  # before a hedge, what negates it: "nessuno ha superato i 40"
    negated: dict[str, str] = field(default_factory=dict)  # a negated hedge's meaning: over -> under
    negatable: frozenset[str] = frozenset()  # the hedges a negation turns: verbs of passing ("supera")
    negation_links: frozenset[str] = frozenset()  # … or any, past these: "non erano più di 3.000"


@dataclass(frozen=True, eq=False, repr=False)
class Ranges:
    dash: frozenset[str]
    or_: frozenset[str]
    pairs: dict[str, str]  # first word -> second word ("tra" -> "e")
    seconds: frozenset[str]  # the pairs' second words: no other joiner has a pair's first word
    unit_pairs: frozenset[str]  # first words of pairs whose numbers may each have the unit ("tra 10 euro e 20 euro")
    articles: frozenset[str]  # "tra i 30 e i 40": an article may follow each word of a pair
    change: frozenset[str]  # verbs of change before a pair: "scendono da 3,3 a 2 miliardi" is two values
    change_breaks: frozenset[str]  # words between a verb of change and a pair that open another phrase ("con punte")
    change_nouns: frozenset[str]  # nouns of a change when what changes follows ("l'aumento dell'Iva")
    change_links: frozenset[str]  # what links that noun to what changes ("di", "dell'", "of")
    heads: frozenset[str] | None  # ASCII characters that may begin a range joiner
    article_heads: frozenset[str] = frozenset()  # the first letters of ``articles`` ("350 i milioni" is told by one)


@dataclass(frozen=True, eq=False, repr=False)
class Years:
    min: int
    max: int
    before: frozenset[str]
    not_nouns: frozenset[str]
    strong: frozenset[str]
    decade_before: frozenset[str]
    events: frozenset[str] = frozenset()  # a year before one of these names it: "the 2009 earthquake"
    earliest: int = 0  # the earliest year read after a strong cue ("nato nel 1759"); min without one
    name_articles: frozenset[str] = frozenset()  # after one, a year before a name dates it: "the 2014 Sewol ferry"
    decade_suffixes: tuple[str, ...] = ()  # a decade's digits take one, unless an apostrophe opens them: "the 90s"


@dataclass(frozen=True, eq=False, repr=False)
class Dates:
    months: frozenset[str]
    year_links: frozenset[str]
    day_after_month: bool
    day_joins: frozenset[str] = frozenset()  # "del 2 e 3 maggio": a day joined to the next date is a date
    weekdays: frozenset[str] = frozenset()  # "domenica 17,": a day of the month after its weekday


@dataclass(frozen=True, eq=False, repr=False)
class Times:
    before: frozenset[str]
    strong: frozenset[str]  # cues after which an hour is a time whatever word follows ("attorno alle 15")
    zones: frozenset[str]  # time zones after a clock ("2211 GMT")
    seps: frozenset[str]
    not_nouns: frozenset[str]
    after: frozenset[str]  # words after an hour that make it a time whatever precedes ("five o'clock")
    levels: frozenset[str] = frozenset()  # words before the cue that make it a level: "the toll stood at 14"
    clock_after: tuple[str, ...] = ()  # words after hours, minutes and seconds that make them a clock ("ora italiana")
    marked_minutes: bool = False  # minutes and seconds after their marks are a race time ("15'24\""; not 5'11" tall)


@dataclass(frozen=True, eq=False, repr=False)
class Identifiers:
    before: frozenset[str]
    leading_zero: bool
    phone_starts: tuple[str, ...]
    phone_min: int
    phone_cued_min: int  # the fewest digits of a number after a phone cue
    phone_before: frozenset[str]  # cues of a phone number ("tel.", "numero verde")
    services: frozenset[str]  # service numbers (emergency lines), no figure unless a counted noun follows
    name_after: frozenset[str]  # words after a number that make it part of a name ("Movimento 5 Stelle")
    named: frozenset[str]  # bodies numbered after a place's name: "Asl Roma 5" is a name
    counted_after: frozenset[str]  # cue phrases no cue before a counted noun ("sono scese in piazza 800 persone")
    score_before: frozenset[str]  # words before a match's score ("vince 3-1", "won 3-1"): no figure
    score_rest: Any  # what follows a score's first number: a joiner and its second ("-1", " a 0")
    elided: frozenset[str] = frozenset()  # cues that name a number glued to an elided article ("all'articolo 49")
    parties: frozenset[str] = frozenset()  # "le due banche", "the two lenders": the story's parties, no count
    parties_before: frozenset[str] = frozenset()  # the definite words before such a number word
    parties_most: int = 0  # the largest such number
    parties_counted: frozenset[str] = frozenset()  # "le quattro province colpite": then a count
    streets: frozenset[str] = frozenset()  # a house number ends a street's name: "via Cavour 46"
    name_links: frozenset[str] = frozenset()  # inside a street's name: "viale Sacco e Vanzetti 89"
    street_fronts: frozenset[str] = frozenset()  # "In piazza Maggiore 800": a place a count stands in
    referring: frozenset[str] = frozenset()  # "uno dei due", "among the three": a small number word refers back
    group_articles: frozenset[str] = frozenset()  # "i due hanno avviato": an article, a number word, a verb
    group_verbs: frozenset[str] = frozenset()  # the verbs (finite forms) that tell "i due" is a group named before
    group_endings: tuple[str, ...] = ()  # … and their endings ("abbandonavano")
    names: Any = None  # the pattern of the names that hold a number ("Il Sole 24 Ore") and their first words, or None


@dataclass(frozen=True, eq=False, repr=False)
class Ages:
    suffixes: frozenset[str]
    people: frozenset[str]
    verbs: frozenset[str]
    units: frozenset[str]
    before: frozenset[str] = frozenset()  # words after which a whole number is an age: "a woman aged 84"
    joins: frozenset[str] = frozenset()  # and the next after such an age: "two men aged 76 and 86"
    pronouns: frozenset[str] = frozenset()  # "una di sette anni", "entrambi di 94 anni": right before the link
    markers: frozenset[str] = frozenset()  # right before, or a link before: "di età compresa tra i 67 e i 72 anni"
    links: frozenset[str] = frozenset()  # between a marker and its age: "compresa", "di" ("all'età di 85 anni")
    after: frozenset[str] = frozenset()  # right after the unit: "between 20 and 30 years old"
