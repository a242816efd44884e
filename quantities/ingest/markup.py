"""Markdown stripping that keeps an offset map back to the original body.

Stripping *deletes* characters (markers, link targets, images, comments), so every
character of the plain text is a character of the body, and ``offsets[i]`` is the body
index of ``plain[i]``; the one exception is an HTML entity that stands for one character
("&amp;", "&nbsp;", "&#8364;", as CMS exports write them): it reads as that character,
whose offset is the entity's "&". Words and numbers stay intact.

>>> plain, offsets = strip("Il Nord invierà **5.000** operai.")
>>> plain
'Il Nord invierà 5.000 operai.'
>>> body = "Il Nord invierà **5.000** operai."
>>> body[offsets[16]:offsets[20] + 1]
'5.000'

Handled: emphasis (``*x*``, ``**x**``, ``_x_``, ``__x__``, ``***x***``), inline links
(the text is kept), images (dropped), inline code (backticks dropped), HTML comments and
tags (dropped; a ``<script>`` or ``<style>`` element with its content), backslash escapes,
HTML entities (decoded, outside code), and at line starts: ATX headings, blockquote markers,
list bullets, ordered-list numbers, thematic breaks and code fences.

>>> strip("5.000&nbsp;soldati, AT&amp;T")[0]
'5.000\xa0soldati, AT&T'

Not handled (left as written): reference-style links, setext underlines, tables,
nested emphasis of the same kind (``**a *b* c**`` keeps the outer pair), entities that
stand for more than one character.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import regex

from quantities.cache import compiled

# Line-start markers (after a newline; the text start is matched on its own): headings,
# blockquotes, bullets, ordered-list numbers, thematic breaks and code fences.
_LINE_BODY = (
    r"(?:[ \t]{0,3}(?:>[ \t]?){1,10}+(?:[ \t]{0,12}(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+|\#{1,6}(?:[ \t]+|$)))?"
    r"|[ \t]{0,3}\#{1,6}(?:[ \t]+|$)"
    r"|[ \t]{0,3}(?:[-*_][ \t]{0,3}){3,40}+$"
    r"|[ \t]{0,3}(?:`{3,20}|~{3,20})[^\n]{0,200}$"
    r"|[ \t]{0,12}(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+))"
)
_LINE = compiled(r"\n(?P<marker>" + _LINE_BODY + ")", regex.MULTILINE)
_FIRST_LINE = compiled(_LINE_BODY, regex.MULTILINE)
# Inline constructs, found left to right without overlap; each starts with a fixed character.
_INLINE = compiled(
    r"(?P<image>!\[[^\[\]\n]{0,300}\]\([^()\s]{0,2000}(?:[ \t]{1,10}\"[^\"\n]{0,300}\")?\))"
    r"|(?P<open>\[)(?<!!\[)(?=[^\[\]\n]{0,300}\]\()"
    r"|(?P<target>\]\([^()\s]{0,2000}(?:[ \t]{1,10}\"[^\"\n]{0,300}\")?\))"
    r"|(?P<code>(?P<ticks>`{1,3})(?P<codetext>[^`\n]{1,2000})(?P=ticks))"
    r"|(?P<raw><(?P<rawname>(?i:script|style))(?:\s[^<>\n]{0,300})?>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,300})?/?>)"
    r"|(?P<escape>\\)(?P<escaped>[!-/:-@\[-`{-~])"
    r"|(?P<comment><!--)"
)
# Emphasis pairs: the markers go, the content stays. The content cannot hold the marker
# character, so the closer is the next run of markers and the scan from an opener stops
# there (possessive, linear).
_EMPHASIS = (
    regex.compile(
        r"(?<!\*)(?P<m>\*{1,3}+)(?![\s*])(?:[^*\n]{1,3000}+|\n(?![ \t]*\n)){1,100}+(?<![\s*])(?P=m)(?!\*)"
    ),
    regex.compile(
        r"(?<![\w_])(?P<m>_{1,3}+)(?![\s_])(?:[^_\n]{1,3000}+|\n(?![ \t]*\n)){1,100}+(?<![\s_])(?P=m)(?![\w_])"
    ),
)
_COMMENT_END = "-->"
#: The end of a script or style element, whose content is code, not text (to the end of the
#: document when it is not closed, as in HTML).
_RAW_END = {name: compiled(rf"</{name}\s{{0,20}}>", regex.IGNORECASE) for name in ("script", "style")}
# An HTML entity, named or numeric (decoded only when it stands for one character).
_ENTITY = compiled(r"&(?:#[0-9]{1,7}+|#[xX][0-9a-fA-F]{1,6}+|[A-Za-z][A-Za-z0-9]{1,31}+);")


#: Strong emphasis, an inline link or an HTML comment (a suppression): enough to read a
#: ``.txt`` file as Markdown.
_MARKDOWN_SIGN = compiled(r"\*\*[^*\n]{1,200}\*\*|__[^_\n]{1,200}__|\[[^\]\n]{1,200}\]\(|<!--")
#: What every match of :data:`_MARKDOWN_SIGN` holds, and of :data:`_ENTITY`: looked for first, by
#: str methods (a document without them, most news, is told without a scan of regex: ~9 ms a MB).
_SIGN_PARTS, _ENTITY_PART = ("**", "__", "](", "<!--"), "&"


def looks_like_markdown(text: str) -> bool:
    """Whether plain text carries Markdown that would break a figure (``**5.000**``), or
    an HTML entity ("5.000&nbsp;soldati").

    >>> looks_like_markdown("la **Corea del Nord** ha inviato"), looks_like_markdown("5 * 3 = 15")
    (True, False)
    >>> looks_like_markdown('<!-- quantities: ignore update — archive -->')
    True
    >>> looks_like_markdown("5.000&nbsp;soldati"), looks_like_markdown("R&S; Procter&Gamble")
    (True, False)
    """
    if any(part in text for part in _SIGN_PARTS) and _MARKDOWN_SIGN.search(text) is not None:
        return True
    return _ENTITY_PART in text and any(len(html.unescape(m[0])) == 1 for m in _ENTITY.finditer(text))


def strip(text: str) -> tuple[str, OffsetMap] | None:
    """The plain text of markdown ``text`` and, for each plain character, its index in
    ``text``; ``None`` when there is no markup to strip.

    >>> strip("# Titolo\\n\\nVedi [il sito](https://x.it) ![foto](a.jpg)<!-- nota -->")[0]
    'Titolo\\n\\nVedi il sito '
    >>> strip("niente da togliere") is None
    True
    """
    drops = _line_drops(text)
    inline, protected = _inline_drops(text)
    drops.extend(inline)
    drops.extend(_emphasis_drops(text, protected))
    entities = _entities(text, protected)
    drops.extend((at + 1, end) for at, (end, _) in entities.items())
    return _apply(text, drops, entities) if drops else None


def _line_drops(text: str) -> list[tuple[int, int]]:
    drops = [m.span("marker") for m in _LINE.finditer(text)]
    first = _FIRST_LINE.match(text)
    if first is not None and first.end() > 0:
        drops.append(first.span())
    return [d for d in drops if d[1] > d[0]]


def _inline_drops(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Ranges to delete, and ranges (code, link targets, escapes) where emphasis is not read."""
    drops: list[tuple[int, int]] = []
    protected: list[tuple[int, int]] = []
    pos = 0
    closers_left = True  # once a comment is unclosed, no later one can close (linear)
    while (m := _INLINE.search(text, pos)) is not None:
        start, end = m.span()
        kind = m.lastgroup
        if kind == "comment":
            close = text.find(_COMMENT_END, end) if closers_left else -1
            if close < 0:  # an unclosed comment is text
                closers_left = False
                pos = end
                continue
            end = close + len(_COMMENT_END)
            drops.append((start, end))
            protected.append((start, end))
        elif kind == "raw":
            close = _RAW_END[m["rawname"].lower()].search(text, end)
            end = close.end() if close is not None else len(text)
            drops.append((start, end))
            protected.append((start, end))
        elif kind == "code":
            inner_start, inner_end = m.span("codetext")
            drops.append((start, inner_start))
            drops.append((inner_end, end))
            protected.append((start, end))
        elif kind == "escaped":
            drops.append((start, start + 1))
            protected.append((start, end))
        else:  # images, link openers and targets, tags
            drops.append((start, end))
            if kind != "open":
                protected.append((start, end))
        pos = end
    return drops, protected


