"""A copy of what a fresh checkout holds, for the tests that build the package as a new user would."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What a tree that is no git checkout (an archive, a "Download ZIP") holds besides the sources.
NOT_SOURCES = frozenset({".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".mypy_cache",
                         ".ruff_cache", ".benchmarks", ".hypothesis"})


def tree(dest: Path) -> Path:
    """The files git tracks or would (not ignored), copied under ``dest``; outside a git checkout,
    every file but the environment's and the build's (:data:`NOT_SOURCES`, ``*.egg-info``)."""
    for name in _listed():
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            (dest / name).write_bytes(src.read_bytes())
    return dest


def _listed() -> list[str]:
    done = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode == 0:
        return list(filter(None, done.stdout.split("\0")))
    return [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*")
            if p.is_file() and not any(part in NOT_SOURCES or part.endswith(".egg-info")
                                       for part in p.relative_to(ROOT).parts)]
