"""The blind held-out split of the browser set draws names the detector has no list entry for.

Without this, a held-out score would be measured on names the gazetteer already
holds, and would be optimistic about names of other origins (issue 16).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import pii_webset  # noqa: E402

from samu_desktop.pii.names import fold, gazetteer  # noqa: E402


def test_blind_surnames_are_in_no_list_of_the_detector() -> None:
    firsts, surnames, common = gazetteer()
    page = pii_webset.Page(random.Random(4), "blind")
    for _ in range(300):
        for part in page.surname().replace("-", " ").split():
            if part in {"de", "La", "du", "Le", "Van", "der"}:
                continue
            assert fold(part) not in firsts | surnames | common, part


def test_blind_names_are_marked_novel_only_when_no_word_is_listed() -> None:
    assert pii_webset.novel("Kzorennic Vrelazou")
    assert not pii_webset.novel("Kzorennic Sophie")
    page = pii_webset.Page(random.Random(5), "blind")
    names = [page.name() for _ in range(300)]
    share = sum(pii_webset.novel(n) for n in names) / len(names)
    assert 0.2 < share < 0.6  # both kinds are measured, neither dominates
