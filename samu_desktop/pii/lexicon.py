"""Word lists the French detectors share: labels, street types, stop words.

Kept apart from the patterns so that tuning a list after an evaluation run is
a data change. Everything is lower case unless the name says otherwise.
"""

from __future__ import annotations

UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
LOW = "a-zàâäçéèêëîïôöùûüÿæœß"
LETTERS = UP + LOW

MONTHS = (
    r"janvier|janv|f[ée]vrier|f[ée]vr?|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t"
    r"|septembre|sept|octobre|oct|novembre|nov|d[ée]cembre|d[ée]c"
)

STREET_TYPES = (
    r"rue|avenue|av|boulevard|bd|bld|blvd|place|pl|chemin|ch|all[ée]e|impasse|imp|route|rte"
    r"|quai|cours|square|sq|passage|lotissement|lot|r[ée]sidence|r[ée]s|hameau|lieu-dit"
    r"|cit[ée]|voie|faubourg|fbg|rond-point|sentier|esplanade|promenade|parvis|villa|domaine"
    r"|mont[ée]e|clos|chauss[ée]e|venelle|traverse|all"
)
# Street types that are also ordinary words ("3 cours", "2 places"): only an
# address when the street name that follows has a capital.
AMBIGUOUS_STREET_TYPES = frozenset(
    {"place", "pl", "cours", "route", "voie", "villa", "domaine", "clos", "passage", "lot",
     "ch", "av", "all", "res", "rés", "sq", "imp", "promenade", "montée", "montee", "cité", "cite"}
)

# Words that end a street name ("12 rue des Lilas et ...").
STREET_STOP_WORDS = frozenset(
    {"et", "à", "a", "est", "ou", "pour", "avec", "puis", "depuis", "vers", "chez", "tél",
     "tel", "téléphone", "né", "née", "ddn", "cedex", "bp", "appelle", "signale", "pas"}
)

# First word after a postal code that shows the number is a count, not a city.
NOT_CITY_WORDS = frozenset(
    {"appels", "appel", "dossiers", "dossier", "total", "utilisateurs", "utilisateur",
     "affaires", "affaire", "enregistrements", "communications", "heures", "minutes",
     "secondes", "messages", "ms", "mo", "ko", "go", "octets", "patients", "lignes", "postes",
     "sessions", "connexions", "erreurs", "requêtes", "requetes", "points", "euros", "eur"}
)

# Labels whose value is a name. With a colon the value may be in any case;
# without one it must start with a capital.
NAME_LABELS = (
    r"nom(?:\s+(?:de\s+naissance|d['’]usage|de\s+famille|marital|du\s+patient|patient))?"
    r"|pr[ée]noms?|patient(?:e|\(e\))?|identit[ée]|appelant(?:e|\(e\))?|victime"
    r"|requ[ée]rant(?:e)?|nom\s*/\s*pr[ée]nom|nom\s+pr[ée]nom|contact|interlocut(?:eur|rice)"
    r"|demandeu(?:r|se)|b[ée]n[ée]ficiaire|fille|fils|mari|[ée]pouse|conjoint(?:e)?"

)
# Civilities and "née": always followed by a capitalised name. Case matters.
CIVILITIES = (
    r"M\.|Mr\.?|MR\.?|Mme\.?|MME\.?|Mlle\.?|MLLE\.?|Melle|Monsieur|MONSIEUR|Madame|MADAME"
    r"|Mademoiselle|née|Née|NÉE|NEE"
    # "Mme" as OCR often reads it in small or light fonts.
    r"|Mine|Mrne|Mmc|Mmne"
)

PARTICLES = frozenset({"de", "du", "des", "le", "la", "d'", "d’", "van", "von", "der", "ben",
                       "el", "da", "di", "dos", "del"})

