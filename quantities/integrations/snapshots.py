"""Snapshots of an article's claims: the ``quantities_claims`` fixture's engine.

A committed ``<article>.claims.json`` next to the test holds one claim per line (the records
of ``quantities extract --format jsonl``); a check compares the article's claims with it and
fails with what was added, removed or changed.
"""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quantities.errors import QuantitiesError
from quantities.report.records import claim_record
from quantities.testing import ConfigLike, PathOrText, _claims, _fail, near

#: Where a claim sits: not compared, so that editing around a figure is no change.
PLACE_FIELDS = ("doc", "start", "end")


@dataclass(repr=False)
class ClaimsSnapshot:
    """An article's claims against a committed ``<name>.claims.json`` in ``folder``.

    The first check writes the file and fails (so that nothing is accepted unseen);
    later checks fail with the claims that were added, removed or changed. With
    ``update=True`` (``pytest --quantities-update``) the file is rewritten and the
    check passes.
    """

    folder: Path
    update: bool = False
    rootdir: Path | None = None
    config: ConfigLike = None

    def check(self, article: PathOrText, *, name: str | None = None, lang: str | None = None) -> Path:
        """Compare the article's claims with its snapshot; returns the snapshot's path."""
        __tracebackhide__ = True
        path = self._locate(article)
        shown = Path(article).as_posix()
        snapshot = self._snapshot(name, path, shown)
        out = _claims(path, self.config, lang)
        records = [{**claim_record(c), "doc": shown} for c in out.report.claims]
        old = _read_snapshot(snapshot)
        if old is not None and _compared(old) == _compared(records):
            return snapshot
        if self.update:
            _write_snapshot(snapshot, shown, records)
            return snapshot
        if old is None:
            _write_snapshot(snapshot, shown, records)
            _fail(f"quantities: wrote a new snapshot {snapshot} with the {len(records)} claims of {shown}.\n"
                  "Read it: if the claims are right, commit it and run the tests again; this first run fails\n"
                  "so that nothing is accepted unseen.")
        _fail(f"quantities: the claims of {shown} changed (snapshot {snapshot}):\n"
              + snapshot_diff(old or [], records)
              + "\n\nIf the new claims are right, accept them with: pytest --quantities-update")

    def __repr__(self) -> str:
        return f"<quantities_claims: snapshots in {near(str(self.folder))}>"

    def _snapshot(self, name: str | None, path: Path, shown: str) -> Path:
        """``<name>.claims.json`` in the test's folder, never outside it; without a name, the
        article's stem — and, when that snapshot belongs to another article of the same file
        name, the stem with the article's folders (``kim--esteri.claims.json``)."""
        folder = self.folder.resolve()
        if name is not None:
            snapshot = (folder / f"{name}.claims.json").resolve()
            if not isinstance(name, str) or not name or snapshot.parent != folder:
                raise QuantitiesError(f"quantities_claims: name={name!r} must be a plain file name: the "
                                      f"snapshot stays in the test's folder {near(str(self.folder))}")
            return Path(near(str(snapshot)))
        snapshot = folder / f"{path.stem}.claims.json"
        owner = _owner(snapshot)
        if owner is not None and owner != shown:
            parents = [p for p in Path(shown).parent.parts if p not in ("", ".", "..", "/")]
            snapshot = folder / f"{'--'.join([path.stem, *parents])}.claims.json"
        return Path(near(str(snapshot)))

    def _locate(self, article: PathOrText) -> Path:
        __tracebackhide__ = True
        path = Path(article)
        if not path.is_absolute() and not path.exists() and self.rootdir is not None:
            path = self.rootdir / path
        if not path.exists():
            _fail(f"quantities: cannot read the article:\n  {os.fspath(article)}: no such file")
        return path


def _compared(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k not in PLACE_FIELDS} for r in records]


def _read_snapshot(path: Path) -> list[dict[str, Any]] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except json.JSONDecodeError as e:
        raise QuantitiesError(f"not a claims snapshot (bad JSON: {e}); delete it and run again",
                              file=str(path)) from None
    claims = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(claims, list):
        raise QuantitiesError("not a claims snapshot (no \"claims\" list); delete it and run again", file=str(path))
    return claims


def _owner(path: Path) -> str | None:
    """The article a snapshot file was written for, if it is one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    article = data.get("article") if isinstance(data, dict) else None
    return article if isinstance(article, str) else None


def _write_snapshot(path: Path, article: str, records: list[dict[str, Any]]) -> None:
    """One claim per line, so that a change reads as a one-line diff in review."""
    lines = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in records)
    body = f'{{\n  "article": {json.dumps(article, ensure_ascii=False)},\n  "claims": [\n{lines}\n  ]\n}}\n'
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, path)


def snapshot_diff(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> str:
    """The claims removed, added and changed between two lists of records, one line each.

    >>> a = {"text": "5.000 operai", "value": 5000}
    >>> print(snapshot_diff([a], [{**a, "value": 6000}, {"text": "1.000 genieri", "value": 1000}]))
      ~ "5.000 operai": value 5000 → 6000
      + "1.000 genieri" (value 1000)
    >>> print(snapshot_diff([a], [{"text": "6.000 operai", "value": 6000}]))
      - "5.000 operai" (value 5000)
      + "6.000 operai" (value 6000)
    """
    before, after = _compared(old), _compared(new)
    matcher = difflib.SequenceMatcher(a=[r.get("text") for r in before], b=[r.get("text") for r in after],
                                      autojunk=False)
    lines = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        gone, came = before[i1:i2], after[j1:j2]
        if op == "equal" or (op == "replace" and all(map(_same_thing, gone, came)) and len(gone) == len(came)):
            lines += [_changed(o, n) for o, n in zip(gone, came) if o != n]
            continue
        lines += [f'  - "{r.get("text")}" ({_brief(r)})' for r in gone]
        lines += [f'  + "{r.get("text")}" ({_brief(r)})' for r in came]
    return "\n".join(lines)


def _same_thing(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether two records count the same thing (so a new wording reads as a change, not a swap)."""
    return bool(old.get("noun")) and (old.get("noun"), old.get("kind")) == (new.get("noun"), new.get("kind"))


def _changed(old: dict[str, Any], new: dict[str, Any]) -> str:
    name = f'"{old.get("text")}"' + (f' → "{new.get("text")}"' if old.get("text") != new.get("text") else "")
    keys = [k for k in dict.fromkeys([*old, *new]) if k != "text" and old.get(k) != new.get(k)
            and not (k in ("low", "high") and _exact(old) and _exact(new))]
    return f"  ~ {name}: " + "; ".join(f"{k} {_j(old.get(k))} → {_j(new.get(k))}" for k in keys)


def _exact(record: dict[str, Any]) -> bool:
    return record.get("low") == record.get("high") == record.get("value")


def _brief(record: dict[str, Any]) -> str:
    parts = [f"value {_j(record.get('value'))}"]
    source = record.get("attribution") or {}
    if source:
        parts.append(f"source {source.get('canonical') or source.get('source')}")
    return ", ".join(parts)


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else (
        "none" if value is None else str(value))
