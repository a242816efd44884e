"""Assertions on figures, for a newsroom's tests; failures are written for editors.

>>> from quantities.testing import assert_claim, assert_no_claim
>>> _ = assert_claim("Secondo Seul sono arrivati circa 15mila soldati.", "15mila soldati", value=15000)
>>> assert_no_claim("Il trattato è del 2024.", "2024")

A string that is not an existing file or folder is a text, each its own document.
Every helper takes ``config=`` (a :class:`~quantities.run.config.Config` or a config file)
and ``lang=``; by default the nearest ``quantities.toml``/``pyproject.toml`` is used.
The ``quantities_claims`` fixture of the pytest plugin is a
:class:`quantities.integrations.snapshots.ClaimsSnapshot`.
"""

from __future__ import annotations

import contextlib
import os
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from quantities.errors import QuantitiesError
from quantities.report.formats.common import counts_line
from quantities.report.model import Report
from quantities.report.records import source_text, value_text
from quantities.run import config as configuration
from quantities.run.config import Config
from quantities.run.pipeline import exceeds, named_paths, run, run_documents, wanted
from quantities.text.decimals import plain
from quantities.text.fold import squeeze
from quantities.text.i18n import _
from quantities.types import SEVERITIES, Claim, Document, Finding

PathOrText = str | os.PathLike[str]
ConfigLike = Config | str | os.PathLike[str] | None
#: The properties assert_claim checks; "attribution" matches the canonical name or the source as written.
PROPERTIES = ("value", "low", "high", "approx", "hedge", "kind", "unit", "noun", "concept",
              "attribution", "modality")
NUMERIC = frozenset({"value", "low", "high"})
#: Snapshot records compare without where the claim sits, so moving a sentence is no change.
WRAP = 88


# -- running --------------------------------------------------------------------------------

def _config(config: ConfigLike) -> Config:
    if isinstance(config, Config):
        return config
    return configuration.load(config) if config is not None else configuration.load()


def _is_path(item: PathOrText) -> bool:
    if isinstance(item, os.PathLike):
        return True
    return "\n" not in item and len(item) < 4096 and Path(item).exists()


@dataclass
class Outcome:
    """A report, and the input problems met on the way."""

    report: Report
    errors: list[QuantitiesError] = field(default_factory=list)


def analyse(
    items: Sequence[PathOrText], *, config: ConfigLike = None, lang: str | None = None,
    reference: PathOrText | None = None, reconcile: bool = True,
) -> Outcome:
    """Paths and texts through the pipeline, as ``quantities report`` would take them.

    >>> out = analyse(["Sono arrivati 5.000 operai."], reconcile=False)
    >>> [c.text for c in out.report.claims]
    ['5.000 operai']
    """
    from quantities.ingest.documents import from_text, read

    cfg = _config(config)
    errors: list[QuantitiesError] = []
    paths = [near(os.fspath(i)) for i in items if _is_path(i)]  # short ids read better in messages
    texts = [i for i in items if not _is_path(i)]
    docs: list[Document] = [d for d in read(paths, lang=lang or cfg.lang, on_error=errors.append)
                            if wanted(d, cfg, named_paths(paths))] if paths else []
    names = [f"text {n}" for n in range(1, len(texts) + 1)] if len(texts) > 1 else ["text"]
    docs += [from_text(str(t), id=name, lang=lang or cfg.lang, format="markdown") for t, name in zip(texts, names)]
    report = run_documents(docs, config=cfg, reconcile=reconcile,
                           reference=None if reference is None else os.fspath(reference),
                           on_error=errors.append)
    return Outcome(report, errors)


# -- editor-readable tables ----------------------------------------------------------------

def _table(headers: list[str], rows: list[list[Any]]) -> str:
    from tabulate import tabulate

    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def _indent(text: str, prefix: str = "  ") -> str:
    return textwrap.indent(text, prefix)


def near(doc_id: str) -> str:
    """A document's path relative to the current folder when it is under it; else as it is."""
    path = Path(doc_id)
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        return path.relative_to(Path.cwd()).as_posix()
    return doc_id


def where(claim: Claim, report: Report, display: Any = near) -> str:
    """``file:line`` of a claim in its original file."""
    doc = report.documents.get(claim.doc)
    name = display(claim.doc)
    return f"{name}:{doc.line_col(claim.span.start)[0]}" if doc else name


def findings_text(findings: Iterable[Finding], report: Report, display: Any = near) -> str:
    """Each finding as a block: severity and rule, a row per claim, and the reason.

    ``display`` turns a document id into the name to show (e.g. a shorter path).
    """
    blocks = []
    for f in findings:
        head = f"{f.severity.upper()}  {f.rule}"
        rows = [[where(c, report, display), squeeze(c.text), value_text(c), source_text(c), c.modality]
                for c in f.claims]
        table = _indent(_table(["where", "wording", "value", "source", "modality"], rows)) + "\n" if rows else ""
        why = textwrap.fill(f.message, WRAP, initial_indent="  why: ", subsequent_indent="       ",
                            break_long_words=False, break_on_hyphens=False)
        blocks.append(f"{head}\n{table}{why}")
    return "\n\n".join(blocks)


