"""Who a figure is credited to: "secondo l'intelligence sudcoreana", "ha riferito la Kcna".

The cue words are the pack's ``[attribution]`` table; this module is the machinery.
One pass of one precompiled pattern finds the cues of a sentence (:func:`scan`); each
cue brings its source phrase, canonicalised with :class:`~quantities.lang.sources.Sources`.
:func:`choose` then picks the cue that governs a figure:

1. the nearest cue before the figure: a forward cue ("secondo X", "stando a X",
   "citando X", "riportato da X") or a reporting verb with its subject before it
   ("I media russi hanno riferito che …");
2. else the nearest cue after it: a forward cue ("…, secondo Kiev") or a verb whose
   subject follows ("…, ha aggiunto la Kcna", "hanno dichiarato mercoledì i media");
3. else a next sentence that carries the same report ("Lo riporta l'agenzia Kcna").

A relay ("Tass, che cita il Cremlino") makes the quoted source the source and the
quoting one ``via``.

>>> text = "Secondo l'agenzia di stampa russa Tass, che cita il Cremlino, sono 300."
>>> found = choose(scan(text, Span(0, len(text))), Span(68, 71))
>>> found.source, found.canonical, found.cue, found.via
('Cremlino', 'Kremlin', 'secondo', 'agenzia di stampa russa Tass')
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

import regex

from quantities.lang import Pack, per_pack, phrases, positive_int, word_set
from quantities.lang.sources import Sources
from quantities.text.tokens import Tokens, folded, surface, tokens
from quantities.types import Span, direct_init

#: Where a cue's source stands and which figures it governs.
Reach = Literal["any", "after", "before"]


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


def _pattern(words: list[str], first: str | None = None) -> str:
    """An alternation of phrases, longest first; spaces match any run of spaces.

    With ``first``, only the phrases that begin with that (folded) character; "" if none.
    """
    alts = []
    for phrase in sorted(set(words), key=len, reverse=True):
        if first is not None and _first(phrase) != first:
            continue
        parts = [regex.escape(w).replace("'", "['’]") for w in phrase.split()]
        alts.append(r"\s+".join(parts))
    return "(?:" + "|".join(alts) + ")" if alts else ""


def _first(phrase: str) -> str:
    return phrase.casefold().replace("’", "'")[:1]


@dataclass(frozen=True, slots=True)
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
    pre_verb: frozenset[str]
    clause: frozenset[str]
    prepositions: frozenset[str]
    opener_words: frozenset[str]
    clause_words: frozenset[str]
    verb_endings: tuple[str, ...]
    max_words: int

    def ends_phrase(self, toks: Tokens, i: int) -> bool:
        w, text = toks.lows[i], toks.texts[i]
        return (not text[0].isalpha() or w in self.stop or w in self.articles
                or (text.islower() and w.endswith(self.verb_endings)))


#: The end of a cue: after an apostrophe ("all'") or before a non-word character.
EDGE = r"(?:(?<=['’])|(?!\w))"
_LETTERS = regex.compile(r"\p{L}+")


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
        "passive": f"{p}\\s+{_pattern(agent)}" if (p := _pattern(words["participles"], first)) else "",
    }
    cue = "|".join(f"(?P<{name}>{alt})" for name, alt in groups.items() if alt)
    return regex.compile(rf"(?<![\w'’])(?:{cue}){EDGE}", regex.IGNORECASE)


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
        **{k: list(pack.words(f"attribution.{k}")) for k in ("restricted", "auxiliaries", "present", "participles")},
    }
    initials = {_first(w) for ws in words.values() for w in ws}
    return Grammar(
        by_first={c: _cues(pack, words, agent, c) for c in initials},
        seconds=_seconds(words, list(pack.words("attribution.adverbs")), agent),
        openers=regex.compile(rf"\s*{_pattern(list(pack.words('attribution.openers')))}{EDGE}",
                              regex.IGNORECASE),
        relays=_by_first(phrases(pack, "attribution.relays")),
        source_nouns=word_set(pack, "attribution.source_nouns"),
        stop=word_set(pack, "attribution.stop"),
        articles=word_set(pack, "attribution.articles"),
        of=of | of_contracted,
        agent=frozenset(agent),
        not_agents=_by_first(phrases(pack, "attribution.not_agents") + phrases(pack, "attribution.time_names")),
        time_names=word_set(pack, "attribution.time_names"),
        passive=_by_first(_passive(pack)),
        adverbs=_by_first(phrases(pack, "attribution.adverbs")),
        pre_verb=frozenset(a[0] for a in phrases(pack, "attribution.adverbs") if len(a) == 1),
        prepositions=word_set(pack, "attribution.prepositions"),
        clause_words=word_set(pack, "attribution.clause_words"),
        opener_words=frozenset(o[0] for o in phrases(pack, "attribution.openers") if len(o) == 1),
        clause=word_set(pack, "attribution.stop") - of_contracted,
        verb_endings=tuple(word_set(pack, "attribution.verb_endings")),
        max_words=positive_int(pack, "attribution.max_words"),
    )


def _passive(pack: Pack) -> tuple[tuple[str, ...], ...]:
    """The auxiliaries of the passive, each one of the pack's auxiliaries."""
    known = set(phrases(pack, "attribution.auxiliaries"))
    out = phrases(pack, "attribution.passive_auxiliaries")
    for phrase in out:
        if phrase not in known:
            raise pack.error("attribution.passive_auxiliaries", f"{' '.join(phrase)!r} is not one of attribution.auxiliaries")
    return out


