"""The attribution rules of one figure: attribution-conflict and unsourced.

Both look inside one mode (claims that agree on the value) across articles, and give
at most one finding per figure:

- **attribution-conflict**: the same value credited to sources of different classes
  (South Korea and KCNA): one of the credits is likely wrong; not in a unit that networks
  measure each on its own (``[spread]``: two agencies' magnitudes often agree);
- **unsourced**: an article states bare a figure (a value of the mode, or a vague word
  that agrees with it) that another credits to a source. A single number inside a credited
  range ("46 gradi" at one place, "picchi di 45-47 gradi" across a region), or a range
  round a credited number, is another quantity that meets it, not the figure restated.

- **hedge-drift**, cause ``sources``: inside one mode, two sources each credited with a
  value of its own ("oltre 500 sigle, secondo la piattaforma promotrice", "600 associazioni
  nel resoconto dell'agenzia Nova"): the values meet, but they are two sources' counts, not
  one figure restated; named side by side, not merged into one credit.

A figure in dispute (its modes credited to different sources) is the value rule's.

- **value-conflict**, cause ``translation``: one speaker's remark relayed in two languages
  whose values as written do not meet (:func:`translation_findings`).
"""

from __future__ import annotations

from collections.abc import Iterator

from quantities.lang import units
from quantities.reconciliation import messages as say
from quantities.reconciliation.drifts import OPPOSITE
from quantities.reconciliation.figures import Grouped
from quantities.reconciliation.findings import Context, finding
from quantities.reconciliation.keys import Item
from quantities.reconciliation.modes import translated
from quantities.text.i18n import _, ngettext
from quantities.types import Finding


def credit_findings(g: Grouped, ctx: Context) -> Iterator[Finding]:
    found = g.current
    if len(found) > 1 and all(m.sources for m in found):
        return
    clashes: list[Item] = []
    bare: list[Item] = []
    credited: list[Item] = []
    for m in found:
        stated = [i for i in m.items if i.value is not None]
        clashes.extend(_clash(stated, ctx))
        sourced = [i for i in m.items if _credited(i)]
        if sourced:
            docs = {i.claim.doc for i in sourced}
            lone = [i for i in m.items if i.claim.attribution is None and i.claim.doc not in docs
                    and any(_restates(i, s) for s in sourced)]
            if lone:
                bare.extend(lone)
                credited.extend(sourced)
    for m in found:
        apart = _own_values(m.items)
        if apart and not (len(apart) == 2 and _bounds(apart)):   # "almeno 500", "fino a 600": values.py
            sides = "; ".join(_side(items, ctx) for _name, items in apart)
            yield finding(ctx, "hedge-drift", g, _("sources credited with values of their own, which meet: {sides}; "
                                                   "each its own count, not one figure restated").format(sides=sides),
                          [i for _s, items in apart for i in items], cause="sources")
            break
    if clashes:
        listed = ", ".join(_("{outlet} to {source} ({side})").format(
            outlet=say.outlets([i], ctx.outlet), source=say.source(i.claim), side=ctx.sources.class_of(i.source))
            for i in clashes[:6])
        yield finding(ctx, "attribution-conflict", g, _("the same figure is credited to sources that do not "
                      "belong together: {listed}").format(listed=listed), clashes, cause="credit")
    if bare:
        by = ", ".join(say.named_once(say.source(i.claim) for i in credited))
        message = (ngettext("{outlets} states the figure with no source", "{outlets} state the figure with no source",
                            len({i.claim.doc for i in bare})).format(outlets=say.outlets(bare, ctx.outlet)) + "; "
                   + ngettext("{outlets} credits it to {sources}", "{outlets} credit it to {sources}",
                              len({i.claim.doc for i in credited})).format(  # the verbs agree with the outlets
                       outlets=say.outlets(credited, ctx.outlet), sources=by))
        yield finding(ctx, "unsourced", g, message, [*bare, *credited], cause="unsourced")


def _credited(i: Item) -> bool:
    """Whether the claim is credited to a source, and the source is not the figure's own words
    ("media statali dei due Paesi" does not credit "due Paesi")."""
    a = i.claim.attribution
    return a is not None and i.claim.text.casefold() not in a.source.casefold()


#: Two stances that never state one figure: a number and a range of two stated ends.
NUMBER_AND_RANGE = frozenset({"exact", "range"})


def _restates(bare: Item, sourced: Item) -> bool:
    """Whether a bare claim may restate a credited one: not a number against a range."""
    return {bare.stance, sourced.stance} != NUMBER_AND_RANGE


