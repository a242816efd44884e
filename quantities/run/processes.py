"""Documents to claims over one process or several (``--jobs``), and the signals that stop a run.

Processes start only when the input is large enough to pay for them; the output is the
same, in the same order, as with one process. A worker process that dies (the OOM killer)
is one error and the other workers are stopped. :func:`stopping_on_signals` makes SIGTERM
and SIGHUP end a run as Ctrl-C does, so that temporary files are removed and workers
stopped on the way out.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from itertools import chain
from typing import TYPE_CHECKING, Any

from quantities.errors import QuantitiesError
from quantities.run.config import Config
from quantities.run.toolkit import Toolkit
from quantities.text.i18n import _
from quantities.types import Attribution, Claim, Document, Quantity, Span

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

ErrorSink = Callable[[QuantitiesError], None] | None
#: Claims of one document, and the documents by id, to text (a format's claims renderer).
Render = Callable[[list[Claim], dict[str, Document]], str]

#: Below this many characters of input, a second process costs more than it saves: it
#: starts, builds its own toolkit (~0.3 s) and pickles every claim back (~20 µs each).
#: Measured on the real-density corpus with a core free (benchmarks/README.md, "--jobs
#: crossover, quiet"): even at 0.5 MB, clearly ahead at 1 MB (−34 % wall). On a busy machine
#: :func:`default_jobs` already gives one process.
PARALLEL_MIN_CHARS = 1_000_000
#: Characters of documents sent to a worker at once; a document larger than this is read in
#: the parent (a chunk never splits a document, and a stop waits for the chunks workers hold).
CHUNK_CHARS = 250_000
#: Documents looked at, at most, to decide whether to start processes.
PARALLEL_MIN_DOCS = 4096
#: A document this large (characters) is read in a thread the main thread waits on in slices of
#: :data:`WAIT_SLICE`, also with one process: a stop signal that lands outside this package's
#: code during its extraction (the standard library's, generated code) is only noted, and would
#: wait for the whole document (a 4 MB one: ~15 s). Hostile text reads at most ~20 s/MB, so
#: a smaller document ends within ~2 s anyway; a thread costs ~0.1 ms.
ASIDE_CHARS = 100_000
#: Seconds a worker may take, once the run stops, to finish the chunk it holds.
STOP_GRACE = 10.0
#: Seconds the parent waits on a worker's chunk before it looks for a stop signal again: a
#: signal that lands in the pool's waiting code is only noted (see :func:`stopping_on_signals`).
WAIT_SLICE = 0.2
_STOP_SIGNALS = ("SIGTERM", "SIGHUP")

_WORKER: Toolkit | None = None


def _init_worker(config: Config, titles: bool = False) -> None:
    """A worker leaves signals to the parent, which stops it (Ctrl-C reaches the whole
    process group: a worker would print its own KeyboardInterrupt traceback)."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in _STOP_SIGNALS:
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    _WORKER = Toolkit(config, titles=titles)


def _extract_chunk(docs: list[Document], render: Render | None = None) -> list[Any]:
    """Each document's claims taken apart by :func:`_flat`, or as ``render`` writes them, or
    the error that names it."""
    assert _WORKER is not None
    out: list[Any] = []
    for doc in docs:
        result = _rendered(doc, _WORKER.extract_or_error(doc), render)
        out.append(result if render or isinstance(result, QuantitiesError) else [_flat(c) for c in result])
    return out


#: The classes a claim is made of, sent back from a worker as lists of their fields (pickle
#: writes a slotted dataclass as a dict of its slots: ~30 µs a claim, half of it saved).
_SHIPPED = (Claim, Quantity, Attribution, Span)
_FIELDS = tuple(tuple(f.name for f in fields(cls)) for cls in _SHIPPED)
_INDEX = {cls: i for i, cls in enumerate(_SHIPPED)}


def _flat(obj: Any) -> Any:
    """``obj`` as ``[class index, field, …]``, nested; other values as they are (no field of
    these classes holds a list)."""
    i = _INDEX.get(type(obj))
    if i is None:
        return obj
    return [i, *[_flat(getattr(obj, name)) for name in _FIELDS[i]]]


def _built(value: Any) -> Any:
    """The object :func:`_flat` took apart."""
    if type(value) is not list:
        return value
    return _SHIPPED[value[0]](*[_built(v) for v in value[1:]])


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: Linux's load figures, whose fourth field counts the processes running now ("2/85").
LOADAVG = "/proc/loadavg"


