"""headline-body: one article's headline or subtitle against its own body (per figure)."""

from __future__ import annotations

from collections.abc import Iterator

from quantities.reconciliation import messages as say
from quantities.reconciliation.figures import Grouped
from quantities.reconciliation.findings import Context, finding
from quantities.text.i18n import _
from quantities.types import Finding


def headline_findings(g: Grouped, ctx: Context) -> Iterator[Finding]:
    """An article's headline or subtitle (a standfirst, which sums up the body) against its
    body, when no body value meets it. A subtitle is read less than a headline, and a running
    figure whose body says it moved on from the headline's value ("Le vittime sono 267", then
    "È salito a 278 morti") has a headline left at an earlier moment: both info, not the
    rule's severity."""
    titles = [i for i in g.items if (i.claim.section == "title" or i.standfirst) and not i.superseded]
    for t in titles:
        body = [i for i in g.items if i.claim.doc == t.claim.doc and i.claim.section != "title"
                and not i.standfirst and not i.superseded]
        if body and not any(t.interval.meets(b.interval) for b in body):
            fmt = t.lexicon.number_format
            words = {"outlet": ctx.outlet(t.claim.doc), "headline": t.claim.text, "value": say.value_of(body, fmt),
                     "body": body[0].claim.text}
            message = (_("{outlet}'s subtitle says \u201c{headline}\u201d, its body {value} (\u201c{body}\u201d)")
                       if t.standfirst else
                       _("{outlet}'s headline says \u201c{headline}\u201d, its body {value} (\u201c{body}\u201d)"))
            lower = t.standfirst or (t.running and any(b.moved == "rising" and b.interval.low > t.interval.top
                                                       for b in body))
            yield finding(ctx, "headline-body", g, message.format(**words), [t, *body], cause="headline",
                          severity="info" if lower and ctx.settings.severity("headline-body") != "off" else None)
