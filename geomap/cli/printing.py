"""How the commands print incidents and tables (data on stdout, or a file)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from .app import say


def print_table(rows: list[dict], columns: list[str]) -> None:
    from ..outputs.tables import table_text

    sys.stdout.write(table_text(rows, columns))


def emit(text: str, output: Optional[Path]) -> None:
    """``text`` on stdout, or written atomically to ``output``."""
    from ..outputs.fileio import atomic_write_text

    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(output, text)
        say(f"geomap: wrote {output}")


def render(incidents, fmt: str) -> str:
    """Incidents as GeoJSON, JSON or CSV text; a table is printed here (returns "")."""
    from ..outputs import export

    if fmt == "geojson":
        return export.geojson_text(incidents)
    if fmt == "json":
        return export.json_array(export.records(incidents)) + "\n"
    if fmt == "csv":
        return export.csv_text(incidents)
    rows = export.records(incidents)
    for row in rows:
        row["sources"] = len(row["sources"])
    print_incident_table(rows)
    return ""


def print_incident_table(rows: list[dict]) -> None:
    """Incident rows with their number of sources (the store's ``summary_rows``, or
    ``export.records`` with "sources" counted) as the table of ``query`` and ``extract``."""
    for row in rows:
        row["killed/wounded"] = f"{_n(row['fatalities'])}/{_n(row['injured'])}"
        row["type"] = row["sub_event_type"]
    print_table(rows, ["event_date", "type", "location", "admin1", "admin2",
                       "killed/wounded", "geo_precision", "confidence", "sources", "id"])


def _n(value) -> str:
    return "?" if value is None else str(value)


def report_problems(store) -> None:
    """Every decision of the store's corrections log that no longer applies, on stderr."""
    for problem in store.problems():
        say(f"geomap: warning: {problem}")
