"""The smaller counts an article gives beside its own count of a running figure: its parts.

An article states a running count (the dead, the survivors, the displaced) as it stands
when the article is written. A second, lower count of the same figure in its body, with
nothing that sets it apart in time (no superseded cue, no old value of a change, no time
of day of its own, no source of its own), is a part of that count: the bodies just found
("Due corpi carbonizzati … Salgono così a tre le vittime"; "Con il recupero degli ultimi due
corpi … Le vittime sono 29"), the survivors in hospital or in a shelter ("I superstiti sono
80: 22 sono stati ricoverati"; "Sono 80 i sopravvissuti … Sessanta superstiti sono ospitati
nel centro di accoglienza"). It is neither an earlier value of the figure nor a rival one:
it leaves the figure, with why.

Near misses that keep their values:
- a count the article says the figure moved to ("Sale a 79 il numero dei corpi recuperati");
- counts of two sources (a dispute the article reports), a live blog's entries at two times
  of day, a headline or a subtitle (:func:`values._headline` compares them with the body);
- counts of one sentence that each name what they count (a list: "a Smirne 300 morti e ad
  Ankara 50 morti");
- an article that gives one count as it stands now ("All'appello mancano ora in due", "i
  morti erano 30, ora salgono a 40": the lexicon's ``[time] current``): its other counts are
  earlier ones;
- a figure the article says fell ("scendono a"), and, for a status that runs both ways (the
  missing are found, the displaced go home), one it says moved at all: its lower count may
  be the later one. Only the dead (``runs = "cumulative"``) are never fewer.
Linear: one pass to find each group's largest counts, one to compare.
"""

from __future__ import annotations

from collections.abc import Hashable

from quantities.reconciliation import clauses
from quantities.reconciliation.keys import Item, toll

PART = "a part of the larger count its own article gives for the figure, with no time or source of its own"


def split_parts(items: list[Item]) -> list[Item]:
    """Take out of their figure (key None, with why) the counts that are parts of their
    article's larger count of it; the items taken out."""
    groups: dict[Hashable, list[Item]] = {}
    for i in items:
        if toll(i) and i.claim.section != "title" and not i.standfirst and not i.superseded \
                and not i.earlier and i.interval.high is not None:
            groups.setdefault((i.claim.doc, i.claim.date, i.key, i.minute), []).append(i)
    out: list[Item] = []
    for members in groups.values():
        if len(members) < 2 or any(i.moved == "falling" for i in members) \
                or any(_current(i) for i in members) \
                or (not _cumulative(members[0]) and any(i.moved for i in members)):
            continue
        top = max(members, key=lambda i: i.interval.low)
        by_source: dict[str, Item] = {}
        for i in members:
            if i.source is not None and i.interval.low > by_source.get(i.source, i).interval.low:
                by_source[i.source] = i
            elif i.source is not None:
                by_source.setdefault(i.source, i)
        for i in members:
            whole = top if i.source is None else by_source[i.source]
            if i.interval.high is not None and i.interval.high < whole.interval.low and i.moved is None \
                    and not _listed(i, whole):
                out.append(i)
    for i in out:
        i.key, i.reason = None, PART
    return out


def _cumulative(i: Item) -> bool:
    """Whether the figure counts a status that only grows (the dead)."""
    status = i.key.status if i.key is not None and i.key.status else (i.reading.status if i.reading else None)
    return i.lexicon.runs(status or (i.key.what if i.key is not None else None)) == "cumulative"


def _current(i: Item) -> bool:
    """Whether the figure's clause gives it as the count as it stands now."""
    words = [w.casefold() for w in clauses.WORD.findall(f"{clauses.before(i.claim)} {clauses.after(i.claim)}")]
    return i.lexicon.cue("current", words)


def _listed(part: Item, whole: Item) -> bool:
    """Whether two counts of one sentence each name what they count: a list of counts side by
    side ("a Smirne 300 morti e ad Ankara 50 morti"), not a whole and the part that borrows its
    noun ("I superstiti sono 80: 22 sono stati ricoverati")."""
    return part.claim.sentence == whole.claim.sentence and all(
        (c.noun or "").casefold() in c.text.casefold() for c in (part.claim, whole.claim) if c.noun)
