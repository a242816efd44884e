"""The JSON records of the contract: one claim, finding, document, figure; other tools depend on them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from quantities.report.model import Report
from quantities.text.decimals import plain
from quantities.types import Claim, Document, Figure, Finding

#: The version of the JSON contract (the records below and the report's envelope). 2 added
#: a claim's status, scope, section and time, and the report's version and tool fields;
#: 3 gives a figure its keys (status, scope, event, modality) and superseded claims, a
#: finding its cause, and the report the claims in no figure ("unaligned", with why).
CONTRACT_VERSION = 3


def number(d: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when whole.

    >>> number(Decimal("15000")), number(Decimal("2.5")), number(None)
    (15000, 2.5, None)
    """
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def claim_record(claim: Claim) -> dict[str, Any]:
    """The contract's JSON object for one claim (the fields documented in README's "The JSON contract")."""
    q, a = claim.quantity, claim.attribution
    return {
        "doc": claim.doc, "start": claim.span.start, "end": claim.span.end, "text": claim.text,
        "value": number(q.value), "low": number(q.low), "high": number(q.high),
        "approx": q.approx, "hedge": q.hedge, "unit": q.unit, "kind": q.kind,
        "noun": claim.noun, "concept": claim.concept,
        "attribution": None if a is None else {"source": a.source, "canonical": a.canonical, "cue": a.cue},
        "modality": claim.modality,
        "status": claim.status, "scope": claim.scope, "section": claim.section, "when": claim.when,
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
            "cause": finding.cause, "message": finding.message, "figure": finding.figure,
            "claims": [claim_ref(c, report) for c in finding.claims]}


def document_record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "outlet": doc.outlet,
            "date": doc.date.isoformat() if doc.date else None, "lang": doc.lang, "url": doc.url}


def figure_record(figure: Figure) -> dict[str, Any]:
    """A figure with its keys: what it counts (concept), status, scope, kind, unit, event."""
    return {"id": figure.id, "concept": figure.concept, "status": figure.status, "scope": figure.scope,
            "kind": figure.kind, "unit": figure.unit, "event": figure.event, "modality": figure.modality,
            "claims": [claim_ref(c) for c in figure.claims],
            "superseded": [claim_ref(c) for c in figure.superseded]}


def unaligned_record(claim: Claim, reason: str, report: Report | None = None) -> dict[str, Any]:
    """A claim in no figure, and why."""
    return {**claim_ref(claim, report), "reason": reason}


def value_text(claim: Claim) -> str:
    """The interval a claim means, for people: '15000', '13500–16500', '≥ 10000'."""
    q = claim.quantity
    if q.value is not None and q.low == q.high == q.value:
        return plain(q.value)
    low = "?" if q.low is None else plain(q.low)
    return f"≥ {low}" if q.high is None else f"{low}–{plain(q.high)}"


def source_text(claim: Claim) -> str:
    a = claim.attribution
    if a is None:
        return "—"
    name = a.canonical or a.source
    return f"{name} (via {a.via})" if a.via else name


# -- claims (the extract command) ---------------------------------------------------------
