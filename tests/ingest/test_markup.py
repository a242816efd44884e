"""quantities.ingest.markup: markdown → plain text, and every plain span maps back to the body."""

from __future__ import annotations

import html
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tables import row

from quantities.ingest.markup import _ENTITY, OffsetMap, strip
from quantities.types import Document, Span

# markdown, expected plain (None: nothing to strip)
ROWS = [
    ("Nessun markup qui, 5.000 operai.", None),
    ("Il leader della **Corea del Nord** ha parlato.", "Il leader della Corea del Nord ha parlato."),
    ("**5.000** operai", "5.000 operai"),
    ("Un *corsivo* e un _altro_ e __forte__ e ***tutto***.", "Un corsivo e un altro e forte e tutto."),
    ("snake_case_name e file_2024_v2.txt", None),
    ("5 * 3 * 2 = 30", None),
    ("un asterisco* solitario", None),
    ("**grassetto\nsu due righe**", "grassetto\nsu due righe"),
    ("**non chiuso\n\nnel paragrafo dopo**", None),
    ("# Titolo\n\nTesto.", "Titolo\n\nTesto."),
    ("### Sottotitolo ###", "Sottotitolo ###"),
    ("#hashtag non è un titolo", None),
    ("> Citazione di **Kim**\n> seconda riga", "Citazione di Kim\nseconda riga"),
    ("- primo\n* secondo\n+ terzo", "primo\nsecondo\nterzo"),
    ("1. primo\n2) secondo", "primo\nsecondo"),
    ("Nel 2024 ha detto:\n2024. Anno difficile", None),
    ("Testo\n\n---\n\nAltro", "Testo\n\n\n\nAltro"),
    ("```python\ncodice\n```", "\ncodice\n"),
    ("Vedi [1.000 genieri](https://example.org/a_b_c) a Kursk.", "Vedi 1.000 genieri a Kursk."),
    ("Vedi [il **sito**](https://x.it \"titolo\").", "Vedi il sito."),
    ("![foto di Kim](kim.jpg) Didascalia", " Didascalia"),
    ("Il codice `a*b*c` resta.", "Il codice a*b*c resta."),
    ("Un \\*non corsivo\\* e \\_no\\_", "Un *non corsivo* e _no_"),
    ("Testo<!-- quantities: ignore value-conflict --> fine", "Testo fine"),
    ("Testo <!-- commento\nsu due righe --> fine", "Testo  fine"),
    # a script or style element is code, not text: dropped with its content (to the end when unclosed)
    ('Prima <script>var x = 500; alert("300 feriti")</script> dopo 5 morti', "Prima  dopo 5 morti"),
    ('a <STYLE type="text/css">p{width:200px}</style > b', "a  b"),
    ("a <script src=x.js>\n\n500\n\n</script>\nb 3", "a \nb 3"),
    ("a <script> mai chiuso 500", "a "),
    ("a <scripts>500</scripts> b", "a 500 b"),          # near miss: another tag, its text kept
    ("a <b>500</b> morti", "a 500 morti"),
    ("Testo <!-- mai chiuso", None),
    ("Riga<br>dopo <span class=\"x\">testo</span>", "Rigadopo testo"),
    ("[solo quadre] e (tonde)", None),
    ("a < b > c", None),
    row("**a *b* c**", "a b c", xfail="nested emphasis of the same marker"),
    row("[ref][1]\n\n[1]: http://x.it", "ref", xfail="reference links"),
    row("Titolo\n======", "Titolo\n", xfail="setext headings"),
    # HTML entities that stand for one character read as it (outside code and tags)
    ("AT&amp;T", "AT&T"),
    ("Sono arrivati 5.000&nbsp;soldati.", "Sono arrivati 5.000\xa0soldati."),
    ("&euro;&#160;1,5 milioni e &#x20AC;3", "€\xa01,5 milioni e €3"),
    ("&lt;b&gt; non è un tag", "<b> non è un tag"),
    ("Il codice `&amp;` resta.", "Il codice &amp; resta."),
    ("[link](http://x.it/?a=1&amp;b=2) testo", "link testo"),
    ("**5.000**&nbsp;operai", "5.000\xa0operai"),
    ("R&S; P&G e &amp senza punto e virgola", None),
    ("&bogus; resta", None),
]


@pytest.mark.parametrize(("markdown", "plain"), ROWS)
def test_strip(markdown, plain):
    result = strip(markdown)
    assert (result[0] if result else None) == plain


