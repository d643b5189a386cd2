"""A minimal SNTP client (RFC 4330): one request, the clock offset and the round trip."""

from __future__ import annotations

import os
import socket
import struct
import time
from dataclasses import dataclass

from samu_desktop.checks.net import Deadline, StepError, resolve
from samu_desktop.i18n import translate

NTP_EPOCH_OFFSET = 2_208_988_800  # seconds from 1900-01-01 to 1970-01-01
_PACKET = struct.Struct("!BBbbII4sQQQQ")


@dataclass(frozen=True)
class NtpAnswer:
    offset_s: float  # server clock minus ours
    delay_s: float
    stratum: int
    server: str


def to_ntp(timestamp: float) -> int:
    seconds = timestamp + NTP_EPOCH_OFFSET
    return (int(seconds) << 32) | int((seconds % 1) * (1 << 32))


def from_ntp(value: int) -> float:
    return (value >> 32) - NTP_EPOCH_OFFSET + (value & 0xFFFFFFFF) / (1 << 32)


def split_server(value: str, default_port: int = 123) -> tuple[str, int]:
    text = value.strip()
    if text.startswith("["):  # [IPv6]:port
        host, _, rest = text[1:].partition("]")
        port = rest.lstrip(":")
        return host, int(port) if port.isdigit() else default_port
    host, sep, port = text.rpartition(":")
    if sep and port.isdigit() and ":" not in host:
        return host, int(port)
    return text, default_port


def query(server: str, deadline: Deadline) -> NtpAnswer:
    host, port = split_server(server)
    family, sockaddr = resolve(host, port, deadline)[0]
    # Our transmit time goes out as random bits: an answer must echo them (RFC 4330 §5),
    # which rejects stray or spoofed packets.
    cookie = int.from_bytes(os.urandom(8), "big")
    request = _PACKET.pack(0x23, 0, 0, 0, 0, 0, b"\0" * 4, 0, 0, 0, cookie)  # v4, client
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(sockaddr)
            t1 = time.time()
            sock.send(request)
            while True:
                sock.settimeout(deadline.timeout("ntp"))
                data = sock.recv(512)
                t4 = time.time()
                if len(data) >= _PACKET.size:
                    fields = _PACKET.unpack_from(data)
                    if fields[8] == cookie:
                        break
        except TimeoutError as exc:
            raise StepError("ntp", translate(
                "checks", "Le serveur de temps {server} ne répond pas (port UDP {port} bloqué "
                "?).").format(server=host, port=port)) from exc
        except OSError as exc:
            raise StepError("ntp", translate(
                "checks", "Le serveur de temps {server} est injoignable.").format(server=host),
                f"{type(exc).__name__}: {exc}") from exc
    first, stratum = fields[0], fields[1]
    leap, mode = first >> 6, first & 0x7
    if mode != 4 or stratum == 0 or stratum > 15 or leap == 3:
        raise StepError("ntp", translate(
            "checks", "Le serveur de temps {server} n'est pas synchronisé ou refuse la "
            "requête.").format(server=host), f"mode={mode} stratum={stratum} leap={leap}")
    t2, t3 = from_ntp(fields[9]), from_ntp(fields[10])
    offset = ((t2 - t1) + (t3 - t4)) / 2
    delay = (t4 - t1) - (t3 - t2)
    return NtpAnswer(offset, max(delay, 0.0), stratum, f"{host}:{port}")
