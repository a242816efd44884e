"""Whether a number is someone's age in years (``[numbers.ages]``): after a verb of age or a
person's word and a link ("ha 45 anni", "una donna di 35 anni", "una di sette anni"), after an
age word ("a woman aged 84"), or its unit left out after an age it pairs with ("una di sette
anni e una di quattro", "two men aged 76 and 86")."""

from __future__ import annotations

from quantities.extraction.numbers.around import WORD, next_word, prev_tokens
from quantities.extraction.numbers.compounds import SECOND_FOLLOW_REACH, follow, second_number
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.patterns import UNIT, norm
from quantities.extraction.numbers.reading import Reading

#: The unit of an age its words do not name ("aged 84").
YEAR = "year"
#: Above this, a number after a word that gives an age ("aged") is no age.
MAX_AGE = 120
#: How far the joiner of a list of ages may reach after its first number, in characters ("9 e 5 anni").
LIST_REACH = 8
#: How many characters before a pronoun's age a person's word is looked for ("Due bambine, una di sette anni").
PERSON_REACH = 80


def is_age(text: str, r: Reading, word: str, end: int, g: Grammar) -> bool:
    """Whether a duration in ``word`` (a unit of ``[numbers.ages] units``, ending at ``end``) is an age."""
    if word not in g.ages.units:
        return False
    words = [w.rstrip(",;:") for _, w in prev_tokens(text, r.start, 4)]
    linked = len(words) - next((k for k in range(len(words), max(0, len(words) - 2), -1)
                                if words[k - 1] not in g.ages.links), max(0, len(words) - 2))
    said = f' {" ".join(words[:len(words) - linked])}'.replace("\u2019", "'")
    if next_word(text, end) in g.ages.after or any(said.endswith(f" {m}") for m in g.ages.markers):
        return True   # "di età compresa tra i 67 e i 72 anni", "all'età di 85 anni", "between 20 and 30 years old"
    while len(words) > 2 and words[-1] in g.ages.joins and words[-2][:1].isdigit():
        words = words[:-2]   # "I due bambini, di 9 e 5 anni": the list's link and person
    if words and words[-1] in g.ages.verbs:
        return True
    if len(words) > 1 and words[-1] in g.follow.links and words[-2] in g.ages.pronouns:
        return _person_before(text, r.start, g)  # "Due bambine, una di sette anni"; not "due contratti, uno di tre"
    return bool(words) and words[-1] in g.follow.links and any(w in g.ages.people for w in words[:-1])


def aged(text: str, prev: list[tuple[int, str]], r: Reading, g: Grammar) -> str | None:
    """The unit of a bare number that is an age (else None): after an age word ("a woman aged 84", "aged 22
    to 52"), joined to such an age with no word after it ("two men aged 76 and 86."; not "a girl aged 9 and 12
    other children"), or a pronoun's after an age's unit ("una di sette anni e una di quattro,"; not "… e una di
    quattro figlie"), or the first of a list of ages after a person's word ("di 9 e 5 anni", "di 3 e 2 mesi":
    its last number's unit). ``prev`` are the words before it."""
    top = r.high if r.value is None else r.value
    if top is None or not 0 < top <= MAX_AGE or not prev:
        return None
    if (listed := _listed(text, prev, r, g)) is not None:
        return listed
    if len(prev) > 3 and prev[-1][1] in g.follow.links and prev[-2][1] in g.ages.pronouns \
            and prev[-3][1] in g.ages.joins and prev[-4][1] in g.ages.units:
        return YEAR if not next_word(text, r.end).isalpha() and _person_before(text, r.start, g) else None
    after = prev[-1][1] in g.ages.before or (len(prev) > 2 and prev[-1][1] in g.ages.joins and prev[-2][1].isdigit()
                                             and prev[-3][1] in g.ages.before and not next_word(text, r.end).isalpha())
    return YEAR if after else None


def _person_before(text: str, start: int, g: Grammar) -> bool:
    """Whether a word of the :data:`PERSON_REACH` characters before ``start`` is a person's
    (``[numbers.ages] people``): who the pronoun of an age stands for."""
    return any(w.casefold() in g.ages.people for w in WORD.findall(text, max(0, start - PERSON_REACH), start))


def _listed(text: str, prev: list[tuple[int, str]], r: Reading, g: Grammar) -> str | None:
    """The unit a list of ages carries on its last number, when a bare number after a person's word and
    a link opens it ("I due bambini, di 9 e 5 anni"; not "una famiglia di 4 e 2 cani")."""
    if prev[-1][1] not in g.follow.links or not any(w.rstrip(",;:") in g.ages.people for _, w in prev[:-1]):
        return None
    joined = g.follow.joined.match(text, r.end, min(len(text), r.end + LIST_REACH))
    second = second_number(text, joined.end(), g) if joined is not None and joined[0].strip() in g.ages.joins else None
    if second is None or second[3] is not None:
        return None
    m = follow(text, second[2], g, SECOND_FOLLOW_REACH)
    word = norm(m[UNIT]) if m is not None and m[UNIT] else ""
    return g.units.words.get(word) if word in g.ages.units else None
