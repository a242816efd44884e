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
    """The named files as absolute, normalised paths."""
    return frozenset(os.path.normpath(os.path.abspath(p)) for p in paths)


def involves(finding: Finding, documents: Mapping[str, Document], changed: frozenset[str]) -> bool:
    """Whether a claim of ``finding`` is in a changed file (a finding without claims, an
    unused suppression, is kept when its message starts with a changed file)."""
    if not finding.claims:
        where = finding.message.split(":", 1)[0]
        return os.path.normpath(os.path.abspath(where)) in changed
    for claim in finding.claims:
        doc = documents.get(claim.doc)
        path = doc.path if doc is not None and doc.path else claim.doc
        if os.path.normpath(os.path.abspath(path)) in changed:
            return True
    return False


def only_changed(findings: Iterable[Finding], documents: Mapping[str, Document],
                 changed: frozenset[str]) -> list[Finding]:
    return [f for f in findings if involves(f, documents, changed)]


def git_changed(base: str, cwd: str | None = None) -> list[str]:
    """The files git says changed between ``base`` and the working tree (added, copied,
    modified, renamed: not deleted), relative to the working directory."""
    command = ["git", "diff", "--name-only", "--relative", "--diff-filter=ACMR", base, "--"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)
    except OSError as e:
        raise QuantitiesError(_("--diff needs git: {reason}").format(reason=e.strerror or e)) from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["?"])[0]
        raise QuantitiesError(_("--diff {base}: git says: {reason}").format(base=base, reason=reason))
    return [line for line in done.stdout.splitlines() if line]
