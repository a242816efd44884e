"""Messages in the reader's language: the catalogs, the choice of language, a whole run in
Italian and in English, and the catalogs inside the built package."""

import gettext
import io
import subprocess
import sys
import zipfile

import pytest
from checkout import tree
from tables import ROOT

from quantities.integrations.cli import main
from quantities.text import i18n

sys.path.insert(0, str(ROOT / "tools"))
import catalogs

SEEDS = ROOT / "fixtures" / "seeds"


def test_every_message_is_translated_and_the_mo_is_current():
    assert catalogs.problems() == []


def test_the_code_has_messages_to_translate():
    found = catalogs.messages()
    assert ("Findings", None) in found and ("{n} error", "{n} errors") in found


# config locale, environment, documents' language → the messages' language
CHOICES = [
    (None, {"LANG": "it_IT.UTF-8"}, "en", "it"),
    (None, {"LANG": "en_US.UTF-8"}, "it", "en"),
    (None, {"LANG": "C"}, "it", "en"),
    (None, {"LANG": "C.UTF-8"}, "it", "en"),
    (None, {"LANG": "POSIX"}, "it", "en"),
    (None, {"LC_MESSAGES": "it_IT", "LANG": "en_US"}, "en", "it"),      # LC_MESSAGES over LANG
    (None, {"LC_ALL": "en_GB", "LC_MESSAGES": "it_IT"}, "it", "en"),    # LC_ALL over both
    (None, {"LANG": ""}, "it", "it"),                                   # empty is unset
    (None, {}, "it", "it"),                                             # the documents' language
    (None, {}, None, "en"),
    ("it", {"LANG": "C"}, "en", "it"),                                  # the config wins
    ("en", {"LANG": "it_IT.UTF-8"}, "it", "en"),
    ("it_IT.UTF-8", {"LANG": "C"}, "en", "it"),                         # a locale name in the config
]


@pytest.mark.parametrize(("configured", "environ", "documents", "expected"), CHOICES)
def test_language_choice(configured, environ, documents, expected):
    assert i18n.choose(configured, environ, documents) == expected


# language, message, expected
TRANSLATIONS = [
    ("it", "Findings", "Segnalazioni"),
    ("en", "Findings", "Findings"),
    ("de", "Findings", "Findings"),        # no catalog: the English ids
    ("it", "no such file or directory", "file o cartella inesistente"),
]


@pytest.mark.parametrize(("code", "message", "expected"), TRANSLATIONS)
def test_translations(code, message, expected):
    with i18n.use(code):
        assert i18n._(message) == expected
    assert i18n._(message) == message  # the library speaks English outside


@pytest.mark.parametrize(("n", "expected"), [(0, "0 errori"), (1, "1 errore"), (2, "2 errori")])
def test_plural_forms(n, expected):
    with i18n.use("it"):
        assert i18n.ngettext("{n} error", "{n} errors", n).format(n=n) == expected


def _run(capsys, monkeypatch, lang, *argv):
    monkeypatch.setenv("LANG", lang)
    code = main([str(a) for a in argv])
    return code, *capsys.readouterr()


# what an Italian and an English run on the seeds print (summary, headers, severities, modality)
SEEDS_SPEAK = [
    ("it_IT.UTF-8", ["5 documenti, ", " dati, ", " cifre (", " con segnalazioni): 1 errore, 0 avvisi, ",
                     "Segnalazioni", "gravità", "regola", "dove", "formulazione", "fonte", "errore ",
                     "previsto", "(conteggio)"]),
    ("C", ["5 documents, ", " claims, ", " figures (", " with findings): 1 error, 0 warnings, ",
           "Findings", "severity", "rule", "where", "wording", "source", "error ", "planned", "(count)"]),
]


@pytest.mark.parametrize(("lang", "expected"), SEEDS_SPEAK)
def test_a_run_on_the_seeds_speaks_the_language(capsys, monkeypatch, lang, expected):
    code, out, err = _run(capsys, monkeypatch, lang, "report", SEEDS)
    assert code == 1
    for text in expected:
        assert text in out


@pytest.mark.parametrize(("lang", "said", "unsaid"), [
    ("it_IT.UTF-8", ["scrive «1.000 ingegneri»", "militari del genio", "dà la cifra senza fonte"], [" says ", "credits"]),
    ("C", ["says “1.000 ingegneri”", "military engineers", "states the figure with no source"], [" scrive ", "genio"]),
])
def test_findings_messages_speak_the_language(capsys, monkeypatch, lang, said, unsaid):
    """The reconciler's sentences and the lexicon's notes follow the messages' language."""
    code, out, err = _run(capsys, monkeypatch, lang, "report", SEEDS)
    for text in said:
        assert text in " ".join(out.split()), text
    for text in unsaid:
        assert text not in out


