"""What state the counted are in, and what narrows the figure: a claim's ``status`` and ``scope``.

The words come from the pack's ``[status]`` and ``[scope]`` tables; this module holds the machinery.

- **status** is one class of a closed set (dead, injured, missing, …: the keys of ``[status.classes]``), read from
  the counted noun first ("morti", "persone disperse"), then from the predicate after the phrase ("153 persone
  sono rimaste ferite", "300 people died"; past a partitive pronoun: "14 dei quali trasferiti all'ospedale"; past
  the noun's complement of one word: "two members of the crew were injured"), then from the verb before the figure
  ("sono morti 300 soldati", "killed 300"). The predicate may look past auxiliaries and adverbs (``[status]
  skip``), never past another word. Of two status words side by side in the noun, the modifier's narrows the
  head's ("superstiti ricoverati", "injured survivors": survivors in hospital, injured; the head stands where
  ``[nouns] head`` says).
- **scope** is what narrows the figure, as written: a place in the figure's clause ("ad Al Haouz" -> "Al Haouz",
  "in Calabria" -> "Calabria"), or a part: a marker before the figure ("di cui 205 gravi" -> "di cui", "tra loro
  22" -> "tra loro", a fronted "Dei contagiati, 27"), a definite partitive after it ("Quattro delle vittime").

>>> s = "153 persone sono rimaste ferite in Calabria."
>>> read(s, Span(0, 3), 11, "persone", lang="it")
('injured', 'Calabria')
>>> read("Ci sono 400 feriti, di cui 205 gravi.", Span(27, 30), 36, "feriti gravi", lang="it")
('injured', 'di cui')
>>> read("I 27 superstiti ricoverati.", Span(2, 4), 26, "superstiti ricoverati", lang="it")
('injured', None)
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from dataclasses import dataclass

from quantities.extraction.nouns.fronted import fronted, fronted_part, past_subject_relative
from quantities.extraction.nouns.leaning import leaned
from quantities.extraction.nouns.placed import dwelling, hung, known_end, recorded, written
from quantities.lang import Pack, per_pack, phrases, positive_int, word_set
from quantities.text.tokens import Tokens, tokens
from quantities.types import Span


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Statuses:
    classes: dict[tuple[str, ...], str]  # a status word or phrase -> its class
    longest: int
    skip: frozenset[str]
    reach: int
    firsts: frozenset[str]  # the first and last words of the phrases: most words are neither
    lasts: frozenset[str]
    head_first: bool = True  # the head noun opens its phrase ([nouns] head): its modifiers follow
    of: dict[str, tuple[tuple[str, ...], ...]] = dataclasses.field(default_factory=dict)  # [nouns] of, by first word
    articles: frozenset[str] = frozenset()  # [nouns] articles
    words: frozenset[str] = frozenset()  # firsts and lasts: a sentence with none has no status word

    def at(self, lows: list[str], i: int) -> str | None:
        """The class of the status word or phrase that starts at ``lows[i]``."""
        found = self.match(lows, i)
        return found[0] if found is not None else None

    def match(self, lows: list[str], i: int) -> tuple[str, int] | None:
        """The class and length of the status word or phrase that starts at ``lows[i]``."""
        if lows[i] not in self.firsts:
            return None
        for n in range(min(self.longest, len(lows) - i), 0, -1):
            found = self.classes.get(tuple(lows[i:i + n]))
            if found is not None:
                return found, n
        return None

    def of_noun(self, lows: list[str]) -> str | None:
        """The status a noun phrase names: its first status word, unless another stands
        right next to it, when the modifier's (after the head, or before it) narrows it."""
        for i in range(len(lows)):
            if (found := self.match(lows, i)) is not None:
                beside = self.match(lows, i + found[1]) if i + found[1] < len(lows) else None
                return beside[0] if beside is not None and self.head_first else found[0]
        return None

    def ending_at(self, lows: list[str], i: int) -> str | None:
        """The class of the status word or phrase that ends at ``lows[i]``."""
        if lows[i] not in self.lasts:
            return None
        for n in range(min(self.longest, i + 1), 0, -1):
            found = self.classes.get(tuple(lows[i - n + 1:i + 1]))
            if found is not None:
                return found
        return None


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Scopes:
    places: frozenset[str]
    place_links: frozenset[str]
    share_kinds: frozenset[str]
    count_kinds: frozenset[str]   # kinds that hang on a name only through ``count_relatives``, from no ``origins``
    count_relatives: frozenset[str]
    origins: frozenset[str]
    parts_before: dict[str, tuple[tuple[str, ...], ...]]  # by their last word
    partitive: dict[str, tuple[tuple[str, ...], ...]]     # by their first word
    fronted_partitives: dict[str, tuple[tuple[str, ...], ...]]  # by their first word: "Dei contagiati, 27"
    partitive_pronouns: dict[str, tuple[tuple[str, ...], ...]]
    partitive_kinds: frozenset[str]
    clause_ends: frozenset[str]
    aims: frozenset[str]        # after the figure, they end its clause too
    place_heads: frozenset[str]
    all_over: dict[str, tuple[tuple[str, ...], ...]]  # "di tutta l'isola": a count over a whole area
    head_places: frozenset[str]  # prepositions that place a figure only before a place head ("on the island of")
    place_relatives: frozenset[str]
    articles: frozenset[str]
    dwellers: frozenset[str]  # people counted where they live: the place after them is theirs
    months: frozenset[str]  # a capitalised month after "in" is a time, no place ("in March 2018")
    subject_relatives: frozenset[str]  # "Il treno che …"; nouns_articles: ``[nouns] articles``
    nouns_articles: frozenset[str]
    fillers: frozenset[str]   # ``[nouns] copula_fillers``: "circa", "quasi" between a subject and its figure
    conj: frozenset[str]      # ``[nouns] and``
    recording: frozenset[str]  # ``[attribution] measuring``: "la Spagna aveva registrato" (the figure's place)
    asides: frozenset[str]  # what opens an aside between a fronted place and its figure: "A Turís, secondo l'Aemet, …"
    place_qualifiers: frozenset[str]  # "Roma Nord": a run not cut after its known place (placed.known_end)
    beaten: frozenset[str]  # verbs whose object is a rival, no place ("battuto Damilano con il 59%")
    words: frozenset[str] = frozenset()  # every word a scope is told by: a sentence with none has no scope


