"""Which cue governs a figure: in its sentence, in the next sentence, or carried over.

Inside a sentence (:class:`Governors`, built once per sentence so that a sentence of many
cues and many figures is read in linear time):

1. the nearest cue before the figure that reaches after it (a forward cue, or a verb with
   its subject before it), across clauses as a source carries on;
2. else the nearest cue after it that reaches before it ("…, secondo Kiev", "…, ha detto
   X"), but not back across a clause break (";"); such a cue set right after a figure
   wins over the cue before it ("6,8 per l'Usgs, 7,2 secondo il centro geofisico").

Across sentences (:class:`Carry`): a sentence with no cue of its own takes the source of
the next sentence when that one opens by crediting it ("Lo riporta X", "È quanto affermato
da X", "Il dato arriva dalla prefettura") or closes the quotation it opened ("«… 22. …», ha
detto il prefetto": :func:`quoted_by`), else the last source stated in the same
paragraph (the later sentences that carry on the same report). An impersonal cue ("si
stima") names no one and stops the carry; "la stessa fonte" is the previous source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from quantities.extraction.attribution.cues import credited, held, scan, titles
from quantities.extraction.attribution.grammar import Found, Grammar, grammar
from quantities.extraction.attribution.phrases import _at
from quantities.extraction.attribution.speakers import SPEAKER_CHARS, colon_speaker
from quantities.lang import Pack
from quantities.lang.places import Places
from quantities.lang.sources import Sources
from quantities.text.tokens import Tokens
from quantities.types import Span


class Governors:
    """The cues of one sentence, indexed for :meth:`governing` (logarithmic per figure).

    ``breaks`` are the offsets of the sentence's clause breaks (";"): a cue after a figure
    does not govern it across one.
    """

    __slots__ = ("_after", "_before", "_breaks", "_found", "_relays", "_starts")

    def __init__(self, found: Sequence[Found], breaks: Sequence[int] = ()) -> None:
        self._found = found = list(found)
        self._starts = [f.cue_span.start for f in found]
        self._breaks = list(breaks)
        before: list[int] = []  # for each k: the last index <= k of a cue that reaches after it
        self._before = before
        last = -1
        for k, f in enumerate(found):
            if f.reach in ("any", "after"):
                last = k
            before.append(last)
        n = len(found)
        self._after = after = [n] * (n + 1)  # for each k: the first index >= k of a cue that reaches before it
        self._relays = relays = [n] * (n + 1)  # for each k: the first index >= k of a relay ("citing X")
        for k in range(n - 1, -1, -1):
            f = found[k]
            after[k] = k if f.reach == "any" else after[k + 1]
            relays[k] = k if f.relay else relays[k + 1]

    def __bool__(self) -> bool:
        return bool(self._found)

    def governing(self, figure: Span, text: str | None = None) -> Found | None:
        """The cue that governs the figure at ``figure``, or None; with the ``text`` the spans
        index, a cue right after the figure's one following word (its noun: "600 associazioni
        nel resoconto di Nova") is set right after it too."""
        if not self._found:
            return None  # a sentence without cues (most): no bisects
        starts, breaks = self._starts, self._breaks
        b = bisect_left(breaks, figure.end)
        high = breaks[b] if b < len(breaks) else None
        i = self._after[bisect_left(starts, figure.end)]
        if i < len(starts) and starts[i] - figure.end <= ADJACENT + _word_after(text, figure.end, starts[i]):
            return self._relayed(i)  # "6,8 per l'Usgs, 7,2 secondo il centro": a cue right after its figure
        k = bisect_left(starts, figure.start) - 1
        after = i < len(starts) and (high is None or starts[i] < high)
        yields = after and not (self._found[i].impersonal or self._found[i].unsaid)  # an impersonal cue yields
        if k >= 0 and (j := self._before[k]) >= 0 and not (yields and self._found[j].impersonal):
            return self._relayed(j)   # to a speaker after it: "Si contano almeno 40 vittime, ha detto la sindaca"
        if after:
            return self._relayed(i)
        return None

    def before(self, pos: int) -> Found | None:
        """The nearest cue before ``pos`` that reaches after it (for a figure that owns the
        cue at ``pos``: "Le autorità ritengono …, sulla base dei racconti dei 104 sopravvissuti")."""
        k = bisect_left(self._starts, pos) - 1
        return self._relayed(self._before[k]) if k >= 0 and self._before[k] >= 0 else None

    def _relayed(self, i: int) -> Found:
        """The cue at ``i``, or the relay that follows it in the sentence ("X said …, citing
        Y"): Y is the originator, X the one who passes it on."""
        found = self._found[i]
        r = self._relays[i + 1]
        if found.relay or r >= len(self._found):
            return found
        return replace(self._found[r], via=found.source)

    def names(self, span: Span) -> bool:
        """Whether ``span`` is a source's words ("la prefettura 119mila", "gli organizzatori parlano di 225mila",
        "Di questi, ricordano i sindacati, 2.500 sono già in cassa integrazione": a subject after its verb)."""
        return any((f.span.start <= span.start and span.end <= f.span.end) if f.gapped or (
                   f.reach == "any" and f.cue_span.start < f.span.start) else (
                   f.reach == "after" and min(f.span.start, f.cue_span.start) < span.end
                   and span.start < max(f.span.end, f.cue_span.end)) for f in self._found)

    def last(self) -> Found | None:
        """The last cue of the sentence: the one a later sentence carries on."""
        return self._found[-1] if self._found else None


