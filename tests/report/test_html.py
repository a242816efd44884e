"""The HTML report, without a browser: safety (data is never markup), the claims marked where
they stand, determinism, the page's language, the figure table and the timeline's geometry."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tables import FIXTURES, SEEDS

from quantities.ingest.documents import from_text
from quantities.integrations.cli import main
from quantities.report.html import labels, render_html
from quantities.report.model import Report
from quantities.report.page import build, page_lang, safe_url
from quantities.report.timeline import chart, clock
from quantities.run.pipeline import run

HOSTILE = FIXTURES / "html" / "hostile"
TIMELINE = FIXTURES / "html" / "timeline"
SAFE_TAGS = {"html", "head", "meta", "title", "link", "style", "body", "a", "header", "h1", "h2", "h3", "p",
             "span", "b", "form", "label", "select", "option", "button", "div", "aside", "section", "ol", "ul",
             "li", "code", "q", "main", "table", "thead", "tbody", "tr", "th", "td", "br", "figure",
             "figcaption", "svg", "line", "text", "g", "path", "article", "details", "summary", "time", "mark",
             "sup", "footer", "script"}


class Page(HTMLParser):
    """Every tag and attribute of a page, each <mark>'s own text, and the text of the rest."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: dict[str, str] = {}
        self.text: list[str] = []
        self._mark: str | None = None
        self._skip = 0  # inside a mark's <sup> label or tooltip
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "mark":
            self._mark = a["id"]
            self.marks[self._mark] = ""
        elif self._mark and (self._skip or tag == "sup" or a.get("class") == "tip"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "mark":
            self._mark = None
        elif self._mark and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._mark and not self._skip:
            self.marks[self._mark] += data


LABELS = labels()


def render(*paths, **kw) -> str:
    return render_html(run([str(p) for p in paths]), **kw)


# -- safety -------------------------------------------------------------------------------------

HOSTILE_TEXT = [  # what the page must show as text, exactly as the article has it
    '<script>window.pwned = "title"</script> 500 morti</title>',
    "<img src=x onerror=\"window.pwned='outlet'\"> Gazzetta",
    "javascript:window.pwned='url'",
    '<script>window.pwned = "body"</script>',
    '</style><script>window.pwned = "style"</script>',
    "<a href=\"javascript:window.pwned='link'\">clicca</a>",
    "<svg onload=\"window.pwned='svg'\"></svg> {{ config.items() }} {% raw %} &lt;b&gt;entità&lt;/b&gt; --> <!--",
    'Corriere "Sei" & <Sette>',
]


@pytest.fixture(scope="module")
def hostile() -> str:
    return render(HOSTILE)


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_hostile_markup_is_text(hostile, text):
    assert text in "".join(Page(hostile).text)


def test_hostile_page_has_only_its_own_markup(hostile):
    page = Page(hostile)
    assert {tag for tag, _ in page.tags} <= SAFE_TAGS
    assert sum(tag == "script" for tag, _ in page.tags) == 1
    assert sum(tag == "style" for tag, _ in page.tags) == 1
    for tag, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert "src" not in attrs and "srcset" not in attrs and "style" not in attrs, (tag, attrs)  # nothing fetched
        href = attrs.get("href")
        assert href is None or href.startswith(("#", "https://", "data:,")), href
    assert 'href="https://example.org/a?b=1&amp;c=&#34;2&#34;"' in hostile


def test_csp_lets_run_only_the_page_own_script_and_style(hostile):
    csp = next(a["content"] for t, a in Page(hostile).tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert csp.count("'sha256-") == 2


@pytest.mark.parametrize("url, shown", [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org", "http://example.org"),
    ("  https://example.org  ", "https://example.org"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("//example.org/x", None),
    ("https://exa mple.org", None),
    ("", None),
    (None, None),
])
def test_only_web_links_are_links(url, shown):
    assert safe_url(url) == shown


# -- claims marked where they stand -----------------------------------------------------------

@pytest.mark.parametrize("paths", [
    [SEEDS],
    [TIMELINE],
    [HOSTILE],
    sorted((FIXTURES / "news-dev" / "articles").glob("marocco2023_*.md")),
])
@pytest.mark.filterwarnings("ignore:.*unknown front matter key")
def test_every_claim_is_marked_on_its_own_words(paths):
    report = run([str(p) for p in paths])
    html = render_html(report)
    marks = Page(html).marks
    ids = {}
    for c in report.claims:
        ids.setdefault(c, f"c{len(ids)}")
    assert len(marks) == len(ids)
    for claim, cid in ids.items():
        assert marks[cid] == claim.span.of(report.documents[claim.doc].text), (claim.doc, claim.text)


def test_a_markdown_claim_is_marked_on_the_text_as_written():
    doc = from_text("Il Nord invierà **5.000** operai e [1.000 genieri](https://x.org).", id="a.md")
    report = run_doc(doc)
    page = Page(render_html(report))
    assert sorted(page.marks.values()) == ["1.000 genieri", "5.000** operai"]  # the markers dimmed, not hidden
    assert "[1.000 genieri" in "".join(page.text)  # the Markdown is shown as written


def test_a_headline_claim_is_marked_in_the_title():
    doc = from_text("---\ntitle: Sisma, 296 morti\n---\nIl sisma ha fatto 296 morti.", id="t.md")
    report = run_doc(doc)
    body = report.claims[0]
    headline = replace(body, span=type(body.span)(7, 16), text="296 morti", section="title")
    report.claims.insert(0, headline)
    page = Page(render_html(report))
    assert list(page.marks.values()) == ["296 morti", "296 morti"]
    html = render_html(report)
    assert html.index('id="c0"') < html.index('class="body"') < html.index('id="c1"')


def run_doc(doc):
    from quantities.run import config as configuration
    from quantities.run.pipeline import Toolkit, extract_all

    claims = [c for _, cs in extract_all([doc], Toolkit(configuration.Config()), 1) for c in cs]
    return Report(documents={doc.id: doc}, claims=claims)


# -- the findings, the figure table ------------------------------------------------------------

def test_seeds_finding_lists_both_wordings_and_their_claims():
    html = render(SEEDS)
    page = Page(html)
    button = next(a for t, a in page.tags if t == "button" and "show" in (a.get("class") or ""))
    ids = button["data-claims"].split()
    assert [page.marks[i].replace("*", "") for i in ids] == ["1.000 genieri", "1.000 ingegneri"]
    assert html.index("wording-conflict") < html.index('id="articles"')


def _rows(html: str) -> list[tuple[str, str]]:
    """Each figure-table row's wording and the mark of its last cell."""
    out = []
    for row in html.split("<tr data-outlet=")[1:]:
        row = row.split("</tr>")[0]
        wording = row.split("</a>")[0].rsplit(">", 1)[1]
        last = row.rsplit("<td>", 1)[1]
        out.append((wording, last.split(">", 1)[1].split("<", 1)[0] if "<span" in last else ""))
    return out


def test_figure_table_names_the_agreeing_value_and_the_odd_one_out():
    html = render(FIXTURES / "html" / "outlier", lang="en")
    assert "agreeing value: <b>5000</b>" in html
    assert _rows(html) == [("5.000 soldati", "= agrees"), ("5.000 soldati", "= agrees"), ("6.000 soldati", "≠ odd one out")]


def test_a_running_toll_is_in_time_order_with_its_latest_value_and_no_odd_one_out():
    """An update (296 → 632 → 2.000 → 2.497 morti over three days): the earlier values are
    earlier, not wrong; the table reads as the timeline."""
    html = render(TIMELINE, lang="en")
    assert "latest value: <b>2497</b>" in html and "agreeing value:" not in html
    assert _rows(html) == [("almeno 296 morti", "↗ earlier"), ("632 morti", "↗ earlier"),
                           ("supera i 2.000 morti", "↗ earlier"), ("2.497 morti", "● latest")]


def test_without_a_majority_nobody_agrees_and_nobody_is_odd():
    html = render(HOSTILE, lang="en")  # 500 against 700
    section = html.split('id="figure-F1"')[1].split("</section>")[0]
    assert "agreeing value: <b>no value most of them allow</b>" in section
    assert "agrees" not in section and "odd one out" not in section


def test_seeds_soldiers_all_agree():
    """"migliaia di truppe" does not contradict "circa 15mila soldati" (the reconciler's reading)."""
    html = render(SEEDS, lang="en")
    section = html.split('id="figure-F3"')[1].split("</section>")[0]  # soldati / truppe
    assert 'class="odd"' not in section
    assert "agreeing value: <b>13500–16500</b>" in section


# -- language, determinism, the command line -------------------------------------------------

@pytest.mark.parametrize("langs, wanted, page", [
    (["it", "it"], None, "it"),
    (["en"], None, "en"),
    (["it", "en", "it"], None, "it"),
    (["en", "it"], None, "en"),      # a tie: the first in order of name
    (["it"], "en", "en"),
    (["fr"], None, "en"),            # no words for that language: English
    (["fr"], "fr", "en"),
    ([], None, "en"),
])
def test_page_language(langs, wanted, page):
    docs = {str(i): from_text("x", id=str(i), lang=lang) for i, lang in enumerate(langs)}
    assert page_lang(Report(documents=docs), wanted, sorted(labels()), "en") == page


def test_every_language_has_every_word():
    words = labels()
    keys = {lang: set(table) for lang, table in words.items()}
    assert len(set(map(frozenset, keys.values()))) == 1, keys


def test_english_page():
    html = render(SEEDS, lang="en")
    assert '<html lang="en">' in html and "Findings" in html
    assert '<html lang="it">' in render(SEEDS)


def test_same_input_same_bytes_across_processes(tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "quantities", "report", str(SEEDS), str(TIMELINE), "--format", "html",
                        "--output", str(out), "--jobs", seed], env=env, check=False, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 10_000


@pytest.mark.parametrize("argv, code", [
    (["report", SEEDS, "--format", "html"], 1),
    (["report", TIMELINE, "--format", "html", "--fail-on", "never"], 0),
    (["check", SEEDS, "--reference", FIXTURES / "reference" / "good.toml", "--format", "html"], None),
])
def test_cli_writes_the_page(tmp_path, capsys, argv, code):
    out = tmp_path / "report.html"
    status = main([str(a) for a in argv] + ["--output", str(out)])
    assert code is None or status == code
    assert status in (0, 1), capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_extract_refuses_html(capsys):
    assert main(["extract", str(SEEDS), "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "report" in err


# -- the timeline -----------------------------------------------------------------------------

@pytest.mark.parametrize("when, minutes", [
    ("ore 18.35", 18 * 60 + 35),
    ("alle 6:05", 6 * 60 + 5),
    ("at 23h10", 23 * 60 + 10),
    ("in serata", None),
    ("ore 25.10", None),
    ("alle 18.355", None),
    ("2023.09", None),
    (None, None),
])
def test_clock(when, minutes):
    assert clock(when) == minutes


def test_chart_has_one_mark_per_dated_claim():
    report = run([str(TIMELINE)])
    page = build(report, lambda q: _stated(q), show_all=True)
    figure = page.figures[0]
    c = chart(figure.id, figure.claims, "no source")
    assert c is not None and len(c.marks) == len(figure.claims) == 4
    assert [m.x for m in c.marks] == sorted(m.x for m in c.marks)
    assert all(c.top <= m.y <= c.bottom for m in c.marks)


def test_a_mark_without_source_says_so_in_the_page_words(tmp_path):
    for name, text in [("a.md", "---\ndate: 2023-09-09\n---\nI morti sono 632.\n"),
                       ("b.md", "---\ndate: 2023-09-10\n---\nI morti sono 2.012, secondo il ministero.\n")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    page = build(run([str(tmp_path)]), _stated, show_all=True)
    c = chart(page.figures[0].id, page.figures[0].claims, "senza fonte")
    assert c is not None and [m.title.split(", ", 1)[1] for m in c.marks] == ["senza fonte; 2023-09-09",
                                                                              "ministero; 2023-09-10"]


# page language, what the page's <title> says, the kind as the page names it
PAGE_WORDS = [("it", "1 errore, 0 avvisi", "(conteggio)"), ("en", "1 error, 0 warnings", "(count)")]


@pytest.mark.parametrize(("lang", "counts", "kind"), PAGE_WORDS)
def test_counts_and_kinds_in_the_page_words(lang, counts, kind):
    report = run([str(SEEDS)])
    html = render_html(report, lang=lang)
    assert f"<title>{LABELS[lang]['page_title']}: {counts}</title>" in html
    assert f'<span class="kind">{kind}</span>' in html
    assert ({"(count)", "(conteggio)"} - {kind}).pop() not in html


def test_no_chart_without_two_moments():
    report = run([str(SEEDS)])
    page = build(report, _stated, show_all=True)
    assert all(chart(f.id, f.claims, "-") is None for f in page.figures)


def _stated(q):
    from quantities.reconciliation.intervals import Interval

    return Interval(q.low if q.low is not None else Decimal(0), q.high)


# moments (day offset, clock time or None) of a figure's claims → the x labels drawn
TICKS = [
    ([(0, None), (1, None)], ["2023-09-09", "2023-09-10"]),
    ([(0, "ore 4.10"), (0, "ore 8.15"), (0, "ore 10.30"), (0, None), (0, "ore 14.20"), (0, "ore 23.10"), (1, None)],
     ["2023-09-09 04:10", "10:30", "14:20", "23:10", "2023-09-10"]),  # a live blog: 08:15 would touch 04:10
    ([(0, "ore 9.00"), (0, "ore 9.05"), (0, "ore 18.00")], ["2023-09-09 09:00", "18:00"]),
    ([(0, "ore 9.00"), (1, "ore 9.00")], ["2023-09-09 09:00", "2023-09-10 09:00"]),  # a new day writes its date
]


@pytest.mark.parametrize(("moments", "labels_drawn"), TICKS)
def test_x_labels_never_overlap(tmp_path, moments, labels_drawn):
    from datetime import date, timedelta

    for i, (day, when) in enumerate(moments):
        stamp = f"{when.capitalize()} – " if when else ""
        text = f"---\ndate: {date(2023, 9, 9) + timedelta(days=day)}\n---\n{stamp}I morti sono {100 * (i + 1) + 7}.\n"
        (tmp_path / f"{i}.md").write_text(text, encoding="utf-8")
    page = build(run([str(tmp_path)]), _stated, show_all=True)
    c = chart(page.figures[0].id, page.figures[0].claims, "-")
    assert c is not None and [label for _, label in c.xticks] == labels_drawn
    widths = [(x - len(label) * 3.1, x + len(label) * 3.1) for x, label in c.xticks]
    assert all(a[1] < b[0] for a, b in zip(widths, widths[1:]))


# -- contrast (WCAG 2 AA: 4.5 for text) ---------------------------------------------------------

def _css_colours() -> dict[str, str]:
    import re

    css = (Path(__file__).parents[2] / "quantities" / "report" / "templates" / "report.css").read_text(encoding="utf-8")
    found = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    found.update({f".{name}": hex_ for name, hex_ in re.findall(r"\.(f\d|md|agreemark) \{ (?:background|color): (#[0-9a-f]{6})", css)})
    return found


def _contrast(a: str, b: str) -> float:
    def luminance(hex_: str) -> float:
        rgb = [int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# text colour, background: every pair of the page's text (CSS names, or literal colours)
CONTRAST = [
    ("ink", "wash"), ("ink", "paper"), ("muted", "paper"), ("muted", "wash"), ("muted", "#fff8f9"),
    ("error", "error-bg"), ("warning", "warning-bg"), ("info", "info-bg"), ("error", "#fff4f5"),
    ("info", "paper"), (".agreemark", "paper"), (".md", "paper"), (".md", "#eceef2"),
    ("paper", "ink"), ("ink", "#ffe14d"),  # a claim's note; a highlighted claim
    *[("ink", f".f{i}") for i in range(10)],  # a claim in its figure's colour
]


@pytest.mark.parametrize(("text", "background"), CONTRAST)
def test_text_contrast_is_at_least_aa(text, background):
    colours = _css_colours()
    fg, bg = (colours.get(c.lstrip("-"), c) for c in (text, background))
    assert _contrast(fg, bg) >= 4.5, (text, fg, background, bg)


# -- readable without colour --------------------------------------------------------------------

def test_without_colour_each_flagged_claim_says_its_figure_and_severity_in_text():
    """Grey print or colour blindness: a flagged claim's label names its figure and its worst
    finding's symbol, a severity badge says its word, an odd one out says "≠"."""
    import re

    html = render(SEEDS, lang="en")
    labels_ = dict(re.findall(r'<mark id="(c\d+)" class="claim [^"]*flag[^"]*"[^>]*>.*?<sup class="tag"[^>]*>([^<]*)</sup>',
                              html))
    assert sorted(set(labels_.values())) == ["F3 ●", "F4 ✖"] and len(labels_) == 5
    assert re.search(r'class="badge sev-error"><span class="icon" aria-hidden="true">✖</span> error</span>', html)
    outlier = render(FIXTURES / "html" / "outlier", lang="en")
    assert outlier.count("≠ odd one out") == 1


def test_a_claims_note_says_no_source_once():
    html = render(SEEDS, lang="en")
    tips = re.findall(r'<span class="tip" role="tooltip" id="c\d+-tip">([^<]*)</span>', html)
    truppe = [t for t in tips if t.startswith("F3") and "2000–9999" in t]
    assert truppe and all("· no source ·" in t and "source no source" not in t for t in truppe)
    assert any("· source South Korea ·" in t for t in tips)
