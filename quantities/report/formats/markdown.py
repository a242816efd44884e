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


def _code(text: str) -> str:
    """``text`` as a code span in a cell; one that holds a backtick is fenced by two."""
    return f"`` {_cell(text)} ``" if "`" in text else f"`{_cell(text)}`"


def _cell(text: str) -> str:
    """A cell's text kept in its cell: GFM splits a row at a pipe even in a code span (``a|b.txt``)
    unless escaped, and ends it at a line break."""
    return text.replace("|", "\\|").replace("\n", " ")


def render_report(report: Report, options: Options) -> str:
    n = report.counts()
    icon = "❌" if n["error"] else ("⚠️" if n["warning"] else "✅")
    parts = [f"### {icon} quantities\n\n{summary(report, options)}"]
    if report.findings:
        rows = [[f"**{s}**", f"`{r}`", _code(w), _cell(m)] for s, r, w, m in finding_rows(report)]
        parts.append(f"#### {_('Findings')}\n\n" + table(finding_headers(), rows, "github"))
    figures = shown_figures(report, options)
    if figures:
        blocks = []
        for figure in figures:
            rows = [[_code(w), *map(_cell, rest)] for w, *rest in figure_rows(report, figure)]
            blocks.append(f"**{_cell(figure_title(figure))}**\n\n" + table(figure_headers(), rows, "github"))
        parts.append(f"<details><summary>{_('Figures')}</summary>\n\n" + "\n\n".join(blocks) + "\n\n</details>")
    return "\n\n".join(parts) + "\n"


def render_claims(claims: Sequence[Claim], documents: Mapping[str, Document]) -> str:
    rows = [[_cell(v) if isinstance(v, str) else v for v in row] for row in claim_rows(list(claims), documents)]
    return table(claim_headers(), rows, "github") + "\n"


register(Format("markdown", report=render_report, claims=render_claims))
