<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>ApplicationPage</name>
    <message>
        <source>Quelle application est concernée ?</source>
        <translation>Which application is affected?</translation>
    </message>
</context>
<context>
    <name>AttachmentEditor</name>
    <message>
        <source>Aucune copie d&apos;écran</source>
        <translation>No screenshots</translation>
    </message>
    <message numerus="yes">
        <source>%n copie(s) d&apos;écran masquée(s) et vérifiée(s)</source>
        <translation>
            <numerusform>%n screenshot hidden and checked</numerusform>
            <numerusform>%n screenshots hidden and checked</numerusform>
        </translation>
    </message>
    <message>
        <source>Copies d&apos;écran…</source>
        <translation>Screenshots…</translation>
    </message>
    <message>
        <source>Test en cours…</source>
        <translation>Test in progress…</translation>
    </message>
    <message>
        <source>Voir le test des prérequis</source>
        <translation>View the prerequisites test</translation>
    </message>
    <message>
        <source>Test non lancé</source>
        <translation>Test not run</translation>
    </message>
    <message>
        <source>Test effectué : {summary}</source>
        <translation>Test done: {summary}</translation>
    </message>
    <message>
        <source>Lancer le test des prérequis</source>
        <translation>Run the prerequisites test</translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <source>Appelez le support :</source>
        <translation>Call the support desk:</translation>
    </message>
    <message>
        <source>Numéro du support</source>
        <translation>Support desk number</translation>
    </message>
    <message>
        <source>Copier le &amp;numéro</source>
        <translation>Copy the &amp;number</translation>
    </message>
    <message>
        <source>Le numéro du support n&apos;est pas renseigné sur ce poste : demandez-le à votre encadrement ou à votre administrateur, puis appelez-le.</source>
        <translation>The support desk&apos;s number is not set on this workstation: ask your supervisor or your administrator for it, then call it.</translation>
    </message>
    <message>
        <source>À dire au support :</source>
        <translation>To tell the support desk:</translation>
    </message>
    <message>
        <source>Informations à donner au support</source>
        <translation>Information to give to the support desk</translation>
    </message>
    <message>
        <source>&amp;Copier le texte</source>
        <translation>&amp;Copy the text</translation>
    </message>
    <message>
        <source>Support : {number}</source>
        <translation>Support desk: {number}</translation>
    </message>
    <message>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Remplir la fiche</source>
        <translation>&amp;Fill in the form</translation>
    </message>
    <message>
        <source>Noter les détails de l&apos;incident : ils complètent ce qu&apos;il faut dire.</source>
        <translation>Note the incident&apos;s details: they add to what to say.</translation>
    </message>
    <message>
        <source>J&apos;ai &amp;appelé le support</source>
        <translation>I h&amp;ave called the support desk</translation>
    </message>
</context>
<context>
    <name>CaptureToast</name>
    <message>
        <source>Capture d&apos;écran conservée</source>
        <translation>Screenshot kept</translation>
    </message>
    <message>
        <source>Ouvrir un signalement</source>
        <translation>Open a report</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer cette notification</source>
        <translation>Close this notification</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <source>Test des prérequis du poste de travail</source>
        <translation>Workstation prerequisites test</translation>
    </message>
    <message>
        <source>Le test vérifie le poste, Firefox, la carte CPS et l&apos;accès aux outils du SI-SAMU. Il dure quelques secondes.</source>
        <translation>The test checks the workstation, Firefox, the CPS card and access to the SI-SAMU tools. It takes a few seconds.</translation>
    </message>
    <message>
        <source>Résumé du test</source>
        <translation>Test summary</translation>
    </message>
    <message>
        <source>Lancer le test</source>
        <translation>Run the test</translation>
    </message>
    <message>
        <source>Lancer le test des prérequis</source>
        <translation>Run the prerequisites test</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuler le test en cours</source>
        <translation>Cancel the running test</translation>
    </message>
    <message>
        <source>Copier le résumé</source>
        <translation>Copy the summary</translation>
    </message>
    <message>
        <source>%v / %m vérifications</source>
        <translation>%v / %m checks</translation>
    </message>
    <message>
        <source>Avancement du test</source>
        <translation>Test progress</translation>
    </message>
    <message>
        <source>Vérification</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Explication</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Résultats des vérifications</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>Relancer la vérification sélectionnée</source>
        <translation>Run the selected check again</translation>
    </message>
    <message>
        <source>À lancer</source>
        <translation>Not run yet</translation>
    </message>
    <message>
        <source>Relancer</source>
        <translation>Run again</translation>
    </message>
    <message>
        <source>Relancer : {title}</source>
        <translation>Run again: {title}</translation>
    </message>
    <message>
        <source>Détails de la vérification sélectionnée</source>
        <translation>Details of the selected check</translation>
    </message>
    <message>
        <source>Test en cours…</source>
        <translation>Test in progress…</translation>
    </message>
    <message>
        <source>Nouvelle vérification en cours : {title}…</source>
        <translation>Checking again: {title}…</translation>
    </message>
    <message>
        <source>Le test n&apos;a pas pu se dérouler ; relancez-le.</source>
        <translation>The test could not run; run it again.</translation>
    </message>
    <message>
        <source>Test annulé : les vérifications non terminées sont marquées « annulée ».</source>
        <translation>Test cancelled: unfinished checks are marked “cancelled”.</translation>
    </message>
    <message>
        <source>{sentence} Réussies : {ok}, avertissements : {warn}, échecs : {fail}, sans objet : {na}.</source>
        <translation>{sentence} Passed: {ok}, warnings: {warn}, failed: {fail}, not applicable: {na}.</translation>
    </message>
    <message>
        <source>En cours…</source>
        <translation>In progress…</translation>
    </message>
    <message>
        <source>Annulée</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>DateTimeEditor</name>
    <message>
        <source>{field} : {choice}</source>
        <translation>{field}: {choice}</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Premiers réglages</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>Nom du SAMU / CRRA</source>
        <translation>SAMU / CRRA name</translation>
    </message>
    <message>
        <source>Identifiant du CRRA</source>
        <translation>CRRA identifier</translation>
    </message>
    <message>
        <source>Votre nom</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Téléphone pour vous rappeler</source>
        <translation>Phone number to call you back</translation>
    </message>
    <message>
        <source>Votre adresse e-mail</source>
        <translation>Your e-mail address</translation>
    </message>
    <message>
        <source>Serveur d&apos;envoi (SMTP)</source>
        <translation>Outgoing mail server (SMTP)</translation>
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
        <source>Le serveur demande un identifiant</source>
        <translation>The server requires a user name</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Adresse d&apos;expéditeur</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>Quelques informations pour que vos signalements arrivent au support et que l&apos;on puisse vous rappeler. Ce que votre administrateur a déjà réglé n&apos;est pas demandé.</source>
        <translation>A few details so that your reports reach the support desk and you can be called back. What your administrator has already set is not asked.</translation>
    </message>
    <message>
        <source>Votre centre et vous</source>
        <translation>Your centre and you</translation>
    </message>
    <message>
        <source>Envoi des signalements</source>
        <translation>Sending reports</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Tester</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Plus tard</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>STARTTLS (recommandé)</source>
        <translation>STARTTLS (recommended)</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Aucun (non chiffré)</source>
        <translation>None (unencrypted)</translation>
    </message>
    <message>
        <source>FR suivi de 3 caractères, par exemple FR680</source>
        <translation>FR followed by 3 characters, for example FR680</translation>
    </message>
    <message>
        <source>Vide : votre adresse e-mail</source>
        <translation>Empty: your e-mail address</translation>
    </message>
    <message>
        <source>Non autorisé par votre administrateur.</source>
        <translation>Not allowed by your administrator.</translation>
    </message>
    <message>
        <source>Enregistré dans le trousseau — laisser vide pour le garder</source>
        <translation>Stored in the keyring — leave empty to keep it</translation>
    </message>
    <message>
        <source>« Identifiant du CRRA » n&apos;est pas valable : FR suivi de 3 caractères, par exemple FR680.</source>
        <translation>“CRRA identifier” is not valid: FR followed by 3 characters, for example FR680.</translation>
    </message>
    <message>
        <source>« {label} » n&apos;est pas valable : corrigez-le, puis enregistrez.</source>
        <translation>“{label}” is not valid: correct it, then save.</translation>
    </message>
    <message>
        <source>Une valeur n&apos;est pas valable : corrigez-la, puis enregistrez.</source>
        <translation>A value is not valid: correct it, then save.</translation>
    </message>
    <message>
        <source>Test en cours…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <source>Le test n&apos;a pas pu être mené à son terme : réessayez.</source>
        <translation>The test could not be completed: try again.</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Signaler le rétablissement</source>
        <translation>Report the service restored</translation>
    </message>
    <message>
        <source>Ajouter des informations</source>
        <translation>Add information</translation>
    </message>
    <message>
        <source>Signalement {reference}</source>
        <translation>Report {reference}</translation>
    </message>
    <message>
        <source>Date et heure du rétablissement</source>
        <translation>Date and time the service came back</translation>
    </message>
    <message>
        <source>&amp;Rétabli le :</source>
        <translation>&amp;Restored on:</translation>
    </message>
    <message>
        <source>Informations à ajouter</source>
        <translation>Information to add</translation>
    </message>
    <message>
        <source>Facultatif : ce qui a été constaté.</source>
        <translation>Optional: what you observed.</translation>
    </message>
    <message>
        <source>Ce qui a changé depuis le signalement, sans donnée de patient.</source>
        <translation>What has changed since the report, without any patient data.</translation>
    </message>
    <message>
        <source>&amp;Texte :</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Copies d&apos;écran…</source>
        <translation>&amp;Screenshots…</translation>
    </message>
    <message>
        <source>&amp;Envoyer</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Les copies d&apos;écran n&apos;ont pas pu être relues : joignez-les de nouveau.</source>
        <translation>The screenshots could not be read back: attach them again.</translation>
    </message>
    <message numerus="yes">
        <source>%n copie(s) d&apos;écran jointe(s)</source>
        <translation>
            <numerusform>%n screenshot attached</numerusform>
            <numerusform>%n screenshots attached</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Autres &amp;questions (facultatives)</source>
        <translation>Other &amp;questions (optional)</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Historique des signalements</source>
        <translation>Report history</translation>
    </message>
    <message>
        <source>Début de l&apos;incident</source>
        <translation>Incident start</translation>
    </message>
    <message>
        <source>Cas</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Enregistré le</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Ajouter des &amp;informations…</source>
        <translation>Add &amp;information…</translation>
    </message>
    <message>
        <source>Signaler le &amp;rétablissement…</source>
        <translation>Report the service &amp;restored…</translation>
    </message>
    <message>
        <source>Appel au support</source>
        <translation>Call to the support desk</translation>
    </message>
    <message>
        <source>Appel passé au {number}</source>
        <translation>Called {number}</translation>
    </message>
    <message>
        <source>Envoyé le {when}</source>
        <translation>Sent on {when}</translation>
    </message>
    <message>
        <source>Dans la boîte d&apos;envoi</source>
        <translation>In the outbox</translation>
    </message>
    <message>
        <source>Terminé</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>rétabli le {when}</source>
        <translation>restored on {when}</translation>
    </message>
    <message numerus="yes">
        <source>%n complément(s)</source>
        <translation>
            <numerusform>%n follow-up</numerusform>
            <numerusform>%n follow-ups</numerusform>
        </translation>
    </message>
    <message>
        <source>Choisissez un signalement envoyé par e-mail dans la liste.</source>
        <translation>Choose a report sent by e-mail in the list.</translation>
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
        <source>A — La prise d&apos;appels (lignes 15, 116, 117…)</source>
        <translation>A — Taking calls (lines 15, 116, 117…)</translation>
    </message>
    <message>
        <source>Vous ou vos collègues ne pouvez plus prendre en compte des appels : téléphonez au support en ayant sous les yeux la date et l&apos;heure de début, les lignes impactées, la réception (nulle ou partielle) et les résultats des tests d&apos;appels du « Pack OTN ».</source>
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
        <source>Portail SI-SAMU, Bandeau de communication, Enregistrements des communications (Nice), Portail des statistiques, Selfcare (règles de routage) : vérifiez d&apos;abord les prérequis du poste, puis envoyez votre demande par e-mail avec les résultats du test et des copies d&apos;écran.</source>
        <translation>SI-SAMU portal, communication banner, call recordings (Nice), statistics portal, Selfcare (routing rules): first check the workstation prerequisites, then send your request by e-mail with the test results and screenshots.</translation>
    </message>
    <message>
        <source>D — Tout autre incident (poste de travail, vidéotransmission…)</source>
        <translation>D — Any other incident (workstation, video transmission…)</translation>
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
        <source>Téléphone fixe ou autre équipement identifié par votre service informatique (hors poste de travail et casque d&apos;écoute) : téléphonez au support.</source>
        <translation>Desk phone or other equipment identified by your IT department (excluding the workstation and headset): phone the support desk.</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
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
    <name>HotkeyService</name>
    <message>
        <source>Capture d&apos;écran conservée</source>
        <translation>Screenshot kept</translation>
    </message>
    <message>
        <source>Écran capturé à {time}.</source>
        <translation>Screen captured at {time}.</translation>
    </message>
    <message>
        <source>{count} écrans capturés à {time}.</source>
        <translation>{count} screens captured at {time}.</translation>
    </message>
    <message>
        <source>{count} captures en attente.</source>
        <translation>{count} screenshots waiting.</translation>
    </message>
    <message>
        <source>Cliquez pour les joindre à un nouveau signalement.</source>
        <translation>Click to attach them to a new report.</translation>
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
        <source>Premiers réglages…</source>
        <translation>First-time setup…</translation>
    </message>
    <message>
        <source>Serveur d&apos;&amp;envoi…</source>
        <translation>Outgoing mail se&amp;rver…</translation>
    </message>
    <message>
        <source>&amp;Boîte d&apos;envoi</source>
        <translation>&amp;Outbox</translation>
    </message>
    <message>
        <source>&amp;Historique</source>
        <translation>&amp;History</translation>
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
        <source>Le formulaire de la procédure est indisponible : réinstallez l&apos;application ou prévenez votre service informatique.</source>
        <translation>The procedure form is unavailable: reinstall the application or tell your IT department.</translation>
    </message>
    <message>
        <source>Compléter les réglages</source>
        <translation>Complete the settings</translation>
    </message>
    <message>
        <source>Appel enregistré dans l&apos;historique.</source>
        <translation>Call recorded in the history.</translation>
    </message>
    <message>
        <source>Le complément du signalement {reference} est dans la boîte d&apos;envoi : il rejoindra le même dossier au service client.</source>
        <translation>The follow-up of report {reference} is in the outbox: it will join the same ticket at the support desk.</translation>
    </message>
    <message>
        <source>Un signalement (cas {case}) commencé le {when} n&apos;a pas été terminé.</source>
        <translation>A report (case {case}) started on {when} was not finished.</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Abandonner</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;b&gt;Incident SI-SAMU&lt;/b&gt; — version {version} (commit {commit})&lt;br&gt;Signaler un incident sur les outils du SI-SAMU en suivant la procédure nationale.</source>
        <translation>&lt;b&gt;SI-SAMU incident&lt;/b&gt; — version {version} (commit {commit})&lt;br&gt;Report an incident on the SI-SAMU tools following the national procedure.</translation>
    </message>
