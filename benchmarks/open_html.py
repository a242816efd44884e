"""The HTML report of 1.000 articles in headless Chromium: render time, size, time to open,
time to show a finding, tab stops (benchmarks/README.md, "The HTML report").

    .venv/bin/python benchmarks/open_html.py

Needs Debian's chromium and chromium-driver and the test extras (Selenium).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests" / "report")]

from bench_html import build_report_1000  # noqa: E402
from browser import chromium  # noqa: E402


def main() -> int:
    from selenium.webdriver.common.by import By

    from quantities.report.html import render_html

    report = build_report_1000()
    t = time.perf_counter()
    page = render_html(report)
    print(f"render {time.perf_counter() - t:.2f} s, {len(page.encode('utf-8')) / 1e6:.2f} MB, "
          f"{len(report.claims)} claims, {len(report.figures)} figures, {len(report.findings)} findings")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        path.write_text(page, encoding="utf-8")
        with chromium() as driver:
            t = time.perf_counter()
            driver.get(path.as_uri())
            print(f"open {time.perf_counter() - t:.2f} s")
            button = driver.find_element(By.CSS_SELECTOR, ".finding .show")
            t = time.perf_counter()
            button.click()
            driver.execute_script("return document.querySelectorAll('mark.hl').length")
            print(f"show a finding {time.perf_counter() - t:.2f} s")
            severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            stops = driver.execute_script("return document.querySelectorAll('[tabindex=\"0\"]').length")
            print(f"console errors {len(severe)}, elements with tabindex=0 {stops}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
