"""Language packs: each language's words and grammar over the shared rule engines.

``get_pack(code)`` returns the :class:`~geomap.lang.pack.LanguagePack` of a language
(``"en"`` English, ``"fa"`` Dari, ``"ps"`` Pashto); the extraction reads every rule through the pack of its document's language.
A pack lives in ``geomap/lang/<code>/``: its words as data files in ``data/``, the grammar
that must stay code in its own modules, and an ``__init__`` whose ``pack()`` builds the
record. Adding a language = adding a folder and its code to :data:`LANGUAGES`; the contract
test (``tests/lang/test_contract.py``) then runs on it.

>>> get_pack("en").writing_system.has_case
True
>>> get_pack("xx")
Traceback (most recent call last):
...
geomap.lang.UnknownLanguageError: unknown language 'xx'; known: en, fa, ps
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from ..errors import GeomapError
from .pack import LanguagePack, WritingSystem

__all__ = ["get_pack", "LANGUAGES", "LanguagePack", "WritingSystem", "UnknownLanguageError",
           "LanguageDataError"]

#: the registered languages, by code (each a package ``geomap.lang.<code>``)
LANGUAGES: tuple[str, ...] = ("en", "fa", "ps")


class UnknownLanguageError(GeomapError, ValueError):
    """A language code with no pack."""


class LanguageDataError(GeomapError, ValueError):
    """A language pack's data file is missing a column, has an empty or repeated entry,
    or a pattern that does not compile."""


@lru_cache(maxsize=None)
def get_pack(code: str) -> LanguagePack:
    """The language pack of ``code`` (built once, on first use)."""
    if code not in LANGUAGES:
        raise UnknownLanguageError(f"unknown language {code!r}; known: {', '.join(LANGUAGES)}")
    return import_module(f"{__name__}.{code}").pack()
