"""One number of one event in two units, not two values (the wording rule's other half).

One number stated in one event in two units that are easily written one for the other
(``lang/units.dimensions.toml``: "40 miglia nautiche" and "40 chilometri", "nove punti
percentuali" and "9%") is a step lower than the rule's severity: whichever unit is meant,
one article changed the figure while keeping its number. Each unit is as its language reads
it (Italian "miglia" at sea are nautical: :func:`clauses.unit_read`); a unit so shortened
against the same unit in full ("47 miglia", "47 miglia nautiche") is a step lower still. A
currency its sentence does not write (a sum whose document implies it: "fino a 1,8 miliardi", "50
miliardi di danni") is no unit anyone wrote: no finding (review49, heldout30).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from decimal import Decimal

from quantities.lang import load, units
from quantities.reconciliation.clauses import CLAUSE, CUE_WINDOW, WORD, unit_read
from quantities.reconciliation.findings import Context, weaker
from quantities.reconciliation.keys import Item
from quantities.reconciliation.wording import _across, _finding
from quantities.text.i18n import _
from quantities.types import Finding


def unit_findings(items: list[Item], events: Mapping[int, str], figure_of: Mapping[int, str],
                  ctx: Context) -> Iterator[Finding]:
    """One number of one event in two units easily taken one for the other (see the module
    docstring): bucketed by event and number as stated, so linear in the claims."""
    severity = weaker(ctx.settings.severity("wording-conflict"))
    if severity == "off":
        return
    pairs = units.confusable()
    buckets: defaultdict[tuple[str, Decimal], dict[str, list[Item]]] = defaultdict(dict)
    for i in items:
        q = i.claim.quantity
        if q.unit is None or q.value is None or i.superseded or id(i) not in events \
                or i.stance == "vague" or (units.is_currency(q.unit) and not _written(i)):
            continue
        buckets[(events[id(i)], q.value)].setdefault(unit_read(i.claim, i.lexicon.lang) or q.unit, []).append(i)
    for by_unit in buckets.values():
        yield from _shortened(by_unit, severity, figure_of, ctx)
        names = sorted(by_unit)
        for n, a in enumerate(names):
            for b in names[n + 1:]:
                if frozenset((a, b)) not in pairs:
                    continue
                ys = _as_difference(by_unit[b], a)
                across = _across(_as_difference(by_unit[a], b), ys)
                if across:
                    x, y = across[0]   # and every other article's claim in y's unit: each of them says it
                    yield _finding(severity, _("one number in two units easily written one for the "
                                               "other; check which is meant"), [x],
                                   [y, *(i for i in ys if i is not y and i.claim.doc != x.claim.doc)], figure_of, ctx)


def _shortened(by_unit: Mapping[str, list[Item]], severity: str, figure_of: Mapping[int, str],
               ctx: Context) -> Iterator[Finding]:
    """One number, in one unit, written in full in one article and shortened as its language
    reads it at sea in another ("47 miglia nautiche", "47 miglia" from Pylos): the same
    distance, the unit left unsaid: info (a reader off the sea may take land miles)."""
    for unit, members in by_unit.items():
        short = [i for i in members if i.claim.quantity.unit != unit]
        full = [i for i in members if i.claim.quantity.unit == unit]
        if short and full and any(x.claim.doc != y.claim.doc for x in full for y in short):
            yield _finding(weaker(severity), _("one distance: at sea the shorter word names the same unit; a reader "
                                     "ashore may take it for another"), full, short, figure_of, ctx)


def _as_difference(items: list[Item], other: str) -> list[Item]:
    """The claims that can be taken for a figure in the unit ``other``: all of them, unless
    ``other`` measures a difference (percentage points) and theirs does not: then those
    whose words make them a difference ("il 9% in meno"), not a level ("al 9%")."""
    if units.differences().get(items[0].claim.quantity.unit or "") != other:
        return items
    return [i for i in items if _difference(i)]


def _difference(i: Item) -> bool:
    c = i.claim
    at = c.context.find(c.text) if c.text else -1
    if at < 0:
        return False
    before = c.context[max(0, at - CUE_WINDOW):at]
    cut = [m.end() for m in CLAUSE.finditer(before)]
    before = before[cut[-1]:] if cut else before
    after = [w.casefold() for w in WORD.findall(c.context[at + len(c.text):at + len(c.text) + CUE_WINDOW])][:3]
    return i.lexicon.cue("difference_before", before) or i.lexicon.cue("difference_after", after)


@functools.cache
def _currencies(lang: str) -> frozenset[str]:
    """The names and signs of currencies in the pack of ``lang``, folded."""
    return frozenset(w.casefold() for w in load(lang).table("units.currency"))


def _written(i: Item) -> bool:
    """Whether the claim's sentence writes a currency, as a name or a sign ("1,8 miliardi di euro", "$1.2
    billion"; "30 miliardi di dollari, quelli complessivi a 50 miliardi": review50)."""
    words = _currencies(i.lexicon.lang)
    text = i.claim.context.casefold()
    return any(w in words for w in WORD.findall(text)) or any(not w.isalpha() and w in text for w in words)
