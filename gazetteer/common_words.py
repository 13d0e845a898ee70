"""Write data/common_words.txt: English words that are also gazetteer names.

Run after build.py (needs ``pip install -e ".[build]"``, for english-words):

    python gazetteer/common_words.py

A name such as "Bar", "Now" or "Said" is then a place only when the text
asks for it ("in Bar district"), never as an ordinary word. The word list is
Webster's Second International (1934, public domain: the "web2" list) via the
``english-words`` package. Kept: words that spell a small town's name exactly or
as a transliteration variant, and words that the fuzzy misspelling fallback would
take for a place ("attack" ~ Takhar).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from geomap.places.names import fold, phonetic  # noqa: E402

# Afghan names that the dictionary happens to hold but that news uses only as places.
KEEP_AS_PLACES = {"kabul", "herat", "kandahar", "khost", "ghazni", "balkh", "kunar", "farah",
                  "ghor", "logar", "zabul", "paktia", "nimruz", "kunduz", "badakhshan",
                  "bamyan", "takhar", "parwan", "kapisa", "wardak", "helmand", "uruzgan",
                  "laghman", "nangarhar", "faryab", "samangan", "baghlan", "jowzjan",
                  "badghis", "daykundi", "nuristan", "panjshir", "paktika", "bagram",
                  "jalalabad", "afghanistan"}
# Words the dictionary lacks but that are ordinary in English news.
EXTRA = {"police", "said", "now", "bar", "mission", "attack", "killed", "province",
         "district", "city", "town", "says", "told", "news", "army", "forces", "security",
         "government", "minister", "officials", "sources", "people", "local", "center",
         "central", "north", "south", "east", "west", "new", "old", "upper", "lower", "big"}


def _near_misses(words: set[str], folded: dict[str, bool]) -> set[str]:
    """Dictionary words that the guarded fuzzy match would take for a place ("attack" ~
    Takhar, "heat" ~ Herat): a misspelling fallback must not turn English into places."""
    from geomap.places.gazetteer import load_gazetteer

    gaz = load_gazetteer(HERE / "data")
    near = set()
    for word in sorted(words):
        key = fold(word)
        if 4 <= len(key) <= 12 and key not in folded and gaz._fuzzy(phonetic(word)):
            near.add(key)
    return near


def main() -> int:
    from english_words import get_english_words_set

    words = set(get_english_words_set(["web2"], lower=True, alpha=True)) | EXTRA
    with (HERE / "data" / "places.tsv").open(encoding="utf-8", newline="") as handle:
        places = list(csv.DictReader(handle, delimiter="\t"))
    # dictionary words block only small towns' names ("Bay", "Lash"); the name of a
    # province, district, city or curated landmark ("Idgah") only when it is an
    # everyday word (EXTRA)
    major = {row["id"] for row in places if row["kind"] != "town"}
    all_names = [(row["name"], row["id"]) for row in places]
    with (HERE / "data" / "names.tsv").open(encoding="utf-8", newline="") as handle:
        all_names += [(row["name"], row["place_id"])
                      for row in csv.DictReader(handle, delimiter="\t")]
    folded: dict[str, bool] = {}
    phonetics: dict[str, bool] = {}
    for name, pid in all_names:
        folded[fold(name)] = folded.get(fold(name), False) or pid in major
        phonetics[phonetic(name)] = phonetics.get(phonetic(name), False) or pid in major
    common = set()
    for word in words:
        # a word is common when it spells a name exactly or as a transliteration
        # variant ("said" ~ "Saeed")
        hit = folded.get(fold(word), phonetics.get(phonetic(word)))
        if hit is not None and (not hit or word in EXTRA):
            common.add(fold(word))
    common |= _near_misses(words, folded)
    common = sorted(common - KEEP_AS_PLACES)
    (HERE / "data" / "common_words.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} common words written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
