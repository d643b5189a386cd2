"""``samu-desktop outbox [list|flush]``: the outbox from a terminal, without Qt.

``flush`` sends every waiting report now, whatever its retry time, through
the same sender as the application (and the same per-report locks, so both
can run at once). ``--all`` also retries reports that wait for an action.
Exit code: 0 when nothing is left to send, 1 otherwise.
"""

from __future__ import annotations

import argparse
from typing import Any

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.store import SettingsStore
from samu_desktop.i18n import translate
from samu_desktop.logsetup import close_logging, setup_logging
from samu_desktop.mail.outbox import EntryState, Outbox, OutboxRecord, state_label, status_text
from samu_desktop.mail.sender import OutboxSender


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "outbox",
        help=translate("cli", "boîte d'envoi : lister ou envoyer les signalements en attente"),
        description=translate(
            "cli", "Lister les signalements de la boîte d'envoi, ou les envoyer maintenant."
        ),
    )
    actions = parser.add_subparsers(dest="outbox_action", metavar="ACTION")
    actions.add_parser("list", help=translate("cli", "lister les signalements (par défaut)"))
    flush = actions.add_parser("flush", help=translate("cli", "envoyer maintenant ce qui attend"))
    flush.add_argument(
        "--all",
        action="store_true",
        help=translate("cli", "réessayer aussi les signalements qui attendent une action"),
    )
    parser.set_defaults(run=run, outbox_action="list", all=False)


def run(args: argparse.Namespace) -> int:
    paths = AppPaths.default()
    setup_logging(paths.log_dir)
    try:
        outbox = Outbox(paths.outbox_dir)
        if args.outbox_action == "flush":
            return _flush(outbox, paths, include_needs_action=bool(args.all))
        return _list(outbox)
    finally:
        close_logging()


def _line(record: OutboxRecord) -> str:
    created = record.created_at.astimezone()
    # Administrators read this: the server's own reply, as received, helps them.
    reply = f" [{record.server_reply}]" if record.server_reply else ""
    return (
        f"{record.id}  {state_label(record.state)}  {created:%d/%m/%Y %H:%M}  "
        f"{record.subject}\n    {status_text(record)}{reply}"
    )


def _list(outbox: Outbox) -> int:
    records = outbox.entries()
    if not records:
        print(translate("cli", "La boîte d'envoi est vide."))
        return 0
    for record in records:
        print(_line(record))
    return 0


def _flush(outbox: Outbox, paths: AppPaths, include_needs_action: bool) -> int:
    loaded = SettingsStore(paths).load()
    for message in loaded.messages:
        print(message)
    sender = OutboxSender(
        outbox,
        lambda: loaded.settings,
        allow_plaintext=loaded.policy.policy.allow_plaintext_smtp,
    )
    done = sender.run_once(force=True, include_needs_action=include_needs_action)
    for record in done:
        print(_line(record))
    if done:
        from samu_desktop.report.retention import purge

        purge(paths, loaded.settings)  # what was sent long enough ago goes (retention)
    left = [r for r in outbox.entries() if r.state is not EntryState.SENT]
    if not done and not left:
        print(translate("cli", "Rien à envoyer."))
    elif left:
        print(
            translate("cli", "{count} signalement(s) restent dans la boîte d'envoi.").format(
                count=len(left)
            )
        )
    return 1 if left else 0
