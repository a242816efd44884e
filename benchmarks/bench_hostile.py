"""Hostile inputs: seconds per MB at 0.25, 0.5, 1 and 2 MB, whole pipeline (documents → claims,
and → report, the "report:" rows: extraction and the reconciler, no output written). Linear
input keeps its s/MB flat; a quadratic one doubles it at each step. The slopes are asserted in
tests/run/test_hostile.py; here they are measured. A case that passes BUDGET seconds at one
size is not run at the larger ones.

    python benchmarks/bench_hostile.py            # the table for benchmarks/README.md
    python -m pytest benchmarks/bench_hostile.py --benchmark-enable -p no:xdist
"""

from __future__ import annotations

import sys
import time

import pytest

from quantities.ingest import documents
from quantities.run.pipeline import run_documents

MB = 1_000_000
SIZES = (0.25, 0.5, 1, 2)
BUDGET = 60.0  # seconds: past it, the larger sizes of a case are skipped

#: name: (repeated text, document name, reconcile too)
CASES = {
    "report: 'circa 15mila soldati e ' × N": ("circa 15mila soldati e ", "h.txt", True),
    "report: '€5 e ' × N (amounts joined by a word)": ("€5 e ", "h.txt", True),
    "report: '5 km, ' × N (measures)": ("5 km, ", "h.txt", True),
    "report: 'il 5% ' × N (percentages)": ("il 5% ", "h.txt", True),
    "report: 'per Kcna 5 ' × N": ("per Kcna 5 ", "h.txt", True),
    "report: 'stima. 5, ' × N": ("stima. 5, ", "h.txt", True),
    "report: 'mille mille ' × N": ("mille mille ", "h.txt", True),
    "report: 'un milione e ' × N": ("un milione e ", "h.txt", True),
    "'circa 15mila soldati e ' × N (one sentence)": ("circa 15mila soldati e ", "h.txt", False),
    "Markdown list '- secondo la Tass 5 morti'": ("- secondo la Tass 5 morti\n", "h.md", False),
    "'per Kcna 5 ' × N": ("per Kcna 5 ", "h.txt", False),
    "'1.' × N (claim explosion)": ("1.", "h.txt", False),
    "text without figures and one 'İ'": ("parola " * 20 + "İ ", "h.txt", False),
    "'1.2' × N (digits and dots)": ("1.2", "h.txt", False),
    "'mila ' × N": ("mila ", "h.txt", False),
    "'stima.5,' × N (cues and figures, no blank: one name)": ("stima.5,", "h.txt", False),
    "'stima. 5, ' × N (cues and figures)": ("stima. 5, ", "h.txt", False),
    "'300 soldati, i media hanno riferito, ' × N": ("300 soldati, i media hanno riferito, ", "h.txt", False),
    "'5 ' × N (a bare figure every two characters)": ("5 ", "h.txt", False),
    "'(5) «3» [7] ' × N (bare figures in brackets)": ("(5) «3» [7] ", "h.txt", False),
    "'€5-€6, $7 ' × N (signs and dashes between figures: one series)": ("€5-€6, $7 ", "h.txt", False),
    "'€5 e ' × N (amounts joined by a word: 200,000 claims a MB)": ("€5 e ", "h.txt", False),
    "'un milione e ' × N (number words joined without end)": ("un milione e ", "h.txt", False),
    "'mille mille ' × N (number words in a row)": ("mille mille ", "h.txt", False),
    "nested quotes": ("«", "h.txt", False),
    "very long words": ("a" * 100_000 + " ", "h.txt", False),
    "' 000' × N (digits grouped by spaces past a figure)": (" 000", "h.txt", False),
    "'\\u2009000' × N (the same, thin spaces)": ("\u2009000", "h.txt", False),
    "'9' × 44 + ' ' × N (digit runs past fifteen digits)": ("9" * 44 + " ", "h.txt", False),
    "report: '5\\t' × N (bare numbers apart by tabs)": ("5\t", "h.txt", True),
    "report: ' -5' × N (bare signed numbers)": (" -5", "h.txt", True),
    "report: '| 5 ' × N (a table row of bare numbers)": ("| 5 ", "h.md", True),
    "report: TSV rows 'Regione 1\\t7\\t13\\t1\\n' × N": ("Regione 1\t7\t13\t1\n", "h.txt", True),
    "report: Markdown rows '| 12 | 345 | 6789 |\\n' × N": ("| 12 | 345 | 6789 |\n", "h.md", True),
    "TSV rows 'Regione 1\\t7\\t13\\t1\\n' × N": ("Regione 1\t7\t13\t1\n", "h.txt", False),
    "TSV rows '12\\t345\\t6789\\n' × N": ("12\t345\t6789\n", "h.txt", False),
    "Markdown rows '| 12 | 345 | 6789 |\\n' × N": ("| 12 | 345 | 6789 |\n", "h.md", False),
}
_over_budget: set[str] = set()


def measure(name: str, size: float) -> tuple[float, int]:
    """Seconds (process time) and claims for ``size`` MB of case ``name``."""
    unit, doc_name, report = CASES[name]
    text = unit * max(1, int(size * MB) // len(unit))
    doc = documents.from_text(text, id=doc_name)
    start = time.process_time()
    result = run_documents([doc], reconcile=report)
    return time.process_time() - start, len(result.claims)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(CASES))
def test_hostile(benchmark, name, size):
    if name in _over_budget:
        pytest.skip(f"over {BUDGET:.0f} s at a smaller size")
    run_documents([documents.from_text("Riscaldamento: 5.000 operai.", id="warm")])
    seconds, claims = benchmark.pedantic(measure, args=(name, size), rounds=1, iterations=1)
    benchmark.extra_info.update(claims=claims, s_per_MB=round(seconds / size, 2))
    if seconds > BUDGET:
        _over_budget.add(name)


def table() -> str:
    """The Markdown table of s/MB by size (and claims at the largest size run)."""
    run_documents([documents.from_text("Riscaldamento: 5.000 operai.", id="warm")])
    lines = ["| input | " + " | ".join(f"{s} MB" for s in SIZES) + " | claims/MB |",
             "| --- |" + " ---: |" * (len(SIZES) + 1)]
    for name in CASES:
        cells, claims_per_mb = [], ""
        for size in SIZES:
            if name in _over_budget:
                cells.append("—")
                continue
            seconds, claims = measure(name, size)
            cells.append(f"{seconds / size:.2f}")
            claims_per_mb = f"{claims / size:,.0f}"
            if seconds > BUDGET:
                _over_budget.add(name)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {claims_per_mb} |")
        print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
