"""Whose age a figure is: the subject of a verb of age ("Si chiamava Giuseppe Saverio Lombardo e
aveva 53 anni", "I sette bambini coinvolti hanno tra i 2 e gli 8 anni"), or the phrase an age
stands in apposition to ("Seven children, aged between 2 and 8", "un uomo e una donna, entrambi
di 94 anni"), or the noun a pronoun stands for ("… e una di quattro")."""

from __future__ import annotations

from quantities.extraction.nouns.grammar import Grammar, NounPhrase
from quantities.extraction.nouns.left import ASIDE, _name, _past_aside, _run_start, _subject
from quantities.text.tokens import Tokens, surface
from quantities.types import Span

#: How many words before an age its age word may stand ("di età compresa | tra i 67 e i 72 anni").
MARKER_REACH = 3


def age_subject(text: str, left: Tokens, g: Grammar, antecedent: NounPhrase | None) -> NounPhrase | None:
    """Whose age a figure is, given the tokens before it: after a verb of age (``[nouns]
    age_copulas``), its subject, a name or a noun phrase, past a coordinator or an aside ("l'uomo, non
    ancora identificato, dovrebbe avere 77 anni", "The victims, all employed by a contractor, were aged
    between 22 and 52"); after a comma, an age word or a link, and a pronoun (``[numbers.ages]
    pronouns``), the phrase before the comma, or the ``antecedent`` the pronoun stands for."""
    k = len(left.lows)
    while k > 0 and len(left.lows) - k < 2 and left.lows[k - 1] in g.fillers:
        k -= 1
    if (apposed := _apposed(text, left, k, g, antecedent)) is not None:
        return apposed
    verb = next((len(v) for v in g.age_copulas if tuple(left.lows[max(0, k - len(v)):k]) == v), 0)
    if not verb:
        return None
    k -= verb
    if k > 1 and left.lows[k - 1] == "," and (name := _name(text, left, k - 1, g, least=1)) is not None \
            and name.span is not None and (i := left.index(name.span.start)) > 0 and left.lows[i - 1] == "," \
            and "," not in left.lows[:i - 1]:
        return name  # "Il paziente deceduto prima dell'incendio, Emidio Timperi, aveva 76 anni" (not "La
        # donna, moglie di un imprenditore, Luca Verdi, aveva 50 anni": the name of the one she is the wife of)
    k = _past_aside(left, k)
    k -= k > 0 and left.lows[k - 1] in g.conj
    return _whose(text, left, k, g)


def _apposed(text: str, left: Tokens, k: int, g: Grammar, antecedent: NounPhrase | None) -> NounPhrase | None:
    """The phrase an age after ``left[k - 1]`` stands in apposition to: past an age word or a link
    ("aged", "di") and a pronoun, a comma closes it ("Seven children, aged", "entrambi di"); a pronoun
    with no comma before it stands for ``antecedent`` ("una di sette anni e una di quattro"); an age
    word before the figure is looked past ("quattro turiste, di età compresa tra i 67 e i 72 anni")."""
    k = next((j for j in range(k - 1, max(0, k - MARKER_REACH) - 1, -1) if left.lows[j] in g.age_markers), k)
    at = k - (k > 0 and (left.lows[k - 1] in g.age_before or left.lows[k - 1] in g.of))
    pronoun = at > 0 and left.lows[at - 1] in g.age_pronouns
    at -= pronoun
    if at == k or at == 0 or left.lows[at - 1] != ",":
        return antecedent if pronoun and at < k else None
    end = at - 1
    prior = next((j for j in range(end - 1, max(0, end - ASIDE) - 1, -1) if left.lows[j] == ","), None)
    if prior is not None and left.lows[prior + 1] in g.age_pronouns:
        end = prior   # "A man and a woman, both injured, aged 30 and 40": past the aside a pronoun opens
    return _whose(text, left, end, g)


def _joined_phrases(text: str, left: Tokens, end: int, g: Grammar) -> tuple[NounPhrase | None, int]:
    """The noun phrases joined by coordinators that end at ``left[end - 1]``, each opened by a number
    or a function word, and how many ("uomo e donna" of "un uomo e una donna", 2; "bambini coinvolti"
    of "I sette bambini coinvolti", 1), past one complement ("le due bambine in rianimazione"): what a
    subject or an apposition found no article before."""
    words: list[str] = []   # the phrases' words and their coordinators, last first
    first, last = (end, end), left.ends[end - 1] if end else 0
    complement = False
    while True:
        s = _run_start(left, end, g)
        if s == end or not g.can_head(left, end - 1 if g.head_last else s):
            break
        words.append(surface(left.span(s, end).of(text)))
        first = (s, end)
        s -= s > 0 and (g.is_numeral(left.lows[s - 1]) or left.lows[s - 1][:1].isdigit())
        s -= s > 0 and left.lows[s - 1] in g.function and left.lows[s - 1] not in g.prepositions
        if s > 0 and left.lows[s - 1] in g.prepositions:
            if complement or len(words) > 1:
                return None, 0
            complement, end = True, s - 1  # "le due bambine in rianimazione": past one complement
            words.clear()
            last = left.ends[end - 1] if end else 0
            continue
        if s < 2 or left.lows[s - 1] not in g.conj:
            break
        words.append(left.texts[s - 1])
        end = s - 1
    if len(words) % 2 == 0 and words:
        words.pop()  # a coordinator no phrase opens
    if not words:
        return None, 0
    head = left.texts[first[1] - 1 if g.head_last else first[0]]
    return NounPhrase(" ".join(reversed(words)), head, Span(left.starts[first[0]], last)), (len(words) + 1) // 2


def _whose(text: str, left: Tokens, end: int, g: Grammar) -> NounPhrase | None:
    """The subject or the phrase in apposition that ends at ``left[end - 1]``: people coordinated
    ("un uomo e una donna"), a name, a noun phrase, or one a number opens ("Seven children")."""
    listed, runs = _joined_phrases(text, left, end, g)
    if runs > 1:
        return listed
    return _name(text, left, end, g, least=1) or _subject(text, left, end, g) or listed
