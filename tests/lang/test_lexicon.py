"""The noun lexicon: concept folding and relations, as tables."""

from __future__ import annotations

import pytest
from tables import FIXTURES, row, rows

from quantities.errors import LanguageDataError
from quantities.lang.lexicon import Lexicon, concept

CONCEPTS = [
    # (lang, noun phrase as written, expected concept)
    ("it", "soldati", "soldato"),
    ("it", "soldato", "soldato"),
    ("it", "soldatesse", "soldato"),
    ("it", "Soldati", "soldato"),
    ("it", "truppe", "soldato"),
    ("it", "militari", "soldato"),
    ("it", "soldati nordcoreani", "soldato"),
    ("it", "soldati della Corea del Nord", "soldato"),
    ("it", "operai edili militari", "operaio edile militare"),
    ("it", "lavoratori edili militari", "operaio edile militare"),
    ("it", "operai edili", "operaio edile militare"),
    ("it", "operai militari e sminatori", "operaio militare"),
    ("it", "operai", "operaio"),
    ("it", "operaio", "operaio"),
    ("it", "genieri", "geniere"),
    ("it", "geniere", "geniere"),
    ("it", "zappatori", "geniere"),
    ("it", "ingegneri", "ingegnere"),
    ("it", "sminatori", "sminatore"),
    ("it", "morti", "morto"),
    ("it", "vittime", "morto"),
    ("it", "deceduti", "morto"),
    ("it", "uccisi", "morto"),
    ("it", "feriti", "ferito"),
    ("it", "dispersi", "disperso"),
    ("it", "sfollati", "sfollato"),
    ("it", "profughi", "rifugiato"),
    ("it", "rifugiati", "rifugiato"),
    ("it", "migranti", "migrante"),
    ("it", "arrestati", "arrestato"),
    ("it", "evacuati", "evacuato"),
    ("it", "abitanti", "abitante"),
    ("it", "residenti", "abitante"),
    ("it", "persone", "persona"),
    ("it", "dipendenti", "dipendente"),
    ("it", "case", "abitazione"),
    ("it", "casi", "contagio"),
    ("it", "abitazioni", "abitazione"),
    ("it", "edifici", "edificio"),
    ("it", "missili balistici", "missile"),
    ("it", "droni", "drone"),
    ("it", "razzi", "razzo"),
    ("it", "carri armati", "carro armato"),
    ("it", "vigili del fuoco", "pompiere"),
    ("it", "aerei", "aereo"),
    ("it", "navi", "nave"),
    ("it", "voti", "voto"),
    ("it", "contagi", "contagio"),
    ("it", "anni", "anno"),
    ("it", "di soldati", "soldato"),
    ("it", None, None),
    ("it", "", None),
    ("it", "della", None),
    ("en", "soldiers", "soldier"),
    ("en", "troops", "soldier"),
    ("en", "North Korean troops", "soldier"),
    ("en", "military construction workers", "military construction worker"),
    ("en", "sappers", "sapper"),
    ("en", "engineers", "engineer"),
    ("en", "people killed", "dead"),
    ("en", "houses", "home"),
    ("en", "empty passenger cars", "carriage"),   # a train's cars: its carriages
    ("en", "cars", "car"),                        # near miss: a road's cars
    ("en", "colleagues", "colleague"),
    ("it", "colleghi delle vittime", "collega"),
    ("it", "carrozze vuote", "vagone"),
]


PEOPLE = [
    # (lang, noun phrase, whether it names people: whose an age can be)
    ("it", "un uomo", True), ("it", "bambina", True), ("it", "vittime", True), ("it", "persone", True),
    ("it", "colleghi", True), ("it", "vagoni", False), ("it", "anni", False), ("it", "pastori sardi", False),
    ("en", "man", True), ("en", "dead", True), ("en", "colleagues", True), ("en", "cars", False),
]


@pytest.mark.parametrize(("lang", "noun", "expected"), PEOPLE)
def test_whether_a_noun_names_people(lang, noun, expected):
    lex = Lexicon.load(lang)
    assert lex.person(lex.read(noun)) is expected


@pytest.mark.parametrize(("lang", "noun", "expected"), CONCEPTS)
def test_concept(lang, noun, expected):
    assert concept(noun, lang) == expected


