"""A desk's number words must not build each other: the number pattern tries every way a run
of words splits before it gives up on one that is no number."""

from __future__ import annotations

from typing import Any

from quantities.text.i18n import _

#: How many ways a run of number words may split into the words a desk's config adds and
#: the shipped ones, at most: the number pattern tries every way before it gives up on a
#: run that is no number, so words that build each other ("a", "aa", "aaa", …) made each
#: call backtrack up to the time guard (100 lines ran past 300 s). The shipped Italian words
#: split a run of four pairs at most 16 ways ("tredici" + "otto").
MAX_READINGS = 64


def check_readings(shipped: Any, merged: Any, pack: Any, file: str, error_at: Any) -> None:
    """Refuse added number words that make a run of words split too many ways (``shipped``
    and ``merged`` are the numbers grammars of the pack without and with the desk's words)."""
    parts = frozenset(merged.words.morphemes) | frozenset(merged.words.elided)
    added = parts - frozenset(shipped.words.morphemes) - frozenset(shipped.words.elided)
    if not added:
        return
    longest = max(map(len, parts))
    for new in sorted(added):
        for other in sorted(parts):
            run = (new + other) * 4
            if _readings(run, parts, longest) > MAX_READINGS:
                where = next((f"numbers.{t}.{new}" for t in ("words", "multipliers", "fractions")
                              if new in pack.table(f"numbers.{t}", {})), "numbers")
                raise error_at(_("the number word {word!r} and the others build each other ({run!r} reads more "
                                  "than {n} ways): reading numbers would backtrack on such text").format(
                                    word=new, run=run[:24], n=MAX_READINGS), file, where)


def _readings(run: str, parts: frozenset[str], longest: int) -> int:
    """How many ways ``run`` splits into ``parts`` (a count over prefixes, linear in ``run``).

    >>> _readings("aaaa", frozenset({"a", "aa"}), 2), _readings("tredicotto", frozenset({"tre", "dici", "otto"}), 4)
    (5, 0)
    """
    ways = [1] + [0] * len(run)
    for end in range(1, len(run) + 1):
        ways[end] = sum(ways[i] for i in range(max(0, end - longest), end) if ways[i] and run[i:end] in parts)
    return ways[-1]
