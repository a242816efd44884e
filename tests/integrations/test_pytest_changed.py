"""The pytest plugin's --quantities-changed: the whole folder reconciled, only the findings
that involve the named files fail."""

from __future__ import annotations

import pytest
from test_pytest_plugin import CLEAN, GENIERI, INGEGNERI, INI, articles, run, warm_pipeline  # noqa: F401


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
