"""``--format json`` and ``jsonl``: the contract's records (README, "The JSON contract")."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from json.encoder import encode_basestring

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
_ENCODER = json.JSONEncoder(ensure_ascii=False)
#: The constants, as ``json`` writes them.
_CONSTANTS = {None: "null", True: "true", False: "false"}


def _dump(value: object, indent: int | None = None) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=indent)`` writes it."""
    return _ENCODER.encode(value) if indent is None else _indented(value, "\n", " " * indent)


def _indented(value: object, line: str, step: str) -> str:
    """``value`` indented as ``json`` indents it (``line``: a new line and the current
    indent), in one recursive pass: ``json``'s indented encoder is pure Python generators,
    three times slower (a fifth of ``report -f json`` on news). Strings are escaped by
    ``json``'s own C function; tests/report/test_formats.py checks it against ``json.dumps``."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = line + step
        return "{" + inner + ("," + inner).join(
            _key(k) + ": " + _indented(v, inner, step) for k, v in value.items()) + line + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = line + step
        return "[" + inner + ("," + inner).join(_indented(v, inner, step) for v in value) + line + "]"
    if value is None or value is True or value is False:
        return _CONSTANTS[value]
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return _ENCODER.encode(value)   # NaN, infinities, what json refuses: as json does


def _key(key: object) -> str:
    return encode_basestring(key if isinstance(key, str) else _ENCODER.encode(key))


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
