"""What several formats share: rows, labels and the summary line, in the reader's language.

Machine formats (json, jsonl, csv, sarif, junit attributes) keep the contract's values;
what people read (headers, severities, modalities, the summary) goes through ``_()``.
A file is named with its outlet when the front matter gives one: ``a.md:5 (Repubblica)``.
"""

from __future__ import annotations

import csv
import io
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from quantities.reconciliation.messages import concept_shown
from quantities.report.formats import Options
from quantities.report.model import Report
from quantities.report.records import source_text, value_text
from quantities.text.fold import squeeze
from quantities.text.i18n import _, ngettext
from quantities.types import SEVERITIES, Claim, Document, Figure, Finding

MESSAGE_WIDTH = 100

#: What a terminal or a page would act on rather than show: control characters (ESC clears a
#: screen, recolours a table) and the bidirectional overrides that reorder what is read. A file
#: name, an outlet or an id is the user's data; shown, these stand as escapes (``\x1b``).
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: A cell a spreadsheet would run as a formula (OWASP "CSV injection"): one that opens with
#: "=" or "@", or with a sign, tab or return and holds what a formula calls with ("(", "|",
#: "!", "=", "@", a quote); a signed figure ("+0,5%", "-1.234.567 euro") is a figure's text.
FORMULA = re.compile(r"[=@]|[+\-\t\r][^\n]{0,10000}?[(|!=@\"']")


def visible(text: str) -> str:
    r"""``text`` with its :data:`HIDDEN` characters shown as escapes.

    >>> visible("Ansa\x1b[2J"), visible("a\u202eb"), visible("due\nrighe")
    ('Ansa\\x1b[2J', 'a\\u202eb', 'due\nrighe')
    """
    return HIDDEN.sub(lambda m: escaped(m[0]), text)


def escaped(c: str) -> str:
    """One character as the escape that shows it: ``\\x1b``, ``\\u202e``, ``\\udc80``."""
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def severity_label(severity: str) -> str:
    """A severity as people read it (``error`` stays ``error`` in machine formats)."""
    labels = {"error": _("error"), "warning": _("warning"), "info": _("info")}
    return labels.get(severity, severity)


def modality_label(modality: str) -> str:
    labels = {"reported": _("reported"), "estimated": _("estimated"), "planned": _("planned"),
              "denied": _("denied")}
    return labels.get(modality, modality)


def kind_label(kind: str) -> str:
    labels = {"count": _("count"), "money": _("money"), "measure": _("measure"), "percent": _("percent"),
              "ordinal": _("ordinal"), "duration": _("duration"), "age": _("age")}
    return labels.get(kind, kind)


def named(doc_id: str, documents: Mapping[str, Document], where: str = "") -> str:
    """A file as people read it: ``path:line``, and its outlet when known."""
    doc = documents.get(doc_id)
    outlet = f" ({doc.outlet})" if doc is not None and doc.outlet else ""
    return visible(f"{doc_id}{where}{outlet}")


def counts_line(findings: Sequence[Finding], *, zeros: bool = True) -> str:
    """'1 error, 0 warnings, 2 info'; without ``zeros``, '1 error, 2 info' ('no findings' for none)."""
    n = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    words = {
        "error": ngettext("{n} error", "{n} errors", n["error"]).format(n=n["error"]),
        "warning": ngettext("{n} warning", "{n} warnings", n["warning"]).format(n=n["warning"]),
        "info": ngettext("{n} info", "{n} info", n["info"]).format(n=n["info"]),
    }
    return ", ".join(words[s] for s in SEVERITIES if zeros or n[s]) or _("no findings")


def summary(report: Report, options: Options | None = None) -> str:
    """``5 documents, 28 claims, 5 figures (2 with findings): 1 error, 0 warnings, 1 info``."""
    options = options or Options()
    flagged = len({f.figure for f in report.findings} & {fig.id for fig in report.figures})
    line = ", ".join([
        ngettext("{n} document", "{n} documents", len(report.documents)).format(n=len(report.documents)),
        ngettext("{n} claim", "{n} claims", len(report.claims)).format(n=len(report.claims)),
        ngettext("{n} figure", "{n} figures", len(report.figures)).format(n=len(report.figures)),
    ]) + " " + _("({n} with findings)").format(n=flagged) + ": " + counts_line(report.findings)
    if options.hidden:
        line += "; " + ngettext("{n} more below --show {level} not shown",
                                "{n} more below --show {level} not shown",
                                options.hidden).format(n=options.hidden, level=options.show)
    return line


