"""The counted noun before the figure: the subject of a copula ("i feriti sono 2.700"), the
noun "di" links to the figure ("una donna di 31 anni"), a gapped subject ("i dispersi 4"),
a name in apposition ("Kevin Laganà, 22 anni") or before "al" ("Lega all'8,7%").

Each function gets the tokens before the figure (``left``) and an index in them."""

from __future__ import annotations

from quantities.extraction.nouns.grammar import Grammar, NounPhrase
from quantities.lang.places import Places
from quantities.text.tokens import OPEN_QUOTES, Tokens, surface
from quantities.types import Span


def linked_before(text: str, left: Tokens, g: Grammar) -> NounPhrase | None:
    """The noun that "di" links to a figure with a unit ("una profondità di 8 km"), if any."""
    k = len(left.lows)
    while k > 0 and len(left.lows) - k < 2 and left.lows[k - 1] in g.fillers:
        k -= 1
    if k == 0 or left.lows[k - 1] not in g.of_before or _copula(left, k - 1, g):
        return None
    return _before(text, left, k - 1, g)


def standing_for(text: str, left: Tokens, antecedent: NounPhrase | None, g: Grammar) -> NounPhrase | None:
    """A demonstrative pronoun with qualifiers of its own that "di" links to a figure ("la
    superficie boscata è di 693 ettari, quella non boscata di 3.000 ettari"): it stands for
    the head of the parallel phrase before it, the antecedent's, with its own qualifiers
    ("superficie non boscata")."""
    k = len(left.lows)
    if antecedent is None or k < 3 or left.lows[k - 1] not in g.of_before:
        return None
    start = k - 1
    while start > 0 and k - 1 - start < g.max_adjectives and left.lows[start - 1] not in g.demonstratives:
        start -= 1
    if start == 0 or start == k - 1 or left.lows[start - 1] not in g.demonstratives:
        return None
    j = start
    while j < k - 1 and (step := g.qualifier(left[:k - 1], j)):
        j += step
    if j != k - 1:
        return None
    span = left.span(start, k - 1)
    return NounPhrase(f"{antecedent.head} {surface(span.of(text))}", antecedent.head, left.span(start - 1, k - 1))


def verb_named(left: Tokens, g: Grammar) -> NounPhrase | None:
    """The noun that the verb before the figure names by itself ("ha votato il 50,80%" ->
    "affluenza"; ``[nouns.copula_nouns]``), whatever the figure is of."""
    k = len(left.lows)
    while k > 0 and len(left.lows) - k < 2 and left.lows[k - 1] in g.fillers:
        k -= 1
    copula = _copula(left, k, g)
    named = g.copula_nouns.get(" ".join(left.lows[k - copula:k])) if copula else None
    return NounPhrase(named, named, None) if named else None


def _past_aside(left: Tokens, k: int) -> int:
    """``k``, or where an aside between commas that ends at ``left[k - 1]`` starts."""
    if k < 2 or left.lows[k - 1] != ",":
        return k
    for j in range(k - 2, max(0, k - ASIDE) - 1, -1):
        if left.lows[j] == ",":
            return j
    return k


#: The longest aside between commas looked past, in tokens.
ASIDE = 12


def compared(lows: list[str], g: Grammar) -> bool:
    """The figure is the term of a comparison ("contro il 63,67%", "rispetto ai 630", "up
    from 8%"): it measures what the figure before it measures (``[nouns] compared``).
    ``lows`` are the folded words before the figure."""
    k = len(lows)
    while k > 0 and len(lows) - k < 2 and (lows[k - 1] in g.articles or lows[k - 1] in g.fillers):
        k -= 1
    return k > 0 and any(tuple(lows[max(0, k - len(c)):k]) == c for c in g.compared.get(lows[k - 1], ()))


