"""``samu-desktop check``: exit codes, JSON on stdout, the HTML file, settings from disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from checks_servers import BlackHole, HttpsServer, LoopbackCA, free_port

from samu_desktop import cli
from samu_desktop.config.paths import AppPaths


def save_settings(**values: Any) -> None:
    path = AppPaths.default().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, **values}))


def test_exit_2_on_failure_with_json(capsys: pytest.CaptureFixture[str]) -> None:
    save_settings(portal_url_formation=f"https://127.0.0.1:{free_port()}/",
                  check_timeout_s=1)
    code = cli.main(["check", "--json", "--env", "formation", "--only", "portal"])
    data = json.loads(capsys.readouterr().out)
    assert code == 2
    assert data["environment"] == "formation"
    assert [r["id"] for r in data["results"]] == ["portal"]
    assert data["results"][0]["status"] == "failure"


def test_exit_1_on_warning_and_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    save_settings(portal_url_production="")
    code = cli.main(["check", "--only", "portal", "--only", "session_server"])
    out = capsys.readouterr().out
    assert code == 1
    assert "[Avertissement] Accès au portail SI-SAMU" in out
    assert "[Sans objet] Session Server" in out
    assert "Les prérequis sont remplis, avec des avertissements." in out


def test_exit_0_and_html_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_settings(session_server_url="")
    html = tmp_path / "rapports" / "prerequis.html"
    code = cli.main(["check", "--only", "session_server", "--html", str(html)])
    assert code == 0  # "not applicable" is not a problem
    page = html.read_text(encoding="utf-8")
    assert "Session Server (bandeau)" in page and "Sans objet" in page
    assert not list(html.parent.glob(".*.tmp"))  # written atomically


def test_unwritable_html_path_is_a_clear_error(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("")
    code = cli.main(["check", "--only", "session_server", "--html",
                     str(blocker / "sous-dossier" / "r.html")])
    assert code == 3
    assert "Impossible d'enregistrer" in capsys.readouterr().err


def test_console_entry_point_without_display(isolated_home: Path) -> None:
    """The real command, in a child process with no DISPLAY and Qt unavailable."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    code = ("import sys; sys.modules['PySide6'] = None; "
            "from samu_desktop.cli import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", code, "check", "--json", "--only", "os",
                           "--only", "firefox"], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode in (0, 1, 2), done.stderr
    data = json.loads(done.stdout)
    assert {r["id"] for r in data["results"]} == {"os", "firefox"}
    assert done.returncode == max({"pass": 0, "not_applicable": 0, "warning": 1,
                                   "failure": 2}[r["status"]] for r in data["results"])


@pytest.mark.skipif(sys.platform == "win32",
                    reason="the test CA comes through SSL_CERT_FILE; Windows reads its store")
def test_portal_passes_through_truststore_in_the_real_command(
    https_server: HttpsServer, test_ca: LoopbackCA
) -> None:
    """Production TLS path (truststore, no test hook): on Linux it reads OpenSSL's default
    verify paths, which SSL_CERT_FILE moves to the test CA for this child process only."""
    save_settings(portal_url_production=https_server.url(),
                  tls_expected_issuers=["Autorite de test SAMU"])
    env = dict(os.environ, SSL_CERT_FILE=str(test_ca.ca_file))
    done = subprocess.run([sys.executable, "-m", "samu_desktop", "check", "--json", "--only",
                           "portal"], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    data = json.loads(done.stdout)
    assert done.returncode == 0, data["results"][0]["explanation"]
    assert data["results"][0]["details"]["http_status"] == 200
    assert https_server.behaviour.requests == ["/"]


@pytest.mark.posix_only
def test_ctrl_c_cancels_the_command(blackhole: BlackHole) -> None:
    """SIGINT while the portal check hangs on a black-holed port (20 s timeout)."""
    save_settings(portal_url_production=blackhole.url(), check_timeout_s=20)
    proc = subprocess.Popen([sys.executable, "-m", "samu_desktop", "check", "--only", "portal"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("Test des prérequis du poste")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=15)
    assert proc.returncode == 130
    assert "Test annulé." in err
