"""The ``geomap`` command line: thin typer commands over the library.

Data goes to stdout, messages to stderr. Exit codes:
0 success; 1 something was not matched or placed; 2 bad usage or input;
3 a gazetteer, store or output error.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import Enum
from typing import Iterator, List, Optional

import typer

from .errors import GeomapError, InputError

app = typer.Typer(
    name="geomap",
    help="Offline incident mapper for news about violence in Afghanistan: geocode place "
         "names, extract incidents from articles, store, query and map them.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)

EXIT_UNMATCHED, EXIT_INPUT, EXIT_DATA = 1, 2, 3


def _say(message: str) -> None:
    typer.echo(message, err=True)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn geomap errors into one clear line on stderr and an exit code."""
    try:
        yield
    except InputError as err:
        _say(f"geomap: error: {err}")
        raise typer.Exit(EXIT_INPUT) from None
    except GeomapError as err:
        _say(f"geomap: error: {err}")
        raise typer.Exit(EXIT_DATA) from None
    except KeyboardInterrupt:
        _say("geomap: interrupted")
        raise typer.Exit(130) from None


class Kind(str, Enum):
    province = "province"
    district = "district"
    city = "city"
    airport = "airport"
    landmark = "landmark"


def _print_table(rows: list[dict], columns: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console(width=200).print(table)


@app.command()
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

    Example: geomap geocode Panjshri "Mazar-e Sharif" "ولایت هرات" --json
    """
    from .gazetteer import load_gazetteer

    with _errors():
        gaz = load_gazetteer()
        rows, unmatched = [], 0
        for name in names:
            ranked = gaz.lookup(name, kind=kind.value if kind else None, limit=candidates,
                                allow_common=allow_common)
            if not ranked:
                unmatched += 1
                rows.append({"query": name, "match": None})
                continue
            for rank, cand in enumerate(ranked, 1):
                rows.append({**cand.as_dict(name), "rank": rank, "match": cand.place.id})
        if as_json:
            for row in rows:
                typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            _print_table(rows, ["query", "id", "name", "kind", "admin1", "admin1_code",
                                "admin2", "lat", "lon", "score", "reason"])
        if unmatched:
            _say(f"geomap: {unmatched} of {len(names)} name(s) not found")
            raise typer.Exit(EXIT_UNMATCHED)


def main() -> None:  # pragma: no cover - console entry point
    app(prog_name="geomap")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
