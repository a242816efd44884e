"""What start-up compiles from the packs, kept across runs in the user's cache folder.

A one-sentence run spent two thirds of its time compiling the packs' patterns and tables
(the numerals grammar, the attribution cues, the lexicon's stems). They depend only on their
input (a pack, a desk's additions) and on the code, so :func:`remembered` keeps them: it returns
what ``build()`` made the last time the same ``(kind, key)`` was asked under the same code,
read from one file, or builds it and saves it when the process exits. A compiled ``regex``
pattern pickles as its compiled code (``Pattern._pickled_data``), so it loads without being
compiled again; a standard ``re`` pattern is compiled again as it loads (cheap and cached).

Where: ``$QUANTITIES_CACHE_DIR``, else ``$XDG_CACHE_HOME/quantities``, else
``~/.cache/quantities``; ``QUANTITIES_CACHE_DIR=`` (empty) turns the cache off. The file is
named by a digest of the code (path, size and mtime of every module and data file of the
package), the Python and the installed distributions, so an edit or an upgrade starts a new
file. The file carries a digest of its content, lives in a folder of the user's own, and is
replaced atomically; a file that is missing, truncated, foreign or unreadable is ignored and
everything is built as before: the cache can make a run faster, never different.
"""

from __future__ import annotations

import atexit
import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

try:
    from _blake2 import blake2b  # hashlib's own, without loading OpenSSL's bindings (~4 ms)
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

T = TypeVar("T")

#: Entries a file keeps at most (a desk's configs add theirs); past it, only this run's.
MAX_ENTRIES = 256
#: Cache files kept in the folder (one per version of the code): the newest.
MAX_FILES = 8
_MAGIC = b"quantities-cache-1\n"
_PACKAGE = Path(__file__).resolve().parent
_DIGEST_SIZE = 32


class _Store:
    """The entries of one cache file: pickled bytes by key, unpickled on demand."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, bytes] = _read(path) if path else {}
        self.used: set[str] = set()
        self.added = False
        self.pid = os.getpid()

    def get(self, key: str) -> Any:
        data = self.entries.get(key)
        if data is None:
            return _ABSENT
        try:
            value = pickle.loads(data)
        except _UNPICKLING:  # a class renamed under the same digest, a module gone: build it again
            del self.entries[key]
            return _ABSENT
        self.used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        if self.path is None:
            return
        try:
            self.entries[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except _PICKLING:  # something that does not pickle (a closure): built each run, as before
            return
        self.used.add(key)
        if not self.added:
            self.added = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the entries (atomically) from the process that read them; never raises."""
        if self.path is None or os.getpid() != self.pid:
            return
        entries = self.entries
        if len(entries) > MAX_ENTRIES:
            entries = {k: v for k, v in entries.items() if k in self.used}
        try:
            _write(self.path, entries)
        except OSError:  # a full disk, a read-only home: the next run builds again
            return


#: What unpickling a file of another version raises (a class renamed or gone, a short read).
_UNPICKLING = (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError, ValueError,
               IndexError, KeyError)
#: What pickling a value that does not pickle raises (a closure, a lambda, a deep structure).
_PICKLING = (pickle.PicklingError, TypeError, AttributeError, RecursionError)
_ABSENT = object()
_STORE: _Store | None = None


def remembered(kind: str, key: str, build: Callable[[], T]) -> T:
    """What ``build()`` returns, kept across runs under ``(kind, key)``.

    ``key`` must name everything the result depends on besides the code (a digest of the
    pack's data, a desk's additions); ``kind`` names the builder (its module and name).
    """
    store = _store()
    full = f"{kind}\0{key}"
    found = store.get(full)
    if found is not _ABSENT:
        return found
    value = build()
    store.put(full, value)
    return value


