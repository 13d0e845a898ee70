"""English words, one loader per data file of ``geomap/lang/en/data/`` (read once, cached).

Each loader validates its file (:mod:`geomap.lang.data`): a coder changes a word in the
data file, never here.

- ``abbreviations.txt``: words whose full stop ends no sentence ("Gen.", "U.S.").
- ``reporting_verbs.csv``: verbs that report a statement ("said", "confirmed"). All of
  them end a people phrase ("The governor | said | five police officers were killed")
  and make a bare weekday after them the statement's day. Flags say which also play a
  narrower role: ``before_date`` ("officials said on Friday") and ``after_date``
  ("sources on Thursday reported") mark a date next to them as the day a statement was
  made; ``after_name`` marks a capitalised word before them as a person, not a place
  ("Ahmadi said"). The roles were three lists that disagreed (in dates.py and twice in
  extract.py); they stay different on purpose (output unchanged), as columns of one
  table, so that no verb is written twice.
- ``numbers.csv``: number words and their values; ``kind`` is ``unit`` (zero to
  nineteen), ``ten`` (twenty to ninety), ``multiplier`` (hundred, thousand, dozen) or
  ``article`` ("a", "an", "no": a number only before a noun, never a figure alone).
- ``titles.csv``: words before a person's name. ``name_title``: with the capitalised
  words after it, a name ("Mullah Omar", counted as one person); ``before_person``: the
  capitalised word after it is a person, not a place ("Governor Helmandi");
  ``after_person``: the capitalised word before it is a person ("Ahmad Khan", "Ahmadzai").
- ``calendar.csv``: month and weekday names (lower case), their numbers (January = 1,
  Monday = 0 as Python counts) and abbreviations ("sept sep": the longer first).
- ``events.toml``, ``triggers.toml``, ``targets.toml``, ``clauses.toml``: see each file's
  comments (event rules and their precedence; trigger words; target labels; reaction,
  not-an-event and tally clauses).
"""

from __future__ import annotations

from functools import lru_cache

from ..data import compile_pattern, expand_fragments, read_rows, read_toml, read_words

__all__ = ["reporting_verbs", "abbreviations", "number_words", "titles", "event_rules",
           "triggers", "targets", "clauses", "fragments", "calendar", "DATA_FILES"]

_PACKAGE = __package__


def _error(name: str, message: str):
    from .. import LanguageDataError
    return LanguageDataError(f"en/data/{name}: {message}")


def _flag(name: str, row: dict[str, str], column: str) -> bool:
    value = row[column].strip()
    if value not in ("yes", "no"):
        raise _error(name, f"{column} must be yes or no, not {value!r} ({row})")
    return value == "yes"


def _flagged(name: str, columns: tuple[str, ...], key: str, role: str) -> tuple[str, ...]:
    rows = read_rows(_PACKAGE, name, columns, key=key)
    flags = {row[key].strip(): [_flag(name, row, c) for c in columns[1:] if c != "kind"]
             for row in rows}                          # (every flag checked, used or not)
    if role == "all":
        return tuple(flags)
    if role not in columns[1:]:
        raise ValueError(f"{name}: role must be all or one of {columns[1:]}, not {role!r}")
    return tuple(row[key].strip() for row in rows if _flag(name, row, role))


@lru_cache(maxsize=None)
def reporting_verbs(role: str = "all") -> tuple[str, ...]:
    """Verbs that report a statement, in table order; ``role`` (``before_date``,
    ``after_date``, ``after_name``) keeps those flagged for it.

    >>> reporting_verbs()[:3], "added" in reporting_verbs("after_date")
    (('said', 'says', 'stated'), False)
    """
    return _flagged("reporting_verbs.csv", ("verb", "before_date", "after_date", "after_name"),
                    "verb", role)


@lru_cache(maxsize=None)
def titles(role: str) -> tuple[str, ...]:
    """Words of a name flagged for ``role`` (``name_title``, ``before_person`` or
    ``after_person``)."""
    return _flagged("titles.csv", ("word", "kind", "name_title", "before_person", "after_person"),
                    "word", role)


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """Words whose full stop does not end a sentence, as written ("Gen", "U.S"; the
    months' abbreviations are calendar.csv's)."""
    return read_words(_PACKAGE, "abbreviations.txt")


@lru_cache(maxsize=None)
def calendar(kind: str) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """(name, number, abbreviations) of each ``"month"`` or ``"weekday"``, in order.

    >>> calendar("month")[8]
    ('september', 9, ('sept', 'sep'))
    """
    if kind not in ("month", "weekday"):
        raise ValueError(f"kind must be month or weekday, not {kind!r}")
    rows = read_rows(_PACKAGE, "calendar.csv", ("name", "kind", "number", "abbreviations"),
                     key="name")
    out = []
    for row in rows:
        if row["kind"] not in ("month", "weekday") or not row["number"].isdigit():
            raise _error("calendar.csv", f"bad kind or number: {row}")
        if row["kind"] == kind:
            out.append((row["name"].strip(), int(row["number"]),
                        tuple(row["abbreviations"].split())))
    if [number for _, number, _ in out] != list(range(out[0][1], out[0][1] + len(out))):
        raise _error("calendar.csv", f"the {kind}s are not numbered in order")
    return tuple(out)


