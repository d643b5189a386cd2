"""Layouts of the synthetic screens of the patient-data evaluation set (see pii_evalset.py).

Each layout draws on a Canvas in logical coordinates; values drawn with a
``kind`` are patient data and land in the ground truth. Screens of
NON_PATIENT_LAYOUTS carry none, but hold what a detector must leave alone:
incident dates and times, versions, URLs, CRRA ids, error codes, counts.
"""

from __future__ import annotations

from collections.abc import Callable

import pii_evalset as ev
from pii_evalset import Canvas

Cell = tuple[str, str | None]


def chrome(c: Canvas, title: str, menu_active: int) -> tuple[float, float]:
    """Header bar, side menu and status bar; returns the content origin (x, y)."""
    t, r = c.theme, c.rng
    c.rect(0, 0, c.lw, 44, t["head_bg"])
    c.text(16, 12, f"Portail SI-SAMU — {title}", size=c.base + 3, bold=True, color=t["head_fg"])
    crra = f"FR{r.randint(100, 999)}"
    login = f"arm.{r.choice(['lefort', 'poulain', 'tessier', 'vallet'])}{r.randint(1, 40)}"
    right = (f"{crra}  |  {login}"
             f"  |  {r.choice(['Production', 'Formation'])}  |  {ev.incident_stamp(r)}")
    c.text(c.lw - c.measure(right) - 20, 14, right, color=t["head_fg"])
    c.rect(0, 44, 200, c.lh - 44 - 26, t["panel"])
    items = ["Main courante", "Dossiers", "Patients", "Messagerie", "Annuaire", "Ressources",
             "Enregistrements", "Statistiques", "Administration", "Aide"]
    for i, item in enumerate(items):
        if i == menu_active:
            c.rect(0, 56 + i * 34, 200, 32, t["select"])
        c.text(20, 63 + i * 34, item, bold=i == menu_active)
    c.rect(0, c.lh - 26, c.lw, 26, t["panel"])
    c.text(12, c.lh - 21, f"Portail SI-SAMU {r.randint(3, 5)}.{r.randint(0, 19)}.{r.randint(0, 9)}"
           f"  ·  Firefox {r.choice(['115.17.0esr', '128.4.0esr', '140.2.0esr'])}"
           f"  ·  Session {r.randint(100000, 999999)}", size=c.base - 2, color=t["muted"])
    return 224, 64


def table(c: Canvas, x: float, y: float, headers: list[str], rows: list[list[Cell]],
          size: int | None = None, max_w: float | None = None) -> float:
    """A table with a header row; returns its bottom."""
    t = c.theme
    size = size or c.base
    pad = 14
    widths = [c.measure(h, size, bold=True) for h in headers]
    for row in rows:
        for i, (text, _) in enumerate(row):
            widths[i] = max(widths[i], c.measure(text, size))
    widths = [w + 2 * pad for w in widths]
    total = sum(widths)
    if max_w and total > max_w:
        raise ValueError("table too wide")
    row_h = size * 2.1
    c.rect(x, y, total, row_h, t["head_bg"])
    cx = x
    for h, w in zip(headers, widths, strict=True):
        c.text(cx + pad, y + row_h * 0.25, h, size=size, bold=True, color=t["head_fg"])
        cx += w
    y += row_h
    for n, row in enumerate(rows):
        if n % 2:
            c.rect(x, y, total, row_h, t["row_alt"])
        cx = x
        for (text, kind), w in zip(row, widths, strict=True):
            c.text(cx + pad, y + row_h * 0.25, text, size=size, kind=kind)
            cx += w
        y += row_h
    return y