FOLDS = [
    # unknown nouns fold singular/plural to one stem-based key
    ("it", "pastori sardi", "pastore sardo"),
    ("it", "camionisti", "camionista"),
    ("it", "ciclisti", "ciclista"),
    ("it", "pescatori", "pescatore"),
    ("it", "guide alpine", "guida alpina"),
    ("en", "farmers", "farmer"),
    ("en", "fishermen", "fisherman"),
    ("en", "lorries", "lorry"),
]


@pytest.mark.parametrize(("lang", "a", "b"), FOLDS)
def test_unknown_nouns_fold(lang, a, b):
    lex = Lexicon.load(lang)
    assert lex.concept(a) == lex.concept(b)
    assert lex.concept(a) is not None


RELATIONS = [
    ("it", "soldati", "soldato", "same"),
    ("it", "soldati", "soldatesse", "synonym"),
    ("it", "soldati", "truppe", "synonym"),
    ("it", "truppe", "militari", "synonym"),
    ("it", "operai edili militari", "operai", "narrower"),
    ("it", "operai", "operai edili militari", "broader"),
    ("it", "operai edili militari", "lavoratori", "narrower"),
    ("it", "operai edili militari", "operai militari e sminatori", "narrower"),
    ("it", "genieri", "soldati", "narrower"),
    ("it", "genieri", "ingegneri", "confusable"),
    ("it", "ingegneri", "genieri", "confusable"),
    ("it", "sminatori", "genieri", "confusable"),
    ("it", "missili", "droni", "confusable"),
    ("it", "profughi", "migranti", "confusable"),
    ("it", "arrestati", "fermati", "confusable"),
    ("it", "arrestati", "indagati", "confusable"),
    ("it", "vittime", "feriti", "confusable"),
    ("it", "morti", "feriti", "different"),
    ("it", "contagiati", "ricoverati", "confusable"),
    ("it", "soldati", "droni", "different"),
    ("it", "case", "casi", "different"),
    ("it", "pastori sardi", "pastori", "narrower"),
    ("it", "pastori", "pastori sardi", "broader"),
    ("it", "pastori", "camionisti", "different"),
    ("it", "soldati", None, "unknown"),
    ("it", None, None, "unknown"),
    ("en", "sappers", "engineers", "confusable"),
    ("en", "troops", "soldiers", "synonym"),
    ("en", "dead", "injured", "different"),
    # a negated qualifier is part of the meaning: the non-wooded land is no woodland
    ("it", "superficie non boscata", "superficie non boschiva", "same"),
    ("it", "superficie non boscata", "superficie boscata", "different"),
    ("it", "superficie boschiva", "superficie boscata bruciata", "same"),
    ("it", "superficie boscata", "superficie", "narrower"),
    ("it", "persone non identificate", "persone", "same"),  # near miss: outside the term, a modifier
    ("en", "non-wooded land", "wooded area", "different"),
]


@pytest.mark.parametrize(("lang", "a", "b", "expected"), RELATIONS)
def test_relation(lang, a, b, expected):
    assert Lexicon.load(lang).relation(a, b) == expected


def test_note_of_confusable_pair():
    note = Lexicon.load("it").note("genieri", "ingegneri")
    assert note is not None and "sappers" in note
    assert Lexicon.load("it").note("soldati", "truppe") is None


FAMILIES = [
    ("it", "genieri", "ingegneri", True),
    ("it", "vittime", "feriti", True),
    ("it", "soldati", "operai", False),
    ("it", "pastori sardi", "pastori", True),
]


@pytest.mark.parametrize(("lang", "a", "b", "same"), FAMILIES)
def test_family(lang, a, b, same):
    lex = Lexicon.load(lang)
    assert (lex.family(a) == lex.family(b)) is same


def test_extra_extends_the_shipped_lexicon():
    lex = Lexicon.load("it", {
        "concept": {"alpino": {"terms": ["alpini", "penne nere"], "broader": "soldato"}},
        "confusable": [{"terms": ["alpino", "geniere"], "note": "not the same corps"}],
    })
    assert lex.concept("penne nere") == "alpino"
    assert lex.relation("alpini", "soldati") == "narrower"
    assert lex.relation("alpini", "genieri") == "confusable"
    assert Lexicon.load("it").concept("penne nere") != "alpino"


