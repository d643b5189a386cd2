"""Browser checks: Firefox and its version, other browsers, a profile that forgets cookies."""

from __future__ import annotations

from dataclasses import dataclass

from samu_desktop.checks import firefox_files as ff
from samu_desktop.checks.model import Detail, Outcome, Status, display_path
from samu_desktop.checks.probes import BrowserProbe, FirefoxConfigProbe, FirefoxInstall
from samu_desktop.i18n import translate


@dataclass(frozen=True)
class SupportedVersion:
    major: int
    esr_only: bool

    @classmethod
    def parse(cls, text: str) -> SupportedVersion | None:
        text = text.strip().lower()
        esr = text.endswith("esr")
        head = text.removesuffix("esr").strip().split(".", 1)[0]
        return cls(int(head), esr) if head.isdigit() else None


def _verdict(install: FirefoxInstall, supported: list[SupportedVersion]) -> str:
    major = install.major
    esr = install.channel == "esr"
    if major is None:
        return "unlisted"
    if any(s.major == major and (esr or not s.esr_only) for s in supported):
        return "supported"
    if supported and major < min(s.major for s in supported):
        return "too_old"
    if any(s.esr_only for s in supported) and not esr:
        return "not_esr"
    return "unlisted"


_RANK = {"supported": 0, "unlisted": 1, "not_esr": 2, "too_old": 3}


def check_firefox(probe: BrowserProbe, supported_versions: list[str]) -> Outcome:
    installs = probe.firefox_installs()
    supported = [s for s in map(SupportedVersion.parse, supported_versions) if s is not None]
    listed = ", ".join(supported_versions) or "—"
    if not installs:
        return Outcome(
            Status.FAILURE,
            translate("checks", "Firefox n'est pas installé sur ce poste."),
            translate(
                "checks",
                "Demandez à votre service informatique d'installer Firefox ESR, le navigateur "
                "des outils du SI-SAMU.",
            ),
            {"supported": list(supported_versions)},
        )
    ranked = sorted(installs, key=lambda i: _RANK[_verdict(i, supported)])
    best = ranked[0]
    verdict = _verdict(best, supported)
    details: dict[str, Detail] = {
        "version": best.display_version,
        "channel": best.channel or "?",
        "path": str(best.path),
        "supported": list(supported_versions),
        "installations": [
            {"path": str(i.path), "version": i.display_version, "channel": i.channel}
            for i in installs
        ],
    }
    versions = {"Firefox": best.display_version}
    version = best.display_version
    if verdict == "supported":
        return Outcome(
            Status.PASS,
            translate(
                "checks", "Firefox {version} est installé et fait partie des versions prises "
                "en charge ({listed})."
            ).format(version=version, listed=listed),
            details=details,
            versions=versions,
        )
    if verdict == "too_old":
        return Outcome(
            Status.FAILURE,
            translate(
                "checks", "Firefox {version} est trop ancien : les versions prises en charge "
                "sont {listed}."
            ).format(version=version, listed=listed),
            translate(
                "checks", "Demandez à votre service informatique de mettre Firefox ESR à jour."
            ),
            details,
            versions,
        )
    if verdict == "not_esr":
        return Outcome(
            Status.WARNING,
            translate(
                "checks", "Firefox {version} n'est pas une version ESR (canal « {channel} ») ; "
                "les versions prises en charge sont {listed}."
            ).format(version=version, channel=best.channel or "?", listed=listed),
            translate(
                "checks", "Demandez à votre service informatique d'installer Firefox ESR."
            ),
            details,
            versions,
        )
    return Outcome(
        Status.WARNING,
        translate(
            "checks", "Firefox {version} ne fait pas partie des versions prises en charge "
            "({listed})."
        ).format(version=version, listed=listed),
        translate(
            "checks", "Signalez cette version dans votre demande ; si l'incident persiste, "
            "demandez à votre service informatique une version prise en charge."
        ),
        details,
        versions,
    )


def check_other_browsers(probe: BrowserProbe) -> Outcome:
    browsers = probe.other_browsers()
    if not browsers:
        return Outcome(
            Status.NOT_APPLICABLE,
            translate("checks", "Ni Chrome ni Edge ne sont installés sur ce poste."),
        )
    text = ", ".join(f"{b.name} {b.version}" for b in browsers)
    return Outcome(
        Status.PASS,
        translate("checks", "Pour information : {browsers}.").format(browsers=text),
        details={"browsers": [{"name": b.name, "version": b.version} for b in browsers]},
        versions={b.name: b.version for b in browsers},
    )


# -- the profile that forgets the user–phone pairing ---------------------------------

