"""A subtitle (the body's first paragraph set wholly in emphasis) sums its body up: its
figure is compared with the others even when its own body gives another value
(reconciliation/rules.py: standfirsts; modes.contradicting)."""

from __future__ import annotations

import datetime as dt

import pytest

from quantities.ingest.documents import from_text
from quantities.reconciliation.rules import standfirst
from quantities.run.pipeline import run_documents

SPANS = [
    ("*Sono caduti 40 millimetri.*\n\nIl bilancio.", (0, 28)),
    ("**Dieci morti**\n\nIl bilancio.", (0, 15)),
    ("\n_Dieci morti_\n\nIl bilancio.", (1, 14)),
    ("*Dieci morti*", (0, 13)),
    # near misses: emphasis inside a paragraph, two emphases, an empty or unclosed one
    ("Il *bilancio* sale.\n\nAltro.", None),
    ("*Dieci* morti e *tre* dispersi.\n\nAltro.", None),
    ("**\n\nAltro.", None),
    ("*Dieci morti\n\nAltro.*", None),
    ("* Dieci morti*\n\nAltro.", None),
    ("", None),
    # a short first line with no full stop is a subtitle in no emphasis too
    ("Dieci morti e tre dispersi\n\nIl bilancio.", (0, 26)),
    ("Il piano sale a 225 miliardi. Fitto: «Quarta rata entro fine anno»\n\nLa Commissione.", (0, 66)),
    # near misses: a sentence (a full stop, quoted too), a line with nothing after it, a
    # heading, a line too long for a subtitle
    ("Dieci morti e tre dispersi.\n\nIl bilancio.", None),
    ("Fitto: «Quarta rata entro fine anno.»\n\nLa Commissione.", None),
    ("Dieci morti e tre dispersi\n\n", None),
    ("## Dieci morti\n\nIl bilancio.", None),
    ("Dieci morti e tre dispersi " * 7 + "\n\nIl bilancio.", None),
]


@pytest.mark.parametrize(("text", "want"), SPANS)
def test_standfirst_span(text, want):
    assert standfirst(text) == want


DAY = dt.date(2022, 9, 16)
OTHERS = [
    ("a.md", "Alluvione nelle Marche e a Cantiano: sono caduti 420 millimetri di pioggia, dice l'assessore Saltamartini."),
    ("b.md", "Alluvione nelle Marche e a Cantiano: sono caduti circa 400 millimetri di pioggia, dice la Protezione civile."),
]
BODY = ("Alluvione nelle Marche e a Cantiano. Sono caduti oltre 400 millimetri di pioggia in poche ore, "
        "secondo la Protezione civile.")
ROWS = [
    # the subtitle's 40 against the 420 / 400 of the others (its own body's 400 among them)
    (f"*Sono caduti 40 millimetri di pioggia.*\n\n{BODY}", True),
    # near miss: the same sentence as the body's first paragraph, no subtitle: an article that
    # states both values keeps them apart (a breakdown it explains)
    (f"Sono caduti 40 millimetri di pioggia.\n\n{BODY}", False),
]


ROWS += [
    # the subtitle's own line, in no emphasis, with no full stop
    (f"Sono caduti 40 millimetri di pioggia\n\n{BODY}", True),
]


@pytest.mark.parametrize(("subtitle", "severity"), [
    ("*Sono caduti 600 millimetri di pioggia.*", "warning"),
    ("Sono caduti 600 millimetri di pioggia", "warning"),
    # near miss: a value far under the others is no wider whole and no rounding, but a slip in
    # the most read line of the article
    ("*Sono caduti 40 millimetri di pioggia.*", "error"),
    ("Sono caduti 40 millimetri di pioggia", "error"),
])
def test_an_outlier_in_a_subtitle_is_found_where_it_is_said(subtitle, severity):
    """A headline or subtitle sums the story up and may count a wider whole or round it: its odd
    value over the others' is a warning; far under them, an error; both shown at the subtitle
    (doubts.weigh)."""
    docs = [from_text(t, id=i, format="markdown") for i, t in OTHERS]
    body = BODY.replace("oltre 400", "420")  # not a bound that a larger value would meet
    docs.append(from_text(f"{subtitle}\n\n{body}", id="c.md", format="markdown"))
    docs = [d.__class__(**{**{f: getattr(d, f) for f in d.__dataclass_fields__}, "date": DAY}) for d in docs]
    found = [f for f in run_documents(docs).findings if f.rule == "value-conflict"]
    said = subtitle.strip("*").removesuffix(".").removeprefix("Sono caduti ")
    assert [(f.severity, f.claims[0].doc, f.claims[0].text) for f in found] == \
        [(severity, "c.md", said)], [f.message for f in found]


@pytest.mark.parametrize(("text", "flagged"), ROWS)
def test_subtitle_figure_is_compared(text, flagged):
    docs = [from_text(t, id=i, format="markdown") for i, t in OTHERS]
    docs.append(from_text(text, id="c.md", format="markdown"))
    docs = [d.__class__(**{**{f: getattr(d, f) for f in d.__dataclass_fields__}, "date": DAY}) for d in docs]
    report = run_documents(docs)
    touched = {c.text for f in report.findings if f.rule == "value-conflict" for c in f.claims}
    assert ("40 millimetri di pioggia" in touched) is flagged, [f.message for f in report.findings]
