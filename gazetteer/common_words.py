"""Write data/common_words.txt: English words that are also gazetteer names.

Run after build.py (needs ``pip install -e ".[build]"``, for english-words):

    python gazetteer/common_words.py

A name such as "Bar", "Now" or "Said" is then a place only when the text
asks for it ("in Bar district"), never as an ordinary word. The word list is
GCIDE (GNU Collaborative International Dictionary of English, GPL) via the
``english-words`` package; only the intersection with our names is kept.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from geomap.normalize import fold, phonetic  # noqa: E402

# Afghan names that GCIDE happens to hold but that news uses only as places.
KEEP_AS_PLACES = {"kabul", "herat", "kandahar", "khost", "ghazni", "balkh", "kunar", "farah",
                  "ghor", "logar", "zabul", "paktia", "nimruz", "kunduz", "badakhshan",
                  "bamyan", "takhar", "parwan", "kapisa", "wardak", "helmand", "uruzgan",
                  "laghman", "nangarhar", "faryab", "samangan", "baghlan", "jowzjan",
                  "badghis", "daykundi", "nuristan", "panjshir", "paktika", "bagram",
                  "jalalabad", "afghanistan"}
# Words GCIDE lacks but that are ordinary in English news.
EXTRA = {"police", "said", "now", "bar", "mission", "attack", "killed", "province",
         "district", "city", "town", "says", "told", "news", "army", "forces", "security",
         "government", "minister", "officials", "sources", "people", "local", "center",
         "central", "north", "south", "east", "west", "new", "old", "upper", "lower", "big"}


def main() -> int:
    from english_words import get_english_words_set

    words = set(get_english_words_set(["gcide"], lower=True, alpha=True)) | EXTRA
    all_names = []
    for table in ("names.tsv", "places.tsv"):
        with (HERE / "data" / table).open(encoding="utf-8", newline="") as handle:
            all_names += [row["name"] for row in csv.DictReader(handle, delimiter="\t")]
    folded = {fold(n) for n in all_names}
    phonetics = {phonetic(n) for n in all_names}
    # a word is common when it spells a name exactly or as a transliteration variant
    # ("said" ~ "Saeed")
    common = sorted({fold(w) for w in words if fold(w) in folded or phonetic(w) in phonetics}
                    - KEEP_AS_PLACES)
    (HERE / "data" / "common_words.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} common words written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