#: How far after a figure (in characters: one space) a cue stands that is set right after it.
ADJACENT = 1
#: The one word between a figure and a cue set right after it: letters only, no clause break.
_ONE_WORD = re.compile(r" [^\W\d_]+")


def _word_after(text: str | None, end: int, cue: int) -> int:
    """The length of the one word (with its space) that stands between a figure ending at
    ``end`` and a cue starting at ``cue`` (0: none, or more than one word)."""
    if text is None or cue - end > WORD_REACH:
        return 0
    m = _ONE_WORD.match(text, end, cue)
    return m.end() - end if m is not None and m.end() == cue - ADJACENT else 0


#: Characters of a word between a figure and its cue, at most.
WORD_REACH = 24


def choose(found: list[Found], figure: Span, following: list[Found] | None = None) -> Found | None:
    """The cue of ``found`` (one sentence's) that governs the figure at ``figure``.

    ``following`` are the cues of the next sentence when it opens with a report opener
    (see :func:`opener_cues`). An impersonal cue governs and names no one.

    >>> s = "Sono morti 300 soldati, ha riferito la Kcna in un dispaccio."
    >>> choose(scan(s, Span(0, len(s))), Span(11, 14)).canonical
    'KCNA'
    """
    found_one = Governors(found).governing(figure) or (following[0] if following else None)
    return None if found_one is None or found_one.impersonal else found_one


#: Quotation marks that open and close (a straight double quote does both: counted by parity).
_OPENING, _CLOSING = "«“", "»”"


def _quotes(piece: str) -> tuple[int, int]:
    """The curly quotations ``piece`` leaves open (negative: it closes more), and whether its
    straight double quotes are odd (one left open, or one closing an earlier one)."""
    return sum(map(piece.count, _OPENING)) - sum(map(piece.count, _CLOSING)), piece.count('"') % 2


def quoted_by(text: str, sentence: Span, following: Span, *, lang: str | Pack = "it",
              sources: Sources | None = None) -> list[Found]:
    """The speaker of a quotation that ``sentence`` opens and ``following`` closes: the source
    the next sentence states after the quote ('"… hundreds of municipalities are missing. I
    must say that the figure was 63.81%," Lamorgese told reporters'), else none.

    >>> s = '«Le vittime sono 22. Il bilancio è provvisorio», ha detto il prefetto.'
    >>> [f.source for f in quoted_by(s, Span(0, 20), Span(21, len(s)))]
    ['prefetto']
    """
    opened, odd = _quotes(text[sentence.start:sentence.end])
    if opened <= 0 and not odd:
        return []  # the sentence leaves no quotation open: the next one's marks are not read (most sentences)
    closed, odd_after = _quotes(text[following.start:following.end])
    if not ((opened > 0 and closed < 0) or (odd and odd_after)):
        return []
    found = stated(text, following, lang=lang, sources=sources)
    return [found] if found is not None else []


