"""The ``[attribution]`` words of a pack, compiled once: the cue patterns and the word sets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import regex

from quantities.cache import compiled
from quantities.extraction.attribution.stamps import DASH, STAMP, STAMP_CHARS, Headers, headers
from quantities.lang import Pack, per_pack, phrases, positive_int, word_set
from quantities.text.fold import low
from quantities.text.phrases import EDGE, by_first, factored, seconds
from quantities.text.tokens import Tokens, tokens
from quantities.types import Span, direct_init

#: Where a cue's source stands and which figures it governs.
Reach = Literal["any", "after", "before"]


def abbreviation(texts: list[str], at: int) -> bool:
    """Whether ``texts[at]``, in brackets right after a name, abbreviates it: three capitals or
    more ("ISGlobal", "WHO"), or the initials of the words before it ("United Nations (UN)",
    "Protezione civile (PC)"; not "Rho (MI)", a province)."""
    word = texts[at]
    if sum(map(str.isupper, word)) > 2:
        return True
    before = texts[max(0, at - 1 - len(word)):at - 1]
    return len(before) == len(word) and word.isupper() and "".join(w[:1].upper() for w in before) == word


def acronym(text: str) -> bool:
    """A word written in capitals, of two letters or more: a name ("WHO", "US"), whatever word it spells."""
    return len(text) > 1 and text.isupper()


@direct_init
@dataclass(frozen=True, slots=True)
class Found:
    """A cue and its source, with spans in the scanned text.

    ``reach`` is "after" for a verb whose subject precedes it (it governs the figures
    after it), "any" for forward cues and inverted verbs.
    """

    source: str
    canonical: str | None
    cue: str
    span: Span
    cue_span: Span
    reach: Reach
    via: str | None = None
    impersonal: bool = False  # "si stima", "si parla di": a report that names no one
    relay: bool = False  # "citing X" after a report: X is the originator of that report
    unsaid: bool = False  # "«…», ha detto": a subject left unsaid, the source named before
    incise: bool = False  # "Il parapetto, dice il Comune, ha …": its sentence's source alone, carried no further
    gapped: bool = False  # "…, la prefettura 119mila": a source whose verb is left out, before its figure


def _pattern(words: list[str], first: str | None = None) -> str:
    """:func:`quantities.text.phrases.factored` as one group; "" when no phrase is left."""
    alt = factored(words, first=first, empty="")
    return f"(?:{alt})" if alt else ""


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Grammar:
    by_first: dict[str, regex.Pattern[str]]  # the cue pattern of the phrases that begin with a character
    seconds: dict[str, frozenset[str] | None]  # first word of a cue -> the words that may follow it (None: any)
    openers: regex.Pattern[str]
    relays: dict[str, tuple[tuple[str, ...], ...]]  # by first word, longest first
    source_nouns: frozenset[str]
    stop: frozenset[str]
    articles: frozenset[str]
    of: frozenset[str]
    agent: frozenset[str]
    not_agents: dict[str, tuple[tuple[str, ...], ...]]  # time phrases after "by"/"da", by first word
    time_names: frozenset[str]  # time words a language capitalises ("Monday"): still no agent
    passive: dict[str, tuple[tuple[str, ...], ...]]  # auxiliaries of the passive ("was", "è stato"), by first word
    adverbs: dict[str, tuple[tuple[str, ...], ...]]  # by first word, longest first
    gap: dict[str, tuple[tuple[str, ...], ...]]  # adverbs and times of day between a participle and its agent
    hedges: dict[str, tuple[tuple[str, ...], ...]]  # the hedges of a figure ("some", "circa"), by first word
    gapped_links: dict[str, tuple[tuple[str, ...], ...]]  # hedges and links after a gapped source ("organisers at")
    pre_verb: frozenset[str]
    clause: frozenset[str]
    prepositions: frozenset[str]
    opener_words: frozenset[str]
    clause_words: frozenset[str]
    verb_endings: tuple[str, ...]
    max_words: int
    aside_words: int  # how far after a reporting verb its reported clause is looked for
    apposition_words: int  # how many words of a title may follow its head before a name's comma
    impersonal: frozenset[tuple[str, ...]]  # a reporting verb that names no one ("si stima")
    same_source: frozenset[str]  # phrases that name the previous source ("stessa fonte")
    intensifiers: frozenset[str]  # "la stessa Sac": dropped before a name, which is the source
    former: frozenset[str]  # "ex", "former": a title its holder no longer holds
    finite_only: frozenset[str]  # present verbs no participle, and [active_only]: "da" after one is no agent
    impersonal_agents: frozenset[str]  # but for these plural verbs: their "da" phrase a name ("spiegano dall'Ingv")
    relay_cues: frozenset[tuple[str, ...]]  # forward cues that relay ("citando", "citing")
    credits: regex.Pattern[str]  # a sentence that opens by crediting the one before ("Il dato arriva da")
    complementisers: frozenset[str]  # what opens a reported clause after a verb ("che", "that", ":")
    breaks: str  # the marks that end a clause for the choice of a cue (";")
    narrating_auxiliaries: frozenset[str]  # "ha", "hanno": before a participle, a narrated action
    being_auxiliaries: frozenset[str]  # "è", "sono": before a participle and an adjunct, a narrated action
    participle_endings: tuple[str, ...]
    finite_endings: tuple[str, ...]  # finite verbs that narrate ("salgono", "restavano")
    finite_words: frozenset[str]  # finite verbs no ending tells ("supera", "sale")
    adjectives: frozenset[str]  # words that end a phrase but may open one after its article ("la prima")
    clause_verbs: frozenset[str]  # "said the government would": a verb after the phrase that follows a reporting verb
    summary_nouns: frozenset[str]  # "i numeri che la Regione ha presentato": the relative's subject is the source
    report_nouns: frozenset[str]  # "projections by X", "il conteggio della questura": X is the source
    published: frozenset[str]  # "i dati diffusi dal ministero", "figures presented by X": X is the source
    numbered: frozenset[str]  # names that hold a number ("sole 24 ore": [numbers.identifiers] names)
    bare_agent: frozenset[str]  # the agent's preposition without an article ("da", "by"; not "dalla")
    report_of: frozenset[str]  # "le stime della questura": what links a report noun to its owner
    verbless_openers: frozenset[str]  # a next sentence "Così X." credits X with the sentence before
    clause_ends: frozenset[str]  # words that open a relative or subordinate clause ("che", "which")
    pronouns: frozenset[str]  # a source that is a pronoun is the previous named source ("lui", "he")
    headers: Headers  # a verbless header that names a source before a colon (see header)
    headers_from: frozenset[str]  # of those, the ones that name it after "da": a name, never a place noun
    stamp: regex.Pattern[str]  # a live-blog time stamp that opens a sentence ("Ore 17.50 – ")
    copulas: frozenset[str]  # verbs that only state a figure ("sono", "erano stati"): no narration
    partitives: frozenset[str]  # "molti", "many": part of a group named before in the sentence
    first_person: frozenset[str]  # "io", "I": a quotation's speaker, named by its report
    clitics: frozenset[str]  # "l'", "gli", "mi" between a subject and its auxiliary
    resumptive: frozenset[str]  # of those, the ones that resume a fronted object: "I numeri li ha diffusi il Comune"
    auxiliaries: frozenset[str]  # the first words of the auxiliaries ("ha", "è"): a clitic may stand before one
    located: frozenset[str]  # "in": a place after a source, before its verb ("the prefecture in Ancona")
    conjunctions: frozenset[str]  # "e", "and" inside an institution's name
    possessives: frozenset[str]  # the ending after a possessor's apostrophe: "Italy's National Institute …"
    title_links: frozenset[str]  # "al" in "l'assessore al Welfare Giulio Gallera": the phrase runs on to the name
    linkers: frozenset[str]  # report_of and title_links: the words besides "di" that :meth:`links` reads
    numbering: frozenset[str]  # "contano": a report only with a subject that names a source
    provisions: frozenset[str]  # "il decreto prevede …": a text that provides, never a subject of a numbering verb
    clause_only: frozenset[str]  # "avvertono", "ripetuto": a report only as an incise or before a reported clause
    addressed: frozenset[str]  # "told": the phrase after it is who is told, never the subject
    relatives: frozenset[str]  # "che", "which": after a comma, the phrase before the comma is the subject
    presentatives: frozenset[str]  # "Ecco i dati Auditel: …": a word before a speaker's phrase
    speaker_titles: frozenset[str]  # "capo", "sindaco": a name after one and a comma, before a colon, speaks
    name_particles: frozenset[str]  # lower-case words inside a person's name: "Michele di Bari", "Ursula von der Leyen"
    data_nouns: frozenset[str]  # "l'ultimo dato ci dice …": a subject that is data, no one who reports
    measuring: frozenset[str]  # "registrato": no report with a place alone for subject
    scales: frozenset[str]  # "secondo la scala momento": a scale of measure after a forward cue, no source
    counters: frozenset[str]  # "5.000 manifestanti per la questura": who counts a crowd, after "per" and a count

    def header(self, text: str, start: int, end: int) -> Any:
        """The header phrase at ``start`` (a match with its group ``cue``), after a stamp or not: the phrases
        alone where no dash stands in a stamp's reach (most sentences; the stamp's lazy run tries 41 places).

        >>> grammar("it").header("Ore 12 - Nuovo bilancio della prefettura: 5 morti", 0, 49).span("cue")
        (9, 29)
        """
        stamped = DASH.search(text, start, min(end, start + STAMP_CHARS + 1)) is not None
        return self.headers[0 if stamped else 1].match(text, start, end)

    def ends_phrase(self, toks: Tokens, i: int) -> bool:
        w, text = toks.lows[i], toks.texts[i]
        return (not text[0].isalpha() or ((w in self.stop or w in self.articles) and not acronym(text))
                or (text.islower() and w.endswith(self.verb_endings) and not (i and toks.lows[i - 1] in self.articles))
                or self._hedge(toks, i))

    def opens_clause(self, toks: Tokens, i: int) -> bool:
        """Whether ``toks[i]`` is a word that opens a clause ("who", "that"), not a name written
        like one ("the WHO said")."""
        return toks.lows[i] in self.clause and not acronym(toks.texts[i])

    def links(self, toks: Tokens, j: int) -> bool:
        """Whether ``toks[j]``, inside a source phrase, links it to more of it: "di" ("ministro
        degli Esteri"), a report noun's "from" ("data from state insurer INAIL"), a title link."""
        w = toks.lows[j]
        return w in self.of or (w in self.report_of and toks.lows[j - 1] in self.report_nouns) or (
            w in self.title_links and self._links_title(toks, j))

    def _links_title(self, toks: Tokens, j: int) -> bool:
        """Whether the title link ``toks[j]`` ties a lower-case title to its field before a name:
        a capitalised pair within ``apposition_words`` of it, closed by a mark or the end
        ("l'assessore al Welfare Giulio Gallera."; not "il governatore al Corriere della Sera")."""
        texts = toks.texts
        if not texts[j - 1].islower():
            return False
        run = 0
        for k in range(j + 1, min(len(texts), j + 1 + self.apposition_words)):
            if not toks.is_word(k):
                return run >= 2
            run = run + 1 if texts[k][0].isupper() else 0
        return run >= 2 and j + 1 + self.apposition_words >= len(texts)

    def _hedge(self, toks: Tokens, i: int) -> bool:
        """Whether a hedge of the figure right after it starts at ``toks[i]`` ("by a Frontex
        plane some 40 miles": "some" is the figure's, not the source's)."""
        for hedge in self.hedges.get(toks.lows[i], ()):
            end = i + len(hedge)
            if end < len(toks) and tuple(toks.lows[i:end]) == hedge and toks.texts[end][:1].isdigit():
                return True
        return False


_LETTERS = compiled(r"\p{L}+")


def _cues(pack: Pack, words: dict[str, list[str]], agent: list[str], first: str | None) -> regex.Pattern[str]:
    """The cue pattern; with ``first``, only its phrases that begin with that character."""
    adverbs = _pattern(list(pack.words("attribution.adverbs")))
    participles = _pattern(words["participles"])
    auxiliaries = _pattern(words["auxiliaries"], first)
    verb = [f"{auxiliaries}(?:\\s+{adverbs}){{0,3}}\\s+{participles}"] if auxiliaries else []
    verb += [p for p in [_pattern(words["present"], first)] if p]
    groups = {
        "forward": _pattern(words["forward"], first),
        "restricted": _pattern(words["restricted"], first),
        "verb": "|".join(verb),
        "passive": f"{p}{_gap(pack, adverbs)}\\s+{_pattern(agent)}"
                   if (p := _pattern([w for w in words["participles"] if w not in words["active_only"]]
                                     + words["agent_participles"], first)) else "",
        "report": _pattern(words["report_verbs"], first),
    }
    cue = "|".join(f"(?P<{name}>{alt})" for name, alt in groups.items() if alt)
    elided = "|".join(regex.escape(c[:-1]) for c in pack.words("attribution.clitics") if c.endswith(("'", "’")))
    after = rf"|(?<=(?<!\w)(?:{elided})['’])" if elided else ""  # "l'ha misurata": after an elided clitic
    return regex.compile(rf"(?:(?<![\w'’]){after})(?:{cue}){EDGE}", regex.IGNORECASE)


#: The most words or times of day between a participle and its agent ("avvistata ieri sera alle
#: 22.26 da un aereo di Frontex"): a bound, so that the pattern stays linear.
GAP = 4
_CLOCK = r"\d{1,2}[.:]\d{2}"
CLOCK = compiled(_CLOCK)


def _gap(pack: Pack, adverbs: str) -> str:
    """What may stand between a participle and its agent: adverbs, the pack's
    ``[attribution] agent_gap`` (a time of day: "ieri sera alle"), a clock time."""
    words = _pattern(list(pack.words("attribution.agent_gap")))
    alt = "|".join(a for a in (adverbs, words, _CLOCK) if a)
    return f"(?:\\s+(?:{alt})){{0,{GAP}}}"


def _with_contractions(words: frozenset[str], contractions: dict[str, list[str]]) -> frozenset[str]:
    """``words`` and their contracted forms ("di" -> "del", "dell'", …), apostrophes straight."""
    return words | {c.replace("’", "'") for w in words for c in contractions.get(w, ())}


def _expand(pack: Pack, key: str, contractions: dict[str, list[str]]) -> list[str]:
    """The phrases at ``key``, plus their forms with a contracted last preposition."""
    out = []
    for phrase in pack.words(key):
        *rest, last = phrase.split()
        out.append(phrase)
        out += [" ".join([*rest, c]) for c in contractions.get(last, ())]
    return out


@per_pack("attribution")
def grammar(pack: Pack) -> Grammar:
    """The ``[attribution]`` words of ``pack``, compiled once."""
    contractions = pack.table("attribution.contractions")
    of = word_set(pack, "attribution.of")
    of_contracted = _with_contractions(of, contractions) - of  # "del", "della", … (not "di")
    for prep in contractions:
        pack.words(f"attribution.contractions.{prep}")
    agent = sorted(_with_contractions(word_set(pack, "attribution.agent"), contractions))
    words = {
        "forward": _expand(pack, "attribution.forward", contractions),
        **{k: list(pack.words(f"attribution.{k}")) for k in ("restricted", "auxiliaries", "present", "participles",
                                                             "report_verbs")},
        "agent_participles": list(pack.words("attribution.agent_participles", ())),
        "active_only": list(pack.words("attribution.active_only", ())),
    }
    initials = {low(w)[:1] for ws in words.values() for w in ws}
    hedges = tuple(p for key, value in pack.table("numbers.hedges").items() if isinstance(value, list)
                   and key != "articles" for p in phrases(pack, f"numbers.hedges.{key}"))
    return Grammar(
        by_first={c: _cues(pack, words, agent, c) for c in initials},
        seconds=_seconds(words, list(pack.words("attribution.adverbs")), agent,
                         list(pack.words("attribution.agent_gap"))),
        openers=regex.compile(rf"\s*{_pattern(list(pack.words('attribution.openers')))}{EDGE}", regex.IGNORECASE),
        relays=by_first(phrases(pack, "attribution.relays")),
        source_nouns=word_set(pack, "attribution.source_nouns"),
        stop=word_set(pack, "attribution.stop"), articles=word_set(pack, "attribution.articles"),
        of=of | of_contracted, agent=frozenset(agent), counters=word_set(pack, "attribution.counters"),
        not_agents=by_first(phrases(pack, "attribution.not_agents") + phrases(pack, "attribution.time_names")),
        time_names=word_set(pack, "attribution.time_names"),
        passive=by_first(_passive(pack)),
        adverbs=by_first(phrases(pack, "attribution.adverbs")),
        gap=by_first(phrases(pack, "attribution.adverbs") + phrases(pack, "attribution.agent_gap")),
        hedges=by_first(hedges),
        gapped_links=by_first(phrases(pack, "attribution.gapped_links") + hedges),
        pre_verb=frozenset(a[0] for a in phrases(pack, "attribution.adverbs") if len(a) == 1),
        prepositions=word_set(pack, "attribution.prepositions"),
        clause_words=word_set(pack, "attribution.clause_words"),
        opener_words=frozenset(o[0] for o in phrases(pack, "attribution.openers") if len(o) == 1),
        clause=word_set(pack, "attribution.stop") - of_contracted,
        verb_endings=tuple(word_set(pack, "attribution.verb_endings")),
        max_words=positive_int(pack, "attribution.max_words"),
        aside_words=positive_int(pack, "attribution.aside_words"),
        apposition_words=positive_int(pack, "attribution.apposition_words"),
        impersonal=frozenset(p[:2] for p in phrases(pack, "attribution.impersonal")),
        same_source=frozenset(" ".join(p) for p in phrases(pack, "attribution.same_source")),
        intensifiers=word_set(pack, "attribution.intensifiers"),
        former=word_set(pack, "attribution.former"),
        finite_only=frozenset(words["active_only"]).union(
            frozenset(p[-1] for p in phrases(pack, "attribution.present"))
            - frozenset(p[-1] for p in phrases(pack, "attribution.participles"))
            - word_set(pack, "attribution.impersonal_agents")),
        impersonal_agents=word_set(pack, "attribution.impersonal_agents"),
        relay_cues=frozenset(phrases(pack, "attribution.relays")),
        credits=regex.compile(rf"\s*{_pattern(_expand(pack, 'attribution.credits', contractions)) or '(?!)'}{EDGE}",
                              regex.IGNORECASE),
        complementisers=word_set(pack, "attribution.complementisers"),
        breaks="".join(pack.words("attribution.clause_breaks")),
        narrating_auxiliaries=word_set(pack, "attribution.narrated.auxiliaries"),
        being_auxiliaries=word_set(pack, "attribution.narrated.being_auxiliaries"),
        participle_endings=tuple(word_set(pack, "attribution.narrated.participle_endings")),
        finite_endings=tuple(word_set(pack, "attribution.narrated.finite_endings")),
        finite_words=word_set(pack, "attribution.narrated.finite_words"),
        copulas=word_set(pack, "attribution.narrated.copulas"),
        clause_ends=word_set(pack, "attribution.narrated.clause_ends"),
        report_nouns=word_set(pack, "attribution.report_nouns"),
        published=word_set(pack, "attribution.published"),
        numbered=word_set(pack, "numbers.identifiers.names"),
        bare_agent=word_set(pack, "attribution.agent"),
        summary_nouns=word_set(pack, "attribution.summary_nouns"),
        clause_verbs=word_set(pack, "attribution.clause_verbs"),
        report_of=word_set(pack, "attribution.report_of"),
        adjectives=word_set(pack, "attribution.adjectives"),
        verbless_openers=word_set(pack, "attribution.verbless_openers"),
        pronouns=word_set(pack, "attribution.pronouns"),
        headers=headers(_pattern(_expand(pack, "attribution.headers", contractions)
                                 + _expand(pack, "attribution.headers_from", contractions))),
        headers_from=frozenset(_expand(pack, "attribution.headers_from", contractions)),
        stamp=STAMP,
        partitives=word_set(pack, "attribution.partitives"),
        first_person=word_set(pack, "attribution.first_person"),
        clitics=word_set(pack, "attribution.clitics"),
        resumptive=word_set(pack, "attribution.resumptive"),
        auxiliaries=frozenset(p[0] for p in phrases(pack, "attribution.auxiliaries")),
        located=word_set(pack, "attribution.located"),
        conjunctions=word_set(pack, "attribution.conjunctions"),
        possessives=word_set(pack, "attribution.possessives"),
        title_links=word_set(pack, "attribution.title_links"),
        linkers=word_set(pack, "attribution.report_of") | word_set(pack, "attribution.title_links"),
        numbering=word_set(pack, "attribution.numbering"), provisions=word_set(pack, "attribution.provisions"),
        clause_only=word_set(pack, "attribution.clause_only"), addressed=word_set(pack, "attribution.addressed"),
        relatives=word_set(pack, "attribution.relatives"),
        speaker_titles=word_set(pack, "attribution.speaker_titles"),
        presentatives=word_set(pack, "attribution.presentatives"),
        name_particles=word_set(pack, "attribution.name_particles"),
        data_nouns=word_set(pack, "attribution.data_nouns"),
        measuring=word_set(pack, "attribution.measuring"),
        scales=word_set(pack, "attribution.scales"),
    )


def _passive(pack: Pack) -> tuple[tuple[str, ...], ...]:
    """The auxiliaries of the passive, each one of the pack's auxiliaries."""
    known = set(phrases(pack, "attribution.auxiliaries"))
    out = phrases(pack, "attribution.passive_auxiliaries")
    for phrase in out:
        if phrase not in known:
            raise pack.error("attribution.passive_auxiliaries",
                             f"{' '.join(phrase)!r} is not one of attribution.auxiliaries")
    return out


def _seconds(words: dict[str, list[str]], adverbs: list[str], agent: list[str],
             gap: list[str]) -> dict[str, frozenset[str] | None]:
    """For the first word of each cue phrase in ``words`` (by kind), the :func:`_head` of
    the words that may come second (None: the first word is a cue by itself). A cue is
    tried only where its first two words stand: an auxiliary is followed by an adverb or a
    participle, and a participle by the agent ("riportato dalla Kcna")."""
    def lows(phrase: str) -> list[str]:
        return tokens(phrase).lows

    def firsts(phrases: list[str]) -> set[str]:
        return {_head(lows(p)[0]) for p in phrases}

    after_one = {"auxiliaries": firsts(adverbs) | firsts(words["participles"]),
                 "participles": firsts(agent) | firsts(adverbs) | firsts(gap) | {""}}   # "" : a clock time
    after_one["agent_participles"] = after_one["participles"]
    pairs = []
    for kind, cues in words.items():
        for phrase in cues:
            first, *rest = lows(phrase)
            pairs.append((first, frozenset({_head(rest[0])} if rest else after_one.get(kind, set()))))
    return seconds(pairs)


def _head(word: str) -> str:
    """The letters a (folded) word begins with: "riferito'" -> "riferito", "dall'" -> "dall".

    >>> _head("riferito-ieri"), _head("stima.5"), _head("5.000")
    ('riferito', 'stima', '')
    """
    if word.isalpha():  # Python's letters are regex's (a test checks it): most words, without a pattern call
        return word
    m = _LETTERS.match(word, 0, len(word), False)
    return m[0] if m else ""

