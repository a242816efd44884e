"""The words of a claim's clause around its figure, and what they name.

A figure without a counted noun is keyed by a word of its clause: the known word that
names what it measures ("profondità di 8 km", "Salgono dal 37,5% al 39,5% i fondi"), else
the word that leads it ("affluenza al 51%"). A count's noun phrase may name what an unfolding
event adds to (:func:`unfolds`), a figure's clause what a thing can hold (:func:`capacity`),
the stricken zone, named by no place (:func:`zone`), or what is added to a stock (:func:`added`).
Every window is bounded (``CUE_WINDOW`` characters), so reading a clause costs the same in a
sentence of any length.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import replace
from itertools import compress, count

from quantities import lang as langs
from quantities.cache import compiled
from quantities.lang.lexicon import Lexicon
from quantities.reconciliation import prices
from quantities.text.fold import low
from quantities.types import Claim

WORD = compiled(r"[^\W\d_][^\W\d_'’]{0,59}")
CLAUSE = compiled(r"[,;:()\[\]«»\"“”]|\s[-–—]\s")
CUE_WINDOW = 60   # characters before a figure read for cues of time
ASIDE = compiled(r"\s{0,3}\([^()\n]{0,40}\)")   # "about 72 km (45 miles) southwest of": read past it
CLOSED = compiled(r"\s{0,3}\)")   # the end of the aside the figure stands in: "(74 km) off the coast"
SHARED = 4096     # clauses and their words kept, folded, for the rules and claims that read them again


def before(c: Claim) -> str:
    """The words of the claim's clause before its figure (at most CUE_WINDOW characters)."""
    ctx = c.context
    at = ctx.find(c.text) if c.text else -1
    if at < 0:
        at = max(0, min(len(ctx), c.span.start - c.sentence.start))
    piece = ctx[max(0, at - CUE_WINDOW):at]
    cut = None
    for m in CLAUSE.finditer(piece):
        cut = m.end()
    return piece[cut:] if cut is not None else piece


def after(c: Claim) -> str:
    """The words of the claim's clause after its figure (at most CUE_WINDOW characters)."""
    return _after(c.context, c.text)


@functools.lru_cache(maxsize=SHARED)
def _after(ctx: str, text: str) -> str:
    """:func:`after` of a claim's context and text: read once, shared by every rule that
    reads the claim's clause."""
    at = ctx.find(text) if text else -1
    if at < 0:
        return ""
    piece = ctx[at + len(text):at + len(text) + CUE_WINDOW]
    m = CLAUSE.search(piece)
    return piece[:m.start()] if m else piece


@functools.lru_cache(maxsize=SHARED)
def words_of(text: str) -> tuple[str, ...]:
    """The casefolded words of ``text``: folded once, shared by every rule and every claim
    that reads the same piece of a clause."""
    return tuple([w.casefold() for w in WORD.findall(text)])


def measure(c: Claim, before: str, lex: Lexicon, measures: bool = False) -> str | None:
    """The concept a figure names: a known word after the figure in the claim ("8 km di profondità"),
    else among the last words before it ("profondità di 8 km"). With ``measures``, only a concept
    the lexicon marks as measured (``measure``), also among the first words after the claim in its
    clause, its subject put after the verb ("Salgono dal 37,5% al 39,5% i fondi"); a span of time
    reads the word after it first ("16 ore sotto le macerie": where it was spent, not "salvata dopo").
    The base of a ratio is never what a figure measures ("al 4,3% del Pil": the deficit before it),
    nor a status of people what a physical measure does ("sono caduti 491 litri": rain, not the dead)."""
    inside = _affirmed(c.text, lex)
    near = _affirmed(before, lex)[-3:]
    if measures and _of_which(before, lex.lang):   # "oltre 80 repliche, la più forte delle quali di magnitudo 5.4"
        near = (*_affirmed(_clause_before(c, before), lex)[-3:], *near)
    span = c.quantity.kind == "duration"   # "dopo 16 ore sotto le macerie": where it was spent, read first
    later = _subject_after(c, lex, span)[:1 if span and not measures else 3] if measures or span else []
    for w in [*inside, *later, *reversed(near)] if span else [*inside, *reversed(near), *later]:
        reading = lex.read(w)
        if reading is not None and reading.known and not reading.span and not lex.ratio(reading.concept) \
                and (reading.measure or not measures) and lex.measured_in(reading.shared, c.quantity.unit) \
                and not (reading.status and c.quantity.kind == "measure"):  # "sono caduti 491 litri": no dead
            return reading.shared
    return None


