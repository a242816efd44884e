"""What stands beside a figure and tells what it counts, past the words that would hide it: a link
word a hedge took in, a noun predicated of a figure, a currency that is a sum's unit, a conversion
in brackets ("2 miliardi di euro (2,2 miliardi di dollari) per la ricostruzione"), the base of a
ratio ("del Pil"), a word that names a dimension ("lunga 400 metri") (read by :func:`counted`)."""

from __future__ import annotations

from bisect import bisect_left

from quantities.extraction.nouns.grammar import Grammar, NounPhrase
from quantities.lang import Pack
from quantities.lang.lexicon import Lexicon
from quantities.text.tokens import Tokens
from quantities.types import Span

#: The most tokens a conversion in brackets holds ("2,2 miliardi di dollari", "$25.3 billion").
CONVERSION = 6
#: How many words after a copula a predicated state may begin ("restano ricoverati in gravi condizioni").
STATE_REACH = 3


def described(found: NounPhrase, right: Tokens, g: Grammar) -> bool:
    """The word after a copula that follows a figure is a participle or one of the pack's
    adjectives, which describes the figure's people, no noun of them ("hundreds were feared",
    "due sono gravi"); adjective endings are not asked (a noun may have one: "bambini"), and
    one of ``class_adjectives`` names them ("Nove sono ucraini")."""
    k = right.index(found.span.start) if found.span is not None else 0
    if right.lows[k] in g.class_adjectives:  # "Nove sono ucraini": a class of people, what is counted
        return False
    return right.lows[k] in g.adjectives or right.lows[k].endswith(g.postmodifier_endings)


def unit_of_figure(found: NounPhrase, left: Tokens, g: Grammar) -> bool:
    """``found`` is the currency of a sum written before the figure ("65 miliardi di sterline, 5
    miliardi"): a name of ``[units.currency]`` (or its last word: "dollari australiani") right after a
    number or its "di"/"of"; a
    currency that is a subject ("la sterlina risale a 1,07 dollari") is what its price measures."""
    if found.span is None:
        return False
    j = left.index(found.span.start)
    if found.head.casefold() not in g.currencies:
        if j == 0 or f"{left.lows[j - 1]} {found.head.casefold()}" not in g.currencies:
            return False
        j -= 1   # "3,15 milioni di dollari australiani, circa 1,9 milioni di euro": its last word
    if j == 0:
        return False
    return left.texts[j - 1][:1].isdigit() or left.lows[j - 1] in g.of or g.is_numeral(left.lows[j - 1])


def swallowed(figure: Span, toks: Tokens, g: Grammar) -> Tokens | None:
    """The link word that a hedge of the figure ends with ("un picco intorno al 6%", ``[nouns]
    at_before``): the hedge took it in, and it links the figure to the noun before the hedge."""
    k, end = bisect_left(toks.starts, figure.start), bisect_left(toks.starts, figure.end)
    first = next((j for j in range(k, end) if toks.texts[j][:1].isdigit()), k)
    return toks[first - 1:first] if k < first and toks.lows[first - 1] in g.at_before else None


def _opening_copula(left: Tokens, g: Grammar) -> bool:
    """A copula of more words ends ``left`` and opens its clause ("Sono state", "Erano stati")."""
    lows = left.lows
    return any(len(c) > 1 and tuple(lows[-len(c):]) == c
               and (len(c) == len(lows) or not lows[-len(c) - 1][:1].isalnum()) for c in g.copulas.get(lows[-1], ()))


#: The most words an aside between commas after a figure may have ("Sono quattro, ora, i …",
#: "…, secondo le stime del Vaticano, le persone").
ASIDE_WORDS = 6
#: Tokens an apposition between commas may hold ("…, circa 51 miliardi di euro, di tagli").
APPOSITION = 8


def _closing_comma(right: Tokens, most: int) -> int | None:
    """Where the comma stands that closes an aside opened by the comma right after the
    figure, within ``most`` tokens and with a token after it; else None."""
    return next((k for k in range(2, min(len(right.lows) - 1, most + 2)) if right.lows[k] == ","), None)


