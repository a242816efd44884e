"""Source aliases: a row per phrase, with the canonical name it must give (None: no source),
and the near misses."""

import pytest

from quantities.lang.sources import Sources

TABLE = {
    "KCNA": {"class": "North Korea", "aliases": ["Kcna", "agenzia ufficiale nordcoreana"]},
    "UN": {"aliases": ["U  N", "l’Onu"]},  # an acronym with a run of blanks, a curly apostrophe
    "NIS": {"class": "South Korea", "aliases": ["intelligence sudcoreana"]},
}

ROWS = [
    ("secondo la Kcna", "KCNA"),
    ("l'agenzia  ufficiale   nordcoreana", "KCNA"),  # blanks squeezed
    ("l’intelligence Sudcoreana", "NIS"),  # case folded
    ("secondo l'Onu", "UN"),  # either apostrophe
    ("fonti dell'Onu", None),  # near miss: the alias begins a word ("l'"), not inside one
    ("i caschi blu U N", "UN"),  # the acronym matched as the text is squeezed
    ("i NIS", "NIS"),
    ("i nis", None),  # near miss: an acronym matches only as written
    ("la Kcnax", None),  # near miss: whole words only
    ("un passante", None),
]


@pytest.mark.parametrize(("phrase", "canonical"), ROWS)
def test_canonical(phrase, canonical):
    assert Sources(TABLE).canonical(phrase) == canonical


def test_no_aliases_no_source():
    assert Sources({}).canonical("la Kcna") is None


#: The shipped table: a source written in the other language is the same source (an English
#: wire's "civil protection department" is the Italian paper's "Protezione civile").
DEFAULT_ROWS = [
    ("secondo la Protezione civile", "Protezione civile"),
    ("the civil protection department said", "Protezione civile"),
    ("firefighters said", "Vigili del fuoco"),
    ("secondo i vigili del fuoco", "Vigili del fuoco"),
    ("registrata dalla rete sismica dell'Ingv", "INGV"),
    ("Italy's National Institute of Geophysics and Volcanology", "INGV"),
    ("the U.S. Geological Survey put the magnitude at", "USGS"),
    ("secondo l'Usgs", "USGS"),
    ("the civil engineers", None),          # near miss: neither institution
    ("la protezione dei civili", None),     # near miss: not the words of the alias in order
]


@pytest.mark.parametrize(("phrase", "canonical"), DEFAULT_ROWS)
def test_default_table_names_a_source_across_languages(phrase, canonical):
    assert Sources.default().canonical(phrase) == canonical
