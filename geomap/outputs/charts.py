"""Static figures for reports and slides (matplotlib, Agg: no display needed).

Three charts of a set of incidents:

- ``fatalities_by_month``: fatalities per month for the provinces with most fatalities;
- ``incidents_by_type``: incidents (and fatalities) by event type, in the map's colours;
- ``provinces``: incidents and fatalities per province, a horizontal bar chart.

PNG or SVG, written atomically; the same incidents give the same bytes (no dates or
random ids in the files).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from .fileio import atomic_target
from ..incident import Incident

__all__ = ["CHARTS", "monthly_series", "write_chart", "write_charts"]

#: chart name → file stem
CHARTS = {"fatalities_by_month": "fatalities_by_month", "incidents_by_type": "incidents_by_type",
          "provinces": "provinces"}
_MONTHLY_PRECISIONS = ("day", "week", "month")


def monthly_series(incidents: Iterable[Incident], top: int = 5) -> tuple[list[str], dict]:
    """(months "YYYY-MM" from first to last, {province: [fatalities per month]}) for the
    ``top`` provinces by fatalities; only incidents dated to the month or better.

    >>> monthly_series([])
    ([], {})
    """
    dated = [i for i in incidents
             if i.event_date and i.place and i.date_precision in _MONTHLY_PRECISIONS]
    if not dated:
        return [], {}
    killed = Counter()
    for inc in dated:
        killed[inc.place.admin1] += inc.fatalities or 0
    ranked = sorted(killed.items(), key=lambda kv: (-kv[1], kv[0]))
    leaders = [name for name, n in ranked if n > 0][:top] or [ranked[0][0]]
    first = min(i.event_date for i in dated).replace(day=1)
    last = max(i.event_date for i in dated)
    months = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    index = {month: n for n, month in enumerate(months)}
    series = {name: [0] * len(months) for name in leaders}
    for inc in dated:
        if inc.place.admin1 in series:
            series[inc.place.admin1][index[inc.event_date.strftime("%Y-%m")]] += \
                inc.fatalities or 0
    return months, series


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _fatalities_by_month(incidents: list[Incident], top: int):
    months, series = monthly_series(incidents, top)
    fig = _figure(10, 4.5)
    ax = fig.subplots()
    for name, values in series.items():
        ax.plot(range(len(months)), values, marker="o" if len(months) < 30 else None,
                markersize=3, linewidth=1.5, label=name)
    step = max(1, len(months) // 12)
    ax.set_xticks(range(0, len(months), step), months[::step], rotation=45, ha="right")
    ax.set_ylabel("fatalities")
    ax.set_title(f"Fatalities per month, top {len(series)} provinces")
    if series:
        ax.legend(frameon=False)
    else:
        ax.text(0.5, 0.5, "no incidents dated to the month", ha="center",
                transform=ax.transAxes)
    ax.grid(axis="y", alpha=0.3)
    return fig


def _incidents_by_type(incidents: list[Incident]):
    from .maps import EVENT_COLORS

    count, killed = Counter(i.event_type for i in incidents), Counter()
    for inc in incidents:
        killed[inc.event_type] += inc.fatalities or 0
    types = [t for t in EVENT_COLORS if count[t]] + sorted(
        t for t in count if t not in EVENT_COLORS)
    fig = _figure(8, 1.2 + 0.55 * max(1, len(types)))
    ax = fig.subplots()
    colours = [EVENT_COLORS.get(t, "#7f7f7f") for t in types]
    bars = ax.barh(types, [count[t] for t in types], color=colours)
    ax.bar_label(bars, labels=[f"{count[t]:,} ({killed[t]:,} killed)" for t in types],
                 padding=3, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("incidents")
    ax.set_title("Incidents by event type")
    ax.margins(x=0.3)
    return fig


def _provinces(incidents: list[Incident]):
    count, killed = Counter(), Counter()
    for inc in incidents:
        if inc.place:
            count[inc.place.admin1] += 1
            killed[inc.place.admin1] += inc.fatalities or 0
    names = sorted(count, key=lambda n: (-killed[n], -count[n], n))
    fig = _figure(8, 1.2 + 0.3 * max(1, len(names)))
    ax = fig.subplots()
    ys = range(len(names))
    ax.barh([y - 0.2 for y in ys], [killed[n] for n in names], height=0.4, color="#b2182b",
            label="fatalities")
    ax.barh([y + 0.2 for y in ys], [count[n] for n in names], height=0.4, color="#4d4d4d",
            label="incidents")
    ax.set_yticks(list(ys), names)
    ax.invert_yaxis()
    ax.set_title("Incidents and fatalities by province")
    ax.legend(frameon=False, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    return fig


def write_chart(path: str | os.PathLike, incidents: Iterable[Incident], chart: str, *,
                top: int = 5) -> Path:
    """Write one chart; the extension (``.png`` or ``.svg``) chooses the format."""
    import matplotlib

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise InputError(f"{path}: charts are .png or .svg")
    if chart not in CHARTS:
        raise InputError(f"unknown chart {chart!r} (one of: {', '.join(CHARTS)})")
    incidents = list(incidents)
    fig = (_fatalities_by_month(incidents, top) if chart == "fatalities_by_month"
           else _incidents_by_type(incidents) if chart == "incidents_by_type"
           else _provinces(incidents))
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context({"svg.hashsalt": "geomap", "svg.fonttype": "none"}):
        with atomic_target(path, suffix=f".tmp.{fmt}") as tmp:
            fig.savefig(tmp, format=fmt, metadata=metadata)
    return path


def write_charts(directory: str | os.PathLike, incidents: Iterable[Incident], *,
                 fmt: str = "png", top: int = 5) -> list[Path]:
    """All three charts into ``directory`` as ``NAME.png`` (or ``.svg``)."""
    incidents = list(incidents)
    return [write_chart(Path(directory) / f"{stem}.{fmt}", incidents, name, top=top)
            for name, stem in CHARTS.items()]
