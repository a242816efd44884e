"""Messages in the reader's language, through the standard :mod:`gettext` machinery.

Every message a person reads goes through :func:`_` (or :func:`ngettext` where a count
picks the form) at the place it is written; the catalogs are
``quantities/locale/<lang>/LC_MESSAGES/quantities.po`` (the source, edited by people)
and the compiled ``.mo`` next to it (shipped in the package). The message ids are
English, so English needs no catalog.

The library speaks English until an application chooses: the command line calls
:func:`choose` (config ``locale``, else ``LC_ALL``/``LC_MESSAGES``/``LANG``, else the
documents' language) and :func:`use` for the length of a run.

>>> with use("it"):
...     _("error")
'errore'
>>> _("error")
'error'
>>> choose(None, {"LANG": "it_IT.UTF-8"}, "en"), choose(None, {"LANG": "C"}, "it"), choose(None, {}, "it")
('it', 'en', 'it')
>>> choose("en", {"LANG": "it_IT.UTF-8"}, "it")
'en'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

DOMAIN = "quantities"
LOCALEDIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")
#: The language of the message ids (no catalog needed).
SOURCE_LANGUAGE = "en"
#: The environment variables that name the messages' language, strongest first (POSIX).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
#: Locales that mean "no language chosen": the untranslated (English) messages.
NEUTRAL_LOCALES = ("C", "POSIX")

#: The catalog in use; None is English (the ids), without loading gettext at start-up.
_current: Any = None
#: The language of :data:`_current`.
_current_code: str = SOURCE_LANGUAGE


def _(message: str) -> str:
    """``message`` in the current language (itself when there is no translation)."""
    return message if _current is None else _current.gettext(message)


def N_(message: str) -> str:
    """Mark a message kept in a table for translation where it is shown (``_(row.text)``)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for ``n`` (the catalog's plural rule picks it)."""
    if _current is None:
        return singular if n == 1 else plural
    return _current.ngettext(singular, plural, n)


def translations(code: str) -> Any:
    """The catalog of ``code`` (a :class:`gettext.NullTranslations`); English, or a
    language without a catalog, is the ids."""
    import gettext

    return gettext.translation(DOMAIN, localedir=LOCALEDIR, languages=[code], fallback=True)


def available() -> tuple[str, ...]:
    """The languages messages can be read in: English and every shipped catalog."""
    shipped = sorted(code for code in os.listdir(LOCALEDIR)
                     if os.path.isfile(os.path.join(LOCALEDIR, code, "LC_MESSAGES", f"{DOMAIN}.mo")))
    return (SOURCE_LANGUAGE, *shipped)


def choose(configured: str | None, environ: Mapping[str, str], documents: str | None) -> str:
    """The messages' language: the config's ``locale``, else the first locale variable
    set (``C``/``POSIX`` mean English), else the documents' language."""
    if configured:
        return language_of(configured)
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return language_of(value)
    return documents or SOURCE_LANGUAGE


#: A POSIX locale name: a language code, then optionally a territory, an encoding, a modifier
#: (``it``, ``it_IT``, ``en-GB``, ``it_IT.UTF-8@euro``), or ``C``/``POSIX``.
_LOCALE_NAME = re.compile(r"(?:[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?|C|POSIX)"
                          r"(?:\.[A-Za-z0-9-]{1,20})?(?:@[A-Za-z0-9]{1,20})?")


def is_locale_name(value: str) -> bool:
    """Whether ``value`` is a locale name (``it``, ``it_IT.UTF-8``, ``C``), not a path or a phrase.

    >>> [is_locale_name(v) for v in ("it", "it_IT.UTF-8@euro", "C.UTF-8", "../../etc", "it it")]
    [True, True, True, False, False]
    """
    return _LOCALE_NAME.fullmatch(value) is not None


def language_of(locale: str) -> str:
    """The language of a POSIX locale name: ``it_IT.UTF-8@euro`` → ``it``, ``C`` → ``en``."""
    code = locale.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    return SOURCE_LANGUAGE if locale in NEUTRAL_LOCALES or code in ("c", "posix", "") else code


@contextmanager
def use(code: str) -> Iterator[None]:
    """Speak ``code`` inside the block, then the language spoken before."""
    global _current, _current_code
    before = _current, _current_code
    spoken = code if code in available() else SOURCE_LANGUAGE  # no catalog: the ids, English
    _current, _current_code = (None if spoken == SOURCE_LANGUAGE else translations(spoken)), spoken
    try:
        yield
    finally:
        _current, _current_code = before


def current() -> str:
    """The language messages are spoken in now (a page that shows them speaks it too)."""
    return _current_code