def aside_after(right: Tokens, left: Tokens, g: Grammar) -> int:
    """Where the article stands that opens the subject of an inverted copula past an aside
    between commas after the figure ("Sono quattro, ora, i presunti scafisti", "Sono 300,
    secondo Kiev, i soldati uccisi"): a one-word copula right before the figure, or one of
    more words that opens the clause ("Sono state circa 400mila, secondo le stime del Vaticano,
    le persone"), a few words with no number between the commas; 0 when not so."""
    if not left.lows or not (g.is_copula(left.lows[-1]) or _opening_copula(left, g)):
        return 0
    k = _closing_comma(right, ASIDE_WORDS)
    if k is None or any(right.texts[j][:1].isdigit() for j in range(1, k)):
        return 0
    return k + 1 if right.lows[k + 1] in g.articles else 0


def past_apposition(right: Tokens, left: Tokens, g: Grammar) -> int | None:
    """Where the noun starts that "di" links a unit's figure to across an apposition between
    commas that restates it: "Quarantacinque miliardi di sterline, circa 51 miliardi di euro,
    di tagli alle tasse" counts "tagli alle tasse" for both figures (the apposition holds a
    number; the second figure stands between the commas itself)."""
    if len(right.lows) < 3 or right.lows[0] != ",":
        return None
    if right.lows[1] in g.of and left.lows and left.lows[-1] == ",":
        return 2
    k = _closing_comma(right, APPOSITION)
    if k is None or k + 2 >= len(right.lows) or not any(c.isdigit() for w in right.lows[1:k] for c in w):
        return None
    return k + 2 if right.lows[k + 1] in g.of else None


def converted(right: Tokens) -> tuple[Tokens, bool]:
    """The tokens after a figure past the conversion in brackets right after it ("2 miliardi di
    euro (2,2 miliardi di dollari) per la ricostruzione", "47 miglia (87 km) dalla costa"): a
    bracket of at most ``CONVERSION`` tokens that holds a number; and whether there was one."""
    if not right.lows or right.lows[0] != "(":
        return right, False
    close = next((k for k in range(1, min(len(right.lows), CONVERSION + 2)) if right.lows[k] == ")"), 0)
    if not close or not any(t[:1].isdigit() for t in right.texts[1:close]):
        return right, False
    return right[close + 1:], True


def ratio_base(phrase: NounPhrase, lang: str | Pack) -> bool:
    """Whether ``phrase`` is the base of a ratio (the lexicon's ``ratio`` flag: "Pil", "GDP"),
    which a percentage of it does not measure."""
    lexicon = Lexicon.load(lang if isinstance(lang, str) else lang.code)
    return lexicon.ratio(lexicon.concept(phrase.text))


def dimension_named(left: Tokens, right: Tokens, g: Grammar, glued: str = "") -> NounPhrase | None:
    """The dimension a word right before or after a measure names: "una portacontainer lunga
    400 metri e larga 59", "pesa 200mila tonnellate", "400 metres long" (``[nouns.dimension_words]``),
    or the word ``glued`` to it by a hyphen ("a 3.2-metre-wide alley"): the figure measures it, not
    the thing it belongs to ("una portacontainer lunga")."""
    if (name := g.dimension_words.get(glued.casefold())) is not None:
        return NounPhrase(name, name, None)
    k = len(left.lows)
    while k > 0 and len(left.lows) - k < 2 and left.lows[k - 1] in g.fillers:
        k -= 1   # "largo appena 3,2 metri"
    name = g.dimension_words.get(left.lows[k - 1]) if k else None
    if not name and right.lows and not (len(right.lows) > 1 and right.lows[1] in g.articles):
        name = g.dimension_words.get(right.lows[0])   # not "150mila lungo il tragitto": a preposition
    return NounPhrase(name, name, None) if name else None


def predicated(text: str, found: NounPhrase, right: Tokens, g: Grammar) -> NounPhrase:
    """``found`` narrowed by a state that a one-word copula after it predicates (``[nouns]
    predicated``): "Tre dei feriti sono in gravi condizioni" -> "feriti in gravi condizioni", "due
    restano ricoverati in gravi condizioni" (a word between), "Three of the injured were in serious
    condition"; ``right`` are the tokens after the figure. Else ``found`` as it is."""
    k = right.index(found.span.end) if found.span is not None and found.span.end > right.starts[0] else 0
    if k >= len(right.lows) or not g.is_copula(right.lows[k]):
        return found
    for at in range(k + 1, min(k + 1 + STATE_REACH, len(right.lows))):
        if not right.texts[at][:1].isalpha():
            break
        state = next((p for p in g.predicated if tuple(right.lows[at:at + len(p)]) == p), None)
        if state is not None:
            said = text[right.starts[at]:right.ends[at + len(state) - 1]]
            return NounPhrase(f"{found.text} {said}", found.head, found.span)
    return found

