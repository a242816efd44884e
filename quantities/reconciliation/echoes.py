"""Documents that give the same telling figures speak of one event, whatever their names: an
English wire that writes «Francis» and «the Vatican» meets its Italian sources («Francesco», «il
Vaticano») on «250mila», «150mila» and «130» delegations; a study's 61.672, 11.324 and 8.173 heat
deaths join the papers that report it.

A figure is telling when it states one value (no range, no vague word; a hedge keeps it), is 100
or more, has two significant digits or more (not "300", not "5.000": every story has those), and
is a count, a sum or a measure (not a share: "40%" is in half the news), keyed by its kind, unit
and value ("380 km" is no "380 m"). Two documents within ``days`` of each other (or one of them
undated) are one event when they share :data:`SHARED` telling figures, at least half of those of
the one that gives fewer, and, when they are of one language, one of those they share stands in
the lead of each (its first line: :func:`lead`): two unrelated stories of one week often quote the
same background statistics further down (INAIL's deaths at work, the Viminale's femicides, a
national turnout: review32, review33), while a translation is what names cannot tell. A figure
that more than :data:`HOLDERS` documents give is common in the folder and tells nothing, so the
work is linear in the figures (at most ``HOLDERS²`` pairs a figure). A document whose language
is not known joins nothing by its figures."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

from quantities.types import Claim, Quantity

#: Telling figures two documents must share to be one event.
SHARED = 3
#: Documents beyond which a figure is common in the folder.
HOLDERS = 12
#: The kinds of figure that may tell an event.
KINDS = frozenset({"count", "money", "measure"})
#: Below this, a value is in every story (ages, degrees, a day's dead).
LEAST = Decimal(100)
Told = tuple[str, str | None, Decimal]   # kind, unit, value


def telling(q: Quantity) -> Told | None:
    """The key of ``q`` when it is telling (see the module), else None."""
    v = q.value
    if v is None or q.kind not in KINDS or abs(v) < LEAST or len(v.normalize().as_tuple().digits) < 2:
        return None
    return q.kind, q.unit, v


def lead(text: str) -> int:
    """Where a document's lead ends: its first line that holds words ("(ROMA, 10 LUG) - Sono
    stati 61.672 i morti …"; a live blog's latest entry)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def told(claims: Iterable[Claim], docs: Mapping[str, tuple[str | None, int]]
         ) -> dict[str, tuple[str, dict[Told, bool]]]:
    """Each document's language and telling figures, each marked when it stands in the lead
    (``docs``: each document's language and where its lead ends; documents whose language is known)."""
    out: defaultdict[str, dict[Told, bool]] = defaultdict(dict)
    for c in claims:
        lang, end = docs.get(c.doc, (None, 0))
        if lang and (key := telling(c.quantity)) is not None:
            out[c.doc][key] = out[c.doc].get(key, False) or c.span.start < end
    return {doc: (docs[doc][0] or "", keys) for doc, keys in out.items()}


def pairs(figures: Mapping[str, tuple[str, Mapping[Told, bool]]], dates: Mapping[str, dt.date | None],
          days: int) -> Iterator[tuple[str, str]]:
    """The pairs of documents (in order) that the figures join (see the module)."""
    holders: defaultdict[Told, list[str]] = defaultdict(list)
    for doc in sorted(figures):
        for key in figures[doc][1]:
            holders[key].append(doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        if len(docs) <= HOLDERS:
            shared.update(itertools.combinations(docs, 2))
    for (a, b), n in sorted(shared.items()):
        (la, fa), (lb, fb) = figures[a], figures[b]
        da, db = dates.get(a), dates.get(b)
        if n < SHARED or 2 * n < min(len(fa), len(fb)) or (da is not None and db is not None
                                                             and abs((da - db).days) > days):
            continue
        both = fa.keys() & fb.keys()
        if la != lb or all(any(f[k] for k in both) for f in (fa, fb)):
            yield a, b
