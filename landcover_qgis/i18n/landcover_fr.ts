<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AccuracyPanel</name>
    <message>
        <location filename="../accuracy_panel.py" line="65"/>
        <source>Classify first: the sample is drawn from the classified map (its classes are the strata).</source>
        <translation>Classez d'abord : l'échantillon est tiré de la carte classée (ses classes sont les strates).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="121"/>
        <source>Only pixels inside these polygons are sampled and counted (none: the whole map).</source>
        <translation>Seuls les pixels à l'intérieur de ces polygones sont échantillonnés et comptés (aucun : toute la carte).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="123"/>
        <source>Sample settings</source>
        <translation>Paramètres de l'échantillon</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="125"/>
        <source>Target SE of overall accuracy</source>
        <translation>Erreur type visée (précision globale)</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="126"/>
        <source>Points per class, at least</source>
        <translation>Points par classe, au moins</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="127"/>
        <source>Points in all</source>
        <translation>Points au total</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="128"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="129"/>
        <source>Area of interest</source>
        <translation>Zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="132"/>
        <source>Design an accuracy sample…</source>
        <translation>Concevoir un échantillon…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="136"/>
        <source>Open the sample again</source>
        <translation>Rouvrir l'échantillon</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="138"/>
        <source>Open a sample…</source>
        <translation>Ouvrir un échantillon…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="139"/>
        <source>Go on labelling or assess a sample designed earlier (a GPKG from &apos;Design a sample&apos;, with its NAME.design.json beside it).</source>
        <translation>Poursuivre l'étiquetage ou évaluer un échantillon conçu auparavant (un GPKG issu de « Concevoir un échantillon », avec son NAME.design.json à côté).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="143"/>
        <source>Assess accuracy and areas</source>
        <translation>Évaluer précision et superficies</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="164"/>
        <source>auto (from the target SE)</source>
        <translation>auto (selon l'erreur type visée)</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="181"/>
        <source>No estimate: the assessment did not finish (see the status line); nothing was written.</source>
        <translation>Aucune estimation : l'évaluation n'a pas abouti (voir la ligne d'état) ; rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="205"/>
        <source>Map: {name}</source>
        <translation>Carte : {name}</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="210"/>
        <source>Not available: this engine has no &apos;sample-design&apos; command.</source>
        <translation>Indisponible : ce moteur n'a pas de commande « sample-design ».</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="210"/>
        <source>Draws stratified random points of the map (its classes as strata) to label here, one by one.</source>
        <translation>Tire des points aléatoires stratifiés de la carte (ses classes comme strates) à étiqueter ici, un par un.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="227"/>
        <source>{labelled} / {total} labelled (a sample of {map})</source>
        <translation>{labelled} / {total} étiquetés (un échantillon de {map})</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="227"/>
        <source>{labelled} / {total} labelled</source>
        <translation>{labelled} / {total} étiquetés</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="236"/>
        <source>Design an accuracy sample and label its points first.</source>
        <translation>Concevez d'abord un échantillon de validation et étiquetez ses points.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="238"/>
        <source>Label the sample&apos;s points first: set each point&apos;s reference class above.</source>
        <translation>Étiquetez d'abord les points de l'échantillon : fixez la classe de référence de chaque point ci-dessus.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="241"/>
        <source>{missing} of {total} points have no label yet: the engine skips them (a class with fewer than 2 labelled points gets no standard error).</source>
        <translation>{missing} points sur {total} n'ont pas encore d'étiquette : le moteur les ignore (une classe ayant moins de 2 points étiquetés n'a pas d'erreur type).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="246"/>
        <source>Every point is labelled: estimate the accuracy and the area of each class.</source>
        <translation>Tous les points sont étiquetés : estimez la précision et la superficie de chaque classe.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="252"/>
        <source>Designing an accuracy sample</source>
        <translation>Conception d'un échantillon de validation</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="264"/>
        <source>The classified map {class_map} no longer exists: classify again.</source>
        <translation>La carte classée {class_map} n'existe plus : relancez la classification.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="290"/>
        <source>The area of interest &apos;{name}&apos; is not a file layer (or is filtered): save it as a GeoPackage and choose that, since the assessment reads it again where the sample was drawn.</source>
        <translation>La zone d'intérêt « {name} » n'est pas une couche fichier (ou elle est filtrée) : enregistrez-la en GeoPackage et choisissez celui-ci, car l'évaluation la relit là où l'échantillon a été tiré.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="308"/>
        <source>Accuracy sample: {count} points added as &apos;{name}&apos;. Set each point&apos;s reference class below, then assess accuracy and areas.</source>
        <translation>Échantillon de validation : {count} points ajoutés sous le nom « {name} ». Fixez la classe de référence de chaque point ci-dessous, puis évaluez précision et superficies.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="370"/>
        <source>Open an accuracy sample</source>
        <translation>Ouvrir un échantillon de validation</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="370"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="389"/>
        <source>Sample &apos;{name}&apos; opened: {labelled} / {total} labelled; it is assessed against {sample_map}.</source>
        <translation>Échantillon « {name} » ouvert : {labelled} / {total} étiquetés ; il est évalué par rapport à {sample_map}.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="410"/>
        <source>The sample layer &apos;{name}&apos; was removed from the project. The labels set so far are saved in {sample_path}: &apos;Open the sample again&apos; to go on.</source>
        <translation>La couche d'échantillon « {name} » a été retirée du projet. Les étiquettes déjà saisies sont enregistrées dans {sample_path} : « Rouvrir l'échantillon » pour continuer.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="433"/>
        <source>Assessment not started: {missing} of {total} points still to label.</source>
        <translation>Évaluation non lancée : {missing} points sur {total} restent à étiqueter.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="436"/>
        <source>Assessing accuracy and areas</source>
        <translation>Évaluation de la précision et des superficies</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="440"/>
        <source>Points without a label</source>
        <translation>Points sans étiquette</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="440"/>
        <source>{missing} of {total} sample points have no reference label yet. The engine skips them and says so; a class with fewer than 2 labelled points gets no standard error, one with none no estimate at all.</source>
        <translation>{missing} points d'échantillon sur {total} n'ont pas encore d'étiquette de référence. Le moteur les ignore et le signale ; une classe ayant moins de 2 points étiquetés n'a pas d'erreur type, une classe sans aucun point n'a aucune estimation.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="446"/>
        <source>Assess anyway</source>
        <translation>Évaluer quand même</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="447"/>
        <source>Keep labelling</source>
        <translation>Continuer l'étiquetage</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="459"/>
        <source>No accuracy sample to assess: design one (or open the sample again).</source>
        <translation>Aucun échantillon de validation à évaluer : concevez-en un (ou rouvrez l'échantillon).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="462"/>
        <source>The sample layer &apos;{name}&apos; has unsaved edits: save them first (the engine reads {sample_path}).</source>
        <translation>La couche d'échantillon « {name} » a des modifications non enregistrées : enregistrez-les d'abord (le moteur lit {sample_path}).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="466"/>
        <source>No point of the sample has a reference label yet: label the points first.</source>
        <translation>Aucun point de l'échantillon n'a encore d'étiquette de référence : étiquetez d'abord les points.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="473"/>
        <source>Assessing accuracy and areas…</source>
        <translation>Évaluation de la précision et des superficies…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="483"/>
        <source>No estimate: the engine&apos;s report could not be read.</source>
        <translation>Aucune estimation : le rapport du moteur n'a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="484"/>
        <source>The engine's report {report} holds no area-adjusted estimate ({problem}): update the engine ('Set up engine…').</source>
        <translation>Le rapport du moteur {report} ne contient aucune estimation ajustée des superficies ({problem}) : mettez à jour le moteur (« Configurer le moteur… »).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="498"/>
        <source>The HTML report {page} could not be written: {problem}.</source>
        <translation>Le rapport HTML {page} n'a pas pu être écrit : {problem}.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="505"/>
        <source>Accuracy and areas assessed. {overall} Report: {report}</source>
        <translation>Précision et superficies évaluées. {overall} Rapport : {report}</translation>
    </message>
</context>
<context>
    <name>AccuracySample</name>
    <message>
        <location filename="../accuracy_sample.py" line="28"/>
        <source>to label</source>
        <translation>à étiqueter</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="28"/>
        <source>labelled</source>
        <translation>étiqueté</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="55"/>
        <source>QGIS cannot open {path} as an accuracy sample (a GPKG with a point layer &apos;{layer}&apos;, from &apos;Design a sample&apos;).</source>
        <translation>QGIS ne peut pas ouvrir {path} comme échantillon de validation (un GPKG avec une couche de points « {layer} », issu de « Concevoir un échantillon »).</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="61"/>
        <source>The design beside {path} ({stem}.design.json) names a class map that no longer exists ({map}): the sample can only be assessed against the map it was drawn from.</source>
        <translation>Le plan d'échantillonnage à côté de {path} ({stem}.design.json) désigne une carte des classes qui n'existe plus ({map}) : l'échantillon ne peut être évalué que par rapport à la carte dont il a été tiré.</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="61"/>
        <source>The design beside {path} ({stem}.design.json) is missing or names no class map: the sample can only be assessed against the map it was drawn from.</source>
        <translation>Le plan d'échantillonnage à côté de {path} ({stem}.design.json) est absent ou ne désigne aucune carte des classes : l'échantillon ne peut être évalué que par rapport à la carte dont il a été tiré.</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../action_bar.py" line="101"/>
        <source>Train</source>
        <translation>Entraîner</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="102"/>
        <source>Classify</source>
        <translation>Classer</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="103"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="105"/>
        <source>Pseudo-label</source>
        <translation>Pseudo-étiqueter</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="107"/>
        <source>Needs an engine with a &apos;pseudo-label&apos; command.</source>
        <translation>Nécessite un moteur avec une commande « pseudo-label ».</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="108"/>
        <source>Self-train</source>
        <translation>Auto-apprentissage</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="110"/>
        <source>Needs an engine with a &apos;self-train&apos; command.</source>
        <translation>Nécessite un moteur avec une commande « self-train ».</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="111"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="112"/>
        <source>Continue the interrupted training from the checkpoint it kept.</source>
        <translation>Poursuivre l'entraînement interrompu à partir du point de contrôle conservé.</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="153"/>
        <source>100%  done in {took}</source>
        <translation>100 %  terminé en {took}</translation>
    </message>
</context>
<context>
    <name>AreaAssessment</name>
    <message>
        <location filename="../area_assessment.py" line="102"/>
        <source>Overall accuracy {accuracy} (± SE).</source>
        <translation>Précision globale {accuracy} (± erreur type).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="104"/>
        <source>Overall accuracy {accuracy} (± SE), from 1 labelled point ({skipped} without a label skipped).</source>
        <translation>Précision globale {accuracy} (± erreur type), d'après 1 point étiqueté ({skipped} sans étiquette ignorés).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="104"/>
        <source>Overall accuracy {accuracy} (± SE), from {used} labelled points ({skipped} without a label skipped).</source>
        <translation>Précision globale {accuracy} (± erreur type), d'après {used} points étiquetés ({skipped} sans étiquette ignorés).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="109"/>
        <source>Overall accuracy {accuracy} (± SE), from 1 labelled point.</source>
        <translation>Précision globale {accuracy} (± erreur type), d'après 1 point étiqueté.</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="109"/>
        <source>Overall accuracy {accuracy} (± SE), from {used} labelled points.</source>
        <translation>Précision globale {accuracy} (± erreur type), d'après {used} points étiquetés.</translation>
    </message>
</context>
<context>
    <name>AreaAssessmentTable</name>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Mapped
(ha)</source>
        <translation>Cartographiée
(ha)</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Adjusted (ha)
± 95% CI</source>
        <translation>Ajustée (ha)
± IC 95 %</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>User's acc.
± SE</source>
        <translation>Préc. util.
± ET</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Producer's
acc. ± SE</source>
        <translation>Préc. prod.
± ET</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>The map&apos;s class (a stratum of the sample)</source>
        <translation>La classe de la carte (une strate de l'échantillon)</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Area mapped as the class (pixel counting)</source>
        <translation>Superficie cartographiée dans la classe (comptage des pixels)</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Error-adjusted area estimated from the sample, ± the half-width of its 95% confidence interval</source>
        <translation>Superficie ajustée des erreurs, estimée d'après l'échantillon, ± la demi-largeur de son intervalle de confiance à 95 %</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>User's accuracy (how often a pixel mapped as the class is that class) ± its standard error</source>
        <translation>Précision pour l'utilisateur (part des pixels cartographiés dans la classe qui en font réellement partie) ± son erreur type</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Producer's accuracy (how much of the class's true area the map finds) ± its standard error</source>
        <translation>Précision pour le producteur (part de la superficie réelle de la classe que la carte retrouve) ± son erreur type</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="60"/>
        <source>No estimate yet: design an accuracy sample of the classified map, label its points, then assess accuracy and areas.</source>
        <translation>Pas encore d'estimation : concevez un échantillon de validation de la carte classée, étiquetez ses points, puis évaluez précision et superficies.</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="141"/>
        <source>Export the estimate as CSV…</source>
        <translation>Exporter l'estimation en CSV…</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="180"/>
        <source>&lt;a href=&quot;{url}&quot;&gt;Open the report&lt;/a&gt; ({name})</source>
        <translation>&lt;a href=&quot;{url}&quot;&gt;Ouvrir le rapport&lt;/a&gt; ({name})</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="192"/>
        <source>Export the area-adjusted estimate</source>
        <translation>Exporter l'estimation ajustée des superficies</translation>
    </message>
</context>
<context>
    <name>AreaReport</name>
    <message>
        <location filename="../processing/area_report.py" line="42"/>
        <source>error matrix of area proportions</source>
        <translation>matrice d'erreurs en proportions de superficie</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="45"/>
        <source>landcover accuracy and area report</source>
        <translation>rapport landcover de précision et de superficies</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="46"/>
        <source>Accuracy and area estimation (stratified estimator, Olofsson et al. 2014)</source>
        <translation>Estimation de la précision et des superficies (estimateur stratifié, Olofsson et al. 2014)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="47"/>
        <source>Overall accuracy &lt;b&gt;{accuracy}&lt;/b&gt; (± the 95% confidence interval), from {used} labelled sample points ({skipped} without a label skipped).</source>
        <translation>Précision globale &lt;b&gt;{accuracy}&lt;/b&gt; (± l'intervalle de confiance à 95 %), d'après {used} points d'échantillon étiquetés ({skipped} sans étiquette ignorés).</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>class</source>
        <translation>classe</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>user&apos;s accuracy</source>
        <translation>précision pour l'utilisateur</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>producer&apos;s accuracy</source>
        <translation>précision pour le producteur</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>mapped area (ha)</source>
        <translation>superficie cartographiée (ha)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>estimated area (ha)</source>
        <translation>superficie estimée (ha)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>95% CI ± (ha)</source>
        <translation>IC 95 % ± (ha)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="55"/>
        <source>The &lt;i&gt;estimated area&lt;/i&gt; corrects the &lt;i&gt;mapped area&lt;/i&gt; (pixel counting) for the map&apos;s errors seen in the sample; report it with its confidence interval. User&apos;s accuracy: how often a pixel mapped as the class is that class; producer&apos;s accuracy: how much of the class&apos;s true area the map finds.</source>
        <translation>La &lt;i&gt;superficie estimée&lt;/i&gt; corrige la &lt;i&gt;superficie cartographiée&lt;/i&gt; (comptage des pixels) des erreurs de la carte observées dans l'échantillon ; indiquez-la avec son intervalle de confiance. Précision pour l'utilisateur : part des pixels cartographiés dans la classe qui en font réellement partie ; précision pour le producteur : part de la superficie réelle de la classe que la carte retrouve.</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="60"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
</context>
<context>
    <name>AssessAreasAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="143"/>
        <source>Assess accuracy and areas</source>
        <translation>Évaluer la précision et les superficies</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="147"/>
        <source>Class map the sample was drawn from</source>
        <translation>Carte des classes dont l'échantillon a été tiré</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="149"/>
        <source>Labelled sample points</source>
        <translation>Points d'échantillon étiquetés</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="152"/>
        <source>Field with the reference class names</source>
        <translation>Champ des noms de classes de référence</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="155"/>
        <source>Report (JSON)</source>
        <translation>Rapport (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="155"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="158"/>
        <source>Report (HTML)</source>
        <translation>Rapport (HTML)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="158"/>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="161"/>
        <source>Overall accuracy (area-adjusted)</source>
        <translation>Précision globale (ajustée des superficies)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="163"/>
        <source>Standard error of the overall accuracy</source>
        <translation>Erreur type de la précision globale</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="165"/>
        <source>Area-adjusted figures (JSON)</source>
        <translation>Chiffres ajustés des superficies (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="173"/>
        <source>Choose the class map and the labelled sample points.</source>
        <translation>Choisissez la carte des classes et les points d'échantillon étiquetés.</translation>
    </message>
</context>
<context>
    <name>ClassScheme</name>
    <message>
        <location filename="../class_scheme.py" line="102"/>
        <source>The class scheme file {path} is not UTF-8 text: save it with UTF-8 encoding.</source>
        <translation>Le fichier de nomenclature {path} n'est pas un texte UTF-8 : enregistrez-le avec l'encodage UTF-8.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="105"/>
        <source>Cannot read the class scheme file {path} ({value}): check that the file exists and is readable.</source>
        <translation>Impossible de lire le fichier de nomenclature {path} ({value}) : vérifiez que le fichier existe et est lisible.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="111"/>
        <source>The class scheme file {path} is not valid JSON: {msg} at line {lineno}, column {colno}. Fix the file there (a missing comma, quote or bracket is the usual cause).</source>
        <translation>Le fichier de nomenclature {path} n'est pas un JSON valide : {msg} à la ligne {lineno}, colonne {colno}. Corrigez le fichier à cet endroit (une virgule, un guillemet ou un crochet manquant en est la cause habituelle).</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="118"/>
        <source>an object whose &quot;classes&quot; is {kind}</source>
        <translation>un objet dont &quot;classes&quot; est {kind}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="118"/>
        <source>an object without a &quot;classes&quot; key</source>
        <translation>un objet sans clé &quot;classes&quot;</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="125"/>
        <source>The class scheme file {path} holds {held}: it must hold a list of {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} objects, or an object whose &quot;classes&quot; key holds that list.</source>
        <translation>Le fichier de nomenclature {path} contient {held} : il doit contenir une liste d'objets {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}}, ou un objet dont la clé &quot;classes&quot; contient cette liste.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="130"/>
        <source>The class scheme file {path} lists no classes: add a {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} object for each class.</source>
        <translation>Le fichier de nomenclature {path} ne liste aucune classe : ajoutez un objet {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} pour chaque classe.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="133"/>
        <source>Entry {number} of the class scheme file {path}</source>
        <translation>L'entrée {number} du fichier de nomenclature {path}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="136"/>
        <source>the code {code}</source>
        <translation>le code {code}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="136"/>
        <source>give each class its own code</source>
        <translation>donnez à chaque classe son propre code</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="138"/>
        <source>the same name once case and spaces are ignored</source>
        <translation>le même nom une fois la casse et les espaces ignorés</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="138"/>
        <source>give each class its own name</source>
        <translation>donnez à chaque classe son propre nom</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="222"/>
        <source>The label value {value} is not in the class scheme ({listed}): add it to the scheme or fix the labels.</source>
        <translation>La valeur d'étiquette {value} ne figure pas dans la nomenclature ({listed}) : ajoutez-la à la nomenclature ou corrigez les étiquettes.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="235"/>
        <source>The label value {value} matches the class &apos;{name}&apos; only when case and surrounding spaces are ignored: use the scheme&apos;s spelling &apos;{name}&apos;.</source>
        <translation>La valeur d'étiquette {value} ne correspond à la classe « {name} » que si l'on ignore la casse et les espaces autour : utilisez l'orthographe de la nomenclature, « {name} ».</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="245"/>
        <source>{where} is {kind}, not a {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} object: write it as {{&quot;code&quot;: 1, &quot;name&quot;: &quot;water&quot;, &quot;color&quot;: &quot;#0000ff&quot;}}.</source>
        <translation>{where} est {kind}, et non un objet {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} : écrivez-la sous la forme {{&quot;code&quot;: 1, &quot;name&quot;: &quot;water&quot;, &quot;color&quot;: &quot;#0000ff&quot;}}.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="250"/>
        <source>{where} has no &quot;code&quot;: give it an integer code from 0 to {max_code}.</source>
        <translation>{where} n'a pas de &quot;code&quot; : donnez-lui un code entier de 0 à {max_code}.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="254"/>
        <source>{where} has the code {value}: class codes are whole numbers from 0 to {max_code}, written without quotes.</source>
        <translation>{where} a le code {value} : les codes de classe sont des nombres entiers de 0 à {max_code}, écrits sans guillemets.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="258"/>
        <source>{where} has the code {code}: class codes go from 0 to {max_code} (255 marks nodata in class rasters); pick a code in that range.</source>
        <translation>{where} a le code {code} : les codes de classe vont de 0 à {max_code} (255 marque l'absence de données (nodata) dans les rasters de classes) ; choisissez un code dans cet intervalle.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="267"/>
        <source>{where} (code {code}) has the name {value}: give the class a name as text.</source>
        <translation>{where} (code {code}) a le nom {value} : donnez à la classe un nom sous forme de texte.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="275"/>
        <source>{where} ({name}) has the colour {value}: write it as &quot;#rrggbb&quot; or as [r, g, b] with integers from 0 to 255.</source>
        <translation>{where} ({name}) a la couleur {value} : écrivez-la sous la forme &quot;#rrggbb&quot; ou [r, g, b] avec des entiers de 0 à 255.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="228"/>
        <source>The label values {values} differ only in case or surrounding spaces: use one spelling (the scheme&apos;s &apos;{name}&apos;) for all labels of that class.</source>
        <translation>Les valeurs d'étiquette {values} ne diffèrent que par la casse ou les espaces autour : utilisez une seule orthographe (celle de la nomenclature, « {name} ») pour toutes les étiquettes de cette classe.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="228"/>
        <source>The label values {values} differ only in case or surrounding spaces: use one spelling for all labels of that class.</source>
        <translation>Les valeurs d'étiquette {values} ne diffèrent que par la casse ou les espaces autour : utilisez une seule orthographe pour toutes les étiquettes de cette classe.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="289"/>
        <source>Entries {earlier} and {number} of the class scheme file {path} (&apos;{name}&apos; and &apos;{name2}&apos;) have {what}: {fix}.</source>
        <translation>Les entrées {earlier} et {number} du fichier de nomenclature {path} (« {name} » et « {name2} ») ont {what} : {fix}.</translation>
    </message>
</context>
<context>
    <name>ClassifyAlgorithm</name>
    <message>
        <location filename="../processing/inference.py" line="79"/>
        <source>Classify raster</source>
        <translation>Classer un raster</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="83"/>
        <source>Image raster</source>
        <translation>Raster image</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="84"/>
        <source>Model file(s) (several: an ensemble)</source>
        <translation>Fichier(s) de modèle (plusieurs : un ensemble)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="86"/>
        <source>Bands (none chosen: the model&apos;s)</source>
        <translation>Bandes (aucune choisie : celles du modèle)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="89"/>
        <source>Area to classify (empty: whole raster)</source>
        <translation>Zone à classer (vide : tout le raster)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="93"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="94"/>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="101"/>
        <source>Uncertainty (where to label next)</source>
        <translation>Incertitude (où étiqueter ensuite)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="106"/>
        <source>Polygons</source>
        <translation>Polygones</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="120"/>
        <source>Choose the image raster.</source>
        <translation>Choisissez le raster image.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="126"/>
        <source>The area to classify does not overlap &apos;{name}&apos;.</source>
        <translation>La zone à classer ne recouvre pas « {name} ».</translation>
    </message>
</context>
<context>
    <name>ClassifyFolderAlgorithm</name>
    <message>
        <location filename="../processing/catalogue.py" line="43"/>
        <source>Scenes classified</source>
        <translation>Scènes classées</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="43"/>
        <source>Scenes already complete (skipped)</source>
        <translation>Scènes déjà terminées (ignorées)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="90"/>
        <source>Classify folder of rasters</source>
        <translation>Classer un dossier de rasters</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="94"/>
        <source>Folder of images</source>
        <translation>Dossier d'images</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="96"/>
        <source>Model file(s) (several: an ensemble)</source>
        <translation>Fichier(s) de modèle (plusieurs : un ensemble)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="99"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="101"/>
        <source>Class areas per scene</source>
        <translation>Superficies des classes par scène</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="104"/>
        <source>Open the class rasters (one layer per scene)</source>
        <translation>Ouvrir les rasters de classes (une couche par scène)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="107"/>
        <source>Leave off for many scenes: the table of class areas is always opened.</source>
        <translation>À désactiver pour de nombreuses scènes : la table des superficies des classes est toujours ouverte.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="110"/>
        <source>Class rasters</source>
        <translation>Rasters de classes</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="112"/>
        <source>Scenes that failed</source>
        <translation>Scènes en échec</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="120"/>
        <source>Choose an existing folder of images.</source>
        <translation>Choisissez un dossier d'images existant.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="153"/>
        <source>class areas per scene</source>
        <translation>superficies des classes par scène</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="159"/>
        <source>class areas</source>
        <translation>superficies des classes</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="162"/>
        <source>The engine&apos;s table of class areas {footprints} cannot be read.</source>
        <translation>La table des superficies des classes du moteur {footprints} ne peut pas être lue.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="170"/>
        <source>Cannot create the table of class areas.</source>
        <translation>Impossible de créer la table des superficies des classes.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../command_line.py" line="45"/>
        <source>This engine{version} has no option '{dest}' for 'landcover {command}'. Install the engine that comes with the plugin: 'Set up engine…' → 'Install engine'.</source>
        <translation>Ce moteur{version} n'a pas d'option « {dest} » pour « landcover {command} ». Installez le moteur fourni avec l'extension : « Configurer le moteur… » → « Installer le moteur ».</translation>
    </message>
    <message>
        <location filename="../command_line.py" line="71"/>
        <source>The engine&apos;s option {flag} takes one value, not {count}.</source>
        <translation>L'option {flag} du moteur prend une seule valeur, pas {count}.</translation>
    </message>
</context>
<context>
    <name>DesignSampleAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="77"/>
        <source>Design a sample</source>
        <translation>Concevoir un échantillon</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="81"/>
        <source>Class map to assess</source>
        <translation>Carte des classes à évaluer</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="83"/>
        <source>Area of interest (only the map inside is sampled)</source>
        <translation>Zone d'intérêt (seule la carte à l'intérieur est échantillonnée)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="92"/>
        <source>Sample points (GeoPackage)</source>
        <translation>Points d'échantillon (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="94"/>
        <source>Sample design (JSON)</source>
        <translation>Plan d'échantillonnage (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="95"/>
        <source>Number of sample points</source>
        <translation>Nombre de points d'échantillon</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="102"/>
        <source>Save the sample points as a GeoPackage (.gpkg), not {name}.</source>
        <translation>Enregistrez les points d'échantillon en GeoPackage (.gpkg), pas en {name}.</translation>
    </message>
</context>
<context>
    <name>DockForm</name>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Tile size</source>
        <translation>Taille de tuile</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Tiles per epoch</source>
        <translation>Tuiles par époque</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Learning rate</source>
        <translation>Taux d'apprentissage</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Rare-class sampling</source>
        <translation>Échantillonnage classes rares</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="101"/>
        <source>The landcover engine has not been checked yet, so its options are unknown: use 'Set up engine…' to choose or install it.</source>
        <translation>Le moteur landcover n'a pas encore été vérifié, ses options sont donc inconnues : utilisez « Configurer le moteur… » pour le choisir ou l'installer.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="147"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="273"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="150"/>
        <source>Classify</source>
        <translation>Classer</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="158"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="164"/>
        <source>Bands fed to the model (passed as --bands).</source>
        <translation>Bandes fournies au modèle (passées via --bands).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="169"/>
        <source>Raster layer</source>
        <translation>Couche raster</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="170"/>
        <source>Bands</source>
        <translation>Bandes</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="171"/>
        <source>Histogram reference</source>
        <translation>Référence d'histogramme</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="176"/>
        <source>Labels and classes</source>
        <translation>Étiquettes et classes</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="178"/>
        <source>Polygon layer + class field</source>
        <translation>Couche de polygones + champ de classe</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="213"/>
        <source>Label raster</source>
        <translation>Raster d'étiquettes</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="185"/>
        <source>Selected features only</source>
        <translation>Entités sélectionnées uniquement</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="194"/>
        <source>Load scheme…</source>
        <translation>Charger une nomenclature…</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="195"/>
        <source>A JSON list of {code, name, color}: names and colours for the class values of the labels (e.g. the scene_classes.json of the demo).</source>
        <translation>Une liste JSON de {code, name, color} : noms et couleurs des valeurs de classe des étiquettes (p. ex. le scene_classes.json de la démo).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="206"/>
        <source>Reference for the evaluation table after classifying (a class raster, or polygons with the same class field).</source>
        <translation>Référence pour la table d'évaluation après la classification (un raster de classes, ou des polygones avec le même champ de classe).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="209"/>
        <source>Labels from</source>
        <translation>Étiquettes depuis</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="210"/>
        <source>Label layer</source>
        <translation>Couche d'étiquettes</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="211"/>
        <source>Class field</source>
        <translation>Champ de classe</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="214"/>
        <source>Class scheme</source>
        <translation>Nomenclature</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="217"/>
        <source>Evaluate against</source>
        <translation>Évaluer par rapport à</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="229"/>
        <source>Outputs</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="233"/>
        <source>Where models, classifications and pseudo-labels are written (remembered in the project).</source>
        <translation>Emplacement où sont écrits modèles, classifications et pseudo-étiquettes (mémorisé dans le projet).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="236"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="242"/>
        <source>choose a folder (asked at the first run)</source>
        <translation>choisir un dossier (demandé à la première exécution)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="248"/>
        <source>New model</source>
        <translation>Nouveau modèle</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="248"/>
        <source>Existing model file(s)</source>
        <translation>Fichier(s) de modèle existant(s)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="252"/>
        <source>A starting point for the settings below; changing one of them makes it &apos;Custom&apos;.</source>
        <translation>Un point de départ pour les paramètres ci-dessous ; en modifier un le fait passer à « Personnalisé ».</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="259"/>
        <source>Weights (*.pt *.pth)</source>
        <translation>Poids (*.pt *.pth)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="264"/>
        <source>landcover models (*.pt)</source>
        <translation>Modèles landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="265"/>
        <source>One model to apply or fine-tune; several models are applied as an ensemble.</source>
        <translation>Un modèle à appliquer ou à affiner ; plusieurs modèles sont appliqués en ensemble.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="267"/>
        <source>Train fine-tunes the (first) model file</source>
        <translation>Entraîner affine le (premier) fichier de modèle</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="270"/>
        <source>landcover model (*.pt)</source>
        <translation>Modèle landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="271"/>
        <source>image_architecture_time.pt in the output folder</source>
        <translation>image_architecture_time.pt dans le dossier de sortie</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="274"/>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="275"/>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="276"/>
        <source>Decoder</source>
        <translation>Décodeur</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="277"/>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="278"/>
        <source>Weights file</source>
        <translation>Fichier de poids</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="279"/>
        <source>Model file(s)</source>
        <translation>Fichier(s) de modèle</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="284"/>
        <source>Save model as</source>
        <translation>Enregistrer le modèle sous</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="288"/>
        <source>Advanced training settings</source>
        <translation>Paramètres d'entraînement avancés</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="310"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="312"/>
        <source>Current map view</source>
        <translation>Vue actuelle de la carte</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="312"/>
        <source>Whole layer</source>
        <translation>Couche entière</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="318"/>
        <source>Also make polygons</source>
        <translation>Créer aussi des polygones</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="320"/>
        <source>Also make a confidence raster</source>
        <translation>Créer aussi un raster de confiance</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="324"/>
        <source>Also make an uncertainty raster</source>
        <translation>Créer aussi un raster d'incertitude</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="325"/>
        <source>Bright where the model hesitates: where to draw new labels next.</source>
        <translation>Clair là où le modèle hésite : là où dessiner de nouvelles étiquettes ensuite.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="327"/>
        <source>Match histograms to the model&apos;s reference</source>
        <translation>Ajuster les histogrammes au modèle</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="332"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="336"/>
        <source>Test-time augmentation</source>
        <translation>Augmentation au test</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="382"/>
        <source>Load a class scheme</source>
        <translation>Charger une nomenclature</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="382"/>
        <source>Class schemes (*.json);;All files (*)</source>
        <translation>Nomenclatures (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="447"/>
        <source>{count} classes (found beside the labels): {classes}.</source>
        <translation>{count} classes (trouvées à côté des étiquettes) : {classes}.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="447"/>
        <source>{count} classes: {classes}.</source>
        <translation>{count} classes : {classes}.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="451"/>
        <source>The class field holds numbers: without a scheme they are named &apos;class N&apos;. Load a scheme to give them names and colours.</source>
        <translation>Le champ de classe contient des nombres : sans nomenclature, ils sont nommés « class N ». Chargez une nomenclature pour leur donner des noms et des couleurs.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="481"/>
        <source>Choose an output folder for the results (under &apos;Outputs&apos;).</source>
        <translation>Choisissez un dossier de sortie pour les résultats (sous « Sorties »).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="491"/>
        <source>{name} (scheme file)</source>
        <translation>{name} (fichier de nomenclature)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="494"/>
        <source>From label values</source>
        <translation>D'après les valeurs d'étiquette</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="497"/>
        <source>From the loaded model</source>
        <translation>D'après le modèle chargé</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="502"/>
        <source>file…</source>
        <translation>fichier…</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="519"/>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="599"/>
        <source>Not available: this engine&apos;s &apos;landcover train&apos; has no &apos;{option}&apos; option.</source>
        <translation>Indisponible : la commande « landcover train » de ce moteur n'a pas d'option « {option} ».</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="616"/>
        <source>Not available: this engine&apos;s &apos;landcover predict&apos; has no such option.</source>
        <translation>Indisponible : la commande « landcover predict » de ce moteur n'a pas cette option.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="629"/>
        <source>The model carries a histogram reference ({source}); uncheck the box above to feed the image as it is.</source>
        <translation>Le modèle contient une référence d'histogramme ({source}) ; décochez la case ci-dessus pour fournir l'image telle quelle.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="637"/>
        <source>The model carries no histogram reference: images are used as they are.</source>
        <translation>Le modèle ne contient pas de référence d'histogramme : les images sont utilisées telles quelles.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="668"/>
        <source>Choose the image raster layer first.</source>
        <translation>Choisissez d'abord la couche raster de l'image.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="675"/>
        <source>Check at least one band of the image.</source>
        <translation>Cochez au moins une bande de l'image.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="686"/>
        <source>Choose the label layer (polygons with a class field).</source>
        <translation>Choisissez la couche d'étiquettes (polygones avec un champ de classe).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="688"/>
        <source>Choose the field of &apos;{name}&apos; that holds the class of each polygon.</source>
        <translation>Choisissez le champ de « {name} » qui contient la classe de chaque polygone.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="696"/>
        <source>Choose the label raster (class codes, 0/nodata = unlabeled).</source>
        <translation>Choisissez le raster d'étiquettes (codes de classe, 0/nodata = non étiqueté).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="705"/>
        <source>Model file not found: {missing}</source>
        <translation>Fichier de modèle introuvable : {missing}</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="723"/>
        <source>Choose an existing weights file, or one of the engine&apos;s weight presets.</source>
        <translation>Choisissez un fichier de poids existant, ou l'un des poids prédéfinis du moteur.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="753"/>
        <source>To train from existing model files, pick a model and check 'Train fine-tunes the (first) model file' — or choose 'New model'.</source>
        <translation>Pour entraîner à partir de fichiers de modèle existants, choisissez un modèle et cochez « Entraîner affine le (premier) fichier de modèle », ou choisissez « Nouveau modèle ».</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="759"/>
        <source>&apos;From the loaded model&apos; needs an existing model file to fine-tune.</source>
        <translation>« D'après le modèle chargé » nécessite un fichier de modèle existant à affiner.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="765"/>
        <source>The labels do not match the class scheme {name}: {problems}</source>
        <translation>Les étiquettes ne correspondent pas à la nomenclature {name} : {problems}</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="824"/>
        <source>The evaluation layer &apos;{name}&apos; needs the class field &apos;{field}&apos; of the label layer.</source>
        <translation>La couche d'évaluation « {name} » doit avoir le champ de classe « {field} » de la couche d'étiquettes.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="824"/>
        <source>(none chosen)</source>
        <translation>(aucun choix)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="848"/>
        <source>Check at least one unlabeled layer for self-training.</source>
        <translation>Cochez au moins une couche non étiquetée pour l'auto-apprentissage.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="329"/>
        <source>Read at the model&apos;s ground resolution</source>
        <translation>Lire à la résolution du modèle</translation>
    </message>
</context>
<context>
    <name>EngineAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="61"/>
        <source>Draws a stratified random sample of a class map for accuracy assessment and area estimation (Olofsson et al. 2014): the map&apos;s classes are the strata, the sample size follows from the target standard error of overall accuracy and the expected user&apos;s accuracies, shared in proportion to the classes&apos; areas with a minimum per class. Writes a point GeoPackage with &apos;stratum&apos; and an empty &apos;reference&apos; field (offering the map&apos;s class names) to label, and the design beside it. Label the points, then run &apos;Assess accuracy and areas&apos;.</source>
        <translation>Tire un échantillon aléatoire stratifié d'une carte des classes pour l'évaluation de la précision et l'estimation des superficies (Olofsson et al. 2014) : les classes de la carte sont les strates, la taille de l'échantillon découle de l'erreur type visée de la précision globale et des précisions pour l'utilisateur attendues, et elle est répartie au prorata des superficies des classes avec un minimum par classe. Écrit un GeoPackage de points avec un champ « stratum » et un champ « reference » vide (proposant les noms de classes de la carte) à étiqueter, et le plan d'échantillonnage à côté. Étiquetez les points, puis lancez « Évaluer la précision et les superficies ».</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="128"/>
        <source>Estimates the accuracy of a class map and its classes&apos; areas from a labelled stratified sample (from &apos;Design a sample&apos;), as good practice asks (Olofsson et al. 2014): overall, user&apos;s and producer&apos;s accuracies with standard errors, and for each class its mapped area and its error-adjusted area in hectares with a 95% confidence interval. Points without a label are skipped. Writes the engine&apos;s JSON report and an HTML report; returns the area-adjusted figures as JSON.</source>
        <translation>Estime la précision d'une carte des classes et les superficies de ses classes à partir d'un échantillon stratifié étiqueté (issu de « Concevoir un échantillon »), selon les bonnes pratiques (Olofsson et al. 2014) : précision globale, pour l'utilisateur et pour le producteur avec leurs erreurs types, et pour chaque classe sa superficie cartographiée et sa superficie ajustée des erreurs en hectares avec un intervalle de confiance à 95 %. Les points sans étiquette sont ignorés. Écrit le rapport JSON du moteur et un rapport HTML ; renvoie les chiffres ajustés des superficies en JSON.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="35"/>
        <source>The landcover engine is not set up, or could not describe its options. In QGIS: open the landcover panel, use 'Set up engine…' (create the managed environment, then install the engine) and reopen this algorithm. For qgis_process: set the LANDCOVER_PYTHON environment variable to a Python that has the engine (landcover_core) installed.</source>
        <translation>Le moteur landcover n'est pas configuré, ou n'a pas pu décrire ses options. Dans QGIS : ouvrez le panneau landcover, utilisez « Configurer le moteur… » (créez l'environnement géré, puis installez le moteur) et rouvrez cet algorithme. Pour qgis_process : définissez la variable d'environnement LANDCOVER_PYTHON sur un Python où le moteur (landcover_core) est installé.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="115"/>
        <source>Land cover</source>
        <translation>Occupation du sol</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="209"/>
        <source>{name} takes raster layers only.</source>
        <translation>{name} n'accepte que des couches raster.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="232"/>
        <source>{name} is not a choice parameter of this algorithm.</source>
        <translation>{name} n'est pas un paramètre à choix de cet algorithme.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="253"/>
        <source>{problem}
Engine Python tried: {python}</source>
        <translation>{problem}
Python du moteur essayé : {python}</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="256"/>
        <source>The configured landcover engine ({version}) has no '{command}' command: install the engine that comes with the plugin ('Set up engine…' → 'Install engine' in the landcover panel).</source>
        <translation>Le moteur landcover configuré ({version}) n'a pas de commande « {command} » : installez le moteur fourni avec l'extension (« Configurer le moteur… » → « Installer le moteur » dans le panneau landcover).</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="291"/>
        <source>Checking the model file(s) with the engine…</source>
        <translation>Vérification du ou des fichiers de modèle avec le moteur…</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="306"/>
        <source>Invalid raster layer for {name}.</source>
        <translation>Couche raster non valide pour {name}.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="74"/>
        <source>Classifies every raster of a folder with a landcover model file, or several (an ensemble), one scene per task on parallel workers (a local Dask cluster, or an existing one). Writes NAME.classes.tif per scene (and optionally confidence, uncertainty and polygons) into the output folder, and a table of class areas per scene (hectares, shares) with each scene&apos;s footprint. A scene that fails is reported and the others go on; running again into the same folder skips the scenes already complete.</source>
        <translation>Classe chaque raster d'un dossier avec un fichier de modèle landcover, ou plusieurs (un ensemble), une scène par tâche sur des workers parallèles (un cluster Dask local, ou un cluster existant). Écrit NAME.classes.tif par scène (et, en option, confiance, incertitude et polygones) dans le dossier de sortie, ainsi qu'une table des superficies des classes par scène (hectares, parts) avec l'emprise de chaque scène. Une scène en échec est signalée et les autres continuent ; une nouvelle exécution dans le même dossier ignore les scènes déjà terminées.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="68"/>
        <source>Assesses a class raster — or the prediction of model file(s) on an image — against reference data: a raster of class codes, or polygons with a class field. Writes a per-class table layer, the engine's JSON report and an HTML report (confusion matrix and per-class figures) shown in the Processing results viewer.</source>
        <translation>Évalue un raster de classes — ou la prédiction d'un ou plusieurs fichiers de modèle sur une image — par rapport à des données de référence : un raster de codes de classe, ou des polygones avec un champ de classe. Écrit une couche table par classe, le rapport JSON du moteur et un rapport HTML (matrice de confusion et chiffres par classe) affiché dans la visionneuse de résultats de Traitements.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="65"/>
        <source>Classifies a raster with a landcover model file, or several (an ensemble: probabilities are averaged). Writes a class GeoTIFF (pixel values are class codes, styled with the class colours), optionally a confidence raster, an uncertainty raster (where to label next) and polygons. Tiles overlap to avoid seams; test-time augmentation and histogram matching are the engine&apos;s options.</source>
        <translation>Classe un raster avec un fichier de modèle landcover, ou plusieurs (un ensemble : les probabilités sont moyennées). Écrit un GeoTIFF de classes (les valeurs des pixels sont les codes de classe, symbolisés avec les couleurs des classes), et en option un raster de confiance, un raster d'incertitude (où étiqueter ensuite) et des polygones. Les tuiles se chevauchent pour éviter les raccords ; l'augmentation au test et l'ajustement d'histogramme sont des options du moteur.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="180"/>
        <source>Turns a landcover class raster into polygons with class_id, class_name and area.</source>
        <translation>Convertit un raster de classes landcover en polygones avec class_id, class_name et la superficie.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="226"/>
        <source>Matches the histogram of each chosen band of a raster to the matching band of a reference raster (keeps the data type, georeferencing and nodata), e.g. to bring a new scene close to the one a model was trained on. Optionally plots each band&apos;s histograms before and after.</source>
        <translation>Ajuste l'histogramme de chaque bande choisie d'un raster à la bande correspondante d'un raster de référence (conserve le type de données, le géoréférencement et le nodata), p. ex. pour rapprocher une nouvelle scène de celle sur laquelle un modèle a été entraîné. En option, trace les histogrammes de chaque bande avant et après.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="199"/>
        <source>Trains a DeepLabV3 model from an image and sparse labels (polygons, points or lines with a class field; &apos;Selected features only&apos; is honoured) in the landcover engine, and saves it as a .pt model file. With a reference raster, every image is histogram-matched to it and the reference travels in the model, so Classify matches new images to it too.</source>
        <translation>Entraîne un modèle DeepLabV3 à partir d'une image et d'étiquettes éparses (polygones, points ou lignes avec un champ de classe ; « Entités sélectionnées uniquement » est respecté) dans le moteur landcover, et l'enregistre comme fichier de modèle .pt. Avec un raster de référence, l'histogramme de chaque image y est ajusté et la référence est stockée dans le modèle, de sorte que Classer y ajuste aussi les nouvelles images.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="271"/>
        <source>Fine-tunes an existing landcover model on an image and labelled features of its classes (a class name it does not know is refused) and saves the result as a new model file.</source>
        <translation>Affine un modèle landcover existant sur une image et des entités étiquetées de ses classes (un nom de classe qu'il ne connaît pas est refusé) et enregistre le résultat comme nouveau fichier de modèle.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="315"/>
        <source>Self-training: trains on the labelled image, pseudo-labels the unlabeled scenes with the confident predictions, and trains again, for several rounds. The log reports each round&apos;s validation mIoU.</source>
        <translation>Auto-apprentissage : entraîne sur l'image étiquetée, pseudo-étiquette les scènes non étiquetées avec les prédictions sûres, puis entraîne à nouveau, sur plusieurs cycles. Le journal indique le mIoU de validation de chaque cycle.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="356"/>
        <source>Classifies unlabeled scenes with one model or an ensemble and keeps only the pixels predicted with at least the threshold confidence, as label rasters (one per scene) for further training.</source>
        <translation>Classe des scènes non étiquetées avec un modèle ou un ensemble et ne conserve que les pixels prédits avec au moins la confiance seuil, sous forme de rasters d'étiquettes (un par scène) pour un entraînement ultérieur.</translation>
    </message>
</context>
<context>
    <name>EngineCheck</name>
    <message>
        <location filename="../engine_check.py" line="71"/>
        <source>Engine not available.</source>
        <translation>Moteur indisponible.</translation>
    </message>
    <message>
        <location filename="../engine_check.py" line="75"/>
        <source>CUDA ({device})</source>
        <translation>CUDA ({device})</translation>
    </message>
</context>
<context>
    <name>EngineCheckTask</name>
    <message>
        <location filename="../tasks.py" line="123"/>
        <source>Checking the landcover engine</source>
        <translation>Vérification du moteur landcover</translation>
    </message>
</context>
<context>
    <name>EngineCommands</name>
    <message>
        <location filename="../engine_commands.py" line="52"/>
        <source>Choose a model file (train one first, or pick existing model files).</source>
        <translation>Choisissez un fichier de modèle (entraînez-en d'abord un, ou choisissez des fichiers de modèle existants).</translation>
    </message>
</context>
<context>
    <name>EngineOption</name>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Target standard error of the overall accuracy</source>
        <translation>Erreur type visée de la précision globale</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Expected user&apos;s accuracy per class (e.g. forest=0.9,water=0.95; others 0.8)</source>
        <translation>Précision pour l'utilisateur attendue par classe (p. ex. forest=0.9,water=0.95 ; autres 0.8)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Least points per class</source>
        <translation>Nombre minimal de points par classe</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Sample size (empty: from the target standard error)</source>
        <translation>Taille de l'échantillon (vide : selon l'erreur type visée)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Random seed (the same seed gives the same points)</source>
        <translation>Graine aléatoire (la même graine donne les mêmes points)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>File name patterns of the images (comma-separated)</source>
        <translation>Motifs de noms de fichiers des images (séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write a confidence raster per scene</source>
        <translation>Écrire aussi un raster de confiance par scène</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write an uncertainty raster per scene</source>
        <translation>Écrire aussi un raster d'incertitude par scène</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write polygons per scene</source>
        <translation>Écrire aussi des polygones par scène</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Workers (empty: sized to this machine)</source>
        <translation>Workers (vide : adapté à cette machine)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>CPU threads per worker</source>
        <translation>Threads CPU par worker</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Retries of a failed scene</source>
        <translation>Nouvelles tentatives pour une scène en échec</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Classify again the scenes a previous run completed</source>
        <translation>Classer à nouveau les scènes terminées par une exécution précédente</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Dask scheduler address (empty: a local cluster)</source>
        <translation>Adresse du planificateur Dask (vide : un cluster local)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Tile size when predicting (pixels; empty: the model&apos;s)</source>
        <translation>Taille de tuile en prédiction (pixels ; vide : celle du modèle)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Tile overlap when predicting (pixels)</source>
        <translation>Chevauchement des tuiles en prédiction (pixels)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Test-time augmentation when predicting</source>
        <translation>Augmentation au test (TTA) en prédiction</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Match the image to the model&apos;s histogram reference</source>
        <translation>Ajuster l'image à la référence d'histogramme du modèle</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Compute device</source>
        <translation>Périphérique de calcul</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="32"/>
        <source>Minimum polygon area (map units²)</source>
        <translation>Superficie minimale des polygones (unités de carte²)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="32"/>
        <source>Polygon simplification tolerance (map units)</source>
        <translation>Tolérance de simplification des polygones (unités de carte)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tile size (pixels; empty: the model&apos;s)</source>
        <translation>Taille de tuile (pixels ; vide : celle du modèle)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tile overlap (pixels; empty: half a tile)</source>
        <translation>Chevauchement des tuiles (pixels ; vide : une demi-tuile)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Test-time augmentation</source>
        <translation>Augmentation au test (TTA)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Ensemble weights (one per model)</source>
        <translation>Poids de l'ensemble (un par modèle)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Match the image to the model&apos;s histogram reference (if it has one)</source>
        <translation>Ajuster l'image à la référence d'histogramme du modèle (s'il en a une)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tiles per forward pass</source>
        <translation>Tuiles par passe avant</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Inference backend</source>
        <translation>Moteur d'inférence</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Decoder (plus: sharper edges, roads and buildings)</source>
        <translation>Décodeur (plus : contours, routes et bâtiments plus nets)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Tile size (pixels)</source>
        <translation>Taille de tuile (pixels)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Learning rate</source>
        <translation>Taux d'apprentissage</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Training tiles per epoch</source>
        <translation>Tuiles d'entraînement par époque</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Class-aware sampling (0 = label proportions, 1 = equal)</source>
        <translation>Échantillonnage selon les classes (0 = proportions des étiquettes, 1 = égal)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Class weights of the loss</source>
        <translation>Poids des classes dans la fonction de perte</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Photometric augmentation</source>
        <translation>Augmentation photométrique</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Validation share</source>
        <translation>Part de validation</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Validation split (whole scenes or blocks of every scene)</source>
        <translation>Découpage de validation (scènes entières ou blocs de chaque scène)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Early-stopping patience (epochs)</source>
        <translation>Patience de l'arrêt précoce (époques)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Arithmetic (auto: mixed precision on GPUs)</source>
        <translation>Arithmétique (auto : précision mixte sur GPU)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Tile-loading processes (empty: automatic)</source>
        <translation>Processus de chargement des tuiles (vide : automatique)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Dropout rate of the head</source>
        <translation>Taux de dropout de la tête</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Moving average of the weights (decay per step, 0 = off)</source>
        <translation>Moyenne mobile des poids (décroissance par pas, 0 = désactivée)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Resampling (model: read the raster at the model&apos;s ground resolution)</source>
        <translation>Rééchantillonnage (model : lire le raster à la résolution au sol du modèle)</translation>
    </message>
</context>
<context>
    <name>EngineRunner</name>
    <message>
        <location filename="../engine_runner.py" line="145"/>
        <source>The program '{program}' cannot be started ({problem}). Use 'Set up engine…' in the landcover panel to choose or install the engine Python.</source>
        <translation>Le programme « {program} » ne peut pas être lancé ({problem}). Utilisez « Configurer le moteur… » dans le panneau landcover pour choisir ou installer le Python du moteur.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="185"/>
        <source>was killed by signal {signal}</source>
        <translation>a été arrêté par le signal {signal}</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="186"/>
        <source>exited with code {exit_code}</source>
        <translation>s'est terminé avec le code {exit_code}</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="359"/>
        <source>landcover {command} was cancelled.</source>
        <translation>landcover {command} a été annulé.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="359"/>
        <source>landcover {command} was cancelled and {exit}.</source>
        <translation>landcover {command} a été annulé et {exit}.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="368"/>
        <source>landcover {command} ended without reporting a result.</source>
        <translation>landcover {command} s'est terminé sans renvoyer de résultat.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="371"/>
        <source>The landcover engine {exit} while running &apos;{command}&apos;.</source>
        <translation>Le moteur landcover {exit} pendant l'exécution de « {command} ».</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="373"/>
        <source>
Last output:
{details}</source>
        <translation>
Dernière sortie :
{details}</translation>
    </message>
</context>
<context>
    <name>EngineSchema</name>
    <message>
        <location filename="../engine_schema.py" line="182"/>
        <source>The engine did not describe itself as a landcover-schema.</source>
        <translation>Le moteur ne s'est pas décrit comme un landcover-schema.</translation>
    </message>
    <message>
        <location filename="../engine_schema.py" line="239"/>
        <source>This engine cannot describe itself ({problem}). Install the engine that comes with the plugin: 'Set up engine…' → 'Install engine'.</source>
        <translation>Ce moteur ne peut pas se décrire ({problem}). Installez le moteur fourni avec l'extension : « Configurer le moteur… » → « Installer le moteur ».</translation>
    </message>
</context>
<context>
    <name>EngineSetup</name>
    <message>
        <location filename="../engine_setup.py" line="45"/>
        <source>No NVIDIA GPU was found on this machine: the CUDA build of torch is about 1.6 GB more to download and the engine would still run on the CPU here. Choose &apos;CPU only&apos; unless the environment is meant for a GPU this machine does not show.</source>
        <translation>Aucun GPU NVIDIA n'a été trouvé sur cette machine : la version CUDA de torch représente environ 1,6 Go de plus à télécharger et le moteur tournerait quand même sur le CPU ici. Choisissez « CPU uniquement », sauf si l'environnement est destiné à un GPU que cette machine ne montre pas.</translation>
    </message>
</context>
<context>
    <name>EngineSetupDialog</name>
    <message>
        <location filename="../setup_dialog.py" line="56"/>
        <source>landcover: set up engine</source>
        <translation>landcover : configurer le moteur</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="69"/>
        <source>Use this Python</source>
        <translation>Utiliser ce Python</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="70"/>
        <source>Create managed environment</source>
        <translation>Créer un environnement géré</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="72"/>
        <source>Install engine</source>
        <translation>Installer le moteur</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="74"/>
        <source>No engine source found next to the plugin.</source>
        <translation>Aucune source du moteur trouvée à côté de l'extension.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="77"/>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="78"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="79"/>
        <source>Stops the running command; a half-built managed environment is removed.</source>
        <translation>Arrête la commande en cours ; un environnement géré partiellement créé est supprimé.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="94"/>
        <source>torch build to install:</source>
        <translation>Version de torch à installer :</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="123"/>
        <source>Current engine Python ({origin}): {python}</source>
        <translation>Python actuel du moteur ({origin}) : {python}</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="127"/>
        <source>An NVIDIA GPU was found.</source>
        <translation>Un GPU NVIDIA a été trouvé.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="127"/>
        <source>No NVIDIA GPU found: the CPU-only build is smaller.</source>
        <translation>Aucun GPU NVIDIA trouvé : la version CPU uniquement est plus légère.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="140"/>
        <source>Engine Python set to {python}</source>
        <translation>Python du moteur défini sur {python}</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="148"/>
        <source>No system Python found to create the environment with.</source>
        <translation>Aucun Python système trouvé pour créer l'environnement.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="204"/>
        <source>Busy: wait for the running command.</source>
        <translation>Occupé : attendez la fin de la commande en cours.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="207"/>
        <source>landcover: setting up the engine</source>
        <translation>landcover : configuration du moteur</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="221"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="231"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
</context>
<context>
    <name>EngineTask</name>
    <message>
        <location filename="../tasks.py" line="100"/>
        <source>landcover {command} was cancelled.</source>
        <translation>landcover {command} a été annulé.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="115"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>EvaluateAlgorithm</name>
    <message>
        <location filename="../processing/evaluation.py" line="46"/>
        <source>Overall accuracy</source>
        <translation>Précision globale</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="46"/>
        <source>mIoU</source>
        <translation>mIoU</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="46"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Kappa de Cohen</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="82"/>
        <source>Evaluate accuracy</source>
        <translation>Évaluer la précision</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="86"/>
        <source>Class raster to assess</source>
        <translation>Raster de classes à évaluer</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="88"/>
        <source>…or model file(s) to predict with</source>
        <translation>…ou fichier(s) de modèle pour la prédiction</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="90"/>
        <source>…on this image raster</source>
        <translation>…sur ce raster image</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="92"/>
        <source>Reference raster (class codes)</source>
        <translation>Raster de référence (codes de classe)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="95"/>
        <source>…or reference polygons</source>
        <translation>…ou polygones de référence</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="98"/>
        <source>Class field of the reference polygons</source>
        <translation>Champ de classe des polygones de référence</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="101"/>
        <source>Class scheme of the reference raster (JSON; default: its tags, or the scheme JSON found beside it)</source>
        <translation>Nomenclature des classes du raster de référence (JSON ; par défaut : ses tags, ou le JSON de nomenclature trouvé à côté)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="106"/>
        <source>Per-class accuracy</source>
        <translation>Précision par classe</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="108"/>
        <source>Report (JSON)</source>
        <translation>Rapport (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="108"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="111"/>
        <source>Report (HTML)</source>
        <translation>Rapport (HTML)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="111"/>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="123"/>
        <source>Choose either a class raster to assess, or model file(s) and an image to predict.</source>
        <translation>Choisissez soit un raster de classes à évaluer, soit un ou plusieurs fichiers de modèle et une image à prédire.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="126"/>
        <source>Choose the image raster the model file(s) should classify.</source>
        <translation>Choisissez le raster image que le(s) fichier(s) de modèle doi(ven)t classer.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="131"/>
        <source>Choose one reference: a raster of class codes, or polygons with a class field.</source>
        <translation>Choisissez une seule référence : un raster de codes de classe, ou des polygones avec un champ de classe.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="185"/>
        <source>accuracy per class</source>
        <translation>précision par classe</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="198"/>
        <source>Cannot create the per-class table.</source>
        <translation>Impossible de créer la table par classe.</translation>
    </message>
</context>
<context>
    <name>EvaluateRequest</name>
    <message>
        <location filename="../engine_commands.py" line="280"/>
        <source>Evaluating</source>
        <translation>Évaluation</translation>
    </message>
</context>
<context>
    <name>EvaluationReport</name>
    <message>
        <location filename="../processing/report.py" line="41"/>
        <source>confusion matrix</source>
        <translation>matrice de confusion</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="44"/>
        <source>landcover accuracy report</source>
        <translation>rapport de précision landcover</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="45"/>
        <source>Overall accuracy &lt;b&gt;{accuracy}&lt;/b&gt;, mIoU &lt;b&gt;{miou}&lt;/b&gt;, kappa &lt;b&gt;{kappa}&lt;/b&gt;, {pixels} reference pixels.</source>
        <translation>Précision globale &lt;b&gt;{accuracy}&lt;/b&gt;, mIoU &lt;b&gt;{miou}&lt;/b&gt;, kappa &lt;b&gt;{kappa}&lt;/b&gt;, {pixels} pixels de référence.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="49"/>
        <source>Per class</source>
        <translation>Par classe</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="50"/>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="50"/>
        <source>class</source>
        <translation>classe</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="51"/>
        <source>Confusion matrix (rows: reference, columns: prediction)</source>
        <translation>Matrice de confusion (lignes : référence, colonnes : prédiction)</translation>
    </message>
</context>
<context>
    <name>FeedbackListener</name>
    <message>
        <location filename="../processing/base.py" line="79"/>
        <source>never predicted on validation although labelled there (IoU 0): {classes}</source>
        <translation>classes jamais prédites en validation bien qu'étiquetées (IoU 0) : {classes}</translation>
    </message>
</context>
<context>
    <name>FineTuneAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="283"/>
        <source>Fine-tune land-cover model</source>
        <translation>Affiner un modèle d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="287"/>
        <source>Model file to start from</source>
        <translation>Fichier de modèle de départ</translation>
    </message>
</context>
<context>
    <name>HistogramMatchAlgorithm</name>
    <message>
        <location filename="../processing/inference.py" line="239"/>
        <source>Histogram match</source>
        <translation>Ajustement d'histogramme</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="243"/>
        <source>Raster to adjust</source>
        <translation>Raster à ajuster</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="245"/>
        <source>Reference raster</source>
        <translation>Raster de référence</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="247"/>
        <source>Bands to match (none chosen: all but alpha)</source>
        <translation>Bandes à ajuster (aucune choisie : toutes sauf alpha)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="250"/>
        <source>Reference bands, one per matched band</source>
        <translation>Bandes de référence, une par bande ajustée</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="253"/>
        <source>Matched raster</source>
        <translation>Raster ajusté</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="255"/>
        <source>Histogram plot</source>
        <translation>Graphique des histogrammes</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="255"/>
        <source>PNG files (*.png)</source>
        <translation>Fichiers PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="265"/>
        <source>Choose the raster to adjust and the reference raster.</source>
        <translation>Choisissez le raster à ajuster et le raster de référence.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="270"/>
        <source>Choose one reference band per matched band: {count} band(s) to match, {references} reference band(s).</source>
        <translation>Choisissez une bande de référence par bande ajustée : {count} bande(s) à ajuster, {references} bande(s) de référence.</translation>
    </message>
</context>
<context>
    <name>HistogramMatchRequest</name>
    <message>
        <location filename="../engine_commands.py" line="321"/>
        <source>Matching histograms</source>
        <translation>Ajustement des histogrammes</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <location filename="../action_bar.py" line="61"/>
        <source>epoch {}/{}</source>
        <translation>époque {}/{}</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="87"/>
        <source>{elapsed} · about {remaining} left</source>
        <translation>{elapsed} · encore environ {remaining}</translation>
    </message>
</context>
<context>
    <name>LabelledImageAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="123"/>
        <source>Image raster</source>
        <translation>Raster image</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="125"/>
        <source>Bands (none chosen: all but alpha)</source>
        <translation>Bandes (aucune choisie : toutes sauf alpha)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="128"/>
        <source>Labelled features (polygons, points or lines)</source>
        <translation>Entités étiquetées (polygones, points ou lignes)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="135"/>
        <source>Class field</source>
        <translation>Champ de classe</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="142"/>
        <source>Reference raster for histogram matching</source>
        <translation>Raster de référence pour l'ajustement d'histogramme</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="153"/>
        <source>Choose the image raster and the labelled features.</source>
        <translation>Choisissez le raster image et les entités étiquetées.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="167"/>
        <source>Invalid labelled features for LABELS.</source>
        <translation>Entités étiquetées non valides pour LABELS.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="184"/>
        <source>Model file</source>
        <translation>Fichier de modèle</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="184"/>
        <source>landcover model (*.pt)</source>
        <translation>Modèle landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="187"/>
        <source>Best validation mIoU</source>
        <translation>Meilleur mIoU de validation</translation>
    </message>
</context>
<context>
    <name>LandcoverDock</name>
    <message>
        <location filename="../dock.py" line="114"/>
        <source>Engine: not checked yet</source>
        <translation>Moteur : pas encore vérifié</translation>
    </message>
    <message>
        <location filename="../dock.py" line="116"/>
        <source>Set up engine…</source>
        <translation>Configurer le moteur…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="124"/>
        <source>Remove the previous result&apos;s layers</source>
        <translation>Supprimer les couches du résultat précédent</translation>
    </message>
    <message>
        <location filename="../dock.py" line="127"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../dock.py" line="194"/>
        <source>Engine: checking {python} ({origin})…</source>
        <translation>Moteur : vérification de {python} ({origin})…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="205"/>
        <source>Engine check failed.</source>
        <translation>Échec de la vérification du moteur.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="216"/>
        <source>Engine: {versions}</source>
        <translation>Moteur : {versions}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="216"/>
        <source>Engine not ready: {problem}</source>
        <translation>Moteur non prêt : {problem}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="223"/>
        <source>Make pseudo-labels of the unlabeled layers with the model.</source>
        <translation>Créer des pseudo-étiquettes des couches non étiquetées avec le modèle.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="223"/>
        <source>Not available: this engine has no &apos;pseudo-label&apos; command.</source>
        <translation>Non disponible : ce moteur n'a pas de commande « pseudo-label ».</translation>
    </message>
    <message>
        <location filename="../dock.py" line="229"/>
        <source>Train in rounds, adding confident predictions on the unlabeled layers.</source>
        <translation>Entraîner par cycles, en ajoutant les prédictions sûres sur les couches non étiquetées.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="229"/>
        <source>Not available: this engine has no &apos;self-train&apos; command.</source>
        <translation>Non disponible : ce moteur n'a pas de commande « self-train ».</translation>
    </message>
    <message>
        <location filename="../dock.py" line="264"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location filename="../dock.py" line="247"/>
        <source>Estimating the training time</source>
        <translation>Estimation de la durée d'entraînement</translation>
    </message>
    <message>
        <location filename="../dock.py" line="262"/>
        <source>The engine gave no training-time estimate; training without one.</source>
        <translation>Le moteur n'a donné aucune estimation de la durée d'entraînement ; entraînement sans estimation.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="271"/>
        <source>Training not started. {text}</source>
        <translation>Entraînement non lancé. {text}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="276"/>
        <source>Settings set to &apos;{quick}&apos;: press Train again to estimate and train.</source>
        <translation>Paramètres réglés sur « {quick} » : appuyez de nouveau sur Entraîner pour estimer la durée et entraîner.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="280"/>
        <source>Training (about {duration})</source>
        <translation>Entraînement (environ {duration})</translation>
    </message>
    <message>
        <location filename="../dock.py" line="285"/>
        <source>Classifying</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../dock.py" line="289"/>
        <source>Pseudo-labelling</source>
        <translation>Pseudo-étiquetage</translation>
    </message>
    <message>
        <location filename="../dock.py" line="295"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="309"/>
        <source>A job is already running: wait for it or cancel it.</source>
        <translation>Une tâche est déjà en cours : attendez sa fin ou annulez-la.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="324"/>
        <source>landcover: {message}</source>
        <translation>landcover : {message}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="359"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="362"/>
        <source>{message} Use Resume to continue it.</source>
        <translation>{message} Utilisez Reprendre pour continuer.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="397"/>
        <source>Resuming training</source>
        <translation>Reprise de l'entraînement</translation>
    </message>
    <message>
        <location filename="../dock.py" line="406"/>
        <source>Folder for landcover results</source>
        <translation>Dossier des résultats landcover</translation>
    </message>
    <message>
        <location filename="../dock.py" line="408"/>
        <source>Choose an output folder for the results (under &apos;Outputs&apos;).</source>
        <translation>Choisissez un dossier de sortie pour les résultats (sous « Sorties »).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="422"/>
        <source>Replace model?</source>
        <translation>Remplacer le modèle ?</translation>
    </message>
    <message>
        <location filename="../dock.py" line="422"/>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} existe déjà. Le remplacer ?</translation>
    </message>
    <message>
        <location filename="../dock.py" line="425"/>
        <source>Training not started: {path} was kept.</source>
        <translation>Entraînement non lancé : {path} a été conservé.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="443"/>
        <source>Model saved: {model} (best validation mIoU {miou}). Classes: {classes}.</source>
        <translation>Modèle enregistré : {model} (meilleur mIoU de validation {miou}). Classes : {classes}.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="443"/>
        <source>Model saved: {model} (best validation mIoU {miou}).</source>
        <translation>Modèle enregistré : {model} (meilleur mIoU de validation {miou}).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="485"/>
        <source>Train a model first, or choose &apos;Existing model file(s)&apos;.</source>
        <translation>Entraînez d'abord un modèle, ou choisissez « Fichier(s) de modèle existant(s) ».</translation>
    </message>
    <message>
        <location filename="../dock.py" line="489"/>
        <source>Choose one or more model files to classify with.</source>
        <translation>Choisissez un ou plusieurs fichiers de modèle pour la classification.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="539"/>
        <source>The engine reported outputs QGIS cannot open: {outputs}</source>
        <translation>Le moteur a renvoyé des sorties que QGIS ne peut pas ouvrir : {outputs}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="557"/>
        <source>Classified: &apos;{name}&apos; added at the top of the &apos;landcover&apos; group ({count} layers). The previous result is still below it.</source>
        <translation>Classification terminée : « {name} » ajouté en haut du groupe « landcover » ({count} couches). Le résultat précédent est toujours en dessous.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="557"/>
        <source>Classified: &apos;{name}&apos; added at the top of the &apos;landcover&apos; group ({count} layers).</source>
        <translation>Classification terminée : « {name} » ajouté en haut du groupe « landcover » ({count} couches).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="567"/>
        <source>The uncertainty layer of the newest result is no longer in the project.</source>
        <translation>La couche d'incertitude du résultat le plus récent n'est plus dans le projet.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="589"/>
        <source>The map never gets {names} right on the reference (IoU 0).</source>
        <translation>La carte ne classe jamais correctement {names} sur la référence (IoU 0).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="600"/>
        <source>This engine has no &apos;pseudo-label&apos; command.</source>
        <translation>Ce moteur n'a pas de commande « pseudo-label ».</translation>
    </message>
    <message>
        <location filename="../dock.py" line="611"/>
        <source>No pseudo-labels: no predicted pixel reached the confidence threshold, so no layer was added. Lower the threshold or train the model further.</source>
        <translation>Aucune pseudo-étiquette : aucun pixel prédit n'a atteint le seuil de confiance, aucune couche n'a donc été ajoutée. Abaissez le seuil ou poursuivez l'entraînement du modèle.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="623"/>
        <source>Pseudo-labels added: {count} layer(s)</source>
        <translation>Pseudo-étiquettes ajoutées : {count} couche(s)</translation>
    </message>
    <message>
        <location filename="../dock.py" line="631"/>
        <source>Self-training</source>
        <translation>Auto-apprentissage</translation>
    </message>
    <message>
        <location filename="../dock.py" line="636"/>
        <source>This engine has no &apos;self-train&apos; command.</source>
        <translation>Ce moteur n'a pas de commande « self-train ».</translation>
    </message>
</context>
<context>
    <name>LandcoverPlugin</name>
    <message>
        <location filename="../plugin.py" line="57"/>
        <source>Land-cover mapping: train and classify</source>
        <translation>Cartographie de l'occupation du sol : entraîner et classer</translation>
    </message>
</context>
<context>
    <name>LandcoverProvider</name>
    <message>
        <location filename="../processing/provider.py" line="52"/>
        <source>landcover: land-cover mapping with DeepLabV3</source>
        <translation>landcover : cartographie de l'occupation du sol avec DeepLabV3</translation>
    </message>
</context>
<context>
    <name>LayerChecks</name>
    <message>
        <location filename="../processing/layer_checks.py" line="26"/>
        <source>Choose the field of &apos;{layer_name}&apos; that holds the classes.</source>
        <translation>Choisissez le champ de « {layer_name} » qui contient les classes.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="29"/>
        <source>&apos;{layer_name}&apos; has no field &apos;{field}&apos;: choose the field that holds the classes.</source>
        <translation>« {layer_name} » n'a pas de champ « {field} » : choisissez le champ qui contient les classes.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="40"/>
        <source>'{layer_name}' has no coordinate reference system: set one (Layer properties → Source).</source>
        <translation>« {layer_name} » n'a pas de système de coordonnées de référence : définissez-en un (Propriétés de la couche → Source).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="47"/>
        <source>&apos;{other_name}&apos; ({authid}) cannot be transformed to the CRS of &apos;{name}&apos; ({authid2}).</source>
        <translation>« {other_name} » ({authid}) ne peut pas être transformée dans le SCR de « {name} » ({authid2}).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="51"/>
        <source>&apos;{other_name}&apos; does not overlap &apos;{name}&apos; (compared in {authid}): choose layers that cover the same area.</source>
        <translation>« {other_name} » ne chevauche pas « {name} » (comparaison en {authid}) : choisissez des couches qui couvrent la même zone.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="69"/>
        <source>Choose a model file (several files: an ensemble).</source>
        <translation>Choisissez un fichier de modèle (plusieurs fichiers : un ensemble).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="71"/>
        <source>InputError: Model file not found: {missing}</source>
        <translation>InputError : fichier de modèle introuvable : {missing}</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="61"/>
        <source>&apos;{name}&apos; has {count} band(s), not band {missing}.</source>
        <translation>« {name} » a {count} bande(s), pas de bande {missing}.</translation>
    </message>
</context>
<context>
    <name>LayerIo</name>
    <message>
        <location filename="../layer_io.py" line="143"/>
        <source>The image layer is missing or invalid.</source>
        <translation>La couche image est absente ou non valide.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="166"/>
        <source>Cannot read raster layer &apos;{name}&apos; for export.</source>
        <translation>Impossible de lire la couche raster « {name} » pour l'export.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="170"/>
        <source>Cannot export raster layer &apos;{name}&apos; to GeoTIFF (error {error}).</source>
        <translation>Impossible d'exporter la couche raster « {name} » en GeoTIFF (erreur {error}).</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="185"/>
        <source>The label layer is missing or invalid.</source>
        <translation>La couche d'étiquettes est absente ou non valide.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="187"/>
        <source>&apos;Selected features only&apos; is on, but no feature of &apos;{name}&apos; is selected.</source>
        <translation>« Entités sélectionnées uniquement » est activé, mais aucune entité de « {name} » n'est sélectionnée.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="226"/>
        <source>Cannot export vector layer &apos;{name}&apos;: {errorMessage}</source>
        <translation>Impossible d'exporter la couche vecteur « {name} » : {errorMessage}</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="245"/>
        <source>The map view does not overlap &apos;{name}&apos;: zoom to the layer or classify all of it.</source>
        <translation>La vue cartographique ne chevauche pas « {name} » : zoomez sur la couche ou classez-la entièrement.</translation>
    </message>
</context>
<context>
    <name>ModelFacts</name>
    <message>
        <location filename="../model_facts.py" line="133"/>
        <source>The landcover engine could not describe itself: use 'Set up engine…' in the landcover panel.</source>
        <translation>Le moteur landcover n'a pas pu se décrire : utilisez « Configurer le moteur… » dans le panneau landcover.</translation>
    </message>
    <message>
        <location filename="../model_facts.py" line="162"/>
        <source>Model file not found: {path}</source>
        <translation>Fichier de modèle introuvable : {path}</translation>
    </message>
</context>
<context>
    <name>ModelParameters</name>
    <message>
        <location filename="../processing/model_parameters.py" line="11"/>
        <source>Model files (*.pt);;All files (*.*)</source>
        <translation>Fichiers de modèle (*.pt);;Tous les fichiers (*.*)</translation>
    </message>
</context>
<context>
    <name>OptionSpec</name>
    <message>
        <location filename="../engine_schema.py" line="85"/>
        <source>An option without flag or dest: {item!r}</source>
        <translation>Une option sans flag ni dest : {item!r}</translation>
    </message>
</context>
<context>
    <name>OptionSpinBox</name>
    <message>
        <location filename="../option_widgets.py" line="40"/>
        <source>This engine has no &apos;{command}&apos; option &apos;{dest}&apos;.</source>
        <translation>Ce moteur n'a pas d'option « {dest} » pour « {command} ».</translation>
    </message>
</context>
<context>
    <name>OutputFiles</name>
    <message>
        <location filename="../output_files.py" line="58"/>
        <source>Results cannot be written to the output folder {folder} ({reason}): choose another folder under &apos;Output folder&apos;.</source>
        <translation>Impossible d'écrire les résultats dans le dossier de sortie {folder} ({reason}) : choisissez un autre dossier sous « Dossier de sortie ».</translation>
    </message>
</context>
<context>
    <name>PredictBatchRequest</name>
    <message>
        <location filename="../engine_commands.py" line="225"/>
        <source>Choose the folder of images to classify.</source>
        <translation>Choisissez le dossier des images à classer.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="227"/>
        <source>Choose the output folder.</source>
        <translation>Choisissez le dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="234"/>
        <source>Classifying scenes</source>
        <translation>Classification des scènes</translation>
    </message>
</context>
<context>
    <name>PredictRequest</name>
    <message>
        <location filename="../engine_commands.py" line="191"/>
        <source>Choose where to save the classified raster.</source>
        <translation>Choisissez où enregistrer le raster classé.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="200"/>
        <source>Classifying</source>
        <translation>Classification</translation>
    </message>
</context>
<context>
    <name>ProcessTask</name>
    <message>
        <location filename="../tasks.py" line="183"/>
        <source>
Removed the unfinished environment {cleanup}.</source>
        <translation>
Environnement inachevé {cleanup} supprimé.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="198"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="201"/>
        <source>Failed: the command {exit}.</source>
        <translation>Échec : le programme {exit}.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="201"/>
        <source>
Last output:
{last}</source>
        <translation>
Dernière sortie :
{last}</translation>
    </message>
</context>
<context>
    <name>PseudoLabelAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="368"/>
        <source>Pseudo-label scenes</source>
        <translation>Pseudo-étiqueter des scènes</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="373"/>
        <source>Model file(s)</source>
        <translation>Fichier(s) de modèle</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="374"/>
        <source>Unlabeled scenes</source>
        <translation>Scènes non étiquetées</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="377"/>
        <source>Folder of pseudo-label rasters</source>
        <translation>Dossier des rasters de pseudo-étiquettes</translation>
    </message>
</context>
<context>
    <name>PseudoLabelRequest</name>
    <message>
        <location filename="../engine_commands.py" line="345"/>
        <source>Pseudo-labelling</source>
        <translation>Pseudo-étiquetage</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Round</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Epoch</source>
        <translation>Époque</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Train loss</source>
        <translation>Perte entr.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Val loss</source>
        <translation>Perte val.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Val mIoU</source>
        <translation>mIoU val.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Never predicted</source>
        <translation>Jamais prédites</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="43"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>Recall</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="43"/>
        <source>Area (ha)</source>
        <translation>Superficie (ha)</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="43"/>
        <source>Share (%)</source>
        <translation>Part (%)</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="47"/>
        <source>The uncertainty layer is bright where the model hesitates between classes: draw new label polygons there first, then train again.</source>
        <translation>La couche d'incertitude est claire là où le modèle hésite entre plusieurs classes : dessinez-y d'abord de nouveaux polygones d'étiquettes, puis entraînez à nouveau.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="113"/>
        <source>Export areas as CSV…</source>
        <translation>Exporter les superficies en CSV…</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="117"/>
        <source>Zoom to the most uncertain area</source>
        <translation>Zoomer sur la zone la plus incertaine</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Training&lt;/b&gt;</source>
        <translation>&lt;b&gt;Entraînement&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Evaluation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Évaluation&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Area per class&lt;/b&gt;</source>
        <translation>&lt;b&gt;Superficie par classe&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="142"/>
        <source>&lt;b&gt;Accuracy and area from a sample&lt;/b&gt;</source>
        <translation>&lt;b&gt;Précision et superficie à partir d'un échantillon&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="149"/>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Journal&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="224"/>
        <source>No evaluation yet: choose &apos;Evaluate against&apos; before Classify.</source>
        <translation>Pas encore d'évaluation : choisissez « Évaluer par rapport à » avant de lancer la classification.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="231"/>
        <source>Overall accuracy {accuracy} · mIoU {miou} · kappa {kappa}</source>
        <translation>Précision globale {accuracy} · mIoU {miou} · kappa {kappa}</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="236"/>
        <source>Classes compared by name.</source>
        <translation>Classes comparées par nom.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="238"/>
        <source>Classes compared by code (the reference names none).</source>
        <translation>Classes comparées par code (la référence ne nomme aucune classe).</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="239"/>
        <source>Classes only in the reference: {names}.</source>
        <translation>Classes présentes uniquement dans la référence : {names}.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="239"/>
        <source>Classes never in the reference: {names}.</source>
        <translation>Classes absentes de la référence : {names}.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="273"/>
        <source>Classify to see the area of each class.</source>
        <translation>Lancez la classification pour voir la superficie de chaque classe.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="274"/>
        <source>Pixel counts of the classified extent (nodata left out).</source>
        <translation>Nombres de pixels de l'emprise classée (nodata exclu).</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="281"/>
        <source>Export the area per class</source>
        <translation>Exporter la superficie par classe</translation>
    </message>
</context>
<context>
    <name>SampleDesignRequest</name>
    <message>
        <location filename="../accuracy_commands.py" line="57"/>
        <source>Designing the sample</source>
        <translation>Conception de l'échantillon</translation>
    </message>
</context>
<context>
    <name>SampleReview</name>
    <message>
        <location filename="../sample_review.py" line="39"/>
        <source>— not labelled —</source>
        <translation>— non étiqueté —</translation>
    </message>
</context>
<context>
    <name>SampleReviewWidget</name>
    <message>
        <location filename="../sample_review.py" line="103"/>
        <source>◀ Previous</source>
        <translation>◀ Précédent</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="104"/>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="105"/>
        <source>Next unlabelled</source>
        <translation>Suivant non étiqueté</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="110"/>
        <source>Map class (stratum)</source>
        <translation>Classe de la carte (strate)</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="111"/>
        <source>Reference class</source>
        <translation>Classe de référence</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="112"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="207"/>
        <source>Point {number} of {total} — {labelled} labelled</source>
        <translation>Point {number} sur {total} — {labelled} étiquetés</translation>
    </message>
</context>
<context>
    <name>SelfTrainAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="328"/>
        <source>Self-train land-cover model</source>
        <translation>Auto-apprentissage d'un modèle d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="334"/>
        <source>Unlabeled scenes</source>
        <translation>Scènes non étiquetées</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="347"/>
        <source>Choose at least one unlabeled scene.</source>
        <translation>Choisissez au moins une scène non étiquetée.</translation>
    </message>
</context>
<context>
    <name>SelfTrainRequest</name>
    <message>
        <location filename="../engine_commands.py" line="370"/>
        <source>Self-training</source>
        <translation>Auto-apprentissage</translation>
    </message>
</context>
<context>
    <name>SelfTrainingGroup</name>
    <message>
        <location filename="../self_training_form.py" line="32"/>
        <source>Pseudo-label / self-train</source>
        <translation>Pseudo-étiquetage / auto-apprentissage</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="35"/>
        <source>the image layer</source>
        <translation>la couche image</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="36"/>
        <source>Unlabeled scenes: pseudo-labelled, or added to training round by round.</source>
        <translation>Scènes non étiquetées : pseudo-étiquetées, ou ajoutées à l'entraînement cycle après cycle.</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="40"/>
        <source>Unlabeled layers</source>
        <translation>Couches non étiquetées</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="41"/>
        <source>Confidence threshold</source>
        <translation>Seuil de confiance</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="42"/>
        <source>Self-training rounds</source>
        <translation>Cycles d'auto-apprentissage</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../status_line.py" line="74"/>
        <source>{count} warnings:</source>
        <translation>{count} avertissements :</translation>
    </message>
    <message>
        <location filename="../status_line.py" line="74"/>
        <source>1 warning:</source>
        <translation>1 avertissement :</translation>
    </message>
    <message>
        <location filename="../status_line.py" line="79"/>
        <source>… and {count} more in the log below.</source>
        <translation>… et {count} de plus dans le journal ci-dessous.</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <location filename="../table_export.py" line="68"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../table_export.py" line="74"/>
        <source>{path} could not be written ({problem}): choose another folder.</source>
        <translation>Impossible d'écrire {path} ({problem}) : choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>TorchBuild</name>
    <message>
        <location filename="../engine_setup.py" line="33"/>
        <source>CPU only</source>
        <translation>CPU uniquement</translation>
    </message>
    <message>
        <location filename="../engine_setup.py" line="33"/>
        <source>CUDA (NVIDIA GPU)</source>
        <translation>CUDA (GPU NVIDIA)</translation>
    </message>
</context>
<context>
    <name>TrainAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="213"/>
        <source>Train land-cover model</source>
        <translation>Entraîner un modèle d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="218"/>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="218"/>
        <source>Backbone weights</source>
        <translation>Poids du backbone</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="227"/>
        <source>Backbone weights file (with &apos;file&apos;)</source>
        <translation>Fichier de poids du backbone (avec « file »)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="227"/>
        <source>Weights (*.pt *.pth);;All files (*)</source>
        <translation>Poids (*.pt *.pth);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="233"/>
        <source>A torchvision or timm state dict of the chosen architecture&apos;s backbone (e.g. torchgeo&apos;s Sentinel-2 ResNet50), used when Backbone weights is &apos;file&apos;. Any band count: the first convolution is adapted by band number.</source>
        <translation>Un state dict torchvision ou timm du backbone de l'architecture choisie (p. ex. le ResNet50 Sentinel-2 de torchgeo), utilisé quand Poids du backbone vaut « file ». Nombre de bandes quelconque : la première convolution est adaptée au nombre de bandes.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="253"/>
        <source>A backbone weights file is given but Backbone weights is &apos;{choice}&apos;: choose &apos;file&apos; to use {name}, or clear the file.</source>
        <translation>Un fichier de poids du backbone est indiqué mais Poids du backbone vaut « {choice} » : choisissez « file » pour utiliser {name}, ou retirez le fichier.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="247"/>
        <source>Choose an existing backbone weights file (WEIGHTS_FILE) for Backbone weights &apos;file&apos;; {path} does not exist.</source>
        <translation>Choisissez un fichier de poids du backbone existant (WEIGHTS_FILE) pour Poids du backbone « file » ; {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="247"/>
        <source>Choose an existing backbone weights file (WEIGHTS_FILE) for Backbone weights &apos;file&apos;.</source>
        <translation>Choisissez un fichier de poids du backbone existant (WEIGHTS_FILE) pour Poids du backbone « file ».</translation>
    </message>
</context>
<context>
    <name>TrainRequest</name>
    <message>
        <location filename="../engine_commands.py" line="128"/>
        <source>Choose labels: a polygon layer with a class field, or a label raster.</source>
        <translation>Choisissez les étiquettes : une couche de polygones avec un champ de classe, ou un raster d'étiquettes.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="130"/>
        <source>Choose the field of the label layer that holds the classes.</source>
        <translation>Choisissez le champ de la couche d'étiquettes qui contient les classes.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="132"/>
        <source>Choose where to save the model file.</source>
        <translation>Choisissez où enregistrer le fichier de modèle.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="158"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
</context>
<context>
    <name>TrainingTime</name>
    <message>
        <location filename="../training_time.py" line="55"/>
        <source>Estimated: about {duration} on {device} ({steps} steps of {seconds_per_step:.1f} s; validation adds a little).</source>
        <translation>Estimation : environ {duration} sur {device} ({steps} itérations de {seconds_per_step:.1f} s ; la validation ajoute un peu).</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="74"/>
        <source>Timing a few training steps</source>
        <translation>Chronométrage de quelques itérations d'entraînement</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="80"/>
        <source>Long training</source>
        <translation>Entraînement long</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="80"/>
        <source>{text}

Start it anyway?</source>
        <translation>{text}

Le lancer quand même ?</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="82"/>
        <source>Train anyway</source>
        <translation>Entraîner quand même</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="83"/>
        <source>Use &apos;{quick_preset}&apos;</source>
        <translation>Utiliser « {quick_preset} »</translation>
    </message>
</context>
<context>
    <name>VectorizeAlgorithm</name>
    <message>
        <location filename="../processing/inference.py" line="189"/>
        <source>Vectorize classes</source>
        <translation>Vectoriser les classes</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="193"/>
        <source>Class raster</source>
        <translation>Raster de classes</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="196"/>
        <source>Band of class codes</source>
        <translation>Bande des codes de classe</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="201"/>
        <source>Polygons</source>
        <translation>Polygones</translation>
    </message>
</context>
<context>
    <name>VectorizeRequest</name>
    <message>
        <location filename="../engine_commands.py" line="299"/>
        <source>Vectorizing</source>
        <translation>Vectorisation</translation>
    </message>
</context>
</TS>
