"""A desk's configuration: ``[tool.quantities]`` in ``pyproject.toml`` or ``quantities.toml``.

The nearest file found upward from the working directory is used; ``--config`` wins.
An unknown key is an error naming the file and key, never a silent no-op.

>>> cfg = Config.from_mapping({"lang": "it", "severity": {"hedge-drift": "off"}})
>>> cfg.lang, cfg.severity["hedge-drift"]
('it', 'off')
>>> Config.from_mapping({"langs": "it"}, file="quantities.toml")
Traceback (most recent call last):
...
quantities.errors.ConfigError: quantities.toml: langs: unknown key (known: exclude, fail_on, ignore, ignore_rules, ...)
"""

from __future__ import annotations

import fnmatch
import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quantities.errors import ConfigError, QuantitiesWarning
from quantities.lang import schema
from quantities.report.catalogue import names as rule_names
from quantities.run.configfile import find, line_of, read_toml
from quantities.run.overrides import numbers_pack
from quantities.text import i18n
from quantities.text.i18n import _
from quantities.types import FAIL_LEVELS, SEVERITIES

SEVERITY_VALUES = (*SEVERITIES, "off")
#: Every rule a finding can come from (the reconciler's, the reference check's, suppressions'):
#: the one rule table, report/catalogue.py.
RULES = rule_names()
#: Fields that are not keys of the file.
_DERIVED = {"file", "paths"}
__all__ = ["Config", "find", "load", "numbers_pack"]


@dataclass(frozen=True)
class Ignore:
    """A suppression kept in config: a rule (and optionally a claim text) in some files."""

    path: str
    rule: str
    reason: str
    text: str | None = None

    def matches(self, doc: str, rule: str, texts: list[str]) -> bool:
        return (
            rule == self.rule
            and fnmatch.fnmatch(doc, self.path)
            and (self.text is None or self.text in texts)
        )


@dataclass(frozen=True)
class Config:
    """Everything a desk can set. The defaults are the shipped data."""

    file: str | None = None
    lang: str = "it"
    fail_on: str = "error"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    reconcile: Mapping[str, Any] = field(default_factory=dict)
    numbers: Mapping[str, Any] = field(default_factory=dict)
    lexicon: Mapping[str, Any] = field(default_factory=dict)
    sources: Mapping[str, Any] = field(default_factory=dict)
    ignore: tuple[Ignore, ...] = ()
    locale: str | None = None              # the messages' language (default: LANG, else the documents')
    show: str = "info"                     # the least severe finding printed (--show)
    select: tuple[str, ...] = ()           # only these rules (empty: all)
    ignore_rules: tuple[str, ...] = ()     # never these rules (``[[ignore]]`` are suppressions)
    paths: PathFilter = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """The include/exclude matcher, relative to the config file's folder when there is one."""
        base = os.path.dirname(os.path.abspath(self.file)) if self.file and os.path.isfile(self.file) else None
        try:
            object.__setattr__(self, "paths", PathFilter(self.include, self.exclude, base))
        except ConfigError as e:  # a pattern pathspec refuses ("\\" alone): named with the file
            raise ConfigError(e.message, file=self.file, key=e.key) from None

    def selects(self, rule: str) -> bool:
        """Whether findings of ``rule`` are kept (``select`` and ``ignore``)."""
        return (not self.select or rule in self.select) and rule not in self.ignore_rules

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], file: str = "<config>", text: str | None = None) -> Config:
        """A config from a parsed table; ``text`` (the file's source) lets errors name the line."""
        try:
            def fail(key: str, message: str) -> ConfigError:
                return ConfigError(message, file=file, key=key)

            return cls._from_mapping(schema.snake_keys(data, "", fail), file)
        except ConfigError as e:
            if text is not None and e.key and e.line is None:
                e.line = line_of(text, e.key)
            raise

    @classmethod
    def _from_mapping(cls, data: Mapping[str, Any], file: str) -> Config:
        known = sorted(f for f in cls.__dataclass_fields__ if f not in _DERIVED)
        for key in data:
            if key not in known:
                raise ConfigError(_("unknown key (known: {keys})").format(keys=", ".join(known)), file=file, key=key)
        lang = _string(data, "lang", "it", file)
        from quantities.lang import available

        if lang not in available():
            raise ConfigError(_("no language pack for {lang!r} (available: {languages})").format(
                lang=lang, languages=", ".join(available())),
                              file=file, key="lang")
        fail_on = _choice(data, "fail_on", "error", FAIL_LEVELS, file)
        show = _choice(data, "show", "info", SEVERITIES, file)
        locale = data.get("locale")
        if locale is not None and (not isinstance(locale, str) or not locale):
            raise ConfigError(_("must be a non-empty string"), file=file, key="locale")
        if locale is not None and not i18n.is_locale_name(locale):
            raise ConfigError(_("not a locale name: {locale!r} (a code like it, en, it_IT)").format(locale=locale),
                              file=file, key="locale")
        if locale is not None and i18n.language_of(locale) not in i18n.available():
            raise ConfigError(_("no messages in {locale!r} (available: {languages})").format(
                locale=locale, languages=", ".join(i18n.available())), file=file, key="locale")
        severity = _table(data, "severity", file)
        for rule, value in severity.items():
            if rule not in RULES:
                raise ConfigError(_("unknown rule (rules: {rules})").format(rules=", ".join(RULES)),
                                  file=file, key=f"severity.{rule}")
            if value not in SEVERITY_VALUES:
                raise ConfigError(
                    _("must be one of {choices}, not {value!r}").format(choices=", ".join(SEVERITY_VALUES),
                                                                        value=value),
                    file=file, key=f"severity.{rule}",
                )
        reconcile = _table(data, "reconcile", file)
        from quantities.reconciliation.rules import ReconcileSettings

        ReconcileSettings.from_mapping(reconcile, file=file)  # its keys and values, checked now
        return cls(
            file=file,
            lang=lang,
            fail_on=fail_on,
            include=_strings(data, "include", file),
            exclude=_strings(data, "exclude", file),
            severity=severity,
            reconcile=reconcile,
            numbers=_numbers(data, lang, file),
            lexicon=_table(data, "lexicon", file),
            sources=_tables(data, "sources", file),
            ignore=_ignores(data.get("ignore", []), file),
            locale=locale,
            show=show,
            select=rules_list(_strings(data, "select", file), file, "select"),
            ignore_rules=rules_list(_strings(data, "ignore_rules", file), file, "ignore_rules"),
        )

    def wants(self, path: str) -> bool:
        """Whether a file found under a directory passes ``include`` and ``exclude``."""
        return self.paths.wants(path)


