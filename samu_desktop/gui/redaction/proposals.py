"""What automatic detection hands the editor: the same ``Box`` it edits, with a kind.

Detection (``samu_desktop.pii``) and the editor share one type,
``samu_desktop.redaction.Box``; the kind is what marks a box as proposed (dashed,
labelled, burnt like the others).
"""

from __future__ import annotations

from samu_desktop.redaction import Box

# The editor's word for a box the detector proposes: the one Box type.
ProposedBox = Box


def as_box(proposed: Box) -> Box:
    # A kind is what makes the box "proposed": never let it be empty.
    return proposed.with_kind(str(proposed.kind) if proposed.kind is not None else "?")
