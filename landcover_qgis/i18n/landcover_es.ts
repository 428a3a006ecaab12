<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AccuracyPanel</name>
    <message>
        <location filename="../accuracy_panel.py" line="65"/>
        <source>Classify first: the sample is drawn from the classified map (its classes are the strata).</source>
        <translation>Clasifique primero: la muestra se extrae del mapa clasificado (sus clases son los estratos).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="121"/>
        <source>Only pixels inside these polygons are sampled and counted (none: the whole map).</source>
        <translation>Solo se muestrean y cuentan los píxeles dentro de estos polígonos (ninguno: todo el mapa).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="123"/>
        <source>Sample settings</source>
        <translation>Parámetros de la muestra</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="125"/>
        <source>Target SE of overall accuracy</source>
        <translation>EE objetivo de la exactitud global</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="126"/>
        <source>Points per class, at least</source>
        <translation>Puntos por clase, como mínimo</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="127"/>
        <source>Points in all</source>
        <translation>Puntos en total</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="128"/>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="129"/>
        <source>Area of interest</source>
        <translation>Área de interés</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="132"/>
        <source>Design an accuracy sample…</source>
        <translation>Diseñar una muestra de exactitud…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="136"/>
        <source>Open the sample again</source>
        <translation>Abrir de nuevo la muestra</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="138"/>
        <source>Open a sample…</source>
        <translation>Abrir una muestra…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="139"/>
        <source>Go on labelling or assess a sample designed earlier (a GPKG from &apos;Design a sample&apos;, with its NAME.design.json beside it).</source>
        <translation>Continúe etiquetando o evalúe una muestra diseñada antes (un GPKG de 'Diseñar una muestra', con su NAME.design.json al lado).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="143"/>
        <source>Assess accuracy and areas</source>
        <translation>Evaluar exactitud y áreas</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="164"/>
        <source>auto (from the target SE)</source>
        <translation>auto (según el EE objetivo)</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="181"/>
        <source>No estimate: the assessment did not finish (see the status line); nothing was written.</source>
        <translation>Sin estimación: la evaluación no terminó (vea la línea de estado); no se escribió nada.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="205"/>
        <source>Map: {name}</source>
        <translation>Mapa: {name}</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="210"/>
        <source>Not available: this engine has no &apos;sample-design&apos; command.</source>
        <translation>No disponible: este motor no tiene el comando 'sample-design'.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="210"/>
        <source>Draws stratified random points of the map (its classes as strata) to label here, one by one.</source>
        <translation>Extrae puntos aleatorios estratificados del mapa (sus clases como estratos) para etiquetarlos aquí, uno a uno.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="227"/>
        <source>{labelled} / {total} labelled (a sample of {map})</source>
        <translation>{labelled} / {total} etiquetados (una muestra de {map})</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="227"/>
        <source>{labelled} / {total} labelled</source>
        <translation>{labelled} / {total} etiquetados</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="236"/>
        <source>Design an accuracy sample and label its points first.</source>
        <translation>Diseñe primero una muestra de exactitud y etiquete sus puntos.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="238"/>
        <source>Label the sample&apos;s points first: set each point&apos;s reference class above.</source>
        <translation>Etiquete primero los puntos de la muestra: asigne arriba la clase de referencia de cada punto.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="241"/>
        <source>{missing} of {total} points have no label yet: the engine skips them (a class with fewer than 2 labelled points gets no standard error).</source>
        <translation>{missing} de {total} puntos aún no tienen etiqueta: el motor los omite (una clase con menos de 2 puntos etiquetados no obtiene error estándar).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="246"/>
        <source>Every point is labelled: estimate the accuracy and the area of each class.</source>
        <translation>Todos los puntos están etiquetados: estime la exactitud y el área de cada clase.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="252"/>
        <source>Designing an accuracy sample</source>
        <translation>Diseñando una muestra de exactitud</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="264"/>
        <source>The classified map {class_map} no longer exists: classify again.</source>
        <translation>El mapa clasificado {class_map} ya no existe: clasifique de nuevo.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="290"/>
        <source>The area of interest &apos;{name}&apos; is not a file layer (or is filtered): save it as a GeoPackage and choose that, since the assessment reads it again where the sample was drawn.</source>
        <translation>El área de interés '{name}' no es una capa de archivo (o está filtrada): guárdela como GeoPackage y elija esa, ya que la evaluación la vuelve a leer donde se extrajo la muestra.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="308"/>
        <source>Accuracy sample: {count} points added as &apos;{name}&apos;. Set each point&apos;s reference class below, then assess accuracy and areas.</source>
        <translation>Muestra de exactitud: {count} puntos añadidos como '{name}'. Asigne abajo la clase de referencia de cada punto y luego evalúe la exactitud y las áreas.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="370"/>
        <source>Open an accuracy sample</source>
        <translation>Abrir una muestra de exactitud</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="370"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="389"/>
        <source>Sample &apos;{name}&apos; opened: {labelled} / {total} labelled; it is assessed against {sample_map}.</source>
        <translation>Muestra '{name}' abierta: {labelled} / {total} etiquetados; se evalúa frente a {sample_map}.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="410"/>
        <source>The sample layer &apos;{name}&apos; was removed from the project. The labels set so far are saved in {sample_path}: &apos;Open the sample again&apos; to go on.</source>
        <translation>La capa de muestra '{name}' se eliminó del proyecto. Las etiquetas asignadas hasta ahora están guardadas en {sample_path}: use 'Abrir de nuevo la muestra' para continuar.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="433"/>
        <source>Assessment not started: {missing} of {total} points still to label.</source>
        <translation>Evaluación no iniciada: faltan {missing} de {total} puntos por etiquetar.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="436"/>
        <source>Assessing accuracy and areas</source>
        <translation>Evaluando exactitud y áreas</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="440"/>
        <source>Points without a label</source>
        <translation>Puntos sin etiqueta</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="440"/>
        <source>{missing} of {total} sample points have no reference label yet. The engine skips them and says so; a class with fewer than 2 labelled points gets no standard error, one with none no estimate at all.</source>
        <translation>{missing} de {total} puntos de la muestra aún no tienen etiqueta de referencia. El motor los omite y lo indica; una clase con menos de 2 puntos etiquetados no obtiene error estándar, y una sin ninguno no obtiene estimación.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="446"/>
        <source>Assess anyway</source>
        <translation>Evaluar de todos modos</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="447"/>
        <source>Keep labelling</source>
        <translation>Seguir etiquetando</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="459"/>
        <source>No accuracy sample to assess: design one (or open the sample again).</source>
        <translation>No hay muestra de exactitud que evaluar: diseñe una (o abra de nuevo la muestra).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="462"/>
        <source>The sample layer &apos;{name}&apos; has unsaved edits: save them first (the engine reads {sample_path}).</source>
        <translation>La capa de muestra '{name}' tiene ediciones sin guardar: guárdelas primero (el motor lee {sample_path}).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="466"/>
        <source>No point of the sample has a reference label yet: label the points first.</source>
        <translation>Ningún punto de la muestra tiene aún etiqueta de referencia: etiquete primero los puntos.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="473"/>
        <source>Assessing accuracy and areas…</source>
        <translation>Evaluando exactitud y áreas…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="483"/>
        <source>No estimate: the engine&apos;s report could not be read.</source>
        <translation>Sin estimación: no se pudo leer el informe del motor.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="484"/>
        <source>The engine's report {report} holds no area-adjusted estimate ({problem}): update the engine ('Set up engine…').</source>
        <translation>El informe del motor {report} no contiene ninguna estimación ajustada por área ({problem}): actualice el motor ('Configurar motor…').</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="498"/>
        <source>The HTML report {page} could not be written: {problem}.</source>
        <translation>No se pudo escribir el informe HTML {page}: {problem}.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="505"/>
        <source>Accuracy and areas assessed. {overall} Report: {report}</source>
        <translation>Exactitud y áreas evaluadas. {overall} Informe: {report}</translation>
    </message>
</context>
<context>
    <name>AccuracySample</name>
    <message>
        <location filename="../accuracy_sample.py" line="28"/>
        <source>to label</source>
        <translation>por etiquetar</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="28"/>
        <source>labelled</source>
        <translation>etiquetado</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="55"/>
        <source>QGIS cannot open {path} as an accuracy sample (a GPKG with a point layer &apos;{layer}&apos;, from &apos;Design a sample&apos;).</source>
        <translation>QGIS no puede abrir {path} como muestra de exactitud (un GPKG con una capa de puntos '{layer}', de 'Diseñar una muestra').</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="61"/>
        <source>The design beside {path} ({stem}.design.json) names a class map that no longer exists ({map}): the sample can only be assessed against the map it was drawn from.</source>
        <translation>El diseño junto a {path} ({stem}.design.json) indica un mapa de clases que ya no existe ({map}): la muestra solo puede evaluarse frente al mapa del que se extrajo.</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="61"/>
        <source>The design beside {path} ({stem}.design.json) is missing or names no class map: the sample can only be assessed against the map it was drawn from.</source>
        <translation>El diseño junto a {path} ({stem}.design.json) falta o no indica ningún mapa de clases: la muestra solo puede evaluarse frente al mapa del que se extrajo.</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../action_bar.py" line="101"/>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="102"/>
        <source>Classify</source>
        <translation>Clasificar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="103"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="105"/>
        <source>Pseudo-label</source>
        <translation>Pseudoetiquetar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="107"/>
        <source>Needs an engine with a &apos;pseudo-label&apos; command.</source>
        <translation>Requiere un motor con el comando 'pseudo-label'.</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="108"/>
        <source>Self-train</source>
        <translation>Autoentrenar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="110"/>
        <source>Needs an engine with a &apos;self-train&apos; command.</source>
        <translation>Requiere un motor con el comando 'self-train'.</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="111"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="112"/>
        <source>Continue the interrupted training from the checkpoint it kept.</source>
        <translation>Continuar el entrenamiento interrumpido desde el punto de control guardado.</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="153"/>
        <source>100%  done in {took}</source>
        <translation>100%  completado en {took}</translation>
    </message>
</context>
<context>
    <name>AreaAssessment</name>
    <message>
        <location filename="../area_assessment.py" line="102"/>
        <source>Overall accuracy {accuracy} (± SE).</source>
        <translation>Exactitud global {accuracy} (± EE).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="104"/>
        <source>Overall accuracy {accuracy} (± SE), from 1 labelled point ({skipped} without a label skipped).</source>
        <translation>Exactitud global {accuracy} (± EE), a partir de 1 punto etiquetado ({skipped} sin etiqueta omitidos).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="104"/>
        <source>Overall accuracy {accuracy} (± SE), from {used} labelled points ({skipped} without a label skipped).</source>
        <translation>Exactitud global {accuracy} (± EE), a partir de {used} puntos etiquetados ({skipped} sin etiqueta omitidos).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="109"/>
        <source>Overall accuracy {accuracy} (± SE), from 1 labelled point.</source>
        <translation>Exactitud global {accuracy} (± EE), a partir de 1 punto etiquetado.</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="109"/>
        <source>Overall accuracy {accuracy} (± SE), from {used} labelled points.</source>
        <translation>Exactitud global {accuracy} (± EE), a partir de {used} puntos etiquetados.</translation>
    </message>
