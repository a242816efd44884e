"""What a run found: the result that every output format renders."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from quantities.types import Claim, Document, Figure, Finding


@dataclass
class Report:
    """What a run found: its documents, claims, figures and findings."""

    documents: dict[str, Document] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(f.severity for f in self.findings)

    def location(self, claim: Claim) -> tuple[int, int] | None:
        """1-based line and column of a claim in its original file (None for a title claim,
        whose span indexes the title, not the body)."""
        doc = self.documents.get(claim.doc)
        return doc.line_col(claim.span.start) if doc and claim.section == "body" else None
