"""Ages: whose they are.

An age is keyed by the person it belongs to: the person the claim's noun names (a name:
its first and last word; a noun of people: its concept), else the nearest name or noun of
people right before the figure ("Michael Zanera, 34 anni"); a surname alone is the one full
name of the article (else of all) that ends with it; a role ("il più giovane") is the person
its article ties it to. Different people, different figures.
"""

from __future__ import annotations

import unicodedata

from quantities.cache import compiled
from quantities.lang.lexicon import Lexicon, Reading
from quantities.reconciliation.clauses import CLAUSE, CUE_WINDOW, WORD
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
#: Numbers, words and commas: the tokens of a list of figures ("di 12, 13 e 16 anni").
TOKEN = compiled(r"\d+|[^\W\d_]+|,")


def is_age(c: Claim, reading: Reading | None, lex: Lexicon) -> bool:
    """Whether a claim states someone's age: read as one, or years of a person the claim's
    noun names ("Giuseppe Saverio Lombardo, 52 anni"), or a number right after a name and
    a comma ("Giuseppe Saverio Lombardo, 52")."""
    q = c.quantity
    if q.kind == "age":
        return True
    if q.kind == "duration" and q.unit == AGE_UNIT:
        return bool(_people(c.noun, reading, lex)) or (reading is not None and lex.person(reading))
    if q.kind != "count" or q.unit is not None or q.value is None or not 0 < q.value <= MAX_AGE \
            or q.value != q.value.to_integral_value() or WORD.search(c.text):
        return False
    at = c.context.find(c.text)
    return at > 0 and c.context[:at].rstrip().endswith(",") and bool(_people(c.noun, reading, lex))


def maybe_age(c: Claim) -> bool:
    """Whether a claim a role may own is an age: one, or a span in years, or a whole number
    no one is older than ("the youngest victim, aged just 29")."""
    q = c.quantity
    if q.kind in ("age", "duration"):
        return q.unit == AGE_UNIT
    return q.kind == "count" and q.unit is None and q.value is not None and 0 < q.value <= MAX_AGE \
        and q.value == q.value.to_integral_value()


def _people(noun: str | None, reading: Reading | None, lex: Lexicon) -> list[str]:
    """The people a noun names, each as :func:`person`: a name (every content word
    capitalised, no concept of the lexicon: "Giuseppe Saverio Lombardo"), names coordinated
    ("Manuele e Camilla Bellasio": two people, the first name alone sharing the surname after
    it), or full names ending a noun or its parts ("uccise Anna De Felice", "il piccolo Mattia
    Luconi e Brunella Chiù"), or one name right after a word of kin or people ("la sorella Giulia"); []
    when it names none. A
    father and his son share a surname ("Giampiero Parete, 38", "Gianfilippo Parete, 7
    anni"): the first name keeps them apart."""
    if not noun:
        return []
    parts: list[list[str]] = [[]]
    for w in WORD.findall(noun):
        if lex.conjunction(w):
            parts.append([])
        elif w.casefold() not in lex.stopwords or w[:1].isupper():
            parts[-1].append(w)
    # a word the lexicon knows is no part of a name ("Survivor Giampiero Parete")
    parts = [[w for w in p if not _known(lex, w)] or p for p in parts if p]
    if parts and (reading is None or not reading.known) and all(w[:1].isupper() for p in parts for w in p):
        last = parts[-1]
        return [person(p + last[-1:] if len(p) == 1 and len(last) > 1 and p is not last else p) for p in parts]
    runs = [_trailing_name(p) for p in parts]
    if runs and all(len(r) > 1 for r in runs):
        return [person(r) for r in runs]
    words = WORD.findall(noun)   # "la sorella Giulia", "her sister Giulia": one name after a word of kin or people
    if len(words) > 1 and words[-1][:1].isupper() and not words[-2][:1].isupper() and not _known(lex, words[-1]) \
            and (lex.cue("role_kin", [words[-2].casefold()]) or _of_people(words[-2], lex)):
        return [person(words[-1:])]
    return []


def _trailing_name(words: list[str]) -> list[str]:
    """The run of capitalised words that ends a phrase ("il piccolo Mattia Luconi")."""
    n = len(words)
    while n > 0 and words[n - 1][:1].isupper():
        n -= 1
    return words[n:]


def person(words: list[str]) -> str:
    """A person's key: the first and last word of the name, folded, accents off ("Giuseppe
    Saverio Lombardo" → giuseppe lombardo; "Laganà" → lagana); a lone word alone."""
    ends = (unicodedata.normalize("NFKD", w.casefold()).encode("ascii", "ignore").decode() or w.casefold()
            for w in words[:1] + words[1:][-1:])
    return " ".join(dict.fromkeys(ends))


