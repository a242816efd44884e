"""The tree is the architecture: imports point one way, from the application down to the foundations.

Each module of the package belongs to a layer (its first folder under ``quantities/``), and may
import only from its own layer or a lower one. Inside ``extraction/`` the steps (sentences,
numbers, nouns, attribution, modality) do not import each other: ``claims`` assembles them. The
rule is read from every ``import`` statement, those inside functions included (lazy imports).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from tables import ROOT

PACKAGE = ROOT / "quantities"

#: Lowest first. A module may import its own layer and those before it.
LAYERS = ("core", "text", "lang", "ingest", "extraction", "reconciliation", "report", "run",
          "testing", "integrations", "api")
#: Top-level modules: the core types and errors below everything, the public API above.
TOP = {"types": "core", "errors": "core", "version": "core", "cache": "core", "testing": "testing",
       "__init__": "api", "__main__": "api"}
#: The steps of extraction: siblings that only ``extraction.claims`` brings together.
STEPS = ("sentences", "numbers", "nouns", "attribution", "modality")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "api"
    return TOP[parts[1]] if parts[1] in TOP else parts[1]


def step_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "extraction" and parts[2] in STEPS else None


def imports(path: Path) -> list[tuple[int, str]]:
    """The ``quantities`` modules ``path`` imports, with their line numbers."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "quantities"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] == "quantities":
                # "from quantities.x import y" may name a module y: count it as quantities.x.y when it is one
                out += [(node.lineno, f"{base}.{a.name}" if _is_module(f"{base}.{a.name}") else base)
                        for a in node.names]
    return out


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_point_down(path: Path) -> None:
    here = module_name(path)
    mine = LAYERS.index(layer_of(here))
    wrong = [f"{path.relative_to(ROOT)}:{line}: {layer_of(here)} imports {target} ({layer_of(target)})"
             for line, target in imports(path) if LAYERS.index(layer_of(target)) > mine]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", [p for p in MODULES if step_of(module_name(p))], ids=lambda p: module_name(p))
def test_extraction_steps_do_not_import_each_other(path: Path) -> None:
    here = step_of(module_name(path))
    wrong = [f"{path.relative_to(ROOT)}:{line}: step {here} imports {target}"
             for line, target in imports(path) if step_of(target) not in (None, here)]
    assert not wrong, "\n".join(wrong)


def test_every_folder_is_a_layer() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders <= set(LAYERS), folders - set(LAYERS)
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert modules <= set(TOP), modules - set(TOP)


@pytest.mark.parametrize("source, target, allowed", [
    ("quantities.text.tokens", "quantities.lang", False),
    ("quantities.lang.sources", "quantities.text.fold", True),
    ("quantities.extraction.nouns", "quantities.extraction.attribution", True),  # same layer: the step rule says no
    ("quantities.report.formats.table", "quantities.run.config", False),
    ("quantities.testing", "quantities.run.pipeline", True),
    ("quantities.types", "quantities.lang", False),
])
def test_the_rule_itself(source: str, target: str, allowed: bool) -> None:
    assert (LAYERS.index(layer_of(target)) <= LAYERS.index(layer_of(source))) is allowed


def _top_level_names(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.append((node.lineno, node.name))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            out += [(node.lineno, n.id) for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_name_is_defined_twice_in_a_module(path: Path) -> None:
    """A constant or a function has one definition: a second one (a window copied lower down)
    silently wins over the first."""
    seen: dict[str, int] = {}
    twice = []
    for line, name in _top_level_names(path):
        if name in seen and name != "__all__":
            twice.append(f"{path.relative_to(ROOT)}:{line}: {name} (first at line {seen[name]})")
        seen.setdefault(name, line)
    assert not twice, "\n".join(twice)


#: The most lines a module may have: past it, it splits by what its parts own.
MAX_LINES = 400


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_is_over_the_limit(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)}: {lines} lines (split it)"
