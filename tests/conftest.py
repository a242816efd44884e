import atexit
import os
import shutil
import tempfile

import pytest

from quantities import cache

pytest_plugins = ["pytester"]

# What start-up compiles is kept across runs (quantities/cache.py): the suite keeps it in a
# folder of its own, shared by the processes it starts, never in the user's cache.
if "QUANTITIES_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="quantities-test-cache-")
    os.environ["QUANTITIES_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
    cache.reset()


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """Tests read English messages whatever the machine's locale (the Italian ones have
    their own tests, which set LANG themselves)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")