def noun_before(text: str, left: Tokens, g: Grammar, unit_bearing: bool, aside: bool,
                valued: frozenset[str] = frozenset(), opened: bool = False) -> NounPhrase | None:
    """The counted noun before the figure, given the tokens before it: the subject of a
    copula ("i feriti sono 2.700", "l'affluenza è del 19%"), the noun a "di" links to the
    figure ("una donna di 31 anni", "profondità di 8 chilometri"), a name before "al"
    ("Lega all'8,7%", for figures with a unit), a gapped subject ("i dispersi 4") or a
    name or, for a figure with a unit, a noun in apposition ("Kevin Laganà, 22 anni", "Meloni,
    45,", "la quota di sovvenzioni, 144 milioni di euro"); ``aside`` tells that a comma
    closes the figure, as it closes an apposition; ``valued`` the words that may link the figure
    to the noun it is the value of ("la quarta rata, da 16,5 miliardi", "danni per 200 milioni"); ``opened`` that the
    figure opens with its copula ("i danni superano i 5 miliardi": the hedge took the verb).
    A clause that a colon closes may name what the figure after it counts ("il numero degli
    sfollati: sono 632", "ha approvato il decreto: oltre 2 miliardi di euro")."""
    lows = left.lows
    k = len(lows) - (len(lows) > 1 and lows[-1] in OPEN_QUOTES)  # "il taglio costa «quasi 11 miliardi»"
    if opened:  # past an aside: "I debiti, secondo l'istanza di Invitalia, superano i 3 miliardi"; "…, che"
        return _subject(text, left, k, g) or _name(text, left, k, g, least=1, opening=True) or (
            _subject(text, left, past, g) if (past := _past_aside(left, k)) < k else None) or (
            _relative(text, left, k, g))
    while k > 0 and len(lows) - k < 2 and lows[k - 1] in g.fillers and not _copula(left, k, g):
        k -= 1  # not the filler that ends a copula: "the toll stood at 43"
    if k > 1 and lows[k - 1] in g.change_from and _copula(left, k - 1, g):  # "scenderà dal 20 al 19%"
        k -= 1
    if k > 1 and lows[k - 1] in g.elliptic_before and lows[k - 2] in valued:  # "debito per altri 72 miliardi"
        k -= 1
    if (whole := _copula(left, k, g)) and (named := g.copula_nouns.get(" ".join(lows[k - whole:k]))):
        return NounPhrase(named, named, None)  # "la partecipazione è scesa di circa 16 punti"
    last = lows[k - 1] if k else ""
    linked = last in valued or (not whole and (last in g.of_before or (unit_bearing and last in g.at_before)))
    at = k - 1 if linked else k
    copula = _copula(left, at, g) if linked else whole  # "the deficit stood at 4.3%": the copula holds its "at"
    if not copula and last == "," and (past := _past_aside(left, at)) < at and _copula(left, past, g):
        at, copula = past, _copula(left, past, g)  # "costerà, secondo il Tesoro, 60 miliardi"
    if not copula and k < len(lows) and lows[-1] in valued:  # "stima il costo dei tagli in 45 miliardi"
        found = _before(text, left, len(lows) - 1, g, valued=True, headed=True)  # (its link a filler too)
        if found is not None and found.span is not None and not g.is_adjective(left, left.index(found.span.start)):
            return found  # not "i danni sono stimati in 2 miliardi": a participle
    if copula:  # "i feriti sono 2.700"; "Lega e Forza Italia restano sotto il 10%"; "siamo 100mila"
        found = _subject(text, left, at - copula, g) or _name(text, left, at - copula, g, least=1, opening=True)
        if found is None and (past := _past_aside(left, at - copula)) < at - copula:  # "Il capitolo, …, si attesta a"
            found = _subject(text, left, past, g)
        if found is None and at - copula > 0 and lows[at - copula - 1] in g.colons:  # "degli sfollati: sono 632"
            found = _before_colon(text, left, at - copula - 1, g)
        if found is None:  # "Il rendimento, che aveva superato il 5%"; "un fatturato che è di 6 miliardi"
            found = _relative(text, left, at - copula, g)
        named = g.copula_nouns.get(" ".join(lows[at - copula:at]))
        return NounPhrase(named, named, None) if named else found
    if linked:
        return _before(text, left, k - 1, g, valued=last in valued, headed=last not in g.of_before)
    listed = _listed(left, k, g)
    if listed < k:  # "due ragazzi di 12 e 13 anni", "i fratelli Monti di 15, 11 e 6 anni"
        return _before(text, left, listed - 1, g) if listed and lows[listed - 1] in g.of_before else None
    if last in g.colons:  # "ha approvato il decreto per l'Emilia-Romagna: oltre 2 miliardi di euro"
        return None if (found := _before_colon(text, left, k - 1, g)) is not None and _spoken(left, found, g) else found
    if last == ",":  # apposition: "Kevin Laganà, 22 anni", "gli sfollati del centro, una quarantina"
        if unit_bearing:  # not the object of a preposition: "sulle colline, la metà di quanto piove"
            found = _before(text, left, k, g)
            at = left.index(found.span.start) if found is not None and found.span is not None else 0
            bare = at and left.lows[at - 1] in g.prepositions and left.lows[at - 1] not in g.of
            return None if bare else found
        return _name(text, left, k - 1, g, least=1 if aside else 2) or _subject(text, left, k - 1, g, article=True)
    if unit_bearing and k and left.texts[k - 1][:1].isupper():  # "dà Fratelli d'Italia tra il 22 e il 26%"
        return _name(text, left, k, g, least=1)
    return _gapped(text, left, k, g)


