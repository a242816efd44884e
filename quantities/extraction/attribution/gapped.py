"""A source whose reporting verb is left out: "La Cgt ha contato 800mila manifestanti, la
prefettura 119mila", "Police put the crowd at 20,000, organisers at 100,000". The second source
reports with the first one's verb; without this reading its figure went to the first source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from quantities.extraction.attribution.cues import ASIDE_ENDS, place_alone
from quantities.extraction.attribution.grammar import Found, Grammar, grammar
from quantities.extraction.attribution.phrases import _make, _phrase, _skip, _source_like
from quantities.lang import Pack
from quantities.lang.places import Places
from quantities.lang.sources import Sources
from quantities.text.tokens import Tokens

#: The most words after the gapped figure before its clause ends ("119mila.", "3.5 million.").
TAIL = 3
#: The marks before a gapped source ("…; la prefettura 119mila").
_JOINS = frozenset(",;")


def gapped(text: str, toks: Tokens, found: list[Found], *, lang: str | Pack = "it",
           sources: Sources | None = None) -> list[Found]:
    """``found`` (a sentence's cues, whose tokens are ``toks``) with the sources of the clauses
    that leave out the verb of a report before them: after the report's figure, a comma, a
    semicolon or a clause word (``[attribution] clause_words``), a phrase that names one who
    reports (a known source or a source noun; not a name, an acronym, nor a known place: "… e la
    Lombardia 120" is where, read by the scope), then, past a hedge or a link (``[attribution]
    gapped_links``: "at"), a figure in digits that ends its clause within :data:`TAIL` words.

    >>> from quantities.extraction.attribution import scan
    >>> from quantities.text.tokens import tokens
    >>> from quantities.types import Span
    >>> s = "La Cgt ha contato 800mila manifestanti, la prefettura 119mila."
    >>> [(f.source, f.cue) for f in gapped(s, tokens(s), scan(s, Span(0, len(s))))]
    [('Cgt', 'ha contato'), ('prefettura', 'ha contato')]
    """
    g = grammar(lang)
    reports = [i for i, f in enumerate(found) if f.reach == "after" and not (f.impersonal or f.unsaid)]
    if not reports:
        return found
    src = sources or Sources.default()
    out = list(found)
    for i in reversed(reports):   # each report up to the next cue: "X ha contato …, Y …"
        until = toks.index(found[i + 1].cue_span.start) if i + 1 < len(found) else len(toks.lows)
        out[i + 1:i + 1] = _clauses(text, toks, found[i], until, g, src)
    return out


def _clauses(text: str, toks: Tokens, report: Found, until: int, g: Grammar, src: Sources) -> list[Found]:
    lows, texts = toks.lows, toks.texts
    out: list[Found] = []
    figure = False
    for k in range(toks.index(report.cue_span.end), until):
        if texts[k] == ":":
            break
        figure = figure or texts[k][0].isdigit()
        if not figure or not (texts[k] in _JOINS or lows[k] in g.clause_words):
            continue
        j = k + 1
        while j < until and lows[j] in g.clause_words:   # ", mentre la prefettura"
            j += 1
        np = _phrase(toks, j, g, until=until)
        if np is None or not _source_like(text, toks, np, g, src) or place_alone(toks, np, g):
            continue   # a known source or a source noun; not "…, Michetti 480mila", "…, il PD 5,3 milioni"
        at = _skip(lows, np[1], g.gapped_links)
        at += at + 1 < until and lows[at] in g.articles and texts[at + 1][0].isdigit()   # "…, il ministero il 6%"
        if at < until and texts[at][0].isdigit() and _ends(toks, at, g):
            more = _make(text, toks, np, toks.span(*np), "after", g, src)
            if more is not None:
                out.append(replace(more, cue=report.cue, gapped=True))
                figure = False   # a third clause needs a figure of its own before it
    return out


def scope_of(found: Found, text: str, before: list[str | None], after: str, *, lang: str | Pack = "it") -> str | None:
    """The scope of the figure of a gapped clause that names no place of its own: a known place
    its source's phrase names ("…, la prefettura di Parigi 119mila", "la Regione Veneto 800"; none
    in a source the table knows whole, "the New York Times 60,000", "la Banca d'Italia"; none for a
    name it does not know, "l'Asl della Vallecamonica"), else, when nothing but a mark follows the figure's
    words (``after``), the one scope all the figures before it in its sentence share ("A Parigi la
    Cgt ha contato 800mila manifestanti, la prefettura 119mila"; none when they differ: "…, di cui
    119mila a Parigi, la Cgt 3,5 milioni")."""
    places = Places.default()
    names = [] if found.canonical is not None else list(_names(found.span.of(text), grammar(lang).of))
    if names or after.lstrip()[:1].isalnum():   # "l'Asl della Vallecamonica 300": a place of its own, known or not
        return next((n for n in names if places.known(n)), None)
    scopes = set(before)
    return scopes.pop() if len(scopes) == 1 else None


def _names(phrase: str, of: frozenset[str]) -> Iterator[str]:
    """The runs of up to three capitalised words of a phrase past its first word, an elided "of"
    word cut off ("prefettura di Parigi" -> "Parigi"; "Regione Veneto" -> "Veneto"; "Asl di Bergamo")."""
    words = phrase.split()
    for i in range(1, len(words)):
        elided, mark, rest = words[i].rpartition("'")
        if mark and (elided + mark).casefold() in of:   # "dell'Emilia"
            words[i] = rest
        k = i
        while k < min(len(words), i + 3) and words[k][:1].isupper():
            k += 1
            yield " ".join(words[i:k])


def _ends(toks: Tokens, k: int, g: Grammar) -> bool:
    """Whether the figure at ``toks[k]`` ends its clause within :data:`TAIL` words or signs after
    it ("119mila.", "3.5 million.", "il 6%."), before any other figure or a preposition (a place
    or a time of its own: "…, la Cgil 100mila in tutta Italia" is not read as gapped, its scope
    unknown)."""
    texts = toks.texts
    for m in range(k + 1, min(len(texts), k + 2 + TAIL)):
        if texts[m] in ASIDE_ENDS:
            return True
        if texts[m][0].isdigit() or toks.lows[m] in g.prepositions:
            return False
    return len(texts) <= k + 1 + TAIL
