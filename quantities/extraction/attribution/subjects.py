"""Who reports, before the verb: the subject phrase that ends at a reporting verb ("I media russi
hanno riferito", ", rescue workers and authorities said"), a name set between commas or before an
apposition, the report noun a verb reports with ("il primo exit poll … dà"); each as a
``[start, end)`` pair of token indexes. The phrase itself is read by :mod:`.phrases`."""

from __future__ import annotations

from quantities.extraction.attribution.grammar import Grammar, abbreviation
from quantities.extraction.attribution.phrases import _numbered, _phrase
from quantities.lang.places import Places
from quantities.text.tokens import Tokens

#: The marks that end the clause a report noun is looked for in (:func:`_reporter`).
_CLAUSE_MARKS = frozenset(";:!?")

def _name_between_commas(toks: Tokens, end: int, g: Grammar) -> tuple[int, int] | None:
    """A capitalised name set between commas right before ``end`` (", Giorgia Meloni,", ", Michele di Bari,":
    a particle inside it)."""
    texts = toks.texts
    if end < 3 or texts[end - 1] != ",":
        return None
    k = end - 2
    while k >= 0 and end - 2 - k < 4 and toks.is_word(k) and (texts[k][0].isupper() or (
            k < end - 2 and toks.lows[k] in g.name_particles and k and (texts[k - 1][0].isupper()
                                                                         or toks.lows[k - 1] in g.name_particles))):
        k -= 1
    return (k + 1, end - 1) if k >= 0 and k < end - 2 and texts[k] == "," else None


def _name_before_apposition(toks: Tokens, end: int, g: Grammar) -> tuple[int, int] | None:
    """The capitalised name before an apposition set between commas that ends at ``end``
    ("Kassam Abozeed, a 34-year-old Syrian who lives in Germany,", "Palazzo Chigi, her office,")."""
    texts = toks.texts
    if end < 4 or texts[end - 1] != ",":
        return None
    k = end - 2
    while k > 0 and end - k <= g.max_words + 6 and texts[k] != ",":
        if not (toks.is_word(k) or texts[k][0].isdigit() or texts[k] == "-"):
            return None
        k -= 1
    if k <= 0 or texts[k] != ",":
        return None
    m = k
    while m > 0 and k - m < 4 and texts[m - 1][0].isupper() and toks.is_word(m - 1):
        m -= 1
    if m == k:
        return _group_before_participle(toks, k, g)
    if m > 0 and toks.is_word(m - 1) and toks.lows[m - 1] not in g.clause_words \
            and toks.lows[m - 1] not in g.speaker_titles:   # "il ministro Gennaro Sangiuliano, in visita …, aveva"
        return None  # "…, while Palazzo Chigi, her office, said": a clause may open before the name
    return (m, k)


def _group_before_participle(toks: Tokens, comma: int, g: Grammar) -> tuple[int, int] | None:
    """A common noun phrase that opens its clause with an article, before a participle set
    between commas at ``comma`` ("I naufraghi, sbarcati all'alba al molo Favarolo, hanno
    raccontato", "The survivors, rescued by the coast guard, said"), else None."""
    texts, lows = toks.texts, toks.lows
    after = comma + 1
    if not (texts[after].islower() and lows[after].endswith(g.participle_endings)):
        return None
    a = comma - 1
    while a >= 0 and comma - a <= 4 and lows[a] not in g.articles:
        if not toks.is_word(a) or lows[a] in g.stop:
            return None
        a -= 1
    if a < 0 or lows[a] not in g.articles or a + 1 == comma or (a > 0 and toks.is_word(a - 1)
                                                                and lows[a - 1] not in g.clause_words):
        return None
    return (a, comma)


