"""Screen capture with one warm mss instance: every screen, one screen, a region, the active window.

A fresh ``mss.MSS()`` costs 30–70 ms before the first image; a warm one grabs
a 1080p screen in about a millisecond. The hotkey must keep the screen as it
was at the moment of the press, so one instance is opened ahead and reused.
Images stay in memory (see :class:`Capture`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Literal, Protocol

from PIL import Image
from pydantic import BaseModel, ConfigDict, Field

from samu_desktop.capture.errors import CaptureError
from samu_desktop.capture.models import (
    Capture,
    CaptureBatch,
    CaptureKind,
    Monitor,
    MonitorLayout,
    Rect,
    Trigger,
)
from samu_desktop.capture.session import SessionKind, session_kind
from samu_desktop.i18n import translate

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
CaptureMode = Literal["all", "monitor", "region", "window"]


def local_now() -> datetime:
    """Now, with the local time zone (what the user reads on the wall clock)."""
    return datetime.now().astimezone()


class ActiveWindowProbe(Protocol):
    """Finds the window that has the focus (X11 or Windows implementation)."""

    def active_window(self) -> Rect | None:
        """Its outer rectangle (frame included) in physical pixels; None without one."""


class CaptureRequest(BaseModel):
    """What to capture, chosen by the user; ``delay_s`` lets them open a menu first."""

    model_config = ConfigDict(frozen=True)

    mode: CaptureMode = "all"
    monitor_index: int | None = None
    region: Rect | None = None
    delay_s: float = Field(0.0, ge=0, le=60)


def _failed(exc: BaseException | None = None) -> CaptureError:
    return CaptureError(
        translate(
            "capture",
            "La capture d'écran a échoué. Réessayez ; si cela se reproduit, faites la "
            "capture avec l'outil du système et joignez-la au signalement.",
        ),
        details=f"{type(exc).__name__}: {exc}" if exc is not None else "",
    )


def crop_from(captures: Sequence[Capture], rect: Rect, layout: MonitorLayout) -> Capture:
    """Cut ``rect`` out of screen captures already taken (the frozen screens of the overlay).

    A region across two screens is stitched from both; parts that no screen
    covers stay black.
    """
    parts = [(c, c.area.intersect(rect)) for c in captures]
    present = [(c, part) for c, part in parts if part is not None]
    if not present:
        raise CaptureError(
            translate("capture", "La zone choisie est hors des écrans : choisissez-en une autre.")
        )
    image = Image.new("RGB", (rect.width, rect.height))
    for capture, part in present:
        box = (
            part.left - capture.area.left,
            part.top - capture.area.top,
            part.right - capture.area.left,
            part.bottom - capture.area.top,
        )
        image.paste(capture.image.crop(box), (part.left - rect.left, part.top - rect.top))
    return Capture(
        image=image,
        monitor=layout.best_monitor_for(rect),
        area=rect,
        taken_at=min(c.taken_at for c, _ in present),
        kind="region",
    )


class ScreenGrabber:
    """One warm mss instance, shared by the hotkey thread and the GUI (mss locks each grab).

    ``layout`` replaces what the system reports: for an X server that shows
    one wide screen where the user has two (Xvfb in the tests), or to pin the
    layout in a benchmark.
    """

    def __init__(
        self,
        display: str | None = None,
        layout: MonitorLayout | None = None,
        window_probe: ActiveWindowProbe | None = None,
        session: SessionKind | None = None,
        clock: Clock = local_now,
    ) -> None:
        self._display = display
        self._injected_layout = layout
        self._window_probe = window_probe
        self._session = session
        self._clock = clock
        self._lock = threading.RLock()
        self._sct: Any = None
        self._layout: MonitorLayout | None = None

    # -- life cycle ------------------------------------------------------
    def open(self) -> None:
        """Open and warm the mss instance (no-op when already open)."""
        with self._lock:
            if self._sct is None:
                self._sct, self._layout = self._new_instance()
                log.info("capture ready, %d monitor(s)", len(self._layout.monitors))

    @property
    def is_open(self) -> bool:
        """Whether the mss instance is open (and warm)."""
        return self._sct is not None

    def close(self) -> None:
        with self._lock:
            if self._sct is not None:
                self._sct.close()
            self._sct = None
            self._layout = None

    def refresh_layout(self) -> MonitorLayout:
        """Read the monitors again (a screen was plugged or moved) with a new mss instance.

        The new one is warmed before the old one goes: the hotkey never finds
        the grabber cold, and a failure leaves the old instance working.
        """
        with self._lock:
            sct, layout = self._new_instance()
            if self._sct is not None:
                self._sct.close()
            self._sct, self._layout = sct, layout
            return layout

    def check_session(self) -> None:
        """Raise the CaptureError a capture would meet in this session (Wayland, no
        display), without opening anything: cheap, for a start that opens later."""
        session = self._session or session_kind(
            {"DISPLAY": self._display} if self._display else None
        )
        if session == "wayland":
            raise CaptureError(
                translate(
                    "capture",
                    "La capture d'écran n'est pas disponible dans une session Wayland : "
                    "choisissez une session « Xorg » sur l'écran de connexion, puis "
                    "réessayez.",
                )
            )
        if session == "none":
            raise CaptureError(
                translate(
                    "capture",
                    "Aucun écran n'est disponible pour la capture : lancez l'application "
                    "depuis une session graphique.",
                )
            )

    def _new_instance(self) -> tuple[Any, MonitorLayout]:
        self.check_session()
        import mss  # here: costly, and only needed once a capture is wanted

        try:
            kwargs: dict[str, Any] = {}
            if self._display is not None:
                kwargs["display"] = self._display
            sct = mss.MSS(**kwargs)
        except Exception as exc:  # mss raises ScreenShotError, XError, ctypes OSError …
            log.warning("capture: could not open the screen: %s", type(exc).__name__)
            raise _failed(exc) from exc
        try:
            layout = self._injected_layout or MonitorLayout.from_mss(sct.monitors)
            # The first grab sets up shared memory: pay it now, not at the press.
            for monitor in layout.monitors:
                sct.grab(monitor.rect.as_mss())
        except Exception as exc:
            sct.close()
            log.warning("capture: could not open the screen: %s", type(exc).__name__)
            raise _failed(exc) from exc
        return sct, layout

    def __enter__(self) -> ScreenGrabber:
        self.open()
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def layout(self) -> MonitorLayout:
        with self._lock:
            self.open()
            assert self._layout is not None
            return self._layout

    # -- grabbing --------------------------------------------------------
    def grab_rect(self, rect: Rect, kind: CaptureKind = "region") -> Capture:
        """Capture exactly ``rect`` of the desktop (limited to the desktop's bounds)."""
        taken_at = self._clock()
        layout = self.layout()
        clipped = layout.clip(rect)
        if clipped is None:
            raise CaptureError(
                translate(
                    "capture", "La zone choisie est hors des écrans : choisissez-en une autre."
                )
            )
        image = self._grab_image(clipped)
        area = Rect(left=clipped.left, top=clipped.top, width=image.width, height=image.height)
        return Capture(
            image=image,
            monitor=layout.best_monitor_for(area),
            area=area,
            taken_at=taken_at,
            kind=kind,
        )

    def grab_monitor(self, index: int) -> Capture:
        monitor = self.layout().monitor(index)
        if monitor is None:
            raise CaptureError(
                translate("capture", "Cet écran n'est plus branché : choisissez-en un autre.")
            )
        return self._grab_monitor(monitor, self._clock())

    def grab_all(self) -> list[Capture]:
        """One capture per screen, each at its native resolution, all with the same time."""
        taken_at = self._clock()
        return [self._grab_monitor(m, taken_at) for m in self.layout().monitors]

    def grab_active_window(self) -> Capture:
        rect = self._window_probe.active_window() if self._window_probe is not None else None
        if rect is None:
            raise CaptureError(
                translate(
                    "capture",
                    "Aucune fenêtre active n'a été trouvée : cliquez dans la fenêtre à "
                    "capturer, puis réessayez.",
                )
            )
        return self.grab_rect(rect, kind="window")

    def grab_batch(self, trigger: Trigger = "hotkey") -> CaptureBatch:
        """Every screen at once, as the hotkey does (with the name of the focused window)."""
        focused = ""
        if trigger == "hotkey":  # read first: the notification takes no focus, but be sure
            from samu_desktop.capture.focused import focused_window_name

            focused = focused_window_name(self._display)
        captures = self.grab_all()
        return CaptureBatch(
            captures=tuple(captures), taken_at=captures[0].taken_at, trigger=trigger,
            focused_window=focused,
        )

    def capture(
        self, request: CaptureRequest, cancel: threading.Event | None = None
    ) -> CaptureBatch | None:
        """Carry out ``request`` after its delay; None if ``cancel`` was set meanwhile.

        Blocks for the delay: call it off the GUI thread.
        """
        if request.delay_s > 0 and (cancel or threading.Event()).wait(request.delay_s):
            return None
        if request.mode == "all":
            return self.grab_batch(trigger="manual")
        if request.mode == "monitor":
            capture = self.grab_monitor(request.monitor_index or self.layout().primary.index)
        elif request.mode == "window":
            capture = self.grab_active_window()
        else:
            if request.region is None:
                raise ValueError("a region request needs its region")
            capture = self.grab_rect(request.region)
        return CaptureBatch(captures=(capture,), taken_at=capture.taken_at, trigger="manual")

    def _grab_monitor(self, monitor: Monitor, taken_at: datetime) -> Capture:
        image = self._grab_image(monitor.rect)
        area = Rect(
            left=monitor.rect.left, top=monitor.rect.top, width=image.width, height=image.height
        )
        return Capture(image=image, monitor=monitor, area=area, taken_at=taken_at, kind="screen")

    def _grab_image(self, rect: Rect) -> Image.Image:
        with self._lock:
            self.open()
            try:
                shot = self._sct.grab(rect.as_mss())
            except Exception as exc:
                log.warning("capture failed: %s", type(exc).__name__)
                raise _failed(exc) from exc
        # mss gives BGRA; the app's common image type is RGB. Pillow's raw
        # decoder does the swizzle in C (about 1 ms for 1080p).
        return Image.frombytes("RGB", tuple(shot.size), shot.raw, "raw", "BGRX")
