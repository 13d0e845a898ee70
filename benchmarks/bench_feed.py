"""Speed on a real feed: mostly off-topic articles, a few reports of violence in Afghanistan.

    pip install -e ".[bench]"          # geotext 0.4.0 for the comparison
    python benchmarks/bench_feed.py [--mb 0.25] [--rounds 3] [--eval-dir ../shared/eval]

An outlet's archive, a national news dump or a crawl is mostly sports, economy and
politics. This measures, in CPU seconds of this one process (``time.process_time``, so
MB/s per core), the pipeline's per-article function (:func:`geomap.pipeline.process`) on

- off-topic text of several kinds, about ``--mb`` MB each, all generated here or read
  from the machine (deterministic seed, nothing downloaded): sports, economy and politics
  reports; licence texts (``/usr/share/common-licenses``) and Python's standard library
  documentation (``pydoc``), cut into article-sized pieces; reports that name Afghan
  places (the gazetteer's provinces) with no violence; reports of violence in other
  countries (which geomap reports too, as incidents it does not map: a row without them
  shows the rest);
- the real relevant articles: every article of the two evaluation JSONL files, read from
  ``--eval-dir`` at run time and never copied here;
- a feed of the two: 9 off-topic articles (of every kind in turn) to each relevant one;

beside geotext 0.4.0 (``GeoText(text)``: regular expressions, city names only) and a
raw ``ahocorasick_rs`` scan of every gazetteer name (lower case, no checks: the floor any
pipeline that finds names pays) on the same articles. The three run in turns, ``--rounds``
times, and the median of each is shown, so a busy machine slows all three alike.
"""

from __future__ import annotations

import argparse
import pydoc
import random
import statistics
import sys
from datetime import date
from itertools import cycle
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_extract import _cpu, _each, _mb, real_articles  # noqa: E402

ROOT = HERE.parent
PUBLISHED = date(2023, 5, 17)
#: Article size for texts read from the machine (licences, documentation), in characters.
PIECE = 3_000
LICENCES = Path("/usr/share/common-licenses")
#: Standard library modules whose documentation (pydoc's plain text) is generic English.
STDLIB_DOCS = ("argparse", "collections", "logging", "unittest", "email.message", "json",
               "http.client", "tarfile", "subprocess", "datetime", "decimal", "sqlite3")

_TEAMS = ["Riverside United", "Northport City", "the Harbour Hawks", "Eastfield Rovers",
          "the Valley Stars", "Westbrook Athletic", "the Lakeside Tigers", "Kingsford Town"]
_PEOPLE = ["Daniel Ortega-Wells", "Maria Lindqvist", "Tomasz Nowicki", "Aisha Bello",
           "Kenji Mori", "Laura Fenwick", "Pedro Salgado", "Grace Okafor", "Ivan Petrov"]
_FIRMS = ["Norwell Industries", "Castor Foods", "Bluegate Capital", "Helix Motors",
          "Amberline Retail", "Tessaract Software", "Greystone Mining", "Orion Telecom"]
_PARTIES = ["the Progressive Alliance", "the National Union", "the Green Coalition",
            "the Liberal Democrats", "the Reform Party", "the Citizens' Movement"]
#: cities abroad (the gazetteer knows them as places outside Afghanistan)
_ABROAD = ["Baghdad", "Mosul", "Aleppo", "Mogadishu", "Lagos", "Karachi", "Peshawar",
           "Quetta", "Damascus", "Sanaa", "Tripoli", "Khartoum", "Kiev", "Manila"]

