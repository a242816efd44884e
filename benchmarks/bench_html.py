"""The HTML report of 1.000 articles: render time and page size (extra_info: bytes, MB).

The articles come from ``corpus.py`` with an outlet, a date over a week and a title each,
so the page has every part: findings, figure tables, timelines, 1.000 marked articles.
"""

import datetime as dt

import corpus
import pytest

from quantities.ingest import documents
from quantities.reconciliation.rules import reconcile
from quantities.report.html import render_html
from quantities.report.model import Report
from quantities.run.config import Config
from quantities.run.pipeline import Toolkit

OUTLETS = ["Agenzia Uno", "Quotidiano Due", "Tg Tre", "Sito Quattro", "Radio Cinque"]


def build_report_1000() -> Report:
    """The report of 1,000 articles of the synthetic corpus, five outlets over a week."""
    start = dt.date(2025, 8, 10)
    docs = [documents.from_text(text, id=f"articoli/doc{i:04d}.md", outlet=OUTLETS[i % len(OUTLETS)],
                                date=start + dt.timedelta(days=i % 7), title=f"Articolo {i}",
                                url=f"https://example.org/{i}")
            for i, text in enumerate(corpus.documents(1000))]
    toolkit = Toolkit(Config())
    claims = [c for d in docs for c in toolkit.extract(d)]
    result = reconcile(claims)
    return Report({d.id: d for d in docs}, claims, list(result.figures), list(result.findings))


@pytest.fixture(scope="module")
def report_1000():
    return build_report_1000()


@pytest.mark.parametrize("show_all", [False, True], ids=["flagged-figures", "all-figures"])
def test_render_html_1000_articles(benchmark, report_1000, show_all):
    page = benchmark.pedantic(render_html, args=(report_1000,), kwargs={"show_all": show_all},
                              rounds=3, iterations=1)
    size = len(page.encode("utf-8"))
    benchmark.extra_info.update(bytes=size, MB=round(size / 1e6, 2), claims=len(report_1000.claims),
                                figures=len(report_1000.figures), findings=len(report_1000.findings))
    assert page.count("<article ") == 1000
