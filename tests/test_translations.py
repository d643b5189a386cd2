"""Translations do not rot: every French string of the sources has its English text."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "translations" / "samu_desktop_en.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _plural_forms(message: ET.Element) -> bool:
    """Plurals (%n) hold their translations in <numerusform> elements, all filled."""
    forms = [(form.text or "").strip() for form in message.iter("numerusform")]
    return bool(forms) and all(forms)


def test_every_source_string_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (REPO / "samu_desktop").rglob("*.py")
                     if "generated" not in p.parts)
    sources += sorted(str(p) for p in (REPO / "ui").glob("*.ui"))
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", "-source-language", "fr",
                    "-target-language", "en", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=300)
    missing = [
        f"{context}: {source}"
        for (context, source), message in messages(fresh).items()
        if message.find("translation") is None
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not ((message.findtext("translation") or "").strip() or _plural_forms(message))
    ]
    assert missing == [], "run scripts/update_translations.sh and translate:\n" + "\n".join(
        missing[:30]
    )


def test_translations_keep_placeholders() -> None:
    placeholder = re.compile(r"\{[^{}]*\}")
    wrong = []
    for (context, source), message in messages(TS).items():
        translation = message.findtext("translation") or ""
        if sorted(placeholder.findall(source)) != sorted(placeholder.findall(translation)):
            wrong.append(f"{context}: {source!r} -> {translation!r}")
    assert wrong == []


FR_TS = REPO / "resources" / "translations" / "samu_desktop_fr.ts"


def test_french_plurals_have_both_forms_and_no_parenthesised_s(tmp_path: Path) -> None:
    """French is the source language, but "%n zone(s)" needs its two forms: the French
    file holds them (lupdate -pluralonly), refreshed from the sources here."""
    fresh = tmp_path / "fresh_fr.ts"
    shutil.copy(FR_TS, fresh)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (REPO / "samu_desktop").rglob("*.py")
                     if "generated" not in p.parts)
    subprocess.run([str(lupdate), "-pluralonly", "-no-obsolete", "-locations", "none",
                    "-source-language", "fr", "-target-language", "fr", *sources,
                    "-ts", str(fresh)], check=True, capture_output=True, timeout=300)
    wrong = []
    numerus = [(key, m) for key, m in messages(fresh).items() if m.get("numerus") == "yes"]
    assert numerus, "no %n string found"
    for (context, source), message in numerus:
        forms = [f.text or "" for f in message.iter("numerusform")]
        translation = message.find("translation")
        if (translation is None or translation.get("type") == "unfinished"
                or len(forms) != 2 or not all(forms) or any("(s)" in f for f in forms)):
            wrong.append(f"{context}: {source}")
    assert wrong == [], "fill the French forms in samu_desktop_fr.ts:\n" + "\n".join(wrong)


def test_french_plural_forms_are_used_by_the_interface(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from samu_desktop.gui.i18n import install_translators
    from samu_desktop.i18n import install

    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "fr")
    try:
        def tr(n: int) -> str:
            return QCoreApplication.translate("RedactionEditor", "%n zone(s) masquée(s)", "", n)
        assert (tr(0), tr(1), tr(3)) == ("0 zone masquée", "1 zone masquée", "3 zones masquées")
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        install(None)
