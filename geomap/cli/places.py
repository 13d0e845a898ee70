"""``geomap geocode``: place names looked up in the offline gazetteer."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

from .app import EXIT_UNMATCHED, app, examples, reported_errors, say
from .printing import print_table


class Kind(str, Enum):
    province = "province"
    district = "district"
    city = "city"
    airport = "airport"
    landmark = "landmark"


@app.command(epilog=examples(
    'geomap geocode Panjshri "Mazar-e Sharif" "ولایت هرات" --json',
    "geomap geocode Kandahar --kind city --candidates 3"))
def geocode(
    names: List[str] = typer.Argument(..., help="Place names in any spelling or script."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line per name."),
    kind: Optional[Kind] = typer.Option(None, help="Prefer places of this kind."),
    candidates: int = typer.Option(1, "--candidates", "-n", min=1, max=20,
                                   help="How many ranked candidates to show per name."),
    allow_common: bool = typer.Option(False, help="Also match English words such as 'Bar'."),
) -> None:
    """Look up place names in the offline gazetteer.

    Prints id, kind, province (admin1, ISO 3166-2 code), district (admin2), lat/lon, score
    and the reason for the ranking. Exits 1 when a name has no match.
    """
    from ..places.gazetteer import load_gazetteer
    from ..places.locate import locate

    with reported_errors():
        gaz = load_gazetteer()
        rows, unmatched = [], 0
        for name in names:
            ranked = locate(gaz, name, kind=kind.value if kind else None, limit=candidates,
                                allow_common=allow_common)
            if not ranked:
                unmatched += 1
                rows.append({"query": name, "match": None})
                continue
            for rank, cand in enumerate(ranked, 1):
                rows.append({**cand.as_dict(name), "rank": rank, "match": cand.place.id})
        if as_json:
            import json

            for row in rows:
                typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            print_table(rows, ["query", "id", "name", "kind", "admin1", "admin1_code",
                               "admin2", "lat", "lon", "score", "reason"])
        if unmatched:
            say(f"geomap: {unmatched} of {len(names)} name(s) not found")
            raise typer.Exit(EXIT_UNMATCHED)