#: Where a finding with no claim says it is: the ``path:line`` its message opens with.
_STATED = re.compile(r"(.+?):([0-9]+): ")


def stated_place(finding: Finding) -> tuple[str, int] | None:
    """The file and line a finding with no claim (a suppression that matches nothing) names.

    >>> stated_place(Finding("unused-suppression", "suppression", "warning", "a.md:10: the suppression …", ()))
    ('a.md', 10)
    """
    m = None if finding.claims else _STATED.match(finding.message)
    return (m[1], int(m[2])) if m else None


def finding_place(finding: Finding, report: Report) -> str:
    """Where a finding's first claim stands: ``path:line:col (outlet)``; with no claim, the
    place its message names (:func:`stated_place`)."""
    first = finding.claims[0] if finding.claims else None
    if first is None:
        stated = stated_place(finding)
        return visible(f"{stated[0]}:{stated[1]}") if stated else ""
    where = report.location(first)
    return named(first.doc, report.documents, f":{where[0]}:{where[1]}" if where else "")


def finding_rows(report: Report) -> list[list[Any]]:
    """severity, rule, where, message: one row per finding."""
    return [[severity_label(f.severity), f.rule, finding_place(f, report), visible(f.message)] for f in report.findings]


def finding_headers() -> list[str]:
    return [_("severity"), _("rule"), _("where"), _("message")]


def figure_headers() -> list[str]:
    return [_("where"), _("wording"), _("value"), _("source"), _("modality"), _("date")]


def figure_rows(report: Report, figure: Figure) -> list[list[Any]]:
    rows = []
    for c in figure.claims:
        where = report.location(c)
        doc = report.documents.get(c.doc)
        rows.append([named(c.doc, report.documents, f":{where[0]}" if where else ""), visible(squeeze(c.text)),
                     value_text(c), visible(source_text(c)), modality_label(c.modality),
                     doc.date.isoformat() if doc and doc.date else ""])
    return rows


def figure_title(figure: Figure) -> str:
    nouns = " / ".join(sorted({c.noun for c in figure.claims if c.noun}))
    what = nouns or concept_shown(figure.concept) or kind_label(figure.kind)
    return visible(f"{figure.id}: {what} ({kind_label(figure.kind)})")


def shown_figures(report: Report, options: Options) -> list[Figure]:
    flagged = {f.figure for f in report.findings}
    return [f for f in report.figures if options.show_all or f.id in flagged]


def claim_headers() -> list[str]:
    return [_("doc"), _("start"), _("text"), _("value"), _("low"), _("high"), _("kind"), _("unit"),
            _("noun"), _("source"), _("modality")]


def claim_rows(claims: list[Claim], documents: Mapping[str, Document] | None = None) -> list[list[Any]]:
    """One row per claim for people (the csv keeps the contract's column names and values)."""
    from quantities.report.records import claim_record

    rows = []
    for c in claims:
        r = claim_record(c)
        source = r["attribution"]["canonical"] or r["attribution"]["source"] if r["attribution"] else ""
        rows.append([named(r["doc"], documents or {}), r["start"], visible(squeeze(r["text"])), blank(r["value"]),
                     blank(r["low"]), blank(r["high"]), kind_label(r["kind"]), r["unit"] or "",
                     visible(r["noun"] or ""), visible(source), modality_label(r["modality"])])
    return rows


def blank(v: Any) -> Any:
    return "" if v is None else v


def wrap(message: str, width: int = MESSAGE_WIDTH) -> str:
    return "\n".join(textwrap.wrap(message, width)) or message


def table(headers: list[str], rows: list[list[Any]], style: str) -> str:
    from tabulate import tabulate  # here: --version and --help start without it

    return tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True)


def csv_text(headers: list[str], rows: list[list[Any]]) -> str:
    """The rows as CSV; a text cell a spreadsheet would run (``=cmd|…``, ``@SUM(…)``, a file or an
    outlet named so) starts with a ``'``, which spreadsheets show as text (:data:`FORMULA`)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([[f"'{v}" if isinstance(v, str) and FORMULA.match(v) else v for v in row] for row in rows])
    return buf.getvalue()