</context>
<context>
    <name>AreaAssessmentTable</name>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Mapped
(ha)</source>
        <translation>Cartografiada
(ha)</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Adjusted (ha)
± 95% CI</source>
        <translation>Ajustada (ha)
± IC 95%</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>User's acc.
± SE</source>
        <translation>Exact. usuario
± EE</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Producer's
acc. ± SE</source>
        <translation>Exact. productor
± EE</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>The map&apos;s class (a stratum of the sample)</source>
        <translation>La clase del mapa (un estrato de la muestra)</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Area mapped as the class (pixel counting)</source>
        <translation>Área cartografiada como la clase (conteo de píxeles)</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Error-adjusted area estimated from the sample, ± the half-width of its 95% confidence interval</source>
        <translation>Área ajustada por error estimada a partir de la muestra, ± la semiamplitud de su intervalo de confianza del 95%</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>User's accuracy (how often a pixel mapped as the class is that class) ± its standard error</source>
        <translation>Exactitud del usuario (con qué frecuencia un píxel cartografiado como la clase es esa clase) ± su error estándar</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Producer's accuracy (how much of the class's true area the map finds) ± its standard error</source>
        <translation>Exactitud del productor (qué parte del área real de la clase encuentra el mapa) ± su error estándar</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="60"/>
        <source>No estimate yet: design an accuracy sample of the classified map, label its points, then assess accuracy and areas.</source>
        <translation>Aún no hay estimación: diseñe una muestra de exactitud del mapa clasificado, etiquete sus puntos y luego evalúe la exactitud y las áreas.</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="141"/>
        <source>Export the estimate as CSV…</source>
        <translation>Exportar la estimación como CSV…</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="180"/>
        <source>&lt;a href=&quot;{url}&quot;&gt;Open the report&lt;/a&gt; ({name})</source>
        <translation>&lt;a href=&quot;{url}&quot;&gt;Abrir el informe&lt;/a&gt; ({name})</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="192"/>
        <source>Export the area-adjusted estimate</source>
        <translation>Exportar la estimación ajustada por área</translation>
    </message>
</context>
<context>
    <name>AreaReport</name>
    <message>
        <location filename="../processing/area_report.py" line="42"/>
        <source>error matrix of area proportions</source>
        <translation>matriz de error de proporciones de área</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="45"/>
        <source>landcover accuracy and area report</source>
        <translation>informe de exactitud y área de landcover</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="46"/>
        <source>Accuracy and area estimation (stratified estimator, Olofsson et al. 2014)</source>
        <translation>Estimación de exactitud y área (estimador estratificado, Olofsson et al. 2014)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="47"/>
        <source>Overall accuracy &lt;b&gt;{accuracy}&lt;/b&gt; (± the 95% confidence interval), from {used} labelled sample points ({skipped} without a label skipped).</source>
        <translation>Exactitud global &lt;b&gt;{accuracy}&lt;/b&gt; (± el intervalo de confianza del 95%), a partir de {used} puntos de muestra etiquetados ({skipped} sin etiqueta omitidos).</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>class</source>
        <translation>clase</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>user&apos;s accuracy</source>
        <translation>exactitud del usuario</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>producer&apos;s accuracy</source>
        <translation>exactitud del productor</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>mapped area (ha)</source>
        <translation>área cartografiada (ha)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>estimated area (ha)</source>
        <translation>área estimada (ha)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>95% CI ± (ha)</source>
        <translation>IC 95% ± (ha)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="55"/>
        <source>The &lt;i&gt;estimated area&lt;/i&gt; corrects the &lt;i&gt;mapped area&lt;/i&gt; (pixel counting) for the map&apos;s errors seen in the sample; report it with its confidence interval. User&apos;s accuracy: how often a pixel mapped as the class is that class; producer&apos;s accuracy: how much of the class&apos;s true area the map finds.</source>
        <translation>El &lt;i&gt;área estimada&lt;/i&gt; corrige el &lt;i&gt;área cartografiada&lt;/i&gt; (conteo de píxeles) según los errores del mapa observados en la muestra; indíquela con su intervalo de confianza. Exactitud del usuario: con qué frecuencia un píxel cartografiado como la clase es esa clase; exactitud del productor: qué parte del área real de la clase encuentra el mapa.</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="60"/>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
