"""The command line: ``quantities extract | report | check PATH…``.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input errors.
Reports go to stdout (or ``--output``, written atomically); warnings, errors and the
progress bar to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import IO, Any

from quantities.errors import QuantitiesError
from quantities.types import FAIL_LEVELS, FORMATS
from quantities.version import __version__

PROGRESS_AFTER = 200  # documents: shorter runs never show a bar
MAX_JOBS = 256


class _NothingRead(QuantitiesError):
    """No input produced a document (the reasons, if any, were already reported)."""

    def __init__(self) -> None:
        super().__init__("no document could be read")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit 2."""

    def error(self, message: str) -> Any:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="+", metavar="PATH",
                        help="files (.txt, .md, .jsonl), directories, or - for stdin")
    common.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default: table)")
    common.add_argument("--output", "-o", metavar="FILE", help="write here (atomically) instead of stdout")
    common.add_argument("--lang", help="language of documents that do not say (default: config, else it)")
    common.add_argument("--config", metavar="FILE", help="config file (default: nearest quantities.toml "
                        "or pyproject.toml with [tool.quantities])")
    common.add_argument("--jobs", "-j", type=_jobs, metavar="N", help="processes at most (default: the idle cores; "
                        "inputs under 4 MB use one)")
    common.add_argument("--strict", action="store_true", help="stop at the first bad input file")
    common.add_argument("--quiet", "-q", action="store_true", help="no warnings or progress on stderr")

    findings = argparse.ArgumentParser(add_help=False)
    findings.add_argument("--fail-on", choices=FAIL_LEVELS, help="exit 1 at findings this severe (default: error)")

    parser = _Parser(prog="quantities", description="Numeric claims in news text, and where sources disagree.")
    parser.add_argument("--version", action="version", version=f"quantities {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    sub.add_parser("extract", parents=[common], help="list every claim")
    report = sub.add_parser("report", parents=[common, findings], help="claims lined up across sources, with findings")
    report.add_argument("--all", action="store_true", help="also show figures without findings")
    report.add_argument("--reference", metavar="FILE", help="also check against the desk's reference figures")
    check = sub.add_parser("check", parents=[common, findings], help="claims against the desk's reference figures")
    check.add_argument("--reference", metavar="FILE", required=True, help="the reference figures (TOML)")
    return parser


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    if n > MAX_JOBS:
        raise argparse.ArgumentTypeError(f"at most {MAX_JOBS}")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error already printed
        return done.code if isinstance(done.code, int) else 2
    errors: list[QuantitiesError] = []

    def on_error(e: QuantitiesError) -> None:
        errors.append(e)
        _say(f"error: {e}")

    args.failed = errors  # an --output file is written only when this stays empty
    from quantities.run.processes import Stopped, stopping_on_signals

    with warnings.catch_warnings(), stopping_on_signals():
        _route_warnings(args.quiet)
        try:
            status = _run(args, None if args.strict else on_error)
        except _NothingRead as e:
            if not errors:
                _say(f"error: {e}")
            return 2
        except QuantitiesError as e:
            _say(f"error: {e}")
            return 2
        except Stopped as e:
            _say(f"stopped by {e} (nothing was written to --output)")
            return 128 + e.signum
        except KeyboardInterrupt:
            _say("interrupted")
            return 130
        except MemoryError:
            _say("error: out of memory (nothing was written to --output); try smaller inputs or --jobs 1")
            return 2
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head): not an error
            return 0
        except OSError as e:  # the output could not be written (disk full, closed stdout)
            _say(f"error: cannot write the output: {e.strerror or e}")
            return 2
    return 2 if errors else status


def _run(args: argparse.Namespace, on_error: Any) -> int:
    from quantities.run import config as configuration
    from quantities.run.pipeline import cores, default_jobs, exceeds

    if args.output is not None:
        from quantities.run.outputs import check_output

        check_output(args.output, args.paths)
    config = configuration.load(args.config)
    if args.lang:  # the run's language also picks the lexicon the reconciler compares with
        config = replace(config, lang=args.lang)
    jobs = min(args.jobs or default_jobs(), cores() * 4)
    lang = config.lang
    if args.command == "extract":
        return _extract(args, config, lang, jobs, on_error)
    from quantities.report.render import render_report
    from quantities.run.pipeline import run

    progress = _Progress(args.quiet)
    report = run(args.paths, config=config, lang=lang, reference=args.reference, jobs=jobs,
                 reconcile=args.command == "report", on_error=on_error, on_document=progress.tick)
    progress.done()
    if not report.documents:
        raise _NothingRead()
    with _output(args.output, args.failed) as out:
        out.write(render_report(report, args.format, show_all=getattr(args, "all", False)))
    return 1 if exceeds(report.findings, args.fail_on or config.fail_on) else 0


