"""The offline Afghan gazetteer: loading, name lookup and reverse lookup.

Data files (built by ``gazetteer/build.py``, shipped inside the wheel as
``geomap/_gazetteer``) are read once per process and indexed in memory::

    places.tsv          one row per place (id, kind, lat/lon, province, district)
    names.tsv           every name of every place (Latin variants, Dari, Pashto)
    boundaries.geojson  province and district polygons (read only when needed)
    foreign.tsv         places outside Afghanistan, so they are never put inside
    common_words.txt    English words that are also place names

>>> gaz = load_gazetteer()
>>> gaz.best("Panjshri province").place.id
'AF-PAN'
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterator

from ..errors import GazetteerError
from .names import fold, is_arabic_script, phonetic, split_generic
from .records import Candidate, Place

__all__ = ["Gazetteer", "ForeignPlace", "load_gazetteer", "data_dir", "province_code"]

# How strongly a kind is preferred when one name fits places of several kinds:
# a bare "Kandahar" is the city; "Panjshir" (no city of that name) the province.
_KIND_PRIOR = {"city": 0.06, "province": 0.05, "district": 0.04, "airport": 0.03,
               "landmark": 0.03, "area": 0.03, "town": 0.01}
_HINT_KINDS = {"province": {"province"}, "district": {"district"},
               "city": {"city", "town"}, "airport": {"airport"},
               "landmark": {"landmark", "area"}}
_EXACT_PRIMARY, _EXACT_ALT, _PHONETIC, _FUZZY = 1.0, 0.95, 0.88, 0.85
_FUZZY_MIN_LEN = 4
_MAJOR = frozenset({"province", "district", "city"})


@dataclass(frozen=True, slots=True)
class ForeignPlace:
    """A place outside Afghanistan (a country or a foreign city)."""

    name: str
    country_code: str
    country: str
    kind: str


def data_dir() -> Path:
    """Where the gazetteer files are: $GEOMAP_GAZETTEER, the wheel, or the checkout."""
    env = os.environ.get("GEOMAP_GAZETTEER")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_gazetteer"     # inside the wheel
    if shipped.is_dir():
        return shipped
    return package.parent / "gazetteer" / "data"


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="\t")
            header = next(rows)
            for row in rows:
                yield dict(zip(header, row))
    except FileNotFoundError as err:
        raise GazetteerError(f"gazetteer file missing: {path} (run gazetteer/build.py)") from err
    except (UnicodeDecodeError, csv.Error) as err:
        raise GazetteerError(f"gazetteer file damaged: {path}: {err}") from err


def _place(row: dict[str, str]) -> Place:
    return Place(id=row["id"], name=row["name"], kind=row["kind"],
                 lat=float(row["lat"]), lon=float(row["lon"]),
                 admin1_code=row["admin1_code"], admin1=row["admin1"],
                 admin2_id=row["admin2_id"], admin2=row["admin2"],
                 population=int(float(row["population"] or 0)), source=row["source"])


class Gazetteer:
    """Places with their names, indexed for exact, phonetic and fuzzy lookup."""

    def __init__(self, places: list[Place], names: list[tuple[str, ...]],
                 foreign: list[ForeignPlace] | None = None,
                 common_words: frozenset[str] = frozenset(),
                 boundaries_path: Path | None = None) -> None:
        self.places: dict[str, Place] = {p.id: p for p in places}
        self._foreign = foreign
        self.common_words = common_words
        self._boundaries_path = boundaries_path
        self._names: dict[str, set[str]] = {}
        self._by_fold: dict[str, set[str]] = {}
        self._by_phonetic: dict[str, set[str]] = {}
        self._primary: set[tuple[str, str]] = set()
        self._lookups: dict[tuple, object] = {}      # answers of lookup() and district_in()
        for place in places:
            self._add_name(place.id, place.name, primary=True)
            if place.kind == "province":
                self._add_name(place.id, place.id)
        for place_id, name, *keys in names:
            if place_id not in self.places:
                raise GazetteerError(f"name {name!r} refers to unknown place {place_id!r}")
            self._add_name(place_id, name, keys=keys)

    def _add_name(self, place_id: str, name: str, primary: bool = False,
                  keys: list[str] = ()) -> None:
        """Index a name; ``keys`` = (fold, phonetic) when precomputed by the build."""
        key, loose = keys if len(keys) == 2 else (fold(name), phonetic(name))
        if not key:
            return
        self._names.setdefault(place_id, set()).add(name)
        self._by_fold.setdefault(key, set()).add(place_id)
        self._by_phonetic.setdefault(loose, set()).add(place_id)
        if primary:
            self._primary.add((key, place_id))

    @property
    def foreign(self) -> list[ForeignPlace]:
        """Places outside Afghanistan (read on first use: only extraction needs them)."""
        if self._foreign is None:
            path = self._boundaries_path.parent / "foreign.tsv" if self._boundaries_path else None
            self._foreign = ([ForeignPlace(r["name"], r["country_code"], r["country"], r["kind"])
                              for r in _read_tsv(path)] if path and path.exists() else [])
        return self._foreign

    # -- plain access -------------------------------------------------------

    def __len__(self) -> int:
        return len(self.places)

    def __getitem__(self, place_id: str) -> Place:
        return self.places[place_id]

    def iter_names(self) -> Iterator[tuple[str, str]]:
        """(name, place id) for every name, for building text matchers."""
        for place_id, names in sorted(self._names.items()):
            for name in sorted(names):
                yield name, place_id

    def of_kind(self, kind: str) -> list[Place]:
        return sorted((p for p in self.places.values() if p.kind == kind), key=lambda p: p.name)

    def capital(self, admin1_code: str) -> Place | None:
        """The capital of a province (its one place of kind ``city``).

        >>> load_gazetteer().capital("AF-LAG").admin2
        'Mihtarlam'
        """
        return self._capitals.get(admin1_code)

    @cached_property
    def _capitals(self) -> dict[str, Place]:
        return {p.admin1_code: p for p in self.places.values() if p.kind == "city"}

    def provinces(self) -> list[Place]:
        """The 34 provinces, sorted by name."""
        return self.of_kind("province")

    def is_common_word(self, name: str) -> bool:
        """True for English words that are also place names ("Bar", "Now")."""
        return fold(name) in self.common_words

    # -- lookup ---------------------------------------------------------------

    def lookup(self, query: str, *, kind: str | None = None, limit: int = 5,
               fuzzy: bool = True, allow_common: bool = False) -> list[Candidate]:
        """Ranked candidates for a place name, best first.

        Parameters
        ----------
        query : str
            A name in any spelling or script; generic words ("province",
            "ولایت", "city") are stripped and become a kind hint.
        kind : str, optional
            Preferred kind ("province", "district", "city", "airport", "landmark").
        fuzzy : bool
            Allow a guarded fuzzy match for misspellings.
        allow_common : bool
            Match English words that are also place names ("Bar", "Now").
            Off by default; a kind hint in the query also allows them.

        Examples
        --------
        >>> [c.place.kind for c in load_gazetteer().lookup("Kandahar city", limit=1)]
        ['city']
        """
        key = (query, kind, limit, fuzzy, allow_common)
        cached = self._lookups.get(key)
        if cached is None:
            cached = self._lookup(query, kind, limit, fuzzy, allow_common)
            if len(self._lookups) < 100_000:
                self._lookups[key] = cached
        return list(cached)

    def _lookup(self, query: str, kind: str | None, limit: int, fuzzy: bool,
                allow_common: bool) -> tuple[Candidate, ...]:
        base, hint = split_generic(query)
        hint = kind or hint
        key = fold(base)
        if not key:
            return ()
        if key in self.common_words and not (allow_common or hint):
            return ()
        found: dict[str, tuple[float, str]] = {}

        def offer(place_id: str, quality: float, how: str) -> None:
            if quality > found.get(place_id, (0.0, ""))[0]:
                found[place_id] = (quality, how)

        for place_id in self._by_fold.get(key, ()):
            primary = (key, place_id) in self._primary
            offer(place_id, _EXACT_PRIMARY if primary else _EXACT_ALT,
                  "exact name" if primary else "exact variant name")
        # transliteration variants always compete: the exact spelling may belong to a
        # small town while context asks for the district spelt slightly differently
        for place_id in self._by_phonetic.get(phonetic(base), ()):
            offer(place_id, _PHONETIC, "transliteration variant")
        wanted = _HINT_KINDS.get(hint, {hint}) if hint else None
        unmet = not found or (wanted and not any(self.places[p].kind in wanted for p in found))
        if unmet and fuzzy and len(key) >= _FUZZY_MIN_LEN and not is_arabic_script(base):
            for other, similarity in self._fuzzy(phonetic(base)):
                for place_id in self._by_phonetic[other]:
                    # steep in similarity, so that the closer name wins over kind priors
                    offer(place_id, _FUZZY * similarity / 100.0 + 0.5 * (similarity / 100.0 - 0.8),
                          f"fuzzy match ({similarity:.0f}%)")
        ranked = [self._candidate(self.places[pid], q, how, hint, base)
                  for pid, (q, how) in found.items()]
        ranked.sort(key=lambda c: (-c.score, c.place.id))
        return tuple(ranked[:limit])

    def _candidate(self, place: Place, quality: float, how: str,
                   hint: str | None, matched: str) -> Candidate:
        # name quality dominates; kind and size break ties; a kind hint decides them
        score = 0.85 * quality + _KIND_PRIOR[place.kind]
        score += min(0.02, math.log10(place.population + 1) / 300.0)
        reason = how
        if hint:
            if place.kind in _HINT_KINDS.get(hint, {hint}):
                score += 0.07
                reason += f"; kind {place.kind} as asked"
            else:
                score -= 0.2
                reason += f"; asked for a {hint}, this is a {place.kind}"
        else:
            reason += f"; {place.kind} preferred among same-name places"
        return Candidate(place=place, score=round(max(0.0, min(score, 1.0)), 4),
                         matched=matched, reason=reason)

    def _fuzzy(self, key: str) -> list[tuple[str, float]]:
        """Names within about one typing error of ``key`` (a phonetic key).

        Longer names tolerate more (80% similarity from seven letters); short ones
        ("Gohr" for Ghor) only match provinces, districts and cities with the same
        first letter, so that short English words do not turn into villages.
        """
        from rapidfuzz import fuzz, process

        hits = process.extract(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=74.0,
                               limit=10)
        out = []
        for name, score, _ in hits:
            longest = max(len(name), len(key))
            if longest >= 7:
                ok = score >= 80.0
            elif longest >= 6:
                ok = score >= 80.0 and name[0] == key[0]
            else:
                ok = name[0] == key[0] and any(
                    self.places[p].kind in _MAJOR for p in self._by_phonetic[name])
            if ok:
                out.append((name, score))
        return out[:5]

    @cached_property
    def _fuzzy_keys(self) -> list[str]:
        return sorted(k for k in self._by_phonetic
                      if k.isascii() and len(k) >= _FUZZY_MIN_LEN - 1)

    @cached_property
    def _district_keys(self) -> dict[str, list[tuple[str, str]]]:
        """Province code → (phonetic key, district id) of every name of its districts."""
        index: dict[str, list[tuple[str, str]]] = {}
        for place_id, names in self._names.items():
            place = self.places[place_id]
            if place.kind == "district":
                for name in names:
                    index.setdefault(place.admin1_code, []).append((phonetic(name), place_id))
        return index

    @cached_property
    def _district_words(self) -> dict[str, list[tuple[str, str]]]:
        """Province code → (phonetic key of one word, district id) for every word of three
        letters or more of a district name of several words ("Pech" of "Dara-i-Pech",
        "Jaji" of "Jaji Maidan", "Barfak" of "Tala wa Barfak")."""
        index: dict[str, set[tuple[str, str]]] = {}
        for place_id, names in self._names.items():
            place = self.places[place_id]
            if place.kind != "district":
                continue
            for name in names:
                words = [w for w in re.split(r"[\s\-‐–()]+", name) if len(w) >= 3]
                if len(words) > 1 and name.isascii():
                    index.setdefault(place.admin1_code, set()).update(
                        (phonetic(w), place_id) for w in words)
        return {code: sorted(found) for code, found in index.items()}

    def district_in(self, name: str, admin1_code: str, *,
                    min_similarity: float = 70.0) -> Candidate | None:
        """The district of one province a spelling variant most likely denotes.

        For "Jawnd district of Badghis", "Parchman district, Farah province": the text
        names the province, so the name is compared with that province's districts only
        (a couple of dozen names), which allows a looser match than a country-wide search.

        >>> load_gazetteer().district_in("Garm Ser", "AF-HEL").place.name
        'Garmser'
        """
        # (memoised with the lookups: the mention finder asks again for every article)
        memo = ("district_in", name, admin1_code, min_similarity)
        if memo in self._lookups:
            return self._lookups[memo]
        found = self._district_in(name, admin1_code, min_similarity)
        if len(self._lookups) < 100_000:
            self._lookups[memo] = found
        return found

    def _district_in(self, name: str, admin1_code: str,
                     min_similarity: float) -> Candidate | None:
        from rapidfuzz import fuzz

        key = phonetic(split_generic(name)[0])
        if len(key) < 3 or admin1_code not in self._district_keys:
            return None
        # "Khost district, Baghlan province": the first word of "Khost wa Firing" counts
        # as a close spelling of it
        scored = sorted(((90.0 if len(key) >= 4 and other.startswith(key) else
                          fuzz.ratio(key, other), pid, other)
                         for other, pid in self._district_keys[admin1_code]
                         if other[:1] == key[:1]), reverse=True)
        if not scored or scored[0][0] < 90.0:
            # "Pech district of Kunar": one word of a longer name ("Dara-i-Pech")
            short = sorted({pid for word, pid in self._district_words.get(admin1_code, ())
                            if len(key) >= 3 and word == key})
            if len(short) == 1:
                place = self.places[short[0]]
                return Candidate(place=place, score=0.8, matched=name,
                                 reason=f"short form of {place.name}, a district of "
                                 f"{place.admin1}, province named beside it")
        if not scored or scored[0][0] < min_similarity:
            return None
        similarity, place_id, _ = scored[0]
        if len(scored) > 1 and scored[1][1] != place_id and scored[1][0] >= similarity - 3:
            return None                      # two districts about as close: do not guess
        return Candidate(place=self.places[place_id], score=round(0.6 + similarity / 400, 4),
                         matched=name, reason=f"district of {self.places[place_id].admin1} "
                         f"spelt differently ({similarity:.0f}% similar), province named beside it")

    def clear_cache(self) -> None:
        """Forget memoised lookups (for benchmarks and after editing names)."""
        self._lookups.clear()

    def best(self, query: str, **options) -> Candidate | None:
        """The best candidate, or None when nothing matches."""
        ranked = self.lookup(query, limit=1, **options)
        return ranked[0] if ranked else None

    def province(self, query: str) -> Place | None:
        """The province a name or ISO code denotes ("Panjshri", "AF-PAN", "پنجشیر")."""
        ranked = self.lookup(query, kind="province", limit=10)
        for cand in ranked:
            if cand.place.kind == "province":
                return cand.place
        return None

    def suggest(self, query: str, *, kind: str | None = None, n: int = 3) -> list[str]:
        """Close names for an unknown query (for error messages)."""
        from rapidfuzz import fuzz, process

        pool = {p.name: p for p in self.places.values() if kind is None or p.kind == kind}
        hits = process.extract(query, list(pool), scorer=fuzz.WRatio, limit=n)
        return [name for name, _, _ in hits]

    # -- reverse lookup -------------------------------------------------------------

    @cached_property
    def _districts(self):
        from shapely import STRtree
        from shapely.geometry import shape

        try:
            with self._boundaries_path.open(encoding="utf-8") as handle:
                features = json.load(handle)["features"]
        except (OSError, TypeError, ValueError, KeyError) as err:
            raise GazetteerError(f"cannot read boundaries: {self._boundaries_path}: {err}") from err
        districts = [(f["properties"]["id"], shape(f["geometry"]))
                     for f in features if f["properties"]["kind"] == "district"]
        return [d[0] for d in districts], STRtree([d[1] for d in districts])

    def boundaries(self) -> dict:
        """The province and district polygons as a GeoJSON FeatureCollection."""
        with self._boundaries_path.open(encoding="utf-8") as handle:
            return json.load(handle)

    def reverse(self, lat: float, lon: float, *, max_km: float = 0.0) -> Place | None:
        """The district containing (lat, lon), or None outside Afghanistan.

        ``max_km`` > 0 also accepts the nearest district within that distance
        (for points on a border or just across it).

        >>> load_gazetteer().reverse(34.53, 69.17).admin1
        'Kabul'
        """
        from shapely import Point

        ids, tree = self._districts
        point = Point(lon, lat)
        hits = tree.query(point, predicate="intersects")
        if len(hits):
            return self.places[ids[int(min(hits))]]
        if max_km > 0:
            nearest = int(tree.nearest(point))
            geom = tree.geometries[nearest]
            if geom.distance(point) * 111.0 <= max_km:
                return self.places[ids[nearest]]
        return None


def _load(directory: Path) -> Gazetteer:
    places = [_place(row) for row in _read_tsv(directory / "places.tsv")]
    names = [(row["place_id"], row["name"], *((row["key"], row["phonetic"]) if "key" in row else ()))
             for row in _read_tsv(directory / "names.tsv")]
    words_path = directory / "common_words.txt"
    words = (frozenset(w.strip() for w in words_path.read_text(encoding="utf-8").split())
             if words_path.exists() else frozenset())
    if not places:
        raise GazetteerError(f"gazetteer is empty: {directory}")
    return Gazetteer(places, names, None, words, directory / "boundaries.geojson")


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> Gazetteer:
    return _load(Path(directory))


def province_code(query: str, directory: str | os.PathLike | None = None) -> str | None:
    """The ISO code of the province ``query`` names exactly (one of its names in any
    script, or its code; generic words such as "province" ignored), read from the data
    files without building the gazetteer; None when the name is not exactly one
    province's (a variant or misspelling: ask :meth:`Gazetteer.province`, which then
    answers the same for every name this answers).

    >>> province_code("ولایت کندز"), province_code("af-pan"), province_code("Kunduzz")
    ('AF-KDZ', 'AF-PAN', None)
    """
    key = fold(split_generic(query)[0])
    return _province_keys(str(Path(directory) if directory else data_dir())).get(key)


@lru_cache(maxsize=4)
def _province_keys(directory: str) -> dict[str, str]:
    """Exact-name keys of the provinces (as the gazetteer indexes them), each naming one."""
    folder = Path(directory)
    provinces = [row for row in _read_tsv(folder / "places.tsv") if row["kind"] == "province"]
    codes = {row["id"]: row["admin1_code"] for row in provinces}
    owners: dict[str, set[str]] = {}
    for row in provinces:                          # as Gazetteer.__init__ indexes them
        for name in (row["name"], row["id"]):
            owners.setdefault(fold(name), set()).add(row["id"])
    for row in _read_tsv(folder / "names.tsv"):
        if row["place_id"] in codes:
            key = row["key"] if "key" in row else fold(row["name"])
            owners.setdefault(key, set()).add(row["place_id"])
    return {key: codes[next(iter(ids))] for key, ids in owners.items() if key and len(ids) == 1}


def load_gazetteer(directory: str | os.PathLike | None = None) -> Gazetteer:
    """The gazetteer, loaded once per process and directory."""
    if directory is None:
        return _default()
    return _load_cached(str(Path(directory)))


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return _load_cached(str(data_dir()))
