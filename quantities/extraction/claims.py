"""Claims: what each figure counts, who says so, and whether it happened.

:func:`extract` runs the steps before it (sentences, numbers) and assembles, for every
figure of a claim kind, a :class:`~quantities.types.Claim`:

- the counted noun (:mod:`quantities.extraction.nouns`) and its lexicon concept;
- the attribution (:mod:`quantities.extraction.attribution`), canonicalised with the source table;
- the modality (:mod:`quantities.extraction.modality`).

Spans of a Claim (``span``, ``sentence``, ``quantity.span``, ``attribution.span``) are body spans
(``Document.text``); ``text`` and ``context`` are slices of the analysed text (markup stripped), so
"**5.000** operai" in Markdown reads "5.000 operai", and in a document without markup ``text ==
Document.text[span.start:span.end]`` exactly. ``text`` is the surface of the claim: the figure with its
hedge and unit, and the counted noun when it follows the figure ("circa 15mila soldati", "migliaia di
truppe"); a noun found before the figure ("i feriti sono 2.700") or reused from a previous figure ("e altri
47") is in ``noun`` but not in ``text``.

Money, measures, percentages and durations carry what they are in ``quantity.unit``; their ``noun`` is only
what they are of ("1,5 milioni di euro di aiuti" -> "aiuti", "l'80% degli elettori" -> "elettori"), never the unit.

>>> [c.text for c in extract("I media russi hanno riferito che il Nord invierà 5.000 operai.")]
['5.000 operai']
>>> c = extract("Secondo Seul, il Nord ha inviato circa 15mila soldati.")[0]
>>> c.noun, c.concept, c.attribution.canonical, c.modality
('soldati', 'soldato', 'South Korea', 'reported')
"""

from __future__ import annotations

import warnings
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from quantities import lang as langs
from quantities.errors import QuantitiesWarning
from quantities.extraction import attribution, modality, nouns, sentences, when
from quantities.extraction.nouns import settlement, status
from quantities.extraction.numbers import reader as numbers
from quantities.lang import Pack, units
from quantities.lang.lexicon import Lexicon
from quantities.lang.sources import Sources
from quantities.text.fold import low
from quantities.text.i18n import _
from quantities.text.tokens import Tokens, tokens
from quantities.types import Attribution, Claim, Document, Quantity, Span

#: Kinds whose figure carries its unit: they count only what follows "di".
UNIT_KINDS = frozenset({"money", "measure", "percent", "duration", "age"})


def extract(source: str | Document | Iterable[Document], *, lang: str | Pack | None = None,
            sources: Sources | None = None, lexicon: Lexicon | None = None, titles: bool = False) -> list[Claim]:
    """Claims of a text or of documents, in document order.

    A str is one plain-text document (id ``"<text>"``, read as given: no front matter
    or markup; use :func:`quantities.ingest.documents.from_text` for those). Only claim kinds (``q.is_claim``) become
    Claims (with ``titles``, each document's title claims too, see :func:`title_claims`).
    A document whose language has no pack is skipped with a
    :class:`~quantities.errors.QuantitiesWarning` naming it; the rest go on.

    >>> [(c.text, c.modality) for c in extract("Kim ha accettato di inviare migliaia di truppe.")]
    [('migliaia di truppe', 'planned')]
    >>> extract("Nel 2024, il 15 agosto.")
    []
    """
    out: list[Claim] = []
    for doc in _documents(source, lang):
        pack = lang if lang is not None else doc.lang
        if isinstance(pack, str) and pack not in langs.available():
            warnings.warn(_("{doc}: no language pack for {lang!r}; document skipped").format(doc=doc.id, lang=pack),
                          QuantitiesWarning, stacklevel=2)
            continue
        out += extract_document(doc, lang=pack, sources=sources, lexicon=lexicon, titles=titles)
    return out


def _documents(source: str | Document | Iterable[Document], lang: str | Pack | None) -> Iterator[Document]:
    if isinstance(source, str):  # plain text as given: no front matter, no markup
        code = lang.code if isinstance(lang, Pack) else lang
        yield Document(id="<text>", text=source, lang=code or "it")
    elif isinstance(source, Document):
        yield source
    else:
        yield from source