def partitive(text: str, left: Tokens, g: Grammar) -> NounPhrase | None:
    """The noun of a plural partitive that opens the clause and a comma closes ("Dei contagiati,",
    "Tra i feriti,", "Of the injured,": ``[scope] fronted_partitives``): the whole of the figure."""
    end, lows = len(left.lows) - 1, left.lows
    start = _run_start(left, end, g) if end > 0 and lows[end] == "," else 0
    at = next((start - len(m) for m in g.fronted_partitives
               if start >= len(m) and tuple(lows[start - len(m):start]) == m), -1)
    if start in (0, end) or at < 0 or (at and left.texts[at - 1][:1].isalnum()):
        return None   # not the clause's opening: "le case dei contagiati, 27"; no singular: "Del resto,"
    return NounPhrase(surface(left.span(start, end).of(text)), left.texts[end - 1 if g.head_last else start],
                      left.span(start, end))


def _spoken(left: Tokens, found: NounPhrase, g: Grammar) -> bool:
    """Whether the phrase ``found`` is the speaker a speech participle puts after it ("ha
    spiegato il capo della Protezione civile Guido Bertolaso: 17mila nelle tendopoli")."""
    if found.span is None:
        return False
    at = left.index(found.span.start)
    at -= _opener(left, at, g)
    return at > 0 and left.lows[at - 1] in g.spoken


def _gapped(text: str, left: Tokens, k: int, g: Grammar) -> NounPhrase | None:
    """The subject of a figure whose verb is left out, in a list: "i morti sono 11, i
    dispersi 4" (an article after a comma or a coordinator opens the phrase)."""
    found = _subject(text, left, k, g, article=True)
    if found is None or found.span is None:
        return found
    at = left.index(found.span.start)
    ends = k > 0 and found.span.end == left.ends[k - 1]  # not "i roghi degli ultimi due giorni"
    return found if ends and at > 1 and (left.lows[at - 2] in g.conj or left.lows[at - 2] in (",", ";")) else None


def _before_colon(text: str, left: Tokens, colon: int, g: Grammar) -> NounPhrase | None:
    """The subject of the clause a colon at ``left[colon]`` closes, or the antecedent of the relative
    in it ("le persone che hanno dato l'ultimo saluto a papa Francesco: 250mila …": "persone")."""
    rel = next((r for r in range(colon - 1, max(0, colon - ASIDE), -1) if (left.lows[r],) in g.relatives), 0)
    return (_subject(text, left, rel, g) if rel else None) or _subject(text, left, colon, g)