def compiled(pattern: str | bytes, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)``, kept across runs: the patterns modules compile as they
    load (~0.5 ms each, a tenth of a one-sentence run in all)."""
    import regex

    return remembered("regex", f"{flags}\0{pattern!r}", lambda: regex.compile(pattern, flags))


def digest(text: str) -> str:
    """A short digest of ``text`` (a key's part)."""
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def folder() -> Path | None:
    """The cache folder, or None when the cache is off."""
    given = os.environ.get("QUANTITIES_CACHE_DIR")
    if given is not None:
        return Path(given) if given.strip() else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG rules ignore)
        home = os.path.expanduser("~")
        if not os.path.isabs(home) or home == os.sep:  # no home to speak of (a relative one, or "/")
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "quantities"


def _store() -> _Store:
    global _STORE
    if _STORE is None:
        where = folder()
        _STORE = _Store(where / f"tables-{_code_digest()}.pickle" if where else None)
    return _STORE


def reset() -> None:
    """Forget the store read by this process (tests; a changed ``QUANTITIES_CACHE_DIR``)."""
    global _STORE
    _STORE = None


def _code_digest() -> str:
    """The code the kept values were built by: the package's files (path, size, mtime), the
    Python, and the distributions installed beside ``regex`` (their names carry versions)."""
    parts = [sys.version, sys.executable, str(_PACKAGE)]
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".toml")):
                st = os.stat(os.path.join(root, name))
                parts.append(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns}")
    import regex  # the patterns' compiler, a dependency loaded by every run

    site = os.path.dirname(os.path.dirname(regex.__file__))
    try:
        parts += sorted(n for n in os.listdir(site) if n.endswith(".dist-info"))
    except OSError:
        pass
    parts.append(regex.__version__)
    return digest("\n".join(parts))


def _private(where: Path) -> bool:
    """Whether ``where`` is a real folder (not a link) of this user that no one else may write
    into: a pickle there runs code when read, so a shared folder is no place for it."""
    try:
        st = os.lstat(where)
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return stat.S_ISDIR(st.st_mode) and mine and not st.st_mode & 0o022


def _read(path: Path) -> dict[str, bytes]:
    """The entries of the file at ``path``; {} when it is missing, foreign, a link, in a folder
    others may write into, or damaged."""
    if not _private(path.parent):
        return {}
    try:
        # non-blocking: a FIFO in the cache's place is a miss at once, never a run waiting for ever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return {}
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            return {}
        try:
            data = f.read()
        except OSError:
            return {}
    head = len(_MAGIC) + _DIGEST_SIZE
    if not data.startswith(_MAGIC) or len(data) < head:
        return {}
    body = data[head:]
    if blake2b(body, digest_size=_DIGEST_SIZE).digest() != data[len(_MAGIC):head]:
        return {}
    try:
        entries = pickle.loads(body)
    except _UNPICKLING:
        return {}
    if not isinstance(entries, dict) or not all(isinstance(k, str) and isinstance(v, bytes)
                                                for k, v in entries.items()):
        return {}
    return entries


def _write(path: Path, entries: dict[str, bytes]) -> None:
    """Replace the file at ``path`` at once (a fresh temporary file, then a rename); nothing is
    written into a folder that is not the user's own (:func:`_private`)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(path.parent):
        return
    body = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    data = _MAGIC + blake2b(body, digest_size=_DIGEST_SIZE).digest() + body
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # O_EXCL, 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    _prune(path.parent, keep=path)


def _prune(where: Path, keep: Path) -> None:
    """Remove the oldest cache files past :data:`MAX_FILES` (other versions of the code)."""
    try:
        mine = [f for f in where.glob("tables-*.pickle")  # never another user's files
                if not hasattr(os, "getuid") or f.lstat().st_uid == os.getuid()]
        files = sorted(mine, key=lambda p: p.lstat().st_mtime, reverse=True)
        for old in [f for f in files if f != keep][MAX_FILES - 1:]:
            old.unlink()
    except OSError:
        pass