def default_jobs(loadavg: str = LOADAVG) -> int:
    """The processes worth starting when ``--jobs`` is not given: the cores not already
    busy (a second process on a busy core is slower than one process alone)."""
    return max(1, cores() - busy_cores(loadavg))


def busy_cores(loadavg: str = LOADAVG) -> int:
    """The processes running now besides this one: the running count of ``loadavg`` (Linux's
    "0.61 0.80 0.89 2/85 4242"), less this process. Elsewhere, the one-minute load average,
    which remembers for a minute a run that has just ended (on 2 cores, the next run of 3 MB
    then took 3.8 s in one process instead of 2.0 s in two)."""
    try:
        with open(loadavg, encoding="ascii") as f:
            return max(0, int(f.read().split()[3].split("/")[0]) - 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        return round(os.getloadavg()[0])
    except (AttributeError, OSError):  # no load average on this system
        return 0


def extract_all(docs: Iterable[Document], toolkit: Toolkit, jobs: int = 1,
                on_error: ErrorSink = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Each document with its claims, in input order, over up to ``jobs`` processes.

    Processes start only when the input reaches :data:`PARALLEL_MIN_CHARS`; a document
    that cannot be extracted goes to ``on_error`` (raised without one) and is left out.
    """
    return _all(docs, toolkit, jobs, on_error, None)


def render_all(docs: Iterable[Document], toolkit: Toolkit, render: Render, jobs: int = 1,
               on_error: ErrorSink = None) -> Iterator[tuple[Document, str]]:
    """Each document with its claims as ``render(claims, {doc.id: doc})`` writes them, as
    :func:`extract_all` (order, errors, when processes start).

    With processes, each worker renders its documents' claims and sends back text: the claims
    themselves never cross a pipe, and the parent no longer unpickles and rebuilds each of them
    (on 3 MB of news with two workers its CPU went from 0.36 s to 0.05 s). ``render`` must be a
    module-level function, for a worker to unpickle it.
    """
    return _all(docs, toolkit, jobs, on_error, render)


def _all(docs: Iterable[Document], toolkit: Toolkit, jobs: int, on_error: ErrorSink,
         render: Render | None) -> Iterator[tuple[Document, Any]]:
    docs = iter(docs)
    head: list[Document] = []
    if jobs > 1:  # look ahead to see whether the input is worth a pool
        size = 0
        for doc in docs:
            head.append(doc)
            size += len(doc.text)
            if size >= PARALLEL_MIN_CHARS or len(head) >= PARALLEL_MIN_DOCS:
                break
        else:
            jobs = 1
    if jobs <= 1:
        for doc in chain(head, docs):  # a stream: never materialise the documents
            check_stopped()
            large = len(doc.text) > ASIDE_CHARS
            result = _aside(toolkit, doc) if large else toolkit.extract_or_error(doc)
            yield from _kept(doc, _rendered(doc, result, render), on_error)
        return
    yield from _in_processes(chain(head, docs), toolkit, jobs, on_error, render)


def _rendered(doc: Document, result: list[Claim] | QuantitiesError, render: Render | None) -> Any:
    """``result`` as ``render`` writes it; the claims themselves without one, or an error."""
    if render is None or isinstance(result, QuantitiesError):
        return result
    return render(result, {doc.id: doc})


def _kept(doc: Document, result: Any, on_error: ErrorSink) -> Iterator[tuple[Document, Any]]:
    if not isinstance(result, QuantitiesError):
        yield doc, result
    elif on_error is None:
        raise result
    else:
        on_error(result)


def _in_processes(docs: Iterator[Document], toolkit: Toolkit, jobs: int, on_error: ErrorSink,
                  render: Render | None) -> Iterator[tuple[Document, Any]]:
    # here: the pool's modules (multiprocessing, logging, socket) cost a one-process run ~15 ms
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(toolkit.config, toolkit.titles))
    finished = False
    try:
        pending: list[tuple[list[Document], Any]] = []
        for batch in _chunks(docs, CHUNK_CHARS):
            check_stopped()
            if len(batch[0].text) > CHUNK_CHARS:  # a document alone larger than a chunk: read in this
                while pending:  # process, where a stop ends it at once, after what comes before it
                    yield from _drain(pending.pop(0), on_error, render)
                yield from _kept(batch[0], _rendered(batch[0], _aside(toolkit, batch[0]), render), on_error)
                continue
            pending.append((batch, pool.submit(_extract_chunk, batch, render)))
            if len(pending) >= jobs * 4:
                yield from _drain(pending.pop(0), on_error, render)
        for item in pending:
            yield from _drain(item, on_error, render)
        finished = True
    except BrokenProcessPool:
        raise QuantitiesError(_("a worker process died (killed by the system, perhaps for lack of "
                                "memory); run again with --jobs 1")) from None
    finally:
        _stop(pool, finished)


def _stop(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Shut the pool down; on an error or a signal, drop the chunks not started and let each
    worker finish the one it holds (at most about :data:`CHUNK_CHARS`, well under a second: a
    document larger than a chunk is read in the parent).

    A worker is killed only if it is still busy after :data:`STOP_GRACE` seconds: one killed
    while it writes its result leaves half a message in the pipe, and the pool's own thread
    then waits for the rest for ever, so that the interpreter cannot exit. The pool's thread
    is joined last: after a worker died it closes its wake-up pipe while the interpreter's exit
    hook may write to it.
    """
    if finished:
        pool.shutdown()
        return
    workers = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + STOP_GRACE  # one grace for all the workers, not one each
    for worker in workers:
        worker.join(timeout=max(0.0, deadline - time.monotonic()))
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=5)
    if manager is not None:  # still closing its pipes when the interpreter's exit wakes it: an
        manager.join(timeout=5)  # "Exception ignored ... Bad file descriptor" traceback (CPython 3.11)


def _chunks(items: Iterator[Document], size: int) -> Iterator[list[Document]]:
    """Documents in batches of about ``size`` characters, in order; a document larger than
    ``size`` is a batch of its own."""
    batch: list[Document] = []
    chars = 0
    for doc in items:
        if len(doc.text) > size:
            if batch:
                yield batch
            yield [doc]
            batch, chars = [], 0
            continue
        batch.append(doc)
        chars += len(doc.text)
        if chars >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _drain(item: tuple[list[Document], Any], on_error: ErrorSink,
           render: Render | None) -> Iterator[tuple[Document, Any]]:
    batch, future = item
    for doc, result in zip(batch, _result(future)):
        check_stopped()
        built = render or isinstance(result, QuantitiesError)
        yield from _kept(doc, result if built else [_built(c) for c in result], on_error)


def _result(future: Any) -> Any:
    """The result of a chunk, waited for :data:`WAIT_SLICE` seconds at a time, so that a stop
    signal noted meanwhile stops the run at once rather than when the chunk is done."""
    from concurrent.futures import wait

    while not future.done():
        check_stopped()
        wait([future], timeout=WAIT_SLICE)
    return future.result()


def _aside(toolkit: Toolkit, doc: Document) -> list[Claim] | QuantitiesError:
    """``toolkit.extract_or_error(doc)`` in a daemon thread, waited for :data:`WAIT_SLICE`
    seconds at a time: a stop signal then stops the run within a slice (landing in a
    library's code during the extraction, it would only be noted until the document's end),
    and the thread is left behind when the process exits."""
    out: list[list[Claim] | QuantitiesError | BaseException] = []

    def read() -> None:
        try:
            out.append(toolkit.extract_or_error(doc))
        except BaseException as e:  # handed to the parent's thread, raised there
            out.append(e)

    thread = threading.Thread(target=read, name=f"quantities: {doc.id}", daemon=True)
    thread.start()
    while thread.is_alive():
        check_stopped()
        thread.join(WAIT_SLICE)
    if isinstance(out[0], BaseException):
        raise out[0]
    return out[0]


# -- signals ----------------------------------------------------------------------------------


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: the run unwinds as on Ctrl-C (temporary files removed, workers stopped)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_stopping: list[int] = []  # a signal received and not yet acted on
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # quantities/


def check_stopped() -> None:
    """Raise :class:`Stopped` if a stop signal came while it could not be raised (called
    between documents and before the output file is put in place)."""
    if _stopping:
        raise Stopped(_stopping[0])


@contextmanager
def stopping_on_signals() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise :class:`Stopped` (main thread only).

    It raises only where the signal lands in this package's code: elsewhere it may land in a
    finaliser or a fork hook (logging's), where Python prints the exception and drops it. There
    the signal is only noted, and :func:`check_stopped` raises it at the next document; a
    second signal raises wherever it lands (a call blocked in the kernel, as ``open()`` of a
    FIFO that nothing writes to, is retried after a signal that only noted, for ever).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        _stopping.append(signum)
        if len(_stopping) > 1 or (frame is not None and frame.f_code.co_filename.startswith(_PACKAGE)):
            raise Stopped(_stopping[0])  # a second signal raises wherever it lands (a blocked open())

    before = {}
    for name in _STOP_SIGNALS:
        if hasattr(signal, name):
            number = getattr(signal, name)
            before[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        _stopping.clear()
        for number, handler in before.items():
            signal.signal(number, handler)
