"""docs/architecture.md is the map of the tree: it names every module of the package, and every
file and folder it names is there."""

from __future__ import annotations

import re

from tables import ROOT

DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "quantities"
#: Where a file the page names may be: the package, and the tests, tools, benchmarks and CI around it.
PLACES = [PACKAGE, ROOT / "tests", ROOT / "tools", ROOT / "benchmarks", ROOT / ".ci", ROOT / "fixtures"]


def test_every_module_is_named() -> None:
    """A module is named by its file name (``keys.py``) or, in prose, its name in backticks."""
    modules = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py")
    unnamed = [str(p.relative_to(ROOT)) for p in modules
               if not re.search(rf"(?<![\w.]){re.escape(p.name)}\b|`{re.escape(p.stem)}`", DOC)]
    assert not unnamed, "not in docs/architecture.md: " + ", ".join(unnamed)


def test_every_file_named_is_there() -> None:
    named = set(re.findall(r"(?<![\w.<])([a-z_]+\.py)\b", DOC))
    there = {p.name for place in PLACES for p in place.rglob("*.py")}
    assert named <= there, named - there


def test_every_folder_named_is_there() -> None:
    named = set(re.findall(r"(?<![\w.<-])([a-z_]+)/(?=[\s`)]|$)", DOC, re.M))
    there = {p.name for place in [ROOT, *PLACES] for p in place.rglob("*") if p.is_dir()}
    assert named <= there, named - there
