"""A minimal Firefox ESR driver over its Marionette protocol (no geckodriver, no selenium).

Debian's ``firefox-esr`` started with ``--headless --marionette`` listens on a
TCP port for length-prefixed JSON commands (``len:[0, id, name, params]``,
answered by ``len:[1, id, error, result]``). That is all the evaluation set
needs: open a page, run a script, resize the window, take a screenshot, and
set the device pixel ratio (zoom and HiDPI) through a preference, which needs
``-remote-allow-system-access``.

Usage::

    with Firefox() as ff:
        ff.set_dppx(1.25)
        ff.set_viewport(1366, 768)
        ff.navigate(Path("page.html").as_uri())
        png = ff.screenshot()
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

PREFS = {
    "marionette.port": None,  # filled in
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "browser.aboutwelcome.enabled": False,
    "ui.prefersReducedMotion": 1,
    "layout.css.devPixelsPerPx": "1.0",
    # Grey-scale anti-aliasing on every machine: the screenshots do not depend
    # on the host's subpixel settings.
    "gfx.text.subpixel-position.force-enabled": False,
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Firefox:
    """One headless Firefox ESR with a fresh profile; close() ends it and its children."""

    def __init__(self, binary: str = "firefox-esr", timeout_s: float = 60.0) -> None:
        self.binary = shutil.which(binary) or binary
        self.timeout_s = timeout_s
        self.profile = Path(tempfile.mkdtemp(prefix="pii-ff-"))
        self.port = _free_port()
        prefs = dict(PREFS, **{"marionette.port": self.port})
        (self.profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()),
            encoding="utf-8",
        )
        # A session of its own: Firefox re-executes itself at start, so the
        # process group is what holds every process it starts.
        self.proc = subprocess.Popen(
            [self.binary, "--headless", "--marionette", "--no-remote",
             "-remote-allow-system-access", "--profile", str(self.profile)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        self._id = 0
        self.sock = self._connect()
        self.stream = self.sock.makefile("rb")
        self._read()  # the server's hello
        self.command("WebDriver:NewSession", {"capabilities": {}})

    def _connect(self) -> socket.socket:
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                return socket.create_connection(("127.0.0.1", self.port), timeout=self.timeout_s)
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() not in (None, 0):
                    raise RuntimeError("Firefox did not open its Marionette port") from None
                time.sleep(0.1)

    def _read(self) -> Any:
        size = b""
        while not size.endswith(b":"):
            ch = self.stream.read(1)
            if not ch:
                raise RuntimeError("Marionette closed the connection")
            size += ch
        return json.loads(self.stream.read(int(size[:-1])))

    def command(self, name: str, params: dict[str, Any] | None = None) -> Any:
        self._id += 1
        data = json.dumps([0, self._id, name, params or {}]).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        while True:
            reply = self._read()
            if reply[0] == 1 and reply[1] == self._id:
                break
        if reply[2]:
            raise RuntimeError(f"{name}: {reply[2].get('message', reply[2])}")
        return reply[3]

    def script(self, source: str, *args: Any) -> Any:
        result = self.command("WebDriver:ExecuteScript", {"script": source, "args": list(args)})
        return result.get("value") if isinstance(result, dict) else result

    def set_dppx(self, dppx: float) -> None:
        """Device pixels per CSS pixel: browser zoom times the screen's scale."""
        self.command("Marionette:SetContext", {"value": "chrome"})
        try:
            self.script(
                "Services.prefs.setCharPref('layout.css.devPixelsPerPx', arguments[0]);"
                " return 1;", f"{dppx:.3f}")
        finally:
            self.command("Marionette:SetContext", {"value": "content"})

    def set_viewport(self, width: int, height: int) -> tuple[int, int]:
        """Resize the window so that the page's viewport is ``width``×``height`` CSS px."""
        rect = self.command("WebDriver:SetWindowRect", {"width": width, "height": height})
        inner = self.script("return [innerWidth, innerHeight]")
        w = rect["width"] + width - inner[0]
        h = rect["height"] + height - inner[1]
        self.command("WebDriver:SetWindowRect", {"width": w, "height": h})
        inner = self.script("return [innerWidth, innerHeight]")
        return int(inner[0]), int(inner[1])

    def navigate(self, url: str) -> None:
        self.command("WebDriver:Navigate", {"url": url})

    def screenshot(self) -> bytes:
        """The viewport as PNG bytes, in device pixels."""
        result = self.command("WebDriver:TakeScreenshot", {"full": False})
        value = result["value"] if isinstance(result, dict) else result
        return base64.b64decode(value)

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError):
            self.command("Marionette:Quit", {"flags": ["eForceQuit"]})
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)
        # The relaunched browser and its content processes share the group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.sock.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Firefox:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
