<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>CasePage</name>
    <message>
        <source>← Retour</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Retour à l'accueil</source>
        <translation>Back to the home page</translation>
    </message>
    <message>
        <source>Cas A — La prise d'appels</source>
        <translation>Case A — Taking calls</translation>
    </message>
    <message>
        <source>&lt;p&gt;Téléphonez au : &lt;b style='font-size:16pt'&gt;{phone}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ayez sous les yeux :&lt;/p&gt;&lt;ul&gt;&lt;li&gt;la date et l'heure de début de l'incident ;&lt;/li&gt;&lt;li&gt;les lignes impactées (exemple : pas d'appel entrant sur le 15 / 116 / 117…) ;&lt;/li&gt;&lt;li&gt;la réception : nulle ou partielle ;&lt;/li&gt;&lt;li&gt;les résultats des tests d'appels décrits dans le « Pack OTN ».&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Call: &lt;b style='font-size:16pt'&gt;{phone}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Have at hand:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the date and time the incident started;&lt;/li&gt;&lt;li&gt;the lines affected (example: no incoming call on 15 / 116 / 117…);&lt;/li&gt;&lt;li&gt;reception: none or partial;&lt;/li&gt;&lt;li&gt;the results of the test calls described in the “Pack OTN”.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Cas B — Une application du SI-SAMU</source>
        <translation>Case B — An SI-SAMU application</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Vérifiez les prérequis de votre poste de travail (utilitaire de test).&lt;/li&gt;&lt;li&gt;Si les prérequis sont bons, envoyez votre demande par e-mail à &lt;b&gt;{email}&lt;/b&gt; avec les résultats du test, des copies d'écran (les données des patients doivent être cachées) et un maximum d'informations pour décrire l'incident.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Check your workstation's prerequisites (test utility).&lt;/li&gt;&lt;li&gt;If the prerequisites are met, send your request by e-mail to &lt;b&gt;{email}&lt;/b&gt; with the test results, screenshots (patient data must be hidden) and as much information as possible to describe the incident.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Cas C — Un matériel fourni par le programme</source>
        <translation>Case C — Hardware supplied by the programme</translation>
    </message>
    <message>
        <source>&lt;p&gt;Téléphone fixe ou autre équipement identifié par votre service informatique (hors poste de travail et casque d'écoute).&lt;/p&gt;&lt;p&gt;Téléphonez au : &lt;b style='font-size:16pt'&gt;{phone}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Desk phone or other equipment identified by your IT department (excluding the workstation and headset).&lt;/p&gt;&lt;p&gt;Call: &lt;b style='font-size:16pt'&gt;{phone}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cas D — Incident hors SI-SAMU</source>
        <translation>Case D — Incident outside SI-SAMU</translation>
    </message>
    <message>
        <source>&lt;p&gt;Poste de travail, solution de vidéotransmission… : rapprochez-vous de votre service informatique ou de votre DSI.&lt;/p&gt;&lt;p&gt;Contact : &lt;b&gt;{contact}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Workstation, video transmission…: contact your IT department.&lt;/p&gt;&lt;p&gt;Contact: &lt;b&gt;{contact}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Sur quel outil rencontrez-vous un incident ?</source>
        <translation>Which tool is the incident on?</translation>
    </message>
    <message>
        <source>A — La prise d'appels (lignes 15, 116, 117…)</source>
        <translation>A — Taking calls (lines 15, 116, 117…)</translation>
    </message>
    <message>
        <source>Vous ou vos collègues ne pouvez plus prendre en compte des appels : téléphonez au support en ayant sous les yeux la date et l'heure de début, les lignes impactées, la réception (nulle ou partielle) et les résultats des tests d'appels du « Pack OTN ».</source>
        <translation>You or your colleagues can no longer take calls: phone the support desk with the start date and time, the lines affected, the reception (none or partial) and the results of the “Pack OTN” test calls at hand.</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B — Une application du SI-SAMU</source>
        <translation>B — An SI-SAMU application</translation>
    </message>
    <message>
        <source>Portail SI-Samu, Bandeau de communication, Enregistrements des communications (Nice), Portail des statistiques, Selfcare (règles de routage) : vérifiez d'abord les prérequis du poste, puis envoyez votre demande par e-mail avec les résultats du test et des copies d'écran.</source>
        <translation>SI-Samu portal, communication banner, call recordings (Nice), statistics portal, Selfcare (routing rules): first check the workstation prerequisites, then send your request by e-mail with the test results and screenshots.</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>C — Un matériel fourni par le programme SI-SAMU</source>
        <translation>C — Hardware supplied by the SI-SAMU programme</translation>
    </message>
    <message>
        <source>Téléphone fixe ou autre équipement identifié par votre service informatique (hors poste de travail et casque d'écoute) : téléphonez au support.</source>
        <translation>Desk phone or other equipment identified by your IT department (excluding the workstation and headset): phone the support desk.</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>D — Autre chose (poste de travail, vidéotransmission…)</source>
        <translation>D — Something else (workstation, video transmission…)</translation>
    </message>
    <message>
        <source>Incident hors SI-SAMU : rapprochez-vous de votre service informatique ou de votre DSI.</source>
        <translation>Incident outside SI-SAMU: contact your IT department.</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Incident SI-SAMU</source>
        <translation>SI-SAMU incident</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Nouveau signalement</source>
        <translation>&amp;New report</translation>
    </message>
    <message>
        <source>&amp;Réglages…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>À &amp;propos</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Réglages non enregistrés</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;b&gt;Incident SI-SAMU&lt;/b&gt; — version {version}&lt;br&gt;Signaler un incident sur les outils du SI-SAMU en suivant la procédure nationale.</source>
        <translation>&lt;b&gt;SI-SAMU incident&lt;/b&gt; — version {version}&lt;br&gt;Report an incident on the SI-SAMU tools following the national procedure.</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Copier les détails</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer ce message</source>
        <translation>Close this message</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Fixé par votre administrateur : ce réglage ne peut pas être modifié.</source>
        <translation>Set by your administrator: this setting cannot be changed.</translation>
    </message>
    <message>
        <source>Réglage à corriger</source>
        <translation>Setting to correct</translation>
    </message>
    <message>
        <source>La valeur de « {field} » n'est pas valable : corrigez-la puis enregistrez à nouveau.</source>
        <translation>The value of “{field}” is not valid: correct it, then save again.</translation>
    </message>
    <message>
        <source>Réglages</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Les réglages marqués 🔒 sont fixés par votre administrateur.</source>
        <translation>Settings marked 🔒 are set by your administrator.</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Identifiant du CRRA (ex. FR680)</source>
        <translation>CRRA identifier (e.g. FR680)</translation>
    </message>
    <message>
        <source>Nom du SAMU</source>
        <translation>SAMU name</translation>
    </message>
    <message>
        <source>Votre nom</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Votre téléphone</source>
        <translation>Your phone</translation>
    </message>
    <message>
        <source>Votre e-mail</source>
        <translation>Your e-mail</translation>
    </message>
    <message>
        <source>Environnement</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Formation</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Mode de connexion</source>
        <translation>Login method</translation>
    </message>
    <message>
        <source>Login, mot de passe et OTP Mail</source>
        <translation>Login, password and e-mail OTP</translation>
    </message>
    <message>
        <source>Login, mot de passe et OTP SMS</source>
        <translation>Login, password and SMS OTP</translation>
    </message>
    <message>
        <source>Carte de la famille CPS</source>
        <translation>CPS family card</translation>
    </message>
    <message>
        <source>Type de poste</source>
        <translation>Device type</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <source>Tablette</source>
        <translation>Tablet</translation>
    </message>
    <message>
        <source>Smartphone</source>
        <translation>Smartphone</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>E-mail du service client SI-SAMU</source>
        <translation>SI-SAMU customer service e-mail</translation>
    </message>
    <message>
        <source>Téléphone support (prise d'appels, cas A)</source>
        <translation>Support phone (taking calls, case A)</translation>
    </message>
    <message>
        <source>Téléphone support (matériel, cas C)</source>
        <translation>Support phone (hardware, case C)</translation>
    </message>
    <message>
        <source>Service informatique local</source>
        <translation>Local IT department</translation>
    </message>
    <message>
        <source>Téléphone du service informatique</source>
        <translation>IT department phone</translation>
    </message>
    <message>
        <source>E-mail du service informatique</source>
        <translation>IT department e-mail</translation>
    </message>
    <message>
        <source>Page web du service informatique</source>
        <translation>IT department web page</translation>
    </message>
    <message>
        <source>Envoi</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Serveur SMTP</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Chiffrement</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS implicite</source>
        <translation>Implicit TLS</translation>
    </message>
    <message>
        <source>Aucun (non chiffré)</source>
        <translation>None (not encrypted)</translation>
    </message>
    <message>
        <source>Le serveur demande un identifiant</source>
        <translation>The server requires a login</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Adresse d'expéditeur</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>Copie à</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <source>Taille maximale d'un e-mail (Mo)</source>
        <translation>Maximum e-mail size (MB)</translation>
    </message>
    <message>
        <source>Adresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Portail (production)</source>
        <translation>Portal (production)</translation>
    </message>
    <message>
        <source>Portail (formation)</source>
        <translation>Portal (training)</translation>
    </message>
    <message>
        <source>Session Server (WebSocket)</source>
        <translation>Session Server (WebSocket)</translation>
    </message>
    <message>
        <source>Délai de chaque vérification (s)</source>
        <translation>Timeout of each check (s)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Raccourci de capture</source>
        <translation>Capture shortcut</translation>
    </message>
    <message>
        <source>Démarrer avec la session</source>
        <translation>Start with the session</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Incident SI-SAMU</source>
        <translation>SI-SAMU incident</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Nouveau signalement</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>L'application s'est arrêtée de façon inattendue lors de sa dernière utilisation. Si cela se reproduit, transmettez les détails à votre service informatique.</source>
        <translation>The application stopped unexpectedly the last time it was used. If this happens again, send the details to your IT department.</translation>
    </message>
    <message>
        <source>Une erreur inattendue s'est produite ; votre saisie est conservée. Si cela se reproduit, transmettez les détails à votre service informatique.</source>
        <translation>An unexpected error occurred; what you entered is kept. If this happens again, send the details to your IT department.</translation>
    </message>
    <message>
        <source>Aucun écran n'est disponible (ni DISPLAY ni WAYLAND_DISPLAY) : lancez l'application depuis une session graphique.</source>
        <translation>No screen is available (neither DISPLAY nor WAYLAND_DISPLAY): start the application from a graphical session.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Signaler un incident sur les outils du SI-SAMU. Sans commande, ouvre l'application.</source>
        <translation>Report an incident on the SI-SAMU tools. Without a command, opens the application.</translation>
    </message>
    <message>
        <source>langue de l'interface (par défaut : celle des réglages)</source>
        <translation>interface language (default: the one in the settings)</translation>
    </message>
    <message>
        <source>fermer l'application si elle est déjà ouverte</source>
        <translation>close the application if it is already open</translation>
    </message>
    <message>
        <source>démarrer dans la zone de notification (démarrage de session)</source>
        <translation>start in the notification area (session start)</translation>
    </message>
    <message>
        <source>commandes</source>
        <translation>commands</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>Le trousseau sécurisé du système n'est pas disponible : le mot de passe ne peut pas être enregistré. Ouvrez une session complète sur le poste, ou demandez à votre service informatique d'activer le trousseau.</source>
        <translation>The system's secure keyring is not available: the password cannot be stored. Open a full session on the workstation, or ask your IT department to enable the keyring.</translation>
    </message>
</context>
<context>
    <name>fsutil</name>
    <message>
        <source>Impossible d'enregistrer le fichier {name} : vérifiez l'espace disque disponible, puis réessayez.</source>
        <translation>The file {name} could not be saved: check the free disk space, then try again.</translation>
    </message>
</context>
<context>
    <name>pii</name>
    <message>
        <source>numéro de sécurité sociale (NIR)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>identifiant national de santé (INS)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>numéro de téléphone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>date de naissance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>adresse e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>adresse postale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nom ou prénom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>numéro de dossier</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Vos réglages n'ont pas pu être lus ; l'application démarre avec les réglages par défaut.</source>
        <translation>Your settings could not be read; the application starts with the default settings.</translation>
    </message>
    <message>
        <source>Le fichier de réglages était abîmé : les réglages par défaut sont utilisés pour ce qui ne pouvait pas être lu. Vérifiez vos réglages.</source>
        <translation>The settings file was damaged: the defaults are used for what could not be read. Check your settings.</translation>
    </message>
    <message>
        <source>Une copie est conservée ici : {path}</source>
        <translation>A copy is kept here: {path}</translation>
    </message>
    <message>
        <source>Le fichier de politique de votre administrateur est illisible : les réglages qu'il impose restent verrouillés. Prévenez votre service informatique.</source>
        <translation>Your administrator's policy file cannot be read: the settings it imposes stay locked. Tell your IT department.</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>(à renseigner par votre administrateur dans les réglages)</source>
        <translation>(to be filled in by your administrator in the settings)</translation>
    </message>
</context>
</TS>