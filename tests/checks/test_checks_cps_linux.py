"""CPS checks on Linux: the Cryptolib file layout and Firefox's pkcs11.txt built in a temporary
root, and a real PC/SC stack: Debian's pcscd with the vsmartcard virtual reader driver (vpcd),
run in a private mount namespace so it never touches the machine's own /run/pcscd, and a
virtual card written here that answers vpcd's protocol on loopback."""

from __future__ import annotations

import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from checks_servers import LOOPBACK, free_port

from samu_desktop.checks import cps_checks
from samu_desktop.checks.model import Status
from samu_desktop.checks.platform_linux import LinuxProbe
from samu_desktop.checks.probes import ReaderInfo, SmartCardState

# pcscd, vpcd and the Linux probe: Windows has its own smart-card service (SCardSvr).
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pcscd: Linux only")

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
MODULE = "/opt/santesocial/CPS/lib/libcps3_pkcs11_lux.so"
# A CPS-like ATR; the virtual card answers every APDU with "instruction not supported".
ATR = bytes.fromhex("3B8F8001804F0CA0000003060300030000000068")


def cps_root(root: Path, version: str | None = "5.2.2-1") -> Path:
    lib = root / "opt/santesocial/CPS/lib"
    lib.mkdir(parents=True)
    (lib / "libcps3_pkcs11_lux.so").write_bytes(b"\x7fELF")
    if version is not None:
        status = root / "var/lib/dpkg/status"
        status.parent.mkdir(parents=True)
        status.write_text("Package: cryptolib-cps\nStatus: install ok installed\n"
                          f"Version: {version}\nArchitecture: amd64\n")
    return root


def firefox_profile(home: Path, modules: list[str]) -> None:
    root = home / ".mozilla/firefox"
    (root / "p1.default-esr").mkdir(parents=True)
    (root / "profiles.ini").write_text(
        "[Profile0]\nName=default-esr\nIsRelative=1\nPath=p1.default-esr\nDefault=1\n")
    text = ("library=\nname=NSS Internal PKCS #11 Module\n"
            "parameters=configdir='sql:/home/x' certPrefix='' keyPrefix=''\n\n")
    for module in modules:
        text += f"library={module}\nname=CPS\nNSS=trustOrder=100\n\n"
    (root / "p1.default-esr" / "pkcs11.txt").write_text(text)


def pcscd_process(root: Path) -> None:
    (root / "proc/4242").mkdir(parents=True)
    (root / "proc/4242/comm").write_text("pcscd\n")
    (root / "proc/1").mkdir(parents=True)
    (root / "proc/1/comm").write_text("init\n")


def make_probe(root: Path, home: Path,
               smartcards: Callable[[], SmartCardState]) -> LinuxProbe:
    return LinuxProbe(root=root, home=home, environ={}, smartcards=smartcards,
                      command=lambda args: None)


def one_reader_with_card() -> SmartCardState:
    return SmartCardState([ReaderInfo("Lecteur de test 00 00", True)])


def test_cryptolib_layout_with_firefox_module(tmp_path: Path) -> None:
    """The reader is a stand-in here; the real PC/SC path is tested below with pcscd."""
    root, home = cps_root(tmp_path / "root"), tmp_path / "home"
    firefox_profile(home, [MODULE])
    pcscd_process(root)
    outcome = cps_checks.check_cps(make_probe(root, home, one_reader_with_card), "cps", "5.2")
    assert outcome.status is Status.PASS, outcome.explanation
    assert outcome.details["cryptolib_source"] == "dpkg:cryptolib-cps"
    assert outcome.versions == {"Cryptolib CPS": "5.2.2"}


def test_old_cryptolib_and_missing_firefox_module(tmp_path: Path) -> None:
    root, home = cps_root(tmp_path / "root", "5.1.4-1"), tmp_path / "home"
    firefox_profile(home, [])
    pcscd_process(root)
    outcome = cps_checks.check_cps(make_probe(root, home, one_reader_with_card), "cps", "5.2")
    assert outcome.status is Status.FAILURE
    steps = {s["step"]: s["status"] for s in outcome.details["steps"]}
    assert steps["cryptolib"] == "failure"
    assert steps["firefox_module"] == "failure"
    assert "Périphériques de sécurité" in outcome.action or "Cryptolib" in outcome.action


def test_cryptolib_version_from_library_file_name(tmp_path: Path) -> None:
    root = cps_root(tmp_path / "root", None)
    (root / "opt/santesocial/CPS/lib/libcps3_pkcs11_lux.so.5.2.3").write_bytes(b"")
    info = make_probe(root, tmp_path / "home", one_reader_with_card).cryptolib()
    assert (info.installed, info.version, info.module_present) == (True, "5.2.3", True)


def test_no_cryptolib_no_service(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "proc/1").mkdir(parents=True)
    (root / "proc/1/comm").write_text("init\n")
    probe = make_probe(root, tmp_path / "home", lambda: SmartCardState([]))
    outcome = cps_checks.check_cps(probe, "cps", "5.2")
    steps = {s["step"]: s["status"] for s in outcome.details["steps"]}
    assert steps == {"cryptolib": "failure", "firefox_module": "failure",
                     "service": "failure", "reader": "failure"}
    assert "Cryptolib CPS n'est pas installée" in outcome.explanation


