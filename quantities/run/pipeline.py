"""One run, end to end: read → extract → reconcile → check → the desk's policy → Report.

The command line and the pytest plugin both call :func:`run`. With ``jobs > 1`` the
documents are spread over processes when the input is large enough to pay for them
(:mod:`quantities.run.processes`); the output is the same, in the same order, as with one
process. A document that cannot be extracted (a pattern ran past its time guard, memory
ran out) is one error naming its file, and the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from quantities.errors import QuantitiesError
from quantities.report.model import Report
from quantities.run import suppress
from quantities.run.config import Config
from quantities.run.processes import cores, default_jobs, extract_all, render_all, stopping_on_signals
from quantities.run.toolkit import Toolkit
from quantities.text.i18n import _
from quantities.types import SEVERITIES, Document, Finding

__all__ = [
    "Toolkit",
    "apply_policy",
    "cores",
    "default_jobs",
    "exceeds",
    "extract_all",
    "named_paths",
    "render_all",
    "run",
    "run_documents",
    "stopping_on_signals",
    "wanted",
]

ErrorSink = Callable[[QuantitiesError], None] | None


def run(
    paths: Iterable[str] | str,
    *,
    config: Config | None = None,
    lang: str | None = None,
    reference: str | None = None,
    jobs: int = 1,
    reconcile: bool = True,
    on_error: ErrorSink = None,
    on_document: Callable[[Document], None] | None = None,
) -> Report:
    """Read, extract, reconcile and check ``paths`` under ``config``."""
    from quantities.ingest.documents import read

    config = config or Config()
    named = named_paths(paths)
    docs = (d for d in read(paths, lang=lang or config.lang, on_error=on_error) if wanted(d, config, named))
    return run_documents(docs, config=config, reference=reference, jobs=jobs, reconcile=reconcile,
                         on_error=on_error, on_document=on_document)


def run_documents(
    docs: Iterable[Document],
    *,
    config: Config | None = None,
    reference: str | None = None,
    jobs: int = 1,
    reconcile: bool = True,
    on_error: ErrorSink = None,
    on_document: Callable[[Document], None] | None = None,
) -> Report:
    """Extract, reconcile and check documents already read (see :func:`run`)."""
    config = config or Config()
    toolkit = Toolkit(config)
    report = Report()
    for doc, claims in extract_all(_unique(docs, on_error), toolkit, jobs, on_error):
        report.documents[doc.id] = doc
        report.claims.extend(claims)
        if on_document:
            on_document(doc)
    findings: list[Finding] = []
    if reconcile:
        from quantities.reconciliation.rules import reconcile as align

        docs = report.documents.values()
        result = align(report.claims, settings=toolkit.settings(), lexicon=toolkit.lexicon(),
                       sources=toolkit.sources(), lexicons={d.id: toolkit.lexicon(d.lang) for d in docs},
                       outlets={d.id: outlet_name(d) for d in docs}, documents=docs)
        report.figures = list(result.figures)
        report.unaligned = list(result.unaligned)
        findings.extend(result.findings)
    if reference is not None:
        from quantities.reconciliation.reference import check

        findings.extend(check(report.claims, reference, lexicon=toolkit.lexicon(),
                              sources=toolkit.sources(), settings=toolkit.settings(),
                              lexicons={d.id: toolkit.lexicon(d.lang) for d in report.documents.values()}))
    report.findings = apply_policy(findings, report.documents.values(), config, on_error)
    return report


def outlet_name(doc: Document) -> str:
    """How messages name a document: its outlet, else its file name; a line of a JSONL file by
    its id (the file's name would name every article of the file alike).

    >>> [outlet_name(Document(id=i, text="", path=p)) for i, p in [("a/b.md", "a/b.md"), ("kim-ansa", "two.jsonl")]]
    ['b.md', 'kim-ansa']
    """
    if doc.outlet:
        return doc.outlet
    return doc.id if doc.path and doc.id != doc.path else os.path.basename(doc.path or doc.id)


def _unique(docs: Iterable[Document], on_error: ErrorSink) -> Iterator[Document]:
    """Documents with an id not seen before; a repeated id is an input error (its claims
    would otherwise be mixed with the first document's)."""
    from quantities.errors import InputError

    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            error = InputError(_("duplicate document id {id!r}: the later one is skipped").format(id=doc.id),
                               file=doc.path or doc.id)
            if on_error is None:
                raise error
            on_error(error)
            continue
        seen.add(doc.id)
        yield doc


def named_paths(paths: Iterable[str] | str) -> frozenset[str]:
    """The paths as the user named them, normalised, to tell named files from found ones."""
    return frozenset(os.path.normpath(p) for p in ([paths] if isinstance(paths, str) else paths))


def wanted(doc: Document, config: Config, named: frozenset[str] = frozenset()) -> bool:
    """Whether the config's include/exclude globs keep this document. They sort the files
    found under a folder; a file named on the command line is always read."""
    if doc.path is None or os.path.normpath(doc.path) in named:
        return True
    return config.wants(doc.path)


def apply_policy(
    findings: list[Finding], docs: Iterable[Document], config: Config, on_error: ErrorSink = None
) -> list[Finding]:
    """The desk's rules (``select``/``ignore``) and severities (``"off"`` drops a rule), then
    suppressions; sorted for people.

    The reconciler's own rules got their severities when they were found (it grades
    within a rule: a known confusable noun is an error, an unknown one a step lower), so
    here ``[severity]`` applies to the other rules (reference checks, suppressions).
    """
    from quantities.reconciliation.catalog import DEFAULT_SEVERITY

    written: list[suppress.Suppression] = []
    for doc in docs:
        try:
            written.extend(suppress.parse(doc.text, doc.id, doc.line_offset))
        except QuantitiesError as e:
            if on_error is None:
                raise
            on_error(e)
    rated = []
    for f in findings:
        severity = f.severity if f.rule in DEFAULT_SEVERITY else config.severity.get(f.rule, f.severity)
        if severity != "off" and config.selects(f.rule):
            rated.append(f if severity == f.severity else replace(f, severity=severity))  # type: ignore[arg-type]  # a checked level
    kept, stale = suppress.apply(rated, written, config.ignore)
    return sorted(kept + stale, key=_order)


def _order(f: Finding) -> tuple[Any, ...]:
    first = f.claims[0] if f.claims else None
    return (SEVERITIES.index(f.severity), first.doc if first else "", first.span.start if first else 0, f.rule)


def exceeds(findings: Iterable[Finding], fail_on: str) -> bool:
    """Whether any finding is at or above ``fail_on`` (error|warning|info|never)."""
    if fail_on == "never":
        return False
    limit = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(f.severity) <= limit for f in findings)