class PathFilter:
    """``include`` and ``exclude`` as gitignore patterns (``bozze/`` is a folder at any
    depth, ``/bozze`` only at the top, ``*.md``, ``**``, ``!keep.md``), matched against
    paths relative to the config file's folder (else the working directory). It remembers
    which patterns matched, so that one that matched nothing can be reported.

    >>> f = PathFilter((), ("bozze/", "*.tmp.md"), None)
    >>> f.wants("articoli/bozze/a.md"), f.wants("articoli/b.md"), f.unmatched()
    (False, True, ['*.tmp.md'])
    """

    def __init__(self, include: tuple[str, ...], exclude: tuple[str, ...], base: str | None) -> None:
        self.base = base
        self.patterns = (*include, *exclude)
        self.matched: set[str] = set()
        self.consulted = False
        self.include: Any = None
        self.exclude: Any = None
        self._each: dict[str, Any] = {}
        if not self.patterns:  # no pattern, nothing to match: pathspec (~15 ms to import) stays out
            return
        import pathspec

        for key, patterns in (("include", include), ("exclude", exclude)):
            for pattern in patterns:
                try:
                    pathspec.GitIgnoreSpec.from_lines([pattern])
                except ValueError:
                    raise ConfigError(_("not a gitignore pattern: {pattern!r}").format(pattern=pattern),
                                      key=key) from None
        self.include = pathspec.GitIgnoreSpec.from_lines(include) if include else None
        self.exclude = pathspec.GitIgnoreSpec.from_lines(exclude)
        # each pattern alone (a negation by what it names), to tell which ones matched nothing
        self._each = {p: pathspec.GitIgnoreSpec.from_lines([p.removeprefix("!")]) for p in self.patterns}

    def _relative(self, path: str) -> str:
        absolute = os.path.abspath(path)
        base = self.base or os.getcwd()
        inside = os.path.commonpath([absolute, base]) == base if os.path.isabs(base) else False
        return Path(os.path.relpath(absolute, base) if inside else path).as_posix()

    def wants(self, path: str) -> bool:
        if not self.patterns:
            return True
        self.consulted = True
        posix = self._relative(path)
        self.matched.update(p for p, spec in self._each.items() if p not in self.matched and spec.match_file(posix))
        if self.include is not None and not self.include.match_file(posix):
            return False
        return not self.exclude.match_file(posix)

    def unmatched(self) -> list[str]:
        """The patterns that matched none of the files they were asked about."""
        if not self.consulted:
            return []
        return [p for p in self.patterns if p not in self.matched]

    def warn_unmatched(self, file: str | None) -> None:
        for pattern in self.unmatched():
            warnings.warn(_("{file}: the pattern {pattern!r} matched no file (patterns follow gitignore rules: "
                            "'drafts/' is a folder at any depth)").format(file=file or _("config"), pattern=pattern),
                          QuantitiesWarning, stacklevel=2)


