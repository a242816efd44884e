"""Figures: claims grouped by their keys and their event; the rest, not aligned, with why.

Claims with the same :class:`~quantities.reconciliation.keys.Key` in documents of one
event (:mod:`quantities.reconciliation.events`) are one figure. A claim whose document
names no event joins the one event that counts the same thing, and is not aligned when
there are several. A key met only once is no figure (nothing to compare it with).
Everything here is grouping by hashing: linear in the number of claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, replace

from quantities.lang import clock
from quantities.lang.places import derived
from quantities.reconciliation import breakdowns, portions, prices
from quantities.reconciliation.ages import AGE_OF_A
from quantities.reconciliation.clauses import words_of
from quantities.reconciliation.events import events
from quantities.reconciliation.intervals import Interval
from quantities.reconciliation.keys import Item, Key, scoped
from quantities.reconciliation.kin import UNLINKED, by_kin
from quantities.reconciliation.modes import Mode, modes
from quantities.reconciliation.settings import ReconcileSettings
from quantities.reconciliation.subtotals import split_parts
from quantities.types import Claim, Figure

NO_EVENT = ""
#: A place weighing at least this share of the event's heaviest narrow name (over all its
#: documents) is the event's own place ("Casamicciola" in the Ischia landslide), not a part
#: of it ("Al Haouz" among the provinces of the Moroccan earthquake).
OWN_PLACE = 0.5
#: Minutes in a day.
DAY = 1440
#: A live blog's stamp more than this many minutes before the one written before it is of the next day.
WRAP = 360


@dataclass(frozen=True, slots=True)
class Grouped:
    """A figure with its prepared items."""

    figure: Figure
    items: tuple[Item, ...]
    event: str
    current: list[Mode]   # the modes of its items not superseded: built once, read by every value rule


@dataclass(frozen=True, slots=True)
class Grouping:
    """The figures, the claims left out (with why), and each keyed item's event."""

    figures: list[Grouped]
    unaligned: list[tuple[Claim, str]]
    events: dict[int, str]   # id(item) -> event


def _by_time(groups: dict[tuple[Key, str], list[Item]]) -> Iterator[tuple[tuple[Key, str], list[Item]]]:
    """Each group, split by the time of day its claims are given at when it is no running
    figure and states one: turnout "alle 12" and "alle 19" are two figures. A claim with
    no stated time joins the one time whose values it meets, else the other untimed claims
    (turnout "alle 12" at 19,21% and a bare 63,91%, the final figure, are two). A live
    blog's stamp opening the sentence ("Ore 11.40 – sono 200 gli italiani") is when the
    figure was reported, not when it was measured: one stamp alone splits nothing, nor do several of a
    count (the people on board at a blog's 17.00 and 18.20), while a measure's are its times (a river's
    level at 8.30 and 20.15); beside
    measured times it joins the latest of them before it, and a stamp before all of them
    (past midnight) is a claim with no stated time.
    A running figure (a toll) stays one: its times order its timeline; so does an age (a
    person's age is no figure of a time of day: "In serata … dovrebbe avere 77 anni"), and
    a thing measured once (a quake: "the 6.8-magnitude quake hit at 11:11 p.m.")."""
    for label, members in groups.items():
        minutes = {i.minute for i in members if i.minute is not None}
        stamped = all(stamp(i) for i in members if i.minute is not None) \
            and (len(minutes) == 1 or label[0].kind == "count")   # a count's, or one stamp
        if not minutes or any(i.running for i in members) or stamped \
                or label[0].kind == "age" or members[0].lexicon.once(label[0].what):
            yield label, members
            continue
        by_minute: dict[int | None, list[Item]] = {}
        measured = sorted({i.minute for i in members if i.minute is not None and not stamp(i)})
        loose = []
        for i in members:
            if i.minute is None or (measured and stamp(i) and not measured[0] <= i.minute < DAY):
                loose.append(i)   # a stamp before every measured time, or past midnight: a later report
            else:
                by_minute.setdefault(_measured(i, measured), []).append(i)
        for i in loose:
            met = [m for m, part in by_minute.items()
                   if m is not None and any(i.interval.meets(o.interval) for o in part)]
            by_minute.setdefault(met[0] if len(met) == 1 else None, []).append(i)
        yield from ((label, part) for part in by_minute.values())