</context>
<context>
    <name>MonitorService</name>
    <message>
        <source>Service SI-SAMU injoignable</source>
        <translation>SI-SAMU service unreachable</translation>
    </message>
    <message>
        <source>Service rétabli</source>
        <translation>Service restored</translation>
    </message>
    <message>
        <source>Réseau du poste injoignable ?</source>
        <translation>Workstation network unreachable?</translation>
    </message>
    <message>
        <source>La chronologie de la panne n&apos;a pas pu être jointe au signalement (disque plein ou protégé ?) ; le signalement reste à compléter.</source>
        <translation>The outage timeline could not be attached to the report (disk full or protected?); the report is still there to complete.</translation>
    </message>
    <message>
        <source>Signaler</source>
        <translation>Report</translation>
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
    <name>OutboxFlow</name>
    <message>
        <source>Ouvrir la boîte d&apos;envoi</source>
        <translation>Open the outbox</translation>
    </message>
    <message>
        <source>Le signalement {reference} n&apos;est pas encore parti. {why}</source>
        <translation>Report {reference} has not left yet. {why}</translation>
    </message>
    <message>
        <source>Envoyé à {to} — réf. {reference}</source>
        <translation>Sent to {to} — ref. {reference}</translation>
    </message>
    <message numerus="yes">
        <source>%n signalement(s) en attente dans la boîte d&apos;envoi : pas encore parti(s).</source>
        <translation>
            <numerusform>%n report waiting in the outbox: not sent yet.</numerusform>
            <numerusform>%n reports waiting in the outbox: not sent yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ce signalement n&apos;a pas pu être rouvert : il reste dans la boîte d&apos;envoi.</source>
        <translation>This report could not be reopened: it stays in the outbox.</translation>
    </message>
    <message>
        <source>Brouillon : repris pour être complété</source>
        <translation>Draft: taken back to be completed</translation>
    </message>
    <message>
        <source>En attente : {why}</source>
        <translation>Waiting: {why}</translation>
    </message>
    <message>
        <source>Quitter l&apos;application ?</source>
        <translation>Quit the application?</translation>
    </message>
    <message numerus="yes">
        <source>%n signalement(s) pas encore parti(s) : quitter quand même ?</source>
        <translation>
            <numerusform>%n report has not been sent yet: quit anyway?</numerusform>
            <numerusform>%n reports have not been sent yet: quit anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>Tant que l&apos;application est fermée, rien ne part ; l&apos;envoi reprend à son prochain démarrage. Gardez-la ouverte, ou ouvrez la boîte d&apos;envoi pour voir ce qui bloque.</source>
        <translation>While the application is closed, nothing leaves; sending resumes at its next start. Keep it open, or open the outbox to see what blocks.</translation>
    </message>
    <message>
        <source>&amp;Quitter quand même</source>
        <translation>&amp;Quit anyway</translation>
    </message>
    <message>
        <source>&amp;Garder l&apos;application ouverte</source>
        <translation>&amp;Keep the application open</translation>
    </message>
    <message>
        <source>Ouvrir la &amp;boîte d&apos;envoi</source>
        <translation>Open the &amp;outbox</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>&lt;h2&gt;Boîte d&apos;envoi&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Outbox&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Aucun serveur d&apos;envoi n&apos;est configuré : les signalements attendent ici. Configurez l&apos;envoi, ou exportez un signalement en .eml pour l&apos;envoyer avec votre messagerie.</source>
        <translation>No sending server is set up: reports wait here. Set up sending, or export a report as .eml to send it with your e-mail program.</translation>
    </message>
    <message>
        <source>Configurer l&apos;envoi…</source>
        <translation>Set up sending…</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Créé le</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Essais</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Signalements de la boîte d&apos;envoi</source>
        <translation>Reports in the outbox</translation>
    </message>
    <message>
        <source>Supprimer définitivement</source>
        <translation>Delete for good</translation>
    </message>
    <message>
        <source>Garder le signalement</source>
        <translation>Keep the report</translation>
    </message>
    <message>
        <source>&amp;Ouvrir le signalement</source>
        <translation>&amp;Open the report</translation>
    </message>
    <message>
        <source>Le reprendre dans le formulaire pour le compléter, puis l&apos;envoyer à nouveau.</source>
        <translation>Take it back into the form to complete it, then send it again.</translation>
    </message>
    <message>
        <source>&amp;Supprimer…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Réessayer maintenant</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Modifier les réglages d&apos;envoi…</source>
        <translation>Change the sending settings…</translation>
    </message>
    <message>
        <source>Exporter en .eml…</source>
        <translation>Export as .eml…</translation>
    </message>
    <message>
        <source>Ouvrir dans la messagerie</source>
        <translation>Open in the e-mail program</translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Enregistrer en PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>La boîte d&apos;envoi est vide.</source>
        <translation>The outbox is empty.</translation>
    </message>
    <message>
        <source>non renseigné</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Au départ, il prendra les réglages du moment : destinataire {to}, CRRA {crra}, déclarant {reporter}.</source>
        <translation>When it leaves, it takes the settings of that moment: recipient {to}, CRRA {crra}, reporter {reporter}.</translation>
    </message>
    <message>
        <source>Supprimer ce signalement ? Il ne partira pas et ne pourra pas être récupéré.</source>
        <translation>Delete this report? It will not leave and cannot be recovered.</translation>
    </message>
    <message>
        <source>Le signalement a été supprimé : il ne partira pas.</source>
        <translation>The report was deleted: it will not leave.</translation>
    </message>
    <message>
        <source>Exporter le signalement</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>Message électronique (*.eml)</source>
        <translation>E-mail message (*.eml)</translation>
    </message>
    <message>
        <source>Aucune messagerie n&apos;a pu ouvrir le message : utilisez « Exporter en .eml » puis joignez ou ouvrez le fichier vous-même.</source>
        <translation>No e-mail program could open the message: use “Export as .eml”, then attach or open the file yourself.</translation>
    </message>
    <message>
        <source>Destinataires : {to}</source>
        <translation>Recipients: {to}</translation>
    </message>
    <message>
        <source>Créé le {date}</source>
        <translation>Created on {date}</translation>
    </message>
    <message>
        <source>Enregistrer en PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Le PDF n&apos;a pas pu être enregistré à cet endroit : choisissez un autre dossier.</source>
        <translation>The PDF could not be saved in this location: choose another folder.</translation>
    </message>
</context>
<context>
    <name>PatientDataPanel</name>
    <message>
        <source>Passages signalés confirmés : ce ne sont pas des données de patient.</source>
        <translation>Flagged passages confirmed: they are not patient data.</translation>
    </message>
    <message>
        <source>Ce texte semble contenir des données de patient, et il quitte le centre : l&apos;envoi est bloqué. Retirez-les du texte, ou cochez chaque passage qui n&apos;en est pas.</source>
        <translation>This text seems to contain patient data, and it leaves the centre: sending is blocked. Remove them from the text, or tick each passage that is not patient data.</translation>
    </message>
    <message>
        <source>Ce texte semble contenir des données de patient : ne les lisez pas au support.</source>
        <translation>This text seems to contain patient data: do not read it out to the support desk.</translation>
    </message>
    <message>
        <source>« {text} » ({kind}) n&apos;est pas une donnée de patient</source>
        <translation>“{text}” ({kind}) is not patient data</translation>
    </message>
</context>
<context>
    <name>RedactionEditor</name>
    <message>
        <source>Captures du signalement</source>
        <translation>Report screenshots</translation>
    </message>
    <message>
        <source>Image &amp;vérifiée : aucune donnée de patient n&apos;est visible</source>
        <translation>Image chec&amp;ked: no patient data is visible</translation>
    </message>
    <message>
        <source>Nous vous rappelons que les données d&apos;un patient doivent être cachées.</source>
        <translation>Please remember that patient data must be hidden.</translation>
    </message>
    <message>
        <source>&amp;Zones à masquer</source>
        <translation>&amp;Areas to hide</translation>
    </message>
    <message>
        <source>Cochée : masquée. Décochez ce qui n&apos;est pas une donnée de patient.</source>
        <translation>Ticked: hidden. Untick what is not patient data.</translation>
    </message>
    <message>
        <source>Couleur des zones masquées</source>
        <translation>Colour of masked areas</translation>
    </message>
    <message>
        <source>Couleur :</source>
        <translation>Colour:</translation>
    </message>
    <message>
        <source>Zones proposées</source>
        <translation>Suggested areas</translation>
    </message>
    <message>
        <source>Masquer une zone</source>
        <translation>Mask an area</translation>
    </message>
    <message>
        <source>Sélectionner</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>Recadrer</source>
        <translation>Crop</translation>
    </message>
    <message>
        <source>Déplacer la vue</source>
        <translation>Move the view</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Supprimer la zone</source>
        <translation>Delete the area</translation>
    </message>
    <message>
        <source>Ajouter une zone au centre</source>
        <translation>Add an area in the centre</translation>
    </message>
    <message>
        <source>Zone suivante</source>
        <translation>Next area</translation>
    </message>
    <message>
        <source>Zone précédente</source>
        <translation>Previous area</translation>
    </message>
    <message>
        <source>Recadrer sur la zone</source>
        <translation>Crop to the area</translation>
    </message>
    <message>
        <source>Retirer le recadrage</source>
        <translation>Remove the crop</translation>
    </message>
    <message>
        <source>Retirer les zones proposées</source>
        <translation>Remove the suggested areas</translation>
    </message>
    <message>
        <source>Ajuster à la fenêtre</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <source>Taille réelle (100 %)</source>
        <translation>Actual size (100%)</translation>
    </message>
    <message>
        <source>Zoom avant</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom arrière</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Capture suivante</source>
        <translation>Next screenshot</translation>
    </message>
    <message>
        <source>Capture précédente</source>
        <translation>Previous screenshot</translation>
    </message>
    <message>
        <source>Marquer l&apos;image comme vérifiée</source>
        <translation>Mark the image as checked</translation>
    </message>
    <message>
        <source>Masquer tout ce qui reste visible</source>
        <translation>Hide everything still visible</translation>
    </message>
    <message>
        <source>Accepter toutes les zones proposées (les masquer)</source>
        <translation>Accept every proposed area (mask them)</translation>
    </message>
    <message>
        <source>Enregistrer l&apos;image masquée…</source>
        <translation>Save the masked image…</translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation>Mask</translation>
    </message>
    <message>
        <source>Sélection</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>Déplacer</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Sans propositions</source>
        <translation>No proposals</translation>
    </message>
    <message>
        <source>Tout masquer</source>
        <translation>Hide all</translation>
    </message>
    <message>
        <source>Tout accepter</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <source>Capture {n} sur {total}</source>
        <translation>Capture {n} of {total}</translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s) masquée(s)</source>
        <translation>
            <numerusform>%n area hidden</numerusform>
            <numerusform>%n areas hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dont %n proposée(s)</source>
        <translation>
            <numerusform>%n of them proposed</numerusform>
            <numerusform>%n of them proposed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s) encore visible(s)</source>
        <translation>
            <numerusform>%n area still visible</numerusform>
            <numerusform>%n areas still visible</numerusform>
        </translation>
    </message>
    <message>
        <source>Sans recadrage</source>
        <translation>No crop</translation>
    </message>
    <message>
        <source>Ajuster</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Précédente</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Suivante</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Enregistrer…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Sélectionnez une seule zone pour recadrer dessus.</source>
        <translation>Select a single area to crop to it.</translation>
    </message>
    <message>
        <source>vérifiée</source>
        <translation>checked</translation>
    </message>
    <message>
        <source>à vérifier</source>
        <translation>to check</translation>
    </message>
    <message>
        <source>Capture {n} — {mark}</source>
        <translation>Screenshot {n} — {mark}</translation>
    </message>
    <message>
        <source>Rien n&apos;est resté visible après masquage.</source>
        <translation>Nothing was left visible after hiding.</translation>
    </message>
    <message>
        <source>Aucune capture dans ce signalement.</source>
        <translation>No screenshots in this report.</translation>
    </message>
    <message>
        <source>Enregistrer l&apos;image masquée</source>
        <translation>Save the masked image</translation>
    </message>
    <message>
        <source>Images PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Image masquée enregistrée : {name}</source>
        <translation>Masked image saved: {name}</translation>
    </message>
    <message>
        <source>L&apos;image masquée n&apos;a pas pu être enregistrée : réessayez.</source>
        <translation>The masked image could not be saved: try again.</translation>
    </message>
