"""The pytest plugin, run with pytest's own pytester: ini-only setups, overrides, snapshots."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tables import ROOT

SEEDS = ROOT / "fixtures" / "seeds"
EXAMPLE = ROOT / "examples" / "newsroom"
GENIERI = "000_b6943ad90d5cd531.txt"
INGEGNERI = "002_0517a2c3f414bc01.txt"
CLEAN = ["000_b6943ad90d5cd531.txt", "001_e8b672b6d35973e6.txt", "003_4758a363c3274eb9.txt",
         "004_a4f341deb8ed9a42.txt"]

INI = """
[tool.pytest.ini_options]
quantities_paths = ["articoli/"]
quantities_fail_on = "error"
"""


@pytest.fixture(scope="module", autouse=True)
def warm_pipeline():
    """Load the pipeline once here: in-process pytester runs then reuse its modules and caches."""
    from quantities.testing import analyse

    analyse(["Il Nord invierà 5.000 operai a Kursk.", "Secondo Tass, 5.000 operai."])


#: Plugins that have nothing to do with ours; without them an in-process run takes a fraction of the time.
QUIET = ("-p", "no:hypothesispytest", "-p", "no:benchmark", "-p", "no:xdist")


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*QUIET, *args)


def articles(pytester: pytest.Pytester, names: list[str], folder: str = "articoli") -> Path:
    target = pytester.path / folder
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SEEDS / name, target / name)
    return target


# -- start-up stays light ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("statement", "absent"),
    [
        ("import quantities", ["pytest", "pint", "quantities.lang", "quantities.run.pipeline"]),
        ("import quantities.integrations.pytest_plugin", ["pint", "tabulate", "regex", "quantities.lang",
                                             "quantities.run.pipeline", "quantities.ingest.documents"]),
    ],
)
def test_imports_stay_light(statement, absent):
    probe = f"import sys; {statement}; print(' '.join(m for m in {absent!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


# -- ini only ------------------------------------------------------------------------------

def test_without_paths_the_plugin_is_invisible(pytester):
    articles(pytester, [GENIERI, INGEGNERI])
    pytester.makepyfile(test_plain="def test_one():\n    assert True\n")
    result = run(pytester, "-v")
    result.assert_outcomes(passed=1)
    result.stdout.no_fnmatch_line("quantities:*")
    result.stdout.no_fnmatch_line("*articoli*")


def test_clean_articles_pass(pytester):
    articles(pytester, CLEAN)
    pytester.makepyprojecttoml(INI)
    result = run(pytester, "-v")
    result.assert_outcomes(passed=len(CLEAN) + 1)
    result.stdout.fnmatch_lines([
        "quantities: articoli, fail on error",
        f"articoli/{CLEAN[0]}::quantities PASSED*",
        "articoli::reconcile PASSED*",
    ])


def test_a_wording_conflict_fails_the_folder_item_with_a_table(pytester):
    articles(pytester, [GENIERI, INGEGNERI])
    pytester.makepyprojecttoml(INI)
    result = run(pytester, "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "articoli::reconcile FAILED*",
        "*quantities: 1 error across the articles (failing on error)",
        "ERROR  wording-conflict",
        "*where*wording*value*source*modality*",
        f"*articoli/{GENIERI}:*1.000 genieri*",
        f"*articoli/{INGEGNERI}:*1.000 ingegneri*",
        "*why: *",
    ])
    assert "Traceback" not in result.stdout.str()


@pytest.mark.parametrize(
    ("options", "outcomes"),
    [
        pytest.param(["--quantities-fail-on", "never"], {"passed": 3}, id="fail-on never"),
        pytest.param(["--quantities-fail-on", "warning"], {"passed": 2, "failed": 1}, id="fail-on warning"),
        pytest.param(["--quantities-paths", "altri"], {"passed": 2}, id="paths override the ini"),
        pytest.param(["-p", "no:quantities"], {}, id="plugin disabled"),
    ],
)
def test_command_line_overrides_the_ini(pytester, options, outcomes):
    articles(pytester, [GENIERI, INGEGNERI])
    articles(pytester, [CLEAN[1]], folder="altri")
    pytester.makepyprojecttoml(INI)
    run(pytester, *options).assert_outcomes(**outcomes)


def test_a_suppression_in_the_article_silences_the_conflict(pytester):
    folder = articles(pytester, [GENIERI, INGEGNERI])
    with (folder / INGEGNERI).open("a", encoding="utf-8") as f:
        f.write('\n<!-- quantities: ignore wording-conflict "1.000 ingegneri" — checked with the desk -->\n')
    pytester.makepyprojecttoml(INI)
    run(pytester).assert_outcomes(passed=3)


def _with_unused_suppression(pytester):
    """Two clean articles, the first carrying a suppression that matches no finding."""
    folder = articles(pytester, CLEAN[:2])
    with (folder / CLEAN[0]).open("a", encoding="utf-8") as f:
        f.write('\n<!-- quantities: ignore value-conflict "15mila soldati" — old -->\n')
    pytester.makepyprojecttoml(INI)


def test_an_unused_suppression_fails_at_warning(pytester):
    _with_unused_suppression(pytester)
    result = run(pytester, "--quantities-fail-on", "warning")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*unused-suppression*", "*matches no finding*"])


def test_an_unused_suppression_is_a_warning_in_the_summary_when_it_does_not_fail(pytester):
    _with_unused_suppression(pytester)
    result = run(pytester, "-W", "default::quantities.errors.QuantitiesWarning")
    result.assert_outcomes(passed=3, warnings=1)
    # at the suppression's line in the article, not at a line of the plugin (newuser15)
    result.stdout.fnmatch_lines(["*articoli/*:*: QuantitiesWarning: unused-suppression*matches no finding*"])
    assert "pytest_plugin.py" not in result.stdout.str()


def test_an_unreadable_article_is_one_failed_item(pytester):
    folder = articles(pytester, CLEAN[:2])
    (folder / "rotto.txt").write_bytes(b"\x00\x01\x02 binary \x00" * 50)
    pytester.makepyprojecttoml(INI)
    result = run(pytester, "-v")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["articoli/rotto.txt::quantities FAILED*", "quantities: articoli/rotto.txt*"])
    assert "Traceback" not in result.stdout.str()


def test_reference_mismatch_fails_the_article(pytester):
    articles(pytester, [GENIERI])
    (pytester.path / "figures.toml").write_text(
        '[[figure]]\nid = "operai-kursk"\nwhat = ["operai edili militari"]\ncontext = ["Kursk"]\nvalue = 6000\n',
        encoding="utf-8")
    pytester.makepyprojecttoml(INI + 'quantities_reference = "figures.toml"\n')
    result = run(pytester, "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([f"articoli/{GENIERI}::quantities FAILED*", "*5.000 operai*"])


def test_a_bad_config_is_a_one_line_collection_error(pytester):
    articles(pytester, [GENIERI])
    pytester.makepyprojecttoml(INI + '\n[tool.quantities]\nlangs = "it"\n')
    result = run(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*pyproject.toml:*langs: unknown key*"])


@pytest.mark.parametrize(
    ("ini", "options", "message"),
    [
        (INI, ["--quantities-paths", "nowhere"], "*quantities_paths: no such file or folder: */nowhere"),
        (INI.replace('"articoli/"', '"articoli/", "artcoli/"'), [], "*no such file or folder: */artcoli"),
        (INI.replace('"error"', '"errors"'), [], "*quantities_fail_on: must be one of error, warning, info, never*"),
    ],
    ids=["missing path on the command line", "typo in the ini", "bad fail_on"],
)
def test_a_wrong_setting_is_a_usage_error(pytester, ini, options, message):
    articles(pytester, [GENIERI])
    pytester.makepyprojecttoml(ini)
    result = run(pytester, *options)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message])


def test_articles_outside_testpaths_are_collected_unless_args_are_given(pytester):
    articles(pytester, CLEAN[:2])
    pytester.makepyfile(**{"tests/test_x": "def test_x():\n    pass\n"})
    pytester.makepyprojecttoml(INI + 'testpaths = ["tests"]\n')
    run(pytester).assert_outcomes(passed=4)
    run(pytester, "tests").assert_outcomes(passed=1)
    run(pytester, f"articoli/{CLEAN[0]}").assert_outcomes(passed=1)


# -- the snapshot fixture ------------------------------------------------------------------

SNAPSHOT_TEST = """
def test_article(quantities_claims):
    quantities_claims.check("articoli/{name}")
