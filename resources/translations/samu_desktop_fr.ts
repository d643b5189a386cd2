<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>AttachmentEditor</name>
    <message numerus="yes">
        <source>%n copie(s) d&apos;écran masquée(s) et vérifiée(s)</source>
        <translation>
            <numerusform>%n copie d&apos;écran masquée et vérifiée</numerusform>
            <numerusform>%n copies d&apos;écran masquées et vérifiées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message numerus="yes">
        <source>%n copie(s) d&apos;écran jointe(s)</source>
        <translation>
            <numerusform>%n copie d&apos;écran jointe</numerusform>
            <numerusform>%n copies d&apos;écran jointes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message numerus="yes">
        <source>%n complément(s)</source>
        <translation>
            <numerusform>%n complément</numerusform>
            <numerusform>%n compléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxFlow</name>
    <message numerus="yes">
        <source>%n signalement(s) en attente dans la boîte d&apos;envoi : pas encore parti(s).</source>
        <translation>
            <numerusform>%n signalement en attente dans la boîte d&apos;envoi : pas encore parti.</numerusform>
            <numerusform>%n signalements en attente dans la boîte d&apos;envoi : pas encore partis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signalement(s) pas encore parti(s) : quitter quand même ?</source>
        <translation>
            <numerusform>%n signalement n&apos;est pas encore parti : quitter quand même ?</numerusform>
            <numerusform>%n signalements ne sont pas encore partis : quitter quand même ?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactionEditor</name>
    <message numerus="yes">
        <source>%n zone(s) masquée(s)</source>
        <translation>
            <numerusform>%n zone masquée</numerusform>
            <numerusform>%n zones masquées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dont %n proposée(s)</source>
        <translation>
            <numerusform>dont %n proposée</numerusform>
            <numerusform>dont %n proposées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s) encore visible(s)</source>
        <translation>
            <numerusform>%n zone encore visible</numerusform>
            <numerusform>%n zones encore visibles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreenshotsPage</name>
    <message numerus="yes">
        <source>Cochez « Image vérifiée » sur la capture n° %1 (Alt+V).</source>
        <translation>
            <numerusform>Cochez « Image vérifiée » sur la capture n° %1 (Alt+V).</numerusform>
            <numerusform>Cochez « Image vérifiée » sur les captures n° %1 (Alt+V).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s) semble(nt) encore montrer des données de patient : encadrée(s) en rouge sur l&apos;image et listée(s) à droite. Masquez-les (Alt+M), ou joignez en les laissant visibles si ce ne sont pas des données de patient.</source>
        <translation>
            <numerusform>%n zone semble encore montrer des données de patient : encadrée en rouge sur l&apos;image et listée à droite. Masquez-la (Alt+M), ou joignez en la laissant visible si ce n&apos;est pas une donnée de patient.</numerusform>
            <numerusform>%n zones semblent encore montrer des données de patient : encadrées en rouge sur l&apos;image et listées à droite. Masquez-les (Alt+M), ou joignez en les laissant visibles si ce ne sont pas des données de patient.</numerusform>
        </translation>
    </message>
</context>
</TS>
