"""Config: found upward, --config wins, every bad key named with its file."""

from pathlib import Path

import pytest
from tables import FIXTURES

from quantities import ConfigError
from quantities.run import config as configuration

FIX = FIXTURES / "config"


@pytest.mark.parametrize(
    "name, fragment",
    [
        ("unknown-key.toml", "unknown-key.toml:2: colour: unknown key"),
        ("bad-fail-on.toml", "fail_on: must be one of error, warning, info, never, not 'sometimes'"),
        ("bad-severity.toml", "severity.value-conflict: must be one of error, warning, info, off"),
        ("ignore-no-reason.toml", "ignore-no-reason.toml:1: ignore[0]: needs a non-empty 'reason'"),
        ("bad-toml.toml", "bad-toml.toml: not valid TOML"),
        ("missing.toml", "missing.toml: no such config file"),
    ],
)
def test_bad_config_names_file_and_key(name, fragment):
    with pytest.raises(ConfigError) as err:
        configuration.load(FIX / name)
    assert fragment in str(err.value)
    assert isinstance(err.value, ValueError)


def test_pyproject_tool_table_is_read():
    cfg = configuration.load(FIX / "pyproject.toml")
    assert cfg.fail_on == "warning"
    assert cfg.severity == {"hedge-drift": "off"}