"""


def test_snapshot_workflow(pytester):
    folder = articles(pytester, [GENIERI])
    pytester.makepyfile(test_snap=SNAPSHOT_TEST.format(name=GENIERI))
    snapshot = pytester.path / f"{Path(GENIERI).stem}.claims.json"

    first = run(pytester)
    first.assert_outcomes(failed=1)
    first.stdout.fnmatch_lines(["*wrote a new snapshot*", "*commit it and run the tests again*"])
    assert snapshot.exists() and '"text": "1.000 genieri"' in snapshot.read_text(encoding="utf-8")

    run(pytester).assert_outcomes(passed=1)

    article = folder / GENIERI
    article.write_text(article.read_text(encoding="utf-8").replace("1.000 genieri", "2.000 genieri"),
                       encoding="utf-8")
    changed = run(pytester)
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines(['*~ "1.000 genieri" → "2.000 genieri": value 1000 → 2000',
                                  "*pytest --quantities-update*"])

    run(pytester, "--quantities-update").assert_outcomes(passed=1)
    run(pytester).assert_outcomes(passed=1)


SNAPSHOT_MISSING = """
def test_missing(quantities_claims):
    quantities_claims.check("articoli/{name}")
"""


@pytest.mark.parametrize("name, says", [
    ("nope.md", ["*AssertionError: quantities: cannot read the article:", "*  articoli/nope.md: no such file"]),
    ("binary.txt", ["*AssertionError: quantities: cannot read the article:", "*  articoli/binary.txt:1: binary file*"]),
])
def test_an_unreadable_snapshot_article_fails_in_one_line(pytester, name, says):
    """A snapshot of an article that is not there fails as an assertion naming it, not with a
    FileNotFoundError's traceback through the plugin (break13 B14)."""
    articles(pytester, [GENIERI])
    (pytester.path / "articoli" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    pytester.makepyfile(test_snap=SNAPSHOT_MISSING.format(name=name))
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(says)
    out = result.stdout.str()
    assert "snapshots.py" not in out and "FileNotFoundError" not in out and not list(pytester.path.glob("*.claims.json"))


# -- the example repository ----------------------------------------------------------------

def test_the_newsroom_example_passes(pytester):
    shutil.copytree(EXAMPLE, pytester.path, dirs_exist_ok=True)
    result = pytester.runpytest_subprocess(*QUIET, "-p", "no:cacheprovider")
    n_articles = len(list((EXAMPLE / "articoli").glob("*.md")))
    n_tests = sum(line.startswith("def test_") for line in (EXAMPLE / "tests").joinpath("test_cifre.py")
                  .read_text(encoding="utf-8").splitlines())
    result.assert_outcomes(passed=n_articles + 1 + n_tests)


# -- robustness: a collection error is one line, never an INTERNALERROR ------------------------

def test_a_non_utf8_config_is_a_one_line_collection_error(pytester):
    articles(pytester, CLEAN[:2])
    pytester.makepyprojecttoml(INI)
    (pytester.path / "quantities.toml").write_bytes(b'lang = "caf\xe9"\n')
    result = run(pytester)
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(["*quantities.toml:1: not UTF-8 (byte 0xe9); TOML files are UTF-8"])
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()


def test_an_error_of_another_kind_at_collection_is_reported_not_an_internalerror(pytester, monkeypatch):
    """``Article.repr_failure`` passed pytest's ``style`` to a collector's, which takes none: any
    error at collection that is not ours (here an OSError while the article is collected) was
    an INTERNALERROR that ended the session."""
    from quantities.run.config import Config

    def wants(self, path):
        raise OSError(5, "Input/output error")

    articles(pytester, CLEAN[:2])
    pytester.makepyprojecttoml(INI)
    # the run is in-process: patched here, undone after this test (a conftest's patch stayed
    # for every later test of the session)
    monkeypatch.setattr(Config, "wants", wants)
    result = run(pytester)
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(["*OSError: [[]Errno 5[]] Input/output error*"])
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()


def test_a_reference_given_as_a_list_is_a_usage_error(pytester):
    articles(pytester, [GENIERI])
    pytester.makepyprojecttoml(INI + 'quantities_reference = ["a.toml", "b.toml"]\n')
    result = run(pytester, "-W", "ignore::DeprecationWarning")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*quantities_reference: must be one file name (a string), not list"])
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()


def test_one_bad_jsonl_line_fails_only_its_file_in_one_line(pytester):
    folder = articles(pytester, CLEAN[:2])
    (folder / "feed.jsonl").write_text('{"id": "a", "text": "Sono 5 operai."}\n{"id": "\\ud800", "text": "x"}\n',
                                       encoding="utf-8")
    pytester.makepyprojecttoml(INI)
    result = run(pytester, "-v")
    result.stdout.fnmatch_lines(["*feed.jsonl::quantities FAILED*",
                                 "quantities: articoli/feed.jsonl:2: 'id' holds a lone surrogate (\\ud800): not text"])
    assert "Traceback" not in result.stdout.str()


SNAPSHOT_NAMED = """
import pytest

@pytest.mark.parametrize("name", ["../../x", "/tmp/x", "sub/x", ""])
def test_named(quantities_claims, name):
    with pytest.raises(Exception, match="must be a plain file name"):
        quantities_claims.check("articoli/{article}", name=name)
"""


def test_a_snapshot_name_cannot_leave_the_test_folder(pytester):
    articles(pytester, [GENIERI])
    pytester.makepyfile(test_snap=SNAPSHOT_NAMED.format(article=GENIERI))
    run(pytester).assert_outcomes(passed=4)
    assert not list(pytester.path.parent.glob("*.claims.json")) and not list(pytester.path.rglob("*.claims.json"))


SNAPSHOT_TWINS = """
def test_twins(quantities_claims):
    quantities_claims.check("a/{name}")
    quantities_claims.check("b/{name}")
"""


def test_two_articles_with_one_file_name_get_two_snapshots(pytester):
    articles(pytester, [GENIERI], folder="a")
    articles(pytester, [INGEGNERI], folder="b")
    (pytester.path / "b" / INGEGNERI).rename(pytester.path / "b" / GENIERI)
    pytester.makepyfile(test_snap=SNAPSHOT_TWINS.format(name=GENIERI))
    run(pytester, "--quantities-update").assert_outcomes(passed=1)
    stem = Path(GENIERI).stem
    assert sorted(p.name for p in pytester.path.glob("*.claims.json")) == [f"{stem}--b.claims.json", f"{stem}.claims.json"]
    run(pytester).assert_outcomes(passed=1)


# -- --quantities-changed: the whole folder reconciled, only the findings that involve the named files fail

@pytest.mark.parametrize(
    ("changed", "outcomes"),
    [
        pytest.param([], {"passed": 3, "failed": 1}, id="no option: the old conflict fails"),
        pytest.param([f"articoli/{INGEGNERI}"], {"passed": 3, "failed": 1}, id="a file of the conflict"),
        pytest.param([f"articoli/{CLEAN[1]}"], {"passed": 4}, id="an unrelated file"),
        pytest.param(["articoli/nuovo.md"], {"passed": 4}, id="a file that is not there"),
    ],
)
def test_changed_files_decide_what_fails(pytester, changed, outcomes):
    articles(pytester, [GENIERI, INGEGNERI, CLEAN[1]])
    pytester.makepyprojecttoml(INI)
    options = ["--quantities-changed", *changed] if changed else []
    run(pytester, *options).assert_outcomes(**outcomes)
