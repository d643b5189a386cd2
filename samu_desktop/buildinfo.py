"""What was built: the version and the git commit of this copy of the program.

The commit is recorded at build time, when git is available, by ``setup.py``'s
``build_ui`` step (which also runs for wheels, editable installs and
``packaging/build.py``) in the generated, git-ignored module
``samu_desktop/_commit.py``. A build from a tree with uncommitted changes gets
a ``-dirty`` suffix. Without that module (a source archive built without git)
the commit is ``"unknown"``. In an editable install the module records the
commit of the last install, not of the files being edited.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from samu_desktop import __version__

UNKNOWN = "unknown"

_COMMIT = re.compile(r"^[0-9a-f]{7,40}(-dirty)?$")


@lru_cache(maxsize=1)
def commit() -> str:
    """The abbreviated git commit this copy was built from, or ``"unknown"``."""
    try:
        module = importlib.import_module("samu_desktop._commit")
    except ImportError:
        return UNKNOWN
    value = getattr(module, "COMMIT", None)
    if isinstance(value, str) and _COMMIT.match(value):
        return value
    return UNKNOWN


def version_line() -> str:
    """``samu-desktop 0.1.0 (commit 53d11ae5345b)``: what ``--version`` prints."""
    return f"samu-desktop {__version__} (commit {commit()})"