def _known(lex: Lexicon, word: str) -> bool:
    found = lex.read(word)
    return found is not None and found.known


def whose(c: Claim, reading: Reading | None, lex: Lexicon) -> str | None:
    """Whose age a claim gives: the person its noun names (of several, the one at the
    figure's place in its list, "di 12 e 16 anni", else the nearest), else a noun of people,
    else the nearest name or noun of people right before it."""
    people = _people(c.noun, reading, lex)
    if people:
        k, n = _place_in_list(c, lex)
        if n == len(people):
            return AGE_OF + people[k]
        return AGE_OF + people[-1] if n == 1 else None
    named = _named_after(c)
    if named is not None:
        return AGE_OF + named
    if reading is not None and lex.person(reading):
        return AGE_OF_A + reading.shared
    return subject(c, lex)


def _named_after(c: Claim) -> str | None:
    """The full name right after an age ("la quindicenne Anna De Felice"), no comma between:
    its person; a lone capitalised word there is no name ("a 34-year-old Syrian")."""
    at = c.context.find(c.text) if c.text else -1
    if at < 0:
        return None
    rest = c.context[at + len(c.text):]
    clause = CLAUSE.split(rest, maxsplit=1)[0][:CUE_WINDOW]
    if clause[:1] not in (" ", ""):
        return None
    run = []
    for w in WORD.findall(clause):
        if not w[:1].isupper():
            break
        run.append(w)
    return person(run) if len(run) > 1 else None


def _place_in_list(c: Claim, lex: Lexicon) -> tuple[int, int]:
    """The figure's place (from 0) in the list of numbers it stands in, and the list's
    length: "di 12 e 16 anni" → (1, 2) for 16; (0, 1) for a figure alone."""
    at = c.context.find(c.text) if c.text else -1
    if at < 0:
        return 0, 1
    before = TOKEN.findall(c.context[max(0, at - CUE_WINDOW):at])
    after = TOKEN.findall(c.context[at + len(c.text):at + len(c.text) + CUE_WINDOW])
    k = 0
    while len(before) >= 2 * k + 2 and _joins(before[-2 * k - 1], lex) and before[-2 * k - 2].isdigit():
        k += 1
    n = k + 1
    while len(after) >= 2 * (n - k) and _joins(after[2 * (n - k) - 2], lex) and after[2 * (n - k) - 1].isdigit():
        n += 1
    return k, n


def _joins(token: str, lex: Lexicon) -> bool:
    return token == "," or lex.conjunction(token)


def subject(c: Claim, lex: Lexicon) -> str | None:
    """A name or a noun of people among the four words right before the figure: whose age
    it is ("Michael Zanera, 34 anni": the name's run of capitalised words, "due ragazzi di 12
    e 13 anni"); None when none stands that close."""
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
            return AGE_OF + person(words[first:n + 1])
        reading = lex.read(w)
        if reading is not None and lex.person(reading):
            return AGE_OF_A + reading.shared
    return None


def surnames(keys: list[tuple[str, str | None]]) -> dict[int, str]:
    """The full names ages given to a lone word are of: each (document, key) index whose key
    is one word ("Lombardo, 52") → the one full name that word ends (giuseppe lombardo) among
    its document's keys, else among all; none when two people bear it ("Manuele e Camilla
    Bellasio")."""
    in_doc: dict[tuple[str, str], set[str]] = {}
    anywhere: dict[str, set[str]] = {}
    for doc, key in keys:
        if key is not None and not key.startswith(AGE_OF_A) and " " in key[len(AGE_OF):]:
            last = key.rsplit(" ", 1)[1]
            in_doc.setdefault((doc, last), set()).add(key)
            anywhere.setdefault(last, set()).add(key)
    out = {}
    for n, (doc, key) in enumerate(keys):
        if key is None or key.startswith(AGE_OF_A) or not key.startswith(AGE_OF) or " " in key[len(AGE_OF):]:
            continue
        word = key[len(AGE_OF):]
        names = in_doc.get((doc, word)) or anywhere.get(word, set())
        if len(names) == 1:
            out[n] = next(iter(names))
    return out


#: The superlative roles of the lexicon's ``[role]`` table.
ROLES = ("youngest", "oldest")
#: Words at most between a role and its age, in the figure's clause ("la più giovane,
#: «di soli 29 anni»": two).
ROLE_REACH = 3

#: A role: which superlative, and the set of people it is of ("squadra", "vittima"), if said.
Role = tuple[str, str | None]


