"""The parts rule, inside one article: listed parts that do not add up to their total.

"60 cadaveri: 26 uomini, 21 donne e 12 minori" lists parts (three or more exact counts, in
one sentence, of kinds of one thing: the lexicon's broader concept, here people) and a
total (the nearest exact count before them, in that sentence or the one before, of that
thing or of a status of it: the dead). When the parts do not add up to the total, the
article contradicts itself: one finding (warning) names the total and the parts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from quantities.reconciliation import messages as say
from quantities.reconciliation.catalog import RULE_KIND
from quantities.reconciliation.findings import Context
from quantities.reconciliation.keys import Item
from quantities.text.i18n import _
from quantities.types import Finding


def parts_findings(items: list[Item], ctx: Context) -> Iterator[Finding]:
    severity = ctx.settings.severity("parts-total")
    if severity == "off":
        return
    by_doc: defaultdict[str, list[Item]] = defaultdict(list)
    for i in items:
        if i.key is not None and i.key.kind == "count" and i.value is not None \
                and i.stance == "exact" and not i.superseded:
            by_doc[i.claim.doc].append(i)
    for doc in sorted(by_doc):
        claims = sorted(by_doc[doc], key=lambda i: i.claim.span.start)
        yield from _in_document(claims, severity, ctx)


def _in_document(claims: list[Item], severity: str, ctx: Context) -> Iterator[Finding]:
    sentences: defaultdict[int, list[Item]] = defaultdict(list)
    for i in claims:
        sentences[i.claim.sentence.start].append(i)
    starts = sorted(sentences)
    for n, start in enumerate(starts):
        found = _parts(sentences[start])
        if found is None:
            continue
        parent, parts = found
        first = parts[0].claim.span.start
        before = [i for s in starts[max(0, n - 1):n + 1] for i in sentences[s]
                  if i.claim.span.start < first and i not in parts and _totals(i, parent)]
        if not before:
            continue
        total = before[-1]
        added = sum((p.value for p in parts if p.value is not None), Decimal(0))
        if total.value is None or added == total.value:
            continue
        fmt = total.lexicon.number_format
        listed = " + ".join(f"\u201c{p.claim.text}\u201d" for p in parts)
        message = _("{outlet} gives \u201c{total}\u201d, and lists {parts} = {sum}").format(
            outlet=ctx.outlet(total.claim.doc), total=total.claim.text, parts=listed, sum=say.num(added, fmt))
        claims_ = tuple(i.claim for i in [total, *parts])
        yield Finding("parts-total", RULE_KIND["parts-total"], severity, message,  # type: ignore[arg-type]  # a configured level: "off" too, dropped in rules.py
                      claims_, None, "parts")


#: A list of two may be a partial one ("tra cui 3 minori e 2 ragazzi"); three kinds of one
#: thing are a breakdown.
MIN_PARTS = 3


def _parts(sentence: list[Item]) -> tuple[str, list[Item]] | None:
    """Two or more counts of one sentence whose concepts are kinds of one thing."""
    by_parent: defaultdict[str, list[Item]] = defaultdict(list)
    for i in sentence:
        if i.reading is not None and i.reading.known:
            parent = i.lexicon.parent_id(i.reading.concept)
            if parent is not None:
                by_parent[parent].append(i)
    for parent, parts in by_parent.items():
        if len(parts) >= MIN_PARTS and len({p.key for p in parts}) == len(parts):
            return parent, parts
    return None


def _totals(i: Item, parent: str) -> bool:
    """Whether a claim counts the whole the parts are kinds of (or a status of it)."""
    return i.key is not None and (i.key.what == parent or (i.reading is not None and i.reading.status is not None))
