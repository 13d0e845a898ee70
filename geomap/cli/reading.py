"""What the commands that read articles share: the inputs named on the command line, and
the lines they print on stderr (bad inputs, incidents not mapped, progress)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, List, Optional

from ..errors import InputError
from .app import date_option, say


def report_into(failed: list) -> Callable[[InputError], None]:
    """An error handler that prints one line per bad file or record and remembers it."""
    def report(err: InputError) -> None:
        failed.append(err)
        say(f"geomap: error: {err}")
    return report


def report_unplaced(incidents) -> None:
    """One line on stderr for each incident with no place in Afghanistan."""
    for inc in incidents:
        if inc.mapped:
            continue
        quote = " ".join(inc.sources[0].quote.split())[:100]
        where = (f"{inc.location} is outside Afghanistan ({inc.country})"
                 if inc.country != "Afghanistan" else "no place more precise than Afghanistan")
        say(f"geomap: not mapped: {inc.sources[0].file}: {where}: {inc.sub_event_type}, "
            f"{inc.event_date or 'undated'}: \"{quote}\"")


class Reading:
    """The articles of the inputs named on the command line, read as told, with their
    bad files/records reported (one line each) and counted in ``failed``."""

    def __init__(self, paths: Optional[List[Path]], published, fmt_in, text_field, date_field,
                 *, samples: bool = False, language: Optional[str] = None) -> None:
        from ..sources import Article, ReadStats, expand_paths, read_sources

        for option, value in (("--text-field", text_field), ("--date-field", date_field)):
            if value is not None and not value.strip():
                raise InputError(f"{option}: empty value")
        self.failed: list[InputError] = []
        #: every article's language (--lang), None: each detected from its text
        self.language = language
        self.report = report_into(self.failed)
        self.published = date_option(published)
        if samples:                          # the shipped samples, their dates known
            from ..sources.samples import read_samples

            documents = list(read_samples(self.published))
            self.files = [d.source for d in documents]
            self.stats = ReadStats([])
            self.stats.articles_total = len(documents)
            self._articles = iter([Article(d.text, d.published, d.source) for d in documents])
        else:
            self.files = expand_paths(paths or [])
            self.stats = ReadStats(self.files)
            self._articles = read_sources(
                self.files, fmt=fmt_in.value if fmt_in else None, published=self.published,
                text_field=text_field, date_field=date_field, on_error=self.report,
                stats=self.stats)
        self.first = next(self._articles, None)      # None: nothing readable at all

    def __iter__(self):
        if self.first is None:
            return
        from dataclasses import replace
        from itertools import chain

        for article in chain([self.first], self._articles):
            if self.language is not None:
                article = replace(article, language=self.language)
            if article.published is None:
                say(f"geomap: warning: {article.source}: no publication date (no 'date' "
                    "line, no --published): relative dates are left unresolved")
            yield article


class ProgressLine:
    """The library's ingest progress on stderr: articles done (of total when the reading
    knows it), rate, incidents, skipped inputs, ETA. Redrawn in place on a terminal, a
    line every 10 s otherwise, and a last line at :meth:`done`."""

    def __init__(self, stats, quiet: bool, label: str) -> None:
        import time

        self._clock = time.monotonic
        self.stats, self.quiet, self.label = stats, quiet, label
        self.tty = sys.stderr.isatty()
        self.start = self._last = self._clock()
        self.articles = self.incidents = 0

    def __call__(self, progress) -> None:
        """Take an :class:`geomap.ingest.IngestProgress`; redraw when it is time."""
        self.articles, self.incidents = progress.articles, progress.incidents
        now = self._clock()
        if not self.quiet and now - self._last >= (0.5 if self.tty else 10.0):
            self._last = now
            self._show(end="\r" if self.tty else "\n")

    def done(self) -> None:
        if not self.quiet:
            self._show(end="\n")

    def _show(self, end: str) -> None:
        elapsed = max(self._clock() - self.start, 1e-9)
        rate = self.articles / elapsed
        stats = self.stats
        done = f"{self.articles:,}"
        fraction = None
        if stats.articles_total:
            done += f"/{stats.articles_total:,}"
            fraction = self.articles / stats.articles_total
        elif stats.bytes_total:
            fraction = stats.bytes_done / stats.bytes_total
        if fraction is not None:
            done += f" ({min(fraction, 1):.0%})"
        eta = ""
        if fraction and 0 < fraction < 1:
            eta = f" · ETA {_clock_time(elapsed * (1 - fraction) / fraction)}"
        clear = "\x1b[K" if self.tty else ""     # erase the rest of a redrawn line
        sys.stderr.write(f"geomap: {self.label}: {done} articles · {rate:,.1f} articles/s · "
                         f"{self.incidents:,} incidents · {stats.bad:,} skipped · "
                         f"{_clock_time(elapsed)}{eta}{clear}{end}")
        sys.stderr.flush()


def _clock_time(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def ingest_read(store, reading: Reading, jobs: int, scheduler: Optional[str], quiet: bool,
                batch_size: int):
    """:func:`geomap.ingest.ingest` of what ``reading`` reads, its errors, incidents not
    mapped and progress on stderr."""
    from ..ingest import ingest

    progress = ProgressLine(reading.stats, quiet, "ingest")
    summary = ingest(reading, store, jobs=jobs, scheduler=scheduler, batch_size=batch_size,
                     on_error=reading.report,
                     on_unplaced=lambda incident: report_unplaced([incident]),
                     progress=progress)
    progress.done()
    return summary