def by_role(ages: list[tuple[Claim, str | None, Lexicon]]) -> dict[int, str]:
    """Whose ages given to a superlative role are: each claim's index (in ``ages``, the age
    claims with whose age each is, if known) → ``AGE_OF`` a name. A sentence that gives one
    named person's age and one role ties the role to that person ("Kevin Laganà, 22 anni:
    era il più giovane della squadra"); an age of nobody named, given in its clause to a role
    ("la più giovane, «di soli 29 anni»"), is the age of the one person its article ties that
    role to (of the same set, when both say which), else another article, when both name the
    same set ("la vittima più giovane"). Two people tied to a role: nobody."""
    sentences: dict[tuple[str, str], list[int]] = {}
    for n, (c, _, _) in enumerate(ages):
        sentences.setdefault((c.doc, c.context), []).append(n)
    ties: dict[str, list[tuple[Role, str]]] = {}
    for (doc, context), members in sentences.items():
        c, who, lex = ages[members[0]]
        if len(members) != 1 or who is None or who.startswith(AGE_OF_A):
            continue
        found = [r for clause in _clauses(context) if (r := _role(clause, lex)) is not None]
        if len(found) == 1:
            ties.setdefault(doc, []).append((found[0][0], who))
    everywhere = [tie for doc_ties in ties.values() for tie in doc_ties]
    out = {}
    for n, (c, who, lex) in enumerate(ages):
        # a span of something else ("di 30 anni di servizio") is no one's age
        if not (who.startswith(AGE_OF_A) if who is not None else c.noun is None) or not everywhere \
                or (wanted := _role_before(c, lex)) is None:
            continue
        names = {name for (kind, group), name in ties.get(c.doc, ())
                 if kind == wanted[0] and (group is None or wanted[1] is None or group == wanted[1])}
        if not names and wanted[1] is not None:   # another article's tie: only of the set both name
            names = {name for role, name in everywhere if role == wanted}
        if len(names) == 1:
            out[n] = names.pop()
    return out


def _clauses(text: str) -> list[list[str]]:
    """The casefolded words of each clause of ``text`` (commas, colons, quotes, dashes end one)."""
    return [words for piece in CLAUSE.split(text) if (words := [w.casefold() for w in WORD.findall(piece)])]


def _role(words: list[str], lex: Lexicon) -> tuple[Role, int] | None:
    """The superlative role in a clause's words and where it ends: a comparative after an
    article ("il più giovane"), or after an article and the noun of the set ("la vittima più
    giovane"), with no noun of people before it nor a word that makes it another's right
    before it ("the mother of the youngest victim": the mother's); else None."""
    for kind in ROLES:
        at = lex.cue_at(f"role_{kind}", words)
        if at is None:
            continue
        start, end = at
        if start >= 1 and lex.cue("role_articles", words[start - 1:start]):
            opened, group = start - 1, _set_of(words[end:end + ROLE_REACH], lex, linked=True)
        elif start >= 2 and lex.cue("role_articles", words[start - 2:start - 1]) \
                and words[start - 1] not in lex.stopwords:
            opened, group = start - 2, _set_of(words[start - 1:start], lex)
        else:
            continue
        if any(_of_people(w, lex) for w in words[:opened]) or lex.cue("role_owners", words[opened - 1:opened]):
            return None
        return (kind, group), end
    return None


def _role_before(c: Claim, lex: Lexicon) -> Role | None:
    """The role an age is given to in its clause: right before the figure, or ending the
    clause before it, with at most ``ROLE_REACH`` words between and the last of them (if
    any) one of the role's links ("la più giovane, «di soli 29 anni»", "il più anziano aveva
    60 anni"; not "il più anziano, da 30 anni in azienda")."""
    at = c.context.find(c.text) if c.text else -1
    if at <= 0:
        return None
    clauses = _clauses(c.context[:at])[-2:]
    for k in range(len(clauses) - 1, -1, -1):
        found = _role(clauses[k], lex)
        if found is None:
            continue
        between = clauses[k][found[1]:] + [w for later in clauses[k + 1:] for w in later]
        if len(between) <= ROLE_REACH and (not between or lex.cue("role_links", between[-2:])):
            return found[0]
        return None
    return None


def _set_of(words: list[str], lex: Lexicon, linked: bool = False) -> str | None:
    """The set a role is of: the first word that is no stopword, read by the lexicon (its
    interlingual id, else its stem). After the role (``linked``) a word is its set only past
    a link ("della squadra", "of the crew") or when the lexicon knows it ("the youngest
    victim"; not "il più giovane morì")."""
    for n, w in enumerate(words):
        if w not in lex.stopwords:
            reading = lex.read(w)
            if reading is None or (linked and n == 0 and not reading.known):
                return None
            return reading.shared or reading.concept
    return None


def _of_people(word: str, lex: Lexicon) -> bool:
    reading = lex.read(word)
    return reading is not None and reading.known and lex.person(reading)
