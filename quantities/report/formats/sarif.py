"""``--format sarif``: SARIF 2.1.0, what GitHub code scanning and other CI dashboards read.

One ``run`` whose driver lists every rule (id, summary, default level) and one ``result``
per finding: its first claim is the location, the others are related locations. Inputs that
could not be read are the run's tool execution notifications (level error). The
tests validate the output against the official 2.1.0 schema.
"""

from __future__ import annotations

import json
from typing import Any

from quantities.report import catalogue
from quantities.report.formats import Format, Options, register
from quantities.report.model import Report
from quantities.types import Claim, Finding
from quantities.version import __version__

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note", "off": "none"}


def render_report(report: Report, options: Options) -> str:
    rules = catalogue.rule_table()
    index = {r.name: i for i, r in enumerate(rules)}
    driver = {
        "name": "quantities",
        "version": __version__,
        "rules": [{
            "id": r.name,
            "shortDescription": {"text": catalogue.summary(r) or r.name},
            "help": {"text": catalogue.example(r) or r.name},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
            "properties": {"kind": r.kind},
        } for r in rules],
    }
    results = [_result(f, report, index) for f in report.findings]
    run: dict[str, Any] = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    if options.unread:  # what could not be read, as the run's notifications
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [
            _notification(file, line, message) for file, line, message in options.unread]}]
    sarif = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def _notification(file: str | None, line: int | None, message: str) -> dict[str, Any]:
    from urllib.parse import quote

    out: dict[str, Any] = {"level": "error", "message": {"text": message}}
    if file:
        physical: dict[str, Any] = {"artifactLocation": {"uri": quote(file.replace("\\", "/"))}}
        if line:
            physical["region"] = {"startLine": line}
        out["locations"] = [{"physicalLocation": physical}]
    return out


def _result(finding: Finding, report: Report, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.rule, "level": LEVELS[finding.severity],
                              "message": {"text": finding.message}}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    places = [_location(c, report, i) for i, c in enumerate(finding.claims)]
    if places:
        result["locations"] = [places[0]]
    if len(places) > 1:
        result["relatedLocations"] = places[1:]
    properties = {k: v for k, v in (("figure", finding.figure), ("cause", finding.cause)) if v}
    if properties:   # the cause tells a value conflict's kinds apart ("outlier", "scattered", …), as in JSON
        result["properties"] = properties
    return result


def _location(claim: Claim, report: Report, n: int) -> dict[str, Any]:
    from urllib.parse import quote

    doc = report.documents.get(claim.doc)
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote((doc.path if doc and doc.path else claim.doc)
                                                                  .replace("\\", "/"))}}
    if doc is not None and doc.path == doc.id and claim.section == "body":  # a file of its own: lines are the file's
        (line, col), (end_line, end_col) = doc.line_col(claim.span.start), doc.line_col(claim.span.end)
        physical["region"] = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                              "snippet": {"text": claim.text}}
    location: dict[str, Any] = {"id": n, "physicalLocation": physical}
    if doc is not None and doc.outlet:
        location["message"] = {"text": doc.outlet}
    return location


register(Format("sarif", report=render_report))
