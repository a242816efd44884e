"""Front matter: YAML between ``---`` lines (Jekyll, Hugo) or TOML between ``+++`` (Hugo).

Every key is kept in the document's metadata; the ones ``quantities`` reads (``title``,
``outlet``, ``date``, ``lang``, ``url``, ``format``) are checked, the others (author,
tags, draft, nested tables, …) are kept quietly. YAML is read with PyYAML's
``safe_load``; a block that is not valid YAML but is all ``key: value`` lines (an
unquoted colon in a title: ``title: Kim: il vertice``) is read line by line, as before
YAML. A broken block is one error naming the file and the line.

>>> body, meta, lines = split("+++\\ntitle = 'Kim'\\ntags = ['a', 'b']\\n+++\\nTesto.", "a.md")
>>> body, meta["title"], meta["tags"], lines
('Testo.', 'Kim', ['a', 'b'], 4)
>>> split("---\\ntitle: [Kim\\n---\\nx", "a.md")
Traceback (most recent call last):
...
quantities.errors.InputError: a.md:2: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import regex

from quantities.cache import compiled
from quantities.errors import InputError
from quantities.text.i18n import _
from quantities.text.tomlfile import MAX_KEY_DEPTH, check_depth, nesting_line

Meta = dict[str, Any]

#: The fence that opens and closes a block, and how its text is read.
FENCES = {"---": "yaml", "+++": "toml"}
#: A line of the plain ``key: value`` reading; a value that opens YAML syntax (a list, a
#: mapping, a block, an anchor, a tag) is not plain, so broken YAML stays an error.
_KEY_VALUE = compiled(
    r"(?P<key>[A-Za-z][\w-]{0,40}+)[ \t]{0,40}+:(?:[ \t]{0,40}+(?P<value>[^\s\[{|>&*!%@`][^\n]*+))?")
_TOML_LINE = compiled(r"at line (?P<line>\d{1,9})")


def split(text: str, name: str) -> tuple[str, Meta, int]:
    """The body after front matter, every key of it, and the number of lines before the body."""
    newline = text.find("\n")
    fence = (text if newline < 0 else text[:newline]).rstrip()
    if fence not in FENCES:
        return text, {}, 0
    block: list[str] = []
    pos = newline + 1
    while True:
        end = text.find("\n", pos) if newline >= 0 else -1
        content = text[pos:] if end < 0 else text[pos:end]
        if newline >= 0 and content.rstrip() == fence:
            break
        if end < 0:
            raise InputError(_("front matter opened on line 1 is not closed with '{fence}'").format(fence=fence),
                             file=name, line=1)
        block.append(content)
        pos = end + 1
    source = "\n".join(block)
    meta = _toml(source, name) if FENCES[fence] == "toml" else _yaml(source, block, name)
    return ("" if end < 0 else text[end + 1:]), meta, len(block) + 2


def line_of(block_text: str, key: str) -> int | None:
    """The file line where ``key`` is set in a front matter block (the block starts on line 2)."""
    pattern = regex.compile(r"^[ \t]{0,40}" + regex.escape(key) + r"[ \t]{0,40}[:=]", regex.M)
    m = pattern.search(block_text)
    return block_text.count("\n", 0, m.start()) + 2 if m else None


@functools.cache
def _loader() -> Any:
    """PyYAML's safe loader, with YAML 1.2's booleans: ``true``/``false`` only, so that a
    title "Yes" or an outlet "ON" stays text (YAML 1.1 reads yes/no/on/off as booleans)."""
    import yaml

    class Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            """A node, refused past :data:`MAX_KEY_DEPTH` levels: PyYAML composes nested
            nodes by recursion (500 levels of ``[`` were a RecursionError traceback)."""
            if self.depth >= MAX_KEY_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, _("nested deeper than {depth} levels").format(depth=MAX_KEY_DEPTH),
                    self.peek_event().start_mark)
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            """A mapping, refused when a key is set twice (PyYAML keeps the last, silently)."""
            seen = set()
            for key, _value in node.value:  # a key by its resolved type and text: 1 and "1" are two
                if isinstance(key, yaml.ScalarNode) and (key.tag, key.value) in seen:
                    raise Twice(key.value, key.start_mark.line)
                seen.add((key.tag, key.value) if isinstance(key, yaml.ScalarNode) else id(key))
            return super().construct_mapping(node, deep)

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", regex.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))
    return Loader


class Twice(Exception):
    """A key set twice in one mapping, at a line counted from 0."""

    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key, self.line = key, line


def _yaml(source: str, block: list[str], name: str) -> Meta:
    import yaml

    try:
        data = yaml.load(source, Loader=_loader()) if source.strip() else {}  # a SafeLoader
    except Twice as e:
        raise InputError(_("front matter sets {key!r} twice; which one is meant is not known").format(key=e.key),
                         file=name, line=e.line + 2) from None
    except (yaml.YAMLError, ValueError) as e:  # ValueError: a date YAML reads but no calendar has
        try:
            lenient = _key_values(block)
        except Twice as twice:
            raise InputError(_("front matter sets {key!r} twice; which one is meant is not known").format(
                key=twice.key), file=name, line=twice.line + 2) from None
        if lenient is not None:
            return lenient
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        opened = getattr(e, "context_mark", None)
        context = getattr(e, "context", None)
        if context and opened is not None and mark is not None and opened.line != mark.line:
            problem += " " + _("({context} opened on line {line})").format(context=context, line=opened.line + 2)
        raise InputError(_("front matter is not valid YAML: {problem}").format(problem=problem),
                         file=name, line=mark.line + 2 if mark is not None else 1) from None
    return _mapping(data, name)


def _toml(source: str, name: str) -> Meta:
    import tomllib  # here: a run whose documents carry no TOML front matter never loads it

    check_depth(source.encode("utf-8", "surrogatepass"), name, InputError, first_line=2)
    try:
        return tomllib.loads(source)
    except RecursionError:  # arrays or inline tables nested past the interpreter's stack
        raise InputError(_("front matter is not valid TOML: nested too deeply"), file=name,
                         line=nesting_line(source.encode("utf-8", "surrogatepass"), first_line=2)) from None
    except tomllib.TOMLDecodeError as e:
        where = _TOML_LINE.search(str(e))
        problem = str(e).split(" (at ")[0]
        last = source.count("\n") + 2  # "at end of document": the block's last line
        raise InputError(_("front matter is not valid TOML: {problem}").format(problem=problem),
                         file=name, line=int(where["line"]) + 1 if where else last) from None


def _mapping(data: Any, name: str) -> Meta:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(_("front matter must be 'key: value' pairs, found {kind}").format(kind=type(data).__name__),
                         file=name, line=2)
    return {str(k): v for k, v in data.items()}


def _key_values(block: list[str]) -> Meta | None:
    """The block read as ``key: value`` lines (quotes stripped), or None if a line is not one."""
    meta: Meta = {}
    for n, content in enumerate(block):
        content = content.rstrip()
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        m = _KEY_VALUE.fullmatch(content)
        if m is None:
            return None
        if m["key"] in meta:
            raise Twice(m["key"], n)
        meta[m["key"]] = _unquote((m["value"] or "").strip()) or None
    return meta


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def as_date(value: Any) -> dt.date | str:
    """A YAML/TOML date or datetime as a date (other values are left for the caller to check)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return value
