"""Claims: what each figure counts, who says so, and whether it happened.

:func:`extract` runs the steps before it (sentences, numbers) and assembles, for every
figure of a claim kind, a :class:`~quantities.types.Claim`:

- the counted noun (:mod:`quantities.extraction.nouns`) and its lexicon concept;
- the attribution (:mod:`quantities.extraction.attribution`), canonicalised with the source table;
- the modality (:mod:`quantities.extraction.modality`).

Spans of a Claim (``span``, ``sentence``, ``quantity.span``, ``attribution.span``) are
body spans (``Document.text``); ``text`` and ``context`` are slices of the analysed text
(markup stripped), so "**5.000** operai" in Markdown reads "5.000 operai", and in a
document without markup ``text == Document.text[span.start:span.end]`` exactly. ``text`` is the surface
of the claim: the figure with its hedge and unit, and the counted noun when it follows
the figure ("circa 15mila soldati", "migliaia di truppe"); a noun found before the
figure ("i feriti sono 2.700") or reused from a previous figure ("e altri 47") is in
``noun`` but not in ``text``.

Money, measures, percentages and durations carry what they are in ``quantity.unit``; their
``noun`` is only what they are of ("1,5 milioni di euro di aiuti" -> "aiuti", "l'80% degli
elettori" -> "elettori"), never the currency or unit word, else None.

>>> [c.text for c in extract("I media russi hanno riferito che il Nord invierà 5.000 operai.")]
['5.000 operai']
>>> c = extract("Secondo Seul, il Nord ha inviato circa 15mila soldati.")[0]
>>> c.noun, c.concept, c.attribution.canonical, c.modality
('soldati', 'soldato', 'South Korea', 'reported')
"""

from __future__ import annotations

import warnings
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import NamedTuple

from quantities import lang as langs
from quantities.errors import QuantitiesWarning
from quantities.extraction import attribution, modality, nouns, sentences
from quantities.extraction.numbers import reader as numbers
from quantities.lang import Pack
from quantities.lang.lexicon import Lexicon
from quantities.lang.sources import Sources
from quantities.text.tokens import Tokens, tokens
from quantities.types import Attribution, Claim, Document, Quantity, Span

#: Kinds whose figure carries its unit: they count only what follows "di".
UNIT_KINDS = frozenset({"money", "measure", "percent", "duration", "age"})


