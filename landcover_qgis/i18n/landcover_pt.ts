<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>AccuracyPanel</name>
    <message>
        <location filename="../accuracy_panel.py" line="65"/>
        <source>Classify first: the sample is drawn from the classified map (its classes are the strata).</source>
        <translation>Classifique primeiro: a amostra é sorteada do mapa classificado (suas classes são os estratos).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="121"/>
        <source>Only pixels inside these polygons are sampled and counted (none: the whole map).</source>
        <translation>Só os pixels dentro destes polígonos são amostrados e contados (nenhum: o mapa inteiro).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="123"/>
        <source>Sample settings</source>
        <translation>Configurações da amostra</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="125"/>
        <source>Target SE of overall accuracy</source>
        <translation>EP alvo da exatidão global</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="126"/>
        <source>Points per class, at least</source>
        <translation>Pontos por classe, no mínimo</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="127"/>
        <source>Points in all</source>
        <translation>Pontos no total</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="128"/>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="129"/>
        <source>Area of interest</source>
        <translation>Área de interesse</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="132"/>
        <source>Design an accuracy sample…</source>
        <translation>Planejar uma amostra de exatidão…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="136"/>
        <source>Open the sample again</source>
        <translation>Reabrir a amostra</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="138"/>
        <source>Open a sample…</source>
        <translation>Abrir uma amostra…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="139"/>
        <source>Go on labelling or assess a sample designed earlier (a GPKG from &apos;Design a sample&apos;, with its NAME.design.json beside it).</source>
        <translation>Continuar a rotular ou avaliar uma amostra planejada antes (um GPKG de 'Planejar uma amostra', com o NAME.design.json ao lado).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="143"/>
        <source>Assess accuracy and areas</source>
        <translation>Avaliar exatidão e áreas</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="164"/>
        <source>auto (from the target SE)</source>
        <translation>auto (a partir do EP alvo)</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="181"/>
        <source>No estimate: the assessment did not finish (see the status line); nothing was written.</source>
        <translation>Sem estimativa: a avaliação não terminou (veja a linha de status); nada foi gravado.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="205"/>
        <source>Map: {name}</source>
        <translation>Mapa: {name}</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="210"/>
        <source>Not available: this engine has no &apos;sample-design&apos; command.</source>
        <translation>Indisponível: este motor não tem o comando 'sample-design'.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="210"/>
        <source>Draws stratified random points of the map (its classes as strata) to label here, one by one.</source>
        <translation>Sorteia pontos aleatórios estratificados do mapa (suas classes como estratos) para rotular aqui, um a um.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="227"/>
        <source>{labelled} / {total} labelled (a sample of {map})</source>
        <translation>{labelled} / {total} rotulados (uma amostra de {map})</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="227"/>
        <source>{labelled} / {total} labelled</source>
        <translation>{labelled} / {total} rotulados</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="236"/>
        <source>Design an accuracy sample and label its points first.</source>
        <translation>Planeje uma amostra de exatidão e rotule seus pontos primeiro.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="238"/>
        <source>Label the sample&apos;s points first: set each point&apos;s reference class above.</source>
        <translation>Rotule primeiro os pontos da amostra: defina a classe de referência de cada ponto acima.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="241"/>
        <source>{missing} of {total} points have no label yet: the engine skips them (a class with fewer than 2 labelled points gets no standard error).</source>
        <translation>{missing} de {total} pontos ainda não têm rótulo: o motor os ignora (uma classe com menos de 2 pontos rotulados não recebe erro padrão).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="246"/>
        <source>Every point is labelled: estimate the accuracy and the area of each class.</source>
        <translation>Todos os pontos estão rotulados: estime a exatidão e a área de cada classe.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="252"/>
        <source>Designing an accuracy sample</source>
        <translation>Planejando uma amostra de exatidão</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="264"/>
        <source>The classified map {class_map} no longer exists: classify again.</source>
        <translation>O mapa classificado {class_map} não existe mais: classifique novamente.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="290"/>
        <source>The area of interest &apos;{name}&apos; is not a file layer (or is filtered): save it as a GeoPackage and choose that, since the assessment reads it again where the sample was drawn.</source>
        <translation>A área de interesse '{name}' não é uma camada de arquivo (ou está filtrada): salve-a como GeoPackage e escolha esse arquivo, pois a avaliação a lê de novo onde a amostra foi sorteada.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="308"/>
        <source>Accuracy sample: {count} points added as &apos;{name}&apos;. Set each point&apos;s reference class below, then assess accuracy and areas.</source>
        <translation>Amostra de exatidão: {count} pontos adicionados como '{name}'. Defina a classe de referência de cada ponto abaixo e depois avalie a exatidão e as áreas.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="370"/>
        <source>Open an accuracy sample</source>
        <translation>Abrir uma amostra de exatidão</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="370"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="389"/>
        <source>Sample &apos;{name}&apos; opened: {labelled} / {total} labelled; it is assessed against {sample_map}.</source>
        <translation>Amostra '{name}' aberta: {labelled} / {total} rotulados; é avaliada em relação a {sample_map}.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="410"/>
        <source>The sample layer &apos;{name}&apos; was removed from the project. The labels set so far are saved in {sample_path}: &apos;Open the sample again&apos; to go on.</source>
        <translation>A camada de amostra '{name}' foi removida do projeto. Os rótulos definidos até agora estão salvos em {sample_path}: use 'Reabrir a amostra' para continuar.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="433"/>
        <source>Assessment not started: {missing} of {total} points still to label.</source>
        <translation>Avaliação não iniciada: faltam rotular {missing} de {total} pontos.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="436"/>
        <source>Assessing accuracy and areas</source>
        <translation>Avaliando exatidão e áreas</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="440"/>
        <source>Points without a label</source>
        <translation>Pontos sem rótulo</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="440"/>
        <source>{missing} of {total} sample points have no reference label yet. The engine skips them and says so; a class with fewer than 2 labelled points gets no standard error, one with none no estimate at all.</source>
        <translation>{missing} de {total} pontos da amostra ainda não têm rótulo de referência. O motor os ignora e avisa; uma classe com menos de 2 pontos rotulados não recebe erro padrão, e uma sem nenhum não recebe estimativa alguma.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="446"/>
        <source>Assess anyway</source>
        <translation>Avaliar mesmo assim</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="447"/>
        <source>Keep labelling</source>
        <translation>Continuar rotulando</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="459"/>
        <source>No accuracy sample to assess: design one (or open the sample again).</source>
        <translation>Nenhuma amostra de exatidão para avaliar: planeje uma (ou reabra a amostra).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="462"/>
        <source>The sample layer &apos;{name}&apos; has unsaved edits: save them first (the engine reads {sample_path}).</source>
        <translation>A camada de amostra '{name}' tem edições não salvas: salve-as primeiro (o motor lê {sample_path}).</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="466"/>
        <source>No point of the sample has a reference label yet: label the points first.</source>
        <translation>Nenhum ponto da amostra tem rótulo de referência ainda: rotule os pontos primeiro.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="473"/>
        <source>Assessing accuracy and areas…</source>
        <translation>Avaliando exatidão e áreas…</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="483"/>
        <source>No estimate: the engine&apos;s report could not be read.</source>
        <translation>Sem estimativa: não foi possível ler o relatório do motor.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="484"/>
        <source>The engine's report {report} holds no area-adjusted estimate ({problem}): update the engine ('Set up engine…').</source>
        <translation>O relatório do motor {report} não contém estimativa ajustada por área ({problem}): atualize o motor ('Configurar motor…').</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="498"/>
        <source>The HTML report {page} could not be written: {problem}.</source>
        <translation>Não foi possível gravar o relatório HTML {page}: {problem}.</translation>
    </message>
    <message>
        <location filename="../accuracy_panel.py" line="505"/>
        <source>Accuracy and areas assessed. {overall} Report: {report}</source>
        <translation>Exatidão e áreas avaliadas. {overall} Relatório: {report}</translation>
    </message>
</context>
<context>
    <name>AccuracySample</name>
    <message>
        <location filename="../accuracy_sample.py" line="28"/>
        <source>to label</source>
        <translation>a rotular</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="28"/>
        <source>labelled</source>
        <translation>rotulados</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="55"/>
        <source>QGIS cannot open {path} as an accuracy sample (a GPKG with a point layer &apos;{layer}&apos;, from &apos;Design a sample&apos;).</source>
        <translation>O QGIS não consegue abrir {path} como amostra de exatidão (um GPKG com uma camada de pontos '{layer}', de 'Planejar uma amostra').</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="61"/>
        <source>The design beside {path} ({stem}.design.json) names a class map that no longer exists ({map}): the sample can only be assessed against the map it was drawn from.</source>
        <translation>O plano ao lado de {path} ({stem}.design.json) indica um mapa de classes que não existe mais ({map}): a amostra só pode ser avaliada em relação ao mapa do qual foi sorteada.</translation>
    </message>
    <message>
        <location filename="../accuracy_sample.py" line="61"/>
        <source>The design beside {path} ({stem}.design.json) is missing or names no class map: the sample can only be assessed against the map it was drawn from.</source>
        <translation>O plano ao lado de {path} ({stem}.design.json) está ausente ou não indica um mapa de classes: a amostra só pode ser avaliada em relação ao mapa do qual foi sorteada.</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../action_bar.py" line="101"/>
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="102"/>
        <source>Classify</source>
        <translation>Classificar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="103"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="105"/>
        <source>Pseudo-label</source>
        <translation>Pseudorrotular</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="107"/>
        <source>Needs an engine with a &apos;pseudo-label&apos; command.</source>
        <translation>Requer um motor com o comando 'pseudo-label'.</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="108"/>
        <source>Self-train</source>
        <translation>Autotreinar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="110"/>
        <source>Needs an engine with a &apos;self-train&apos; command.</source>
        <translation>Requer um motor com o comando 'self-train'.</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="111"/>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="112"/>
        <source>Continue the interrupted training from the checkpoint it kept.</source>
        <translation>Continuar o treinamento interrompido a partir do checkpoint salvo.</translation>
    </message>
    <message>
        <location filename="../action_bar.py" line="153"/>
        <source>100%  done in {took}</source>
        <translation>100%  concluído em {took}</translation>
    </message>
</context>
<context>
    <name>AreaAssessment</name>
    <message>
        <location filename="../area_assessment.py" line="102"/>
        <source>Overall accuracy {accuracy} (± SE).</source>
        <translation>Exatidão global {accuracy} (± EP).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="104"/>
        <source>Overall accuracy {accuracy} (± SE), from 1 labelled point ({skipped} without a label skipped).</source>
        <translation>Exatidão global {accuracy} (± EP), a partir de 1 ponto rotulado ({skipped} sem rótulo ignorados).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="104"/>
        <source>Overall accuracy {accuracy} (± SE), from {used} labelled points ({skipped} without a label skipped).</source>
        <translation>Exatidão global {accuracy} (± EP), a partir de {used} pontos rotulados ({skipped} sem rótulo ignorados).</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="109"/>
        <source>Overall accuracy {accuracy} (± SE), from 1 labelled point.</source>
        <translation>Exatidão global {accuracy} (± EP), a partir de 1 ponto rotulado.</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="109"/>
        <source>Overall accuracy {accuracy} (± SE), from {used} labelled points.</source>
        <translation>Exatidão global {accuracy} (± EP), a partir de {used} pontos rotulados.</translation>
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
        <translation>Mapeada
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
        <translation>Exat. usuário
