"""What each rule means, for ``quantities rules [NAME]`` and the SARIF rule metadata.

:func:`rule_table` is the one place the rules are read: the reconciler's own table
(``quantities.reconciliation.catalog.RULES``: name, kind, severity, summary, example), then
the reference check's and the suppressions'. The summaries and examples are English
message ids, translated where they are shown.

>>> [r.name for r in rule_table()][:3]
['value-conflict', 'hedge-drift', 'update']
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
    from quantities.reconciliation.catalog import RULES

    ours = [RuleInfo(r.name, r.kind, r.severity, r.summary, r.example) for r in RULES]
    others = [RuleInfo(name, kind, severity, *_TEXTS.get(name, ("", "")))
              for name, (kind, severity) in _OTHER_RULES.items()]
    return (*ours, *others)


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