@functools.lru_cache(maxsize=SHARED)
def _of_which(before: str, lang: str) -> bool:
    """Whether a figure's clause opens on a partitive relative (the pack's ``[scope]
    partitive_pronouns``: "la più forte delle quali", "the strongest of which"): what it
    measures is named in the clause before."""
    if lang not in langs.available():
        return False
    folded = f" {' '.join(words_of(before))} "
    return any(f" {p} " in folded for p in _partitives(lang))


@functools.cache
def _partitives(lang: str) -> tuple[str, ...]:
    return tuple(" ".join(words_of(p)) for p in langs.load(lang).words("scope.partitive_pronouns", ()))


def _clause_before(c: Claim, before: str) -> str:
    """The clause before the one that holds ``before`` (at most CUE_WINDOW characters)."""
    at = c.context.find(c.text) if c.text else -1
    piece = c.context[max(0, at - len(before) - 1 - CUE_WINDOW):max(0, at - len(before) - 1)] if at >= 0 else ""
    cut = None
    for m in CLAUSE.finditer(piece):
        cut = m.end()
    return piece[cut:] if cut is not None else piece


@functools.lru_cache(maxsize=SHARED)
def _affirmed(text: str, lex: Lexicon) -> tuple[str, ...]:
    """The content words of ``text`` that no negation stands before ("quella non boscata":
    not the woodland), read one by one; read once for the rules and claims that read the same piece."""
    words = WORD.findall(text)
    return tuple([w for i, w in enumerate(words) if w.casefold() not in lex.stopwords
                  and not (i and lex.negation(words[i - 1]))])


def complement(c: Claim, before: str, lex: Lexicon) -> str | None:
    """The part a sum's or a measure's noun, written before its figure, is narrowed to: the
    word after one of the lexicon's ``[complement] narrows`` words right after the noun ("the
    damage to agriculture alone will cost 250 million": agriculture); None when there is none."""
    if not c.noun or c.noun.casefold() in c.text.casefold():
        return None
    noun = words_of(c.noun)
    words = words_of(before)
    ends = [k + len(noun) for k in range(len(words) - len(noun) + 1) if words[k:k + len(noun)] == noun]
    if not noun or not ends:
        return None
    j = ends[-1]
    for phrase in lex.cues.get("complement_narrows", ()):
        if words[j:j + len(phrase)] == phrase:
            rest = [w for w in words[j + len(phrase):] if w not in lex.stopwords]
            return lex.key(rest[0]) if rest else None
    return None


def _subject_after(c: Claim, lex: Lexicon, own: bool = False) -> tuple[str, ...]:
    """The first three content words after the claim in its clause, up to a conjunction
    (what follows "e" is another figure's: "magnitudo 7 e una profondità di 8 km"); with
    ``own``, also up to another figure ("In tre giorni in Sicilia 400 incendi": the window
    of the count of fires, not how long a fire lasted)."""
    text = after(c)
    return _subject(text[:_first_digit(text, len(text))] if own else text, lex)


@functools.lru_cache(maxsize=SHARED)
def _subject(text: str, lex: Lexicon) -> tuple[str, ...]:
    """The first three content words of ``text``, up to a conjunction (:func:`_subject_after`)."""
    words = []
    for w in WORD.findall(text):
        if lex.conjunction(w):
            break
        if w.casefold() not in lex.stopwords:
            words.append(w)
    return tuple(words[:3])


#: The most words between a counted noun and the relative word that narrows it.
RESTRICT_REACH = 6


