"""Reviewing incidents: the queue (least confident first), the CSV review sheet and the
local review page (:mod:`geomap.review.server`). The decisions go to the store's
corrections log (:mod:`geomap.store.corrections`)."""

from .queue import default_reviewer, review_queue

__all__ = ["review_queue", "default_reviewer"]
