"""One run, end to end: read → extract → reconcile → check → the desk's policy → Report.

The command line and the pytest plugin both call :func:`run`. With ``jobs > 1`` the
documents are spread over processes; the output is the same, in the same order, as
with one process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from itertools import chain, islice
from typing import Any

from quantities.errors import QuantitiesError
from quantities.report.model import Report
from quantities.run import suppress
from quantities.run.config import Config
from quantities.types import SEVERITIES, Claim, Document, Finding

#: Below this many documents, processes cost more than they save.
PARALLEL_MIN_DOCS = 64
CHUNK = 16

ErrorSink = Callable[[QuantitiesError], None] | None


class Toolkit:
    """What extraction and reconciliation need, built once from a config and kept."""

    def __init__(self, config: Config, *, titles: bool = False) -> None:
        self.config = config
        self.titles = titles  # also the claims of each document's title (section "title")
        self._cache: dict[Any, Any] = {}

    def _once(self, key: Any, build: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def extract(self, doc: Document) -> list[Claim]:
        from quantities.extraction.claims import extract_document

        return extract_document(doc, lang=self.pack(doc.lang), sources=self.sources(),
                                lexicon=self.lexicon(doc.lang), titles=self.titles)

    def pack(self, code: str) -> Any:
        """The language pack of ``code``, with the config's ``[numbers]`` overrides."""
        from quantities import lang
        from quantities.run.config import numbers_pack

        def build() -> Any:
            if not self.config.numbers:
                return lang.load(code)
            return numbers_pack(code, self.config.numbers, self.config.file or "<config>")

        return self._once(("pack", code), build)

    def sources(self) -> Any:
        from quantities.lang.sources import Sources

        def build() -> Any:
            base = Sources.default()
            extra = self.config.sources
            return base.extended(extra, file=self.config.file or "<config>") if extra else base

        return self._once("sources", build)

    def lexicon(self, code: str | None = None) -> Any:
        from quantities.lang.lexicon import Lexicon

        code = code or self.config.lang
        return self._once(("lexicon", code), lambda: Lexicon.load(
            code, extra=self.config.lexicon or None, origin=self.config.file or "<config>"))

    def settings(self) -> Any:
        """The reconciler's settings: ``[reconcile]``, and ``[severity]`` for its rules."""
        from quantities.reconciliation.catalog import DEFAULT_SEVERITY
        from quantities.reconciliation.settings import ReconcileSettings

        def build() -> Any:
            base = ReconcileSettings.from_mapping(self.config.reconcile, file=self.config.file or "<config>")
            ours = {r: s for r, s in self.config.severity.items() if r in DEFAULT_SEVERITY}
            return replace(base, severities={**DEFAULT_SEVERITY, **ours})

        return self._once("settings", build)


_WORKER: Toolkit | None = None


def _init_worker(config: Config, titles: bool = False) -> None:
    global _WORKER
    _WORKER = Toolkit(config, titles=titles)


def _extract_chunk(docs: list[Document]) -> list[list[Claim]]:
    assert _WORKER is not None
    return [_WORKER.extract(d) for d in docs]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_all(docs: Iterable[Document], toolkit: Toolkit, jobs: int = 1) -> Iterator[tuple[Document, list[Claim]]]:
    """Each document with its claims, in input order, over ``jobs`` processes."""
    docs = iter(docs)
    head = list(islice(docs, PARALLEL_MIN_DOCS))
    if jobs <= 1 or len(head) < PARALLEL_MIN_DOCS:
        for doc in chain(head, docs):  # a stream: never materialise the documents
            yield doc, toolkit.extract(doc)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(toolkit.config, toolkit.titles)) as pool:
        chunks = _chunks(chain(head, docs), CHUNK)
        batches = ((batch, pool.submit(_extract_chunk, batch)) for batch in chunks)
        pending: list[Any] = []
        for item in batches:
            pending.append(item)
            if len(pending) >= jobs * 4:
                yield from _drain(pending.pop(0))
        for item in pending:
            yield from _drain(item)


def _chunks(items: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(islice(items, size)):
        yield batch


def _drain(item: tuple[list[Document], Any]) -> Iterator[tuple[Document, list[Claim]]]:
    batch, future = item
    yield from zip(batch, future.result())


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
    for doc, claims in extract_all(_unique(docs, on_error), toolkit, jobs):
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
                       outlets={d.id: outlet_name(d) for d in docs})
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
    """How messages name a document: its front matter's outlet, else its file name."""
    return doc.outlet or os.path.basename(doc.path or doc.id)


def _unique(docs: Iterable[Document], on_error: ErrorSink) -> Iterator[Document]:
    """Documents with an id not seen before; a repeated id is an input error (its claims
    would otherwise be mixed with the first document's)."""
    from quantities.errors import InputError

    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            error = InputError(f"duplicate document id {doc.id!r}: the later one is skipped", file=doc.path or doc.id)
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
            rated.append(f if severity == f.severity else replace(f, severity=severity))
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
