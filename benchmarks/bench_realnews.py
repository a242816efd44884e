"""Real-density news (benchmarks/realnews.py: the news-dev bodies repeated, 8–9 claims per KB):
the whole process as a newsroom runs it, start-up, µs per claim, and the ``--jobs`` crossover.

Run: python -m pytest benchmarks/bench_realnews.py --benchmark-enable -p no:xdist
Measured, never asserted on time; the figures go to benchmarks/README.md. Without the news-dev
articles (QUANTITIES_NEWS, else fixtures/news-dev) these benchmarks are skipped: they measure real text or nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import realnews

MB = 1_000_000
pytestmark = pytest.mark.skipif(realnews.folder() is None, reason="news-dev articles not found (QUANTITIES_NEWS)")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """JSONL files of 0.25, 1 and 3 MB of article bodies."""
    folder = tmp_path_factory.mktemp("realnews")
    files = {}
    for size in (0.25, 1, 3):
        files[size] = folder / f"news-{size}.jsonl"
        files[size].write_text(realnews.jsonl(int(size * MB)), encoding="utf-8")
    return files


def _extract(path, jobs: int | None = 1, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Seconds of a whole `quantities extract --format jsonl` process, and the claims it wrote."""
    cmd = [sys.executable, "-m", "quantities", "extract", "--format", "jsonl", str(path)]
    cmd += ["--jobs", str(jobs)] if jobs else []
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start, out.stdout.count(b"\n")


def test_whole_process_3mb(benchmark, corpus):
    """`quantities extract --jobs 1 --format jsonl` on 3 MB: MB/s of article text, start-up included."""
    seconds, claims = benchmark.pedantic(_extract, args=(corpus[3],), rounds=3, iterations=1)
    benchmark.extra_info.update(claims=claims, MB_per_s=round(3 / benchmark.stats.stats.min, 2))


@pytest.mark.parametrize("bytecode", [True, False])
def test_startup_one_sentence(benchmark, tmp_path, bytecode):
    """A one-sentence extract in a fresh process (target ≤ 0.15 s), the start-up cache filled
    by the warm-up round (quantities/cache.py), as on any run after the first. ``bytecode``: the
    modules' .pyc kept (as pip's install writes them); without, every run compiles ~120 modules'
    source (PYTHONDONTWRITEBYTECODE=1 in an editable checkout): twice the instructions."""
    one = tmp_path / "one.txt"
    one.write_text("Il governo ha stanziato 5 milioni di euro per 300 famiglie.", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    if bytecode:  # ours kept out of the tree; the standard library's are where Python put them
        env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pyc")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    benchmark.pedantic(_extract, args=(one, 1, env), rounds=7, iterations=1, warmup_rounds=1)


def test_us_per_claim(benchmark, corpus):
    """Extraction alone (warm, in process): µs per claim and MB/s on 1 MB."""
    from quantities.ingest.documents import read
    from quantities.run.config import Config
    from quantities.run.pipeline import Toolkit

    docs = list(read(str(corpus[1])))
    toolkit = Toolkit(Config())
    toolkit.extract(docs[0])
    claims = benchmark.pedantic(lambda: sum(len(toolkit.extract(d)) for d in docs), rounds=3, iterations=1)
    seconds = benchmark.stats.stats.min
    benchmark.extra_info.update(claims=claims, us_per_claim=round(seconds / claims * 1e6, 1),
                                MB_per_s=round(sum(len(d.text) for d in docs) / seconds / MB, 2))


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("size", [0.25, 1, 3])
def test_jobs_crossover(benchmark, corpus, size, jobs, monkeypatch):
    """--jobs 1 against 2 by input size, with the pool forced on (PARALLEL_MIN_CHARS = 0), to see
    where a second process starts to pay; the default keeps one process below the crossover."""
    monkeypatch.setenv("PYTHONWARNINGS", "ignore")
    code = ("import sys; from quantities.run import processes; processes.PARALLEL_MIN_CHARS = 0; "
            "from quantities.integrations.cli import main; sys.exit(main(sys.argv[1:]))")
    cmd = [sys.executable, "-c", code, "extract", "--format", "jsonl", "--jobs", str(jobs), str(corpus[size])]
    benchmark.pedantic(lambda: subprocess.run(cmd, check=True, capture_output=True), rounds=2, iterations=1)
    benchmark.extra_info["MB_per_s"] = round(size / benchmark.stats.stats.min, 2)