def _subject(toks: Tokens, verb: int, g: Grammar) -> tuple[int, int] | None:
    """The subject that ends just before the verb at ``toks[verb]`` ("I media russi"), else the one
    that opens the sentence, if the verb is coordinated to its own (:func:`_shared_subject`)."""
    lows, texts = toks.lows, toks.texts
    end = verb
    while end > 0 and lows[end - 1] in g.pre_verb:
        end -= 1
    end = _past_day(toks, end, g)  # "Ferrari on Thursday reported", "A bulletin issued on Wednesday listed"
    if end > 3 and ((texts[end - 1] == "," and lows[end - 2] in g.pre_verb and texts[end - 3] == ",")
                    or (texts[end - 1] == ")" and texts[end - 3] == "(" and abbreviation(texts, end - 2))):
        end -= 3  # "Gli organizzatori, insomma, rivendicano"; "the Institute for Global Health (ISGlobal) estimated"
    np = _plain_subject(toks, end, g)
    if np is None and end > 2 and texts[end - 1] == ",":
        np = _before_aside(toks, end - 1, g)  # "Il ministero, in una nota diffusa ieri, parla di"
    if np is not None and np[0] > 1 and lows[np[0] - 1] in g.located and texts[np[0]][0].isupper():
        place = _plain_subject(toks, np[0] - 1, g)  # "the prefecture in Ancona said"
        if place is not None and _names_source(toks, place, g):
            return (place[0], np[1])
        if Places.default().known(" ".join(toks.texts[np[0]:np[1]])):
            return None   # a place, no subject: "il cluster che in Italia conta 66" (not "in Prefettura contavano")
    if np is not None and np[0] > 0 and lows[np[0] - 1] not in g.articles and (name := _name_across(toks, end, g)):
        return name  # "il Centro nazionale marocchino per la ricerca scientifica e tecnica parla"
    return np if np is not None else _shared_subject(toks, verb, g)  # "X, …, esce … e annuncia"


def _past_day(toks: Tokens, end: int, g: Grammar) -> int:
    """Where a subject ends before a day or a month after a preposition that ends at ``end`` ("on Thursday"),
    and before a participle right before them ("issued on Wednesday"), else ``end``: a time is no subject."""
    lows, texts = toks.lows, toks.texts
    if end < 3 or lows[end - 2] not in g.prepositions or lows[end - 1] not in g.time_names:
        return end
    end -= 2
    return end - 1 if end > 2 and texts[end - 1].islower() and lows[end - 1].endswith(g.participle_endings) \
        and toks.is_word(end - 2) else end


def _before_aside(toks: Tokens, comma: int, g: Grammar) -> tuple[int, int] | None:
    """The subject that opens the sentence before an aside between commas that ends at
    ``toks[comma]`` ("I dati del ministero, diffusi a luglio, parlano di"), when it names a
    source; not past a second aside. A relative clause may be longer ("Luciano Ligabue, who set the
    previous Italian record of almost 150,000 fans in Monza last year, said: …")."""
    start = next((k for k in range(comma - 1, max(0, comma - RELATIVE_ASIDE) - 1, -1) if toks.texts[k] == ","), None)
    if start is None or any(t == "," for t in toks.texts[:start]) or (
            comma - start > ASIDE and toks.lows[start + 1] not in g.relatives):
        return None
    np = _plain_subject(toks, start, g)
    titled = np is not None and any(toks.lows[k] in g.speaker_titles for k in range(*np))   # "The mayor, who …, said"
    return np if np is not None and np[0] == 0 and (titled or _names_source(toks, np, g)) else None


#: The most tokens of an aside between commas looked past to the subject before it; of a relative clause.
ASIDE = 10
RELATIVE_ASIDE = 24


def _names_source(toks: Tokens, np: tuple[int, int], g: Grammar) -> bool:
    """A phrase opened by an article or a capital whose words hold a source noun or a name
    ("the prefecture", "Italian police"), the source before "in PLACE"."""
    texts, lows = toks.texts, toks.lows
    if not (lows[np[0]] in g.articles or texts[np[0]][0].isupper()):
        return False
    return any(lows[k] in g.source_nouns or texts[k][0].isupper()
               for k in range(np[0], np[1]) if lows[k] not in g.articles)