#: Two ages of people an article names by a noun ("un uomo di 78 anni") further apart than
#: this many years are two people ("un bambino di 8 anni", "una bambina di 10 anni"); a named
#: person's ages are always one figure.
AGE_GAP = 1


def _by_person(groups: Iterator[tuple[tuple[Key, str], list[Item]]]) -> Iterator[tuple[tuple[Key, str], list[Item]]]:
    """Each group, the ages of people named by a noun split into runs of close values."""
    for label, members in groups:
        if not (label[0].what or "").startswith(AGE_OF_A):
            yield label, members
            continue
        run: list[Item] = []
        for i in sorted(members, key=lambda i: i.claim.quantity.value or 0):
            if run and (i.claim.quantity.value or 0) - (run[-1].claim.quantity.value or 0) > AGE_GAP:
                yield label, run
                run = []
            run.append(i)
        if run:
            yield label, run


def stamp(i: Item) -> bool:
    """Whether the claim's time is a live blog's stamp: it opens the claim's sentence set
    off by a dash or a colon ("Ore 11.40 – sono 200"; "Alle 19 la regione era ferma al
    36,95%" is a measured time), or it is a time not in the sentence (carried from the stamp
    opening its paragraph: "19.30 -", "Ore 8.10 – … . Su Cantiano sono caduti oltre 400 millimetri")."""
    when = i.claim.when or ""
    context = i.claim.context.lstrip(" *_#")
    if not when:
        return False
    at = context.find(when)
    if at == 0 or (at > 0 and clock.day_before(context, 0, at)):   # "15 giugno, ore 9.15 – …"
        return clock.stamped(context, at + len(when))
    return when.casefold() not in context.casefold()  # carried from its paragraph's opening stamp


def _past_midnight(items: list[Item]) -> None:
    """A live blog's stamps that cross midnight, read in the order they were written: the
    order its stamps mostly run in (oldest or newest first, by its steps of six hours or less;
    a blog with no such step keeps its times as they are), taken from its first stamp on,
    and a stamp more than :data:`WRAP` minutes earlier than the one written before it is of the
    next day ("Ore 20.40", "Ore 22.15", "Ore 01.30", "Ore 08.10": 01.30 is minute 1530, after
    22.15). A blog's date is the day its first stamp was written on; no stamp is moved back."""
    by_doc: defaultdict[str, list[Item]] = defaultdict(list)
    for i in items:
        if i.minute is not None and stamp(i):
            by_doc[i.claim.doc].append(i)
    for members in by_doc.values():
        members.sort(key=lambda i: i.claim.span.start)
        short = [d for a, b in zip(members, members[1:]) if abs(d := b.minute - a.minute) <= WRAP]  # type: ignore[operator]
        if not short:
            continue   # no step tells the order it was written in: its times as they are
        if sum(d < 0 for d in short) > sum(d > 0 for d in short):
            members.reverse()   # newest first: read from the bottom
        before: int | None = None
        for i in members:
            minute = i.minute or 0
            while before is not None and minute < before - WRAP:
                minute += DAY
            i.minute = before = minute


def _measured(i: Item, measured: list[int]) -> int | None:
    """The time a claim's figure was measured at: its own, or for a stamp (the time it was
    reported) the latest measured time of its figure at or before it ("19.30 – … la
    Calabria con il 36,92%" is the turnout of 19:00 that others give "alle 19")."""
    if not measured or not stamp(i) or i.minute is None:
        return i.minute
    return max(m for m in measured if m <= i.minute)


