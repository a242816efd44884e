"""Malformed language data fails when the grammar is built, naming the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from quantities.errors import LanguageDataError
from quantities.extraction.numbers.grammar import grammar
from quantities.extraction.numbers.reader import find
from quantities.lang import HERE, available, load, read

IT = (HERE / "it.toml").read_text(encoding="utf-8")


def pack_from(tmp_path: Path, text: str):
    path = tmp_path / "it.toml"
    path.write_text(text, encoding="utf-8")
    return read(path, "it"), path


def test_bad_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "it.toml"
    path.write_text('code = "it"\n[numbers\n', encoding="utf-8")
    with pytest.raises(LanguageDataError) as e:
        read(path, "it")
    assert e.value.file == str(path) and "not valid TOML" in str(e.value)


@pytest.mark.parametrize(
    "old, new, key, message",
    [
        ('chilometri = "kilometer"', 'chilometri = "kilometerz"', "units.chilometri",
         "unknown pint unit"),
        ('tonnellate = "metric_ton"', "tonnellate = 3", "units.tonnellate", "pint unit name"),
        ("cento = 100", 'cento = "cento"', "numbers.multipliers.cento", "expected a number"),
        ('decimal = ","', "decimal = 1", "numbers.decimal", "non-empty string"),
        ("mila = 1000\nk = 1000", 'mila = 1000\nk = "mille"', "numbers.scales.k", "expected a number"),
        ('decine = [20, 99]', 'decine = [20]', "numbers.vague.decine", "[low, high]"),
        ("min = 1900", 'min = "1900"', "numbers.years.min", "expected an integer"),
        ('magnitudo = "magnitude"', 'magnitudo = "richter"', "units.before.magnitudo",
         "unknown unit"),
        ('about = { low = 0.9, high = 1.1, approx = true }', 'about = { low = "a", high = 1.1 }',
         "numbers.hedge_meanings.about", "must be numbers"),
        ('group = [".", "\'", "’", " ", "\\u00a0", "\\u202f", "\\u2007", "\\u2008", "\\u2009", "\\u200a"]',
             'group = ["..", "x"]',
         "numbers.group", "single characters"),
        ('drop_final_vowel = ["venti",', 'drop_final_vowel = ["ventiz", "venti",',
         "numbers.elision.drop_final_vowel", "not a number word"),
    ],
    ids=["unknown-pint-unit", "unit-not-string", "multiplier-type", "decimal-type", "scale-type",
         "vague-pair", "year-type", "unit-before", "hedge-meaning", "group-chars", "elision"],
)
def test_malformed_data_names_file_and_key(tmp_path: Path, old: str, new: str, key: str,
                                           message: str) -> None:
    assert IT.count(old) == 1, old
    pack, path = pack_from(tmp_path, IT.replace(old, new))
    with pytest.raises(LanguageDataError) as e:
        grammar(pack)
    assert e.value.file == str(path)
    assert e.value.key == key
    assert message in str(e.value)


def test_unknown_hedge_meaning(tmp_path: Path) -> None:
    head = next(line for line in IT.splitlines() if line.startswith("[numbers.hedges]"))
    text = IT.replace(head + "\n", head + '\nmaybe = ["forse"]\n', 1)
    pack, _ = pack_from(tmp_path, text)
    with pytest.raises(LanguageDataError, match="numbers.hedges.maybe"):
        grammar(pack)


def test_a_tmp_pack_works(tmp_path: Path) -> None:
    pack, _ = pack_from(tmp_path, IT.replace('chilometri = "kilometer"', 'chilometri = "mile"'))
    q = find("sono 5 chilometri", pack)[0]
    assert q.unit == "mile" and q.kind == "measure"


@pytest.mark.parametrize("code", available())
def test_shipped_packs_compile(code: str) -> None:
    assert grammar(load(code)) is grammar(load(code))
