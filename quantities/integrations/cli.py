"""The command line: ``quantities extract | report | check PATH…`` and ``quantities rules [NAME]``.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input errors.
Reports go to stdout (or ``--output``, written atomically, with what could be read);
warnings, errors and the progress bar to stderr. Messages are in the language of the
config's ``locale``, else of ``LC_ALL``/``LC_MESSAGES``/``LANG``, else of the documents.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from quantities.errors import QuantitiesError
from quantities.integrations.output import NothingRead, Progress, output, say, tolerant
from quantities.text import i18n
from quantities.text.i18n import _
from quantities.types import FAIL_LEVELS, SEVERITIES
from quantities.version import __version__

MAX_JOBS = 256


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit 2."""

    def error(self, message: str) -> Any:
        see = _("(see '{command} --help')").format(command=self.prog)
        self.exit(2, f"{self.prog}: {_('error')}: {message} {see}\n")


def build_parser() -> argparse.ArgumentParser:
    from quantities.report import formats

    common = _Parser(add_help=False)
    common.add_argument("paths", nargs="*", metavar="PATH",
                        help=_("files (.txt, .md, .markdown, .jsonl), directories, or - for stdin"))
    common.add_argument("--format", "-f", choices=formats.names(), default="table",
                        help=_("output format (default: table; sarif and junit: report and check)"))
    common.add_argument("--output", "-o", metavar="FILE", help=_("write here (atomically) instead of stdout"))
    common.add_argument("--lang", help=_("language of documents that do not say (default: config, else it)"))
    common.add_argument("--config", metavar="FILE", help=_("config file (default: nearest quantities.toml "
                        "or pyproject.toml with [tool.quantities])"))
    common.add_argument("--show-config", action="store_true", help=_("print the config in force and exit"))
    common.add_argument("--jobs", "-j", type=_jobs, metavar="N", help=_("processes at most (default: the idle cores; "
                        "inputs under 1 MB use one)"))
    common.add_argument("--strict", action="store_true", help=_("stop at the first bad input file"))
    common.add_argument("--quiet", "-q", action="store_true", help=_("no warnings or progress on stderr"))
    common.add_argument("--stdin-filename", metavar="NAME",
                        help=_("the name of the document read from - (config, suppressions and reports use it)"))
    common.add_argument("--color", "--colour", choices=("auto", "always", "never"), default="auto",
                        help=_("colour the table (auto: on a terminal, unless NO_COLOR is set)"))

    findings = _Parser(add_help=False)
    findings.add_argument("--fail-on", choices=FAIL_LEVELS, help=_("exit 1 at findings this severe (default: error)"))
    findings.add_argument("--show", choices=SEVERITIES, help=_("print findings this severe or more (default: info)"))
    findings.add_argument("--select", type=_rules, action="extend", metavar="RULE[,RULE]",
                          help=_("only these rules (repeatable; see 'quantities rules')"))
    findings.add_argument("--ignore", type=_rules, action="extend", metavar="RULE[,RULE]",
                          help=_("not these rules (repeatable)"))
    findings.add_argument("--changed", nargs="+", metavar="PATH",
                          help=_("reconcile everything, report only findings that involve these files"))
    findings.add_argument("--diff", metavar="BASE",
                          help=_("like --changed, with the files git says changed since BASE"))

    parser = _Parser(prog="quantities", description=_("Numeric claims in news text, and where sources disagree."))
    parser.add_argument("--version", action="version", version=f"quantities {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    extract = sub.add_parser("extract", parents=[common], help=_("list every claim"))
    extract.add_argument("--titles", action="store_true",
                         help=_("also the claims of each title (section \"title\"; start/end index the title)"))
    report = sub.add_parser("report", parents=[common, findings],
                            help=_("claims lined up across sources, with findings"))
    report.add_argument("--all", action="store_true", help=_("also show figures without findings"))
    report.add_argument("--reference", metavar="FILE", help=_("also check against the desk's reference figures"))
    check = sub.add_parser("check", parents=[common, findings], help=_("claims against the desk's reference figures"))
    check.add_argument("--reference", metavar="FILE", required=True, help=_("the reference figures (TOML)"))
    rules = sub.add_parser("rules", help=_("list the rules, or explain one"))
    rules.add_argument("name", nargs="?", metavar="NAME", help=_("the rule to explain"))
    return parser


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {text!r}").format(text=text)) from None
    if n < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    if n > MAX_JOBS:
        raise argparse.ArgumentTypeError(_("at most {n}").format(n=MAX_JOBS))
    return n


def _rules(text: str) -> list[str]:
    from quantities.run.config import RULES

    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise argparse.ArgumentTypeError(_("unknown rule {name!r} (rules: {rules})").format(
            name=unknown[0], rules=", ".join(RULES)))
    return names


def parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments, with paths allowed after options too (``report a.md --format json b.md``):
    argparse takes one run of positionals, so the paths it leaves over join the others."""
    args, extra = parser.parse_known_args(argv)
    if "--" in extra:  # what follows it is paths, whatever it looks like
        cut = extra.index("--")
        extra, after = extra[:cut], extra[cut + 1:]
    else:
        after = []
    unknown = [a for a in extra if a.startswith("-") and a != "-"]
    extra += after
    if unknown or (extra and not hasattr(args, "paths")):
        parser.error(_("unrecognized arguments: {args}").format(args=" ".join(unknown or extra)))
    if extra:
        args.paths = [*args.paths, *extra]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    with i18n.use(i18n.choose(None, os.environ, None)):
        try:
            args = parse(build_parser(), argv)
        except SystemExit as done:  # --help, --version, or a usage error already printed
            return done.code if isinstance(done.code, int) else 2
        errors: list[QuantitiesError] = []

        def on_error(e: QuantitiesError) -> None:
            errors.append(e)
            say(f"{_('error')}: {e}")

        from quantities.run.processes import Stopped, stopping_on_signals

        with warnings.catch_warnings(), stopping_on_signals():
            _route_warnings(getattr(args, "quiet", False))
            if sys.stdout is not None:
                tolerant(sys.stdout)
            try:
                status = _command(args, None if getattr(args, "strict", False) else on_error)
            except NothingRead as e:
                if not errors:
                    say(f"{_('error')}: {e}")
                return 2
            except QuantitiesError as e:
                say(f"{_('error')}: {e}")
                return 2
            except Stopped as e:
                say(_("stopped by {signal} (nothing was written to --output)").format(signal=e))
                return 128 + e.signum
            except KeyboardInterrupt:
                say(_("interrupted"))
                return 130
            except MemoryError:
                say(f"{_('error')}: " + _("out of memory (nothing was written to --output); try smaller inputs "
                                          "or --jobs 1"))
                return 2
            except BrokenPipeError:
                sys.stderr.close()  # the reader went away (| head): not an error
                return 0
            except OSError as e:  # the output could not be written (disk full, closed stdout)
                reason = _("cannot write the output: {reason}").format(reason=e.strerror or e)
                say(f"{_('error')}: " + str(QuantitiesError(reason, file=getattr(args, "output", None))))
                return 2
        return 2 if errors else status


def _command(args: argparse.Namespace, on_error: Any) -> int:
    """Load the config (in the environment's language), then run in the language it picks."""
    if args.command == "rules":
        from quantities.integrations.explain import rules_command

        return rules_command(args.name, sys.stdout)
    from quantities.run import config as configuration

    config = configuration.load(args.config)
    config = replace(config, **_overrides(args, config))
    documents_lang = config.lang
    with i18n.use(i18n.choose(config.locale, os.environ, documents_lang)):
        if args.show_config:
            from quantities.integrations.explain import show_config

            sys.stdout.write(show_config(config))
            return 0
        if not args.paths and getattr(args, "changed", None):  # a pre-commit hook: their folders
            args.paths = sorted({os.path.dirname(p) or "." for p in args.changed})
        if not args.paths:
            raise QuantitiesError(_("no PATH given (a file, a folder, or - for stdin)"))
        return _run(args, config, on_error)


def _overrides(args: argparse.Namespace, config: Any) -> dict[str, Any]:
    """What the command line sets over the config."""
    out: dict[str, Any] = {}
    if args.lang is not None:  # the run's language also picks the lexicon the reconciler compares with
        from quantities.lang import load

        load(args.lang)  # "--lang ''" too is no pack: said now, not read as the default
        out["lang"] = args.lang
    if getattr(args, "select", None):
        out["select"] = tuple(args.select)
    if getattr(args, "ignore", None):
        out["ignore_rules"] = (*config.ignore_rules, *args.ignore)
    if getattr(args, "show", None):
        out["show"] = args.show
    if getattr(args, "fail_on", None):
        out["fail_on"] = args.fail_on
    return out


def _run(args: argparse.Namespace, config: Any, on_error: Any) -> int:
    from quantities.run.pipeline import cores, default_jobs

    if args.output is not None:
        from quantities.run.outputs import check_output

        read = [*args.paths, config.file, getattr(args, "reference", None)]  # the config and reference too
        check_output(args.output, [name for name in read if name])
    jobs = min(args.jobs or default_jobs(), cores() * 4)
    if args.command == "extract":
        from quantities.integrations.commands import extract

        return extract(args, config, jobs, on_error)
    from quantities.integrations.commands import report

    return report(args, config, jobs, on_error)


def colour_wanted(choice: str, stream: Any, output_file: str | None) -> bool:
    """Colour on a terminal (stdout, not --output), unless NO_COLOR is set; or always/never."""
    if choice != "auto":
        return choice == "always"
    return output_file is None and not os.environ.get("NO_COLOR") and bool(getattr(stream, "isatty", lambda: False)())


def _route_warnings(quiet: bool) -> None:
    from quantities.errors import QuantitiesWarning

    def show(message: Any, category: Any, *rest: Any, **kw: Any) -> None:
        if not quiet:
            say(f"{_('warning')}: {message}")

    warnings.showwarning = show  # restored by catch_warnings
    warnings.simplefilter("always", QuantitiesWarning)


__all__ = ["Progress", "build_parser", "main", "output"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
