"""English grammar of a statement next to a date (the verbs are data:
``data/reporting_verbs.csv``): "the ministry confirmed on Friday", "sources on Thursday
reported" date the statement, not the event. The shapes around the verb (up to 40
characters between verb and date, one word between date and verb) are grammar, so code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...rules.anchors import guarded
from .words import reporting_verbs

__all__ = ["statement_before", "stated_after"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    before = "|".join(reporting_verbs("before_date"))
    after = "|".join(reporting_verbs("after_date"))
    return (guarded(re.compile(rf"\b(?:{before})\b(?P<gap>[^.;]{{0,40}})$", re.IGNORECASE)),
            re.compile(rf"\s+(?:\w+\s+)?(?:{after})\b", re.IGNORECASE))


#: words that open the reported clause between a reporting verb and a day: "said the
#: shooting happened on Monday", "said two policemen were killed on Saturday" date the
#: event, not the statement
_REPORTED_CLAUSE = re.compile(r"\b(?:that|took\s+place|was|were|had|has|have|is|are|went|"
                              r"hit|struck|began|came|[a-z]{3,}ed)\b", re.IGNORECASE)


def statement_before(text: str, start: int, end: int) -> re.Match | None:
    """A reporting verb in ``text[start:end]`` with no sentence break after it up to
    ``end`` ("officials said | on Friday"), and no reported clause opened between them
    ("officials said two policemen were killed | on Saturday" is the event's day)."""
    found = _patterns()[0].search(text, start, end)
    if found is not None and _REPORTED_CLAUSE.search(found.group("gap")):
        return None
    return found


def stated_after(text: str, at: int) -> re.Match | None:
    """A reporting verb right after ``at``, past one word ("on Thursday | reported")."""
    return _patterns()[1].match(text, at)