def restriction(c: Claim, lex: Lexicon) -> str | None:
    """The relative clause right after a count's noun that narrows it to those of its class
    who want or ask something, no comma nor conjunction between (the pack's ``[nouns]
    restrictive`` and ``wishing``: "200 gli italiani presenti nell'area colpita che chiedono di
    essere rimpatriati": some of the Italians there), as written up to its clause's end; else
    None. A clause of what the counted did ("le persone che hanno sfilato") is the count itself."""
    pack = langs.load(lex.lang) if lex.lang in langs.available() else None
    words = pack.words("nouns.restrictive", ()) if pack is not None else ()
    wishing = set(pack.words("nouns.wishing", ())) if pack is not None else set()
    at = c.context.find(c.text) if c.text else -1
    if not words or at < 0:
        return None
    rest = c.context[at + len(c.text):at + len(c.text) + 2 * CUE_WINDOW]
    rest = rest[:m.start()] if (m := CLAUSE.search(rest)) else rest
    found = list(WORD.finditer(rest))
    for n, m in enumerate(found[:RESTRICT_REACH]):
        word = low(m.group())
        if lex.conjunction(word):
            return None
        if word in words and n + 1 < len(found):
            clause = rest[m.start():].strip().rstrip(".!?…")
            return clause if wishing & {low(w.group()) for w in found[n + 1:n + 4]} else None
    return None


def unit_led(c: Claim, lang: str) -> Claim:
    """A bare count with no noun whose clause names, before it, a unit written before its
    numbers (the pack's ``[units.before]`` words: "la magnitudo è stata invece di 6.2", "put the
    magnitude at 6.2"): a measure in that unit; else the claim as it is."""
    q = c.quantity
    if q.kind != "count" or q.unit is not None or c.noun or lang not in langs.available():
        return c
    led = _led_units(lang)
    unit = next((led[w] for w in words_of(before(c)) if w in led), None)
    return c if unit is None else replace(c, quantity=replace(q, unit=unit, kind="measure"))


@functools.cache
def _led_units(lang: str) -> dict[str, str]:
    """The ``[units.before]`` words of a pack (not its symbols), folded -> their unit."""
    table = langs.load(lang).table("units.before", {})
    return {low(k): v for k, v in table.items() if isinstance(v, str) and k.isalpha()}


def status_part(scope: str, status: str | None, lex: Lexicon) -> bool:
    """Whether a figure's part marker names the status it counts in ("tra le vittime 14
    minori", "among the dead were 14 children"): the status says it (the minors among the
    dead), no part of a whole of its own. Not a marker of a figure counted by its status
    ("tra i feriti, cinque persone": no status left beside what it counts); a place names none."""
    if status is None:
        return False
    reading = lex.read(scope)
    return reading is not None and reading.known and reading.status == status


def inherited(c: Claim, before: str) -> bool:
    """Whether the claim's noun stands neither in it nor in its clause before it: carried
    from an earlier figure ("A section of about 200 metres … plummeting some 100 metres")."""
    noun = c.noun or ""
    return bool(noun) and noun not in c.text and noun not in before


def within(c: Claim, what: str, lex: Lexicon) -> bool:
    """Whether the claim's own words, or the two right after it (its complement: "120mila
    tonnellate | di neve"), name ``what``."""
    words = [*WORD.findall(c.text), *WORD.findall(after(c))[:2]]
    return any((r := lex.read(w)) is not None and r.known and r.shared == what for w in words)


def back_then(c: Claim, before: str, lex: Lexicon) -> bool:
    """Whether the figure's clause sets it at the previous time of its event (the lexicon's
    ``[time] previous``, before or after it: "il 58,40% delle precedenti politiche", "All'epoca aveva
    votato il 50,2%"; not "Allora": also "so", "well", "next")."""
    return lex.cue("previous", f"{before} {after(c)}")


