"""A corpus of real-news density: the news-dev article bodies, repeated.

``benchmarks/corpus.py`` shuffles the seed sentences, which holds about 3 claims per KB;
real agency copy holds 7–8 (short articles, figures in most sentences). This corpus takes
the bodies of ``news-dev`` (front matter dropped, the title kept as a field) and repeats
them, each copy with its own id, as JSONL — what a newsroom pipes in.

The articles are looked up in ``$QUANTITIES_NEWS`` (a folder of ``*.md``), else in the
repository's copy ``fixtures/news-dev/articles``, else in ``shared/news-dev/articles`` next
to the repository or one level up.

    python benchmarks/realnews.py 3 > /tmp/news3.jsonl      # 3 MB
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

MB = 1_000_000
HERE = Path(__file__).resolve().parent.parent
CANDIDATES = [HERE / "fixtures" / "news-dev" / "articles", HERE.parent / "shared" / "news-dev" / "articles",
              HERE.parent.parent / "shared" / "news-dev" / "articles"]


def folder() -> Path | None:
    """Where the news-dev articles are, or None."""
    given = os.environ.get("QUANTITIES_NEWS")
    for path in ([Path(given)] if given else CANDIDATES):
        if path.is_dir() and any(path.glob("*.md")):
            return path
    return None


def articles() -> list[tuple[str, str, str]]:
    """(name, title, body) of every article, front matter dropped."""
    where = folder()
    if where is None:
        raise FileNotFoundError("news-dev articles not found: set QUANTITIES_NEWS to their folder")
    out = []
    for path in sorted(where.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        title = ""
        if text.startswith("---\n"):
            head, _, text = text[4:].partition("\n---\n")
            title = next((line[6:].strip() for line in head.splitlines() if line.startswith("title:")), "")
        out.append((path.stem, title, text))
    return out


def jsonl(size: int) -> str:
    """At least ``size`` characters of article bodies, as JSONL lines."""
    pieces, total, copy = [], 0, 0
    items = articles()
    while total < size:
        for name, title, body in items:
            line = json.dumps({"id": f"{name}#{copy}", "title": title, "text": body}, ensure_ascii=False)
            pieces.append(line + "\n")
            total += len(body)
        copy += 1
    return "".join(pieces)


if __name__ == "__main__":
    sys.stdout.write(jsonl(int(float(sys.argv[1] if len(sys.argv) > 1 else 3) * MB)))
