"""The grammar of counted noun phrases: the ``[nouns]`` words of a pack, compiled once, and
:class:`NounPhrase`, what the rest of :mod:`quantities.extraction.nouns` finds."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from quantities.lang import Pack, per_pack, phrases, positive_int, word_set
from quantities.text.fold import low
from quantities.text.phrases import by_last
from quantities.text.tokens import Tokens, tokens
from quantities.types import Span, direct_init


# one object a pack, by identity: its word tests are cached by it
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Grammar:
    of: frozenset[str]
    articles: frozenset[str]
    copulas: dict[str, tuple[tuple[str, ...], ...]]  # by their last word, longest first
    fillers: frozenset[str]
    change_from: frozenset[str]        # "scenderà dal 20 al 19%": looked past right after a copula
    change_to: frozenset[str]          # "da quattro a tre aliquote": the first figure counts the second's noun
    predicated: tuple[tuple[str, ...], ...]  # "Tre dei feriti sono in gravi condizioni": a state the noun takes
    class_adjectives: frozenset[str]  # "Nove sono ucraini": a class of people the figure counts
    change_nouns: frozenset[str]       # "il rincaro di 1,25 punti dei contributi": what changes follows
    relatives: tuple[tuple[str, ...], ...]  # "il rendimento, che aveva superato il 5%": the subject before
    restating: tuple[tuple[str, ...], ...]  # "…, pari al 3,6%", "…, cioè 4 milioni di litri": the figure before again
    elliptic_before: frozenset[str]
    elliptic_after: frozenset[str]
    prenominal: frozenset[str]
    conj: frozenset[str]
    function: frozenset[str]
    time_words: frozenset[str]         # days and months: never the head of a noun before a figure
    time_prepositions: frozenset[str]  # before a year or a month, a time adverbial: "nel 2023", "a dicembre"
    months: frozenset[str]
    time_adverbs: dict[str, tuple[tuple[str, ...], ...]]  # "l'anno scorso", "ieri", "last year"; by their last word
    currencies: frozenset[str]         # one-word names of ``[units.currency]`` and ``[units]``: a unit, never a noun
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
    wholes: frozenset[str]  # "il 35% del totale": a share of the whole is its subject's
    kept_heads: frozenset[str]  # "il tasso di disoccupazione": a head that keeps its "di" complement as subject
    elliptic_adjectives: frozenset[str]
    purpose: dict[str, frozenset[str]]
    bare_purpose: frozenset[str]
    purpose_verbs: frozenset[str]  # a purpose word that takes a verb and its object: "to extend a cut"
    not_purpose_verbs: frozenset[str]  # "to keep the deficit under 3%": its object is no purpose
    fronted_purpose: dict[str, frozenset[str]]  # by kind: "Per il cuneo fiscale servono 10,7 miliardi"
    allotting: frozenset[tuple[str, ...]]  # the verbs between a fronted purpose and its sum
    source_heads: frozenset[str]  # attribution's source nouns: "per il governo" names no purpose
    not_purposes: frozenset[str]  # "Alla fine vanno 3 miliardi": a discourse word, no purpose
    noun_after_kinds: frozenset[str]
    modifier_articles: frozenset[str]  # "a 13.5 billion euro project": the figure modifies the noun after it
    modifier_plural: tuple[str, ...]  # endings of a figure's last word that make it an amount ("5 billion euros")
    postmodifier_endings: tuple[str, ...]
    value_before: dict[str, frozenset[str]]  # by kind of figure
    money: frozenset[str]  # nouns that are sums of money ("sovvenzioni", "loans")
    share_units: frozenset[str]
    share_links: frozenset[str]
    copula_nouns: dict[str, str]
    verb_nouns: dict[str, dict[tuple[str, ...], str]]  # by kind: "ha speso" -> "spesa" (nouns/verbs.py)
    unit_nouns: dict[str, str]
    materials: frozenset[str]  # "un albero di alluminio di 75 metri": what a thing is made of, no head
    measured_things: frozenset[str]  # names of unit_nouns that yield to the thing before: "raffiche fino a 170 km/h"
    rate_words: dict[str, str]
    dimension_words: dict[str, str]  # "lunga 400 metri", "400 metres long" -> "lunghezza", "length"
    dimension_kinds: frozenset[str]
    name_links: frozenset[str]
    name_particles: frozenset[str]  # capitalised inside a name: "Stefano Lo Russo"
    place_qualifiers: frozenset[str]  # ``[scope] place_qualifiers``: "Roma Nord" is one place
    plural_verb_endings: tuple[str, ...]  # right after a figure, a verb: "1.600 aspettano"
    compared: dict[str, tuple[tuple[str, ...], ...]]  # by their last word
    change_after: dict[str, str]
    change_longest: int
    change_heads: frozenset[str]  # the first words of change_after's phrases
    points: frozenset[str]
    share_verbs: frozenset[str]
    share_with: frozenset[str]
    share_agents: frozenset[str]
    contest_verbs: frozenset[str]
    rounds: tuple[tuple[str, ...], ...]  # "primo turno": a share then named by no contestant
    age_copulas: tuple[tuple[str, ...], ...]
    among_places: frozenset[str]  # "tra le province di Teramo e Chieti": where, not what is counted
    age_markers: frozenset[str]  # "età": an age's word, never whose it is ("all'età di 85 anni")
    complements: tuple[tuple[str, ...], ...]  # kept in the noun after its head: "300 lavoratori in appalto"
    complement_heads: frozenset[str]          # their first words
    age_kinds: frozenset[str]
    age_before: frozenset[str]         # [numbers.ages] before: "Seven children, aged 2 to 8"
    age_pronouns: frozenset[str]       # [numbers.ages] pronouns: "un uomo e una donna, entrambi di 94 anni"
    among: frozenset[str]
    whole_before: frozenset[str]  # "sulle 3.500": the whole, which takes no status of the figure before
    negations: frozenset[str]
    demonstratives: frozenset[str]
    numerals: frozenset[str]          # the number and scale words ([numbers.words], [numbers.scales]: "decine") and
    multipliers: tuple[str, ...]      # the morphemes that end a compound ("tre|mila", "due|cento")
    compound_links: frozenset[str]     # "richieste di soccorso", "package of weapons"
    infinitive_endings: tuple[str, ...]
    inner_adverbs: frozenset[str]      # "persone ancora disperse"
    object_articles: frozenset[str]    # "delay cost the airline": a verb before one
    subordinators: frozenset[str]      # "mentre Enrico Michetti si è fermato": a clause a name may open
    fronted_partitives: tuple[tuple[str, ...], ...]  # "Dei contagiati, 27 …" ([scope] fronted_partitives)
    possessives: frozenset[str]        # "Italy's north": the ending after a possessor's apostrophe
    article_possessives: frozenset[str]  # "il loro soggiorno": a possessive that opens after an article
    indefinites: frozenset[str]        # "con un fatturato che sfiora …": an indefinite article
    colons: frozenset[str]             # what closes a clause that names the figure after it
    spoken: frozenset[str]             # speech participles ("ha spiegato il capo …:"): a speaker follows
    determiners: frozenset[str]        # "molti", "some": they open a noun phrase of their own
    singular_endings: tuple[str, ...]  # a word's number by its ending, where the language marks it
    plural_endings: tuple[str, ...]
    of_scales: frozenset[str] = frozenset()  # scales whose noun follows "of": "144 milioni legati" counts no "legati"

    def is_numeral(self, word: str) -> bool:
        """A number written in words ("tre", "tremila", "three"): never a counted noun."""
        return word in self.numerals or word.endswith(self.multipliers)

    def is_copula(self, word: str) -> bool:
        """``word`` is a copula of one word ("sono", "were"): "5 miliardi sono destinati"."""
        return (word,) in self.copulas.get(word, ())

    def is_verb(self, word: str) -> bool:
        return word.endswith(self.verb_endings) and word not in self.adjectives

    def can_head(self, toks: Tokens, i: int, lowercase: bool = False) -> bool:
        """``toks[i]`` is a word that may be the counted noun."""
        text = toks.texts[i]
        if i and toks.lows[i - 1] in self.inner_adverbs and self._adjective(toks.lows[i], text):
            return False   # "la più forte": the adjective of a noun left unsaid
        return self._may_head(toks.lows[i], text) and (text.islower() or not lowercase)

    # A word's tests are asked again and again (news repeats its words, and each figure's
    # window is walked by several steps): they are kept by the word, folded and as written.
    @functools.lru_cache(maxsize=1 << 14)  # noqa: B019  # grammars live as long as the process
    def _may_head(self, w: str, text: str) -> bool:
        return (text[0].isalpha() and len(w) > 1 and w not in self.function and not self.is_verb(w)
                and w not in self.elliptic_before and w not in self.determiners and not self.is_numeral(w)
                and not w[0].isdigit())

    def particle(self, toks: Tokens, k: int) -> bool:
        """``toks[k]`` is a surname's particle: capitalised, after a capitalised word that is no function
        word nor after an article (a given name) and before a capitalised one ("Stefano Lo Russo"; not
        "La Lega" at a start, "Per il Senato La Lega")."""
        lows, texts = toks.lows, toks.texts
        return lows[k] in self.name_particles and texts[k][:1].isupper() and 0 < k < len(lows) - 1 \
            and texts[k - 1][:1].isupper() and lows[k - 1] not in self.function and texts[k + 1][:1].isupper() \
            and (k < 2 or lows[k - 2] not in self.articles)

    def qualifier(self, toks: Tokens, i: int) -> int:
        """How many words the qualifier at ``toks[i]`` takes: an adjective (1), a negated
        one ("non boschiva", "not wooded": 2; the negation is part of the phrase's meaning),
        else 0; an adverb of ``inner_adverbs`` before an adjective is part of it too ("persone
        ancora disperse"). It agrees in number with the word before it ("superficie urbana", not
        "ettari di superficie urbana andati": the participle is the hectares')."""
        prev = toks.lows[i - 1] if i else ""
        if i < len(toks.lows) and self.is_adjective(toks, i) and self.agrees(prev, toks.lows[i]):
            return 1
        negated = i + 1 < len(toks.lows) and (toks.lows[i] in self.negations or toks.lows[i] in self.inner_adverbs) \
            and self.is_adjective(toks, i + 1)
        return 2 if negated and self.agrees(prev, toks.lows[i + 1]) else 0

    def number(self, word: str) -> str:
        """"sg", "pl" or "" (not told by its ending, or not marked in the language)."""
        return "sg" if word.endswith(self.singular_endings) else "pl" if word.endswith(self.plural_endings) else ""

    def agrees(self, word: str, other: str) -> bool:
        """The two words may agree in number (one of them unmarked, or both the same)."""
        a, b = self.number(word), self.number(other)
        return not a or not b or a == b

    def is_adjective(self, toks: Tokens, i: int) -> bool:
        return self._adjective(toks.lows[i], toks.texts[i])

    def noun_like(self, toks: Tokens, i: int) -> bool:
        """``toks[i]`` is an adjective or may head the noun: a run of such words is a noun phrase."""
        w, text = toks.lows[i], toks.texts[i]
        return self._adjective(w, text) or self._may_head(w, text)

    @functools.lru_cache(maxsize=1 << 14)  # noqa: B019  # as _may_head
    def _adjective(self, w: str, text: str) -> bool:
        return (text[0].isalpha() and text.islower() and (w not in self.function or w in self.adjectives)
                and (w in self.adjectives or (w.endswith(self.adjective_endings) and not self.is_verb(w))))


def _hedge_words(pack: Pack) -> frozenset[str]:
    """The hedges of one word (``[numbers.hedges]``, each group of a meaning: "circa", "roughly", "supera"):
    never the counted noun ("Half of the roughly 400 yachts")."""
    return frozenset(w for name in pack.table("numbers.hedge_meanings")
                     for w in word_set(pack, f"numbers.hedges.{name}") if w.isalpha())


def _copulas(pack: Pack) -> tuple[tuple[str, ...], ...]:
    """``[nouns] copulas``, and each modal before each of ``[nouns] modal_copulas``, the
    infinitives of copulas ("la produzione dovrebbe attestarsi intorno alle 290mila tonnellate")."""
    modals, verbs = phrases(pack, "nouns.modals"), phrases(pack, "nouns.modal_copulas")
    every = {*phrases(pack, "nouns.copulas"), *(m + v for m in modals for v in verbs)}
    return tuple(sorted(every, key=len, reverse=True))


@per_pack("nouns")
def grammar(pack: Pack) -> Grammar:
    """The ``[nouns]`` words of ``pack``, checked and compiled once."""
    return Grammar(
        of=word_set(pack, "nouns.of"),
        articles=word_set(pack, "nouns.articles"),
        copulas=by_last(_copulas(pack)),
        fillers=word_set(pack, "nouns.copula_fillers"),
        change_from=word_set(pack, "nouns.change_from"),
        change_to=word_set(pack, "nouns.change_to"),
        predicated=phrases(pack, "nouns.predicated"),
        class_adjectives=word_set(pack, "nouns.class_adjectives"),
        change_nouns=word_set(pack, "nouns.change_nouns"),
        relatives=phrases(pack, "nouns.relatives"),
        restating=phrases(pack, "nouns.restating"),
        elliptic_before=word_set(pack, "nouns.elliptic_before"),
        elliptic_after=word_set(pack, "nouns.elliptic_after"),
        prenominal=word_set(pack, "nouns.prenominal"),
        conj=word_set(pack, "nouns.and"),
        function=word_set(pack, "nouns.function_words") | _hedge_words(pack),
        time_words=word_set(pack, "nouns.time_words"),
        time_prepositions=frozenset(map(low, pack.words("nouns.time_prepositions", ()))),
        months=word_set(pack, "numbers.dates.months"),
        time_adverbs=by_last(sorted({tuple(tokens(p).lows) for p in pack.words("nouns.time_adverbs", ())},
                                    key=len, reverse=True)),
        currencies=frozenset(w.casefold() for table in ("units.currency", "units") for w, v in pack.table(table).items()
                             if w.replace(" ", "").isalpha() and isinstance(v, str)),  # "dollari australiani" too
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
        wholes=word_set(pack, "nouns.wholes"),
        kept_heads=word_set(pack, "nouns.kept_heads"),
        elliptic_adjectives=word_set(pack, "nouns.elliptic_adjectives"),
        purpose={kind: word_set(pack, f"nouns.purpose.{kind}") for kind in pack.table("nouns.purpose")},
        bare_purpose=word_set(pack, "nouns.bare_purpose"),
        purpose_verbs=word_set(pack, "nouns.purpose_verbs"),
        not_purpose_verbs=word_set(pack, "nouns.not_purpose_verbs"),
        fronted_purpose={kind: word_set(pack, f"nouns.fronted_purpose.{kind}")
                         for kind in pack.table("nouns.fronted_purpose")},
        allotting=frozenset(phrases(pack, "nouns.allotting")),
        source_heads=word_set(pack, "attribution.source_nouns"),
        not_purposes=word_set(pack, "nouns.not_purposes"),
        noun_after_kinds=word_set(pack, "nouns.noun_after_kinds"),
        modifier_articles=word_set(pack, "nouns.modifier_articles"),
        modifier_plural=tuple(word_set(pack, "nouns.modifier_plural")),
        postmodifier_endings=tuple(word_set(pack, "nouns.postmodifier_endings")),
        value_before={kind: word_set(pack, f"nouns.value_before.{kind}") for kind in pack.table("nouns.value_before")},
        money=word_set(pack, "nouns.money"),
        share_units=word_set(pack, "nouns.share_units"),
        share_links=word_set(pack, "nouns.share_links"),
        copula_nouns={" ".join(tokens(k).lows): v for k, v in _names(pack, "nouns.copula_nouns").items()},
        verb_nouns={kind: {tuple(tokens(k).lows): v for k, v in _names(pack, f"nouns.verb_nouns.{kind}").items()}
                    for kind in pack.table("nouns.verb_nouns")},
        unit_nouns=_names(pack, "nouns.unit_nouns"),
        measured_things=word_set(pack, "nouns.measured_things"),
        materials=word_set(pack, "nouns.materials"),
        rate_words={w.casefold(): n for w, n in _names(pack, "nouns.rate_words").items()},
        dimension_words={w.casefold(): n for w, n in _names(pack, "nouns.dimension_words").items()},
        dimension_kinds=word_set(pack, "nouns.dimension_kinds"),
        name_links=word_set(pack, "nouns.name_links"),
        name_particles=frozenset(map(low, pack.words("nouns.name_particles", ()))),
        place_qualifiers=frozenset(map(low, pack.words("scope.place_qualifiers", ()))),
        plural_verb_endings=tuple(pack.words("nouns.plural_verb_endings", ())),
        compared=by_last(phrases(pack, "nouns.compared")),
        change_after=(change := {" ".join(tokens(k).lows): v for k, v in _names(pack, "nouns.change_after").items()}),
        points=word_set(pack, "nouns.points"),
        share_verbs=word_set(pack, "nouns.share_verbs"),
        share_with=word_set(pack, "nouns.share_with"),
        share_agents=word_set(pack, "nouns.share_agents"),
        contest_verbs=word_set(pack, "nouns.contest_verbs"),
        rounds=phrases(pack, "nouns.rounds"),
        age_copulas=phrases(pack, "nouns.age_copulas"),
        among_places=word_set(pack, "nouns.among_places"),
        age_markers=frozenset(low(m).replace("\u2019", "'").split()[-1].split("'")[-1]
                              for m in pack.words("numbers.ages.markers", ())),
        complements=phrases(pack, "nouns.complements"),
        complement_heads=frozenset(c[0] for c in phrases(pack, "nouns.complements") if c),
        age_kinds=word_set(pack, "nouns.age_kinds"),
        age_before=word_set(pack, "numbers.ages.before"),
        age_pronouns=word_set(pack, "numbers.ages.pronouns"),
        among=word_set(pack, "nouns.among"),
        whole_before=word_set(pack, "nouns.whole_before"),
        negations=word_set(pack, "nouns.negations"),
        demonstratives=word_set(pack, "nouns.demonstratives"),
        numerals=frozenset(w.casefold() for t in ("numbers.words", "numbers.scales") for w in pack.table(t)),
        multipliers=tuple(w.casefold() for w in pack.table("numbers.multipliers")),
        determiners=word_set(pack, "nouns.determiners"),
        colons=word_set(pack, "nouns.colons"),
        spoken=frozenset(w for w in word_set(pack, "attribution.participles") if " " not in w),
        possessives=word_set(pack, "nouns.possessives"),
        article_possessives=word_set(pack, "nouns.article_possessives"),
        indefinites=word_set(pack, "nouns.indefinites"),
        inner_adverbs=word_set(pack, "nouns.inner_adverbs"),
        object_articles=word_set(pack, "nouns.object_articles"),
        subordinators=word_set(pack, "nouns.subordinators"),
        fronted_partitives=phrases(pack, "scope.fronted_partitives"),
        compound_links=word_set(pack, "nouns.compound_links"),
        infinitive_endings=tuple(word_set(pack, "nouns.infinitive_endings")),
        singular_endings=tuple(word_set(pack, "nouns.singular_endings")),
        plural_endings=tuple(word_set(pack, "nouns.plural_endings")),
        of_scales=word_set(pack, "nouns.of_scales"),
        change_longest=max((len(k.split()) for k in change), default=0),
        change_heads=frozenset(k.split(" ")[0] for k in change),
    )


@per_pack("status")
def status_skip(pack: Pack) -> frozenset[str]:
    """The words a predicate looks past to its status word ("sono stati evacuati")."""
    return word_set(pack, "status.skip")


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


def reused(noun: NounPhrase | None) -> NounPhrase | None:
    """``noun`` as a later figure takes it from an earlier one: written elsewhere, no span of its own."""
    return None if noun is None else NounPhrase(noun.text, noun.head, None)
