"""Translation hook for the core, which must not import Qt.

Source strings are French. The core calls ``translate(context, text)``;
``pyside6-lupdate`` extracts those calls like Qt's own, and the GUI (or the
CLI with ``--lang en``) installs Qt's translator with :func:`install`.
Without a translator the French source text is returned unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

_translator: Translator | None = None


def install(translator: Translator | None) -> None:
    """Route every later ``translate`` call through ``translator``."""
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    if _translator is None:
        return text
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a string for extraction where it is defined; translate it where shown."""
    return text
