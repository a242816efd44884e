"""A changed-files run: reconcile the whole folder, report only the findings that involve
the files a pull request changed (``--changed PATH…``, ``--diff BASE``, and the pytest
plugin's ``--quantities-changed``).

>>> from quantities.types import Finding
>>> stale = Finding("unused-suppression", "suppression", "warning", "a.md:3: the suppression …", ())
>>> involves(stale, {}, changed_set(["./a.md"]))
True
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Mapping

from quantities.errors import QuantitiesError
from quantities.text.i18n import _
from quantities.types import Document, Finding


def changed_set(paths: Iterable[str]) -> frozenset[str]:
    """The named files as absolute, normalised paths (links resolved, as git names them)."""
    return frozenset(_real(p) for p in paths)


def _real(path: str) -> str:
    return os.path.normpath(os.path.realpath(path))


def involves(finding: Finding, documents: Mapping[str, Document], changed: frozenset[str]) -> bool:
    """Whether a claim of ``finding`` is in a changed file (a finding without claims, an
    unused suppression, is kept when its message starts with a changed file)."""
    if not finding.claims:
        where = finding.message.split(":", 1)[0]
        return _real(where) in changed
    for claim in finding.claims:
        doc = documents.get(claim.doc)
        path = doc.path if doc is not None and doc.path else claim.doc
        if _real(path) in changed:
            return True
    return False


def only_changed(findings: Iterable[Finding], documents: Mapping[str, Document],
                 changed: frozenset[str]) -> list[Finding]:
    return [f for f in findings if involves(f, documents, changed)]


def git_changed(base: str, where: str | None = None) -> list[str]:
    """The files git says changed between ``base`` and the working tree (added, copied,
    modified, renamed: not deleted), as absolute paths. Git is asked in the repository that
    holds ``where`` (the first path of the run, so that the working directory need not be
    inside it), else in the working directory's."""
    if base.startswith("-"):  # git would read it as one of its options ("--output=FILE" writes a file)
        raise QuantitiesError(_("--diff {base}: name a commit or a branch, not an option").format(base=base))
    folder = where if where and os.path.isdir(where) else os.path.dirname(where or "") or "."
    top = _git(["rev-parse", "--show-toplevel"], folder, base).strip()
    names = _git(["diff", "--name-only", "--diff-filter=ACMR", base, "--"], top, base)
    return [os.path.join(top, line) for line in names.splitlines() if line]


def _git(arguments: list[str], cwd: str, base: str) -> str:
    try:
        done = subprocess.run(["git", *arguments], capture_output=True, text=True, cwd=cwd, check=False)
    except OSError as e:
        raise QuantitiesError(_("--diff needs git: {reason}").format(reason=e.strerror or e)) from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["?"])[0]
        raise QuantitiesError(_("--diff {base}: git says: {reason}").format(base=base, reason=reason))
    return done.stdout