def _seconds(words: dict[str, list[str]], adverbs: list[str], agent: list[str]) -> dict[str, frozenset[str] | None]:
    """For the first word of each cue phrase in ``words`` (by kind), the :func:`_head` of
    the words that may come second (None: the first word is a cue by itself). A cue is
    tried only where its first two words stand: an auxiliary is followed by an adverb or a
    participle, and a participle by the agent ("riportato dalla Kcna")."""
    def lows(phrase: str) -> list[str]:
        return tokens(phrase).lows

    def firsts(phrases: list[str]) -> set[str]:
        return {_head(lows(p)[0]) for p in phrases}

    after_one = {"auxiliaries": firsts(adverbs) | firsts(words["participles"]), "participles": firsts(agent)}
    out: dict[str, set[str] | None] = {}
    for kind, cues in words.items():
        for phrase in cues:
            first, *rest = lows(phrase)
            nxt = {_head(rest[0])} if rest else after_one.get(kind, set())
            known = out.get(first, set())
            out[first] = None if not nxt or known is None else known | nxt
    return {w: None if ws is None else frozenset(ws) for w, ws in out.items()}


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
        m = g.by_first[toks.lows[i][0]].match(text, p, sentence.end)
        if m is None:
            continue
        covered = m.end()
        found = _found(text, toks, i, _index_after(offsets, m.end()), m.lastgroup or "", g, src)
        if found is not None:
            out.append(found)
            covered = max(covered, found.span.end)
    return out


def _cue_starts(lows: list[str], g: Grammar, second: bool = True) -> list[int]:
    """The indexes of the tokens where a cue may start: the first word of a cue, followed
    (with ``second``) by a token that begins like a word that may come second in it.

    The next token is compared by its :func:`_head`, as the case-blind pattern may end a
    word at an apostrophe, a hyphen or a digit ("ha riferito’", "ha riferito-ieri");
    ``second`` is False for a sentence whose letters fold to other lengths ("RİFERİTO"),
    where the tokens' folded forms are not what the pattern matches.
    """
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


def _head(word: str) -> str:
    """The letters a (folded) word begins with: "riferito'" -> "riferito", "dall'" -> "dall".

    >>> _head("riferito-ieri"), _head("stima.5"), _head("5.000")
    ('riferito', 'stima', '')
    """
    m = _LETTERS.match(word)
    return m[0] if m else ""


def _index_after(starts: list[int], end: int) -> int:
    """The index of the first token that starts at or after ``end``."""
    return bisect_left(starts, end)


def _found(text: str, toks: Tokens, i: int, j: int, kind: str, g: Grammar, src: Sources) -> Found | None:
    cue = toks.span(i, j)
    lows = toks.lows
    reach: Reach = "any"
    passive = False
    if kind == "verb" and j < len(lows) and lows[j] in g.agent:
        past = _past_time(toks, j + 1, g)
        if past is None:
            j, passive = j + 1, True  # "è stato riferito dalla Kcna": a passive
        elif _at(lows, i, g.passive) is not None:
            return None  # "was reported by midday": a passive without its agent
        else:
            j = past  # "the ministry reported by midday that…": a time; the subject reports
    if kind == "verb" and not passive:
        inverted = i == 0 or not toks.is_word(i - 1) or lows[i - 1] in g.opener_words
        np = _phrase(toks, _skip(lows, j, g.adverbs), g) if inverted else None
        if not _named(text, toks, np, g, src):
            np = _subject(toks, i, g)
            reach = "any" if _aside(toks, np, _skip(lows, j, g.adverbs)) else "after"
        return _make(text, toks, np, cue, reach, g, src)
    if kind == "restricted" and not (i == 0 or not toks.is_word(i - 1) or lows[i - 1] in g.clause_words):
        return None
    np = _phrase(toks, j, g)
    if kind == "restricted" and not _source_like(text, toks, np, g, src):
        return None
    return _make(text, toks, np, cue, reach, g, src)


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


def _aside(toks: Tokens, subject: tuple[int, int] | None, j: int) -> bool:
    """A report set after the figures it covers: its subject opens a clause (after a
    comma or a quote, not "than", "di quanto") and its verb ends the sentence ("…, the
    Pentagon said.", "…, i media russi hanno riferito."). Such a verb governs the figures
    before it too, not only those after."""
    if subject is None or (subject[0] > 0 and toks.is_word(subject[0] - 1)):
        return False
    texts = toks.texts
    for k in range(j, len(texts)):  # stops at the first word: linear in a sentence of cues
        if texts[k] not in _CLOSING:
            return False
    return True


