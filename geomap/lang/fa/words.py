"""The Dari pack's words: one loader per data file (``data/*.csv``), read once.

Pashto's pack has the same files (:func:`loaders` serves both): a coder adds a word to a
table, never to Python. Every table is read through :func:`geomap.lang.data.read_rows`,
which refuses a missing column, an empty entry or an entry listed twice.

>>> words()["numbers"]["سه"], words()["casualties"]["کشته شدند"]
(3, 'killed')
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..data import read_rows
from .grammar import Words

__all__ = ["loaders", "words", "load_words", "DATA_FILES"]

#: (file, its columns, the column that must be unique if any, a row -> (key, value))
_TABLES: dict[str, tuple[tuple[str, ...], str | None, Callable[[dict], tuple]]] = {
    "numbers.csv": (("word", "value"), "word", lambda r: (r["word"], int(r["value"]))),
    "quantities.csv": (("phrase", "value"), "phrase", lambda r: (r["phrase"], int(r["value"]))),
    "casualties.csv": (("word", "kind"), "word", lambda r: (r["word"], r["kind"])),
    "people.csv": (("word", "class"), "word", lambda r: (r["word"], r["class"])),
    # (a word may have two roles: اما opens a clause and sets it against a claim)
    "function_words.csv": (("word", "role"), None,
                           lambda r: ((r["role"], r["word"]), True)),
    "events.csv": (("word", "event_type", "sub_event_type"), "word",
                   lambda r: (r["word"], (r["event_type"], r["sub_event_type"]))),
    "actors.csv": (("alias", "actor"), "alias", lambda r: (r["alias"], r["actor"])),
    "reporting_verbs.csv": (("verb",), "verb", lambda r: (r["verb"], True)),
    "reactions.csv": (("word",), "word", lambda r: (r["word"], True)),
    "targets.csv": (("word", "target"), "word", lambda r: (r["word"], r["target"])),
    "calendar.csv": (("word", "kind", "value"), "word",
                     lambda r: (r["word"], (r["kind"], r["value"]))),
    # (read by geomap.extract.cues, .speakers and .roles, the shared readers of
    # segmentation cues, of who gave a figure and of the places named in a role; checked here)
    "segmentation.csv": (("kind", "phrase"), None,
                         lambda r: ((r["kind"], r["phrase"]), True)),

    "speakers.csv": (("kind", "phrase"), "phrase", lambda r: (r["phrase"], r["kind"])),
    "roles.csv": (("role", "side", "phrase"), "phrase",
                  lambda r: (r["phrase"], (r["role"], r["side"]))),
}


def loaders(package: str) -> dict[str, Callable[[], dict]]:
    """One loader per data file of ``package`` (``geomap.lang.fa``): each returns the
    file's table as a dict (entry -> value), in file order."""
    def loader(name: str) -> Callable[[], dict]:
        columns, key, row_of = _TABLES[name]

        @lru_cache(maxsize=1)
        def load() -> dict:
            return dict(row_of(r) for r in read_rows(package, name, columns, key=key))
        load.__doc__ = f"{package.rsplit('.', 1)[-1]}/data/{name} as a dict"
        return load
    return {name: loader(name) for name in _TABLES}


def load_words(package: str) -> Words:
    """A language's :class:`~geomap.lang.fa.grammar.Words` from its data files."""
    tables = {name: load() for name, load in loaders(package).items()}
    roles = tables["function_words.csv"]

    def role(name: str) -> tuple[str, ...]:
        return tuple(word for r, word in roles if r == name)

    return Words(
        numbers=tables["numbers.csv"], quantities=tables["quantities.csv"],
        casualties=tables["casualties.csv"], people=tables["people.csv"],
        others=role("others"), also=role("also"), negations=role("negation"),
        clause_breaks=role("clause_break"), claims=role("claim"), contrasts=role("contrast"),
        singular=role("singular"),
        events=tuple((w, et, st) for w, (et, st) in tables["events.csv"].items()),
        actors=tables["actors.csv"], reporting_verbs=tuple(tables["reporting_verbs.csv"]),
        reactions=tuple(tables["reactions.csv"]), targets=tables["targets.csv"],
        calendar=tuple((w, kind, value) for w, (kind, value) in tables["calendar.csv"].items()),
    )


#: every data file of the Dari pack and its one loader (the contract test loads each)
DATA_FILES = loaders(__package__)


def words() -> dict[str, dict]:
    """The Dari tables by name without their ``.csv`` (a short view for a coder)."""
    return {name.removesuffix(".csv"): load() for name, load in DATA_FILES.items()}
