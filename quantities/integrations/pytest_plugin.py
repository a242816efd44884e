"""The pytest plugin: a newsroom guards its figures in CI with no Python at all.

In the newsroom's ``pyproject.toml``::

    [tool.pytest.ini_options]
    quantities_paths = ["articoli/"]
    quantities_reference = "figures.toml"
    quantities_fail_on = "error"

``pytest`` then collects one item per article (``articoli/kim.md::quantities``: input
problems, reference mismatches, findings within the article) and one per configured
folder (``articoli::reconcile``: the cross-source reconciliation). A failing item shows
the findings as a table an editor can read. ``--quantities-paths``,
``--quantities-reference``, ``--quantities-fail-on`` and ``--quantities-config`` override
the ini values; without ``quantities_paths`` the plugin collects nothing.

The ``quantities_claims`` fixture snapshots an article's claims (see
:class:`quantities.integrations.snapshots.ClaimsSnapshot`); ``--quantities-update`` accepts changes.

This module imports only pytest and the standard library: the pipeline (pint, the
language data) loads when a quantities item first runs.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from quantities.text.i18n import _
from quantities.types import FAIL_LEVELS  # light: no pint, regex or language data

#: Files under a configured path that are articles (what ``quantities.ingest.documents`` reads).
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl"})
ARTICLE_ITEM = "quantities"
FOLDER_ITEM = "reconcile"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("quantities", "figures in articles (quantities)")
    group.addoption("--quantities-paths", action="append", metavar="PATH", default=None,
                    help="article folders or files to check (repeat for several; overrides quantities_paths)")
    group.addoption("--quantities-reference", metavar="FILE", default=None,
                    help="the desk's reference figures (overrides quantities_reference)")
    group.addoption("--quantities-fail-on", choices=FAIL_LEVELS, default=None,
                    help="fail an item at findings this severe (overrides quantities_fail_on; default: error)")
    group.addoption("--quantities-config", metavar="FILE", default=None,
                    help="quantities config (default: nearest quantities.toml or "
                         "pyproject.toml with [tool.quantities] from the rootdir)")
    group.addoption("--quantities-update", action="store_true", default=False,
                    help="rewrite the claim snapshots of the quantities_claims fixture")
    _add_changed_option(group)
    group.addoption("--quantities-html", metavar="FILE", default=None,
                    help="write the quantities findings as one HTML page (for a CI artifact)")
    parser.addini("quantities_paths", type="paths", default=[],
                  help="article folders or files that pytest checks with quantities")
    parser.addini("quantities_reference", type="string", default="",
                  help="the desk's reference figures (TOML), relative to the ini file")
    parser.addini("quantities_fail_on", type="string", default="",
                  help="error | warning | info | never (default: [tool.quantities] fail_on, else error)")
    parser.addini("quantities_config", type="string", default="",
                  help="quantities config file, relative to the ini file")


@dataclass
class Settings:
    """What the plugin was told, resolved to absolute paths."""

    rootdir: Path
    paths: tuple[Path, ...]
    reference: Path | None
    fail_on: str | None
    config_file: Path | None
    runs: dict[Path, Any] = field(default_factory=dict)
    _config: Any = None

    def config(self) -> Any:
        """The quantities :class:`~quantities.run.config.Config` (loaded once)."""
        if self._config is None:
            from quantities.run import config as configuration

            if self.config_file is not None:
                self._config = configuration.load(self.config_file)
            else:
                self._config = configuration.load(start=str(self.rootdir))
        return self._config

    def level(self) -> str:
        return self.fail_on or self.config().fail_on

    def root_of(self, path: Path) -> Path | None:
        """The configured path that contains ``path`` (the most specific one)."""
        owners = [p for p in self.paths if path == p or p in path.parents]
        return max(owners, key=lambda p: len(p.parts)) if owners else None

    def relative(self, path: Path) -> str:
        with contextlib.suppress(ValueError):
            return path.relative_to(self.rootdir).as_posix() or "."
        return str(path)


SETTINGS = pytest.StashKey[Settings | None]()


def _settings(config: pytest.Config) -> Settings | None:
    return config.stash.get(SETTINGS, None)


def pytest_configure(config: pytest.Config) -> None:
    config.stash[SETTINGS] = _resolve(config)


def _resolve(config: pytest.Config) -> Settings | None:
    here = config.invocation_params.dir
    base = config.inipath.parent if config.inipath else config.rootpath
    cli_paths = config.getoption("quantities_paths")
    paths = [(here / p).resolve() for p in cli_paths] if cli_paths else [
        Path(p).resolve() for p in config.getini("quantities_paths")]
    if not paths:
        return None
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise pytest.UsageError(f"quantities_paths: no such file or folder: {', '.join(missing)}")
    fail_on = config.getoption("quantities_fail_on") or config.getini("quantities_fail_on") or None
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise pytest.UsageError(f"quantities_fail_on: must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}")
    return Settings(
        rootdir=config.rootpath,
        paths=tuple(dict.fromkeys(paths)),
        reference=_path_option(config, "quantities_reference", here, base),
        fail_on=fail_on,
        config_file=_path_option(config, "quantities_config", here, base),
    )


def _path_option(config: pytest.Config, name: str, here: Path, base: Path) -> Path | None:
    value = config.getoption(name)
    if value:
        return (here / value).resolve()
    value = config.getini(name)
    if value and not isinstance(value, str):
        raise pytest.UsageError(f"{name}: must be one file name (a string), not {type(value).__name__}")
    return (base / value).resolve() if value else None


def pytest_report_header(config: pytest.Config) -> str | None:
    settings = _settings(config)
    if settings is None:
        return None
    ref = f", reference {settings.relative(settings.reference)}" if settings.reference else ""
    fail = f", fail on {settings.fail_on}" if settings.fail_on else ""
    return f"quantities: {', '.join(settings.relative(p) for p in settings.paths)}{ref}{fail}"


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> None:
    """Collect the article paths too when pytest chose its own arguments (testpaths, cwd)."""
    settings = _settings(session.config)
    if settings is None or session.config.args_source == pytest.Config.ArgsSource.ARGS:
        return
    here = session.config.invocation_params.dir
    given = [(here / a).resolve() for a in session.config.args]
    for path in settings.paths:
        if path.exists() and not any(path == g or g in path.parents for g in given):
            session.config.args.append(str(path))


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    settings = _settings(parent.config)
    if settings is not None and path.resolve() in settings.paths:
        return ArticleFolder.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    settings = _settings(parent.config)
    if settings is None or file_path.suffix.lower() not in ARTICLE_SUFFIXES:
        return None
    root = settings.root_of(file_path.resolve())
    if root is None:
        return None
    return Article.from_parent(parent, path=file_path)


# -- collectors and items -------------------------------------------------------------------

class ArticleFolder(pytest.Dir):  # type: ignore[misc]  # typed final by pytest; subclassed to add the folder item
    """A configured folder: its files as usual, then the cross-source reconciliation."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        yield from super().collect()
        yield Reconciliation.from_parent(self, name=FOLDER_ITEM)