def extract_document(doc: Document, *, lang: str | Pack | None = None, sources: Sources | None = None,
                     lexicon: Lexicon | None = None, titles: bool = False) -> list[Claim]:
    """The claims of one document (the worker behind :func:`extract` and ``--jobs``).

    With ``titles``, the claims of the document's title come first: the title is read as a
    sentence of its own, and its claims have ``section="title"`` and spans into
    ``Document.title`` (see :func:`title_claims`).

    >>> from quantities.ingest.documents import from_text
    >>> doc = from_text("Sono morti **300** soldati, ha riferito la Kcna.", id="a.md", format="markdown")
    >>> [(c.text, c.span.of(doc.text), c.attribution.source) for c in extract_document(doc)]
    [('300 soldati', '300** soldati', 'Kcna')]
    """
    pack = langs.resolve(lang if lang is not None else doc.lang)
    head = title_claims(doc, lang=pack, sources=sources, lexicon=lexicon) if titles else []
    return head + _body_claims(doc, pack, sources, lexicon)


def title_claims(doc: Document, *, lang: str | Pack | None = None, sources: Sources | None = None,
                 lexicon: Lexicon | None = None) -> list[Claim]:
    """The claims of the document's title, read as one sentence of its own (a headline that
    says "2 miliardi" over a body that says "2 milioni" can then be caught).

    Their ``section`` is "title" and their spans (``span``, ``sentence``, ``quantity.span``,
    ``attribution.span``) index ``Document.title``, not the body.

    >>> from quantities.ingest.documents import from_text
    >>> doc = from_text("---\\ntitle: Terremoto, oltre 2mila vittime\\n---\\nIl bilancio sale.", id="a.md")
    >>> [(c.text, c.section, c.span.of(doc.title)) for c in title_claims(doc)]
    [('oltre 2mila vittime', 'title', 'oltre 2mila vittime')]
    """
    if not doc.title or not doc.title.strip():
        return []
    pack = langs.resolve(lang if lang is not None else doc.lang)
    headline = Document(id=doc.id, text=" ".join(doc.title.split("\n")), lang=doc.lang, date=doc.date)
    return [replace(c, section="title") for c in _body_claims(headline, pack, sources, lexicon, one_sentence=True)]


def _body_claims(doc: Document, pack: Pack, sources: Sources | None, lexicon: Lexicon | None,
                 one_sentence: bool = False) -> list[Claim]:
    text = doc.analysed
    found = numbers.find(text, pack)
    figures = deque(q for q in found if q.is_claim)
    if not figures:
        return []
    starts, ends = ([0], [len(text)]) if one_sentence else sentences.bounds(text, pack)
    clocks = [q.span for q in found if q.kind == "time"]
    reader = _Reader(doc, text, starts, ends, pack, sources or Sources.default(), lexicon or Lexicon.load(pack.code),
                     clocks)
    # before its first sum, the document's currency is that sum's: a subtitle's "225 miliardi" is euro
    reader._topic.currency = next((q.unit for q in figures if q.kind == "money"), None)
    groups = sentences.held(figures, starts, ends)
    out: list[Claim] = []
    while batch := list(islice(groups, BATCH)):
        out += reader.claims(batch)
    return out


#: What ends the clause of a figure listed after another (:meth:`_Reader._listed`).
LIST_ENDS = frozenset(",;:.)!?")
#: How many sentences are read together, one step at a time (tokens, attribution cues,
#: modality cues, then the claims): each step's code and patterns stay warm in the
#: processor's caches. On the 5 MB benchmark corpus: 1.64 s sentence by sentence, 1.53 s
#: by 32; a few hundred at once is slower again (all their tokens no longer fit).
BATCH = 32


