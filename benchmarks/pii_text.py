"""Speed of the text detectors, as the report's free-text fields call them on every edit.

Usage: python benchmarks/pii_text.py

Prints microseconds per call of ``find_patient_data`` for a short field, a
typical incident description and a long one (synthetic texts).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from samu_desktop.pii.text import find_patient_data

SHORT = "Le bandeau ne répond plus depuis 10h32."
TYPICAL = (
    "Depuis le 12/03/2026 à 10:32, le bandeau de communication (Firefox 128.4.0esr) se fige "
    "à la prise d'appel sur la ligne 15. Reproductible sur les postes du CRRA FR680. "
    "L'appel de M. DUPONT Jean (né le 03/07/1950) au 06 12 34 56 78 a été perdu, "
    "dossier n° 2026-004512. Redémarrage du téléphone sans effet."
)
LONG = (TYPICAL + " ") * 20


def per_call_us(text: str, repeat: int = 300) -> float:
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            find_patient_data(text)
        samples.append((time.perf_counter() - start) / repeat * 1e6)
    return statistics.median(samples)


def main() -> int:
    for name, text in (("short", SHORT), ("typical", TYPICAL), ("long", LONG)):
        print(f"{name:8s} {len(text):5d} chars  {per_call_us(text):9.1f} µs/call  "
              f"{len(find_patient_data(text))} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
