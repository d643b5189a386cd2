"""A real Postfix relay on loopback, for the tests: own configuration, own queue, Maildirs.

Started with ``postfix -c DIR start`` (no systemd), listening on 127.0.0.1 on a
free port, offering STARTTLS with the test CA's certificate, and delivering
every address of ``example.test`` listed in ``MAILBOXES`` to its own Maildir
through Postfix's ``virtual`` delivery agent. ``stop()`` stops it. Needs the
Debian ``postfix`` package (scripts/setup.sh test installs it) and root, as
Postfix's master does.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

from tests.mail.smtp_server import Pki

MAILBOXES = ("support-test", "arm-test", "copie-test")
DOMAIN = "example.test"
# Delivery runs as this user: the virtual agent refuses root.
MAIL_UID = MAIL_GID = 65534


def available() -> bool:
    return shutil.which("postfix") is not None and shutil.which("postconf") is not None \
        and os.geteuid() == 0 and Path("/etc/postfix/master.cf").exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostfixRelay:
    def __init__(self, root: Path, pki: Pki) -> None:
        self.root = root
        self.config = root / "etc"
        self.mail = root / "mail"
        self.port = free_port()
        self.pki = pki
        self.started = False

    def maildir(self, name: str) -> Path:
        return self.mail / name

    def _write_config(self) -> None:
        self.config.mkdir(parents=True)
        queue = self.root / "queue"
        data = self.root / "data"
        queue.mkdir()
        data.mkdir()
        postfix_user = pwd.getpwnam("postfix")
        os.chown(data, postfix_user.pw_uid, postfix_user.pw_gid)  # the master's lock, caches
        self.mail.mkdir()
        os.chown(self.mail, MAIL_UID, MAIL_GID)
        shutil.copyfile(self.pki.server_cert, self.config / "cert.pem")
        shutil.copyfile(self.pki.server_key, self.config / "key.pem")
        os.chmod(self.config / "key.pem", 0o600)
        (self.config / "vmailbox").write_text(
            "".join(f"{name}@{DOMAIN} {name}/\n" for name in MAILBOXES))
        main = {
            "compatibility_level": "3.6",
            "queue_directory": str(queue),
            "data_directory": str(data),
            "myhostname": "relais.example.test",
            "mydomain": "relais.example.test",
            "mydestination": "",
            "inet_interfaces": "127.0.0.1",
            "inet_protocols": "ipv4",
            "mynetworks": "127.0.0.0/8",
            "smtpd_relay_restrictions": "permit_mynetworks, reject_unauth_destination",
            "virtual_mailbox_domains": DOMAIN,
            "virtual_mailbox_base": str(self.mail),
            "virtual_mailbox_maps": f"texthash:{self.config / 'vmailbox'}",
            "virtual_uid_maps": f"static:{MAIL_UID}",
            "virtual_gid_maps": f"static:{MAIL_GID}",
            "smtpd_tls_security_level": "may",
            "smtpd_tls_cert_file": str(self.config / "cert.pem"),
            "smtpd_tls_key_file": str(self.config / "key.pem"),
            "maillog_file": str(self.root / "postfix.log"),
            "maillog_file_prefixes": str(self.root),
            "alias_maps": "",
            "alias_database": "",
            "biff": "no",
            "append_dot_mydomain": "no",
            "message_size_limit": "20000000",
            "smtputf8_enable": "no",
        }
        (self.config / "main.cf").write_text(
            "".join(f"{key} = {value}\n" for key, value in main.items()))
        # Debian's master.cf, without chroot (our queue is no chroot jail), and smtpd
        # on our port instead of 25.
        lines = []
        for line in Path("/etc/postfix/master.cf").read_text().splitlines():
            fields = line.split()
            if line and not line[0].isspace() and not line.startswith("#") and len(fields) >= 8:
                if fields[0] == "smtp" and fields[1] == "inet":
                    fields[0] = f"127.0.0.1:{self.port}"
                fields[4] = "n"
                line = "  ".join(fields)
            lines.append(line)
        (self.config / "master.cf").write_text("\n".join(lines) + "\n")

    def _postfix(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["postfix", "-c", str(self.config), *args], capture_output=True,
                              text=True, timeout=60, check=False)

    def start(self) -> PostfixRelay:
        self._write_config()
        done = self._postfix("start")
        if done.returncode != 0:
            raise RuntimeError(f"postfix start: {done.stdout}{done.stderr}{self.log()}")
        self.started = True
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the master opens the port once it has started
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.05)
        raise RuntimeError(f"postfix did not listen on {self.port}: {self.log()}")

    def stop(self) -> None:
        if self.started:
            self._postfix("stop")
            self.started = False

    def log(self) -> str:
        path = self.root / "postfix.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def delivered(self, name: str) -> list[Path]:
        new = self.maildir(name) / "new"
        return sorted(new.iterdir()) if new.is_dir() else []

    def wait_for(self, name: str, count: int, timeout: float = 60.0) -> list[Path]:
        """The Maildir's messages once ``count`` have arrived (Postfix delivers on its own)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.delivered(name)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"{len(self.delivered(name))} of {count} messages delivered to "
                             f"{name}: {self.tail()}")

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def queue_ids(self) -> list[str]:
        return re.findall(r"postfix/\w+\[\d+\]: ([0-9A-F]{6,}):", self.log())
