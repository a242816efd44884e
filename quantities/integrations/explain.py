"""``quantities rules [NAME]`` and ``--show-config``: what the rules mean, and which config
a run uses."""

from __future__ import annotations

import json
import os
from typing import IO, Any

from quantities.errors import QuantitiesError
from quantities.text import i18n
from quantities.text.i18n import _

#: The width of the summary column of ``quantities rules`` (the table fits 120 columns).
RULES_WIDTH = 72


def rules_command(name: str | None, out: IO[str]) -> int:
    """The rules as a table, or one rule explained with an example."""
    from quantities.report import catalogue
    from quantities.report.formats.common import severity_label, table, wrap

    if name is None:
        rows = [[r.name, r.kind, severity_label(r.severity), wrap(catalogue.summary(r), RULES_WIDTH)]
                for r in catalogue.rule_table()]
        out.write(table([_("rule"), _("kind"), _("severity"), _("what it flags")], rows, "simple") + "\n")
        return 0
    try:
        info = catalogue.rule(name)
    except KeyError:
        raise QuantitiesError(_("unknown rule {name!r} (rules: {rules})").format(
            name=name, rules=", ".join(catalogue.names()))) from None
    out.write("\n".join([
        f"{info.name} ({info.kind}, {_('default severity')}: {severity_label(info.severity)})",
        "",
        wrap(catalogue.summary(info), RULES_WIDTH + 28),
        "",
        f"{_('Example')}: {catalogue.example(info)}",
        "",
        _("Silence it in an article, with the reason:"),
        f"  <!-- quantities: ignore {info.name} \"{_('claim text')}\" — {_('reason')} -->",
        _("Change its severity, or turn it off, in the config:"),
        f"  [tool.quantities.severity]\n  {info.name} = \"warning\"   # error | warning | info | off",
        _("Leave it out of one run:"),
        f"  quantities report --ignore {info.name} PATH…",
    ]) + "\n")
    return 0


def show_config(config: Any) -> str:
    """The config in force, as TOML a desk can paste, with where it comes from: every value,
    the defaults included (each rule's severity, every factor of the reconciler)."""
    lines = [f"# {_('config file')}: {config.file or _('none found (the defaults)')}",
             f"# {_('messages in')}: {i18n.choose(config.locale, os.environ, config.lang)}",
             "[tool.quantities]"]
    plain = {"lang": config.lang, "locale": config.locale, "fail_on": config.fail_on, "show": config.show,
             "select": list(config.select), "ignore_rules": list(config.ignore_rules),
             "include": list(config.include), "exclude": list(config.exclude)}
    lines += [f"{key} = {_toml(value)}" for key, value in plain.items() if value is not None]
    from dataclasses import fields

    from quantities.reconciliation.settings import ReconcileSettings
    from quantities.report.catalogue import rule_table

    severity = {r.name: config.severity.get(r.name, r.severity) for r in rule_table()}
    settings = ReconcileSettings.from_mapping(config.reconcile)
    reconcile = {f.name: getattr(settings, f.name) for f in fields(settings) if f.name != "severities"}
    for table, values in (("severity", severity), ("reconcile", reconcile)):
        lines += ["", f"[tool.quantities.{table}]"] + [f"{_key(k)} = {_toml(v)}" for k, v in values.items()]
    for item in config.ignore:
        lines += ["", "[[tool.quantities.ignore]]"] + [
            f"{k} = {_toml(v)}" for k, v in (("path", item.path), ("rule", item.rule), ("text", item.text),
                                              ("reason", item.reason)) if v is not None]
    extra = [t for t in ("numbers", "lexicon", "sources") if getattr(config, t)]
    if extra:
        lines += ["", f"# {_('also set')}: " + ", ".join(f"[{t}]" for t in extra)]
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else json.dumps(key)
