"""The wording rule: one value, in one event, counting things that differ.

Claims are bucketed by event, kind, unit, modality and stated value (a range by both its
ends: "30-35 autovetture" states 35, as "as many as 35 vehicles" does; hashing: linear);
inside a bucket, each pair of different keys is judged once:

- the two concepts are a known confusable pair (by interlingual id, so English
  «engineers» meets Italian «genieri»; or a pair of terms of one pack, «vittime» /
  «feriti»): the rule's severity (error), with the lexicon's note;
- one of the nouns is unknown to the lexicon and the two sentences share enough words
  (``min_shared_words``; none for a measure in a unit whose two nouns share their first
  word, "3.000 ettari di superficie urbana", "superficie non boscata di 3.000 ettari", where
  the unit and the value already say much): a step lower, since the lexicon cannot say they differ;
  a count or a sum two steps lower (info, :data:`UNSURE`): outlets name one count with words the
  lexicon does not know are one ("84 milioni di compresse", "di pasticche"; "40 brani", "una
  quarantina di canzoni"; "2.800 tecnici", "2.800 profili tecnici"): on nine annotated sets of real
  coverage such pairs were synonyms eleven times in twelve;
- a count whose two readings name different statuses (dead / injured, displaced /
  evacuated), each read at its own figure: the rule's severity, since one status is wrong;
- one count in one status, planned in one article and done in another of the same day
  or earlier (evacuation being organised, residents evacuated): a step lower;
- one number as what a thing can hold in one article and as what it holds in another
  ("può trasportare 20mila container", "carrying some 20,000 containers"): a step lower;
- one figure given per two spans of time ("6.000 veicoli l'ora", "al giorno"; :mod:`.periods`): a step lower;
- one concept a kind of the other (by interlingual id: "650 incendi urbani", "650 fires";
  not a generic "persone"): a step lower, a qualifier dropped or added;
- two concepts the lexicon knows are different (soldati, carri armati): nothing; nor a
  noun it does not know against a generic one ("750 passeggeri", "circa 750 persone"):
  "persone" names no class that could differ.

A value stated under ``SMALL`` ("due", "quattro", "8 km") is too common to say that two
claims are one figure: no finding. An article that counts the other status too, with
another value, keeps the two apart: no status clash.

Only pairs across articles count, of nouns written in the claim's own sentence (not
inferred for a bare figure from another); vague words ("migliaia") state no value.

A bare number and the same number in a unit whose nouns are a known confusable pair
("la velocità massima consentita è di 160", "viaggiava a 160 km/h") are judged too: the
unit left unsaid does not make them two values.

One number in two units easily written one for the other is :mod:`.swaps`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from itertools import islice

from quantities.lang.units import FRACTION
from quantities.reconciliation import messages as say
from quantities.reconciliation import periods
from quantities.reconciliation.catalog import RULE_KIND
from quantities.reconciliation.clauses import words_of, zone
from quantities.reconciliation.findings import Context, weaker
from quantities.reconciliation.keys import CAPACITY, Item, Key
from quantities.reconciliation.unknowns import close_pairs, is_unknown, one_head, weighed
from quantities.text.i18n import _
from quantities.types import Finding

#: Kinds whose two nouns the lexicon does not know are a note (info), not a warning: one count or one
#: sum is named many ways ("il piano", "la dotazione"; "compresse", "pasticche").
UNSURE = frozenset({"count", "money"})


def wording_findings(items: list[Item], events: Mapping[int, str], figure_of: Mapping[int, str],
                     confusables: Mapping[frozenset[str], str], ctx: Context) -> Iterator[Finding]:
    buckets: defaultdict[tuple, dict[Key, list[Item]]] = defaultdict(dict)
    counted: defaultdict[str, set[str | None]] = defaultdict(set)
    as_stated: defaultdict[tuple, tuple[list[Item], list[Item]]] = defaultdict(lambda: ([], []))
    shares: defaultdict[tuple, dict[Key, list[Item]]] = defaultdict(dict)
    for i in items:
        if i.key is None or (i.superseded and not i.earlier) or id(i) not in events:
            continue  # an old value the article states ("da 3,3 a 2 miliardi") still says what 3,3 counted
        if i.value is None and i.stance != "range":
            continue
        counted[i.claim.doc].add(_status(i))
        k = i.key
        if i.key.kind == "percent" and i.stance != "vague":  # shares coincide: only a confusable pair
            shares[(events[id(i)], i.value)].setdefault(k, []).append(i)
        if i.stance == "vague" or i.key.kind == "percent":
            continue
        for value in _stated(i):
            buckets[(events[id(i)], k.kind, k.unit, value)].setdefault(k, []).append(i)
        if i.value is None:
            continue
        if k.kind in ("count", "measure"):
            as_stated[(events[id(i)], i.claim.quantity.value)][i.claim.quantity.unit is not None].append(i)
    yield from _bare_against_measured(as_stated.values(), confusables, figure_of, ctx)
    yield from _confused_shares(shares.values(), confusables, figure_of, ctx)
    seen: set[tuple] = set()
    for bucket in buckets.values():
        keys = sorted(bucket, key=lambda k: k.label())
        for spanned in filter(None, (periods.spanned(_across(bucket[k], bucket[k])) for k in keys)):  # per two spans
            yield _finding(weaker(ctx.settings.severity("wording-conflict")), *spanned, figure_of, ctx)
        for n, a in enumerate(keys):
            for b in keys[n + 1:]:
                pair = (a, b)
                if pair in seen:
                    continue
                found = _judge(bucket[a], bucket[b], confusables, counted, ctx)
                if found is not None:
                    seen.add(pair)
                    severity, reason, xs, ys = found
                    if severity != "off":
                        yield _finding(severity, reason, xs, ys, figure_of, ctx)


def _stated(i: Item) -> tuple[Decimal, ...]:
    """The values a claim states: its value, or both ends of a range ("30-35 autovetture"
    states 35, as "as many as 35 vehicles" does)."""
    if i.value is not None:
        return (i.value,)
    iv = i.interval
    return (iv.low,) if iv.high is None else (iv.low, iv.high)


def _bare_against_measured(buckets: Iterable[tuple[list[Item], list[Item]]], confusables: Mapping[frozenset[str], str],
                           figure_of: Mapping[int, str], ctx: Context) -> Iterator[Finding]:
    """A bare number and the same number in a unit, in one event, whose nouns are a known
    confusable pair ("la velocità massima consentita è di 160", "viaggiava a 160 km/h"):
    the unit left unsaid does not make them two values (error, with the lexicon's note)."""
    severity = ctx.settings.severity("wording-conflict")
    for bare, measured in buckets:
        if not bare or not measured or severity == "off":
            continue
        for x, y in _across(bare, measured):
            note = confusables.get(frozenset((x.key.what or "" if x.key else "", y.key.what or "" if y.key else "")))
            rare = _rare(x)
            if note is not None and rare and _written(x):  # the unit says what the other measures
                same = [i for i in measured if i.key is not None and y.key is not None and i.key.what == y.key.what]
                yield _finding(severity, note, [x], same[:PAIRS], figure_of, ctx)
                break


def _confused_shares(buckets: Iterable[dict[Key, list[Item]]], confusables: Mapping[frozenset[str], str],
                     figure_of: Mapping[int, str], ctx: Context) -> Iterator[Finding]:
    """One percentage, stated with decimals or of 10 or more, under two concepts the lexicon
    knows are confused ("il deficit programmatico al 4,3%", "il deficit tendenziale al 4,3%"):
    the rule's severity, with the lexicon's note. Other shares that coincide (a turnout and a
    vote share) are no sign of one figure worded two ways: nothing."""
    severity = ctx.settings.severity("wording-conflict")
    for bucket in buckets if severity != "off" else ():
        keys = sorted(bucket, key=lambda k: k.label())
        for n, a in enumerate(keys):
            for b in keys[n + 1:]:
                note = confusables.get(frozenset((a.what or "", b.what or "")))
                across = _across(bucket[a], bucket[b]) if note is not None else []
                if note is not None and across and _rare(across[0][0]) and _written(across[0][0]) \
                        and _written(across[0][1]):
                    yield _finding(severity, note, [across[0][0]], [across[0][1]], figure_of, ctx)


def _judge(xs: list[Item], ys: list[Item], confusables: Mapping[frozenset[str], str],
           counted: Mapping[str, set[str | None]], ctx: Context) -> tuple[str, str, list[Item], list[Item]] | None:
    across = _across(xs, ys)
    if not across:
        return None
    x, y = across[0]
    a, b = x.key, y.key
    assert a is not None and b is not None
    severity = ctx.settings.severity("wording-conflict")
    if (spanned := periods.spanned(across)) is not None:   # whatever the stage: "potrà far passare … al giorno"
        return weaker(severity), *spanned
    if a.modality != b.modality:
        return _plan_and_fact(across, severity)
    capacity = _capacity(across)
    if capacity is not None:
        return weaker(severity), *capacity
    zoned = _zoned(across)
    if zoned is not None:
        return weaker(severity), *zoned
    note = confusables.get(frozenset((a.what or "", b.what or "")))
    if note is None and x.lexicon is y.lexicon and x.claim.noun and y.claim.noun:
        note = x.lexicon.note(x.claim.noun, y.claim.noun)
    if note is None and a.kind == "count":
        note = _clash(x, y, counted)
    elif note is not None and a.kind == "count" and _apart(x, y, counted):
        note = None   # "Ventiquattro morti e 5 dispersi" against "24 people are still missing"
    written = [(p, q) for p, q in across if _written(p) and _written(q)]
    stated = x.claim.quantity.value if x.claim.quantity.value is not None else x.claim.quantity.high
    rare = _rare(x, stated)  # as stated: "8 km" is common; a range by its upper end
    if note is not None and a.what != b.what and written and rare:
        return severity, note, xs, ys
    lower = weaker(severity)
    noun = lambda i: i.claim.noun or (i.key.what if i.key else "")  # noqa: E731
    wider = (_wider(*written[0]) or _wider(*written[0][::-1])) if written else None
    if wider is not None and rare and a.status == b.status and not _elided(*wider):
        narrow, wide = wider
        if _loose(narrow, wide):
            return weaker(lower), _("one count in two words: news often write \u201c{narrow}\u201d for "
                                     "\u201c{wide}\u201d; the same number, no rival count").format(
                                         narrow=noun(narrow), wide=noun(wide)), [narrow], [wide]
        return lower, _("one article counts \u201c{narrow}\u201d, the other the wider \u201c{wide}\u201d with the "
                        "same number: a qualifier dropped or added; check which is meant").format(
                            narrow=noun(narrow), wide=noun(wide)), [narrow], [wide]
    unknown = is_unknown(a.what) or is_unknown(b.what)
    named = all(i.claim.noun and i.reading is not None and not i.reading.generic for i in (x, y)) and rare
    weighs = a.kind == "measure" and weighed(x, y)   # "190 chili di anfetamine", "un peso complessivo di 190 chili"
    if a.what != b.what and unknown and named and x.lexicon is y.lexicon and not weighs:
        common = [(p, q) for p, q in across if not _named(p) and not _named(q)]
        need = 0 if a.kind == "measure" and a.unit is not None and one_head(x, y) else ctx.settings.min_shared_words
        close = next(close_pairs(common, need), None)
        if close is not None and x.lexicon.content(noun(close[0])) != x.lexicon.content(noun(close[1])):
            p, q = close   # a sum: budgets name one pot many ways ("il piano", "la dotazione complessiva"): a note
            return weaker(lower) if a.kind in UNSURE else lower, _(
                "the same figure counts \u201c{one}\u201d in one and \u201c{other}\u201d in the other; check which "
                "is meant").format(one=noun(p), other=noun(q)), [p], [q]
    return None


def _capacity(across: list[tuple[Item, Item]]) -> tuple[str, list[Item], list[Item]] | None:
    """One number given as what a thing can hold in one article ("può trasportare 20mila
    container") and as what it holds in another ("carrying some 20,000 containers"): a
    capacity read as a load, or the other way round (a step lower)."""
    for p, q in across:
        a, b = (p.key.what or "" if p.key else ""), (q.key.what or "" if q.key else "")
        if a == f"{b} {CAPACITY}" or b == f"{a} {CAPACITY}":
            held, holds = (p, q) if a.endswith(CAPACITY) else (q, p)
            return _("one article gives what it can hold (\u201c{capacity}\u201d), the other what it holds "
                     "(\u201c{load}\u201d) with the same number; check which is meant").format(
                         capacity=held.claim.text, load=holds.claim.text), [held], [holds]
    return None


def _zoned(across: list[tuple[Item, Item]]) -> tuple[str, list[Item], list[Item]] | None:
    """One number of people in no status (present, not struck: "400 italiani"), counted in a
    named place in one article ("in Marocco") and in the stricken zone in another ("presenti
    nella zona"): a country's count given as the zone's, or the other way round (a step
    lower). People the event put in a status (dead, displaced) are all in the zone: nothing."""
    for p, q in across:
        if p.key is None or q.key is None or p.key.what != q.key.what or _status(p) or _status(q) \
                or not _rare(p) or not (_written(p) and _written(q)):
            continue
        for placed, zoned in ((p, q), (q, p)):
            if placed.key and placed.key.scope and placed.claim.scope and zoned.key and zoned.key.scope is None \
                    and zone(zoned.claim, zoned.lexicon):
                return _("one article counts them in {place}, the other in the stricken zone, with the same "
                         "number; check which is meant").format(place=placed.claim.scope), [placed], [zoned]
    return None


def _plan_and_fact(across: list[tuple[Item, Item]], severity: str) -> tuple[str, str, list[Item], list[Item]] | None:
    """One count in one status, given as planned in one article and as done in another of
    the same day or earlier ("l'evacuazione di circa 200 persone" is being organised;
    "circa 200 residenti sono stati evacuati"): one of them has the stage wrong. A fact
    dated after the plan is the plan carried out: nothing."""
    for x, y in across:
        plan, fact = (x, y) if x.key is not None and x.key.modality == "planned" else (y, x)
        status = _status(plan)
        if plan.key is None or plan.key.modality != "planned" or fact.key is None or fact.key.modality == "planned":
            continue   # both done (an estimate and a report): no stage to tell apart
        if status is None or status != _status(fact) or not (_written(plan) and _written(fact)):
            continue
        if not _rare(plan):
            continue
        if plan.claim.date is not None and fact.claim.date is not None and fact.claim.date > plan.claim.date:
            continue
        return weaker(severity), _("one article gives the figure as planned, the other as done; "
                                    "check which is meant"), [plan], [fact]
    return None


#: Below this, one value counting two things the lexicon cannot relate is a coincidence
#: ("due Paesi", "due nazioni"), not a sign that one figure is worded two ways.
SMALL = Decimal(10)


def _rare(i: Item, value: Decimal | None = None) -> bool:
    """A value (the claim's, unless given) too rare for two claims of it to be a coincidence:
    ``SMALL`` or more, or written in digits with decimals that are no half ("4,3%", "8,7 km": one
    figure in a thousand, not "due", "1,5"; not "metà", "un terzo", "1/3", which news write all the time)."""
    value = i.claim.quantity.value if value is None else value
    if value is None:
        return False
    decimals = value * 2 != (value * 2).to_integral_value() and i.claim.quantity.unit != FRACTION \
        and any(ch.isdigit() for ch in i.claim.text)
    return abs(value) >= SMALL or decimals


#: Pairs of claims looked at for one pair of keys: enough to find two articles whose
#: sentences meet, and a bound that keeps a bucket of many claims linear.
PAIRS = 32


def _across(xs: list[Item], ys: list[Item]) -> list[tuple[Item, Item]]:
    """Up to PAIRS pairs of claims from different articles: each article's first claim a
    side first, then its later ones ("the limit is 160" after another "160" of the same
    article is still compared)."""
    out = []
    others = _firsts_first(ys)
    for x in _firsts_first(xs):
        for y in others:
            if x.claim.doc != y.claim.doc:
                out.append((x, y))
                if len(out) >= PAIRS:
                    return out
    return out


def _firsts_first(items: list[Item]) -> list[Item]:
    """The first PAIRS claims, each article's first before any article's second."""
    firsts = {i.claim.doc: i for i in reversed(items)}
    chosen = {id(i) for i in firsts.values()}
    return [*firsts.values(), *islice((i for i in items if id(i) not in chosen), PAIRS)][:PAIRS]


def _status(i: Item) -> str | None:
    """The status a claim counts in: its key's, the one its concept names, else the one
    read at its figure ("150 were evacuated")."""
    assert i.key is not None
    named = i.reading.status if i.reading is not None else None
    return i.key.status or named or i.claim.status


def _clash(x: Item, y: Item, counted: Mapping[str, set[str | None]]) -> str | None:
    """The note for one count given in two different statuses, else None.

    An article that counts the other status too, with another value ("11 dispersi. I
    feriti sono 13"), keeps the two apart: an equal value elsewhere is a coincidence."""
    sx, sy = _status(x), _status(y)
    if sx is None or sy is None or sx == sy or _apart(x, y, counted):
        return None
    return say.status_clash(sx, sy)


def _apart(x: Item, y: Item, counted: Mapping[str, set[str | None]]) -> bool:
    """Whether an article of the two counts the other's status too (with another value:
    the equal one is that status's), so the two statuses are two counts, not one."""
    sx, sy = _status(x), _status(y)
    return sx is not None and sy is not None and sx != sy \
        and (sy in counted.get(x.claim.doc, ()) or sx in counted.get(y.claim.doc, ()))


def _wider(x: Item, y: Item) -> tuple[Item, Item] | None:
    """(x, y) when y counts a class that x's is a kind of ("incendi urbani" / "fires",
    "autovetture" / "vehicles"), by interlingual id: one number for a class and its wider
    class. A generic noun ("persone") names no class."""
    if x.reading is None or y.reading is None or not x.reading.known or not y.reading.known \
            or x.reading.generic or y.reading.generic or y.key is None or x.claim.noun == y.claim.noun:
        return None
    wider = x.lexicon.broader_ids(x.reading.concept) - {x.key.what if x.key else None}
    return (x, y) if y.key.what in wider else None


def _loose(narrow: Item, wide: Item) -> bool:
    """Whether the narrower word is one news write for the wider class it is a kind of (the
    lexicon's ``loose``: "14 bambini" for the 14 minors among the dead), so that one number
    under both is one count in two wordings, not a qualifier dropped."""
    concept = narrow.reading.concept if narrow.reading is not None else None
    return concept is not None and narrow.lexicon.loose(concept) and wide.key is not None \
        and wide.key.what == narrow.lexicon.parent_id(concept)


def _named(i: Item) -> bool:
    """Whether the claim's noun holds a name past its first word ("i fratelli Monti"):
    named people are not a class counted, so a name is never a wording of a figure."""
    return any(w[:1].isupper() for w in (i.claim.noun or "").split()[1:])


def _elided(narrow: Item, wide: Item) -> bool:
    """Whether the wider noun's sentence writes it only inside the narrower noun: the wider is that
    noun's head taken again ("un utile netto di 1,257 miliardi … e per la prima volta oltre la soglia del
    miliardo"; not "i feriti sono 30, di cui 4 feriti gravi", which writes "feriti" alone too)."""
    words = words_of(wide.claim.context)
    inside, written = (_count(words_of(i.claim.noun or ""), words) for i in (narrow, wide))
    return inside > 0 and written == inside


def _count(phrase: tuple[str, ...], words: tuple[str, ...]) -> int:
    return sum(1 for k in range(len(words) - len(phrase) + 1) if phrase and words[k:k + len(phrase)] == phrase)


def _written(i: Item) -> bool:
    """Whether the claim's noun is written in the claim's own sentence ("il piano sale a
    225 miliardi"), or its status read at its figure ("150 were evacuated"): a wording
    conflict is about the words an article wrote, not a noun inferred for a bare "tre"
    from another sentence."""
    if i.claim.status is not None:
        return True
    noun = i.claim.noun
    if not noun:
        return False
    first = noun.split()[0].casefold()
    return first in i.claim.text.casefold() or first in i.claim.context.casefold()


def _finding(severity: str, reason: str, xs: list[Item], ys: list[Item], figure_of: Mapping[int, str],
             ctx: Context) -> Finding:
    x, y = xs[0], next(i for i in ys if i.claim.doc != xs[0].claim.doc) if any(
        i.claim.doc != xs[0].claim.doc for i in ys) else ys[0]
    in_order = sorted([*xs, *ys], key=lambda i: (i.claim.doc, i.claim.span.start))
    claims = tuple({id(i.claim): i.claim for i in in_order}.values())  # each claim once, in text order
    message = f"{say.says(x.claim, y.claim, ctx.outlet)}: {_(reason)}"
    return Finding("wording-conflict", RULE_KIND["wording-conflict"], severity,  # type: ignore[arg-type]  # a configured level: "off" too, dropped in rules.py
                   message, claims, figure_of.get(id(x)), "wording")


