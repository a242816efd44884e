"""The words of findings: outlets, figures as stated, and groups of agreeing claims."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from quantities.reconciliation.clauses import LEAD
from quantities.reconciliation.distances import FROM_POINT
from quantities.reconciliation.intervals import stance
from quantities.reconciliation.keys import Item
from quantities.reconciliation.racers import written_with_marks
from quantities.text.decimals import grouped
from quantities.text.i18n import N_, _, current
from quantities.types import Claim, Quantity

#: The words of a source's name, elided articles apart ("dell'Autorità del canale").
_WORDS = re.compile(r"\w+")

STANCE_WORDS = {  # shown through _()
    "exact": N_("stated exactly"), "about": N_("approximate"), "over": N_("a lower bound"),
    "nearly": N_("just under"), "under": N_("an upper bound"), "range": N_("a range"), "vague": N_("vague"),
}

Outlet = Callable[[str], str]


def source(c: Claim) -> str:
    if c.attribution is None:
        return _("no source")
    return c.attribution.canonical or c.attribution.source


def named_once(names: Iterable[str]) -> list[str]:
    """Sources as written, each source once, in the order given: a name whose words all
    stand in a longer one ("questura" in "questura di Roma", "Commission" in "calcoli della
    Commissione": one word the start of the other, across languages), or that shares its
    full name with one ("ministro Raffaele Fitto", "Raffaele Fitto"), is that source.

    >>> named_once(["Commission", "calcoli della Commissione", "questura", "questura di Roma", "Istat"])
    ['calcoli della Commissione', 'questura di Roma', 'Istat']
    """
    given = list(dict.fromkeys(names))
    kept: list[str] = []
    for name in sorted(given, key=lambda n: -len(n)):
        if not any(same_source(name, k) for k in kept):
            kept.append(name)
    return [n for n in given if n in kept]


def same_source(short: str, long: str) -> bool:
    """Whether two sources as written are one (:func:`named_once`), either way round.

    >>> same_source("Autorità del canale", "presidente dell'Autorità del canale Osama Rabie")
    True"""
    return _covered(short, long) or _covered(long, short)


def _covered(short: str, long: str) -> bool:
    """Whether each word of ``short`` (but its short links: "di", "of") stands in ``long``,
    as itself or as the other's inflection ("Commission", "Commissione")."""
    if short.casefold() == long.casefold():
        return True
    words = [w for w in _WORDS.findall(short.casefold()) if len(w) > 3]   # "dell'Autorità": "autorità"
    longer = [x for x in _WORDS.findall(long.casefold()) if len(x) > 3]
    if words and all(any(_inflected(w, x) for x in longer) for w in words):
        return True
    return _full_name(short) is not None and _full_name(short) == _full_name(long)


def _inflected(a: str, b: str) -> bool:
    """One word, or one the other with an ending of at most two letters."""
    return (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 2


def _full_name(name: str) -> tuple[str, ...] | None:
    """The capitalised words that end a source ("ministro Raffaele Fitto" -> Raffaele
    Fitto), when there are two or three of them: a person's name; else None."""
    words = name.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    return tuple(words[k:]) if 2 <= len(words) - k <= 3 else None


def said(c: Claim, outlet: Outlet) -> str:
    """'ANSA: “300 morti” (Protezione civile)'."""
    return f"{outlet(c.doc)}: \u201c{c.text}\u201d ({source(c)})"


def says(x: Claim, y: Claim, outlet: Outlet) -> str:
    return "; ".join(_("{outlet} says \u201c{text}\u201d ({source})").format(
        outlet=outlet(c.doc), text=c.text, source=source(c)) for c in (x, y))


def outlets(items: Iterable[Item], outlet: Outlet) -> str:
    """The outlets of a group, each once, in order: 'ANSA, Corriere and Reuters'."""
    names = list(dict.fromkeys(outlet(i.claim.doc) for i in items))
    if len(names) > 6:
        names = [*names[:5], _("{n} more").format(n=len(names) - 5)]
    return names[0] if len(names) == 1 else _("{some} and {last}").format(some=", ".join(names[:-1]), last=names[-1])


def group_text(mode: Sequence[Item], outlet: Outlet, fmt: tuple[str, str]) -> str:
    """'ANSA and Corriere: 10 (“10 morti”, “dieci vittime”)'."""
    texts = list(dict.fromkeys(f"\u201c{i.claim.text}\u201d" for i in mode))
    shown = texts if len(texts) <= 4 else [*texts[:3], _("{n} more").format(n=len(texts) - 3)]
    return f"{outlets(mode, outlet)}: {value_of(mode, fmt)} ({', '.join(shown)})"


def side_text(parts: Sequence[Sequence[Item]], outlet: Outlet, fmt: tuple[str, str]) -> str:
    """One side of a dispute: its figure (:func:`group_text`), or the values its source is
    relayed with when the articles differ (one group of claims per value)."""
    if len(parts) == 1:
        return group_text(parts[0], outlet, fmt)
    listed = "; ".join(group_text(p, outlet, fmt) for p in parts)
    return _("the articles relay this source with different values ({listed})").format(listed=listed)


def value_of(mode: Sequence[Item], fmt: tuple[str, str]) -> str:
    """The value a group states, as its first exact claim (else its first claim) states it;
    bounds from both sides, with no exact claim, meet at their one value ("almeno 400", "up to
    400": 400, not "400 or more")."""
    exact = [i for i in mode if i.stance == "exact"]
    stances = {i.stance for i in mode}
    if not exact and {"over", "under"} <= stances and len({i.claim.quantity.value for i in mode}) == 1:
        return num(mode[0].claim.quantity.value, fmt)
    return shown((exact or list(mode))[0].claim.quantity, fmt)


def shown(q: Quantity, fmt: tuple[str, str]) -> str:
    """The interval as stated (before tolerances), numbers in the language's format."""
    kind = stance(q)
    if kind == "exact" and written_with_marks(q) and q.value is not None:   # not "20 secondi"
        return race_time(int(q.value))   # "2h24'35\"" (8675 seconds) as "2:24:35"
    if kind == "exact" or q.low is None:
        return num(q.value if q.value is not None else q.low, fmt)
    if q.high is None:
        return _("{n} or more").format(n=num(q.low, fmt))
    if kind == "about" and q.value is not None:
        return _("about {n}").format(n=num(q.value, fmt))
    return f"{num(q.low, fmt)}\u2013{num(q.high, fmt)}"


def race_time(seconds: int) -> str:
    """A length in seconds as a race's time is written.

    >>> race_time(8675), race_time(179)
    ('2:24:35', '2:59')
    """
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def concept_shown(concept: str | None) -> str | None:
    """A figure's concept as people read it: "distance:pylos" is the distance from Pylos; a
    figure no noun names (its key is the word leading it, :data:`~.clauses.LEAD`) is unnamed.

    >>> concept_shown("distance:pylos"), concept_shown("morto"), concept_shown("lead:it:med")
    ('distance from Pylos', 'morto', 'unnamed')
    """
    if concept is not None and concept.startswith(LEAD):
        return _("unnamed")
    if concept is None or not concept.startswith(FROM_POINT):
        return concept
    return _("distance from {point}").format(point=concept[len(FROM_POINT):].title())


def num(value: Decimal | None, fmt: tuple[str, str]) -> str:
    """``value`` with the thousands and decimal marks of the language the messages are spoken
    in (one message names Italian and English articles' figures alike: "1.000.000" and "circa
    840.000" in Italian, not "circa 840,000"); ``fmt``, the claims' language's, when no pack
    speaks it.

    >>> num(Decimal("13500"), (".", ",")), num(Decimal("2.5"), (",", "."))
    ('13,500', '2.5')
    """
    return "?" if value is None else grouped(value, *(_spoken() or fmt))


def _spoken() -> tuple[str, str] | None:
    """The number marks of the language messages are spoken in, if a pack speaks it."""
    from quantities import lang as langs
    from quantities.lang.lexicon import Lexicon

    code = current()
    return Lexicon.load(code).number_format if code in langs.available() else None


def status_clash(a: str, b: str) -> str:
    """The note for one count given in two statuses."""
    return _("the same number is counted as {one} in one and as {other} in the other: "
             "two statuses are not one figure; check which is meant").format(one=a, other=b)


#: The spans of time a rate is per (:mod:`.periods`), as messages name them.
SPANS = {"hour": N_("hour"), "day": N_("day"), "week": N_("week"), "month": N_("month"), "year": N_("year")}


def span(name: str) -> str:
    """A span of time as messages name it: "hour" ("ora" in Italian)."""
    return _(SPANS.get(name, name))