def test_found_upward_from_a_subfolder(tmp_path):
    (tmp_path / "quantities.toml").write_text('lang = "en"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert configuration.find(deep) == tmp_path / "quantities.toml"
    assert configuration.load(start=str(deep)).lang == "en"


def test_pyproject_without_tool_table_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert configuration.find(tmp_path) != tmp_path / "pyproject.toml"


@pytest.mark.parametrize(
    "include, exclude, path, wanted",
    [
        ((), (), "articoli/a.md", True),
        (("*.md",), (), "articoli/a.md", True),
        (("*.md",), (), "articoli/a.txt", False),
        ((), ("*/bozze/*",), "articoli/bozze/a.md", False),
        ((), ("*/bozze/*",), "articoli/a.md", True),
        # gitignore rules (pathspec): a name without a slash matches at any depth, a
        # trailing slash is a folder, a leading slash anchors, ** spans folders, ! takes back
        ((), ("bozze/",), "articoli/bozze/a.md", False),
        ((), ("bozze/",), "articoli/bozze.md", True),
        ((), ("/bozze",), "articoli/bozze/a.md", True),
        ((), ("/articoli/bozze",), "articoli/bozze/a.md", False),
        ((), ("articoli/**/old/",), "articoli/2024/08/old/a.md", False),
        ((), ("*.md", "!keep.md"), "articoli/keep.md", True),
        ((), ("*.md", "!keep.md"), "articoli/drop.md", False),
        (("articoli/",), (), "altro/a.md", False),
        (("articoli/",), ("*.txt",), "articoli/a.txt", False),
    ],
)
def test_include_exclude_globs(include, exclude, path, wanted):
    cfg = configuration.Config(include=include, exclude=exclude)
    assert cfg.wants(path) is wanted


def test_rules_listed_in_config_are_every_rule_there_is():
    import re

    from quantities.reconciliation.rules import DEFAULT_SEVERITY

    package = Path(configuration.__file__).parent.parent
    tables = {package / "report" / "catalogue.py", package / "run" / "config.py"}  # the lists themselves
    source = "".join(p.read_text() for p in package.rglob("*.py") if p not in tables)
    emitted = set(re.findall(r'"((?:reference|unused)-[a-z]+)"', source))  # the rules the code raises
    assert set(configuration.RULES) == set(DEFAULT_SEVERITY) | emitted


def test_unknown_rule_in_severity_table():
    with pytest.raises(ConfigError, match="severity.value-conflit: unknown rule"):
        configuration.Config.from_mapping({"severity": {"value-conflit": "off"}})


@pytest.mark.parametrize(
    "severity, expected",
    [
        ({}, [("wording-conflict", "error")]),
        ({"wording-conflict": "warning"}, [("wording-conflict", "warning")]),
        ({"wording-conflict": "off"}, []),
        ({"unsourced": "error"}, [("wording-conflict", "error"), ("unsourced", "error")]),
    ],
)
def test_severity_table_reaches_the_reconciler(severity, expected):

    from quantities.run.pipeline import run

    seeds = FIXTURES / "seeds"
    cfg = configuration.Config.from_mapping({"severity": severity})
    report = run([str(seeds)], config=cfg)
    got = [(f.rule, f.severity) for f in report.findings if f.severity != "info"]
    assert sorted(got) == sorted(expected)  # findings are ordered by their first claim


# a config's text, what it sets
LINTER_KEYS = [
    ('select = ["value-conflict", "hedge-drift"]\n', {"select": ("value-conflict", "hedge-drift")}),
    ('ignore_rules = ["update"]\n', {"ignore_rules": ("update",), "ignore": ()}),
    ('ignore-rules = ["update"]\n[[ignore]]\nrule = "unsourced"\nreason = "ok"\n',   # rules off, and a suppression
     {"ignore_rules": ("update",)}),
    ('show = "warning"\n', {"show": "warning"}),
    ('locale = "it"\n', {"locale": "it"}),
    ('locale = "it_IT.UTF-8"\n', {"locale": "it_IT.UTF-8"}),
    ('locale = "C"\n', {"locale": "C"}),
    ('\ufefflang = "en"\n', {"lang": "en"}),   # a byte order mark first (as some editors write it) is read past
    # new words, meanings and homographs in the tables of words; a shipped homograph takes any homograph key
    ('[numbers.words]\nundici = 11\n[numbers.hedge_meanings.roughly]\nlow = 0.8\nhigh = 1.2\n'
     '[numbers.hedges]\nroughly = ["grossomodo"]\n[numbers.homographs.sette]\nnot_before = ["le"]\n'
     '[numbers.homographs.secondo]\nnot_after = ["me"]\n', {"lang": "it"}),
    ("", {"select": (), "ignore_rules": (), "show": "info", "locale": None}),
]


@pytest.mark.parametrize(("text", "expected"), LINTER_KEYS)
def test_linter_keys(tmp_path, text, expected):
    path = tmp_path / "quantities.toml"
    path.write_text(text)
    cfg = configuration.load(path)
    assert {k: getattr(cfg, k) for k in expected} == expected


# a config's rule choice, a rule, whether its findings are kept
SELECTS = [
    ((), (), "hedge-drift", True),
    (("value-conflict",), (), "hedge-drift", False),
    (("value-conflict",), (), "value-conflict", True),
    ((), ("hedge-drift",), "hedge-drift", False),
    (("hedge-drift",), ("hedge-drift",), "hedge-drift", False),   # ignore wins
]


@pytest.mark.parametrize(("select", "ignored", "rule", "kept"), SELECTS)
def test_selects(select, ignored, rule, kept):
    assert configuration.Config(select=select, ignore_rules=ignored).selects(rule) is kept


@pytest.mark.parametrize(
    "text, fragment",
    [
        ('lang = "fr"\n', "quantities.toml:1: lang: no language pack for 'fr'"),
        ('select = ["value-conflcit"]\n', "quantities.toml:1: select: unknown rule 'value-conflcit'"),
        ('ignore_rules = ["nope"]\n', "quantities.toml:1: ignore_rules: unknown rule 'nope'"),
        ('show = "never"\n', "quantities.toml:1: show: must be one of error, warning, info, not 'never'"),
        ('locale = 3\n', "quantities.toml:1: locale: must be a non-empty string"),
        ('fail-on = "warning"\n\n[reconcile]\ndate_window = 3\n', "quantities.toml:4: reconcile.date_window: unknown key (known: "),
        ('[reconcile]\ndate-window-days = "7"\n', "quantities.toml:2: reconcile.date-window-days: must be a whole number"),
        ('[reconcile]\napprox_margin = inf\n', "quantities.toml:2: reconcile.approx_margin: must be a number >= 0, not inf"),
        ('[severity]\nhedge-drift = "loud"\n', "quantities.toml:2: severity.hedge-drift: must be one of"),
        # [numbers] overrides are merged over the shipped pack and checked at once: the
        # error names this file, not quantities/lang/it.toml
        ('[numbers]\nhedges = "oops"\n', "quantities.toml:2: numbers.hedges: expected a table, as in the shipped pack, not str"),
        ('lang = "it"\n\n[numbers.hedges]\nbefore = ["grosso modo"]\n',
         "quantities.toml:4: numbers.hedges.before: no such entry in numbers.hedge_meanings"),
        ('[numbers]\ndecimal = "5"\n', "quantities.toml:2: numbers.decimal: a decimal mark cannot hold digits"),
        ('[numbers.scales]\nk = "mille"\n', "quantities.toml:2: numbers.scales.k: expected a number"),
        # the shape of the shipped pack is kept: no table quietly replaced by a number
        ('[numbers]\nranges = 5\n', "quantities.toml:2: numbers.ranges: expected a table, as in the shipped pack, not int"),
        ('[numbers.hedges]\nabout = "circa"\n', "quantities.toml:2: numbers.hedges.about: expected a list"),
        ('[numbers]\nhedgez = 1\n', "quantities.toml:2: numbers.hedgez: unknown key (known: ages, "),
        # a value the grammar turns into a number must be a finite one (TOML has nan and inf)
        ('[numbers.approximate]\nspread = "x"\n', "quantities.toml:2: numbers.approximate.spread: expected a number"),
        ('[numbers.approximate]\nfraction_article = "no"\n',
         "quantities.toml:2: numbers.approximate.fraction_article: expected true or false"),
        ('[numbers.scales]\nk = nan\n', "quantities.toml:2: numbers.scales.k: expected a number"),
        ('[numbers.ordinals.words]\nsettimo = inf\n', "quantities.toml:2: numbers.ordinals.words.settimo: expected a number"),
        # a word of a table cannot be empty or blank: it would match everywhere
        ('[numbers.words]\n"" = 5\n', 'quantities.toml:2: numbers.words."": a word cannot be empty or blank'),
        ('[numbers.words]\n" " = 5\n', 'quantities.toml:2: numbers.words." ": a word cannot be empty or blank'),
        ('[numbers.multipliers]\n"" = 1000\n', 'quantities.toml:2: numbers.multipliers."": a word cannot be'),
        ('[numbers.fractions]\n"" = 0.5\n', 'quantities.toml:2: numbers.fractions."": a word cannot be'),
        ('[numbers.scales]\n"\t" = 1000\n', 'quantities.toml:2: numbers.scales."\\t": a word cannot be'),  # the tab shown escaped
        ('[numbers.vague]\n"" = [10, 90]\n', 'quantities.toml:2: numbers.vague."": a word cannot be'),
        ('[numbers.hedges.after]\n"" = "about"\n', 'quantities.toml:2: numbers.hedges.after."": a word cannot be'),
        ('[numbers.homographs.""]\nnot_before = ["il"]\n', 'quantities.toml:1: numbers.homographs."": a word cannot be'),
        # values the grammar could read but that make no sense, keys nothing reads
        ('[numbers.approximate]\nspread = -5\n',
         "quantities.toml:2: numbers.approximate.spread: expected a number from 0 to under 1, not -5"),
        ('[numbers.approximate]\nspread = 1\n', "quantities.toml:2: numbers.approximate.spread: expected a number from"),
        # '-' and '_' are one key: spelt both ways is set twice (which one wins is no one's guess)
        ('fail-on = "info"\nfail_on = "error"\n',
         "quantities.toml:2: fail_on: set twice, as 'fail-on' and 'fail_on' ('-' and '_' are one key)"),
        ('[reconcile]\nvague-stretch = 2\nvague_stretch = 3\n',
         "quantities.toml:3: reconcile.vague_stretch: set twice, as 'vague-stretch' and 'vague_stretch'"),
        # a number word's value stays where a figure can hold it: no 0 or -1 scale, none past 10^15
        ('[numbers.multipliers]\nzilione = 1e28\n',
         "quantities.toml:2: numbers.multipliers.zilione: expected a number from 2 to 10^15 (a scale multiplies), not 1e+28"),
        ('[numbers.multipliers]\nzilione = 1_000_000_000_000_001_000\n', "numbers.multipliers.zilione: expected a number from 2"),
        ('[numbers.multipliers]\nneg = -1\n', "quantities.toml:2: numbers.multipliers.neg: expected a number from 2 to"),
        ('[numbers.multipliers]\nnulla = 0\n', "quantities.toml:2: numbers.multipliers.nulla: expected a number from 2 to"),
        ('[numbers.multipliers]\nuno = 1\n', "quantities.toml:2: numbers.multipliers.uno: expected a number from 2 to"),
        ('[numbers.words]\nmeno = -3\n', "quantities.toml:2: numbers.words.meno: expected a number from 0 to 10^15, not -3"),
        ('[numbers.words]\ntroppi = 1e16\n', "quantities.toml:2: numbers.words.troppi: expected a number from 0 to 10^15"),
        ('[numbers.fractions]\nintero = 1\n', "quantities.toml:2: numbers.fractions.intero: expected a number above 0 and below 1"),
        ('[numbers.fractions]\nniente = 0\n', "quantities.toml:2: numbers.fractions.niente: expected a number above 0 and"),
        ('[numbers.hedge_meanings]\nabout = {low=2, high=1, approx=true}\n',
         "quantities.toml:2: numbers.hedge_meanings.about: low (2) is above high (1)"),
        ('[numbers.hedge_meanings.about]\nlow = 0.9\nhigh = 1.1\napprox = "yes"\n',
         "quantities.toml:4: numbers.hedge_meanings.about.approx: expected true or false"),
        ('[numbers.hedge_meanings.about]\nlow = 0.9\nhigh = 1.1\nloww = 0.8\n',
         "quantities.toml:4: numbers.hedge_meanings.about.loww: unknown key (known: approx, high, low)"),
        ('[numbers.hedge_meanings.roughly]\nlow = 0.9\nhigh = 1.1\nloww = 0.8\n',   # a new meaning: the same keys
         "quantities.toml:4: numbers.hedge_meanings.roughly.loww: unknown key (known: approx, high, low)"),
        ('[numbers.years]\nfoo = 1\n', "quantities.toml:2: numbers.years.foo: unknown key (known: before, decade_before, decade_suffixes, earliest, events, "),
        ('[numbers.carry]\nbar = 2\n', "quantities.toml:2: numbers.carry.bar: unknown key (known: after_comma, "),
        ('[numbers.ordinals]\nsufixes = ["esimo"]\n', "quantities.toml:2: numbers.ordinals.sufixes: unknown key"),
        ('[numbers.homographs.sette]\nnot_befor = ["le"]\n',
         "quantities.toml:2: numbers.homographs.sette.not_befor: unknown key (known: need_before, not_after, not_before)"),
        ('locale = "../../../../etc"\n', "quantities.toml:1: locale: not a locale name: '../../../../etc' (a code like"),
        ('locale = "it IT"\n', "quantities.toml:1: locale: not a locale name"),
        ('[numbers.hedge_meanings.about]\nlow = nan\n', "quantities.toml:1: numbers.hedge_meanings.about: low and high must be numbers"),
    ],
)
def test_errors_name_the_line(tmp_path, text, fragment):
    path = tmp_path / "quantities.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        configuration.load(path)
    assert fragment in str(err.value)


def test_keys_take_dashes_or_underscores(tmp_path):
    path = tmp_path / "quantities.toml"
    path.write_text('fail-on = "warning"\n')
    assert configuration.load(path).fail_on == "warning"


def test_numbers_override_in_pyproject_names_it(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "desk"\n\n[tool.quantities.numbers.scales]\nk = "mille"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:5: numbers.scales.k: expected a number"):
        configuration.load(path)


def test_numbers_override_reaches_extraction(tmp_path):
    from quantities.ingest.documents import from_text
    from quantities.run.pipeline import Toolkit

    path = tmp_path / "quantities.toml"
    path.write_text('[numbers.hedges]\nabout = ["circa", "attorno"]\n')
    text = "Sono arrivati attorno 300 soldati."
    shipped = Toolkit(configuration.Config()).extract(from_text(text, id="a"))
    desk = Toolkit(configuration.load(path)).extract(from_text(text, id="a"))
    assert [c.quantity.hedge for c in shipped] == [None]
    assert [(c.text, c.quantity.hedge) for c in desk] == [("attorno 300 soldati", "attorno")]


def test_numbers_override_on_another_language_names_the_config(tmp_path):
    """A config checked against its own language may still break another pack's grammar
    when a document in that language comes: the error names the config, not the pack."""
    from quantities.ingest.documents import from_text
    from quantities.run.pipeline import Toolkit

    cfg = configuration.Config(file=str(tmp_path / "desk.toml"), numbers={"hedges": {"before": ["x"]}})
    with pytest.raises(ConfigError, match=r"desk.toml: numbers.hedges.before: .* over the en pack"):
        Toolkit(cfg).extract(from_text("About 300 soldiers.", id="a", lang="en"))


# [lexicon] and [sources] are read when a run first needs them: their errors name the line too
BUILT_ERRORS = [
    ('[lexicon.concept.b]\nterms = ["bombardamento aereo"]\n[lexicon.concept.a]\nterms = ["ccc"]\n', "lexicon",
     "quantities.toml:3: lexicon.concept.a: the concept's name 'a' has no content word"),
    ('[lexicon.concept.zzz]\nterms = ["ccc", "il"]\n', "lexicon", "quantities.toml:2: lexicon.concept.zzz.terms: term 'il'"),
    ('\n[lexicon.concept.x]\nterms = 5\n', "lexicon",
     "quantities.toml:3: lexicon.concept.x.terms: expected a list of non-empty strings"),
    ('lang = "it"\n\n[sources."Kcna"]\naliases = 5\n', "sources",
     "quantities.toml:3: sources.Kcna: aliases must be a list of non-empty strings"),
    ('lang = "it"\n[sources." "]\naliases = ["x"]\n', "sources",
     'quantities.toml:2: sources." ": a source\'s name cannot be empty or blank'),
    ('[sources.Ansa]\nclass = "agency"\n[sources.Kcna]\nfoo = ["x"]\n', "sources", "quantities.toml:3: sources.Kcna: unknown key 'foo'"),
]


@pytest.mark.parametrize("text, table, fragment", BUILT_ERRORS)
def test_lexicon_and_sources_errors_name_the_line(tmp_path, text, table, fragment):
    from quantities.errors import QuantitiesError
    from quantities.run.toolkit import Toolkit

    path = tmp_path / "quantities.toml"
    path.write_text(text)
    kit = Toolkit(configuration.load(path))
    with pytest.raises(QuantitiesError) as err:
        kit.lexicon() if table == "lexicon" else kit.sources()
    assert fragment in str(err.value)


@pytest.mark.parametrize("text, claims", [
    ("Il debito è di mega giga di euro, e poi 5 morti.", ["5 morti"]),   # 10^30: past a figure, no figure
    ("Il debito è di mega di euro.", ["mega di euro"]),                   # near miss: 10^15 alone is one
])
def test_desk_words_whose_product_is_past_a_figure_give_no_figure(tmp_path, text, claims):
    """Each word within its bounds, their product past the digits a figure holds: no claim and
    no decimal.InvalidOperation traceback (review14)."""
    from quantities import extract
    from quantities.run import config as configuration
    from quantities.run.toolkit import Toolkit

    (tmp_path / "quantities.toml").write_text("[numbers.words]\nmega = 1e15\n[numbers.multipliers]\ngiga = 1e15\n")
    pack = Toolkit(configuration.load(start=str(tmp_path))).pack("it")
    assert [c.text for c in extract(text, lang=pack)] == claims
