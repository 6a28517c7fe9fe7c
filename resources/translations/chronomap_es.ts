<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BaseMap</name>
    <message>
        <source>cannot read the base map: %1</source>
        <translation>no se puede leer el mapa base: %1</translation>
    </message>
</context>
<context>
    <name>CategoryStyle</name>
    <message>
        <source>Diplomatic contact</source>
        <translation>Contacto diplomático</translation>
    </message>
    <message>
        <source>Summit</source>
        <translation>Cumbre</translation>
    </message>
    <message>
        <source>Treaty</source>
        <translation>Tratado</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Despliegue</translation>
    </message>
    <message>
        <source>Arms transfer</source>
        <translation>Transferencia de armas</translation>
    </message>
    <message>
        <source>Labour dispatch</source>
        <translation>Envío de trabajadores</translation>
    </message>
    <message>
        <source>Combat</source>
        <translation>Combate</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>Uncategorised</source>
        <translation>Sin categoría</translation>
    </message>
</context>
<context>
    <name>DateForm</name>
    <message>
        <source>ISO 8601 (2025-08-12) or month names (12 August 2025)</source>
        <translation>ISO 8601 (2025-08-12) o nombres de mes (12 de agosto de 2025)</translation>
    </message>
    <message>
        <source>day/month/year (12/08/2025)</source>
        <translation>día/mes/año (12/08/2025)</translation>
    </message>
    <message>
        <source>month/day/year (08/12/2025)</source>
        <translation>mes/día/año (08/12/2025)</translation>
    </message>
</context>
<context>
    <name>EventLayers</name>
    <message>
        <source>id already used by another open file, renamed to &apos;%1&apos;</source>
        <translation>el id ya lo usa otro archivo abierto; se renombra a &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>EventLoader</name>
    <message>
        <source>only local files are opened; network and virtual paths are refused</source>
        <translation>solo se abren archivos locales; se rechazan las rutas de red y virtuales</translation>
    </message>
    <message>
        <source>not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)</source>
        <translation>no es un conjunto de datos que Chronomap pueda leer (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <source>%1 (some time that year)</source>
        <translation>%1 (en algún momento de ese año)</translation>
    </message>
    <message>
        <source>%1 (some time that month)</source>
        <translation>%1 (en algún momento de ese mes)</translation>
    </message>
</context>
<context>
    <name>EventWriter</name>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>internal error: row %1 has %2 values for the layer&apos;s %3 fields</source>
        <translation>error interno: la fila %1 tiene %2 valores para los %3 campos de la capa</translation>
    </message>
</context>
<context>
    <name>FieldMapping</name>
    <message>
        <source>&apos;%1&apos; is not ROLE=COLUMN with a known role</source>
        <translation>&apos;%1&apos; no es ROL=COLUMNA con un rol conocido</translation>
    </message>
</context>
<context>
    <name>ImportMappingDialog</name>
    <message>
        <source>Reading the columns of %1…</source>
        <translation>Leyendo las columnas de %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 semana</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 mes</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 meses</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
</context>
<context>
    <name>ReaderProcess</name>
    <message>
        <source>before the first record</source>
        <translation>antes del primer registro</translation>
    </message>
    <message>
        <source>after record %1</source>
        <translation>tras el registro %1</translation>
    </message>
    <message>
        <source>while opening the file</source>
        <translation>al abrir el archivo</translation>
    </message>
    <message>
        <source>cannot start the file reader %1: %2</source>
        <translation>no se puede iniciar el lector de archivos %1: %2</translation>
    </message>
    <message>
        <source>the file is too large for the reader&apos;s memory limit (%1 MiB more than at its start); the reader (%2) stopped %3</source>
        <translation>el archivo es demasiado grande para el límite de memoria del lector (%1 MiB más que al arrancar); el lector (%2) se detuvo %3</translation>
    </message>
    <message>
        <source>the reader (%1) made no progress for %2 s %3 and was stopped</source>
        <translation>el lector (%1) no avanzó durante %2 s %3 y se detuvo</translation>
    </message>
    <message>
        <source>the reader (%1) sent malformed data %2 (%3)</source>
        <translation>el lector (%1) envió datos mal formados %2 (%3)</translation>
    </message>
    <message>
        <source>the reader (%1) used up its CPU time limit of %2 s %3</source>
        <translation>el lector (%1) agotó su límite de tiempo de CPU de %2 s %3</translation>
    </message>
    <message>
        <source>the reader (%1) crashed with signal %2 (%3) %4</source>
        <translation>el lector (%1) falló con la señal %2 (%3) %4</translation>
    </message>
    <message>
        <source>the reader (%1) stopped unexpectedly (exit status %2) %3</source>
        <translation>el lector (%1) terminó de forma inesperada (estado de salida %2) %3</translation>
    </message>
    <message numerus="yes">
        <source>; nothing was loaded (%n event(s) read before it can be kept)</source>
        <translation>
            <numerusform>; no se cargó nada (se puede conservar %n evento leído antes)</numerusform>
            <numerusform>; no se cargó nada (se pueden conservar %n eventos leídos antes)</numerusform>
        </translation>
    </message>
    <message>
        <source>the connection to the database was lost while reading the table %1</source>
        <translation>se perdió la conexión con la base de datos mientras se leía la tabla %1</translation>
    </message>
    <message>
        <source>no answer in %1 s</source>
        <translation>sin respuesta en %1 s</translation>
    </message>
    <message>
        <source>it crashed with signal %1 (%2)</source>
        <translation>falló con la señal %1 (%2)</translation>
    </message>
    <message>
        <source>it stopped with exit status %1</source>
        <translation>terminó con el código de salida %1</translation>
    </message>
    <message>
        <source>its answer was malformed</source>
        <translation>su respuesta estaba mal formada</translation>
    </message>
    <message>
        <source>the reader could not read the first rows of %1: %2</source>
        <translation>el lector no pudo leer las primeras filas de %1: %2</translation>
    </message>
</context>
<context>
    <name>SnapshotFormats</name>
    <message>
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>Imagen JPEG</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Dibujo SVG</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>1920 × 1080 (Full HD)</source>
        <translation>1920 × 1080 (Full HD)</translation>
    </message>
    <message>
        <source>3840 × 2160 (4K)</source>
        <translation>3840 × 2160 (4K)</translation>
    </message>
    <message>
        <source>A4 landscape, 300 dpi (3508 × 2480)</source>
        <translation>A4 apaisado, 300 ppp (3508 × 2480)</translation>
    </message>
</context>
<context>
    <name>SnapshotWriter</name>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>TimeSpan</name>
    <message>
        <source>no start date</source>
        <translation>sin fecha de inicio</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 date</source>
        <translation>&apos;%1&apos; no es una fecha ISO 8601</translation>
    </message>
    <message>
        <source>end %1 is before start %2</source>
        <translation>el final %1 es anterior al inicio %2</translation>
    </message>
</context>
<context>
    <name>ValueLabels</name>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Informado</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Afirmado por una parte</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Discutido</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Sin indicar</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>soldiers</source>
        <translation>soldados</translation>
    </message>
    <message>
        <source>troops</source>
        <translation>efectivos</translation>
    </message>
    <message>
        <source>personnel</source>
        <translation>militares</translation>
    </message>
    <message>
        <source>containers</source>
        <translation>contenedores</translation>
    </message>
    <message>
        <source>casualties</source>
        <translation>bajas</translation>
    </message>
    <message>
        <source>deaths</source>
        <translation>muertos</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>trabajadores</translation>
    </message>
    <message>
        <source>deminers</source>
        <translation>desminadores</translation>
    </message>
    <message>
        <source>builders</source>
        <translation>constructores</translation>
    </message>
    <message>
        <source>missiles</source>
        <translation>misiles</translation>
    </message>
    <message>
        <source>shells</source>
        <translation>proyectiles</translation>
    </message>
    <message>
        <source>systems</source>
        <translation>sistemas</translation>
    </message>
    <message>
        <source>follows up</source>
        <translation>continúa</translation>
    </message>
    <message>
        <source>ratifies</source>
        <translation>ratifica</translation>
    </message>
    <message>
        <source>entry into force of</source>
        <translation>entrada en vigor de</translation>
    </message>
    <message>
        <source>reports on</source>
        <translation>informa sobre</translation>
    </message>
    <message>
        <source>disputes</source>
        <translation>desmiente</translation>
    </message>
    <message>
        <source>followed up by</source>
        <translation>continuado por</translation>
    </message>
    <message>
        <source>ratified by</source>
        <translation>ratificado por</translation>
    </message>
    <message>
        <source>brought into force by</source>
        <translation>puesto en vigor por</translation>
    </message>
    <message>
        <source>reported on by</source>
        <translation>informado por</translation>
    </message>
    <message>
        <source>disputed by</source>
        <translation>disputado por</translation>
    </message>
    <message>
        <source>%1 (from)</source>
        <extracomment>A relation the app has no wording for, seen from the record it names: &quot;&lt;relation&gt; (from)&quot;</extracomment>
        <translation>%1 (desde)</translation>
    </message>
</context>
<context>
    <name>chronomap</name>
    <message>
        <source>no usable records</source>
        <translation>ningún registro utilizable</translation>
    </message>
    <message>
        <source>not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)</source>
        <translation>no es un conjunto de datos que Chronomap pueda leer (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)</translation>
    </message>
    <message>
        <source>not a dataset Chronomap can read: %1</source>
        <translation>no es un conjunto de datos que Chronomap pueda leer: %1</translation>
    </message>
    <message>
        <source>%1 records, more than the limit of %2</source>
        <translation>%1 registros, más que el límite de %2</translation>
    </message>
    <message>
        <source>not enough memory to convert the records</source>
        <translation>no hay memoria suficiente para convertir los registros</translation>
    </message>
    <message>
        <source>more than %1 records; the file is refused</source>
        <translation>más de %1 registros; se rechaza el archivo</translation>
    </message>
    <message>
        <source>the file holds no records</source>
        <translation>el archivo no contiene registros</translation>
    </message>
    <message>
        <source>no column holds a start date (start, date, event_date, timestamp… or give one with a field mapping such as start=Fecha)</source>
        <translation>ninguna columna contiene una fecha de inicio (start, date, event_date, timestamp… o indique una con una asignación de campos como start=Fecha)</translation>
    </message>
    <message>
        <source>GDAL: %1</source>
        <translation>GDAL: %1</translation>
    </message>
    <message>
        <source>only local files are opened; network and virtual paths are refused</source>
        <translation>solo se abren archivos locales; se rechazan las rutas de red y virtuales</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no existe el archivo</translation>
    </message>
    <message>
        <source>not a readable file</source>
        <translation>no es un archivo legible</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>the file is %1, more than the limit of %2</source>
        <translation>el archivo ocupa %1, más que el límite de %2</translation>
    </message>
    <message>
        <source>expected an object with &quot;title&quot;, &quot;caption&quot; and &quot;view&quot;</source>
        <translation>se esperaba un objeto con &quot;title&quot;, &quot;caption&quot; y &quot;view&quot;</translation>
    </message>
    <message>
        <source>no &quot;view&quot; object</source>
        <translation>falta el objeto &quot;view&quot;</translation>
    </message>
    <message>
        <source>%1. %2 (step %3)</source>
        <translation>%1. %2 (paso %3)</translation>
    </message>
    <message>
        <source>%1. %2 (steps %3)</source>
        <translation>%1. %2 (pasos %3)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>Untitled briefing</source>
        <translation>Presentación sin título</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Por %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more step(s)</source>
        <translation>
            <numerusform>… y %n paso más</numerusform>
            <numerusform>… y %n pasos más</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Paso %1</translation>
    </message>
    <message>
        <source>%1. %2 — page %3</source>
        <translation>%1. %2 — página %3</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>Datos: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>The data changed since the briefing was made (it was made over SHA-256 %1).</source>
        <translation>Los datos cambiaron desde que se hizo la presentación (se hizo sobre SHA-256 %1).</translation>
    </message>
    <message>
        <source>Sources cited: page %1</source>
        <translation>Fuentes citadas: página %1</translation>
    </message>
    <message>
        <source>Exported %1 UTC with Chronomap %2 · Base map: Made with Natural Earth</source>
        <translation>Exportado el %1 UTC con Chronomap %2 · Mapa base: Made with Natural Earth</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>Sources: none named by the events shown.</source>
        <translation>Fuentes: los acontecimientos mostrados no citan ninguna.</translation>
    </message>
    <message>
        <source>Sources (numbered on page %1): %2</source>
        <translation>Fuentes (numeradas en la página %1): %2</translation>
    </message>
    <message>
        <source>Sources cited (continued)</source>
        <translation>Fuentes citadas (continuación)</translation>
    </message>
    <message>
        <source>Sources cited</source>
        <translation>Fuentes citadas</translation>
    </message>
    <message>
        <source>The events the steps show name no sources.</source>
        <translation>Los acontecimientos que muestran los pasos no nombran fuentes.</translation>
    </message>
    <message>
        <source>name the table in the connection string: PG:… tables=NAME</source>
        <translation>indique la tabla en la cadena de conexión: PG:… tables=NOMBRE</translation>
    </message>
    <message>
        <source>cannot read the database table: %1</source>
        <translation>no se puede leer la tabla de la base de datos: %1</translation>
    </message>
    <message>
        <source>no table %1 with a geometry or columns to read</source>
        <translation>no hay ninguna tabla %1 con geometría o columnas que leer</translation>
    </message>
    <message>
        <source>the table has %1 rows, more than the %2 that are loaded whole: open it in the window, which browses large tables live (--query and --export read tables whole)</source>
        <translation>la tabla tiene %1 filas, más de las %2 que se cargan enteras: ábrala en la ventana, que explora en vivo las tablas grandes (--query y --export leen las tablas enteras)</translation>
    </message>