SPORTS = [
    "{team} beat {team2} {n}-{m} on {day}, with {person} scoring twice in the second half.",
    "The coach said his side had shot themselves in the foot with a poor first half.",
    "{person} fired a shot against the post before the break, and the visitors pressed on.",
    "The attack looked sharper after the substitutions, and the crowd of {k},000 responded.",
    "{team} stay {n} points clear at the top of the table with {m} games left to play.",
    "{person} signed a new three-year contract and said the club felt like home.",
    "Tickets for the final went on sale on {day}, and the stadium expects a full house.",
    "The defender missed training with a hamstring strain and is doubtful for the derby.",
    "In the other match, {team2} drew {n}-{n} after a late penalty was saved.",
    "The league confirmed that the {day} fixture would be moved because of the weather.",
]
ECONOMY = [
    "Shares in {firm} rose {n}.{m} percent on {day} after the company raised its forecast.",
    "The central bank left interest rates unchanged at {n}.{m} percent, citing inflation.",
    "{firm} said quarterly revenue grew to {k} million dollars, ahead of expectations.",
    "Analysts expect growth to slow next year as consumers cut back on spending.",
    "Oil prices fell for a {n}th day as traders weighed higher stocks against weak demand.",
    "The trade deficit narrowed in {month} as exports of machinery and chemicals picked up.",
    "{person}, the finance minister, said the budget would keep borrowing under control.",
    "Unemployment edged down to {n}.{m} percent, the lowest level in a decade.",
    "{firm} plans to cut {k} jobs as part of a restructuring announced on {day}.",
    "Bond yields climbed after the inflation figures for {month} came in above forecasts.",
]
POLITICS = [
    "{party} won {n} seats in the regional election held on {day}, up from {m}.",
    "{person} said the coalition talks with {party} would resume next week.",
    "Parliament passed the education bill by {k} votes to {m} after a long debate.",
    "The prime minister met the president of the European Commission in Brussels.",
    "Opposition leaders accused the government of delaying the reform of pensions.",
    "{person} resigned as health minister on {day}, citing personal reasons.",
    "A poll published in {month} put {party} four points ahead of its rivals.",
    "The foreign ministry summoned the ambassador over remarks made at the summit.",
    "Voters in {n} districts will return to the polls in {month} for a second round.",
    "The committee will publish its report on campaign finance before the summer.",
]
#: Afghan places named with no violence (the place slots take the gazetteer's provinces)
AFGHAN_CALM = [
    "A new girls' school opened in {place} on {day}, the provincial education office said.",
    "Farmers in {place} expect a good harvest of wheat and almonds this year.",
    "The governor of {place} inaugurated a road linking the city to {place2}.",
    "Traders said the price of flour in {place} markets had fallen by {n} percent.",
    "A health clinic built with donor funds began treating patients in {place}.",
    "Heavy snow closed the highway between {place} and {place2} for two days.",
    "Officials in {place} distributed seeds and fertiliser to {k} families.",
    "A carpet exhibition in {place} drew buyers from {place2} and from abroad.",
    "The municipality of {place} said it would repair {n} water wells before summer.",
    "Students from {place} won a national mathematics competition held in {month}.",
]
ABROAD_VIOLENCE = [
    "A car bomb killed {n} people near a market in {city} on {day}, police said.",
    "Gunmen opened fire on a bus outside {city}, wounding {m} passengers.",
    "Security forces arrested {n} suspects in {city} after the attack on a checkpoint.",
    "The death toll from the explosion in {city} rose to {m}, hospital officials said.",
    "Clashes between rival militias in {city} left {n} fighters dead overnight.",
    "A suicide bomber struck a mosque in {city} during Friday prayers, killing {n}.",
    "Residents of {city} said shelling had continued for a {n}th day.",
    "No group has claimed responsibility for the blast in {city}.",
    "The interior ministry said {n} police officers were killed in the ambush near {city}.",
    "Witnesses said the attackers fled on motorbikes after the shooting.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def generated(templates: list[str], megabytes: float, seed: int,
              places: list[str] = (), cities: list[str] = ()) -> list[str]:
    """Articles of 8-20 sentences drawn from ``templates``, to about ``megabytes`` MB."""
    rng = random.Random(seed)
    out, size = [], 0
    while size < megabytes * 1e6:
        sentences = []
        for _ in range(rng.randint(8, 20)):
            fields = {"team": rng.choice(_TEAMS), "team2": rng.choice(_TEAMS),
                      "person": rng.choice(_PEOPLE), "firm": rng.choice(_FIRMS),
                      "party": rng.choice(_PARTIES), "day": rng.choice(_DAYS),
                      "month": rng.choice(_MONTHS), "n": rng.randint(2, 9),
                      "m": rng.randint(10, 40), "k": rng.randint(100, 900),
                      "place": rng.choice(places) if places else "",
                      "place2": rng.choice(places) if places else "",
                      "city": rng.choice(cities) if cities else ""}
            sentences.append(rng.choice(templates).format(**fields))
        # paragraphs of two to four sentences
        article = "\n\n".join(" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3))
        out.append(article)
        size += len(article.encode("utf-8"))
    return out


def pieces(texts: list[str], megabytes: float) -> list[str]:
    """``texts`` cut at line ends into articles of about :data:`PIECE` characters, to
    about ``megabytes`` MB (repeated when there is less)."""
    out: list[str] = []
    for text in texts:
        piece: list[str] = []
        size = 0
        for line in text.splitlines():
            piece.append(line)
            size += len(line) + 1
            if size >= PIECE:
                out.append("\n".join(piece))
                piece, size = [], 0
        if "".join(piece).strip():
            out.append("\n".join(piece))
    if not out:
        return []
    once = _mb(out)
    return (out * max(1, round(megabytes / once)))[:max(1, round(len(out) * megabytes / once))]


def licences() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(LICENCES.iterdir()) if p.is_file()] if LICENCES.is_dir() else []


def stdlib_docs() -> list[str]:
    import importlib

    return [pydoc.render_doc(importlib.import_module(name), renderer=pydoc.plaintext)
            for name in STDLIB_DOCS]


