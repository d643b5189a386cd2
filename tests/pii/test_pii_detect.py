"""The screenshot detector: rules over OCR words, then the whole pipeline on generated screens.

The pipeline tests use real Tesseract (Debian tesseract-ocr-fra) on screens drawn
by benchmarks/pii_evalset.py, whose values are synthetic.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageDraw

from samu_desktop.pii.detect import Box, detect, detect_in_words, ocr_digits
from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.pii.ocr import OcrWord

K = PatientDataKind
REPO = Path(__file__).resolve().parents[2]


def load_evalset() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location("pii_evalset", REPO / "benchmarks/pii_evalset.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pii_evalset"] = module
    spec.loader.exec_module(module)
    return module


def open_image(path: Path) -> Image.Image:
    with Image.open(path) as image:
        image.load()
        return image.copy()


def line(y: int, *cells: tuple[int, str], h: int = 12) -> list[OcrWord]:
    """Words of one text line: each cell starts at x, its words 8 px per letter."""
    words = []
    for x, text in cells:
        for token in text.split(" "):
            words.append(OcrWord(token, x, y, 8 * len(token), h, 95.0))
            x += 8 * len(token) + 5
    return words


def covered(boxes: list[Box], word: OcrWord) -> bool:
    return any(
        b.x <= word.left and b.y <= word.top and word.right <= b.x + b.width
        and word.bottom <= b.y + b.height
        for b in boxes
    )


def kinds_of(boxes: list[Box], words: list[OcrWord], text: str) -> set[PatientDataKind]:
    target = next(w for w in words if w.text == text)
    return {b.kind for b in boxes if b.x <= target.left and target.right <= b.x + b.width
            and b.y <= target.top and target.bottom <= b.y + b.height}


def test_table_columns_headed_by_labels_are_hidden() -> None:
    words = [
        *line(100, (200, "Dossier"), (330, "Nom"), (450, "Prénom"), (570, "DDN"), (690, "Motif")),
        *line(125, (200, "2025-000123"), (330, "Bernard"), (450, "Lucie"), (570, "03/04/1950"),
              (690, "Malaise")),
        *line(150, (200, "DRM-25-00042"), (330, "Roux"), (450, "Paul"), (570, "1203/1961"),
              (690, "Chute")),
    ]
    boxes = detect_in_words(words, (1920, 1080))
    assert kinds_of(boxes, words, "Bernard") == {K.NAME}
    assert kinds_of(boxes, words, "Paul") == {K.NAME}
    assert kinds_of(boxes, words, "1203/1961") == {K.BIRTH_DATE}  # misread, hidden anyway
    assert kinds_of(boxes, words, "DRM-25-00042") == {K.RECORD_NUMBER}
    assert kinds_of(boxes, words, "Malaise") == set()
    assert kinds_of(boxes, words, "Motif") == set()


def test_a_cell_ocr_missed_in_a_patient_table_is_hidden_whole() -> None:
    words = [
        *line(100, (200, "Nom"), (330, "Prénom"), (450, "Heure"), (570, "Priorité")),
        *line(125, (200, "MARTIN"), (450, "10:32"), (570, "P1")),  # the first name was missed
    ]
    boxes = detect_in_words(words, (1920, 1080))
    gap = [b for b in boxes if b.x <= 330 and b.x + b.width >= 440 and b.y <= 125]
    assert [b.kind for b in gap] == [K.NAME]


def test_an_unreadable_header_over_upper_case_words_is_a_surname_column() -> None:
    words = [
        *line(100, (200, "Korn"), (330, "Prénom"), (450, "DDN"), (570, "Motif")),  # "Nom"
        *line(125, (200, "LACROIX"), (330, "Yannick"), (450, "22/09/1947"), (570, "Dyspnée")),
        *line(150, (200, "BONNET"), (330, "Marie"), (450, "01/02/1950"), (570, "Malaise")),
        *line(175, (200, "Legrand"), (330, "Paul"), (450, "03/04/1961"), (570, "Malaise")),
        *line(200, (200, "ANDRÉ"), (330, "Léa"), (450, "05/06/1999"), (570, "Chute")),
    ]
    boxes = detect_in_words(words, (1920, 1080))
    for surname in ("LACROIX", "BONNET", "Legrand", "ANDRÉ"):
        assert kinds_of(boxes, words, surname) == {K.NAME}
    assert kinds_of(boxes, words, "Malaise") == set()


def test_addresses_cut_by_ocr_and_codes_that_are_not_phones() -> None:
    words = [
        *line(100, (200, "écrire à gaelle.fauregmessagerie.example")),  # "@" read as "g"
        *line(130, (200, "ou laurent marie77 @courriel.test")),  # "_" and "@" apart
        *line(160, (200, "Référence : ERR-D433-201572")),
        *line(190, (200, "Voir portail.formation.si-samu.fr")),
        *line(220, (200, "à marie_lucas61@courrieltest, merci")),  # the last dot lost
        *line(250, (200, "Écrire à monserviceclient.si-samu@esante.gouv.fr")),
    ]
    boxes = detect_in_words(words, (1920, 1080))
    assert kinds_of(boxes, words, "gaelle.fauregmessagerie.example") == {K.EMAIL}
    assert kinds_of(boxes, words, "marie77") == {K.EMAIL}
    assert kinds_of(boxes, words, "laurent") == {K.EMAIL}
    assert kinds_of(boxes, words, "ERR-D433-201572") == set()
    assert kinds_of(boxes, words, "portail.formation.si-samu.fr") == set()
    assert kinds_of(boxes, words, "marie_lucas61@courrieltest,") == {K.EMAIL}
    assert kinds_of(boxes, words, "monserviceclient.si-samu@esante.gouv.fr") == set()


def test_a_record_number_split_by_ocr_in_a_patient_table() -> None:
    words = [
        *line(100, (200, "Référence"), (330, "Nom"), (450, "Prénom"), (570, "Motif")),
        *line(125, (200, "2025 842842"), (330, "RENARD"), (450, "Karim"), (570, "Malaise")),
    ]
    boxes = detect_in_words(words, (1920, 1080))
    assert kinds_of(boxes, words, "842842") == {K.RECORD_NUMBER}
    assert kinds_of(boxes, words, "2025") == {K.RECORD_NUMBER}


def test_form_label_beside_or_above_its_value() -> None:
    words = [
        *line(100, (200, "Nom :"), (320, "LEBLANC"), (900, "Tél. :"), (1000, "O6 I2 34 56 78")),
        *line(140, (200, "Né(e) le"), (900, "Adresse")),
        *line(160, (200, "12 mars 1961"), (900, "7 impasse des Roses")),
        *line(200, (200, "Motif :"), (320, "Malaise")),
    ]
    boxes = detect_in_words(words, (1920, 1080))
    assert kinds_of(boxes, words, "LEBLANC") == {K.NAME}
    assert kinds_of(boxes, words, "I2") == {K.PHONE}
    assert kinds_of(boxes, words, "1961") == {K.BIRTH_DATE}
    assert kinds_of(boxes, words, "impasse") == {K.ADDRESS}
    assert kinds_of(boxes, words, "Malaise") == set()
    assert kinds_of(boxes, words, "Nom") == set()  # tight boxes: the label stays readable


def test_routing_names_and_menus_are_not_labels() -> None:
    words = [
        *line(100, (20, "Patients"), (200, "Nom du routage"), (420, "Source"), (560, "Statut")),
        *line(125, (20, "Dossiers"), (200, "Secours FR680 vers FR690"), (420, "FR680"),
              (560, "Actif")),
        *line(150, (20, "Statistiques"), (200, "Secours FR123 vers FR456"), (420, "FR123"),
              (560, "Inactif")),
    ]
    assert detect_in_words(words, (1920, 1080)) == []


def test_boxes_are_tight_with_a_small_margin_and_clipped() -> None:
    words = line(2, (1, "Tél. :"), (90, "0612345678"))
    (box,) = detect_in_words(words, (200, 40))
    colon, phone = words[-2], words[-1]
    assert box.kind == K.PHONE
    assert box.x < phone.left and phone.right < box.x + box.width
    # a margin of about one glyph each side (Tesseract may leave out a first or
    # last glyph), never reaching into the label before it
    assert box.width - phone.width <= 2 * 11
    assert box.x > colon.right
    assert box.y == 0 and box.x + box.width <= 200


def test_ocr_digits_keeps_length() -> None:
    assert ocr_digits("O6l2345678") == "0612345678"
    assert ocr_digits("433612345678") == "+33612345678"
    assert ocr_digits("DRM-25-00042") == "DRM-25-00042"
    assert ocr_digits("Bonjour") == "Bonjour"


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    evalset = load_evalset()
    out = tmp_path_factory.mktemp("pii-screens")
    manifest = evalset.generate(out, count=8, seed=3)
    return out, manifest


def hidden_fraction(labels: Image.Image, boxes: list[Box], value_id: int) -> float:
    mask = Image.new("L", labels.size, 0)
    draw = ImageDraw.Draw(mask)
    for b in boxes:
        draw.rectangle((b.x, b.y, b.x + b.width - 1, b.y + b.height - 1), fill=255)
    ink = labels.point(lambda v: 255 if v == value_id else 0)
    total = ink.histogram()[255]
    under = Image.composite(ink, Image.new("L", ink.size, 0), mask).histogram()[255]
    return under / total


@pytest.mark.parametrize("layout", ["regulation", "chat", "patient_list"])
def test_pipeline_hides_every_value_of_a_generated_screen(
    screens: tuple[Path, dict[str, object]], layout: str
) -> None:
    out, manifest = screens
    screen = next(s for s in manifest["screens"] if s["layout"] == layout)  # type: ignore[attr-defined]
    boxes = detect(open_image(out / screen["file"]))
    labels = open_image(out / screen["labels"])
    assert screen["values"]
    missed = [v["text"] for v in screen["values"]
              if hidden_fraction(labels, boxes, v["id"]) < 0.95]
    assert missed == []


@pytest.mark.parametrize("layout", ["error_dialog", "statistics", "selfcare"])
def test_pipeline_proposes_nothing_on_screens_without_patient_data(
    screens: tuple[Path, dict[str, object]], layout: str
) -> None:
    out, manifest = screens
    screen = next(s for s in manifest["screens"] if s["layout"] == layout)  # type: ignore[attr-defined]
    assert screen["values"] == []
    assert detect(open_image(out / screen["file"])) == []


def test_detect_can_be_cancelled(screens: tuple[Path, dict[str, object]]) -> None:
    from samu_desktop.pii.ocr import OcrCancelledError

    out, manifest = screens
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(OcrCancelledError):
        detect(open_image(out / manifest["screens"][0]["file"]), cancel=cancel)  # type: ignore[index]


def test_a_redacted_screen_scans_clean(screens: tuple[Path, dict[str, object]]) -> None:
    """What the editor does after export: burn the boxes in, scan again, expect nothing."""
    out, manifest = screens
    screen = next(s for s in manifest["screens"] if s["layout"] == "patient_list")  # type: ignore[attr-defined]
    image = open_image(out / screen["file"]).convert("RGB")
    boxes = detect(image)
    assert boxes
    draw = ImageDraw.Draw(image)
    for b in boxes:
        draw.rectangle((b.x, b.y, b.x + b.width - 1, b.y + b.height - 1), fill="black")
    assert detect(image, already_hidden=boxes) == []


def test_a_box_that_misses_a_value_is_caught_after_export(
    screens: tuple[Path, dict[str, object]]
) -> None:
    out, manifest = screens
    screen = next(s for s in manifest["screens"] if s["layout"] == "regulation")  # type: ignore[attr-defined]
    image = open_image(out / screen["file"]).convert("RGB")
    boxes = detect(image)
    phone = next(b for b in boxes if b.kind == K.PHONE)
    kept = [b for b in boxes if b is not phone]
    draw = ImageDraw.Draw(image)
    for b in kept:
        draw.rectangle((b.x, b.y, b.x + b.width - 1, b.y + b.height - 1), fill="black")
    again = detect(image, already_hidden=kept)
    assert [b.kind for b in again] == [K.PHONE]
    assert abs(again[0].x - phone.x) < 4 and abs(again[0].y - phone.y) < 4


def test_an_address_cut_by_ocr_inside_its_local_part_is_hidden_whole() -> None:
    # Seen on a held-out screen: Tesseract read "mohamedaubert53@…" as two words.
    words = line(300, (200, "Contact famille : mohamedaubertS 3@messagerie.example ou"))
    boxes = detect_in_words(words, (1920, 1080))
    assert kinds_of(boxes, words, "mohamedaubertS") == {K.EMAIL}
    assert kinds_of(boxes, words, "3@messagerie.example") == {K.EMAIL}
    assert kinds_of(boxes, words, "famille") == set()
    assert kinds_of(boxes, words, "ou") == set()
