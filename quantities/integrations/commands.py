"""The ``extract``, ``report`` and ``check`` commands, once the config is known."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import warnings
from collections.abc import Iterator
from typing import Any

from quantities.errors import QuantitiesError, QuantitiesWarning
from quantities.integrations.output import NothingRead, Progress, output
from quantities.report.model import Report
from quantities.run.config import Config
from quantities.text.i18n import _, ngettext
from quantities.types import SEVERITIES, Document


def documents(args: argparse.Namespace, config: Config, on_error: Any, set_aside: list[str]) -> Iterator[Document]:
    """The documents the paths name, kept by include/exclude (the others' ids go to
    ``set_aside``), stdin named by --stdin-filename."""
    from quantities.ingest.documents import read
    from quantities.run.pipeline import named_paths, wanted

    if args.stdin_filename and "-" not in args.paths:
        raise QuantitiesError(_("--stdin-filename names the text read from standard input: add - to the paths"))
    named = named_paths(args.paths)
    for doc in read(args.paths, lang=config.lang, on_error=on_error, stdin_name=args.stdin_filename):
        if wanted(doc, config, named):
            yield doc
        else:
            set_aside.append(doc.id)


def nothing_read(config: Config, set_aside: list[str]) -> QuantitiesError:
    """The error of a run that read no document: when the config's include/exclude set every
    one aside, it says so (its patterns that matched nothing are said first)."""
    config.paths.warn_unmatched(config.file)
    if not set_aside:
        return NothingRead()
    return QuantitiesError(ngettext(
        "no document left: the config's include/exclude set aside the {n} document read",
        "no document left: the config's include/exclude set aside all {n} documents read",
        len(set_aside)).format(n=len(set_aside)), file=config.file)


def extract(args: argparse.Namespace, config: Config, jobs: int, on_error: Any) -> int:
    """Claims, streamed document by document for jsonl and github (memory stays flat)."""
    from quantities.report import formats
    from quantities.run.pipeline import Toolkit, extract_all, render_all

    fmt = formats.get(args.format)
    if fmt.claims is None:
        raise QuantitiesError(_("--format {name} is for report and check, not extract").format(name=args.format))
    progress = Progress(args.quiet)
    seen = 0
    failed: list[QuantitiesError] = []
    catch = _counting(on_error, failed)
    with output(args.output, failed) as out:
        collected = []
        read: dict[str, Document] = {}
        toolkit = Toolkit(config, titles=getattr(args, "titles", False))
        set_aside: list[str] = []
        docs = documents(args, config, catch, set_aside)
        if fmt.streams:  # each document's claims written as read (by the worker, with --jobs)
            for doc, text in render_all(docs, toolkit, fmt.claims, jobs, catch):
                out.write(text)
                progress.tick(doc)
                seen += 1
        else:
            for doc, claims in extract_all(docs, toolkit, jobs, catch):
                collected.extend(claims)
                read[doc.id] = doc
                progress.tick(doc)
                seen += 1
        if not seen:
            raise nothing_read(config, set_aside)
        if not fmt.streams:
            out.write(fmt.claims(collected, read))
    progress.done()
    config.paths.warn_unmatched(config.file)
    return 0


def report(args: argparse.Namespace, config: Config, jobs: int, on_error: Any) -> int:
    from quantities.report import formats
    from quantities.report.formats import Options
    from quantities.run.pipeline import exceeds, run_documents

    if formats.get(args.format).report is None:
        raise QuantitiesError(_("--format {name} is for extract").format(name=args.format))
    changed = _changed(args)
    failed: list[QuantitiesError] = []
    catch = _counting(on_error, failed)
    progress = Progress(args.quiet)
    set_aside: list[str] = []
    result = run_documents(documents(args, config, catch, set_aside), config=config,
                           reference=args.reference, jobs=jobs, reconcile=args.command == "report",
                           on_error=catch, on_document=progress.tick)
    progress.done()
    if not result.documents:
        raise nothing_read(config, set_aside)
    config.paths.warn_unmatched(config.file)
    if args.strict:
        _unread_keys(result)
    if changed is not None:
        from quantities.run.changed import only_changed

        result.findings = only_changed(result.findings, result.documents, changed)
    shown = [f for f in result.findings if SEVERITIES.index(f.severity) <= SEVERITIES.index(config.show)]
    options = Options(show_all=getattr(args, "all", False), hidden=len(result.findings) - len(shown),
                      show=config.show, colour=_colour(args), lang=args.lang, reconcile=config.reconcile,
                      unread=tuple((e.file, e.line, str(e)) for e in failed))
    with output(args.output, failed) as out:
        out.write(formats.get(args.format).report(replace_findings(result, shown), options))  # type: ignore[misc]  # a report format: args were checked for one at parse time
    return 1 if exceeds(result.findings, args.fail_on or config.fail_on) else 0


def replace_findings(report: Report, findings: list[Any]) -> Report:
    """``report`` with only ``findings`` shown: the rest of it, ``unaligned`` too, as it was."""
    return dataclasses.replace(report, findings=findings)


def _changed(args: argparse.Namespace) -> frozenset[str] | None:
    from quantities.run.changed import changed_set, git_changed

    if args.changed is None and args.diff is None:
        return None
    paths = list(args.changed or [])
    for path in paths:
        if not os.path.exists(path):  # a typo would make a clean run
            warnings.warn(_("--changed {path}: no such file; no finding involves it").format(path=path),
                          QuantitiesWarning, stacklevel=2)
    if args.diff is not None:
        paths += git_changed(args.diff, next((p for p in args.paths if p != "-"), None))
    return changed_set(paths)


def _counting(on_error: Any, failed: list[QuantitiesError]) -> Any:
    """The error sink, also counting the errors (the --output note says how many)."""
    if on_error is None:
        return None

    def sink(e: QuantitiesError) -> None:
        failed.append(e)
        on_error(e)

    return sink


def _colour(args: argparse.Namespace) -> bool:
    from quantities.integrations.cli import colour_wanted

    return args.format == "table" and colour_wanted(args.color, sys.stdout, args.output)


#: How many unread front matter keys ``--strict`` names; the others are counted.
KEYS_SHOWN = 10


def _unread_keys(report: Report) -> None:
    """--strict: say once which front matter keys quantities keeps but does not read."""
    from quantities.ingest.documents import FIELDS

    found: dict[str, int] = {}
    for doc in report.documents.values():
        for key in set(doc.meta) - set(FIELDS):
            found[key] = found.get(key, 0) + 1
    if found:
        names = [k if k.isprintable() else repr(k)[1:-1] for k in sorted(found)]  # one line, whatever a key holds
        keys = ", ".join(names[:KEYS_SHOWN])
        if len(names) > KEYS_SHOWN:  # 100,000 keys were one line of 789 KB
            keys = _("{some} and {n} more").format(some=keys, n=len(names) - KEYS_SHOWN)
        warnings.warn(ngettext("front matter keys kept but not read by quantities: {keys} (in {n} document)",
                               "front matter keys kept but not read by quantities: {keys} (in {n} documents)",
                               max(found.values())).format(keys=keys, n=max(found.values())),
                      QuantitiesWarning, stacklevel=2)


