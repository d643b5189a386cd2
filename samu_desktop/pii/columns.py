"""A column of names is a column of names: layout over what the text rules found.

Lists and tables without a header the detector knows ("Contact", a header OCR
misread, no header at all) still line their values up: cells of consecutive
rows that start at the same x. When most cells of such a column hold a name
the text rules found, every other cell of it that reads like words (no
digits, at most five words) is a name too: the rules missed it because OCR
glued two words ("carioutimothée"), misread a letter ("SALAÜN sorzIC") or
because the name is in no list.
"""

from __future__ import annotations

from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.pii.layout import Cell, Row, label_kind
from samu_desktop.pii.lexicon import HEADER_WORDS
from samu_desktop.pii.names import looks_like_name

# How far apart two cells' left edges may be, in row heights, to be one column.
_ALIGN = 0.8
# Rows of one list follow each other at most this many row heights apart.
_GAP = 3.2
_MIN_CELLS = 3
_SHARE = 0.5


def _is_name_cell(cell: Cell, marks: dict[int, PatientDataKind]) -> bool:
    """A cell that is mostly a name (not a history line with a name in it)."""
    named = sum(marks.get(id(w)) is PatientDataKind.NAME for w in cell.words)
    return named > 0 and named >= 0.6 * len(cell.words)


def _header_row(row: Row) -> bool:
    """A table's header row: two cells or more are labels or column titles."""
    return sum(label_kind(c.text) is not None or c.text.lower().strip(" :*") in HEADER_WORDS
               for c in row.cells) >= 2


def _wordy(cell: Cell) -> bool:
    text = cell.text
    return (
        0 < len(cell.words) <= 5
        and sum(ch.isdigit() for ch in text) <= 1
        and sum(ch.isalpha() for ch in text) >= 3
        and not text.rstrip().endswith(":")
        and label_kind(text) is None  # the column's header ("Contact", "Nom")
        and text.lower().strip(" :*") not in HEADER_WORDS
        and looks_like_name(text)  # not "Erreur": a dialog's title over the list
    )


def _column(rows: list[Row], index: int, cell: Cell) -> list[Cell]:
    """Cells left-aligned with ``cell`` in the rows around row ``index``, without a break."""
    found = [cell]
    for step in (-1, 1):
        last = rows[index]
        i = index + step
        while 0 <= i < len(rows):
            row = rows[i]
            h = max(row.height, last.height)
            gap = (last.top - row.bottom) if step < 0 else (row.top - last.bottom)
            if gap > _GAP * h:
                break
            hits = [c for c in row.cells if abs(c.left - cell.left) <= _ALIGN * h]
            if _header_row(row):
                break
            if hits:
                found.append(hits[0])
                last = row
            elif gap > 1.2 * h or any(c.left < cell.left < c.right for c in row.cells):
                break  # a wide gap, or a line that runs across the column
            i += step
    return found


def mark_name_columns(rows: list[Row], marks: dict[int, PatientDataKind]) -> None:
    """Mark as names the word-only cells of columns whose cells are mostly names."""
    done: set[int] = set()
    for index, row in enumerate(rows):
        for cell in row.cells:
            if id(cell) in done or not _is_name_cell(cell, marks):
                continue
            column = _column(rows, index, cell)
            done.update(id(c) for c in column)
            if len(column) < _MIN_CELLS:
                continue
            names = sum(_is_name_cell(c, marks) for c in column)
            if names < _SHARE * len(column) or names < 2:
                continue
            for c in column:
                if _wordy(c) and not any(id(w) in marks for w in c.words):
                    for w in c.words:
                        marks.setdefault(id(w), PatientDataKind.NAME)
