"""``--format table``: what a person reads in a terminal (coloured when it is one)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quantities.report.formats import Format, Options, register
from quantities.report.formats.common import (
    claim_headers,
    claim_rows,
    figure_headers,
    figure_rows,
    figure_title,
    finding_headers,
    finding_rows,
    shown_figures,
    summary,
    table,
    wrap,
)
from quantities.report.model import Report
from quantities.text.i18n import _
from quantities.types import Claim, Document

#: ANSI styles: the severities, and bold for titles.
COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "title": "\x1b[1m"}
RESET = "\x1b[0m"


def paint(text: str, style: str, on: bool) -> str:
    return f"{COLOURS[style]}{text}{RESET}" if on and text else text


def render_report(report: Report, options: Options) -> str:
    on = options.colour
    parts = [summary(report, options)]
    for figure in shown_figures(report, options):
        parts.append("\n" + paint(figure_title(figure), "title", on) + "\n"
                     + table(figure_headers(), figure_rows(report, figure), "simple"))
    if report.findings:
        rows = [[paint(label, f.severity, on), rule, where, wrap(message)]
                for f, (label, rule, where, message) in zip(report.findings, finding_rows(report), strict=True)]
        parts.append("\n" + paint(_("Findings"), "title", on) + "\n" + table(finding_headers(), rows, "simple"))
    return "\n".join(parts) + "\n"


def render_claims(claims: Sequence[Claim], documents: Mapping[str, Document]) -> str:
    return table(claim_headers(), claim_rows(list(claims), documents), "simple") + "\n"


register(Format("table", report=render_report, claims=render_claims))