def _overtaken(members: list[Item]) -> None:
    """A live blog's earlier entries of a figure are overtaken by its latest one: of one
    article and one day, the claims given at a time before the latest stated time of the
    figure are marked superseded (the blog's 11.20 "quattro i dispersi" under its 18.35
    "tre"), so that only the blog's current value is compared."""
    latest: dict[tuple[str, object], int] = {}
    for i in members:
        if i.minute is not None:
            at = (i.claim.doc, i.claim.date)
            latest[at] = max(latest.get(at, i.minute), i.minute)
    for i in members:
        if i.minute is not None and i.minute < latest[(i.claim.doc, i.claim.date)]:
            i.superseded = True


def _own_places(event_of: Mapping[str, str | None], names: Mapping[str, Mapping[str, int]],
                broad: Callable[[str], bool]) -> dict[str, frozenset[str]]:
    """Each event's own places: its narrow names weighing, over all its documents, at least
    OWN_PLACE of the heaviest one."""
    totals: dict[str, Counter[str]] = {}
    for doc, event in event_of.items():
        if event is not None:
            totals.setdefault(event, Counter()).update(names.get(doc, {}))
    out = {}
    for event, weights in totals.items():
        narrow = {n: w for n, w in weights.items() if not broad(n)}
        top = max(narrow.values(), default=0)
        out[event] = frozenset(n for n, w in narrow.items() if w >= top * OWN_PLACE)
    return out


def _home(weights: Mapping[str, int], broad: Callable[[str], bool]) -> str | None:
    """The place an article is about: its one heaviest narrow name (None on a tie)."""
    narrow = sorted(((w, n) for n, w in weights.items() if not broad(n)), reverse=True)
    if not narrow or (len(narrow) > 1 and narrow[1][0] == narrow[0][0]):
        return None
    return narrow[0][1]


def _unscoped(i: Item, own: frozenset[str], place: Callable[[str], str],
              totals: Mapping[tuple[str, Key], list[Interval]], home: str | None = None,
              scopes: Mapping[tuple[str, Key], set[str]] | None = None,
              broken: Collection[tuple[Key, str]] = ()) -> None:
    """A running count scoped to the event's own place ("12 le persone disperse a
    Casamicciola", in the Casamicciola landslide), or to the area named after it ("le
    vittime nel Palermitano", in the fires around Palermo), is the event's count: its
    scope is dropped; so is any count's scoped to the place its article is about (``home``:
    its heaviest name, "In tre giorni in Sicilia 400 incendi" under "Incendi in Sicilia").
    A part ("dei quali"), another place, or a place of an article that also gives the
    unscoped count ("2.012 morti … a Marrakech le vittime si sono fermate a 15": a
    breakdown) keeps its scope; a place's count above every unscoped one of its article is
    no part of them ("due corpi carbonizzati … le vittime nel Palermitano salgono a tre").
    At the article's own place, a breakdown is a count below each of the article's unscoped
    ones (400 fires in Sicily beside "più di trecento" is the whole), or one of several places
    the article gives the count at ("86 incendi attivi in Sicilia, 26 in provincia di Palermo"), or a
    place another article breaks out of a wider count (``broken``: "30 case crollate sull'isola, 12 a
    Casamicciola" makes a Casamicciola paper's "a Casamicciola 12 case crollate" a part)."""
    key = i.key
    scope = i.claim.scope or ""
    if key is None or key.scope is None or not scope[:1].isupper():
        return
    if key.status is None and i.reading is not None and i.lexicon.dwells(i.reading.concept):
        i.key = replace(key, scope=scoped(place(scope), i.year))   # a place's population, no count of the
        return   # event, by its one name across languages ("Marrakesh", «Marrakech»)
    whole = key.whole
    wholes = totals.get((i.claim.doc, whole), [])
    least = min((w.high if w.high is not None else w.low for w in wholes), default=None)
    if home is not None and key.kind == "count" and home in own and home in {place(w) for w in scope.split()} \
            and len((scopes or {}).get((i.claim.doc, whole), ())) <= 1 and (least is None or i.interval.low >= least) \
            and (whole, key.scope) not in broken:
        i.key = replace(whole, scope=scoped(None, i.year))   # its year stays: "L'anno scorso a Venezia 4 milioni"
        return
    if not i.running or any(w.high is None or i.interval.low <= w.high for w in wholes):
        return
    if any(place(w) in own or any(derived(place(w), p) for p in own) for w in scope.split()):
        i.key = replace(whole, scope=scoped(None, i.year))