± EP</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="29"/>
        <source>Producer's
acc. ± SE</source>
        <translation>Exat. produtor
± EP</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>The map&apos;s class (a stratum of the sample)</source>
        <translation>A classe do mapa (um estrato da amostra)</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Area mapped as the class (pixel counting)</source>
        <translation>Área mapeada como a classe (contagem de pixels)</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Error-adjusted area estimated from the sample, ± the half-width of its 95% confidence interval</source>
        <translation>Área ajustada pelos erros, estimada a partir da amostra, ± a semiamplitude do seu intervalo de confiança de 95%</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>User's accuracy (how often a pixel mapped as the class is that class) ± its standard error</source>
        <translation>Exatidão do usuário (com que frequência um pixel mapeado como a classe é dessa classe) ± seu erro padrão</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="37"/>
        <source>Producer's accuracy (how much of the class's true area the map finds) ± its standard error</source>
        <translation>Exatidão do produtor (quanto da área real da classe o mapa encontra) ± seu erro padrão</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="60"/>
        <source>No estimate yet: design an accuracy sample of the classified map, label its points, then assess accuracy and areas.</source>
        <translation>Ainda sem estimativa: planeje uma amostra de exatidão do mapa classificado, rotule seus pontos e depois avalie a exatidão e as áreas.</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="141"/>
        <source>Export the estimate as CSV…</source>
        <translation>Exportar a estimativa como CSV…</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="180"/>
        <source>&lt;a href=&quot;{url}&quot;&gt;Open the report&lt;/a&gt; ({name})</source>
        <translation>&lt;a href=&quot;{url}&quot;&gt;Abrir o relatório&lt;/a&gt; ({name})</translation>
    </message>
    <message>
        <location filename="../area_assessment.py" line="192"/>
        <source>Export the area-adjusted estimate</source>
        <translation>Exportar a estimativa ajustada por área</translation>
    </message>
</context>
<context>
    <name>AreaReport</name>
    <message>
        <location filename="../processing/area_report.py" line="42"/>
        <source>error matrix of area proportions</source>
        <translation>matriz de erros em proporções de área</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="45"/>
        <source>landcover accuracy and area report</source>
        <translation>relatório de exatidão e área do landcover</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="46"/>
        <source>Accuracy and area estimation (stratified estimator, Olofsson et al. 2014)</source>
        <translation>Estimativa de exatidão e área (estimador estratificado, Olofsson et al. 2014)</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="47"/>
        <source>Overall accuracy &lt;b&gt;{accuracy}&lt;/b&gt; (± the 95% confidence interval), from {used} labelled sample points ({skipped} without a label skipped).</source>
        <translation>Exatidão global &lt;b&gt;{accuracy}&lt;/b&gt; (± o intervalo de confiança de 95%), a partir de {used} pontos rotulados da amostra ({skipped} sem rótulo ignorados).</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>class</source>
        <translation>classe</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>points</source>
        <translation>pontos</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>user&apos;s accuracy</source>
        <translation>exatidão do usuário</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>producer&apos;s accuracy</source>
        <translation>exatidão do produtor</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="51"/>
        <source>mapped area (ha)</source>
        <translation>área mapeada (ha)</translation>
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
        <translation>A &lt;i&gt;área estimada&lt;/i&gt; corrige a &lt;i&gt;área mapeada&lt;/i&gt; (contagem de pixels) pelos erros do mapa observados na amostra; informe-a com seu intervalo de confiança. Exatidão do usuário: com que frequência um pixel mapeado como a classe é dessa classe; exatidão do produtor: quanto da área real da classe o mapa encontra.</translation>
    </message>
    <message>
        <location filename="../processing/area_report.py" line="60"/>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