def off_topic(megabytes: float, gazetteer) -> dict[str, list[str]]:
    provinces = sorted(p.name for p in gazetteer.provinces() if p.name.isascii())
    kinds = {
        "sports": generated(SPORTS, megabytes, 1),
        "economy": generated(ECONOMY, megabytes, 2),
        "politics": generated(POLITICS, megabytes, 3),
        "licence texts": pieces(licences(), megabytes),
        "stdlib docs": pieces(stdlib_docs(), megabytes),
        "Afghan places, calm": generated(AFGHAN_CALM, megabytes, 4, places=provinces),
        "violence abroad": generated(ABROAD_VIOLENCE, megabytes, 5, cities=_ABROAD),
    }
    return {k: v for k, v in kinds.items() if v}


def feed(kinds: dict[str, list[str]], relevant: list[str], articles: int) -> list[str]:
    """``articles`` articles: each relevant one after 9 off-topic ones, the kinds in turn."""
    others = cycle(zip(*[cycle(v) for v in kinds.values()]))
    out: list[str] = []
    kind_turn = (text for group in others for text in group)
    relevant_turn = cycle(relevant)
    while len(out) < articles:
        out.extend(next(kind_turn) for _ in range(9))
        out.append(next(relevant_turn))
    return out[:articles]


def measure(label: str, texts: list[str], rounds: int, geotext, scan, process) -> dict:
    """Median MB/s of geomap, geotext and the raw scan on ``texts``, run in turns."""
    from geomap.sources import Article

    articles = [Article(t, PUBLISHED, f"{label}:{k}") for k, t in enumerate(texts)]
    mb = _mb(texts)
    times: dict[str, list[float]] = {"geomap": [], "geotext": [], "scan": []}
    for _ in range(rounds):
        times["geomap"].append(_cpu(lambda: _each(process, articles)))
        if geotext is not None:
            times["geotext"].append(_cpu(lambda: _each(geotext, texts)))
        times["scan"].append(_cpu(lambda: _each(scan, texts)))
    rate = {k: mb / statistics.median(v) if v else float("nan") for k, v in times.items()}
    return {"label": label, "mb": mb, "articles": len(texts), **rate}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=0.25, help="MB of each off-topic kind")
    parser.add_argument("--feed-articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    import ahocorasick_rs

    from geomap import load_gazetteer
    from geomap.pipeline import process
    from geomap.places.mentions import matcher_for
    from geomap.sources import Article

    gazetteer = load_gazetteer()
    try:
        from geotext import GeoText
    except ImportError:
        GeoText = None
        print("geotext not installed: pip install geotext==0.4.0 (or -e '.[bench]')")
    names = matcher_for(gazetteer)._patterns
    automaton = ahocorasick_rs.AhoCorasick(
        names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def scan(text: str) -> None:
        automaton.find_matches_as_indexes(text.lower())

    def geomap(article) -> None:
        # (results dropped as they come: a streaming caller keeps none)
        process(article, gazetteer)

    kinds = off_topic(args.mb, gazetteer)
    relevant = [t for t, _ in real_articles(args.eval_dir)] if args.eval_dir.exists() else []
    sets = dict(kinds)
    sets["off-topic, all kinds"] = [t for v in kinds.values() for t in v]
    # (geomap reports incidents abroad, unmapped: to it those are not off-topic)
    sets["off-topic, not abroad"] = [t for k, v in kinds.items() if k != "violence abroad"
                                     for t in v]
    if relevant:
        sets["relevant (eval)"] = relevant
        sets["feed 9:1"] = feed(kinds, relevant, args.feed_articles)
    else:
        print(f"(no {args.eval_dir}: relevant articles and the feed skipped)")
    geomap(Article("A bomb killed two people in Kabul on Monday.", PUBLISHED, "warm"))

    print(f"CPU time, one core, median of {args.rounds} interleaved rounds "
          f"({len(names):,} gazetteer names in the raw scan)")
    print(f"| {'text':<22} | {'MB':>5} | {'articles':>8} | {'geomap MB/s':>11} | "
          f"{'geotext MB/s':>12} | {'raw scan MB/s':>13} | {'geomap/geotext':>14} |")
    print(f"|{'-' * 24}|{'-' * 7}|{'-' * 10}|{'-' * 13}|{'-' * 14}|{'-' * 15}|{'-' * 16}|")
    for label, texts in sets.items():
        row = measure(label, texts, args.rounds, GeoText, scan, geomap)
        print(f"| {label:<22} | {row['mb']:>5.2f} | {row['articles']:>8,} | "
              f"{row['geomap']:>11.2f} | {row['geotext']:>12.1f} | {row['scan']:>13.1f} | "
              f"{row['geomap'] / row['geotext']:>14.3f} |", flush=True)


if __name__ == "__main__":
    main()
