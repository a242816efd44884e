"""Properties of numbers.find: numbers written every Italian (and English) way read back to
themselves — integers in digits and in words, negative numbers, fractions — and any text at
all is read without error, with spans inside the text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quantities.extraction.numbers.reader import find, parse
from quantities.lang import load

# An Italian number-word writer, independent of the parser's tables.
UNITS = ["", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci",
         "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette",
         "diciotto", "diciannove"]
TENS = ["", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta",
        "novanta"]


def below_hundred(n: int) -> str:
    if n < 20:
        return UNITS[n]
    tens, unit = divmod(n, 10)
    word = TENS[tens]
    if unit in (1, 8):  # venti+uno -> ventuno, trenta+otto -> trentotto
        word = word[:-1]
    return word + UNITS[unit]


def below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    head = "" if hundreds == 0 else ("cento" if hundreds == 1 else UNITS[hundreds] + "cento")
    if head and rest // 10 == 8:  # cento+ottanta -> centottanta
        head = head[:-1]
    return head + below_hundred(rest)


def italian_words(n: int) -> str:
    """0 <= n < 10**12, in words, as an Italian newspaper writes them."""
    if n == 0:
        return "zero"
    parts = []
    billions, rest = divmod(n, 10**9)
    millions, rest = divmod(rest, 10**6)
    thousands, rest = divmod(rest, 1000)
    if billions:
        parts.append("un miliardo" if billions == 1 else below_thousand(billions) + " miliardi")
    if millions:
        parts.append("un milione" if millions == 1 else below_thousand(millions) + " milioni")
    glued = ""
    if thousands:
        glued = "mille" if thousands == 1 else below_thousand(thousands) + "mila"
    glued += below_thousand(rest)
    if glued:
        parts.append(glued)
    return " ".join(parts)


def italian_digits(n: int, sep: str = ".") -> str:
    return f"{n:,}".replace(",", sep)


integers = st.integers(min_value=0, max_value=10**12 - 1)


@given(integers, st.sampled_from([".", "'", "\u00a0"]))
@settings(max_examples=300, deadline=None)
def test_grouped_digits_read_back(n: int, sep: str) -> None:
    text = f"Sono stati contati {italian_digits(n, sep)} voti."
    q = parse(text)
    assert q is not None and q.value == n and q.low == q.high == n, text


@given(integers, st.sampled_from([" ", "\u202f", "\u2009"]))
@settings(max_examples=300, deadline=None)
def test_space_grouped_digits_read_back(n: int, sep: str) -> None:
    """Digits grouped by blanks read back before their noun; before a full stop, a plain-space
    run of three-digit groups with no group of zeros ("120 340") is numbers apart, the first alone."""
    written = italian_digits(n, sep)
    q = parse(f"Sono stati contati {written} voti.")
    assert q is not None and q.value == n, written
    groups = written.split(sep)
    doubtful = sep == " " and len(groups) > 1 and len(groups[0]) == 3 and "000" not in groups[1:]
    first = find(f"I voti: {written}.")[0]
    assert first.value == (int(groups[0]) if doubtful else n), written


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1000, max_value=999_999))
@settings(max_examples=200, deadline=None)
def test_digits_scale_and_words_read_back(millions: int, rest: int) -> None:
    """ "1 milione e duecentomila": digits at a scale, "e" and a number word below it, one figure."""
    scale = "milione" if millions == 1 else "milioni"
    q = parse(f"sono {millions} {scale} e {italian_words(rest)} persone")
    assert q is not None and q.value == millions * 10**6 + rest


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=9),
       st.sampled_from([("milioni", 10**6), ("miliardi", 10**9)]))
@settings(max_examples=100, deadline=None)
def test_thousands_and_hundreds_before_a_scale_read_back(k: int, hundreds: int, scale: tuple[str, int]) -> None:
    """ "mille e cinquecento miliardi": thousands, "e" and whole hundreds before a larger scale, one figure."""
    word, factor = scale
    thousands = italian_words(k * 1000)
    q = parse(f"sono {thousands} e {below_thousand(hundreds * 100)} {word} di euro")
    assert q is not None and q.value == (k * 1000 + hundreds * 100) * factor


@given(st.integers(min_value=1, max_value=999), st.sampled_from(
    [("mila", 10**3), ("milioni", 10**6), ("miliardi", 10**9)]))
@settings(max_examples=200, deadline=None)
def test_scale_words_read_back(n: int, scale: tuple[str, int]) -> None:
    word, factor = scale
    glue = "" if word == "mila" else " "
    q = parse(f"arrivano {n}{glue}{word} persone")
    assert q is not None and q.value == n * factor


@given(st.integers(min_value=11, max_value=999), st.sampled_from(
    [("milioni", 10**6), ("miliardi", 10**9)]))
@settings(max_examples=200, deadline=None)
def test_decimal_scales_read_back(tenths: int, scale: tuple[str, int]) -> None:
    word, factor = scale
    whole, frac = divmod(tenths, 10)
    text = f"{whole},{frac} {word}" if frac else f"{whole} {word}"
    q = parse(f"sono {text} di abitanti")
    assert q is not None and q.value == Decimal(tenths) * factor / 10


@given(integers.filter(lambda n: n != 1))  # "uno" alone is the singular, no figure (numbers.singletons)
@settings(max_examples=400, deadline=None)
def test_words_read_back(n: int) -> None:
    words = italian_words(n)
    q = parse(f"sono {words} le persone")
    assert q is not None and q.value == n, words
    assert q.text == words


@given(st.integers(min_value=0, max_value=999).filter(lambda n: n != 1).map(italian_words).map(str.capitalize))
@settings(max_examples=100, deadline=None)
def test_capitalised_words_read(words: str) -> None:
    q = parse(f"{words} persone")
    assert q is not None and q.text == words


# An English number-word writer, independent of the parser's tables.
EN_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen"]
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    low = EN_UNITS[rest] if rest < 20 else EN_TENS[tens] + (f"-{EN_UNITS[unit]}" if unit else "")
    head = f"{EN_UNITS[hundreds]} hundred" if hundreds else ""
    return " ".join(p for p in (head, low) if p)


def english_words(n: int) -> str:
    """0 <= n < 10**6, in words: "two hundred thirty-one thousand four hundred five"."""
    if n == 0:
        return "zero"
    thousands, rest = divmod(n, 1000)
    parts = [f"{english_below_thousand(thousands)} thousand"] if thousands else []
    if rest:
        parts.append(english_below_thousand(rest))
    return " ".join(parts)


@given(st.integers(min_value=0, max_value=10**6 - 1).filter(lambda n: n != 1))  # "one" alone: the singular
@settings(max_examples=300, deadline=None)
def test_english_words_read_back(n: int) -> None:
    words = english_words(n)
    q = parse(f"there were {words} people", "en")
    assert q is not None and q.value == n and q.text == words, words


@given(st.integers(min_value=0, max_value=10**12 - 1))
@settings(max_examples=200, deadline=None)
def test_english_grouped_digits_read_back(n: int) -> None:
    q = parse(f"a total of {n:,} votes", "en")
    assert q is not None and q.value == n and q.low == q.high == n


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["-", "\u2212"]),
       st.sampled_from([("it", "."), ("en", ",")]))
@settings(max_examples=200, deadline=None)
def test_negative_numbers_read_back(n: int, minus: str, lang_sep: tuple[str, str]) -> None:
    lang, sep = lang_sep
    text = f"( {minus}{n:,} )".replace(",", sep)
    q = parse(text, lang)
    assert q is not None and q.value == -n and q.low == q.high == -n, text
    assert q.text == f"{minus}{n:,}".replace(",", sep)


DENOMINATORS = {"it": {3: ("terzo", "terzi"), 4: ("quarto", "quarti"), 5: ("quinto", "quinti"),
                       10: ("decimo", "decimi")},
                "en": {3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"),
                       10: ("tenth", "tenths")}}
NUMERATORS = {"it": ["un", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"],
              "en": ["a", "two", "three", "four", "five", "six", "seven", "eight", "nine"]}


@given(st.sampled_from(["it", "en"]), st.sampled_from([3, 4, 5, 10]), st.integers(min_value=1, max_value=9))
@settings(max_examples=100, deadline=None)
def test_fractions_in_words_read_back(lang: str, d: int, n: int) -> None:
    if n > d:
        n = d
    word = DENOMINATORS[lang][d][n > 1]
    text = f"{NUMERATORS[lang][n - 1]} {word}"
    q = parse(f"{text}, ", lang)
    assert q is not None and q.text == text and q.unit == "fraction"
    assert q.value == (Decimal(n) / d).quantize(Decimal("0.0001")), text


@given(st.integers(min_value=2, max_value=999))
@settings(max_examples=100, deadline=None)
def test_one_out_of_n_reads_back(d: int) -> None:
    for text, lang in ((f"uno su {italian_words(d)}", "it"), (f"one in {english_words(d)}", "en")):
        q = parse(f"{text} voters", lang)
        assert q is not None and q.text == text, text
        assert q.value == (Decimal(1) / d).quantize(Decimal("0.0001")), text


@given(st.text(max_size=300))
@settings(max_examples=400, deadline=None)
def test_any_text_is_read_without_error(text: str) -> None:
    for q in find(text):
        assert 0 <= q.span.start <= q.span.end <= len(text)
        assert q.text == text[q.span.start:q.span.end]
        for v in (q.value, q.low, q.high, q.precision):
            assert v is None or v.is_finite()


NUMBERISH = st.text(alphabet="0123456789.,'’ -/:+%°€$ ", max_size=60) | st.lists(
    st.sampled_from(["mila", "milioni", "circa", "oltre", "tra", "e", "tre", "venti", "decine",
                     "di", "il", "l'", "%", "per cento", "euro", "km", "2019", "5.000", "1,5",
                     "alle", "nel", "una", "decina", "-", "o", "sei", "anni"]),
    max_size=20).map(" ".join)


@given(NUMBERISH)
@settings(max_examples=400, deadline=None)
def test_numberish_text_is_read_without_error(text: str) -> None:
    found = find(text)
    for a, b in zip(found, found[1:]):
        assert a.span.end <= b.span.start
    for q in found:
        assert q.text == text[q.span.start:q.span.end]
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        if q.kind == "percent" and q.low is not None and q.value is not None and 0 <= q.value <= 100:
            assert 0 <= q.low <= (q.high if q.high is not None else q.low)  # a share stays in [0, 100]


#: Letters that a case-blind pattern takes for i, s and k but that lower-case to something
#: else ("İ" -> "i̇"): a number word spelled with them is not a number, and never an error.
TWINS = {"i": "İ", "s": "ſ", "k": "\u212a"}


def _pack_words() -> list[str]:
    """Every string in the pack's [numbers] and [units] tables (keys and values)."""
    out: set[str] = set()

    def walk(x: object) -> None:
        if isinstance(x, str):
            out.add(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                out.add(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    pack = load("it")
    walk(pack.get("numbers"))
    walk(pack.get("units"))
    return sorted(w for w in out if w.strip())


WORDS = st.integers(min_value=0, max_value=999_999).map(italian_words) | st.sampled_from(_pack_words())
CONTEXTS = st.sampled_from(["{} persone", "circa 300 {}", "5 {} di euro", "il 15 {}", "{} 300", "300 {} 400"])


@given(WORDS, CONTEXTS, st.booleans(), st.data())
@settings(max_examples=300, deadline=None)
def test_number_words_with_case_twins_never_raise(word: str, context: str, upper: bool,
                                                  data: st.DataObject) -> None:
    word = word.upper() if upper else word
    spots = [i for i, c in enumerate(word) if c.lower() in TWINS]
    chosen = data.draw(st.sets(st.sampled_from(spots), max_size=3)) if spots else set()
    text = context.format("".join(TWINS[c.lower()] if i in chosen else c for i, c in enumerate(word)))
    for q in find(text):
        assert q.text == text[q.span.start:q.span.end]


@pytest.mark.parametrize("text, found", [
    ("SEİ persone e SEI soldati", ["SEI"]),
    ("CENTİNAIA di persone", []),
    ("circa 300 mİla", ["circa 300"]),
])
def test_case_twins_are_not_number_words(text: str, found: list[str]) -> None:
    assert [q.text for q in find(text)] == found


# The cue phrases of the words before a number are made once per list of words (around.py):
# the same list looked up in several tables, after other lists, answers as the rule says —
# the longest run of the last (at most three) words found in the table.
_CUE_WORDS = st.sampled_from(["circa", "oltre", "più", "di", "nel", "alle", "ore", "numero", "x"])


@given(st.lists(st.lists(_CUE_WORDS, max_size=4), min_size=1, max_size=3), st.lists(st.sampled_from(
    ["circa", "più di", "oltre", "nel", "alle ore", "ore", "di", "numero di", "più di circa"]), max_size=4))
@settings(max_examples=300, deadline=None)
def test_cue_phrases_made_once_answer_as_the_rule(lists: list[list[str]], phrases: list[str]) -> None:
    from quantities.extraction.numbers.around import phrase_before
    from quantities.extraction.numbers.grammar import grammar

    g = grammar(load("it"))
    tables = [frozenset(phrases), g.hedges.before, g.years.before, g.times.before, frozenset(phrases[:1])]

    def rule(prev: list[tuple[int, str]], table: object) -> tuple[int, str] | None:
        if not prev or prev[-1][1] not in g.phrase_ends:
            return None
        runs = [(prev[-k][0], " ".join(w for _, w in prev[-k:])) for k in range(min(3, len(prev)), 0, -1)]
        return next((run for run in runs if run[1] in table), None)  # type: ignore[operator]

    for words in lists:
        prev = [(i * 10, w) for i, w in enumerate(words)]
        assert [phrase_before(prev, t, g) for t in tables] == [rule(prev, t) for t in tables]


# A run of over OPAQUE_RUN characters with no blank holds no figure (nonclaims.opaque_end): it
# is told by the lengths of the run on each side of the match, as a search for such a run
# around the match start tells it (the rule as first written: one pattern, \S{65}).
_RUN_TEXT = st.text(st.sampled_from(["a", "5", "-", "€", ".", " ", "\n", "\x1c", "\u00a0", "\u3000"]), max_size=300)


@given(_RUN_TEXT, st.data())
@settings(max_examples=400, deadline=None)
def test_a_long_run_is_told_as_the_search_for_it_tells_it(text: str, data: st.DataObject) -> None:
    import re

    from quantities.extraction.numbers.nonclaims import OPAQUE_RUN, opaque_end

    if not text:
        return
    pos = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(pos, min(len(text), pos + 5)))
    run = re.compile(rf"\S{{{OPAQUE_RUN + 1}}}").search(text, max(0, pos - OPAQUE_RUN), pos + OPAQUE_RUN + 1)
    blank = re.compile(r"\s").search(text, run.end()) if run is not None else None
    rule = 0 if run is None else blank.start() if blank is not None else len(text)
    assert opaque_end(text, (pos, end)) == rule
