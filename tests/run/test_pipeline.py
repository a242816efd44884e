"""The pipeline streams, spreads large inputs over processes, and loses nothing: a document
that cannot be extracted is one error naming its file, and the batch goes on."""

import subprocess
import sys
from itertools import islice

import pytest

from quantities.errors import PatternTimeoutError, QuantitiesError
from quantities.ingest import documents
from quantities.report.formats.json import claims_jsonl
from quantities.run import processes
from quantities.run.config import Config
from quantities.run.pipeline import Toolkit, extract_all, render_all, run_documents


def endless(pulled):
    n = 0
    while True:
        pulled.append(n)
        yield documents.from_text(f"Sono arrivati {n + 1} soldati.", id=f"d{n}")
        n += 1


def test_one_process_pulls_documents_as_it_goes():
    pulled = []
    first = list(islice(extract_all(endless(pulled), Toolkit(Config()), jobs=1), 3))
    assert [c.quantity.value for _, claims in first for c in claims] == [1, 2, 3]
    assert len(pulled) <= 3


def test_several_look_ahead_only_to_choose(monkeypatch):
    monkeypatch.setattr(processes, "PARALLEL_MIN_DOCS", 50)
    pulled = []
    first = list(islice(extract_all(endless(pulled), Toolkit(Config()), jobs=2), 3))
    assert [c.quantity.value for _, claims in first for c in claims] == [1, 2, 3]
    assert len(pulled) <= 50 + processes.CHUNK_CHARS  # the look-ahead, then chunks as workers ask


ABANDON = """
from itertools import islice
from quantities.ingest import documents
from quantities.run import processes
from quantities.run.config import Config
from quantities.run.pipeline import Toolkit, extract_all
processes.PARALLEL_MIN_DOCS = 50
def endless():
    n = 0
    while True:
        yield documents.from_text(f"Sono arrivati {n + 1} soldati.", id=f"d{n}")
        n += 1
print(len(list(islice(extract_all(endless(), Toolkit(Config()), jobs=2), 3))))
"""


@pytest.mark.parametrize("attempt", range(4))
def test_a_pool_left_mid_run_lets_the_interpreter_exit(attempt):
    """Workers killed mid-write left half a result in the pipe and the pool's thread waiting
    for the rest at exit (one run in three hung; CI once waited 90 minutes)."""
    done = subprocess.run([sys.executable, "-c", ABANDON], capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "3\n", "")


def docs(n):
    return [documents.from_text(f"Secondo la Kcna sono arrivati {i} soldati a Kursk.", id=f"d{i}")
            for i in range(1, n)]


@pytest.mark.parametrize(("min_chars", "pool"), [(10**9, False), (0, True)], ids=["small input: one process",
                                                                               "large input: processes"])
def test_processes_give_the_same_claims_in_order(monkeypatch, min_chars, pool):
    started = []
    monkeypatch.setattr(processes, "PARALLEL_MIN_CHARS", min_chars)
    monkeypatch.setattr(processes, "CHUNK_CHARS", 2000)
    real = processes._in_processes
    monkeypatch.setattr(processes, "_in_processes", lambda *a: started.append(1) or real(*a))
    one = [(d.id, cl) for d, cl in extract_all(docs(200), Toolkit(Config()), jobs=1)]
    two = [(d.id, cl) for d, cl in extract_all(docs(200), Toolkit(Config()), jobs=2)]
    assert one == two and len(one) == 199  # every field of every claim, shipped back as lists
    assert bool(started) is pool


@pytest.mark.parametrize(("min_chars", "pool"), [(10**9, False), (0, True)], ids=["small input: one process",
                                                                               "large input: processes"])
def test_rendered_where_read_as_this_process_renders(monkeypatch, min_chars, pool):
    """render_all: the workers send back each document's text (jsonl), equal to rendering the
    claims here; errors, order and a document read in the parent as with extract_all."""
    started = []
    monkeypatch.setattr(processes, "PARALLEL_MIN_CHARS", min_chars)
    monkeypatch.setattr(processes, "CHUNK_CHARS", 2000)
    monkeypatch.setattr(Toolkit, "extract", slow_on("İ"))
    real = processes._in_processes
    monkeypatch.setattr(processes, "_in_processes", lambda *a: started.append(1) or real(*a))
    big = documents.from_text("Secondo la Kcna sono arrivati 7 soldati a Kursk. " * 100, id="big")
    batch = [*docs(60), big, documents.from_text("İ 6 soldati.", id="bad.txt"), *docs(40)]
    errors: list[Exception] = []
    expected = [(d.id, claims_jsonl(cl, {d.id: d})) for d, cl in extract_all(batch, Toolkit(Config()), 1, errors.append)]
    got = [(d.id, text) for d, text in render_all(batch, Toolkit(Config()), claims_jsonl, 2, errors.append)]
    assert got == expected and len(got) == 99 and got[59][1].count("\n") == 100
    assert [str(e).split(":")[0] for e in errors] == ["bad.txt", "bad.txt"]
    assert bool(started) is pool


@pytest.mark.parametrize(("sizes", "batches"), [
    ([1, 1, 1], [[1, 1, 1]]),
    ([2, 2, 1], [[2, 2], [1]]),  # a batch closes once it reaches the chunk
    ([1, 5, 1], [[1], [5], [1]]),  # larger than a chunk: alone (read in the parent)
    ([5, 5], [[5], [5]]),
    ([4, 4, 4], [[4], [4], [4]]),  # exactly a chunk: a worker's
    ([3, 2, 5, 1], [[3, 2], [5], [1]]),
], ids=["under", "reaches", "larger alone", "two larger", "exactly a chunk", "after a full batch"])
def test_chunks_keep_order_and_give_a_larger_document_alone(sizes, batches):
    items = [documents.from_text("x" * n, id=f"d{i}") for i, n in enumerate(sizes)]
    got = [[len(d.text) for d in batch] for batch in processes._chunks(iter(items), 4)]
    assert got == batches
    assert [d for batch in processes._chunks(iter(items), 4) for d in batch] == items