def _emphasis_drops(text: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = [s for s, _ in protected]
    drops: list[tuple[int, int]] = []
    for pattern in _EMPHASIS:
        for m in pattern.finditer(text):
            width = len(m.group("m"))
            start, end = m.span()
            if protected and (
                _inside(start, starts, protected) or _inside(end - width, starts, protected)
            ):
                continue
            drops.append((start, start + width))
            drops.append((end - width, end))
    return drops


def _entities(text: str, protected: list[tuple[int, int]]) -> dict[int, tuple[int, str]]:
    """The entities outside code, tags and comments that stand for one character: the
    index of each "&" -> (the entity's end, the character)."""
    starts = [s for s, _ in protected]
    out = {}
    for m in _ENTITY.finditer(text):
        char = html.unescape(m[0])
        if len(char) == 1 and not (protected and _inside(m.start(), starts, protected)):
            out[m.start()] = (m.end(), char)
    return out


def _inside(pos: int, starts: list[int], ranges: list[tuple[int, int]]) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _apply(text: str, drops: list[tuple[int, int]],
           entities: dict[int, tuple[int, str]]) -> tuple[str, OffsetMap]:
    """Delete the (possibly overlapping) ``drops`` from ``text``, keeping the offset map;
    the "&" of each of ``entities`` that is kept reads as the entity's character."""
    kept_ranges: list[tuple[int, int]] = []
    kept = 0
    for start, end in sorted(drops):
        if start > kept:
            kept_ranges.append((kept, start))
        kept = max(kept, end)
    if kept < len(text):
        kept_ranges.append((kept, len(text)))
    pieces = [text[a:b] for a, b in kept_ranges]
    if entities:
        for k, (_, b) in enumerate(kept_ranges):
            if b - 1 in entities:  # the entity's own drop starts right after its "&"
                pieces[k] = pieces[k][:-1] + entities[b - 1][1]
    return "".join(pieces), OffsetMap(kept_ranges)


class OffsetMap(Sequence[int]):
    """``offsets[i]``: the body index of plain character ``i``, stored as kept ranges.

    It behaves as the tuple of those indices (indexing, slicing, ``len``, iteration,
    equality with a tuple) in memory proportional to the number of deletions, not to
    the length of the text.

    >>> m = OffsetMap([(2, 5), (7, 9)])
    >>> list(m), m[3], m[-1], len(m)
    ([2, 3, 4, 7, 8], 7, 8, 5)
    >>> m == (2, 3, 4, 7, 8)
    True
    """

    __slots__ = ("_body", "_len", "_plain")

    def __init__(self, kept_ranges: Iterable[tuple[int, int]]) -> None:
        plain: list[int] = []
        body: list[int] = []
        size = 0
        for start, end in kept_ranges:
            plain.append(size)
            body.append(start)
            size += end - start
        self._plain = tuple(plain)
        self._body = tuple(body)
        self._len = size

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._len)))
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("offset index out of range")
        k = bisect_right(self._plain, index) - 1
        return self._body[k] + index - self._plain[k]

    def kept(self) -> list[tuple[int, int]]:
        """The body ranges that stayed in the plain text, as ``(start, end)``, in order.

        >>> OffsetMap([(2, 5), (7, 9)]).kept()
        [(2, 5), (7, 9)]
        """
        ends = self._plain[1:] + (self._len,)
        return [(b, b + e - p) for p, b, e in zip(self._plain, self._body, ends)]

    def __iter__(self) -> Iterator[int]:
        ends = self._plain[1:] + (self._len,)
        for p, b, e in zip(self._plain, self._body, ends):
            yield from range(b, b + e - p)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return (self._plain, self._body, self._len) == (other._plain, other._body, other._len)
        if isinstance(other, Sequence):
            return len(other) == self._len and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal by value, so not hashable (as list)

    def __getstate__(self) -> tuple[tuple[int, ...], tuple[int, ...], int]:
        return self._plain, self._body, self._len

    def __setstate__(self, state: tuple[tuple[int, ...], tuple[int, ...], int]) -> None:
        self._plain, self._body, self._len = state

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._plain)} ranges, {self._len} characters)"
