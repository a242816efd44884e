"""The message catalogs: list the messages in the code, update the .po files, compile the .mo.

    python tools/catalogs.py check     # every message translated, the .mo files current (the tests run this)
    python tools/catalogs.py update    # add new messages to each .po (untranslated), drop the gone ones
    python tools/catalogs.py compile   # write each .mo from its .po (needs Babel: pip install '.[test]')

Messages are the string literals passed to ``_()``, ``N_()`` and ``ngettext()`` in
``quantities/``, and the editors' notes of the lexicons' confusable pairs (``note``). The .po
files are what translators edit; the .mo files are shipped in the
package (``pip install .`` needs no tool to build them).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quantities"
LOCALE = PACKAGE / "locale"
DOMAIN = "quantities"

Message = tuple[str, str | None]  # (singular, plural)


def messages() -> dict[Message, list[str]]:
    """Every message in the code, with the places it is written."""
    found: dict[Message, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            message = _message(node)
            if message:
                found.setdefault(message, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    for path, line, note in lexicon_notes():
        found.setdefault((note, None), []).append(f"{path.relative_to(ROOT)}:{line}")
    return found


def lexicon_notes() -> list[tuple[Path, int, str]]:
    """The editors' notes of the lexicons' confusable pairs (data shown through ``_()``)."""
    import tomllib

    out = []
    for path in sorted((PACKAGE / "lang").glob("*.lexicon.toml")):
        text = path.read_text(encoding="utf-8")
        for row in tomllib.loads(text).get("confusable", []):
            note = row.get("note") if isinstance(row, dict) else None
            if note:
                at = text.find(note[:30])
                out.append((path, text.count("\n", 0, at) + 1 if at >= 0 else 1, note))
    return out


def _message(node: ast.AST) -> Message | None:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        return None
    args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if node.func.id in ("_", "N_") and len(args) == 1:
        return args[0], None
    if node.func.id == "ngettext" and len(args) == 2:
        return args[0], args[1]
    return None


def catalogs() -> list[Path]:
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _read(po: Path):
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        return read_po(f)


def update() -> None:
    """Each .po gains the new messages (untranslated) and loses the gone ones; its header
    (plural forms included) and translations stay."""
    from babel.messages.pofile import write_po

    found = messages()
    for po in catalogs():
        catalog = _read(po)
        wanted = {singular for singular, _ in found}
        for entry in list(catalog):
            key = entry.id[0] if isinstance(entry.id, tuple) else entry.id
            if key and key not in wanted:
                catalog.delete(entry.id)
        for (singular, plural), places in found.items():
            entry = catalog.get(singular)
            string = entry.string if entry else (("",) * catalog.num_plurals if plural else "")
            catalog.add((singular, plural) if plural else singular, string,
                        locations=[(p.rsplit(":", 1)[0], int(p.rsplit(":", 1)[1])) for p in places])
        with po.open("wb") as f:
            write_po(f, catalog, width=100)


def compile_all() -> None:
    from babel.messages.mofile import write_mo

    for po in catalogs():
        with po.with_suffix(".mo").open("wb") as f:
            write_mo(f, _read(po))


def problems() -> list[str]:
    """Untranslated or missing messages, stale .mo files: what `check` reports."""
    import gettext

    found = messages()
    out = []
    for po in catalogs():
        catalog = _read(po)
        for singular, _plural in found:
            entry = catalog.get(singular)
            strings = entry.string if entry else None
            if not entry or not (all(strings) if isinstance(strings, tuple) else strings):
                out.append(f"{po.relative_to(ROOT)}: not translated: {singular!r}")
        with po.with_suffix(".mo").open("rb") as f:
            shipped = gettext.GNUTranslations(f)
        for entry in catalog:
            if not entry.id or not entry.string:
                continue
            key = entry.id[0] if isinstance(entry.id, tuple) else entry.id
            want = entry.string[0] if isinstance(entry.string, tuple) else entry.string
            got = shipped.ngettext(key, entry.id[1], 1) if isinstance(entry.id, tuple) else shipped.gettext(key)
            if got != want:
                out.append(f"{po.with_suffix('.mo').relative_to(ROOT)}: stale for {key!r}: run compile")
    return out


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    found = problems()
    print("\n".join(found) or "catalogs: every message translated, .mo files current")
    return 1 if found and command == "check" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
