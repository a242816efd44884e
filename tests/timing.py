"""The one way the tests check that work grows linearly: a slope of CPU time, never a wall-clock bound.

:func:`slope` times one piece of work at a size and at ``FACTOR`` times that size and returns
the ratio of the two: about ``FACTOR`` when the work is linear, ``FACTOR`` squared when it is
quadratic. It counts the process's CPU time (``time.process_time``: the other processes of a
busy machine do not add to it), takes the best of a few runs at each size with the garbage
collector held, and measures again, up to a few times, while the ratio is above the limit:
noise makes a ratio larger only now and then, a quadratic cost every time. The figures in
seconds per MB are in benchmarks/ (pytest-benchmark) and benchmarks/README.md.

>>> def pairs(n):  # quadratic work
...     return lambda: [1 for i in range(n) for j in range(n)]
>>> slope(lambda n: lambda: sum(range(n)), 50_000) < LIMIT, slope(pairs, 200) > LIMIT
(True, True)
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

#: The larger size is this many times the smaller.
FACTOR = 4
#: What a linear cost must stay under: 4 when linear, 16 when quadratic (less while the
#: quadratic part is small at the smaller size); the margin absorbs a busy machine's noise.
LIMIT = 7.0
#: Runs at each size (the best counts), and measurements while the ratio stays above LIMIT.
REPEAT, ATTEMPTS = 3, 3


def cpu_seconds(work: Callable[[], object], repeat: int = REPEAT) -> float:
    """The least CPU time of ``repeat`` runs of ``work``."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def slope(work_at: Callable[[int], Callable[[], object]], size: int, *, limit: float = LIMIT) -> float:
    """CPU time of ``work_at(FACTOR * size)`` over that of ``work_at(size)``: the least ratio
    of up to ATTEMPTS measurements, stopping at the first under ``limit``."""
    work_at(max(1, size // FACTOR))()  # warm: packs loaded, patterns compiled
    small, large = work_at(size), work_at(FACTOR * size)
    best = float("inf")
    for _ in range(ATTEMPTS):
        best = min(best, cpu_seconds(large) / max(cpu_seconds(small), 1e-4))
        if best < limit:
            break
    return best