def _relative(text: str, left: Tokens, k: int, g: Grammar) -> NounPhrase | None:
    """The antecedent of the relative pronoun that ends at ``left[k - 1]``, the subject of its clause:
    the clause's subject before a comma ("Il rendimento del titolo, che aveva superato il 5%"), or
    the noun phrase right before the pronoun when a preposition opens it, with or without an article
    ("con un fatturato che sfiora i 6 miliardi", "della vincita che supera i 500 euro"; not a clause's
    subject or verb before a conjunction: "il governo teme che siano 300", "Pare che siano 9")."""
    for rel in g.relatives:
        n = len(rel)
        if k > n and tuple(left.lows[k - n:k]) == rel:
            if left.lows[k - n - 1] == ",":
                return _subject(text, left, k - n - 1, g)
            start = _run_start(left, k - n, g)
            at = start - (start > 1 and (left.lows[start - 1] in g.articles or left.lows[start - 1] in g.indefinites))
            linked = at > 0 and (left.lows[at - 1] in g.prepositions or left.lows[at - 1] in g.of)
            return _before(text, left, k - n, g) if linked else None
    return None


def _listed(left: Tokens, k: int, g: Grammar) -> int:
    """Where a list of figures that ends before ``left[k]`` starts ("di 15, 11 e"), or ``k``."""
    j = k
    while j > 1 and (left.lows[j - 1] in g.conj or left.lows[j - 1] == ",") and left.texts[j - 2][0].isdigit():
        j -= 2
    return j


def _copula(left: Tokens, k: int, g: Grammar) -> int:
    """The length of the copula that ends at ``left[k - 1]``, or 0."""
    lows = left.lows
    for cop in g.copulas.get(lows[k - 1], ()) if k > 0 else ():
        if tuple(lows[max(0, k - len(cop)):k]) == cop:
            return len(cop)
    return 0


def _before(text: str, left: Tokens, end: int, g: Grammar, valued: bool = False,
            headed: bool = False) -> NounPhrase | None:
    """The name or the noun phrase that ends at ``left[end - 1]`` (or before a comma there:
    "la quarta rata, da 16,5 miliardi"), no article needed. With ``valued`` (the figure is
    its worth: "danni per 200 milioni"), a bare phrase (no article) with the head first starts at
    its last word that is no qualifier: the words before it are the verb whose object it is
    ("tiene ferme merci per 9,6 miliardi" -> "merci"; "le risorse passano da 191,5" keeps its
    run, which the article opens). With ``headed`` (the figure's link word, "al", "da", attaches it
    to a head noun), a phrase that is the object of a preposition stands for the noun it complements
    (:func:`_complemented`: "l'imposta sulle società al 25%", "i tassi di mezzo punto, al 2,25%")."""
    end -= end > 0 and left.lows[end - 1] == ","
    found = _name(text, left, end, g, least=1)
    if found is not None and found.span is not None:
        k = left.index(found.span.start)
        if k and left.texts[k - 1].islower() and g.can_head(left, k - 1, lowercase=True):  # "i fratelli Monti"
            span = Span(left.starts[k - 1], found.span.end)
            return NounPhrase(surface(span.of(text)), left.texts[k - 1], span)
        return found
    start = _run_start(left, end, g)
    while start < end and not g.can_head(left, start, lowercase=True):
        start += 1
    if start == end:
        return None
    if end - start == 1 and start > 1 and left.lows[start] in g.materials and left.lows[start - 1] in g.of \
            and g.can_head(left, start - 2, lowercase=True):
        start -= 2   # "un albero di alluminio di 75 metri": the mast, made of it
    if valued and not g.head_last and not _opener(left, start, g):  # "tiene ferme merci per 9,6 miliardi"
        start = max((j for j in range(start, end) if not g.is_adjective(left, j) and g.can_head(left, j, True)),
                    default=start)
    head = end - 1 if g.head_last else start
    if headed and start and left.lows[start - 1] in g.prepositions:
        start, head = _complemented(left, start - 1, end, g)
        if start < 0:
            return None
    if headed and left.lows[head].endswith(g.infinitive_endings) and not _opener(left, start, g):
        return None  # a bare infinitive, the verb the figure is the goal of: "potrebbe salire al 5%"
    span = left.span(start, end)
    return NounPhrase(surface(span.of(text)), left.texts[head], span)


