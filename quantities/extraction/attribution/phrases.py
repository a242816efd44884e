"""The phrases around a cue: the source after a forward cue, the subject before a verb, a relay, a time after
"da"/"by"; each as a ``[start, end)`` pair of token indexes."""

from __future__ import annotations

import functools

from quantities.extraction.attribution.grammar import Found, Grammar, Reach, abbreviation
from quantities.lang.places import Places
from quantities.lang.sources import Sources
from quantities.text.fold import fold
from quantities.text.tokens import Tokens, surface
from quantities.types import Span


def _past_time(toks: Tokens, k: int, g: Grammar) -> int | None:
    """The index after a time phrase at ``toks[k]`` (an article first allowed): "by
    midday", "by the end of the week", "da allora"; None when there is none. A time word
    written with a capital in mid-sentence is a name ("dal Tempo", "by Time"), except the
    pack's ``time_names`` (English capitalises "Monday", "March")."""
    lows = toks.lows
    if k < len(lows) and lows[k] in g.articles:
        k += 1
    seq = _at(lows, k, g.not_agents)
    if seq is None or not (toks.texts[k].islower() or lows[k] in g.time_names):
        return None
    return k + len(seq)


#: Marks that may close a sentence after its last word (see :func:`_aside`).
_CLOSING = frozenset(".!?…\"”»’')]")


def _aside(toks: Tokens, subject: tuple[int, int] | None, j: int, g: Grammar) -> bool:
    """A report set after the figures it covers: its subject opens a clause (after a
    comma or a quote, not "than", "di quanto") and its verb ends the clause, or goes on
    with an adjunct or an object but no reported clause ("…, the Pentagon said.", "…,
    officials said on Saturday, after…", "…, Salvini told reporters."; not "…, i media
    hanno riferito che …"). Such a verb governs the figures before it too."""
    if subject is None or (subject[0] > 0 and toks.is_word(subject[0] - 1)):
        return False
    texts, lows = toks.texts, toks.lows
    for k in range(j, min(len(texts), j + g.aside_words)):  # bounded: linear in a sentence of cues
        t = texts[k]
        if t == "," or t in _CLOSING:
            return True
        if lows[k] in g.complementisers or t[0].isdigit():
            return False
    return j + g.aside_words > len(texts) or texts[j] in _CLOSING


def _make(text: str, toks: Tokens, np: tuple[int, int] | None, cue: Span, reach: Reach,
          g: Grammar, src: Sources) -> Found | None:
    if np is None:
        return None
    np = _apposed_name(toks, _by_agent(toks, np, g), g)
    span, via = _words(toks, np, g), None
    relayed = _relay(toks, np[1], g)
    if relayed is not None:
        via, span = surface(span.of(text)), _words(toks, relayed, g)
    source = surface(span.of(text))
    return Found(source, src.canonical(source), _cue_text(text, cue), span, cue, reach, via)


def _apposed_name(toks: Tokens, np: tuple[int, int], g: Grammar) -> tuple[int, int]:
    """A person's name set after a title wins over it: "il prefetto di Napoli, Claudio
    Palomba," -> "Claudio Palomba"; the title may go on before the comma ("l'assessore
    regionale alla Sanità, Filippo Saltamartini"). The name is two or more capitalised words
    closed by a comma or the end of the sentence; the title's head is in lower case."""
    texts, lows = toks.texts, toks.lows
    head = np[0] + 1 if lows[np[0]] in g.articles and np[1] - np[0] > 1 else np[0]
    if not texts[head].islower():
        return np
    k = np[1]
    while k < len(texts) and k - np[1] < g.apposition_words and toks.is_word(k) and lows[k] not in g.clause_ends:
        k += 1
    if k + 2 >= len(texts) or texts[k] != ",":
        return np
    first = k + 1 + 2 * (lows[k + 1] in g.articles and lows[k + 2] in g.speaker_titles)  # ", il generale Pasquale …"
    m = first
    while m < len(texts) and m - first < 4 and texts[m][0].isupper() and toks.is_word(m):
        m += 1
    if m - first >= 2 and (m == len(texts) or not toks.is_word(m)) and not Places.default().known(
            " ".join(texts[first:m])):   # not "…, New York:"
        return (first, m)
    return np


def _by_agent(toks: Tokens, np: tuple[int, int], g: Grammar) -> tuple[int, int]:
    """A report noun with its agent names the agent: "the first projections by the
    Consorzio Opinio Italia" -> "Consorzio Opinio Italia"."""
    lows = toks.lows
    owner = _owner(toks, np, g)
    if owner is not None:
        return owner
    if np[1] >= len(lows) or lows[np[1]] not in g.agent:
        return np  # no agent after it: the common case, told first
    words = [w for w in lows[np[0]:np[1]] if w not in g.articles]
    if not words or words[-1] not in g.report_nouns:
        return np
    agent = _phrase(toks, np[1] + 1, g)
    return agent if agent is not None else np


