"""Precision, recall, F1 and accuracy of the number reader on other extractors' public test
suites (fixtures/specs; tests/specs.py reads and scores them).

Run: python benchmarks/score_specs.py [-v]   (-v lists the rows in scope that fail)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from specs import describe, rows, score, suites


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    print(f"{'suite':<16} {'rows':>5} {'out':>4} {'P':>5} {'R':>5} {'F1':>5} {'acc':>5}")
    totals: dict[str, list[int]] = {}
    for path in suites():
        tp = fp = fn = ok = n = out = 0
        for row in rows(path):
            if row.out:
                out += 1
                continue
            a, b, c, found = score(row)
            tp, fp, fn, n, ok = tp + a, fp + b, fn + c, n + 1, ok + (b == c == 0)
            if verbose and (b or c):
                print(f"  {row.ident}: expected {[str(e.low) for e in row.expect]} read {describe(found)}")
        lang = path.stem.rsplit("_", 1)[1]
        t = totals.setdefault(lang, [0, 0, 0, 0, 0, 0])
        for i, v in enumerate((tp, fp, fn, ok, n, out)):
            t[i] += v
        _line(path.stem, tp, fp, fn, ok, n, out)
    for lang, (tp, fp, fn, ok, n, out) in sorted(totals.items()):
        _line(f"all ({lang})", tp, fp, fn, ok, n, out)
    return 0


def _line(name: str, tp: int, fp: int, fn: int, ok: int, n: int, out: int) -> None:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name:<16} {n:>5} {out:>4} {p:5.2f} {r:5.2f} {f1:5.2f} {_ratio(ok, n):5.2f}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
