import pytest

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """Tests read English messages whatever the machine's locale (the Italian ones have
    their own tests, which set LANG themselves)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")