def _extract(args: argparse.Namespace, config: Any, lang: str, jobs: int, on_error: Any) -> int:
    """Claims, streamed document by document for jsonl and csv (memory stays flat)."""
    from quantities.ingest.documents import read
    from quantities.report.render import render_claims
    from quantities.run.pipeline import Toolkit, extract_all, named_paths, wanted

    named = named_paths(args.paths)
    docs = (d for d in read(args.paths, lang=lang, on_error=on_error) if wanted(d, config, named))
    progress = _Progress(args.quiet)
    seen = 0
    with _output(args.output, args.failed) as out:
        if args.format in ("jsonl", "github"):
            for doc, claims in extract_all(docs, Toolkit(config), jobs, on_error):
                out.write(render_claims(claims, args.format, doc))
                progress.tick(doc)
                seen += 1
        else:
            collected = []
            for doc, claims in extract_all(docs, Toolkit(config), jobs, on_error):
                collected.extend(claims)
                progress.tick(doc)
                seen += 1
            if seen:
                out.write(render_claims(collected, args.format))
        if not seen:
            raise _NothingRead()
    progress.done()
    return 0


@contextmanager
def _output(path: str | None, failed: list[QuantitiesError]) -> Iterator[IO[str]]:
    """stdout, or a file replaced only when everything was read and written.

    With ``--output`` a run is all or nothing: if any input could not be read, the
    file is left as it was (stdout, by contrast, streams what could be read).
    """
    if path is None:
        if sys.stdout is None or sys.stdout.closed:
            raise QuantitiesError("standard output is closed; use --output FILE")
        if hasattr(sys.stdout, "reconfigure"):  # a file name that is not UTF-8 goes out as its bytes
            sys.stdout.reconfigure(errors="surrogateescape")
        yield sys.stdout
        sys.stdout.flush()
        return
    if os.path.isdir(path):
        raise QuantitiesError("is a directory; --output takes a file name", file=path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".quantities-", suffix=".tmp", dir=folder)
    except OSError as e:
        raise QuantitiesError(f"cannot write the output: {e.strerror}", file=path) from None
    try:
        # surrogateescape: a file name that is not UTF-8 goes out as its own bytes, as on stdout
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            yield f
        if failed:
            os.unlink(tmp)
            _say(f"error: {len(failed)} input(s) could not be read; {path} was not written")
        else:
            from quantities.run.processes import check_stopped

            check_stopped()  # a signal that came where it could not be raised
            os.chmod(tmp, _file_mode(path))
            os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _file_mode(path: str) -> int:
    """The mode the file has, or a new file would get (mkstemp's is 0600)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _Progress:
    """A bar on stderr: only on a terminal, not in CI, and only for long runs."""

    def __init__(self, quiet: bool) -> None:
        self.on = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
        self.count = 0

    def tick(self, doc: Any) -> None:
        self.count += 1
        if self.on and self.count >= PROGRESS_AFTER and self.count % 50 == 0:
            sys.stderr.write(f"\rquantities: {self.count} documents read")
            sys.stderr.flush()

    def done(self) -> None:
        if self.on and self.count >= PROGRESS_AFTER:
            sys.stderr.write(f"\rquantities: {self.count} documents read\n")


def _say(message: str) -> None:
    sys.stderr.write(f"quantities: {message}\n")


def _route_warnings(quiet: bool) -> None:
    from quantities.errors import QuantitiesWarning

    def show(message: Any, category: Any, *rest: Any, **kw: Any) -> None:
        if not quiet:
            _say(f"warning: {message}")

    warnings.showwarning = show  # restored by catch_warnings
    warnings.simplefilter("always", QuantitiesWarning)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
