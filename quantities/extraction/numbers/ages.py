"""Whether a number is someone's age in years (``[numbers.ages]``): after a verb of age or a
person's word and a link ("ha 45 anni", "una donna di 35 anni", "una di sette anni"), after an
age word ("a woman aged 84"), or its unit left out after an age it pairs with ("una di sette
anni e una di quattro", "two men aged 76 and 86")."""

from __future__ import annotations

from quantities.extraction.numbers.around import WORD, next_word, prev_tokens
from quantities.extraction.numbers.grammar import Grammar
from quantities.extraction.numbers.reading import Reading

#: Above this, a number after a word that gives an age ("aged") is no age.
MAX_AGE = 120
#: How many characters before a pronoun's age a person's word is looked for ("Due bambine, una di sette anni").
PERSON_REACH = 80


def is_age(text: str, r: Reading, word: str, g: Grammar) -> bool:
    """Whether a duration in ``word`` (a unit of ``[numbers.ages] units``) is an age."""
    if word not in g.ages.units:
        return False
    words = [w for _, w in prev_tokens(text, r.start, 4)]
    if words and words[-1] in g.ages.verbs:
        return True
    if len(words) > 1 and words[-1] in g.follow.links and words[-2] in g.ages.pronouns:
        return _person_before(text, r.start, g)  # "Due bambine, una di sette anni"; not "due contratti, uno di tre"
    return bool(words) and words[-1] in g.follow.links and any(w in g.ages.people for w in words[:-1])


def aged(text: str, prev: list[tuple[int, str]], r: Reading, g: Grammar) -> bool:
    """Whether a bare number is an age: after an age word ("a woman aged 84", "aged 22 to 52"), joined to
    such an age with no word after it ("two men aged 76 and 86."; not "a girl aged 9 and 12 other
    children"), or a pronoun's after an age's unit ("una di sette anni e una di quattro,"; not "… e una di
    quattro figlie"). ``prev`` are the words before it."""
    top = r.high if r.value is None else r.value
    if top is None or not 0 < top <= MAX_AGE or not prev:
        return False
    if len(prev) > 3 and prev[-1][1] in g.follow.links and prev[-2][1] in g.ages.pronouns \
            and prev[-3][1] in g.ages.joins and prev[-4][1] in g.ages.units:
        return not next_word(text, r.end).isalpha() and _person_before(text, r.start, g)
    return prev[-1][1] in g.ages.before or (len(prev) > 2 and prev[-1][1] in g.ages.joins and prev[-2][1].isdigit()
                                            and prev[-3][1] in g.ages.before and not next_word(text, r.end).isalpha())


def _person_before(text: str, start: int, g: Grammar) -> bool:
    """Whether a word of the :data:`PERSON_REACH` characters before ``start`` is a person's
    (``[numbers.ages] people``): who the pronoun of an age stands for."""
    return any(w.casefold() in g.ages.people for w in WORD.findall(text, max(0, start - PERSON_REACH), start))
