"""Rendering claims and reports: table, markdown, json, jsonl, csv, github.

The JSON records follow the contract in DESIGN.md; other tools depend on them.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tabulate import tabulate

from .sources import squeeze
from .types import SEVERITIES, Claim, Document, Figure, Finding

MESSAGE_WIDTH = 100


@dataclass
class Report:
    """What a run found: its documents, claims, figures and findings."""

    documents: dict[str, Document] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(f.severity for f in self.findings)

    def location(self, claim: Claim) -> tuple[int, int] | None:
        """1-based line and column of a claim in its original file."""
        doc = self.documents.get(claim.doc)
        return doc.line_col(claim.span.start) if doc else None


def number(d: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when whole.

    >>> number(Decimal("15000")), number(Decimal("2.5")), number(None)
    (15000, 2.5, None)
    """
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def claim_record(claim: Claim) -> dict[str, Any]:
    """The contract's JSON object for one claim (exactly the fields of DESIGN.md)."""
    q, a = claim.quantity, claim.attribution
    return {
        "doc": claim.doc, "start": claim.span.start, "end": claim.span.end, "text": claim.text,
        "value": number(q.value), "low": number(q.low), "high": number(q.high),
        "approx": q.approx, "hedge": q.hedge, "unit": q.unit, "kind": q.kind,
        "noun": claim.noun, "concept": claim.concept,
        "attribution": None if a is None else {"source": a.source, "canonical": a.canonical, "cue": a.cue},
        "modality": claim.modality,
    }


def claim_ref(claim: Claim, report: Report | None = None) -> dict[str, Any]:
    ref: dict[str, Any] = {"doc": claim.doc, "start": claim.span.start, "end": claim.span.end,
                           "text": claim.text}
    where = report.location(claim) if report else None
    if where:
        ref["line"], ref["col"] = where
    return ref


def finding_record(finding: Finding, report: Report | None = None) -> dict[str, Any]:
    return {"rule": finding.rule, "kind": finding.kind, "severity": finding.severity,
            "message": finding.message, "figure": finding.figure,
            "claims": [claim_ref(c, report) for c in finding.claims]}


def document_record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "outlet": doc.outlet,
            "date": doc.date.isoformat() if doc.date else None, "lang": doc.lang, "url": doc.url}


def figure_record(figure: Figure) -> dict[str, Any]:
    return {"id": figure.id, "concept": figure.concept, "kind": figure.kind, "unit": figure.unit,
            "claims": [claim_ref(c) for c in figure.claims]}


def value_text(claim: Claim) -> str:
    """The interval a claim means, for people: '15000', '13500–16500', '≥ 10000'."""
    q = claim.quantity
    if q.value is not None and q.low == q.high == q.value:
        return _plain(q.value)
    low = "?" if q.low is None else _plain(q.low)
    return f"≥ {low}" if q.high is None else f"{low}–{_plain(q.high)}"


def _plain(d: Decimal) -> str:
    return f"{d.normalize():f}"


def source_text(claim: Claim) -> str:
    a = claim.attribution
    if a is None:
        return "—"
    name = a.canonical or a.source
    return f"{name} (via {a.via})" if a.via else name


# -- claims (the extract command) ---------------------------------------------------------

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
    return tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True)


def _csv(headers: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buf.getvalue()
