"""Ages: whose they are.

An age is keyed by the person it belongs to: the person the claim's noun names (a name:
its first and last words; a noun of people: its concept), else the nearest name or noun of people
right before the figure ("Michael Zanera, 34 anni"). Different people, different figures.
"""

from __future__ import annotations

from quantities.lang.lexicon import Lexicon, Reading
from quantities.reconciliation.clauses import CUE_WINDOW, WORD
from quantities.types import Claim

#: The unit ages are given in: a number after a name and a comma ("Giuseppe Saverio
#: Lombardo, 52") is an age in it.
AGE_UNIT = "year"
#: Above this, a number after a name and a comma is no age.
MAX_AGE = 120
#: The key of an age: of a named person ("age of lombardo": one person) or of a person
#: the article names by a noun ("age of a man": one of the people of that noun).
AGE_OF = "age of "
AGE_OF_A = "age of a "


def is_age(c: Claim, reading: Reading | None, lex: Lexicon) -> bool:
    """Whether a claim states someone's age: read as one, or years of a person the claim's
    noun names ("Giuseppe Saverio Lombardo, 52 anni"), or a number right after a name and
    a comma ("Giuseppe Saverio Lombardo, 52")."""
    q = c.quantity
    if q.kind == "age":
        return True
    if q.kind == "duration" and q.unit == AGE_UNIT:
        return _name(c.noun, reading, lex) is not None or (reading is not None and lex.person(reading))
    if q.kind != "count" or q.unit is not None or q.value is None or not 0 < q.value <= MAX_AGE \
            or q.value != q.value.to_integral_value() or WORD.search(c.text):
        return False
    at = c.context.find(c.text)
    return at > 0 and c.context[:at].rstrip().endswith(",") and _name(c.noun, reading, lex) is not None


def _name(noun: str | None, reading: Reading | None, lex: Lexicon) -> str | None:
    """The folded first and last words of a noun that is a person's name (every content
    word capitalised, no concept of the lexicon), a word the lexicon knows dropped ("Survivor
    Giampiero Parete"): "Giuseppe Saverio Lombardo" → giuseppe lombardo. A father and his son
    share a surname ("Giampiero Parete, 38", "Gianfilippo Parete, 7 anni"): the first name
    keeps them apart."""
    if not noun or (reading is not None and reading.known):
        return None
    words = [w for w in WORD.findall(noun) if w.casefold() not in lex.stopwords]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    names = [w for w in words if not _known(lex, w)] or words
    return " ".join(dict.fromkeys((names[0].casefold(), names[-1].casefold())))


def _known(lex: Lexicon, word: str) -> bool:
    found = lex.read(word)
    return found is not None and found.known


def whose(c: Claim, reading: Reading | None, lex: Lexicon) -> str | None:
    """Whose age a claim gives: the person its noun names (a name, else a noun of people),
    else the nearest name or noun of people right before it."""
    name = _name(c.noun, reading, lex)
    if name is not None:
        return AGE_OF + name
    if reading is not None and lex.person(reading):
        return AGE_OF_A + reading.shared
    return subject(c, lex)


def subject(c: Claim, lex: Lexicon) -> str | None:
    """A name or a noun of people among the four words right before the figure: whose age
    it is ("Michael Zanera, 34 anni", "due ragazzi di 12 e 13 anni"); None when none
    stands that close."""
    at = c.context.find(c.text) if c.text else -1
    found = list(WORD.finditer(c.context, max(0, at - CUE_WINDOW), at)) if at > 0 else []
    words = [m.group() for m in found]
    for n in range(len(words) - 1, max(-1, len(words) - 5), -1):
        w = words[n]
        if w.casefold() in lex.stopwords:
            continue
        if w[:1].isupper():   # the name's run of capitalised words: "Gianfilippo Parete, 7 anni"
            first = n
            while first > 0 and words[first - 1][:1].isupper() and not _known(lex, words[first - 1]) \
                    and c.context[found[first - 1].end():found[first].start()].isspace():
                first -= 1
            return AGE_OF + " ".join(dict.fromkeys((words[first].casefold(), w.casefold())))
        reading = lex.read(w)
        if reading is not None and lex.person(reading):
            return AGE_OF_A + reading.shared
    return None
