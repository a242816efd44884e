"""An unknown counted noun read again from the words around it (reconciliation/nounphrases.py):
its status words alone are people of that status; a noun of a kind stays its own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quantities.lang.lexicon import Lexicon
from quantities.reconciliation import nounphrases
from quantities.types import Claim, Quantity, Span


def claim(text: str, noun: str, status: str | None, context: str) -> Claim:
    span = Span(0, len(text))
    q = Quantity(span, text, Decimal(9), Decimal(9), Decimal(9), False, None, None, "count")
    return Claim(doc="a", span=span, text=text, quantity=q, noun=noun, concept=None, attribution=None,
                 modality="reported", sentence=Span(0, len(context)), context=context, status=status)


# lang, figure, noun, claim status, sentence, read as people of the status
STATUS_WORDS = [
    ("it", "nove estratti", "estratti", "rescued", "Undici le persone sopravvissute: i nove estratti vivi dalle macerie", True),
    ("it", "nove estratti vivi", "estratti vivi", "rescued", "Sono nove estratti vivi dall'hotel", True),
    ("en", "nine people alive", "people alive", "rescued", "Rescuers have pulled nine people alive from the hotel", True),
    # near misses: a noun of a kind, a status phrase of another class, a status read elsewhere
    ("it", "14 scafisti arrestati", "scafisti arrestati", "arrested", "Sono 14 scafisti arrestati a Crotone", False),
    ("it", "nove estratti", "estratti", "dead", "i nove estratti morti dalle macerie", False),
    ("it", "nove estratti", "estratti", "rescued", "i nove estratti dal fango sono salvi", False),
    ("en", "nine smugglers alive", "smugglers alive", "rescued", "Police found nine smugglers alive on the boat", False),
]


@pytest.mark.parametrize(("lang", "text", "noun", "status", "context", "people"), STATUS_WORDS)
def test_a_noun_of_status_words_alone_counts_people_of_that_status(lang, text, noun, status, context, people):
    lex = Lexicon.load(lang)
    c = claim(text, noun, status, context)
    read = nounphrases.reread(c, lex.read(noun), lex)
    assert read is not None
    assert read.generic is people
    assert (read.status == status) is people


# lang, noun, a noun of one name it must not meet (None: the noun is read as before)
JOINED = [
    ("it", "Lega e Forza Italia", "Lega"),
    ("it", "Pd e M5s", "Pd"),
    ("en", "Labour and the Greens", "Labour"),
    # near misses: no second name, or no name at all
    ("it", "morti e feriti", None),
    ("it", "Lega", None),
    ("en", "Labour and other parties", None),
]


@pytest.mark.parametrize(("lang", "noun", "one"), JOINED)
def test_two_names_joined_count_both_not_either(lang, noun, one):
    lex = Lexicon.load(lang)
    c = claim("il 10%", noun, None, f"{noun} restano sotto il 10%")
    read = nounphrases.reread(c, lex.read(noun), lex)
    assert read is not None
    if one is None:
        assert read == nounphrases.reread(c, lex.read(noun), lex) and read.concept == lex.read(noun).concept
    else:
        assert read.shared != lex.read(one).shared
