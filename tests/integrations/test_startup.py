"""Start-up stays small: a one-sentence ``extract`` loads no module it does not use, and with
the cache filled it compiles no pattern of the packs (benchmarks/README.md has the seconds;
these checks count modules and compilations, which no load on the machine changes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

#: Modules a one-sentence plain-text ``extract`` to JSON Lines never needs: units pint does not
#: know, HTML, YAML front matter, mojibake, path patterns, tables, worker processes.
HEAVY = ("pint", "jinja2", "yaml", "babel", "ftfy", "pathspec", "tabulate", "concurrent.futures.process",
         "multiprocessing", "xml.etree.ElementTree",
         # ours: the reconciler, the reports' renderers, the pytest plugin (extract writes claims only)
         "quantities.reconciliation.rules", "quantities.reconciliation.align", "quantities.reconciliation.findings",
         "quantities.report.formats.table", "quantities.report.formats.html", "quantities.report.page",
         "quantities.report.timeline", "quantities.integrations.pytest_plugin", "quantities.integrations.explain")

_RUN = """
import json, sys
import regex._main as rx
compiled = []
real = rx._compile
def counting(pattern, *args, **kwargs):
    compiled.append(pattern)
    return real(pattern, *args, **kwargs)
rx._compile = counting
from quantities.integrations.cli import main
sys.stdout.flush()
code = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"modules": sorted(sys.modules), "compiled": len(compiled)}), file=sys.stderr)
"""


def _run(tmp_path, cache: str) -> dict:
    one = tmp_path / "one.txt"
    one.write_text("Il governo ha stanziato 5 milioni di euro per 300 famiglie.\n", encoding="utf-8")
    env = {**os.environ, "QUANTITIES_CACHE_DIR": cache}
    out = subprocess.run([sys.executable, "-c", _RUN, "extract", "--format", "jsonl", "--jobs", "1", str(one)],
                         capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert out.stdout.count("\n") == 2, out.stdout
    return json.loads(out.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["quantities.integrations.cli", "quantities"])
def test_importing_loads_nothing_heavy(module):
    code = f"import sys, {module}; print(' '.join(sys.modules))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert not {m for m in HEAVY if m in loaded}


def test_one_sentence_loads_nothing_heavy(tmp_path):
    loaded = set(_run(tmp_path, "")["modules"])
    assert not {m for m in HEAVY if m in loaded}


def test_the_cache_spares_compiling_the_packs(tmp_path):
    """Filled by one run, the cache leaves the next only the patterns modules compile as they
    load (a few dozen small ones); without it, the packs' grammars add about a hundred. Nor does
    the warm run load ``tomllib``: it reads no pack's TOML."""
    folder = str(tmp_path / "cache")
    off = _run(tmp_path, "")["compiled"]
    _run(tmp_path, folder)
    warm = _run(tmp_path, folder)
    assert off - warm["compiled"] >= 50, (off, warm["compiled"])
    assert "tomllib" not in warm["modules"]  # the packs come from the cache: no TOML is parsed
