"""The numerals grammar of a language pack, compiled once per pack.

The pack's ``[numbers]`` and ``[units]`` tables hold the words
(:mod:`~quantities.extraction.numbers.vocabulary` reads and checks them); this module
assembles them into typed records (:mod:`~quantities.extraction.numbers.records`): one
master pattern that finds candidate anchors (digits, number words, vague words, ordinal
words), its prefilters, and the small lookup tables that
:mod:`quantities.extraction.numbers.reader` consults around each anchor. Unit words are
checked against pint, so a bad pack fails at load, naming its file and key.

>>> from quantities.lang import load
>>> g = grammar(load("it"))
>>> g.units.words["chilometri"], g.units.currency["€"], g.hedges.before["circa"]
('kilometer', 'EUR', 'about')
>>> grammar(load("it")) is g
True
>>> [g.follow.pattern.groupindex[n] for n in ("scale", "unit", "mark", "agesuf", "month")]
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from quantities.extraction.numbers import patterns, prefilter
from quantities.extraction.numbers import vocabulary as v
from quantities.extraction.numbers.records import (
    Ages,
    Anchors,
    Dates,
    Follow,
    Hedges,
    Identifiers,
    NumberWords,
    Ordinals,
    Ranges,
    Shares,
    Times,
    Units,
    Years,
)
from quantities.lang import Pack, kept
from quantities.text.phrases import NEVER, alternation, by_last


@dataclass(frozen=True, eq=False, repr=False)
class Grammar:
    """Everything :mod:`quantities.extraction.numbers.reader` needs from one pack, precompiled."""

    anchors: Anchors
    words: NumberWords
    ordinals: Ordinals
    follow: Follow
    units: Units
    hedges: Hedges
    ranges: Ranges
    years: Years
    dates: Dates
    times: Times
    idents: Identifiers
    ages: Ages
    shares: Shares
    phrase_ends: frozenset[str]  # the last words of the cue phrases read before a number


@functools.cache
@kept
def grammar(pack: Pack) -> Grammar:
    """Compile ``pack``'s numerals grammar (once per pack)."""
    words = _number_words(pack)
    ordinals = Ordinals(
        words={w: int(n) for w, n in v.numbers(pack, "numbers.ordinals.words").items()},
        suffixes=tuple(v.words(pack, "numbers.ordinals.suffixes")),
        restore=tuple(v.restore(pack)),
        marks=frozenset(pack.words("numbers.ordinals.marks", ())),
        counted=v.words(pack, "numbers.ordinals.counted"),
        names=v.words(pack, "numbers.ordinals.names"),
    )
    units = _units(pack)
    hedges = _hedges(pack)
    ranges = _ranges(pack)
    years = Years(
        min=v.integer(pack, "numbers.years.min", 1900),
        max=v.integer(pack, "numbers.years.max", 2100),
        before=v.words(pack, "numbers.years.before"),
        not_nouns=v.words(pack, "numbers.years.not_nouns"),
        strong=v.words(pack, "numbers.years.strong_before"),
        decade_before=v.words(pack, "numbers.years.decade_before"),
        decade_suffixes=tuple(v.words(pack, "numbers.years.decade_suffixes")),
        events=v.words(pack, "numbers.years.events"),
        name_articles=frozenset(pack.words("numbers.years.name_articles", ())),
        earliest=v.integer(pack, "numbers.years.earliest", v.integer(pack, "numbers.years.min", 1900)),
    )
    dates = Dates(
        months=v.words(pack, "numbers.dates.months") | v.words(pack, "numbers.dates.abbreviations"),
        year_links=v.words(pack, "numbers.dates.year_links"),
        day_after_month=pack.get("numbers.dates.day_after_month", False) is True,
        day_joins=frozenset(pack.words("numbers.dates.day_joins", ())),
        weekdays=v.words(pack, "numbers.dates.weekdays"),
    )
    times = Times(
        before=v.words(pack, "numbers.times.before"),
        strong=v.words(pack, "numbers.times.strong_before"),
        zones=v.words(pack, "numbers.times.zones"),
        clock_after=tuple(pack.words("numbers.times.clock_after", ())),
        marked_minutes=v.flag(pack, "numbers.times.marked_minutes", False),
        seps=frozenset(pack.words("numbers.times.separators", ())),
        not_nouns=v.words(pack, "numbers.times.not_nouns"),
        after=v.words(pack, "numbers.times.after"),
        levels=frozenset(pack.words("numbers.times.levels", ())),
    )
    idents = Identifiers(
        before=v.words(pack, "numbers.identifiers.before"),
        elided=frozenset(pack.words("numbers.identifiers.elided", ())),
        leading_zero=v.flag(pack, "numbers.identifiers.leading_zero", False),
        phone_starts=tuple(pack.words("numbers.phones.starts", ())),
        phone_min=v.integer(pack, "numbers.phones.min_digits", 8),
        phone_cued_min=v.integer(pack, "numbers.phones.cued_min_digits", 5),
        phone_before=v.words(pack, "numbers.phones.before"),
        services=frozenset(pack.words("numbers.identifiers.services", ())),
        name_after=v.words(pack, "numbers.identifiers.name_after"),
        named=v.words(pack, "numbers.identifiers.named"),
        streets=v.words(pack, "numbers.identifiers.streets"),
        name_links=v.words(pack, "numbers.identifiers.name_links"),
        street_fronts=v.words(pack, "numbers.identifiers.street_fronts"),
        referring=v.words(pack, "numbers.identifiers.referring"),
        group_articles=v.words(pack, "numbers.identifiers.group_articles"),
        group_verbs=v.words(pack, "numbers.identifiers.group_verbs"),
        group_endings=tuple(v.words(pack, "numbers.identifiers.group_endings")),
        counted_after=v.words(pack, "numbers.identifiers.counted_after"),
        names=v.digit_names(pack, "numbers.identifiers.names"),
        parties=v.words(pack, "numbers.identifiers.parties"),
        parties_before=v.words(pack, "numbers.identifiers.parties_before"),
        parties_most=v.integer(pack, "numbers.identifiers.parties_most", 0),
        parties_counted=v.words(pack, "numbers.identifiers.parties_counted"),
        score_before=v.words(pack, "numbers.scores.before"),
        score_rest=_score_rest(pack),
    )
    ages = Ages(
        suffixes=v.words(pack, "numbers.ages.suffixes"),
        people=v.words(pack, "numbers.ages.people"),
        verbs=v.words(pack, "numbers.ages.verbs"),
        units=v.words(pack, "numbers.ages.units"),
        before=v.words(pack, "numbers.ages.before"),
        joins=v.words(pack, "numbers.ages.joins"),
        pronouns=v.words(pack, "numbers.ages.pronouns"),
        markers=v.words(pack, "numbers.ages.markers"),
        links=v.words(pack, "numbers.ages.marker_links"),
        after=v.words(pack, "numbers.ages.after"),
    )
    shares = _shares(pack)
    cues = (shares.per, idents.phone_before, idents.score_before, idents.before, idents.counted_after, idents.referring,
            years.decade_before, years.before, times.before, times.strong, hedges.before, hedges.marks)
    ratios = [*shares.denominators, *shares.multiples]
    spaced, others, word_at = prefilter.starts(words, ordinals, ratios, ages.suffixes)
    return Grammar(
        anchors=Anchors(
            master=patterns.master(words, ordinals, ratios, ages.suffixes, 0),
            master_i=patterns.master(words, ordinals, ratios, ages.suffixes, regex.IGNORECASE),
            num=re.compile(patterns.NUM),
            spaced=spaced,
            others=others,
            word_at=word_at,
        ),
        words=words,
        ordinals=ordinals,
        follow=_follow(pack, words, units, ordinals, ages, dates),
        units=units,
        hedges=hedges,
        ranges=ranges,
        years=years,
        dates=dates,
        times=times,
        idents=idents,
        ages=ages,
        shares=shares,
        phrase_ends=frozenset(p.rsplit(" ", 1)[-1] for table in cues for p in table),
    )


