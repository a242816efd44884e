"""Hostile inputs at full size: they must finish in time proportional to their size.

Measured, not asserted on time (tests/test_robustness.py checks the outcomes on
smaller inputs). Compare the per-MB figures with bench_pipeline's throughput.
"""

import pytest

from quantities.extraction.claims import extract_document
from quantities.ingest import documents

CASES = {
    "1MB line of digits and dots": "1.2" * 333_334,
    "100.000 times mila": "mila " * 100_000,
    "100.000 nested quotes": "«" * 50_000 + "5.000 soldati" + "»" * 50_000,
    "one 10MB sentence": "circa 15mila soldati e " * 435_000,
    "very long words": ("a" * 100_000 + " ") * 10 + "5.000 operai",
    "125.000 cues and figures in one sentence": "stima.5," * 125_000,
    "40.000 report verbs after a figure (1 MB)": "Sono morti 300 soldati" + ", i media hanno riferito" * 40_000 + ".",
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile(benchmark, name):
    doc = documents.from_text(CASES[name], id=name)
    claims = benchmark.pedantic(extract_document, args=(doc,), rounds=1, iterations=1)
    benchmark.extra_info["chars"] = len(doc.text)
    benchmark.extra_info["MB_per_s"] = round(len(doc.text) / benchmark.stats.stats.mean / 1e6, 2)
    assert isinstance(claims, list)