def opener_cues(text: str, sentence: Span, *, lang: str | Pack = "it", sources: Sources | None = None,
                scanned: list[Found] | None = None) -> list[Found]:
    """The cues of a sentence that opens by carrying the previous one's report (``scanned``: its :func:`scan` if known).

    >>> s = "Lo riporta l'agenzia ufficiale Kcna, segnando una prima volta."
    >>> [f.canonical for f in opener_cues(s, Span(0, len(s)))]
    ['KCNA']
    """
    g = grammar(lang)
    credit = g.credits.match(text, sentence.start, sentence.end, False)
    if credit is not None and _someone(cues := credited(text, Span(credit.start(), credit.end()), sentence.end,
                                                        lang=lang, sources=sources), g):
        return cues  # "Il dato arriva dalla prefettura." (not "È il dato di maggio, secondo l'Istat": the Istat)
    m = g.openers.match(text, sentence.start, sentence.end, False)
    if m is None:
        return _bare_report(text, sentence, lang=lang, sources=sources, scanned=scanned)
    found = scan(text, Span(m.end(), sentence.end), lang=lang, sources=sources)
    if not found and " ".join(m.group().casefold().split()) in g.verbless_openers:
        return credited(text, Span(m.start(), m.end()), sentence.end, lang=lang, sources=sources)  # "Così X."
    if found and found[0].span.start < found[0].cue_span.start and " ".join(m.group().casefold().split()) in g.articles:
        return _bare_report(text, sentence, lang=lang, sources=sources, scanned=scanned)  # "L'Istat ha comunicato …"
    return [f for f in found[:1] if _opens_with(text[m.end():min(f.cue_span.start, f.span.start)], g)
            and (f.reach == "any" or f.span.start < f.cue_span.start)]  # "È il quadro che X ha trasmesso"


def _opens_with(gap: str, g: Grammar) -> bool:
    """Whether what stands between a report opener and its source is a word at most, or a title set off
    before the name ("È il bilancio che il prefetto di Napoli, Michele di Bari, ha tracciato")."""
    return len(gap.split()) <= 1 or (gap.rstrip().endswith(",") and len(gap.split()) <= g.apposition_words + 1)


#: The longest sentence read as a header with no colon ("Conferenza stampa del sindaco Gaetano Manfredi.").
HEADER_ALONE = 120


def header(text: str, sentence: Span, *, lang: str | Pack = "it", sources: Sources | None = None,
           toks: Tokens | None = None) -> Found | None:
    """The source of a verbless header that opens a sentence and ends at a colon ("Nuovo
    bilancio della prefettura di Napoli: …", "Prima proiezione Opinio per la Rai: …"), or is the whole
    sentence ("Conferenza stampa del sindaco Gaetano Manfredi."), a cue for it (``toks``: its tokens, if at hand)."""
    first = text.find(":", sentence.start, sentence.end)
    if first < 0 and sentence.end - sentence.start > HEADER_ALONE:
        return None   # no colon, and too long to be a header alone: most sentences
    g = grammar(lang)
    m = g.header(text, sentence.start, sentence.end)
    if m is None:  # a speaker's colon is the first after the stamp, so no nearer than the first
        return colon_speaker(text, sentence, g, sources, toks) if 0 <= first - sentence.start <= SPEAKER_CHARS else None
    found = credited(text, Span(m.start("cue"), m.end("cue")), sentence.end, lang=lang, sources=sources)
    colon = text.find(":", m.end(), sentence.end)
    if colon < 0 and found and not text[found[0].span.end:sentence.end].strip(" .*_"):
        colon = sentence.end   # the header alone: "Conferenza stampa del sindaco Gaetano Manfredi."
    by = " ".join(m["cue"].casefold().split()) in g.headers_from   # "Nuovo bollettino dalla …": who issued it
    if not found or colon < 0 or found[0].span.end > colon or Places.default().known(found[0].source) \
            or (by and not found[0].source[:1].isupper()):
        return None   # "… da Kiev:", "… dalla zona rossa:": a place, no one who reports
    return found[0]


