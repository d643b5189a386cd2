"""Small helpers for the editor's actions: shortcuts in tooltips, button rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget


def shortcut_action(owner: QWidget, text: str, shortcuts: Sequence[str]) -> QAction:
    """An action of ``owner`` whose shortcuts work while the focus is inside it."""
    action = QAction(text, owner)
    sequences = [QKeySequence(s) for s in shortcuts]
    action.setShortcuts(sequences)
    # Only while the editor has the focus: the main window keeps its own keys.
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
    action.setToolTip(f"{text} ({keys})" if keys else text)
    owner.addAction(action)
    return action


def button_row(owner: QWidget, actions: Sequence[QAction | None]) -> QHBoxLayout:
    """Flat buttons for ``actions``; None leaves a gap.

    Buttons rather than a QToolBar: same look, and none of the toolbar
    machinery that only makes sense inside a main window.
    """
    row = QHBoxLayout()
    for action in actions:
        if action is None:
            row.addSpacing(12)
            continue
        button = QToolButton(owner)
        button.setDefaultAction(action)
        # An icon with its short caption; icon alone where the picture says it all
        # (zoom, previous/next: the tooltip names them).
        icon_only = bool(action.property("iconOnly")) and not action.icon().isNull()
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if icon_only
                                  else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        button.setAutoRaise(True)
        row.addWidget(button)
    return row