# Words that end a name: the next label on the same line, or ordinary words.
LABEL_WORDS = frozenset(
    {"nom", "prénom", "prenom", "prénoms", "né", "née", "ne", "nee", "né(e)", "ddn", "date",
     "tél", "tel", "téléphone", "telephone", "portable", "adresse", "âge", "age", "sexe",
     "nir", "ins", "nss", "dossier", "drm", "ipp", "e-mail", "email", "mail", "courriel",
     "ville", "cp", "patient", "patiente", "motif", "n°", "no", "naissance", "appelant",
     "statut", "heure", "lieu", "commune", "code", "observation", "observations", "médecin",
     "medecin", "régulateur", "arm", "priorité", "priorite", "poids", "taille", "mobile"}
)
NAME_STOP_WORDS = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "et", "ou", "en", "au", "aux", "a", "à", "est",
     "sont", "pour", "par", "sur", "dans", "avec", "sans", "qui", "que", "ne", "pas", "ce",
     "cette", "il", "elle", "ils", "elles", "inconnu", "inconnue", "non", "oui", "n/a",
     "renseigné", "renseigne", "néant", "neant", "rien", "vide", "aucun", "aucune",
     "de", "du", "d'", "d’"}
)

# Upper-case words that are not surnames: acronyms of the domain and words
# that screens write in capitals. Compared as written (upper case).
NOT_SURNAMES = frozenset(
    {"SAMU", "SI", "SI-SAMU", "SMUR", "CRRA", "ARM", "OTP", "CPS", "SMS", "ESR", "OTN", "DSI",
     "ARS", "ANS", "CHU", "CH", "UMH", "SDIS", "VSAV", "SOS", "MRL", "ASIP", "DRM", "IPP",
     "NDA", "NIR", "INS", "NSS", "DDN", "CP", "PC", "OS", "IP", "URL", "HTTP", "HTTPS", "API",
     "UTC", "CET", "CEST", "OK", "KO", "ID", "PDF", "PNG", "CSV", "XML", "JSON", "HTML", "WEB",
     "VPN", "LAN", "WAN", "SIP", "DNS", "TLS", "SSL", "SMTP", "PKCS", "USB", "RAM", "CPU",
     "NICE", "FR", "EN", "MOI", "AM", "PM", "HT", "TTC", "TOTAL", "NB", "N", "ERREUR",
     "ATTENTION", "URGENT", "URGENCE", "ALERTE", "INFO", "INFORMATION", "AVERTISSEMENT", "NOM",
     "PRÉNOM", "PRENOM", "DATE", "HEURE", "STATUT", "ETAT", "ÉTAT", "COURS", "ANNULER",
     "VALIDER", "FERMER", "RÉESSAYER", "REESSAYER", "ENVOYER", "OUI", "NON", "AIDE", "MENU",
     "ACCUEIL", "PRODUCTION", "FORMATION", "TEST", "RECETTE", "PATIENT", "PATIENTS", "APPEL",
     "APPELS", "DOSSIER", "DOSSIERS", "P0", "P1", "P2", "P3", "R1", "R2", "R3", "MAX", "MIN",
     "MOY", "IHM", "BDD", "SGBD", "EDGE", "WINDOWS", "LINUX", "TEL", "TÉL", "TIMEOUT", "DECT",
     "IPBX", "PABX", "ACD", "CTI", "SVI", "SLA", "KPI", "DMS", "QOS", "RAS", "LE", "LA", "LES",
     "DE", "DU", "DES", "ET", "OU", "UN", "UNE", "AU", "AUX", "SUR", "PAR", "POUR", "DANS",
     "MÉDECIN", "MEDECIN", "RÉGULATION", "REGULATION", "ARCHIVES", "SUPPORT", "SERVICE",
     "CLIENT", "INCIDENT", "PORTAIL", "BANDEAU", "STATISTIQUES", "SELFCARE", "ENREGISTREMENTS",
     "GMT", "AFP", "CNIL", "RGPD", "AMU", "AP-HP", "APHP", "HCL", "CHR", "GHT", "DMP", "MSS",
     "NA", "ND", "NR", "SO", "TBD", "FAQ", "BIS", "TER", "CEDEX", "BP", "TSV", "TXT", "DOC"}
)
# Capitalised words that, next to an upper-case word, do not make it a name.
NOT_FIRST_NAMES = frozenset(
    {"Mme", "Mlle", "Melle", "Monsieur", "Madame", "Mademoiselle", "Mr", "Portail", "Bandeau",
     "Appel", "Appels", "Date", "Heure", "Statut", "Connexion", "Version",
     "Firefox", "Chrome", "Edge", "Safari", "Windows", "Erreur", "Code", "Message", "Module",
     "Service", "Centre", "Utilisateur", "Utilisateurs", "Poste", "Ligne", "Lignes", "Total",
     "Nombre", "Durée", "Moyenne", "Taux", "Export", "Exporter", "Fermer", "Annuler",
     "Valider", "Réessayer", "Envoyer", "Aide", "Accueil", "Environnement", "Serveur",
     "Session", "Mode", "Navigateur", "Application", "Outil", "Routage", "Secours", "File",
     "Files", "Attente", "Décroché", "Raccroché", "Transfert", "Conférence", "Agent", "Agents",
     "Superviseur", "Médecin", "Régulateur", "Docteur", "Dr", "Pr", "Hôpital", "Clinique",
     "Enregistrement", "Enregistrements", "Statistiques", "Tableau", "Rapport", "Période",
     "Semaine", "Mois", "Jour", "Année", "Janvier", "Février", "Mars", "Avril", "Mai", "Juin",
     "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre", "Lundi", "Mardi",
     "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Le", "La", "Les", "Un", "Une",
     "Des", "Du", "De", "En", "Au", "Aux", "Sur", "Par", "Pour", "Dans", "Avec", "Sans", "Et",
     "Ou", "Votre", "Vos", "Notre", "Nos", "Ce", "Cette", "Ces", "Il", "Elle", "Vous", "Nous",
     "Veuillez", "Merci", "Impossible", "Échec", "Echec", "Délai", "Réponse", "Requête",
     "Détails", "Détail", "Support", "Contacter", "Contactez", "Fichier", "Dossier",
     "Identifiant", "Mot", "Carte", "Lecteur", "Cryptolib", "Alcatel", "Téléphone", "Casque",
     "Priorité", "Motif", "Régulation", "Samu", "Smur", "Crra", "Production", "Formation",
     "Test", "Recette", "Non", "Oui", "Rien", "Aucun", "Aucune", "Niveau", "Type", "Catégorie",
     "Zone", "Secteur", "Département", "Région", "Incident", "Panne", "Alerte", "Info",
     "Information", "Avertissement", "Attention", "Urgent", "Urgence", "Sortant", "Entrant",
     "Manqué", "Perdu", "Traité", "Reçu", "Reçus", "Émis", "Actif", "Inactif", "Disponible",
     "Indisponible", "Pause", "Occupé", "Libre", "Connecté", "Déconnecté", "Voir", "Lire",
     "Écouter", "Télécharger", "Imprimer", "Rechercher", "Filtrer", "Trier", "Afficher"}
)

