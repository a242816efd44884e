"""``--format csv``: one row per finding (report) or claim (extract), for spreadsheets.

Columns and values are the contract's (English names, raw severities), as other tools
read them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quantities.report.formats import Format, Options, register
from quantities.report.formats.common import blank, csv_text
from quantities.report.model import Report
from quantities.report.records import claim_record
from quantities.text.fold import squeeze
from quantities.types import Claim, Document

CLAIM_COLUMNS = ["doc", "start", "text", "value", "low", "high", "kind", "unit", "noun", "source", "modality"]
FINDING_COLUMNS = ["severity", "rule", "where", "message", "outlet"]  # outlet: of the file "where" names


def render_report(report: Report, options: Options) -> str:
    rows = []
    for f in report.findings:
        first = f.claims[0] if f.claims else None
        where = report.location(first) if first else None
        place = f"{first.doc}:{where[0]}:{where[1]}" if first and where else (first.doc if first else "")
        doc = report.documents.get(first.doc) if first else None
        rows.append([f.severity, f.rule, place, f.message, doc.outlet or "" if doc else ""])
    return csv_text(FINDING_COLUMNS, rows)


def render_claims(claims: Sequence[Claim], documents: Mapping[str, Document]) -> str:
    rows = []
    for c in claims:
        r = claim_record(c)
        source = r["attribution"]["canonical"] or r["attribution"]["source"] if r["attribution"] else ""
        rows.append([r["doc"], r["start"], squeeze(r["text"]), blank(r["value"]), blank(r["low"]),
                     blank(r["high"]), r["kind"], r["unit"] or "", r["noun"] or "", source, r["modality"]])
    return csv_text(CLAIM_COLUMNS, rows)


register(Format("csv", report=render_report, claims=render_claims))
