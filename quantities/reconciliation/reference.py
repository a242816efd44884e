"""The desk's reference figures, and checking claims against them.

A reference file is TOML that a desk keeps in its repository::

    [[figure]]
    id = "nk-truppe-russia"
    what = ["soldati nordcoreani", "truppe nordcoreane"]
    context = ["Russia", "Kursk"]     # words that must be in the claim's sentence
    value = 15000
    approx = true                     # or low = …, high = …
    source = "South Korea"            # canonical class, optional
    as_of = 2025-08-13
    note = "Stima dell'intelligence sudcoreana (NIS)."

A bad file fails with the file, the line and the key.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from quantities.errors import QuantitiesWarning, ReferenceFileError
from quantities.lang import schema
from quantities.lang.lexicon import Lexicon
from quantities.lang.sources import Sources
from quantities.lang.units import dimension, is_unit_name
from quantities.reconciliation.intervals import Interval, interval_of
from quantities.reconciliation.settings import ReconcileSettings
from quantities.text import tomlfile
from quantities.text.decimals import grouped, plain
from quantities.text.i18n import _
from quantities.types import Claim, Finding

#: A reference file lists a desk's figures: a larger one is refused before it is parsed.
MAX_REFERENCE_BYTES = 10_000_000
KEYS = {"id", "what", "context", "value", "approx", "low", "high", "source", "as_of", "note", "unit"}
#: The margin of ``approx = true``, as docs/architecture.md gives for "circa".
APPROX_MARGIN = Decimal("0.1")
#: Modalities checked: a denial states no figure (plans are checked: a desk may keep one).
CHECKED = {"reported", "estimated", "planned"}


@dataclass(frozen=True)
class ReferenceFigure:
    """One figure the desk has checked."""

    id: str
    what: tuple[str, ...]
    context: tuple[str, ...]
    low: Decimal
    high: Decimal | None
    value: Decimal | None = None
    approx: bool = False
    unit: str | None = None
    source: str | None = None
    as_of: dt.date | None = None
    note: str | None = None
    line: int = 0

    def interval_text(self) -> str:
        if self.value is not None and not self.approx:
            return _fmt(self.value)
        high = "∞" if self.high is None else _fmt(self.high)
        return f"{_fmt(self.low)}–{high}"


def _fmt(d: Decimal) -> str:
    """Whole numbers grouped by thin spaces ("15\u2009000"), others plain ("2.5")."""
    return grouped(d, "\u2009") if d == d.to_integral() else plain(d)


class _Locator:
    """Line numbers of ``[[figure]]`` blocks and their keys in the raw text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.starts = [i + 1 for i, line in enumerate(self.lines) if line.strip() == "[[figure]]"]

    def line(self, index: int, key: str | None = None) -> int:
        if index >= len(self.starts):
            return 1
        start = self.starts[index]
        if key is None:
            return start
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.lines) + 1
        pattern = regex.compile(r"\s*" + regex.escape(key) + r"\s*=")
        for n in range(start + 1, end):
            if pattern.match(self.lines[n - 1]):
                return n
        return start