def stated(text: str, sentence: Span, *, lang: str | Pack = "it", sources: Sources | None = None) -> Found | None:
    """The source a sentence without figures states for the ones after it: its last cue,
    or the source it credits ("Il dato arriva dalla prefettura.")."""
    found = scan(text, sentence, lang=lang, sources=sources)
    if found:
        return found[-1]
    credit = grammar(lang).credits.match(text, sentence.start, sentence.end)
    if credit is None:
        return header(text, sentence, lang=lang, sources=sources)
    cues = credited(text, Span(credit.start(), credit.end()), sentence.end, lang=lang, sources=sources)
    return cues[0] if cues else None


#: The longest sentence read as a bare report ("The interior ministry said in a statement.").
BARE_CHARS = 160


def _bare_report(text: str, sentence: Span, *, lang: str | Pack, sources: Sources | None,
                 scanned: list[Found] | None = None) -> list[Found]:
    """A sentence that is only a report, its source and its verb ("The ministry said.",
    "Lo riferisce la Kcna."): it credits the sentence before."""
    if len(sentence) > BARE_CHARS:
        return []
    found = scan(text, sentence, lang=lang, sources=sources) if scanned is None else scanned
    if len(found) != 1 or found[0].impersonal:
        return []
    f = found[0]
    start, end = min(f.cue_span.start, f.span.start), max(f.cue_span.end, f.span.end)
    rest = (text[sentence.start:start] + " " + text[end:sentence.end]).casefold().split()
    articles = grammar(lang).articles
    return [f] if all(w in articles or not any(c.isalnum() for c in w) for w in rest) else []


class Carry:
    """The source a paragraph has stated so far, fed sentence by sentence in order.

    :meth:`see` takes each sentence's paragraph number and cues; :meth:`current` is the
    source a cue-less figure of the sentence just seen takes (None when none is stated, or
    the last one is impersonal).
    """

    __slots__ = ("_asks", "_former", "_paragraph", "_previous", "_pronouns", "_same", "_source", "_titled")

    def __init__(self, g: Grammar) -> None:
        self._pronouns = g.pronouns
        self._former = g.former   # "L'ex premier Mario Draghi" holds the title no longer
        self._paragraph = -1
        self._source: Found | None = None  # the source carried in the current paragraph
        self._previous: Found | None = None  # the last named source of the document
        self._same = g.same_source
        self._asks: dict[str, str] = {}  # each source's answer: a figure asks twice, a document's sources repeat
        self._titled: dict[str, Found] = {}  # the last named holder of each title ("premier Giorgia Meloni")

    def needs_previous(self, found: Found) -> bool:
        """Whether ``found`` stands for a source named before it: the previous one ("la stessa
        fonte", "lui"), or the holder of its title ("ha ricordato la premier")."""
        return found.unsaid or self._ask(found) != ""

    def _ask(self, found: Found) -> str:
        """"previous", "title" (one word in lower case) or "" for ``found``'s source."""
        asks = self._asks.get(found.source)
        if asks is None:
            words = found.source.casefold().split()
            previous = " ".join(words) in self._same or not self._pronouns.isdisjoint(words)
            asks = self._asks[found.source] = "previous" if previous else "title" if titles(found.source) else ""
        return asks

    def resolve(self, found: Found | None) -> Found | None:
        """``found``, or the previous source when it names "the same source" or is a pronoun
        ("secondo lui", "he said"), or the one named with its title ("la premier" after "La premier
        Giorgia Meloni", "il ministro" after "Il ministro delle Imprese Adolfo Urso")."""
        if found is None or not self.needs_previous(found):
            return found
        p = self._titled.get(found.source.casefold()) if self._ask(found) == "title" and not found.unsaid \
            else self._previous
        if p is None:
            return None if found.unsaid else found  # "«…», ha detto": no one named before
        return replace(found, source=p.source, canonical=p.canonical, span=p.span, via=p.via, unsaid=False)

    def see(self, paragraph: int, last: Found | None, narrated: bool = False) -> None:
        """A sentence of paragraph ``paragraph`` whose last cue is ``last`` (None: none);
        ``narrated``: one of its figures is narrated in the reporter's voice ("Il bus è caduto da
        un'altezza di dieci metri"), which ends the report: with no cue of its own, the figures
        after it take no source stated before it ("I feriti sono 15")."""
        self.enter(paragraph)
        if narrated and last is None:
            self._source = None
        resolved = self.resolve(last)
        if resolved is not None:
            self._source = None if resolved.incise else resolved  # "Il parapetto, dice il Comune, ha …"
            if not resolved.impersonal:
                self._previous = resolved
                if self._former.isdisjoint(resolved.source.casefold().split()):
                    self._titled.update(dict.fromkeys(held(resolved.source), resolved))

    def enter(self, paragraph: int) -> None:
        """Start reading paragraph ``paragraph``: a new one has stated no source yet."""
        if paragraph != self._paragraph:
            self._paragraph, self._source = paragraph, None

    def current(self) -> Found | None:
        s = self._source
        return None if s is None or s.impersonal else s


