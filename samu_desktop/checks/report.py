"""The prerequisites report as JSON, HTML and plain text, ready to attach to an e-mail.

Functions return text; writing it anywhere is the caller's choice (the CLI
uses :func:`samu_desktop.fsutil.atomic_write_text`). Nothing here reads the
network or the disk, and no value is put into HTML without escaping.
"""

from __future__ import annotations

import html
import json
from typing import Any

from samu_desktop.checks.model import CheckReport, CheckResult, Status
from samu_desktop.i18n import translate

_COLOURS = {
    Status.PASS: ("#1e7b34", "#e6f4ea"),
    Status.WARNING: ("#8a5a00", "#fff4ce"),
    Status.FAILURE: ("#b00020", "#fde7ea"),
    Status.NOT_APPLICABLE: ("#555555", "#f0f0f0"),
}
_SYMBOLS = {Status.PASS: "✔", Status.WARNING: "⚠", Status.FAILURE: "✖",
            Status.NOT_APPLICABLE: "–"}


def auth_mode_label(mode: str) -> str:
    """The procedure's own words for each login method."""
    labels = {
        "otp_mail": translate("checks", "Login & mot de passe & OTP Mail"),
        "otp_sms": translate("checks", "Login & mot de passe & OTP SMS"),
        "cps": translate("checks", "Carte de la famille CPS"),
    }
    return labels.get(mode, mode)


def overall_sentence(report: CheckReport) -> str:
    if report.cancelled:
        return translate("checks", "Test interrompu : les résultats sont incomplets.")
    status = report.status
    if status is Status.FAILURE:
        return translate("checks", "Au moins un prérequis n'est pas rempli.")
    if status is Status.WARNING:
        return translate("checks", "Les prérequis sont remplis, avec des avertissements.")
    return translate("checks", "Tous les prérequis vérifiés sont remplis.")


def local_time(report: CheckReport) -> str:
    """The test's date in the workstation's time zone, with the offset spelled out."""
    moment = report.generated_at.astimezone()
    offset = moment.strftime("%z")
    return moment.strftime("%d/%m/%Y %H:%M:%S") + f" (UTC{offset[:3]}:{offset[3:]})"


def report_filename(report: CheckReport, extension: str) -> str:
    stamp = report.generated_at.strftime("%Y%m%d-%H%M%S")
    return f"prerequis-{stamp}.{extension}"


def report_to_json(report: CheckReport) -> str:
    data: dict[str, Any] = report.model_dump(mode="json")
    data["status"] = report.status.value
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_from_json(text: str) -> CheckReport:
    data = json.loads(text)
    data.pop("status", None)  # derived from the results
    return CheckReport.model_validate(data)


def report_to_text(report: CheckReport) -> str:
    """A plain-text summary for the body of an e-mail."""
    lines = [
        translate("checks", "Test des prérequis du poste — {sentence}").format(
            sentence=overall_sentence(report)),
        translate("checks", "Date : {date}").format(date=local_time(report)),
        translate("checks", "Environnement : {env} ; connexion : {auth}").format(
            env=report.environment, auth=auth_mode_label(report.auth_mode)),
        translate("checks", "Poste : {host}, {system} {version}").format(
            host=report.machine.hostname, system=report.machine.system,
            version=report.machine.system_version),
    ]
    if report.versions:
        lines.append(translate("checks", "Versions : {versions}").format(
            versions=", ".join(f"{k} {v}" for k, v in report.versions.items())))
    lines.append("")
    for result in report.results:
        lines.append(f"[{result.status.label()}] {result.title} : {result.explanation}")
        if result.action and result.status in (Status.WARNING, Status.FAILURE):
            lines.append("    → " + result.action)
    return "\n".join(lines) + "\n"


def _detail_html(value: Any) -> str:
    if isinstance(value, dict):
        if not value:
            return "—"
        rows = "".join(
            f"<tr><th>{html.escape(str(k))}</th><td>{_detail_html(v)}</td></tr>"
            for k, v in value.items()
        )
        return f"<table class='kv'>{rows}</table>"
    if isinstance(value, list):
        if not value:
            return "—"
        return "<ul>" + "".join(f"<li>{_detail_html(v)}</li>" for v in value) + "</ul>"
    if value is None or value == "":
        return "—"
    return html.escape(str(value))


