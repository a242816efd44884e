"""The pytest plugin's HTML page (``--quantities-html``): one report of the session's runs,
written atomically. Loaded only when a session asks for the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from quantities.integrations.output import output
from quantities.reconciliation.rules import ReconcileSettings
from quantities.report.html import render_html
from quantities.report.model import Report
from quantities.text.i18n import current


def write_page(path: Path, reports: list[Report], reconcile: Mapping[str, Any]) -> None:
    """The page of ``reports`` (merged when several) at ``path``, in the current language."""
    page = render_html(merged(reports), lang=current(), settings=ReconcileSettings.from_mapping(reconcile))
    with output(str(path), []) as out:
        out.write(page)


def merged(reports: list[Report]) -> Report:
    """One report of several configured paths' runs (figure ids numbered by path when several)."""
    if len(reports) == 1:
        return reports[0]
    out = Report()
    for n, report in enumerate(reports, 1):
        ids = {f.id: f"{n}.{f.id}" for f in report.figures}
        out.documents.update(report.documents)
        out.claims.extend(report.claims)
        out.figures.extend(replace(f, id=ids[f.id]) for f in report.figures)
        out.findings.extend(replace(f, figure=ids.get(f.figure or "", f.figure)) for f in report.findings)
    return out
