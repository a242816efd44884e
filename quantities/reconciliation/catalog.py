"""The one table of the reconciler's rules: name, kind, default severity, summary, example.

Config (``[severity]``), the README's rule table and the ``rules`` listing read it; a
rule that is not here cannot be emitted. A value conflict between sources that each
credit their own figure (questura vs organizers) is a ``value-conflict`` whose finding
says ``cause = "disputed"`` (info), not a rule of its own: one figure, one rule, and the
finding says why the values differ.

>>> [r.name for r in RULES][:3]
['value-conflict', 'hedge-drift', 'update']
>>> DEFAULT_SEVERITY["update"], RULE_KIND["wording-conflict"]
('info', 'wording')
"""

from __future__ import annotations

from typing import NamedTuple

from quantities.text.i18n import N_


class Rule(NamedTuple):
    name: str
    kind: str       # value | wording | attribution
    severity: str   # the default; a desk's [severity] table overrides it
    summary: str
    example: str


RULES: tuple[Rule, ...] = (
    Rule("value-conflict", "value", "error",
         N_("Outlets give disjoint values for one figure: names the outlier against the value the "
            "others agree on. Its cause says why: 'outlier' or 'disagreement' (error; info when no "
            "claim names what is counted, as two sums tied only by their unit, or for a place's "
            "population; a warning when the odd value stands in a headline or subtitle at or over the "
            "others' (a wider whole, a rounding), is given as "
            "a first or provisional estimate, or measures a state that changes by the hour, as the "
            "sea's force, and when, with no side more widely reported, the values lie more than three "
            "times apart, unless they count people in a status, one side is vague, one digit tells "
            "them apart or one source is credited with both: cinque pesci, un centinaio di pesci), "
            "'scattered' when three values or more, each another article's, lie apart with nothing to "
            "tell them apart (info: several figures or a disagreement; not shares or changes), 'disputed' "
            "when each source is credited with its own value (info; error when an article credits a "
            "figure to the wrong side, a warning when it states one side's figure as bare fact); 'fall' when a toll of "
            "the dead given on one day is above every count given later (error); 'part-over-whole' "
            "when a kind of a thing is counted above the thing itself in another article (30-35 "
            "autovetture, una ventina di veicoli: info); 'scale' when the same digits stand under a "
            "scale word a thousand apart (500 milioni, 500 miliardi: info)."),
         N_("a: 5.000 soldati; b, c: 6.000 soldati")),
    Rule("hedge-drift", "value", "info",
         N_("The same figure, stated exactly in one article and hedged or rounded in another, or "
            "bounded in one and given just beyond the bound in another (oltre due metri, due metri e mezzo)."),
         N_("a: 15mila soldati; b: circa 15mila soldati")),
    Rule("update", "value", "info",
         N_("A running figure that moves with time (document dates, 'sale a', 'rose to'): one "
            "timeline, earlier to later, never also a conflict."),
         N_("a (10 Sept): 820 morti; b (11 Sept): 2.012 morti")),
    Rule("wording-conflict", "wording", "error",
         N_("The same value counts things the lexicon knows are different but confused, or one "
            "count in two statuses (dead / injured, displaced / evacuated) (error), or nouns it "
            "cannot relate, one count planned in one article and done in another, or one number "
            "in two units easily written one for the other (nautical miles / miles, percentage "
            "points / percent), or one number for a class and its wider class (urban fires / fires), "
            "in one event (a step lower); counts under ten are too common to judge."),
         N_("a: 1.000 genieri; b: 1.000 ingegneri")),
    Rule("attribution-conflict", "attribution", "warning",
         N_("The same figure credited to sources of different classes."),
         N_("a: 15mila (South Korea); b: 15mila (KCNA)")),
    Rule("unsourced", "attribution", "info",
         N_("An article states bare a figure that another credits to a source."),
         N_("a: 300 morti; b: 300 morti secondo l'ANSA")),
    Rule("parts-total", "value", "warning",
         N_("Inside one article, the parts it lists (men, women, minors) do not add up to the total "
            "it gives for them."),
         N_("60 cadaveri: 26 uomini, 21 donne, 12 minori")),
    Rule("headline-body", "value", "warning",
         N_("Inside one article, the headline gives one figure and the body another."),
         N_("title: 2 miliardi; body: 2 milioni")),
)

DEFAULT_SEVERITY: dict[str, str] = {r.name: r.severity for r in RULES}
RULE_KIND: dict[str, str] = {r.name: r.kind for r in RULES}
NAMES: tuple[str, ...] = tuple(r.name for r in RULES)

__all__ = ["DEFAULT_SEVERITY", "NAMES", "RULES", "RULE_KIND", "Rule"]