def _owner(toks: Tokens, np: tuple[int, int], g: Grammar) -> tuple[int, int] | None:
    """A phrase that opens on a report noun and its owner ("le stime della questura", "i
    calcoli della Commissione", "estimates of the police"): the owner, which is who reports
    (the same source as "la questura" elsewhere); else None."""
    lows = toks.lows
    k = np[0]
    while k < np[1] and lows[k] in g.articles:
        k += 1
    if k + 2 >= np[1] or lows[k] not in g.report_nouns or lows[k + 1] not in g.report_of:
        return None
    start = k + 2
    while start < np[1] and lows[start] in g.articles:
        start += 1
    return (start, np[1]) if start < np[1] and toks.is_word(start) else None


def _name_between_commas(toks: Tokens, end: int) -> tuple[int, int] | None:
    """A capitalised name set between commas right before ``end`` (", Giorgia Meloni,")."""
    texts = toks.texts
    if end < 3 or texts[end - 1] != ",":
        return None
    k = end - 2
    while k >= 0 and end - 2 - k < 4 and texts[k][0].isupper() and toks.is_word(k):
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
    if m > 0 and toks.is_word(m - 1) and toks.lows[m - 1] not in g.clause_words:
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


def _cue_text(text: str, cue: Span) -> str:
    """The cue as the records give it: folded, straight apostrophes, single spaces."""
    return _folded_cue(text[cue.start:cue.end])


#: :func:`fold` kept by the cue's text: a few cue phrases, written the same way again and again.
_folded_cue = functools.lru_cache(maxsize=4096)(fold)


def _words(toks: Tokens, np: tuple[int, int], g: Grammar) -> Span:
    """The span of a phrase without its leading article ("le valutazioni" -> "valutazioni") nor
    an intensifier before a name ("la stessa Sac" -> "Sac")."""
    first = np[0] + 1 if toks.lows[np[0]] in g.articles and np[1] - np[0] > 1 else np[0]
    first += first + 1 < np[1] and toks.lows[first] in g.intensifiers and toks.texts[first + 1][:1].isupper()
    return toks.span(first, np[1])


def _named(text: str, toks: Tokens, np: tuple[int, int] | None, g: Grammar, src: Sources) -> bool:
    """A phrase that names a source: a proper name, a known source or a source-like noun."""
    return np is not None and (any(t[0].isupper() for t in toks.texts[np[0]:np[1]])
                               or _source_like(text, toks, np, g, src))


def _source_like(text: str, toks: Tokens, np: tuple[int, int] | None, g: Grammar, src: Sources) -> bool:
    """A known source, or a phrase headed by a source-like noun ("gli analisti")."""
    if np is None or src.canonical(text[toks.starts[np[0]]:toks.ends[np[1] - 1]]) is not None:
        return np is not None
    first = next((w for w in toks.lows[np[0]:np[1]] if w not in g.articles), None)  # past its article
    return first is not None and first in g.source_nouns


