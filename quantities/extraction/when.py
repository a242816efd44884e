"""The time a text gives a figure (``Claim.when``), as written: the clock time nearest the figure
in its clause, else ("alla stessa ora") the time before it in its paragraph, else the live-blog
stamp that opens its paragraph ("Ore 18.35 –"). The reconciler reads these times in
``reconciliation/figures.py``."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from quantities.extraction import sentences
from quantities.lang import Pack, clock
from quantities.types import Span

#: A word character: a live-blog stamp opens its paragraph with none before it but a day
#: (:func:`quantities.lang.clock.day_before`: "15 giugno, ore 9.15 –").
_WORDY = re.compile(r"\w")


class Times:
    """The clock times of one document (the numbers reader's) and its day parts (the pack's),
    with its sentences and their paragraphs; empty (false) in near half of news."""

    __slots__ = ("_openings", "_paragraphs", "_stamps", "ends", "pack", "starts", "text", "times")

    def __init__(self, text: str, clocks: list[Span], starts: list[int], ends: list[int], paragraphs: list[int],
                 pack: Pack) -> None:
        self.text, self.pack, self.starts, self.ends, self._paragraphs = text, pack, starts, ends, paragraphs
        self.times = sorted([(c.start, c.end) for c in clocks] + clock.day_parts(text, 0, len(text), pack))
        self._stamps: dict[int, tuple[int, int] | None] = {}  # each paragraph's live-blog stamp
        self._openings: dict[int, int] = {}  # each paragraph's first sentence

    def __bool__(self) -> bool:
        return bool(self.times)

    def moments(self, sentence: Span) -> list[tuple[int, int]]:
        """The clock times and day parts of a sentence."""
        i, j = bisect_right(self.times, (sentence.start, -1)), bisect_right(self.times, (sentence.end, -1))
        return [t for t in self.times[i:j] if t[1] <= sentence.end]

    def when(self, s: sentences.Held, figure: Span, moments: list[tuple[int, int]]) -> str | None:
        """The time of the figure at ``figure`` in sentence ``s`` (whose :meth:`moments` are
        ``moments``), as written, or None."""
        at = clock.placed(self.text, figure, s.span, moments, self.pack)
        if at is None and s.index >= 0:
            start = self.starts[self._opening(s.index)]
            k = bisect_left(self.times, (figure.start, -1))  # the words are read only when a time stands
            if k and self.times[k - 1][0] >= start and clock.same_time(self.text, figure, s.span, self.pack):
                at = clock.latest(self.text, self.times, start, figure.start, self.pack)  # before it in its paragraph
        if at is None and s.index >= 0:
            at = self._stamp(s.index)
        return None if at is None else self.text[at[0]:at[1]]

    def _stamp(self, index: int) -> tuple[int, int] | None:
        """A clock time that opens the paragraph of sentence ``index`` ("Ore 18.35 –", "19.30 -")."""
        paragraph = self._paragraphs[index]
        if paragraph not in self._stamps:
            first = self._opening(index)
            start = self.starts[first]
            i = bisect_right(self.times, (start, -1))
            t = self.times[i] if i < len(self.times) else None
            opens = t is not None and t[0] < self.ends[first] and (not _WORDY.search(self.text, start, t[0]) or (
                clock.day_before(self.text, start, t[0]) and clock.stamped(self.text, t[1])))  # "15 giugno, ore 9.15 –"
            self._stamps[paragraph] = t if opens else None
        return self._stamps[paragraph]

    def _opening(self, index: int) -> int:
        """The first sentence of the paragraph of sentence ``index`` (found once a paragraph)."""
        paragraph = self._paragraphs[index]
        first = self._openings.get(paragraph)
        if first is None:
            first = index
            while first > 0 and self._paragraphs[first - 1] == paragraph:
                first -= 1
            self._openings[paragraph] = first
        return first