# language, argv, what stderr says
ERRORS_SPEAK = [
    ("it_IT.UTF-8", ["report", "nowhere.md"], "quantities: errore: nowhere.md: file o cartella inesistente"),
    ("C", ["report", "nowhere.md"], "quantities: error: nowhere.md: no such file or directory"),
    ("it_IT.UTF-8", ["report", SEEDS, "--config", ROOT / "fixtures" / "config" / "unknown-key.toml"],
     "colour: chiave sconosciuta"),
    ("it_IT.UTF-8", ["report", ROOT / "fixtures" / "documents" / "bad" / "broken_yaml.md"],
     "broken_yaml.md:4: il front matter non è YAML valido"),
    ("it_IT.UTF-8", ["rules", "nope"], "regola sconosciuta 'nope'"),
    ("it_IT.UTF-8", ["report", SEEDS, "--jobs", "x"], "non è un numero intero: 'x' (vedi 'quantities report --help')"),
    ("it_IT.UTF-8", ["report", SEEDS, "--jobs", "0"], "deve essere almeno 1"),
    ("C", ["report", SEEDS, "--jobs", "x"], "not a whole number: 'x' (see 'quantities report --help')"),
    ("it_IT.UTF-8", ["report", SEEDS, "--bogus"], "argomenti non riconosciuti: --bogus"),
    ("it_IT.UTF-8", ["report", SEEDS, "--config", ROOT / "fixtures" / "config" / "bad-reconcile.toml"],
     "reconcile.event_days: deve essere un numero intero >= 0, non -1"),
    ("it_IT.UTF-8", ["report", SEEDS, "--config", ROOT / "fixtures" / "config" / "bad-locale.toml"],
     "locale: nessun messaggio in 'fr' (disponibili: en, it)"),
    ("C", ["report", SEEDS, "--config", ROOT / "fixtures" / "config" / "bad-locale.toml"],
     "locale: no messages in 'fr' (available: en, it)"),
    ("it_IT.UTF-8", ["check", SEEDS, "--reference", ROOT / "fixtures" / "config" / "nowhere.toml"],
     "file di riferimento inesistente"),
    # a pack value in a config: the number expected, in the reader's language (numbers16)
    ("it_IT.UTF-8", ["report", SEEDS, "--config", ROOT / "fixtures" / "config" / "bad-number-word.toml"],
     "numbers.words.meno: atteso un numero da 0 a 10^15, non -3"),
    ("C", ["report", SEEDS, "--config", ROOT / "fixtures" / "config" / "bad-number-word.toml"],
     "numbers.words.meno: expected a number from 0 to 10^15, not -3"),
    ("it_IT.UTF-8", ["report", SEEDS, "--config", ROOT / "fixtures" / "config" / "bad-number-value.toml"],
     "numbers.approximate.spread: atteso un numero"),
]


# language, rule: `quantities rules NAME` explains it in the reader's language
RULES_SPEAK = [
    ("it_IT.UTF-8", "update", "Una cifra che cambia nel tempo"),
    ("it_IT.UTF-8", "update", "a (10 set): 820 morti"),
    ("it_IT.UTF-8", "headline-body", "il titolo dà una cifra e il testo un'altra"),
    ("C", "update", "A running figure that moves with time"),
]


@pytest.mark.parametrize(("lang", "name", "says"), RULES_SPEAK)
def test_rules_speak_the_language(capsys, monkeypatch, lang, name, says):
    code, out, err = _run(capsys, monkeypatch, lang, "rules", name)
    assert code == 0 and says in " ".join(out.split())


def test_every_rule_summary_is_translated():
    from quantities.report.catalogue import rule_table, summary

    with i18n.use("it"):
        untranslated = [r.name for r in rule_table() if summary(r) == r.summary]
    assert untranslated == []


@pytest.mark.parametrize(("lang", "argv", "says"), ERRORS_SPEAK)
def test_errors_speak_the_language(capsys, monkeypatch, lang, argv, says):
    code, out, err = _run(capsys, monkeypatch, lang, *argv)
    assert code == 2 and says in err and "Traceback" not in err


@pytest.mark.parametrize(("lang", "page", "finding"), [
    ("it_IT.UTF-8", '<html lang="it">', "scrive «1.000 ingegneri»"),
    ("C", '<html lang="en">', "says \u201c1.000 ingegneri\u201d"),        # Italian articles, English desk
    ("fr_FR.UTF-8", '<html lang="en">', "says \u201c1.000 ingegneri\u201d"),  # no catalog: English, both
])
def test_the_html_page_speaks_the_findings_language(capsys, monkeypatch, tmp_path, lang, page, finding):
    out = tmp_path / "report.html"
    _run(capsys, monkeypatch, lang, "report", SEEDS, "--format", "html", "--output", out)
    html = " ".join(out.read_text(encoding="utf-8").split())
    assert page in html and finding in html


def test_config_locale_wins_over_lang(capsys, monkeypatch, tmp_path):
    (tmp_path / "quantities.toml").write_text('locale = "it"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, monkeypatch, "C", "report", SEEDS)
    assert "Segnalazioni" in out


def test_without_a_locale_the_documents_language_is_spoken(capsys, monkeypatch):
    monkeypatch.delenv("LANG")
    main(["report", str(SEEDS)])
    out = capsys.readouterr().out
    assert "Segnalazioni" in out  # the seeds are Italian (config lang it)


def test_the_built_package_ships_the_catalogs(tmp_path):
    """What `pip install .` installs from a fresh checkout has the compiled catalogs."""
    src = tree(tmp_path / "checkout")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                            str(src)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        mo = z.read("quantities/locale/it/LC_MESSAGES/quantities.mo")
    assert gettext.GNUTranslations(io.BytesIO(mo)).gettext("Findings") == "Segnalazioni"


@pytest.mark.parametrize(("lang", "says"), [("it_IT.UTF-8", "confronta tutto, segnala solo"),
                                             ("C", "reconcile everything, report only")])
def test_help_speaks_the_language(capsys, monkeypatch, lang, says):
    code, out, err = _run(capsys, monkeypatch, lang, "report", "--help")
    assert code == 0 and says in out