def test_a_document_larger_than_a_chunk_is_read_in_the_parent_in_its_place(monkeypatch):
    monkeypatch.setattr(processes, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(processes, "CHUNK_CHARS", 2000)
    big = documents.from_text("Secondo la Kcna sono arrivati 7 soldati a Kursk. " * 100, id="big")
    batch = [*docs(60), big, *docs(40)]
    read_here = []
    real = Toolkit.extract_or_error
    monkeypatch.setattr(Toolkit, "extract_or_error", lambda self, doc: read_here.append(doc.id) or real(self, doc))
    two = [(d.id, cl) for d, cl in extract_all(iter(batch), Toolkit(Config()), jobs=2)]
    assert read_here == ["big"]  # in this process; the others in the workers
    one = [(d.id, cl) for d, cl in extract_all(iter(batch), Toolkit(Config()), jobs=1)]
    assert one == two and [d for d, _ in two].index("big") == 59 and len(two[59][1]) == 100


def slow_on(marker):
    """A Toolkit.extract that hits the time guard on documents holding ``marker``."""
    real = Toolkit.extract

    def extract(self, doc):
        if marker in doc.text:
            raise PatternTimeoutError("pattern timed out at offset 0")
        return real(self, doc)
    return extract


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_timed_out_document_is_one_error_naming_it_and_the_batch_goes_on(monkeypatch, jobs):
    monkeypatch.setattr(Toolkit, "extract", slow_on("İ"))
    monkeypatch.setattr(processes, "PARALLEL_MIN_CHARS", 0)
    batch = [documents.from_text("Sono 5 soldati.", id="a.txt"), documents.from_text("İ 6 soldati.", id="b.txt"),
             documents.from_text("Sono 7 soldati.", id="c.txt")]
    errors = []
    report = run_documents(batch, jobs=jobs, on_error=errors.append, reconcile=False)
    assert [c.quantity.value for c in report.claims] == [5, 7]
    assert [str(e) for e in errors] == ["b.txt: pattern timed out at offset 0 (a bug in quantities: please "
                                        "report it with this document); its claims are left out"]


def test_without_a_sink_the_error_is_raised(monkeypatch):
    monkeypatch.setattr(Toolkit, "extract", slow_on("İ"))
    with pytest.raises(QuantitiesError, match="^b.txt: pattern timed out"):
        list(extract_all([documents.from_text("İ", id="b.txt")], Toolkit(Config())))


@pytest.mark.parametrize(("raised", "says"), [(MemoryError, "ran out of memory"), (RecursionError, "ran past the recursion limit")])
def test_memory_and_recursion_are_one_error_naming_the_document(monkeypatch, raised, says):
    def extract(self, doc):
        raise raised()

    monkeypatch.setattr(Toolkit, "extract", extract)
    errors = []
    run_documents([documents.from_text("5 soldati", id="x.md")], on_error=errors.append, reconcile=False)
    assert [str(e) for e in errors] == [f"x.md: {says} while reading this document; its claims are left out"]


def test_one_character_whose_lower_case_is_longer_keeps_the_prefilters():
    """'İ' lowers to two characters: the whole text was then searched by the master pattern at
    once (a 20 MB text timed out at offset 0); now its lower case keeps the offsets."""
    from quantities.extraction.numbers import reader

    text = "parola " * 2000 + "İstanbul ha 5.000 abitanti"
    assert [q.text for q in reader.find(text)] == ["5.000"]


@pytest.mark.parametrize(("loadavg", "busy"), [
    ("0.61 0.80 0.89 1/85 4242\n", 0),    # only this process runs: a run that just ended is no load
    ("1.90 1.20 0.89 2/85 4242\n", 1),    # one other process on a core
    ("3.10 2.00 1.00 4/85 4242\n", 3),
    ("0.00 0.00 0.00 0/85 4242\n", 0),    # never below none
])
def test_busy_cores_are_the_processes_running_now(tmp_path, loadavg, busy):
    path = tmp_path / "loadavg"
    path.write_text(loadavg, encoding="ascii")
    assert processes.busy_cores(str(path)) == busy


@pytest.mark.parametrize("loadavg", ["", "garbled", "0.1 0.2 0.3 x/85 1"])
def test_without_a_running_count_the_load_average_decides(tmp_path, monkeypatch, loadavg):
    path = tmp_path / "loadavg"
    path.write_text(loadavg, encoding="ascii")
    monkeypatch.setattr(processes.os, "getloadavg", lambda: (1.6, 0.5, 0.2))
    assert processes.busy_cores(str(path)) == 2
    assert processes.busy_cores(str(tmp_path / "missing")) == 2


def test_default_jobs_are_the_free_cores_and_at_least_one(tmp_path, monkeypatch):
    path = tmp_path / "loadavg"
    monkeypatch.setattr(processes, "cores", lambda: 2)
    for running, jobs in (("1", 2), ("2", 1), ("9", 1)):
        path.write_text(f"0.1 0.1 0.1 {running}/85 1\n", encoding="ascii")
        assert processes.default_jobs(str(path)) == jobs