_COOKIES_OLD = "privacy.clearOnShutdown.cookies"
_COOKIES_V2 = "privacy.clearOnShutdown_v2.cookiesAndStorage"
# Firefox 128 moved "clear on shutdown" to the _v2 preferences.
_V2_SINCE = 128


def cookie_loss_reasons(prefs: ff.Prefs, major: int | None) -> list[str]:
    """Preferences that make Firefox lose the portal's cookies when it closes."""
    values = prefs.values
    reasons: list[str] = []
    if values.get("privacy.sanitize.sanitizeOnShutdown") is True:
        # Both cookie preferences default to true in Firefox's own defaults.
        old = values.get(_COOKIES_OLD, True) is not False
        new = values.get(_COOKIES_V2, True) is not False
        clears = (old or new) if major is None else (new if major >= _V2_SINCE else old)
        if clears:
            reasons.append("privacy.sanitize.sanitizeOnShutdown")
    if values.get("network.cookie.lifetimePolicy") == 2:
        reasons.append("network.cookie.lifetimePolicy")
    if values.get("browser.privatebrowsing.autostart") is True:
        reasons.append("browser.privatebrowsing.autostart")
    if values.get("network.cookie.cookieBehavior") == 2:
        reasons.append("network.cookie.cookieBehavior")
    return reasons


def check_firefox_profile(probe: FirefoxConfigProbe) -> Outcome:
    home = probe.home
    installs = probe.firefox_installs()
    profiles = [p for root in probe.firefox_profile_roots() for p in ff.read_profiles(root)]
    if not profiles:
        if not installs:
            return Outcome(
                Status.NOT_APPLICABLE,
                translate("checks", "Firefox n'est pas installé : aucun profil à vérifier."),
            )
        return Outcome(
            Status.WARNING,
            translate("checks", "Aucun profil Firefox n'a été trouvé pour cet utilisateur."),
            translate("checks", "Ouvrez Firefox une première fois, puis relancez le test."),
        )
    defaults = ff.install_default_prefs(installs[0]) if installs else ff.Prefs()
    sources = probe.firefox_policies()
    forced = ff.policy_prefs(sources)
    install_major = installs[0].major if installs else None
    rows: list[Detail] = []
    in_use_bad: list[str] = []
    other_bad: list[str] = []
    policy_bad = False
    for profile in profiles:
        prefs = ff.profile_prefs(profile.path, defaults)
        prefs.values.update(forced.values)
        major = ff.profile_last_major(profile.path) or install_major
        reasons = cookie_loss_reasons(prefs, major)
        if any(r in forced.locked for r in reasons) or (
            "privacy.sanitize.sanitizeOnShutdown" in reasons
            and {_COOKIES_OLD, _COOKIES_V2} & forced.locked
        ):
            policy_bad = True
        rows.append(
            {
                "name": profile.name,
                "path": display_path(profile.path, home),
                "in_use": profile.is_default,
                "loses_cookies": bool(reasons),
                "reasons": reasons,
            }
        )
        if reasons:
            (in_use_bad if profile.is_default else other_bad).append(profile.name)
    details: dict[str, Detail] = {
        "profiles": rows,
        "policies": [display_path(s.origin, home) for s in sources],
    }
    if in_use_bad:
        action = (
            translate(
                "checks", "Ce réglage est imposé par une stratégie de votre service "
                "informatique : demandez-lui d'autoriser la conservation des cookies du "
                "portail SI-SAMU."
            )
            if policy_bad
            else translate(
                "checks", "Dans Firefox, ouvrez Paramètres > Vie privée et sécurité et décochez "
                "« Supprimer les cookies et les données des sites à la fermeture de Firefox » "
                "(et choisissez « Conserver l'historique »), puis redémarrez Firefox."
            )
        )
        return Outcome(
            Status.FAILURE,
            translate(
                "checks", "Le profil Firefox utilisé ({profile}) efface les cookies à la "
                "fermeture : l'association entre votre poste et votre téléphone dans le bandeau "
                "de communication est perdue à chaque redémarrage du navigateur."
            ).format(profile=", ".join(in_use_bad)),
            action,
            details,
        )
    if other_bad:
        return Outcome(
            Status.WARNING,
            translate(
                "checks", "Le profil Firefox utilisé conserve les cookies, mais un autre profil "
                "({profile}) les efface à la fermeture."
            ).format(profile=", ".join(other_bad)),
            translate(
                "checks", "Utilisez le profil habituel pour les outils du SI-SAMU, ou réglez "
                "aussi l'autre profil pour conserver les cookies."
            ),
            details,
        )
    explanation = translate("checks", "Firefox conserve les cookies à la fermeture.")
    if len(profiles) > 1:
        explanation += " " + translate(
            "checks", "{count} profils vérifiés."
        ).format(count=len(profiles))
    return Outcome(Status.PASS, explanation, details=details)