_NUMBER_KINDS = ("unit", "ten", "multiplier", "article")


@lru_cache(maxsize=1)
def number_words() -> dict[str, dict[str, int]]:
    """Number word → value, by kind (``unit``, ``ten``, ``multiplier``, ``article``),
    each in table order.

    >>> number_words()["ten"]["twenty"], number_words()["article"]
    (20, {'no': 0, 'a': 1, 'an': 1})
    """
    out: dict[str, dict[str, int]] = {kind: {} for kind in _NUMBER_KINDS}
    for row in read_rows(_PACKAGE, "numbers.csv", ("word", "value", "kind"), key="word"):
        word, kind = row["word"].strip(), row["kind"].strip()
        if kind not in out:
            raise _error("numbers.csv", f"kind of {word!r} must be one of {_NUMBER_KINDS}")
        if not row["value"].strip().isdigit():
            raise _error("numbers.csv", f"value of {word!r} is not a whole number")
        out[kind][word] = int(row["value"])
    return out


def _two_to_ten() -> str:
    return "|".join(w for w, v in number_words()["unit"].items() if 2 <= v <= 10)


@lru_cache(maxsize=1)
def fragments() -> dict[str, str]:
    """The named pattern pieces of ``events.toml`` (``SETTING_FIRE``...), expanded."""
    return expand_fragments(_PACKAGE, "events.toml", read_toml(_PACKAGE, "events.toml")
                            .get("fragments", {}))


@lru_cache(maxsize=1)
def event_rules() -> tuple[tuple[str, str, str], ...]:
    """(pattern, event type, sub-event type) of each rule, strongest first."""
    rules = read_toml(_PACKAGE, "events.toml").get("rule", [])
    if not rules:
        raise _error("events.toml", "no [[rule]]")
    out = []
    for rule in rules:
        if not rule.get("event_type") or not rule.get("sub_event_type"):
            raise _error("events.toml", f"a rule without its types: {rule}")
        out.append((compile_pattern(_PACKAGE, "events.toml", rule.get("patterns", []),
                                    fragments()),
                    rule["event_type"], rule["sub_event_type"]))
    return tuple(out)


@lru_cache(maxsize=1)
def triggers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole words and phrases, stems) that show a sentence reports violence."""
    table = read_toml(_PACKAGE, "triggers.toml")
    words = [*table.get("words", []), *table.get("phrases", [])]
    stems = list(table.get("stems", []))
    every = words + stems
    if not words or any(not w or w != w.lower() or w != w.strip() for w in every):
        raise _error("triggers.toml", "an empty, padded or capitalised entry")
    if len(set(every)) != len(every):
        raise _error("triggers.toml", "an entry is listed twice")
    return tuple(words), tuple(stems)


@lru_cache(maxsize=1)
def targets() -> tuple[tuple[str, str], ...]:
    """(pattern, label) of each target, in file order."""
    out = []
    for target in read_toml(_PACKAGE, "targets.toml").get("target", []):
        if not target.get("label"):
            raise _error("targets.toml", f"a target without its label: {target}")
        out.append((compile_pattern(_PACKAGE, "targets.toml", target.get("patterns", [])),
                    target["label"]))
    if len({label for _, label in out}) != len(out):
        raise _error("targets.toml", "a label is listed twice")
    return tuple(out)


@lru_cache(maxsize=1)
def clauses() -> dict[str, str]:
    """The patterns of ``reaction``, ``not_an_event`` and ``tally`` clauses."""
    table = read_toml(_PACKAGE, "clauses.toml")
    out = {}
    for key in ("reaction", "not_an_event"):
        out[key] = rf"\b(?:{compile_pattern(_PACKAGE, 'clauses.toml', table.get(key, []))})\b"
    out["tally"] = compile_pattern(_PACKAGE, "clauses.toml", table.get("tally", []),
                                   {"TWO_TO_TEN": _two_to_ten()})
    return out


#: every data file of the pack and its loader (the contract test loads each, and checks
#: that no file in data/ is left without one)
DATA_FILES = {
    "abbreviations.txt": abbreviations,
    "calendar.csv": lambda: calendar("month") + calendar("weekday"),
    "reporting_verbs.csv": reporting_verbs,
    "numbers.csv": number_words,
    "titles.csv": lambda: titles("name_title") + titles("before_person") + titles("after_person"),
    "events.toml": event_rules,
    "triggers.toml": triggers,
    "targets.toml": targets,
    "clauses.toml": clauses,
    # (read by geomap.extract.cues and geomap.extract.roles, which know their columns)
    "segmentation.csv": lambda: _extract_cues().patterns,
    "roles.csv": lambda: _extract_roles(),
    "speakers.csv": lambda: _extract_speakers(),
}


def _extract_speakers():
    from ...extract.speakers import speakers
    return speakers("en")


def _extract_cues():
    from ...extract.cues import cues
    return cues("en")


def _extract_roles():
    from ...extract.roles import _phrases
    return _phrases("en")