def result_details_html(result: CheckResult) -> str:
    """One result as an HTML fragment (explanation, what to do, details), for a detail pane."""
    fg, _ = _COLOURS[result.status]
    parts = [
        f"<p><b style='color:{fg}'>{html.escape(result.status.label())}</b> — "
        f"{html.escape(result.explanation)}</p>"
    ]
    if result.action:
        parts.append(f"<p><b>{html.escape(translate('checks', 'Que faire'))} :</b> "
                     f"{html.escape(result.action)}</p>")
    if result.details:
        parts.append(_detail_html(result.details))
    parts.append(f"<p style='color:#555'>{round(result.duration_s * 1000)} ms</p>")
    return "".join(parts)


def _result_html(result: CheckResult) -> str:
    fg, bg = _COLOURS[result.status]
    action = (f"<p class='action'><b>{html.escape(translate('checks', 'Que faire'))} :</b> "
              f"{html.escape(result.action)}</p>" if result.action else "")
    details = ""
    if result.details:
        details = (f"<details><summary>{html.escape(translate('checks', 'Détails'))}</summary>"
                   f"{_detail_html(result.details)}</details>")
    return (
        f"<tr id='check-{html.escape(result.id)}'>"
        f"<td class='status' style='color:{fg};background:{bg}'>"
        f"{_SYMBOLS[result.status]} {html.escape(result.status.label())}</td>"
        f"<td><b>{html.escape(result.title)}</b><p>{html.escape(result.explanation)}</p>"
        f"{action}{details}</td>"
        f"<td class='num'>{round(result.duration_s * 1000)} ms</td></tr>"
    )


def report_to_html(report: CheckReport) -> str:
    """A self-contained HTML page (inline style, no script, no external resource)."""
    t = translate
    counts = report.counts()
    machine = report.machine
    info_rows = [
        (t("checks", "Date du test"), local_time(report)),
        (t("checks", "Environnement"), report.environment),
        (t("checks", "Mode de connexion"), auth_mode_label(report.auth_mode)),
        (t("checks", "Poste"), machine.hostname),
        (t("checks", "Système"), f"{machine.system} {machine.system_version}"),
        (t("checks", "Architecture"), machine.architecture),
        (t("checks", "Application"), f"samu-desktop {report.app_version}"),
        (t("checks", "Durée du test"), f"{report.duration_s:.2f} s"),
    ]
    info_rows += [(name, version) for name, version in report.versions.items()]
    info = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                   for k, v in info_rows)
    summary = " · ".join(
        f"{html.escape(status.label())} : {counts[status]}" for status in Status
    )
    fg, bg = _COLOURS[Status.WARNING if report.cancelled else report.status]
    rows = "".join(_result_html(r) for r in report.results)
    title = html.escape(t("checks", "Test des prérequis du poste de travail"))
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; color: #222; }}
table {{ border-collapse: collapse; }}
.results {{ width: 100%; }}
.results td, .results th {{ border: 1px solid #ccc; padding: .4em .6em; vertical-align: top; }}
.info th {{ text-align: left; padding-right: 1em; }}
.status {{ white-space: nowrap; font-weight: bold; }}
.num {{ text-align: right; white-space: nowrap; }}
.kv th {{ text-align: left; font-weight: normal; color: #555; padding-right: 1em; }}
.banner {{ padding: .6em 1em; font-weight: bold; }}
p {{ margin: .3em 0; }}
</style></head><body>
<h1>{title}</h1>
<p class="banner" style="color:{fg};background:{bg}">{html.escape(overall_sentence(report))}</p>
<table class="info">{info}</table>
<p>{summary}</p>
<table class="results"><thead><tr><th>{html.escape(t("checks", "Résultat"))}</th>
<th>{html.escape(t("checks", "Vérification"))}</th>
<th>{html.escape(t("checks", "Durée"))}</th></tr></thead>
<tbody>{rows}</tbody></table>
</body></html>
"""