def _complemented(left: Tokens, at: int, end: int, g: Grammar) -> tuple[int, int]:
    """Where the noun phrase starts whose complement is the preposition at ``left[at]`` and
    the words after it up to ``left[end]``, and its head: the common noun before the preposition
    ("l'imposta sulle società", "dell'imposta sulle società", "i tassi di mezzo punto"), past the
    bare "di" of a compound ("titoli di Stato a lungo termine"); (-1, -1) when none stands there
    (a verb's complement), when a name is the noun, or when the phrase would pass ``[nouns] max_words``."""
    while end - at <= g.max_words:
        start = _run_start(left, at, g)
        if start == at or not left.texts[start].islower() or not g.can_head(left, start, lowercase=True):
            return -1, -1
        before = left.lows[start - 1] if start else ""
        if before in g.prepositions and before in g.compound_links:  # "titoli di Stato": a compound, go on
            at = start - 1
            continue
        return (start, at - 1 if g.head_last else start) if end - start <= g.max_words else (-1, -1)
    return -1, -1


def _name(text: str, left: Tokens, end: int, g: Grammar, least: int, opening: bool = False) -> NounPhrase | None:
    """A run of capitalised words that ends at ``left[end - 1]`` ("Kevin Laganà", "Fratelli
    d'Italia"), of ``least`` capitalised words or more, that is not the object of a
    preposition ("secondo Reuters", "per la Camera"); with ``opening``, only one that opens
    its clause (after punctuation or a coordinator: not "le case di via Fillak")."""
    start, caps = end, 0
    while start > 0 and end - start < g.max_words:
        word = left.texts[start - 1]
        if word[:1].isupper() and word[0].isalpha() and left.lows[start - 1] not in g.function:
            caps += 1
        elif not (left.lows[start - 1] in g.name_links and start < end and caps) and not g.particle(left, start - 1):
            break
        start -= 1
    while start < end and not left.texts[start][:1].isupper():
        start += 1
    at = start - (start > 0 and left.lows[start - 1] in g.articles)  # "per la Camera"
    if at and left.lows[at - 1] in g.prepositions and end - start > 2 and caps > least \
            and left.lows[start + 1] not in g.place_qualifiers and Places.default().known(left.texts[start]):
        at = start = start + 1 + (left.lows[start + 1] in g.articles)  # "A Torino Stefano Lo Russo ha
        caps -= 1   # battuto": a fronted place, then the name (past an article: "A Roma La Lega ha preso")
    if caps < least or start == end or (at and left.lows[at - 1] in g.prepositions):
        return None
    if opening and at and left.texts[at - 1][:1].isalnum() and left.lows[at - 1] not in g.conj \
            and left.lows[at - 1] not in g.subordinators:
        return None
    span = left.span(start, end)
    return NounPhrase(surface(span.of(text)), left.texts[end - 1 if g.head_last else start], span)


#: A dateline's dash: the subject after it opens its sentence ("ROME, Sept 29 - Electricity prices").
DASHES = frozenset("-–—")


