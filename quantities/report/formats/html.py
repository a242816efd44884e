"""``--format html``: one self-contained page for a browser (report and check; see report/html.py)."""

from __future__ import annotations

from quantities.report.formats import Format, Options, register
from quantities.report.model import Report


def _report(report: Report, options: Options) -> str:
    from quantities.reconciliation.rules import ReconcileSettings
    from quantities.report.html import render_html
    from quantities.text.i18n import current

    settings = ReconcileSettings.from_mapping(options.reconcile) if options.reconcile else None
    # The page speaks the findings' language (config locale, else LANG, else the documents').
    return render_html(report, show_all=options.show_all, lang=current(), settings=settings)


FORMAT = register(Format("html", report=_report))
