"""Workstation checks: operating system, screens, audio output, proxy settings."""

from __future__ import annotations

from samu_desktop.checks import proxy as px
from samu_desktop.checks.model import Detail, Outcome, Status
from samu_desktop.checks.probes import AudioProbe, ProbeUnavailable, ScreenProbe, SystemProbe
from samu_desktop.i18n import translate

# Windows 11 still calls itself "Windows 10" in ProductName: the build tells.
_WIN11_BUILD = 22000
_WIN10_BUILD = 10240


def windows_marketing_name(name: str, build: str) -> str:
    number = build.split(".", 1)[0]
    if number.isdigit() and int(number) >= _WIN11_BUILD:
        return name.replace("Windows 10", "Windows 11")
    return name


def check_os(probe: SystemProbe) -> Outcome:
    info = probe.os_info()
    details: dict[str, Detail] = {
        "family": info.family,
        "name": info.name,
        "version": info.version,
        "build": info.build,
        "architecture": info.architecture,
    }
    shown = info.name if info.version in info.name else f"{info.name} {info.version}".strip()
    versions = {translate("checks", "Système"): shown}
    if info.family == "windows":
        number = info.build.split(".", 1)[0]
        build = int(number) if number.isdigit() else 0
        if build >= _WIN10_BUILD:
            return Outcome(
                Status.PASS,
                translate("checks", "{system} : système pris en charge par le SI-SAMU.").format(
                    system=shown
                ),
                details=details,
                versions=versions,
            )
        return Outcome(
            Status.FAILURE,
            translate(
                "checks", "{system} n'est plus pris en charge : le poste SI-SAMU est sous "
                "Windows 10 ou 11."
            ).format(system=shown),
            translate("checks", "Demandez à votre service informatique de mettre le poste à jour."),
            details,
            versions,
        )
    return Outcome(
        Status.WARNING,
        translate(
            "checks", "Ce poste est sous {system} ; le poste de référence du SI-SAMU est sous "
            "Windows 10 ou 11."
        ).format(system=shown),
        translate(
            "checks", "Précisez-le dans votre demande : certaines fonctions peuvent se comporter "
            "autrement sur ce système."
        ),
        details,
        versions,
    )


def check_screens(probe: ScreenProbe) -> Outcome:
    try:
        screens = probe.screens()
    except ProbeUnavailable as exc:
        return Outcome(
            Status.WARNING,
            translate("checks", "Les écrans n'ont pas pu être lus."),
            translate("checks", "Lancez le test depuis la session graphique de l'utilisateur."),
            {"error": str(exc)},
        )
    sizes = [f"{s.width}×{s.height}" for s in screens]
    details: dict[str, Detail] = {"screens": sizes}
    if any(s.width >= 1920 and s.height >= 1080 for s in screens):
        return Outcome(
            Status.PASS,
            translate("checks", "Écrans : {sizes} (au moins un en 1920×1080 ou plus).").format(
                sizes=", ".join(sizes)
            ),
            details=details,
        )
    return Outcome(
        Status.WARNING,
        translate(
            "checks", "Aucun écran n'atteint 1920×1080 ({sizes}) : les outils du SI-SAMU "
            "peuvent ne pas s'afficher en entier."
        ).format(sizes=", ".join(sizes) or "—"),
        translate(
            "checks", "Vérifiez la résolution dans les paramètres d'affichage (1920×1080 "
            "recommandé) ou demandez un écran Full HD à votre service informatique."
        ),
        details,
    )


def check_audio(probe: AudioProbe) -> Outcome:
    outputs = probe.audio_outputs()
    if outputs is None:
        return Outcome(
            Status.NOT_APPLICABLE,
            translate("checks", "Les sorties audio ne peuvent pas être vérifiées sur ce système."),
        )
    if not outputs:
        return Outcome(
            Status.WARNING,
            translate(
                "checks", "Aucune sortie audio n'a été trouvée : la réécoute des enregistrements "
                "sera impossible sur ce poste."
            ),
            translate(
                "checks", "Branchez un casque ou des haut-parleurs ; si rien ne change, "
                "contactez votre service informatique."
            ),
            {"outputs": []},
        )
    return Outcome(
        Status.PASS,
        translate("checks", "Sortie audio présente : {outputs}.").format(
            outputs=", ".join(outputs)
        ),
        details={"outputs": list(outputs)},
    )


def check_proxy(probe: px.NetProbe) -> Outcome:
    """For the report only: what Firefox, the system and the environment say about proxies."""
    env = {k: px.mask_credentials(v) for k, v in px.environment_proxies(probe.environ).items()}
    system = probe.system_proxy()
    firefox = px.firefox_proxy(probe)
    details: dict[str, Detail] = {
        "environment": dict(env),
        "system": {
            "mode": system.mode,
            "servers": {k: px.mask_credentials(v) for k, v in system.servers.items()},
            "bypass": list(system.bypass),
            "pac_url": px.mask_credentials(system.pac_url),
            "source": system.source,
        },
    }
    if firefox is not None:
        details["firefox"] = {
            "mode": firefox.mode,
            "servers": {k: px.mask_credentials(v) for k, v in firefox.servers.items()},
            "bypass": firefox.bypass,
            "pac_url": px.mask_credentials(firefox.pac_url),
        }
    parts = []
    firefox_text = {
        "none": translate("checks", "aucun proxy"),
        "manual": translate("checks", "proxy manuel"),
        "pac": translate("checks", "script de configuration (PAC)"),
        "wpad": translate("checks", "détection automatique"),
        "system": translate("checks", "proxy du système"),
    }
    if firefox is not None:
        shown = firefox_text.get(firefox.mode, firefox.mode)
        if firefox.servers:
            shown += " (" + ", ".join(sorted(set(firefox.servers.values()))) + ")"
        parts.append(translate("checks", "Firefox : {mode}").format(mode=shown))
    system_text = {
        "none": translate("checks", "aucun proxy"),
        "manual": translate("checks", "proxy manuel"),
        "auto": translate("checks", "configuration automatique"),
        "unknown": translate("checks", "non déterminé"),
    }[system.mode]
    if system.servers:
        system_text += " (" + ", ".join(sorted(set(details_servers(system.servers)))) + ")"
    parts.append(translate("checks", "système : {mode}").format(mode=system_text))
    parts.append(
        translate("checks", "variables d'environnement : {names}").format(
            names=", ".join(sorted(env)) or translate("checks", "aucune")
        )
    )
    text = " ; ".join(parts) + "."
    return Outcome(Status.PASS, text[:1].upper() + text[1:], details=details)


def details_servers(servers: dict[str, str]) -> list[str]:
    return [px.mask_credentials(v) for v in servers.values()]