def _one_country(items: list[Item], event_of: Mapping[str, str | None], broad: Callable[[str], bool],
                 place: Callable[[str], str], totals: Mapping[tuple[str, Key], list[Interval]]) -> None:
    """A running count scoped to a country ("The death toll from a shipwreck off Italy's
    southern Calabria coast rose to 63") is the event's count when no count of it in the event
    names another country, and its article gives it at no other scope: its scope is dropped
    (the Turkish and the Syrian tolls of one quake keep theirs)."""
    countries: defaultdict[tuple[str | None, Key], set[str]] = defaultdict(set)
    for i in items:
        if i.key is not None and i.key.scope is not None and (i.claim.scope or "")[:1].isupper() and i.year is None:
            countries[(event_of.get(i.claim.doc), i.key.whole)].add(place(i.claim.scope or ""))
    for i in items:
        if i.key is None or i.key.scope is None or not i.running or not (i.claim.scope or "")[:1].isupper():
            continue
        whole = i.key.whole
        named = countries[(event_of.get(i.claim.doc), whole)]
        if len(named) == 1 and broad(next(iter(named))) and not totals.get((i.claim.doc, whole)):
            i.key = whole


#: Kinds whose figure at a place is one thing there, never a breakdown of a wider count.
PLACED_KINDS = frozenset({"duration", "measure"})


def _placed_alike(items: list[Item], event_of: Mapping[str, str | None]) -> None:
    """A span of time or a measure its clause sets at a place ("rescued after some 17 hours
    under the ruins … in Pescara del Tronto") is the figure other articles give with no place,
    when each of theirs names that place in its sentence ("A Pescara del Tronto … era sotto
    le macerie da 16 ore"), and nothing gives it at another place: its scope is dropped. Not
    when one of them does not name it (another girl's hours, elsewhere), nor a count (a
    place's part of a toll)."""
    wholes: defaultdict[tuple[str | None, Key], list[Item]] = defaultdict(list)
    for i in items:
        if i.key is not None and i.key.kind in PLACED_KINDS:
            wholes[(event_of.get(i.claim.doc), i.key.whole)].append(i)
    for (event, whole), members in wholes.items():
        scoped_ = [i for i in members if i.key != whole]
        if event is None or len({i.key for i in scoped_}) != 1 or scoped_[0].year is not None \
                or not (scoped_[0].claim.scope or "")[:1].isupper():
            continue
        place = f" {' '.join(words_of(scoped_[0].claim.scope or ''))} "   # whole words: not "siciliana"
        docs = {i.claim.doc for i in scoped_}
        others = [i for i in members if i.key == whole and i.claim.doc not in docs]
        if others and all(place in f" {' '.join(words_of(i.claim.context))} " for i in others):
            for i in scoped_:
                i.key = whole


