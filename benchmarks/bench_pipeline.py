"""Whole-pipeline benchmarks: extraction throughput, report on 1.000 documents, start-up.

Run: python -m pytest benchmarks --benchmark-enable -p no:randomly
They are measured, not asserted on time; the figures go to benchmarks/README.md.
"""

import subprocess
import sys

import corpus
import pytest

from quantities import lang
from quantities.ingest import documents
from quantities.reconciliation.rules import reconcile
from quantities.run.config import Config
from quantities.run.pipeline import Toolkit

MB = 1_000_000


@pytest.fixture(scope="module")
def big_document():
    text = corpus.text(5 * MB)
    return documents.from_text(text, id="corpus")


def test_extract_throughput(benchmark, big_document):
    """documents → claims on >= 5 MB of varied news text; chars/s in extra_info."""
    toolkit = Toolkit(Config())
    toolkit.extract(documents.from_text("Riscaldamento: 5.000 operai.", id="warm"))
    claims = benchmark.pedantic(toolkit.extract, args=(big_document,), rounds=1, iterations=1)
    seconds = benchmark.stats.stats.mean
    benchmark.extra_info["chars"] = len(big_document.text)
    benchmark.extra_info["claims"] = len(claims)
    benchmark.extra_info["MB_per_s"] = round(len(big_document.text) / seconds / MB, 2)
    assert claims


def test_report_1000_documents(benchmark):
    """extract + reconcile over 1.000 articles."""
    docs = [documents.from_text(t, id=f"doc{i:04d}") for i, t in enumerate(corpus.documents(1000))]
    toolkit = Toolkit(Config())

    def run():
        claims = [c for d in docs for c in toolkit.extract(d)]
        return reconcile(claims)

    result = benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info["figures"] = len(result.figures)
    benchmark.extra_info["findings"] = len(result.findings)


def test_language_data_load(benchmark):
    """Reading and checking the Italian pack (numbers grammar compiled, units checked)."""
    from quantities.extraction.numbers import reader as numbers

    def load():
        lang.load.cache_clear()
        return numbers.find("circa 15mila soldati", lang.load("it"))

    assert benchmark(load)


def test_startup_version(benchmark):
    """`quantities --version` in a fresh interpreter (target: < 0.3 s)."""
    cmd = [sys.executable, "-m", "quantities", "--version"]
    benchmark.pedantic(lambda: subprocess.run(cmd, check=True, capture_output=True), rounds=5, iterations=1)