</context>
<context>
    <name>chronomap::AboutText</name>
    <message>
        <source>&lt;h3&gt;Chronomap %1&lt;/h3&gt;&lt;p&gt;A timeline and map viewer for curated event records.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). Built with Qt %2 and GDAL.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chronomap %1&lt;/h3&gt;&lt;p&gt;Visor de cronología y mapa para registros de acontecimientos seleccionados.&lt;/p&gt;&lt;p&gt;Licencia: Licencia Pública General de GNU, versión 3 o posterior (GPL-3.0-or-later). Hecho con Qt %2 y GDAL.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Base map:&lt;/b&gt; Made with Natural Earth. Free vector and raster map data at naturalearthdata.com (public domain).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fonts:&lt;/b&gt; DejaVu (Bitstream Vera licence).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bundled events:&lt;/b&gt; the Russia–North Korea records are curated from a Spanish-language news article (mid-August 2025) and the public sources each record names; figures are kept as each source states them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Mapa base:&lt;/b&gt; Made with Natural Earth. Datos cartográficos vectoriales y ráster libres en naturalearthdata.com (dominio público).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Tipografías:&lt;/b&gt; DejaVu (licencia Bitstream Vera).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Acontecimientos incluidos:&lt;/b&gt; los registros Rusia–Corea del Norte se han seleccionado de un artículo de prensa en español (mediados de agosto de 2025) y de las fuentes públicas que cita cada registro; las cifras se conservan tal como las da cada fuente.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Event data:&lt;/b&gt; the records of the open dataset cite %n source(s): %1.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;Datos de acontecimientos:&lt;/b&gt; los registros del conjunto abierto citan %n fuente: %1.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;Datos de acontecimientos:&lt;/b&gt; los registros del conjunto abierto citan %n fuentes: %1.&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::ActorVocabulary</name>
    <message>
        <source>not an actor vocabulary (a JSON object with an &quot;actors&quot; array); ignored</source>
        <translation>no es un vocabulario de actores (un objeto JSON con una lista &quot;actors&quot;); se ignora</translation>
    </message>
    <message>
        <source>an actor without an id; ignored</source>
        <translation>un actor sin id; se ignora</translation>
    </message>
    <message>
        <source>the actor vocabulary cannot be read; actors show as their ids</source>
        <translation>no se puede leer el vocabulario de actores; los actores se muestran con su id</translation>
    </message>
</context>
<context>
    <name>chronomap::AnimationDialog</name>
    <message>
        <source>Export Animation</source>
        <translation>Exportar animación</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>MP4 video (H.264)</source>
        <translation>Vídeo MP4 (H.264)</translation>
    </message>
    <message>
        <source>WebM video (VP9)</source>
        <translation>Vídeo WebM (VP9)</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>GIF animado</translation>
    </message>
    <message>
        <source>A day</source>
        <translation>Un día</translation>
    </message>
    <message>
        <source>A week</source>
        <translation>Una semana</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>Un mes</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>Duración de la ventana</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <source>Window unit</source>
        <translation>Unidad de la ventana</translation>
    </message>
    <message>
        <source> frames per second</source>
        <translation> fotogramas por segundo</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>Fotogramas por segundo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>%v of %m frames</source>
        <translation>%v de %m fotogramas</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamaño:</translation>
    </message>
    <message>
        <source>S&amp;tep:</source>
        <translation>&amp;Paso:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Ventana:</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>V&amp;elocidad:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Fechas:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>A&amp;rchivo:</translation>
    </message>
    <message>
        <source>%1 frames, %2 s</source>
        <translation>%1 fotogramas, %2 s</translation>
    </message>
    <message>
        <source>The dates hold no frame.</source>
        <translation>Las fechas no contienen ningún fotograma.</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4);;WebM video (*.webm);;Animated GIF (*.gif)</source>
        <translation>Vídeo MP4 (*.mp4);;Vídeo WebM (*.webm);;GIF animado (*.gif)</translation>
    </message>
    <message>
        <source>The file name must end in .mp4, .webm or .gif.</source>
        <translation>El nombre del archivo debe terminar en .mp4, .webm o .gif.</translation>
    </message>
    <message>
        <source>There is nothing to export yet: no dataset is open.</source>
        <translation>Aún no hay nada que exportar: no hay ningún conjunto de datos abierto.</translation>
    </message>
    <message>
        <source>Preview of the first frame</source>
        <translation>Vista previa del primer fotograma</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Sin vista previa</translation>
    </message>
    <message>
        <source>Cannot export animations: %1.</source>
        <translation>No se pueden exportar animaciones: %1.</translation>
    </message>
</context>
<context>
    <name>chronomap::AnimationExportJob</name>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>chronomap::AnimationWriter</name>
    <message>
        <source>%1x%2 is not a size between 64x64 and 7680x4320 pixels</source>
        <translation>%1x%2 no es un tamaño entre 64x64 y 7680x4320 píxeles</translation>
    </message>
    <message>
        <source>%1x%2: a video&apos;s sides must be even numbers of pixels</source>
        <translation>%1x%2: los lados de un vídeo deben ser números pares de píxeles</translation>
    </message>
    <message>
        <source>%1x%2: a GIF is at most %3 pixels wide (use MP4 or WebM for larger sizes)</source>
        <translation>%1x%2: un GIF tiene como máximo %3 píxeles de ancho (use MP4 o WebM para tamaños mayores)</translation>
    </message>
    <message>
        <source>%1 frames per second is not between %2 and %3</source>
        <translation>%1 fotogramas por segundo no está entre %2 y %3</translation>
    </message>
    <message>
        <source>no frames: the time range is empty</source>
        <translation>no hay fotogramas: el intervalo de tiempo está vacío</translation>
    </message>
    <message>
        <source>the scale must be a positive number</source>
        <translation>la escala debe ser un número positivo</translation>
    </message>
    <message>
        <source>%1: unknown format &apos;%2&apos; (use .mp4, .webm or .gif)</source>
        <translation>%1: formato desconocido &apos;%2&apos; (use .mp4, .webm o .gif)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>cannot encode %1: %2</source>
        <translation>no se puede codificar %1: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>not enough memory to encode %1</source>
        <translation>no hay memoria suficiente para codificar %1</translation>
    </message>
    <message>
        <source>not enough memory for a %1x%2 image</source>
        <translation>no hay memoria suficiente para una imagen de %1x%2</translation>
    </message>
    <message>
        <source>this installation&apos;s FFmpeg has no encoder for %1</source>
        <translation>el FFmpeg de esta instalación no tiene codificador para %1</translation>
    </message>
    <message>
        <source>cannot encode %1</source>
        <translation>no se puede codificar %1</translation>
    </message>