def load(path: str | os.PathLike[str]) -> list[ReferenceFigure]:
    """Read and check a reference file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "figures.toml"
    >>> _ = p.write_text('[[figure]]\\nid = "x"\\nwhat = ["soldati"]\\nlow = 10\\nhigh = 5\\n')
    >>> load(p)
    Traceback (most recent call last):
    ...
    quantities.errors.ReferenceFileError: .../figures.toml:4: figure[0].low: low (10) is above high (5)
    """
    path = os.fspath(path)
    try:
        raw = tomlfile.read_bytes(path, MAX_REFERENCE_BYTES)
    except FileNotFoundError:
        raise ReferenceFileError(_("no such reference file"), file=path) from None
    except OSError as e:
        raise ReferenceFileError(_("cannot read reference file: {reason}").format(reason=e.strerror or e),
                                 file=path) from None
    if len(raw) > MAX_REFERENCE_BYTES:
        raise ReferenceFileError(_("larger than {limit} MB: not a reference file").format(
            limit=MAX_REFERENCE_BYTES // 1_000_000), file=path)
    data = tomlfile.parse(raw, path, ReferenceFileError)
    text = raw.decode("utf-8")
    unknown = set(data) - {"figure"}
    if unknown:
        raise ReferenceFileError(_("unknown top-level key (expected [[figure]] tables)"),
                                 file=path, line=1, key=sorted(unknown)[0])
    figures = data.get("figure", [])
    if not isinstance(figures, list) or not figures:
        raise ReferenceFileError(_("no [[figure]] tables"), file=path, line=1)
    where = _Locator(text)
    out = [_figure(item, i, path, where) for i, item in enumerate(figures)]
    seen: dict[str, int] = {}
    for i, fig in enumerate(out):
        if fig.id in seen:
            message = _("duplicate id {id!r} (first at figure[{first}])").format(id=fig.id, first=seen[fig.id])
            raise ReferenceFileError(message, file=path, line=where.line(i, "id"), key=f"figure[{i}].id")
        seen[fig.id] = i
    return out


def _figure(item: Mapping[str, Any], i: int, path: str, where: _Locator) -> ReferenceFigure:
    def fail(key: str | None, message: str) -> ReferenceFileError:
        name = f"figure[{i}]" + (f".{key}" if key else "")
        return ReferenceFileError(message, file=path, line=where.line(i, key), key=name)

    if not isinstance(item, dict):
        raise fail(None, "each [[figure]] must be a table")
    unknown = set(item) - KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise fail(key, f"unknown key (known: {', '.join(sorted(KEYS))})")
    ident = item.get("id")
    if not isinstance(ident, str) or not ident.strip():
        raise fail("id" if "id" in item else None, "needs an 'id' string")
    what = item.get("what")
    if isinstance(what, str):
        what = [what]
    if not what or not schema.is_words(what):
        raise fail("what" if "what" in item else None, "needs 'what': a list of noun phrases")
    context = item.get("context", [])
    if not schema.is_words(context):
        raise fail("context", "must be a list of words")
    value, low, high = (_amount(item, k, fail) for k in ("value", "low", "high"))
    approx = item.get("approx", False)
    if not isinstance(approx, bool):
        raise fail("approx", "must be true or false")
    if value is None and low is None and high is None:
        raise fail(None, "needs a 'value', or 'low' and/or 'high'")
    if value is not None:
        margin = abs(value) * APPROX_MARGIN if approx else Decimal(0)
        low = value - margin if low is None else low
        high = value + margin if high is None else high
    low = Decimal(0) if low is None else low
    if high is not None and low > high:
        raise fail("low", f"low ({_fmt(low)}) is above high ({_fmt(high)})")
    as_of = item.get("as_of")
    if as_of is not None and not (isinstance(as_of, dt.date) and not isinstance(as_of, dt.datetime)):
        raise fail("as_of", "must be a date (YYYY-MM-DD, unquoted)")
    for key in ("source", "note", "unit"):
        if key in item and not isinstance(item[key], str):
            raise fail(key, "must be a string")
    if "unit" in item and not is_unit_name(item["unit"]):  # pint would evaluate an expression
        raise fail("unit", f"must be a unit name (kilometer, metric_ton, EUR, percent), not {item['unit'][:40]!r}")
    return ReferenceFigure(
        id=ident, what=tuple(what), context=tuple(context), low=low, high=high, value=value,
        approx=approx, unit=item.get("unit"), source=item.get("source"), as_of=as_of,
        note=item.get("note"), line=where.line(i),
    )


def _amount(item: Mapping[str, Any], key: str, fail: Any) -> Decimal | None:
    value = item.get(key)
    if value is None:
        return None
    if not schema.is_number(value):
        raise fail(key, "must be a (finite) number")
    if value < 0:
        raise fail(key, "must not be negative")
    return Decimal(str(value))


def check(
    claims: Iterable[Claim],
    reference: str | os.PathLike[str] | Iterable[ReferenceFigure],
    *,
    lexicon: Lexicon | None = None,
    sources: Sources | None = None,
    settings: ReconcileSettings | None = None,
    lexicons: Mapping[str, Lexicon] | None = None,
) -> list[Finding]:
    """Findings for the claims that disagree with the desk's reference figures.

    A claim is about a reference figure when its sentence holds every ``context`` word and
    it counts what ``what`` counts, by the reconciler's key (the concept or a synonym, with
    its status: «persone disperse» is «dispersi»; a narrower term is another figure). Then its value
    must meet the reference interval (``reference-mismatch``) and its source must be of the
    reference's class (``reference-source``). A noun the lexicon knows as confusable with
    ``what`` ("ingegneri" for "genieri") is a ``reference-wording`` error.

    >>> from quantities import extract
    >>> ref = ReferenceFigure("nk", ("soldati",), ("Russia",), Decimal(13500), Decimal(16500))
    >>> [f.rule for f in check(extract("La Corea del Nord ha inviato in Russia 12.000 soldati."), [ref])]
    ['reference-mismatch']
    """
    default = lexicon or Lexicon.load("it")
    per_doc = lexicons or {}
    checker = _Checker(default, sources or Sources.default(), settings or ReconcileSettings(),
                       lambda doc: per_doc.get(doc, default))
    origin = os.fspath(reference) if isinstance(reference, (str, os.PathLike)) else "the reference"
    figures = load(reference) if isinstance(reference, (str, os.PathLike)) else list(reference)
    checker.known_sources(figures, origin)
    found = [f for claim in claims for f in checker.findings(claim, figures)]
    for ref in figures:
        if ref.id not in checker.about:
            message = _("{origin}:{line}: figure {id!r} matched no claim (what: {what}; context: {context})")
            warnings.warn(message.format(
                              origin=origin, line=ref.line, id=ref.id, what=", ".join(ref.what),
                              context=", ".join(ref.context) or "-"),
                          QuantitiesWarning, stacklevel=2)
    return found


class _Checker:
    """Each claim is checked against the reference figures it belongs to, by the same key
    as the reconciler's (the interlingual concept and its status, read with the claim's own
    lexicon): a claim of «dispersi» is checked against the figure of the missing, never
    against the figure of the dead. Only a claim that belongs to no figure may be a
    confusable wording of one («ingegneri» for the reference's «genieri»)."""

    def __init__(self, lexicon: Lexicon, sources: Sources, settings: ReconcileSettings,
                 lexicon_of: Callable[[str], Lexicon]) -> None:
        self.lexicon, self.sources, self.settings = lexicon, sources, settings
        self.lexicon_of = lexicon_of
        self.about: set[str] = set()  # the reference figures some claim was about
        self._whats: dict[tuple[str, int], frozenset[str]] = {}

    def known_sources(self, figures: list[ReferenceFigure], origin: str) -> None:
        """A reference's ``source`` must be a source or class the alias table knows."""
        names = set(self.sources.names())
        classes = {self.sources.class_of(n) for n in names}
        for ref in figures:
            if ref.source is not None and ref.source not in names | classes:
                message = _("unknown source {source!r} (a canonical name or class of the source table, "
                            "e.g. {examples})")
                raise ReferenceFileError(
                    message.format(
                        source=ref.source, examples=", ".join(sorted(c for c in classes if c)[:4])),
                    file=origin, line=ref.line, key=f"figure {ref.id}.source")

    def whats(self, ref: ReferenceFigure, lex: Lexicon) -> frozenset[str]:
        """What a reference figure counts, as interlingual keys read with ``lex``."""
        key = (ref.id, id(lex))
        if key not in self._whats:
            readings = [lex.read(w) for w in ref.what]
            self._whats[key] = frozenset(r.status or r.shared for r in readings if r is not None)
        return self._whats[key]

    def findings(self, claim: Claim, refs: list[ReferenceFigure]) -> list[Finding]:
        if claim.modality not in CHECKED or not claim.noun:
            return []
        lex = self.lexicon_of(claim.doc)
        reading = lex.read(claim.noun)
        if reading is None:
            return []
        generic = reading.generic or reading.status
        what = claim.status if claim.status and generic else (reading.status or reading.shared)
        near = [r for r in refs if self._in_context(claim, r, lex) and self._same_kind(claim, r)]
        about = [r for r in near if what in self.whats(r, lex)]
        out: list[Finding] = []
        for ref in about:
            self.about.add(ref.id)
            out.extend(f for f in (self._value(claim, ref), self._source(claim, ref)) if f)
        if about:
            return out
        for ref in near:
            note = next(filter(None, (lex.note(claim.noun, w) for w in ref.what)), None)
            if note is None:
                continue
            self.about.add(ref.id)
            out.append(self._finding("reference-wording", "error", claim, ref,
                                     _("\u201c{noun}\u201d is not what the reference counts ({what})").format(
                                         noun=claim.noun, what=", ".join(ref.what)) + ". " + _sentence(_(note))))
        return out

    def _in_context(self, claim: Claim, ref: ReferenceFigure, lex: Lexicon) -> bool:
        """Every content word of ``context`` is in the claim's sentence (stop words like the
        "Al" of "Al Haouz" are passed over on both sides, as the reconciler does)."""
        words = set(lex.content(claim.context))
        return all(w in words for c in ref.context for w in lex.content(c))

    def _same_kind(self, claim: Claim, ref: ReferenceFigure) -> bool:
        return dimension(claim.quantity.unit) == dimension(ref.unit)

    def _value(self, claim: Claim, ref: ReferenceFigure) -> Finding | None:
        s = self.settings
        stated = interval_of(claim.quantity, tolerance=Decimal(str(s.precision_tolerance)),
                             approx_margin=Decimal(str(s.approx_margin)),
                             vague_stretch=Decimal(str(s.vague_stretch)))
        if stated.meets(Interval(ref.low, ref.high)):
            return None
        return self._finding("reference-mismatch", "error", claim, ref,
                             _("the reference {id} is {interval}").format(id=ref.id, interval=ref.interval_text()))

    def _source(self, claim: Claim, ref: ReferenceFigure) -> Finding | None:
        canonical = claim.attribution.canonical if claim.attribution else None
        if ref.source is None or canonical is None:
            return None
        wanted = self.sources.class_of(ref.source) or ref.source
        if self.sources.class_of(canonical) == wanted:
            return None
        return self._finding("reference-source", "warning", claim, ref,
                             _("credited to {source}, but the reference {id} is a figure of {wanted}").format(
                                 source=canonical, id=ref.id, wanted=wanted))

    def _finding(self, rule: str, severity: str, claim: Claim, ref: ReferenceFigure, why: str) -> Finding:
        source = claim.attribution.canonical or claim.attribution.source if claim.attribution else _("no source")
        extra = " " + _("(as of {date})").format(date=ref.as_of.isoformat()) if ref.as_of else ""
        note = " " + _("Note: {note}").format(note=ref.note) if ref.note else ""
        message = _("{doc} says \u201c{text}\u201d ({source}): {why}").format(
            doc=claim.doc, text=claim.text, source=source, why=why) + f"{extra}.{note}"
        return Finding(rule=rule, kind="reference", severity=severity, message=message,  # type: ignore[arg-type]  # a configured level: "off" too, dropped in rules.py
                       claims=(claim,), figure=ref.id)


def _sentence(text: str) -> str:
    """``text`` as a sentence that follows another: a capital first, no final full stop."""
    text = text.rstrip(".")
    return text[:1].upper() + text[1:]
