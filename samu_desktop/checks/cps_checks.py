"""CPS smart-card login: Cryptolib CPS, its Firefox module, the card service, reader and card.

Only relevant when the user logs in with a CPS-family card (setting
``auth_mode``). Each step is reported; the check takes the worst of them.
"""

from __future__ import annotations

import re
from typing import Protocol

from samu_desktop.checks import firefox_files as ff
from samu_desktop.checks.model import Detail, Outcome, Status, worst_status
from samu_desktop.checks.probes import CpsProbe, FirefoxConfigProbe
from samu_desktop.i18n import translate

# The Cryptolib's PKCS#11 library: cps3_pkcs11_w64.dll, libcps3_pkcs11_lux.so, …_osx.dylib
_CPS_MODULE = re.compile(r"cps3?_pkcs11", re.IGNORECASE)


class CpsFirefoxProbe(CpsProbe, FirefoxConfigProbe, Protocol):
    """What the CPS check reads."""


def version_tuple(text: str) -> tuple[int, ...]:
    numbers = re.findall(r"\d+", text)
    return tuple(int(n) for n in numbers[:4])


def version_at_least(version: str, minimum: str) -> bool:
    have, need = version_tuple(version), version_tuple(minimum)
    width = max(len(have), len(need))
    return have + (0,) * (width - len(have)) >= need + (0,) * (width - len(need))


def _firefox_modules(probe: CpsFirefoxProbe) -> list[str]:
    modules: list[str] = list(probe.firefox_registered_modules())
    modules += ff.policy_security_devices(probe.firefox_policies())
    for root in probe.firefox_profile_roots():
        for profile in ff.read_profiles(root):
            if profile.is_default:
                modules += ff.pkcs11_modules(profile.path)
    return modules


def check_cps(probe: CpsFirefoxProbe, auth_mode: str, min_version: str) -> Outcome:
    if auth_mode != "cps":
        return Outcome(
            Status.NOT_APPLICABLE,
            translate(
                "checks", "Vous vous connectez sans carte CPS (réglage « mode de connexion ») : "
                "rien à vérifier."
            ),
        )
    steps: list[tuple[str, Status, str, str]] = []  # (id, status, message, action)

    lib = probe.cryptolib()
    if not lib.installed:
        steps.append((
            "cryptolib", Status.FAILURE,
            translate("checks", "La Cryptolib CPS n'est pas installée."),
            translate(
                "checks", "Demandez à votre service informatique d'installer la Cryptolib CPS "
                "{version} ou plus récente."
            ).format(version=min_version),
        ))
    elif not lib.version:
        steps.append((
            "cryptolib", Status.WARNING,
            translate("checks", "La Cryptolib CPS est installée mais sa version n'a pas pu "
                      "être lue."),
            translate("checks", "Vérifiez avec votre service informatique qu'il s'agit de la "
                      "version {version} ou plus récente.").format(version=min_version),
        ))
    elif not version_at_least(lib.version, min_version):
        steps.append((
            "cryptolib", Status.FAILURE,
            translate("checks", "La Cryptolib CPS {found} est trop ancienne : la version "
                      "{version} ou plus récente est nécessaire pour les cartes CPS4.").format(
                found=lib.version, version=min_version),
            translate("checks", "Demandez à votre service informatique de mettre la Cryptolib "
                      "CPS à jour."),
        ))
    else:
        steps.append(("cryptolib", Status.PASS, translate(
            "checks", "Cryptolib CPS {found} installée.").format(found=lib.version), ""))
    if lib.installed and not lib.module_present:
        steps.append((
            "module_file", Status.FAILURE,
            translate("checks", "La bibliothèque de la Cryptolib CPS est introuvable ({path}).")
            .format(path=lib.module_path or "?"),
            translate("checks", "Demandez à votre service informatique de réinstaller la "
                      "Cryptolib CPS."),
        ))

    modules = _firefox_modules(probe)
    if any(_CPS_MODULE.search(m) for m in modules):
        steps.append(("firefox_module", Status.PASS,
                      translate("checks", "Le module de sécurité CPS est déclaré dans Firefox."),
                      ""))
    else:
        steps.append((
            "firefox_module", Status.FAILURE,
            translate("checks", "Le module de sécurité CPS n'est pas déclaré dans Firefox : "
                      "la connexion par carte sera refusée."),
            translate("checks", "Dans Firefox, Paramètres > Vie privée et sécurité > "
                      "Périphériques de sécurité, chargez le module de la Cryptolib CPS, ou "
                      "demandez-le à votre service informatique."),
        ))

    service = probe.smartcard_service()
    if service in ("running", "activatable"):
        steps.append(("service", Status.PASS,
                      translate("checks", "Le service de carte à puce fonctionne."), ""))
    elif service == "stopped":
        steps.append((
            "service", Status.FAILURE,
            translate("checks", "Le service de carte à puce est arrêté (SCardSvr sous Windows, "
                      "pcscd sous Linux)."),
            translate("checks", "Demandez à votre service informatique de démarrer le service "
                      "de carte à puce."),
        ))
    else:
        steps.append(("service", Status.WARNING,
                      translate("checks", "L'état du service de carte à puce n'a pas pu être "
                                "lu."), ""))

    cards = probe.smartcards()
    readers = cards.readers
    if readers is None:
        steps.append((
            "reader", Status.WARNING,
            translate("checks", "Les lecteurs de carte n'ont pas pu être interrogés."),
            translate("checks", "Vérifiez que le lecteur est branché et que son voyant est "
                      "allumé."),
        ))
    elif not readers:
        steps.append((
            "reader", Status.FAILURE,
            translate("checks", "Aucun lecteur de carte n'est branché."),
            translate("checks", "Branchez le lecteur de carte CPS, attendez quelques secondes, "
                      "puis relancez cette vérification."),
        ))
    else:
        steps.append(("reader", Status.PASS, translate(
            "checks", "Lecteur de carte : {names}.").format(
                names=", ".join(r.name for r in readers)), ""))
        if any(r.card_present for r in readers):
            steps.append(("card", Status.PASS,
                          translate("checks", "Une carte est insérée."), ""))
        else:
            steps.append((
                "card", Status.WARNING,
                translate("checks", "Aucune carte n'est insérée dans le lecteur."),
                translate("checks", "Insérez votre carte CPS puis relancez cette "
                          "vérification."),
            ))

    status = worst_status(s[1] for s in steps)
    problems = [s for s in steps if s[1] in (Status.FAILURE, Status.WARNING)]
    details: dict[str, Detail] = {
        "steps": [{"step": s[0], "status": s[1].value, "message": s[2]} for s in steps],
        "cryptolib_version": lib.version,
        "cryptolib_source": lib.source,
        "minimum_version": min_version,
        "firefox_modules": modules,
    }
    if cards.error:
        details["pcsc_error"] = cards.error
    versions = {"Cryptolib CPS": lib.version} if lib.version else {}
    if not problems:
        return Outcome(
            Status.PASS,
            translate("checks", "Carte CPS : tout est prêt (Cryptolib {version}, module "
                      "Firefox, service, lecteur et carte).").format(version=lib.version),
            details=details,
            versions=versions,
        )
    ordered = sorted(problems, key=lambda s: -s[1].severity)
    explanation = " ".join(s[2] for s in ordered)
    action = next((s[3] for s in ordered if s[3]), "")
    return Outcome(status, explanation, action, details, versions)
