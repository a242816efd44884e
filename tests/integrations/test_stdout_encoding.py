"""A stdout that is not UTF-8 (PYTHONIOENCODING=latin-1 or ascii, an old terminal): what its
encoding cannot hold goes out as a backslash escape, never a UnicodeEncodeError traceback
after half the report (issue 15: was a traceback after 2.4 KB of `report fixtures/seeds`)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from tables import ROOT, SEEDS


def _report(encoding: str, fmt: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "quantities", "report", str(SEEDS), "--format", fmt],
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": encoding})


@pytest.mark.parametrize("fmt", ["table", "html"])
@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_what_stdout_cannot_encode_is_escaped_never_a_traceback(fmt, encoding):
    utf8, narrow = _report("utf-8", fmt), _report(encoding, fmt)
    assert b"Traceback" not in narrow.stderr and narrow.returncode == utf8.returncode
    assert narrow.stdout == utf8.stdout.decode("utf-8").encode(encoding, "backslashreplace")
    assert narrow.stdout != utf8.stdout  # near miss: the seeds do hold characters these cannot
