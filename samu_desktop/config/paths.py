"""Every folder and file the application uses, from platformdirs.

Tests move all of them with ``HOME``/``XDG_*`` (Linux) or the equivalent
environment, so nothing here needs an override of its own.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "samu-desktop"


# Where an administrator puts the policy on Linux. XDG_CONFIG_DIRS can be changed
# by the user; a policy found here applies whatever that variable says.
LINUX_POLICY_DIR = Path("/etc/xdg") / APP_NAME


def system_policy_dir() -> Path:
    """The folder of the administrator's policy.

    C:\\ProgramData\\samu-desktop on Windows, writable by administrators only;
    /etc/xdg/samu-desktop on Linux when the administrator put a policy (or a last good
    one) there, even a broken link; else the first entry of XDG_CONFIG_DIRS (which is
    where tests, and distributions that move /etc/xdg, put it).
    """
    # lexists: a policy that is a link to a share not mounted yet is still the
    # administrator's (it then fails closed), never a reason to read the user's folders.
    if sys.platform == "linux" and any(
        os.path.lexists(LINUX_POLICY_DIR / name)
        for name in ("policy.json", "policy.last-good.json")
    ):
        return LINUX_POLICY_DIR
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    state_dir: Path
    log_dir: Path
    policy_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            state_dir=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            policy_dir=system_policy_dir(),
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def policy_file(self) -> Path:
        return self.policy_dir / "policy.json"

    @property
    def last_good_policy_file(self) -> Path:
        """The administrator's fallback policy, next to the policy: only whoever can write
        the policy can write it (the application never does)."""
        return self.policy_dir / "policy.last-good.json"

    @property
    def quarantine_dir(self) -> Path:
        """Copies of files that could not be read, kept for the administrator."""
        return self.state_dir / "corrupt"

    @property
    def crash_dir(self) -> Path:
        return self.state_dir / "crash"

    @property
    def drafts_dir(self) -> Path:
        return self.data_dir / "drafts"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"
