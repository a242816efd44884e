"""A finding of one figure: the context every rule reads, and how a finding is made.

A value conflict that says an outlet got the figure wrong (an outlier, a disagreement, a
toll that falls) is an error only when at least one of its claims names what is counted
(a noun, a person's name, a measure the lexicon knows: :attr:`keys.Item.named`); two sums
of one event that only their unit ties, or "persone" in no status, are info: that they are
one figure is the reconciler's guess (the mini-budget's 45 billion of tax cuts and 60
billion of energy support are two sums), worth a look, no alarm. So is a place's population
(people who live there: background to the event, which sources round their own way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quantities.lang.sources import Sources
from quantities.reconciliation import messages as say
from quantities.reconciliation.catalog import RULE_KIND
from quantities.reconciliation.figures import Grouped, stamp
from quantities.reconciliation.keys import Item
from quantities.reconciliation.scopes import SHARES
from quantities.reconciliation.settings import ReconcileSettings
from quantities.text.i18n import _
from quantities.types import SEVERITIES, Finding

#: Causes of a value conflict that say an outlet got the figure wrong: an error only when a
#: claim names what is counted (a noun, a name, a known measure), else info.
UNSURE_CAUSES = frozenset({"outlier", "disagreement", "fall"})


@dataclass(frozen=True, slots=True)
class Context:
    settings: ReconcileSettings
    outlet: Callable[[str], str]
    sources: Sources


def finding(ctx: Context, rule: str, g: Grouped, message: str, items: list[Item], *,
            cause: str | None = None, severity: str | None = None, first: Item | None = None,
            doubt: tuple[str | None, str] = (None, "")) -> Finding:
    """A finding of ``rule`` on ``items``: its claims in text order, ``first``'s first (where
    the finding is shown: an outlier's own claim); ``doubt``, the severity and words that
    lower an error (:func:`doubts.weigh`), applies when nothing lowered it already."""
    in_order = sorted(items, key=lambda i: (i is not first, i.claim.doc, i.claim.span.start))
    claims = tuple({id(i.claim): i.claim for i in in_order}.values())  # each claim once, in text order
    level = severity or ctx.settings.severity(rule)
    if level == "error" and cause in UNSURE_CAUSES and not any(i.named for i in items):
        # "45 miliardi di sterline" against "60 miliardi di sterline", "Due persone" against
        # "11 persone": with nothing naming what is counted, one figure is a guess
        level = "info"
        message += "; " + _("no claim names what is counted: check that they are one figure")
    elif level == "error" and cause in UNSURE_CAUSES and all(_population(i) for i in items):
        # "il milione di abitanti di Marrakech", "a city of some 840,000 people": background, rounded
        level = "info"
        message += "; " + _("a place's population, background to the event: sources round it differently")
    elif level == "error" and doubt[0] is not None:
        level, message = doubt[0], message + doubt[1]
    return Finding(rule, RULE_KIND[rule], level,  # type: ignore[arg-type]  # a configured level: "off" too, dropped in rules.py
                   f"{g.figure.id}{_what(g)}: {message}", claims, g.figure.id, cause)


def _population(i: Item) -> bool:
    """Whether the claim is a place's population (people who live there, in no status)."""
    return i.key is not None and i.key.status is None and i.reading is not None and i.lexicon.dwells(i.reading.concept)


def _what(g: Grouped) -> str:
    """What the figure counts, after its id: its nouns, else its concept, else its unit
    (a bare "magnitudo 7" may have none of them); for a share, where and when ("affluenza;
    calabria; alle 19")."""
    nouns = list(dict.fromkeys(c.noun for c in g.figure.claims if c.noun))
    share = g.figure.unit in SHARES
    times = {i.minute: i.claim.when for i in g.items if share and i.minute is not None and i.claim.when
             and i.claim.when in i.claim.context and not stamp(i) and not i.running}
    marks = [g.figure.scope] if g.figure.scope and share else []
    marks += [next(iter(times.values())).casefold()] if len(times) == 1 else []
    what = " / ".join(nouns[:3]) or say.concept_shown(g.figure.concept) or g.figure.unit
    shown = [w for w in (what, *marks) if w]
    return f" ({'; '.join(shown)})" if shown else ""


def weaker(severity: str, steps: int = 1) -> str:
    """``severity`` ``steps`` lower, info the floor; "off" stays off.

    >>> weaker("error"), weaker("error", 2), weaker("warning", 2), weaker("off")
    ('warning', 'info', 'info', 'off')
    """
    if severity == "off":
        return "off"
    return SEVERITIES[min(SEVERITIES.index(severity) + steps, len(SEVERITIES) - 1)]
