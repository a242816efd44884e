"""quantities: extract numeric claims from news text and flag where sources disagree.

The public API::

    import quantities
    docs = quantities.read(["articoli/"])          # -> iterator of Document
    claims = quantities.extract(docs)              # -> list of Claim
    result = quantities.reconciliation.rules(claims)          # -> Reconciliation(figures, findings)
    findings = quantities.check(claims, "figures.toml")

Heavy modules (pint, the language data) load on first use, so ``import quantities``
is cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from quantities.errors import (
    ConfigError,
    InputError,
    InputNotFoundError,
    LanguageDataError,
    PatternTimeoutError,
    QuantitiesError,
    QuantitiesWarning,
    ReferenceFileError,
)
from quantities.types import (
    Attribution,
    Claim,
    Document,
    Figure,
    Finding,
    Quantity,
    Span,
)
from quantities.version import __version__

_LAZY = {
    "read": ("ingest.documents", "read"),
    "extract": ("extraction.claims", "extract"),
    "reconcile": ("reconciliation.rules", "reconcile"),
    "check": ("reconciliation.reference", "check"),
}

__all__ = [
    "Attribution",
    "Claim",
    "ConfigError",
    "Document",
    "Figure",
    "Finding",
    "InputError",
    "InputNotFoundError",
    "LanguageDataError",
    "PatternTimeoutError",
    "QuantitiesError",
    "QuantitiesWarning",
    "Quantity",
    "ReferenceFileError",
    "Span",
    "__version__",
    "check",
    "extract",
    "read",
    "reconcile",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'quantities' has no attribute {name!r}")
