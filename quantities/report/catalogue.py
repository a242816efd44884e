"""What each rule means, for ``quantities rules [NAME]`` and the SARIF rule metadata.

:func:`rule_table` is the one place the rules are read: the reconciler's names, kinds and
severities (``quantities.reconciliation.rules``), the reference check's and the
suppressions'. The summaries and examples are English message ids, translated where they
are shown. When the reconciler ships its own table of (name, kind, severity, summary,
example), :func:`rule_table` reads it instead and the texts here go.

>>> [r.name for r in rule_table()][:3]
['value-conflict', 'hedge-drift', 'wording-conflict']
>>> rule("unsourced").severity
'info'
"""

from __future__ import annotations

from dataclasses import dataclass

from quantities.text.i18n import N_, _


@dataclass(frozen=True)
class RuleInfo:
    name: str
    kind: str
    severity: str
    summary: str
    example: str


#: Rules outside the reconciler: (kind, default severity).
_OTHER_RULES = {
    "reference-mismatch": ("reference", "error"),
    "reference-wording": ("reference", "error"),
    "reference-source": ("reference", "warning"),
    "unused-suppression": ("suppression", "warning"),
}

#: Summaries and examples (English ids; the catalogs translate them).
_TEXTS = {
    "value-conflict": (
        N_("The same figure, with intervals that do not meet."),
        N_("One article: «5.000 operai edili militari»; another: «6.000 operai edili militari».")),
    "hedge-drift": (
        N_("Compatible values, but the hedges pull apart."),
        N_("«quasi 3.000 sfollati» in one article, «almeno 3mila sfollati» in another.")),
    "wording-conflict": (
        N_("The same figure counting different things; a known confusable pair is an error."),
        N_("«1.000 genieri» (military engineers) in one article, «1.000 ingegneri» (civil engineers) in another.")),
    "attribution-conflict": (
        N_("The same figure credited to sources that do not belong together."),
        N_("«15mila soldati, secondo la Kcna» in one article, «15mila soldati, secondo la Tass» in another.")),
    "unsourced": (
        N_("One article states bare a figure that the others attribute."),
        N_("«migliaia di truppe» with no source, where another article credits the figure to South Korea.")),
    "update": (
        N_("The articles are dated further apart than the window: a timeline, not a conflict."),
        N_("«2.000 morti» on 9 September, «2.900 morti» on 12 September.")),
    "reference-mismatch": (
        N_("A claim's value is outside the interval of the desk's reference figure."),
        N_("The reference says 15000 soldiers (±10%); the article says «20mila soldati».")),
    "reference-wording": (
        N_("A claim counts a noun the reference does not accept."),
        N_("The reference counts «genieri»; the article says «1.000 ingegneri».")),
    "reference-source": (
        N_("A claim's source is outside the reference's class of sources."),
        N_("The reference credits South Korea; the article credits the figure to the Tass.")),
    "unused-suppression": (
        N_("A suppression that matches no finding: remove it, so that it does not rot."),
        N_("<!-- quantities: ignore value-conflict \"5.000 operai\" — checked --> where no such finding is left.")),
}


def rule_table() -> tuple[RuleInfo, ...]:
    """Every rule, the reconciler's first, with what it means (untranslated)."""
    from quantities.reconciliation.rules import DEFAULT_SEVERITY, RULE_KIND

    found = [(name, RULE_KIND[name], severity) for name, severity in DEFAULT_SEVERITY.items()]
    found += [(name, kind, severity) for name, (kind, severity) in _OTHER_RULES.items()]
    return tuple(RuleInfo(name, kind, severity, *_TEXTS.get(name, ("", ""))) for name, kind, severity in found)


def names() -> tuple[str, ...]:
    return tuple(r.name for r in rule_table())


def rule(name: str) -> RuleInfo:
    for info in rule_table():
        if info.name == name:
            return info
    raise KeyError(name)


def summary(info: RuleInfo) -> str:
    """The rule's summary in the reader's language."""
    return _(info.summary) if info.summary else ""


def example(info: RuleInfo) -> str:
    return _(info.example) if info.example else ""
