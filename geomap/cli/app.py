"""The one typer app every command module registers on, its error handling, and the
options and checks several commands share.

Exit codes: 0 success; 1 something was not matched or placed; 2 bad usage or input;
3 a gazetteer, store or output error.
"""

from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from typing import Iterator, Optional

import typer

from ..errors import GeomapError, InputError

app = typer.Typer(
    name="geomap",
    help="Offline incident mapper for news about violence in Afghanistan: geocode place "
         "names, extract incidents from articles, store, query and map them.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    # click's plain help: typer's rich renderer would import rich, markdown_it and
    # pygments on every --help (about 130 ms, more than typer itself)
    rich_markup_mode=None,
)

EXIT_UNMATCHED, EXIT_INPUT, EXIT_DATA = 1, 2, 3


def say(message: str) -> None:
    """A message for the user: stderr (stdout is for data)."""
    typer.echo(message, err=True)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn geomap errors into one clear line on stderr and an exit code."""
    try:
        yield
    except InputError as err:
        say(f"geomap: error: {err}")
        raise typer.Exit(EXIT_INPUT) from None
    except GeomapError as err:
        say(f"geomap: error: {err}")
        raise typer.Exit(EXIT_DATA) from None
    except KeyboardInterrupt:
        say("geomap: interrupted")
        raise typer.Exit(130) from None


def examples(*commands: str) -> str:
    """A command's help epilog: its examples, a paragraph each (help text joins lines)."""
    return "Examples:\n\n" + "\n\n".join(commands)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"geomap {version('geomap')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print geomap's version and exit."),
) -> None:
    # Options of geomap itself; the app's help text is Typer(help=...) above.
    pass


#: Bounds of the integer options: beyond them a value is a mistake, not a request.
MAX_COUNT = 1_000_000
MAX_JOBS = 1024


def bounded(option: str, value: Optional[int], low: int, high: int) -> Optional[int]:
    """``value`` if within [low, high], else an InputError (one line, exit 2)."""
    if value is not None and not low <= value <= high:
        raise InputError(f"{option}: {value} is out of range ({low} to {high:,})")
    return value


def date_option(value: Optional[str]):
    from ..text.reader import parse_date

    return parse_date(value) if value else None


class InputFormat(str, Enum):
    txt = "txt"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


# -- the options of the commands that read articles ------------------------------------
PUBLISHED = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                         help="Publication date for articles without a 'date YYYY-MM-DD' "
                              "first line; relative dates resolve against it.")
FORMAT_IN = typer.Option(None, "--format-in",
                         help="Read every input as this format instead of by extension "
                              "(.txt .jsonl .ndjson .csv .html .htm, each optionally .gz; "
                              "'-' is JSONL on stdin).")
TEXT_FIELD = typer.Option(None, "--text-field", metavar="NAME",
                          help="JSONL/CSV field with the article text (default: the first "
                               "of text, body, content, article, maintext).")
DATE_FIELD = typer.Option(None, "--date-field", metavar="NAME",
                          help="JSONL/CSV field with the publication date (default: the "
                               "first of published, publication_date, date, date_publish).")
JOBS = typer.Option(1, "--jobs", "-j", metavar="N",
                    help="Extract in N local worker processes (0 = one per core).")
SCHEDULER = typer.Option(None, "--scheduler", metavar="ADDRESS",
                         help="Extract on a running Dask distributed cluster, e.g. "
                              "tcp://10.0.0.5:8786 (geomap must be installed on its workers).")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress on stderr.")


class Language(str, Enum):
    auto = "auto"
    en = "en"
    fa = "fa"
    ps = "ps"

    @property
    def code(self) -> str | None:
        """The language code, None for auto (each article's is detected)."""
        return None if self is Language.auto else self.value


LANG = typer.Option(Language.auto, "--lang",
                    help="Language of the articles: en (English), fa (Dari), ps (Pashto), "
                         "or auto: each article's, detected from its script and words.")

# -- the options of the commands that read the store -----------------------------------
DB = typer.Option(None, "--db", help="Incident store (default: outputs/incidents.sqlite).")
PROVINCE = typer.Option(None, "--province", "-p",
                        help="Province in any spelling or script, or ISO code (AF-PAN).")
DISTRICT = typer.Option(None, "--district", "-d", help="District name.")
SINCE = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Events on or after.")
UNTIL = typer.Option(None, "--until", metavar="YYYY-MM-DD", help="Events on or before.")
TYPE = typer.Option(None, "--type", "-t",
                    help="Event type or sub-type, e.g. 'Explosions' or 'Suicide bomb'.")
ACTOR = typer.Option(None, "--actor", "-a", help="Actor in any alias (ISIS-K, Daesh, Taliban).")
MIN_FATAL = typer.Option(None, "--min-fatalities", metavar="N",
                         help="At least this many killed (0 to 1,000,000).")
MIN_CONF = typer.Option(None, "--min-confidence", min=0.0, max=1.0, metavar="X",
                        help="Incidents of confidence X (0-1) or more.")
REJECTED = typer.Option(False, "--include-rejected", help="Show incidents a reviewer rejected.")


def query_filters(store, province, district, since, until, event_type, actor,
                  min_fatalities, min_confidence=None, include_rejected=False) -> dict:
    """Store query arguments from CLI options (names in any spelling)."""
    for option, value in (("--province", province), ("--district", district),
                          ("--since", since), ("--until", until), ("--type", event_type),
                          ("--actor", actor)):
        if value is not None and not value.strip():
            raise InputError(f"{option}: empty value (leave the option out for no filter)")
    bounded("--min-fatalities", min_fatalities, 0, MAX_COUNT)
    from ..store.incidents import filter_ids

    code, district_id, canonical_actor = filter_ids(store, province=province,
                                                    district=district, actor=actor)
    return dict(admin1_code=code, admin2_id=district_id, since=date_option(since),
                until=date_option(until), event_type=event_type, actor=canonical_actor,
                min_fatalities=min_fatalities, min_confidence=min_confidence,
                include_rejected=include_rejected)
