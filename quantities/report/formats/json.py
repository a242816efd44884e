"""``--format json`` and ``jsonl``: the contract's records (README, "The JSON contract")."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from quantities.report.formats import Format, Options, register
from quantities.report.model import Report
from quantities.report.records import (
    CONTRACT_VERSION,
    claim_record,
    document_record,
    figure_record,
    finding_record,
    unaligned_record,
)
from quantities.types import Claim, Document
from quantities.version import __version__

#: One encoder for every record: ``json.dumps`` with a keyword builds a new one per call, a
#: fifth of writing a claim's JSONL line.
_ENCODERS = {indent: json.JSONEncoder(ensure_ascii=False, indent=indent) for indent in (None, 2)}


def _dump(value: object, indent: int | None = None) -> str:
    return _ENCODERS[indent].encode(value)


def report_json(report: Report, options: Options) -> str:
    out = {
        "version": CONTRACT_VERSION,
        "tool": f"quantities {__version__}",
        "documents": [document_record(d) for d in report.documents.values()],
        "claims": [claim_record(c) for c in report.claims],
        "figures": [figure_record(f) for f in report.figures],
        "findings": [finding_record(f, report) for f in report.findings],
        "unaligned": [unaligned_record(c, why, report) for c, why in report.unaligned],
    }
    return _dump(out, 2) + "\n"


def report_jsonl(report: Report, options: Options) -> str:
    return "".join(_dump(finding_record(f, report)) + "\n" for f in report.findings)


def claims_json(claims: Sequence[Claim], documents: Mapping[str, Document]) -> str:
    return _dump([claim_record(c) for c in claims], 2) + "\n"


def claims_jsonl(claims: Sequence[Claim], documents: Mapping[str, Document]) -> str:
    return "".join(_dump(claim_record(c)) + "\n" for c in claims)


register(Format("json", report=report_json, claims=claims_json))
register(Format("jsonl", report=report_jsonl, claims=claims_jsonl, streams=True))