def claims_text(claims: Iterable[Claim], report: Report | None = None) -> str:
    """The claims as a table (where, wording, value, kind, unit, noun, concept, source, modality)."""
    rows = []
    for c in claims:
        place = where(c, report) if report else f"{c.doc}@{c.span.start}"
        rows.append([place, squeeze(c.text), value_text(c), c.quantity.kind, c.quantity.unit or "",
                     c.noun or "", c.concept or "", source_text(c), c.modality])
    if not rows:
        return "  (no claims)"
    return _indent(_table(["where", "wording", "value", "kind", "unit", "noun", "concept", "source", "modality"],
                          rows))


def counts_text(findings: Sequence[Finding]) -> str:
    """'1 error, 2 warnings' (in the messages' language)."""
    return counts_line(findings, zeros=False)


def _fail(message: str) -> NoReturn:
    __tracebackhide__ = True
    raise AssertionError(message)


def _errors_text(errors: Iterable[QuantitiesError]) -> str:
    return "\n".join(f"  {e}" for e in errors)


# -- assertions -----------------------------------------------------------------------------

def assert_consistent(*paths_or_texts: PathOrText, fail_on: str = "error", config: ConfigLike = None,
                      lang: str | None = None) -> Report:
    """Reconcile the articles; fail on findings at or above ``fail_on``, or unreadable input.

    >>> assert_consistent("Sono arrivati 5.000 operai.", "Secondo Tass, 5.000 operai.")
    Report(...)
    """
    __tracebackhide__ = True
    out = analyse(paths_or_texts, config=config, lang=lang)
    return _passes(out, fail_on, lambda shown: _("the articles disagree ({counts}, failing on {level})").format(
        counts=counts_text(shown), level=_(fail_on)))


def assert_matches_reference(paths: PathOrText | Sequence[PathOrText], reference: PathOrText, *,
                             fail_on: str = "error", config: ConfigLike = None, lang: str | None = None) -> Report:
    """Check the articles' claims against the desk's reference figures (no cross-source rules)."""
    __tracebackhide__ = True
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    out = analyse(items, config=config, lang=lang, reference=reference, reconcile=False)
    return _passes(out, fail_on, lambda shown: _("figures differ from {reference} ({counts})").format(
        reference=os.fspath(reference), counts=counts_text(shown)))


def _passes(out: Outcome, fail_on: str, headline: Any) -> Report:
    """The report, or a failure: input problems first, then findings at or above ``fail_on``."""
    __tracebackhide__ = True
    if out.errors:
        _fail(f"quantities: {len(out.errors)} input problem(s):\n{_errors_text(out.errors)}")
    if exceeds(out.report.findings, fail_on):
        shown = _at_least(out.report.findings, fail_on)
        _fail(f"quantities: {headline(shown)}:\n\n" + findings_text(shown, out.report))
    return out.report


def _at_least(findings: Sequence[Finding], fail_on: str) -> list[Finding]:
    limit = SEVERITIES.index(fail_on) if fail_on in SEVERITIES else -1
    return [f for f in findings if SEVERITIES.index(f.severity) <= limit]


def _claims(text_or_path: PathOrText, config: ConfigLike, lang: str | None) -> Outcome:
    __tracebackhide__ = True
    out = analyse([text_or_path], config=config, lang=lang, reconcile=False)
    if out.errors:
        _fail(f"quantities: cannot read the article:\n{_errors_text(out.errors)}")
    return out


def _name(text_or_path: PathOrText) -> str:
    if _is_path(text_or_path):
        return os.fspath(text_or_path)
    text = " ".join(str(text_or_path).split())
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def assert_claim(text_or_path: PathOrText, surface: str, *, config: ConfigLike = None,
                 lang: str | None = None, **expected: Any) -> Claim:
    """The claim whose text contains ``surface`` is there, with the ``expected`` properties.

    Properties: value, low, high, approx, hedge, kind, unit, noun, concept, attribution
    (canonical name or source as written; ``None`` for no attribution), modality.
    Returns the claim.

    >>> assert_claim("Sono arrivati 5.000 operai.", "5.000", value=5000, noun="operai").text
    '5.000 operai'
    """
    __tracebackhide__ = True
    unknown = sorted(set(expected) - set(PROPERTIES))
    if unknown:
        raise TypeError(f"assert_claim: unknown properties {unknown} (known: {', '.join(PROPERTIES)})")
    out = _claims(text_or_path, config, lang)
    found = [c for c in out.report.claims if squeeze(surface) in squeeze(c.text)]
    if not found:
        _fail(f'quantities: no claim contains "{surface}" in {_name(text_or_path)}; the claims found are:\n'
              + claims_text(out.report.claims, out.report))
    for claim in found:
        if not _mismatches(claim, expected):
            return claim
    lines = [f'  "{squeeze(c.text)}": ' + "; ".join(_mismatches(c, expected)) for c in found]
    _fail(f'quantities: the claim "{surface}" in {_name(text_or_path)} is not as expected:\n'
          + "\n".join(lines) + "\n\nThe claims found are:\n" + claims_text(out.report.claims, out.report))


