"""Decoding a document's bytes: UTF-8 (a BOM is dropped; UTF-16 with a BOM too), UTF-8 with a
few invalid bytes replaced (with a warning naming the line), else cp1252 with a warning, else
an error naming the byte; and repairing mojibake ("perchÃ©", "ComunitĂ\\xa0")
that a wrong decoding upstream left in the text, with a warning.
"""

from __future__ import annotations

import codecs
import re
import warnings
from collections.abc import Iterable

import regex

from quantities.cache import compiled
from quantities.errors import InputError, QuantitiesWarning
from quantities.text.i18n import _, ngettext

LEGACY_ENCODING = "cp1252"
SNIFF = 8192  # bytes looked at to tell text from binary
# Control characters that do not belong in text (all but tab, newline, form feed, return).
_CONTROL = compiled(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_MOJIBAKE_ENCODINGS = ("cp1252", "latin-1", "cp1250")


def _chars(byte_values: Iterable[int]) -> str:
    """What these bytes become in the encodings UTF-8 is often misread as."""
    found = set()
    for b in byte_values:
        for encoding in _MOJIBAKE_ENCODINGS:
            try:
                found.add(bytes([b]).decode(encoding))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(found))


# A UTF-8 lead byte (two-byte sequences, and 0xE2 for punctuation) read as one of those
# encodings, followed by a continuation byte read the same way: only text with such a
# pair is handed to ftfy (which is slow), so clean text costs one fast scan. The stdlib
# engine is used for this one pattern: two character classes and no repetition are linear
# in any engine, and its scan for a large set is ten times faster than regex's.
_SUSPECT = re.compile(
    "[" + re.escape(_chars([*range(0xC2, 0xE0), 0xE2])) + "]"
    "[" + re.escape(_chars(range(0x80, 0xC0))) + "]"
)
# Two-byte UTF-8 sequences read as cp1250 ("à" → "Ă\xa0"), which ftfy does not undo.
_CP1250_TRAILS = bytes(b for b in range(0x80, 0xC0) if b not in (0x81, 0x83, 0x88, 0x90, 0x98))
_CP1250_PAIR = compiled(
    "[" + regex.escape(bytes(range(0xC2, 0xE0)).decode("cp1250")) + "]"
    "[" + regex.escape(_CP1250_TRAILS.decode("cp1250")) + "]"
)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes, name: str) -> str:
    """UTF-8 (or UTF-16 or UTF-32 with a BOM); else cp1252 with a warning; else an InputError.
    UTF-16 or UTF-32 without a BOM is refused by name, never read as garbled text.

    >>> decode("5 soldati".encode("utf-32"), "a.txt")
    '5 soldati'
    >>> decode("5 soldati".encode("utf-32-le"), "a.txt")
    Traceback (most recent call last):
    ...
    quantities.errors.InputError: a.txt: UTF-32 text without a byte order mark; convert it to UTF-8
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as e:
                problem = _("not valid {encoding}: {reason}").format(encoding=encoding[:6].upper(), reason=e.reason)
                raise InputError(problem, file=name) from None
    refuse_binary(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = mostly_utf8(data, name) or legacy(data, name)
    sample = text[:SNIFF]
    if len(_CONTROL.findall(sample)) > len(sample) // 10:
        raise InputError(_("binary file (control characters)"), file=name)
    return text


def record(raw: bytes, name: str, lineno: int, *, warn: bool = True) -> tuple[str, bool]:
    """One line of a JSONL file: UTF-8 (a BOM dropped on the first), else UTF-8 with a few bad
    bytes replaced (:func:`mostly_utf8`, named at ``lineno``), else cp1252 (:func:`legacy`); and
    whether it was read as cp1252.

    >>> record("5 morti à".encode(), "a.jsonl", 3)
    ('5 morti à', False)
    """
    try:
        return raw.decode("utf-8-sig" if lineno == 1 else "utf-8"), False
    except UnicodeDecodeError:
        text = mostly_utf8(raw, name, line=lineno)
    return (text, False) if text is not None else (legacy(raw, f"{name}:{lineno}", warn=warn), True)


def refuse_binary(data: bytes, name: str) -> None:
    """An error for bytes with a NUL (none is text), naming UTF-16 or UTF-32 without a BOM."""
    if data.startswith(tuple(bom for bom, _encoding in _BOMS)):
        return
    nul = data.find(b"\0")
    if nul >= 0:
        wide = _wide_without_bom(data)
        if wide:
            raise InputError(_("{encoding} text without a byte order mark; convert it to UTF-8").format(encoding=wide),
                             file=name)
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(_("binary file (NUL byte at offset {offset})").format(offset=nul), file=name, line=line)


def _wide_without_bom(data: bytes) -> str | None:
    """"UTF-32" or "UTF-16" when the NUL bytes of ``data`` fall as in such text of Latin
    letters: one byte in every 4 (or 2) carries the letter, the others are nearly all NUL."""
    sample = data[:SNIFF]
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        lanes = [sample[i::width] for i in range(width)]
        if len(lanes[-1]) < 2:
            return None
        mostly_nul = [lane.count(0) * 10 >= len(lane) * 9 for lane in lanes]
        if mostly_nul.count(False) == 1 and sample[mostly_nul.index(False)::width].count(0) * 2 < len(lanes[0]):
            return name
    return None


def mostly_utf8(data: bytes, name: str, *, line: int = 1) -> str | None:
    """``data`` read as UTF-8 with its invalid bytes replaced by U+FFFD, with a warning naming
    the first one's line, when more of its non-ASCII characters are valid UTF-8 than not (a
    UTF-8 file but for a few bad bytes); else None. Text in cp1252 or latin-1 has none or few
    valid sequences (an accented letter is one byte, followed by ASCII). ``line`` is the line
    ``data`` starts on (a JSONL record's).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     mostly_utf8(b"citt\\xc3\\xa0, perch\\xc3\\xa9, pi\\xc3\\xb9 \\xc0\\xaf", "a.txt")
    'città, perché, più ��'
    >>> mostly_utf8(b"citt\\xe0, perch\\xe9", "a.txt") is None
    True
    """
    escaped = data.decode("utf-8-sig", "surrogateescape")  # an invalid byte: one U+DC80-U+DCFF
    bad = _ESCAPED.findall(escaped)
    valid = len(escaped) - len(escaped.encode("ascii", "ignore")) - len(bad)
    if valid <= len(bad):
        return None
    first = _ESCAPED.search(escaped)
    line += escaped.count("\n", 0, first.start() if first else 0)
    warnings.warn(ngettext("{name}:{line}: {count} byte not valid UTF-8 (0x{byte:02x}), replaced with U+FFFD",
                           "{name}:{line}: {count} bytes not valid UTF-8 (first 0x{byte:02x}), replaced with U+FFFD",
                           len(bad)).format(name=name, line=line, count=len(bad), byte=ord(bad[0]) - 0xDC00),
                  QuantitiesWarning, stacklevel=3)
    return _ESCAPED.sub("\ufffd", escaped)


_ESCAPED = re.compile("[\udc80-\udcff]")


def legacy(data: bytes, name: str, *, warn: bool = True) -> str:
    """cp1252 (a superset of latin-1's printable characters), with a warning; else an error.

    The bytes cp1252 leaves undefined decode in latin-1 only to C1 control characters,
    which no text uses: such a file is garbage or another encoding, never silently read.
    """
    try:
        text = data.decode(LEGACY_ENCODING)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(
            _("not UTF-8 or {encoding} text (byte 0x{byte:02x} at offset {offset}); convert it to UTF-8").format(
                encoding=LEGACY_ENCODING, byte=data[e.start], offset=e.start), file=name, line=line,
        ) from None
    if warn:
        warnings.warn(_("{name}: not UTF-8, decoded as {encoding}").format(name=name, encoding=LEGACY_ENCODING),
                      QuantitiesWarning, stacklevel=2)
    return text


def repair(text: str, name: str) -> str:
    """Undo mojibake (UTF-8 read as cp1252/latin-1/cp1250 upstream), with a warning."""
    if not _SUSPECT.search(text):
        return text
    import ftfy  # only for suspect text: its import costs a tenth of a one-sentence run
    import ftfy.badness

    fixed = ftfy.fix_encoding(text) if ftfy.badness.is_bad(text) else text
    if _CP1250_PAIR.search(fixed):
        fixed = _CP1250_PAIR.sub(_cp1250_pair, fixed)
    if fixed != text:
        warnings.warn(
            _("{name}: repaired mojibake (text decoded with the wrong encoding upstream); "
              "offsets refer to the repaired text").format(name=name),
            QuantitiesWarning,
            stacklevel=2,
        )
    return fixed


def _cp1250_pair(m: regex.Match[str]) -> str:
    try:
        return m.group().encode("cp1250").decode("utf-8")
    except UnicodeDecodeError:
        return m.group()