def _clash(stated: list[Item], ctx: Context) -> list[Item]:
    """Claims of one stated value credited, across articles, to sources of different classes."""
    out: list[Item] = []
    by_value: dict[object, list[Item]] = {}
    for i in stated:
        if i.claim.quantity.unit in units.spread():
            continue   # networks that measure a quake on their own often agree (USGS and INGV: 6.3)
        if i.claim.attribution is not None and i.claim.attribution.canonical:
            by_value.setdefault(i.value, []).append(i)
    for group in by_value.values():
        classes = {ctx.sources.class_of(i.claim.attribution.canonical) for i in group}  # type: ignore[union-attr]  # grouped above only when attributed
        docs = {i.claim.doc for i in group}
        if None not in classes and len(classes) > 1 and len(docs) > 1:
            out.extend(group)
    return out


#: Sources of one mode looked at for values of their own, at most (a bound: linear per figure).
SIDES = 4


def _own_values(items: tuple[Item, ...]) -> list[tuple[str, list[Item]]]:
    """The sources of one mode, as written, each with its claims, when two or more are credited
    with values no other of them gives (500 for the promoters, 600 for a news agency); else []."""
    sides: list[tuple[str, list[Item]]] = []
    for i in items:
        if i.value is None or not _credited(i):
            continue
        name = say.source(i.claim)
        side = next((s for s in sides if say.same_source(s[0], name)), None)
        if side is not None:
            side[1].append(i)
        elif len(sides) < SIDES:
            sides.append((name, [i]))
    joined: list[tuple[str, list[Item]]] = []   # sources that give one value are one side ("promotori")
    for name, own in sides:
        values = {i.value for i in own}
        into = next((j for j in joined if values & {i.value for i in j[1]}), None)
        if into is None:
            joined.append((name, own))
        else:
            into[1].extend(own)
    return joined if len(joined) > 1 and not _in_turn(joined) else []


def _in_turn(sides: list[tuple[str, list[Item]]]) -> bool:
    """Whether the sides of a running figure follow each other in time (every claim of one
    dated before every claim of the next): its moments ("Some 4,000 rescuers" one day,
    "oltre 4.400" the next), not two sources' counts side by side."""
    if not any(i.running for _n, side in sides for i in side):
        return False
    spans = []
    for _n, side in sides:
        dates = [i.claim.date for i in side if i.claim.date is not None]
        if len(dates) == len(side):  # every claim of the side dated
            spans.append((min(dates), max(dates)))
    spans.sort()
    return len(spans) == len(sides) and all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def _bounds(sides: list[tuple[str, list[Item]]]) -> bool:
    """Two sides that bound the figure from either side ("almeno 500", "fino a 600")."""
    stances = [{i.stance for i in side} for _n, side in sides]
    return all(len(x) == 1 for x in stances) and stances[0] | stances[1] in OPPOSITE


def _side(items: list[Item], ctx: Context) -> str:
    """A side as its sources, its wordings (each once) and the outlets that give them."""
    texts = list(dict.fromkeys(i.claim.text for i in items))[:3]
    return (", ".join(say.named_once(say.source(i.claim) for i in items)) + " "
            + ", ".join(f"\u201c{t}\u201d" for t in texts) + f" ({say.outlets(items, ctx.outlet)})")


def translation_findings(g: Grouped, ctx: Context) -> Iterator[Finding]:
    """One speaker's remark relayed in two languages (:func:`modes.translated`) whose values,
    as written, do not meet («un centinaio di comuni», "hundreds of municipalities"): a slip
    of the translation, a value-conflict (warning), never a timeline."""
    if not translated(g.items):
        return
    by_lang: dict[str, list[Item]] = {}
    for i in g.items:
        by_lang.setdefault(i.lexicon.lang, []).append(i)
    one, other = by_lang.values()
    if any(_meet(a, b) for a in one for b in other):
        return
    fmt = g.items[0].lexicon.number_format
    message = _("{one}; {other}: one speaker's remark in two languages, its values do not meet: "
                "a slip of the translation, not a change").format(
        one=say.group_text(one, ctx.outlet, fmt), other=say.group_text(other, ctx.outlet, fmt))
    yield finding(ctx, "value-conflict", g, message, [*one, *other], cause="translation", severity="warning")


def _meet(a: Item, b: Item) -> bool:
    """Whether two claims' intervals as written meet (no reconciler widening)."""
    x, y = a.claim.quantity, b.claim.quantity
    if x.low is None or y.low is None:
        return True
    return (x.high is None or y.low <= x.high) and (y.high is None or x.low <= y.high)
