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
    UsageError,
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

__version__ = "0.1.0"

_LAZY = {
    "read": ("ingest.documents", "read"),
    "extract": ("extraction.claims", "extract"),
    "reconcile": ("reconciliation.rules", "reconcile"),
    "check": ("reconciliation.reference", "check"),
}

__all__ = [
    "read", "extract", "reconcile", "check",
    "Attribution", "Claim", "Document", "Figure", "Finding", "Quantity", "Span",
    "QuantitiesError", "QuantitiesWarning", "LanguageDataError", "InputError", "InputNotFoundError",
    "ConfigError", "ReferenceFileError", "UsageError", "PatternTimeoutError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'quantities' has no attribute {name!r}")
