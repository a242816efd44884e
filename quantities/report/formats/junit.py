"""``--format junit``: JUnit XML for CI dashboards.

One ``testsuite``; one ``testcase`` per article (classname ``quantities.article``,
failing with the findings that involve only that article) and one per folder of articles
(classname ``quantities.folder``, failing with the findings across its articles). A case
fails at findings of severity ``error``; lesser findings are in its ``system-out``. An input
that could not be read is a case of its own with an ``error``.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

from quantities.report.formats import Format, Options, register
from quantities.report.formats.common import escaped, finding_place, severity_label
from quantities.report.model import Report
from quantities.types import Finding

#: What XML 1.0 cannot hold, not even escaped: C0 controls but tab and line breaks, lone
#: surrogates (a file name that is not UTF-8), U+FFFE and U+FFFF. A reader rejects the whole file.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render_report(report: Report, options: Options) -> str:
    cases: dict[tuple[str, str], list[Finding]] = {}
    for doc in report.documents.values():  # the articles, then their folders
        cases.setdefault(("quantities.article", doc.id), [])
    for doc in report.documents.values():
        cases.setdefault(("quantities.folder", _folder(doc.path or doc.id)), [])
    for f in report.findings:
        docs = {c.doc for c in f.claims}
        if len(docs) == 1:
            cases[("quantities.article", docs.pop())].append(f)
        elif docs:
            for folder in sorted({_folder(_path(report, d)) for d in docs}):
                cases[("quantities.folder", folder)].append(f)
        else:  # an unused suppression: its message names where
            cases.setdefault(("quantities.config", "suppressions"), []).append(f)
    suite = ET.Element("testsuite", name="quantities", tests=str(len(cases)))
    failures = 0
    for (classname, name), found in cases.items():
        case = ET.SubElement(suite, "testcase", classname=classname, name=name)
        errors = [f for f in found if f.severity == "error"]
        if errors:
            failures += 1
            failure = ET.SubElement(case, "failure", message=_first_line(errors), type=errors[0].rule)
            failure.text = _text(errors, report)
        others = [f for f in found if f.severity != "error"]
        if others:
            ET.SubElement(case, "system-out").text = _text(others, report)
    for file, _line, message in options.unread:  # an article that could not be read is an error, not a pass
        case = ET.SubElement(suite, "testcase", classname="quantities.article", name=file or "-")
        ET.SubElement(case, "error", message=message[:200], type="unreadable").text = message
    tests = len(cases) + len(options.unread)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(len(options.unread)))
    root = ET.Element("testsuites", name="quantities", tests=str(tests), failures=str(failures),
                      errors=str(len(options.unread)))
    root.append(suite)
    ET.indent(root)
    text = NOT_XML.sub(lambda m: escaped(m[0]), ET.tostring(root, encoding="unicode"))  # shown, not dropped
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def _path(report: Report, doc_id: str) -> str:
    doc = report.documents.get(doc_id)
    return doc.path or doc.id if doc else doc_id


def _folder(path: str) -> str:
    return os.path.dirname(path) or "."


def _first_line(findings: list[Finding]) -> str:
    return f"{findings[0].rule}: {findings[0].message}"[:200]


def _text(findings: list[Finding], report: Report) -> str:
    return "\n".join(f"{severity_label(f.severity)} {f.rule} {finding_place(f, report)}: {f.message}"
                     for f in findings)


register(Format("junit", report=render_report))
