"""The reconciler's factors, with their defaults; a desk's ``[reconcile]`` table overrides them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from quantities.errors import ConfigError
from quantities.lang import schema
from quantities.reconciliation.catalog import DEFAULT_SEVERITY
from quantities.text.i18n import _

POSITIVE = {"vague_stretch", "event_names", "event_days"}  # 0 would divide or leave no event


@dataclass(frozen=True, slots=True)
class ReconcileSettings:
    """Every factor of the reconciler, with its default; a desk's config overrides them.

    >>> ReconcileSettings.from_mapping({"date-window-days": 3}).date_window_days
    3
    >>> ReconcileSettings.from_mapping({"window": 3}, file="quantities.toml")
    Traceback (most recent call last):
    ...
    quantities.errors.ConfigError: quantities.toml: reconcile.window: unknown key (known: approx_margin, ...)
    """

    approx_margin: float = 0.10        # ± for an approximate figure that came without an interval
    precision_tolerance: float = 0.5   # a bare figure allows this many units of its last digit ...
    round_from: float = 1000           # ... when that digit stands for thousands or more ("15mila",
                                       # "5.000"); "10", "300", "1.400" are exact counts
    over_margin: float = 0.2          # "oltre 300", "almeno 300" read as 300..360 (the gold's convention)
    vague_stretch: float = 2.0         # "migliaia" [2.000, 9.999] is read as [1.000, 19.998]
    date_window_days: int = 7          # documents further apart are a timeline whatever the values
    min_shared_words: int = 2          # context words two sentences share to say that nouns the
                                       # lexicon cannot relate count the same thing (wording)
    event_names: int = 12              # names (capitalised words) that sign a document's event
    event_days: int = 30               # documents this close can be one event; twice as far, never
    within_documents: bool = True      # compare a headline with its own body (headline-body)
    far_apart: float = 3.0             # a disagreement further apart than this factor is a warning (0: never)
    severities: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], file: str = "<config>") -> ReconcileSettings:
        """Settings from a config table (``-`` and ``_`` alike in keys)."""
        values: dict[str, Any] = {}
        types = {f.name: f.default for f in fields(cls) if f.name != "severities"}
        schema.snake_keys(data, "reconcile.", lambda key, message: ConfigError(message, file=file, key=key))
        for raw, value in data.items():
            name = raw.replace("-", "_")
            if name == "severities":
                raise ConfigError(_("rule severities are set in the [severity] table, not here"),
                                  file=file, key=f"reconcile.{raw}")
            if name not in types:
                raise ConfigError(_("unknown key (known: {keys})").format(keys=", ".join(sorted(types))),
                                  file=file, key=f"reconcile.{raw}")
            values[name] = _setting(value, types[name], file, f"reconcile.{raw}")
            if name in POSITIVE and values[name] <= 0:
                raise ConfigError(_("must be above 0"), file=file, key=f"reconcile.{raw}")
        return cls(**values)

    def severity(self, rule: str) -> str:
        return self.severities.get(rule, DEFAULT_SEVERITY[rule])


def _setting(value: Any, default: Any, file: str, key: str) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(_("must be true or false"), file=file, key=key)
        return value
    ok = schema.is_number(value) and value >= 0
    if not ok or (isinstance(default, int) and not isinstance(value, int)):
        message = _("must be a whole number >= 0, not {value!r}") if isinstance(default, int) else \
            _("must be a number >= 0, not {value!r}")
        raise ConfigError(message.format(value=value), file=file, key=key)
    return value
