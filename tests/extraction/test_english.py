"""English, the second language: the same pipeline on an English pack (rows of news phrasing)."""

import pytest

from quantities.extraction.claims import extract_document
from quantities.ingest import documents

# text, claim text, value/low/high, noun, canonical source, modality
ROWS = [
    ("According to South Korean intelligence, North Korea has sent about 15,000 troops to Russia.",
     "about 15,000 troops", (15000, 13500, 16500), "troops", "South Korea", "reported"),
    ("Pyongyang will send 5,000 military construction workers to Kursk.",
     "5,000 military construction workers", (5000, 5000, 5000), "military construction workers", None, "planned"),
    ("More than 300 soldiers were killed.", "More than 300 soldiers", (300, 300, None), "soldiers", None, "reported"),
    # a report verb that ends the sentence governs the figures before it
    ("More than 300 soldiers were killed, the Pentagon said.",
     "More than 300 soldiers", (300, 300, None), "soldiers", "United States", "reported"),
    ("The figure of 300 dead was reported by the Pentagon.",  # a passive cue: [attribution].agent
     "300 dead", (300, 300, 300), "dead", "United States", "reported"),
    ("The company will invest $5 billion in the plant.", "$5 billion", (5e9, 5e9, 5e9), "investment", None, "planned"),
    ("Nearly 3,000 people were evacuated.", "Nearly 3,000 people", (3000, 2700, 3000), "people", None, "reported"),
    ("Turnout was 80% in the capital.", "80%", (80, 80, 80), "Turnout", None, "reported"),
    # ... and the comma of "5,000" is no clause boundary: "will send" governs both figures
    ("Pyongyang will send 5,000 workers and 1,000 sappers, Russian media reported.",
     "1,000 sappers", (1000, 1000, 1000), "sappers", "Russia", "planned"),
    # a modal with a perfect infinitive guesses at the past: estimated, not planned (the
    # longest cue wins whatever its kind); the modal alone plans
    ("The charity said there could have been 750 people on board.",
     "750 people", (750, 750, 750), "people", None, "estimated"),
    ("The army could send 750 soldiers.", "750 soldiers", (750, 750, 750), "soldiers", None, "planned"),
]


@pytest.mark.parametrize("text, surface, interval, noun, source, modality", ROWS)
def test_english_claims(text, surface, interval, noun, source, modality):
    doc = documents.from_text(text, id="en", lang="en")
    claims = {c.text: c for c in extract_document(doc)}
    assert surface in claims, list(claims)
    c = claims[surface]
    got = tuple(None if v is None else float(v) for v in (c.quantity.value, c.quantity.low, c.quantity.high))
    assert got == tuple(None if v is None else float(v) for v in interval)
    assert c.noun == noun
    assert (c.attribution.canonical if c.attribution else None) == source
    assert c.modality == modality


def test_a_year_after_in_is_not_a_count():
    doc = documents.from_text("In 2019 some 300 soldiers died.", id="en", lang="en")
    assert [c.quantity.value for c in extract_document(doc)] == [300]


@pytest.mark.parametrize("text", [  # "by" brings the agent of a passive, or a time
    "About 300 people were reported by midday to be missing.",
    "About 300 people were reported by the end of the week to be missing.",
])
def test_by_before_a_time_is_no_agent(text):
    doc = documents.from_text(text, id="en", lang="en")
    assert extract_document(doc)[0].attribution is None


@pytest.mark.parametrize("text, source", [
    ("About 300 people were reported by the ministry.", "ministry"),
    ("It was reported by Time that 300 people died.", "Time"),  # a capital: a name, not a time
    ("The figure of 300 dead was reported by The Week.", "Week"),
    ("About 300 people were reported by Monday to be missing.", None),  # time_names keep their capital
    ("The ministry reported by midday that 300 people had died.", "ministry"),  # active: the subject reports
    ("Russia lost 5,000 troops, the Pentagon reported by midday.", "Pentagon"),
    ("Russia has lost 300 tanks, more than the Pentagon had estimated.", None),  # a comparison, not a report
])
def test_the_agent_of_by(text, source):
    doc = documents.from_text(text, id="en", lang="en")
    found = extract_document(doc)[0].attribution
    assert (found.source if found else None) == source