def of_yesterday(c: Claim, before: str, lex: Lexicon) -> Claim:
    """The claim dated the day before its article's when its clause sets it there (the lexicon's
    ``[time] yesterday``): opening the clause before the figure ("Ieri i morti erano 12"), or right
    after a word of telling after it ("rispetto ai 16 comunicati ieri sera": ``yesterday_told``); its
    time of day dropped (a blog's stamp is when it was told). Not a day that dates the event ("la frana
    di ieri ha causato 12 morti", "i morti del terremoto che ieri ha colpito", "dopo la scossa avvenuta ieri")."""
    if c.date is None:
        return c
    words = words_of(before)
    if not lex.cue_at("yesterday", words[:1]):
        words = words_of(after(c))
        at = lex.cue_at("yesterday", words)
        if at is None or not at[0] or not lex.cue("yesterday_told", words[at[0] - 1:at[0]]):
            return c
    return replace(c, date=c.date - dt.timedelta(days=1), when=None)


def said(c: Claim) -> bool:
    """Whether a measure's noun is written in its sentence: one its adjective names ("un vicolo
    largo 3,2 metri" -> "larghezza") says whose measure it is no more than the adjective does."""
    return c.noun is None or c.noun.casefold() in c.context.casefold()


def lead(before: str, lex: Lexicon) -> str | None:
    """The folded key of the last content word before the figure in its clause (:data:`LEAD`)."""
    words = [w for w in WORD.findall(before) if w.casefold() not in lex.stopwords]
    return f"{LEAD}{lex.lang}:{lex.key(words[-1])}" if words else None


def unfolds(c: Claim, before: str, lex: Lexicon) -> bool:
    """Whether the count's noun phrase names what an unfolding event keeps adding to (the
    lexicon's ``[time] unfolding``: "21 fiumi esondati", "le navi in attesa", "oltre 250
    frane", "rescuers"): its own words and those after it up to the next figure, and, when
    its noun stands before it ("Le navi in coda sono oltre 400"), the words from that noun on.
    Not the subject of another noun ("i vigili del fuoco sono intervenuti su 650 incendi")."""
    later = after(c)
    text = f"{c.text} {later[:_first_digit(later, len(later))]}"
    noun = (c.noun or "").casefold()
    at = before.casefold().rfind(noun.split()[0]) if noun and noun not in c.text.casefold() else -1
    if at >= 0:
        text = f"{before[at:]} {text}"
    return lex.cue("unfolding", words_of(text))


def capacity(c: Claim, before: str, lex: Lexicon) -> bool:
    """Whether the figure is what something can hold or carry (the lexicon's ``[capacity]``:
    "può trasportare 20mila container", "a capacity of 20,000"), not what it holds."""
    return lex.cue("capacity_before", words_of(before)) or lex.cue("capacity_after", words_of(after(c))[:2])


#: The key of a figure named by no noun, only by the word that leads it ("in media 1,821
#: euro": "lead:it:med"): a key to line figures up, no name to show people.
LEAD = "lead:"
#: What a capacity keys apart from the thing counted: a measure of its own.
CAPACITY = "(capacity)"
#: What an addition keys apart from the stock it adds to: "2,7 miliardi di contributi
#: aggiuntivi" is not the 71,8 miliardi of grants in all.
ADDED = "(added)"
#: What a rate to a population keys apart from the count: "295 morti per milione di abitanti".
RATE = "(rate)"
#: Words after a figure read for its rate: "per milione di abitanti".
RATE_WORDS = 5


def marked(c: Claim, what: str, before: str, lex: Lexicon) -> str:
    """``what`` marked as a capacity ("può trasportare 20mila container": not the 18.300 it
    carries), as a rate ("295 morti per milione di abitanti": no count) or as an addition ("2,7
    miliardi di contributi aggiuntivi": not the 71,8 in all), else as it is."""
    if capacity(c, before, lex):
        return f"{what} {CAPACITY}"
    if (mark := prices.per(words_of(after(c))[:3], lex) if c.quantity.kind == "money" else None) or rate(c, lex):
        return f"{what} {mark or RATE}"   # "4.500 euro al chilo": a price per a unit, not a sum
    return f"{what} {ADDED}" if added(c, what, before, lex) else what