def _plain_subject(toks: Tokens, end: int, g: Grammar) -> tuple[int, int] | None:
    """The subject phrase that ends at ``end``: a name set between commas, a name before an
    apposition, else the phrase that opens the clause before ``end``."""
    lows = toks.lows
    if (name := _name_between_commas(toks, end, g)) is not None:
        return name  # "The premier, Giorgia Meloni, said": the name
    if (name := _name_before_apposition(toks, end, g)) is not None:
        return name  # "Kassam Abozeed, a 34-year-old Syrian who lives in Germany, said"
    start = end
    while start > 0 and end - start < g.max_words and (toks.is_word(start - 1) or _numbered(toks, start - 1, end)) \
            and not g.opens_clause(toks, start - 1):
        start -= 1
    after_prep = start > 0 and lows[start - 1] in g.prepositions
    for k in range(start, end):
        if (k == start and not after_prep) or lows[k] in g.articles or toks.texts[k][0].isupper():
            np = _phrase(toks, k, g, until=end)
            if np is not None and np[1] == end:
                return _coordinated(toks, np, g) if k == start else np
    return None


def _coordinated(toks: Tokens, np: tuple[int, int], g: Grammar) -> tuple[int, int]:
    """A subject and the one coordinated before it, the two opening their clause after a comma or
    the sentence's start: ", rescue workers and authorities said" (not "the ship sank and officials said")."""
    k = np[0] - 1
    if k < 1 or toks.lows[k] not in g.conjunctions or not toks.is_word(k - 1):
        return np
    first = k
    while first > 0 and k - first < 3 and toks.is_word(first - 1) and not g.opens_clause(toks, first - 1):
        first -= 1
    if first and toks.texts[first - 1] != ",":
        return np
    before = _phrase(toks, first, g, until=k)
    if before is None or before[1] != k or (not first and not _names_source(toks, before, g)) or any(
            toks.texts[j].islower() and toks.lows[j].endswith(g.participle_endings + g.finite_endings)
            for j in range(first, k)):   # a clause: ", homes collapsed and officials said"
        return np   # at the sentence's start, a source noun or a name: "Police and firefighters said"
    return (first, np[1])


def _past_clitics(lows: list[str], verb: int, g: Grammar) -> int:
    """The index before the unstressed pronouns that precede the auxiliary at ``verb`` ("l'ha
    misurata", "gli hanno riferito"): where its subject ends. Before a present form only a
    pronoun that is no article is skipped ("la questura ne conta 15mila"; "la stima" is an
    article and a noun)."""
    if lows[verb] not in g.auxiliaries:  # an article's form between a noun and a verb whose subject follows
        # it resumes the noun: "Il bilancio sanitario lo traccia l'Azienda ospedaliera"
        resumed = 1 < verb < len(lows) - 1 and lows[verb - 1] in g.resumptive and lows[verb - 2] not in g.articles \
            and lows[verb - 2].isalpha() and lows[verb + 1] in g.articles
        return verb - (verb > 0 and lows[verb - 1] in g.clitics and (lows[verb - 1] not in g.articles or resumed))
    b = verb
    while b > 0 and verb - b < 2 and lows[b - 1] in g.clitics:
        b -= 1
    return b


def _reporter(toks: Tokens, verb: int, g: Grammar) -> tuple[int, int] | None:
    """The subject of a verb that reports only with a report noun for subject ("il primo exit
    poll del Consorzio Opinio Italia per la Rai dà …", "Exit polls released as polling
    stations closed had given …"): the phrase of the nearest report or summary noun before
    the verb in its clause, else None."""
    lows, texts = toks.lows, toks.texts
    k = verb - 1
    while k >= 0 and verb - k <= g.max_words + 6 and texts[k] not in _CLAUSE_MARKS:
        if lows[k] in g.report_nouns or lows[k] in g.summary_nouns:
            start = k
            while start > 0 and k - start < 2 and toks.is_word(start - 1) and lows[start - 1] not in g.stop \
                    and lows[start - 1] not in g.prepositions and lows[start - 1] not in g.articles:
                start -= 1  # "il primo exit poll", "Exit polls"
            return _phrase(toks, start, g, until=verb)
        k -= 1
    return None