@per_pack("status")
def statuses(pack: Pack) -> Statuses:
    """The ``[status]`` words of ``pack``, checked and compiled once."""
    classes: dict[tuple[str, ...], str] = {}
    for name in pack.table("status.classes"):
        for words in phrases(pack, f"status.classes.{name}"):
            if words in classes and classes[words] != name:
                raise pack.error(f"status.classes.{name}", f"{' '.join(words)!r} is already {classes[words]!r}")
            classes[words] = name
    return Statuses(classes=classes, longest=max(map(len, classes), default=1),
                    skip=word_set(pack, "status.skip"), reach=positive_int(pack, "status.reach"),
                    firsts=frozenset(w[0] for w in classes), lasts=frozenset(w[-1] for w in classes),
                    words=frozenset(w[0] for w in classes) | frozenset(w[-1] for w in classes),
                    head_first=pack.get("nouns.head", "first") != "last",
                    of=_by(phrases(pack, "nouns.of"), 0), articles=word_set(pack, "nouns.articles"))


@per_pack("scope")
def scopes(pack: Pack) -> Scopes:
    """The ``[scope]`` words of ``pack``, compiled once."""
    by = {k: _by(phrases(pack, f"scope.{k}"), -1 if k == "parts_before" else 0)
          for k in ("parts_before", "partitive", "fronted_partitives", "partitive_pronouns", "all_over")}
    sets = {f.name: word_set(pack, f"scope.{f.name}") for f in dataclasses.fields(Scopes)
            if f.name not in {*by, "months", "words", "nouns_articles", "fillers", "conj", "recording"}}
    told = frozenset().union(*(sets[k] for k in ("places", "head_places", "place_relatives", "dwellers")), *by.values())
    return Scopes(**sets, **by, months=word_set(pack, "numbers.dates.months"),  # type: ignore[arg-type]  # by
                  nouns_articles=word_set(pack, "nouns.articles"), fillers=word_set(pack, "nouns.copula_fillers"),
                  conj=word_set(pack, "nouns.and"), recording=word_set(pack, "attribution.measuring"),
                  words=told)  # each table: its field's type