BAD = [
    ({"concept": {"x": {"terms": "x"}}}, "concept.x.terms"),
    ({"concept": {"x": {"terms": ["x"], "narrower": "y"}}}, "concept.x.narrower"),
    ({"concept": {"x": {"terms": ["x"], "broader": "nope"}}}, "concept.x.broader"),
    ({"concept": {"x": {"terms": ["soldati"]}}}, "concept.x.terms"),
    ({"concept": {"x": "soldati"}}, "concept.x"),
    ({"confusable": [{"terms": ["x"], "note": "n"}]}, "confusable."),
    ({"stemmer": "klingon"}, "stemmer"),
    ({"colour": "blue"}, "colour"),
    ({"fold": {"endings": [["a"]]}}, "fold.endings"),
    ({"fold": {"tail": -1}}, "fold.tail"),
    ({"fold": {"grows": "two"}}, "fold.grows"),
    ({"fold": {"tail": True}}, "fold.tail"),
    ({"fold": {"keep": "elettrici"}}, "fold.keep"),
    ({"concept": {"x": {"terms": ["x"], "dimension": 5}}}, "concept.x.dimension"),
    ({"concept": {"x": {"terms": ["x"], "dimension": "[lenght]"}}}, "concept.x.dimension"),   # no such dimension
    ({"difference": {"around": ["calo"]}}, "difference"),
    ({"difference": {"before": "calo"}}, "difference.before"),
    ({"concept": {"x": {"terms": ["x"], "status": "dead", "runs": "sometimes"}}}, "concept.x.runs"),
    ({"concept": {"x": {"terms": ["x"], "runs": "cumulative"}}}, "concept.x.runs"),   # no status to run
    # ("runs": "once" with no status is a thing measured once, a quake: no error)
    ({"concept": {"x": {"terms": ["x"], "span": "yes"}}}, "concept.x.span"),
    ({"concept": {"x": {"terms": ["x"], "loose": True}}}, "concept.x.loose"),     # no broader concept
    ({"concept": {"x": {"terms": ["x"], "scheme": True}}}, "concept.x.scheme"),   # no broader concept
]


@pytest.mark.parametrize(("extra", "key"), BAD)
def test_malformed_data_names_file_and_key(extra, key):
    with pytest.raises(LanguageDataError) as e:
        Lexicon.load("it", extra, origin="quantities.toml")
    assert e.value.key == key or (key.endswith(".") and e.value.key.startswith(key))
    assert e.value.file == "quantities.toml"


def test_missing_language():
    with pytest.raises(LanguageDataError):
        Lexicon.load("xx")


DIFFERENCES = [
    # (lang, where, words, is a difference): a percentage stated as a change, not a level
    ("it", "before", "il calo è di", True),
    ("it", "before", "un aumento del", True),
    ("it", "before", "l'affluenza si è fermata al", False),
    ("it", "after", "in meno rispetto", True),
    ("it", "after", "degli aventi diritto", False),
    ("en", "before", "a drop of", True),
    ("en", "before", "turnout fell to", False),     # "fell to": a level reached
    ("en", "after", "less than in", True),
    ("en", "after", "of the vote", False),
]


@pytest.mark.parametrize(("lang", "where", "words", "expected"), DIFFERENCES)
def test_difference_cues(lang, where, words, expected):
    assert Lexicon.load(lang).cue(f"difference_{where}", words) is expected


SHARES = [
    # (lang, noun, what a percentage of it measures): a share of the voters is the turnout
    ("it", "aventi diritto", "turnout"),
    ("it", "elettori", "turnout"),
    ("en", "voters", "turnout"),
    ("en", "eligible voters", "turnout"),
    ("it", "voti", None),          # a share of the votes is a vote share
    ("en", "vote", None),
    ("it", "abitanti", None),
]


@pytest.mark.parametrize(("lang", "noun", "expected"), SHARES)
def test_share_of_a_concept(lang, noun, expected):
    assert Lexicon.load(lang).read(noun).share == expected