def rate(c: Claim, lex: Lexicon) -> bool:
    """Whether the figure is a rate to a population (the lexicon's ``[rate]``: "295 morti per
    milione di abitanti", "ogni 100mila abitanti", "per 100,000 people"), no count of its own: a
    word of ``per`` right after the claim, a word of ``bases`` among the few after it."""
    words = words_of(after(c))[:RATE_WORDS]
    return bool(words) and lex.cue("rate_per", words[:1]) and lex.cue("rate_bases", words[1:])


#: Words before a figure read for an addition that names the figure's own noun ("of new
#: REPowerEU grants at 2.76 billion"); the last ``ADDED_NEXT`` words for one right before it
#: ("an additional 2 billion", "ulteriori 500 posti").
ADDED_WINDOW = 6
ADDED_NEXT = 2


def added(c: Claim, what: str, before: str, lex: Lexicon) -> bool:
    """Whether the figure is what is added to a stock, not the stock (the lexicon's
    ``[added]``): a word of addition in the claim after its number or right after it ("2,7
    miliardi di contributi aggiuntivi", "2,75 miliardi in più", "2 billion more"), right
    before the number ("an additional 2 billion"), or after a partitive before the noun
    that says what the figure counts ("the allocation of new REPowerEU grants at 2.76
    billion"; not "the new death toll stands at 300 dead": the toll is new, not the dead)."""
    digit = _first_digit(c.text, 0)
    if lex.cue("added_after", words_of(f"{c.text[digit:]} {after(c)}")[:6]):
        return True
    words = words_of(before)[-ADDED_WINDOW:]
    if lex.cue("added_before", words[-ADDED_NEXT:]):
        return True
    return lex.cue("added_partitive", words[:-1]) and any(   # no partitive before a word: none to read
        n > 0 and lex.cue("added_partitive", words[n - 1:n]) and lex.cue("added_before", [w])
        and _names(words[n + 1:n + 3], what, lex) for n, w in enumerate(words))


def _first_digit(text: str, default: int) -> int:
    """Where the first digit of ``text`` stands (``str.isdigit``, told in C), else ``default``."""
    return next(compress(count(), map(str.isdigit, text)), default)


def _names(words: Sequence[str], what: str, lex: Lexicon) -> bool:
    """Whether one of ``words`` is read as the concept ``what``."""
    return any((r := lex.read(w)) is not None and r.known and r.shared == what for w in words)


def zone(c: Claim, lex: Lexicon) -> bool:
    """Whether the claim's clause places it in the stricken zone without naming a place
    (the lexicon's ``[zone] area``: "i 400 italiani presenti nella zona", "in the affected
    area"); not an area a name follows ("nella zona di Marrakech": ``[zone] named``)."""
    for text in (before(c), after(c)):
        words = [w.casefold() for w in WORD.findall(text)]
        for phrase in lex.cues.get("zone_area", ()):
            ends = [k + len(phrase) for k in range(len(words) - len(phrase) + 1)
                    if tuple(words[k:k + len(phrase)]) == phrase]
            if any(not lex.cue("zone_named", words[j:j + 1]) for j in ends):
                return True
    return False


def unit_read(c: Claim, lang: str) -> str | None:
    """The unit the claim's figure is in as its language reads it: the pack's ``[units.sea]``
    reading when its sentence names the sea (Italian "a 40 miglia dalla costa" is in nautical
    miles), else the unit as stated."""
    read, words = _sea(lang)
    unit = c.quantity.unit
    if unit not in read or words.isdisjoint(w.casefold() for w in WORD.findall(c.context)):
        return unit
    return read[unit]


@functools.cache
def _sea(lang: str) -> tuple[dict[str, str], frozenset[str]]:
    """The pack's ``[units.sea]``: unit -> the unit it is read as at sea, and the words of the sea."""
    if lang not in langs.available():
        return {}, frozenset()
    pack = langs.load(lang)
    read = {k: v for k, v in pack.table("units.sea.read", {}).items() if isinstance(v, str)}
    return read, frozenset(w.casefold() for w in pack.words("units.sea.words", ()))
