"""Finding the cues of one sentence: one pass of one precompiled pattern (:func:`scan`)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from quantities.extraction.attribution.grammar import CLOCK, GAP, Found, Grammar, Reach, _head, acronym, grammar
from quantities.extraction.attribution.phrases import (
    _aside,
    _at,
    _cue_text,
    _data_only,
    _make,
    _named,
    _past_time,
    _person,
    _phrase,
    _skip,
    _source_like,
)
from quantities.extraction.attribution.subjects import _past_clitics, _plain_subject, _reporter, _subject
from quantities.lang import Pack
from quantities.lang.places import Places
from quantities.lang.sources import Sources
from quantities.text.tokens import Tokens, folded, tokens
from quantities.types import Span


def scan(text: str, sentence: Span, *, lang: str | Pack = "it", sources: Sources | None = None,
         toks: Tokens | None = None) -> list[Found]:
    """Every cue of the sentence at ``sentence`` in ``text`` that names a source, in order.

    ``toks`` are the sentence's :func:`~quantities.text.tokens.tokens` when the caller has them
    (otherwise the sentence is tokenised here).

    >>> s = "I media russi hanno inoltre riferito che il Nord invierà 5.000 operai."
    >>> [(f.source, f.canonical, f.cue) for f in scan(s, Span(0, len(s)))]
    [('media russi', 'Russia', 'hanno inoltre riferito')]
    """
    g = grammar(lang)
    src = sources or Sources.default()
    toks = tokens(text, sentence.start, sentence.end) if toks is None else toks
    offsets = toks.starts
    out: list[Found] = []
    covered = -1  # the end of the last cue or source phrase: a cue inside one is part of it
    even = folded(text, sentence.start, sentence.end) is not None
    for i in _cue_starts(toks.lows, g, second=even):
        p = offsets[i]
        if p < covered:
            continue
        m = g.by_first[toks.lows[i][0]].match(text, p, sentence.end, False)  # concurrent=False: keeps the GIL
        if m is None:
            continue
        covered = m.end()
        found = _found(text, toks, i, _index_after(offsets, m.end()), m.lastgroup or "", g, src)
        if found is not None:
            out.append(found)
            covered = max(covered, found.span.end)
    return _in_sentence(text, toks, out, g, src) if out else out


def _in_sentence(text: str, toks: Tokens, found: list[Found], g: Grammar, src: Sources) -> list[Found]:
    """The cues of a sentence with their pronouns read inside it: a personal pronoun or a
    subject left unsaid is the source named before it in the sentence ("ha raccontato
    Manolis Makaris …: per questo, secondo lui, …"); a partitive pronoun is part of the group
    named before it ("I 27 superstiti …, molti parlano di"), and names no one without one;
    a first-person subject is the speaker of its quotation, whom its report names."""
    out: list[Found] = []
    for f in found:
        words = f.source.casefold().split()
        first = words[0] if words else ""
        if first in g.first_person or (len(words) == 1 and first in g.partitives):
            group = _group(toks, toks.index(f.span.start), g) if first in g.partitives else None
            if group is not None:
                out.append(_make(text, toks, group, f.cue_span, f.reach, g, src) or f)
            continue
        if out and (f.unsaid or (len(words) == 1 and first in g.pronouns)):  # the source named before it
            named = next((o for o in reversed(out) if not o.impersonal and not o.unsaid), None)
            if named is not None:
                f = replace(f, source=named.source, canonical=named.canonical, span=named.span, via=named.via,
                            unsaid=False)
        out.append(f)
    return out


def _group(toks: Tokens, k: int, g: Grammar) -> tuple[int, int] | None:
    """The group a partitive pronoun at ``toks[k]`` takes part of: the nearest phrase before
    it that opens a clause with an article (a numeral may follow it) and a lower-case noun
    ("I 27 superstiti ricoverati", "Of the 27 survivors"), else None."""
    lows, texts = toks.lows, toks.texts
    for m in range(k - 1, -1, -1):
        if lows[m] not in g.articles or (m and toks.is_word(m - 1) and lows[m - 1] not in g.of
                                         and lows[m - 1] not in g.clause_words):
            continue
        j = m + 1
        while j < k and texts[j][0].isdigit():
            j += 1
        np = _phrase(toks, j, g, until=k)
        if np is not None and texts[np[0]].islower() and j > m + 1:   # a counted group: not "Il corteo"
            return np
    return None


def summaries(text: str, toks: Tokens, found: list[Found], *, lang: str | Pack = "it",
              sources: Sources | None = None) -> list[Found]:
    """``found`` (a sentence's :func:`scan`, whose tokens are ``toks``) with the sources of
    the nouns that sum up the sentence's figures, named in their relative clause ("…: sono i
    numeri dell'alluvione che la Regione ha presentato"): cues that cover the figures before
    them as well as after. Read for the sentences that have figures.

    >>> s = "Quindici vittime e 300 frane: sono i numeri che la Regione ha presentato."
    >>> [(f.source, f.reach) for f in summaries(s, tokens(s), scan(s, Span(0, len(s))))]
    [('Regione', 'any')]
    """
    g = grammar(lang)
    if g.summary_nouns.isdisjoint(toks.lows):
        return found
    more = _summaries(text, toks, g, sources or Sources.default())
    return sorted([*found, *more], key=lambda f: f.cue_span.start) if more else found


def _summaries(text: str, toks: Tokens, g: Grammar, src: Sources) -> list[Found]:
    lows = toks.lows
    out = []
    for k, w in enumerate(lows):
        if w not in g.summary_nouns or k == 0 or lows[k - 1] not in g.articles:
            continue
        np = _phrase(toks, k, g)
        rel = np[1] if np is not None else k + 1
        if rel >= len(lows) or lows[rel] not in g.clause_ends:
            continue
        subject = _phrase(toks, rel + 1, g)
        if subject is None or not _named(text, toks, subject, g, src):
            continue
        subject = (subject[0], _head_end(toks, subject, g))
        found = _make(text, toks, subject, toks.span(k, rel + 1), "any", g, src)
        if found is not None:
            out.append(found)
    return out


def _head_end(toks: Tokens, np: tuple[int, int], g: Grammar) -> int:
    """The end of a subject phrase before the first word after its head a verb by its ending ("the region released")."""
    lows, texts = toks.lows, toks.texts
    first = np[0] + 1 if lows[np[0]] in g.articles else np[0]
    for m in range(first + 1, np[1]):
        if texts[m].islower() and lows[m].endswith(g.participle_endings + g.finite_endings):
            return m
    return np[1]


def _cue_starts(lows: list[str], g: Grammar, second: bool = True) -> list[int]:
    """The indexes of the tokens where a cue may start: the first word of a cue, followed (with
    ``second``) by a token that begins like a word that may come second in it, compared by its
    :func:`_head`, as the case-blind pattern may end a word at an apostrophe, a hyphen or a digit
    ("ha riferito’", "ha riferito-ieri"); ``second`` is False for a sentence whose letters fold to
    other lengths ("RİFERİTO"), where the tokens' folded forms are not what the pattern matches."""
    seconds = g.seconds
    if seconds.keys().isdisjoint(lows):
        return []
    out = []
    for i, w in enumerate(lows):
        if w in seconds:
            nxt = seconds[w]
            if nxt is None or not second or (i + 1 < len(lows) and _head(lows[i + 1]) in nxt):
                out.append(i)
    return out


def _index_after(starts: list[int], end: int) -> int:
    """The index of the first token that starts at or after ``end``."""
    return bisect_left(starts, end)


def _found(text: str, toks: Tokens, i: int, j: int, kind: str, g: Grammar, src: Sources) -> Found | None:
    cue = toks.span(i, j)
    lows = toks.lows
    if i and toks.texts[i][:1].isupper() and Places.default().known(f"{toks.texts[i - 1]} {toks.texts[i]}"):
        return None  # "the United States, where …": a place's name, no verb
    reach: Reach = "any"
    passive = False
    k = _past_gap(toks, j, g)   # "was spotted late on Saturday by …"
    if kind == "verb" and k < len(lows) and lows[k] in g.agent and lows[j - 1] not in g.finite_only:
        past = _past_time(toks, k + 1, g)
        if past is not None:
            j = past if k == j else j  # "the ministry reported by midday that…": a time; the subject reports
        elif not (lows[j - 1] in g.impersonal_agents and not _speaks(toks, k + 1, g)):
            j, passive = k + 1, True  # "è stato riferito dalla Kcna": a passive ("spiegano dal campo": a place)
    if kind == "passive" and _past_time(toks, j, g) is not None:
        return None  # "spotted by midday": a time, no agent
    if kind == "verb" and not passive and i > 0 and (lows[i - 1], lows[i]) in g.impersonal:
        return Found("", None, _cue_text(text, cue), cue, cue, "any", impersonal=True)  # "si stima"
    if kind == "verb" and not passive and _at(lows, i, g.passive) is not None:
        return None  # a passive without its agent ("è stata registrata una replica", "was reported by midday")
    if kind == "report":
        np = _reporter(toks, i, g)  # "il primo exit poll del Consorzio Opinio Italia … dà"
        return None if np is None else _make(text, toks, np, cue, "after", g, src)
    if kind == "verb" and not passive:
        b = _past_clitics(lows, i, g)
        resumed = b > 0 and lows[b] in g.resumptive and toks.is_word(b - 1) and lows[b - 1] not in g.opener_words
        inverted = (b == 0 or resumed or not toks.is_word(b - 1) or lows[b - 1] in g.opener_words) \
            and lows[j - 1] not in g.addressed   # "…, told a briefing that": who is told
        after = _skip(lows, j, g.adverbs)  # past the verb and its adverbs
        np = _phrase(toks, _past_adjunct(toks, after, g), g) if inverted else None
        if np is not None and any(lows[k] in g.clause_verbs and toks.texts[k].islower()
                                  for k in range(np[0] + 1, min(np[1] + 1, len(lows)))):
            np = None  # "…, said the government would approve": the subject of the reported clause
        if _data_only(toks, np, g) or not (_named(text, toks, np, g, src)   # "aveva anticipato il dato": an object
                                           or (np is not None and lows[np[0]] in g.articles and not resumed)):
            np = _subject(toks, b, g)
            relative = np is None and (np := _relative_subject(text, toks, b, g, src)) is not None
            reach = "any" if not relative and _aside(toks, np, after, g) else "after"  # "X, che ha riferito di …"
        if np is None and inverted and _ends_aside(toks, after):
            return Found("", None, _cue_text(text, cue), cue, cue, "any", unsaid=True)  # "«…», ha detto,"
        if lows[j - 1] in g.clause_only and not _reports_clause(toks, after, np if inverted else None, g):
            return None  # "i residenti avvertono le scosse", "police warned 5 drivers": felt, sanctioned
        if lows[j - 1] in g.numbering and (_provides(toks, np, g) or (not _names(text, toks, np, g, src)
                                           and not (after < len(lows) and lows[after] in g.complementisers))):
            return None  # "Gli 11 comuni della zona rossa contano 50.000 persone": they number, no one reports
        if lows[j - 1] in g.measuring and place_alone(toks, np, g):
            return None  # "la Spagna aveva registrato quasi 4.000 decessi": where they died, no one who reports
        found = None if _data_only(toks, np, g) else _make(text, toks, np, cue, reach, g, src)  # "il dato ci dice"
        group = None if np is None else (b, np[1]) if np[0] >= j else (np[0], after)  # "dice X", "X said"
        return replace(found, incise=True) if found is not None and group and _incise(toks, *group) else found
    if kind == "restricted" and not (i == 0 or not toks.is_word(i - 1) or lows[i - 1] in g.clause_words
                                     or _counted_before(toks, i, g)):
        return None
    np = _phrase(toks, j, g)
    if kind == "restricted" and not (_source_like(text, toks, np, g, src) or _person(toks, np, g)):
        return None
    relay = tuple(lows[i:j]) in g.relay_cues
    if relay and not _named(text, toks, np, g, src):
        return None  # "citando la pagina 150 del documento": a page is quoted, no source
    if j - i == 1 and _ordinal_use(text, toks, i, np, g, src):
        return None
    if np is not None and not g.scales.isdisjoint(toks.texts[np[0]:np[1]]):  # lower case: not "alla Scala"
        return None  # "magnitudo 6.3 secondo la scala momento": a scale of measure, no one who reports
    found = _make(text, toks, np, cue, reach, g, src)
    if found is not None and relay:
        return replace(found, relay=True)  # "…, citing Seoul's spy agency": the originator
    return found


def _counted_before(toks: Tokens, i: int, g: Grammar) -> bool:
    """Whether a count in digits, its article and noun stand before ``toks[i]`` ("per") and one who counts
    crowds after it (``[attribution] counters``: "5.000 (i) manifestanti per la questura"; not "per Elba")."""
    texts, lows = toks.texts, toks.lows
    at = i + 1 + (i + 1 < len(lows) and lows[i + 1] in g.articles)
    return at < len(lows) and lows[at] in g.counters and any(
        i > k and texts[i - k - 1][0].isdigit() and all(map(str.islower, texts[i - k:i])) for k in (1, 2))


def _speaks(toks: Tokens, at: int, g: Grammar) -> bool:
    """Whether the phrase at ``toks[at]`` (an article past) opens with a name or a source noun
    ("dall'Ingv", "dalla Protezione civile", "dai sindacati"; not "dal campo allestito", nor a place
    the place table knows, "da Casamicciola")."""
    lows, texts = toks.lows, toks.texts
    at += at < len(lows) - 1 and lows[at] in g.articles
    if at >= len(lows) or not (texts[at][:1].isupper() or lows[at] in g.source_nouns) \
            or Places.default().known(texts[at]):
        return False
    end = at + 1
    while end < len(texts) and texts[end][:1].isupper():
        end += 1
    return end >= len(lows) or lows[end] not in g.articles   # "da Casamicciola i vigili": a subject follows


def _incise(toks: Tokens, start: int, end: int) -> bool:
    """Whether a report and its subject, ``toks[start:end]``, are set between commas after the
    words that open their sentence, before any figure, and the sentence goes on after them: "Il
    parapetto, dice il Comune, ha più di 50 anni", "The guardrail, the city said, was …"."""
    texts = toks.texts
    if start < 2 or texts[start - 1] != "," or end + 1 >= len(texts) or texts[end] != ",":
        return False
    return toks.is_word(end + 1) and all(toks.is_word(k) for k in range(start - 1))


def _names(text: str, toks: Tokens, np: tuple[int, int] | None, g: Grammar, src: Sources) -> bool:
    """A phrase that names a source by more than the capital a sentence opens with: a
    capitalised word past the first ("Il report del Corpo forestale"), an acronym ("ENIT forecasts"),
    a source noun ("la questura"); not "La città", nor "Gli 11 comuni della zona rossa"."""
    return np is not None and (_source_like(text, toks, np, g, src) or any(
        toks.texts[k][0].isupper() and (k or (acronym(toks.texts[k]) and toks.texts[k].isalpha()))  # not "L'"
        for k in range(np[0], np[1])))


def _provides(toks: Tokens, np: tuple[int, int] | None, g: Grammar) -> bool:
    """A phrase headed by a text that provides, one of its first two words past the article ("La legge di
    Bilancio", "the plan", "la prima bozza")."""
    words = [] if np is None else [w for w in toks.lows[np[0]:np[1]] if w not in g.articles]
    return not g.provisions.isdisjoint(words[:2])


def place_alone(toks: Tokens, np: tuple[int, int] | None, g: Grammar) -> bool:
    """A phrase that is a known place and nothing more, past its article ("la Spagna")."""
    if np is None:
        return False
    first = np[0] + (toks.lows[np[0]] in g.articles and np[1] - np[0] > 1)
    return Places.default().known(" ".join(toks.texts[first:np[1]]))


def _past_gap(toks: Tokens, j: int, g: Grammar) -> int:
    """Past the adverbs, times of day and clock times (``GAP`` at most) that may stand between
    a participle and its agent ("avvistata ieri sera alle 22.26 da …"), else ``j``."""
    lows = toks.lows
    for _ in range(GAP):
        seq = _at(lows, j, g.gap)
        if seq is not None:
            j += len(seq)
        elif j < len(lows) and CLOCK.fullmatch(toks.texts[j]):
            j += 1
        else:
            break
    return j


def _relative_subject(text: str, toks: Tokens, b: int, g: Grammar, src: Sources) -> tuple[int, int] | None:
    """The phrase before the comma of a relative pronoun right before the verb (``toks[b]``), when
    it names a known source or a source noun: "l'Organizzazione mondiale della sanità, che aveva
    parlato di …", "The WHO, which reported …"."""
    if b < 3 or toks.lows[b - 1] not in g.relatives or toks.texts[b - 2] != ",":
        return None
    np = _plain_subject(toks, b - 2, g)   # one who reports: not "la Romagna, che ha contato 300 frane"
    return np if np is not None and _source_like(text, toks, np, g, src) else None


def _reports_clause(toks: Tokens, after: int, subject: tuple[int, int] | None, g: Grammar) -> bool:
    """Whether a verb whose words end before ``toks[after]`` reports a clause: a complementiser or
    a mark of an incise right after it ("avverte che", "they warned, Europe …"), or after its
    ``subject`` when that follows it (", avvertono i ricercatori, l'Europa …")."""
    k = subject[1] if subject is not None and subject[0] >= after else after
    return _ends_aside(toks, k) or toks.lows[k] in g.complementisers


def _ends_aside(toks: Tokens, k: int) -> bool:
    """Whether a reporting verb whose words end before ``toks[k]`` closes its clause (a
    comma, a closing mark, the end): an aside with no object ("«…», ha detto, commentando")."""
    return k >= len(toks.texts) or toks.texts[k] in ASIDE_ENDS


#: What may follow a reporting verb that is an aside (see :func:`_ends_aside`), and what closes a gapped
#: clause after its figure (:mod:`.gapped`).
ASIDE_ENDS = frozenset(",.;:!?…\"”»’')]")


def _ordinal_use(text: str, toks: Tokens, i: int, np: tuple[int, int] | None, g: Grammar, src: Sources) -> bool:
    """A one-word forward cue used as another word: after a word and before a bare lower-case
    noun that names no source, "secondo" is the ordinal ("con il Pd secondo partito"; not
    "12 secondo fonti militari", "secondo Kiev")."""
    if np is None or i == 0 or not toks.is_word(i - 1) or toks.lows[np[0]] in g.articles:
        return False
    return toks.texts[np[0]].islower() and not _source_like(text, toks, np, g, src)


def _past_adjunct(toks: Tokens, k: int, g: Grammar) -> int:
    """Past a prepositional phrase between an inverted verb and its subject ("lo annunciano
    dai megafoni gli organizzatori"): the index of the article that opens the subject, or
    ``k`` when there is none within reach."""
    lows, texts = toks.lows, toks.texts
    if k >= len(lows) or lows[k] not in g.prepositions:
        return k
    for m in range(k + 1, min(len(lows), k + 5)):
        if lows[m] in g.articles:
            return m
        if not texts[m][0].isalpha():
            break
    return k


def credited(text: str, cue: Span, end: int, *, lang: str | Pack = "it",
             sources: Sources | None = None) -> list[Found]:
    """The source after a credit phrase at ``cue`` ("Il dato arriva dalla prefettura"), up
    to ``end``, as the one cue of its sentence (or none)."""
    g = grammar(lang)
    toks = tokens(text, cue.end, end)
    found = _make(text, toks, _phrase(toks, 0, g), cue, "any", g, sources or Sources.default())
    return [] if found is None else [found]


def titles(source: str) -> bool:
    """Whether a source is a title alone, one word in lower case ("premier", "ministro"): the
    person named with it before (see :func:`held`), if any."""
    return " " not in source and source.islower()


def held(source: str) -> list[str]:
    """The titles a source names a person with: its first word in lower case, and the last one
    before the name (two capitalised words that end it): "premier Giorgia Meloni" -> ["premier"],
    "civil protection chief Angelo Borrelli" -> ["civil", "chief"]; [] without a name."""
    words = source.split()
    if len(words) < 3 or not (words[-1][:1].isupper() and words[-2][:1].isupper()):
        return []
    lower = [w.casefold() for w in words[:-2] if w.islower()]
    return [w for w in {words[0].casefold(), lower[-1]} if w.islower()] if lower else []
