"""Measure geomap's accuracy on third-party gold data (never copied into the repo).

    python evaluation/evaluate.py --all ../shared/eval [--json figures.json] [--misses]

Every real set found in the directory is scored (or name them one by one with
``--articles``, ``--isaf``, ``--ged``, ``--ged-districts``, ``--names``):

- UCDP-AEC articles (real news items, gold province/district/deaths range/dates):
  the whole extraction; an incident in the gold province / district, fatalities in
  the gold range and exact, event date in the gold dates (and ±1 day), and the mean
  share of an article's incidents outside the gold province (a precision measure).
- ISAF press releases (gold provinces, start date, event kinds, minimum killed and
  captured under the coders' rules): any incident, gold province, killed and detained
  exact (summed over the release's incidents in the gold provinces), detentions typed
  *Arrests*, event type agreement, date exact and ±1 day, share outside.
- UCDP GED ``where_description`` phrases and ``adm_2`` names: geocoded and compared
  by polygon (the gold point's district/province in geomap's own polygons).
- geoBoundaries/OCHA admin names: each spelling → the right province.

Each figure is ``{"value", "n", "hits"}`` so a change can be judged in articles.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from datetime import date, timedelta
from pathlib import Path

from geomap import load_gazetteer
from geomap.extract.incidents import extract_text
from geomap.places.geodesy import distance_km
from geomap.places.locate import locate

_GENERIC = (" province", " district", " town", " city", " village")


def _strip(name: str) -> str:
    """"Tagab district (Kapisa)" → "Tagab": the gold's generic word and qualifier go."""
    name = name.split("(")[0].strip()
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
        "rows (precision 1-4, gold point in Afghanistan)": {"value": n, "n": n, "count": True},
        "province": _share(prov_ok, n),
        "district (precision 1-3)": _share(dist_ok, dist_n),
        "within 25 km (precision 1-3)": _share(sum(e <= 25 for e in errors), len(errors)),
        "median error km (precision 1-3)": {
            "value": round(statistics.median(errors), 1) if errors else None,
            "n": len(errors), "lower_is_better": True, "unit": "km"},
        "p90 error km": {"value": round(_percentile(errors, 0.9), 1) if errors else None,
                         "n": len(errors), "lower_is_better": True, "unit": "km"},
        "no match": {"value": unmatched, "n": n, "count": True},
    }


def evaluate_ged_districts(path: Path, show_misses: bool) -> dict:
    """GED events with > 10 deaths: the coded ``adm_2`` district name → the district
    whose polygon holds the gold point?"""
    gaz = load_gazetteer()
    n = dist_ok = prov_ok = 0
    for row in csv.DictReader(path.open(encoding="utf-8")):
        gold = gaz.reverse(float(row["latitude"]), float(row["longitude"]), max_km=10)
        if gold is None or not row["adm_2"].strip():
            continue
        n += 1
        found = locate(gaz, row["adm_2"], kind="district", limit=1)
        place = found[0].place if found else None
        prov_ok += place is not None and place.admin1_code == gold.admin1_code
        hit = place is not None and (place.id == gold.id or place.admin2_id == gold.id)
        dist_ok += hit
        if show_misses and not hit:
            print(f"  GED district {row['adm_2']!r}: gold {gold.admin1}/{gold.name}, got "
                  f"{place.admin1 + '/' + place.name if place else None}", file=sys.stderr)
    return {"rows": {"value": n, "n": n, "count": True},
            "district": _share(dist_ok, n), "province": _share(prov_ok, n)}


def _gold_places(gaz, row: dict):
    province = gaz.province(_strip(row["adm_1"])) if row.get("adm_1") else None
    district = None
    if province and row.get("adm_2"):
        for cand in gaz.lookup(_strip(row["adm_2"]), kind="district", limit=10):
            if cand.place.kind == "district" and cand.place.admin1_code == province.admin1_code:
                district = cand.place
                break
    return province, district


def _share(hits: int, n: int) -> dict:
    """A figure with its denominator, so a drop can be judged in articles, not percent."""
    return {"value": round(hits / n, 3) if n else None, "n": n, "hits": hits}


def _outside_share(incidents, gold_codes: set[str]) -> float | None:
    """Share of an article's mapped incidents outside its gold provinces."""
    mapped = [i for i in incidents if i.mapped]
    if not mapped:
        return None
    return sum(i.place.admin1_code not in gold_codes for i in mapped) / len(mapped)


def _mean(values: list[float]) -> dict:
    return {"value": round(statistics.mean(values), 3) if values else None, "n": len(values),
            "lower_is_better": True}