def _make(text: str, toks: Tokens, np: tuple[int, int] | None, cue: Span, reach: Reach,
          g: Grammar, src: Sources) -> Found | None:
    if np is None:
        return None
    span, via = _words(toks, np, g), None
    relayed = _relay(toks, np[1], g)
    if relayed is not None:
        via, span = surface(span.of(text)), _words(toks, relayed, g)
    source = surface(span.of(text))
    return Found(source, src.canonical(source), " ".join(cue.of(text).casefold().replace("’", "'").split()), span, cue, reach, via)


def _words(toks: Tokens, np: tuple[int, int], g: Grammar) -> Span:
    """The span of a phrase without its leading article ("le valutazioni" -> "valutazioni")."""
    first = np[0] + 1 if toks.lows[np[0]] in g.articles and np[1] - np[0] > 1 else np[0]
    return toks.span(first, np[1])


def _named(text: str, toks: Tokens, np: tuple[int, int] | None, g: Grammar, src: Sources) -> bool:
    """A phrase that names a source: a proper name, a known source or a source-like noun."""
    return np is not None and (
        any(t[0].isupper() for t in toks.texts[np[0]:np[1]]) or _source_like(text, toks, np, g, src)
    )


def _source_like(text: str, toks: Tokens, np: tuple[int, int] | None, g: Grammar, src: Sources) -> bool:
    """A known source, or a phrase headed by a source-like noun ("gli analisti")."""
    if np is None:
        return False
    words = [w for w in toks.lows[np[0]:np[1]] if w not in g.articles]
    phrase = toks.span(*np).of(text)
    return src.canonical(phrase) is not None or (bool(words) and words[0] in g.source_nouns)


def _by_first(seqs: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases (longest first) grouped by their first word."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for seq in seqs:
        out[seq[0]] = (*out.get(seq[0], ()), seq)
    return out


def _at(lows: list[str], j: int, seqs: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[str, ...] | None:
    """The longest of the phrases ``seqs`` (see :func:`_by_first`) that starts at ``lows[j]``."""
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
    if j < len(toks) and toks.texts[j] == ",":
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
        if lows[j] in g.of and end is not None:
            j += 2 if j + 1 < limit and lows[j + 1] in g.articles else 1
            continue
        if g.ends_phrase(toks, j) or toks.texts[j][0].isdigit():
            break
        j += 1
        end = j
    return (i, end) if end is not None else None


def _subject(toks: Tokens, verb: int, g: Grammar) -> tuple[int, int] | None:
    """The subject that ends just before the verb at ``toks[verb]`` ("I media russi")."""
    lows = toks.lows
    end = verb
    while end > 0 and lows[end - 1] in g.pre_verb:
        end -= 1
    start = end
    while start > 0 and end - start < g.max_words and toks.is_word(start - 1) and lows[start - 1] not in g.clause:
        start -= 1
    after_prep = start > 0 and lows[start - 1] in g.prepositions
    for k in range(start, end):
        if (k == start and not after_prep) or lows[k] in g.articles or toks.texts[k][0].isupper():
            np = _phrase(toks, k, g, until=end)
            if np is not None and np[1] == end:
                return np
    return None


def choose(found: list[Found], figure: Span, following: list[Found] | None = None) -> Found | None:
    """The cue of ``found`` (one sentence's) that governs the figure at ``figure``.

    ``following`` are the cues of the next sentence when it opens with a report opener
    (see :func:`opener_cues`).

    >>> s = "Sono morti 300 soldati, ha riferito la Kcna in un dispaccio."
    >>> choose(scan(s, Span(0, len(s))), Span(11, 14)).canonical
    'KCNA'
    """
    before = [f for f in found if f.cue_span.start < figure.start and f.reach in ("any", "after")]
    if before:
        return max(before, key=lambda f: f.cue_span.start)
    after = [f for f in found if f.cue_span.start >= figure.end and f.reach == "any"]
    if after:
        return min(after, key=lambda f: f.cue_span.start)
    return following[0] if following else None


def opener_cues(text: str, sentence: Span, *, lang: str | Pack = "it",
                sources: Sources | None = None) -> list[Found]:
    """The cues of a sentence that opens by carrying the previous one's report.

    >>> s = "Lo riporta l'agenzia ufficiale Kcna, segnando una prima volta."
    >>> [f.canonical for f in opener_cues(s, Span(0, len(s)))]
    ['KCNA']
    """
    g = grammar(lang)
    m = g.openers.match(text, sentence.start, sentence.end)
    if m is None:
        return []
    found = scan(text, Span(m.end(), sentence.end), lang=lang, sources=sources)
    return [f for f in found[:1] if f.reach == "any" and len(text[m.end():f.cue_span.start].split()) <= 1]