def group(items: list[Item], names: Mapping[str, Mapping[str, int]], settings: ReconcileSettings,
          broad: Callable[[str], bool], place: Callable[[str], str] = str.casefold) -> Grouping:
    """The figures (in document order) and every claim left out, with the reason.
    ``names`` holds each document's names and their weights (:func:`events.names`);
    ``place`` gives a place's one name (:meth:`Places.name`)."""
    unaligned: list[tuple[Claim, str]] = [(i.claim, i.reason or "") for i in items if i.key is None]
    keyed = [i for i in items if i.key is not None]
    broken = breakdowns.over_places(keyed)
    _past_midnight(keyed)
    dates = {i.claim.doc: i.claim.date for i in items}
    event_of = events({d: names.get(d, {}) for d in dates}, dates, settings.event_names,
                      settings.event_days, broad)
    own = _own_places(event_of, names, broad)
    totals: defaultdict[tuple[str, Key], list[Interval]] = defaultdict(list)
    for i in keyed:
        if i.key is not None and i.key.scope is None:
            totals[(i.claim.doc, i.key)].append(i.interval)
    scopes: dict[tuple[str, Key], set[str]] = {}   # the scopes an article gives one key at
    for i in keyed:
        if i.key is not None and i.key.scope is not None:
            scopes.setdefault((i.claim.doc, i.key.whole), set()).add(i.key.scope)
    homes: dict[str, str | None] = {}   # each article's own place, read once
    for i in keyed:
        event = event_of.get(i.claim.doc)
        if event is not None:
            if i.claim.doc not in homes:
                homes[i.claim.doc] = _home(names.get(i.claim.doc, {}), broad)
            _unscoped(i, own.get(event, frozenset()), place, totals, homes[i.claim.doc], scopes, broken)
    _one_country(keyed, event_of, broad, place, totals)
    _placed_alike(keyed, event_of)
    portions.settle(keyed, event_of)   # "circa 46mila, il 10% del totale": a part beside its whole only
    prices.settle(keyed, event_of)   # "4.500 euro al chilo" beside "450 euro all'etto" only
    parts = split_parts(keyed)   # "Due corpi … salgono a tre le vittime": a part of the article's count
    unaligned += [(i.claim, i.reason or "") for i in parts]
    keyed = [i for i in keyed if i.key is not None]
    by_key: defaultdict[Key, list[Item]] = defaultdict(list)
    for i in keyed:
        by_key[i.key].append(i)  # type: ignore[index]  # `keyed` holds only items whose key is set
    groups: dict[tuple[Key, str], list[Item]] = {}
    event_by_item: dict[int, str] = {}
    for key, members in by_key.items():
        named = sorted({e for i in members if (e := event_of.get(i.claim.doc)) is not None})
        for i in members:
            event = event_of.get(i.claim.doc)
            if event is None:
                if len(named) > 1:
                    unaligned.append((i.claim, "its article names no event, and several count the same thing"))
                    continue
                event = named[0] if named else NO_EVENT
            groups.setdefault((key, event), []).append(i)
            event_by_item[id(i)] = event
    made = []
    apart: set[int] = set()   # the items of articles linked to no other article of their group
    for (key, event), members in _by_person(by_kin(_by_time(groups), names, dates, settings.event_names,
                                                   broad, apart)):
        _overtaken(members)
        if len(members) < 2:
            unaligned.append((members[0].claim, UNLINKED if id(members[0]) in apart else
                              "no other claim counts the same thing in the same event"))
            continue
        members.sort(key=lambda i: (i.claim.doc, i.claim.span.start))
        made.append((key, event, members))
    made.sort(key=lambda g: (g[2][0].claim.doc, g[2][0].claim.span.start, g[0].label()))
    out = []
    for n, (key, event, members) in enumerate(made, 1):
        claims = tuple(i.claim for i in members)
        figure = Figure(f"F{n}", claims, key.what, key.kind, members[0].claim.quantity.unit,
                        status=key.status, scope=key.scope, event=event or None, modality=key.modality,
                        superseded=tuple(i.claim for i in members if i.superseded))
        out.append(Grouped(figure, tuple(members), event, modes([i for i in members if not i.superseded])))
    unaligned.sort(key=lambda u: (u[0].doc, u[0].span.start))
    return Grouping(out, unaligned, event_by_item)
