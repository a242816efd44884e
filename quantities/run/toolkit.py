"""What extraction and reconciliation need (language packs, sources, lexicon, settings),
built once from a config and kept; and the one error of a document that cannot be read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from quantities.errors import LanguageDataError, PatternTimeoutError, QuantitiesError
from quantities.run.config import Config
from quantities.run.configfile import located
from quantities.text.i18n import _
from quantities.types import Claim, Document

#: What a document's extraction may raise that is not a bug in the caller's hands: it
#: becomes one error naming the document, and the batch goes on.
_DOCUMENT_FAILURES = (PatternTimeoutError, MemoryError, RecursionError)


class Toolkit:
    """What extraction and reconciliation need, built once from a config and kept."""

    def __init__(self, config: Config, *, titles: bool = False) -> None:
        self.config = config
        self.titles = titles  # also the claims of each document's title (section "title")
        self._cache: dict[Any, Any] = {}

    def _once(self, key: Any, build: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def extract(self, doc: Document) -> list[Claim]:
        from quantities.extraction.claims import extract_document

        return extract_document(doc, lang=self.pack(doc.lang), sources=self.sources(),
                                lexicon=self.lexicon(doc.lang), titles=self.titles)

    def extract_or_error(self, doc: Document) -> list[Claim] | QuantitiesError:
        """The claims of ``doc``, or the one error that names it when it cannot be read."""
        try:
            return self.extract(doc)
        except _DOCUMENT_FAILURES as e:
            return document_error(doc, e)

    def pack(self, code: str) -> Any:
        """The language pack of ``code``, with the config's ``[numbers]`` overrides."""
        from quantities import lang
        from quantities.run.config import numbers_pack

        def build() -> Any:
            if not self.config.numbers:
                return lang.load(code)
            return numbers_pack(code, self.config.numbers, self.config.file or "<config>")

        return self._once(("pack", code), build)

    def sources(self) -> Any:
        from quantities.lang.sources import Sources

        def build() -> Any:
            base = Sources.default()
            extra = self.config.sources
            try:
                return base.extended(extra, file=self.config.file or "<config>") if extra else base
            except LanguageDataError as e:  # its key "source.X" is the config's "sources.X"
                e.key = e.key and e.key.removeprefix("source.")
                raise located(e, "sources") from None

        return self._once("sources", build)

    def lexicon(self, code: str | None = None) -> Any:
        from quantities.lang.lexicon import Lexicon

        code = code or self.config.lang
        def build() -> Any:
            try:
                return Lexicon.load(code, extra=self.config.lexicon or None, origin=self.config.file or "<config>")
            except LanguageDataError as e:
                raise (located(e, "lexicon") if self.config.file and e.file == self.config.file else e) from None

        return self._once(("lexicon", code), build)

    def settings(self) -> Any:
        """The reconciler's settings: ``[reconcile]``, and ``[severity]`` for its rules."""
        from quantities.reconciliation.catalog import DEFAULT_SEVERITY
        from quantities.reconciliation.settings import ReconcileSettings

        def build() -> Any:
            base = ReconcileSettings.from_mapping(self.config.reconcile, file=self.config.file or "<config>")
            ours = {r: s for r, s in self.config.severity.items() if r in DEFAULT_SEVERITY}
            return replace(base, severities={**DEFAULT_SEVERITY, **ours})

        return self._once("settings", build)


def document_error(doc: Document, error: BaseException) -> QuantitiesError:
    """One line for a document whose extraction failed, naming its file."""
    name = doc.path or doc.id
    if isinstance(error, PatternTimeoutError):
        return PatternTimeoutError(_("{problem} (a bug in quantities: please report it with this document); its "
                                     "claims are left out").format(problem=error.message), file=name)
    if isinstance(error, MemoryError):
        return QuantitiesError(_("ran out of memory while reading this document; its claims are left out"), file=name)
    return QuantitiesError(_("ran past the recursion limit while reading this document; its claims are left out"),
                           file=name)