def _by(found: tuple[tuple[str, ...], ...], word: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their first (0) or last (-1) word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in found:
        out.setdefault(p[word], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def classes(lang: str | Pack) -> tuple[str, ...]:
    """The closed class of statuses of a pack, in its order."""
    return tuple(dict.fromkeys(statuses(lang).classes.values()))


#: Tokens either side of a figure its place is looked for, in its clause: a bound, so many clauses stay linear.
PLACE_REACH = 12


def quiet(toks: Tokens, *, lang: str | Pack = "it") -> bool:
    """Whether a sentence's tokens hold none of the words :func:`read` is told by (asked once a
    sentence, in C): then a figure's status is its noun's alone, and it has no scope.

    >>> quiet(tokens("5 km, 5 km, 5 km")), quiet(tokens("5 km in Calabria")), quiet(tokens("5 morti"))
    (True, False, False)
    """
    return statuses(lang).words.isdisjoint(toks.lows) and scopes(lang).words.isdisjoint(toks.lows)


def read(text: str, figure: Span, end: int, noun: str | None, *, lang: str | Pack = "it",
         toks: Tokens | None = None, kind: str = "count", still: bool = False) -> tuple[str | None, str | None]:
    """The status and the scope of the figure at ``figure`` whose claim ends at ``end``
    (after its noun when the noun follows), ``noun`` its counted noun. ``toks`` are the
    tokens of the figure's sentence when the caller has them (then ``text`` may be the
    whole document), else those of ``text``. A partitive is a part only for a figure of one
    of the pack's ``[scope] partitive_kinds`` ("Quattro delle vittime"; "metà del Pd" is a
    share, its noun the whole). ``still``: the sentence of ``toks`` is :func:`quiet` ("5 km, 5 km, …")."""
    t, sc = statuses(lang), scopes(lang)
    if still:
        return _named(t, noun), None
    toks = tokens(text) if toks is None else toks
    starts = toks.starts  # (toks.index, without a call each)
    first, after = bisect_left(starts, figure.start), bisect_left(starts, end)
    named = kind not in sc.partitive_kinds and end > figure.end  # a sum or measure naming its own part
    scope = (_part(sc, text, toks, first, bisect_left(starts, figure.end), kind in sc.partitive_kinds, named, noun)
             or _place(sc, text, toks, first, after, _hangs(sc, kind)) or _all_over(sc, text, toks, after))
    status = _status(t, toks, first, _complement(t, toks, after + _pronoun(sc, toks.lows, after)), noun)
    if status is None and kind in sc.partitive_kinds and (lean := leaned(sc, toks, first, after)) is not None:
        status, _ = read(text, lean.figure, lean.end, lean.noun, lang=lang, toks=toks, kind=kind)  # "151 morti, tra
        status = status if lean.part or _named(t, lean.noun) is None else None   # cui 97 donne e 54 uomini"
    return status, scope


def _hangs(t: Scopes, kind: str) -> str | None:
    """How a figure of ``kind`` may hang on the name before it: as a share, as a count, or not."""
    return "share" if kind in t.share_kinds else "count" if kind in t.count_kinds else None


def _all_over(t: Scopes, text: str, toks: Tokens, at: int) -> str | None:
    """A phrase right after the counted noun that spreads the count over a whole area ("i
    seimila sfollati di tutta l'isola", "evacuees across the island"): the scope, as written."""
    phrases = t.all_over.get(toks.lows[at], ()) if at < len(toks) else ()
    n = next((len(p) for p in phrases if tuple(toks.lows[at:at + len(p)]) == p), 0)
    return written(text, toks, at, at + n) if n else None


def _pronoun(t: Scopes, lows: list[str], at: int) -> int:
    """The length of the partitive pronoun at ``lows[at]`` ("dei quali", "of them"), else 0."""
    found = (len(m) for m in t.partitive_pronouns.get(lows[at] if at < len(lows) else "", ())
             if tuple(lows[at:at + len(m)]) == m)
    return next(found, 0)


#: The most words (an article, adjectives) between a place preposition and its place head.
HEAD_WORDS = 3

#: The most words of a name a noun's complement may run to ("residents of New York").
NAME_WORDS = 4


def _complement(t: Statuses, toks: Tokens, at: int) -> int:
    """Where the predicate may start past the noun's complement of one word or one name at
    ``at`` ("of the crew were injured", "delle vittime rimasti feriti": its word is no
    status of the figure; "residents of New York marched"), else ``at``."""
    lows = toks.lows
    for marker in t.of.get(lows[at] if at < len(lows) else "", ()):
        if tuple(lows[at:at + len(marker)]) == marker:
            word = at + len(marker)
            while word < len(lows) and lows[word] in t.articles:
                word += 1
            if word < len(lows) and toks.is_word(word):
                end = word + 1
                while end < min(len(lows), word + NAME_WORDS) and toks.is_word(end) \
                        and toks.texts[word][:1].isupper() and toks.texts[end][:1].isupper():
                    end += 1
                return end
    return at


def _named(t: Statuses, noun: str | None) -> str | None:
    return t.of_noun(noun.casefold().replace("’", "'").split()) if noun else None


def _status(t: Statuses, toks: Tokens, first: int, after: int, noun: str | None) -> str | None:
    if (found := _named(t, noun)) is not None:
        return found
    lows = toks.lows
    crossing = t.match(lows, after - 1) if noun and after > first + 1 else None
    if crossing is not None and crossing[1] > 1:   # "i nove estratti vivi": a status phrase that opens
        return crossing[0]                         # on the noun's last word and runs past it
    for i in range(after, min(len(lows), after + t.reach)):  # "persone sono rimaste ferite"
        if (found := t.at(lows, i)) is not None:
            return found
        if lows[i] not in t.skip:
            break
    for i in range(first - 1, max(-1, first - 1 - t.reach), -1):  # "sono morti 300", "killed 300"
        if (found := t.ending_at(lows, i)) is not None:
            return found
        if lows[i] not in t.skip:
            break
    return None


def _part(t: Scopes, text: str, toks: Tokens, first: int, past: int, partitive: bool,
          named: bool = False, noun: str | None = None) -> str | None:
    """A part: a marker before the figure, or a definite partitive right after it
    (``past`` is the index of the first token after the figure). A sum or a measure that
    names what it is after the marker is that thing, no unnamed part ("194,4 miliardi, di
    cui 69 miliardi in sovvenzioni": the grants), unlike a count ("di cui 205 gravi")."""
    if partitive and (part := fronted_part(t, text, toks, first, noun)) is not None:
        return part[:1].lower() + part[1:]  # "Dei contagiati, 27 …": a part, never a name (as "Tra le vittime" below)
    lows, before = toks.lows, () if named else range(first - 1, max(-1, first - 4), -1)
    for last in before:  # "di cui 205", "tra loro circa 22"
        for marker in t.parts_before.get(lows[last], ()):
            at = last + 1 - len(marker)
            if at >= 0 and tuple(lows[at:last + 1]) == marker:
                return written(text, toks, at, last + 1).lower()   # "Tra le vittime ci sono": no name
        if lows[last] in t.clause_ends:
            break
    ahead = lows[past] if past < len(lows) and partitive else ""
    for marker in t.partitive_pronouns.get(ahead, ()):  # "205 of them", "721 dei quali"
        if tuple(lows[past:past + len(marker)]) == marker:
            return written(text, toks, past, past + len(marker))
    for marker in t.partitive.get(ahead, ()):  # "Quattro delle vittime", "four of the victims"
        word = past + len(marker)
        if word < len(lows) and tuple(lows[past:word]) == marker and toks.is_word(word):
            return written(text, toks, past, word + 1)
    return None


def _place(t: Scopes, text: str, toks: Tokens, first: int, after: int, hangs: str | None = None) -> str | None:
    """A capitalised name after a place preposition in the figure's clause (a few words
    either side of the figure at most), or before it a place noun ("nella provincia di Al
    Haouz"); when the clause opens with a place relative ("…, dove i morti sono 1.293"), the
    place the relative stands for, in the clause before it (a colon too: "affondato al largo di
    Lampedusa: la motovedetta ha salvato 44 migranti"), unless a place word of the figure's own
    clause places it ("…, con a bordo circa 750 persone"). A share or a count may hang on the
    name right before it (``hangs``: :func:`placed.hung`)."""
    lows, ends = toks.lows, t.clause_ends
    start = first  # back to the start of the figure's clause, PLACE_REACH words at most
    for w in reversed(lows[max(0, first - PLACE_REACH):first]):  # (a loop over a slice: half the steps of indexing)
        if w in ends:
            break
        start -= 1
    end = after  # and on to its end
    for w in lows[after:after + PLACE_REACH]:
        if w in ends or w in t.aims:
            break
        end += 1
    start = max(start, past_subject_relative(t, toks, first))
    found = dwelling(t, text, toks, after) or _place_in(t, text, toks, start, end) \
        or (hung(t, text, toks, first, hangs) if hangs else None) or (recorded(t, text, toks, first) if hangs else None)
    if found is not None and start > 1 and lows[start - 1] in t.conj and (b := _clause_before(t, lows, start)[0]) \
            >= start - COORDINATED and not any(w[:1].isdigit() for w in lows[b:start]) \
            and (other := _place_in(t, text, toks, b, start, last=True)) is not None:
        found = f"{other} {toks.texts[start - 1]} {found}"   # "In Piemonte e in Lombardia sono oltre 300 i comuni"
    opener = start - 1 if start > 0 and lows[start - 1] in t.place_relatives else start
    if found is None and opener > 0 and lows[opener] in t.place_relatives and not _own_place(t, toks, opener, first):
        before, at = _clause_before(t, lows, opener)
        found = _place_in(t, text, toks, before, at, last=True)
        if found is None and before > 1 and lows[before - 1] == "," and t.place_heads & set(lows[before:at]):
            # "a Pescara del Tronto, frazione di Arquata, dove i morti sono almeno dieci": past the apposition
            found = _place_in(t, text, toks, *_clause_before(t, lows, before - 1), last=True)
    if found is None and start > 1 and lows[start - 1] == "," and not t.place_relatives.isdisjoint(
            lows[max(0, start - 3 - PLACE_REACH):start - 1]):  # "in Campania, dove ha piovuto, la partecipazione …"
        aside, at = _clause_before(t, lows, start - 1)  # (its relative stands in that window, if any: tested in C)
        if aside > 0 and lows[aside - 1] in t.place_relatives:
            before, at = _clause_before(t, lows, aside - 1)
            found = _place_in(t, text, toks, before, at, last=True)
            if found is None and before > 1 and lows[before - 1] == "," and t.place_heads & set(lows[before:at]):
                found = _place_in(t, text, toks, *_clause_before(t, lows, before - 1), last=True)  # "in
                # Calabria, la regione dove si è votato meno, ha votato il 50,80%": the place the apposition names
    return found or fronted(t, text, toks, first)


#: The most words of a place coordinated before the figure's clause, its coordinator included
#: ("In Piemonte e | in Lombardia sono oltre 300 i comuni").
COORDINATED = 5


def _own_place(t: Scopes, toks: Tokens, opener: int, first: int) -> bool:
    """A place word in the figure's own clause, between the place relative at ``opener`` and
    the figure ("con a bordo 750"), that is not a time ("nel 1999")."""
    lows, texts = toks.lows, toks.texts
    return any(lows[x] in t.places and not texts[x + 1][:1].isdigit() for x in range(opener + 1, first))


def _clause_before(t: Scopes, lows: list[str], at: int) -> tuple[int, int]:
    """The clause that ends before ``lows[at]`` (a comma or a clause word before it left out)."""
    at -= at > 0 and lows[at - 1] in t.clause_ends
    before = at
    for w in reversed(lows[max(0, at - PLACE_REACH):at]):
        if w in t.clause_ends:
            break
        before -= 1
    return before, at


def _place_in(t: Scopes, text: str, toks: Tokens, start: int, end: int, last: bool = False) -> str | None:
    """The first (or ``last``) place of ``toks[start:end]``."""
    lows, texts = toks.lows, toks.texts
    words = lows[start:end - 1]
    if t.places.isdisjoint(words) and t.head_places.isdisjoint(words):
        return None  # no place word (tested in C): the common case
    found = None
    past = start   # the end of the last name found: its words are no prepositions ("di Al Haouz")
    for i in range(start, end - 1):
        if (lows[i] not in t.places and lows[i] not in t.head_places) or i < past:
            continue
        j = i + 1 + (lows[i + 1] in t.place_links and i + 2 < end)   # "al largo di Lampedusa"
        head = j + (lows[j] in t.articles and j + 1 < end)  # "in the province of"
        while head < min(end - 3, j + HEAD_WORDS) and lows[head] not in t.place_heads and toks.is_word(head):
            head += 1   # "on the Italian island of Sicily", "nella vicina provincia di Messina"
        if lows[head] in t.place_heads and head + 2 < end and lows[head + 1] in t.place_links:  # "nella provincia di"
            j = head + 2
        elif lows[i] in t.head_places:
            continue   # "on Monday", "sul posto": no place head, no place
        if not texts[j][:1].isupper() or lows[j] in t.months:
            continue
        k = j
        while k < end and (texts[k][:1].isupper() or (lows[k] in t.place_links and k + 1 < end
                                                      and texts[k + 1][:1].isupper())):
            k += 1
        k = known_end(t, text, toks, j, k)
        found, past = written(text, toks, j, k).rstrip("'’"), k  # "in Italy's"
        if not last:
            return found
    return found