# The support desk and the national programme write from these domains: their
# addresses in an error dialog are not patient data.
NOT_PATIENT_EMAIL_DOMAINS = ("gouv.fr", "si-samu.fr", "esante.gouv.fr", "sante.gouv.fr")

# A header cell or a label alone on its line, mapped to the kind of the value
# under it or after it. Compared after lowering case and dropping ":" and "*".
HEADER_KINDS: dict[str, str] = {
    **{k: "name" for k in (
        "nom", "prénom", "prenom", "prénoms", "nom / prénom", "nom/prénom", "nom prénom",
        "nom - prénom", "nom et prénom", "nom, prénom", "patient", "patiente", "patient(e)",
        "identité", "identite", "nom de naissance", "nom d'usage", "nom d’usage",
        "nom de famille", "appelant", "appelante", "appelant(e)", "victime", "nom du patient",
        "nom patient", "prénom patient", "requérant", "requérante", "contact",
        "interlocuteur", "demandeur", "bénéficiaire", "nom du contact", "personne à prévenir")},
    **{k: "birth_date" for k in (
        "né(e) le", "né le", "née le", "ne(e) le", "ddn", "d.d.n.", "date de naissance",
        "date naiss.", "date naiss", "naissance", "date de naiss.")},
    **{k: "phone" for k in (
        "téléphone", "telephone", "tél", "tél.", "tel", "tel.", "portable", "mobile",
        "numéro appelant", "n° appelant", "numéro de l'appelant", "n° de téléphone",
        "numéro de téléphone", "tél. appelant", "appelant (numéro)", "numéro",
        "tél. rappel")},
    **{k: "address" for k in (
        "adresse", "adresse postale", "domicile", "lieu d'intervention", "adresse du patient",
        "ville", "commune", "code postal", "cp", "localisation")},
    **{k: "record_number" for k in (
        "n° dossier", "n° de dossier", "no dossier", "dossier", "n° drm", "drm", "ipp", "nda",
        "n° ipp", "n° affaire", "n° d'affaire", "numéro de dossier")},
    **{k: "nir" for k in ("nir", "n° ss", "n° sécu", "sécurité sociale", "nss", "n° nir")},
    **{k: "ins" for k in ("ins", "matricule ins", "n° ins")},
    **{k: "email" for k in ("e-mail", "email", "courriel", "mail", "adresse e-mail")},
}

