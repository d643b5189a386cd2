"""Build the name gazetteer the patient-data detector ships (resources/pii/*.txt).

Usage: python scripts/build_name_lists.py FAKER_PACKAGE_DIR TESSERACT_WORDLIST

Inputs, offline:
- ``pip download faker==40.40.0 --no-deps -d /tmp/fk && unzip -q
  /tmp/fk/faker-40.40.0-py3-none-any.whl -d /tmp/fk`` (FAKER_PACKAGE_DIR is
  ``/tmp/fk/faker``);
- ``combine_tessdata -u /usr/share/tesseract-ocr/5/tessdata/fra.traineddata fra.``
  then ``dawg2wordlist fra.lstm-unicharset fra.lstm-word-dawg fra.words``
  (both programs come with Debian's ``tesseract-ocr``).
``resources/pii/first_names_extra.txt`` is written by hand and not rebuilt.

Sources, both freely licensed:
- first names and surnames of every Latin-script locale of Faker 40.40.0
  (``faker/providers/person/*``, MIT licence, © 2012 Daniele Faraglia), which
  covers names of many origins (French, Maghreb, West Africa, Portugal,
  Turkey, Vietnam, the Balkans...);
- the French word list of Tesseract's ``fra.traineddata`` (Apache 2.0), extracted
  with ``combine_tessdata -u`` and ``dawg2wordlist``: its lower-case words are the
  ordinary French (and English) words. A surname that is also such a word
  ("Blanc", "Petit", "Dragon") is left out of the surname list: alone it proves
  nothing; a first name stays (the detector asks for a second word with it).

Output: one folded name per line (lower case, accents kept), sorted, with a
comment header stating the sources and licences. Run by hand when the sources
change; the result is committed.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’\- ]+$")
HEADER = ("# {what} for samu-desktop's patient-data detector (samu_desktop/pii/names.py).\n"
          "# Built by scripts/build_name_lists.py from Faker 40.40.0 person providers\n"
          "# (MIT licence, (c) 2012 Daniele Faraglia){extra}.\n")


def collect(faker_dir: Path) -> tuple[set[str], set[str]]:
    sys.path.insert(0, str(faker_dir.parent))
    firsts: set[str] = set()
    lasts: set[str] = set()
    for loc in sorted(p.name for p in (faker_dir / "providers" / "person").iterdir()
                      if p.is_dir() and not p.name.startswith("_")):
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in dir(provider):
            target = firsts if attr.startswith("first_names") else (
                lasts if attr.startswith("last_names") else None)
            value = getattr(provider, attr)
            if target is None or not isinstance(value, (list, tuple, dict, set, frozenset)):
                continue
            for item in value:
                if isinstance(item, str) and LATIN.match(item):
                    target.add(item.strip().lower())
    return firsts, lasts


def main() -> int:
    faker_dir, wordlist = Path(sys.argv[1]), Path(sys.argv[2])
    common = {w for w in wordlist.read_text(encoding="utf-8").split() if w.islower()}
    firsts, lasts = collect(faker_dir)
    lasts = {w for w in lasts if len(w) >= 2}
    firsts = {w for w in firsts if len(w) >= 2}
    out = Path(__file__).resolve().parent.parent / "resources" / "pii"
    out.mkdir(parents=True, exist_ok=True)
    (out / "first_names.txt").write_text(
        HEADER.format(what="First names", extra="") + "\n".join(sorted(firsts)) + "\n",
        encoding="utf-8")
    (out / "surnames.txt").write_text(
        HEADER.format(what="Surnames", extra="") + "\n".join(sorted(lasts)) + "\n",
        encoding="utf-8")
    (out / "common_words.txt").write_text(
        "# Ordinary lower-case words of Tesseract's French word list (fra.traineddata,\n"
        "# Apache 2.0), extracted by scripts/build_name_lists.py.\n"
        + "\n".join(sorted(common)) + "\n", encoding="utf-8")
    print(f"{len(firsts)} first names, {len(lasts)} surnames, {len(common)} common words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