</context>
<context>
    <name>ReportWizard</name>
    <message>
        <source>&amp;Précédent</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Relire avant l&apos;envoi</source>
        <translation>&amp;Review before sending</translation>
    </message>
    <message>
        <source>Téléphonez au support SI-SAMU</source>
        <translation>Call the SI-SAMU support desk</translation>
    </message>
    <message>
        <source>Des copies d&apos;écran ne sont pas encore vérifiées : masquez les données des patients, cochez « vérifiée » sur chacune, puis joignez-les.</source>
        <translation>Some screenshots are not checked yet: mask the patient data, tick “checked” on each one, then attach them.</translation>
    </message>
    <message>
        <source>&amp;Envoyer au service informatique</source>
        <translation>&amp;Send to the IT department</translation>
    </message>
    <message>
        <source>&amp;Terminer</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>&amp;Envoyer au support SI-SAMU</source>
        <translation>&amp;Send to SI-SAMU support</translation>
    </message>
    <message>
        <source>Contact du service informatique non renseigné : demandez-le à votre administrateur.</source>
        <translation>IT department contact not filled in: ask your administrator for it.</translation>
    </message>
    <message>
        <source>Votre service informatique : {contact}</source>
        <translation>Your IT department: {contact}</translation>
    </message>
    <message>
        <source>Application reconnue d&apos;après la fenêtre active : {application}. &lt;a href=&apos;#change&apos;&gt;Choisir une autre application&lt;/a&gt;</source>
        <translation>Application recognised from the active window: {application}. &lt;a href=&apos;#change&apos;&gt;Choose another application&lt;/a&gt;</translation>
    </message>
    <message>
        <source>La trace écrite de l&apos;appel part par e-mail : retirez les données de patient signalées, ou cochez chaque passage qui n&apos;en est pas, puis revenez à l&apos;appel.</source>
        <translation>The call&apos;s written trace leaves by e-mail: remove the flagged patient data, or tick each passage that is not patient data, then go back to the call.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>&amp;Titre court :</source>
        <translation>Short &amp;title:</translation>
    </message>
    <message>
        <source>Titre court du signalement</source>
        <translation>Short title of the report</translation>
    </message>
    <message>
        <source>Généré à partir de la description si vide</source>
        <translation>Generated from the description if left empty</translation>
    </message>
    <message>
        <source>Aperçu du signalement</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <source>&amp;Copier le texte</source>
        <translation>&amp;Copy the text</translation>
    </message>
    <message>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Enregistrer…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <source>Objet : {subject}</source>
        <translation>Subject: {subject}</translation>
    </message>
    <message>
        <source>Enregistrer le signalement</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Texte (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être enregistré à cet endroit : choisissez un autre dossier (par exemple Documents).</source>
        <translation>The file could not be saved there: choose another folder (Documents, for example).</translation>
    </message>
    <message>
        <source>Signalement enregistré : {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>ScreenshotsPage</name>
    <message>
        <source>&amp;Capturer tous les écrans</source>
        <translation>&amp;Capture all screens</translation>
    </message>
    <message>
        <source>La fenêtre se cache le temps de la capture, puis revient.</source>
        <translation>The window hides while the screenshot is taken, then comes back.</translation>
    </message>
    <message>
        <source>&amp;Joindre les copies d&apos;écran vérifiées</source>
        <translation>&amp;Attach the checked screenshots</translation>
    </message>
    <message>
        <source>&amp;Masquer ce qui reste et joindre</source>
        <translation>&amp;Hide what is left and attach</translation>
    </message>
    <message>
        <source>Recherche des données de patient en cours…</source>
        <translation>Searching for patient data…</translation>
    </message>
    <message>
        <source>Vérification des copies d&apos;écran masquées en cours…</source>
        <translation>Checking the hidden screenshots…</translation>
    </message>
    <message>
        <source>Aucune capture : utilisez « Capturer tous les écrans ».</source>
        <translation>No capture: use “Capture all screens”.</translation>
    </message>
    <message numerus="yes">
        <source>Cochez « Image vérifiée » sur la capture n° %1 (Alt+V).</source>
        <translation>
            <numerusform>Tick “Image checked” on capture no. %1 (Alt+K).</numerusform>
            <numerusform>Tick “Image checked” on captures no. %1 (Alt+K).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Joindre en laissant ces zones visibles</source>
        <translation>&amp;Attach, leaving these areas visible</translation>
    </message>
    <message>
        <source>Image vérifiée : &amp;joindre la copie d&apos;écran</source>
        <translation>Image checked: &amp;attach the screenshot</translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s) semble(nt) encore montrer des données de patient : encadrée(s) en rouge sur l&apos;image et listée(s) à droite. Masquez-les (Alt+M), ou joignez en les laissant visibles si ce ne sont pas des données de patient.</source>
        <translation>
            <numerusform>%n area still seems to show patient data: framed in red on the image and listed on the right. Hide it (Alt+H), or attach it left visible if it is not patient data.</numerusform>
            <numerusform>%n areas still seem to show patient data: framed in red on the image and listed on the right. Hide them (Alt+H), or attach them left visible if they are not patient data.</numerusform>
        </translation>
    </message>
    <message>
        <source>Les copies d&apos;écran n&apos;ont pas pu être préparées : réessayez.</source>
        <translation>The screenshots could not be prepared: try again.</translation>
    </message>
</context>
<context>
    <name>SendReadinessPanel</name>
    <message>
        <source>Le signalement {reference} est dans la boîte d&apos;envoi : il part dès que le serveur d&apos;envoi répond, même si vous fermez cette fenêtre. Donnez cette référence si vous rappelez le support.</source>
        <translation>Report {reference} is in the outbox: it leaves as soon as the mail server answers, even if you close this window. Give this reference if you call the support desk again.</translation>
    </message>
    <message>
        <source>Le signalement {reference} est gardé dans la boîte d&apos;envoi, mais il ne peut pas partir d&apos;ici : {reason} Complétez les réglages, ou ouvrez-le dans votre messagerie depuis la boîte d&apos;envoi.</source>
        <translation>Report {reference} is kept in the outbox, but it cannot leave from here: {reason} Complete the settings, or open it in your mail program from the outbox.</translation>
    </message>
    <message>
        <source>Ce signalement ne peut pas partir d&apos;ici pour l&apos;instant.</source>
        <translation>This report cannot leave from here for now.</translation>
    </message>
    <message>
        <source>Ce que vous pouvez faire maintenant : l&apos;ouvrir dans votre messagerie, prêt à envoyer ; l&apos;enregistrer ; appeler le support ; ou compléter les réglages. « Envoyer » le garde dans la boîte d&apos;envoi : il partira une fois les réglages complétés.</source>
        <translation>What you can do now: open it in your mail program, ready to send; save it; call the support desk; or complete the settings. “Send” keeps it in the outbox: it will leave once the settings are complete.</translation>
    </message>
    <message>
        <source>Ouvrir dans la &amp;messagerie</source>
        <translation>Open in the &amp;mail program</translation>
    </message>
    <message>
        <source>Enregistrer le &amp;message…</source>
        <translation>Save the &amp;message…</translation>
    </message>
    <message>
        <source>Copier le numéro</source>
        <translation>Copy the number</translation>
    </message>
    <message>
        <source>Compléter les &amp;réglages</source>
        <translation>Complete the &amp;settings</translation>
    </message>
    <message>
        <source>Numéro du support : {number}</source>
        <translation>Support desk number: {number}</translation>
    </message>
    <message>
        <source>Le numéro du support n&apos;est pas renseigné sur ce poste : demandez-le à votre encadrement.</source>
        <translation>The support desk number is not set on this workstation: ask your supervisor for it.</translation>
    </message>
    <message>
        <source>Le message n&apos;a pas pu être préparé : réessayez, ou appelez le support.</source>
        <translation>The message could not be prepared: try again, or call the support desk.</translation>
    </message>
    <message>
        <source>Le message s&apos;ouvre dans votre messagerie, prêt à envoyer : vérifiez-le, puis envoyez-le. Fichier : {path}</source>
        <translation>The message opens in your mail program, ready to send: check it, then send it. File: {path}</translation>
    </message>
    <message>
        <source>Aucune messagerie n&apos;a pu l&apos;ouvrir : le message est enregistré ici, joignez-le ou ouvrez-le vous-même : {path}</source>
        <translation>No mail program could open it: the message is saved here, attach it or open it yourself: {path}</translation>
    </message>
    <message>
        <source>Enregistrer le message</source>
        <translation>Save the message</translation>
    </message>
    <message>
        <source>Message électronique (*.eml)</source>
        <translation>E-mail message (*.eml)</translation>
    </message>
    <message>
        <source>Message enregistré : {path}. Ouvrez-le avec votre messagerie pour l&apos;envoyer, ou transmettez-le.</source>
        <translation>Message saved: {path}. Open it with your mail program to send it, or pass it on.</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <source>Le signalement n&apos;a pas pu être placé dans la boîte d&apos;envoi ; il est conservé. Réessayez, ou prévenez votre service informatique.</source>
        <translation>The report could not be put in the outbox; it has been kept. Try again, or tell your IT department.</translation>
    </message>
    <message>
        <source>Le complément n&apos;a pas pu être placé dans la boîte d&apos;envoi. Réessayez, ou prévenez votre service informatique.</source>
        <translation>The follow-up could not be put in the outbox. Try again, or tell your IT department.</translation>
    </message>
    <message>
        <source>La trace écrite de l&apos;appel {reference} est gardée dans la boîte d&apos;envoi, mais elle ne peut pas partir d&apos;ici : {reason}</source>
        <translation>The written trace of call {reference} is kept in the outbox, but it cannot leave from here: {reason}</translation>
    </message>
    <message>
        <source>La trace écrite de l&apos;appel {reference} est dans la boîte d&apos;envoi : elle part vers le support dès que le serveur d&apos;envoi répond.</source>
        <translation>The written trace of call {reference} is in the outbox: it goes to the support desk as soon as the mail server answers.</translation>
    </message>
    <message>
        <source>La trace écrite de l&apos;appel n&apos;a pas pu être placée dans la boîte d&apos;envoi ; l&apos;appel reste noté dans l&apos;historique.</source>
        <translation>The written trace of the call could not be put in the outbox; the call stays recorded in the history.</translation>
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
        <source>La valeur de « {field} » n&apos;est pas valable : corrigez-la puis enregistrez à nouveau.</source>
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
        <source>Téléphone support (prise d&apos;appels, cas A)</source>
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
        <source>Le serveur d&apos;envoi, l&apos;identifiant et le mot de passe se règlent dans Fichier › Serveur d&apos;envoi…</source>
        <translation>The sending server, login and password are set in File › Outgoing mail server…</translation>
    </message>
    <message>
        <source>Taille maximale d&apos;un e-mail (Mo)</source>
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
    <message>
        <source>Masquage strict : proposer de masquer tout texte des captures qui n&apos;est pas un mot de l&apos;interface</source>
        <translation>Strict masking: propose to mask any text in screenshots that is not a word of the interface</translation>
    </message>
    <message>
        <source>Masquage strict des captures</source>
        <translation>Strict masking of screenshots</translation>
    </message>
    <message>
        <source>Pour ne rien laisser passer : tout texte qui n&apos;est pas un libellé, un bouton ou un menu des outils SI-SAMU est proposé au masquage. Vous retirez ce qui doit rester visible.</source>
        <translation>So that nothing slips through: any text that is not a label, button or menu of the SI-SAMU tools is proposed for masking. You remove what must stay visible.</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsDialog</name>
    <message>
        <source>Réglages d&apos;envoi</source>
        <translation>Sending settings</translation>
    </message>
    <message>
        <source>STARTTLS (recommandé)</source>
        <translation>STARTTLS (recommended)</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
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
        <source>Identifiant</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Adresse d&apos;expéditeur</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>Copie (facultative)</source>
        <translation>Copy to (optional)</translation>
    </message>
    <message>
        <source>Tester la connexion</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <source>Résultat du test de connexion</source>
        <translation>Connection test result</translation>
    </message>
    <message>
        <source>Non autorisé par votre administrateur.</source>
        <translation>Not allowed by your administrator.</translation>
    </message>
    <message>
        <source>Fixé par votre administrateur : ce réglage ne peut pas être modifié.</source>
        <translation>Set by your administrator: this setting cannot be changed.</translation>
    </message>
    <message>
        <source>Attention : sans chiffrement, le mot de passe et le signalement circulent en clair sur le réseau. Votre administrateur l&apos;autorise ; préférez STARTTLS si le serveur le permet.</source>
        <translation>Warning: without encryption, the password and the report travel unencrypted over the network. Your administrator allows this; use STARTTLS instead if the server supports it.</translation>
    </message>
    <message>
        <source>L&apos;envoi sans chiffrement n&apos;est pas autorisé par votre administrateur : choisissez STARTTLS ou TLS.</source>
        <translation>Sending without encryption is not allowed by your administrator: choose STARTTLS or TLS.</translation>
    </message>
    <message>
        <source>Enregistré dans le trousseau — laisser vide pour le garder</source>
        <translation>Saved in the keyring — leave blank to keep it</translation>
    </message>
    <message>
        <source>Aucun mot de passe enregistré</source>
        <translation>No password saved</translation>
    </message>
    <message>
        <source>Le mot de passe est conservé dans le trousseau sécurisé du système, jamais dans un fichier ; il n&apos;est jamais réaffiché.</source>
        <translation>The password is kept in the system&apos;s secure keyring, never in a file; it is never shown again.</translation>
    </message>
    <message>
        <source>Le test n&apos;a pas pu être mené à son terme : réessayez.</source>
        <translation>The test could not be completed: try again.</translation>
    </message>
    <message>
        <source>Réglage à corriger</source>
        <translation>Setting to correct</translation>
    </message>
    <message>
        <source>Une valeur n&apos;est pas valable (port, adresse…) : corrigez-la puis réessayez.</source>
        <translation>A value is not valid (port, address…): correct it, then try again.</translation>
    </message>
</context>
<context>
    <name>StrictSwitch</name>
    <message>
        <source>Propose de masquer tout texte de cette capture qui n&apos;est pas un libellé, un bouton ou un menu des outils SI-SAMU. Retirez ce qui doit rester visible.</source>
        <translation>Proposes to mask any text of this screenshot that is not a label, button or menu of the SI-SAMU tools. Remove what must stay visible.</translation>
    </message>
    <message>
        <source>Mode strict : tout proposer sauf l&apos;interface</source>
        <translation>Strict mode: propose everything but the interface</translation>
    </message>
    <message>
        <source>Fixé par votre administrateur : ce réglage ne peut pas être modifié.</source>
        <translation>Set by your administrator: this setting cannot be changed.</translation>
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
    <name>YesNoEditor</name>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>_MonitorPane</name>
    <message>
        <source>Sélection d&apos;une zone de l&apos;écran</source>
        <translation>Selecting an area of the screen</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Incident SI-SAMU</source>
        <translation>SI-SAMU incident</translation>
    </message>
    <message>
        <source>L&apos;application s&apos;est arrêtée de façon inattendue lors de sa dernière utilisation. Si cela se reproduit, transmettez les détails à votre service informatique.</source>
        <translation>The application stopped unexpectedly the last time it was used. If this happens again, send the details to your IT department.</translation>
    </message>
    <message>
        <source>Une erreur inattendue s&apos;est produite ; votre saisie est conservée. Si cela se reproduit, transmettez les détails à votre service informatique.</source>
        <translation>An unexpected error occurred; what you entered is kept. If this happens again, send the details to your IT department.</translation>
    </message>
    <message>
        <source>Aucun écran n&apos;est disponible (ni DISPLAY ni WAYLAND_DISPLAY) : lancez l&apos;application depuis une session graphique.</source>
        <translation>No screen is available (neither DISPLAY nor WAYLAND_DISPLAY): start the application from a graphical session.</translation>
    </message>
    <message>
        <source>L&apos;application est déjà ouverte mais ne répond pas : fermez-la (ou redémarrez la session), puis relancez-la.</source>
        <translation>The application is already open but does not respond: close it (or restart the session), then start it again.</translation>
    </message>
    <message>
        <source>Premier démarrage : indiquez votre centre, vos coordonnées et le serveur d&apos;envoi, pour que vos signalements puissent partir. Vous pouvez le faire plus tard ; un signalement peut déjà être écrit.</source>
        <translation>First start: enter your centre, your contact details and the mail server, so that your reports can leave. You can do it later; a report can already be written.</translation>
    </message>
    <message>
        <source>Faire les réglages</source>
        <translation>Set up now</translation>
    </message>
</context>
<context>
    <name>autostart</name>
    <message>
        <source>Le démarrage avec la session n&apos;a pas pu être modifié : vérifiez que votre dossier personnel est accessible en écriture, puis réessayez.</source>
        <translation>The “start with the session” setting could not be changed: check that you can write to your home folder, then try again.</translation>
    </message>
    <message>
        <source>Signaler un incident sur les outils du SI-SAMU</source>
        <translation>Report an incident on the SI-SAMU tools</translation>
    </message>
</context>
<context>
    <name>capture</name>
    <message>
        <source>La capture d&apos;écran a échoué. Réessayez ; si cela se reproduit, faites la capture avec l&apos;outil du système et joignez-la au signalement.</source>
        <translation>The screenshot failed. Try again; if this happens again, take the screenshot with the system&apos;s own tool and attach it to the report.</translation>
    </message>
    <message>
        <source>La zone choisie est hors des écrans : choisissez-en une autre.</source>
        <translation>The chosen area is outside the screens: choose another one.</translation>
    </message>
    <message>
        <source>La capture d&apos;écran n&apos;est pas disponible dans une session Wayland : choisissez une session « Xorg » sur l&apos;écran de connexion, puis réessayez.</source>
        <translation>Screenshots are not available in a Wayland session: choose an “Xorg” session on the login screen, then try again.</translation>
    </message>
    <message>
        <source>Aucun écran n&apos;est disponible pour la capture : lancez l&apos;application depuis une session graphique.</source>
        <translation>No screen is available for the screenshot: start the application from a graphical session.</translation>
    </message>
    <message>
        <source>Cet écran n&apos;est plus branché : choisissez-en un autre.</source>
        <translation>This screen is no longer connected: choose another one.</translation>
    </message>
    <message>
        <source>Aucune fenêtre active n&apos;a été trouvée : cliquez dans la fenêtre à capturer, puis réessayez.</source>
        <translation>No active window was found: click in the window you want to capture, then try again.</translation>
    </message>
</context>
<context>
    <name>catalogue</name>
    <message>
        <source>ce n&apos;est pas un fichier ordinaire, ou il est beaucoup trop gros</source>
        <translation>it is not a regular file, or it is far too big</translation>
    </message>
    <message>
        <source>Le fichier de la procédure « {file} » est introuvable ou illisible : réinstallez l&apos;application ou prévenez votre administrateur.</source>
        <translation>The procedure file “{file}” cannot be found or read: reinstall the application or tell your administrator.</translation>
    </message>
    <message>
        <source>le fichier est beaucoup trop gros</source>
        <translation>the file is far too large</translation>
    </message>
    <message>
        <source>le fichier n&apos;est pas un texte UTF-8</source>
        <translation>the file is not UTF-8 text</translation>
    </message>
    <message>
        <source>JSON incorrect ligne {line}, colonne {column}</source>
        <translation>invalid JSON at line {line}, column {column}</translation>
    </message>
    <message>
        <source>le fichier est trop imbriqué</source>
        <translation>the file is nested too deeply</translation>
    </message>
    <message>
        <source> (et {count} autre(s) problème(s))</source>
        <translation> (and {count} other problem(s))</translation>
    </message>
    <message>
        <source>Le fichier de la procédure « {file} » est invalide : {problem}. Réinstallez l&apos;application ou prévenez votre administrateur.</source>
        <translation>The procedure file “{file}” is invalid: {problem}. Reinstall the application or tell your administrator.</translation>
    </message>
    <message>
        <source>valeur manquante</source>
        <translation>missing value</translation>
    </message>
    <message>
        <source>clé inconnue</source>
        <translation>unknown key</translation>
    </message>
    <message>
        <source>valeur non autorisée (attendu : {expected})</source>
        <translation>value not allowed (expected: {expected})</translation>
    </message>
    <message>
        <source>identifiant ou numéro de version mal formé</source>
        <translation>malformed identifier or version number</translation>
    </message>
    <message>
        <source>valeur vide</source>
        <translation>empty value</translation>
    </message>
    <message>
        <source>valeur trop longue</source>
        <translation>value too long</translation>
    </message>
    <message>
        <source>valeur incorrecte ({kind})</source>
        <translation>incorrect value ({kind})</translation>
    </message>
    <message>
        <source>{where} : {what}</source>
        <translation>{where}: {what}</translation>
    </message>
    <message>
        <source>cas</source>
        <translation>case</translation>
    </message>
    <message>
        <source>application</source>
        <translation>application</translation>
    </message>
    <message>
        <source>champ</source>
        <translation>field</translation>
    </message>
    <message>
        <source>choix</source>
        <translation>choice</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>condition</translation>
    </message>
    <message>
        <source>un champ à choix doit proposer au moins deux choix</source>
        <translation>a choice field must offer at least two choices</translation>
    </message>
    <message>
        <source>deux choix portent le même identifiant</source>
        <translation>two choices have the same identifier</translation>
    </message>
    <message>
        <source>le type « {type} » n&apos;accepte pas de liste de choix</source>
        <translation>type “{type}” does not accept a list of choices</translation>
    </message>
    <message>
        <source>le type « {type} » n&apos;accepte pas de longueur maximale</source>
        <translation>type “{type}” does not accept a maximum length</translation>
    </message>
    <message>
        <source>le pré-remplissage « {prefill} » ne convient pas au type « {type} »</source>
        <translation>pre-fill “{prefill}” does not suit type “{type}”</translation>
    </message>
    <message>
        <source>le champ de début d&apos;incident doit être de type datetime</source>
        <translation>the incident start field must be of type datetime</translation>
    </message>
    <message>
        <source>le champ de description doit être un texte</source>
        <translation>the description field must be text</translation>
    </message>
    <message>
        <source>cas {case}</source>
        <translation>case {case}</translation>
    </message>
    <message>
        <source>cas {case}, application « {app} »</source>
        <translation>case {case}, application “{app}”</translation>
    </message>
    <message>
        <source>le cas « {case} » est défini deux fois</source>
        <translation>case “{case}” is defined twice</translation>
    </message>
    <message>
        <source>cas {case} : l&apos;application « {app} » est définie deux fois</source>
        <translation>case {case}: application “{app}” is defined twice</translation>
    </message>
    <message>
        <source>{where}, champ « {field} »</source>
        <translation>{where}, field “{field}”</translation>
    </message>
    <message>
        <source>{here} : cet identifiant est déjà utilisé dans ce formulaire</source>
        <translation>{here}: this identifier is already used in this form</translation>
    </message>
    <message>
        <source>{where} : plusieurs champs ont le rôle « {role} » ({fields})</source>
        <translation>{where}: several fields have the role “{role}” ({fields})</translation>
    </message>
    <message>
        <source>{where} : aucun champ n&apos;a le rôle « start » (date et heure de début)</source>
        <translation>{where}: no field has the role “start” (start date and time)</translation>
    </message>
    <message>
        <source>{here} : la condition porte sur le champ lui-même</source>
        <translation>{here}: the condition refers to the field itself</translation>
    </message>
    <message>
        <source>{here} : la condition porte sur le champ « {source} », qui doit être placé avant</source>
        <translation>{here}: the condition refers to field “{source}”, which must be placed before it</translation>
    </message>
    <message>
        <source>{here} : la condition porte sur le champ inconnu « {source} »</source>
        <translation>{here}: the condition refers to unknown field “{source}”</translation>
    </message>
    <message>
        <source>{here} : la condition porte sur « {source} », qui n&apos;est pas un choix</source>
        <translation>{here}: the condition refers to “{source}”, which is not a choice</translation>
    </message>
    <message>
        <source>{here} : la condition attend la valeur « {value} », que le champ « {source} » ne propose pas</source>
        <translation>{here}: the condition expects the value “{value}”, which field “{source}” does not offer</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>Firefox n&apos;est pas installé sur ce poste.</source>
        <translation>Firefox is not installed on this workstation.</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique d&apos;installer Firefox ESR, le navigateur des outils du SI-SAMU.</source>
        <translation>Ask your IT department to install Firefox ESR, the browser used for the SI-SAMU tools.</translation>
    </message>
    <message>
        <source>Firefox {version} est installé et fait partie des versions prises en charge ({listed}).</source>
        <translation>Firefox {version} is installed and is one of the supported versions ({listed}).</translation>
    </message>
    <message>
        <source>Firefox {version} est trop ancien : les versions prises en charge sont {listed}.</source>
        <translation>Firefox {version} is too old: the supported versions are {listed}.</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique de mettre Firefox ESR à jour.</source>
        <translation>Ask your IT department to update Firefox ESR.</translation>
    </message>
    <message>
        <source>Firefox {version} n&apos;est pas une version ESR (canal « {channel} ») ; les versions prises en charge sont {listed}.</source>
        <translation>Firefox {version} is not an ESR version (“{channel}” channel); the supported versions are {listed}.</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique d&apos;installer Firefox ESR.</source>
        <translation>Ask your IT department to install Firefox ESR.</translation>
    </message>
    <message>
        <source>Firefox {version} ne fait pas partie des versions prises en charge ({listed}).</source>
        <translation>Firefox {version} is not one of the supported versions ({listed}).</translation>
    </message>
    <message>
        <source>Signalez cette version dans votre demande ; si l&apos;incident persiste, demandez à votre service informatique une version prise en charge.</source>
        <translation>Mention this version in your request; if the incident continues, ask your IT department for a supported version.</translation>
    </message>
    <message>
        <source>Ni Chrome ni Edge ne sont installés sur ce poste.</source>
        <translation>Neither Chrome nor Edge is installed on this workstation.</translation>
    </message>
    <message>
        <source>Pour information : {browsers}.</source>
        <translation>For information: {browsers}.</translation>
    </message>
    <message>
        <source>Firefox n&apos;est pas installé : aucun profil à vérifier.</source>
        <translation>Firefox is not installed: no profile to check.</translation>
    </message>
    <message>
        <source>Aucun profil Firefox n&apos;a été trouvé pour cet utilisateur.</source>
        <translation>No Firefox profile was found for this user.</translation>
    </message>
    <message>
        <source>Ouvrez Firefox une première fois, puis relancez le test.</source>
        <translation>Open Firefox once, then run the test again.</translation>
    </message>
    <message>
        <source>Ce réglage est imposé par une stratégie de votre service informatique : demandez-lui d&apos;autoriser la conservation des cookies du portail SI-SAMU.</source>
        <translation>This setting is imposed by a policy from your IT department: ask them to allow the SI-SAMU portal cookies to be kept.</translation>
    </message>
    <message>
        <source>Dans Firefox, ouvrez Paramètres &gt; Vie privée et sécurité et décochez « Supprimer les cookies et les données des sites à la fermeture de Firefox » (et choisissez « Conserver l&apos;historique »), puis redémarrez Firefox.</source>
        <translation>In Firefox, open Settings &gt; Privacy &amp; Security and untick “Delete cookies and site data when Firefox is closed” (and choose “Remember history”), then restart Firefox.</translation>
    </message>
    <message>
        <source>Le profil Firefox utilisé ({profile}) efface les cookies à la fermeture : l&apos;association entre votre poste et votre téléphone dans le bandeau de communication est perdue à chaque redémarrage du navigateur.</source>
        <translation>The Firefox profile in use ({profile}) deletes cookies when Firefox closes: the link between your workstation and your phone in the communication banner is lost every time the browser restarts.</translation>
    </message>
    <message>
        <source>Le profil Firefox utilisé conserve les cookies, mais un autre profil ({profile}) les efface à la fermeture.</source>
        <translation>The Firefox profile in use keeps cookies, but another profile ({profile}) deletes them when Firefox closes.</translation>
    </message>
    <message>
        <source>Utilisez le profil habituel pour les outils du SI-SAMU, ou réglez aussi l&apos;autre profil pour conserver les cookies.</source>
        <translation>Use your usual profile for the SI-SAMU tools, or set the other profile to keep cookies as well.</translation>
    </message>
    <message>
        <source>Firefox conserve les cookies à la fermeture.</source>
        <translation>Firefox keeps cookies when it closes.</translation>
    </message>
    <message>
        <source>{count} profils vérifiés.</source>
        <translation>{count} profiles checked.</translation>
    </message>
    <message>
        <source>Vous vous connectez sans carte CPS (réglage « mode de connexion ») : rien à vérifier.</source>
        <translation>You log in without a CPS card (“login method” setting): nothing to check.</translation>
    </message>
    <message>
        <source>La Cryptolib CPS n&apos;est pas installée.</source>
        <translation>Cryptolib CPS is not installed.</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique d&apos;installer la Cryptolib CPS {version} ou plus récente.</source>
        <translation>Ask your IT department to install Cryptolib CPS {version} or later.</translation>
    </message>
    <message>
        <source>La Cryptolib CPS est installée mais sa version n&apos;a pas pu être lue.</source>
        <translation>Cryptolib CPS is installed but its version could not be read.</translation>
    </message>
    <message>
        <source>Vérifiez avec votre service informatique qu&apos;il s&apos;agit de la version {version} ou plus récente.</source>
        <translation>Check with your IT department that it is version {version} or later.</translation>
    </message>
    <message>
        <source>La Cryptolib CPS {found} est trop ancienne : la version {version} ou plus récente est nécessaire pour les cartes CPS4.</source>
        <translation>Cryptolib CPS {found} is too old: version {version} or later is needed for CPS4 cards.</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique de mettre la Cryptolib CPS à jour.</source>
        <translation>Ask your IT department to update Cryptolib CPS.</translation>
    </message>
    <message>
        <source>Cryptolib CPS {found} installée.</source>
        <translation>Cryptolib CPS {found} installed.</translation>
    </message>
    <message>
        <source>La bibliothèque de la Cryptolib CPS est introuvable ({path}).</source>
        <translation>The Cryptolib CPS library cannot be found ({path}).</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique de réinstaller la Cryptolib CPS.</source>
        <translation>Ask your IT department to reinstall Cryptolib CPS.</translation>
    </message>
    <message>
        <source>Le module de sécurité CPS est déclaré dans Firefox.</source>
        <translation>The CPS security module is loaded in Firefox.</translation>
    </message>
    <message>
        <source>Le module de sécurité CPS n&apos;est pas déclaré dans Firefox : la connexion par carte sera refusée.</source>
        <translation>The CPS security module is not loaded in Firefox: card login will be refused.</translation>
    </message>
    <message>
        <source>Dans Firefox, Paramètres &gt; Vie privée et sécurité &gt; Périphériques de sécurité, chargez le module de la Cryptolib CPS, ou demandez-le à votre service informatique.</source>
        <translation>In Firefox, under Settings &gt; Privacy &amp; Security &gt; Security Devices, load the Cryptolib CPS module, or ask your IT department to do it.</translation>
    </message>
    <message>
        <source>Le service de carte à puce fonctionne.</source>
        <translation>The smart card service is running.</translation>
    </message>
    <message>
        <source>Le service de carte à puce est arrêté (SCardSvr sous Windows, pcscd sous Linux).</source>
        <translation>The smart card service is stopped (SCardSvr on Windows, pcscd on Linux).</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique de démarrer le service de carte à puce.</source>
        <translation>Ask your IT department to start the smart card service.</translation>
    </message>
    <message>
        <source>L&apos;état du service de carte à puce n&apos;a pas pu être lu.</source>
        <translation>The status of the smart card service could not be read.</translation>
    </message>
    <message>
        <source>Les lecteurs de carte n&apos;ont pas pu être interrogés.</source>
        <translation>The card readers could not be queried.</translation>
    </message>
    <message>
        <source>Vérifiez que le lecteur est branché et que son voyant est allumé.</source>
        <translation>Check that the reader is plugged in and that its light is on.</translation>
    </message>
    <message>
        <source>Aucun lecteur de carte n&apos;est branché.</source>
        <translation>No card reader is plugged in.</translation>
    </message>
    <message>
        <source>Branchez le lecteur de carte CPS, attendez quelques secondes, puis relancez cette vérification.</source>
        <translation>Plug in the CPS card reader, wait a few seconds, then run this check again.</translation>
    </message>
    <message>
        <source>Lecteur de carte : {names}.</source>
        <translation>Card reader: {names}.</translation>
    </message>
    <message>
        <source>Une carte est insérée.</source>
        <translation>A card is inserted.</translation>
    </message>
    <message>
        <source>Aucune carte n&apos;est insérée dans le lecteur.</source>
        <translation>No card is inserted in the reader.</translation>
    </message>
    <message>
        <source>Insérez votre carte CPS puis relancez cette vérification.</source>
        <translation>Insert your CPS card, then run this check again.</translation>
    </message>
    <message>
        <source>Carte CPS : tout est prêt (Cryptolib {version}, module Firefox, service, lecteur et carte).</source>
        <translation>CPS card: everything is ready (Cryptolib {version}, Firefox module, service, reader and card).</translation>
    </message>
    <message>
        <source>Réussi</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Échec</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Sans objet</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Délai dépassé à l&apos;étape « {step} ».</source>
        <translation>Timed out at the “{step}” step.</translation>
    </message>
    <message>
        <source>résolution du nom (DNS)</source>
        <translation>name resolution (DNS)</translation>
    </message>
    <message>
        <source>connexion TCP</source>
        <translation>TCP connection</translation>
    </message>
    <message>
        <source>passage par le proxy</source>
        <translation>going through the proxy</translation>
    </message>
    <message>
        <source>négociation TLS</source>
        <translation>TLS negotiation</translation>
    </message>
    <message>
        <source>réponse HTTP</source>
        <translation>HTTP response</translation>
    </message>
    <message>
        <source>ouverture WebSocket</source>
        <translation>WebSocket opening</translation>
    </message>
    <message>
        <source>serveur de temps (NTP)</source>
        <translation>time server (NTP)</translation>
    </message>
    <message>
        <source>dialogue SMTP</source>
        <translation>SMTP exchange</translation>
    </message>
    <message>
        <source>adresse</source>
        <translation>address</translation>
    </message>
    <message>
        <source>L&apos;adresse « {url} » n&apos;est pas valide (https://… ou wss://… attendu).</source>
        <translation>The address “{url}” is not valid (https://… or wss://… expected).</translation>
    </message>
    <message>
        <source>Le port de l&apos;adresse « {url} » n&apos;est pas valide.</source>
        <translation>The port in the address “{url}” is not valid.</translation>
    </message>
    <message>
        <source>Le nom « {host} » n&apos;a pas pu être résolu (DNS).</source>
        <translation>The name “{host}” could not be resolved (DNS).</translation>
    </message>
    <message>
        <source>Pas de réponse de {host}:{port} (délai dépassé) : un pare-feu bloque peut-être l&apos;accès.</source>
        <translation>No response from {host}:{port} (timed out): a firewall may be blocking access.</translation>
    </message>
    <message>
        <source>Connexion refusée par {host}:{port}.</source>
        <translation>Connection refused by {host}:{port}.</translation>
    </message>
    <message>
        <source>Connexion impossible à {host}:{port}.</source>
        <translation>Could not connect to {host}:{port}.</translation>
    </message>
    <message>
        <source>Le proxy {proxy} refuse l&apos;accès à {host} (code {code}).</source>
        <translation>The proxy {proxy} denies access to {host} (code {code}).</translation>
    </message>
    <message>
        <source>Le proxy {proxy} ne répond pas correctement.</source>
        <translation>The proxy {proxy} is not responding correctly.</translation>
    </message>
    <message>
        <source>Le certificat présenté par {host} n&apos;est pas reconnu par ce poste.</source>
        <translation>The certificate presented by {host} is not recognised by this workstation.</translation>
    </message>
    <message>
        <source>La négociation TLS (1.2 ou plus) avec {host} a échoué.</source>
        <translation>TLS negotiation (1.2 or higher) with {host} failed.</translation>
    </message>
    <message>
        <source>Le serveur {host} n&apos;a pas répondu correctement.</source>
        <translation>The server {host} did not respond correctly.</translation>
    </message>
    <message>
        <source>Le serveur refuse l&apos;ouverture WebSocket (code {code}).</source>
        <translation>The server refuses to open the WebSocket (code {code}).</translation>
    </message>
    <message>
        <source>La réponse WebSocket n&apos;est pas valide : un proxy la modifie peut-être.</source>
        <translation>The WebSocket response is not valid: a proxy may be altering it.</translation>
    </message>
    <message>
        <source>Vérifiez que le poste est bien connecté au réseau ; si c&apos;est le cas, transmettez ce résultat à votre service informatique.</source>
        <translation>Check that the workstation is connected to the network; if it is, send this result to your IT department.</translation>
    </message>
    <message>
        <source>Demandez à votre administrateur de corriger l&apos;adresse dans les réglages.</source>
        <translation>Ask your administrator to correct the address in the settings.</translation>
    </message>
    <message>
        <source>Un pare-feu, le proxy ou le serveur bloque peut-être l&apos;accès : transmettez ce résultat à votre service informatique.</source>
        <translation>A firewall, the proxy or the server may be blocking access: send this result to your IT department.</translation>
    </message>
    <message>
        <source>L&apos;adresse du portail pour l&apos;environnement « {env} » n&apos;est pas renseignée : il n&apos;a pas pu être testé.</source>
        <translation>The portal address for the “{env}” environment is not set: the portal could not be tested.</translation>
    </message>
    <message>
        <source>Demandez à votre administrateur de renseigner l&apos;adresse du portail dans les réglages.</source>
        <translation>Ask your administrator to enter the portal address in the settings.</translation>
    </message>
    <message>
        <source>Le portail ({env}) est injoignable : {reason}</source>
        <translation>The portal ({env}) cannot be reached: {reason}</translation>
    </message>
    <message>
        <source>Certificat émis par « {issuer} » : un équipement du réseau intercepte peut-être le trafic chiffré.</source>
        <translation>Certificate issued by “{issuer}”: a network device may be intercepting encrypted traffic.</translation>
    </message>
    <message>
        <source>Le portail ({env}) répond, mais avec une erreur du serveur (code {code}).</source>
        <translation>The portal ({env}) responds, but with a server error (code {code}).</translation>
    </message>
    <message>
        <source>Le problème vient probablement du service : signalez-le au service client avec ce résultat.</source>
        <translation>The problem probably lies with the service: report it to customer service with this result.</translation>
    </message>
    <message>
        <source>Le portail répond, mais son certificat est émis par « {issuer} », un émetteur inattendu : le réseau inspecte probablement le trafic chiffré (inspection TLS).</source>
        <translation>The portal responds, but its certificate is issued by “{issuer}”, an unexpected issuer: the network is probably inspecting encrypted traffic (TLS inspection).</translation>
    </message>
    <message>
        <source>Si le bandeau de communication se déconnecte, signalez cette inspection TLS à votre service informatique : elle peut couper les WebSockets.</source>
        <translation>If the communication banner disconnects, report this TLS inspection to your IT department: it can cut WebSocket connections.</translation>
    </message>
    <message>
        <source>Le portail ({env}) répond lentement : {ms} ms.</source>
        <translation>The portal ({env}) is responding slowly: {ms} ms.</translation>
    </message>
    <message>
        <source>Signalez cette lenteur dans votre demande.</source>
        <translation>Mention this slowness in your request.</translation>
    </message>
    <message>
        <source>Le portail ({env}) répond en {ms} ms (code {code}{tls}).</source>
        <translation>The portal ({env}) responds in {ms} ms (code {code}{tls}).</translation>
    </message>
    <message>
        <source>L&apos;adresse du Session Server n&apos;est pas renseignée dans les réglages : il n&apos;est pas testé.</source>
        <translation>The Session Server address is not set in the settings: it is not tested.</translation>
    </message>
    <message>
        <source>Le Session Server du bandeau de communication est injoignable : {reason}</source>
        <translation>The communication banner&apos;s Session Server cannot be reached: {reason}</translation>
    </message>
    <message>
        <source>Le Session Server accepte la connexion WebSocket ({ms} ms).</source>
        <translation>The Session Server accepts the WebSocket connection ({ms} ms).</translation>
    </message>
    <message>
        <source>Le portail n&apos;envoie pas d&apos;en-tête Date.</source>
        <translation>The portal does not send a Date header.</translation>
    </message>
    <message>
        <source>L&apos;heure du poste n&apos;a pu être comparée à aucune référence (serveur de temps ni portail).</source>
        <translation>The workstation&apos;s time could not be compared with any reference (neither a time server nor the portal).</translation>
    </message>
    <message>
        <source>Vérifiez que l&apos;heure du poste est réglée automatiquement ; votre service informatique peut indiquer le serveur de temps à utiliser dans les réglages.</source>
        <translation>Check that the workstation&apos;s time is set automatically; your IT department can enter the time server to use in the settings.</translation>
    </message>
    <message>
        <source>L&apos;horloge du poste est à l&apos;heure (écart {offset} s).</source>
        <translation>The workstation clock is on time (offset {offset} s).</translation>
    </message>
    <message>
        <source>L&apos;horloge du poste a un écart de {offset} s avec la référence : les heures de votre signalement et des journaux seront décalées.</source>
        <translation>The workstation clock is {offset} s off from the reference: the times in your report and in the logs will be off.</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique de régler la synchronisation automatique de l&apos;heure du poste.</source>
        <translation>Ask your IT department to set up automatic time synchronisation on the workstation.</translation>
    </message>
    <message>
        <source>Le serveur SMTP n&apos;est pas renseigné : le signalement ne pourra pas partir par e-mail depuis l&apos;application.</source>
        <translation>The SMTP server is not set: the report cannot be sent by e-mail from the application.</translation>
    </message>
    <message>
        <source>Renseignez le serveur SMTP du centre dans les réglages, ou demandez-le à votre service informatique.</source>
        <translation>Enter the centre&apos;s SMTP server in the settings, or ask your IT department for it.</translation>
    </message>
    <message>
        <source>Le serveur SMTP refuse la connexion (code {code}).</source>
        <translation>The SMTP server refuses the connection (code {code}).</translation>
    </message>
    <message>
        <source>Le serveur SMTP ne propose pas STARTTLS.</source>
        <translation>The SMTP server does not offer STARTTLS.</translation>
    </message>
    <message>
        <source>Le serveur SMTP {host}:{port} est injoignable : {reason}</source>
        <translation>The SMTP server {host}:{port} cannot be reached: {reason}</translation>
    </message>
    <message>
        <source>erreur à l&apos;étape « {step} ».</source>
        <translation>error at the “{step}” step.</translation>
    </message>
    <message>
        <source>son certificat n&apos;est pas reconnu par ce poste.</source>
        <translation>its certificate is not recognised by this workstation.</translation>
    </message>
    <message>
        <source>Le serveur SMTP répond mais ne propose pas d&apos;authentification, alors que les réglages en prévoient une.</source>
        <translation>The SMTP server responds but does not offer authentication, although the settings require it.</translation>
    </message>
    <message>
        <source>Vérifiez le réglage « le serveur demande un identifiant » avec votre service informatique.</source>
        <translation>Check the “the server requires a login” setting with your IT department.</translation>
    </message>
    <message>
        <source>Le serveur SMTP répond, mais la connexion n&apos;est pas chiffrée.</source>
        <translation>The SMTP server responds, but the connection is not encrypted.</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique si STARTTLS est disponible.</source>
        <translation>Ask your IT department whether STARTTLS is available.</translation>
    </message>
    <message>
        <source>Le serveur SMTP {host}:{port} répond ({security}).</source>
        <translation>The SMTP server {host}:{port} responds ({security}).</translation>
    </message>
    <message>
        <source>Le serveur de temps {server} ne répond pas (port UDP {port} bloqué ?).</source>
        <translation>The time server {server} is not responding (UDP port {port} blocked?).</translation>
    </message>
    <message>
        <source>Le serveur de temps {server} est injoignable.</source>
        <translation>The time server {server} cannot be reached.</translation>
    </message>
    <message>
        <source>Le serveur de temps {server} n&apos;est pas synchronisé ou refuse la requête.</source>
        <translation>The time server {server} is not synchronised or refuses the request.</translation>
    </message>
    <message>
        <source>Login &amp; mot de passe &amp; OTP Mail</source>
        <translation>Login &amp; password &amp; e-mail OTP</translation>
    </message>
    <message>
        <source>Login &amp; mot de passe &amp; OTP SMS</source>
        <translation>Login &amp; password &amp; SMS OTP</translation>
    </message>
    <message>
        <source>Carte de la famille CPS</source>
        <translation>CPS family card</translation>
    </message>
    <message>
        <source>Test interrompu : les résultats sont incomplets.</source>
        <translation>Test interrupted: the results are incomplete.</translation>
    </message>
    <message>
        <source>Au moins un prérequis n&apos;est pas rempli.</source>
        <translation>At least one prerequisite is not met.</translation>
    </message>
    <message>
        <source>Les prérequis sont remplis, avec des avertissements.</source>
        <translation>The prerequisites are met, with warnings.</translation>
    </message>
    <message>
        <source>Tous les prérequis vérifiés sont remplis.</source>
        <translation>All the prerequisites checked are met.</translation>
    </message>
    <message>
        <source>Test des prérequis du poste — {sentence}</source>
        <translation>Workstation prerequisites test — {sentence}</translation>
    </message>
    <message>
        <source>Date : {date}</source>
        <translation>Date: {date}</translation>
    </message>
    <message>
        <source>Environnement : {env} ; connexion : {auth}</source>
        <translation>Environment: {env}; login: {auth}</translation>
    </message>
    <message>
        <source>Poste : {host}, {system} {version}</source>
        <translation>Workstation: {host}, {system} {version}</translation>
    </message>
    <message>
        <source>Versions : {versions}</source>
        <translation>Versions: {versions}</translation>
    </message>
    <message>
        <source>Système d&apos;exploitation</source>
        <translation>Operating system</translation>
    </message>
    <message>
        <source>Firefox ESR</source>
        <translation>Firefox ESR</translation>
    </message>
    <message>
        <source>Autres navigateurs (Chrome, Edge)</source>
        <translation>Other browsers (Chrome, Edge)</translation>
    </message>
    <message>
        <source>Cookies du profil Firefox</source>
        <translation>Firefox profile cookies</translation>
    </message>
    <message>
        <source>Écrans</source>
        <translation>Screens</translation>
    </message>
    <message>
        <source>Carte CPS</source>
        <translation>CPS card</translation>
    </message>
    <message>
        <source>Horloge du poste</source>
        <translation>Workstation clock</translation>
    </message>
    <message>
        <source>Accès au portail SI-SAMU</source>
        <translation>Access to the SI-SAMU portal</translation>
    </message>
    <message>
        <source>Session Server (bandeau)</source>
        <translation>Session Server (banner)</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Sortie audio</source>
        <translation>Audio output</translation>
    </message>
    <message>
        <source>Serveur d&apos;envoi (SMTP)</source>
        <translation>Outgoing mail server (SMTP)</translation>
    </message>
    <message>
        <source>Délai dépassé : la vérification n&apos;a pas abouti en {seconds} s.</source>
        <translation>Timed out: the check did not finish within {seconds} s.</translation>
    </message>
    <message>
        <source>Relancez cette vérification ; si le délai est de nouveau dépassé, transmettez ce résultat avec votre demande.</source>
        <translation>Run this check again; if it times out again, send this result with your request.</translation>
    </message>
    <message>
        <source>Vérification annulée.</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <source>Cette vérification a rencontré une erreur inattendue.</source>
        <translation>This check ran into an unexpected error.</translation>
    </message>
    <message>
        <source>Relancez-la ; si l&apos;erreur revient, signalez-la avec ce résultat.</source>
        <translation>Run it again; if the error comes back, report it with this result.</translation>
    </message>
    <message>
        <source>Système</source>
        <translation>System</translation>
    </message>
    <message>
        <source>{system} : système pris en charge par le SI-SAMU.</source>
        <translation>{system}: system supported by SI-SAMU.</translation>
    </message>
    <message>
        <source>{system} n&apos;est plus pris en charge : le poste SI-SAMU est sous Windows 10 ou 11.</source>
        <translation>{system} is no longer supported: the SI-SAMU workstation runs Windows 10 or 11.</translation>
    </message>
    <message>
        <source>Demandez à votre service informatique de mettre le poste à jour.</source>
        <translation>Ask your IT department to update the workstation.</translation>
    </message>
    <message>
        <source>Ce poste est sous {system} ; le poste de référence du SI-SAMU est sous Windows 10 ou 11.</source>
        <translation>This workstation runs {system}; the SI-SAMU reference workstation runs Windows 10 or 11.</translation>
    </message>
    <message>
        <source>Précisez-le dans votre demande : certaines fonctions peuvent se comporter autrement sur ce système.</source>
        <translation>Mention it in your request: some features may behave differently on this system.</translation>
    </message>
    <message>
        <source>Les écrans n&apos;ont pas pu être lus.</source>
        <translation>The screens could not be detected.</translation>
    </message>
    <message>
        <source>Lancez le test depuis la session graphique de l&apos;utilisateur.</source>
        <translation>Run the test from the user&apos;s graphical session.</translation>
    </message>
    <message>
        <source>Écrans : {sizes} (au moins un en 1920×1080 ou plus).</source>
        <translation>Screens: {sizes} (at least one at 1920×1080 or more).</translation>
    </message>
    <message>
        <source>Aucun écran n&apos;atteint 1920×1080 ({sizes}) : les outils du SI-SAMU peuvent ne pas s&apos;afficher en entier.</source>
        <translation>No screen reaches 1920×1080 ({sizes}): the SI-SAMU tools may not be displayed in full.</translation>
    </message>
    <message>
        <source>Vérifiez la résolution dans les paramètres d&apos;affichage (1920×1080 recommandé) ou demandez un écran Full HD à votre service informatique.</source>
        <translation>Check the resolution in the display settings (1920×1080 recommended) or ask your IT department for a Full HD screen.</translation>
    </message>
    <message>
        <source>Les sorties audio ne peuvent pas être vérifiées sur ce système.</source>
        <translation>Audio outputs cannot be checked on this system.</translation>
    </message>
    <message>
        <source>Aucune sortie audio n&apos;a été trouvée : la réécoute des enregistrements sera impossible sur ce poste.</source>
        <translation>No audio output was found: recordings cannot be played back on this workstation.</translation>
    </message>
    <message>
        <source>Branchez un casque ou des haut-parleurs ; si rien ne change, contactez votre service informatique.</source>
        <translation>Plug in a headset or speakers; if nothing changes, contact your IT department.</translation>
    </message>
    <message>
        <source>Sortie audio présente : {outputs}.</source>
        <translation>Audio output found: {outputs}.</translation>
    </message>
    <message>
        <source>aucun proxy</source>
        <translation>no proxy</translation>
    </message>
    <message>
        <source>proxy manuel</source>
        <translation>manual proxy</translation>
    </message>
    <message>
        <source>script de configuration (PAC)</source>
        <translation>configuration script (PAC)</translation>
    </message>
    <message>
        <source>détection automatique</source>
        <translation>automatic detection</translation>
    </message>
    <message>
        <source>proxy du système</source>
        <translation>system proxy</translation>
    </message>
    <message>
        <source>Firefox : {mode}</source>
        <translation>Firefox: {mode}</translation>
    </message>
    <message>
        <source>configuration automatique</source>
        <translation>automatic configuration</translation>
    </message>
    <message>
        <source>non déterminé</source>
        <translation>undetermined</translation>
    </message>
    <message>
        <source>système : {mode}</source>
        <translation>system: {mode}</translation>
    </message>
    <message>
        <source>variables d&apos;environnement : {names}</source>
        <translation>environment variables: {names}</translation>
    </message>
    <message>
        <source>aucune</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Signaler un incident sur les outils du SI-SAMU. Sans commande, ouvre l&apos;application.</source>
        <translation>Report an incident on the SI-SAMU tools. Without a command, opens the application.</translation>
    </message>
    <message>
        <source>langue de l&apos;interface (par défaut : celle des réglages)</source>
        <translation>interface language (default: the one in the settings)</translation>
    </message>
    <message>
        <source>fermer l&apos;application si elle est déjà ouverte</source>
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
    <message>
        <source>démarrer (ou non) l&apos;application avec la session</source>
        <translation>start (or not) the application with the session</translation>
    </message>
    <message>
        <source>on : activer, off : désactiver, status : afficher l&apos;état</source>
        <translation>on: enable, off: disable, status: show the current state</translation>
    </message>
    <message>
        <source>vérifier que le raccourci de capture est libre sur ce poste</source>
        <translation>check that the capture shortcut is free on this workstation</translation>
    </message>
    <message>
        <source>raccourci à essayer (par défaut : celui des réglages)</source>
        <translation>shortcut to try (default: the one in the settings)</translation>
    </message>
    <message>
        <source>Démarrage avec la session : activé.</source>
        <translation>Start with the session: enabled.</translation>
    </message>
    <message>
        <source>Démarrage avec la session : désactivé.</source>
        <translation>Start with the session: disabled.</translation>
    </message>
    <message>
        <source>Le raccourci {key} est libre et fonctionne sur ce poste.</source>
        <translation>The shortcut {key} is free and works on this workstation.</translation>
    </message>
    <message>
        <source>tester les prérequis du poste de travail (utilitaire de test)</source>
        <translation>test the workstation prerequisites (test utility)</translation>
    </message>
    <message>
        <source>Teste les prérequis du poste pour les outils du SI-SAMU. Code de sortie : 0 tout est bon, 1 avertissements, 2 au moins un échec.</source>
        <translation>Tests the workstation prerequisites for the SI-SAMU tools. Exit code: 0 all good, 1 warnings, 2 at least one failure.</translation>
    </message>
    <message>
        <source>écrire le rapport complet en JSON sur la sortie standard</source>
        <translation>write the full report as JSON to standard output</translation>
    </message>
    <message>
        <source>environnement à tester (par défaut : celui des réglages)</source>
        <translation>environment to test (default: the one in the settings)</translation>
    </message>
    <message>
        <source>enregistrer aussi le rapport HTML dans ce fichier</source>
        <translation>also save the HTML report to this file</translation>
    </message>
    <message>
        <source>ne lancer que cette vérification (option répétable)</source>
        <translation>run only this check (option can be repeated)</translation>
    </message>
    <message>
        <source>Test annulé.</source>
        <translation>Test cancelled.</translation>
    </message>
    <message>
        <source>Test des prérequis du poste ({env})…</source>
        <translation>Testing the workstation prerequisites ({env})…</translation>
    </message>
    <message>
        <source>boîte d&apos;envoi : lister ou envoyer les signalements en attente</source>
        <translation>outbox: list or send the waiting reports</translation>
    </message>
    <message>
        <source>Lister les signalements de la boîte d&apos;envoi, ou les envoyer maintenant.</source>
        <translation>List the reports in the outbox, or send them now.</translation>
    </message>
    <message>
        <source>lister les signalements (par défaut)</source>
        <translation>list the reports (default)</translation>
    </message>
    <message>
        <source>envoyer maintenant ce qui attend</source>
        <translation>send what is waiting now</translation>
    </message>
    <message>
        <source>réessayer aussi les signalements qui attendent une action</source>
        <translation>also retry the reports that need action</translation>
    </message>
    <message>
        <source>La boîte d&apos;envoi est vide.</source>
        <translation>The outbox is empty.</translation>
    </message>
    <message>
        <source>Rien à envoyer.</source>
        <translation>Nothing to send.</translation>
    </message>
    <message>
        <source>{count} signalement(s) restent dans la boîte d&apos;envoi.</source>
        <translation>{count} report(s) remain in the outbox.</translation>
    </message>
    <message>
        <source>chercher des données patient dans des captures d&apos;écran</source>
        <translation>search screenshots for patient data</translation>
    </message>
    <message>
        <source>Cherche des données patient (noms, dates de naissance, NIR, téléphones, adresses, e-mails, numéros de dossier) dans des captures d&apos;écran, hors ligne.</source>
        <translation>Searches screenshots for patient data (names, dates of birth, NIR, phone numbers, addresses, e-mails, case numbers), offline.</translation>
    </message>
    <message>
        <source>sortie JSON pour les scripts</source>
        <translation>JSON output for scripts</translation>
    </message>
    <message>
        <source>mode strict : proposer aussi tout texte qui n&apos;est pas un mot de l&apos;interface (genre « text »)</source>
        <translation>strict mode: also propose any text that is not an interface word (kind “text”)</translation>
    </message>
    <message>
        <source>L&apos;image {path} est bien trop grande pour être une capture d&apos;écran : elle n&apos;a pas été analysée.</source>
        <translation>The image {path} is far too big to be a screenshot: it was not scanned.</translation>
    </message>
    <message>
        <source>Impossible de lire l&apos;image {path} : vérifiez le chemin et le format.</source>
        <translation>The image {path} could not be read: check the path and the format.</translation>
    </message>
    <message>
        <source>{path} : {count} zone(s) à masquer ({seconds:.2f} s)</source>
        <translation>{path}: {count} area(s) to hide ({seconds:.2f} s)</translation>
    </message>
    <message>
        <source>vérifier un fichier de politique d&apos;administrateur</source>
        <translation>check an administrator&apos;s policy file</translation>
    </message>
    <message>
        <source>Vérifie un fichier de politique (policy.json) avant de le déployer sur les postes.</source>
        <translation>Checks a policy file (policy.json) before deploying it to the workstations.</translation>
    </message>
    <message>
        <source>vérifier un fichier</source>
        <translation>check a file</translation>
    </message>
    <message>
        <source>Le fichier {path} n&apos;est pas une politique valable : ce n&apos;est pas un fichier ordinaire, ou il est bien trop gros. Corrigez-le avant de le déployer.</source>
        <translation>The file {path} is not a valid policy: it is not a regular file, or it is far too big. Fix it before deploying it.</translation>
    </message>
    <message>
        <source>Le fichier {path} ne peut pas être lu ({reason}).</source>
        <translation>The file {path} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>Le fichier {path} n&apos;est pas une politique valable : {problem}. Corrigez-le avant de le déployer.</source>
        <translation>The file {path} is not a valid policy: {problem}. Correct it before deploying it.</translation>
    </message>
    <message>
        <source>Politique valable.</source>
        <translation>Valid policy.</translation>
    </message>
    <message>
        <source>Réglages verrouillés : {names}</source>
        <translation>Locked settings: {names}</translation>
    </message>
    <message>
        <source>Valeurs par défaut proposées : {names}</source>
        <translation>Proposed defaults: {names}</translation>
    </message>
    <message>
        <source>« {section} » demande l&apos;envoi sans chiffrement (smtp_security : none) sans l&apos;autoriser (allow_plaintext_smtp : true) : tout envoi serait refusé</source>
        <translation>“{section}” asks for sending without encryption (smtp_security: none) without allowing it (allow_plaintext_smtp: true): every send would be refused</translation>
    </message>
</context>
<context>
    <name>connection_test</name>
    <message>
        <source>Indiquez le nom du serveur d&apos;envoi, puis testez à nouveau.</source>
        <translation>Enter the name of the mail server, then test again.</translation>
    </message>
    <message>
        <source>Le serveur « {host} » est introuvable : vérifiez son nom et la connexion réseau du poste.</source>
        <translation>Server “{host}” cannot be found: check its name and the workstation&apos;s network connection.</translation>
    </message>
    <message>
        <source>Le serveur « {host} » refuse la connexion sur le port {port} : vérifiez le port, ou demandez à votre service informatique si le serveur est en marche.</source>
        <translation>Server “{host}” refuses connections on port {port}: check the port, or ask your IT department whether the server is running.</translation>
    </message>
    <message>
        <source>Le réseau ne permet pas de joindre le serveur « {host} » : vérifiez la connexion du poste.</source>
        <translation>The network cannot reach server “{host}”: check the workstation&apos;s connection.</translation>
    </message>
    <message>
        <source>Le serveur « {host} » ne répond pas sur le port {port} : vérifiez le port et le chiffrement, ou réessayez dans un moment.</source>
        <translation>Server “{host}” does not answer on port {port}: check the port and the encryption, or try again in a moment.</translation>
    </message>
    <message>
        <source>Le serveur « {host} » a coupé la connexion : vérifiez le port et le chiffrement.</source>
        <translation>Server “{host}” closed the connection: check the port and the encryption.</translation>
    </message>
    <message>
        <source>Le serveur a refusé l&apos;identifiant ou le mot de passe : vérifiez-les, puis testez à nouveau.</source>
        <translation>The server refused the user name or the password: check them, then test again.</translation>
    </message>
    <message>
        <source>Saisissez le mot de passe du serveur d&apos;envoi, puis testez à nouveau.</source>
        <translation>Enter the mail server&apos;s password, then test again.</translation>
    </message>
    <message>
        <source>La connexion au serveur d&apos;envoi fonctionne : les signalements pourront partir.</source>
        <translation>The connection to the mail server works: reports will be able to leave.</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>Le trousseau sécurisé du système n&apos;est pas disponible : le mot de passe ne peut pas être enregistré. Ouvrez une session complète sur le poste, ou demandez à votre service informatique d&apos;activer le trousseau.</source>
        <translation>The system&apos;s secure keyring is not available: the password cannot be stored. Open a full session on the workstation, or ask your IT department to enable the keyring.</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>Ce brouillon n&apos;existe plus : il a peut-être été supprimé.</source>
        <translation>This draft no longer exists: it may have been deleted.</translation>
    </message>
    <message>
        <source>Impossible de lire le brouillon {name} : vérifiez les droits du dossier des données, puis réessayez.</source>
        <translation>The draft {name} could not be read: check the permissions on the data folder, then try again.</translation>
    </message>
    <message>
        <source>Le brouillon {name} n&apos;a pas pu être lu : vérifiez les droits du dossier des données.</source>
        <translation>The draft {name} could not be read: check the permissions on the data folder.</translation>
    </message>
    <message>
        <source>Le brouillon {name} est abîmé et n&apos;a pas pu être mis de côté : prévenez votre administrateur.</source>
        <translation>The draft {name} is damaged and could not be set aside: tell your administrator.</translation>
    </message>
    <message>
        <source>Un brouillon abîmé a été mis de côté ({name}) ; les autres brouillons sont intacts.</source>
        <translation>A damaged draft was set aside ({name}); the other drafts are intact.</translation>
    </message>
    <message>
        <source>Ce fichier est bien trop gros pour être un brouillon.</source>
        <translation>This file is far too large to be a draft.</translation>
    </message>
    <message>
        <source>Ce fichier ne porte pas le nom du brouillon qu&apos;il contient.</source>
        <translation>The name of this file does not match the draft it contains.</translation>
    </message>
</context>
<context>
    <name>fsutil</name>
    <message>
        <source>Impossible d&apos;enregistrer le fichier {name} : vérifiez l&apos;espace disque disponible, puis réessayez.</source>
        <translation>The file {name} could not be saved: check the free disk space, then try again.</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>Une ligne abîmée de l&apos;historique a été mise de côté ({name}) ; le reste de l&apos;historique est intact.</source>
        <translation>A damaged line of the history was set aside ({name}); the rest of the history is intact.</translation>
    </message>
</context>
<context>
    <name>hotkey</name>
    <message>
        <source>Le raccourci « {text} » n&apos;est pas valable : choisissez une lettre, un chiffre ou une touche de fonction, avec Ctrl ou Alt, par exemple &lt;ctrl&gt;+&lt;alt&gt;+&lt;shift&gt;+s.</source>
        <translation>The shortcut “{text}” is not valid: choose a letter, a digit or a function key, with Ctrl or Alt, for example &lt;ctrl&gt;+&lt;alt&gt;+&lt;shift&gt;+s.</translation>
    </message>
    <message>
        <source>Impr. écran</source>
        <translation>Print Screen</translation>
    </message>
    <message>
        <source>Arrêt défil.</source>
        <translation>Scroll Lock</translation>
    </message>
    <message>
        <source>Inser</source>
        <translation>Insert</translation>
    </message>
    <message>
        <source>Suppr</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Origine</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Page préc.</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <source>Page suiv.</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <source>Espace</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Raccourci global indisponible : aucune session graphique n&apos;a été trouvée. Utilisez l&apos;icône de la zone de notification pour capturer l&apos;écran.</source>
        <translation>Global shortcut unavailable: no graphical session was found. Use the icon in the notification area to capture the screen.</translation>
    </message>
    <message>
        <source>Raccourci global indisponible sous Wayland : Wayland ne laisse pas une application recevoir les touches tapées dans les autres fenêtres, et ce bureau ne propose pas le portail des raccourcis globaux. Pour utiliser le raccourci, choisissez une session « Xorg » sur l&apos;écran de connexion.</source>
        <translation>Global shortcut unavailable under Wayland: Wayland does not let an application receive keys typed in other windows, and this desktop does not offer the global shortcuts portal. To use the shortcut, choose an “Xorg” session on the login screen.</translation>
    </message>
    <message>
        <source>Raccourci global indisponible sous Wayland : la capture d&apos;écran n&apos;y est possible qu&apos;en écrivant l&apos;image dans un fichier, ce que l&apos;application s&apos;interdit pour protéger les données des patients. Pour utiliser le raccourci, choisissez une session « Xorg » sur l&apos;écran de connexion.</source>
        <translation>Global shortcut unavailable under Wayland: screen capture there is only possible by writing the image to a file, which the application does not do in order to protect patient data. To use the shortcut, choose an “Xorg” session on the login screen.</translation>
    </message>
    <message>
        <source>Le raccourci {key} est déjà utilisé par un autre programme : choisissez-en un autre dans les réglages.</source>
        <translation>The shortcut {key} is already used by another program: choose a different one in the settings.</translation>
    </message>
    <message>
        <source>Le raccourci global n&apos;a pas pu être activé. Redémarrez l&apos;application ; si cela se reproduit, choisissez un autre raccourci dans les réglages.</source>
        <translation>The global shortcut could not be enabled. Restart the application; if this happens again, choose a different shortcut in the settings.</translation>
    </message>
    <message>
        <source>Le raccourci global n&apos;a pas pu être activé : l&apos;affichage X11 est inaccessible. Relancez l&apos;application depuis votre session.</source>
        <translation>The global shortcut could not be enabled: the X11 display cannot be accessed. Restart the application from your session.</translation>
    </message>
    <message>
        <source>La touche du raccourci {key} n&apos;existe pas sur ce clavier : choisissez-en une autre dans les réglages.</source>
        <translation>The key for the shortcut {key} does not exist on this keyboard: choose a different one in the settings.</translation>
    </message>
</context>
<context>
    <name>mail</name>
    <message>
        <source>Pour respecter la taille maximale des e-mails ({budget} Mo), les captures d&apos;écran ({count}) ont été ré-encodées en 256 couleurs, sans changer leur taille.</source>
        <translation>To stay within the maximum e-mail size ({budget} MB), the screenshots ({count}) were re-encoded in 256 colours, without changing their size.</translation>
    </message>
    <message>
        <source>Pour respecter la taille maximale des e-mails ({budget} Mo), les captures d&apos;écran ({count}) ont été ré-encodées en 256 couleurs et réduites à {percent} % de leur taille.</source>
        <translation>To stay within the maximum e-mail size ({budget} MB), the screenshots ({count}) were re-encoded in 256 colours and reduced to {percent}% of their size.</translation>
    </message>
    <message>
        <source>Le texte du signalement dépasse à lui seul la taille maximale des e-mails ({budget} Mo) : raccourcissez la description.</source>
        <translation>The report text alone exceeds the maximum e-mail size ({budget} MB): shorten the description.</translation>
    </message>
    <message>
        <source>L&apos;e-mail ferait {size} Mo pour une taille maximale de {budget} Mo. La pièce jointe la plus lourde est « {name} » ({weight} Mo) : retirez-la ou retirez des captures d&apos;écran, ou demandez à votre administrateur d&apos;augmenter la taille maximale.</source>
        <translation>The e-mail would be {size} MB, but the maximum size is {budget} MB. The largest attachment is “{name}” ({weight} MB): remove it or remove some screenshots, or ask your administrator to increase the maximum size.</translation>
    </message>
    <message>
        <source>Même après réduction des captures d&apos;écran, le message est trop volumineux.</source>
        <translation>Even after reducing the screenshots, the message is too large.</translation>
    </message>
    <message>
        <source>Réponse du serveur : « {reply} ».</source>
        <translation>Server response: “{reply}”.</translation>
    </message>
    <message>
        <source>Aucun serveur d&apos;envoi (SMTP) n&apos;est configuré : le signalement attend dans la boîte d&apos;envoi. Renseignez le serveur dans les réglages d&apos;envoi, ou exportez le fichier .eml pour l&apos;envoyer avec votre messagerie.</source>
        <translation>No outgoing mail server (SMTP) is configured: the report is waiting in the outbox. Enter the server in the sending settings, or export the .eml file and send it with your e-mail program.</translation>
    </message>
    <message>
        <source>Aucune adresse d&apos;expéditeur n&apos;est renseignée : le signalement attend dans la boîte d&apos;envoi. Indiquez l&apos;adresse d&apos;expéditeur dans les réglages d&apos;envoi.</source>
        <translation>No sender address is set: the report is waiting in the outbox. Enter the sender address in the sending settings.</translation>
    </message>
    <message>
        <source>Aucun mot de passe SMTP n&apos;est enregistré pour ce compte : saisissez-le dans les réglages d&apos;envoi, puis cliquez sur « Réessayer maintenant ».</source>
        <translation>No SMTP password is stored for this account: enter it in the sending settings, then click “Retry now”.</translation>
    </message>
    <message>
        <source>Le trousseau sécurisé du système n&apos;est pas disponible : le mot de passe SMTP ne peut pas être lu. Ouvrez une session complète sur le poste, ou exportez le fichier .eml pour l&apos;envoyer avec votre messagerie.</source>
        <translation>The system&apos;s secure keyring is not available: the SMTP password cannot be read. Open a full session on the workstation, or export the .eml file and send it with your e-mail program.</translation>
    </message>
    <message>
        <source>L&apos;envoi sans chiffrement n&apos;est pas autorisé par votre administrateur : choisissez STARTTLS ou TLS dans les réglages d&apos;envoi.</source>
        <translation>Your administrator does not allow sending without encryption: choose STARTTLS or TLS in the sending settings.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi « {host} » est introuvable : vérifiez son nom dans les réglages d&apos;envoi et la connexion réseau du poste. Un nouvel essai sera fait automatiquement.</source>
        <translation>The outgoing mail server “{host}” cannot be found: check its name in the sending settings and the workstation&apos;s network connection. Another attempt will be made automatically.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi « {host} » refuse la connexion : il est peut-être arrêté, ou le port est incorrect. Un nouvel essai sera fait automatiquement ; si cela dure, vérifiez le port dans les réglages d&apos;envoi.</source>
        <translation>The outgoing mail server “{host}” refuses the connection: it may be stopped, or the port is wrong. Another attempt will be made automatically; if this continues, check the port in the sending settings.</translation>
    </message>
    <message>
        <source>Le réseau ne permet pas de joindre le serveur d&apos;envoi « {host} » : vérifiez la connexion du poste. Un nouvel essai sera fait automatiquement.</source>
        <translation>The outgoing mail server “{host}” cannot be reached over the network: check the workstation&apos;s connection. Another attempt will be made automatically.</translation>
    </message>
    <message>
        <source>Ce signalement a été modifié sur le disque ou son fichier est incomplet depuis qu&apos;il a été placé dans la boîte d&apos;envoi : il ne sera pas envoyé. Refaites le signalement, puis prévenez votre service informatique.</source>
        <translation>This report was changed on disk, or its file is incomplete, since it was placed in the outbox: it will not be sent. Write the report again, then tell your IT department.</translation>
    </message>
    <message>
        <source>Ce signalement est adressé à « {host} », qui n&apos;est pas une adresse de vos réglages d&apos;envoi : il ne sera pas envoyé. Refaites le signalement, puis prévenez votre service informatique.</source>
        <translation>This report is addressed to “{host}”, which is not an address of your sending settings: it will not be sent. Write the report again, then tell your IT department.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi « {host} » ne répond pas : un nouvel essai sera fait automatiquement. Si cela dure, prévenez votre service informatique.</source>
        <translation>The outgoing mail server “{host}” is not responding: another attempt will be made automatically. If this continues, tell your IT department.</translation>
    </message>
    <message>
        <source>La connexion chiffrée avec le serveur d&apos;envoi « {host} » a échoué : vérifiez le port et le mode de chiffrement (STARTTLS ou TLS) dans les réglages d&apos;envoi.</source>
        <translation>The encrypted connection to the outgoing mail server “{host}” failed: check the port and the encryption mode (STARTTLS or TLS) in the sending settings.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi « {host} » ne propose pas le chiffrement STARTTLS : choisissez TLS ou un autre port dans les réglages d&apos;envoi, ou demandez à votre service informatique.</source>
        <translation>The outgoing mail server “{host}” does not offer STARTTLS encryption: choose TLS or another port in the sending settings, or ask your IT department.</translation>
    </message>
    <message>
        <source>Le certificat du serveur d&apos;envoi « {host} » n&apos;est pas reconnu comme sûr : l&apos;envoi est bloqué pour protéger le signalement. Prévenez votre service informatique.</source>
        <translation>The certificate of the outgoing mail server “{host}” is not recognised as trustworthy: sending is blocked to protect the report. Tell your IT department.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi a refusé l&apos;identifiant ou le mot de passe : corrigez-les dans les réglages d&apos;envoi, puis cliquez sur « Réessayer maintenant ».</source>
        <translation>The outgoing mail server rejected the login or password: correct them in the sending settings, then click “Retry now”.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi « {host} » ne propose pas d&apos;authentification compatible : décochez « Le serveur demande un identifiant » si c&apos;est un relais interne, ou demandez à votre service informatique.</source>
        <translation>The outgoing mail server “{host}” does not offer a compatible authentication method: untick “The server requires a login” if it is an internal relay, or ask your IT department.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi est momentanément indisponible (code {code}) : un nouvel essai sera fait automatiquement.</source>
        <translation>The outgoing mail server is temporarily unavailable (code {code}): another attempt will be made automatically.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi refuse ce message car il est trop volumineux (code {code}) : retirez des captures d&apos;écran ou demandez à votre administrateur de réduire la taille maximale des e-mails.</source>
        <translation>The outgoing mail server refuses this message because it is too large (code {code}): remove some screenshots or ask your administrator to reduce the maximum e-mail size.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi a refusé ce message (code {code}) : transmettez sa réponse à votre service informatique, ou exportez le fichier .eml pour l&apos;envoyer avec votre messagerie.</source>
        <translation>The outgoing mail server rejected this message (code {code}): send its response to your IT department, or export the .eml file and send it with your e-mail program.</translation>
    </message>
    <message>
        <source>La connexion avec le serveur d&apos;envoi « {host} » a été coupée pendant l&apos;envoi : un nouvel essai sera fait automatiquement.</source>
        <translation>The connection to the outgoing mail server “{host}” was cut off during sending: another attempt will be made automatically.</translation>
    </message>
    <message>
        <source>L&apos;envoi a échoué pour une raison inattendue : un nouvel essai sera fait automatiquement. Si cela dure, transmettez les détails à votre service informatique.</source>
        <translation>Sending failed for an unexpected reason: another attempt will be made automatically. If this continues, send the details to your IT department.</translation>
    </message>
    <message>
        <source>L&apos;adresse « {address} » du réglage « {setting} » n&apos;est pas valable : corrigez-la dans les réglages.</source>
        <translation>The address “{address}” in the “{setting}” setting is not valid: correct it in the settings.</translation>
    </message>
    <message>
        <source>Adresse du service client</source>
        <translation>Customer service address</translation>
    </message>
    <message>
        <source>Adresse d&apos;expéditeur</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>Copie</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Adresse de réponse</source>
        <translation>Reply-to address</translation>
    </message>
    <message>
        <source>Ce signalement est en train de partir : le résultat s&apos;affiche dans un instant.</source>
        <translation>This report is being sent right now: the result will show in a moment.</translation>
    </message>
    <message>
        <source>Ce signalement est déjà parti : le serveur l&apos;a accepté. Il n&apos;y a rien à renvoyer.</source>
        <translation>This report has already left: the server accepted it. There is nothing to send again.</translation>
    </message>
    <message>
        <source>Ce signalement n&apos;est plus dans la boîte d&apos;envoi : la liste a été actualisée.</source>
        <translation>This report is no longer in the outbox: the list has been refreshed.</translation>
    </message>
    <message>
        <source>Ce signalement est en train de partir : il ne peut plus être modifié ni supprimé. Le résultat s&apos;affiche dans un instant.</source>
        <translation>This report is being sent: it can no longer be changed or deleted. The result shows in a moment.</translation>
    </message>
    <message>
        <source>Ce signalement est déjà parti : le serveur l&apos;a accepté. Ajoutez des informations depuis l&apos;historique.</source>
        <translation>This report has already left: the server accepted it. Add information from the history.</translation>
    </message>
    <message>
        <source>Le signalement n&apos;a pas pu être placé dans la boîte d&apos;envoi : vérifiez l&apos;espace disque disponible, puis réessayez. Votre saisie est conservée.</source>
        <translation>The report could not be placed in the outbox: check the free disk space, then try again. What you entered is kept.</translation>
    </message>
    <message>
        <source>L&apos;état de ce signalement était illisible : vérifiez auprès du service client s&apos;il a été reçu avant de le renvoyer.</source>
        <translation>The status of this report could not be read: check with customer service whether it was received before sending it again.</translation>
    </message>
    <message>
        <source>Ce signalement n&apos;a pas pu être retiré de la boîte d&apos;envoi : vérifiez les droits du dossier des données.</source>
        <translation>This report could not be taken out of the outbox: check the permissions of the data folder.</translation>
    </message>
    <message>
        <source>Ce signalement n&apos;est plus dans la boîte d&apos;envoi : actualisez la liste.</source>
        <translation>This report is no longer in the outbox: refresh the list.</translation>
    </message>
    <message>
        <source>En attente</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Envoi en cours</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Envoyé</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Action requise</source>
        <translation>Action required</translation>
    </message>
    <message>
        <source>Envoyé le {date} à {time} : le serveur d&apos;envoi l&apos;a accepté.</source>
        <translation>Sent on {date} at {time}: the sending server accepted it.</translation>
    </message>
    <message>
        <source>Envoi en cours…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Prochain essai à {time}.</source>
        <translation>Next attempt at {time}.</translation>
    </message>
    <message>
        <source>En attente d&apos;envoi.</source>
        <translation>Waiting to be sent.</translation>
    </message>
    <message>
        <source>Un envoi précédent a été interrompu au moment où le serveur recevait le message : si le service client le reçoit deux fois, les deux exemplaires portent le même identifiant.</source>
        <translation>A previous sending attempt was interrupted while the server was receiving the message: if customer service receives it twice, both copies have the same identifier.</translation>
    </message>
    <message>
        <source>Nom du serveur (DNS)</source>
        <translation>Server name (DNS)</translation>
    </message>
    <message>
        <source>Connexion réseau (TCP)</source>
        <translation>Network connection (TCP)</translation>
    </message>
    <message>
        <source>Chiffrement (TLS)</source>
        <translation>Encryption (TLS)</translation>
    </message>
    <message>
        <source>Dialogue avec le serveur (SMTP)</source>
        <translation>Exchange with the server (SMTP)</translation>
    </message>
    <message>
        <source>Authentification</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>Étape non atteinte.</source>
        <translation>Step not reached.</translation>
    </message>
    <message>
        <source>« {host} » correspond à {addresses}.</source>
        <translation>“{host}” resolves to {addresses}.</translation>
    </message>
    <message>
        <source>Connecté à {address}, port {port}.</source>
        <translation>Connected to {address}, port {port}.</translation>
    </message>
    <message>
        <source>Le serveur « {name} » répond.</source>
        <translation>The server “{name}” responds.</translation>
    </message>
    <message>
        <source>Connexion non chiffrée, autorisée par votre administrateur : le mot de passe et le signalement circulent en clair sur le réseau.</source>
        <translation>Unencrypted connection, allowed by your administrator: the password and the report travel over the network in plain text.</translation>
    </message>
    <message>
        <source>Pas d&apos;authentification : le serveur est un relais interne.</source>
        <translation>No authentication: the server is an internal relay.</translation>
    </message>
    <message>
        <source>Identifiant « {user} » accepté.</source>
        <translation>Login “{user}” accepted.</translation>
    </message>
    <message>
        <source>Connexion chiffrée ({version}), certificat vérifié.</source>
        <translation>Encrypted connection ({version}), certificate verified.</translation>
    </message>
</context>
<context>
    <name>monitor</name>
    <message>
        <source>Le portail SI-SAMU ne répond plus depuis {time}</source>
        <translation>The SI-SAMU portal has not answered since {time}</translation>
    </message>
    <message>
        <source>Le bandeau de communication (Session Server) ne répond plus depuis {time}</source>
        <translation>The communication banner (Session Server) has not answered since {time}</translation>
    </message>
    <message>
        <source>Les enregistrements des communications ne répondent plus depuis {time}</source>
        <translation>The call recordings have not answered since {time}</translation>
    </message>
    <message>
        <source>Le portail des statistiques ne répond plus depuis {time}</source>
        <translation>The statistics portal has not answered since {time}</translation>
    </message>
    <message>
        <source>Le Selfcare ne répond plus depuis {time}</source>
        <translation>Selfcare has not answered since {time}</translation>
    </message>
    <message>
        <source>Le service « {endpoint} » ne répond plus depuis {time}</source>
        <translation>The service “{endpoint}” has not answered since {time}</translation>
    </message>
    <message>
        <source>Le portail SI-SAMU répond de nouveau depuis {time}</source>
        <translation>The SI-SAMU portal has been answering again since {time}</translation>
    </message>
    <message>
        <source>Le bandeau de communication (Session Server) répond de nouveau depuis {time}</source>
        <translation>The communication banner (Session Server) has been answering again since {time}</translation>
    </message>
    <message>
        <source>Les enregistrements des communications répondent de nouveau depuis {time}</source>
        <translation>The call recordings have been answering again since {time}</translation>
    </message>
    <message>
        <source>Le portail des statistiques répond de nouveau depuis {time}</source>
        <translation>The statistics portal has been answering again since {time}</translation>
    </message>
    <message>
        <source>Le Selfcare répond de nouveau depuis {time}</source>
        <translation>Selfcare has been answering again since {time}</translation>
    </message>
    <message>
        <source>Le service « {endpoint} » répond de nouveau depuis {time}</source>
        <translation>The service “{endpoint}” has been answering again since {time}</translation>
    </message>
    <message>
        <source>résolution du nom (DNS)</source>
        <translation>name resolution (DNS)</translation>
    </message>
    <message>
        <source>connexion TCP</source>
        <translation>TCP connection</translation>
    </message>
    <message>
        <source>négociation TLS</source>
        <translation>TLS handshake</translation>
    </message>
    <message>
        <source>réponse HTTP</source>
        <translation>HTTP response</translation>
    </message>
    <message>
        <source>ouverture WebSocket</source>
        <translation>WebSocket opening</translation>
    </message>
    <message>
        <source>accueil du serveur SMTP</source>
        <translation>SMTP server greeting</translation>
    </message>
    <message>
        <source>serveur de temps (NTP)</source>
        <translation>time server (NTP)</translation>
    </message>
    <message>
        <source>aucune erreur</source>
        <translation>no error</translation>
    </message>
    <message>
        <source>nom introuvable</source>
        <translation>name not found</translation>
    </message>
    <message>
        <source>pas de réponse dans le délai</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <source>connexion refusée</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <source>réseau injoignable</source>
        <translation>network unreachable</translation>
    </message>
    <message>
        <source>connexion coupée</source>
        <translation>connection cut</translation>
    </message>
    <message>
        <source>échec de la négociation</source>
        <translation>handshake failed</translation>
    </message>
    <message>
        <source>certificat non reconnu</source>
        <translation>certificate not trusted</translation>
    </message>
    <message>
        <source>certificat expiré</source>
        <translation>certificate expired</translation>
    </message>
    <message>
        <source>certificat d&apos;un autre nom</source>
        <translation>certificate for another name</translation>
    </message>
    <message>
        <source>erreur du serveur (5xx)</source>
        <translation>server error (5xx)</translation>
    </message>
    <message>
        <source>réponse incompréhensible</source>
        <translation>unintelligible answer</translation>
    </message>
    <message>
        <source>ouverture refusée</source>
        <translation>opening refused</translation>
    </message>
    <message>
        <source>le serveur refuse la connexion</source>
        <translation>the server refuses the connection</translation>
    </message>
    <message>
        <source>serveur non synchronisé</source>
        <translation>server not synchronised</translation>
    </message>
    <message>
        <source>autre erreur</source>
        <translation>other error</translation>
    </message>
    <message>
        <source>signaler ?</source>
        <translation>report it?</translation>
    </message>
    <message>
        <source>signaler le rétablissement ?</source>
        <translation>report the recovery?</translation>
    </message>
    <message>
        <source>Aucun des services surveillés ne répond depuis {time} : le réseau de ce poste est peut-être coupé — prévenir le service informatique ?</source>
        <translation>None of the monitored services has answered since {time}: this workstation&apos;s network may be down — tell the IT department?</translation>
    </message>
    <message>
        <source>Les services surveillés répondent de nouveau depuis {time}</source>
        <translation>The monitored services have been answering again since {time}</translation>
    </message>
    <message>
        <source>Constaté par la surveillance automatique de ce poste : aucun des services surveillés ne répond depuis le {start}, ceux du centre compris ({endpoints}). Le réseau du poste est probablement en cause. La chronologie et l&apos;extrait du journal de surveillance sont joints.</source>
        <translation>Seen by this workstation&apos;s automatic monitoring: none of the monitored services has answered since {start}, the centre&apos;s own included ({endpoints}). The workstation&apos;s network is probably the cause. The timeline and the monitoring journal extract are attached.</translation>
    </message>
    <message>
        <source>Constaté par la surveillance automatique de ce poste : pas de réponse depuis le {start} (environnement {environment}). Étapes en échec : {failures}. La chronologie et l&apos;extrait du journal de surveillance sont joints.</source>
        <translation>Seen by this workstation&apos;s automatic monitoring: no answer since {start} (environment {environment}). Failing steps: {failures}. The timeline and the monitoring journal extract are attached.</translation>
    </message>
    <message>
        <source>Rétablissement constaté par la surveillance automatique de ce poste : le service répond de nouveau depuis le {end} (panne constatée depuis le {start}).</source>
        <translation>Recovery seen by this workstation&apos;s automatic monitoring: the service has been answering again since {end} (outage seen since {start}).</translation>
    </message>
    <message>
        <source>Surveillance des services depuis ce poste — {day}, {start} à {end} (heure du poste)</source>
        <translation>Services monitored from this workstation — {day}, {start} to {end} (workstation time)</translation>
    </message>
    <message>
        <source>répond</source>
        <translation>answers</translation>
    </message>
    <message>
        <source>échec</source>
        <translation>failure</translation>
    </message>
    <message>
        <source>pas de mesure</source>
        <translation>no measurement</translation>
    </message>
    <message>
        <source>temps de réponse (ms)</source>
        <translation>response time (ms)</translation>
    </message>
    <message>
        <source>panne</source>
        <translation>outage</translation>
    </message>
    <message>
        <source>Panne constatée sur {endpoint} : début {start}</source>
        <translation>Outage seen on {endpoint}: start {start}</translation>
    </message>
    <message>
        <source>mesures : {n}, échecs : {f}</source>
        <translation>probes: {n}, failures: {f}</translation>
    </message>
    <message>
        <source>temps max : {ms} ms</source>
        <translation>max time: {ms} ms</translation>
    </message>
    <message>
        <source>début {time}</source>
        <translation>start {time}</translation>
    </message>
    <message>
        <source>fin {time}</source>
        <translation>end {time}</translation>
    </message>
</context>
<context>
    <name>pii</name>
    <message>
        <source>numéro de sécurité sociale (NIR)</source>
        <translation>social security number (NIR)</translation>
    </message>
    <message>
        <source>identifiant national de santé (INS)</source>
        <translation>national health identifier (INS)</translation>
    </message>
    <message>
        <source>numéro de téléphone</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>date de naissance</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>adresse e-mail</source>
        <translation>e-mail address</translation>
    </message>
    <message>
        <source>adresse postale</source>
        <translation>postal address</translation>
    </message>
    <message>
        <source>nom ou prénom</source>
        <translation>surname or first name</translation>
    </message>
    <message>
        <source>numéro de dossier</source>
        <translation>case number</translation>
    </message>
    <message>
        <source>texte à vérifier (mode strict)</source>
        <translation>text to check (strict mode)</translation>
    </message>
    <message>
        <source>La détection automatique des données patient n&apos;est pas disponible (Tesseract est absent) : masquez les données à la main ou demandez à votre service informatique d&apos;installer Tesseract avec le français.</source>
        <translation>Automatic detection of patient data is not available (Tesseract is missing): hide the data by hand or ask your IT department to install Tesseract with French.</translation>
    </message>
    <message>
        <source>La détection automatique des données patient a échoué sur cette capture : masquez les données à la main avant l&apos;envoi.</source>
        <translation>Automatic detection of patient data failed on this screenshot: hide the data by hand before sending.</translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message>
        <source>Aucun serveur d&apos;envoi n&apos;est réglé sur ce poste : le signalement ne peut pas partir d&apos;ici tant que le serveur n&apos;est pas renseigné.</source>
        <translation>No mail server is set on this workstation: the report cannot leave from here until the server is entered.</translation>
    </message>
    <message>
        <source>Aucune adresse d&apos;expéditeur n&apos;est renseignée : indiquez l&apos;adresse e-mail du centre ou la vôtre.</source>
        <translation>No sender address is set: enter the centre&apos;s e-mail address or your own.</translation>
    </message>
    <message>
        <source>L&apos;adresse du support n&apos;est pas renseignée : demandez-la à votre administrateur.</source>
        <translation>The support desk&apos;s address is not set: ask your administrator for it.</translation>
    </message>
    <message>
        <source>L&apos;identifiant du CRRA n&apos;est pas renseigné : le support ne saura pas d&apos;où vient le signalement.</source>
        <translation>The CRRA identifier is not set: the support desk will not know where the report comes from.</translation>
    </message>
    <message>
        <source>Le serveur d&apos;envoi demande un identifiant, qui n&apos;est pas renseigné : indiquez-le dans les réglages.</source>
        <translation>The mail server requires a user name, which is not set: enter it in the settings.</translation>
    </message>
    <message>
        <source>Aucun mot de passe du serveur d&apos;envoi n&apos;est enregistré sur ce poste : saisissez-le dans les réglages.</source>
        <translation>No mail server password is stored on this workstation: enter it in the settings.</translation>
    </message>
    <message>
        <source>Le trousseau sécurisé du système n&apos;est pas disponible : le mot de passe du serveur d&apos;envoi ne peut pas être lu.</source>
        <translation>The system&apos;s secure keyring is not available: the mail server password cannot be read.</translation>
    </message>
    <message>
        <source>L&apos;envoi sans chiffrement n&apos;est pas autorisé par votre administrateur : choisissez STARTTLS ou TLS.</source>
        <translation>Sending without encryption is not allowed by your administrator: choose STARTTLS or TLS.</translation>
    </message>
</context>
<context>
    <name>redaction</name>
    <message>
        <source>Masquer ce qui reste visible</source>
        <translation>Hide what is still visible</translation>
    </message>
    <message>
        <source>Masquer toutes les zones proposées</source>
        <translation>Mask every proposed area</translation>
    </message>
    <message>
        <source>Ajouter une zone masquée</source>
        <translation>Add a masked area</translation>
    </message>
    <message>
        <source>Déplacer une zone</source>
        <translation>Move an area</translation>
    </message>
    <message>
        <source>Supprimer une zone</source>
        <translation>Delete an area</translation>
    </message>
    <message>
        <source>Recadrer</source>
        <translation>Crop</translation>
    </message>
    <message>
        <source>Retirer le recadrage</source>
        <translation>Remove the crop</translation>
    </message>
    <message>
        <source>Noir</source>
        <translation>Black</translation>
    </message>
    <message>
        <source>Gris foncé</source>
        <translation>Dark grey</translation>
    </message>
    <message>
        <source>Blanc</source>
        <translation>White</translation>
    </message>
    <message>
        <source>masquée</source>
        <translation>hidden</translation>
    </message>
    <message>
        <source>laissée visible</source>
        <translation>left visible</translation>
    </message>
    <message>
        <source>encore visible après masquage</source>
        <translation>still visible after hiding</translation>
    </message>
    <message>
        <source>Zones proposées et restées visibles</source>
        <translation>Proposed areas and areas left visible</translation>
    </message>
    <message>
        <source>Cochée : la zone est masquée. Décochée : elle reste visible.</source>
        <translation>Ticked: the area is hidden. Unticked: it stays visible.</translation>
    </message>
    <message>
        <source>Remettre une zone proposée</source>
        <translation>Put back a proposed area</translation>
    </message>
    <message>
        <source>Masquer une zone</source>
        <translation>Mask an area</translation>
    </message>
    <message>
        <source>Sélectionner, déplacer, redimensionner</source>
        <translation>Select, move, resize</translation>
    </message>
    <message>
        <source>Redimensionner une zone</source>
        <translation>Resize an area</translation>
    </message>
    <message>
        <source>Déplacer la vue</source>
        <translation>Move the view</translation>
    </message>
    <message>
        <source>Capture à masquer</source>
        <translation>Screenshot to mask</translation>
    </message>
    <message>
        <source>Ajuster une zone</source>
        <translation>Adjust an area</translation>
    </message>
    <message>
        <source>Recadrer sur la zone</source>
        <translation>Crop to the area</translation>
    </message>
    <message>
        <source>Les captures dépassent la taille autorisée ({budget} Mo) même réduites au quart ({size} Mo) : recadrez-les sur la partie utile ou retirez-en une, puis réessayez.</source>
        <translation>The screenshots exceed the allowed size ({budget} MB) even when reduced to a quarter ({size} MB): crop them to the useful part or remove one, then try again.</translation>
    </message>
    <message>
        <source>Pour tenir dans la limite de {budget} Mo, les captures ont été réduites à 256 couleurs et à {percent} % de leur taille ({size} Mo au total).</source>
        <translation>To stay within the {budget} MB limit, the screenshots were reduced to 256 colours and to {percent}% of their size ({size} MB in total).</translation>
    </message>
    <message>
        <source>Pour tenir dans la limite de {budget} Mo, les captures ont été réduites à 256 couleurs, à leur taille d&apos;origine ({size} Mo au total).</source>
        <translation>To stay within the {budget} MB limit, the screenshots were reduced to 256 colours, at their original size ({size} MB in total).</translation>
    </message>
    <message>
        <source>Pour tenir dans la limite de {budget} Mo, les captures ont été recompressées sans perte de qualité ({size} Mo au total).</source>
        <translation>To stay within the {budget} MB limit, the screenshots were recompressed with no loss of quality ({size} MB in total).</translation>
    </message>
    <message>
        <source>L&apos;image masquée n&apos;a pas pu être vérifiée après son enregistrement : réessayez l&apos;export ; si le problème continue, retirez cette capture du signalement.</source>
        <translation>The masked image could not be checked after it was saved: try the export again; if the problem continues, remove this screenshot from the report.</translation>
    </message>
    <message>
        <source>Le trousseau sécurisé du système n&apos;est pas disponible : les captures ne pourront pas être retrouvées après une panne. Vous pouvez continuer ; pour les protéger, demandez à votre service informatique d&apos;activer le trousseau.</source>
        <translation>The system&apos;s secure keyring is not available: the screenshots cannot be recovered after a crash. You can continue; to protect them, ask your IT department to enable the keyring.</translation>
    </message>
    <message>
        <source>Les captures de ce brouillon ne peuvent plus être relues : reprenez de nouvelles captures de l&apos;écran pour ce signalement.</source>
        <translation>The screenshots in this draft can no longer be read: take new screenshots for this report.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Maintenant</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Il y a {minutes} min</source>
        <translation>{minutes} min ago</translation>
    </message>
    <message>
        <source>Ce signalement enregistré n&apos;est pas lisible (fichier abîmé).</source>
        <translation>This saved report cannot be read (damaged file).</translation>
    </message>
    <message>
        <source>Ce signalement enregistré est incomplet ou abîmé (donnée « {where} ») : il ne peut pas être rouvert.</source>
        <translation>This saved report is incomplete or damaged (item “{where}”): it cannot be reopened.</translation>
    </message>
    <message>
        <source>Le signalement contient encore du texte qui ressemble à des données de patient : retirez-le, ou indiquez pour chaque passage signalé qu&apos;il n&apos;en est pas, puis envoyez à nouveau.</source>
        <translation>The report still contains text that looks like patient data: remove it, or say for each flagged passage that it is not, then send again.</translation>
    </message>
    <message>
        <source>Titre court</source>
        <translation>Short title</translation>
    </message>
    <message>
        <source>« {label} » semble contenir des données de patient ({kinds}) : ce texte quitte le centre. Retirez-les, ou cochez pour chaque passage signalé qu&apos;il ne s&apos;agit pas de données de patient.</source>
        <translation>“{label}” seems to contain patient data ({kinds}): this text leaves the centre. Remove it, or tick each flagged passage that is not patient data.</translation>
    </message>
    <message>
        <source>Ce signalement concerne un cas que la procédure ne connaît pas : recommencez-le depuis l&apos;accueil.</source>
        <translation>This report concerns a case the procedure does not recognise: start it again from the home page.</translation>
    </message>
    <message>
        <source>Choisissez l&apos;application concernée par l&apos;incident.</source>
        <translation>Choose the application affected by the incident.</translation>
    </message>
    <message>
        <source>Ce signalement concerne une application que la procédure ne connaît pas : choisissez de nouveau l&apos;application.</source>
        <translation>This report concerns an application the procedure does not recognise: choose the application again.</translation>
    </message>
    <message>
        <source>Ce cas ne concerne pas une application : recommencez le signalement depuis l&apos;accueil.</source>
        <translation>This case does not concern an application: start the report again from the home page.</translation>
    </message>
    <message>
        <source>Ce signalement a été commencé avec la version {old} du formulaire (version actuelle : {new}) : relisez les réponses avant de l&apos;envoyer.</source>
        <translation>This report was started with version {old} of the form (current version: {new}): review the answers before sending it.</translation>
    </message>
    <message>
        <source>Le titre court est trop long ({length} caractères pour {max} au plus) : raccourcissez-le.</source>
        <translation>The short title is too long ({length} characters, {max} at most): shorten it.</translation>
    </message>
    <message>
        <source>Le titre court contient des caractères invisibles ou des retours à la ligne : retapez-le.</source>
        <translation>The short title contains invisible characters or line breaks: type it again.</translation>
    </message>
    <message>
        <source>Répondez à la question « {label} » : elle est obligatoire.</source>
        <translation>Answer the question “{label}”: it is required.</translation>
    </message>
    <message>
        <source>La réponse à « {label} » ne fait pas partie des choix proposés : choisissez dans la liste.</source>
        <translation>The answer to “{label}” is not one of the choices offered: choose from the list.</translation>
    </message>
    <message>
        <source>Répondez à « {label} » par oui ou par non.</source>
        <translation>Answer “{label}” with yes or no.</translation>
    </message>
    <message>
        <source>La date et l&apos;heure de « {label} » ne sont pas valides : choisissez-les de nouveau.</source>
        <translation>The date and time for “{label}” are not valid: choose them again.</translation>
    </message>
    <message>
        <source>« {label} » est dans le futur ({when}) : indiquez une heure passée.</source>
        <translation>“{label}” is in the future ({when}): enter a time in the past.</translation>
    </message>
    <message>
        <source>Indiquez un nombre entier pour « {label} ».</source>
        <translation>Enter a whole number for “{label}”.</translation>
    </message>
    <message>
        <source>« {label} » ne peut pas être négatif : indiquez 0 ou plus.</source>
        <translation>“{label}” cannot be negative: enter 0 or more.</translation>
    </message>
    <message>
        <source>Le nombre indiqué pour « {label} » est trop grand : vérifiez-le.</source>
        <translation>The number entered for “{label}” is too large: check it.</translation>
    </message>
    <message>
        <source>La réponse à « {label} » doit être un texte : retapez-la.</source>
        <translation>The answer to “{label}” must be text: type it again.</translation>
    </message>
    <message>
        <source>« {label} » est trop long ({length} caractères pour {max} au plus) : raccourcissez le texte.</source>
        <translation>“{label}” is too long ({length} characters, {max} at most): shorten the text.</translation>
    </message>
    <message>
        <source>« {label} » contient des caractères invisibles non autorisés : retapez le texte ou collez-le sans mise en forme.</source>
        <translation>“{label}” contains invisible characters that are not allowed: type the text again or paste it without formatting.</translation>
    </message>
    <message>
        <source>Ce texte semble contenir des données de patient ({kinds}) : il quitte le centre, retirez-les avant l&apos;envoi.</source>
        <translation>This text seems to contain patient data ({kinds}): it leaves the centre, remove it before sending.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Vos réglages n&apos;ont pas pu être lus ; l&apos;application démarre avec les réglages par défaut.</source>
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
        <source>Le fichier de politique de votre administrateur est illisible : les réglages qu&apos;il impose restent verrouillés. Prévenez votre service informatique.</source>
        <translation>Your administrator&apos;s policy file cannot be read: the settings it imposes stay locked. Tell your IT department.</translation>
    </message>
    <message>
        <source>Vos réglages n&apos;ont pas pu être enregistrés (dossier protégé en écriture ou disque plein) ; ils restent affichés : libérez de la place ou prévenez votre service informatique, puis enregistrez à nouveau.</source>
        <translation>Your settings could not be saved (write-protected folder or full disk); they are still shown: free some space or tell your IT department, then save again.</translation>
    </message>
</context>
<context>
    <name>spoken</name>
    <message>
        <source>Je suis {name}, du {centre}.</source>
        <translation>I am {name}, from {centre}.</translation>
    </message>
    <message>
        <source>J&apos;appelle du {centre}.</source>
        <translation>I am calling from {centre}.</translation>
    </message>
    <message>
        <source>Donnez votre nom et votre centre (code CRRA).</source>
        <translation>Give your name and your centre (CRRA code).</translation>
    </message>
    <message>
        <source>Je signale un incident SI-SAMU : {what}.</source>
        <translation>I am reporting an SI-SAMU incident: {what}.</translation>
    </message>
    <message>
        <source>Ma référence : {reference}.</source>
        <translation>My reference: {reference}.</translation>
    </message>
    <message>
        <source>{question} : {answer}.</source>
        <translation>{question}: {answer}.</translation>
    </message>
    <message>
        <source>{question} : à préciser.</source>
        <translation>{question}: to be given.</translation>
    </message>
    <message>
        <source>Vous pouvez me rappeler au {phone}.</source>
        <translation>You can call me back on {phone}.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Raccourci de capture actif : {keys}</source>
        <translation>Capture shortcut active: {keys}</translation>
    </message>
    <message>
        <source>Le raccourci de capture n&apos;est pas actif.</source>
        <translation>The capture shortcut is not active.</translation>
    </message>
    <message>
        <source>Signaler</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Le signalement de cette panne n&apos;est pas encore parti : indiquez l&apos;heure du rétablissement dans le signalement avant de l&apos;envoyer.</source>
        <translation>The report of this outage has not left yet: give the time of the recovery in the report before sending it.</translation>
    </message>
</context>
</TS>
