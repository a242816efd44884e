"""One figure stated to its last digit in one article and rounded in another, under nouns that did not
make it one figure: "56.807" arrivals and "quasi 57mila" arrivals at Piombino, "45.085" departures and
"45mila persone" on the ferries, "1.392.000 persone" and "quasi un milione e 400mila partecipanti".

A value of :data:`DIGITS` significant digits or more is rare enough that another article's figure of the
same event, kind and unit that rounds it — stated to a coarser digit (two significant digits at least),
exact or hedged near it ("circa", "quasi" from below) — states it too: a ``hedge-drift`` note (the rule's
severity, info by default), one per exact value of an event, naming its outlets and each rounding. Not
two claims of one figure (the drift rule sees those), nor of one article, nor of two statuses (the dead
and "circa 1.500 persone impegnate nei soccorsi") or two places, as keyed or as written (the region's
"23.412" and "a Ravenna circa 23mila": review52), nor of two concepts the lexicon knows apart ("12.363"
passengers, "circa 12mila veicoli"), nor a bound ("oltre 30.000" is no rounding); a rounding that fits two
exact values of its event ("circa 57mila": this year's 56.807 and last year's 57.120) rounds neither.
Rounded values are looked up at each coarser digit of the exact value: linear in the claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice

from quantities.reconciliation import messages as say
from quantities.reconciliation.catalog import RULE_KIND
from quantities.reconciliation.findings import Context
from quantities.reconciliation.intervals import precision_of
from quantities.reconciliation.keys import Item
from quantities.reconciliation.unknowns import is_unknown
from quantities.text.i18n import _
from quantities.types import Finding

#: Significant digits that make a stated value rare enough to name its roundings elsewhere ("56.807").
DIGITS = 4
#: Significant digits a rounding keeps at least ("57mila", not "centomila").
ROUNDED_DIGITS = 2
#: Stances of a rounding: stated as it is, or hedged near it.
NEAR = frozenset({"exact", "about", "nearly"})
#: Claims of other articles looked at for one rounding of one exact value, at most.
EXAMINED = 32


def rounding_findings(items: list[Item], events: Mapping[int, str], figure_of: Mapping[int, str],
                      ctx: Context) -> Iterator[Finding]:
    """The notes of exact rare values rounded by another article under another key (see the module)."""
    severity = ctx.settings.severity("hedge-drift")
    if severity == "off":
        return
    live = [i for i in items if i.key is not None and i.value is not None and not i.superseded and id(i) in events]
    rounded: defaultdict[tuple, dict[str, list[Item]]] = defaultdict(dict)
    for i in live:
        if i.stance in NEAR and _digits(i.value) >= ROUNDED_DIGITS:  # type: ignore[arg-type]  # live: a value
            by_doc = rounded[(events[id(i)], i.key.kind, i.key.unit, i.value)]  # type: ignore[union-attr]
            by_doc.setdefault(i.claim.doc, []).append(i)
    pairs: dict[tuple, tuple[list[Item], dict[int, Item]]] = {}   # one exact value of an event: its claims, roundings
    fits: defaultdict[int, set[Decimal]] = defaultdict(set)    # each rounding: the exact values it fits
    for a in live:
        if a.stance != "exact" or _digits(a.value) < DIGITS:  # type: ignore[arg-type]
            continue
        at = (events[id(a)], a.key.kind, a.key.unit)  # type: ignore[union-attr]
        found = [b for r, p in _roundings(a) for b in _others(rounded.get((*at, r), {}), a)
                 if _rounds(a, b, r, p, figure_of)]
        if found:
            exact, near = pairs.setdefault((*at, a.value), ([], {}))
            exact.append(a)
            for b in found:
                near[id(b)] = b
                fits[id(b)].add(a.value)  # type: ignore[arg-type]
    for exact, near in pairs.values():
        only = [b for b in near.values() if len(fits[id(b)]) == 1]   # "circa 57mila" fits 56.807 and 57.120: neither
        if only:
            yield _note(severity, exact, only, ctx)


def _others(by_doc: Mapping[str, list[Item]], a: Item) -> list[Item]:
    """The first :data:`EXAMINED` claims of the other articles (a bound: linear on hostile input)."""
    return list(islice((b for doc, items in by_doc.items() if doc != a.claim.doc for b in items), EXAMINED))


def _digits(v: Decimal) -> int:
    """The significant digits of a value as stated (56807: 5; 57000: 2; 0,5: 1)."""
    return len(v.normalize().as_tuple().digits) if v else 0


def _roundings(a: Item) -> Iterator[tuple[Decimal, Decimal]]:
    """The exact value of ``a`` rounded to each coarser digit that keeps :data:`ROUNDED_DIGITS` of it."""
    v, p = a.value, precision_of(a.claim.quantity) * 10
    assert v is not None
    while _digits(r := (v / p).quantize(Decimal(1), ROUND_HALF_UP) * p) >= ROUNDED_DIGITS and p <= abs(v):
        yield r.normalize(), p
        p *= 10


def _rounds(a: Item, b: Item, r: Decimal, p: Decimal, figure_of: Mapping[int, str]) -> bool:
    """Whether ``b`` states ``a`` rounded to ``r`` at the digit ``p``: another article, another figure, the
    same status and place when both name one, not two concepts the lexicon knows apart (one noun it does not
    know, or a generic one, may name the other), stated to that digit, and "quasi" from above only."""
    ka, kb = a.key, b.key
    assert ka is not None and kb is not None
    if b.claim.doc == a.claim.doc or (id(a) in figure_of and figure_of.get(id(a)) == figure_of.get(id(b))):
        return False
    sa, sb = a.claim.scope, b.claim.scope   # as written: Ravenna is no region, whatever the key merged
    if _status(a) != _status(b) or (ka.scope and kb.scope and ka.scope != kb.scope) or (sa and sb and sa != sb):
        return False   # the dead and "le persone impegnate nei soccorsi"
    if ka.what != kb.what and not any(is_unknown(k.what) or (i.reading is not None and i.reading.generic)
                                      for i, k in ((a, ka), (b, kb))):
        return False   # two things the lexicon knows apart: passengers and vehicles
    return precision_of(b.claim.quantity) == p and (b.stance != "nearly" or a.value < r)  # type: ignore[operator]


def _status(i: Item) -> str | None:
    """The status a claim counts in: its key's, or the one its concept names ("morti": the dead)."""
    return (i.key.status if i.key else None) or (i.reading.status if i.reading is not None else None)


def _note(severity: str, exact: list[Item], found: list[Item], ctx: Context) -> Finding:
    a = exact[0]
    said = ", ".join(f"{ctx.outlet(i.claim.doc)} \u201c{i.claim.text}\u201d" for i in found[:5])
    message = _("one figure, stated exactly and rounded under other words: {outlet} \u201c{text}\u201d; "
                "rounded by {others}").format(outlet=say.outlets(exact, ctx.outlet), text=a.claim.text, others=said)
    claims = tuple(sorted({id(i.claim): i.claim for i in (*exact, *found)}.values(),
                          key=lambda c: (c.doc, c.span.start)))
    return Finding("hedge-drift", RULE_KIND["hedge-drift"], severity,  # type: ignore[arg-type]  # a configured level
                   message, claims, None, "hedge")