def evaluate_articles(path: Path, show_misses: bool) -> dict:
    gaz = load_gazetteer()
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r.get("aligned")]
    n = prov = dist = dist_n = deaths = deaths_exact = any_incident = dated = dated1 = 0
    outside: list[float] = []
    for row in rows:
        published = date.fromisoformat(row["publication_date"][:10])
        found = extract_text(row["article"], published=published, source=str(row["id"]))
        incidents = [i for i in found if i.mapped]
        gold_prov, gold_dist = _gold_places(gaz, row)
        n += 1
        any_incident += bool(incidents)
        in_prov = [i for i in incidents if gold_prov and i.place.admin1_code == gold_prov.admin1_code]
        prov += bool(in_prov)
        if gold_prov is not None:
            share = _outside_share(incidents, {gold_prov.admin1_code})
            if share is not None:
                outside.append(share)
        if gold_dist is not None:
            dist_n += 1
            dist += any(i.place.admin2_id == gold_dist.id for i in in_prov)
        start = date.fromisoformat(row["date_start"])
        end = date.fromisoformat(row["date_end"])
        pool = in_prov or incidents
        dated += any(i.event_date is not None and start <= i.event_date <= end for i in pool)
        dated1 += any(i.event_date is not None and
                      (start - _DAY) <= i.event_date <= (end + _DAY) for i in pool)
        low, high = row.get("deaths_low"), row.get("deaths_high")
        ok_deaths = any(i.fatalities is not None and low <= i.fatalities <= high for i in pool)
        deaths += ok_deaths
        deaths_exact += any(i.fatalities == row.get("deaths_best") for i in pool)
        if show_misses and (not in_prov or not ok_deaths):
            got = [(i.place.admin1, i.place.admin2, i.fatalities) for i in incidents]
            print(f"  AEC {row['id']}: gold {row['adm_1']}/{row['adm_2']} deaths "
                  f"{low}-{high}; got {got}", file=sys.stderr)
    return {
        "articles": {"value": n, "n": n, "count": True},
        "with any incident": _share(any_incident, n),
        "gold province": _share(prov, n),
        "gold district (where gold has one)": _share(dist, dist_n),
        "fatalities in gold range": _share(deaths, n),
        "fatalities exact (best)": _share(deaths_exact, n),
        "event date within gold dates": _share(dated, n),
        "event date within gold dates +-1 day": _share(dated1, n),
        "mean share of incidents outside gold province": _mean(outside),
    }


# ISAF coders' event kinds → the ACLED sub-event types that agree with them.
_ISAF_TYPES = {
    "detention": {"Arrests"},
    "insurgentskilled": {"Armed clash", "Air/drone strike", "Government regains territory"},
    "captureandkill": {"Arrests", "Armed clash", "Air/drone strike"},
    "airstrike": {"Air/drone strike"},
    "civiliancasualty": {"Attack", "Air/drone strike", "Remote explosive/landmine/IED",
                         "Suicide bomb", "Shelling/artillery/missile attack", "Grenade"},
}
_DAY = timedelta(days=1)


def _total(incidents, field: str) -> int:
    return sum(getattr(i, field) or 0 for i in incidents)


