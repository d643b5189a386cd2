"""The redaction editor (Qt). The pixels are burnt by :mod:`samu_desktop.redaction`."""

from samu_desktop.gui.redaction.editor import RedactionEditor
from samu_desktop.gui.redaction.proposals import ProposedBox, as_box

__all__ = ["ProposedBox", "RedactionEditor", "as_box"]