def _number_words(pack: Pack) -> NumberWords:
    decimal = v.string(pack, "numbers.decimal", ",")
    if any(c.isdigit() for c in decimal):
        raise pack.error("numbers.decimal", "a decimal mark cannot hold digits")
    groups = frozenset(v.group_marks(pack))
    morphemes = v.morphemes(pack)
    morph = v.morph_pattern(pack, morphemes)
    minus_words = v.words(pack, "numbers.minus_words")
    return NumberWords(
        morphemes=morphemes,
        morph_split=regex.compile(rf"(?:(?P<m>{morph})){{1,12}}", regex.IGNORECASE),
        digit_forms=patterns.digit_forms(decimal, groups),
        decimal=decimal,
        alone=v.words(pack, "numbers.alone"),
        joiners=v.words(pack, "numbers.joiners"),
        hyphens=frozenset(pack.words("numbers.hyphen", ())),
        minus=frozenset(pack.words("numbers.minus", ())),
        minus_words=minus_words,
        minus_ends=frozenset(c for w in minus_words for c in {w[-1], w[-1].replace("'", "’")}),
        spaced_after=Decimal(v.integer(pack, "numbers.spaced_after", 1)),
        elided={w[:-1]: w for w in v.words(pack, "numbers.elision.drop_final_vowel")},
        one=v.words(pack, "numbers.one"),
        definite=v.words(pack, "numbers.definite"),
        singletons=v.words(pack, "numbers.singletons"),
        homographs=v.homographs(pack),
        approx_spread=v.spread(pack, "numbers.approximate.spread", 0.2),
        approx_words=v.numbers(pack, "numbers.approximate.words"),
        fraction_article=v.flag(pack, "numbers.approximate.fraction_article", False),
        vague=v.vague(pack),
    )


