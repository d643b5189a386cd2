"""The timeline picture attached to a report: the last hours, one band per endpoint.

Each band shows the latency of every probe (a line, with its scale) above a
strip coloured per probe (green: answered, red: failed, grey: no probe), and
the outage span shaded with its start and end times. 960 pixels wide and
13-pixel text: readable at 100 % in an e-mail, without zooming. Times are the
workstation's local time, as the report's start time is.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from collections.abc import Sequence
from datetime import datetime, tzinfo

from PIL import Image, ImageDraw, ImageFont

from samu_desktop.i18n import translate
from samu_desktop.monitor.model import Event, Record

WIDTH = 960
_LEFT = 200
_RIGHT = 24
_TOP = 80
_BAND = 74
_PLOT = 44
_STRIP = 14
_AXIS = 40
_OK = (46, 139, 87)
_FAIL = (200, 40, 40)
_NONE = (225, 225, 225)
_LINE = (40, 70, 140)
_SHADE = (200, 40, 40, 48)
_TEXT = (20, 20, 20)
_GRID = (200, 200, 200)
_LABEL = (130, 0, 0)


# Fonts with the accents and dashes of French, looked up by file name in the system's
# font folders by Pillow (Linux: fonts-dejavu-core, which Qt needs anyway; Windows
# and macOS: their own). Pillow's built-in font has no accented letters: with it,
# the text is written without accents rather than with empty boxes.
_FONTS = ("DejaVuSans.ttf", "segoeui.ttf", "arial.ttf", "Arial.ttf",
          "LiberationSans-Regular.ttf", "/System/Library/Fonts/Supplemental/Arial.ttf")


@functools.cache
def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A font of ``size`` pixels, and whether it draws accented letters."""
    for name in _FONTS:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


def _write(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int,
           fill: tuple[int, ...]) -> float:
    """Draw ``text``; returns its width. Accents are dropped only for a font without them."""
    font, accents = _font(size)
    if not accents:
        text = text.replace("—", "-")
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    draw.text(xy, text, fill=fill, font=font)
    return draw.textlength(text, font=font)


def _width(draw: ImageDraw.ImageDraw, text: str, size: int) -> float:
    return draw.textlength(text, font=_font(size)[0])


def _clock(ms: int, tz: tzinfo | None) -> str:
    moment = datetime.fromtimestamp(ms / 1000, tz) if tz else datetime.fromtimestamp(
        ms / 1000).astimezone()
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _day(ms: int, tz: tzinfo | None) -> str:
    moment = datetime.fromtimestamp(ms / 1000, tz) if tz else datetime.fromtimestamp(
        ms / 1000).astimezone()
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d}"


def _tick_step(span_ms: int) -> int:
    minute = 60_000
    for step in (5, 10, 15, 30, 60, 120, 180, 360):
        if span_ms / (step * minute) <= 12:
            return step * minute
    return 720 * minute


