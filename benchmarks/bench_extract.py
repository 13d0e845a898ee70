"""End-to-end extraction speed and place-mention quality, beside geotext.

    pip install -e ".[bench]"          # geotext 0.4.0 for the comparison
    python benchmarks/bench_extract.py [--mb 10] [--eval-dir ../shared/eval] [--cold 7]

Speed, CPU seconds of this process, all in one run:

- real articles: every article of the two evaluation JSONL files (read from
  ``--eval-dir`` at run time, never copied here), repeated to ``--mb`` MB;
- the benchmark corpus: ``--mb`` MB generated from the labelled reports below mixed with
  background sentences that report no incident, about one in four (news articles are
  mostly context; deterministic seed);
- on the same texts: geotext 0.4.0 (regex, cities only, no context) and a raw
  ``ahocorasick_rs`` scan of the same gazetteer names (lower case, no checks): the floor
  any pipeline that finds names pays;
- the share of extraction time per stage, on one pass over the real articles;
- with ``--cold N``: median CPU seconds of N cold processes (``geomap --help``,
  ``geomap geocode Kabul``, a bare ``import typer``).

Quality: place-mention precision/recall on LABELLED — short reports with their
Afghan place names marked by hand. A mention counts when its span matches a
gold name; geotext is scored the same way (its cities only, as it has no
provinces or districts).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (text, gold Afghan place surfaces in order)
LABELLED = [
    ("A roadside bomb killed three soldiers in Sangin district of Helmand on Monday.",
     ["Sangin", "Helmand"]),
    ("Two civilians were killed when a mortar hit a house in Panjsher province.", ["Panjsher"]),
    ("Taliban fighters attacked a checkpoint in Nad-e Ali district of Hilmand province.",
     ["Nad-e Ali", "Hilmand"]),
    ("A magnetic bomb exploded in Mazar-i-Sharif on Wednesday, wounding six people.",
     ["Mazar-i-Sharif"]),
    ("An explosion in Jalalabad city killed at least 7 people.", ["Jalalabad"]),
    ("Gunmen shot dead a journalist in Lashkargah on 28 October.", ["Lashkargah"]),
    ("Clashes in Panjshri province left twelve fighters dead.", ["Panjshri"]),
    ("Explosions near mosques in Kandahar (42 killed) and Kunduz (120 dead).",
     ["Kandahar", "Kunduz"]),
    ("The group claimed targeted killings in Nangarhar and Parwan provinces.",
     ["Nangarhar", "Parwan"]),
    ("Airstrikes killed 15 militants in Surkh Rod district of Nangarhar.",
     ["Surkh Rod", "Nangarhar"]),
    ("Four people died when a bomb went off in Zaranj, and seven were hurt in Qalat.",
     ["Zaranj", "Qalat"]),
    ("Rocket fire hit Asadabad on Monday and Mehtarlam on Tuesday.", ["Asadabad", "Mehtarlam"]),
    ("Bombings in Kabul's Dasht-e-Barchi area killed 25 people.", ["Kabul", "Dasht-e-Barchi"]),
    ("Twenty-five civilians were killed in an air strike in Gereshk.", ["Gereshk"]),
    ("A bomb in Gardez killed a policeman and wounded two civilians.", ["Gardez"]),
    ("A landmine killed 3 children in Maimana in late September.", ["Maimana"]),
    ("Explosion in کندهار killed 4 people on Monday.", ["کندهار"]),
    ("A bomb exploded in Spin Boldak, killing two border police.", ["Spin Boldak"]),
    ("A blast hit a bus in Sheberghan on Tuesday, wounding 11.", ["Sheberghan"]),
    ("Gunmen attacked a school in Fayzabad, Badakhshan, killing two teachers.",
     ["Fayzabad", "Badakhshan"]),
    ("A blast in Peshawar killed 8 people, the police said.", []),
    ("Talks between the Taliban and the US were held in Doha on Tuesday.", []),
    ("Police said the bar was closed now and said nothing more.", []),
    ("The Mission said Bilal Karimi and Zabihullah Mujahid spoke to reporters.", []),
    ("Qatar strongly condemned the attack on Afghanistan's largest military hospital.", []),
    ("The Islamic State in Khorasan Province, ISKP, claimed the attacks.", []),
    ("A blast struck the Kabul airport, where crowds gathered near the Baron Hotel.", ["Kabul"]),
    ("Fighting was reported in Herat, Farah and Badghis provinces.",
     ["Herat", "Farah", "Badghis"]),
]


# Sentences of the kind that fill most of a news article and report no incident.
BACKGROUND = [
    "The interim government announced new appointments to several ministries on Sunday.",
    "Officials said the talks on humanitarian aid would continue next week in the capital.",
    "Prices of flour and cooking oil have risen sharply in local markets since August.",
    "The United Nations said millions of people face acute food insecurity this winter.",
    "Schools for girls above sixth grade remain closed in most provinces.",
    "A delegation visited the province to discuss reconstruction of roads and bridges.",
    "The central bank said it was working to stabilise the currency.",
    "Aid agencies called for the release of frozen assets to pay teachers and doctors.",
    "Residents said electricity supply had improved after repairs to the main power line.",
    "The ministry spokesman told reporters that the new budget would be published soon.",
    "Farmers complained about drought and the lack of irrigation water this season.",
    "Thousands of families have returned to their villages after years of displacement.",
    "The World Health Organization delivered medical supplies to several hospitals.",
    "Analysts say the economy has contracted by a third since the change of government.",
    "A new academic year began at universities with separate classes for women.",
    "Traders at the border crossing reported long queues of trucks carrying fruit.",
    "The governor met tribal elders to discuss land disputes and local development.",
    "International donors pledged more funds for health and education programmes.",
    "Journalists said restrictions on the media had increased in recent months.",
    "The football league resumed with matches played in front of small crowds.",
]


def score(found: list[list[str]]) -> tuple[float, float]:
    tp = fp = fn = 0
    for (_, gold), got in zip(LABELLED, found):
        gold_left = list(gold)
        for name in got:
            if name in gold_left:
                tp += 1
                gold_left.remove(name)
            else:
                fp += 1
        fn += len(gold_left)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def geomap_mentions(text: str) -> list[str]:
    from geomap import load_gazetteer
    from geomap.rules.lexicon import find_actors
    from geomap.places.mentions import matcher_for

    masks = [(a.start, a.end) for a in find_actors(text)]
    return [m.surface for m in matcher_for(load_gazetteer()).find(text, masks=masks)
            if m.is_afghan]


def corpus(megabytes: float) -> list[str]:
    rng = random.Random(7)
    reports = [t for t, _ in LABELLED]
    articles, size = [], 0
    while size < megabytes * 1_000_000:
        # an article: a few report sentences among background ones (about 1 in 4)
        body = [rng.choice(reports) for _ in range(rng.randint(2, 6))]
        body += [rng.choice(BACKGROUND) for _ in range(rng.randint(8, 18))]
        rng.shuffle(body)
        article = " ".join(body)
        articles.append(article)
        size += len(article.encode("utf-8"))
    return articles


def real_articles(eval_dir: Path) -> list[tuple[str, date]]:
    """(text, publication date) of every article of the two evaluation files."""
    articles = []
    for line in (eval_dir / "ucdp_aec_afg_articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        articles.append((row["article"], date.fromisoformat(row["publication_date"][:10])))
    for line in (eval_dir / "isaf_dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        articles.append((row["text"], date.fromisoformat(row["publication_date"])))
    return articles


def repeated(articles: list, megabytes: float) -> list:
    """``articles`` repeated to about ``megabytes`` MB."""
    once = _mb([t for t, _ in articles])
    return articles * max(1, round(megabytes / once))


def _mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _each(fn, items) -> None:
    for item in items:
        fn(item)


def _cpu(run) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


#: what each stage of the pipeline is called where the modules of geomap/extract call it
STAGES = {
    "split_sentences": "sentences", "scan_text": "anchor scan",
    "background_spans": "background clauses", "blank": "background clauses",
    "find_actors": "actors", "PlaceMatcher.find": "place names",
    "resolve_mentions": "resolution", "group_places": "resolution",
    "find_dates": "dates", "dateline_date": "dates", "find_counts": "counts",
    "has_trigger": "event words", "is_reaction": "event words",
    "is_not_an_event": "event words", "classify_event": "event words",
    "find_targets": "event words", "merge_incidents": "merge", "finish": "incident records",
}


def stage_shares(articles: list[tuple[str, date]]) -> dict[str, float]:
    """CPU seconds per stage (exclusive: a stage called inside another counts once)."""
    import geomap.extract.incidents as ex
    from geomap.extract import claims, datelines, drafts, finish, segment
    from geomap.places.mentions import PlaceMatcher

    spent: dict[str, float] = defaultdict(float)
    stack: list[list] = []

    def timed(stage, fn):
        def wrapper(*args, **kwargs):
            now = time.process_time()
            if stack:
                stack[-1][1] += now - stack[-1][2]       # the caller's time so far
            stack.append([stage, 0.0, now])
            try:
                return fn(*args, **kwargs)
            finally:
                frame = stack.pop()
                now = time.process_time()
                spent[frame[0]] += frame[1] + now - frame[2]
                if stack:
                    stack[-1][2] = now
        return wrapper

    patched = []
    modules = (ex, claims, datelines, drafts, finish, segment)
    for name, stage in STAGES.items():
        owners = [(PlaceMatcher, "find")] if name == "PlaceMatcher.find" else \
            [(module, name) for module in modules]
        for owner, attr in owners:
            if hasattr(owner, attr):
                patched.append((owner, attr, getattr(owner, attr)))
                setattr(owner, attr, timed(stage, getattr(owner, attr)))
    extract_text = timed("glue (geomap/extract)", ex.extract_text)
    try:
        for text, published in articles:
            extract_text(text, published=published)
    finally:
        for owner, attr, fn in patched:
            setattr(owner, attr, fn)
    return dict(spent)


def cold(runs: int) -> dict[str, float]:
    """Median CPU seconds (user + system) of cold processes."""
    exe = str(Path(sys.executable).with_name("geomap"))
    commands = {"python -c 'import typer'": [sys.executable, "-c", "import typer"],
                "geomap --help": [exe, "--help"],
                "geomap geocode Kabul": [exe, "geocode", "Kabul"]}
    # as a user runs them: with bytecode caching on (a sandbox may set
    # PYTHONDONTWRITEBYTECODE, which recompiles geomap's modules at every start)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = {}
    for label, command in commands.items():
        subprocess.run(command, capture_output=True, env=env)    # warm the file cache
        times = []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, capture_output=True, env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        out[label] = statistics.median(times)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--cold", type=int, default=0, metavar="N",
                        help="also time N cold CLI processes of each command")
    args = parser.parse_args()
    import ahocorasick_rs

    from geomap import load_gazetteer
    from geomap.extract.incidents import extract_text
    from geomap.places.mentions import matcher_for

    gazetteer = load_gazetteer()
    p, r = score([geomap_mentions(t) for t, _ in LABELLED])
    print(f"geomap  place mentions: precision {p:.2f} recall {r:.2f} ({len(LABELLED)} reports)")
    try:
        from geotext import GeoText
        p, r = score([list(GeoText(t, country="AF").cities) for t, _ in LABELLED])
        print(f"geotext place mentions: precision {p:.2f} recall {r:.2f} (AF cities)")
        gp, gr = score([list(GeoText(t).cities) for t, _ in LABELLED])
        print(f"geotext (all cities):   precision {gp:.2f} recall {gr:.2f}")
    except ImportError:
        GeoText = None
        print("geotext not installed: pip install geotext==0.4.0")

    names = matcher_for(gazetteer)._patterns
    automaton = ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    real = real_articles(args.eval_dir) if args.eval_dir.exists() else []
    sets = {"real articles": repeated(real, args.mb) if real else [],
            "benchmark corpus": [(a, date(2021, 11, 4)) for a in corpus(args.mb)]}
    extract_text(LABELLED[0][0], published=date(2021, 11, 4))       # warm the automata
    print(f"\nCPU seconds, one core ({len(names):,} gazetteer names in the raw scan)")
    print(f"{'text':<18}{'MB':>6}{'articles':>10}{'geomap s':>10}{'MB/s':>7}{'art/s':>8}"
          f"{'geotext MB/s':>14}{'raw scan MB/s':>15}{'geomap/geotext':>16}")
    for label, articles in sets.items():
        if not articles:
            print(f"{label:<18} (no {args.eval_dir}: skipped)")
            continue
        texts = [t for t, _ in articles]
        mb = _mb(texts)
        # (results are dropped as they come: kept, they grow the heap and the collector's
        # work, which no caller streaming articles pays)
        geomap_s = _cpu(lambda: _each(lambda a: extract_text(a[0], published=a[1]), articles))
        geotext_s = _cpu(lambda: _each(GeoText, texts)) if GeoText else float("nan")
        scan_s = _cpu(lambda: _each(lambda t: automaton.find_matches_as_indexes(t.lower()), texts))
        print(f"{label:<18}{mb:>6.1f}{len(texts):>10,}{geomap_s:>10.2f}{mb / geomap_s:>7.2f}"
              f"{len(texts) / geomap_s:>8,.0f}{mb / geotext_s:>14.2f}{mb / scan_s:>15.1f}"
              f"{geotext_s / geomap_s:>16.2f}")

    if real:
        spent = stage_shares(real)
        total = sum(spent.values())
        print(f"\nshare of extraction time per stage (real articles, one pass, {total:.2f} s CPU)")
        for stage, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<22}{100 * seconds / total:5.1f}%")
    if args.cold:
        print(f"\ncold processes, median CPU s of {args.cold}")
        for label, seconds in cold(args.cold).items():
            print(f"  {label:<28}{seconds:.3f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
