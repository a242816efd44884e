"""``--format github``: workflow commands (``::error file=…,line=…,col=…::…``) that GitHub
shows as annotations on the lines of the changed files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quantities.report.formats import Format, Options, register
from quantities.report.formats.common import modality_label, stated_place, visible
from quantities.report.model import Report
from quantities.report.records import source_text, value_text
from quantities.text.fold import squeeze
from quantities.types import Claim, Document

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def render_report(report: Report, options: Options) -> str:
    out = []
    for f in report.findings:
        level = LEVELS[f.severity]
        if not f.claims:  # e.g. an unused suppression: its message says where
            stated = stated_place(f)
            out.append(annotation(level, stated[0] if stated else None, (stated[1], 1) if stated else None,
                                  f"[{f.rule}] {f.message}"))
            continue
        seen = set()
        for c in f.claims:
            where = report.location(c)
            if (c.doc, where) in seen:
                continue
            seen.add((c.doc, where))
            out.append(annotation(level, c.doc, where, f"[{f.rule}] {f.message}"))
    return "".join(out)


def render_claims(claims: Sequence[Claim], documents: Mapping[str, Document]) -> str:
    return "".join(_notice(c, documents.get(c.doc)) for c in claims)


def _notice(c: Claim, doc: Document | None) -> str:
    outlet = f" — {doc.outlet}" if doc and doc.outlet else ""
    return annotation("notice", c.doc, doc.line_col(c.span.start) if doc and c.section == "body" else None,
                      f"{squeeze(c.text)} = {value_text(c)} ({source_text(c)}, {modality_label(c.modality)}){outlet}")


def annotation(level: str, file: str | None, where: tuple[int, int] | None, message: str) -> str:
    loc = "" if file is None else f" file={escape(file, True)}"
    if where:
        loc += f",line={where[0]},col={where[1]}"
    return f"::{level}{loc}::{escape(message, False)}\n"


def escape(text: str, prop: bool) -> str:
    text = visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


register(Format("github", report=render_report, claims=render_claims, streams=True))
