"""The part-over-whole rule, across the articles of one event: a kind of a thing counted
above the thing itself.

"30-35 autovetture" in one article and "una ventina di veicoli" in another: cars are
vehicles (the lexicon's ``broader``, by interlingual id, so English "vehicles" counts too),
so the cars cannot outnumber the vehicles; the articles disagree on the figure. Every other
key (status, scope, kind, unit, modality) must agree, the part's lowest reading must pass
the whole's highest, and neither may be a running toll (a toll's earlier value is smaller
by nature, not a whole), the whole no generic "persone", and the part no class one body
counts by its own definition (the lexicon's ``scheme``: the firefighters' "650 incendi
urbani e di interfaccia" are no part of the forestry corps' 338 fires). One finding per pair of
figures, a value-conflict two steps below the rule's severity (info; cause ``part-over-whole``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from quantities.reconciliation import messages as say
from quantities.reconciliation.catalog import RULE_KIND
from quantities.reconciliation.findings import Context, weaker
from quantities.reconciliation.keys import Item, Key
from quantities.text.i18n import _
from quantities.types import Finding

#: Wholes looked at for one part, at most (a bound: linear in the claims).
WHOLES = 32
#: Steps below the value-conflict's severity: a whole in the news is often another
#: source's partial count, so the finding says "check", not "wrong". Two steps
#: is what makes it info when a value-conflict is an error (the default: error → warning
#: → info); a desk that lowers value-conflict to a warning gets info too (the floor), one
#: that turns it off gets nothing.
WEAKER = 2


def whole_findings(items: list[Item], events: Mapping[int, str], figure_of: Mapping[int, str],
                   ctx: Context) -> Iterator[Finding]:
    severity = weaker(ctx.settings.severity("value-conflict"), WEAKER)
    if severity == "off":
        return
    counted = [i for i in items if _counted(i, events)]
    wholes: defaultdict[tuple, list[Item]] = defaultdict(list)
    for i in counted:
        if i.key is None or (i.reading is not None and i.reading.generic):
            continue   # "persone" is no class of its own: "una donna di 76" is not more people
        wholes[_slot(events[id(i)], i.key, i.key.what)].append(i)
    found: dict[tuple[Key, Key], tuple[dict[int, Item], dict[int, Item]]] = {}   # each item once, in order
    for part in counted:
        if part.reading is None or not part.reading.known or part.reading.generic \
                or part.lexicon.scheme(part.reading.concept):   # one body's class: another definition
            continue
        assert part.key is not None
        for wider in sorted(part.lexicon.broader_ids(part.reading.concept) - {part.key.what}):
            for whole in wholes.get(_slot(events[id(part)], part.key, wider), ())[:WHOLES]:
                high = whole.interval.high
                if whole.claim.doc != part.claim.doc and high is not None and part.interval.low > high:
                    parts, outs = found.setdefault((part.key, whole.key), ({}, {}))  # type: ignore[arg-type]  # counted: keyed
                    parts.setdefault(id(part), part)
                    outs.setdefault(id(whole), whole)
    for parts, outs in found.values():
        yield _finding(severity, list(parts.values()), list(outs.values()), figure_of, ctx)


def _counted(i: Item, events: Mapping[int, str]) -> bool:
    return i.key is not None and i.key.kind == "count" and id(i) in events and not i.superseded \
        and not i.running and i.claim.status is None


def _slot(event: str, key: Key, what: str | None) -> tuple:
    return (event, what, key.status, key.scope, key.kind, key.unit, key.modality)


def _finding(severity: str, parts: list[Item], wholes: list[Item], figure_of: Mapping[int, str],
             ctx: Context) -> Finding:
    fmt = parts[0].lexicon.number_format
    message = _("{part} \u2014 more than {whole}, the wider class they belong to: the figures do not "
                "meet").format(
        part=say.group_text(parts, ctx.outlet, fmt), whole=say.group_text(wholes, ctx.outlet, fmt))
    in_order = sorted([*parts, *wholes], key=lambda i: (i.claim.doc, i.claim.span.start))
    claims = tuple({id(i.claim): i.claim for i in in_order}.values())
    return Finding("value-conflict", RULE_KIND["value-conflict"], severity,  # type: ignore[arg-type]  # a configured level
                   message, claims, figure_of.get(id(parts[0])) or figure_of.get(id(wholes[0])), "part-over-whole")