class Article(pytest.File):
    """One article file; its single item checks it on its own."""

    def collect(self) -> Iterator[pytest.Item]:
        settings = _settings(self.config)
        assert settings is not None
        if settings.config().wants(settings.relative(self.path.resolve())):
            yield ArticleCheck.from_parent(self, name=ARTICLE_ITEM)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]  # pytest.File's signature takes a style we never get
        """A collector's takes one argument (passing pytest's ``style`` too was an INTERNALERROR)."""
        return _one_line(excinfo) or super().repr_failure(excinfo)


class QuantitiesFailure(AssertionError):
    """An item's findings, already written for editors."""


class _Check(pytest.Item):
    def settings(self) -> Settings:
        settings = _settings(self.config)
        assert settings is not None
        return settings

    def folder_run(self, root: Path) -> Any:
        """The pipeline's run over one configured path, shared by its items (run once)."""
        settings = self.settings()
        if root not in settings.runs:
            from quantities.testing import FolderRun

            settings.runs[root] = FolderRun.of(root, rootdir=settings.rootdir, config=settings.config(),
                                               reference=settings.reference)
            _keep_changed(settings.runs[root], self.config)
        return settings.runs[root]

    def runtest(self) -> None:
        """The check, its messages in the run's language (config ``locale``, else LANG, else ``lang``)."""
        with _speaking(self.settings()):
            self.check()

    def check(self) -> None:
        raise NotImplementedError

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        return _one_line(excinfo) or super().repr_failure(excinfo, style)


def _speaking(settings: Settings) -> Any:
    from quantities.text import i18n

    config = settings.config()
    return i18n.use(i18n.choose(config.locale, os.environ, config.lang))


class ArticleCheck(_Check):
    """Input problems, reference mismatches and within-article findings of one article."""

    def check(self) -> None:
        settings = self.settings()
        path = self.path.resolve()
        root = settings.root_of(path)
        assert root is not None
        message = self.folder_run(root).article_failure(path, settings.level())
        if message:
            raise QuantitiesFailure(message)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"quantities: {self.settings().relative(self.path.resolve())}"