def assert_no_claim(text_or_path: PathOrText, surface: str, *, config: ConfigLike = None,
                    lang: str | None = None) -> None:
    """No claim's text contains ``surface`` (e.g. a year taken for a figure)."""
    __tracebackhide__ = True
    out = _claims(text_or_path, config, lang)
    found = [c for c in out.report.claims if squeeze(surface) in squeeze(c.text)]
    if found:
        _fail(f'quantities: "{surface}" in {_name(text_or_path)} was taken as a claim, and should not be:\n'
              + claims_text(found, out.report))


def _mismatches(claim: Claim, expected: dict[str, Any]) -> list[str]:
    return [f"{key} is {_show(actual)}, expected {_show(want)}"
            for key, want in expected.items()
            if not _same(key, actual := _property(claim, key), want)]


def _property(claim: Claim, key: str) -> Any:
    if key == "attribution":
        a = claim.attribution
        return None if a is None else (a.canonical, a.source)
    if key in ("noun", "concept", "modality"):
        return getattr(claim, key)
    return getattr(claim.quantity, key)


def _same(key: str, actual: Any, want: Any) -> bool:
    if key == "attribution":
        return actual is None if want is None else actual is not None and want in actual
    if key in NUMERIC and want is not None and actual is not None:
        return Decimal(str(want)) == actual
    return bool(actual == want)


def _show(value: Any) -> str:
    if isinstance(value, tuple):  # attribution: (canonical, source)
        canonical, source = value
        return f'"{canonical}" (written "{source}")' if canonical else f'"{source}"'
    if isinstance(value, Decimal):
        return plain(value)
    return "none" if value is None else repr(value)


# -- the plugin's per-folder run --------------------------------------------------------------

@dataclass
class FolderRun:
    """One pipeline run over a configured path, sliced into the plugin's items."""

    rootdir: Path
    report: Report
    errors: list[QuantitiesError]
    failure: QuantitiesError | None = None

    @classmethod
    def of(cls, root: Path, *, rootdir: Path, config: Config, reference: Path | None) -> FolderRun:
        """``quantities.run.pipeline.run`` over ``root``, from ``rootdir`` (so ids read as there)."""
        errors: list[QuantitiesError] = []
        target = os.path.relpath(root, rootdir) if root.is_relative_to(rootdir) else str(root)
        try:
            with contextlib.chdir(rootdir):
                report = run([target], config=config, reference=None if reference is None else str(reference),
                             on_error=errors.append)
        except QuantitiesError as e:
            return cls(rootdir, Report(), errors, e)
        return cls(rootdir, report, errors)

    def path_of(self, doc_id: str) -> Path:
        doc = self.report.documents.get(doc_id)
        return (self.rootdir / (doc.path if doc and doc.path else doc_id)).resolve()

    def _paths(self, finding: Finding) -> set[Path]:
        return {self.path_of(c.doc) for c in finding.claims}

    def article_failure(self, path: Path, fail_on: str) -> str | None:
        """Why the item of one article fails: input problems, then its own findings; None when fine."""
        if self.failure is not None:
            return f"quantities: {self.failure}"
        errors = [e for e in self.errors if e.file and (self.rootdir / e.file).resolve() == path]
        if errors:
            return "\n".join(f"quantities: {e}" for e in errors)
        mine = [f for f in self.report.findings if f.claims and self._paths(f) == {path}]
        return self._message(mine, fail_on, _("in {path}").format(path=self._show(path)))

    def folder_failure(self, fail_on: str) -> str | None:
        """Why the reconciliation fails: findings across articles, and suppressions that match nothing."""
        if self.failure is not None:
            return f"quantities: {self.failure}"
        across = [f for f in self.report.findings if not f.claims or len(self._paths(f)) > 1]
        return self._message(across, fail_on, _("across the articles"))

    def _message(self, findings: list[Finding], fail_on: str, scope: str) -> str | None:
        if not exceeds(findings, fail_on):
            return None
        head = _("quantities: {counts} {scope} (failing on {level})").format(
            counts=counts_text(findings), scope=scope, level=_(fail_on))
        return (head + "\n\n" + findings_text(findings, self.report, lambda d: self._show(self.path_of(d))))

    def _show(self, path: Path) -> str:
        return path.relative_to(self.rootdir).as_posix() if path.is_relative_to(self.rootdir) else str(path)