def evaluate_isaf(path: Path, show_misses: bool) -> dict:
    """ISAF press releases: one release reports one operation (gold: provinces, start
    date, event kinds, minimum killed and captured under the coders' rules)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    n = anyinc = prov = killed = detained = typed = typed_n = arrests = arrests_n = 0
    killed_pos = killed_pos_n = detained_pos = detained_pos_n = 0
    dated = dated1 = dated_n = prov_n = 0
    outside: list[float] = []
    for row in rows:
        published = date.fromisoformat(row["publication_date"])
        found = extract_text(row["text"], published=published, source=row["id"])
        mapped = [i for i in found if i.mapped]
        gold = set(row["gold_provinces"])
        n += 1
        anyinc += bool(mapped)
        in_prov = [i for i in mapped if i.place.admin1_code in gold]
        if gold:
            prov_n += 1
            prov += bool(in_prov)
            share = _outside_share(found, gold)
            if share is not None:
                outside.append(share)
        pool = in_prov or mapped
        ok_killed = _total(pool, "fatalities") == row["gold_min_killed"]
        killed += ok_killed
        if row["gold_min_killed"] > 0:
            killed_pos_n += 1
            killed_pos += ok_killed
        ok_detained = _total(pool, "detained") == row["gold_min_captured"]
        detained += ok_detained
        if row["gold_min_captured"] > 0:
            detained_pos_n += 1
            detained_pos += ok_detained
        kinds = set(row["gold_event_types"])
        if kinds:
            typed_n += 1
            allowed = set().union(*(_ISAF_TYPES[k] for k in kinds))
            typed += any(i.sub_event_type in allowed for i in pool)
        if "detention" in kinds:
            arrests_n += 1
            arrests += any(i.sub_event_type == "Arrests" for i in pool)
        ok_date = None
        if row.get("gold_start_date"):
            gold_date = date.fromisoformat(row["gold_start_date"])
            dated_n += 1
            ok_date = any(i.event_date == gold_date for i in pool)
            dated += ok_date
            dated1 += any(i.event_date is not None and abs((i.event_date - gold_date).days) <= 1
                          for i in pool)
        if show_misses and not (in_prov and ok_killed and ok_detained and ok_date is not False):
            got = [(i.place.admin1_code if i.place else i.location, str(i.event_date),
                    i.sub_event_type, i.fatalities,
                    i.detained) for i in found]
            print(f"  ISAF {row['id']}: gold {sorted(gold)} {row.get('gold_start_date')} "
                  f"{sorted(kinds)} killed {row['gold_min_killed']} detained "
                  f"{row['gold_min_captured']}; got {got}", file=sys.stderr)
    return {
        "releases": {"value": n, "n": n, "count": True},
        "with any incident": _share(anyinc, n),
        "gold province": _share(prov, prov_n),
        "killed exact": _share(killed, n),
        "killed exact, releases reporting deaths": _share(killed_pos, killed_pos_n),
        "detained exact": _share(detained, n),
        "detained exact, releases reporting detentions": _share(detained_pos, detained_pos_n),
        "detentions typed Arrests": _share(arrests, arrests_n),
        "event type agrees": _share(typed, typed_n),
        "event date exact": _share(dated, dated_n),
        "event date +-1 day": _share(dated1, dated_n),
        "mean share of incidents outside gold provinces": _mean(outside),
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
    return {"names (geoBoundaries and OCHA spellings)": {"value": n, "n": n, "count": True},
            "resolved to the right province": _share(ok, n)}


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
    return {"misspelt province and city names (generated)": {"value": n, "n": n, "count": True},
            "resolved to the right province": _share(ok, n)}


#: The real sets of ../shared/eval: file name → (label, scorer).
SETS = {
    "ucdp_aec_afg_articles.jsonl": ("UCDP-AEC articles, end to end", evaluate_articles),
    "isaf_dev.jsonl": ("ISAF press releases, end to end", evaluate_isaf),
    "ucdp_ged_afg.csv": ("UCDP GED where_description geocoding", evaluate_ged),
    "ucdp_ged_realcaddish_afg.csv": ("UCDP GED adm_2 district names", evaluate_ged_districts),
    "geoboundaries_admin_afg.csv": ("Admin names, geoBoundaries and OCHA spellings",
                                    evaluate_names),
}


def evaluate_all(eval_dir: Path, show_misses: bool = False) -> dict[str, dict]:
    """Every real set present in ``eval_dir``, keyed by file name."""
    return {name: scorer(eval_dir / name, show_misses)
            for name, (_, scorer) in SETS.items() if (eval_dir / name).exists()}


def _print(title: str, figures: dict) -> None:
    print(f"{title}:")
    for key, fig in figures.items():
        value = fig["value"]
        if fig.get("count") or fig.get("unit"):
            shown = f"{value}{' ' + fig['unit'] if fig.get('unit') else ''}"
        elif value is None:
            shown = "–"
        else:
            shown = f"{value:.1%}" + (f"  ({fig['hits']}/{fig['n']})" if "hits" in fig else
                                      f"  (n={fig['n']})")
        print(f"  {key}: {shown}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", type=Path, metavar="EVAL_DIR",
                        help="every real set found in EVAL_DIR (e.g. ../shared/eval)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--isaf", type=Path, help="isaf_dev.jsonl")
    parser.add_argument("--ged-districts", type=Path, help="ucdp_ged_realcaddish_afg.csv")
    parser.add_argument("--ged", type=Path, help="ucdp_ged_afg.csv")
    parser.add_argument("--articles", type=Path, help="ucdp_aec_afg_articles.jsonl")
    parser.add_argument("--names", type=Path, help="geoboundaries_admin_afg.csv")
    parser.add_argument("--typos", action="store_true",
                        help="Generated typing errors in province and city names.")
    parser.add_argument("--misses", action="store_true", help="List misses on stderr.")
    args = parser.parse_args(argv)
    chosen = {"isaf_dev.jsonl": args.isaf, "ucdp_ged_realcaddish_afg.csv": args.ged_districts,
              "ucdp_ged_afg.csv": args.ged, "ucdp_aec_afg_articles.jsonl": args.articles,
              "geoboundaries_admin_afg.csv": args.names}
    if args.all:
        if not args.all.is_dir():
            parser.error(f"{args.all}: not a directory")
        chosen.update({name: args.all / name for name in SETS
                       if (args.all / name).exists() and chosen[name] is None})
    if not (any(chosen.values()) or args.typos):
        parser.error("give --all EVAL_DIR, or --isaf/--articles/--ged/--ged-districts/--names "
                     "and/or --typos")
    results: dict[str, dict] = {}
    if args.typos:
        results["typos"] = evaluate_typos()
        _print("Typing errors", results["typos"])
    for name, (title, scorer) in SETS.items():
        if chosen[name] is not None:
            results[name] = scorer(chosen[name], args.misses)
            _print(title, results[name])
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