# Words that head a table's column without announcing patient data: a cell
# holding one of them beside a label is the next header, not a value.
HEADER_WORDS = frozenset(
    {"âge", "age", "motif", "heure", "priorité", "priorite", "statut", "sexe", "durée", "duree",
     "sens", "poste", "agent", "date", "ligne", "attente", "arrivée", "arrivee", "type", "état",
     "etat", "commentaire", "commentaires", "observations", "action", "opérateur", "operateur",
     "source", "destination", "catégorie", "categorie", "service", "médecin", "medecin",
     "régulateur", "regulateur", "lieu", "moyen", "moyens", "délai", "delai", "total", "nombre",
     "ouverture", "clôture", "cloture", "horodatage", "file", "niveau", "décision", "decision",
     "orientation", "bilan", "actions", "détails", "details", "effecteur", "vecteur"}
)

# The SI-SAMU tools' own words (menus, buttons, statuses, messages): what the
# strict mode leaves visible. Everything else on a screen is proposed there.
_INTERFACE_TEXT = """
    accueil dossier dossiers appel appels moyen moyens annuaire statistiques aide recherche
    rechercher chercher filtre filtrer historique bandeau communication messagerie interne
    régulation regulation jour erreur serveur répond repond réponse délai delai dépassé depasse
    réessayez reessayez réessayer reessayer contactez contacter support fermer valider annuler
    enregistrer nouveau nouvelle modifier supprimer imprimer exporter déconnexion deconnexion
    connexion session utilisateur mot passe ok oui non en cours terminé termine engagé engage
    sur place transport clôturé cloture clôture attente file priorité priorite motif moyen statut
    heure date durée duree appelant contact téléphone telephone nom prénom prenom adresse
    observations observation bilan décision decision orientation médecin medecin régulateur
    regulateur arm superviseur poste secteur garde aucun aucune sélectionné selectionne
    patient patiente dernière derniere mise à jour par le la les de du des un une et ou au aux
    pour avec sans dans sur sous entrant sortant manqué manque transféré transfere reçu recu
    émis emis décroché decroche raccroché raccroche conférence conference pause disponible
    indisponible occupé occupe libre connecté connecte déconnecté deconnecte paramètres
    parametres profil version production formation test samu smur si-samu crra bienvenue
    tableau bord liste détail detail détails details fiche affaire affaires intervention
    interventions alerte alertes information informations avertissement attention urgent
    vsav vlm smur ambulance ambulances hélico helico afficher masquer voir tout tous toutes
    précédent precedent suivant page sur total résultat resultat résultats resultats aucun
    chargement patientez veuillez merci impossible échec echec"""
INTERFACE_WORDS = frozenset(_INTERFACE_TEXT.split())
