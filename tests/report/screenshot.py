"""Render a report page with the command line and photograph it in headless Chromium (the
README's screenshots).

    .venv/bin/python tests/report/screenshot.py fixtures/seeds docs/report-seeds.png [--click] [--scroll CSS]

The page is exactly what ``quantities report PATH… --format html`` writes, in the language
``--locale`` names (default ``it``, the seeds' language; the page and its findings speak one
language). ``--click`` clicks the first finding first, so the picture shows its claims
highlighted.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from browser import chromium

from quantities.integrations.cli import main as cli


def render(paths: list[str], html: Path, locale: str, show_all: bool = False) -> None:
    """``quantities report PATH… --format html --output HTML`` with the messages in ``locale``."""
    os.environ["LC_ALL"] = "C" if locale == "en" else f"{locale}.UTF-8"
    argv = ["report", *paths, "--format", "html", "--output", str(html), "--fail-on", "never", "--quiet"]
    if cli(argv + (["--all"] if show_all else [])) != 0:
        raise SystemExit(f"screenshot: quantities {' '.join(argv)} failed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("png")
    parser.add_argument("--click", action="store_true", help="click the first finding first")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--locale", default="it", help="the page's language (default: it)")
    parser.add_argument("--all", action="store_true", help="also the figures without findings")
    parser.add_argument("--scroll", help="CSS selector to scroll into view first (e.g. '#timeline')")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "report.html"
        render(args.paths, html, args.locale, args.all)
        with chromium(args.width, args.height) as driver:
            driver.get(html.as_uri())
            if args.click:
                from selenium.webdriver.common.by import By

                driver.find_element(By.CSS_SELECTOR, ".finding .show").click()
                time.sleep(0.3)
            if args.scroll:
                found = driver.execute_script("const el = document.querySelector(arguments[0]);"
                                              "if (el) { el.scrollIntoView(); } return !!el;", args.scroll)
                if not found:
                    print(f"screenshot: nothing on the page matches {args.scroll!r}", file=sys.stderr)
                time.sleep(0.2)
            driver.save_screenshot(args.png)
    print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