def regulation(c: Canvas) -> None:
    r = c.rng
    x, y = chrome(c, "Régulation médicale", 1)
    c.text(x, y, f"Dossier de régulation — ouvert le {ev.incident_stamp(r)}", size=c.base + 4,
           bold=True)
    y += c.base * 3
    fields: list[tuple[str, str, str]] = [
        ("N° dossier", ev.record_number(r), "record_number"),
        ("Nom", ev.surname(r), "name"),
        ("Prénom", ev.first_name(r), "name"),
        (r.choice(["Né(e) le", "Date de naissance", "DDN"]), ev.birth_date(r), "birth_date"),
        (r.choice(["Téléphone", "Tél.", "Tél. rappel"]), ev.phone(r), "phone"),
        ("Adresse", ev.street(r), "address"),
        ("Commune", ev.city(r), "address"),
        (r.choice(["NIR", "N° SS", "INS"]), ev.nir(r), "nir"),
        ("E-mail", ev.email(r), "email"),
    ]
    r.shuffle(fields)
    above = r.random() < 0.4  # label above the value, or beside it
    col_w = (c.lw - x - 40) / 2
    label_w = max(c.measure(f[0] + " :", bold=True) for f in fields) + 16
    for i, (label, value, kind) in enumerate(fields):
        fx = x + (i % 2) * col_w
        fy = y + (i // 2) * c.base * (4.2 if above else 2.6)
        if above:
            c.text(fx, fy, label, size=c.base - 1, color=c.theme["muted"])
            c.text(fx, fy + c.base * 1.5, value, kind=kind)
        else:
            c.text(fx, fy, label + " :", bold=True)
            c.text(fx + label_w, fy, value, kind=kind)
    y += (len(fields) + 1) // 2 * c.base * (4.2 if above else 2.6) + c.base * 2
    c.text(x, y, "Motif : " + r.choice(ev.MOTIFS), bold=True)
    y += c.base * 2.2
    c.text(x, y, "Observations ARM :", bold=True)
    y += c.base * 1.8
    callee = ev.full_name(r)
    c.runs(x, y, [("Appel de la fille, ", None), ("Mme ", None), (callee, "name"),
                  (", qui rappelle au ", None), (ev.phone(r), "phone"), (".", None)])
    y += c.base * 1.7
    c.runs(x, y, [(f"Patient conscient, respire. Priorité P{r.randint(0, 2)}, "
                   f"SMUR engagé à {r.randint(0, 23):02d}h{r.randint(0, 59):02d}.", None)])
    y += c.base * 3
    rows: list[list[Cell]] = []
    for _ in range(r.randint(3, 6)):
        rows.append([(ev.incident_stamp(r), None), (f"arm.{r.choice(['lefort', 'vallet'])}", None),
                     (r.choice(["Création du dossier", "Appel sortant", "Bilan reçu",
                                "Engagement SMUR", "Clôture"]), None)])
    table(c, x, y, ["Horodatage", "Opérateur", "Action"], rows, size=c.base - 1)


def patient_list(c: Canvas) -> None:
    r = c.rng
    x, y = chrome(c, "Module patients", 2)
    c.text(x, y, f"Patients en cours — {r.randint(8, 30)} dossiers", size=c.base + 4, bold=True)
    y += c.base * 3
    combined = r.random() < 0.35
    names = ["Nom / Prénom"] if combined else ["Nom", "Prénom"]
    headers = ["N° dossier", *names, r.choice(["Né(e) le", "DDN", "Date de naissance"]),
               "Âge", "Téléphone", "Commune", "Motif", "Heure", "Priorité"]
    rows: list[list[Cell]] = []
    n_rows = int((c.lh - y - 80) / (c.base * 2.1 * 0.92)) - 2
    for _ in range(max(4, min(n_rows, 24))):
        age = r.randint(1, 95)
        name_cells: list[Cell] = (
            [(ev.full_name(r), "name")] if combined
            else [(ev.surname(r), "name"), (ev.first_name(r), "name")]
        )
        rows.append([(ev.record_number(r), "record_number"), *name_cells,
                     (ev.birth_date(r), "birth_date"), (f"{age} ans", None),
                     (ev.phone(r), "phone"), (ev.city(r).split(" ", 1)[1], "address"),
                     (r.choice(ev.MOTIFS), None),
                     (f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}", None),
                     (f"P{r.randint(0, 3)}", None)])
    table(c, x, y, headers, rows, size=c.base - 1)


def call_banner(c: Canvas) -> None:
    r, t = c.rng, c.theme
    x, y = chrome(c, "Bandeau de communication", 0)
    c.rect(x - 10, y - 10, c.lw - x - 10, c.base * 4.5, t["select"])
    c.runs(x, y, [(f"Appel entrant — ligne {r.choice(['15', '116 117', '112'])} — ", None),
                  (ev.phone(r), "phone")], size=c.base + 3, bold=True)
    c.text(x, y + c.base * 2, f"En attente depuis 00:{r.randint(0, 59):02d}  ·  "
           f"Poste {r.randint(4000, 4999)}  ·  File « Régulation »", color=t["muted"])
    y += c.base * 6
    for label in ["Décrocher", "Mettre en garde", "Transférer", "Conférence", "Raccrocher"]:
        w = c.measure(label) + 28
        c.rect(x, y, w, c.base * 2.2, t["panel"], outline=t["border"])
        c.text(x + 14, y + c.base * 0.5, label)
        x += w + 12
    x, y = 224, y + c.base * 4
    c.text(x, y, "File d'attente", size=c.base + 2, bold=True)
    rows: list[list[Cell]] = []
    for _ in range(r.randint(5, 10)):
        arrival = f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
        rows.append([(arrival, None),
                     (r.choice(["15", "116 117", "112", "Transfert SDIS"]), None),
                     (ev.phone(r), "phone"), (f"00:{r.randint(0, 9):02d}:{r.randint(0, 59):02d}",
                                              None)])
    y = table(c, x, y + c.base * 2.5, ["Arrivée", "Ligne", "Numéro appelant", "Attente"], rows)
    c.text(x, y + c.base * 2, f"Agents connectés : {r.randint(3, 12)}  ·  "
           f"Appels perdus aujourd'hui : {r.randint(0, 30)}", color=t["muted"])


def chat(c: Canvas) -> None:
    r, t = c.rng, c.theme
    x, y = chrome(c, "Messagerie instantanée", 3)
    c.text(x, y, "Conversation « Régulation — SMUR »", size=c.base + 3, bold=True)
    y += c.base * 3
    messages: list[list[Cell]] = [
        [("Peux-tu rappeler ", None), ("Mme ", None), (ev.surname(r), "name"),
         (" au ", None), (ev.phone(r), "phone"), (" ?", None)],
        [("Dossier n° ", None), (ev.record_number(r), "record_number"), (" : patient ", None),
         (ev.full_name(r), "name"), (", né le ", None), (ev.birth_date(r), "birth_date")],
        [("Adresse : ", None), (ev.street(r), "address"), (", ", None), (ev.city(r), "address")],
        [("Le fils a écrit à ", None), (ev.email(r), "email"), (", je transmets.", None)],
        [("Contact famille : ", None), (ev.email(r), "email"), (" ou ", None),
         (ev.phone(r), "phone")],
        [(f"SMUR parti à {r.randint(0, 23):02d}h{r.randint(0, 59):02d}, arrivée prévue "
          f"dans {r.randint(5, 30)} min.", None)],
        [("NIR : ", None), (ev.nir(r), "nir"), (" (vérifié sur la carte Vitale)", None)],
        [("M. ", None), (ev.full_name(r), "name"), (" DDN ", None), (ev.birth_date(r),
                                                                     "birth_date")],
        [(f"Bandeau figé depuis {r.randint(0, 23):02d}:{r.randint(0, 59):02d}, je relance Firefox.",
          None)],
    ]
    r.shuffle(messages)
    for i, parts in enumerate(messages):
        mine = i % 2 == 0
        author = f"arm.{r.choice(['lefort', 'vallet', 'girod'])}" if mine else "smur.fr680"
        width = sum(c.measure(p) for p, _ in parts) + 32
        bx = x if mine else max(x, c.lw - 40 - width)
        c.text(bx, y, f"{author}  {r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
               size=c.base - 2, color=t["muted"])
        y += c.base * 1.5
        c.rect(bx, y, width, c.base * 2.3, t["bubble"] if mine else t["bubble2"])
        c.runs(bx + 16, y + c.base * 0.55, parts)
        y += c.base * 3.4
        if y > c.lh - 80:
            break


def recordings(c: Canvas) -> None:
    r = c.rng
    x, y = chrome(c, "Enregistrements des communications", 6)
    c.text(x, y, f"Réécoute — du {ev.incident_stamp(r)[:10]} au {ev.incident_stamp(r)[:10]}",
           size=c.base + 3, bold=True)
    rows: list[list[Cell]] = []
    for _ in range(r.randint(10, 20)):
        hidden = r.random() < 0.15
        rows.append([(ev.incident_stamp(r), None),
                     (f"00:{r.randint(0, 15):02d}:{r.randint(0, 59):02d}", None),
                     (r.choice(["Entrant", "Sortant"]), None),
                     ("Numéro masqué", None) if hidden else (ev.phone(r), "phone"),
                     (str(r.randint(4000, 4999)), None),
                     (f"arm.{r.choice(['lefort', 'vallet', 'girod'])}{r.randint(1, 40)}", None),
                     (r.choice(["Disponible", "Archivé", "En cours"]), None)])
    table(c, x, y + c.base * 3, ["Date et heure", "Durée", "Sens", "Numéro", "Poste", "Agent",
                                 "Statut"], rows, size=c.base - 1)


def error_dialog(c: Canvas) -> None:
    r, t = c.rng, c.theme
    x, y = chrome(c, "Main courante", 0)
    rows: list[list[Cell]] = [[(ev.incident_stamp(r), None), (f"P{r.randint(0, 3)}", None),
                               (r.choice(["En cours", "Clos", "En attente"]), None)]
                              for _ in range(6)]
    table(c, x, y, ["Ouverture", "Priorité", "Statut"], rows)
    w, h = 760, 330
    dx, dy = (c.lw - w) / 2, (c.lh - h) / 2
    c.rect(dx, dy, w, h, t["bg"], outline=t["border"])
    c.rect(dx, dy, w, 40, t["accent"])
    c.text(dx + 16, dy + 10, "Erreur technique", bold=True, color="#ffffff")
    code = r.choice([500, 502, 503, 504])
    lines = [
        f"Le service « {r.choice(['Messagerie', 'Bandeau', 'Main courante'])} » ne répond pas "
        f"(HTTP {code}).",
        f"Début de l'incident : {ev.incident_stamp(r)}:{r.randint(0, 59):02d}",
        f"Référence : ERR-{r.randint(0x1000, 0xFFFF):X}-{r.randint(100000, 999999)}",
        "Réessayez dans quelques minutes. Si le problème persiste, écrivez à",
        "monserviceclient.si-samu@esante.gouv.fr",
        f"https://www.portail.formation.si-samu.fr/regulation/{r.randint(1000, 9999)}",
        f"Firefox {r.choice(['115.17.0esr', '128.4.0esr'])} · Windows 11 · "
        f"CRRA FR{r.randint(100, 999)}",
    ]
    for i, line in enumerate(lines):
        c.text(dx + 24, dy + 60 + i * c.base * 2, line)
    for i, label in enumerate(["Réessayer", "Fermer"]):
        bx = dx + w - 260 + i * 130
        c.rect(bx, dy + h - 50, 115, 34, t["panel"], outline=t["border"])
        c.text(bx + 18, dy + h - 42, label)


def statistics(c: Canvas) -> None:
    r, t = c.rng, c.theme
    x, y = chrome(c, "Portail des statistiques", 7)
    c.text(x, y, f"Activité du CRRA FR{r.randint(100, 999)} — période du "
           f"{ev.incident_stamp(r)[:10]} au {ev.incident_stamp(r)[:10]}", size=c.base + 3,
           bold=True)
    y += c.base * 3
    tiles = [("Appels reçus", f"{r.randint(1, 40)} {r.randint(100, 999)}"),
             ("Taux de décroché", f"{r.randint(85, 99)},{r.randint(0, 9)} %"),
             ("Délai moyen", f"00:00:{r.randint(10, 59)}"),
             ("Appels perdus", str(r.randint(10, 400)))]
    for i, (label, value) in enumerate(tiles):
        tx = x + i * 260
        c.rect(tx, y, 240, c.base * 6, t["panel"], outline=t["border"])
        c.text(tx + 14, y + 10, label, color=t["muted"])
        c.text(tx + 14, y + 10 + c.base * 2, value, size=c.base + 10, bold=True)
    y += c.base * 8
    rows: list[list[Cell]] = []
    for h in range(r.randint(8, 14)):
        received = r.randint(40, 900)
        rows.append([(f"{h + 8:02d}h – {h + 9:02d}h", None), (str(received), None),
                     (str(received - r.randint(0, 39)), None), (str(r.randint(0, 39)), None),
                     (f"00:00:{r.randint(5, 59):02d}", None)])
    bottom = table(c, x, y, ["Tranche horaire", "Appels reçus", "Décrochés", "Perdus",
                             "Délai moyen"], rows, size=c.base - 1)
    chart_x = x + 720
    for i in range(12):
        bar = r.randint(20, 260)
        c.rect(chart_x + i * 44, bottom - bar, 30, bar, t["head_bg"])
        c.text(chart_x + i * 44, bottom + 6, f"{i + 8}h", size=c.base - 2, color=t["muted"])
    c.text(x, bottom + c.base * 3, "Export CSV  ·  Export PDF  ·  Données mises à jour le "
           f"{ev.incident_stamp(r)}", color=t["muted"])


def selfcare(c: Canvas) -> None:
    r = c.rng
    x, y = chrome(c, "Selfcare — règles de routage", 8)
    c.text(x, y, "Routages de secours", size=c.base + 3, bold=True)
    rows: list[list[Cell]] = []
    for _ in range(r.randint(5, 9)):
        a, b = r.randint(100, 999), r.randint(100, 999)
        rows.append([(f"Secours FR{a} vers FR{b}", None), (f"FR{a}", None), (f"FR{b}", None),
                     (r.choice(["Actif", "Inactif"]), None), (ev.incident_stamp(r), None),
                     (f"admin.fr{a}", None)])
    y = table(c, x, y + c.base * 3, ["Nom du routage", "Source", "Destination", "Statut",
                                     "Dernière modification", "Modifié par"], rows)
    c.text(x, y + c.base * 2, "Activation immédiate : sélectionnez un routage puis « Activer ».")


PATIENT_LAYOUTS: list[tuple[str, Callable[[Canvas], None]]] = [
    ("regulation", regulation), ("patient_list", patient_list), ("call_banner", call_banner),
    ("chat", chat), ("recordings", recordings),
]
NON_PATIENT_LAYOUTS: list[tuple[str, Callable[[Canvas], None]]] = [
    ("error_dialog", error_dialog), ("statistics", statistics), ("selfcare", selfcare),
]