def _at(lows: list[str], j: int, seqs: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[str, ...] | None:
    """The longest of the phrases ``seqs`` (grouped by their first word, see
    :func:`quantities.extraction.attribution.grammar._by_first`) that starts at ``lows[j]``."""
    for seq in seqs.get(lows[j], ()) if j < len(lows) else ():
        if tuple(lows[j:j + len(seq)]) == seq:
            return seq
    return None


def _skip(lows: list[str], j: int, seqs: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """Past any run of the phrases ``seqs`` (adverbs, time words) from ``lows[j]``."""
    while (seq := _at(lows, j, seqs)) is not None:
        j += len(seq)
    return j


def _relay(toks: Tokens, j: int, g: Grammar) -> tuple[int, int] | None:
    """The quoted source of ", che cita il Cremlino" after a source that ends at ``toks[j]``."""
    if j < len(toks.texts) and toks.texts[j] == ",":
        j += 1
    seq = _at(toks.lows, j, g.relays)
    return _phrase(toks, j + len(seq), g) if seq is not None else None


def _phrase(toks: Tokens, i: int, g: Grammar, until: int | None = None) -> tuple[int, int] | None:
    """The source phrase that starts at ``toks[i]`` (and ends by ``until``), as ``[i, end)``."""
    lows = toks.lows
    j = i + 1 if i < len(lows) and lows[i] in g.articles else i
    end = None
    limit = min(len(lows) if until is None else until, i + g.max_words)
    while j < limit:
        if end is not None and ((w := lows[j]) in g.of or (w in g.linkers and g.links(toks, j))):  # "degli Esteri"
            j += 2 if j + 1 < limit and lows[j + 1] in g.articles else 1
            continue
        if (g.ends_phrase(toks, j) or toks.texts[j][0].isdigit()) and not (end is None and lows[j] in g.adjectives) \
                and not (end is not None and _first_name(toks, j)):
            break  # "la prima ricostruzione": an adjective that ends phrases elsewhere opens this one
        j += 1
        end = j
    return (i, end) if end is not None else None


def _first_name(toks: Tokens, j: int) -> bool:
    """A capitalised word inside a phrase, before another, is a first name even when it is
    written like a stop word ("il ministro Nello Musumeci", "Dal Molin")."""
    texts = toks.texts
    return (texts[j][0].isupper() and toks.is_word(j) and j + 1 < len(texts)
            and texts[j + 1][0].isupper() and toks.is_word(j + 1))


def _subject(toks: Tokens, verb: int, g: Grammar) -> tuple[int, int] | None:
    """The subject that ends just before the verb at ``toks[verb]`` ("I media russi")."""
    lows, texts = toks.lows, toks.texts
    end = verb
    while end > 0 and lows[end - 1] in g.pre_verb:
        end -= 1
    if end > 3 and ((texts[end - 1] == "," and lows[end - 2] in g.pre_verb and texts[end - 3] == ",")
                    or (texts[end - 1] == ")" and texts[end - 3] == "(" and abbreviation(texts, end - 2))):
        end -= 3  # "Gli organizzatori, insomma, rivendicano"; "the Institute for Global Health (ISGlobal) estimated"
    np = _plain_subject(toks, end, g)
    if np is not None and np[0] > 1 and lows[np[0] - 1] in g.located and texts[np[0]][0].isupper():
        place = _plain_subject(toks, np[0] - 1, g)  # "the prefecture in Ancona said"
        if place is not None and _names_source(toks, place, g):
            return (place[0], np[1])
    if np is not None and np[0] > 0 and lows[np[0] - 1] not in g.articles and (name := _name_across(toks, end, g)):
        return name  # "il Centro nazionale marocchino per la ricerca scientifica e tecnica parla"
    return np


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
    if (name := _name_between_commas(toks, end)) is not None:
        return name  # "The premier, Giorgia Meloni, said": the name
    if (name := _name_before_apposition(toks, end, g)) is not None:
        return name  # "Kassam Abozeed, a 34-year-old Syrian who lives in Germany, said"
    start = end
    while start > 0 and end - start < g.max_words and toks.is_word(start - 1) and not g.opens_clause(toks, start - 1):
        start -= 1
    after_prep = start > 0 and lows[start - 1] in g.prepositions
    for k in range(start, end):
        if (k == start and not after_prep) or lows[k] in g.articles or toks.texts[k][0].isupper():
            np = _phrase(toks, k, g, until=end)
            if np is not None and np[1] == end:
                return np
    return None


def _past_clitics(lows: list[str], verb: int, g: Grammar) -> int:
    """The index before the unstressed pronouns that precede the auxiliary at ``verb`` ("l'ha
    misurata", "gli hanno riferito"): where its subject ends. Before a present form only a
    pronoun that is no article is skipped ("la questura ne conta 15mila"; "la stima" is an
    article and a noun)."""
    if lows[verb] not in g.auxiliaries:
        return verb - (verb > 0 and lows[verb - 1] in g.clitics and lows[verb - 1] not in g.articles)
    b = verb
    while b > 0 and verb - b < 2 and lows[b - 1] in g.clitics:
        b -= 1
    return b


def _person(toks: Tokens, np: tuple[int, int] | None, g: Grammar) -> bool:
    """A person's name after "per"/"for" that opens a clause ("Per Bonaccini i danni
    superano …", "For Bonaccini, the damage …"): one to three capitalised words, no place
    the place table knows and no time word, followed by the clause (an article or a comma),
    not by a figure ("Per Roma 180 milioni") nor a clitic ("Per Bologna ne servono": a place)."""
    if np is None or np[1] - np[0] > 3 or np[1] >= len(toks.texts):
        return False
    texts, lows = toks.texts, toks.lows
    if not all(texts[k][0].isupper() and toks.is_word(k) for k in range(np[0], np[1])):
        return False
    if _at(lows, np[0], g.not_agents) is not None or Places.default().known(" ".join(texts[np[0]:np[1]])):
        return False
    return lows[np[1]] in g.articles or texts[np[1]] == ","


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


#: Marks that end the clause of a subject, looking back from its verb.
_CLAUSE_MARKS = frozenset(";:!?")


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