def _name_across(toks: Tokens, end: int, g: Grammar) -> tuple[int, int] | None:
    """The name of an institution that runs across prepositions and a conjunction up to
    ``end``, read back from there to its capitalised head after an article ("il Centro
    nazionale marocchino per la ricerca scientifica e tecnica", "the National Center for
    Scientific and Technical Research"). An article inside it follows a preposition ("per
    la ricerca"); a word of a verb's ending, a stop word that is no preposition, or a
    non-word ends the search with no name."""
    lows, texts = toks.lows, toks.texts
    crossed = False
    k = end - 1
    while k > 0 and end - k <= g.max_words + 3:
        w, t = lows[k], texts[k]
        if not toks.is_word(k):
            return None
        if t[0].isupper() and lows[k - 1] in g.articles:
            return (k - 1, end) if crossed else None
        if t[0].isupper() and k > 1 and lows[k - 1] in g.possessives and texts[k - 2][-1:] in "'’":
            return (k - 2, end) if crossed else None   # "Italy's National Institute of Geophysics and …"
        if w in g.articles:
            if lows[k - 1] not in g.prepositions:
                return None
        elif w in g.prepositions or w in g.conjunctions:
            crossed = True
        elif w in g.stop or g.ends_phrase(toks, k):
            return None
        k -= 1
    return None


#: How far into its sentence the subject a coordinated verb shares may end, in tokens.
SHARED_REACH = 16
#: The marks that set a live blog's stamp or a dateline before a sentence's subject.
_DASHES = frozenset("-–—")


def _shared_subject(toks: Tokens, verb: int, g: Grammar) -> tuple[int, int] | None:
    """The subject that opens the sentence, shared by a reporting verb coordinated right after "e"
    / "and" at ``toks[verb]``: a name set between commas after the opening phrase ("Il prefetto di
    Napoli, Michele Di Bari, esce dal centro coordinamento soccorsi e annuncia che …"), or a source
    noun or a title and the name after it ("Il sindaco ha lasciato la riunione e ha detto che …", "Il prefetto
    Michele Di Bari esce … e annuncia"; ``[attribution] source_nouns``, ``speaker_titles``); none when
    a mark or a relative pronoun stands between it and the verb."""
    lows, texts = toks.lows, toks.texts
    if verb < 3 or lows[verb - 1] not in g.conjunctions:
        return None
    start = next((k + 1 for k in range(min(verb, 8) - 1, -1, -1) if texts[k] in _DASHES), 0)  # "Ore 21.10 –"
    k = start + (lows[start] in g.articles)
    if k >= verb or (lows[k] not in g.source_nouns and lows[k] not in g.speaker_titles):
        return None
    opening = (start, k + 1)
    while k + 1 < verb and texts[k + 1][:1].isupper():
        k += 1
        opening = (start, k + 1)
    end = k + 1
    if texts[end] != "," and end + 1 < verb and lows[end] in g.of and texts[end + 1][:1].isupper():
        end += 2   # "il prefetto di Napoli, …"
    if texts[end] == ",":
        name = _name_between_commas(toks, next((j + 1 for j in range(end + 1, min(verb, start + SHARED_REACH))
                                                if texts[j] == ","), end), g)
        if name is None or name[0] != end + 1:
            return None
        opening, end = name, name[1] + 1
    if not all(toks.is_word(j) for j in range(end, verb)) or not g.relatives.isdisjoint(lows[end:verb]):
        return None   # another clause's subject: "Il sindaco ha chiamato i tecnici che sono arrivati e stimano"
    return opening
