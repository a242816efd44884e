"""What start-up compiles, kept across runs (quantities/cache.py): faster, never different."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys

import pytest
import regex
from tables import ROOT, SEEDS

from quantities import cache


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A cache folder of the test's own; the process's store forgotten before and after."""
    monkeypatch.setenv("QUANTITIES_CACHE_DIR", str(tmp_path))
    cache.reset()
    yield tmp_path
    cache.reset()


def _save_and_forget() -> None:
    """What one process leaves for the next: its store saved, then forgotten."""
    cache._store().save()
    cache.reset()


def test_built_once_then_read(store):
    calls = []

    def build():
        calls.append(1)
        return {"pattern": regex.compile(r"(?i)\b(?:mila|milioni)\b"), "words": frozenset({"circa"})}

    first = cache.remembered("test.kind", "key", build)
    _save_and_forget()
    second = cache.remembered("test.kind", "key", build)
    assert calls == [1]
    assert second["words"] == first["words"]
    assert second["pattern"].pattern == first["pattern"].pattern
    assert second["pattern"].search("15 MILA").span() == (3, 7)
    assert [p.name for p in store.iterdir()] == [p.name for p in store.glob("tables-*.pickle")]


@pytest.mark.parametrize("key", ["other-key", ""])
def test_another_key_is_built(store, key):
    cache.remembered("test.kind", "key", lambda: 1)
    _save_and_forget()
    assert cache.remembered("test.kind", key, lambda: 2) == 2
    assert cache.remembered("test.other", "key", lambda: 3) == 3


@pytest.mark.parametrize("damage", [
    lambda data: data[:-10],                       # truncated
    lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped: the digest differs
    lambda data: b"",                              # empty
    lambda data: b"not a cache file at all",       # foreign
])
def test_a_damaged_file_is_ignored(store, damage):
    cache.remembered("test.kind", "key", lambda: "kept")
    _save_and_forget()
    (path,) = store.glob("tables-*.pickle")
    path.write_bytes(damage(path.read_bytes()))
    assert cache.remembered("test.kind", "key", lambda: "built again") == "built again"


def test_what_does_not_pickle_is_built_each_time(store):
    value = cache.remembered("test.kind", "closure", lambda: (lambda: 5))
    assert value() == 5
    _save_and_forget()
    assert cache.remembered("test.kind", "closure", lambda: "built again") == "built again"


def test_off_when_the_folder_is_empty(monkeypatch, tmp_path):
    monkeypatch.setenv("QUANTITIES_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    cache.reset()
    try:
        assert cache.folder() is None
        assert cache.remembered("test.kind", "key", lambda: 1) == 1
        cache._store().save()
        assert cache.remembered("test.kind", "key", lambda: 2) == 2  # nothing kept, even in the process
        assert list(tmp_path.iterdir()) == []
    finally:
        cache.reset()


def test_default_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("QUANTITIES_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "quantities"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # ignored, as the XDG rules say
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.folder() == tmp_path / ".cache" / "quantities"
    monkeypatch.setenv("HOME", "/")  # a system user's or a container's: no home of its own
    assert cache.folder() is None
    monkeypatch.setenv("HOME", "")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr("os.path.expanduser", lambda path: path)  # no home at all
    assert cache.folder() is None


def test_old_versions_are_pruned(store):
    for n in range(cache.MAX_FILES + 3):
        (store / f"tables-{n:032x}.pickle").write_bytes(b"old")
        os.utime(store / f"tables-{n:032x}.pickle", (n, n))
    cache.remembered("test.kind", "key", lambda: 1)
    _save_and_forget()
    assert len(list(store.glob("tables-*.pickle"))) == cache.MAX_FILES


def test_a_compiled_pattern_pickles_as_its_code():
    """What makes the cache pay: a ``regex`` pattern unpickles without being compiled again
    (on a ``regex`` too old for that, the cache still works, only slower)."""
    rx = regex.compile(r"(?<![\w'’])(?:secondo|stando a)\s+(?P<src>\p{Lu}\w+)", regex.IGNORECASE)
    again = pickle.loads(pickle.dumps(rx))
    assert again.search("Secondo Kcna, 5 morti")["src"] == "Kcna"
    assert again.groupindex == rx.groupindex and again.flags == rx.flags


def _extract(env: dict[str, str], *args: str) -> bytes:
    cmd = [sys.executable, "-m", "quantities", "extract", "--format", "jsonl", "--titles", *args]
    return subprocess.run(cmd, capture_output=True, check=True, env=env, cwd=ROOT).stdout


def test_a_run_with_the_cache_is_the_run_without(tmp_path):
    """The seeds and news-dev, Italian and English: without the cache, filling it, reading it."""
    paths = [str(SEEDS), str(ROOT / "fixtures" / "news-dev" / "articles")]
    env = {**os.environ, "QUANTITIES_CACHE_DIR": ""}
    for lang in ("it", "en"):
        off = _extract(env, "--lang", lang, *paths)
        env["QUANTITIES_CACHE_DIR"] = str(tmp_path)
        filled = _extract(env, "--lang", lang, *paths)
        assert list(tmp_path.glob("tables-*.pickle"))
        read = _extract(env, "--lang", lang, *paths)
        assert off.count(b"\n") > 100
        assert filled == off
        assert read == off


# a pickle runs code when read: only a file of the user's, in a folder only the user may write
@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_folder_others_may_write_is_neither_read_nor_written(store):
    cache.remembered("test.kind", "key", lambda: "kept")
    _save_and_forget()
    store.chmod(0o777)  # a shared /tmp, a CI volume
    before = {p.name: p.lstat().st_mtime_ns for p in store.iterdir()}
    assert cache.remembered("test.kind", "key", lambda: "built again") == "built again"
    _save_and_forget()
    assert {p.name: p.lstat().st_mtime_ns for p in store.iterdir()} == before


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX links")
def test_a_cache_file_that_is_a_link_is_not_read_and_its_target_not_written(store):
    cache.remembered("test.kind", "key", lambda: "kept")
    _save_and_forget()
    (path,) = store.glob("tables-*.pickle")
    elsewhere = store.parent / f"{store.name}-elsewhere.pickle"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    kept = elsewhere.read_bytes()
    assert cache.remembered("test.kind", "key", lambda: "built again") == "built again"
    _save_and_forget()
    assert elsewhere.read_bytes() == kept and not path.is_symlink()  # the link replaced, not followed


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_fifo_in_place_of_the_cache_file_is_a_miss_not_a_hang(store):
    """open() of a FIFO waited for a writer: every run hung. The open is non-blocking now and
    the descriptor's type is checked (an alarm turns a regression into a failure)."""
    cache.remembered("test.kind", "key", lambda: "kept")
    _save_and_forget()
    (path,) = store.glob("tables-*.pickle")
    path.unlink()
    os.mkfifo(path)

    def hung(signum, frame):
        raise pytest.fail.Exception("opening the cache file waited on the FIFO")  # no OSError: not caught

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        assert cache.remembered("test.kind", "key", lambda: "built again") == "built again"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX links")
def test_the_temporary_file_is_never_a_planted_link(store, monkeypatch):
    """The file written before the rename is a fresh one (mkstemp), whatever name a link has."""
    victim = store.parent / "victim"
    victim.write_text("untouched")
    name = cache._store().path.name
    (store / f".{name}.{os.getpid()}.tmp").symlink_to(victim)  # the name an earlier version wrote through
    cache.remembered("test.kind", "key", lambda: "kept")
    _save_and_forget()
    assert victim.read_text() == "untouched"
    assert cache.remembered("test.kind", "key", lambda: "built again") == "kept"