@pytest.mark.parametrize("markdown", [r.values[0] if hasattr(r, "values") else r[0] for r in ROWS])
def test_every_plain_character_maps_to_the_same_body_character(markdown):
    result = strip(markdown)
    if result is None:
        return
    plain, offsets = result
    assert len(offsets) == len(plain)
    assert all(_stands_for(markdown, o, c) for o, c in zip(offsets, plain))
    assert list(offsets) == sorted(set(offsets))  # strictly increasing


def _stands_for(markdown: str, at: int, char: str) -> bool:
    """The body character at ``at`` is ``char``, or an entity there stands for it."""
    entity = _ENTITY.match(markdown, at)
    return markdown[at] == char or (entity is not None and html.unescape(entity[0]) == char)


# markdown, the plain substring to look up, the body text its span maps back to
ROUND_TRIPS = [
    ("Sono **5.000** operai.", "5.000", "5.000"),
    ("Sono **5.000** operai.", "5.000 operai", "5.000** operai"),
    ("Sono **5.000** operai.", "Sono 5.000", "Sono **5.000"),
    ("Sono **5.000** operai.", "operai.", "operai."),
    ("# Kim\n\n[1.000 genieri](http://x.it)", "1.000 genieri", "1.000 genieri"),
    ("# Kim\n\n[1.000 genieri](http://x.it)", "Kim", "Kim"),
    ("> - **circa 15mila** soldati", "circa 15mila soldati", "circa 15mila** soldati"),
    ("x ![a](b) **y**", "x  y", "x ![a](b) **y"),
    ("Sono 5.000&nbsp;soldati.", "5.000\xa0soldati", "5.000&nbsp;soldati"),
    ("AT&amp;T", "AT&T", "AT&amp;T"),
]


@pytest.mark.parametrize(("markdown", "needle", "body"), ROUND_TRIPS)
def test_span_round_trip(markdown, needle, body):
    plain, offsets = strip(markdown)
    start = plain.index(needle)
    doc = Document(id="t", text=markdown, plain=plain, offsets=offsets)
    assert doc.to_body(Span(start, start + len(needle))).of(markdown) == body


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [
        ([(0, 3)], (0, 1, 2)),
        ([(2, 5), (7, 9)], (2, 3, 4, 7, 8)),
        ([], ()),
    ],
)
def test_offset_map_behaves_as_a_tuple(ranges, expected):
    m = OffsetMap(ranges)
    assert m == expected and len(m) == len(expected) and tuple(m) == expected
    assert m[:] == expected and m[1:-1] == expected[1:-1]
    assert pickle.loads(pickle.dumps(m)) == m
    with pytest.raises(IndexError):
        m[len(expected)]


@pytest.mark.parametrize(
    "hostile",
    [
        "*" * 200_000,
        "*a " * 100_000,
        "_" * 200_000,
        "[" * 200_000,
        "[a](" * 50_000,
        "<!--" * 50_000,
        "<script>a</script>" * 50_000,
        "<style>" * 100_000,
        "`" * 200_000,
        "\\" * 200_000,
        "**x" + "y" * 1_000_000,
        "&amp;" * 100_000,
        "&#1" * 100_000,
        "&" + "a" * 1_000_000 + ";",
    ],
)
def test_hostile_input_finishes_with_a_consistent_map(hostile):
    """Outcomes only; the timings are in benchmarks/bench_hostile.py."""
    out = strip(hostile)
    if out is not None:
        plain, offsets = out
        assert len(offsets) == len(plain)
        assert all(_stands_for(hostile, offsets[i], plain[i]) for i in range(0, len(plain), max(1, len(plain) // 500)))


def test_an_entity_in_plain_text_does_not_break_a_figure():
    from quantities.extraction.claims import extract_document
    from quantities.ingest.documents import from_text

    doc = from_text("Sono arrivati 5.000&nbsp;soldati a Kursk.", id="a.txt")
    [claim] = extract_document(doc)
    assert (claim.text, claim.noun, claim.span.of(doc.text)) == ("5.000\xa0soldati", "soldati", "5.000&nbsp;soldati")


# looks_like_markdown looks for a part every sign holds ("**", "__", "](", "<!--", "&") with str
# methods before it runs the patterns: it tells a text as the patterns alone tell it.
@given(st.lists(st.sampled_from(["*", "_", "[", "]", "(", "<!--", "<", "!", "-", "&", ";", "#", "x", "1", "a", " ", "\n"]),
                max_size=60).map("".join))
@settings(max_examples=500, deadline=None)
def test_markdown_is_told_as_its_patterns_tell_it(text: str) -> None:
    from quantities.ingest.markup import _MARKDOWN_SIGN, looks_like_markdown

    rule = _MARKDOWN_SIGN.search(text) is not None or any(
        len(html.unescape(m[0])) == 1 for m in _ENTITY.finditer(text))
    assert looks_like_markdown(text) == rule