def test_socket_activated_pcscd_counts_as_available(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "run/pcscd").mkdir(parents=True)
    (root / "run/pcscd/pcscd.comm").write_text("")
    (root / "proc/1").mkdir(parents=True)
    (root / "proc/1/comm").write_text("systemd\n")
    assert make_probe(root, tmp_path, one_reader_with_card).smartcard_service() == "activatable"


@pytest.mark.parametrize(("have", "need", "ok"), [
    ("5.2.2", "5.2", True), ("5.2", "5.2", True), ("5.10.1", "5.2", True),
    ("5.1.99", "5.2", False), ("4.9", "5.2", False), ("V5.2.0.41", "5.2", True),
])
def test_version_comparison(have: str, need: str, ok: bool) -> None:
    assert cps_checks.version_at_least(have, need) is ok


# -- a real PC/SC stack: pcscd + vpcd, and a virtual card -----------------------------


@dataclass
class PcscLab:
    socket_path: Path
    card_port: int

    def read(self) -> SmartCardState:
        """The probe's real ctypes code, in a child whose libpcsclite uses our private socket.

        (pcsc-lite reads PCSCLITE_CSOCK_NAME once per process, hence the child.)
        """
        code = ("import json; from dataclasses import asdict; "
                "from samu_desktop.checks.pcsc import read_smartcards; "
                "print(json.dumps(asdict(read_smartcards())))")
        env = dict(os.environ, PCSCLITE_CSOCK_NAME=str(self.socket_path))
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True, timeout=20)
        data = json.loads(out.stdout)
        readers = data["readers"]
        return SmartCardState(
            None if readers is None else [ReaderInfo(**r) for r in readers], data["error"])


class VirtualCard:
    """Speaks vpcd's protocol: 2-byte length, then a control byte or an APDU."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection((LOOPBACK, port), timeout=5)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _recv(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        return data

    def _serve(self) -> None:
        try:
            while True:
                (size,) = struct.unpack("!H", self._recv(2))
                message = self._recv(size)
                if size == 1:
                    if message[0] == 4:  # VPCD_CTRL_ATR
                        self.sock.sendall(struct.pack("!H", len(ATR)) + ATR)
                    continue  # power on/off, reset
                self.sock.sendall(b"\x00\x02\x6d\x00")
        except (OSError, ConnectionError, struct.error):
            return

    def remove(self) -> None:
        self.sock.close()
        self._thread.join(5)


@pytest.fixture
def pcsc_lab(tmp_path: Path) -> Iterator[PcscLab]:
    if os.geteuid() != 0:
        pytest.skip("pcscd needs root to run in a private mount namespace")
    for tool in ("pcscd", "unshare"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run scripts/setup.sh test")
    if not VPCD_DRIVER.exists():
        pytest.fail("vsmartcard-vpcd is missing: run scripts/setup.sh test")
    conf, ipc = tmp_path / "reader.conf.d", tmp_path / "ipc"
    conf.mkdir()
    ipc.mkdir()
    port = free_port()
    (conf / "vpcd").write_text(
        f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:0x{port:04X}\n'
        f"LIBPATH {VPCD_DRIVER}\nCHANNELID 0x{port:04X}\n")
    # pcscd always uses /run/pcscd: give it our folder there, in its own mount namespace.
    script = f"mkdir -p /run/pcscd && mount --bind {ipc} /run/pcscd && exec pcscd -f -c {conf}"
    proc = subprocess.Popen(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                             script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lab = PcscLab(ipc / "pcscd.comm", port)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if (ipc / "pcscd.comm").exists() and lab.read().readers:
                break
            if proc.poll() is not None:
                pytest.fail("pcscd did not start in its namespace")
            time.sleep(0.1)
        else:
            pytest.fail("pcscd did not show the virtual reader")
        yield lab
    finally:
        proc.terminate()
        proc.wait(10)


def _wait_for(lab: PcscLab, present: bool) -> SmartCardState:
    state = lab.read()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if state.readers and state.readers[0].card_present is present:
            break
        time.sleep(0.1)
        state = lab.read()
    return state


def test_real_pcscd_reports_readers_and_card(tmp_path: Path, pcsc_lab: PcscLab) -> None:
    root, home = cps_root(tmp_path / "root"), tmp_path / "home"
    firefox_profile(home, [MODULE])
    pcscd_process(root)
    probe = make_probe(root, home, pcsc_lab.read)

    outcome = cps_checks.check_cps(probe, "cps", "5.2")
    steps = {s["step"]: s["status"] for s in outcome.details["steps"]}
    assert steps["reader"] == "pass" and steps["card"] == "warning"
    assert outcome.status is Status.WARNING
    assert "Virtual PCD" in str(outcome.details["steps"])

    card = VirtualCard(pcsc_lab.card_port)
    try:
        assert _wait_for(pcsc_lab, present=True).readers[0].card_present  # type: ignore[index]
        outcome = cps_checks.check_cps(probe, "cps", "5.2")
        assert outcome.status is Status.PASS, outcome.explanation
    finally:
        card.remove()
    state = _wait_for(pcsc_lab, present=False)
    assert state.readers is not None and not state.readers[0].card_present


def test_pcsc_without_service_says_so(tmp_path: Path) -> None:
    """The real library, pointed at a socket where no pcscd listens."""
    lab = PcscLab(tmp_path / "nothing-here.comm", 0)
    state = lab.read()
    assert state.readers is None
    assert "unavailable" in state.error