def extract(source: str | Document | Iterable[Document], *, lang: str | Pack | None = None,
            sources: Sources | None = None, lexicon: Lexicon | None = None) -> list[Claim]:
    """Claims of a text or of documents, in document order.

    A str is one plain-text document (id ``"<text>"``, read as given: no front matter
    or markup; use :func:`quantities.ingest.documents.from_text` for those). Only claim kinds (``q.is_claim``) become
    Claims. A document whose language has no pack is skipped with a
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
            warnings.warn(f"{doc.id}: no language pack for {pack!r}; document skipped",
                          QuantitiesWarning, stacklevel=2)
            continue
        out += extract_document(doc, lang=pack, sources=sources, lexicon=lexicon)
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
                     lexicon: Lexicon | None = None) -> list[Claim]:
    """The claims of one document (the worker behind :func:`extract` and ``--jobs``).

    >>> from quantities.ingest.documents import from_text
    >>> doc = from_text("Sono morti **300** soldati, ha riferito la Kcna.", id="a.md", format="markdown")
    >>> [(c.text, c.span.of(doc.text), c.attribution.source) for c in extract_document(doc)]
    [('300 soldati', '300** soldati', 'Kcna')]
    """
    pack = langs.resolve(lang if lang is not None else doc.lang)
    text = doc.analysed
    figures = deque(q for q in numbers.find(text, pack) if q.is_claim)
    if not figures:
        return []
    starts, ends = sentences.bounds(text, pack)
    reader = _Reader(doc, text, starts, ends, pack, sources or Sources.default(), lexicon or Lexicon.load(pack.code))
    groups = _by_sentence(figures, starts, ends)
    out: list[Claim] = []
    while batch := list(islice(groups, BATCH)):
        out += reader.claims(batch)
    return out


#: How many sentences are read together, one step at a time (tokens, attribution cues,
#: modality cues, then the claims): each step's code and patterns stay warm in the
#: processor's caches. On the 5 MB benchmark corpus: 1.64 s sentence by sentence, 1.53 s
#: by 32; a few hundred at once is slower again (all their tokens no longer fit).
BATCH = 32

#: A claim's context (the words the reconciler lines claims up by) is its sentence; in a
#: sentence longer than this, the window of this many characters around the claim, cut at
#: spaces. Each claim's context then costs the same however long the sentence: a run-on
#: "sentence" of 10.000 figures (or a Markdown list without full stops) made every claim
#: carry, and the reconciler re-read, the whole of it — quadratic.
CONTEXT = 1000


class _Sentence(NamedTuple):
    #: In the document's sentences (sentences.bounds); -1 for a figure outside any.
    index: int  # type: ignore[assignment]  # a field that shadows tuple.index, on purpose
    span: Span
    figures: list[Quantity]


def _by_sentence(figures: deque[Quantity], starts: list[int], ends: list[int]) -> Iterator[_Sentence]:
    """The figures grouped by the sentence that holds them (a figure outside any is its own),
    taken off ``figures`` as they are grouped: a figure of a long document is let go once
    its claim is made (thousands kept to the end made the garbage collector's full passes
    longer)."""
    current: tuple[int, int, int] | None = None  # index, start, end
    group: list[Quantity] = []
    while figures:
        q = figures.popleft()
        i = bisect_right(starts, q.span.start) - 1
        holder = (i, starts[i], ends[i]) if i >= 0 and q.span.end <= ends[i] else (-1, q.span.start, q.span.end)
        if current is not None and current[1:] != holder[1:]:
            yield _Sentence(current[0], Span(current[1], current[2]), group)
            group = []
        current = holder
        group.append(q)
    if current is not None:
        yield _Sentence(current[0], Span(current[1], current[2]), group)


class _Reader:
    """Turns the figures of one document into claims, a batch of sentences at a time."""

    def __init__(self, doc: Document, text: str, starts: list[int], ends: list[int], pack: Pack,
                 src: Sources, lex: Lexicon) -> None:
        self.doc, self.text, self.pack, self.src, self.lex = doc, text, pack, src, lex
        self.starts, self.ends = starts, ends  # the document's sentences

    def claims(self, batch: list[_Sentence]) -> list[Claim]:
        text, pack = self.text, self.pack
        toks = [tokens(text, s.span.start, s.span.end) for s in batch]
        cues = [attribution.scan(text, s.span, lang=pack, sources=self.src, toks=t) for s, t in zip(batch, toks)]
        moods = [modality.scan(text, s.span, lang=pack, until=s.figures[-1].span.start, toks=t)
                 for s, t in zip(batch, toks)]
        out: list[Claim] = []
        for s, t, c, m in zip(batch, toks, cues, moods):
            out += self._sentence(s, t, c, m)
        return out

    def _following(self, s: _Sentence) -> Span | None:
        i = s.index + 1
        return Span(self.starts[i], self.ends[i]) if 0 < i < len(self.starts) else None

    def _sentence(self, s: _Sentence, toks: Tokens, cues: list[attribution.Found],
                  moods: modality.Scanned) -> list[Claim]:
        doc, text, pack, sentence = self.doc, self.text, self.pack, s.span
        later: list[attribution.Found] | None = None
        said = sentence.of(text)
        body_sentence = doc.to_body(sentence)
        antecedent: nouns.NounPhrase | None = None
        out = []
        for q in s.figures:
            unit_bearing = q.unit is not None or q.kind in UNIT_KINDS
            noun = nouns.counted(text, q.span, lang=pack, unit_bearing=unit_bearing,
                                 antecedent=antecedent if q.kind == "count" else None, toks=toks)
            if noun is not None and q.kind == "count":
                antecedent = noun
            end = q.span.end
            if noun is not None and noun.span is not None and noun.span.start >= q.span.end:
                end = noun.span.end
            stated = q if doc.offsets is None else q.at(doc.to_body(q.span))
            found = attribution.choose(cues, q.span)
            if found is None and (following := self._following(s)) is not None:
                if later is None:
                    later = attribution.opener_cues(text, following, lang=pack, sources=self.src)
                found = attribution.choose([], q.span, later)
            out.append(Claim(
                doc=doc.id,
                span=stated.span if end == q.span.end else doc.to_body(Span(q.span.start, end)),
                text=text[q.span.start:end],
                quantity=stated,
                noun=noun.text if noun else None,
                concept=self.lex.concept(noun.text) if noun else None,
                attribution=_attribution(doc, found),
                modality=modality.governing(moods, sentence, q.span, hedge=q.hedge, lang=pack),
                sentence=body_sentence,
                context=said if len(said) <= CONTEXT else _window(text, sentence, q.span),
                date=doc.date,
            ))
        return out


def _window(text: str, sentence: Span, figure: Span) -> str:
    """About :data:`CONTEXT` characters of ``sentence`` around ``figure``, cut at spaces.

    >>> _window("a " * 1000 + "5 soldati " + "b " * 1000, Span(0, 4010), Span(2000, 2001))[:6]
    'a a a '
    >>> len(_window("a " * 1000 + "5 soldati " + "b " * 1000, Span(0, 4010), Span(2000, 2001))) <= CONTEXT
    True
    """
    middle = (figure.start + figure.end) // 2
    start = max(sentence.start, min(middle - CONTEXT // 2, sentence.end - CONTEXT))
    end = min(sentence.end, start + CONTEXT)
    if start > sentence.start:
        cut = text.find(" ", start, end)
        start = cut + 1 if cut >= 0 else start
    if end < sentence.end:
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    return text[start:end]


def _attribution(doc: Document, found: attribution.Found | None) -> Attribution | None:
    if found is None:
        return None
    return Attribution(found.source, found.canonical, found.cue, doc.to_body(found.span), found.via)