</context>
<context>
    <name>AssessAreasAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="143"/>
        <source>Assess accuracy and areas</source>
        <translation>Evaluar exactitud y áreas</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="147"/>
        <source>Class map the sample was drawn from</source>
        <translation>Mapa de clases del que se extrajo la muestra</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="149"/>
        <source>Labelled sample points</source>
        <translation>Puntos de muestra etiquetados</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="152"/>
        <source>Field with the reference class names</source>
        <translation>Campo con los nombres de clase de referencia</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="155"/>
        <source>Report (JSON)</source>
        <translation>Informe (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="155"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="158"/>
        <source>Report (HTML)</source>
        <translation>Informe (HTML)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="158"/>
        <source>HTML files (*.html)</source>
        <translation>Archivos HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="161"/>
        <source>Overall accuracy (area-adjusted)</source>
        <translation>Exactitud global (ajustada por área)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="163"/>
        <source>Standard error of the overall accuracy</source>
        <translation>Error estándar de la exactitud global</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="165"/>
        <source>Area-adjusted figures (JSON)</source>
        <translation>Cifras ajustadas por área (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="173"/>
        <source>Choose the class map and the labelled sample points.</source>
        <translation>Elija el mapa de clases y los puntos de muestra etiquetados.</translation>
    </message>
</context>
<context>
    <name>ClassScheme</name>
    <message>
        <location filename="../class_scheme.py" line="102"/>
        <source>The class scheme file {path} is not UTF-8 text: save it with UTF-8 encoding.</source>
        <translation>El archivo de esquema de clases {path} no es texto UTF-8: guárdelo con codificación UTF-8.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="105"/>
        <source>Cannot read the class scheme file {path} ({value}): check that the file exists and is readable.</source>
        <translation>No se puede leer el archivo de esquema de clases {path} ({value}): compruebe que el archivo existe y se puede leer.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="111"/>
        <source>The class scheme file {path} is not valid JSON: {msg} at line {lineno}, column {colno}. Fix the file there (a missing comma, quote or bracket is the usual cause).</source>
        <translation>El archivo de esquema de clases {path} no es JSON válido: {msg} en la línea {lineno}, columna {colno}. Corrija el archivo en ese punto (la causa habitual es una coma, comilla o corchete que falta).</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="118"/>
        <source>an object whose &quot;classes&quot; is {kind}</source>
        <translation>un objeto cuyo &quot;classes&quot; es {kind}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="118"/>
        <source>an object without a &quot;classes&quot; key</source>
        <translation>un objeto sin clave &quot;classes&quot;</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="125"/>
        <source>The class scheme file {path} holds {held}: it must hold a list of {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} objects, or an object whose &quot;classes&quot; key holds that list.</source>
        <translation>El archivo de esquema de clases {path} contiene {held}: debe contener una lista de objetos {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}}, o un objeto cuya clave &quot;classes&quot; contenga esa lista.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="130"/>
        <source>The class scheme file {path} lists no classes: add a {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} object for each class.</source>
        <translation>El archivo de esquema de clases {path} no enumera ninguna clase: añada un objeto {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} para cada clase.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="133"/>
        <source>Entry {number} of the class scheme file {path}</source>
        <translation>La entrada {number} del archivo de esquema de clases {path}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="136"/>
        <source>the code {code}</source>
        <translation>el código {code}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="136"/>
        <source>give each class its own code</source>
        <translation>asigne a cada clase su propio código</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="138"/>
        <source>the same name once case and spaces are ignored</source>
        <translation>el mismo nombre si se ignoran mayúsculas y espacios</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="138"/>
        <source>give each class its own name</source>
        <translation>asigne a cada clase su propio nombre</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="222"/>
        <source>The label value {value} is not in the class scheme ({listed}): add it to the scheme or fix the labels.</source>
        <translation>El valor de etiqueta {value} no está en el esquema de clases ({listed}): añádalo al esquema o corrija las etiquetas.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="235"/>
        <source>The label value {value} matches the class &apos;{name}&apos; only when case and surrounding spaces are ignored: use the scheme&apos;s spelling &apos;{name}&apos;.</source>
        <translation>El valor de etiqueta {value} coincide con la clase '{name}' solo si se ignoran las mayúsculas y los espacios circundantes: use la grafía del esquema '{name}'.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="245"/>
        <source>{where} is {kind}, not a {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} object: write it as {{&quot;code&quot;: 1, &quot;name&quot;: &quot;water&quot;, &quot;color&quot;: &quot;#0000ff&quot;}}.</source>
        <translation>{where} es {kind}, no un objeto {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}}: escríbalo como {{&quot;code&quot;: 1, &quot;name&quot;: &quot;water&quot;, &quot;color&quot;: &quot;#0000ff&quot;}}.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="250"/>
        <source>{where} has no &quot;code&quot;: give it an integer code from 0 to {max_code}.</source>
        <translation>{where} no tiene &quot;code&quot;: asígnele un código entero de 0 a {max_code}.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="254"/>
        <source>{where} has the code {value}: class codes are whole numbers from 0 to {max_code}, written without quotes.</source>
        <translation>{where} tiene el código {value}: los códigos de clase son números enteros de 0 a {max_code}, escritos sin comillas.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="258"/>
        <source>{where} has the code {code}: class codes go from 0 to {max_code} (255 marks nodata in class rasters); pick a code in that range.</source>
        <translation>{where} tiene el código {code}: los códigos de clase van de 0 a {max_code} (255 marca nodata en los ráster de clases); elija un código en ese rango.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="267"/>
        <source>{where} (code {code}) has the name {value}: give the class a name as text.</source>
        <translation>{where} (código {code}) tiene el nombre {value}: asigne a la clase un nombre en forma de texto.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="275"/>
        <source>{where} ({name}) has the colour {value}: write it as &quot;#rrggbb&quot; or as [r, g, b] with integers from 0 to 255.</source>
        <translation>{where} ({name}) tiene el color {value}: escríbalo como &quot;#rrggbb&quot; o como [r, g, b] con enteros de 0 a 255.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="228"/>
        <source>The label values {values} differ only in case or surrounding spaces: use one spelling (the scheme&apos;s &apos;{name}&apos;) for all labels of that class.</source>
        <translation>Los valores de etiqueta {values} solo difieren en mayúsculas o espacios circundantes: use una sola grafía (la del esquema, '{name}') para todas las etiquetas de esa clase.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="228"/>
        <source>The label values {values} differ only in case or surrounding spaces: use one spelling for all labels of that class.</source>
        <translation>Los valores de etiqueta {values} solo difieren en mayúsculas o espacios circundantes: use una sola grafía para todas las etiquetas de esa clase.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="289"/>
        <source>Entries {earlier} and {number} of the class scheme file {path} (&apos;{name}&apos; and &apos;{name2}&apos;) have {what}: {fix}.</source>
        <translation>Las entradas {earlier} y {number} del archivo de esquema de clases {path} ('{name}' y '{name2}') tienen {what}: {fix}.</translation>
    </message>
</context>
<context>
    <name>ClassifyAlgorithm</name>
    <message>
        <location filename="../processing/inference.py" line="79"/>
        <source>Classify raster</source>
        <translation>Clasificar ráster</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="83"/>
        <source>Image raster</source>
        <translation>Ráster de imagen</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="84"/>
        <source>Model file(s) (several: an ensemble)</source>
        <translation>Archivo(s) de modelo (varios: un ensamble)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="86"/>
        <source>Bands (none chosen: the model&apos;s)</source>
        <translation>Bandas (ninguna elegida: las del modelo)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="89"/>
        <source>Area to classify (empty: whole raster)</source>
        <translation>Área a clasificar (vacío: todo el ráster)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="93"/>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="94"/>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="101"/>
        <source>Uncertainty (where to label next)</source>
        <translation>Incertidumbre (dónde etiquetar a continuación)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="106"/>
        <source>Polygons</source>
        <translation>Polígonos</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="120"/>
        <source>Choose the image raster.</source>
        <translation>Elija el ráster de imagen.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="126"/>
        <source>The area to classify does not overlap &apos;{name}&apos;.</source>
        <translation>El área a clasificar no se superpone con '{name}'.</translation>
    </message>
</context>
<context>
    <name>ClassifyFolderAlgorithm</name>
    <message>
        <location filename="../processing/catalogue.py" line="43"/>
        <source>Scenes classified</source>
        <translation>Escenas clasificadas</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="43"/>
        <source>Scenes already complete (skipped)</source>
        <translation>Escenas ya completas (omitidas)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="90"/>
        <source>Classify folder of rasters</source>
        <translation>Clasificar carpeta de ráster</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="94"/>
        <source>Folder of images</source>
        <translation>Carpeta de imágenes</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="96"/>
        <source>Model file(s) (several: an ensemble)</source>
        <translation>Archivo(s) de modelo (varios: un ensamble)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="99"/>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="101"/>
        <source>Class areas per scene</source>
        <translation>Áreas de clase por escena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="104"/>
        <source>Open the class rasters (one layer per scene)</source>
        <translation>Abrir los ráster de clases (una capa por escena)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="107"/>
        <source>Leave off for many scenes: the table of class areas is always opened.</source>
        <translation>Déjelo desactivado con muchas escenas: la tabla de áreas de clase se abre siempre.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="110"/>
        <source>Class rasters</source>
        <translation>Ráster de clases</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="112"/>
        <source>Scenes that failed</source>
        <translation>Escenas fallidas</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="120"/>
        <source>Choose an existing folder of images.</source>
        <translation>Elija una carpeta de imágenes existente.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="153"/>
        <source>class areas per scene</source>
        <translation>áreas de clase por escena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="159"/>
        <source>class areas</source>
        <translation>áreas de clase</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="162"/>
        <source>The engine&apos;s table of class areas {footprints} cannot be read.</source>
        <translation>No se puede leer la tabla de áreas de clase del motor {footprints}.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="170"/>
        <source>Cannot create the table of class areas.</source>
        <translation>No se puede crear la tabla de áreas de clase.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../command_line.py" line="45"/>
        <source>This engine{version} has no option '{dest}' for 'landcover {command}'. Install the engine that comes with the plugin: 'Set up engine…' → 'Install engine'.</source>
        <translation>Este motor{version} no tiene la opción '{dest}' para 'landcover {command}'. Instale el motor que viene con el complemento: 'Configurar motor…' → 'Instalar motor'.</translation>
    </message>
    <message>
        <location filename="../command_line.py" line="71"/>
        <source>The engine&apos;s option {flag} takes one value, not {count}.</source>
        <translation>La opción del motor {flag} admite un valor, no {count}.</translation>
    </message>
</context>
<context>
    <name>DesignSampleAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="77"/>
        <source>Design a sample</source>
        <translation>Diseñar una muestra</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="81"/>
        <source>Class map to assess</source>
        <translation>Mapa de clases a evaluar</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="83"/>
        <source>Area of interest (only the map inside is sampled)</source>
        <translation>Área de interés (solo se muestrea el mapa dentro de ella)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="92"/>
        <source>Sample points (GeoPackage)</source>
        <translation>Puntos de muestra (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="94"/>
        <source>Sample design (JSON)</source>
        <translation>Diseño de la muestra (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="95"/>
        <source>Number of sample points</source>
        <translation>Número de puntos de muestra</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="102"/>
        <source>Save the sample points as a GeoPackage (.gpkg), not {name}.</source>
        <translation>Guarde los puntos de muestra como GeoPackage (.gpkg), no como {name}.</translation>
    </message>
</context>
<context>
    <name>DockForm</name>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Tile size</source>
        <translation>Tamaño de tesela</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Tiles per epoch</source>
        <translation>Teselas por época</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Rare-class sampling</source>
        <translation>Muestreo de clases raras</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="101"/>
        <source>The landcover engine has not been checked yet, so its options are unknown: use 'Set up engine…' to choose or install it.</source>
        <translation>El motor landcover aún no se ha comprobado, por lo que sus opciones son desconocidas: use 'Configurar motor…' para elegirlo o instalarlo.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="147"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="273"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="150"/>
        <source>Classify</source>
        <translation>Clasificar</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="158"/>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="164"/>
        <source>Bands fed to the model (passed as --bands).</source>
        <translation>Bandas que recibe el modelo (se pasan como --bands).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="169"/>
        <source>Raster layer</source>
        <translation>Capa ráster</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="170"/>
        <source>Bands</source>
        <translation>Bandas</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="171"/>
        <source>Histogram reference</source>
        <translation>Referencia de histograma</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="176"/>
        <source>Labels and classes</source>
        <translation>Etiquetas y clases</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="178"/>
        <source>Polygon layer + class field</source>
        <translation>Capa de polígonos + campo de clase</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="213"/>
        <source>Label raster</source>
        <translation>Ráster de etiquetas</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="185"/>
        <source>Selected features only</source>
        <translation>Solo objetos seleccionados</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="194"/>
        <source>Load scheme…</source>
        <translation>Cargar esquema…</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="195"/>
        <source>A JSON list of {code, name, color}: names and colours for the class values of the labels (e.g. the scene_classes.json of the demo).</source>
        <translation>Una lista JSON de {code, name, color}: nombres y colores para los valores de clase de las etiquetas (p. ej., el scene_classes.json de la demo).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="206"/>
        <source>Reference for the evaluation table after classifying (a class raster, or polygons with the same class field).</source>
        <translation>Referencia para la tabla de evaluación tras clasificar (un ráster de clases, o polígonos con el mismo campo de clase).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="209"/>
        <source>Labels from</source>
        <translation>Etiquetas desde</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="210"/>
        <source>Label layer</source>
        <translation>Capa de etiquetas</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="211"/>
        <source>Class field</source>
        <translation>Campo de clase</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="214"/>
        <source>Class scheme</source>
        <translation>Esquema de clases</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="217"/>
        <source>Evaluate against</source>
        <translation>Evaluar frente a</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="229"/>
        <source>Outputs</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="233"/>
        <source>Where models, classifications and pseudo-labels are written (remembered in the project).</source>
        <translation>Dónde se escriben los modelos, las clasificaciones y las pseudoetiquetas (se recuerda en el proyecto).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="236"/>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="242"/>
        <source>choose a folder (asked at the first run)</source>
        <translation>elija una carpeta (se pide en la primera ejecución)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="248"/>
        <source>New model</source>
        <translation>Modelo nuevo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="248"/>
        <source>Existing model file(s)</source>
        <translation>Archivo(s) de modelo existente(s)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="252"/>
        <source>A starting point for the settings below; changing one of them makes it &apos;Custom&apos;.</source>
        <translation>Un punto de partida para los ajustes de abajo; cambiar uno de ellos lo convierte en 'Personalizado'.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="259"/>
        <source>Weights (*.pt *.pth)</source>
        <translation>Pesos (*.pt *.pth)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="264"/>
        <source>landcover models (*.pt)</source>
        <translation>modelos landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="265"/>
        <source>One model to apply or fine-tune; several models are applied as an ensemble.</source>
        <translation>Un modelo para aplicar o ajustar; varios modelos se aplican como un ensamble.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="267"/>
        <source>Train fine-tunes the (first) model file</source>
        <translation>Entrenar ajusta el (primer) archivo de modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="270"/>
        <source>landcover model (*.pt)</source>
        <translation>modelo landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="271"/>
        <source>image_architecture_time.pt in the output folder</source>
        <translation>image_architecture_time.pt en la carpeta de salida</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="274"/>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="275"/>
        <source>Architecture</source>
        <translation>Arquitectura</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="276"/>
        <source>Decoder</source>
        <translation>Decodificador</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="277"/>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="278"/>
        <source>Weights file</source>
        <translation>Archivo de pesos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="279"/>
        <source>Model file(s)</source>
        <translation>Archivo(s) de modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="284"/>
        <source>Save model as</source>
        <translation>Guardar modelo como</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="288"/>
        <source>Advanced training settings</source>
        <translation>Ajustes avanzados de entrenamiento</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="310"/>
        <source>Classification</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="312"/>
        <source>Current map view</source>
        <translation>Vista actual del mapa</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="312"/>
        <source>Whole layer</source>
        <translation>Capa completa</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="318"/>
        <source>Also make polygons</source>
        <translation>Generar polígonos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="320"/>
        <source>Also make a confidence raster</source>
        <translation>Generar ráster de confianza</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="324"/>
        <source>Also make an uncertainty raster</source>
        <translation>Generar ráster de incertidumbre</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="325"/>
        <source>Bright where the model hesitates: where to draw new labels next.</source>
        <translation>Brillante donde el modelo duda: dónde dibujar nuevas etiquetas a continuación.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="327"/>
        <source>Match histograms to the model&apos;s reference</source>
        <translation>Ajustar histogramas al modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="332"/>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="336"/>
        <source>Test-time augmentation</source>
        <translation>Aumento en tiempo de prueba</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="382"/>
        <source>Load a class scheme</source>
        <translation>Cargar un esquema de clases</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="382"/>
        <source>Class schemes (*.json);;All files (*)</source>
        <translation>Esquemas de clases (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="447"/>
        <source>{count} classes (found beside the labels): {classes}.</source>
        <translation>{count} clases (encontradas junto a las etiquetas): {classes}.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="447"/>
        <source>{count} classes: {classes}.</source>
        <translation>{count} clases: {classes}.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="451"/>
        <source>The class field holds numbers: without a scheme they are named &apos;class N&apos;. Load a scheme to give them names and colours.</source>
        <translation>El campo de clase contiene números: sin un esquema se denominan 'class N'. Cargue un esquema para darles nombres y colores.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="481"/>
        <source>Choose an output folder for the results (under &apos;Outputs&apos;).</source>
        <translation>Elija una carpeta de salida para los resultados (en 'Salidas').</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="491"/>
        <source>{name} (scheme file)</source>
        <translation>{name} (archivo de esquema)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="494"/>
        <source>From label values</source>
        <translation>De los valores de etiqueta</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="497"/>
        <source>From the loaded model</source>
        <translation>Del modelo cargado</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="502"/>
        <source>file…</source>
        <translation>archivo…</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="519"/>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="599"/>
        <source>Not available: this engine&apos;s &apos;landcover train&apos; has no &apos;{option}&apos; option.</source>
        <translation>No disponible: 'landcover train' de este motor no tiene la opción '{option}'.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="616"/>
        <source>Not available: this engine&apos;s &apos;landcover predict&apos; has no such option.</source>
        <translation>No disponible: 'landcover predict' de este motor no tiene esa opción.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="629"/>
        <source>The model carries a histogram reference ({source}); uncheck the box above to feed the image as it is.</source>
        <translation>El modelo incluye una referencia de histograma ({source}); desmarque la casilla de arriba para usar la imagen tal cual.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="637"/>
        <source>The model carries no histogram reference: images are used as they are.</source>
        <translation>El modelo no incluye referencia de histograma: las imágenes se usan tal cual.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="668"/>
        <source>Choose the image raster layer first.</source>
        <translation>Elija primero la capa ráster de imagen.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="675"/>
        <source>Check at least one band of the image.</source>
        <translation>Marque al menos una banda de la imagen.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="686"/>
        <source>Choose the label layer (polygons with a class field).</source>
        <translation>Elija la capa de etiquetas (polígonos con un campo de clase).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="688"/>
        <source>Choose the field of &apos;{name}&apos; that holds the class of each polygon.</source>
        <translation>Elija el campo de '{name}' que contiene la clase de cada polígono.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="696"/>
        <source>Choose the label raster (class codes, 0/nodata = unlabeled).</source>
        <translation>Elija el ráster de etiquetas (códigos de clase, 0/nodata = sin etiquetar).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="705"/>
        <source>Model file not found: {missing}</source>
        <translation>Archivo de modelo no encontrado: {missing}</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="723"/>
        <source>Choose an existing weights file, or one of the engine&apos;s weight presets.</source>
        <translation>Elija un archivo de pesos existente, o uno de los preajustes de pesos del motor.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="753"/>
        <source>To train from existing model files, pick a model and check 'Train fine-tunes the (first) model file' — or choose 'New model'.</source>
        <translation>Para entrenar a partir de archivos de modelo existentes, elija un modelo y marque 'Entrenar ajusta el (primer) archivo de modelo', o elija 'Modelo nuevo'.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="759"/>
        <source>&apos;From the loaded model&apos; needs an existing model file to fine-tune.</source>
        <translation>'Del modelo cargado' necesita un archivo de modelo existente para ajustar.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="765"/>
        <source>The labels do not match the class scheme {name}: {problems}</source>
        <translation>Las etiquetas no coinciden con el esquema de clases {name}: {problems}</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="824"/>
        <source>The evaluation layer &apos;{name}&apos; needs the class field &apos;{field}&apos; of the label layer.</source>
        <translation>La capa de evaluación '{name}' necesita el campo de clase '{field}' de la capa de etiquetas.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="824"/>
        <source>(none chosen)</source>
        <translation>(ninguna elegida)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="848"/>
        <source>Check at least one unlabeled layer for self-training.</source>
        <translation>Marque al menos una capa sin etiquetar para el autoentrenamiento.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="329"/>
        <source>Read at the model&apos;s ground resolution</source>
        <translation>Leer a la resolución del modelo</translation>
    </message>
</context>
<context>
    <name>EngineAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="61"/>
        <source>Draws a stratified random sample of a class map for accuracy assessment and area estimation (Olofsson et al. 2014): the map&apos;s classes are the strata, the sample size follows from the target standard error of overall accuracy and the expected user&apos;s accuracies, shared in proportion to the classes&apos; areas with a minimum per class. Writes a point GeoPackage with &apos;stratum&apos; and an empty &apos;reference&apos; field (offering the map&apos;s class names) to label, and the design beside it. Label the points, then run &apos;Assess accuracy and areas&apos;.</source>
        <translation>Extrae una muestra aleatoria estratificada de un mapa de clases para la evaluación de la exactitud y la estimación de áreas (Olofsson et al. 2014): las clases del mapa son los estratos; el tamaño de la muestra se deriva del error estándar objetivo de la exactitud global y de las exactitudes del usuario esperadas, y se reparte en proporción a las áreas de las clases con un mínimo por clase. Escribe un GeoPackage de puntos con un campo 'stratum' y un campo 'reference' vacío (que ofrece los nombres de clase del mapa) para etiquetar, y el diseño a su lado. Etiquete los puntos y luego ejecute 'Evaluar exactitud y áreas'.</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="128"/>
        <source>Estimates the accuracy of a class map and its classes&apos; areas from a labelled stratified sample (from &apos;Design a sample&apos;), as good practice asks (Olofsson et al. 2014): overall, user&apos;s and producer&apos;s accuracies with standard errors, and for each class its mapped area and its error-adjusted area in hectares with a 95% confidence interval. Points without a label are skipped. Writes the engine&apos;s JSON report and an HTML report; returns the area-adjusted figures as JSON.</source>
        <translation>Estima la exactitud de un mapa de clases y las áreas de sus clases a partir de una muestra estratificada etiquetada (de 'Diseñar una muestra'), según las buenas prácticas (Olofsson et al. 2014): exactitudes global, del usuario y del productor con sus errores estándar y, para cada clase, su área cartografiada y su área ajustada por error en hectáreas con un intervalo de confianza del 95%. Los puntos sin etiqueta se omiten. Escribe el informe JSON del motor y un informe HTML; devuelve las cifras ajustadas por área como JSON.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="35"/>
        <source>The landcover engine is not set up, or could not describe its options. In QGIS: open the landcover panel, use 'Set up engine…' (create the managed environment, then install the engine) and reopen this algorithm. For qgis_process: set the LANDCOVER_PYTHON environment variable to a Python that has the engine (landcover_core) installed.</source>
        <translation>El motor landcover no está configurado o no pudo describir sus opciones. En QGIS: abra el panel landcover, use 'Configurar motor…' (cree el entorno gestionado y luego instale el motor) y vuelva a abrir este algoritmo. Para qgis_process: defina la variable de entorno LANDCOVER_PYTHON con un Python que tenga instalado el motor (landcover_core).</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="115"/>
        <source>Land cover</source>
        <translation>Cobertura del suelo</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="209"/>
        <source>{name} takes raster layers only.</source>
        <translation>{name} solo admite capas ráster.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="232"/>
        <source>{name} is not a choice parameter of this algorithm.</source>
        <translation>{name} no es un parámetro de elección de este algoritmo.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="253"/>
        <source>{problem}
Engine Python tried: {python}</source>
        <translation>{problem}
Python del motor probado: {python}</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="256"/>
        <source>The configured landcover engine ({version}) has no '{command}' command: install the engine that comes with the plugin ('Set up engine…' → 'Install engine' in the landcover panel).</source>
        <translation>El motor landcover configurado ({version}) no tiene el comando '{command}': instale el motor que viene con el complemento ('Configurar motor…' → 'Instalar motor' en el panel landcover).</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="291"/>
        <source>Checking the model file(s) with the engine…</source>
        <translation>Comprobando el/los archivo(s) de modelo con el motor…</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="306"/>
        <source>Invalid raster layer for {name}.</source>
        <translation>Capa ráster no válida para {name}.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="74"/>
        <source>Classifies every raster of a folder with a landcover model file, or several (an ensemble), one scene per task on parallel workers (a local Dask cluster, or an existing one). Writes NAME.classes.tif per scene (and optionally confidence, uncertainty and polygons) into the output folder, and a table of class areas per scene (hectares, shares) with each scene&apos;s footprint. A scene that fails is reported and the others go on; running again into the same folder skips the scenes already complete.</source>
        <translation>Clasifica cada ráster de una carpeta con un archivo de modelo landcover, o varios (un ensamble), una escena por tarea en trabajadores paralelos (un clúster Dask local, o uno existente). Escribe NAME.classes.tif por escena (y, opcionalmente, confianza, incertidumbre y polígonos) en la carpeta de salida, y una tabla de áreas de clase por escena (hectáreas, proporciones) con la huella de cada escena. Una escena que falla se notifica y las demás continúan; al ejecutar de nuevo en la misma carpeta se omiten las escenas ya completas.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="68"/>
        <source>Assesses a class raster — or the prediction of model file(s) on an image — against reference data: a raster of class codes, or polygons with a class field. Writes a per-class table layer, the engine's JSON report and an HTML report (confusion matrix and per-class figures) shown in the Processing results viewer.</source>
        <translation>Evalúa un ráster de clases —o la predicción de archivo(s) de modelo sobre una imagen— frente a datos de referencia: un ráster de códigos de clase, o polígonos con un campo de clase. Escribe una capa de tabla por clase, el informe JSON del motor y un informe HTML (matriz de confusión y cifras por clase) que se muestra en el visor de resultados de Processing.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="65"/>
        <source>Classifies a raster with a landcover model file, or several (an ensemble: probabilities are averaged). Writes a class GeoTIFF (pixel values are class codes, styled with the class colours), optionally a confidence raster, an uncertainty raster (where to label next) and polygons. Tiles overlap to avoid seams; test-time augmentation and histogram matching are the engine&apos;s options.</source>
        <translation>Clasifica un ráster con un archivo de modelo landcover, o varios (un ensamble: se promedian las probabilidades). Escribe un GeoTIFF de clases (los valores de píxel son códigos de clase, con el estilo de los colores de clase) y, opcionalmente, un ráster de confianza, un ráster de incertidumbre (dónde etiquetar a continuación) y polígonos. Las teselas se solapan para evitar costuras; el aumento en tiempo de prueba y el ajuste de histogramas son opciones del motor.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="180"/>
        <source>Turns a landcover class raster into polygons with class_id, class_name and area.</source>
        <translation>Convierte un ráster de clases landcover en polígonos con class_id, class_name y área.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="226"/>
        <source>Matches the histogram of each chosen band of a raster to the matching band of a reference raster (keeps the data type, georeferencing and nodata), e.g. to bring a new scene close to the one a model was trained on. Optionally plots each band&apos;s histograms before and after.</source>
        <translation>Ajusta el histograma de cada banda elegida de un ráster a la banda correspondiente de un ráster de referencia (conserva el tipo de datos, la georreferenciación y el valor nodata), p. ej., para acercar una escena nueva a aquella con la que se entrenó un modelo. Opcionalmente representa los histogramas de cada banda antes y después.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="199"/>
        <source>Trains a DeepLabV3 model from an image and sparse labels (polygons, points or lines with a class field; &apos;Selected features only&apos; is honoured) in the landcover engine, and saves it as a .pt model file. With a reference raster, every image is histogram-matched to it and the reference travels in the model, so Classify matches new images to it too.</source>
        <translation>Entrena un modelo DeepLabV3 a partir de una imagen y etiquetas dispersas (polígonos, puntos o líneas con un campo de clase; se respeta 'Solo objetos seleccionados') en el motor landcover, y lo guarda como archivo de modelo .pt. Con un ráster de referencia, el histograma de cada imagen se ajusta a él y la referencia viaja en el modelo, de modo que Clasificar también ajusta a ella las imágenes nuevas.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="271"/>
        <source>Fine-tunes an existing landcover model on an image and labelled features of its classes (a class name it does not know is refused) and saves the result as a new model file.</source>
        <translation>Ajusta un modelo landcover existente con una imagen y objetos etiquetados de sus clases (se rechaza un nombre de clase que no conozca) y guarda el resultado como un nuevo archivo de modelo.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="315"/>
        <source>Self-training: trains on the labelled image, pseudo-labels the unlabeled scenes with the confident predictions, and trains again, for several rounds. The log reports each round&apos;s validation mIoU.</source>
        <translation>Autoentrenamiento: entrena con la imagen etiquetada, pseudoetiqueta las escenas sin etiquetar con las predicciones confiables y vuelve a entrenar, durante varias rondas. El registro indica el mIoU de validación de cada ronda.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="356"/>
        <source>Classifies unlabeled scenes with one model or an ensemble and keeps only the pixels predicted with at least the threshold confidence, as label rasters (one per scene) for further training.</source>
        <translation>Clasifica escenas sin etiquetar con un modelo o un ensamble y conserva solo los píxeles predichos con al menos la confianza umbral, como ráster de etiquetas (uno por escena) para un entrenamiento posterior.</translation>
    </message>
</context>
<context>
    <name>EngineCheck</name>
    <message>
        <location filename="../engine_check.py" line="71"/>
        <source>Engine not available.</source>
        <translation>Motor no disponible.</translation>
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
        <translation>Comprobando el motor landcover</translation>
    </message>
</context>
<context>
    <name>EngineCommands</name>
    <message>
        <location filename="../engine_commands.py" line="52"/>
        <source>Choose a model file (train one first, or pick existing model files).</source>
        <translation>Elija un archivo de modelo (entrene uno primero o elija archivos de modelo existentes).</translation>
    </message>
</context>
<context>
    <name>EngineOption</name>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Target standard error of the overall accuracy</source>
        <translation>Error estándar objetivo de la exactitud global</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Expected user&apos;s accuracy per class (e.g. forest=0.9,water=0.95; others 0.8)</source>
        <translation>Exactitud del usuario esperada por clase (p. ej., forest=0.9,water=0.95; otras 0.8)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Least points per class</source>
        <translation>Mínimo de puntos por clase</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Sample size (empty: from the target standard error)</source>
        <translation>Tamaño de la muestra (vacío: según el error estándar objetivo)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Random seed (the same seed gives the same points)</source>
        <translation>Semilla aleatoria (la misma semilla da los mismos puntos)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>File name patterns of the images (comma-separated)</source>
        <translation>Patrones de nombre de archivo de las imágenes (separados por comas)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write a confidence raster per scene</source>
        <translation>Escribir también un ráster de confianza por escena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write an uncertainty raster per scene</source>
        <translation>Escribir también un ráster de incertidumbre por escena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write polygons per scene</source>
        <translation>Escribir también polígonos por escena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Workers (empty: sized to this machine)</source>
        <translation>Trabajadores (vacío: según esta máquina)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>CPU threads per worker</source>
        <translation>Hilos de CPU por trabajador</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Retries of a failed scene</source>
        <translation>Reintentos de una escena fallida</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Classify again the scenes a previous run completed</source>
        <translation>Clasificar de nuevo las escenas que completó una ejecución anterior</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Dask scheduler address (empty: a local cluster)</source>
        <translation>Dirección del planificador Dask (vacío: un clúster local)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Tile size when predicting (pixels; empty: the model&apos;s)</source>
        <translation>Tamaño de tesela al predecir (píxeles; vacío: el del modelo)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Tile overlap when predicting (pixels)</source>
        <translation>Solapamiento de teselas al predecir (píxeles)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Test-time augmentation when predicting</source>
        <translation>Aumento en tiempo de prueba al predecir</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Match the image to the model&apos;s histogram reference</source>
        <translation>Ajustar la imagen a la referencia de histograma del modelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Compute device</source>
        <translation>Dispositivo de cálculo</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="32"/>
        <source>Minimum polygon area (map units²)</source>
        <translation>Área mínima de polígono (unidades de mapa²)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="32"/>
        <source>Polygon simplification tolerance (map units)</source>
        <translation>Tolerancia de simplificación de polígonos (unidades de mapa)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tile size (pixels; empty: the model&apos;s)</source>
        <translation>Tamaño de tesela (píxeles; vacío: el del modelo)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tile overlap (pixels; empty: half a tile)</source>
        <translation>Solapamiento de teselas (píxeles; vacío: media tesela)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Test-time augmentation</source>
        <translation>Aumento en tiempo de prueba</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Ensemble weights (one per model)</source>
        <translation>Pesos del ensamble (uno por modelo)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Match the image to the model&apos;s histogram reference (if it has one)</source>
        <translation>Ajustar la imagen a la referencia de histograma del modelo (si tiene una)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tiles per forward pass</source>
        <translation>Teselas por pasada hacia delante</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Inference backend</source>
        <translation>Backend de inferencia</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Decoder (plus: sharper edges, roads and buildings)</source>
        <translation>Decodificador (plus: bordes, carreteras y edificios más nítidos)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Tile size (pixels)</source>
        <translation>Tamaño de tesela (píxeles)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Training tiles per epoch</source>
        <translation>Teselas de entrenamiento por época</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Class-aware sampling (0 = label proportions, 1 = equal)</source>
        <translation>Muestreo según clases (0 = proporciones de las etiquetas, 1 = igual)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Class weights of the loss</source>
        <translation>Pesos de clase de la función de pérdida</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Photometric augmentation</source>
        <translation>Aumento fotométrico</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Validation share</source>
        <translation>Proporción de validación</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Validation split (whole scenes or blocks of every scene)</source>
        <translation>División de validación (escenas completas o bloques de cada escena)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Early-stopping patience (epochs)</source>
        <translation>Paciencia de la parada temprana (épocas)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Random seed</source>
        <translation>Semilla aleatoria</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Arithmetic (auto: mixed precision on GPUs)</source>
        <translation>Aritmética (auto: precisión mixta en GPU)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Tile-loading processes (empty: automatic)</source>
        <translation>Procesos de carga de teselas (vacío: automático)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Dropout rate of the head</source>
        <translation>Tasa de dropout de la cabeza</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Moving average of the weights (decay per step, 0 = off)</source>
        <translation>Media móvil de los pesos (decaimiento por paso, 0 = desactivada)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Resampling (model: read the raster at the model&apos;s ground resolution)</source>
        <translation>Remuestreo (model: leer el ráster a la resolución espacial del modelo)</translation>
    </message>
</context>
<context>
    <name>EngineRunner</name>
    <message>
        <location filename="../engine_runner.py" line="145"/>
        <source>The program '{program}' cannot be started ({problem}). Use 'Set up engine…' in the landcover panel to choose or install the engine Python.</source>
        <translation>No se puede iniciar el programa '{program}' ({problem}). Use 'Configurar motor…' en el panel landcover para elegir o instalar el Python del motor.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="185"/>
        <source>was killed by signal {signal}</source>
        <translation>fue terminado por la señal {signal}</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="186"/>
        <source>exited with code {exit_code}</source>
        <translation>terminó con el código {exit_code}</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="359"/>
        <source>landcover {command} was cancelled.</source>
        <translation>landcover {command} se canceló.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="359"/>
        <source>landcover {command} was cancelled and {exit}.</source>
        <translation>landcover {command} se canceló y {exit}.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="368"/>
        <source>landcover {command} ended without reporting a result.</source>
        <translation>landcover {command} terminó sin informar de un resultado.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="371"/>
        <source>The landcover engine {exit} while running &apos;{command}&apos;.</source>
        <translation>El motor landcover {exit} al ejecutar '{command}'.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="373"/>
        <source>
Last output:
{details}</source>
        <translation>
Última salida:
{details}</translation>
    </message>
</context>
<context>
    <name>EngineSchema</name>
    <message>
        <location filename="../engine_schema.py" line="182"/>
        <source>The engine did not describe itself as a landcover-schema.</source>
        <translation>El motor no se describió como un landcover-schema.</translation>
    </message>
    <message>
        <location filename="../engine_schema.py" line="239"/>
        <source>This engine cannot describe itself ({problem}). Install the engine that comes with the plugin: 'Set up engine…' → 'Install engine'.</source>
        <translation>Este motor no puede describirse ({problem}). Instale el motor incluido con el complemento: 'Configurar motor…' → 'Instalar motor'.</translation>
    </message>
</context>
<context>
    <name>EngineSetup</name>
    <message>
        <location filename="../engine_setup.py" line="45"/>
        <source>No NVIDIA GPU was found on this machine: the CUDA build of torch is about 1.6 GB more to download and the engine would still run on the CPU here. Choose &apos;CPU only&apos; unless the environment is meant for a GPU this machine does not show.</source>
        <translation>No se encontró ninguna GPU NVIDIA en este equipo: la versión CUDA de torch supone unos 1,6 GB más de descarga y aquí el motor seguiría ejecutándose en la CPU. Elija 'Solo CPU' salvo que el entorno esté pensado para una GPU que este equipo no muestra.</translation>
    </message>
</context>
<context>
    <name>EngineSetupDialog</name>
    <message>
        <location filename="../setup_dialog.py" line="56"/>
        <source>landcover: set up engine</source>
        <translation>landcover: configurar motor</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="69"/>
        <source>Use this Python</source>
        <translation>Usar este Python</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="70"/>
        <source>Create managed environment</source>
        <translation>Crear entorno gestionado</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="72"/>
        <source>Install engine</source>
        <translation>Instalar motor</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="74"/>
        <source>No engine source found next to the plugin.</source>
        <translation>No se encontró el código fuente del motor junto al complemento.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="77"/>
        <source>Check</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="78"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="79"/>
        <source>Stops the running command; a half-built managed environment is removed.</source>
        <translation>Detiene el comando en ejecución; se elimina el entorno gestionado a medio crear.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="94"/>
        <source>torch build to install:</source>
        <translation>Versión de torch a instalar:</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="123"/>
        <source>Current engine Python ({origin}): {python}</source>
        <translation>Python actual del motor ({origin}): {python}</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="127"/>
        <source>An NVIDIA GPU was found.</source>
        <translation>Se encontró una GPU NVIDIA.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="127"/>
        <source>No NVIDIA GPU found: the CPU-only build is smaller.</source>
        <translation>No se encontró ninguna GPU NVIDIA: la versión solo CPU es más pequeña.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="140"/>
        <source>Engine Python set to {python}</source>
        <translation>Python del motor establecido en {python}</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="148"/>
        <source>No system Python found to create the environment with.</source>
        <translation>No se encontró un Python del sistema con el que crear el entorno.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="204"/>
        <source>Busy: wait for the running command.</source>
        <translation>Ocupado: espere a que termine el comando en ejecución.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="207"/>
        <source>landcover: setting up the engine</source>
        <translation>landcover: configurando el motor</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="221"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="231"/>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
</context>
<context>
    <name>EngineTask</name>
    <message>
        <location filename="../tasks.py" line="100"/>
        <source>landcover {command} was cancelled.</source>
        <translation>landcover {command} se canceló.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="115"/>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
</context>
<context>
    <name>EvaluateAlgorithm</name>
    <message>
        <location filename="../processing/evaluation.py" line="46"/>
        <source>Overall accuracy</source>
        <translation>Exactitud global</translation>
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
        <translation>Evaluar exactitud</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="86"/>
        <source>Class raster to assess</source>
        <translation>Ráster de clases a evaluar</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="88"/>
        <source>…or model file(s) to predict with</source>
        <translation>…o archivo(s) de modelo con los que predecir</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="90"/>
        <source>…on this image raster</source>
        <translation>…sobre este ráster de imagen</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="92"/>
        <source>Reference raster (class codes)</source>
        <translation>Ráster de referencia (códigos de clase)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="95"/>
        <source>…or reference polygons</source>
        <translation>…o polígonos de referencia</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="98"/>
        <source>Class field of the reference polygons</source>
        <translation>Campo de clase de los polígonos de referencia</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="101"/>
        <source>Class scheme of the reference raster (JSON; default: its tags, or the scheme JSON found beside it)</source>
        <translation>Esquema de clases del ráster de referencia (JSON; por defecto: sus etiquetas, o el JSON de esquema que esté junto a él)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="106"/>
        <source>Per-class accuracy</source>
        <translation>Exactitud por clase</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="108"/>
        <source>Report (JSON)</source>
        <translation>Informe (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="108"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="111"/>
        <source>Report (HTML)</source>
        <translation>Informe (HTML)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="111"/>
        <source>HTML files (*.html)</source>
        <translation>Archivos HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="123"/>
        <source>Choose either a class raster to assess, or model file(s) and an image to predict.</source>
        <translation>Elija un ráster de clases a evaluar, o bien archivo(s) de modelo y una imagen sobre la que predecir.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="126"/>
        <source>Choose the image raster the model file(s) should classify.</source>
        <translation>Elija el ráster de imagen que deben clasificar los archivos de modelo.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="131"/>
        <source>Choose one reference: a raster of class codes, or polygons with a class field.</source>
        <translation>Elija una referencia: un ráster de códigos de clase o polígonos con un campo de clase.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="185"/>
        <source>accuracy per class</source>
        <translation>exactitud por clase</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="198"/>
        <source>Cannot create the per-class table.</source>
        <translation>No se puede crear la tabla por clase.</translation>
    </message>
</context>
<context>
    <name>EvaluateRequest</name>
    <message>
        <location filename="../engine_commands.py" line="280"/>
        <source>Evaluating</source>
        <translation>Evaluando</translation>
    </message>
</context>
<context>
    <name>EvaluationReport</name>
    <message>
        <location filename="../processing/report.py" line="41"/>
        <source>confusion matrix</source>
        <translation>matriz de confusión</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="44"/>
        <source>landcover accuracy report</source>
        <translation>informe de exactitud de landcover</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="45"/>
        <source>Overall accuracy &lt;b&gt;{accuracy}&lt;/b&gt;, mIoU &lt;b&gt;{miou}&lt;/b&gt;, kappa &lt;b&gt;{kappa}&lt;/b&gt;, {pixels} reference pixels.</source>
        <translation>Exactitud global &lt;b&gt;{accuracy}&lt;/b&gt;, mIoU &lt;b&gt;{miou}&lt;/b&gt;, kappa &lt;b&gt;{kappa}&lt;/b&gt;, {pixels} píxeles de referencia.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="49"/>
        <source>Per class</source>
        <translation>Por clase</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="50"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="50"/>
        <source>class</source>
        <translation>clase</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="51"/>
        <source>Confusion matrix (rows: reference, columns: prediction)</source>
        <translation>Matriz de confusión (filas: referencia, columnas: predicción)</translation>
    </message>
</context>
<context>
    <name>FeedbackListener</name>
    <message>
        <location filename="../processing/base.py" line="79"/>
        <source>never predicted on validation although labelled there (IoU 0): {classes}</source>
        <translation>nunca predichas en la validación aunque están etiquetadas allí (IoU 0): {classes}</translation>
    </message>
</context>
<context>
    <name>FineTuneAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="283"/>
        <source>Fine-tune land-cover model</source>
        <translation>Afinar modelo de cobertura del suelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="287"/>
        <source>Model file to start from</source>
        <translation>Archivo de modelo de partida</translation>
    </message>
</context>
<context>
    <name>HistogramMatchAlgorithm</name>
    <message>
        <location filename="../processing/inference.py" line="239"/>
        <source>Histogram match</source>
        <translation>Ajuste de histograma</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="243"/>
        <source>Raster to adjust</source>
        <translation>Ráster a ajustar</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="245"/>
        <source>Reference raster</source>
        <translation>Ráster de referencia</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="247"/>
        <source>Bands to match (none chosen: all but alpha)</source>
        <translation>Bandas a ajustar (ninguna elegida: todas salvo alfa)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="250"/>
        <source>Reference bands, one per matched band</source>
        <translation>Bandas de referencia, una por banda ajustada</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="253"/>
        <source>Matched raster</source>
        <translation>Ráster ajustado</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="255"/>
        <source>Histogram plot</source>
        <translation>Gráfico de histogramas</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="255"/>
        <source>PNG files (*.png)</source>
        <translation>Archivos PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="265"/>
        <source>Choose the raster to adjust and the reference raster.</source>
        <translation>Elija el ráster a ajustar y el ráster de referencia.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="270"/>
        <source>Choose one reference band per matched band: {count} band(s) to match, {references} reference band(s).</source>
        <translation>Elija una banda de referencia por banda ajustada: {count} banda(s) a ajustar, {references} banda(s) de referencia.</translation>
    </message>
</context>
<context>
    <name>HistogramMatchRequest</name>
    <message>
        <location filename="../engine_commands.py" line="321"/>
        <source>Matching histograms</source>
        <translation>Ajustando histogramas</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <location filename="../action_bar.py" line="61"/>
        <source>epoch {}/{}</source>
        <translation>época {}/{}</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="87"/>
        <source>{elapsed} · about {remaining} left</source>
        <translation>{elapsed} · quedan aprox. {remaining}</translation>
    </message>
</context>
<context>
    <name>LabelledImageAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="123"/>
        <source>Image raster</source>
        <translation>Ráster de imagen</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="125"/>
        <source>Bands (none chosen: all but alpha)</source>
        <translation>Bandas (ninguna elegida: todas salvo alfa)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="128"/>
        <source>Labelled features (polygons, points or lines)</source>
        <translation>Objetos etiquetados (polígonos, puntos o líneas)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="135"/>
        <source>Class field</source>
        <translation>Campo de clase</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="142"/>
        <source>Reference raster for histogram matching</source>
        <translation>Ráster de referencia para el ajuste de histograma</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="153"/>
        <source>Choose the image raster and the labelled features.</source>
        <translation>Elija el ráster de imagen y los objetos etiquetados.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="167"/>
        <source>Invalid labelled features for LABELS.</source>
        <translation>Objetos etiquetados no válidos para LABELS.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="184"/>
        <source>Model file</source>
        <translation>Archivo de modelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="184"/>
        <source>landcover model (*.pt)</source>
        <translation>Modelo landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="187"/>
        <source>Best validation mIoU</source>
        <translation>Mejor mIoU de validación</translation>
    </message>
</context>
<context>
    <name>LandcoverDock</name>
    <message>
        <location filename="../dock.py" line="114"/>
        <source>Engine: not checked yet</source>
        <translation>Motor: aún sin comprobar</translation>
    </message>
    <message>
        <location filename="../dock.py" line="116"/>
        <source>Set up engine…</source>
        <translation>Configurar motor…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="124"/>
        <source>Remove the previous result&apos;s layers</source>
        <translation>Quitar las capas del resultado anterior</translation>
    </message>
    <message>
        <location filename="../dock.py" line="127"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../dock.py" line="194"/>
        <source>Engine: checking {python} ({origin})…</source>
        <translation>Motor: comprobando {python} ({origin})…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="205"/>
        <source>Engine check failed.</source>
        <translation>Falló la comprobación del motor.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="216"/>
        <source>Engine: {versions}</source>
        <translation>Motor: {versions}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="216"/>
        <source>Engine not ready: {problem}</source>
        <translation>Motor no disponible: {problem}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="223"/>
        <source>Make pseudo-labels of the unlabeled layers with the model.</source>
        <translation>Crear pseudoetiquetas de las capas sin etiquetar con el modelo.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="223"/>
        <source>Not available: this engine has no &apos;pseudo-label&apos; command.</source>
        <translation>No disponible: este motor no tiene el comando 'pseudo-label'.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="229"/>
        <source>Train in rounds, adding confident predictions on the unlabeled layers.</source>
        <translation>Entrenar por rondas, añadiendo las predicciones fiables de las capas sin etiquetar.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="229"/>
        <source>Not available: this engine has no &apos;self-train&apos; command.</source>
        <translation>No disponible: este motor no tiene el comando 'self-train'.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="264"/>
        <source>Training</source>
        <translation>Entrenando</translation>
    </message>
    <message>
        <location filename="../dock.py" line="247"/>
        <source>Estimating the training time</source>
        <translation>Estimando el tiempo de entrenamiento</translation>
    </message>
    <message>
        <location filename="../dock.py" line="262"/>
        <source>The engine gave no training-time estimate; training without one.</source>
        <translation>El motor no dio una estimación del tiempo de entrenamiento; se entrena sin ella.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="271"/>
        <source>Training not started. {text}</source>
        <translation>Entrenamiento no iniciado. {text}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="276"/>
        <source>Settings set to &apos;{quick}&apos;: press Train again to estimate and train.</source>
        <translation>Ajustes cambiados a '{quick}': pulse Entrenar de nuevo para estimar y entrenar.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="280"/>
        <source>Training (about {duration})</source>
        <translation>Entrenando (aprox. {duration})</translation>
    </message>
    <message>
        <location filename="../dock.py" line="285"/>
        <source>Classifying</source>
        <translation>Clasificando</translation>
    </message>
    <message>
        <location filename="../dock.py" line="289"/>
        <source>Pseudo-labelling</source>
        <translation>Pseudoetiquetando</translation>
    </message>
    <message>
        <location filename="../dock.py" line="295"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="309"/>
        <source>A job is already running: wait for it or cancel it.</source>
        <translation>Ya hay un trabajo en curso: espere a que termine o cancélelo.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="324"/>
        <source>landcover: {message}</source>
        <translation>landcover: {message}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="359"/>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="362"/>
        <source>{message} Use Resume to continue it.</source>
        <translation>{message} Use Reanudar para continuarlo.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="397"/>
        <source>Resuming training</source>
        <translation>Reanudando el entrenamiento</translation>
    </message>
    <message>
        <location filename="../dock.py" line="406"/>
        <source>Folder for landcover results</source>
        <translation>Carpeta para los resultados de landcover</translation>
    </message>
    <message>
        <location filename="../dock.py" line="408"/>
        <source>Choose an output folder for the results (under &apos;Outputs&apos;).</source>
        <translation>Elija una carpeta de salida para los resultados (en 'Salidas').</translation>
    </message>
    <message>
        <location filename="../dock.py" line="422"/>
        <source>Replace model?</source>
        <translation>¿Reemplazar el modelo?</translation>
    </message>
    <message>
        <location filename="../dock.py" line="422"/>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <location filename="../dock.py" line="425"/>
        <source>Training not started: {path} was kept.</source>
        <translation>Entrenamiento no iniciado: se conservó {path}.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="443"/>
        <source>Model saved: {model} (best validation mIoU {miou}). Classes: {classes}.</source>
        <translation>Modelo guardado: {model} (mejor mIoU de validación {miou}). Clases: {classes}.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="443"/>
        <source>Model saved: {model} (best validation mIoU {miou}).</source>
        <translation>Modelo guardado: {model} (mejor mIoU de validación {miou}).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="485"/>
        <source>Train a model first, or choose &apos;Existing model file(s)&apos;.</source>
        <translation>Entrene primero un modelo o elija 'Archivo(s) de modelo existente(s)'.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="489"/>
        <source>Choose one or more model files to classify with.</source>
        <translation>Elija uno o varios archivos de modelo con los que clasificar.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="539"/>
        <source>The engine reported outputs QGIS cannot open: {outputs}</source>
        <translation>El motor devolvió salidas que QGIS no puede abrir: {outputs}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="557"/>
        <source>Classified: &apos;{name}&apos; added at the top of the &apos;landcover&apos; group ({count} layers). The previous result is still below it.</source>
        <translation>Clasificado: '{name}' añadido al principio del grupo 'landcover' ({count} capas). El resultado anterior sigue debajo.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="557"/>
        <source>Classified: &apos;{name}&apos; added at the top of the &apos;landcover&apos; group ({count} layers).</source>
        <translation>Clasificado: '{name}' añadido al principio del grupo 'landcover' ({count} capas).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="567"/>
        <source>The uncertainty layer of the newest result is no longer in the project.</source>
        <translation>La capa de incertidumbre del resultado más reciente ya no está en el proyecto.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="589"/>
        <source>The map never gets {names} right on the reference (IoU 0).</source>
        <translation>El mapa nunca acierta {names} en la referencia (IoU 0).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="600"/>
        <source>This engine has no &apos;pseudo-label&apos; command.</source>
        <translation>Este motor no tiene el comando 'pseudo-label'.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="611"/>
        <source>No pseudo-labels: no predicted pixel reached the confidence threshold, so no layer was added. Lower the threshold or train the model further.</source>
        <translation>Sin pseudoetiquetas: ningún píxel predicho alcanzó el umbral de confianza, así que no se añadió ninguna capa. Baje el umbral o siga entrenando el modelo.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="623"/>
        <source>Pseudo-labels added: {count} layer(s)</source>
        <translation>Pseudoetiquetas añadidas: {count} capa(s)</translation>
    </message>
    <message>
        <location filename="../dock.py" line="631"/>
        <source>Self-training</source>
        <translation>Autoentrenando</translation>
    </message>
    <message>
        <location filename="../dock.py" line="636"/>
        <source>This engine has no &apos;self-train&apos; command.</source>
        <translation>Este motor no tiene el comando 'self-train'.</translation>
    </message>
</context>
<context>
    <name>LandcoverPlugin</name>
    <message>
        <location filename="../plugin.py" line="57"/>
        <source>Land-cover mapping: train and classify</source>
        <translation>Cartografía de cobertura del suelo: entrenar y clasificar</translation>
    </message>
</context>
<context>
    <name>LandcoverProvider</name>
    <message>
        <location filename="../processing/provider.py" line="52"/>
        <source>landcover: land-cover mapping with DeepLabV3</source>
        <translation>landcover: cartografía de cobertura del suelo con DeepLabV3</translation>
    </message>
</context>
<context>
    <name>LayerChecks</name>
    <message>
        <location filename="../processing/layer_checks.py" line="26"/>
        <source>Choose the field of &apos;{layer_name}&apos; that holds the classes.</source>
        <translation>Elija el campo de '{layer_name}' que contiene las clases.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="29"/>
        <source>&apos;{layer_name}&apos; has no field &apos;{field}&apos;: choose the field that holds the classes.</source>
        <translation>'{layer_name}' no tiene el campo '{field}': elija el campo que contiene las clases.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="40"/>
        <source>'{layer_name}' has no coordinate reference system: set one (Layer properties → Source).</source>
        <translation>'{layer_name}' no tiene sistema de referencia de coordenadas: asigne uno (Propiedades de la capa → Fuente).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="47"/>
        <source>&apos;{other_name}&apos; ({authid}) cannot be transformed to the CRS of &apos;{name}&apos; ({authid2}).</source>
        <translation>'{other_name}' ({authid}) no se puede transformar al SRC de '{name}' ({authid2}).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="51"/>
        <source>&apos;{other_name}&apos; does not overlap &apos;{name}&apos; (compared in {authid}): choose layers that cover the same area.</source>
        <translation>'{other_name}' no se superpone con '{name}' (comparado en {authid}): elija capas que cubran la misma zona.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="69"/>
        <source>Choose a model file (several files: an ensemble).</source>
        <translation>Elija un archivo de modelo (varios archivos: un conjunto).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="71"/>
        <source>InputError: Model file not found: {missing}</source>
        <translation>InputError: no se encontró el archivo de modelo: {missing}</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="61"/>
        <source>&apos;{name}&apos; has {count} band(s), not band {missing}.</source>
        <translation>'{name}' tiene {count} banda(s), no la banda {missing}.</translation>
    </message>
</context>
<context>
    <name>LayerIo</name>
    <message>
        <location filename="../layer_io.py" line="143"/>
        <source>The image layer is missing or invalid.</source>
        <translation>La capa de imagen falta o no es válida.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="166"/>
        <source>Cannot read raster layer &apos;{name}&apos; for export.</source>
        <translation>No se puede leer la capa ráster '{name}' para exportarla.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="170"/>
        <source>Cannot export raster layer &apos;{name}&apos; to GeoTIFF (error {error}).</source>
        <translation>No se puede exportar la capa ráster '{name}' a GeoTIFF (error {error}).</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="185"/>
        <source>The label layer is missing or invalid.</source>
        <translation>La capa de etiquetas falta o no es válida.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="187"/>
        <source>&apos;Selected features only&apos; is on, but no feature of &apos;{name}&apos; is selected.</source>
        <translation>'Solo objetos seleccionados' está activado, pero no hay ningún objeto de '{name}' seleccionado.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="226"/>
        <source>Cannot export vector layer &apos;{name}&apos;: {errorMessage}</source>
        <translation>No se puede exportar la capa vectorial '{name}': {errorMessage}</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="245"/>
        <source>The map view does not overlap &apos;{name}&apos;: zoom to the layer or classify all of it.</source>
        <translation>La vista del mapa no se superpone con '{name}': haga zum a la capa o clasifíquela entera.</translation>
    </message>
</context>
<context>
    <name>ModelFacts</name>
    <message>
        <location filename="../model_facts.py" line="133"/>
        <source>The landcover engine could not describe itself: use 'Set up engine…' in the landcover panel.</source>
        <translation>El motor landcover no pudo describirse: use 'Configurar motor…' en el panel landcover.</translation>
    </message>
    <message>
        <location filename="../model_facts.py" line="162"/>
        <source>Model file not found: {path}</source>
        <translation>No se encontró el archivo de modelo: {path}</translation>
    </message>
</context>
<context>
    <name>ModelParameters</name>
    <message>
        <location filename="../processing/model_parameters.py" line="11"/>
        <source>Model files (*.pt);;All files (*.*)</source>
        <translation>Archivos de modelo (*.pt);;Todos los archivos (*.*)</translation>
    </message>
</context>
<context>
    <name>OptionSpec</name>
    <message>
        <location filename="../engine_schema.py" line="85"/>
        <source>An option without flag or dest: {item!r}</source>
        <translation>Una opción sin flag ni dest: {item!r}</translation>
    </message>
</context>
<context>
    <name>OptionSpinBox</name>
    <message>
        <location filename="../option_widgets.py" line="40"/>
        <source>This engine has no &apos;{command}&apos; option &apos;{dest}&apos;.</source>
        <translation>Este motor no tiene la opción '{dest}' de '{command}'.</translation>
    </message>
</context>
<context>
    <name>OutputFiles</name>
    <message>
        <location filename="../output_files.py" line="58"/>
        <source>Results cannot be written to the output folder {folder} ({reason}): choose another folder under &apos;Output folder&apos;.</source>
        <translation>No se pueden escribir los resultados en la carpeta de salida {folder} ({reason}): elija otra carpeta en 'Carpeta de salida'.</translation>
    </message>
</context>
<context>
    <name>PredictBatchRequest</name>
    <message>
        <location filename="../engine_commands.py" line="225"/>
        <source>Choose the folder of images to classify.</source>
        <translation>Elija la carpeta de imágenes a clasificar.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="227"/>
        <source>Choose the output folder.</source>
        <translation>Elija la carpeta de salida.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="234"/>
        <source>Classifying scenes</source>
        <translation>Clasificando escenas</translation>
    </message>
</context>
<context>
    <name>PredictRequest</name>
    <message>
        <location filename="../engine_commands.py" line="191"/>
        <source>Choose where to save the classified raster.</source>
        <translation>Elija dónde guardar el ráster clasificado.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="200"/>
        <source>Classifying</source>
        <translation>Clasificando</translation>
    </message>
</context>
<context>
    <name>ProcessTask</name>
    <message>
        <location filename="../tasks.py" line="183"/>
        <source>
Removed the unfinished environment {cleanup}.</source>
        <translation>
Se eliminó el entorno sin terminar {cleanup}.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="198"/>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="201"/>
        <source>Failed: the command {exit}.</source>
        <translation>Error: el comando {exit}.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="201"/>
        <source>
Last output:
{last}</source>
        <translation>
Última salida:
{last}</translation>
    </message>
</context>
<context>
    <name>PseudoLabelAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="368"/>
        <source>Pseudo-label scenes</source>
        <translation>Pseudoetiquetar escenas</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="373"/>
        <source>Model file(s)</source>
        <translation>Archivo(s) de modelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="374"/>
        <source>Unlabeled scenes</source>
        <translation>Escenas sin etiquetar</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="377"/>
        <source>Folder of pseudo-label rasters</source>
        <translation>Carpeta de rásteres de pseudoetiquetas</translation>
    </message>
</context>
<context>
    <name>PseudoLabelRequest</name>
    <message>
        <location filename="../engine_commands.py" line="345"/>
        <source>Pseudo-labelling</source>
        <translation>Pseudoetiquetando</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Round</source>
        <translation>Ronda</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Train loss</source>
        <translation>Pérdida entr.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Val loss</source>
        <translation>Pérdida val.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Val mIoU</source>
        <translation>mIoU val.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Never predicted</source>
        <translation>Nunca predichas</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="43"/>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>Recall</source>
        <translation>Exhaustividad</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="43"/>
        <source>Area (ha)</source>
        <translation>Área (ha)</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="43"/>
        <source>Share (%)</source>
        <translation>Proporción (%)</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="47"/>
        <source>The uncertainty layer is bright where the model hesitates between classes: draw new label polygons there first, then train again.</source>
        <translation>La capa de incertidumbre es clara donde el modelo duda entre clases: dibuje primero allí nuevos polígonos de etiquetas y luego vuelva a entrenar.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="113"/>
        <source>Export areas as CSV…</source>
        <translation>Exportar áreas como CSV…</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="117"/>
        <source>Zoom to the most uncertain area</source>
        <translation>Zum a la zona más incierta</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Training&lt;/b&gt;</source>
        <translation>&lt;b&gt;Entrenamiento&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Evaluation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Evaluación&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Area per class&lt;/b&gt;</source>
        <translation>&lt;b&gt;Área por clase&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="142"/>
        <source>&lt;b&gt;Accuracy and area from a sample&lt;/b&gt;</source>
        <translation>&lt;b&gt;Exactitud y área a partir de una muestra&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="149"/>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Registro&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="224"/>
        <source>No evaluation yet: choose &apos;Evaluate against&apos; before Classify.</source>
        <translation>Aún no hay evaluación: elija 'Evaluar frente a' antes de Clasificar.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="231"/>
        <source>Overall accuracy {accuracy} · mIoU {miou} · kappa {kappa}</source>
        <translation>Exactitud global {accuracy} · mIoU {miou} · kappa {kappa}</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="236"/>
        <source>Classes compared by name.</source>
        <translation>Clases comparadas por nombre.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="238"/>
        <source>Classes compared by code (the reference names none).</source>
        <translation>Clases comparadas por código (la referencia no tiene nombres).</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="239"/>
        <source>Classes only in the reference: {names}.</source>
        <translation>Clases solo en la referencia: {names}.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="239"/>
        <source>Classes never in the reference: {names}.</source>
        <translation>Clases que nunca aparecen en la referencia: {names}.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="273"/>
        <source>Classify to see the area of each class.</source>
        <translation>Clasifique para ver el área de cada clase.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="274"/>
        <source>Pixel counts of the classified extent (nodata left out).</source>
        <translation>Recuento de píxeles de la extensión clasificada (sin nodata).</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="281"/>
        <source>Export the area per class</source>
        <translation>Exportar el área por clase</translation>
    </message>
</context>
<context>
    <name>SampleDesignRequest</name>
    <message>
        <location filename="../accuracy_commands.py" line="57"/>
        <source>Designing the sample</source>
        <translation>Diseñando la muestra</translation>
    </message>
</context>
<context>
    <name>SampleReview</name>
    <message>
        <location filename="../sample_review.py" line="39"/>
        <source>— not labelled —</source>
        <translation>— sin etiquetar —</translation>
    </message>
</context>
<context>
    <name>SampleReviewWidget</name>
    <message>
        <location filename="../sample_review.py" line="103"/>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="104"/>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="105"/>
        <source>Next unlabelled</source>
        <translation>Siguiente sin etiquetar</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="110"/>
        <source>Map class (stratum)</source>
        <translation>Clase del mapa (estrato)</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="111"/>
        <source>Reference class</source>
        <translation>Clase de referencia</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="112"/>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="207"/>
        <source>Point {number} of {total} — {labelled} labelled</source>
        <translation>Punto {number} de {total} — {labelled} etiquetados</translation>
    </message>
</context>
<context>
    <name>SelfTrainAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="328"/>
        <source>Self-train land-cover model</source>
        <translation>Autoentrenar modelo de cobertura del suelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="334"/>
        <source>Unlabeled scenes</source>
        <translation>Escenas sin etiquetar</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="347"/>
        <source>Choose at least one unlabeled scene.</source>
        <translation>Elija al menos una escena sin etiquetar.</translation>
    </message>
</context>
<context>
    <name>SelfTrainRequest</name>
    <message>
        <location filename="../engine_commands.py" line="370"/>
        <source>Self-training</source>
        <translation>Autoentrenando</translation>
    </message>
</context>
<context>
    <name>SelfTrainingGroup</name>
    <message>
        <location filename="../self_training_form.py" line="32"/>
        <source>Pseudo-label / self-train</source>
        <translation>Pseudoetiquetas / autoentrenamiento</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="35"/>
        <source>the image layer</source>
        <translation>la capa de imagen</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="36"/>
        <source>Unlabeled scenes: pseudo-labelled, or added to training round by round.</source>
        <translation>Escenas sin etiquetar: se pseudoetiquetan o se añaden al entrenamiento ronda a ronda.</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="40"/>
        <source>Unlabeled layers</source>
        <translation>Capas sin etiquetar</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="41"/>
        <source>Confidence threshold</source>
        <translation>Umbral de confianza</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="42"/>
        <source>Self-training rounds</source>
        <translation>Rondas de autoentrenamiento</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../status_line.py" line="74"/>
        <source>{count} warnings:</source>
        <translation>{count} avisos:</translation>
    </message>
    <message>
        <location filename="../status_line.py" line="74"/>
        <source>1 warning:</source>
        <translation>1 aviso:</translation>
    </message>
    <message>
        <location filename="../status_line.py" line="79"/>
        <source>… and {count} more in the log below.</source>
        <translation>… y {count} más en el registro de abajo.</translation>
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
        <translation>No se pudo escribir {path} ({problem}): elija otra carpeta.</translation>
    </message>
</context>
<context>
    <name>TorchBuild</name>
    <message>
        <location filename="../engine_setup.py" line="33"/>
        <source>CPU only</source>
        <translation>Solo CPU</translation>
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
        <translation>Entrenar modelo de cobertura del suelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="218"/>
        <source>Architecture</source>
        <translation>Arquitectura</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="218"/>
        <source>Backbone weights</source>
        <translation>Pesos del backbone</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="227"/>
        <source>Backbone weights file (with &apos;file&apos;)</source>
        <translation>Archivo de pesos del backbone (con 'file')</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="227"/>
        <source>Weights (*.pt *.pth);;All files (*)</source>
        <translation>Pesos (*.pt *.pth);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="233"/>
        <source>A torchvision or timm state dict of the chosen architecture&apos;s backbone (e.g. torchgeo&apos;s Sentinel-2 ResNet50), used when Backbone weights is &apos;file&apos;. Any band count: the first convolution is adapted by band number.</source>
        <translation>Un state dict de torchvision o timm del backbone de la arquitectura elegida (p. ej. el ResNet50 Sentinel-2 de torchgeo), usado cuando Pesos del backbone es 'file'. Cualquier número de bandas: la primera convolución se adapta según el número de bandas.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="253"/>
        <source>A backbone weights file is given but Backbone weights is &apos;{choice}&apos;: choose &apos;file&apos; to use {name}, or clear the file.</source>
        <translation>Se indicó un archivo de pesos del backbone pero Pesos del backbone es '{choice}': elija 'file' para usar {name}, o quite el archivo.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="247"/>
        <source>Choose an existing backbone weights file (WEIGHTS_FILE) for Backbone weights &apos;file&apos;; {path} does not exist.</source>
        <translation>Elija un archivo de pesos del backbone existente (WEIGHTS_FILE) para Pesos del backbone 'file'; {path} no existe.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="247"/>
        <source>Choose an existing backbone weights file (WEIGHTS_FILE) for Backbone weights &apos;file&apos;.</source>
        <translation>Elija un archivo de pesos del backbone existente (WEIGHTS_FILE) para Pesos del backbone 'file'.</translation>
    </message>
</context>
<context>
    <name>TrainRequest</name>
    <message>
        <location filename="../engine_commands.py" line="128"/>
        <source>Choose labels: a polygon layer with a class field, or a label raster.</source>
        <translation>Elija las etiquetas: una capa de polígonos con un campo de clase, o un ráster de etiquetas.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="130"/>
        <source>Choose the field of the label layer that holds the classes.</source>
        <translation>Elija el campo de la capa de etiquetas que contiene las clases.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="132"/>
        <source>Choose where to save the model file.</source>
        <translation>Elija dónde guardar el archivo de modelo.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="158"/>
        <source>Training</source>
        <translation>Entrenando</translation>
    </message>
</context>
<context>
    <name>TrainingTime</name>
    <message>
        <location filename="../training_time.py" line="55"/>
        <source>Estimated: about {duration} on {device} ({steps} steps of {seconds_per_step:.1f} s; validation adds a little).</source>
        <translation>Estimado: aprox. {duration} en {device} ({steps} pasos de {seconds_per_step:.1f} s; la validación añade un poco).</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="74"/>
        <source>Timing a few training steps</source>
        <translation>Cronometrando unos pasos de entrenamiento</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="80"/>
        <source>Long training</source>
        <translation>Entrenamiento largo</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="80"/>
        <source>{text}

Start it anyway?</source>
        <translation>{text}

¿Iniciarlo de todos modos?</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="82"/>
        <source>Train anyway</source>
        <translation>Entrenar igualmente</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="83"/>
        <source>Use &apos;{quick_preset}&apos;</source>
        <translation>Usar '{quick_preset}'</translation>
    </message>
</context>
<context>
    <name>VectorizeAlgorithm</name>
    <message>
        <location filename="../processing/inference.py" line="189"/>
        <source>Vectorize classes</source>
        <translation>Vectorizar clases</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="193"/>
        <source>Class raster</source>
        <translation>Ráster de clases</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="196"/>
        <source>Band of class codes</source>
        <translation>Banda de códigos de clase</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="201"/>
        <source>Polygons</source>
        <translation>Polígonos</translation>
    </message>
</context>
<context>
    <name>VectorizeRequest</name>
    <message>
        <location filename="../engine_commands.py" line="299"/>
        <source>Vectorizing</source>
        <translation>Vectorizando</translation>
    </message>
</context>
</TS>
