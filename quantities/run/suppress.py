"""Suppressions an editor writes in an article after checking a finding.

    <!-- quantities: ignore wording-conflict "1.000 ingegneri" — verified with the desk -->

The rule is required, the quoted claim text optional (without it the rule is silenced
for the whole article; with it, the claim must be one of this article's), the reason
after a dash (—, –, --, -) or a colon required. Straight, curly and angle quotes all
work; ``quantities: ignore`` in any case. One is written on one line, closed there: one that
is not closed, or whose quote is not, is an error at its line, never passed over. A
suppression that matches no finding is reported, so that it does not rot.

>>> s, = parse('x <!-- quantities: ignore value-conflict "15mila soldati" — checked -->', "a.md")
>>> s.rule, s.text, s.reason, s.line
('value-conflict', '15mila soldati', 'checked', 1)
"""

from __future__ import annotations

from dataclasses import dataclass

from quantities.cache import compiled
from quantities.errors import InputError
from quantities.run.config import RULES, Ignore
from quantities.text.fold import squeeze
from quantities.text.i18n import _
from quantities.types import Finding, line_col

#: A suppression: ``quantities:`` and ``ignore`` in any case ("QUANTITIES: IGNORE" is one too).
COMMENT = compiled(r"(?i)<!--\s{0,20}quantities:(?P<body>[^\n]{0,600}?)-->")
#: One that opens and is not closed on its line: an error, never a comment silently passed over.
UNCLOSED = compiled(r"(?i)<!--\s{0,20}quantities:(?![^\n]{0,600}?-->)")
#: "ignore RULE", then optionally the claim's text in straight, curly or angle quotes.
HEAD = compiled(
    r"(?i)\s{0,20}ignore\s{1,20}(?P<rule>[a-z](?:[a-z-]{0,40}[a-z])?)(?![a-z-])"
    r"(?:\s{0,20}[\"“«](?P<text>[^\"”»\n]{1,200})[\"”»])?"
)
#: A quote the claim's text opens and never closes, or closes at once.
OPEN_QUOTE = compiled(r"\s{0,20}[\"“«]")
EMPTY_QUOTE = compiled(r"\s{0,20}[\"“«][\"”»]")
#: The reason follows a dash (—, –, --, -) or a colon.
REASON = compiled(r"\s{0,20}(?:[—–:]|--?)\s{0,20}(?P<reason>\S[^\n]{0,500}?)\s{0,20}$")
SYNTAX = '<!-- quantities: ignore RULE "claim text" — reason -->'


@dataclass(frozen=True)
class Suppression:
    doc: str
    line: int
    rule: str
    text: str | None
    reason: str

    def matches(self, finding: Finding) -> bool:
        """Same rule, and a claim of this document with this text (line breaks folded)."""
        return finding.rule == self.rule and any(
            c.doc == self.doc and (self.text is None or squeeze(c.text) == squeeze(self.text))
            for c in finding.claims
        )


def parse(text: str, doc: str, line_offset: int = 0) -> list[Suppression]:
    """The suppressions written in a document's text; a malformed one is an InputError."""
    found = []
    for m in COMMENT.finditer(text):
        line = line_col(text, m.start())[0] + line_offset
        found.append(_parse_one(m["body"], doc, line))
    unclosed = UNCLOSED.search(text)
    if unclosed is not None:
        end = text.find("\n", unclosed.start())
        long = "-->" in text[unclosed.start():end if end >= 0 else len(text)]  # closed, past the 600 read
        message = (_("bad suppression: longer than 600 characters; write {syntax}") if long
                   else _("bad suppression: not closed with --> on its line; write {syntax}"))
        line = line_col(text, unclosed.start())[0] + line_offset
        raise InputError(message.format(syntax=SYNTAX), file=doc, line=line)
    return found


def _parse_one(body: str, doc: str, line: int) -> Suppression:
    def bad(what: str) -> InputError:
        message = _("bad suppression: {what}; write {syntax}").format(what=what, syntax=SYNTAX)
        return InputError(message, file=doc, line=line)

    head = HEAD.match(body)
    if head is None:
        raise bad(_("expected 'ignore' and a rule name after 'quantities:'"))
    rule = head["rule"].lower()
    if rule not in RULES:
        raise bad(_("unknown rule {name!r} (rules: {rules})").format(name=head["rule"], rules=", ".join(RULES)))
    if head["text"] is None and EMPTY_QUOTE.match(body, head.end()):
        raise bad(_("the claim's text is empty (leave the quotes out to silence the rule for the whole article)"))
    if head["text"] is None and OPEN_QUOTE.match(body, head.end()):
        raise bad(_("the claim's text opens a quote that is not closed"))
    reason = REASON.match(body, head.end())
    if reason is None:
        raise bad(_("a reason is required after a dash or a colon"))
    return Suppression(doc, line, rule, head["text"], reason["reason"])


def apply(
    findings: list[Finding], written: list[Suppression], configured: tuple[Ignore, ...]
) -> tuple[list[Finding], list[Finding]]:
    """The findings left after suppression, and one finding per suppression that matched nothing."""
    used: set[Suppression | Ignore] = set()
    kept = []
    for f in findings:
        hits: list[Suppression | Ignore] = [s for s in written if s.matches(f)]
        hits += [i for i in configured
                 if any(i.matches(c.doc, f.rule, [squeeze(c.text)]) for c in f.claims)]
        used.update(hits)
        if not hits:
            kept.append(f)
    stale = [_stale(f"{s.doc}:{s.line}", s.rule, s.text) for s in written if s not in used]
    stale += [_stale(f"{i.path} (config)", i.rule, i.text) for i in configured if i not in used]
    return kept, stale


def _stale(where: str, rule: str, text: str | None) -> Finding:
    what = f' for "{text}"' if text else ""
    return Finding(rule="unused-suppression", kind="suppression", severity="warning",
                   message=f"{where}: the suppression of {rule}{what} matches no finding; remove it",
                   claims=())