class _Reader:
    """Turns the figures of one document into claims, a batch of sentences at a time."""

    def __init__(self, doc: Document, text: str, starts: list[int], ends: list[int], pack: Pack,
                 src: Sources, lex: Lexicon, clocks: list[Span]) -> None:
        self.doc, self.text, self.pack, self.src, self.lex = doc, text, pack, src, lex
        self.starts, self.ends = starts, ends  # the document's sentences
        self._paragraphs = sentences.paragraphs(text, starts, ends)  # each sentence's paragraph
        self._carry = attribution.Carry(attribution.grammar(pack))
        self._seen = 0  # the sentences before this one have fed the carry
        self._pending: list[int] = []  # sentences without figures of this paragraph, read when needed
        self.times = when.Times(text, clocks, starts, ends, self._paragraphs, pack)  # and day parts
        self._topic = nouns.Topic(pack)  # the document's currency and measured nouns so far
        self._grammar = nouns.grammar(pack)
        self._scans: dict[tuple[int, int], list[attribution.Found]] = {}  # the cues of the batch's sentences

    def claims(self, batch: list[sentences.Held]) -> list[Claim]:
        text, pack = self.text, self.pack
        toks = [tokens(text, s.span.start, s.span.end) for s in batch]
        self._scans.clear()  # a figure may read its next sentence's cues (_credit): the batch's are at hand
        cues = [self._governors(s.span, t) for s, t in zip(batch, toks)]
        moods = [modality.scan(text, s.span, lang=pack, until=s.figures[-1].span.start, toks=t)
                 for s, t in zip(batch, toks)]
        out: list[Claim] = []
        for s, t, c, m in zip(batch, toks, cues, moods):
            out += self._sentence(s, t, c, m)
        return out

    def _following(self, s: sentences.Held) -> Span | None:
        return Span(self.starts[s.index + 1], self.ends[s.index + 1]) if 0 <= s.index < len(self.starts) - 1 else None

    def _sentence(self, s: sentences.Held, toks: Tokens, cues: attribution.Governors,
                  moods: modality.Scanned) -> list[Claim]:
        doc, text, pack, sentence = self.doc, self.text, self.pack, s.span
        self._feed_carry(s.index)
        memo: dict[str, object] = {}  # what _credit reads once per sentence
        body_sentence = doc.to_body(sentence)
        antecedents: dict[tuple[str, str | None], nouns.NounPhrase] = {}  # the last of each kind and unit
        statuses: dict[str, str | None] = {}  # and its status
        out: list[Claim] = []
        moments = self.times.moments(sentence) if self.times else []  # read by when alone
        pairs = nouns.paired(s.figures, lang=pack, toks=toks) if len(s.figures) > 1 else {}
        still = status.quiet(toks, lang=pack)  # no status or scope word in the sentence: each noun's own
        listed: list[nouns.NounPhrase | None] = []
        windows: dict[tuple[int, int], str] = {}  # the contexts, one string for the figures that share one
        previous: Quantity | None = None
        measure: Quantity | None = None
        for i, q in enumerate(s.figures):
            if previous is not None:  # "5,1 miliardi … e 4,5 in direzione est"; "… la metà dei 6 milioni autorizzati"
                q = nouns.elided(text, previous, q, pack, measure=measure)
            q, noun, place = self._noun(q, toks, antecedents)
            if noun is not None and noun.span is not None and noun.span.end <= q.span.start and cues.names(noun.span):
                noun = nouns.reused(antecedents.get((q.kind, q.unit)))  # "la prefettura 119mila": a source, no noun
            if noun is None and previous is not None:  # "magnitudo 6,8 per l'Usgs, 7,2 secondo …"
                q = nouns.listed(text, previous, q)
            previous = q
            measure = q if q.kind == "measure" and q.unit != units.FRACTION else measure  # the last one
            if i in pairs and listed[pairs[i]] is not None:  # "contro i 630 e i 315"
                noun = nouns.reused(listed[pairs[i]])
            k = bisect_left(toks.starts, q.span.start)  # toks.index
            if noun is not None or not nouns.opens_clause(toks, bisect_left(toks.starts, q.span.end), self._grammar):
                noun = self._topic.carried(q, noun, self._paragraphs[s.index] if s.index >= 0 else -1,
                                           before=toks.lows[max(0, k - 2):k])  # not "150,000 lined the route"
            listed.append(noun)
            if noun is not None:
                antecedents[q.kind, q.unit] = noun
            end = q.span.end
            if noun is not None and noun.span is not None and noun.span.start >= q.span.end:
                end = noun.span.end
            stated = q if doc.offsets is None else q.at(doc.to_body(q.span))
            mood = modality.governing(moods, sentence, q.span, hedge=q.hedge, lang=pack)
            if mood == "reported" and out and self._listed(toks, k, end, q.unit != out[-1].quantity.unit):
                mood = out[-1].modality  # listed after its verb's figure: "could face 68,000 …, 94,000 … and 120,000"
            mood = "denied" if modality.negated(toks, k, pack) else mood  # "Sono tre, e non quattro, le vittime"
            found = self._credit(s, toks, cues, q, memo, mood)
            state, scope = status.read(text, q.span, end, noun.text if noun else None, lang=pack, toks=toks,
                                       kind=q.kind, still=still)
            home = settlement.settled(text, toks, q.span, lang=pack) if noun is not None else None
            scope = home or scope or place  # "la regione era ferma al 36,95%": the place noun the topic replaced
            if scope is None and q.kind == "count" and i + 1 < len(s.figures):  # "circa 46mila, il 10% del totale"
                scope = nouns.of_whole(text, toks, end, s.figures[i + 1], pack)
            if scope is None and found is not None and found.gapped and out:  # "…, la prefettura di Parigi 119mila"
                scope = attribution.scope_of(found, text, [c.scope for c in out], text[end:end + 2], lang=pack)
            if state is None and noun is not None and (noun.span is None or self._predicate(toks, q, noun)) \
                    and not (k and toks.lows[k - 1] in self._grammar.whole_before):  # a reused noun keeps its status
                state = statuses.get(q.kind)   # (not the whole: "chiude 300 filiali, sulle 3.500 che ha"),
                # and so does a part named after a copula: "evacuate 192 persone, 174 erano pazienti"
            statuses[q.kind] = state
            out.append(Claim(
                doc=doc.id,
                span=stated.span if end == q.span.end else doc.to_body(Span(q.span.start, end)),
                text=text[q.span.start:end],
                quantity=stated,
                noun=noun.text if noun else None,
                concept=self.lex.concept(settlement.dwellers(pack) if home else noun.text) if noun else None,
                attribution=_attribution(doc, found),
                modality=mood,
                sentence=body_sentence,
                context=sentences.shared_window(windows, text, sentence, q.span),  # the sentence, if short
                date=doc.date,
                status=state,
                scope=scope,
                when=self.times.when(s, q.span, moments) if self.times else None,  # near half of news has no time
            ))
        if s.index >= 0:
            last = cues.last()
            if last is not None and not self._carry.needs_previous(last):
                self._pending.clear()  # what they stated is superseded by this sentence's source
            if self._pending:
                self._flush()
            self._carry.see(self._paragraphs[s.index], last,  # a figure the reporter narrated ends the report
                            narrated=memo.get("narrated", sentence.end) <= s.figures[-1].span.start)  # type: ignore[operator]
            self._seen = s.index + 1
        return out

    def _predicate(self, toks: Tokens, q: Quantity, noun: nouns.NounPhrase) -> bool:
        """Whether ``noun``, of people, follows a copula right after the figure ("174 erano pazienti";
        not "mentre 40 erano le case inagibili")."""
        after = bisect_left(toks.starts, q.span.end)
        at = noun.span.start if noun.span is not None else -1
        return after < len(toks.lows) and self._grammar.is_copula(toks.lows[after]) and at > toks.starts[after] \
            and (r := self.lex.read(noun.text)) is not None and self.lex.person(r)

    def _listed(self, toks: Tokens, k: int, end: int, converted: bool) -> bool:
        """Whether the figure whose first token is ``toks[k]`` and whose words end at ``end``
        is listed after the figure before it, the object of one verb, or restates it in another unit
        in brackets (``converted``): a comma, a coordinator or that bracket before it, nothing after it
        to its clause's end but a time to come or a place ("300 soldati, 40 carri armati e 12 elicotteri",
        "94,000 by 2040", "3,000 in Georgia"; not "500 homes, and 1,200 were evacuated", "e 120 ad
        ora", "and 1,200 already in shelters", "0,8% nel 2025 (0,7% nel 2024)", "e 150 nel 2023",
        "30mila secondo la Questura")."""
        g, after = self._grammar, bisect_left(toks.starts, end)
        before = toks.lows[k - 1] if k else ""
        if not (before == "," or before in g.conj or (before == "(" and converted)):  # "3.7 km (2.3 miles)"
            return False
        year = self.doc.date.year if self.doc.date else 0
        for n, (w, t) in enumerate(zip(toks.lows[after:], toks.texts[after:]), after):   # to its clause's end
            if w in LIST_ENDS or w in g.conj:
                return True
            place = t[:1].isupper() and (toks.lows[n - 1] in g.prepositions or toks.texts[n - 1][:1].isupper())
            if not (w[:1].isdigit() or place or w in g.prepositions or w in g.time_prepositions or w in g.articles) \
                    or (len(w) == 4 and w.isdigit() and int(w) <= year):   # a year gone by (the article's date)
                return False   # a verb, a noun, a source, a past year: "120 dead have already been confirmed"
        return True

    def _noun(self, q: Quantity, toks: Tokens, antecedents: dict[tuple[str, str | None], nouns.NounPhrase]
              ) -> tuple[Quantity, nouns.NounPhrase | None, str | None]:
        """What ``q`` counts (and ``q`` made money when it is a bare scaled figure in a
        document about money: :class:`nouns.Topic`)."""
        noun = self._counted(q, toks, antecedents)
        if (implied := self._topic.implicit(q, noun)) is not None:
            q, noun = implied, self._counted(implied, toks, antecedents) or noun   # "sono 45 milioni i danni"
        if q.kind not in self._topic.kinds:
            return q, *self._topic.see(q, noun)
        named = nouns.named(self.text, q.span, lang=self.pack, toks=toks)
        contest = q.kind == "percent" and nouns.contested(self.text, q.span, lang=self.pack, toks=toks)  # no topic
        noun, place = self._topic.see(q, noun, named, opening=noun is not None and noun.span is not None
                                      and noun.span.start == toks.starts[0], contest=contest)
        if place is None and noun is not None and noun.span is not None and noun.span.start > q.span.end:
            place = nouns.held(self.text, q.span, lang=self.pack, toks=toks)  # whose share: "il 43,79% dei voti"
        return q, noun, place

    def _counted(self, q: Quantity, toks: Tokens, antecedents: dict[tuple[str, str | None], nouns.NounPhrase]
                 ) -> nouns.NounPhrase | None:
        bearing = q.unit is not None or q.kind in UNIT_KINDS
        return nouns.counted(self.text, q.span, lang=self.pack, unit_bearing=bearing,
                             antecedent=antecedents.get((q.kind, q.unit)), toks=toks, kind=q.kind, unit=q.unit)

    # -- attribution across sentences: the cues of a sentence, the next one's credit, the carry

    def _governors(self, span: Span, toks: Tokens) -> attribution.Governors:
        text, pack, src = self.text, self.pack, self.src
        found = self._scans[span.start, span.end] = attribution.scan(text, span, lang=pack, sources=src, toks=toks)
        found = attribution.summaries(text, toks, found, lang=pack, sources=src)  # "…: sono i numeri che la Regione"
        found = attribution.gapped(text, toks, found, lang=pack, sources=src)  # "…, la prefettura 119mila"
        found = attribution.owned(text, span, found, pack)  # "Secondo la Coldiretti, si stima …"
        if (head := attribution.header(text, span, lang=pack, sources=src, toks=toks)) is not None:
            colon = text.find(":", head.span.end, span.end)  # cues inside the header are its own
            own = [f for f in found if head.cue == ":" and head.span.start <= f.span.start
                   and f.span.end <= head.span.end]   # "Lo riporta Rai News: …": the cue's, no speaker's phrase
            found = [*(own[-1:] or [head]), *(f for f in found if f.cue_span.start > colon)]  # ("…, diffuso dalla tv:")
        return attribution.Governors(found, attribution.breaks_of(text, span, attribution.grammar(pack).breaks))

    def _feed_carry(self, index: int) -> None:
        """Queue the sentences without figures of this paragraph before ``index`` for the
        carry (read only when a figure needs them: most figures have a cue of their own)."""
        if index < 0:
            return
        paragraph = self._paragraphs[index]
        if self._pending and self._paragraphs[self._pending[0]] != paragraph:
            self._pending.clear()
        self._carry.enter(paragraph)
        if index > self._seen:  # sentences without figures stand between (none in a dense run)
            self._pending += [k for k in range(self._seen, index) if self._paragraphs[k] == paragraph]
            self._seen = index

    def _owns(self, found: attribution.Found, q: Quantity) -> bool:
        """Whether the figure is the owner of its cue's source ("sulla base dei racconti dei 104 sopravvissuti",
        "the accounts of 104 survivors") or is it ("5,000 people reported symptoms"): who reports, not what is."""
        if found.span.start >= q.span.end and not self.text[q.span.end:found.span.start].strip():
            return True   # the source starts right after the figure: its own noun
        gap = self.text[found.span.end:q.span.start]
        return found.span.end <= q.span.start and not found.gapped \
            and low(gap.strip()) in attribution.grammar(self.pack).report_of   # not "…, il ministero del 12%"

    def _flush(self) -> None:
        """Let the carry see the queued sentences, in order."""
        for k in self._pending:
            span = Span(self.starts[k], self.ends[k])
            self._carry.see(self._paragraphs[k], attribution.stated(self.text, span, lang=self.pack, sources=self.src))
        self._pending.clear()

    def _credit(self, s: sentences.Held, toks: Tokens, cues: attribution.Governors, q: Quantity,
                memo: dict[str, object], mood: str) -> attribution.Found | None:
        """The cue that credits the figure ``q`` (of modality ``mood``): its sentence's, the next one's credit,
        else the paragraph's carried source, unless it does not reach ``q`` (``uncarried``) or ``q`` is narrated."""
        found = cues.governing(q.span, self.text)
        if found is not None and self._owns(found, q) and (found := cues.before(found.cue_span.start)) is None:
            return None  # else who reports the owners' accounts ("Le autorità ritengono …, sulla base dei …")
        if found is None and "later" not in memo:  # the next sentence's opener, read once a sentence
            following = self._following(s)
            memo["later"] = [] if following is None else attribution.opener_cues(
                self.text, following, lang=self.pack, sources=self.src, scanned=self._scans.get(
                    (following.start, following.end))) or attribution.quoted_by(  # the quote the next one closes
                self.text, s.span, following, lang=self.pack, sources=self.src)
        if found is None:
            later = memo["later"]
            found = later[0] if later else None  # type: ignore[index]  # memo holds a list of cues under "later"
        if found is None and s.index >= 0 and (self._pending or self._carry.current() is not None) \
                and not attribution.uncarried(toks, q.span, q.kind, mood):  # "Il paziente 1, 38 anni, è grave"
            if "narrated" not in memo:  # where the sentence narrates an action of its own
                memo["narrated"] = attribution.narrates(toks, attribution.grammar(self.pack))
            if q.span.start < memo["narrated"]:  # type: ignore[operator]  # memo holds an offset there
                self._flush()
                found = self._carry.current()
        if found is not None and self._pending and self._carry.needs_previous(found):
            self._flush()
        found = self._carry.resolve(found)
        return None if found is None or found.impersonal else found


def _attribution(doc: Document, found: attribution.Found | None) -> Attribution | None:
    return None if found is None else Attribution(found.source, found.canonical, found.cue, doc.to_body(found.span),
                                                  found.via)