def _units(pack: Pack) -> Units:
    words, nonpint = v.units(pack)
    before = v.strings(pack, "units.before")
    v.check_units(pack, "units.before", before, nonpint)
    dimensional = v.strings(pack, "units.dimensional.words")
    v.check_units(pack, "units.dimensional.words", dimensional, nonpint)
    singular = v.strings(pack, "units.singular")
    v.check_units(pack, "units.singular", singular, nonpint)
    weighed = v.strings(pack, "units.weighed.words")
    v.check_units(pack, "units.weighed.words", weighed, nonpint)
    return Units(
        words=words,
        currency={w: c.upper() for w, c in v.strings(pack, "units.currency").items()},
        before=before,
        signs=by_last(sorted(before, key=len, reverse=True)),  # the longest sign first ("us$", "$")
        scales=v.numbers(pack, "units.scales"),
        percent=v.words(pack, "units.percent.words"),
        durations=frozenset(pack.words("units.durations.units", ())),
        dimensional=dimensional,
        dimension_after=v.words(pack, "units.dimensional.after"),
        weighed=weighed,
        weighed_after=v.words(pack, "units.weighed.after"),
        not_weighed=v.words(pack, "units.weighed.not_before"),
        singular={**words, **singular},
    )


def _hedges(pack: Pack) -> Hedges:
    meanings = v.meanings(pack)
    after = v.hedges_after(pack, meanings)
    return Hedges(
        before=v.hedges(pack, meanings),
        articles=v.words(pack, "numbers.hedges.articles"),
        after=after,
        after_heads=patterns.ascii_heads(after, 1),
        meanings=meanings,
        carry_gap=v.integer(pack, "numbers.carry.max_gap", 60),
        carry_stops=regex.compile(
            rf"[.;:!?]|\n[ \t\r]{{0,200}}+\n"
            rf"|(?<!\w)(?:{alternation(_carry_stops(pack), empty=NEVER)})(?!\w)",
            regex.IGNORECASE,
        ),
        carry_after_comma=v.integer(pack, "numbers.carry.after_comma", 2),
        comparisons=v.words(pack, "numbers.hedges.comparisons"),
        thresholds=v.words(pack, "numbers.hedges.thresholds"),
        predicates=v.words(pack, "numbers.hedges.predicates"),
        predicate_endings=tuple(v.words(pack, "numbers.hedges.predicate_endings")),
        class_openers=v.words(pack, "numbers.hedges.class_openers"),
        marks=v.words(pack, "numbers.hedges.marks"),
        negations=v.words(pack, "numbers.hedges.negations"),
        negated=v.hedges_after(pack, meanings, "numbers.hedges.negated"),
        negatable=v.words(pack, "numbers.hedges.negatable"),
        negation_links=v.words(pack, "numbers.hedges.negation_links"),
        carry_articles=v.words(pack, "numbers.carry.articles"),
        carry_parts=v.words(pack, "numbers.carry.parts"),
        carry_complements={f: base for base in v.entries(pack, "numbers.carry.complements")
                           for f in v.words(pack, f"numbers.carry.complements.{base}")},
    )


def _carry_stops(pack: Pack) -> frozenset[str]:
    """The words that end a hedge's carry: ``[numbers.carry] stops`` and the verbs of change
    (``[numbers.ranges] change``: "circa 750 persone, sale a 82" is a new predicate)."""
    return v.words(pack, "numbers.carry.stops") | v.words(pack, "numbers.ranges.change")