def narrates(toks: Tokens, g: Grammar) -> int:
    """Where a sentence narrates an action of its own ("La Guardia Costiera ha recuperato
    due uomini", "Salgono a tre le vittime"): the offset from which its figures are narrated,
    so that a source stated before does not carry to them; past the sentence when it does
    not. A sentence without a verb, or with a copula only ("Sedici i feriti", "Gli interventi
    sono stati 336"), carries on the report. A verb of being before a participle and an adjunct
    narrates the figures after it ("Il bus è caduto da un'altezza di dieci metri"), not its
    subject's ("27 sono ricoverati in ospedale") nor the subject it is followed by ("Sono
    crollati 5.775 edifici")."""
    lows, texts = toks.lows, toks.texts
    for k, w in enumerate(lows):
        if w in g.clause_ends:
            break  # a verb of a relative or subordinate clause narrates nothing of the figure's
        if w in g.copulas or (k and not texts[k].islower()):  # a capital inside: a name
            continue
        if w in g.finite_words:
            return toks.starts[k]   # a toll's verb narrates from itself on: "Tre … e il bilancio sale a 12"
        if w.endswith(g.finite_endings) and len(w) > 4:
            return toks.starts[0]
        if k and lows[k - 1] in g.narrating_auxiliaries and w.endswith(g.participle_endings):
            return toks.starts[0]
        if k and lows[k - 1] in g.being_auxiliaries and w.endswith(g.participle_endings) \
                and k + 1 < len(lows) and lows[k + 1] in g.prepositions:
            return toks.starts[k]
    return toks.ends[-1] if texts else 0


def uncarried(toks: Tokens, figure: Span, kind: str = "count", mood: str = "reported") -> bool:
    """Whether the figure at ``figure`` (its unit included, of the kind ``kind`` and the modality
    ``mood``) is no part of a report stated earlier in its paragraph, so that the carry does not
    reach it: a plan or an expectation ("Alla vigilia erano attese almeno 50mila persone"), or
    what tells of a person, an age ("un uomo di 38 anni") or a figure set alone between commas
    right after a word ("Il paziente 1, 38 anni, è ancora grave", "The driver, 40, was among the
    victims"; not a list: "16 feriti, dodici gravi, …")."""
    if kind == "age" or mood in UNCARRIED_MOODS:
        return True
    texts = toks.texts
    i = toks.index(figure.start)
    if i < 2 or texts[i - 1] != "," or not texts[i - 2][0].isalnum():
        return False
    j = toks.index(figure.end)
    return j < len(texts) and texts[j] == ","


#: The modalities of a figure that no report stated before it covers: a plan, an expectation.
UNCARRIED_MOODS = frozenset({"planned"})


def _someone(cues: list[Found], g: Grammar) -> bool:
    """Whether a next sentence's credit names someone: a known source, a name or a source noun ("i primi
    accertamenti della Polfer"), not a time, a place nor a finding ("È il dato di maggio", "È il dato di
    Milano", "È quanto emerge dalla prima ricostruzione": review50)."""
    source = cues[0].source if cues else ""
    words = source.casefold().split()
    return bool(cues) and (cues[0].canonical is not None or any(w[:1].isupper() for w in source.split())
                           or not g.source_nouns.isdisjoint(words)) and not Places.default().only_place(source) \
        and _at(words, 0, g.not_agents) is None
