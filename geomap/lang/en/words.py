"""English words, one loader per data file of ``geomap/lang/en/data/`` (read once, cached).

Each loader validates its file (:mod:`geomap.lang.data`): a coder changes a word in the
data file, never here.

- ``abbreviations.txt``: words whose full stop ends no sentence ("Gen.", "U.S.").
- ``reporting_verbs.csv``: verbs that report a statement ("said", "confirmed"). All of
  them end a people phrase ("The governor | said | five police officers were killed")
  and make a bare weekday after them the statement's day. Two flags say which also mark
  a date next to them as the day a statement was made: ``before_date`` ("officials said
  on Friday") and ``after_date`` ("sources on Thursday reported"); they are different
  lists on purpose (the extraction has always read "added" and "tweeted" only before a
  date), kept as columns of one table so that no verb is written twice.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_rows, read_words

__all__ = ["reporting_verbs", "abbreviations"]

_PACKAGE = __package__


def _flag(row: dict[str, str], column: str) -> bool:
    value = row[column].strip()
    if value not in ("yes", "no"):
        from .. import LanguageDataError
        raise LanguageDataError(f"en/data/reporting_verbs.csv: {column} of {row['verb']!r} "
                                f"must be yes or no, not {value!r}")
    return value == "yes"


@lru_cache(maxsize=None)
def reporting_verbs(role: str = "all") -> tuple[str, ...]:
    """Verbs that report a statement, in table order; ``role`` ``"before_date"`` or
    ``"after_date"`` keeps those flagged for it.

    >>> reporting_verbs()[:3], "added" in reporting_verbs("after_date")
    (('said', 'says', 'stated'), False)
    """
    rows = read_rows(_PACKAGE, "reporting_verbs.csv", ("verb", "before_date", "after_date"),
                     key="verb")
    if role == "all":
        return tuple(row["verb"].strip() for row in rows)
    if role not in ("before_date", "after_date"):
        raise ValueError(f"role must be all, before_date or after_date, not {role!r}")
    return tuple(row["verb"].strip() for row in rows if _flag(row, role))


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """Words whose full stop does not end a sentence, as written ("Gen", "U.S")."""
    return read_words(_PACKAGE, "abbreviations.txt")
