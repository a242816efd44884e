"""The phrases around a cue: the source after a forward cue, a relay, a time after "da"/"by", a name
set after a title; each as a ``[start, end)`` pair of token indexes (the subject before a verb:
:mod:`.subjects`)."""

from __future__ import annotations

import functools

from quantities.extraction.attribution.grammar import Found, Grammar, Reach
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
    officials said on Saturday, after…", "…, Salvini told reporters.", "…, Draghi told the house of
    parliament."; not "…, i media hanno riferito che …", "…, spoke of"). Such a verb governs the figures
    before it too."""
    if subject is None or (subject[0] > 0 and toks.is_word(subject[0] - 1)):
        return False
    texts, lows = toks.texts, toks.lows
    for k in range(j, min(len(texts), j + g.aside_words)):  # bounded: linear in a sentence of cues
        t = texts[k]
        if t == "," or t in _CLOSING:
            return True
        if (lows[k] in g.complementisers and (k == j or lows[k] not in g.prepositions)) or t[0].isdigit():
            return False   # "parla di", "spoke of": a clause; "told the house of parliament": its object's
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
    while k < len(texts) and k - np[1] < g.apposition_words and (toks.is_word(k) or _numbered(toks, k, None)) \
            and lows[k] not in g.clause_ends:
        k += 1
    if k + 2 >= len(texts) or texts[k] != ",":
        return np
    first = k + 1 + 2 * (lows[k + 1] in g.articles and lows[k + 2] in g.speaker_titles)  # ", il generale Pasquale …"
    m = first
    while m < len(texts) and m - first < 4 and toks.is_word(m) and (texts[m][0].isupper() or (
            m > first and toks.lows[m] in g.name_particles and m + 1 < len(texts)
            and (texts[m + 1][0].isupper() or toks.lows[m + 1] in g.name_particles))):
        m += 1   # "il prefetto di Napoli, Michele di Bari,"
    if m - first >= 2 and (m == len(texts) or not toks.is_word(m)) and not Places.default().known(
            " ".join(texts[first:m])):   # not "…, New York:"
        return (first, m)
    return np


def _by_agent(toks: Tokens, np: tuple[int, int], g: Grammar) -> tuple[int, int]:
    """A report noun with its agent names the agent: "the first projections by the
    Consorzio Opinio Italia" -> "Consorzio Opinio Italia"; so does a phrase that ends on a
    participle of making it public, time words allowed before the agent ("i dati degli
    scrutini diffusi ieri dal ministero", "the figures presented by Bezzini": ``[attribution]
    published``)."""
    lows = toks.lows
    owner = _owner(toks, np, g)
    if owner is not None:
        return owner
    k = np[1]
    if k >= len(lows) or (lows[k] not in g.agent and lows[k] not in g.gap):
        return np  # no agent after it: the common case, told first
    words = [w for w in lows[np[0]:np[1]] if w not in g.articles]
    if len(words) > 1 and words[-1] in g.published:
        return _publisher(toks, _skip(lows, k, g.gap), g) or np
    if not words or words[-1] not in g.report_nouns or lows[k] not in g.agent:
        return np
    agent = _phrase(toks, k + 1, g)
    return agent if agent is not None else np


def _publisher(toks: Tokens, k: int, g: Grammar) -> tuple[int, int] | None:
    """The agent after a participle of making a report public, from ``toks[k]``: a name, a source noun or a
    phrase with its article after "da"/"by" ("dalle aziende sanitarie"; not a bare plural, "da volontari",
    as "da dieci anni", "da alcuni giorni" are times: review47), past one phrase of manner or time
    before it ("diffusi da poco dalla prefettura di Bari"; not "da remoto", "by hand", "by the end of the
    week" alone: review45)."""
    lows = toks.lows
    for _ in range(2):
        if k + 1 >= len(lows) or lows[k] not in g.agent:
            return None
        first = k + 1 + (lows[k + 1] in g.articles)
        agent = _phrase(toks, k + 1, g)
        if agent is None or first >= len(lows):
            return None
        if (_at(lows, first, g.not_agents) is None or toks.texts[first][:1].isupper()) and (  # "dal Tempo": a paper
                lows[k] not in g.bare_agent or first > k + 1 or any(
                toks.texts[m][0].isupper() or lows[m] in g.source_nouns for m in range(agent[0], agent[1]))):
            return agent
        k = _skip(lows, agent[1], g.gap)
    return None


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
    :func:`quantities.text.phrases.by_first`) that starts at ``lows[j]``."""
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
        if g.ends_phrase(toks, j) and not _numbered(toks, j, until) and not _listed(toks, j, g) \
                and not (end is None and lows[j] in g.adjectives) and not (end is not None and _first_name(toks, j)):
            break  # "la prima ricostruzione": an adjective that ends phrases elsewhere opens this one
        j += 1
        end = j
    return (i, end) if end is not None else None


def _numbered(toks: Tokens, j: int, until: int | None) -> bool:
    """Digits at the end of a name, after a capitalised word and before the phrase's end, or a comma and
    a name: "L'Ares 118 riferisce", "il direttore della Asl Roma 5, Giorgio …" (not "secondo l'Ansa 300
    persone", "secondo l'Ansa 300, forse 400", "la Guardia di Finanza 300 Kg", "del Sole 12 Km")."""
    texts = toks.texts
    if not (texts[j].isdigit() and len(texts[j]) <= 3 and j > 0 and texts[j - 1][0].isupper()):
        return False   # most tokens that end a phrase: told at once
    return j + 1 == until or (j + 2 < len(texts) and texts[j + 1] in ",-" and _apposed(toks, j + 2))


def _listed(toks: Tokens, j: int, g: Grammar) -> bool:
    """Digits inside a name the pack lists (``[numbers.identifiers] names``): "dal Sole 24 Ore, …"."""
    return toks.texts[j].isdigit() and any(" ".join(toks.lows[k:k + n]) in g.numbered
                                          for n in (2, 3, 4) for k in range(max(0, j - n + 1), j + 1))


def _apposed(toks: Tokens, k: int) -> bool:
    """Whether a name set off by commas starts at ``toks[k]``: capitalised words, then a mark
    (", Giorgio Giulio Santonocito,"; not ", Legambiente invece parla di 60")."""
    m = k
    while m < len(toks.texts) and m - k < 4 and toks.texts[m][0].isupper() and toks.is_word(m):
        m += 1
    return m > k and (m == len(toks.texts) or not toks.is_word(m))


def _first_name(toks: Tokens, j: int) -> bool:
    """A capitalised word inside a phrase, before another, is a first name even when it is
    written like a stop word ("il ministro Nello Musumeci", "Dal Molin")."""
    texts = toks.texts
    return (texts[j][0].isupper() and toks.is_word(j) and j + 1 < len(texts)
            and texts[j + 1][0].isupper() and toks.is_word(j + 1))


def _person(toks: Tokens, np: tuple[int, int] | None, g: Grammar) -> bool:
    """A person's name after "per"/"for" that opens a clause ("Per Bonaccini i danni
    superano …", "For Bonaccini, the damage …"): one to three capitalised words, no place
    the place table knows and no time word, followed by the clause (an article or a comma),
    not by a figure ("Per Roma 180 milioni"), an age between commas ("For Medvedev, 27, it was …") nor a
    clitic ("Per Bologna ne servono": a place)."""
    if np is None or np[1] - np[0] > 3 or np[1] >= len(toks.texts):
        return False
    texts, lows = toks.texts, toks.lows
    if not all(texts[k][0].isupper() and toks.is_word(k) for k in range(np[0], np[1])):
        return False
    if _at(lows, np[0], g.not_agents) is not None or Places.default().only_place(" ".join(texts[np[0]:np[1]])):
        return False
    if texts[np[1]] == "," and np[1] + 2 < len(texts) and texts[np[1] + 1][:1].isdigit() and texts[np[1] + 2] == ",":
        return False  # "For Medvedev, 27, it was a fifth defeat": whom it was for, his age between commas
    return lows[np[1]] in g.articles or texts[np[1]] == ","


def _data_only(toks: Tokens, np: tuple[int, int] | None, g: Grammar) -> bool:
    """Whether a verb's subject is data and names no one ("L'ultimo dato ci dice che …", "I primi risultati
    degli esami colturali indicano …"): its head one of ``[attribution] data_nouns``, no capitalised word
    nor source noun after it ("I dati del ministero parlano di …" name the ministry)."""
    if np is None:
        return False
    words = [k for k in range(np[0], np[1]) if toks.is_word(k) and toks.lows[k] not in g.articles]
    heads = [k for k in words if toks.lows[k] in g.data_nouns]
    return bool(heads) and heads[0] <= words[0] + 1 and not any(   # not "la commissione prezzi" (review51)
        (toks.texts[k][0].isupper() and k > words[0]) or (toks.lows[k] in g.source_nouns and toks.lows[k] not in
                                                           g.data_nouns) for k in words)
