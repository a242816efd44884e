"""An article's text cut into runs for the HTML report: plain text, and each claim marked.

The page shows the body as read (``Document.text``, markup and all, as text: an article's
``<script>`` is shown, never run), so a claim's span, which indexes ``Document.text``,
marks its words directly. What the Markdown reader stripped (``**``, link targets, tags,
comments) is kept but flagged ``dim``, so the words stand out and nothing is hidden.

A run is ``(claim id or None, [(text, dim), …])``.

>>> paragraphs("Uno.\\n\\nDue e 5 tre.", [(12, 13, "c1")])
[[(None, [('Uno.', False)])], [(None, [('Due e ', False)]), ('c1', [('5', False)]), (None, [(' tre.', False)])]]
>>> paragraphs("Sono **5.000** operai", [(7, 21, "c1")], [(5, 7), (12, 14)])
[[(None, [('Sono ', False), ('**', True)]), ('c1', [('5.000', False), ('**', True), (' operai', False)])]]
"""

from __future__ import annotations

from collections.abc import Iterable

from quantities.ingest.markup import OffsetMap
from quantities.types import Document

Piece = tuple[str, bool]
Run = tuple[str | None, list[Piece]]


def stripped_ranges(doc: Document) -> list[tuple[int, int]]:
    """The ranges of ``doc.text`` that the Markdown reader left out of ``doc.analysed``.

    >>> from quantities.ingest.documents import from_text
    >>> doc = from_text("Sono **5.000** operai", id="a.md")
    >>> [doc.text[a:b] for a, b in stripped_ranges(doc)]
    ['**', '**']
    """
    offsets = doc.offsets
    if offsets is None:
        return []
    kept = offsets.kept() if isinstance(offsets, OffsetMap) else [(i, i + 1) for i in offsets]
    out, at = [], 0
    for start, end in kept:
        if start > at:
            out.append((at, start))
        at = max(at, end)
    if at < len(doc.text):
        out.append((at, len(doc.text)))
    return out


def runs(text: str, marks: Iterable[tuple[int, int, str]], dims: Iterable[tuple[int, int]] = ()) -> list[Run]:
    """``text`` as runs; an overlapping mark is clipped (a mark inside another is dropped).

    >>> runs("5.000 e 1.000 genieri", [(8, 21, "b"), (0, 5, "a"), (10, 12, "x")])
    [('a', [('5.000', False)]), (None, [(' e ', False)]), ('b', [('1.000 genieri', False)])]
    """
    kept: list[tuple[int, int, str]] = []
    at = 0
    for start, end, mark in sorted(marks):
        start, end = max(start, at), min(end, len(text))
        if end > start:
            kept.append((start, end, mark))
            at = end
    cuts = sorted({0, len(text), *(b for m in kept for b in m[:2]), *(min(b, len(text)) for d in dims for b in d)})
    dim_list = sorted(dims)
    out: list[Run] = []
    mi = di = 0
    for a, b in zip(cuts, cuts[1:]):
        while mi < len(kept) and kept[mi][1] <= a:
            mi += 1
        while di < len(dim_list) and dim_list[di][1] <= a:
            di += 1
        cid = kept[mi][2] if mi < len(kept) and kept[mi][0] <= a else None
        dim = di < len(dim_list) and dim_list[di][0] <= a
        if out and out[-1][0] == cid:
            pieces = out[-1][1]
            if pieces[-1][1] == dim:
                pieces[-1] = (pieces[-1][0] + text[a:b], dim)
            else:
                pieces.append((text[a:b], dim))
        else:
            out.append((cid, [(text[a:b], dim)]))
    return out


def paragraphs(text: str, marks: Iterable[tuple[int, int, str]],
               dims: Iterable[tuple[int, int]] = ()) -> list[list[Run]]:
    """The text's paragraphs (split at blank lines outside marks), each as its runs."""
    out: list[list[Run]] = [[]]
    for cid, pieces in runs(text, marks, dims):
        if cid is not None:
            out[-1].append((cid, pieces))
            continue
        for piece, dim in pieces:
            parts = piece.split("\n\n")
            for i, part in enumerate(parts):
                if i:
                    out.append([])
                part = part.strip("\n") if len(parts) > 1 else part
                if part:
                    _add(out[-1], part, dim)
    return [p for p in out if p]


def _add(paragraph: list[Run], text: str, dim: bool) -> None:
    if paragraph and paragraph[-1][0] is None:
        paragraph[-1][1].append((text, dim))
    else:
        paragraph.append((None, [(text, dim)]))
