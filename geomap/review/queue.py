"""The review queue: the incidents a query selects, least confident first."""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..incident import Incident
    from ..store.incidents import Store

__all__ = ["review_queue", "default_reviewer"]


def review_queue(store: Store, **filters) -> list[Incident]:
    """The incidents of :meth:`Store.incidents` with ``filters``, by ascending confidence
    (then date and id: a stable order for a sheet and a page)."""
    scored = [(incident.confidence, incident) for incident in store.incidents(**filters)]
    scored.sort(key=lambda pair: (pair[0], pair[1].event_date is None,
                                  pair[1].event_date or "", pair[1].id))
    return [incident for _, incident in scored]


def default_reviewer() -> str:
    """The reviewer's name when none is given: ``$GEOMAP_REVIEWER`` or the login name."""
    name = os.environ.get("GEOMAP_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "reviewer"
