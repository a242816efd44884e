"""``pytest --quantities-html FILE``: the plugin writes the page of its runs (a CI artifact)."""

from __future__ import annotations

import shutil

import pytest
from tables import SEEDS

GENIERI = "000_b6943ad90d5cd531.txt"
INGEGNERI = "002_0517a2c3f414bc01.txt"
INI = """
[tool.pytest.ini_options]
quantities_paths = {paths}
"""
QUIET = ("-p", "no:hypothesispytest", "-p", "no:benchmark", "-p", "no:xdist")


def newsroom(pytester: pytest.Pytester, folders: dict[str, list[str]]) -> None:
    for folder, names in folders.items():
        (pytester.path / folder).mkdir()
        for name in names:
            shutil.copy(SEEDS / name, pytester.path / folder / name)
    paths = "[" + ", ".join(f'"{f}/"' for f in folders) + "]"
    pytester.makefile(".toml", pyproject=INI.format(paths=paths))


@pytest.mark.parametrize("folders, outcome, findings", [
    ({"articoli": [GENIERI, INGEGNERI]}, {"failed": 1, "passed": 2}, ["wording-conflict"]),
    ({"articoli": [GENIERI]}, {"passed": 2}, []),
    ({"a": [GENIERI], "b": [INGEGNERI]}, {"passed": 4}, []),
])
def test_the_page_is_written(pytester, folders, outcome, findings):
    newsroom(pytester, folders)
    (pytester.path / "out").mkdir()
    result = pytester.runpytest(*QUIET, "--quantities-html", "out/report.html")
    result.assert_outcomes(**outcome)
    page = (pytester.path / "out" / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for rule in findings:
        assert rule in page
    assert page.count("<article ") == sum(map(len, folders.values()))
    result.stdout.fnmatch_lines(["quantities: HTML report written to *report.html"])


def test_no_option_no_page(pytester):
    newsroom(pytester, {"articoli": [GENIERI, INGEGNERI]})
    pytester.runpytest(*QUIET).assert_outcomes(failed=1, passed=2)
    assert not list(pytester.path.rglob("*.html"))


@pytest.mark.parametrize("articles, target, says, status", [
    ([GENIERI], "missing/folder/report.html", "*report.html: cannot write the output*", pytest.ExitCode.USAGE_ERROR),
    ([GENIERI], "articoli", "*articoli: is a directory; --quantities-html takes a file name", pytest.ExitCode.USAGE_ERROR),
    ([GENIERI, INGEGNERI], "missing/folder/report.html", "*cannot write the output*", pytest.ExitCode.TESTS_FAILED),
], ids=["a passing run: not green without its artifact", "a folder", "a failing run stays failed"])
def test_an_unwritable_page_is_one_line_and_no_green_run(pytester, articles, target, says, status):
    """The page CI keeps as an artifact could not be written: one line, and the run is not
    green (break13: "1 passed", exit 0, and no artifact)."""
    newsroom(pytester, {"articoli": articles})
    result = pytester.runpytest(*QUIET, "--quantities-html", target)
    result.stdout.fnmatch_lines(["quantities: error: " + says])
    assert result.ret == status and "Traceback" not in result.stdout.str()


@pytest.mark.parametrize("target", [f"articoli/{GENIERI}", "pyproject.toml", "figures.toml", "articoli/page.md"],
                         ids=["an article", "the ini file and config", "the reference", "an article's type in the folder"])
def test_the_page_never_replaces_what_the_session_reads(pytester, target):
    """An article, the ini file or the reference became the page (break12): refused, one line;
    so is a file the next session would read as an article."""
    newsroom(pytester, {"articoli": [GENIERI]})
    (pytester.path / "figures.toml").write_text('[[figure]]\nid = "a"\nwhat = ["genieri"]\nvalue = 1000\n',
                                                encoding="utf-8")
    with open(pytester.path / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write('\nquantities_reference = "figures.toml"\n')
    before = {p: p.read_bytes() for p in pytester.path.rglob("*") if p.is_file()}
    result = pytester.runpytest(*QUIET, "--quantities-html", target)
    result.stdout.fnmatch_lines(["quantities: error: *--quantities-html * write it elsewhere"])
    assert {p: p.read_bytes() for p in before} == before and not list(pytester.path.rglob("page.*"))
    assert "Traceback" not in result.stdout.str()


def test_a_page_of_its_own_type_in_the_folder_read_is_written(pytester):
    """Near miss: an .html page among the articles is no article type, and the next session skips it."""
    newsroom(pytester, {"articoli": [GENIERI]})
    pytester.runpytest(*QUIET, "--quantities-html", "articoli/page.html").assert_outcomes(passed=2)
    assert (pytester.path / "articoli" / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# the config's locale, with LANG=C (tests/conftest.py): the failure and the page in one language
@pytest.mark.parametrize("locale, page_says, failure_says", [
    ("it", ['<html lang="it">', "Segnalazioni", "scrive «1.000 ingegneri»"], "*scrive*1.000 ingegneri*"),
    ("en", ['<html lang="en">', "Findings", "says \u201c1.000 ingegneri\u201d"], "*says*1.000 ingegneri*"),
])
def test_the_page_and_the_failure_speak_the_runs_language(pytester, locale, page_says, failure_says):
    newsroom(pytester, {"articoli": [GENIERI, INGEGNERI]})
    with open(pytester.path / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write(f'\n[tool.quantities]\nlocale = "{locale}"\n')
    result = pytester.runpytest(*QUIET, "--quantities-html", "report.html")
    result.assert_outcomes(failed=1, passed=2)
    result.stdout.fnmatch_lines([failure_says])
    page = " ".join((pytester.path / "report.html").read_text(encoding="utf-8").split())
    for text in page_says:
        assert text in page, text
