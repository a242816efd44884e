"""``--format markdown``: a pull-request comment (GitHub-flavoured tables)."""

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
)
from quantities.report.model import Report
from quantities.text.i18n import _
from quantities.types import Claim, Document


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_report(report: Report, options: Options) -> str:
    n = report.counts()
    icon = "❌" if n["error"] else ("⚠️" if n["warning"] else "✅")
    parts = [f"### {icon} quantities\n\n{summary(report, options)}"]
    if report.findings:
        rows = [[f"**{s}**", f"`{r}`", f"`{w}`", _cell(m)] for s, r, w, m in finding_rows(report)]
        parts.append(f"#### {_('Findings')}\n\n" + table(finding_headers(), rows, "github"))
    figures = shown_figures(report, options)
    if figures:
        blocks = []
        for figure in figures:
            rows = [[f"`{w}`", _cell(t), v, s, m, d] for w, t, v, s, m, d in figure_rows(report, figure)]
            blocks.append(f"**{figure_title(figure)}**\n\n" + table(figure_headers(), rows, "github"))
        parts.append(f"<details><summary>{_('Figures')}</summary>\n\n" + "\n\n".join(blocks) + "\n\n</details>")
    return "\n\n".join(parts) + "\n"


def render_claims(claims: Sequence[Claim], documents: Mapping[str, Document]) -> str:
    return table(claim_headers(), claim_rows(list(claims), documents), "github") + "\n"


register(Format("markdown", report=render_report, claims=render_claims))
