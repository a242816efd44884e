"""A measure an article restates in another unit in parentheses right after it ("queues of up to 8 km (5
miles)", "about 72 km (45 miles) southwest of Marrakech", "a 130-metre (427-foot) stage"): one quantity said
twice, compared through the first figure only. Read as a figure of its own, the conversion meets another
article's figure of the same number in the other unit ("5 km" of another queue) as a unit slip. Not a sum:
"1 milione di euro (1,7 milioni di dollari australiani)" gives the prize as paid, in parentheses."""

from __future__ import annotations

from quantities.reconciliation.keys import Item

#: Why a conversion is left out of the figures.
RESTATED = "a conversion in parentheses of the figure before it: compared through that figure"


def restate(items: list[Item]) -> None:
    """Unkey each item whose claim is the measure before it in another unit, written in parentheses right
    after it in its sentence (items in document order, as :func:`keys.prepare` gives them)."""
    before: Item | None = None
    for i in items:
        b, before = before, i
        if b is None or i.key is None or b.claim.doc != i.claim.doc or b.claim.sentence != i.claim.sentence:
            continue
        c, p = i.claim.quantity, b.claim.quantity
        if c.kind != "measure" or p.kind != "measure" or c.unit is None or p.unit is None or c.unit == p.unit:
            continue
        gap = i.claim.context[b.claim.span.end - i.claim.sentence.start:i.claim.span.start - i.claim.sentence.start]
        if gap.strip() == "(":
            i.key, i.reason = None, RESTATED
