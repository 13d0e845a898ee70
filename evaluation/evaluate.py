"""Measure geomap's accuracy on third-party gold data (never copied into the repo).

    python evaluation/evaluate.py --ged ../shared/eval/ucdp_ged_afg.csv \
        --articles ../shared/eval/ucdp_aec_afg_articles.jsonl [--misses]

GED (``where_description``, precision 1–4): geocode the phrase and compare by
polygon — the gold point's district/province (reverse lookup in geomap's own
polygons) against the geocoded place's — and report distance errors in km.

AEC articles (68 real news items with gold province, district, deaths range):
run the whole extraction and report the share of aligned articles with an
incident in the gold province, in the gold district, and with a fatality count
in the gold range.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from datetime import date
from pathlib import Path

from geomap import load_gazetteer
from geomap.extract import extract_text
from geomap.geodesy import distance_km
from geomap.locate import locate

_GENERIC = (" province", " district", " town", " city", " village")


def _strip(name: str) -> str:
    name = name.strip()
    for word in _GENERIC:
        if name.lower().endswith(word):
            return name[: -len(word)]
    return name


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def evaluate_ged(path: Path, show_misses: bool) -> dict:
    gaz = load_gazetteer()
    rows = [r for r in csv.DictReader(path.open(encoding="utf-8"))
            if r["where_prec"] in ("1", "2", "3", "4")]
    n = prov_ok = dist_n = dist_ok = unmatched = 0
    errors: list[float] = []
    for row in rows:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        gold = gaz.reverse(lat, lon, max_km=10)
        if gold is None:
            continue
        n += 1
        found = locate(gaz, row["where_description"], limit=1)
        cand = found[0] if found else None
        if cand is None:
            unmatched += 1
            if show_misses:
                print(f"  GED no match: {row['where_description']!r}", file=sys.stderr)
            continue
        place = cand.place
        ok_prov = place.admin1_code == gold.admin1_code
        prov_ok += ok_prov
        if row["where_prec"] in ("1", "2", "3"):
            dist_n += 1
            dist_ok += place.admin2_id == gold.id
            errors.append(distance_km(lat, lon, place.lat, place.lon))
        if show_misses and not ok_prov:
            print(f"  GED wrong province: {row['where_description']!r} -> {place.name} "
                  f"({place.admin1}); gold {gold.admin1}/{gold.name}", file=sys.stderr)
    return {
        "rows (precision 1-4, gold point in Afghanistan)": n,
        "province accuracy": round(prov_ok / n, 3) if n else None,
        "district accuracy (precision 1-3)": round(dist_ok / dist_n, 3) if dist_n else None,
        "no match": unmatched,
        "median error km (precision 1-3)": round(statistics.median(errors), 1) if errors else None,
        "p90 error km": round(_percentile(errors, 0.9), 1) if errors else None,
        "share within 25 km": round(sum(e <= 25 for e in errors) / len(errors), 3)
        if errors else None,
    }


def _gold_places(gaz, row: dict):
    province = gaz.province(_strip(row["adm_1"])) if row.get("adm_1") else None
    district = None
    if province and row.get("adm_2"):
        for cand in gaz.lookup(_strip(row["adm_2"]), kind="district", limit=10):
            if cand.place.kind == "district" and cand.place.admin1_code == province.admin1_code:
                district = cand.place
                break
    return province, district


def evaluate_articles(path: Path, show_misses: bool) -> dict:
    gaz = load_gazetteer()
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r.get("aligned")]
    n = prov = dist = dist_n = deaths = any_incident = dated = 0
    for row in rows:
        published = date.fromisoformat(row["publication_date"][:10])
        incidents = [i for i in extract_text(row["article"], published=published,
                                             source=str(row["id"])) if i.mapped]
        gold_prov, gold_dist = _gold_places(gaz, row)
        n += 1
        any_incident += bool(incidents)
        in_prov = [i for i in incidents if gold_prov and i.place.admin1_code == gold_prov.admin1_code]
        prov += bool(in_prov)
        if gold_dist is not None:
            dist_n += 1
            dist += any(i.place.admin2_id == gold_dist.id for i in in_prov)
        start = date.fromisoformat(row["date_start"])
        end = date.fromisoformat(row["date_end"])
        dated += any(i.event_date is not None and start <= i.event_date <= end
                     for i in (in_prov or incidents))
        low, high = row.get("deaths_low"), row.get("deaths_high")
        ok_deaths = any(i.fatalities is not None and low <= i.fatalities <= high
                        for i in (in_prov or incidents))
        deaths += ok_deaths
        if show_misses and (not in_prov or not ok_deaths):
            got = [(i.place.admin1, i.place.admin2, i.fatalities) for i in incidents]
            print(f"  AEC {row['id']}: gold {row['adm_1']}/{row['adm_2']} deaths "
                  f"{low}-{high}; got {got}", file=sys.stderr)
    return {
        "aligned articles": n,
        "with any mapped incident": any_incident,
        "incident in gold province": round(prov / n, 3) if n else None,
        "incident in gold district (where gold has one)": round(dist / dist_n, 3)
        if dist_n else None,
        "fatality count in gold range": round(deaths / n, 3) if n else None,
        "event date within the gold dates": round(dated / n, 3) if n else None,
    }


def evaluate_names(path: Path, show_misses: bool) -> dict:
    """Province and district names as geoBoundaries and OCHA spell them → right province?"""
    gaz = load_gazetteer()
    n = ok = 0
    for row in csv.DictReader(path.open(encoding="utf-8")):
        gold = gaz.reverse(float(row["inside_lat"]), float(row["inside_lon"]))
        if gold is None:
            continue
        ocha = row["ocha_adm2_at_inside_pt" if row["level"] == "ADM2" else "ocha_adm1_at_inside_pt"]
        for name in sorted({row["name"], ocha}):
            n += 1
            found = locate(gaz, name, limit=1)
            hit = bool(found) and found[0].place.admin1_code == gold.admin1_code
            ok += hit
            if show_misses and not hit:
                got = found[0].place.admin1 if found else None
                print(f"  NAME {name!r}: gold {gold.admin1}, got {got}", file=sys.stderr)
    return {"names (geoBoundaries and OCHA spellings)": n,
            "resolved to the right province": round(ok / n, 3) if n else None}


def evaluate_typos(seed: int = 3, per_name: int = 3) -> dict:
    """One random typing error (swap, drop, change or double a letter) in every province
    and city name, a few times each: does the name still reach its province?"""
    import random

    gaz = load_gazetteer()
    rng = random.Random(seed)
    n = ok = 0
    for place in sorted((p for p in gaz.places.values() if p.kind in ("province", "city")),
                        key=lambda p: p.id):
        for _ in range(per_name):
            name = place.name
            i = rng.randrange(1, len(name) - 1)
            kind = rng.choice(["swap", "drop", "change", "double"])
            typo = {"swap": name[:i] + name[i + 1:i + 2] + name[i] + name[i + 2:],
                    "drop": name[:i] + name[i + 1:],
                    "change": name[:i] + rng.choice("aeiouy") + name[i + 1:],
                    "double": name[:i] + name[i] + name[i:]}[kind]
            if typo == name:
                continue
            n += 1
            found = locate(gaz, typo, limit=1)
            ok += bool(found) and found[0].place.admin1_code == place.admin1_code
    return {"misspelt province and city names (generated)": n,
            "resolved to the right province": round(ok / n, 3) if n else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ged", type=Path, help="ucdp_ged_afg.csv")
    parser.add_argument("--articles", type=Path, help="ucdp_aec_afg_articles.jsonl")
    parser.add_argument("--names", type=Path, help="geoboundaries_admin_afg.csv")
    parser.add_argument("--typos", action="store_true",
                        help="Generated typing errors in province and city names.")
    parser.add_argument("--misses", action="store_true", help="List misses on stderr.")
    args = parser.parse_args(argv)
    if not (args.ged or args.articles or args.names or args.typos):
        parser.error("give --ged, --articles, --names and/or --typos")
    if args.typos:
        print("Typing errors:")
        for key, value in evaluate_typos().items():
            print(f"  {key}: {value}")
    if args.names:
        print("Admin names, spelling variants:")
        for key, value in evaluate_names(args.names, args.misses).items():
            print(f"  {key}: {value}")
    if args.ged:
        print("GED where_description geocoding:")
        for key, value in evaluate_ged(args.ged, args.misses).items():
            print(f"  {key}: {value}")
    if args.articles:
        print("AEC articles end to end:")
        for key, value in evaluate_articles(args.articles, args.misses).items():
            print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