def _subject(text: str, left: Tokens, end: int, g: Grammar, article: bool = False) -> NounPhrase | None:
    """The noun phrase that ends at ``left[end]``, after an article (or opening, past a dateline's dash,
    unless ``article``); a phrase after a preposition is a complement, looked past ("l'affluenza per
    la Camera è del 19%"; "secondo la questura erano 10mila" has none; so is a date or a year, "il 14
    giugno", "per il 2024"); through a transparent head to what it counts ("il numero dei morti")."""
    inner: NounPhrase | None = None
    for _ in range(6):  # skip complements: "i soldati nordcoreani in Russia sono"
        start = _run_start(left, end, g)
        lead = start - (start > 1 and left.lows[start - 1] in g.article_possessives)  # "dalle loro case"
        before = left.lows[lead - 1] if lead else ""
        opens = _opener(left, start, g)  # "le", "alcuni compagni di viaggio, forse tre", "Italy's"
        if start < end and (((start == 0 or left.lows[start - 1] in DASHES) and not article) or opens) \
                and g.can_head(left, start):   # "ROME, Sept 29 - Electricity prices will rise by 59%"
            pre = start - opens - 1
            if pre < 0 or left.lows[pre] not in g.prepositions:
                span = left.span(start, end)
                found = NounPhrase(surface(span.of(text)), left.texts[start], span)
                through = inner is not None and inner.head.islower() and found.head.casefold() in g.transparent
                if inner is not None and inner.span is not None and found.head.casefold() in g.kept_heads:
                    span = Span(span.start, inner.span.end)   # "il tasso di disoccupazione": a rate of what
                    return NounPhrase(surface(span.of(text)), found.head, span)
                return inner if through else found  # not a name: "il dato del Viminale"
            if article and left.lows[pre] not in g.of:  # "The evacuees of the old town, about forty"
                return None
            end = pre
            continue
        if (dated := _dated(left, end, g)) < end:  # "il deficit per il 2024 è al 4,3%", "naufragato il 14 giugno"
            end = dated
            continue
        if start < end and start > 1 and before in g.conj and left.texts[start][:1].isupper() \
                and (first := _run_start(left, start - 1, g)) > 0 and left.lows[first - 1] in g.prepositions:
            end = start - 1   # names coordinated in one complement: "in Turkey and Syria", "in Turchia e Siria"
            continue
        if start == end or before in g.articles or lead < 2 or (before not in g.prepositions and before not in g.of) \
                or (article and before not in g.of):  # "gli sfollati del centro storico, una quarantina"
            return None
        if g.can_head(left, start) and before in g.of:
            span = left.span(start, end)
            inner = NounPhrase(surface(span.of(text)), left.texts[start], span)
        end = lead - 1
    return None


def _dated(left: Tokens, end: int, g: Grammar) -> int:
    """Where a complement of a date or a year that ends at ``left[end - 1]`` starts, at its
    article or preposition ("il 14 giugno", "per il 2024", "del 2024", "for 2024"); else ``end``."""
    lows, texts, k = left.lows, left.texts, end - 1
    if k > 0 and lows[k] in g.time_words and texts[k - 1][:1].isdigit():
        k -= 1  # "14 giugno": the day
    elif not (k > 0 and len(texts[k]) == 4 and texts[k].isdigit()):
        return end
    j = k - (k > 0 and lows[k - 1] in g.articles)
    j -= j > 0 and (lows[j - 1] in g.prepositions or lows[j - 1] in g.of)
    if j == k and len(texts[k]) == 4 and texts[k - 1].isalpha() and texts[k - 1].islower():
        return k  # a year right after its noun: "il deficit 2023 è salito al 7,2%"
    return j if j < k else end

def _opener(left: Tokens, start: int, g: Grammar) -> int:
    """How many tokens before ``left[start]`` open its noun phrase: an article or a
    quantifier (1), an article and a possessive ("il loro", 2), a possessor ("Italy's": the name and the
    possessive ending, 2; "last week's", 3), else 0."""
    before = left.lows[start - 1] if start else ""
    if before in g.articles or before in g.determiners:
        return 1
    if before in g.article_possessives and start > 1 and left.lows[start - 2] in g.articles:
        return 2   # "il loro soggiorno"
    if not (start > 1 and before in g.possessives and left.lows[start - 2].endswith(("'", "’"))):
        return 0
    third = left.lows[start - 3] if start > 2 else ""   # "last week's": a possessor a function word opens
    return 3 if third in g.function and third not in g.articles and third not in g.prepositions else 2


def _run_start(left: Tokens, end: int, g: Grammar) -> int:
    """Where the run of noun-like words that ends at ``left[end - 1]`` starts, with
    coordinators between them ("misure nuove o modificate")."""
    start = end
    while start > 0 and end - start <= g.max_adjectives + 1:
        noun_like = g.noun_like(left, start - 1)
        joined = (left.lows[start - 1] in g.conj and 1 < start < end and g.can_head(left, start - 2, True)) \
            or (left.lows[start - 1] in g.inner_adverbs and start < end and g.is_adjective(left, start))
        if not (noun_like or joined):
            break
        start -= 1
    while start < end and left.lows[start] in g.conj:
        start += 1
    return start
