"""End-to-end extraction speed and place-mention quality, beside geotext.

    pip install geotext==0.4.0      # benchmark only (pip install -e ".[bench]")
    python benchmarks/bench_extract.py [--mb 10]

Speed: a corpus of >= 10 MB is generated from the labelled reports below mixed
with background sentences that report no incident, about one in four (news
articles are mostly context; deterministic seed) and run through the whole pipeline
(reading, sentences, mentions, resolution, dates, counts, merge): MB/s and
articles/s on one core, and peak memory. geotext runs on the same text.

Quality: place-mention precision/recall on LABELLED — short reports with their
Afghan place names marked by hand. A mention counts when its span matches a
gold name; geotext is scored the same way (its cities only, as it has no
provinces or districts).
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import date

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
    from geomap.lexicon import find_actors
    from geomap.mentions import matcher_for

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    from geomap import load_gazetteer
    from geomap.extract import extract_text

    load_gazetteer()
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

    articles = corpus(args.mb)
    megabytes = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    extract_text(articles[0], published=date(2021, 11, 4))          # warm the automaton
    start = time.perf_counter()
    incidents = 0
    for article in articles:
        incidents += len(extract_text(article, published=date(2021, 11, 4)))
    elapsed = time.perf_counter() - start
    print(f"geomap end to end: {megabytes:.1f} MB, {len(articles):,} articles in {elapsed:.1f} s "
          f"= {megabytes / elapsed:.2f} MB/s, {len(articles) / elapsed:,.0f} articles/s, "
          f"{incidents:,} incidents (one core)")
    if GeoText is not None:
        start = time.perf_counter()
        for article in articles:
            GeoText(article)
        elapsed = time.perf_counter() - start
        print(f"geotext:           {megabytes / elapsed:.2f} MB/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
