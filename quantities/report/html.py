"""The HTML report: one self-contained page (styles and script inline, no network).

Rendered with Jinja2 and autoescaping: every article text, title, outlet, url and source
reaches the page as text, never as markup; links are kept only for http(s) urls. The page
carries a Content-Security-Policy that lets run only its own style and script (by their
hashes), so even markup that slipped through could not run. The output is deterministic:
the same report gives the same bytes. The page's words are data (templates/labels.toml).
"""

from __future__ import annotations

import base64
import hashlib
import tomllib
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from quantities.reconciliation.intervals import Interval, interval_of
from quantities.reconciliation.rules import ReconcileSettings
from quantities.report.model import Report
from quantities.report.page import ICONS, Page, build, page_lang
from quantities.report.timeline import chart
from quantities.types import Quantity
from quantities.version import __version__

TEMPLATES = "templates"
DEFAULT_LANG = "en"


@cache
def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("quantities.report", TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


@cache
def _asset(name: str) -> str:
    return (resources.files("quantities.report") / TEMPLATES / name).read_text(encoding="utf-8")


@cache
def labels() -> dict[str, dict[str, Any]]:
    """The page's words by language (``templates/labels.toml``)."""
    return tomllib.loads(_asset("labels.toml"))


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(report: Report, *, show_all: bool = False, lang: str | None = None,
                settings: ReconcileSettings | None = None) -> str:
    """The report as one HTML page; ``lang`` picks its language (the CLI and the pytest plugin
    pass the findings' language, so that one page speaks one language), else the documents'.

    ``settings`` (the run's reconciler settings) say how a figure's values are read when the
    figure table names the agreeing value and the odd ones out.
    """
    from markupsafe import Markup

    words = labels()
    code = page_lang(report, lang, sorted(words), DEFAULT_LANG)
    page: Page = build(report, _reader(settings or ReconcileSettings()), show_all=show_all)
    t = words[code]
    charts = [(f, c) for f in page.shown if (c := chart(f.id, f.claims, t["no_source"])) is not None]
    css, js = _asset("report.css"), _asset("report.js")
    return _environment().get_template("report.html.j2").render(
        lang=code, t=t, page=page, charts=charts, counts=report.counts(), icons=ICONS,
        tool=f"quantities {__version__}",
        css=Markup(css), js=Markup(js), csp_style=_csp_hash(css), csp_script=_csp_hash(js),
    )


def _reader(s: ReconcileSettings) -> Callable[[Quantity], Interval]:
    tolerance, margin = Decimal(str(s.precision_tolerance)), Decimal(str(s.approx_margin))
    stretch = Decimal(str(s.vague_stretch))
    return lambda q: interval_of(q, tolerance=tolerance, approx_margin=margin, vague_stretch=stretch)