TIME_CUES = [
    # (lang, cue, words, found): the previous time of a recurring event; a provisional count
    ("it", "previous", "delle precedenti politiche", True),
    ("it", "previous", "delle politiche del 2018", False),
    ("en", "previous", "than in the previous election", True),
    ("it", "provisional", "secondo i dati ancora parziali del Viminale", True),
    ("it", "provisional", "con i dati di tutti i comuni", False),
    ("en", "provisional", "the turnout is almost final", True),
    ("en", "provisional", "the final turnout", False),
    # the value a correction replaces ("78 e non 79"); near miss: "invece" contrasts sources
    ("it", "superseded", "i corpi recuperati sono 78 e non", True),
    ("en", "superseded", "the bodies recovered are 78 and not", True),
    ("it", "superseded", "il Centro nazionale parla invece di magnitudo", False),
    # a count as it stands now (its article's higher counts are earlier ones); near miss: an hour
    ("it", "current", "all'appello mancano ora in", True),
    ("it", "current", "sono rimasti in", False),
    # known gap: the elided "un'ora" (an hour) reads as the word "ora" (now); harmless where the
    # cue is read (it only keeps an article's counts as they are), but wrong
    row("it", "current", "per un'ora sono rimasti in", False, xfail="un'ora reads as ora"),
    ("en", "current", "are now missing", True),
    ("en", "current", "for an hour", False),
    # what an unfolding event adds to (a state it put things in, its occurrences, the people sent)
    ("it", "unfolding", "23 i fiumi esondati", True),
    ("it", "unfolding", "le navi in coda sono", True),
    ("it", "unfolding", "oltre 250 frane", True),
    ("it", "unfolding", "25 membri dell'equipaggio", False),
    ("en", "unfolding", "twenty-three rivers burst their banks", True),
    ("en", "unfolding", "369 vessels waited to transit", True),
    ("en", "unfolding", "280 landslides", True),
    ("en", "unfolding", "25 crew members", False),
    # a capacity: what a thing can hold, not what it holds
    ("it", "capacity_before", "la nave può trasportare", True),
    ("it", "capacity_before", "la nave trasporta", False),
    ("en", "capacity_before", "the ship can carry", True),
    ("en", "capacity_before", "the ship is carrying", False),
    # the stricken zone, named by no place
    ("it", "zone_area", "i 400 italiani presenti nella zona", True),
    ("it", "zone_area", "i 400 italiani presenti in Marocco", False),
    ("en", "zone_area", "the 400 Italians in the affected area", True),
    ("en", "zone_area", "the 400 Italians in Morocco", False),
    # what is added to a stock
    ("it", "added_after", "miliardi di contributi aggiuntivi", True),
    ("it", "added_after", "miliardi di contributi", False),
    ("en", "added_before", "an additional", True),
    ("en", "added_before", "a total of", False),
    # a superlative role among a set of people (ages.by_role): the comparative, the article
    # that makes it one; near miss: another degree
    ("it", "role_youngest", "era il più giovane della squadra", True),
    ("it", "role_oldest", "la vittima più anziana", True),
    ("it", "role_youngest", "la vittima più anziana", False),
    ("it", "role_articles", "la", True),
    ("it", "role_articles", "della", False),
    ("en", "role_youngest", "the youngest of the crew", True),
    ("en", "role_oldest", "the eldest son", True),
    ("en", "role_oldest", "the youngest victim", False),
    ("en", "role_owners", "of", True),
]


@pytest.mark.parametrize(("lang", "cue", "words", "expected"), TIME_CUES)
def test_time_cues(lang, cue, words, expected):
    assert Lexicon.load(lang).cue(cue, words) is expected


def test_a_share_mark_must_be_a_string():
    with pytest.raises(LanguageDataError) as e:
        Lexicon.load("it", {"concept": {"x": {"terms": ["x"], "share": 5}}}, origin="quantities.toml")
    assert e.value.key == "concept.x.share"
SHARED = [
    # (Italian noun, English noun, whether they meet on one interlingual id)
    ("manifestanti", "protesters", True),    # people in the status "participants" in both
    ("carrozze", "passenger cars", True),
    ("colleghi", "colleagues", True),
    ("autovetture", "passenger cars", False),  # near miss: a road's cars are no train's
    ("superficie non boscata", "non-wooded land", True),
    ("superficie boschiva", "wooded area", True),
    ("superficie non boschiva", "woodland", False),
    # a name of two capitalised words or more is one id in every language (heldout6's "Stefano Lo Russo")
    ("Stefano Lo Russo", "Stefano Lo Russo", True),
    ("Fratelli d'Italia", "Fratelli d'Italia", True),
    ("Stefano Lo Russo", "Paolo Damilano", False),   # near misses: another name, one word, no capital
    ("Gualtieri", "Gualtieri", False),   # deliberately: one capitalised word may be a sentence's first ("Turnout")
    ("dati Istat", "dati Istat", False),
]


@pytest.mark.parametrize(("it", "en", "same"), SHARED)
def test_concepts_meet_across_languages(it, en, same):
    a, b = Lexicon.load("it").read(it), Lexicon.load("en").read(en)
    assert (a.shared == b.shared) is same


def test_a_status_concept_is_named_by_its_status():
    for lang, noun in (("it", "partecipanti"), ("en", "marchers"), ("it", "morti"), ("en", "dead")):
        r = Lexicon.load(lang).read(noun)
        assert r.shared == r.status, (lang, noun)


