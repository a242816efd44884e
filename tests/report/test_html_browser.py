"""The HTML report in a real browser: headless Chromium (Debian's chromium and chromium-driver,
which ``.ci/run`` installs) driven by Selenium.

No console errors (a CSP violation would be one); the seeds' genieri/ingegneri finding is
there and clicking it reveals and highlights both claims; a hostile article runs nothing and
shows its markup as text; the timeline has one mark per dated claim.
"""

from __future__ import annotations

import json
import time

import pytest
from browser import CHROMEDRIVER, CHROMIUM, available, chromium
from tables import FIXTURES, SEEDS

from quantities.report.html import render_html
from quantities.run.pipeline import run

HOSTILE = FIXTURES / "html" / "hostile"
TIMELINE = FIXTURES / "html" / "timeline"


@pytest.fixture(scope="module")
def browser():
    assert available(), (f"the browser tests need {CHROMIUM} and {CHROMEDRIVER}: "
                         "apt-get install chromium chromium-driver (.ci/run does it)")
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The seeds', the hostile and the timeline articles' pages, written once."""
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for name, path in (("seeds", SEEDS), ("hostile", HOSTILE), ("timeline", TIMELINE)):
        page = folder / f"{name}.html"
        page.write_text(render_html(run([str(path)])), encoding="utf-8")
        out[name] = page.as_uri()
    return out


def open_page(browser, uri):
    browser.get(uri)
    browser.get_log("browser")  # drop what an earlier page logged
    browser.refresh()
    return browser


def errors(browser):
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def by(css):
    from selenium.webdriver.common.by import By

    return By.CSS_SELECTOR, css


@pytest.mark.parametrize("name", ["seeds", "hostile", "timeline"])
def test_no_console_errors(browser, pages, name):
    open_page(browser, pages[name])
    browser.find_element(*by(".finding .show")).click()
    assert errors(browser) == []


def genieri_finding(browser):
    findings = [f for f in browser.find_elements(*by(".finding"))
                if "genieri" in f.text and "ingegneri" in f.text]
    assert len(findings) == 1, [f.text for f in browser.find_elements(*by(".finding"))]
    return findings[0]


def test_the_seeds_genieri_finding_is_there(browser, pages):
    finding = genieri_finding(open_page(browser, pages["seeds"]))
    assert "wording-conflict" in finding.text
    assert "error" in finding.get_attribute("class")


def test_clicking_the_finding_reveals_and_highlights_both_claims(browser, pages):
    open_page(browser, pages["seeds"])
    # hide the articles first: close every article and filter to an outlet-less nothing
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = false);"
                           "document.querySelectorAll('article').forEach(a => a.hidden = true);")
    button = genieri_finding(browser).find_element(*by("button.show"))
    ids = button.get_attribute("data-claims").split()
    assert len(ids) == 2
    button.click()
    time.sleep(0.2)
    marks = [browser.find_element(*by(f"#{i}")) for i in ids]
    words = browser.execute_script("return arguments[0].map(m => { const c = m.cloneNode(true); "
                                   "c.querySelectorAll('sup, .tip').forEach(x => x.remove()); return c.textContent; })", marks)
    assert [w.replace("*", "") for w in words] == ["1.000 genieri", "1.000 ingegneri"]
    for m in marks:
        assert m.is_displayed()
        assert "hl" in m.get_attribute("class").split()
    assert button.get_attribute("aria-pressed") == "true"
    first = marks[0].rect
    assert 0 <= first["y"] - browser.execute_script("return window.scrollY") <= browser.get_window_size()["height"]
    assert browser.switch_to.active_element == marks[0]
    button.click()  # once more: the finding's next claim
    assert browser.switch_to.active_element == marks[1]
    assert all("hl" in m.get_attribute("class").split() for m in marks)
    button.click()
    assert browser.switch_to.active_element == marks[0]


def test_the_finding_works_from_the_keyboard(browser, pages):
    from selenium.webdriver.common.keys import Keys

    open_page(browser, pages["seeds"])
    button = genieri_finding(browser).find_element(*by("button.show"))
    browser.execute_script("arguments[0].focus()", button)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert len(browser.find_elements(*by("mark.hl"))) == 2
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert browser.find_elements(*by("mark.hl")) == []


def test_a_hostile_article_runs_nothing_and_shows_its_markup(browser, pages):
    open_page(browser, pages["hostile"])
    for el in browser.find_elements(*by("mark, summary, a, .quotes li")):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", el)
    time.sleep(0.3)
    assert browser.execute_script("return window.pwned === undefined")
    text = browser.find_element(*by("body")).text
    for shown in ('<script>window.pwned = "title"</script>', '<script>window.pwned = "body"</script>',
                  '</style><script>window.pwned = "style"</script>', "onerror=\"window.pwned='img'\"",
                  "javascript:window.pwned='url'", "<a href=\"javascript:window.pwned='link'\">clicca</a>"):
        assert shown in text
    hrefs = browser.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    assert browser.execute_script("return document.querySelectorAll('script').length") == 1
    assert errors(browser) == []


def test_the_chart_has_one_mark_per_dated_claim(browser, pages):
    open_page(browser, pages["timeline"])
    report = json.loads(_json(TIMELINE))
    dates = {d["id"]: d["date"] for d in report["documents"]}
    for figure in report["figures"]:
        dated = [c for c in figure["claims"] if dates[c["doc"]]]
        marks = browser.find_elements(*by(f'.chart[data-fig="{figure["id"]}"] .mark'))
        assert len(marks) == len(dated) == 4
    titles = browser.execute_script("return [...document.querySelectorAll('.chart .mark title')].map(t => t.textContent)")
    assert any("Agenzia Uno" in t and "1_agenzia.md" in t for t in titles)
    marks[-1].click()
    assert len(browser.find_elements(*by("mark.hl"))) == 1


def _json(path) -> str:
    from quantities.report import formats
    from quantities.report.formats import Options

    return formats.get("json").report(run([str(path)]), Options())


@pytest.mark.parametrize("select, choice, visible", [
    # the running toll is one update (info) naming the four outlets (the reconciler of issue 14)
    ("filter-outlet", "Agenzia Uno", {"article": 1, ".finding": 1, ".figure tbody tr": 1}),
    ("filter-outlet", "Quotidiano Due", {"article": 1, ".finding": 1, ".figure tbody tr": 1}),
    ("filter-severity", "errore", {"article": 4, ".finding": 0}),
    ("filter-severity", "nota", {"article": 4, ".finding": 1}),
    ("filter-figure", "F1: morti", {".finding": 1, ".figure": 1, ".chart": 1}),
])
def test_filters(browser, pages, select, choice, visible):
    from selenium.webdriver.support.ui import Select

    open_page(browser, pages["timeline"])
    Select(browser.find_element(*by(f"#{select}"))).select_by_visible_text(choice)
    for css, n in visible.items():
        assert sum(e.is_displayed() for e in browser.find_elements(*by(css))) == n, css


def test_tab_stops_are_the_findings_figures_and_flagged_claims_not_every_claim(browser, pages):
    """Tab walks the findings, the figure table and the claims findings name; the other
    claims (23 on the seeds) are not tab stops, though a link or a click still focuses them."""
    from selenium.webdriver.common.keys import Keys

    open_page(browser, pages["seeds"])
    flagged = browser.execute_script("return [...document.querySelectorAll('mark.flag')].map(m => m.id)")
    plain = browser.execute_script("return [...document.querySelectorAll('mark.claim:not(.flag)')].map(m => m.id)")
    assert len(flagged) == 5 and len(plain) > 10
    browser.find_element(*by("body")).send_keys(Keys.TAB)
    reached = []
    for _ in range(80):
        el = browser.switch_to.active_element
        reached.append(el.get_attribute("id") or el.tag_name)
        el.send_keys(Keys.TAB)
    assert set(flagged) <= set(reached)
    assert not set(plain) & set(reached)
    browser.execute_script("document.getElementById(arguments[0]).focus()", plain[0])  # a link's target
    assert browser.switch_to.active_element.get_attribute("id") == plain[0]


@pytest.mark.parametrize("name", ["seeds", "timeline"])
@pytest.mark.parametrize("width", [1440, 700])
def test_no_claim_note_runs_past_the_window(browser, pages, width, name):
    """Each claim's note (value, interval, source…) stays inside the window and its article
    (which clips it), also for a claim at the right edge of a column or at an article's end."""
    browser.set_window_size(width, 900)
    try:
        open_page(browser, pages[name])
        from selenium.webdriver.common.action_chains import ActionChains

        outside = []
        room = browser.execute_script("return document.documentElement.clientWidth")
        for mark in browser.find_elements(*by("mark.claim")):
            heading = browser.find_element(*by("#articles-h"))
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
            # a real hover, from off any claim (the last claim's note may lie over this one)
            ActionChains(browser).move_to_element(heading).move_to_element(mark).perform()
            box, frame = browser.execute_script("return [arguments[0].querySelector('.tip').getBoundingClientRect(), "
                                                "arguments[0].closest('article').getBoundingClientRect()]", mark)
            inside = (box["left"] >= 0 and box["right"] <= room and frame["left"] <= box["left"]
                      and box["right"] <= frame["right"] and frame["top"] <= box["top"] and box["bottom"] <= frame["bottom"])
            if box["width"] == 0 or not inside:  # an article clips what runs out of it (content-visibility)
                outside.append((mark.get_attribute("id"), box, frame, room))
        assert outside == []
    finally:
        browser.set_window_size(1440, 1000)


def test_it_prints(browser, pages):
    """Print media: the filters, key help and notes go, the findings are not a scrolled column,
    every article opens before printing, and Chromium makes a PDF of it."""
    import base64

    open_page(browser, pages["seeds"])
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = false);"
                           "window.dispatchEvent(new Event('beforeprint'));")
    assert browser.execute_script("return [...document.querySelectorAll('details')].every(d => d.open)")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.execute_script("""
            const style = sel => getComputedStyle(document.querySelector(sel));
            return [style('.filters').display, style('.keys').display, style('mark.claim .tip').display,
                    style('aside#findings').position, style('aside#findings').overflow];""")
        assert shown == ["none", "none", "none", "static", "visible"]
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(browser.print_page())
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
