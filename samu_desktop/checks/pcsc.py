"""Smart-card readers and cards through the system's PC/SC library (ctypes, no extra package).

pcsc-lite on Linux (``libpcsclite.so.1``) and WinSCard on Windows expose the
same calls with different integer sizes; both are handled here. Only reader
names and "a card is present" are read: no command is ever sent to a card.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from typing import Any

from samu_desktop.checks.probes import ReaderInfo, SmartCardState

SCARD_SCOPE_USER = 0
SCARD_STATE_UNAWARE = 0x0000
SCARD_STATE_PRESENT = 0x0020
SCARD_E_NO_SERVICE = 0x8010001D
SCARD_E_SERVICE_STOPPED = 0x8010001E
SCARD_E_NO_READERS_AVAILABLE = 0x8010002E

if sys.platform == "win32":
    _DWORD: Any = ctypes.c_uint32
    _CONTEXT: Any = ctypes.c_size_t  # ULONG_PTR
    _ATR_SIZE = 36
    _LIST_READERS = "SCardListReadersA"
    _STATUS_CHANGE = "SCardGetStatusChangeA"
elif sys.platform == "darwin":
    _DWORD = ctypes.c_uint32
    _CONTEXT = ctypes.c_int32
    _ATR_SIZE = 33
    _LIST_READERS = "SCardListReaders"
    _STATUS_CHANGE = "SCardGetStatusChange"
else:  # pcsc-lite: DWORD is unsigned long, SCARDCONTEXT is long
    _DWORD = ctypes.c_ulong
    _CONTEXT = ctypes.c_long
    _ATR_SIZE = 33
    _LIST_READERS = "SCardListReaders"
    _STATUS_CHANGE = "SCardGetStatusChange"


class _ReaderState(ctypes.Structure):
    _fields_ = (
        ("szReader", ctypes.c_char_p),
        ("pvUserData", ctypes.c_void_p),
        ("dwCurrentState", _DWORD),
        ("dwEventState", _DWORD),
        ("cbAtr", _DWORD),
        ("rgbAtr", ctypes.c_ubyte * _ATR_SIZE),
    )


def _load(name: str | None) -> Any:
    if name is None:
        if sys.platform == "win32":
            name = "winscard.dll"
        elif sys.platform == "darwin":
            name = "/System/Library/Frameworks/PCSC.framework/PCSC"
        else:
            name = ctypes.util.find_library("pcsclite") or "libpcsclite.so.1"
    return ctypes.CDLL(name)


def _code(rv: int) -> int:
    return rv & 0xFFFFFFFF


def read_smartcards(library: str | None = None) -> SmartCardState:
    """Readers and whether each holds a card; ``readers`` is None when PC/SC is unusable."""
    try:
        lib = _load(library)
    except OSError as exc:
        return SmartCardState(None, f"no PC/SC library: {exc}")
    context = _CONTEXT(0)
    rv = _code(lib.SCardEstablishContext(_DWORD(SCARD_SCOPE_USER), None, None,
                                         ctypes.byref(context)))
    if rv in (SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED):
        return SmartCardState(None, f"PC/SC service unavailable (0x{rv:08X})")
    if rv != 0:
        return SmartCardState(None, f"SCardEstablishContext 0x{rv:08X}")
    try:
        return _readers(lib, context)
    finally:
        lib.SCardReleaseContext(context)


def _readers(lib: Any, context: Any) -> SmartCardState:
    list_readers = getattr(lib, _LIST_READERS)
    size = _DWORD(0)
    rv = _code(list_readers(context, None, None, ctypes.byref(size)))
    if rv == SCARD_E_NO_READERS_AVAILABLE:
        return SmartCardState([])
    if rv != 0:
        return SmartCardState(None, f"SCardListReaders 0x{rv:08X}")
    buffer = ctypes.create_string_buffer(max(int(size.value), 1))
    rv = _code(list_readers(context, None, buffer, ctypes.byref(size)))
    if rv == SCARD_E_NO_READERS_AVAILABLE:
        return SmartCardState([])
    if rv != 0:
        return SmartCardState(None, f"SCardListReaders 0x{rv:08X}")
    names = [n for n in buffer.raw[: int(size.value)].split(b"\0") if n]
    if not names:
        return SmartCardState([])
    states = (_ReaderState * len(names))()
    for state, name in zip(states, names, strict=True):
        state.szReader = name
        state.dwCurrentState = SCARD_STATE_UNAWARE
    # Timeout 0: report the current state at once, never wait for a card.
    rv = _code(getattr(lib, _STATUS_CHANGE)(context, _DWORD(0), states, _DWORD(len(names))))
    if rv != 0:
        return SmartCardState(
            [ReaderInfo(n.decode("utf-8", "replace"), False) for n in names],
            f"SCardGetStatusChange 0x{rv:08X}",
        )
    return SmartCardState([
        ReaderInfo(n.decode("utf-8", "replace"), bool(s.dwEventState & SCARD_STATE_PRESENT))
        for n, s in zip(names, states, strict=True)
    ])
