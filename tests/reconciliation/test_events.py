"""Event identity, as tables: the names of a document (fixtures/event_names.tsv) and which
documents speak of one event (fixtures/events.toml), across languages and in mixed folders."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from tables import FIXTURES, cases, rows

from quantities.ingest.documents import read
from quantities.lang.lexicon import Lexicon
from quantities.lang.places import Places
from quantities.reconciliation.events import events, names
from quantities.reconciliation.rules import reconcile
from quantities.types import Claim, Document, Quantity, Span

PLACES = Places.default()


@pytest.mark.parametrize("lang, title, body, want", rows(FIXTURES / "event_names.tsv", 4))
def test_names(lang, title, body, want):
    got = names(None if title == "-" else title, body, Lexicon.load(lang), PLACES)
    heaviest = sorted(got.items(), key=lambda kv: (-kv[1], kv[0]))
    assert " ".join(f"{n}:{w}" for n, w in heaviest) == ("" if want == "-" else want)


def _cases() -> list:
    return cases(FIXTURES / "events.toml", "case")


def _settled() -> list:
    """The cases that hold (no known gap): whether unrelated documents change their events."""
    return [c for c in _cases() if "xfail" not in c.values[0]]


def _document(row: str) -> Document:
    doc, date, lang, title, body = (cell.strip() for cell in row.split("|"))
    return Document(doc, body, title=title, lang=lang, date=None if date == "-" else dt.date.fromisoformat(date))


@pytest.mark.parametrize("case", _cases())
def test_events(case):
    docs = [_document(r) for r in case["docs"]]
    event_of = events(_weights(docs), {d.id: d.date for d in docs}, 12, 30, PLACES.broad)
    groups: dict[str | None, list[str]] = {}
    for d in docs:
        groups.setdefault(event_of[d.id], []).append(d.id)
    assert sorted(groups.values()) == sorted(case["events"])


@pytest.mark.parametrize("case", _settled())
def test_events_do_not_change_when_unrelated_documents_join(case):
    """Each case's events are the same with every other case's documents in the folder,
    moved five years later (so that they are of other events)."""
    docs = [_document(r) for r in case["docs"]]
    later = [replace(d, id=f"z{n}{d.id}", date=d.date + dt.timedelta(days=5 * 365))
             for n, c in enumerate(_cases()) if c.values[0] is not case
             for d in map(_document, c.values[0]["docs"]) if d.date is not None]
    assert _grouped(docs + later) == _grouped(docs)


def _grouped(docs: list[Document]) -> set[frozenset[str]]:
    """The events of the documents not added ("z…"), as sets of ids."""
    event_of = events(_weights(docs), {d.id: d.date for d in docs}, 12, 30, PLACES.broad)
    mine = [d.id for d in docs if not d.id.startswith("z")]
    return {frozenset(o for o in mine if event_of[o] == event_of[d]) for d in mine}


def _weights(docs: list[Document]) -> dict:
    return {d.id: names(d.title, d.text, Lexicon.load(d.lang), PLACES) for d in docs}


def _claim(doc: str, text: str, value: int, noun: str, context: str, date: str) -> Claim:
    q = Quantity(Span(0, len(text)), text, Decimal(value), Decimal(value), Decimal(value))
    return Claim(doc, Span(0, len(text)), text, q, noun, None, None, "reported", Span(0, len(context)),
                 context, date=dt.date.fromisoformat(date))


def test_the_documents_names_join_claims_whose_sentences_share_none():
    """An Italian article and an English wire on one shipwreck: their sentences share no
    name, their documents do, so their counts of the dead are one figure."""
    a = _claim("a", "59 morti", 59, "morti", "A Pylos si contano finora 59 morti.", "2023-06-14")
    b = _claim("b", "78 dead", 78, "dead", "Rescuers in Kalamata have found 78 dead so far.", "2023-06-14")
    docs = [Document("a", "A Pylos si contano finora 59 morti. I superstiti sono a Kalamata.",
                     title="Naufragio di Pylos, i superstiti a Kalamata", lang="it", date=dt.date(2023, 6, 14)),
            Document("b", "Rescuers in Kalamata have found 78 dead so far. Pylos mourned.",
                     title="Shipwreck survivors brought to Kalamata", lang="en", date=dt.date(2023, 6, 14))]
    lexicons = {"a": Lexicon.load("it"), "b": Lexicon.load("en")}
    alone = reconcile([a, b], lexicons=lexicons)
    together = reconcile([a, b], lexicons=lexicons, documents=docs)
    assert len({f.event for f in together.figures}) == len(together.figures) >= 1
    assert {c.doc for f in together.figures for c in f.claims} == {"a", "b"}
    assert not any({c.doc for c in f.claims} == {"a", "b"} for f in alone.figures)


def test_news_devs_articles_are_its_ten_events():
    """The 51 articles of news-dev (ten real events in one folder, their files named by event) are
    ten events: none split, none joined (two names each mentioned once, a party leader and a city,
    once joined its march, its election and its flood)."""
    docs = list(read(FIXTURES / "news-dev" / "articles"))
    story = {d.id: Path(d.id).name.rsplit("_", 1)[0] for d in docs}   # "corteo_3.md": corteo
    event_of = events(_weights(docs), {d.id: d.date for d in docs}, 12, 30, PLACES.broad)
    stories: dict[str | None, set[str]] = {}
    for d in docs:
        stories.setdefault(event_of[d.id], set()).add(story[d.id])
    assert sorted(stories.values(), key=sorted) == [{s} for s in sorted(set(story.values()))]
    assert len(stories) == 10
