"""Patient data in a screenshot: OCR, then French detectors over rows and cells.

Public API, for the redaction editor and the CLI::

    boxes = detect(image)     # a PIL.Image.Image, any mode -> list[Box], its pixels
    left = detect(exported, already_hidden=boxes)   # the check after export

``detect`` is a pure function: no Qt, no shared state, nothing written to
disk (the image reaches Tesseract in memory, or through a pipe). It takes about
half a second on a Full HD screen (see benchmarks/pii_eval.py), so call it
from a worker thread; pass ``cancel`` (a ``threading.Event``) to stop it early
when the user closes the capture (``OcrCancelledError``). To detect in a
QImage, convert it first (``Image.frombuffer("RGBA", size, bits, "raw",
"BGRA")`` for Format_ARGB32); a numpy array with ``Image.fromarray(array)``.
Errors a user can meet are ``OcrUnavailableError`` (a UserFacingError).

What is proposed, each box with its kind:
- every span :func:`samu_desktop.pii.text.find_patient_data` finds in a row of
  words (NIR/INS, phones, e-mails, dates after a birth label, addresses, names
  after a label or written "DUPONT Jean", record numbers);
- the value beside a label ("Nom :", "Tél.", "Né(e) le" …) or just under it;
- every cell of a table column headed by such a label (Nom, Prénom, DDN …),
  identifiers in a patient table, and the cell of such a column where OCR read
  nothing but the pixels show ink.
Boxes are tight around the words, with a small margin, one per run of words.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable
from typing import cast

from PIL import Image, ImageDraw

from samu_desktop.pii.boxes import Box as Box  # its home; callers import it from here
from samu_desktop.pii.columns import mark_name_columns
from samu_desktop.pii.engines import default_engine
from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.pii.layout import Cell, Row, build_rows, label_kind, leading_label
from samu_desktop.pii.lexicon import HEADER_WORDS, NOT_PATIENT_EMAIL_DOMAINS, NOT_SURNAMES
from samu_desktop.pii.names import gazetteer
from samu_desktop.pii.ocr import OcrEngine, OcrWord
from samu_desktop.pii.strict import mark_strict
from samu_desktop.pii.text import find_patient_data

# A table's rows follow each other at most this many row heights apart.
_ROW_GAP = 3.2


def detect(
    image: Image.Image,
    *,
    engine: OcrEngine | None = None,
    cancel: threading.Event | None = None,
    already_hidden: Iterable[Box] = (),
    strict: bool = False,
) -> list[Box]:
    """Boxes over what looks like patient data in ``image``.

    ``already_hidden``: boxes already burnt into ``image`` (the check after
    export). They are painted over with the colour around them before OCR:
    the edges of a solid box would otherwise be read as letters.

    Raises :class:`samu_desktop.pii.ocr.OcrUnavailableError` (a UserFacingError)
    when Tesseract is missing or fails, and ``OcrCancelledError`` when
    ``cancel`` is set.

    ``strict``: also propose every run of words that is not the interface's own
    (:mod:`samu_desktop.pii.strict`), as kind ``TEXT``.
    """
    image.load()  # before any thread crops it: lazy loading is not thread-safe
    hidden = list(already_hidden)
    if hidden:
        image = _paint_over(image, hidden)
    loader = _load_names_meanwhile()
    try:
        words = ocr_words(image, engine or default_engine(), cancel)
    finally:
        if loader is not None:
            loader.join()
    return detect_in_words(words, image.size, image, strict=strict)


def _load_names_meanwhile() -> threading.Thread | None:
    """The first time, load the name lists while Tesseract reads the image.

    Loading them is 0.15 s of CPU, and Tesseract holds no Python lock: on a
    machine with a core to spare it costs no time at all (a one-image
    ``pii-scan``). Joined before the rules run, so they are never loaded twice.
    """
    if gazetteer.cache_info().currsize:
        return None
    thread = threading.Thread(target=gazetteer, name="name-lists", daemon=True)
    thread.start()
    return thread


# 4K and 5K screens run at 150-200 % scale: their text is half as big again as
# a Full HD screen's, or twice. Read at two thirds of their size, Tesseract
# sees text at least as big as on Full HD, in 2.25 times fewer pixels. (At
# half size, 12 px text at 200 % came back as 12 px and lost a sixth of the
# phone numbers of a patient list.)
_SHRINK_FROM_WIDTH = 3200
_SHRINK = 1.5


def ocr_words(image: Image.Image, engine: OcrEngine,
              cancel: threading.Event | None = None) -> list[OcrWord]:
    """OCR words in pixels of ``image``; a 4K screen is read at two thirds of its size."""
    if image.width < _SHRINK_FROM_WIDTH:
        return engine.words(image, cancel)
    size = (round(image.width / _SHRINK), round(image.height / _SHRINK))
    # Grey first: OCR reads grey anyway (ocr.prepare), and resizing one channel
    # instead of three saves a fifth of a second on a 4K screen.
    small = image.convert("L").resize(size, Image.Resampling.LANCZOS)
    f = _SHRINK
    return [
        OcrWord(w.text, int(w.left * f), int(w.top * f), math.ceil(w.width * f),
                math.ceil(w.height * f), w.conf)
        for w in engine.words(small, cancel)
    ]


def detect_in_words(words: list[OcrWord], size: tuple[int, int],
                    image: Image.Image | None = None, *, strict: bool = False) -> list[Box]:
    """The detectors alone, over words already recognised (tests and other engines).

    With ``image``, a table cell where OCR found no word is proposed only if it
    holds ink: an empty cell, or one already covered by a solid box (the
    editor's check after export), is left alone.
    """
    rows = build_rows(words)
    marks = _Marks()
    for row in rows:
        _mark_text(row, marks)
    for index in range(len(rows)):
        _mark_labels(rows, index, marks)
    mark_name_columns(rows, marks)
    if strict:
        mark_strict(rows, marks)
    if image is not None:
        gray = image.convert("L")
        marks.areas = [a for a in marks.areas if _has_ink(gray, a)]
    return _boxes(rows, marks, size)


def _paint_over(image: Image.Image, boxes: list[Box]) -> Image.Image:
    """A copy of ``image`` with each box filled with the commonest colour around it."""
    out = image.convert("RGB")
    draw = ImageDraw.Draw(out)
    for b in boxes:
        x0, y0 = max(0, b.x - 3), max(0, b.y - 3)
        x1, y1 = min(out.width, b.x + b.width + 3), min(out.height, b.y + b.height + 3)
        ring = [out.crop((x0, y0, x1, b.y)), out.crop((x0, b.y + b.height, x1, y1))]
        colours: Counter[tuple[int, int, int]] = Counter()
        for part in ring:
            if part.width and part.height:
                for count, colour in part.getcolors(part.width * part.height) or []:
                    colours[cast(tuple[int, int, int], colour)] += count  # RGB: a triple
        fill = colours.most_common(1)[0][0] if colours else (255, 255, 255)
        draw.rectangle((b.x, b.y, b.x + b.width - 1, b.y + b.height - 1), fill=fill)
    return out


def _has_ink(gray: Image.Image, area: tuple[float, float, float, float, object]) -> bool:
    crop = gray.crop((round(area[0]), round(area[1]), round(area[2]), round(area[3])))
    low, high = cast(tuple[int, int], crop.getextrema())  # mode L: one (min, max) pair
    return high - low > 32


class _Marks(dict[int, PatientDataKind]):
    """Kinds of marked words by ``id(word)``, and areas to hide where OCR saw nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.areas: list[tuple[float, float, float, float, PatientDataKind]] = []


def _mark(marks: _Marks, words: Iterable[OcrWord],
          kind: PatientDataKind) -> None:
    for w in words:
        marks.setdefault(id(w), kind)


def _mark_text(row: Row, marks: _Marks) -> None:
    """Run the text detectors over the row: cells joined by tabs, words by spaces."""
    parts: list[str] = []
    spans: list[tuple[int, int, OcrWord]] = []
    pos = 0
    for c, cell in enumerate(row.cells):
        if c:
            parts.append("\t")
            pos += 1
        for i, w in enumerate(cell.words):
            # "marie77 @courriel.test": OCR cut an address at its "@".
            if i and not (w.text.startswith("@") or cell.words[i - 1].text.endswith("@")):
                parts.append(" ")
                pos += 1
            parts.append(ocr_digits(w.text))
            spans.append((pos, pos + len(w.text), w))
            pos += len(w.text)
            if (_AT_MISREAD.match(w.text) or _AT_INSIDE.match(w.text)) and not (
                w.text.startswith("www.") or _support_address(w.text)
            ):
                _mark(marks, [w], PatientDataKind.EMAIL)
    # "+33 3 93 42 43 64" read "4333 93 42 4364": a "+" read as "4" or "t"
    # before 33 and nine more digits. Same length, so offsets still hold.
    text = _PLUS_IN_ROW.sub(lambda m: "+" + m.group()[1:], "".join(parts))
    # "1 48 O1 2A 928": a short group of a number with an O for a 0.
    text = _O_IN_GROUP.sub("0", text)
    for f in find_patient_data(text):
        _mark(marks, (w for s, e, w in spans if s < f.end and f.start < e), f.kind)
    _mark_split_local_parts(row, marks)


# OCR sometimes cuts an address inside its local part ("mohamedaubert5" "3@…"):
# the piece just before a marked address, touching it, is part of it.
_LOCAL_PART = re.compile(r"^[\w.+-]+$")


def _mark_split_local_parts(row: Row, marks: _Marks) -> None:
    for cell in row.cells:
        for before, word in itertools.pairwise(cell.words):
            if (
                marks.get(id(word)) is PatientDataKind.EMAIL
                and "@" in word.text
                and id(before) not in marks
                and _LOCAL_PART.match(before.text)
                and word.left - before.right <= row.height
            ):
                _mark(marks, [before], PatientDataKind.EMAIL)


_SUPPORT_PARTS = (
    *("".join(ch for ch in domain if ch.isalnum()) for domain in NOT_PATIENT_EMAIL_DOMAINS),
    "sisamu",
    "esante",
    "gouv",
)


def _support_address(token: str) -> bool:
    """The support desk's address however OCR cut it ("si-samu@esante gouv.fr")."""
    squashed = "".join(ch for ch in token.lower() if ch.isalnum())
    return any(part in squashed for part in _SUPPORT_PARTS)


# An address whose last dot OCR lost ("marie_lucas61@courrieltest").
_AT_INSIDE = re.compile(r"^[\w.+-]*[A-Za-z0-9]@[A-Za-z0-9][\w.-]+")
# An address whose "@" OCR read as a letter ("gaelle.fauregmessagerie.example"):
# lower case, two dots or more, ending with a usual top-level domain.
_AT_MISREAD = re.compile(
    r"^[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)+\.(?:fr|com|org|net|eu|test|example|info|be|ch)"
    r"[.,;:)]?$"
)


# Only the misreads seen inside numbers; "D", "S" or "B" would turn codes such
# as "ERR-D433-201572" into phone numbers.
_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_PLUS_MISREAD = re.compile(r"^[4t]33[1-9]\d{8}$")
# Also the first 0 of a phone number: "O1 27 90 83 08".
_O_IN_GROUP = re.compile(r"(?<=\d )[Oo](?=\d\b)|(?<=\d )(?<=\b\d)[Oo](?= \d)"
                         r"|(?<![\w+])[Oo](?=[1-9](?:[ .\-]\d\d){4}(?!\d))")
_PLUS_IN_ROW = re.compile(r"(?<![\w+])[4t]33 ?(?:\(0\) ?)?[1-9](?:[ .]?\d){8}(?!\d)")


def ocr_digits(token: str) -> str:
    """Undo OCR's usual misreads inside a number ("O6 12", "433612..." for "+33612..."),
    keeping the length so that offsets still map to the word."""
    digits = sum(ch.isdigit() for ch in token)
    if digits < 4 or digits < 0.6 * len(token):
        return token
    if _PLUS_MISREAD.match(token):
        return "+" + token[1:]
    chars = list(token)
    for i, ch in enumerate(chars):
        if not ch.isdigit() and (
            (i > 0 and token[i - 1].isdigit()) or (i + 1 < len(token) and token[i + 1].isdigit())
        ):
            chars[i] = ch.translate(_LOOKALIKES)
    return "".join(chars)


def _mark_labels(rows: list[Row], index: int, marks: _Marks) -> None:
    row = rows[index]
    cells, kinds = _header_cells(row)
    labels = [c for c, k in zip(cells, kinds, strict=True) if k is not None]
    # A table's header: several cells, labels among them, none with a colon
    # (a form writes "Nom :" and its value beside it).
    if labels and len(cells) >= 3 and (len(labels) >= 2 or len(cells) >= 4) and not any(
        c.text.rstrip().endswith(":") for c in labels
    ):
        _mark_table(rows, index, cells, kinds, marks)
        # A form whose labels lost their colon looks like a header row: a value
        # beside a label still gets hidden (a header beside a header does not).
        for c, kind in enumerate(kinds[:-1]):
            if kind is not None and kinds[c + 1] is None and _looks_like_value(
                kind, cells[c + 1].text
            ):
                _mark(marks, cells[c + 1].words, PatientDataKind(kind))
        return
    cells = row.cells
    kinds = [label_kind(cell.text) for cell in cells]
    for c, cell in enumerate(cells):
        kind = kinds[c]
        if kind is None:
            _mark_after_inline_label(cell, marks)
            continue
        if c + 1 < len(cells) and kinds[c + 1] is None:
            _mark(marks, cells[c + 1].words, PatientDataKind(kind))
        # Under it too, even with a value beside: the check after export sees the
        # label without its value (burnt) and must find what the first pass found.
        _mark_under(rows, index, cell, PatientDataKind(kind), marks)


def _looks_like_value(kind: str, text: str) -> bool:
    if kind == "email":
        return "@" in text
    if kind != "name":
        return any(ch.isdigit() for ch in text)
    words = text.split()
    return 0 < len(words) <= 4 and text[:1].isupper() and not any(ch.isdigit() for ch in text) \
        and text.lower().strip(" :*") not in HEADER_WORDS


def _header_cells(row: Row) -> tuple[list[Cell], list[str | None]]:
    """The row's cells with labels split from what OCR glued to them, and their kinds."""
    cells: list[Cell] = []
    kinds: list[str | None] = []
    for cell in row.cells:
        found = leading_label(cell)
        if found is None:
            cells.append(cell)
            kinds.append(None)
            continue
        kind, count = found
        cells.append(Cell(cell.words[:count]))
        kinds.append(kind)
        if count < len(cell.words):
            cells.append(Cell(cell.words[count:]))
            kinds.append(label_kind(cells[-1].text))
    if len(kinds) - kinds.count(None) >= 2:
        kinds = [k if k is not None else label_kind(c.text, loose=True)
                 for c, k in zip(cells, kinds, strict=True)]
    return cells, kinds


def _mark_after_inline_label(cell: Cell, marks: _Marks) -> None:
    """ "Tél. : 0131 2435 05": the words after a label and its colon, even if misread."""
    for i, w in enumerate(cell.words[:-1]):
        if not w.text.endswith(":") and not (
            i + 1 < len(cell.words) and cell.words[i + 1].text == ":"
        ):
            continue
        kind = label_kind(" ".join(x.text for x in cell.words[: i + 1]))
        if kind is None and i >= 1:
            kind = label_kind(" ".join(x.text for x in cell.words[i - 1 : i + 1]))
        if kind is not None:
            rest = [x for x in cell.words[i + 1 :] if x.text != ":"]
            _mark(marks, rest, PatientDataKind(kind))
            return


def _mark_under(rows: list[Row], index: int, label: Cell, kind: PatientDataKind,
                marks: _Marks) -> None:
    """A form's label alone: the value just under it, left-aligned with it."""
    row = rows[index]
    h = row.height
    for below in rows[index + 1 : index + 3]:
        if below.top - row.bottom > 1.8 * max(h, below.height):
            return
        hits = [c for c in below.cells if abs(c.left - label.left) <= 1.5 * h]
        if hits:
            text = hits[0].text.lower().strip(" :*")
            # Not another label, even one OCR misread ("Ness:" for "N° SS :").
            if label_kind(hits[0].text) is None and text not in HEADER_WORDS and not (
                    hits[0].text.rstrip().endswith(":")):
                _mark(marks, hits[0].words, kind)
            return


# Record numbers in a patient table: letters, digits and dashes, 5 digits or more.
_IDENTIFIER = re.compile(r"^(?=(?:\D*\d){5})[A-Za-z]{0,4}[-/]?\d[\dA-Za-z]*(?:[-/][\dA-Za-z]+)*$")
_PATIENT_COLUMNS = {"name", "birth_date", "nir", "ins"}


def _mark_table(rows: list[Row], index: int, headers: list[Cell], kinds: list[str | None],
                marks: _Marks) -> None:
    """Every cell under a header that is a label; identifiers too in a patient table."""
    h = rows[index].height
    starts = [cell.left - 0.8 * h for cell in headers]
    patient_table = any(k in _PATIENT_COLUMNS for k in kinds)
    last_bottom = rows[index].bottom
    unlabelled: dict[int, list[Cell]] = {}
    for row in rows[index + 1 :]:
        if row.top - last_bottom > _ROW_GAP * max(h, row.height):
            break
        if sum(k is not None for k in _header_cells(row)[1]) >= 2:
            break  # the next table's header
        if sum(cell.left >= starts[0] for cell in row.cells) < 2:
            continue  # a side menu's entry between two rows, not a row of the table
        last_bottom = row.bottom
        filled: set[int] = set()
        for cell in row.cells:
            column = bisect.bisect_right(starts, cell.left) - 1
            kind = kinds[column] if column >= 0 else None
            filled.add(column)
            unlabelled.setdefault(column, []).append(cell)
            if kind is not None:
                _mark(marks, cell.words, PatientDataKind(kind))
            elif patient_table and _IDENTIFIER.match(cell.text.replace(" ", "")):
                # "2025 842842": OCR may lose the dash and cut the number in two.
                _mark(marks, cell.words, PatientDataKind.RECORD_NUMBER)
        # A labelled column with no word in this row: OCR may have missed the
        # value (it happens with short words in small fonts). Hide the cell.
        if patient_table:
            for column, kind in enumerate(kinds):
                if kind is not None and column not in filled:
                    right = starts[column + 1] if column + 1 < len(starts) else (
                        headers[column].right + 4 * h)
                    marks.areas.append(
                        (starts[column], row.top, right, row.bottom, PatientDataKind(kind))
                    )
    # A patient table's column whose header OCR could not read ("Korn" for
    # "Nom") but whose cells are mostly upper-case words: surnames.
    for column, cells in unlabelled.items():
        if not patient_table or (column >= 0 and kinds[column] is not None) or len(cells) < 3:
            continue
        if sum(_surname_like(c.text) for c in cells) >= 0.6 * len(cells):
            for cell in cells:
                if not any(ch.isdigit() for ch in cell.text):
                    _mark(marks, cell.words, PatientDataKind.NAME)


def _surname_like(text: str) -> bool:
    words = text.replace("-", " ").replace("'", " ").replace("’", " ").split()
    return 0 < len(words) <= 3 and all(
        w.isalpha() and w.isupper() and w not in NOT_SURNAMES for w in words
    ) and any(len(w) >= 3 for w in words)


def _boxes(rows: list[Row], marks: _Marks, size: tuple[int, int]) -> list[Box]:
    """One box per run of marked words of one kind in a row, with a small margin."""
    width, height = size
    boxes: list[Box] = []
    for row in rows:
        words = row.words
        start = 0
        while start < len(words):
            kind = marks.get(id(words[start]))
            if kind is None:
                start += 1
                continue
            end = start + 1
            # Words of one kind a few letters apart are one value that OCR cut
            # up ("+33", "(26833:", "s1" for a dimmed phone): one box over them.
            while (end < len(words) and marks.get(id(words[end])) == kind
                   and words[end].left - words[end - 1].right <= 3 * row.height):
                end += 1
            before = words[start - 1] if start else None
            after = words[end] if end < len(words) else None
            boxes.append(_box(words[start:end], kind, row.height, before, after, size,
                              hidden_before=before is not None and id(before) in marks,
                              hidden_after=after is not None and id(after) in marks))
            start = end
    for left, top, right, bottom, kind in marks.areas:
        m = 0.3 * (bottom - top)
        x0, y0 = max(0, round(left)), max(0, round(top - m))
        x1, y1 = min(width, round(right)), min(height, round(bottom + m))
        if x1 > x0 and y1 > y0:
            boxes.append(Box(x=x0, y=y0, width=x1 - x0, height=y1 - y0, kind=kind))
    return boxes


def _box(words: list[OcrWord], kind: PatientDataKind, row_h: float, before: OcrWord | None,
         after: OcrWord | None, size: tuple[int, int], *, hidden_before: bool = False,
         hidden_after: bool = False) -> Box:
    """Around the words, a little more sideways: Tesseract's word boxes sometimes leave
    out a first or last glyph. The box never reaches into the neighbouring words; when
    a neighbour is hidden too (a phone cut in two, "+33 793" then "246330"), the box
    reaches it, so that no sliver of the value shows between the two boxes."""
    m = max(3, round(0.3 * row_h))
    side = max(m, round(0.9 * row_h))
    first_left = min(w.left for w in words)
    left = first_left - side
    right = max(w.right for w in words) + side
    if before is not None and before.right < first_left:
        left = before.right + 1 if hidden_before and first_left - before.right <= 3 * row_h \
            else max(left, before.right + 1)
    if after is not None and after.left > right - side:
        right = after.left - 1 if hidden_after and after.left - right <= 3 * row_h \
            else min(right, after.left - 1)
    left, right = max(0, left), min(size[0], right)
    top = max(0, min(w.top for w in words) - m)
    bottom = min(size[1], max(w.bottom for w in words) + m)
    return Box(x=left, y=top, width=right - left, height=bottom - top, kind=kind)