RUNS = [
    # (lang, status, how its count moves over time): the same marks in every pack
    ("it", "dead", "cumulative"), ("en", "dead", "cumulative"),
    ("it", "participants", "once"), ("en", "participants", "once"),
    ("it", "injured", None), ("en", "missing", None),     # near misses: they run both ways
]


@pytest.mark.parametrize(("lang", "status", "expected"), RUNS)
def test_how_a_status_runs(lang, status, expected):
    assert Lexicon.load(lang).runs(status) == expected


SPANS = [
    # (lang, noun, a span of time): keyed like an age, by whose it is
    ("it", "anni", True), ("en", "years", True), ("it", "mesi", True), ("en", "months", True),
    ("it", "giorni", True), ("en", "days", True),
    ("it", "ore di lavoro", False), ("en", "soldiers", False),
]


@pytest.mark.parametrize(("lang", "noun", "expected"), SPANS)
def test_spans_of_time(lang, noun, expected):
    assert Lexicon.load(lang).read(noun).span is expected


def test_complement_and_distance_tables_are_checked():
    for table in ("complement", "distance"):
        with pytest.raises(LanguageDataError) as e:
            Lexicon.load("it", {table: {"around": ["x"]}}, origin="quantities.toml")
        assert e.value.key == table


IDS = FIXTURES / "lexicon_ids.tsv"
MEETS = FIXTURES / "lexicon_meets.tsv"


@pytest.mark.parametrize(("lang", "noun", "expected"), rows(IDS, 3))
def test_news_nouns_name_their_concept(lang, noun, expected):
    """Each term reads as its concept's interlingual id; "-": no concept (a word that only
    shares a stem with a term: «costa», «viaggiava», «Draghi» are no cost, journey, dredger)."""
    reading = Lexicon.load(lang).read(noun)
    assert reading is not None
    assert (reading.shared if reading.known else "-") == expected


@pytest.mark.parametrize(("lang_a", "a", "lang_b", "b", "meet"), rows(MEETS, 5))
def test_figures_meet_only_on_one_concept(lang_a, a, lang_b, b, meet):
    ra, rb = Lexicon.load(lang_a).read(a), Lexicon.load(lang_b).read(b)
    assert (ra.shared == rb.shared) is (meet == "yes")


MEASURED = [
    # (lang, concept id, unit, whether a measure in that unit can be of it)
    ("it", "height", "meter", True),
    ("it", "height", "percent", False),   # «ha raggiunto quota +11,9%»
    ("it", "height", None, False),        # a count is no height
    ("it", "speed limit", "kilometer / hour", True),
    ("it", "speed limit", "day", False),  # «24 giorni oltre il limite»
    ("en", "distance", "nautical_mile", True),
    ("en", "earthquake", "magnitude", True),
    ("en", "earthquake", "kilometer", False),
    ("en", "rainfall", "millimeter", True),
    ("it", "funds", "EUR", True),         # a concept that names no unit nor dimension: any
]


@pytest.mark.parametrize(("lang", "shared", "unit", "expected"), MEASURED)
def test_a_measure_is_of_a_concept_only_in_its_units(lang, shared, unit, expected):
    assert Lexicon.load(lang).measured_in(shared, unit) is expected


def test_a_desk_may_set_how_far_an_inflection_goes():
    assert not Lexicon.load("it").read("sindaco").known   # no «sindacati»
    assert Lexicon.load("it", {"fold": {"tail": 3, "grows": 2}}).read("sindaco").shared == "organisation"


def test_an_exact_concept_is_not_found_by_its_stem():
    lex = Lexicon.load("it", {"concept": {"volo": {"terms": ["voli"], "exact": True}}})
    assert lex.concept("voli") == "volo"
    assert not lex.read("vola").known   # "lo spread vola": the verb, not the flights
    with pytest.raises(LanguageDataError) as e:
        Lexicon.load("it", {"concept": {"x": {"terms": ["x"], "exact": "yes"}}}, origin="quantities.toml")
    assert e.value.key == "concept.x.exact"


def test_the_packs_share_their_ids():
    """Every concept of one pack has its counterpart in the other (known exceptions listed)."""
    it, en = Lexicon.load("it"), Lexicon.load("en")
    assert set(it._ids.values()) - set(en._ids.values()) <= {"military worker"}
    assert set(en._ids.values()) - set(it._ids.values()) <= {"casualties"}