class Reconciliation(_Check):
    """The cross-source reconciliation of a configured folder."""

    def check(self) -> None:
        run = self.folder_run(self.path.resolve())
        message = run.folder_failure(self.settings().level())
        if message:
            raise QuantitiesFailure(message)
        _warn_below(run, self.settings().level())

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"quantities: reconcile {self.settings().relative(self.path.resolve())}/"


def _warn_below(run: Any, fail_on: str) -> None:
    """Warnings that do not fail the item still reach pytest's warnings summary (a stale
    suppression must not rot unseen)."""
    import warnings

    from quantities.errors import QuantitiesWarning

    if run.failure is not None or fail_on in ("warning", "info"):
        return
    for f in run.report.findings:
        if f.severity == "warning":  # at the article's line, not at this plugin's (the summary shows that line)
            warnings.warn_explicit(f"{f.rule}: {f.message}", QuantitiesWarning, *_where(f, run.report))


def _where(finding: Any, report: Any) -> tuple[str, int]:
    """A finding's article and line: its first claim's, else its message's ``path:line`` (a stale suppression)."""
    from quantities.report.formats.common import stated_place

    if finding.claims:
        first = finding.claims[0]
        doc = report.documents.get(first.doc)
        return (doc.path if doc is not None and doc.path else first.doc), (report.location(first) or (0,))[0]
    return stated_place(finding) or ("quantities", 0)


def _one_line(excinfo: pytest.ExceptionInfo[BaseException]) -> str | None:
    """Our failures and input/config errors print as written, without a traceback."""
    from quantities.errors import QuantitiesError

    if isinstance(excinfo.value, (QuantitiesFailure, QuantitiesError)):
        return str(excinfo.value)
    return None


# -- changed files: --quantities-changed ---------------------------------------------------

def _add_changed_option(group: Any) -> None:
    group.addoption("--quantities-changed", nargs="+", metavar="PATH", default=None,
                    help="reconcile the whole folders, fail only on findings that involve these files")


def _keep_changed(run: Any, config: pytest.Config) -> None:
    """With --quantities-changed, a run keeps only the findings that involve the named files
    (paths relative to where pytest was started)."""
    named = config.getoption("quantities_changed")
    if not named or run.failure is not None:
        return
    from quantities.run.changed import changed_set, only_changed

    with contextlib.chdir(config.invocation_params.dir):
        changed = changed_set(named)
    with contextlib.chdir(run.rootdir):  # document paths are relative to the rootdir
        run.report.findings = only_changed(run.report.findings, run.report.documents, changed)
# -- the HTML page (--quantities-html) -------------------------------------------------------

HTML_NOTE = pytest.StashKey[str]()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write the page of this session's quantities runs, when asked (pass or fail)."""
    from quantities.errors import QuantitiesError
    from quantities.integrations.pytest_page import write_page
    from quantities.run.outputs import check_output

    target = session.config.getoption("quantities_html")
    settings = _settings(session.config)
    if not target or settings is None or not settings.runs:
        return
    path = session.config.invocation_params.dir / target
    # never over what the session reads: its articles and folders, the config, the reference, the ini file
    read = [*settings.paths, settings.reference, settings.config().file, session.config.inipath]
    with _speaking(settings):
        try:
            check_output(str(path), [str(p) for p in read if p], option="--quantities-html")
            write_page(path, [run.report for run in settings.runs.values()], settings.config().reconcile)
        except (QuantitiesError, OSError) as e:
            session.config.stash[HTML_NOTE] = _("quantities: error: {error}").format(error=e)
            if session.exitstatus == pytest.ExitCode.OK:  # the artifact CI asked for is missing: no green run
                session.exitstatus = pytest.ExitCode.USAGE_ERROR
        else:
            session.config.stash[HTML_NOTE] = _("quantities: HTML report written to {path}").format(path=path)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    note = config.stash.get(HTML_NOTE, None)
    if note is not None:
        terminalreporter.write_line(note)


# -- the snapshot fixture -------------------------------------------------------------------

@pytest.fixture
def quantities_claims(request: pytest.FixtureRequest) -> Any:
    """Snapshots of articles' claims, kept next to the test as ``<article>.claims.json``.

    ``quantities_claims.check("articoli/kim.md")`` fails when the claims differ from the
    committed snapshot; ``pytest --quantities-update`` rewrites it.
    """
    from quantities.integrations.snapshots import ClaimsSnapshot

    return ClaimsSnapshot(
        folder=request.path.parent,
        update=request.config.getoption("quantities_update"),
        rootdir=request.config.rootpath,
        config=_fixture_config(request.config),
    )


def _fixture_config(config: pytest.Config) -> Any:
    settings = _settings(config)
    if settings is not None:
        return settings.config()
    from quantities.run import config as configuration

    return configuration.load(start=str(config.rootpath))

