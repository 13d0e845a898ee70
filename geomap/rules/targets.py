"""Targets: what an attack hit ("hospital", "mosque", "checkpoint"...), in the order the
text names them. The engine is shared; the labels and their patterns are the language's
data (for English, ``geomap/lang/en/data/targets.toml``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .anchors import Gate, guarded

__all__ = ["Targets"]


class Targets:
    """A language's target labels, each with its pattern."""

    def __init__(self, targets) -> None:
        self.targets = [(guarded(re.compile(rx, re.IGNORECASE)), label) for rx, label in targets]
        self._gate = Gate([pattern for pattern, _ in self.targets])
        self._cached = lru_cache(maxsize=4096)(self._find)

    def find_targets(self, text: str) -> list[str]:
        """Target labels in text order of first appearance ("hospital", "mosque"...)."""
        return list(self._cached(text))

    def _find(self, text: str) -> tuple[str, ...]:
        hits = []
        possible = self._gate.possible(text)
        for at, (pattern, label) in enumerate(self.targets):
            m = pattern.search(text) if at in possible else None
            if m:
                hits.append((m.start(), label))
        return tuple(label for _, label in sorted(hits))