def _ranges(pack: Pack) -> Ranges:
    dash = frozenset(pack.words("numbers.ranges.dash", ()))
    or_ = v.words(pack, "numbers.ranges.or")
    pairs = v.ranges(pack)
    articles = v.words(pack, "numbers.ranges.articles")
    return Ranges(dash=dash, or_=or_, pairs=pairs, seconds=frozenset(pairs.values()),
                  unit_pairs=v.words(pack, "numbers.ranges.unit_pairs"),
                  articles=articles, article_heads=frozenset(a[:1] for a in articles if a),
                  change=v.words(pack, "numbers.ranges.change"),
                  change_breaks=v.words(pack, "numbers.ranges.change_breaks"),
                  change_nouns=frozenset(pack.words("numbers.ranges.change_nouns", ())),
                  change_links=frozenset(pack.words("numbers.ranges.change_links", ())),
                  heads=patterns.ascii_heads([*dash, *or_, *pairs.values()], 1))


def _shares(pack: Pack) -> Shares:
    per = v.words(pack, "numbers.shares.per")
    counted = v.words(pack, "numbers.shares.counted")
    unit = v.string(pack, "numbers.shares.unit", "fraction")
    multiple_unit = v.string(pack, "numbers.multiples.unit", "times")
    v.check_units(pack, "numbers.shares", {"unit": unit, "multiples.unit": multiple_unit}, v.units(pack)[1])
    return Shares(
        unit=unit,
        denominators=v.numbers(pack, "numbers.shares.denominators"),
        alone=v.words(pack, "numbers.shares.alone"),
        alone_before=v.words(pack, "numbers.shares.alone_before"),
        alone_after=v.words(pack, "numbers.shares.alone_after"),
        per=per,
        per_ends=tuple(f" {w}" for w in sorted(per)),
        per_reach=max(map(len, per), default=0) + 4,
        per_after=regex.compile(
            rf"[ \u00a0]{{1,3}}(?:(?P<noun>\p{{L}}{{2,20}})[ \u00a0]{{1,3}})?(?P<per>{alternation(per, empty=NEVER)})"
            rf"[ \u00a0]{{1,3}}(?=[0-9\p{{L}}])",
            regex.IGNORECASE),
        counted=counted,
        counted_apart=tuple(f" {w} " for w in sorted(counted)),
        multiples=v.numbers(pack, "numbers.multiples.words"),
        multiple_unit=multiple_unit,
        multiple_after=v.words(pack, "numbers.multiples.after"),
        multiple_then=v.words(pack, "numbers.multiples.then"),
        verb_endings=tuple(v.words(pack, "nouns.verb_endings") | v.words(pack, "nouns.postmodifier_endings")),
    )


def _follow(pack: Pack, words: NumberWords, units: Units, ordinals: Ordinals, ages: Ages, dates: Dates) -> Follow:
    scales = v.numbers(pack, "numbers.scales")
    links = v.words(pack, "numbers.links")
    after = {"scales": scales, "links": links, "percent": units.percent, "units": units.words,
             "currency": units.currency, "ordinal_marks": ordinals.marks,
             "age_suffixes": ages.suffixes, "months": dates.months}
    fractions = [w for w, (kind, _) in words.morphemes.items() if kind == "fraction"]
    fraction = (rf"\s{{1,3}}(?:{alternation(words.joiners, empty=NEVER)})\s{{1,3}}"
                rf"(?:(?:{alternation(words.one, empty=NEVER)})\s{{1,3}})?"
                rf"({alternation(fractions, empty=NEVER)})(?!\w)")
    return Follow(
        pattern=patterns.after(after),
        fraction=regex.compile(fraction, regex.IGNORECASE),
        joined=regex.compile(rf"[ \u00a0]{{1,3}}(?:{alternation(words.joiners, empty=NEVER)})"
                             rf"[ \u00a0]{{1,3}}(?=[0-9\p{{L}}])", regex.IGNORECASE),
        joiner_heads=patterns.ascii_heads(words.joiners, 1),
        scale_heads=patterns.ascii_heads(scales, 2),
        heads=patterns.ascii_heads([w for table in after.values() for w in table], 2),
        firsts=patterns.ascii_heads([w for table in after.values() for w in table], 1) or frozenset(),
        scales=scales,
        links=links,
        link_head=regex.compile(rf"^(?:{alternation(links, empty=NEVER)})\s*"),
    )


def _score_rest(pack: Pack) -> Any:
    """What follows a score's first number: a joiner of ``numbers.scores.joiners`` (a dash
    glued or between blanks, a word between blanks) and one or two digits alone ("-1", " a 0")."""
    joiners = "|".join(regex.escape(j) for j in sorted(pack.words("numbers.scores.joiners", ()), key=len, reverse=True))
    return regex.compile(rf"(?: ?(?:{joiners}) ?)[0-9]{{1,2}}(?![0-9\w]|[.,][0-9])" if joiners else "(?!)")