</context>
<context>
    <name>chronomap::AppSettings</name>
    <message>
        <source>The settings file %1 could not be read and was reset (the old file is kept as %2).</source>
        <translation>No se pudo leer el archivo de configuración %1 y se ha restablecido (el archivo anterior se conserva como %2).</translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingCaptionBand</name>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Previous step (Left, Page Up)</source>
        <translation>Paso anterior (Izquierda, Re Pág)</translation>
    </message>
    <message>
        <source>Next step (Right, Page Down); Escape leaves</source>
        <translation>Paso siguiente (Derecha, Av Pág); Escape sale</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingDocument</name>
    <message>
        <source>Add Step</source>
        <translation>Añadir paso</translation>
    </message>
    <message>
        <source>Delete Step</source>
        <translation>Eliminar paso</translation>
    </message>
    <message>
        <source>Duplicate Step</source>
        <translation>Duplicar paso</translation>
    </message>
    <message>
        <source>Move Step</source>
        <translation>Mover paso</translation>
    </message>
    <message>
        <source>Update Step from View</source>
        <translation>Actualizar paso desde la vista</translation>
    </message>
    <message>
        <source>Edit Step Title</source>
        <translation>Editar título del paso</translation>
    </message>
    <message>
        <source>Edit Caption</source>
        <translation>Editar texto</translation>
    </message>
    <message>
        <source>Edit Briefing Title</source>
        <translation>Editar el título de la presentación</translation>
    </message>
    <message>
        <source>Edit Author</source>
        <translation>Editar el autor</translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingExportDialog</name>
    <message>
        <source>Export Briefing as PDF</source>
        <translation>Exportar la presentación como PDF</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 apaisado</translation>
    </message>
    <message>
        <source>16:9 slides</source>
        <translation>Diapositivas 16:9</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Language of the captions</source>
        <translation>Idioma de los textos</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Arc&amp;hivo:</translation>
    </message>
    <message>
        <source>&amp;Page:</source>
        <translation>&amp;Página:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), one page each, between a title page and the sources cited.</source>
        <translation>
            <numerusform>%n paso, una página cada uno, entre una portada y las fuentes citadas.</numerusform>
            <numerusform>%n pasos, una página cada uno, entre una portada y las fuentes citadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file name must end in .pdf.</source>
        <translation>El nombre del archivo debe terminar en .pdf.</translation>
    </message>
    <message>
        <source>The briefing has no steps to export.</source>
        <translation>La presentación no tiene pasos que exportar.</translation>
    </message>
    <message>
        <source>There is nothing to draw the steps over: no dataset is open.</source>
        <translation>No hay sobre qué dibujar los pasos: no hay datos abiertos.</translation>
    </message>
    <message>
        <source>The briefing names what the data lacks: see Problems</source>
        <translation>La presentación nombra algo que los datos no tienen: vea Problemas</translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingExportJob</name>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingFiles</name>
    <message>
        <source>Cannot open briefing</source>
        <translation>No se puede abrir la presentación</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n step(s) could not be read; see Problems</source>
        <translation>
            <numerusform>%1: no se pudo leer %n paso; vea Problemas</numerusform>
            <numerusform>%1: no se pudieron leer %n pasos; vea Problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was made over other data: see Problems for what changed</source>
        <translation>%1 se hizo sobre otros datos: vea Problemas para saber qué cambió</translation>
    </message>
    <message>
        <source>Open briefing</source>
        <translation>Abrir presentación</translation>
    </message>
    <message>
        <source>Chronomap briefings (*.chronomap-briefing.json);;JSON (*.json);;All files (*)</source>
        <translation>Presentaciones de Chronomap (*.chronomap-briefing.json);;JSON (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The example briefing is not installed (looked for %1).</source>
        <translation>La presentación de ejemplo no está instalada (se buscó %1).</translation>
    </message>
    <message>
        <source>Cannot save briefing</source>
        <translation>No se puede guardar la presentación</translation>
    </message>
    <message>
        <source>briefing</source>
        <translation>presentacion</translation>
    </message>
    <message>
        <source>Save briefing</source>
        <translation>Guardar presentación</translation>
    </message>
    <message>
        <source>Chronomap briefings (*.chronomap-briefing.json)</source>
        <translation>Presentaciones de Chronomap (*.chronomap-briefing.json)</translation>
    </message>
    <message>
        <source>Unsaved briefing</source>
        <translation>Presentación sin guardar</translation>
    </message>
    <message numerus="yes">
        <source>The briefing has unsaved changes (%n step(s)). Save them?</source>
        <translation>
            <numerusform>La presentación tiene cambios sin guardar (%n paso). ¿Guardarlos?</numerusform>
            <numerusform>La presentación tiene cambios sin guardar (%n pasos). ¿Guardarlos?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingJson</name>
    <message>
        <source>step %1</source>
        <translation>paso %1</translation>
    </message>
    <message>
        <source>step %1 “%2”</source>
        <translation>paso %1 «%2»</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>no es JSON (%1 en el byte %2)</translation>
    </message>
    <message>
        <source>not a Chronomap briefing (no &quot;format&quot;: &quot;chronomap-briefing&quot;)</source>
        <translation>no es una presentación de Chronomap (falta &quot;format&quot;: &quot;chronomap-briefing&quot;)</translation>
    </message>
    <message>
        <source>written by a newer Chronomap (briefing version %1; this one reads up to %2)</source>
        <translation>escrita por un Chronomap más reciente (versión %1 de la presentación; este lee hasta la %2)</translation>
    </message>
    <message>
        <source>left out: %1</source>
        <translation>omitido: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>the data changed since the briefing was made (it was made over %1, SHA-256 %2…; the loaded data&apos;s is %3…)</source>
        <translation>los datos cambiaron desde que se hizo la presentación (se hizo sobre %1, SHA-256 %2…; el de los datos cargados es %3…)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>the base map no longer has the selected region &apos;%1&apos;</source>
        <translation>el mapa base ya no tiene la región seleccionada «%1»</translation>
    </message>
    <message>
        <source>the data no longer has the selected record &apos;%1&apos;</source>
        <translation>los datos ya no tienen el registro seleccionado «%1»</translation>
    </message>
    <message>
        <source>the data has no category &apos;%1&apos; (hidden in this step)</source>
        <translation>los datos no tienen la categoría «%1» (oculta en este paso)</translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingPanel</name>
    <message>
        <source>Add Current View</source>
        <translation>Añadir vista actual</translation>
    </message>
    <message>
        <source>A new step showing the view as it is now: time window, region, selection, filters and map</source>
        <translation>Un paso nuevo con la vista tal como está: ventana temporal, región, selección, filtros y mapa</translation>
    </message>
    <message>
        <source>Update from View</source>
        <translation>Actualizar desde la vista</translation>
    </message>
    <message>
        <source>The chosen step shows the view as it is now; its texts stay</source>
        <translation>El paso elegido muestra la vista tal como está ahora; sus textos se conservan</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Present (F5)</source>
        <translation>Presentar (F5)</translation>
    </message>
    <message>
        <source>Briefing steps</source>
        <translation>Pasos de la presentación</translation>
    </message>
    <message>
        <source>Drag a step to move it; choose one to show its view</source>
        <translation>Arrastre un paso para moverlo; elija uno para ver su vista</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Texto:</translation>
    </message>
    <message>
        <source>Step title (%1)</source>
        <translation>Título del paso (%1)</translation>
    </message>
    <message>
        <source>Step caption (%1)</source>
        <translation>Texto del paso (%1)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>Title (Spanish):</source>
        <translation>Título (español):</translation>
    </message>
    <message>
        <source>Title (English):</source>
        <translation>Título (inglés):</translation>
    </message>
    <message>
        <source>Briefing title (%1)</source>
        <translation>Título de la presentación (%1)</translation>
    </message>
    <message>
        <source>Shown on the PDF&apos;s title page</source>
        <translation>Se muestra en la portada del PDF</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Autor:</translation>
    </message>
    <message>
        <source>Briefing author</source>
        <translation>Autor de la presentación</translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingPdf</name>
    <message>
        <source>no dataset to draw the briefing over</source>
        <translation>no hay datos sobre los que dibujar la presentación</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>cannot set up a %1x%2 pt PDF page</source>
        <translation>no se puede preparar una página PDF de %1x%2 pt</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>no se pudo empezar el PDF</translation>
    </message>
    <message>
        <source>the PDF could not be finished</source>
        <translation>no se pudo terminar el PDF</translation>
    </message>
    <message>
        <source>cannot write %1: %2 of %3 bytes written; is the disk full?</source>
        <translation>no se puede escribir %1: escritos %2 de %3 bytes; ¿está lleno el disco?</translation>
    </message>
</context>
<context>
    <name>chronomap::EventExport</name>
    <message>
        <source>There is nothing to export yet: no dataset is open.</source>
        <translation>Todavía no hay nada que exportar: no hay ningún conjunto de datos abierto.</translation>
    </message>
    <message>
        <source>The file name must end in .geojson, .json or .csv.</source>
        <translation>El nombre del archivo debe terminar en .geojson, .json o .csv.</translation>
    </message>
    <message>
        <source>Export Events</source>
        <translation>Exportar acontecimientos</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json);;CSV (*.csv)</source>
        <translation>GeoJSON (*.geojson *.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not export the events:

%1</source>
        <translation>No se pudieron exportar los acontecimientos:

%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n event(s) to %1.</source>
        <translation>
            <numerusform>Se ha escrito %n acontecimiento en %1.</numerusform>
            <numerusform>Se han escrito %n acontecimientos en %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::EventLoader</name>
    <message>
        <source>only local files are opened; network and virtual paths are refused</source>
        <translation>solo se abren archivos locales; se rechazan las rutas de red y virtuales</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no existe el archivo</translation>
    </message>
    <message>
        <source>not a readable file</source>
        <translation>no es un archivo legible</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>the file is %1, more than the limit of %2</source>
        <translation>el archivo ocupa %1, más que el límite de %2</translation>
    </message>
    <message>
        <source>cannot hold the data in memory</source>
        <translation>los datos no caben en la memoria</translation>
    </message>
</context>
<context>
    <name>chronomap::EventPanel</name>
    <message>
        <source>Figures as each source states them</source>
        <translation>Cifras tal como las da cada fuente</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Magnitud</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>A fecha de</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Cifras declaradas</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Selected event</source>
        <translation>Acontecimiento seleccionado</translation>
    </message>
    <message>
        <source>Title, date, summary, figures and sources of the selected event</source>
        <translation>Título, fecha, resumen, cifras y fuentes del acontecimiento seleccionado</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Open this address in your web browser?

%1</source>
        <translation>¿Abrir esta dirección en el navegador web?

%1</translation>
    </message>
    <message>
        <source>Click an event on the map or in a list to see it here.</source>
        <translation>Haga clic en un acontecimiento del mapa o de una lista para verlo aquí.</translation>
    </message>
    <message>
        <source>confidence: %1</source>
        <translation>fiabilidad: %1</translation>
    </message>
    <message>
        <source>provenance: %1</source>
        <translation>procedencia: %1</translation>
    </message>
    <message>
        <source>actors: %1</source>
        <translation>actores: %1</translation>
    </message>
    <message>
        <source>no figure</source>
        <translation>sin cifra</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <source>Related records</source>
        <translation>Registros relacionados</translation>
    </message>
    <message>
        <source>%1: %2 (not in the data)</source>
        <translation>%1: %2 (no está en los datos)</translation>
    </message>
    <message>
        <source>The chosen event is no longer in the database&apos;s table.</source>
        <translation>El evento elegido ya no está en la tabla de la base de datos.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>regions: %1</source>
        <translation>regiones: %1</translation>
    </message>
</context>
<context>
    <name>chronomap::EventTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regiones</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>chronomap::EventWriter</name>
    <message>
        <source>GDAL has no %1 driver</source>
        <translation>GDAL no tiene el controlador %1</translation>
    </message>
    <message>
        <source>GDAL wrote no %1 data</source>
        <translation>GDAL no escribió datos %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>chronomap::ExportDialog</name>
    <message>
        <source>Export Snapshot</source>
        <translation>Exportar instantánea</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>T&amp;amaño:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>A&amp;rchivo:</translation>
    </message>
    <message>
        <source>There is nothing to export yet: no dataset is open.</source>
        <translation>Todavía no hay nada que exportar: no hay ningún conjunto de datos abierto.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Sin vista previa</translation>
    </message>
    <message>
        <source>The file name must end in %1.</source>
        <translation>El nombre del archivo debe terminar en %1.</translation>
    </message>
</context>
<context>
    <name>chronomap::ExportFileField</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
</context>
<context>
    <name>chronomap::ExportFooter</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Elija un archivo al que exportar.</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportando %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
</context>
<context>
    <name>chronomap::ExportSizeField</name>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Anchura</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Altura</translation>
    </message>
    <message>
        <source>Current window (%1 × %2)</source>
        <translation>Ventana actual (%1 × %2)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
</context>
<context>
    <name>chronomap::FilterBar</name>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Search title, summary, actors, places, sources</source>
        <translation>Buscar en título, resumen, actores, lugares, fuentes</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Buscar acontecimientos</translation>
    </message>
    <message>
        <source>Show only events containing every word, in either language (Ctrl+F)</source>
        <translation>Mostrar solo los acontecimientos que contienen todas las palabras, en cualquiera de los dos idiomas (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Show or hide events by how well sources support them and how they were collected</source>
        <translation>Mostrar u ocultar acontecimientos según el respaldo de las fuentes y su procedencia</translation>
    </message>
    <message>
        <source>Possibly in window</source>
        <translation>Posiblemente en el intervalo</translation>
    </message>
    <message>
        <source>Certainly in window</source>
        <translation>Seguro en el intervalo</translation>
    </message>
    <message>
        <source>Whether an event with an uncertain date counts as in the time window when it may be in it, or only when it must be</source>
        <translation>Si un acontecimiento con fecha incierta cuenta como dentro del intervalo cuando puede estarlo, o solo cuando lo está con seguridad</translation>
    </message>
    <message>
        <source>Time window match</source>
        <translation>Coincidencia con el intervalo</translation>
    </message>
    <message>
        <source>Hide events outside the window</source>
        <translation>Ocultar los acontecimientos fuera del intervalo</translation>
    </message>
    <message>
        <source>Fade events outside the window</source>
        <translation>Atenuar los acontecimientos fuera del intervalo</translation>
    </message>
    <message>
        <source>Events outside the time window</source>
        <translation>Acontecimientos fuera del intervalo de tiempo</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Fiabilidad</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Procedencia</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Mostrar todo</translation>
    </message>
    <message numerus="yes">
        <source>Confidence &amp;&amp; provenance (%n hidden)</source>
        <translation>
            <numerusform>Fiabilidad y procedencia (%n oculta)</numerusform>
            <numerusform>Fiabilidad y procedencia (%n ocultas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Confidence &amp;&amp; provenance</source>
        <translation>Fiabilidad y procedencia</translation>
    </message>
    <message>
        <source>Show or hide events by category</source>
        <translation>Mostrar u ocultar eventos por categoría</translation>
    </message>
    <message numerus="yes">
        <source>Categories (%n hidden)</source>
        <translation>
            <numerusform>Categorías (%n oculta)</numerusform>
            <numerusform>Categorías (%n ocultas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
</context>
<context>
    <name>chronomap::ImportMappingDialog</name>
    <message>
        <source>start date</source>
        <translation>fecha de inicio</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>fecha de fin</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>resumen</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>latitud</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>longitud</translation>
    </message>
    <message>
        <source>geometry (WKT)</source>
        <translation>geometría (WKT)</translation>
    </message>
    <message>
        <source>region codes</source>
        <translation>códigos de región</translation>
    </message>
    <message>
        <source>actors</source>
        <translation>actores</translation>
    </message>
    <message>
        <source>places</source>
        <translation>lugares</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>fuentes</translation>
    </message>
    <message>
        <source>figures (JSON claims)</source>
        <translation>cifras (claims en JSON)</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>fiabilidad</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Chronomap does not know how to read this file. Say which column holds what; at least a start date is needed.</source>
        <translation>Chronomap no sabe cómo leer este archivo. Indique qué contiene cada columna; hace falta al menos una fecha de inicio.</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Primeras filas del archivo</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(sin usar)</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>First problems</source>
        <translation>Primeros problemas</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Cargar</translation>
    </message>
    <message>
        <source>&amp;Copy as Command Line</source>
        <translation>Co&amp;piar como línea de órdenes</translation>
    </message>
    <message>
        <source>%1 of %2 rows would load</source>
        <translation>se cargarían %1 de %2 filas</translation>
    </message>
    <message>
        <source>row %1: %2: %3</source>
        <translation>fila %1: %2: %3</translation>
    </message>
    <message>
        <source>figure: a number per row (e.g. fatalities)</source>
        <translation>cifra: un número por fila (p. ej. muertos)</translation>
    </message>
    <message>
        <source>Counting the rows that would load…</source>
        <translation>Contando las filas que se cargarían…</translation>
    </message>
</context>
<context>
    <name>chronomap::LayerReader</name>
    <message>
        <source>the mapping names column &apos;%1&apos; for %2, but the file has no such column</source>
        <translation>la asignación indica la columna &apos;%1&apos; para %2, pero el archivo no tiene esa columna</translation>
    </message>
    <message>
        <source>the coordinate system of layer &apos;%1&apos; cannot be converted to WGS 84</source>
        <translation>el sistema de coordenadas de la capa &apos;%1&apos; no se puede convertir a WGS 84</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>sin título</translation>
    </message>
    <message>
        <source>Untitled event</source>
        <translation>Acontecimiento sin título</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of confirmed, reported, claimed, disputed</source>
        <translation>&apos;%1&apos; no es confirmed, reported, claimed ni disputed</translation>
    </message>
    <message>
        <source>text is not valid UTF-8; unreadable bytes shown as �</source>
        <translation>el texto no es UTF-8 válido; los bytes ilegibles se muestran como �</translation>
    </message>
    <message>
        <source>text is %1 characters long; cut to %2</source>
        <translation>el texto tiene %1 caracteres; se recorta a %2</translation>
    </message>
    <message>
        <source>no start date; record skipped</source>
        <translation>sin fecha de inicio; registro omitido</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 date (2025, 2025-08, 2025-08-12 or 2025-08-12T09:30Z); record skipped</source>
        <translation>&apos;%1&apos; no es una fecha ISO 8601 (2025, 2025-08, 2025-08-12 o 2025-08-12T09:30Z); registro omitido</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 date; the end is ignored</source>
        <translation>&apos;%1&apos; no es una fecha ISO 8601; se ignora el final</translation>
    </message>
    <message>
        <source>end %1 is before start %2; the end is ignored</source>
        <translation>el final %1 es anterior al inicio %2; se ignora el final</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of year, month, day, time</source>
        <translation>&apos;%1&apos; no es year, month, day ni time</translation>
    </message>
    <message>
        <source>says &apos;%1&apos; but the start &apos;%2&apos; is only precise to the %3; using %3</source>
        <translation>indica &apos;%1&apos; pero el inicio &apos;%2&apos; solo tiene precisión de %3; se usa %3</translation>
    </message>
    <message>
        <source>geometry</source>
        <translation>geometría</translation>
    </message>
    <message>
        <source>empty %1 (no usable coordinates); record skipped</source>
        <translation>%1 vacío (sin coordenadas utilizables); registro omitido</translation>
    </message>
    <message>
        <source>coordinates beyond %1 in the file&apos;s coordinate system cannot be on any map; record skipped</source>
        <translation>unas coordenadas más allá de %1 en el sistema de coordenadas del archivo no pueden estar en ningún mapa; registro omitido</translation>
    </message>
    <message>
        <source>cannot be converted to WGS 84; record skipped</source>
        <translation>no se puede convertir a WGS 84; registro omitido</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; record skipped</source>
        <translation>&apos;%1&apos; no es un número; registro omitido</translation>
    </message>
    <message>
        <source>(%1, %2) is not a WGS 84 longitude/latitude; record skipped</source>
        <translation>(%1, %2) no es una longitud/latitud WGS 84; registro omitido</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not WKT geometry; record skipped</source>
        <translation>&apos;%1&apos; no es una geometría WKT; registro omitido</translation>
    </message>
    <message>
        <source>no location; shown on the timeline only</source>
        <translation>sin ubicación; solo se muestra en la cronología</translation>
    </message>
    <message>
        <source>%1 vertices, more than the limit of %2; record skipped</source>
        <translation>%1 vértices, más que el límite de %2; registro omitido</translation>
    </message>
    <message>
        <source>several points; the first stands for the record</source>
        <translation>varios puntos; el primero representa el registro</translation>
    </message>
    <message>
        <source>several lines; only the first is shown</source>
        <translation>varias líneas; solo se muestra la primera</translation>
    </message>
    <message>
        <source>the area has no centre; record skipped</source>
        <translation>el área no tiene centro; registro omitido</translation>
    </message>
    <message>
        <source>%1 geometry is not supported (points, lines and areas are); record skipped</source>
        <translation>la geometría %1 no se admite (sí puntos, líneas y áreas); registro omitido</translation>
    </message>
    <message>
        <source>JSON nested %1 levels deep, more than the limit of %2; ignored</source>
        <translation>JSON anidado a %1 niveles, más que el límite de %2; se ignora</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at offset %2); ignored</source>
        <translation>JSON no válido (%1 en la posición %2); se ignora</translation>
    </message>
    <message>
        <source>not a JSON array of claims; ignored</source>
        <translation>no es una matriz JSON de cifras; se ignora</translation>
    </message>
    <message>
        <source>a claim is not a JSON object; ignored</source>
        <translation>una cifra no es un objeto JSON; se ignora</translation>
    </message>
    <message>
        <source>claim value for &apos;%1&apos; is not a number; kept without a value</source>
        <translation>el valor de la cifra para &apos;%1&apos; no es un número; se conserva sin valor</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a number, not a source; ignored</source>
        <translation>&apos;%1&apos; es un número, no una fuente; se ignora</translation>
    </message>
    <message>
        <source>a source is neither text nor an object; ignored</source>
        <translation>una fuente no es ni texto ni un objeto; se ignora</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date in the form %2; record skipped</source>
        <translation>&apos;%1&apos; no es una fecha con la forma %2; registro omitido</translation>
    </message>
    <message>
        <source>claim &apos;%1&apos; names source %2, but the record has %3 sources</source>
        <translation>la cifra &apos;%1&apos; remite a la fuente %2, pero el registro tiene %3 fuentes</translation>
    </message>
    <message>
        <source>not a JSON array of related records; ignored</source>
        <translation>no es una lista JSON de registros relacionados; se ignora</translation>
    </message>
    <message>
        <source>a related record without an id; ignored</source>
        <translation>un registro relacionado sin id; se ignora</translation>
    </message>
    <message>
        <source>id &apos;%1&apos; is already used by an earlier record; record skipped</source>
        <translation>el id &apos;%1&apos; ya lo usa un registro anterior; registro omitido</translation>
    </message>
    <message>
        <source>the mapping names column &apos;%1&apos; for a figure, but the file has no such column</source>
        <translation>la asignación nombra la columna &apos;%1&apos; para una cifra, pero el archivo no la tiene</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; no %2 figure</source>
        <translation>&apos;%1&apos; no es un número; sin cifra de %2</translation>
    </message>
</context>
<context>
    <name>chronomap::LiveTable</name>
    <message>
        <source>%1: name one table made by --import-pg with tables=NAME (lower-case letters, digits and _)</source>
        <translation>%1: indique una tabla creada con --import-pg mediante tables=NOMBRE (minúsculas, dígitos y _)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: there is no table %2</source>
        <translation>%1: no existe la tabla %2</translation>
    </message>
    <message>
        <source>%1: the table %2 has no column %3 (tables made by chronomap --import-pg have it)</source>
        <translation>%1: la tabla %2 no tiene la columna %3 (las tablas creadas con chronomap --import-pg la tienen)</translation>
    </message>
    <message>
        <source>the connection to the database %1 was lost (table %2): %3</source>
        <translation>se perdió la conexión con la base de datos %1 (tabla %2): %3</translation>
    </message>
    <message>
        <source>the query was cancelled</source>
        <translation>la consulta se canceló</translation>
    </message>
    <message>
        <source>the database %1 refused a query on table %2: %3</source>
        <translation>la base de datos %1 rechazó una consulta sobre la tabla %2: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a timeline unit</source>
        <translation>«%1» no es una unidad de la línea de tiempo</translation>
    </message>
</context>
<context>
    <name>chronomap::LiveWorker</name>
    <message>
        <source>cannot listen for changes on %1</source>
        <translation>no se pueden escuchar los cambios en %1</translation>
    </message>
    <message>
        <source>the connection to the database %1 was lost (table %2)</source>
        <translation>se perdió la conexión con la base de datos %1 (tabla %2)</translation>
    </message>
    <message>
        <source>the database %1 cannot be reached again (table %2)</source>
        <translation>no se puede volver a conectar con la base de datos %1 (tabla %2)</translation>
    </message>
</context>
<context>
    <name>chronomap::MainWindow</name>
    <message>
        <source>Chronomap</source>
        <translation>Chronomap</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los acontecimientos</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Acontecimiento</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Intervalo de tiempo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 to %2 (%n event(s))</source>
        <translation>
            <numerusform>Del %1 al %2 (%n acontecimiento)</numerusform>
            <numerusform>Del %1 al %2 (%n acontecimientos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 de %n acontecimiento</numerusform>
            <numerusform>%1 de %n acontecimientos</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Volver a cargar</translation>
    </message>
    <message>
        <source>&amp;Export Snapshot…</source>
        <translation>&amp;Exportar instantánea…</translation>
    </message>
    <message>
        <source>Export E&amp;vents…</source>
        <translation>Exportar aco&amp;ntecimientos…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Zoom to Data</source>
        <translation>&amp;Encuadrar los datos</translation>
    </message>
    <message>
        <source>&amp;Markers</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <source>&amp;Choropleth (events per region)</source>
        <translation>&amp;Coropletas (acontecimientos por región)</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Tiempo</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Reproducir / Pausa</translation>
    </message>
    <message>
        <source>&amp;Step Forward</source>
        <translation>&amp;Avanzar un paso</translation>
    </message>
    <message>
        <source>&amp;Clear Time Window</source>
        <translation>&amp;Quitar el intervalo de tiempo</translation>
    </message>
    <message>
        <source>Zoom Timeline &amp;In</source>
        <translation>A&amp;mpliar la cronología</translation>
    </message>
    <message>
        <source>Zoom Timeline &amp;Out</source>
        <translation>Re&amp;ducir la cronología</translation>
    </message>
    <message>
        <source>&amp;Fit Timeline to Data</source>
        <translation>A&amp;justar la cronología a los datos</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Chronomap</source>
        <translation>A&amp;cerca de Chronomap</translation>
    </message>
    <message>
        <source>Open events</source>
        <translation>Abrir acontecimientos</translation>
    </message>
    <message>
        <source>Event data (*.geojson *.json *.geojsonl *.csv *.gpkg *.kml *.xlsx *.ods *.fgb *.shp *.gpx);;All files (*)</source>
        <translation>Datos de acontecimientos (*.geojson *.json *.geojsonl *.csv *.gpkg *.kml *.xlsx *.ods *.fgb *.shp *.gpx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n file(s)…</source>
        <translation>
            <numerusform>Cargando %n archivo…</numerusform>
            <numerusform>Cargando %n archivos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading %1 cancelled</source>
        <translation>Carga de %1 cancelada</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>No se puede abrir el archivo</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message numerus="yes">
        <source>, %n record(s) skipped</source>
        <translation>
            <numerusform>, %n registro omitido</numerusform>
            <numerusform>, %n registros omitidos</numerusform>
        </translation>
    </message>
    <message>
        <source>The events passing the filters, whatever the time window, in time order. Enter shows the selected event.</source>
        <translation>Los acontecimientos que pasan los filtros, sea cual sea la ventana temporal, en orden cronológico. Intro muestra el acontecimiento seleccionado.</translation>
    </message>
    <message>
        <source>About Chronomap</source>
        <translation>Acerca de Chronomap</translation>
    </message>
    <message>
        <source>The %1 translation is not installed.</source>
        <translation>La traducción %1 no está instalada.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more — Chronomap</source>
        <translation>
            <numerusform>%1 y %n más — Chronomap</numerusform>
            <numerusform>%1 y %n más — Chronomap</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Chronomap</source>
        <translation>%1 — Chronomap</translation>
    </message>
    <message>
        <source>The saved window layout could not be restored; the default layout is used.</source>
        <translation>No se pudo restaurar la disposición guardada de la ventana; se usa la disposición predeterminada.</translation>
    </message>
    <message>
        <source>View state</source>
        <translation>Estado de la vista</translation>
    </message>
    <message>
        <source>%1 has changed since this view was saved; the view may differ.</source>
        <translation>%1 ha cambiado desde que se guardó esta vista; la vista puede ser distinta.</translation>
    </message>
    <message>
        <source>Choropleth (&amp;sum of a figure per region)</source>
        <translation>Coropletas (&amp;suma de una cifra por región)</translation>
    </message>
    <message>
        <source>No figures in the data</source>
        <translation>No hay cifras en los datos</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the file reader: no record for %n s</source>
        <translation>
            <numerusform>Esperando al lector de archivos: ningún registro desde hace %n s</numerusform>
            <numerusform>Esperando al lector de archivos: ningún registro desde hace %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: see Problems</source>
        <translation>No se pudo leer %1: vea Problemas</translation>
    </message>
    <message>
        <source>Export &amp;Animation…</source>
        <translation>Exportar &amp;animación…</translation>
    </message>
    <message>
        <source>Map &amp;Style</source>
        <translation>Estilo del &amp;mapa</translation>
    </message>
    <message>
        <source>&amp;Auto</source>
        <translation>&amp;Automático</translation>
    </message>
    <message>
        <source>&amp;Clusters</source>
        <translation>&amp;Agrupaciones</translation>
    </message>
    <message>
        <source>&amp;Hexagon bins</source>
        <translation>&amp;Hexágonos</translation>
    </message>
    <message>
        <source>H&amp;eat</source>
        <translation>&amp;Calor</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>The step names what the data no longer has: see Problems</source>
        <translation>El paso nombra algo que los datos ya no tienen: vea Problemas</translation>
    </message>
    <message>
        <source>&amp;Briefing</source>
        <translation>&amp;Presentación</translation>
    </message>
    <message>
        <source>&amp;New Briefing</source>
        <translation>&amp;Nueva presentación</translation>
    </message>
    <message>
        <source>&amp;Open Briefing…</source>
        <translation>&amp;Abrir presentación…</translation>
    </message>
    <message>
        <source>Open &amp;Example Briefing</source>
        <translation>Abrir presentación de &amp;ejemplo</translation>
    </message>
    <message>
        <source>&amp;Save Briefing</source>
        <translation>&amp;Guardar presentación</translation>
    </message>
    <message>
        <source>Save Briefing &amp;As…</source>
        <translation>Guardar presentación &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Present Briefing</source>
        <translation>&amp;Presentar</translation>
    </message>
    <message>
        <source>&amp;Reduce Motion</source>
        <translation>&amp;Reducir movimiento</translation>
    </message>
    <message>
        <source>Hexagon Bins by Dominant &amp;Category</source>
        <translation>Hexágonos por &amp;categoría dominante</translation>
    </message>
    <message>
        <source>Open &amp;Database…</source>
        <translation>Abrir &amp;base de datos…</translation>
    </message>
    <message>
        <source>Export as &amp;PDF…</source>
        <translation>Exportar como &amp;PDF…</translation>
    </message>
    <message>
        <source>Showing %1 to %2</source>
        <translation>Del %1 al %2</translation>
    </message>
    <message numerus="yes">
        <source>Live from database: %Ln row(s)</source>
        <translation>
            <numerusform>En vivo desde la base de datos: %Ln fila</numerusform>
            <numerusform>En vivo desde la base de datos: %Ln filas</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Live from database: %1</source>
        <translation>En vivo desde la base de datos: %1</translation>
    </message>
    <message numerus="yes">
        <source>The events in view, from the database: the first %1 of %Ln by date</source>
        <translation>
            <numerusform>Los eventos a la vista, de la base de datos: los primeros %1 de %Ln por fecha</numerusform>
            <numerusform>Los eventos a la vista, de la base de datos: los primeros %1 de %Ln por fecha</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in view, from the database</source>
        <translation>
            <numerusform>%n evento a la vista, de la base de datos</numerusform>
            <numerusform>%n eventos a la vista, de la base de datos</numerusform>
        </translation>
    </message>
    <message>
        <source>Not available for a table browsed live: the map draws the database&apos;s density bins, or markers when the view holds few events</source>
        <translation>No disponible para una tabla consultada en vivo: el mapa dibuja las celdas de densidad de la base de datos, o marcadores cuando la vista tiene pocos eventos</translation>
    </message>
</context>
<context>
    <name>chronomap::MapLegend</name>
    <message>
        <source>Events per region</source>
        <translation>Acontecimientos por región</translation>
    </message>
    <message>
        <source>no events in the window</source>
        <translation>ningún acontecimiento en el intervalo</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>%1 (hidden)</source>
        <translation>%1 (oculta)</translation>
    </message>
    <message>
        <source>Made with Natural Earth</source>
        <translation>Made with Natural Earth</translation>
    </message>
    <message>
        <source>no %1 in the window</source>
        <translation>sin %1 en el intervalo</translation>
    </message>
    <message>
        <source>Sum of %1 per region</source>
        <translation>Suma de %1 por región</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Agrupaciones</translation>
    </message>
    <message>
        <source>Hexagon bins</source>
        <translation>Hexágonos</translation>
    </message>
    <message>
        <source>Heat (event density)</source>
        <translation>Calor (densidad de acontecimientos)</translation>
    </message>
    <message>
        <source>%1 (automatic)</source>
        <translation>%1 (automático)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) a bin</source>
        <translation>
            <numerusform>%n acontecimiento por hexágono</numerusform>
            <numerusform>%n acontecimientos por hexágono</numerusform>
        </translation>
    </message>
    <message>
        <source>(logarithmic)</source>
        <translation>(escala logarítmica)</translation>
    </message>
    <message>
        <source>fewer events</source>
        <translation>menos acontecimientos</translation>
    </message>
    <message>
        <source>more events</source>
        <translation>más acontecimientos</translation>
    </message>
    <message>
        <source>colour: each bin&apos;s most frequent category</source>
        <translation>color: la categoría más frecuente de cada hexágono</translation>
    </message>
    <message>
        <source>circle area by count:</source>
        <translation>área del círculo según el número:</translation>
    </message>
</context>
<context>
    <name>chronomap::MapView</name>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Map of the events. Arrow keys pan, plus and minus zoom, Escape clears the selection.</source>
        <translation>Mapa de los acontecimientos. Las flechas desplazan, más y menos acercan y alejan, Escape quita la selección.</translation>
    </message>
    <message>
        <source>No base map</source>
        <translation>Sin mapa base</translation>
    </message>
    <message>
        <source>Click to show %1</source>
        <translation>Clic para mostrar %1</translation>
    </message>
    <message>
        <source>Click to hide %1</source>
        <translation>Clic para ocultar %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in this bin</source>
        <translation>
            <numerusform>%n acontecimiento en este hexágono</numerusform>
            <numerusform>%n acontecimientos en este hexágono</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in this cluster</source>
        <translation>
            <numerusform>%n acontecimiento en esta agrupación</numerusform>
            <numerusform>%n acontecimientos en esta agrupación</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to list them</source>
        <translation>Haga clic para verlos en una lista</translation>
    </message>
</context>
<context>
    <name>chronomap::OpenDatabaseDialog</name>
    <message>
        <source>Open Database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>este equipo</translation>
    </message>
    <message>
        <source>the user&apos;s name</source>
        <translation>el nombre del usuario</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>su nombre de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Base de &amp;datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Tabla:</translation>
    </message>
    <message>
        <source>Or a whole connection string, which then stands for the fields above (the table field adds its table when the string names none):</source>
        <translation>O una cadena de conexión completa, que sustituye entonces a los campos de arriba (el campo de la tabla añade su tabla cuando la cadena no nombra ninguna):</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Conexión:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>No line of %1 matches this connection: type the password if the server asks for one. It is used for this connection only and never saved.</source>
        <translation>Ninguna línea de %1 corresponde a esta conexión: escriba la contraseña si el servidor la pide. Se usa solo para esta conexión y nunca se guarda.</translation>
    </message>
    <message>
        <source>The connection string gives the password.</source>
        <translation>La cadena de conexión da la contraseña.</translation>
    </message>
    <message>
        <source>The password comes from %1.</source>
        <translation>La contraseña se toma de %1.</translation>
    </message>
</context>
<context>
    <name>chronomap::PgConnection</name>
    <message>
        <source>cannot connect to the database %1: %2</source>
        <translation>no se puede conectar con la base de datos %1: %2</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>memoria agotada</translation>
    </message>
    <message>
        <source>cannot use the database %1: %2</source>
        <translation>no se puede usar la base de datos %1: %2</translation>
    </message>
</context>
<context>
    <name>chronomap::PlaybackBar</name>
    <message>
        <source>Playback</source>
        <translation>Reproducción</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Move the time window one step forward</source>
        <translation>Avanzar el intervalo de tiempo un paso</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>Avanzar un paso</translation>
    </message>
    <message>
        <source>How far the time window moves at each step</source>
        <translation>Cuánto avanza el intervalo de tiempo en cada paso</translation>
    </message>
    <message>
        <source>Step size</source>
        <translation>Tamaño del paso</translation>
    </message>
    <message>
        <source>S&amp;tep:</source>
        <translation>Pa&amp;so:</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> pasos/s</translation>
    </message>
    <message>
        <source>Steps per second while playing</source>
        <translation>Pasos por segundo durante la reproducción</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation>&amp;Velocidad:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Pause playback</source>
        <translation>Pausar la reproducción</translation>
    </message>
    <message>
        <source>Play the time window forward through the data</source>
        <translation>Hacer avanzar el intervalo de tiempo por los datos</translation>
    </message>
</context>
<context>
    <name>chronomap::PostgisImport</name>
    <message>
        <source>&apos;%1&apos; is not a plain table name (lower-case letters, digits and _)</source>
        <translation>«%1» no es un nombre de tabla simple (minúsculas, dígitos y _)</translation>
    </message>
    <message>
        <source>the table %1 already exists; nothing was written (choose another with --table)</source>
        <translation>la tabla %1 ya existe; no se escribió nada (elija otra con --table)</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>no se puede iniciar una transacción: %1</translation>
    </message>
    <message>
        <source>the table %1 (kept beside a table %2, dropped without it?) already exists; nothing was written (drop it, or choose another name with --table)</source>
        <translation>la tabla %1 (guardada junto a una tabla %2, ¿borrada sin ella?) ya existe; no se escribió nada (bórrela o elija otro nombre con --table)</translation>
    </message>
    <message>
        <source>internal error: row %1 has %2 values for the table&apos;s %3 columns</source>
        <translation>error interno: la fila %1 tiene %2 valores para las %3 columnas de la tabla</translation>
    </message>
</context>
<context>
    <name>chronomap::ProblemsPanel</name>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Problems found while loading data files</source>
        <translation>Problemas encontrados al cargar los archivos de datos</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n event(s)</source>
        <translation>
            <numerusform>Conservar %n evento</numerusform>
            <numerusform>Conservar %n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n event(s) read before the failure</source>
        <translation>
            <numerusform>Conservar el %n evento leído antes del fallo</numerusform>
            <numerusform>Conservar los %n eventos leídos antes del fallo</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Conservados</translation>
    </message>
    <message>
        <source>No longer offered: another file was opened since</source>
        <translation>Ya no se ofrece: desde entonces se abrió otro archivo</translation>
    </message>
</context>
<context>
    <name>chronomap::ProfileTransform</name>
    <message>
        <source>&apos;%1&apos; is not one of %2&apos;s date precision codes (%3); the date is taken as written</source>
        <translation>&apos;%1&apos; no es uno de los códigos de precisión de fecha de %2 (%3); se toma la fecha tal como está</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2&apos;s location precision codes (%3); the location is taken as exact</source>
        <translation>&apos;%1&apos; no es uno de los códigos de precisión de lugar de %2 (%3); se toma el lugar como exacto</translation>
    </message>
    <message>
        <source>the location stands for a region that is not on the base map; shown at its point</source>
        <translation>el lugar representa una región que no está en el mapa base; se muestra en su punto</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; no %2 figure</source>
        <translation>&apos;%1&apos; no es un número; sin cifra de %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2&apos;s category codes; kept as written</source>
        <translation>&apos;%1&apos; no es uno de los códigos de categoría de %2; se conserva tal como está</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>sin título</translation>
    </message>
    <message>
        <source>Untitled event</source>
        <translation>Acontecimiento sin título</translation>
    </message>
</context>
<context>
    <name>chronomap::ReaderStream</name>
    <message>
        <source>not enough memory to convert the records</source>
        <translation>no hay memoria suficiente para convertir los registros</translation>
    </message>
    <message>
        <source>the file holds no records</source>
        <translation>el archivo no contiene registros</translation>
    </message>
    <message>
        <source>no column holds a start date (start, date, event_date, timestamp… or give one with a field mapping such as start=Fecha)</source>
        <translation>ninguna columna contiene una fecha de inicio (start, date, event_date, timestamp… o indique una con una asignación de campos como start=Fecha)</translation>
    </message>
    <message>
        <source>GDAL: %1</source>
        <translation>GDAL: %1</translation>
    </message>
    <message>
        <source>no usable records</source>
        <translation>ningún registro utilizable</translation>
    </message>
</context>
<context>
    <name>chronomap::RecentFilesMenu</name>
    <message>
        <source>&amp;Recent Files</source>
        <translation>Archivos &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
</context>
<context>
    <name>chronomap::RegionPanel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Events of the selected region</source>
        <translation>Acontecimientos de la región seleccionada</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>The region selected on the map and its events in time order</source>
        <translation>La región seleccionada en el mapa y sus acontecimientos en orden cronológico</translation>
    </message>
    <message>
        <source>Click a region on the map to see its events.</source>
        <translation>Haga clic en una región del mapa para ver sus acontecimientos.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n event(s)</source>
        <translation>
            <numerusform>%1 (%2): %n acontecimiento</numerusform>
            <numerusform>%1 (%2): %n acontecimientos</numerusform>
        </translation>
    </message>
    <message>
        <source> in the time window</source>
        <translation> en el intervalo de tiempo</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in this bin</source>
        <translation>
            <numerusform>%n acontecimiento en este hexágono</numerusform>
            <numerusform>%n acontecimientos en este hexágono</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in this cluster</source>
        <translation>
            <numerusform>%n acontecimiento en esta agrupación</numerusform>
            <numerusform>%n acontecimientos en esta agrupación</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoom to them</source>
        <translation>Acercar el mapa a ellos</translation>
    </message>
    <message numerus="yes">
        <source>showing the first %1 of %n event(s)</source>
        <translation>
            <numerusform>se muestra el primero de %n acontecimiento</numerusform>
            <numerusform>se muestran los primeros %1 de %n acontecimientos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2): asking the database…</source>
        <translation>%1 (%2): consultando la base de datos…</translation>
    </message>
</context>
<context>
    <name>chronomap::ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>In the map and the timeline: arrow keys pan, + and − zoom, Home shows everything, Escape clears the selection. Tab moves between the panels.</source>
        <translation>En el mapa y en la cronología: las flechas desplazan, + y − acercan y alejan, Inicio lo muestra todo, Escape quita la selección. Tab pasa de un panel a otro.</translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotComposer</name>
    <message>
        <source>Chronomap</source>
        <translation>Chronomap</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>Time window: %1</source>
        <translation>Intervalo de tiempo: %1</translation>
    </message>
    <message>
        <source> (events certainly in it)</source>
        <translation> (acontecimientos que seguro caen en él)</translation>
    </message>
    <message>
        <source>All dates: %1</source>
        <translation>Todas las fechas: %1</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n acontecimiento</numerusform>
            <numerusform>%n acontecimientos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 de %2 acontecimientos</translation>
    </message>
    <message>
        <source>Hidden: %1</source>
        <translation>Ocultas: %1</translation>
    </message>
    <message>
        <source>Search: “%1”</source>
        <translation>Búsqueda: «%1»</translation>
    </message>
    <message>
        <source>Hidden confidence: %1</source>
        <translation>Fiabilidad oculta: %1</translation>
    </message>
    <message>
        <source>Hidden provenance: %1</source>
        <translation>Procedencia oculta: %1</translation>
    </message>
    <message>
        <source>Selected: %1 %2</source>
        <translation>Seleccionado: %1 %2</translation>
    </message>
    <message>
        <source>Sources: none named by the events shown.</source>
        <translation>Fuentes: los acontecimientos mostrados no citan ninguna.</translation>
    </message>
    <message>
        <source>Sources of the events shown:</source>
        <translation>Fuentes de los acontecimientos mostrados:</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Base map: Made with Natural Earth</source>
        <translation>Mapa base: Made with Natural Earth</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Datos: %1</translation>
    </message>
    <message>
        <source>Exported %1 UTC with Chronomap %2</source>
        <translation>Exportado el %1 UTC con Chronomap %2</translation>
    </message>
    <message>
        <source>No base map</source>
        <translation>Sin mapa base</translation>
    </message>
    <message>
        <source>%1 of %2 events in %3 (%4)</source>
        <translation>%1 de %2 acontecimientos en %3 (%4)</translation>
    </message>
    <message>
        <source>%1 of %2 events shown</source>
        <translation>%1 de %2 acontecimientos mostrados</translation>
    </message>
    <message>
        <source>Sources: none named by the events shown so far.</source>
        <translation>Fuentes: ninguna nombrada por los acontecimientos mostrados hasta ahora.</translation>
    </message>
    <message>
        <source>Sources of the events shown so far:</source>
        <translation>Fuentes de los acontecimientos mostrados hasta ahora:</translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotExportJob</name>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotFormats</name>
    <message>
        <source>%1 or %2</source>
        <translation>%1 o %2</translation>
    </message>
    <message>
        <source>%1x%2 is not a size between %3 and %4 pixels a side</source>
        <translation>%1x%2 no es un tamaño de entre %3 y %4 píxeles por lado</translation>
    </message>
    <message>
        <source>WxH or %1</source>
        <translation>AxA o %1</translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotWriter</name>
    <message>
        <source>the scale must be a positive number</source>
        <translation>la escala debe ser un número positivo</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>not enough memory for a %1x%2 image</source>
        <translation>no hay memoria suficiente para una imagen de %1x%2</translation>
    </message>
    <message>
        <source>cannot encode %1: %2</source>
        <translation>no se puede codificar %1: %2</translation>
    </message>
    <message>
        <source>cannot set up a %1x%2 pt PDF page</source>
        <translation>no se puede preparar una página PDF de %1x%2 pt</translation>
    </message>
    <message>
        <source>%1: unknown format &apos;%2&apos; (use %3)</source>
        <translation>%1: formato desconocido «%2» (use %3)</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineAxisPainter</name>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineRenderer</name>
    <message>
        <source>1 event</source>
        <translation>1 acontecimiento</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 acontecimientos</translation>
    </message>
    <message>
        <source>top: %1 per px</source>
        <translation>máximo: %1 por px</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>Sin acontecimientos</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Events in time, one lane per category. Drag to pan, the wheel zooms, drag along the axis at the bottom to choose the time window, click the axis to clear it. Left and right arrows scroll, plus and minus zoom, Home shows everything, Escape clears the selection.</source>
        <translation>Acontecimientos en el tiempo, una franja por categoría. Arrastre para desplazar, la rueda acerca y aleja, arrastre a lo largo del eje inferior para elegir el intervalo de tiempo, haga clic en el eje para quitarlo. Las flechas izquierda y derecha desplazan, más y menos acercan y alejan, Inicio lo muestra todo, Escape quita la selección.</translation>
    </message>
    <message>
        <source>Region: %1 — show all</source>
        <translation>Región: %1 — mostrar todas</translation>
    </message>
    <message>
        <source>The timeline shows only the events of %1. Click to show every region&apos;s.</source>
        <translation>La cronología muestra solo los acontecimientos de %1. Haga clic para mostrar los de todas las regiones.</translation>
    </message>
</context>
<context>
    <name>chronomap::VideoEncoderModule</name>
    <message>
        <source>animation export needs the video module %1, which is not installed (looked in %2)</source>
        <translation>la exportación de animaciones necesita el módulo de vídeo %1, que no está instalado (buscado en %2)</translation>
    </message>
    <message>
        <source>cannot load the video module %1: %2</source>
        <translation>no se puede cargar el módulo de vídeo %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Chronomap video module</source>
        <translation>%1 no es un módulo de vídeo de Chronomap</translation>
    </message>
    <message>
        <source>the video module is of another Chronomap version</source>
        <translation>el módulo de vídeo es de otra versión de Chronomap</translation>
    </message>
</context>
<context>
    <name>chronomap::ViewStateJson</name>
    <message>
        <source>not a Chronomap view state (no &quot;format&quot;: &quot;chronomap-view-state&quot;)</source>
        <translation>no es un estado de vista de Chronomap (falta &quot;format&quot;: &quot;chronomap-view-state&quot;)</translation>
    </message>
    <message>
        <source>written by a newer Chronomap (version %1)</source>
        <translation>escrito por un Chronomap más reciente (versión %1)</translation>
    </message>
    <message>
        <source>expected {&quot;from&quot;: ISO date-time or null, &quot;to&quot;: …} with from before to</source>
        <translation>se esperaba {&quot;from&quot;: fecha y hora ISO o null, &quot;to&quot;: …} con from anterior a to</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not possibly or certainly</source>
        <translation>&apos;%1&apos; no es possibly ni certainly</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not markers or choropleth</source>
        <translation>&apos;%1&apos; no es markers ni choropleth</translation>
    </message>
    <message>
        <source>the base map has no region &apos;%1&apos;</source>
        <translation>el mapa base no tiene la región &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the dataset has no event &apos;%1&apos;</source>
        <translation>el conjunto de datos no tiene el acontecimiento &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1: not JSON (%2 at byte %3)</source>
        <translation>%1: no es JSON (%2 en el byte %3)</translation>
    </message>
    <message>
        <source>%1: expected a JSON object</source>
        <translation>%1: se esperaba un objeto JSON</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not auto, markers, clusters, hexbins or heat</source>
        <translation>«%1» no es auto, markers, clusters, hexbins ni heat</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not count or category</source>
        <translation>«%1» no es count ni category</translation>
    </message>
</context>
<context>
    <name>chronomap::cli</name>
    <message>
        <source>%1: %2 records read, %3 events loaded, %4 skipped, %5 warnings</source>
        <translation>%1: %2 registros leídos, %3 acontecimientos cargados, %4 omitidos, %5 avisos</translation>
    </message>
    <message>
        <source>chronomap: --format: &apos;%1&apos; is not csv or geojson</source>
        <translation>chronomap: --format: &apos;%1&apos; no es csv ni geojson</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not iso, dmy or mdy</source>
        <translation>&apos;%1&apos; no es iso, dmy ni mdy</translation>
    </message>
    <message>
        <source>chronomap: --reader-timeout: &apos;%1&apos; is not a number of seconds</source>
        <translation>chronomap: --reader-timeout: «%1» no es un número de segundos</translation>
    </message>
    <message>
        <source>Try &apos;chronomap --help&apos; for the options.</source>
        <translation>Vea las opciones con &apos;chronomap --help&apos;.</translation>
    </message>
    <message>
        <source>chronomap: cannot open the window: %1 (the headless modes --export, --query and --validate need no display)</source>
        <translation>chronomap: no se puede abrir la ventana: %1 (los modos sin ventana --export, --query y --validate no necesitan pantalla)</translation>
    </message>
    <message>
        <source>chronomap: cannot open the window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); the headless modes --export, --query and --validate need none</source>
        <translation>chronomap: no se puede abrir la ventana: no hay pantalla (no están definidos ni DISPLAY ni WAYLAND_DISPLAY); los modos sin ventana --export, --query y --validate no la necesitan</translation>
    </message>
    <message>
        <source>cannot read the base map %1</source>
        <translation>no se puede leer el mapa base %1</translation>
    </message>
    <message>
        <source>%1: no usable events</source>
        <translation>%1: ningún acontecimiento utilizable</translation>
    </message>
    <message>
        <source>chronomap: %1: %2 records skipped (chronomap --validate %1 lists them)</source>
        <translation>chronomap: %1: %2 registros omitidos (chronomap --validate %1 los enumera)</translation>
    </message>
    <message>
        <source>chronomap: --category: the dataset has no events of category &apos;%1&apos;</source>
        <translation>chronomap: --category: el conjunto de datos no tiene acontecimientos de la categoría &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--select: the dataset has no event with id &apos;%1&apos;</source>
        <translation>--select: el conjunto de datos no tiene ningún acontecimiento con el id &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--map-style: &apos;%1&apos; is not auto, markers, clusters, hexbins or heat</source>
        <translation>--map-style: «%1» no es auto, markers, clusters, hexbins ni heat</translation>
    </message>
    <message>
        <source>chronomap: the bundled fonts are missing; text may differ from machine to machine</source>
        <translation>chronomap: faltan las tipografías incluidas; el texto puede variar de un equipo a otro</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::AnimationCommand</name>
    <message>
        <source>Write the playback to OUT (.mp4, .webm or .gif) without a window: one frame per step from --from to --to (default: the data&apos;s extent).</source>
        <translation>Escribe la reproducción en OUT (.mp4, .webm o .gif) sin ventana: un fotograma por paso de --from a --to (por defecto: todo el periodo de los datos).</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>SALIDA</translation>
    </message>
    <message>
        <source>How far the window moves per frame of --export-animation: day, week or month (default week).</source>
        <translation>Cuánto avanza el intervalo en cada fotograma de --export-animation: day, week o month (por defecto week).</translation>
    </message>
    <message>
        <source>STEP</source>
        <translation>PASO</translation>
    </message>
    <message>
        <source>Length of each frame&apos;s window for --export-animation, e.g. 7d, 2w, 1m (default: one step).</source>
        <translation>Duración del intervalo de cada fotograma de --export-animation, p. ej. 7d, 2w, 1m (por defecto: un paso).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURACIÓN</translation>
    </message>
    <message>
        <source>Frames per second of --export-animation (default 4).</source>
        <translation>Fotogramas por segundo de --export-animation (por defecto 4).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--export-animation: no output file given</source>
        <translation>--export-animation: no se indicó el archivo de salida</translation>
    </message>
    <message>
        <source>--export-animation: unknown format &apos;%1&apos; (use .mp4, .webm or .gif)</source>
        <translation>--export-animation: formato desconocido &apos;%1&apos; (use .mp4, .webm o .gif)</translation>
    </message>
    <message>
        <source>--step: &apos;%1&apos; is not day, week or month</source>
        <translation>--step: &apos;%1&apos; no es day, week ni month</translation>
    </message>
    <message>
        <source>--window: &apos;%1&apos; is not a duration such as 7d, 2w or 1m</source>
        <translation>--window: &apos;%1&apos; no es una duración como 7d, 2w o 1m</translation>
    </message>
    <message>
        <source>--fps: &apos;%1&apos; is not a whole number</source>
        <translation>--fps: &apos;%1&apos; no es un número entero</translation>
    </message>
    <message>
        <source>--lang: &apos;%1&apos; is not en or es</source>
        <translation>--lang: &apos;%1&apos; no es en ni es</translation>
    </message>
    <message>
        <source>--from/--to: the time range is empty</source>
        <translation>--from/--to: el intervalo de tiempo está vacío</translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not %2</source>
        <translation>--size: «%1» no es %2</translation>
    </message>
    <message>
        <source>--export-animation: %1</source>
        <translation>--export-animation: %1</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::BriefingCommand</name>
    <message>
        <source>Write the briefing in FILE as one PDF to the OUT.pdf given after it, without a window: a title page, a page per step, the sources cited.</source>
        <translation>Escribe la presentación de ARCHIVO como un solo PDF en el OUT.pdf indicado después, sin ventana: una portada, una página por paso y las fuentes citadas.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Page of --export-briefing: a4 (A4 landscape, the default) or slides (16:9).</source>
        <translation>Página de --export-briefing: a4 (A4 apaisado, la predeterminada) o slides (16:9).</translation>
    </message>
    <message>
        <source>PAGE</source>
        <translation>PÁGINA</translation>
    </message>
    <message>
        <source>%1: its dataset &apos;%2&apos; is neither beside it nor bundled; give the data with --data FILE</source>
        <translation>%1: sus datos &apos;%2&apos; no están a su lado ni entre los incluidos; indique los datos con --data ARCHIVO</translation>
    </message>
    <message>
        <source>--export-briefing: give the briefing, then one output file: --export-briefing BRIEFING.json OUT.pdf</source>
        <translation>--export-briefing: indique la presentación y después un archivo de salida: --export-briefing PRESENTACION.json SALIDA.pdf</translation>
    </message>
    <message>
        <source>--export-briefing: &apos;%1&apos; does not end in .pdf</source>
        <translation>--export-briefing: &apos;%1&apos; no termina en .pdf</translation>
    </message>
    <message>
        <source>--lang: &apos;%1&apos; is not en or es</source>
        <translation>--lang: &apos;%1&apos; no es en ni es</translation>
    </message>
    <message>
        <source>--page: &apos;%1&apos; is not a4 or slides</source>
        <translation>--page: &apos;%1&apos; no es a4 ni slides</translation>
    </message>
    <message>
        <source>%1: the briefing has no steps</source>
        <translation>%1: la presentación no tiene pasos</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::ExportCommand</name>
    <message>
        <source>Write a snapshot of the view to OUT (.png, .jpg, .svg or .pdf) without a window.</source>
        <translation>Escribe una instantánea de la vista en SALIDA (.png, .jpg, .svg o .pdf) sin ventana.</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>SALIDA</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>AxA</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <source>Language of the snapshot, its data and its words: en or es (default en).</source>
        <translation>Idioma de la instantánea, de sus datos y de sus textos: en o es (por omisión en).</translation>
    </message>
    <message>
        <source>Title of the snapshot (default: the dataset&apos;s file name).</source>
        <translation>Título de la instantánea (por omisión: el nombre del archivo de datos).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <source>Select the event with this id in the snapshot.</source>
        <translation>Selecciona en la instantánea el acontecimiento con este id.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>With --export: also write the view state to FILE (JSON). Without: open the window on the view state in FILE.</source>
        <translation>Con --export: escribe también el estado de la vista en ARCHIVO (JSON). Sin él: abre la ventana con el estado de la vista de ARCHIVO.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>--export: no output file given</source>
        <translation>--export: no se ha indicado el archivo de salida</translation>
    </message>
    <message>
        <source>--size: %1</source>
        <translation>--size: %1</translation>
    </message>
    <message>
        <source>--lang: &apos;%1&apos; is not en or es</source>
        <translation>--lang: &apos;%1&apos; no es en ni es</translation>
    </message>
    <message>
        <source>Snapshot size in pixels, WxH (default 1920x1080), or a preset: 1080p, 4k, or a4 for A4 landscape at 300 dpi.</source>
        <translation>Tamaño de la instantánea en píxeles, AnchoxAlto (por omisión 1920x1080), o un tamaño predefinido: 1080p, 4k, o a4 para A4 apaisado a 300 ppp.</translation>
    </message>
    <message>
        <source>--export: unknown format &apos;%1&apos; (use %2)</source>
        <translation>--export: formato desconocido «%1» (use %2)</translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not %2</source>
        <translation>--size: «%1» no es %2</translation>
    </message>
    <message>
        <source>How the map draws point events: auto (default), markers, clusters, hexbins or heat.</source>
        <translation>Cómo dibuja el mapa los eventos puntuales: auto (por defecto), markers, clusters, hexbins o heat.</translation>
    </message>
    <message>
        <source>STYLE</source>
        <translation>ESTILO</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::FilterOptions</name>
    <message>
        <source>Only events of this admin-1 region (ISO 3166-2 code or name).</source>
        <translation>Solo los acontecimientos de esta región de primer nivel (código ISO 3166-2 o nombre).</translation>
    </message>
    <message>
        <source>CODE|NAME</source>
        <translation>CÓDIGO|NOMBRE</translation>
    </message>
    <message>
        <source>Only events possibly on or after DATE (2025, 2025-08, 2025-08-12).</source>
        <translation>Solo los acontecimientos posiblemente en FECHA o después (2025, 2025-08, 2025-08-12).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>FECHA</translation>
    </message>
    <message>
        <source>Only events possibly on or before DATE (the whole period DATE names).</source>
        <translation>Solo los acontecimientos posiblemente en FECHA o antes (todo el periodo que nombra FECHA).</translation>
    </message>
    <message>
        <source>With --from/--to: only events certainly in the window, not just possibly.</source>
        <translation>Con --from/--to: solo los acontecimientos que seguro caen en el intervalo, no solo posiblemente.</translation>
    </message>
    <message>
        <source>Only events of category C (repeatable).</source>
        <translation>Solo los acontecimientos de la categoría C (se puede repetir).</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Only events whose titles, summaries, actors, places or sources (in any language) contain every word of TEXT, ignoring case: the window&apos;s search field.</source>
        <translation>Solo los acontecimientos cuyos títulos, resúmenes, actores, lugares o fuentes (en cualquier idioma) contienen todas las palabras de TEXTO, sin distinguir mayúsculas: el campo de búsqueda de la ventana.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a date (use 2025, 2025-08 or 2025-08-12)</source>
        <translation>--%1: &apos;%2&apos; no es una fecha (use 2025, 2025-08 o 2025-08-12)</translation>
    </message>
    <message>
        <source>--to %1 is before --from %2</source>
        <translation>--to %1 es anterior a --from %2</translation>
    </message>
    <message>
        <source>--region: no admin-1 region has the code or name &apos;%1&apos; (try RU-KRS or Kursk)</source>
        <translation>--region: ninguna región de primer nivel tiene el código o nombre &apos;%1&apos; (pruebe RU-KRS o Kursk)</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::ImportCommand</name>
    <message>
        <source>Write the events of FILE into a new PostGIS table of the database given as &quot;PG:…&quot; (one transaction: a failure leaves no table).</source>
        <translation>Escribe los eventos de ARCHIVO en una tabla PostGIS nueva de la base de datos dada como &quot;PG:…&quot; (una sola transacción: un fallo no deja ninguna tabla).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Table --import-pg creates (default: the string&apos;s tables=, else events).</source>
        <translation>Tabla que crea --import-pg (por omisión: el tables= de la cadena, si no, events).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>chronomap: --import-pg FILE needs one database connection string, e.g. &quot;PG:dbname=events&quot;</source>
        <translation>chronomap: --import-pg ARCHIVO necesita una cadena de conexión a la base de datos, p. ej. &quot;PG:dbname=events&quot;</translation>
    </message>
    <message>
        <source>chronomap: --table: &apos;%1&apos; is not a plain table name (lower-case letters, digits and _)</source>
        <translation>chronomap: --table: «%1» no es un nombre de tabla simple (minúsculas, dígitos y _)</translation>
    </message>
    <message>
        <source>chronomap: --import-pg reads a file, not a database</source>
        <translation>chronomap: --import-pg lee un archivo, no una base de datos</translation>
    </message>
    <message>
        <source>chronomap: %1: nothing was written to the database</source>
        <translation>chronomap: %1: no se escribió nada en la base de datos</translation>
    </message>
    <message>
        <source>chronomap: import into %1 failed, nothing was written: %2</source>
        <translation>chronomap: la importación en %1 falló, no se escribió nada: %2</translation>
    </message>
    <message>
        <source>%1: %2 events written to table %3 (%4 records read, %5 skipped)</source>
        <translation>%1: %2 eventos escritos en la tabla %3 (%4 registros leídos, %5 omitidos)</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::Options</name>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Print the events matching the filters below (no GUI).</source>
        <translation>Imprime los acontecimientos que cumplen los filtros de abajo (sin interfaz gráfica).</translation>
    </message>
    <message>
        <source>Output format of --query: csv (default) or geojson.</source>
        <translation>Formato de salida de --query: csv (por omisión) o geojson.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMATO</translation>
    </message>
    <message>
        <source>Column mapping for flat files, e.g. start=Fecha,lat=Y,lon=X.</source>
        <translation>Asignación de columnas para archivos planos, p. ej. start=Fecha,lat=Y,lon=X.</translation>
    </message>
    <message>
        <source>ROLE=COLUMN,…</source>
        <translation>ROL=COLUMNA,…</translation>
    </message>
    <message>
        <source>Chronomap shows curated event records on a map beside a timeline.
With no option it opens the window on FILE…, or on the bundled dataset.</source>
        <translation>Chronomap muestra registros de acontecimientos seleccionados en un mapa junto a una cronología.
Sin opciones abre la ventana con ARCHIVO…, o con el conjunto de datos incluido.</translation>
    </message>
    <message>
        <source>Event files to open in the window.</source>
        <translation>Archivos de acontecimientos que abrir en la ventana.</translation>
    </message>
    <message>
        <source>[FILE…]</source>
        <translation>[ARCHIVO…]</translation>
    </message>
    <message>
        <source>How all-number dates are ordered: iso (default), dmy (12/08/2025) or mdy (08/12/2025). Month names in English and Spanish are always read.</source>
        <translation>Orden de las fechas solo con números: iso (por omisión), dmy (12/08/2025) o mdy (08/12/2025). Los nombres de mes en inglés y en español se leen siempre.</translation>
    </message>
    <message>
        <source>FORM</source>
        <translation>FORMA</translation>
    </message>
    <message>
        <source>Seconds a file reader may go without a record before it is stopped (default 30).</source>
        <translation>Segundos que un lector de archivos puede pasar sin un registro antes de detenerlo (por defecto 30).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>Check FILE and print one line per problem. Repeated, the files are checked as one dataset.</source>
        <translation>Comprueba ARCHIVO e imprime una línea por problema. Repetida, los archivos se comprueban como un solo conjunto de datos.</translation>
    </message>
    <message>
        <source>Events file for --query, --export or the window (default: the bundled dataset). Repeated, the files load as one dataset, as the window opens several.</source>
        <translation>Archivo de acontecimientos para --query, --export o la ventana (por omisión: el conjunto de datos incluido). Repetida, los archivos se cargan como un solo conjunto de datos, como la ventana abre varios.</translation>
    </message>
</context>
</TS>