def rules_list(names: tuple[str, ...], file: str, key: str) -> tuple[str, ...]:
    """Rule names, each a known rule (``select``, ``ignore_rules``, ``--select``, ``--ignore``)."""
    for name in names:
        if name not in RULES:
            raise ConfigError(_("unknown rule {name!r} (rules: {rules})").format(name=name, rules=", ".join(RULES)),
                              file=file, key=key)
    return names


def load(path: str | os.PathLike[str] | None = None, *, start: str | None = None) -> Config:
    """The config at ``path``, else the nearest one found upward, else the defaults."""
    found = Path(path) if path is not None else find(start)
    if found is None:
        return Config()
    data = read_toml(found)
    if found.name == "pyproject.toml" or "tool" in data:
        tool = data.get("tool", {})
        data = tool.get("quantities", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(_("must be a table"), file=str(found), key="tool.quantities")
    return Config.from_mapping(data, file=str(found), text=found.read_text(encoding="utf-8"))


def _numbers(data: Mapping[str, Any], lang: str, file: str) -> dict[str, Any]:
    """The ``[numbers]`` overrides, checked now against the pack of ``lang`` (see
    :func:`numbers_pack`), so that a mistake in them stops the run before any document."""
    numbers = _table(data, "numbers", file)
    if numbers:
        numbers_pack(lang, numbers, file)
    return numbers


def _string(data: Mapping[str, Any], key: str, default: str, file: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConfigError(_("must be a non-empty string"), file=file, key=key)
    return value


def _choice(data: Mapping[str, Any], key: str, default: str, choices: tuple[str, ...], file: str) -> str:
    value = _string(data, key, default, file)
    if value not in choices:
        raise ConfigError(_("must be one of {choices}, not {value!r}").format(choices=", ".join(choices), value=value),
                          file=file, key=key)
    return value


def _table(data: Mapping[str, Any], key: str, file: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(_("must be a table"), file=file, key=key)
    return value


def _tables(data: Mapping[str, Any], key: str, file: str) -> dict[str, Any]:
    """A table whose every value is a table (``[sources."Name"]``)."""
    value = _table(data, key, file)
    for name, entry in value.items():
        if not isinstance(entry, dict):
            raise ConfigError(_("must be a table"), file=file, key=f"{key}.{name}")
    return value


def _strings(data: Mapping[str, Any], key: str, file: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(_("must be a list of non-empty strings"), file=file, key=key)
    return tuple(value)


def _ignores(items: Any, file: str) -> tuple[Ignore, ...]:
    if not isinstance(items, list):
        raise ConfigError(_("must be an array of tables ([[ignore]])"), file=file, key="ignore")
    out = []
    for i, item in enumerate(items):
        key = f"ignore[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(_("must be a table"), file=file, key=key)
        unknown = set(item) - {"path", "rule", "reason", "text"}
        if unknown:
            raise ConfigError(_("unknown key {key!r}").format(key=sorted(unknown)[0]), file=file, key=key)
        for required in ("rule", "reason"):
            if not isinstance(item.get(required), str) or not item[required].strip():
                raise ConfigError(_("needs a non-empty {key!r}").format(key=required), file=file, key=key)
        for optional in ("path", "text"):
            if optional in item and (not isinstance(item[optional], str) or not item[optional].strip()):
                raise ConfigError(_("{key!r} must be a non-empty string").format(key=optional), file=file, key=key)
        if item["rule"] not in RULES:
            message = _("unknown rule {name!r} (rules: {rules})")
            raise ConfigError(message.format(name=item["rule"], rules=", ".join(RULES)), file=file, key=key)
        out.append(Ignore(path=item.get("path", "*"), rule=item["rule"],
                          reason=item["reason"], text=item.get("text")))
    return tuple(out)