</context>
<context>
    <name>AssessAreasAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="143"/>
        <source>Assess accuracy and areas</source>
        <translation>Avaliar exatidão e áreas</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="147"/>
        <source>Class map the sample was drawn from</source>
        <translation>Mapa de classes do qual a amostra foi sorteada</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="149"/>
        <source>Labelled sample points</source>
        <translation>Pontos rotulados da amostra</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="152"/>
        <source>Field with the reference class names</source>
        <translation>Campo com os nomes das classes de referência</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="155"/>
        <source>Report (JSON)</source>
        <translation>Relatório (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="155"/>
        <source>JSON files (*.json)</source>
        <translation>Arquivos JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="158"/>
        <source>Report (HTML)</source>
        <translation>Relatório (HTML)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="158"/>
        <source>HTML files (*.html)</source>
        <translation>Arquivos HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="161"/>
        <source>Overall accuracy (area-adjusted)</source>
        <translation>Exatidão global (ajustada por área)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="163"/>
        <source>Standard error of the overall accuracy</source>
        <translation>Erro padrão da exatidão global</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="165"/>
        <source>Area-adjusted figures (JSON)</source>
        <translation>Valores ajustados por área (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="173"/>
        <source>Choose the class map and the labelled sample points.</source>
        <translation>Escolha o mapa de classes e os pontos rotulados da amostra.</translation>
    </message>
</context>
<context>
    <name>ClassScheme</name>
    <message>
        <location filename="../class_scheme.py" line="102"/>
        <source>The class scheme file {path} is not UTF-8 text: save it with UTF-8 encoding.</source>
        <translation>O arquivo de esquema de classes {path} não é texto UTF-8: salve-o com codificação UTF-8.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="105"/>
        <source>Cannot read the class scheme file {path} ({value}): check that the file exists and is readable.</source>
        <translation>Não é possível ler o arquivo de esquema de classes {path} ({value}): verifique se o arquivo existe e pode ser lido.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="111"/>
        <source>The class scheme file {path} is not valid JSON: {msg} at line {lineno}, column {colno}. Fix the file there (a missing comma, quote or bracket is the usual cause).</source>
        <translation>O arquivo de esquema de classes {path} não é JSON válido: {msg} na linha {lineno}, coluna {colno}. Corrija o arquivo nesse ponto (a causa comum é uma vírgula, aspa ou colchete faltando).</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="118"/>
        <source>an object whose &quot;classes&quot; is {kind}</source>
        <translation>um objeto cujo &quot;classes&quot; é {kind}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="118"/>
        <source>an object without a &quot;classes&quot; key</source>
        <translation>um objeto sem a chave &quot;classes&quot;</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="125"/>
        <source>The class scheme file {path} holds {held}: it must hold a list of {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} objects, or an object whose &quot;classes&quot; key holds that list.</source>
        <translation>O arquivo de esquema de classes {path} contém {held}: ele deve conter uma lista de objetos {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}}, ou um objeto cuja chave &quot;classes&quot; contenha essa lista.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="130"/>
        <source>The class scheme file {path} lists no classes: add a {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} object for each class.</source>
        <translation>O arquivo de esquema de classes {path} não lista nenhuma classe: adicione um objeto {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} para cada classe.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="133"/>
        <source>Entry {number} of the class scheme file {path}</source>
        <translation>A entrada {number} do arquivo de esquema de classes {path}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="136"/>
        <source>the code {code}</source>
        <translation>o código {code}</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="136"/>
        <source>give each class its own code</source>
        <translation>dê a cada classe um código próprio</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="138"/>
        <source>the same name once case and spaces are ignored</source>
        <translation>o mesmo nome quando maiúsculas/minúsculas e espaços são ignorados</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="138"/>
        <source>give each class its own name</source>
        <translation>dê a cada classe um nome próprio</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="222"/>
        <source>The label value {value} is not in the class scheme ({listed}): add it to the scheme or fix the labels.</source>
        <translation>O valor de rótulo {value} não está no esquema de classes ({listed}): adicione-o ao esquema ou corrija os rótulos.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="235"/>
        <source>The label value {value} matches the class &apos;{name}&apos; only when case and surrounding spaces are ignored: use the scheme&apos;s spelling &apos;{name}&apos;.</source>
        <translation>O valor de rótulo {value} só corresponde à classe '{name}' ignorando maiúsculas/minúsculas e espaços ao redor: use a grafia do esquema, '{name}'.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="245"/>
        <source>{where} is {kind}, not a {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}} object: write it as {{&quot;code&quot;: 1, &quot;name&quot;: &quot;water&quot;, &quot;color&quot;: &quot;#0000ff&quot;}}.</source>
        <translation>{where} é {kind}, não um objeto {{&quot;code&quot;, &quot;name&quot;, &quot;color&quot;}}: escreva-a como {{&quot;code&quot;: 1, &quot;name&quot;: &quot;water&quot;, &quot;color&quot;: &quot;#0000ff&quot;}}.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="250"/>
        <source>{where} has no &quot;code&quot;: give it an integer code from 0 to {max_code}.</source>
        <translation>{where} não tem &quot;code&quot;: dê-lhe um código inteiro de 0 a {max_code}.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="254"/>
        <source>{where} has the code {value}: class codes are whole numbers from 0 to {max_code}, written without quotes.</source>
        <translation>{where} tem o código {value}: os códigos de classe são números inteiros de 0 a {max_code}, escritos sem aspas.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="258"/>
        <source>{where} has the code {code}: class codes go from 0 to {max_code} (255 marks nodata in class rasters); pick a code in that range.</source>
        <translation>{where} tem o código {code}: os códigos de classe vão de 0 a {max_code} (255 marca nodata nos rasters de classes); escolha um código nesse intervalo.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="267"/>
        <source>{where} (code {code}) has the name {value}: give the class a name as text.</source>
        <translation>{where} (código {code}) tem o nome {value}: dê à classe um nome em texto.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="275"/>
        <source>{where} ({name}) has the colour {value}: write it as &quot;#rrggbb&quot; or as [r, g, b] with integers from 0 to 255.</source>
        <translation>{where} ({name}) tem a cor {value}: escreva-a como &quot;#rrggbb&quot; ou como [r, g, b] com inteiros de 0 a 255.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>an object</source>
        <translation>um objeto</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>a list</source>
        <translation>uma lista</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="342"/>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="228"/>
        <source>The label values {values} differ only in case or surrounding spaces: use one spelling (the scheme&apos;s &apos;{name}&apos;) for all labels of that class.</source>
        <translation>Os valores de rótulo {values} diferem apenas em maiúsculas/minúsculas ou espaços ao redor: use uma única grafia (a do esquema, '{name}') para todos os rótulos dessa classe.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="228"/>
        <source>The label values {values} differ only in case or surrounding spaces: use one spelling for all labels of that class.</source>
        <translation>Os valores de rótulo {values} diferem apenas em maiúsculas/minúsculas ou espaços ao redor: use uma única grafia para todos os rótulos dessa classe.</translation>
    </message>
    <message>
        <location filename="../class_scheme.py" line="289"/>
        <source>Entries {earlier} and {number} of the class scheme file {path} (&apos;{name}&apos; and &apos;{name2}&apos;) have {what}: {fix}.</source>
        <translation>As entradas {earlier} e {number} do arquivo de esquema de classes {path} ('{name}' e '{name2}') têm {what}: {fix}.</translation>
    </message>
</context>
<context>
    <name>ClassifyAlgorithm</name>
    <message>
        <location filename="../processing/inference.py" line="79"/>
        <source>Classify raster</source>
        <translation>Classificar raster</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="83"/>
        <source>Image raster</source>
        <translation>Raster da imagem</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="84"/>
        <source>Model file(s) (several: an ensemble)</source>
        <translation>Arquivo(s) de modelo (vários: um ensemble)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="86"/>
        <source>Bands (none chosen: the model&apos;s)</source>
        <translation>Bandas (nenhuma escolhida: as do modelo)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="89"/>
        <source>Area to classify (empty: whole raster)</source>
        <translation>Área a classificar (vazio: raster inteiro)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="93"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="94"/>
        <source>Confidence</source>
        <translation>Confiança</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="101"/>
        <source>Uncertainty (where to label next)</source>
        <translation>Incerteza (onde rotular em seguida)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="106"/>
        <source>Polygons</source>
        <translation>Polígonos</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="120"/>
        <source>Choose the image raster.</source>
        <translation>Escolha o raster da imagem.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="126"/>
        <source>The area to classify does not overlap &apos;{name}&apos;.</source>
        <translation>A área a classificar não se sobrepõe a '{name}'.</translation>
    </message>
</context>
<context>
    <name>ClassifyFolderAlgorithm</name>
    <message>
        <location filename="../processing/catalogue.py" line="43"/>
        <source>Scenes classified</source>
        <translation>Cenas classificadas</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="43"/>
        <source>Scenes already complete (skipped)</source>
        <translation>Cenas já concluídas (ignoradas)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="90"/>
        <source>Classify folder of rasters</source>
        <translation>Classificar pasta de rasters</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="94"/>
        <source>Folder of images</source>
        <translation>Pasta de imagens</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="96"/>
        <source>Model file(s) (several: an ensemble)</source>
        <translation>Arquivo(s) de modelo (vários: um ensemble)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="99"/>
        <source>Output folder</source>
        <translation>Pasta de saída</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="101"/>
        <source>Class areas per scene</source>
        <translation>Áreas das classes por cena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="104"/>
        <source>Open the class rasters (one layer per scene)</source>
        <translation>Abrir os rasters de classes (uma camada por cena)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="107"/>
        <source>Leave off for many scenes: the table of class areas is always opened.</source>
        <translation>Deixe desmarcado para muitas cenas: a tabela de áreas das classes é sempre aberta.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="110"/>
        <source>Class rasters</source>
        <translation>Rasters de classes</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="112"/>
        <source>Scenes that failed</source>
        <translation>Cenas com falha</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="120"/>
        <source>Choose an existing folder of images.</source>
        <translation>Escolha uma pasta de imagens existente.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="153"/>
        <source>class areas per scene</source>
        <translation>áreas das classes por cena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="159"/>
        <source>class areas</source>
        <translation>áreas das classes</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="162"/>
        <source>The engine&apos;s table of class areas {footprints} cannot be read.</source>
        <translation>Não é possível ler a tabela de áreas das classes do motor {footprints}.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="170"/>
        <source>Cannot create the table of class areas.</source>
        <translation>Não é possível criar a tabela de áreas das classes.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../command_line.py" line="45"/>
        <source>This engine{version} has no option '{dest}' for 'landcover {command}'. Install the engine that comes with the plugin: 'Set up engine…' → 'Install engine'.</source>
        <translation>Este motor{version} não tem a opção '{dest}' para 'landcover {command}'. Instale o motor que acompanha o complemento: 'Configurar motor…' → 'Instalar motor'.</translation>
    </message>
    <message>
        <location filename="../command_line.py" line="71"/>
        <source>The engine&apos;s option {flag} takes one value, not {count}.</source>
        <translation>A opção {flag} do motor recebe um valor, não {count}.</translation>
    </message>
</context>
<context>
    <name>DesignSampleAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="77"/>
        <source>Design a sample</source>
        <translation>Planejar uma amostra</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="81"/>
        <source>Class map to assess</source>
        <translation>Mapa de classes a avaliar</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="83"/>
        <source>Area of interest (only the map inside is sampled)</source>
        <translation>Área de interesse (só o mapa dentro dela é amostrado)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="92"/>
        <source>Sample points (GeoPackage)</source>
        <translation>Pontos da amostra (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="94"/>
        <source>Sample design (JSON)</source>
        <translation>Plano amostral (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="95"/>
        <source>Number of sample points</source>
        <translation>Número de pontos da amostra</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="102"/>
        <source>Save the sample points as a GeoPackage (.gpkg), not {name}.</source>
        <translation>Salve os pontos da amostra como GeoPackage (.gpkg), não {name}.</translation>
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
        <translation>Tamanho do lote</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Tile size</source>
        <translation>Tamanho do bloco</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Tiles per epoch</source>
        <translation>Blocos por época</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Learning rate</source>
        <translation>Taxa de aprendizado</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="86"/>
        <source>Rare-class sampling</source>
        <translation>Amostragem de classes raras</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="101"/>
        <source>The landcover engine has not been checked yet, so its options are unknown: use 'Set up engine…' to choose or install it.</source>
        <translation>O motor landcover ainda não foi verificado, então suas opções são desconhecidas: use 'Configurar motor…' para escolhê-lo ou instalá-lo.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="147"/>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="273"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="150"/>
        <source>Classify</source>
        <translation>Classificar</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="158"/>
        <source>Image</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="164"/>
        <source>Bands fed to the model (passed as --bands).</source>
        <translation>Bandas passadas ao modelo (como --bands).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="169"/>
        <source>Raster layer</source>
        <translation>Camada raster</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="170"/>
        <source>Bands</source>
        <translation>Bandas</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="171"/>
        <source>Histogram reference</source>
        <translation>Referência de histograma</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="176"/>
        <source>Labels and classes</source>
        <translation>Rótulos e classes</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="178"/>
        <source>Polygon layer + class field</source>
        <translation>Camada de polígonos + campo de classe</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="213"/>
        <source>Label raster</source>
        <translation>Raster de rótulos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="185"/>
        <source>Selected features only</source>
        <translation>Somente feições selecionadas</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="194"/>
        <source>Load scheme…</source>
        <translation>Carregar esquema…</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="195"/>
        <source>A JSON list of {code, name, color}: names and colours for the class values of the labels (e.g. the scene_classes.json of the demo).</source>
        <translation>Uma lista JSON de {code, name, color}: nomes e cores para os valores de classe dos rótulos (p. ex. o scene_classes.json da demonstração).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="206"/>
        <source>Reference for the evaluation table after classifying (a class raster, or polygons with the same class field).</source>
        <translation>Referência para a tabela de avaliação após classificar (um raster de classes, ou polígonos com o mesmo campo de classe).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="209"/>
        <source>Labels from</source>
        <translation>Origem dos rótulos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="210"/>
        <source>Label layer</source>
        <translation>Camada de rótulos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="211"/>
        <source>Class field</source>
        <translation>Campo de classe</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="214"/>
        <source>Class scheme</source>
        <translation>Esquema de classes</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="217"/>
        <source>Evaluate against</source>
        <translation>Avaliar com</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="229"/>
        <source>Outputs</source>
        <translation>Saídas</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="233"/>
        <source>Where models, classifications and pseudo-labels are written (remembered in the project).</source>
        <translation>Onde modelos, classificações e pseudorrótulos são gravados (lembrado no projeto).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="236"/>
        <source>Output folder</source>
        <translation>Pasta de saída</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="242"/>
        <source>choose a folder (asked at the first run)</source>
        <translation>escolha uma pasta (perguntado na primeira execução)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="248"/>
        <source>New model</source>
        <translation>Novo modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="248"/>
        <source>Existing model file(s)</source>
        <translation>Arquivo(s) de modelo existente(s)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="252"/>
        <source>A starting point for the settings below; changing one of them makes it &apos;Custom&apos;.</source>
        <translation>Um ponto de partida para as configurações abaixo; alterar uma delas o torna 'Personalizado'.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="259"/>
        <source>Weights (*.pt *.pth)</source>
        <translation>Pesos (*.pt *.pth)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="264"/>
        <source>landcover models (*.pt)</source>
        <translation>Modelos landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="265"/>
        <source>One model to apply or fine-tune; several models are applied as an ensemble.</source>
        <translation>Um modelo para aplicar ou para ajuste fino; vários modelos são aplicados como um ensemble.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="267"/>
        <source>Train fine-tunes the (first) model file</source>
        <translation>Treinar ajusta o (primeiro) arquivo de modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="270"/>
        <source>landcover model (*.pt)</source>
        <translation>Modelo landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="271"/>
        <source>image_architecture_time.pt in the output folder</source>
        <translation>image_architecture_time.pt na pasta de saída</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="274"/>
        <source>Preset</source>
        <translation>Predefinição</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="275"/>
        <source>Architecture</source>
        <translation>Arquitetura</translation>
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
        <translation>Arquivo de pesos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="279"/>
        <source>Model file(s)</source>
        <translation>Arquivo(s) de modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="284"/>
        <source>Save model as</source>
        <translation>Salvar modelo como</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="288"/>
        <source>Advanced training settings</source>
        <translation>Opções avançadas de treino</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="310"/>
        <source>Classification</source>
        <translation>Classificação</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="312"/>
        <source>Current map view</source>
        <translation>Vista atual do mapa</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="312"/>
        <source>Whole layer</source>
        <translation>Camada inteira</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="318"/>
        <source>Also make polygons</source>
        <translation>Gerar também polígonos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="320"/>
        <source>Also make a confidence raster</source>
        <translation>Gerar também raster de confiança</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="324"/>
        <source>Also make an uncertainty raster</source>
        <translation>Gerar também raster de incerteza</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="325"/>
        <source>Bright where the model hesitates: where to draw new labels next.</source>
        <translation>Claro onde o modelo hesita: onde desenhar novos rótulos em seguida.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="327"/>
        <source>Match histograms to the model&apos;s reference</source>
        <translation>Ajustar histogramas ao modelo</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="332"/>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="336"/>
        <source>Test-time augmentation</source>
        <translation>Aumento no teste (TTA)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="382"/>
        <source>Load a class scheme</source>
        <translation>Carregar um esquema de classes</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="382"/>
        <source>Class schemes (*.json);;All files (*)</source>
        <translation>Esquemas de classes (*.json);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="447"/>
        <source>{count} classes (found beside the labels): {classes}.</source>
        <translation>{count} classes (encontradas ao lado dos rótulos): {classes}.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="447"/>
        <source>{count} classes: {classes}.</source>
        <translation>{count} classes: {classes}.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="451"/>
        <source>The class field holds numbers: without a scheme they are named &apos;class N&apos;. Load a scheme to give them names and colours.</source>
        <translation>O campo de classe contém números: sem um esquema eles são chamados 'class N'. Carregue um esquema para dar-lhes nomes e cores.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="481"/>
        <source>Choose an output folder for the results (under &apos;Outputs&apos;).</source>
        <translation>Escolha uma pasta de saída para os resultados (em 'Saídas').</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="491"/>
        <source>{name} (scheme file)</source>
        <translation>{name} (arquivo de esquema)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="494"/>
        <source>From label values</source>
        <translation>Dos valores dos rótulos</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="497"/>
        <source>From the loaded model</source>
        <translation>Do modelo carregado</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="502"/>
        <source>file…</source>
        <translation>arquivo…</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="519"/>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="599"/>
        <source>Not available: this engine&apos;s &apos;landcover train&apos; has no &apos;{option}&apos; option.</source>
        <translation>Indisponível: o 'landcover train' deste motor não tem a opção '{option}'.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="616"/>
        <source>Not available: this engine&apos;s &apos;landcover predict&apos; has no such option.</source>
        <translation>Indisponível: o 'landcover predict' deste motor não tem essa opção.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="629"/>
        <source>The model carries a histogram reference ({source}); uncheck the box above to feed the image as it is.</source>
        <translation>O modelo traz uma referência de histograma ({source}); desmarque a caixa acima para usar a imagem como está.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="637"/>
        <source>The model carries no histogram reference: images are used as they are.</source>
        <translation>O modelo não traz referência de histograma: as imagens são usadas como estão.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="668"/>
        <source>Choose the image raster layer first.</source>
        <translation>Escolha primeiro a camada raster da imagem.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="675"/>
        <source>Check at least one band of the image.</source>
        <translation>Marque ao menos uma banda da imagem.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="686"/>
        <source>Choose the label layer (polygons with a class field).</source>
        <translation>Escolha a camada de rótulos (polígonos com um campo de classe).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="688"/>
        <source>Choose the field of &apos;{name}&apos; that holds the class of each polygon.</source>
        <translation>Escolha o campo de '{name}' que contém a classe de cada polígono.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="696"/>
        <source>Choose the label raster (class codes, 0/nodata = unlabeled).</source>
        <translation>Escolha o raster de rótulos (códigos de classe, 0/nodata = não rotulado).</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="705"/>
        <source>Model file not found: {missing}</source>
        <translation>Arquivo de modelo não encontrado: {missing}</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="723"/>
        <source>Choose an existing weights file, or one of the engine&apos;s weight presets.</source>
        <translation>Escolha um arquivo de pesos existente ou uma das predefinições de pesos do motor.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="753"/>
        <source>To train from existing model files, pick a model and check 'Train fine-tunes the (first) model file' — or choose 'New model'.</source>
        <translation>Para treinar a partir de arquivos de modelo existentes, escolha um modelo e marque 'Treinar ajusta o (primeiro) arquivo de modelo' — ou escolha 'Novo modelo'.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="759"/>
        <source>&apos;From the loaded model&apos; needs an existing model file to fine-tune.</source>
        <translation>'Do modelo carregado' requer um arquivo de modelo existente para ajuste fino.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="765"/>
        <source>The labels do not match the class scheme {name}: {problems}</source>
        <translation>Os rótulos não correspondem ao esquema de classes {name}: {problems}</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="824"/>
        <source>The evaluation layer &apos;{name}&apos; needs the class field &apos;{field}&apos; of the label layer.</source>
        <translation>A camada de avaliação '{name}' precisa do campo de classe '{field}' da camada de rótulos.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="824"/>
        <source>(none chosen)</source>
        <translation>(nenhuma escolhida)</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="848"/>
        <source>Check at least one unlabeled layer for self-training.</source>
        <translation>Marque ao menos uma camada não rotulada para o autotreino.</translation>
    </message>
    <message>
        <location filename="../dock_form.py" line="329"/>
        <source>Read at the model&apos;s ground resolution</source>
        <translation>Ler na resolução do modelo</translation>
    </message>
</context>
<context>
    <name>EngineAlgorithm</name>
    <message>
        <location filename="../processing/accuracy.py" line="61"/>
        <source>Draws a stratified random sample of a class map for accuracy assessment and area estimation (Olofsson et al. 2014): the map&apos;s classes are the strata, the sample size follows from the target standard error of overall accuracy and the expected user&apos;s accuracies, shared in proportion to the classes&apos; areas with a minimum per class. Writes a point GeoPackage with &apos;stratum&apos; and an empty &apos;reference&apos; field (offering the map&apos;s class names) to label, and the design beside it. Label the points, then run &apos;Assess accuracy and areas&apos;.</source>
        <translation>Sorteia uma amostra aleatória estratificada de um mapa de classes para avaliação de exatidão e estimativa de área (Olofsson et al. 2014): as classes do mapa são os estratos, o tamanho da amostra decorre do erro padrão alvo da exatidão global e das exatidões do usuário esperadas, repartido em proporção às áreas das classes com um mínimo por classe. Grava um GeoPackage de pontos com o campo 'stratum' e um campo 'reference' vazio (que oferece os nomes das classes do mapa) para rotular, e o plano amostral ao lado. Rotule os pontos e depois execute 'Avaliar exatidão e áreas'.</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="128"/>
        <source>Estimates the accuracy of a class map and its classes&apos; areas from a labelled stratified sample (from &apos;Design a sample&apos;), as good practice asks (Olofsson et al. 2014): overall, user&apos;s and producer&apos;s accuracies with standard errors, and for each class its mapped area and its error-adjusted area in hectares with a 95% confidence interval. Points without a label are skipped. Writes the engine&apos;s JSON report and an HTML report; returns the area-adjusted figures as JSON.</source>
        <translation>Estima a exatidão de um mapa de classes e as áreas de suas classes a partir de uma amostra estratificada rotulada (de 'Planejar uma amostra'), como recomendam as boas práticas (Olofsson et al. 2014): exatidão global, do usuário e do produtor com erros padrão e, para cada classe, sua área mapeada e sua área ajustada pelos erros em hectares com intervalo de confiança de 95%. Pontos sem rótulo são ignorados. Grava o relatório JSON do motor e um relatório HTML; retorna os valores ajustados por área como JSON.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="35"/>
        <source>The landcover engine is not set up, or could not describe its options. In QGIS: open the landcover panel, use 'Set up engine…' (create the managed environment, then install the engine) and reopen this algorithm. For qgis_process: set the LANDCOVER_PYTHON environment variable to a Python that has the engine (landcover_core) installed.</source>
        <translation>O motor landcover não está configurado ou não conseguiu descrever suas opções. No QGIS: abra o painel landcover, use 'Configurar motor…' (crie o ambiente gerenciado e depois instale o motor) e reabra este algoritmo. Para qgis_process: defina a variável de ambiente LANDCOVER_PYTHON com um Python que tenha o motor (landcover_core) instalado.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="115"/>
        <source>Land cover</source>
        <translation>Cobertura do solo</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="209"/>
        <source>{name} takes raster layers only.</source>
        <translation>{name} aceita somente camadas raster.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="232"/>
        <source>{name} is not a choice parameter of this algorithm.</source>
        <translation>{name} não é um parâmetro de escolha deste algoritmo.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="253"/>
        <source>{problem}
Engine Python tried: {python}</source>
        <translation>{problem}
Python do motor tentado: {python}</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="256"/>
        <source>The configured landcover engine ({version}) has no '{command}' command: install the engine that comes with the plugin ('Set up engine…' → 'Install engine' in the landcover panel).</source>
        <translation>O motor landcover configurado ({version}) não tem o comando '{command}': instale o motor que acompanha o complemento ('Configurar motor…' → 'Instalar motor' no painel landcover).</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="291"/>
        <source>Checking the model file(s) with the engine…</source>
        <translation>Verificando o(s) arquivo(s) de modelo com o motor…</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="306"/>
        <source>Invalid raster layer for {name}.</source>
        <translation>Camada raster inválida para {name}.</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="74"/>
        <source>Classifies every raster of a folder with a landcover model file, or several (an ensemble), one scene per task on parallel workers (a local Dask cluster, or an existing one). Writes NAME.classes.tif per scene (and optionally confidence, uncertainty and polygons) into the output folder, and a table of class areas per scene (hectares, shares) with each scene&apos;s footprint. A scene that fails is reported and the others go on; running again into the same folder skips the scenes already complete.</source>
        <translation>Classifica cada raster de uma pasta com um arquivo de modelo landcover, ou vários (um ensemble), uma cena por tarefa em workers paralelos (um cluster Dask local, ou um existente). Grava NAME.classes.tif por cena (e, opcionalmente, confiança, incerteza e polígonos) na pasta de saída, e uma tabela de áreas das classes por cena (hectares, proporções) com a área de abrangência de cada cena. Uma cena que falha é relatada e as demais continuam; executar de novo na mesma pasta ignora as cenas já concluídas.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="68"/>
        <source>Assesses a class raster — or the prediction of model file(s) on an image — against reference data: a raster of class codes, or polygons with a class field. Writes a per-class table layer, the engine's JSON report and an HTML report (confusion matrix and per-class figures) shown in the Processing results viewer.</source>
        <translation>Avalia um raster de classes — ou a predição de arquivo(s) de modelo sobre uma imagem — em relação a dados de referência: um raster de códigos de classe, ou polígonos com um campo de classe. Grava uma camada de tabela por classe, o relatório JSON do motor e um relatório HTML (matriz de confusão e valores por classe) exibido no visualizador de resultados do Processamento.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="65"/>
        <source>Classifies a raster with a landcover model file, or several (an ensemble: probabilities are averaged). Writes a class GeoTIFF (pixel values are class codes, styled with the class colours), optionally a confidence raster, an uncertainty raster (where to label next) and polygons. Tiles overlap to avoid seams; test-time augmentation and histogram matching are the engine&apos;s options.</source>
        <translation>Classifica um raster com um arquivo de modelo landcover, ou vários (um ensemble: as probabilidades são promediadas). Grava um GeoTIFF de classes (valores de pixel são códigos de classe, estilizado com as cores das classes) e, opcionalmente, um raster de confiança, um raster de incerteza (onde rotular em seguida) e polígonos. Os blocos se sobrepõem para evitar emendas; o aumento no teste (TTA) e o ajuste de histograma são opções do motor.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="180"/>
        <source>Turns a landcover class raster into polygons with class_id, class_name and area.</source>
        <translation>Converte um raster de classes landcover em polígonos com class_id, class_name e área.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="226"/>
        <source>Matches the histogram of each chosen band of a raster to the matching band of a reference raster (keeps the data type, georeferencing and nodata), e.g. to bring a new scene close to the one a model was trained on. Optionally plots each band&apos;s histograms before and after.</source>
        <translation>Ajusta o histograma de cada banda escolhida de um raster à banda correspondente de um raster de referência (mantém o tipo de dado, o georreferenciamento e o nodata), p. ex. para aproximar uma nova cena daquela em que um modelo foi treinado. Opcionalmente, plota os histogramas de cada banda antes e depois.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="199"/>
        <source>Trains a DeepLabV3 model from an image and sparse labels (polygons, points or lines with a class field; &apos;Selected features only&apos; is honoured) in the landcover engine, and saves it as a .pt model file. With a reference raster, every image is histogram-matched to it and the reference travels in the model, so Classify matches new images to it too.</source>
        <translation>Treina um modelo DeepLabV3 a partir de uma imagem e rótulos esparsos (polígonos, pontos ou linhas com um campo de classe; 'Somente feições selecionadas' é respeitado) no motor landcover e o salva como arquivo de modelo .pt. Com um raster de referência, cada imagem tem o histograma ajustado a ele e a referência vai junto no modelo, para que Classificar ajuste também as novas imagens a ela.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="271"/>
        <source>Fine-tunes an existing landcover model on an image and labelled features of its classes (a class name it does not know is refused) and saves the result as a new model file.</source>
        <translation>Faz o ajuste fino de um modelo landcover existente com uma imagem e feições rotuladas de suas classes (um nome de classe que ele não conhece é recusado) e salva o resultado como um novo arquivo de modelo.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="315"/>
        <source>Self-training: trains on the labelled image, pseudo-labels the unlabeled scenes with the confident predictions, and trains again, for several rounds. The log reports each round&apos;s validation mIoU.</source>
        <translation>Autotreino: treina na imagem rotulada, pseudorrotula as cenas não rotuladas com as predições confiáveis e treina de novo, por várias rodadas. O log informa o mIoU de validação de cada rodada.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="356"/>
        <source>Classifies unlabeled scenes with one model or an ensemble and keeps only the pixels predicted with at least the threshold confidence, as label rasters (one per scene) for further training.</source>
        <translation>Classifica cenas não rotuladas com um modelo ou um ensemble e mantém só os pixels preditos com confiança de pelo menos o limiar, como rasters de rótulos (um por cena) para treinamento posterior.</translation>
    </message>
</context>
<context>
    <name>EngineCheck</name>
    <message>
        <location filename="../engine_check.py" line="71"/>
        <source>Engine not available.</source>
        <translation>Motor indisponível.</translation>
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
        <translation>Verificando o motor landcover</translation>
    </message>
</context>
<context>
    <name>EngineCommands</name>
    <message>
        <location filename="../engine_commands.py" line="52"/>
        <source>Choose a model file (train one first, or pick existing model files).</source>
        <translation>Escolha um arquivo de modelo (treine um primeiro, ou escolha arquivos de modelo existentes).</translation>
    </message>
</context>
<context>
    <name>EngineOption</name>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Target standard error of the overall accuracy</source>
        <translation>Erro padrão alvo da exatidão global</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Expected user&apos;s accuracy per class (e.g. forest=0.9,water=0.95; others 0.8)</source>
        <translation>Exatidão do usuário esperada por classe (p. ex. forest=0.9,water=0.95; demais 0.8)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Least points per class</source>
        <translation>Mínimo de pontos por classe</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Sample size (empty: from the target standard error)</source>
        <translation>Tamanho da amostra (vazio: a partir do erro padrão alvo)</translation>
    </message>
    <message>
        <location filename="../processing/accuracy.py" line="47"/>
        <source>Random seed (the same seed gives the same points)</source>
        <translation>Semente aleatória (a mesma semente gera os mesmos pontos)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>File name patterns of the images (comma-separated)</source>
        <translation>Padrões de nome de arquivo das imagens (separados por vírgula)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write a confidence raster per scene</source>
        <translation>Gravar também um raster de confiança por cena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write an uncertainty raster per scene</source>
        <translation>Gravar também um raster de incerteza por cena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Also write polygons per scene</source>
        <translation>Gravar também polígonos por cena</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Workers (empty: sized to this machine)</source>
        <translation>Workers (vazio: dimensionado para esta máquina)</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>CPU threads per worker</source>
        <translation>Threads de CPU por worker</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Retries of a failed scene</source>
        <translation>Novas tentativas de uma cena com falha</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Classify again the scenes a previous run completed</source>
        <translation>Classificar de novo as cenas concluídas por uma execução anterior</translation>
    </message>
    <message>
        <location filename="../processing/catalogue.py" line="51"/>
        <source>Dask scheduler address (empty: a local cluster)</source>
        <translation>Endereço do agendador Dask (vazio: um cluster local)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Tile size when predicting (pixels; empty: the model&apos;s)</source>
        <translation>Tamanho do bloco na predição (pixels; vazio: o do modelo)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Tile overlap when predicting (pixels)</source>
        <translation>Sobreposição dos blocos na predição (pixels)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Test-time augmentation when predicting</source>
        <translation>Aumento no teste (TTA) na predição</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="55"/>
        <source>Match the image to the model&apos;s histogram reference</source>
        <translation>Ajustar a imagem à referência de histograma do modelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Compute device</source>
        <translation>Dispositivo de cálculo</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="32"/>
        <source>Minimum polygon area (map units²)</source>
        <translation>Área mínima do polígono (unidades do mapa²)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="32"/>
        <source>Polygon simplification tolerance (map units)</source>
        <translation>Tolerância de simplificação dos polígonos (unidades do mapa)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tile size (pixels; empty: the model&apos;s)</source>
        <translation>Tamanho do bloco (pixels; vazio: o do modelo)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tile overlap (pixels; empty: half a tile)</source>
        <translation>Sobreposição dos blocos (pixels; vazio: meio bloco)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Test-time augmentation</source>
        <translation>Aumento no teste (TTA)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Ensemble weights (one per model)</source>
        <translation>Pesos do ensemble (um por modelo)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Match the image to the model&apos;s histogram reference (if it has one)</source>
        <translation>Ajustar a imagem à referência de histograma do modelo (se houver)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Tiles per forward pass</source>
        <translation>Blocos por passagem direta</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Inference backend</source>
        <translation>Backend de inferência</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Decoder (plus: sharper edges, roads and buildings)</source>
        <translation>Decodificador (plus: bordas, estradas e edificações mais nítidas)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Batch size</source>
        <translation>Tamanho do lote</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Tile size (pixels)</source>
        <translation>Tamanho do bloco (pixels)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Learning rate</source>
        <translation>Taxa de aprendizado</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Training tiles per epoch</source>
        <translation>Blocos de treinamento por época</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Class-aware sampling (0 = label proportions, 1 = equal)</source>
        <translation>Amostragem por classe (0 = proporções dos rótulos, 1 = igual)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Class weights of the loss</source>
        <translation>Pesos das classes na função de perda</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Photometric augmentation</source>
        <translation>Aumento fotométrico</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Validation share</source>
        <translation>Proporção de validação</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Validation split (whole scenes or blocks of every scene)</source>
        <translation>Divisão de validação (cenas inteiras ou trechos de cada cena)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Early-stopping patience (epochs)</source>
        <translation>Paciência da parada antecipada (épocas)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Random seed</source>
        <translation>Semente aleatória</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Arithmetic (auto: mixed precision on GPUs)</source>
        <translation>Aritmética (auto: precisão mista em GPUs)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Tile-loading processes (empty: automatic)</source>
        <translation>Processos de carga de blocos (vazio: automático)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Dropout rate of the head</source>
        <translation>Taxa de dropout da cabeça</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="66"/>
        <source>Moving average of the weights (decay per step, 0 = off)</source>
        <translation>Média móvel dos pesos (decaimento por passo, 0 = desligada)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="40"/>
        <source>Resampling (model: read the raster at the model&apos;s ground resolution)</source>
        <translation>Reamostragem (model: ler o raster na resolução espacial do modelo)</translation>
    </message>
</context>
<context>
    <name>EngineRunner</name>
    <message>
        <location filename="../engine_runner.py" line="145"/>
        <source>The program '{program}' cannot be started ({problem}). Use 'Set up engine…' in the landcover panel to choose or install the engine Python.</source>
        <translation>Não é possível iniciar o programa '{program}' ({problem}). Use 'Configurar motor…' no painel landcover para escolher ou instalar o Python do motor.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="185"/>
        <source>was killed by signal {signal}</source>
        <translation>foi encerrado pelo sinal {signal}</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="186"/>
        <source>exited with code {exit_code}</source>
        <translation>terminou com o código {exit_code}</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="359"/>
        <source>landcover {command} was cancelled.</source>
        <translation>landcover {command} foi cancelado.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="359"/>
        <source>landcover {command} was cancelled and {exit}.</source>
        <translation>landcover {command} foi cancelado e {exit}.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="368"/>
        <source>landcover {command} ended without reporting a result.</source>
        <translation>landcover {command} terminou sem informar um resultado.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="371"/>
        <source>The landcover engine {exit} while running &apos;{command}&apos;.</source>
        <translation>O motor landcover {exit} ao executar '{command}'.</translation>
    </message>
    <message>
        <location filename="../engine_runner.py" line="373"/>
        <source>
Last output:
{details}</source>
        <translation>
Última saída:
{details}</translation>
    </message>
</context>
<context>
    <name>EngineSchema</name>
    <message>
        <location filename="../engine_schema.py" line="182"/>
        <source>The engine did not describe itself as a landcover-schema.</source>
        <translation>O motor não se descreveu como um landcover-schema.</translation>
    </message>
    <message>
        <location filename="../engine_schema.py" line="239"/>
        <source>This engine cannot describe itself ({problem}). Install the engine that comes with the plugin: 'Set up engine…' → 'Install engine'.</source>
        <translation>Este motor não consegue se descrever ({problem}). Instale o motor que acompanha o complemento: 'Configurar motor…' → 'Instalar motor'.</translation>
    </message>
</context>
<context>
    <name>EngineSetup</name>
    <message>
        <location filename="../engine_setup.py" line="45"/>
        <source>No NVIDIA GPU was found on this machine: the CUDA build of torch is about 1.6 GB more to download and the engine would still run on the CPU here. Choose &apos;CPU only&apos; unless the environment is meant for a GPU this machine does not show.</source>
        <translation>Nenhuma GPU NVIDIA foi encontrada nesta máquina: a versão CUDA do torch exige cerca de 1,6 GB a mais de download e o motor ainda rodaria na CPU aqui. Escolha 'Somente CPU', a menos que o ambiente se destine a uma GPU que esta máquina não mostra.</translation>
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
        <translation>Criar ambiente gerenciado</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="72"/>
        <source>Install engine</source>
        <translation>Instalar motor</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="74"/>
        <source>No engine source found next to the plugin.</source>
        <translation>Nenhum código-fonte do motor encontrado junto ao complemento.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="77"/>
        <source>Check</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="78"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="79"/>
        <source>Stops the running command; a half-built managed environment is removed.</source>
        <translation>Interrompe o comando em execução; um ambiente gerenciado incompleto é removido.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="94"/>
        <source>torch build to install:</source>
        <translation>Versão do torch a instalar:</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="123"/>
        <source>Current engine Python ({origin}): {python}</source>
        <translation>Python atual do motor ({origin}): {python}</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="127"/>
        <source>An NVIDIA GPU was found.</source>
        <translation>Uma GPU NVIDIA foi encontrada.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="127"/>
        <source>No NVIDIA GPU found: the CPU-only build is smaller.</source>
        <translation>Nenhuma GPU NVIDIA encontrada: a versão somente CPU é menor.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="140"/>
        <source>Engine Python set to {python}</source>
        <translation>Python do motor definido como {python}</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="148"/>
        <source>No system Python found to create the environment with.</source>
        <translation>Nenhum Python do sistema encontrado para criar o ambiente.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="204"/>
        <source>Busy: wait for the running command.</source>
        <translation>Ocupado: aguarde o comando em execução.</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="207"/>
        <source>landcover: setting up the engine</source>
        <translation>landcover: configurando o motor</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="221"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../setup_dialog.py" line="231"/>
        <source>Done.</source>
        <translation>Concluído.</translation>
    </message>
</context>
<context>
    <name>EngineTask</name>
    <message>
        <location filename="../tasks.py" line="100"/>
        <source>landcover {command} was cancelled.</source>
        <translation>landcover {command} foi cancelado.</translation>
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
        <translation>Exatidão global</translation>
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
        <translation>Avaliar exatidão</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="86"/>
        <source>Class raster to assess</source>
        <translation>Raster de classes a avaliar</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="88"/>
        <source>…or model file(s) to predict with</source>
        <translation>…ou arquivo(s) de modelo para a predição</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="90"/>
        <source>…on this image raster</source>
        <translation>…sobre este raster de imagem</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="92"/>
        <source>Reference raster (class codes)</source>
        <translation>Raster de referência (códigos de classe)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="95"/>
        <source>…or reference polygons</source>
        <translation>…ou polígonos de referência</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="98"/>
        <source>Class field of the reference polygons</source>
        <translation>Campo de classe dos polígonos de referência</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="101"/>
        <source>Class scheme of the reference raster (JSON; default: its tags, or the scheme JSON found beside it)</source>
        <translation>Esquema de classes do raster de referência (JSON; padrão: suas tags ou o JSON de esquema encontrado ao lado dele)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="106"/>
        <source>Per-class accuracy</source>
        <translation>Exatidão por classe</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="108"/>
        <source>Report (JSON)</source>
        <translation>Relatório (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="108"/>
        <source>JSON files (*.json)</source>
        <translation>Arquivos JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="111"/>
        <source>Report (HTML)</source>
        <translation>Relatório (HTML)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="111"/>
        <source>HTML files (*.html)</source>
        <translation>Arquivos HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="123"/>
        <source>Choose either a class raster to assess, or model file(s) and an image to predict.</source>
        <translation>Escolha um raster de classes a avaliar ou arquivo(s) de modelo e uma imagem para a predição.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="126"/>
        <source>Choose the image raster the model file(s) should classify.</source>
        <translation>Escolha o raster de imagem que o(s) arquivo(s) de modelo deve(m) classificar.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="131"/>
        <source>Choose one reference: a raster of class codes, or polygons with a class field.</source>
        <translation>Escolha uma referência: um raster de códigos de classe ou polígonos com um campo de classe.</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="185"/>
        <source>accuracy per class</source>
        <translation>exatidão por classe</translation>
    </message>
    <message>
        <location filename="../processing/evaluation.py" line="198"/>
        <source>Cannot create the per-class table.</source>
        <translation>Não é possível criar a tabela por classe.</translation>
    </message>
</context>
<context>
    <name>EvaluateRequest</name>
    <message>
        <location filename="../engine_commands.py" line="280"/>
        <source>Evaluating</source>
        <translation>Avaliando</translation>
    </message>
</context>
<context>
    <name>EvaluationReport</name>
    <message>
        <location filename="../processing/report.py" line="41"/>
        <source>confusion matrix</source>
        <translation>matriz de confusão</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="44"/>
        <source>landcover accuracy report</source>
        <translation>relatório de exatidão landcover</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="45"/>
        <source>Overall accuracy &lt;b&gt;{accuracy}&lt;/b&gt;, mIoU &lt;b&gt;{miou}&lt;/b&gt;, kappa &lt;b&gt;{kappa}&lt;/b&gt;, {pixels} reference pixels.</source>
        <translation>Exatidão global &lt;b&gt;{accuracy}&lt;/b&gt;, mIoU &lt;b&gt;{miou}&lt;/b&gt;, kappa &lt;b&gt;{kappa}&lt;/b&gt;, {pixels} pixels de referência.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="49"/>
        <source>Per class</source>
        <translation>Por classe</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="50"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="50"/>
        <source>class</source>
        <translation>classe</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="51"/>
        <source>Confusion matrix (rows: reference, columns: prediction)</source>
        <translation>Matriz de confusão (linhas: referência, colunas: predição)</translation>
    </message>
</context>
<context>
    <name>FeedbackListener</name>
    <message>
        <location filename="../processing/base.py" line="79"/>
        <source>never predicted on validation although labelled there (IoU 0): {classes}</source>
        <translation>nunca preditas na validação, embora rotuladas lá (IoU 0): {classes}</translation>
    </message>
</context>
<context>
    <name>FineTuneAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="283"/>
        <source>Fine-tune land-cover model</source>
        <translation>Ajuste fino do modelo de cobertura do solo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="287"/>
        <source>Model file to start from</source>
        <translation>Arquivo de modelo de partida</translation>
    </message>
</context>
<context>
    <name>HistogramMatchAlgorithm</name>
    <message>
        <location filename="../processing/inference.py" line="239"/>
        <source>Histogram match</source>
        <translation>Correspondência de histogramas</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="243"/>
        <source>Raster to adjust</source>
        <translation>Raster a ajustar</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="245"/>
        <source>Reference raster</source>
        <translation>Raster de referência</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="247"/>
        <source>Bands to match (none chosen: all but alpha)</source>
        <translation>Bandas a corresponder (nenhuma escolhida: todas exceto alfa)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="250"/>
        <source>Reference bands, one per matched band</source>
        <translation>Bandas de referência, uma por banda correspondida</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="253"/>
        <source>Matched raster</source>
        <translation>Raster ajustado</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="255"/>
        <source>Histogram plot</source>
        <translation>Gráfico de histograma</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="255"/>
        <source>PNG files (*.png)</source>
        <translation>Arquivos PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="265"/>
        <source>Choose the raster to adjust and the reference raster.</source>
        <translation>Escolha o raster a ajustar e o raster de referência.</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="270"/>
        <source>Choose one reference band per matched band: {count} band(s) to match, {references} reference band(s).</source>
        <translation>Escolha uma banda de referência por banda correspondida: {count} banda(s) a corresponder, {references} banda(s) de referência.</translation>
    </message>
</context>
<context>
    <name>HistogramMatchRequest</name>
    <message>
        <location filename="../engine_commands.py" line="321"/>
        <source>Matching histograms</source>
        <translation>Correspondendo histogramas</translation>
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
        <translation>{elapsed} · faltam cerca de {remaining}</translation>
    </message>
</context>
<context>
    <name>LabelledImageAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="123"/>
        <source>Image raster</source>
        <translation>Raster de imagem</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="125"/>
        <source>Bands (none chosen: all but alpha)</source>
        <translation>Bandas (nenhuma escolhida: todas exceto alfa)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="128"/>
        <source>Labelled features (polygons, points or lines)</source>
        <translation>Feições rotuladas (polígonos, pontos ou linhas)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="135"/>
        <source>Class field</source>
        <translation>Campo de classe</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="142"/>
        <source>Reference raster for histogram matching</source>
        <translation>Raster de referência para correspondência de histograma</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="153"/>
        <source>Choose the image raster and the labelled features.</source>
        <translation>Escolha o raster de imagem e as feições rotuladas.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="167"/>
        <source>Invalid labelled features for LABELS.</source>
        <translation>Feições rotuladas inválidas para LABELS.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="184"/>
        <source>Model file</source>
        <translation>Arquivo de modelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="184"/>
        <source>landcover model (*.pt)</source>
        <translation>modelo landcover (*.pt)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="187"/>
        <source>Best validation mIoU</source>
        <translation>Melhor mIoU de validação</translation>
    </message>
</context>
<context>
    <name>LandcoverDock</name>
    <message>
        <location filename="../dock.py" line="114"/>
        <source>Engine: not checked yet</source>
        <translation>Motor: ainda não verificado</translation>
    </message>
    <message>
        <location filename="../dock.py" line="116"/>
        <source>Set up engine…</source>
        <translation>Configurar motor…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="124"/>
        <source>Remove the previous result&apos;s layers</source>
        <translation>Remover as camadas do resultado anterior</translation>
    </message>
    <message>
        <location filename="../dock.py" line="127"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../dock.py" line="194"/>
        <source>Engine: checking {python} ({origin})…</source>
        <translation>Motor: verificando {python} ({origin})…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="205"/>
        <source>Engine check failed.</source>
        <translation>Falha na verificação do motor.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="216"/>
        <source>Engine: {versions}</source>
        <translation>Motor: {versions}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="216"/>
        <source>Engine not ready: {problem}</source>
        <translation>Motor não pronto: {problem}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="223"/>
        <source>Make pseudo-labels of the unlabeled layers with the model.</source>
        <translation>Gerar pseudorrótulos das camadas não rotuladas com o modelo.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="223"/>
        <source>Not available: this engine has no &apos;pseudo-label&apos; command.</source>
        <translation>Indisponível: este motor não tem o comando 'pseudo-label'.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="229"/>
        <source>Train in rounds, adding confident predictions on the unlabeled layers.</source>
        <translation>Treinar em rodadas, adicionando predições confiáveis das camadas não rotuladas.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="229"/>
        <source>Not available: this engine has no &apos;self-train&apos; command.</source>
        <translation>Indisponível: este motor não tem o comando 'self-train'.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="264"/>
        <source>Training</source>
        <translation>Treinando</translation>
    </message>
    <message>
        <location filename="../dock.py" line="247"/>
        <source>Estimating the training time</source>
        <translation>Estimando o tempo de treinamento</translation>
    </message>
    <message>
        <location filename="../dock.py" line="262"/>
        <source>The engine gave no training-time estimate; training without one.</source>
        <translation>O motor não forneceu estimativa do tempo de treinamento; treinando sem ela.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="271"/>
        <source>Training not started. {text}</source>
        <translation>Treinamento não iniciado. {text}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="276"/>
        <source>Settings set to &apos;{quick}&apos;: press Train again to estimate and train.</source>
        <translation>Configurações definidas como '{quick}': clique em Treinar novamente para estimar e treinar.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="280"/>
        <source>Training (about {duration})</source>
        <translation>Treinando (cerca de {duration})</translation>
    </message>
    <message>
        <location filename="../dock.py" line="285"/>
        <source>Classifying</source>
        <translation>Classificando</translation>
    </message>
    <message>
        <location filename="../dock.py" line="289"/>
        <source>Pseudo-labelling</source>
        <translation>Pseudorrotulando</translation>
    </message>
    <message>
        <location filename="../dock.py" line="295"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../dock.py" line="309"/>
        <source>A job is already running: wait for it or cancel it.</source>
        <translation>Uma tarefa já está em execução: aguarde ou cancele-a.</translation>
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
        <translation>{message} Use Retomar para continuá-lo.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="397"/>
        <source>Resuming training</source>
        <translation>Retomando o treinamento</translation>
    </message>
    <message>
        <location filename="../dock.py" line="406"/>
        <source>Folder for landcover results</source>
        <translation>Pasta para os resultados landcover</translation>
    </message>
    <message>
        <location filename="../dock.py" line="408"/>
        <source>Choose an output folder for the results (under &apos;Outputs&apos;).</source>
        <translation>Escolha uma pasta de saída para os resultados (em 'Saídas').</translation>
    </message>
    <message>
        <location filename="../dock.py" line="422"/>
        <source>Replace model?</source>
        <translation>Substituir modelo?</translation>
    </message>
    <message>
        <location filename="../dock.py" line="422"/>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} já existe. Substituir?</translation>
    </message>
    <message>
        <location filename="../dock.py" line="425"/>
        <source>Training not started: {path} was kept.</source>
        <translation>Treinamento não iniciado: {path} foi mantido.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="443"/>
        <source>Model saved: {model} (best validation mIoU {miou}). Classes: {classes}.</source>
        <translation>Modelo salvo: {model} (melhor mIoU de validação {miou}). Classes: {classes}.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="443"/>
        <source>Model saved: {model} (best validation mIoU {miou}).</source>
        <translation>Modelo salvo: {model} (melhor mIoU de validação {miou}).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="485"/>
        <source>Train a model first, or choose &apos;Existing model file(s)&apos;.</source>
        <translation>Treine um modelo primeiro ou escolha 'Arquivo(s) de modelo existente(s)'.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="489"/>
        <source>Choose one or more model files to classify with.</source>
        <translation>Escolha um ou mais arquivos de modelo para a classificação.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="539"/>
        <source>The engine reported outputs QGIS cannot open: {outputs}</source>
        <translation>O motor informou saídas que o QGIS não consegue abrir: {outputs}</translation>
    </message>
    <message>
        <location filename="../dock.py" line="557"/>
        <source>Classified: &apos;{name}&apos; added at the top of the &apos;landcover&apos; group ({count} layers). The previous result is still below it.</source>
        <translation>Classificado: '{name}' adicionado no topo do grupo 'landcover' ({count} camadas). O resultado anterior continua abaixo dele.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="557"/>
        <source>Classified: &apos;{name}&apos; added at the top of the &apos;landcover&apos; group ({count} layers).</source>
        <translation>Classificado: '{name}' adicionado no topo do grupo 'landcover' ({count} camadas).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="567"/>
        <source>The uncertainty layer of the newest result is no longer in the project.</source>
        <translation>A camada de incerteza do resultado mais recente não está mais no projeto.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="589"/>
        <source>The map never gets {names} right on the reference (IoU 0).</source>
        <translation>O mapa nunca acerta {names} na referência (IoU 0).</translation>
    </message>
    <message>
        <location filename="../dock.py" line="600"/>
        <source>This engine has no &apos;pseudo-label&apos; command.</source>
        <translation>Este motor não tem o comando 'pseudo-label'.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="611"/>
        <source>No pseudo-labels: no predicted pixel reached the confidence threshold, so no layer was added. Lower the threshold or train the model further.</source>
        <translation>Nenhum pseudorrótulo: nenhum pixel predito atingiu o limiar de confiança, então nenhuma camada foi adicionada. Reduza o limiar ou treine mais o modelo.</translation>
    </message>
    <message>
        <location filename="../dock.py" line="623"/>
        <source>Pseudo-labels added: {count} layer(s)</source>
        <translation>Pseudorrótulos adicionados: {count} camada(s)</translation>
    </message>
    <message>
        <location filename="../dock.py" line="631"/>
        <source>Self-training</source>
        <translation>Autotreinando</translation>
    </message>
    <message>
        <location filename="../dock.py" line="636"/>
        <source>This engine has no &apos;self-train&apos; command.</source>
        <translation>Este motor não tem o comando 'self-train'.</translation>
    </message>
</context>
<context>
    <name>LandcoverPlugin</name>
    <message>
        <location filename="../plugin.py" line="57"/>
        <source>Land-cover mapping: train and classify</source>
        <translation>Mapeamento da cobertura do solo: treinar e classificar</translation>
    </message>
</context>
<context>
    <name>LandcoverProvider</name>
    <message>
        <location filename="../processing/provider.py" line="52"/>
        <source>landcover: land-cover mapping with DeepLabV3</source>
        <translation>landcover: mapeamento da cobertura do solo com DeepLabV3</translation>
    </message>
</context>
<context>
    <name>LayerChecks</name>
    <message>
        <location filename="../processing/layer_checks.py" line="26"/>
        <source>Choose the field of &apos;{layer_name}&apos; that holds the classes.</source>
        <translation>Escolha o campo de '{layer_name}' que contém as classes.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="29"/>
        <source>&apos;{layer_name}&apos; has no field &apos;{field}&apos;: choose the field that holds the classes.</source>
        <translation>'{layer_name}' não tem o campo '{field}': escolha o campo que contém as classes.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="40"/>
        <source>'{layer_name}' has no coordinate reference system: set one (Layer properties → Source).</source>
        <translation>'{layer_name}' não tem sistema de referência de coordenadas: defina um (Propriedades da camada → Fonte).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="47"/>
        <source>&apos;{other_name}&apos; ({authid}) cannot be transformed to the CRS of &apos;{name}&apos; ({authid2}).</source>
        <translation>'{other_name}' ({authid}) não pode ser transformada para o SRC de '{name}' ({authid2}).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="51"/>
        <source>&apos;{other_name}&apos; does not overlap &apos;{name}&apos; (compared in {authid}): choose layers that cover the same area.</source>
        <translation>'{other_name}' não se sobrepõe a '{name}' (comparadas em {authid}): escolha camadas que cubram a mesma área.</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="69"/>
        <source>Choose a model file (several files: an ensemble).</source>
        <translation>Escolha um arquivo de modelo (vários arquivos: um ensemble).</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="71"/>
        <source>InputError: Model file not found: {missing}</source>
        <translation>InputError: arquivo de modelo não encontrado: {missing}</translation>
    </message>
    <message>
        <location filename="../processing/layer_checks.py" line="61"/>
        <source>&apos;{name}&apos; has {count} band(s), not band {missing}.</source>
        <translation>'{name}' tem {count} banda(s), sem a banda {missing}.</translation>
    </message>
</context>
<context>
    <name>LayerIo</name>
    <message>
        <location filename="../layer_io.py" line="143"/>
        <source>The image layer is missing or invalid.</source>
        <translation>A camada de imagem está ausente ou é inválida.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="166"/>
        <source>Cannot read raster layer &apos;{name}&apos; for export.</source>
        <translation>Não é possível ler a camada raster '{name}' para exportação.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="170"/>
        <source>Cannot export raster layer &apos;{name}&apos; to GeoTIFF (error {error}).</source>
        <translation>Não é possível exportar a camada raster '{name}' para GeoTIFF (erro {error}).</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="185"/>
        <source>The label layer is missing or invalid.</source>
        <translation>A camada de rótulos está ausente ou é inválida.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="187"/>
        <source>&apos;Selected features only&apos; is on, but no feature of &apos;{name}&apos; is selected.</source>
        <translation>'Somente feições selecionadas' está ativado, mas nenhuma feição de '{name}' está selecionada.</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="226"/>
        <source>Cannot export vector layer &apos;{name}&apos;: {errorMessage}</source>
        <translation>Não é possível exportar a camada vetorial '{name}': {errorMessage}</translation>
    </message>
    <message>
        <location filename="../layer_io.py" line="245"/>
        <source>The map view does not overlap &apos;{name}&apos;: zoom to the layer or classify all of it.</source>
        <translation>A vista do mapa não se sobrepõe a '{name}': aproxime para a camada ou classifique-a inteira.</translation>
    </message>
</context>
<context>
    <name>ModelFacts</name>
    <message>
        <location filename="../model_facts.py" line="133"/>
        <source>The landcover engine could not describe itself: use 'Set up engine…' in the landcover panel.</source>
        <translation>O motor landcover não conseguiu se descrever: use 'Configurar motor…' no painel landcover.</translation>
    </message>
    <message>
        <location filename="../model_facts.py" line="162"/>
        <source>Model file not found: {path}</source>
        <translation>Arquivo de modelo não encontrado: {path}</translation>
    </message>
</context>
<context>
    <name>ModelParameters</name>
    <message>
        <location filename="../processing/model_parameters.py" line="11"/>
        <source>Model files (*.pt);;All files (*.*)</source>
        <translation>Arquivos de modelo (*.pt);;Todos os arquivos (*.*)</translation>
    </message>
</context>
<context>
    <name>OptionSpec</name>
    <message>
        <location filename="../engine_schema.py" line="85"/>
        <source>An option without flag or dest: {item!r}</source>
        <translation>Uma opção sem flag nem dest: {item!r}</translation>
    </message>
</context>
<context>
    <name>OptionSpinBox</name>
    <message>
        <location filename="../option_widgets.py" line="40"/>
        <source>This engine has no &apos;{command}&apos; option &apos;{dest}&apos;.</source>
        <translation>Este motor não tem a opção '{dest}' no comando '{command}'.</translation>
    </message>
</context>
<context>
    <name>OutputFiles</name>
    <message>
        <location filename="../output_files.py" line="58"/>
        <source>Results cannot be written to the output folder {folder} ({reason}): choose another folder under &apos;Output folder&apos;.</source>
        <translation>Não é possível gravar os resultados na pasta de saída {folder} ({reason}): escolha outra pasta em 'Pasta de saída'.</translation>
    </message>
</context>
<context>
    <name>PredictBatchRequest</name>
    <message>
        <location filename="../engine_commands.py" line="225"/>
        <source>Choose the folder of images to classify.</source>
        <translation>Escolha a pasta de imagens a classificar.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="227"/>
        <source>Choose the output folder.</source>
        <translation>Escolha a pasta de saída.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="234"/>
        <source>Classifying scenes</source>
        <translation>Classificando cenas</translation>
    </message>
</context>
<context>
    <name>PredictRequest</name>
    <message>
        <location filename="../engine_commands.py" line="191"/>
        <source>Choose where to save the classified raster.</source>
        <translation>Escolha onde salvar o raster classificado.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="200"/>
        <source>Classifying</source>
        <translation>Classificando</translation>
    </message>
</context>
<context>
    <name>ProcessTask</name>
    <message>
        <location filename="../tasks.py" line="183"/>
        <source>
Removed the unfinished environment {cleanup}.</source>
        <translation>
O ambiente incompleto {cleanup} foi removido.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="198"/>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="201"/>
        <source>Failed: the command {exit}.</source>
        <translation>Falha: o comando {exit}.</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="201"/>
        <source>
Last output:
{last}</source>
        <translation>
Última saída:
{last}</translation>
    </message>
</context>
<context>
    <name>PseudoLabelAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="368"/>
        <source>Pseudo-label scenes</source>
        <translation>Pseudorrotular cenas</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="373"/>
        <source>Model file(s)</source>
        <translation>Arquivo(s) de modelo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="374"/>
        <source>Unlabeled scenes</source>
        <translation>Cenas não rotuladas</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="377"/>
        <source>Folder of pseudo-label rasters</source>
        <translation>Pasta dos rasters de pseudorrótulos</translation>
    </message>
</context>
<context>
    <name>PseudoLabelRequest</name>
    <message>
        <location filename="../engine_commands.py" line="345"/>
        <source>Pseudo-labelling</source>
        <translation>Pseudorrotulando</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Round</source>
        <translation>Rodada</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Train loss</source>
        <translation>Perda (treino)</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Val loss</source>
        <translation>Perda (val.)</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Val mIoU</source>
        <translation>mIoU (val.)</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="34"/>
        <source>Never predicted</source>
        <translation>Nunca preditas</translation>
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
        <translation>Precisão</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="40"/>
        <source>Recall</source>
        <translation>Revocação</translation>
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
        <translation>Proporção (%)</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="47"/>
        <source>The uncertainty layer is bright where the model hesitates between classes: draw new label polygons there first, then train again.</source>
        <translation>A camada de incerteza é clara onde o modelo hesita entre classes: desenhe primeiro novos polígonos de rótulo ali e depois treine novamente.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="113"/>
        <source>Export areas as CSV…</source>
        <translation>Exportar áreas como CSV…</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="117"/>
        <source>Zoom to the most uncertain area</source>
        <translation>Aproximar para a área mais incerta</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Training&lt;/b&gt;</source>
        <translation>&lt;b&gt;Treinamento&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Evaluation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Avaliação&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="127"/>
        <source>&lt;b&gt;Area per class&lt;/b&gt;</source>
        <translation>&lt;b&gt;Área por classe&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="142"/>
        <source>&lt;b&gt;Accuracy and area from a sample&lt;/b&gt;</source>
        <translation>&lt;b&gt;Exatidão e área a partir de uma amostra&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="149"/>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Registro&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="224"/>
        <source>No evaluation yet: choose &apos;Evaluate against&apos; before Classify.</source>
        <translation>Nenhuma avaliação ainda: escolha 'Avaliar com' antes de Classificar.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="231"/>
        <source>Overall accuracy {accuracy} · mIoU {miou} · kappa {kappa}</source>
        <translation>Exatidão global {accuracy} · mIoU {miou} · kappa {kappa}</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="236"/>
        <source>Classes compared by name.</source>
        <translation>Classes comparadas pelo nome.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="238"/>
        <source>Classes compared by code (the reference names none).</source>
        <translation>Classes comparadas pelo código (a referência não tem nomes).</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="239"/>
        <source>Classes only in the reference: {names}.</source>
        <translation>Classes só na referência: {names}.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="239"/>
        <source>Classes never in the reference: {names}.</source>
        <translation>Classes nunca presentes na referência: {names}.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="273"/>
        <source>Classify to see the area of each class.</source>
        <translation>Classifique para ver a área de cada classe.</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="274"/>
        <source>Pixel counts of the classified extent (nodata left out).</source>
        <translation>Contagem de pixels da extensão classificada (nodata excluído).</translation>
    </message>
    <message>
        <location filename="../results_panel.py" line="281"/>
        <source>Export the area per class</source>
        <translation>Exportar a área por classe</translation>
    </message>
</context>
<context>
    <name>SampleDesignRequest</name>
    <message>
        <location filename="../accuracy_commands.py" line="57"/>
        <source>Designing the sample</source>
        <translation>Planejando a amostra</translation>
    </message>
</context>
<context>
    <name>SampleReview</name>
    <message>
        <location filename="../sample_review.py" line="39"/>
        <source>— not labelled —</source>
        <translation>— não rotulado —</translation>
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
        <translation>Próximo ▶</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="105"/>
        <source>Next unlabelled</source>
        <translation>Próximo não rotulado</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="110"/>
        <source>Map class (stratum)</source>
        <translation>Classe do mapa (estrato)</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="111"/>
        <source>Reference class</source>
        <translation>Classe de referência</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="112"/>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <location filename="../sample_review.py" line="207"/>
        <source>Point {number} of {total} — {labelled} labelled</source>
        <translation>Ponto {number} de {total} — {labelled} rotulados</translation>
    </message>
</context>
<context>
    <name>SelfTrainAlgorithm</name>
    <message>
        <location filename="../processing/training.py" line="328"/>
        <source>Self-train land-cover model</source>
        <translation>Autotreinar modelo de cobertura do solo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="334"/>
        <source>Unlabeled scenes</source>
        <translation>Cenas não rotuladas</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="347"/>
        <source>Choose at least one unlabeled scene.</source>
        <translation>Escolha pelo menos uma cena não rotulada.</translation>
    </message>
</context>
<context>
    <name>SelfTrainRequest</name>
    <message>
        <location filename="../engine_commands.py" line="370"/>
        <source>Self-training</source>
        <translation>Autotreinando</translation>
    </message>
</context>
<context>
    <name>SelfTrainingGroup</name>
    <message>
        <location filename="../self_training_form.py" line="32"/>
        <source>Pseudo-label / self-train</source>
        <translation>Pseudorrótulos / autotreino</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="35"/>
        <source>the image layer</source>
        <translation>a camada de imagem</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="36"/>
        <source>Unlabeled scenes: pseudo-labelled, or added to training round by round.</source>
        <translation>Cenas não rotuladas: pseudorrotuladas ou adicionadas ao treinamento rodada a rodada.</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="40"/>
        <source>Unlabeled layers</source>
        <translation>Camadas não rotuladas</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="41"/>
        <source>Confidence threshold</source>
        <translation>Limiar de confiança</translation>
    </message>
    <message>
        <location filename="../self_training_form.py" line="42"/>
        <source>Self-training rounds</source>
        <translation>Rodadas de autotreino</translation>
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
        <translation>… e mais {count} no registro abaixo.</translation>
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
        <translation>Não foi possível gravar {path} ({problem}): escolha outra pasta.</translation>
    </message>
</context>
<context>
    <name>TorchBuild</name>
    <message>
        <location filename="../engine_setup.py" line="33"/>
        <source>CPU only</source>
        <translation>Somente CPU</translation>
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
        <translation>Treinar modelo de cobertura do solo</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="218"/>
        <source>Architecture</source>
        <translation>Arquitetura</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="218"/>
        <source>Backbone weights</source>
        <translation>Pesos do backbone</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="227"/>
        <source>Backbone weights file (with &apos;file&apos;)</source>
        <translation>Arquivo de pesos do backbone (com 'file')</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="227"/>
        <source>Weights (*.pt *.pth);;All files (*)</source>
        <translation>Pesos (*.pt *.pth);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="233"/>
        <source>A torchvision or timm state dict of the chosen architecture&apos;s backbone (e.g. torchgeo&apos;s Sentinel-2 ResNet50), used when Backbone weights is &apos;file&apos;. Any band count: the first convolution is adapted by band number.</source>
        <translation>Um state dict torchvision ou timm do backbone da arquitetura escolhida (p. ex. o ResNet50 Sentinel-2 do torchgeo), usado quando Pesos do backbone é 'file'. Qualquer número de bandas: a primeira convolução é adaptada ao número de bandas.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="253"/>
        <source>A backbone weights file is given but Backbone weights is &apos;{choice}&apos;: choose &apos;file&apos; to use {name}, or clear the file.</source>
        <translation>Um arquivo de pesos do backbone foi informado, mas Pesos do backbone é '{choice}': escolha 'file' para usar {name} ou limpe o arquivo.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="247"/>
        <source>Choose an existing backbone weights file (WEIGHTS_FILE) for Backbone weights &apos;file&apos;; {path} does not exist.</source>
        <translation>Escolha um arquivo de pesos do backbone existente (WEIGHTS_FILE) para Pesos do backbone 'file'; {path} não existe.</translation>
    </message>
    <message>
        <location filename="../processing/training.py" line="247"/>
        <source>Choose an existing backbone weights file (WEIGHTS_FILE) for Backbone weights &apos;file&apos;.</source>
        <translation>Escolha um arquivo de pesos do backbone existente (WEIGHTS_FILE) para Pesos do backbone 'file'.</translation>
    </message>
</context>
<context>
    <name>TrainRequest</name>
    <message>
        <location filename="../engine_commands.py" line="128"/>
        <source>Choose labels: a polygon layer with a class field, or a label raster.</source>
        <translation>Escolha os rótulos: uma camada de polígonos com um campo de classe ou um raster de rótulos.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="130"/>
        <source>Choose the field of the label layer that holds the classes.</source>
        <translation>Escolha o campo da camada de rótulos que contém as classes.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="132"/>
        <source>Choose where to save the model file.</source>
        <translation>Escolha onde salvar o arquivo de modelo.</translation>
    </message>
    <message>
        <location filename="../engine_commands.py" line="158"/>
        <source>Training</source>
        <translation>Treinando</translation>
    </message>
</context>
<context>
    <name>TrainingTime</name>
    <message>
        <location filename="../training_time.py" line="55"/>
        <source>Estimated: about {duration} on {device} ({steps} steps of {seconds_per_step:.1f} s; validation adds a little).</source>
        <translation>Estimativa: cerca de {duration} em {device} ({steps} passos de {seconds_per_step:.1f} s; a validação acrescenta um pouco).</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="74"/>
        <source>Timing a few training steps</source>
        <translation>Cronometrando alguns passos de treinamento</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="80"/>
        <source>Long training</source>
        <translation>Treinamento longo</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="80"/>
        <source>{text}

Start it anyway?</source>
        <translation>{text}

Iniciar mesmo assim?</translation>
    </message>
    <message>
        <location filename="../training_time.py" line="82"/>
        <source>Train anyway</source>
        <translation>Treinar mesmo assim</translation>
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
        <translation>Vetorizar classes</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="193"/>
        <source>Class raster</source>
        <translation>Raster de classes</translation>
    </message>
    <message>
        <location filename="../processing/inference.py" line="196"/>
        <source>Band of class codes</source>
        <translation>Banda dos códigos de classe</translation>
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
        <translation>Vetorizando</translation>
    </message>
</context>
</TS>