def render_timeline(
    records: Sequence[Record],
    endpoints: Sequence[str],
    start_ms: int,
    end_ms: int,
    outage: tuple[str, int, int | None] | None = None,
    interval_ms: int = 30_000,
    tz: tzinfo | None = None,
) -> bytes:
    """The PNG. ``outage`` is (endpoint, start, end or None while still down)."""
    end_ms = max(end_ms, start_ms + 60_000)
    height = _TOP + _BAND * max(1, len(endpoints)) + _AXIS
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image, "RGBA")
    plot_w = WIDTH - _LEFT - _RIGHT

    def x_of(ms: int) -> float:
        return _LEFT + (ms - start_ms) / (end_ms - start_ms) * plot_w

    _write(draw, (12, 10), translate("monitor", "Surveillance des services depuis ce poste — "
                                     "{day}, {start} à {end} (heure du poste)").format(
        day=_day(end_ms, tz), start=_clock(start_ms, tz), end=_clock(end_ms, tz)), 15, _TEXT)
    legend_y = 34
    x = 12.0
    for colour, text in ((_OK, translate("monitor", "répond")),
                         (_FAIL, translate("monitor", "échec")),
                         (_NONE, translate("monitor", "pas de mesure"))):
        draw.rectangle((x, legend_y + 2, x + 12, legend_y + 12), fill=colour)
        x += 28 + _write(draw, (x + 16, legend_y), text, 12, _TEXT)
    draw.line((x, legend_y + 7, x + 14, legend_y + 7), fill=_LINE, width=2)
    x += 30 + _write(draw, (x + 18, legend_y), translate("monitor", "temps de réponse (ms)"),
                     12, _TEXT)
    draw.rectangle((x, legend_y + 2, x + 12, legend_y + 12), fill=_SHADE, outline=_FAIL)
    _write(draw, (x + 16, legend_y), translate("monitor", "panne"), 12, _TEXT)

    if outage is not None:
        summary = translate("monitor", "Panne constatée sur {endpoint} : début {start}").format(
            endpoint=outage[0], start=_clock(outage[1], tz))
        if outage[2] is not None:
            summary += ", " + translate("monitor", "fin {time}").format(
                time=_clock(outage[2], tz))
        _write(draw, (12, 54), summary, 13, _LABEL)

    step = _tick_step(end_ms - start_ms)
    first_tick = (start_ms // step + 1) * step
    grid_bottom = _TOP + _BAND * max(1, len(endpoints))
    for tick in range(first_tick, end_ms + 1, step):
        tx = x_of(tick)
        draw.line((tx, _TOP - 4, tx, grid_bottom), fill=_GRID, width=1)
        label = _clock(tick, tz)
        _write(draw, (tx - _width(draw, label, 12) / 2, grid_bottom + 6), label, 12, _TEXT)

    by_endpoint: dict[str, list[Record]] = {e: [] for e in endpoints}
    for record in records:
        if record.ev is Event.PROBE and record.e in by_endpoint:
            by_endpoint[record.e].append(record)

    for row, endpoint in enumerate(endpoints):
        top = _TOP + row * _BAND
        probes = sorted(by_endpoint[endpoint], key=lambda r: r.t)
        answered = [r.ms for r in probes if r.ok]
        scale = max(max(answered) if answered else 1, 1)
        _write(draw, (12, top + 6), endpoint, 13, _TEXT)
        _write(draw, (12, top + 26), translate("monitor", "mesures : {n}, échecs : {f}").format(
            n=len(probes), f=sum(not r.ok for r in probes)), 12, _TEXT)
        _write(draw, (12, top + 44), translate("monitor", "temps max : {ms} ms").format(
            ms=scale), 12, _LINE)
        plot_top, strip_top = top + 6, top + 6 + _PLOT + 4
        draw.rectangle((_LEFT, strip_top, _LEFT + plot_w, strip_top + _STRIP), fill=_NONE)
        points: list[tuple[float, float]] = []
        for index, record in enumerate(probes):
            nxt = probes[index + 1].t if index + 1 < len(probes) else record.t + interval_ms
            x0 = x_of(max(record.t, start_ms))
            x1 = x_of(min(nxt, record.t + 2 * interval_ms, end_ms))
            draw.rectangle((x0, strip_top, max(x0 + 1, x1), strip_top + _STRIP),
                           fill=_OK if record.ok else _FAIL)
            if record.ok:
                points.append((x0, plot_top + _PLOT - record.ms / scale * _PLOT))
                continue
            # A failure has no response time: the line breaks there.
            if len(points) > 1:
                draw.line(points, fill=_LINE, width=2)
            points = []
        if len(points) > 1:
            draw.line(points, fill=_LINE, width=2)
        elif points:
            px, py = points[0]
            draw.ellipse((px - 2, py - 2, px + 2, py + 2), fill=_LINE)
        if outage is not None and outage[0] == endpoint:
            o_start, o_end = outage[1], outage[2]
            sx = x_of(max(o_start, start_ms))
            ex = x_of(min(o_end, end_ms)) if o_end is not None else _LEFT + plot_w
            # Shaded, with a line at each end: a closed frame would make the label inside
            # it read as a picture rather than as text (to OCR, and to a quick eye).
            draw.rectangle((sx, top + 2, max(ex, sx + 2), top + _BAND - 4), fill=_SHADE)
            draw.line((sx, top + 2, sx, top + _BAND - 4), fill=_FAIL, width=2)
            if o_end is not None:
                draw.line((ex, top + 2, ex, top + _BAND - 4), fill=_FAIL, width=2)
            label = translate("monitor", "début {time}").format(time=_clock(o_start, tz))
            if o_end is not None:
                label += " — " + translate("monitor", "fin {time}").format(
                    time=_clock(o_end, tz))
            width = _width(draw, label, 13)
            lx = min(max(sx + 6, _LEFT), _LEFT + plot_w - width - 6)
            draw.rectangle((lx - 4, top + 6, lx + width + 4, top + 25), fill="white")
            _write(draw, (lx, top + 8), label, 13, _LABEL)
        draw.line((12, top + _BAND - 1, WIDTH - _RIGHT, top + _BAND - 1), fill=_GRID)

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()
