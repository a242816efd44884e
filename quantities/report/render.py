"""Rendering claims and reports in a format of :mod:`quantities.report.formats`.

The JSON records follow the contract in the README; other tools depend on them.
"""

from __future__ import annotations

from collections.abc import Iterable

from quantities.report import formats
from quantities.report.formats import Options
from quantities.report.formats.common import summary
from quantities.report.model import Report
from quantities.types import Claim, Document

__all__ = ["Options", "render_claims", "render_report", "summary"]


def render_claims(claims: Iterable[Claim], fmt: str, doc: Document | None = None) -> str:
    """Claims in format ``fmt`` (github: one notice per claim, at its line and column in
    ``doc``'s file when given)."""
    renderer = formats.get(fmt).claims
    if renderer is None:
        raise ValueError(f"format {fmt!r} renders reports, not claims")
    return renderer(list(claims), doc)


def render_report(report: Report, fmt: str, *, show_all: bool = False, options: Options | None = None) -> str:
    """The whole report in format ``fmt``."""
    renderer = formats.get(fmt).report
    if renderer is None:
        raise ValueError(f"format {fmt!r} renders claims, not reports")
    return renderer(report, options or Options(show_all=show_all))
