"""Rendering claims and reports: table, markdown, json, jsonl, csv, github.

The JSON records (report/records.py) are the contract; other tools depend on them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from quantities.report.model import Report
from quantities.report.records import (
    CONTRACT_VERSION,
    claim_record,
    document_record,
    figure_record,
    finding_record,
    source_text,
    value_text,
)
from quantities.text.fold import squeeze
from quantities.types import SEVERITIES, Claim, Document, Figure
from quantities.version import __version__

MESSAGE_WIDTH = 100


def render_claims(claims: Iterable[Claim], fmt: str, doc: Document | None = None) -> str:
    """Claims in one of ``types.FORMATS`` (github: one notice per claim, at its line and column in
    ``doc``'s file when given)."""
    claims = list(claims)
    if fmt == "github":
        return "".join(_annotation("notice", c.doc, doc.line_col(c.span.start) if doc else None,
                                   f"{squeeze(c.text)} = {value_text(c)} ({source_text(c)}, {c.modality})")
                       for c in claims)
    records = [claim_record(c) for c in claims]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    rows = [_claim_row(r) for r in records]
    headers = ["doc", "start", "text", "value", "low", "high", "kind", "unit", "noun", "source", "modality"]
    if fmt == "csv":
        return _csv(headers, rows)
    return _table(headers, rows, "github" if fmt == "markdown" else "simple") + "\n"


def _claim_row(r: Mapping[str, Any]) -> list[Any]:
    source = r["attribution"]["canonical"] or r["attribution"]["source"] if r["attribution"] else ""
    return [r["doc"], r["start"], squeeze(r["text"]), _blank(r["value"]), _blank(r["low"]), _blank(r["high"]),
            r["kind"], r["unit"] or "", r["noun"] or "", source, r["modality"]]


def _blank(v: Any) -> Any:
    return "" if v is None else v


# -- reports (the report and check commands) ----------------------------------------------

def summary(report: Report) -> str:
    n = report.counts()
    parts = [f"{n[s]} {s}{'s' if n[s] != 1 and s != 'info' else ''}" for s in SEVERITIES]
    with_findings = len({f.figure for f in report.findings} & {fig.id for fig in report.figures})
    return (f"{len(report.documents)} documents, {len(report.claims)} claims, "
            f"{len(report.figures)} figures ({with_findings} with findings): " + ", ".join(parts))


def render_report(report: Report, fmt: str, *, show_all: bool = False) -> str:
    """The whole report in one of ``types.FORMATS``."""
    renderers: dict[str, Callable[[Report, bool], str]] = {
        "table": _report_text, "markdown": _report_markdown, "json": _report_json,
        "jsonl": _report_jsonl, "csv": _report_csv, "github": _report_github,
    }
    return renderers[fmt](report, show_all)


def _report_json(report: Report, show_all: bool) -> str:
    out = {
        "version": CONTRACT_VERSION,
        "tool": f"quantities {__version__}",
        "documents": [document_record(d) for d in report.documents.values()],
        "claims": [claim_record(c) for c in report.claims],
        "figures": [figure_record(f) for f in report.figures],
        "findings": [finding_record(f, report) for f in report.findings],
    }
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def _report_jsonl(report: Report, show_all: bool) -> str:
    return "".join(json.dumps(finding_record(f, report), ensure_ascii=False) + "\n"
                   for f in report.findings)


def _finding_rows(report: Report) -> list[list[Any]]:
    rows = []
    for f in report.findings:
        first = f.claims[0] if f.claims else None
        where = report.location(first) if first else None
        place = f"{first.doc}:{where[0]}:{where[1]}" if first and where else (first.doc if first else "")
        rows.append([f.severity, f.rule, place, f.message])
    return rows


def _report_csv(report: Report, show_all: bool) -> str:
    return _csv(["severity", "rule", "where", "message"], _finding_rows(report))


def _figure_rows(report: Report, figure: Figure) -> list[list[Any]]:
    rows = []
    for c in figure.claims:
        where = report.location(c)
        doc = report.documents.get(c.doc)
        rows.append([f"{c.doc}:{where[0]}" if where else c.doc, squeeze(c.text), value_text(c),
                     source_text(c), c.modality, doc.date.isoformat() if doc and doc.date else ""])
    return rows


def _shown_figures(report: Report, show_all: bool) -> list[Figure]:
    flagged = {f.figure for f in report.findings}
    return [f for f in report.figures if show_all or f.id in flagged]


def _figure_title(figure: Figure) -> str:
    nouns = sorted({c.noun for c in figure.claims if c.noun})
    return f"{figure.id}: {' / '.join(nouns) or figure.concept or figure.kind} ({figure.kind})"


FIGURE_HEADERS = ["where", "wording", "value", "source", "modality", "date"]


def _report_text(report: Report, show_all: bool) -> str:
    parts = [summary(report)]
    for figure in _shown_figures(report, show_all):
        parts.append(f"\n{_figure_title(figure)}\n" + _table(FIGURE_HEADERS, _figure_rows(report, figure), "simple"))
    if report.findings:
        rows = [[s, r, w, _wrap(m)] for s, r, w, m in _finding_rows(report)]
        parts.append("\nFindings\n" + _table(["severity", "rule", "where", "message"], rows, "simple"))
    return "\n".join(parts) + "\n"


def _report_markdown(report: Report, show_all: bool) -> str:
    n = report.counts()
    icon = "❌" if n["error"] else ("⚠️" if n["warning"] else "✅")
    parts = [f"### {icon} quantities\n\n{summary(report)}"]
    if report.findings:
        rows = [[f"**{s}**", f"`{r}`", f"`{w}`", m.replace("|", "\\|")] for s, r, w, m in _finding_rows(report)]
        parts.append("#### Findings\n\n" + _table(["severity", "rule", "where", "message"], rows, "github"))
    figures = _shown_figures(report, show_all)
    if figures:
        blocks = []
        for figure in figures:
            rows = [[f"`{w}`", t.replace("|", "\\|"), v, s, m, d] for w, t, v, s, m, d in _figure_rows(report, figure)]
            blocks.append(f"**{_figure_title(figure)}**\n\n" + _table(FIGURE_HEADERS, rows, "github"))
        parts.append("<details><summary>Figures</summary>\n\n" + "\n\n".join(blocks) + "\n\n</details>")
    return "\n\n".join(parts) + "\n"


def _report_github(report: Report, show_all: bool) -> str:
    out = []
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for f in report.findings:
        if not f.claims:  # e.g. an unused suppression: its message says where
            out.append(_annotation(level[f.severity], None, None, f"[{f.rule}] {f.message}"))
            continue
        seen = set()
        for c in f.claims:
            where = report.location(c)
            if (c.doc, where) in seen:
                continue
            seen.add((c.doc, where))
            out.append(_annotation(level[f.severity], c.doc, where, f"[{f.rule}] {f.message}"))
    return "".join(out)


def _annotation(level: str, file: str | None, where: tuple[int, int] | None, message: str) -> str:
    loc = "" if file is None else f" file={_gh_escape(file, True)}"
    if where:
        loc += f",line={where[0]},col={where[1]}"
    return f"::{level}{loc}::{_gh_escape(message, False)}\n"


def _gh_escape(text: str, prop: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _wrap(message: str) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(message, MESSAGE_WIDTH)) or message


def _table(headers: list[str], rows: list[list[Any]], style: str) -> str:
    from tabulate import tabulate  # only for tables: it imports importlib.metadata

    return tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True)


def _csv(headers: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buf.getvalue()
