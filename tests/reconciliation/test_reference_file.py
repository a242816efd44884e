"""Reference figures files: each bad file fails with file, line and key."""

from decimal import Decimal

import pytest
from tables import FIXTURES

from quantities import ReferenceFileError
from quantities.reconciliation.reference import load

FIX = FIXTURES / "reference"


@pytest.mark.parametrize(
    "name, line, key, fragment",
    [
        ("unknown-key.toml", 5, "figure[0].colour", "unknown key"),
        ("missing-value.toml", 1, "figure[0]", "needs a 'value', or 'low' and/or 'high'"),
        ("low-above-high.toml", 4, "figure[0].low", "low (500) is above high (100)"),
        ("value-not-number.toml", 4, "figure[0].value", "must be a (finite) number"),
        ("duplicate-id.toml", 7, "figure[1].id", "duplicate id 'a'"),
        ("missing-what.toml", 1, "figure[0]", "needs 'what'"),
        ("bad-date.toml", 5, "figure[0].as_of", "must be a date"),
        ("no-figures.toml", 1, "title", "unknown top-level key"),
    ],
)
def test_bad_reference_files(name, line, key, fragment):
    with pytest.raises(ReferenceFileError) as err:
        load(FIX / name)
    e = err.value
    assert (e.file, e.line, e.key) == (str(FIX / name), line, key)
    assert fragment in str(e)


def test_bad_toml_and_missing_file():
    with pytest.raises(ReferenceFileError, match="not valid TOML"):
        load(FIX / "bad-toml.toml")
    with pytest.raises(ReferenceFileError, match="no such reference file"):
        load(FIX / "nope.toml")


def test_good_file_intervals():
    troops, sappers = load(FIX / "good.toml")
    assert (troops.low, troops.high) == (Decimal(13500), Decimal(16500))
    assert troops.source == "South Korea" and troops.as_of.isoformat() == "2025-08-13"
    assert (sappers.low, sappers.high) == (Decimal(1000), Decimal(1000))
    assert troops.line == 2 and sappers.line == 12


# -- checking claims against the reference -------------------------------------------------

from quantities import extract  # noqa: E402
from quantities.reconciliation.reference import check  # noqa: E402

REF = [
    '[[figure]]\nid = "truppe"\nwhat = ["soldati"]\ncontext = ["Russia"]\nvalue = 15000\napprox = true\nsource = "South Korea"\n',
    '[[figure]]\nid = "genieri"\nwhat = ["genieri"]\ncontext = ["Kursk"]\nvalue = 1000\n',
]


@pytest.mark.parametrize(
    "text, rules",
    [
        ("Secondo l'intelligence sudcoreana la Corea del Nord ha inviato in Russia circa 15mila soldati.", []),
        ("Secondo l'intelligence sudcoreana la Corea del Nord ha inviato in Russia 15.200 soldati.", []),
        ("Secondo l'intelligence sudcoreana la Corea del Nord ha inviato in Russia 12.000 soldati.", ["reference-mismatch"]),
        ("Secondo la Kcna la Corea del Nord ha inviato in Russia circa 15mila soldati.", ["reference-source"]),
        ("La Corea del Nord ha inviato in Russia circa 15mila truppe.", []),                   # synonym, no source
        ("La Corea del Nord ha inviato in Cina 12.000 soldati.", []),                          # context differs
        ("La Corea del Nord ha inviato in Russia 12.000 operai.", []),                         # another thing
        ("I media russi hanno riferito che il Nord invierà 1.000 genieri a Kursk.", []),        # a plan, checked
        ("I media russi hanno riferito che il Nord invierà 1.000 ingegneri a Kursk.", ["reference-wording"]),
        ("I media russi hanno riferito che il Nord invierà 1.500 genieri a Kursk.", ["reference-mismatch"]),
        ("In Russia e a Kursk sono arrivati 1.000 genieri tra i 15mila soldati.", []),        # narrower term
        ("Il Nord non ha confermato l'invio di 2.000 genieri a Kursk.", []),                   # denied
    ],
)
@pytest.mark.filterwarnings("ignore:.*matched no claim")  # each row is about one of the two figures
def test_check_rules(tmp_path, text, rules):
    ref = tmp_path / "figures.toml"
    ref.write_text("\n".join(REF), encoding="utf-8")
    assert [f.rule for f in check(extract(text), ref)] == rules


def test_context_stop_words_are_passed_over(tmp_path):
    ref = tmp_path / "figures.toml"
    ref.write_text('[[figure]]\nid = "m"\nwhat = ["morti"]\ncontext = ["terremoto", "Al Haouz"]\nvalue = 300\n')
    claims = extract("Il terremoto nella provincia di Al Haouz ha causato oltre 500 morti.")
    assert [f.rule for f in check(claims, ref)] == ["reference-mismatch"]


def test_a_figure_that_matches_no_claim_is_a_warning(tmp_path):
    from quantities import QuantitiesWarning

    ref = tmp_path / "figures.toml"
    ref.write_text('[[figure]]\nid = "m"\nwhat = ["mortti"]\nvalue = 300\n')
    with pytest.warns(QuantitiesWarning, match=r"figures.toml:1: figure 'm' matched no claim \(what: mortti"):
        assert check(extract("Il terremoto ha causato 300 morti."), ref) == []


TOLL = ('[[figure]]\nid = "morti"\nwhat = ["morti"]\ncontext = ["Ischia"]\nvalue = 10\n\n'
        '[[figure]]\nid = "dispersi"\nwhat = ["dispersi"]\ncontext = ["Ischia"]\nvalue = 3\n')


@pytest.mark.parametrize(
    "text, rules",
    [
        ("A Ischia la frana ha causato 10 morti e 3 dispersi.", []),              # each its own figure
        ("A Ischia la frana ha causato 10 morti; 3 persone sono disperse.", []),
        ("A Ischia le persone disperse sono 3, i morti 10.", []),
        ("A Ischia la frana ha causato 12 morti e 3 dispersi.", ["reference-mismatch"]),
        ("A Ischia la frana ha causato 10 morti e 4 dispersi.", ["reference-mismatch"]),
    ],
)
def test_each_claim_is_checked_against_its_own_figure(tmp_path, text, rules):
    ref = tmp_path / "figures.toml"
    ref.write_text(TOLL, encoding="utf-8")
    assert [f.rule for f in check(extract(text), ref)] == rules
