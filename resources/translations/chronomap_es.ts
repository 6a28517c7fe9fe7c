<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BaseMap</name>
    <message>
        <location filename="../../app/core/geo/base_map.cpp" line="+87"/>
        <source>cannot read the base map: %1</source>
        <translation>no se puede leer el mapa base: %1</translation>
    </message>
</context>
<context>
    <name>CategoryStyle</name>
    <message>
        <location filename="../../app/render/category_style.cpp" line="+26"/>
        <source>Diplomatic contact</source>
        <translation>Contacto diplomático</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summit</source>
        <translation>Cumbre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treaty</source>
        <translation>Tratado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployment</source>
        <translation>Despliegue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arms transfer</source>
        <translation>Transferencia de armas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labour dispatch</source>
        <translation>Envío de trabajadores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combat</source>
        <translation>Combate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Uncategorised</source>
        <translation>Sin categoría</translation>
    </message>
</context>
<context>
    <name>EventLayers</name>
    <message>
        <location filename="../../app/core/store/event_layers.cpp" line="+35"/>
        <source>id already used by another open file, renamed to &apos;%1&apos;</source>
        <translation>el id ya lo usa otro archivo abierto; se renombra a &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <location filename="../../app/widgets/event_panel.cpp" line="+42"/>
        <source>%1 (some time that year)</source>
        <translation>%1 (en algún momento de ese año)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (some time that month)</source>
        <translation>%1 (en algún momento de ese mes)</translation>
    </message>
</context>
<context>
    <name>FieldMapping</name>
    <message>
        <location filename="../../app/core/io/field_mapping.cpp" line="+113"/>
        <source>&apos;%1&apos; is not ROLE=COLUMN with a known role</source>
        <translation>&apos;%1&apos; no es ROL=COLUMNA con un rol conocido</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location filename="../../app/widgets/playback_bar.cpp" line="+25"/>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 week</source>
        <translation>1 semana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 month</source>
        <translation>1 mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 months</source>
        <translation>3 meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
</context>
<context>
    <name>TimeSpan</name>
    <message>
        <location filename="../../app/core/time/time_span.cpp" line="+161"/>
        <source>no start date</source>
        <translation>sin fecha de inicio</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>&apos;%1&apos; is not an ISO 8601 date</source>
        <translation>&apos;%1&apos; no es una fecha ISO 8601</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>end %1 is before start %2</source>
        <translation>el final %1 es anterior al inicio %2</translation>
    </message>
</context>
<context>
    <name>ValueLabels</name>
    <message>
        <location filename="../../app/render/value_labels.cpp" line="+12"/>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reported</source>
        <translation>Informado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claimed</source>
        <translation>Afirmado por una parte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disputed</source>
        <translation>Discutido</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Not given</source>
        <translation>Sin indicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
</context>
<context>
    <name>chronomap</name>
    <message>
        <location filename="../../app/core/io/event_loader.cpp" line="+91"/>
        <source>no usable records</source>
        <translation>ningún registro utilizable</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)</source>
        <translation>no es un conjunto de datos que Chronomap pueda leer (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a dataset Chronomap can read: %1</source>
        <translation>no es un conjunto de datos que Chronomap pueda leer: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 records, more than the limit of %2</source>
        <translation>%1 registros, más que el límite de %2</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>not enough memory to convert the records</source>
        <translation>no hay memoria suficiente para convertir los registros</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>more than %1 records; the file is refused</source>
        <translation>más de %1 registros; se rechaza el archivo</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>id &apos;%1&apos; is already used by an earlier record; record skipped</source>
        <translation>el id &apos;%1&apos; ya lo usa un registro anterior; registro omitido</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>the file holds no records</source>
        <translation>el archivo no contiene registros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no column holds a start date (start, date, event_date, timestamp… or give one with a field mapping such as start=Fecha)</source>
        <translation>ninguna columna contiene una fecha de inicio (start, date, event_date, timestamp… o indique una con una asignación de campos como start=Fecha)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GDAL: %1</source>
        <translation>GDAL: %1</translation>
    </message>
</context>
<context>
    <name>chronomap::AboutText</name>
    <message>
        <location filename="../../app/widgets/about_text.cpp" line="+21"/>
        <source>&lt;h3&gt;Chronomap %1&lt;/h3&gt;&lt;p&gt;A timeline and map viewer for curated event records.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). Built with Qt %2 and GDAL.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chronomap %1&lt;/h3&gt;&lt;p&gt;Visor de cronología y mapa para registros de acontecimientos seleccionados.&lt;/p&gt;&lt;p&gt;Licencia: Licencia Pública General de GNU, versión 3 o posterior (GPL-3.0-or-later). Hecho con Qt %2 y GDAL.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;Base map:&lt;/b&gt; Made with Natural Earth. Free vector and raster map data at naturalearthdata.com (public domain).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fonts:&lt;/b&gt; DejaVu (Bitstream Vera licence).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bundled events:&lt;/b&gt; the Russia–North Korea records are curated from a Spanish-language news article (mid-August 2025) and the public sources each record names; figures are kept as each source states them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Mapa base:&lt;/b&gt; Made with Natural Earth. Datos cartográficos vectoriales y ráster libres en naturalearthdata.com (dominio público).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Tipografías:&lt;/b&gt; DejaVu (licencia Bitstream Vera).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Acontecimientos incluidos:&lt;/b&gt; los registros Rusia–Corea del Norte se han seleccionado de un artículo de prensa en español (mediados de agosto de 2025) y de las fuentes públicas que cita cada registro; las cifras se conservan tal como las da cada fuente.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>&lt;p&gt;&lt;b&gt;Event data:&lt;/b&gt; the records of the open dataset cite %n source(s): %1.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;Datos de acontecimientos:&lt;/b&gt; los registros del conjunto abierto citan %n fuente: %1.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;Datos de acontecimientos:&lt;/b&gt; los registros del conjunto abierto citan %n fuentes: %1.&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::AppSettings</name>
    <message>
        <location filename="../../app/widgets/app_settings.cpp" line="+43"/>
        <source>The settings file %1 could not be read and was reset (the old file is kept as %2).</source>
        <translation>No se pudo leer el archivo de configuración %1 y se ha restablecido (el archivo anterior se conserva como %2).</translation>
    </message>
</context>
<context>
    <name>chronomap::EventExport</name>
    <message>
        <location filename="../../app/widgets/event_export.cpp" line="+33"/>
        <source>There is nothing to export yet: no dataset is open.</source>
        <translation>Todavía no hay nada que exportar: no hay ningún conjunto de datos abierto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file name must end in .geojson, .json or .csv.</source>
        <translation>El nombre del archivo debe terminar en .geojson, .json o .csv.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+5"/>
        <location line="+4"/>
        <source>Export Events</source>
        <translation>Exportar acontecimientos</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>GeoJSON (*.geojson *.json);;CSV (*.csv)</source>
        <translation>GeoJSON (*.geojson *.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not export the events:

%1</source>
        <translation>No se pudieron exportar los acontecimientos:

%1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
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
        <location filename="../../app/core/io/event_loader.cpp" line="+37"/>
        <source>only local files are opened; network and virtual paths are refused</source>
        <translation>solo se abren archivos locales; se rechazan las rutas de red y virtuales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such file</source>
        <translation>no existe el archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a readable file</source>
        <translation>no es un archivo legible</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>the file is %1, more than the limit of %2</source>
        <translation>el archivo ocupa %1, más que el límite de %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot hold the data in memory</source>
        <translation>los datos no caben en la memoria</translation>
    </message>
</context>
<context>
    <name>chronomap::EventPanel</name>
    <message>
        <location filename="../../app/widgets/event_panel.cpp" line="+46"/>
        <source>Figures as each source states them</source>
        <translation>Cifras tal como las da cada fuente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Magnitud</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As of</source>
        <translation>A fecha de</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims</source>
        <translation>Cifras declaradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected event</source>
        <translation>Acontecimiento seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title, date, summary, figures and sources of the selected event</source>
        <translation>Título, fecha, resumen, cifras y fuentes del acontecimiento seleccionado</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open this address in your web browser?

%1</source>
        <translation>¿Abrir esta dirección en el navegador web?

%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Click an event on the map or in a list to see it here.</source>
        <translation>Haga clic en un acontecimiento del mapa o de una lista para verlo aquí.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>confidence: %1</source>
        <translation>fiabilidad: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>provenance: %1</source>
        <translation>procedencia: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>actors: %1</source>
        <translation>actores: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no figure</source>
        <translation>sin cifra</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
</context>
<context>
    <name>chronomap::EventTableModel</name>
    <message>
        <location filename="../../app/widgets/event_table_model.cpp" line="+70"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regions</source>
        <translation>Regiones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>chronomap::EventWriter</name>
    <message>
        <location filename="../../app/core/io/event_writer.cpp" line="+84"/>
        <source>GDAL has no %1 driver</source>
        <translation>GDAL no tiene el controlador %1</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>cannot write the geometry of %1 as WKT</source>
        <translation>no se puede escribir la geometría de %1 como WKT</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>GDAL wrote no %1 data</source>
        <translation>GDAL no escribió datos %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>chronomap::ExportDialog</name>
    <message>
        <location filename="../../app/widgets/export_dialog.cpp" line="+51"/>
        <location line="+201"/>
        <location line="+89"/>
        <source>Export Snapshot</source>
        <translation>Exportar instantánea</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JPEG image</source>
        <translation>Imagen JPEG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing</source>
        <translation>Dibujo SVG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current window (%1 × %2)</source>
        <translation>Ventana actual (%1 × %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1920 × 1080 (Full HD)</source>
        <translation>1920 × 1080 (Full HD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3840 × 2160 (4K)</source>
        <translation>3840 × 2160 (4K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 landscape, 300 dpi (3508 × 2480)</source>
        <translation>A4 apaisado, 300 ppp (3508 × 2480)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Width</source>
        <translation>Anchura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>Altura</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Size:</source>
        <translation>T&amp;amaño:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F&amp;ile:</source>
        <translation>A&amp;rchivo:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No preview</source>
        <translation>Sin vista previa</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Imagen PNG (*.png);;Imagen JPEG (*.jpg *.jpeg);;Dibujo SVG (*.svg);;Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Choose a file to export to.</source>
        <translation>Elija un archivo al que exportar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file name must end in .png, .jpg, .svg or .pdf.</source>
        <translation>El nombre del archivo debe terminar en .png, .jpg, .svg o .pdf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is nothing to export yet: no dataset is open.</source>
        <translation>Todavía no hay nada que exportar: no hay ningún conjunto de datos abierto.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting %1…</source>
        <translation>Exportando %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export failed: %1</source>
        <translation>La exportación ha fallado: %1</translation>
    </message>
</context>
<context>
    <name>chronomap::FilterBar</name>
    <message>
        <location filename="../../app/widgets/filter_bar.cpp" line="+21"/>
        <location line="+72"/>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search title, summary, actors, places, sources</source>
        <translation>Buscar en título, resumen, actores, lugares, fuentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search events</source>
        <translation>Buscar acontecimientos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only events containing every word, in either language (Ctrl+F)</source>
        <translation>Mostrar solo los acontecimientos que contienen todas las palabras, en cualquiera de los dos idiomas (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide events by how well sources support them and how they were collected</source>
        <translation>Mostrar u ocultar acontecimientos según el respaldo de las fuentes y su procedencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possibly in window</source>
        <translation>Posiblemente en el intervalo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certainly in window</source>
        <translation>Seguro en el intervalo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether an event with an uncertain date counts as in the time window when it may be in it, or only when it must be</source>
        <translation>Si un acontecimiento con fecha incierta cuenta como dentro del intervalo cuando puede estarlo, o solo cuando lo está con seguridad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time window match</source>
        <translation>Coincidencia con el intervalo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide events outside the window</source>
        <translation>Ocultar los acontecimientos fuera del intervalo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fade events outside the window</source>
        <translation>Atenuar los acontecimientos fuera del intervalo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events outside the time window</source>
        <translation>Acontecimientos fuera del intervalo de tiempo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Confidence</source>
        <translation>Fiabilidad</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Provenance</source>
        <translation>Procedencia</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show All</source>
        <translation>Mostrar todo</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>Confidence &amp;&amp; provenance (%n hidden)</source>
        <translation>
            <numerusform>Fiabilidad y procedencia (%n oculta)</numerusform>
            <numerusform>Fiabilidad y procedencia (%n ocultas)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidence &amp;&amp; provenance</source>
        <translation>Fiabilidad y procedencia</translation>
    </message>
</context>
<context>
    <name>chronomap::LayerReader</name>
    <message>
        <location filename="../../app/core/io/layer_reader.cpp" line="+104"/>
        <source>the mapping names column &apos;%1&apos; for %2, but the file has no such column</source>
        <translation>la asignación indica la columna &apos;%1&apos; para %2, pero el archivo no tiene esa columna</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the coordinate system of layer &apos;%1&apos; cannot be converted to WGS 84</source>
        <translation>el sistema de coordenadas de la capa &apos;%1&apos; no se puede convertir a WGS 84</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>no title</source>
        <translation>sin título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untitled event</source>
        <translation>Acontecimiento sin título</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&apos;%1&apos; is not one of confirmed, reported, claimed, disputed</source>
        <translation>&apos;%1&apos; no es confirmed, reported, claimed ni disputed</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>text is not valid UTF-8; unreadable bytes shown as �</source>
        <translation>el texto no es UTF-8 válido; los bytes ilegibles se muestran como �</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>text is %1 characters long; cut to %2</source>
        <translation>el texto tiene %1 caracteres; se recorta a %2</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>no start date; record skipped</source>
        <translation>sin fecha de inicio; registro omitido</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not an ISO 8601 date (2025, 2025-08, 2025-08-12 or 2025-08-12T09:30Z); record skipped</source>
        <translation>&apos;%1&apos; no es una fecha ISO 8601 (2025, 2025-08, 2025-08-12 o 2025-08-12T09:30Z); registro omitido</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; is not an ISO 8601 date; the end is ignored</source>
        <translation>&apos;%1&apos; no es una fecha ISO 8601; se ignora el final</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>end %1 is before start %2; the end is ignored</source>
        <translation>el final %1 es anterior al inicio %2; se ignora el final</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is not one of year, month, day, time</source>
        <translation>&apos;%1&apos; no es year, month, day ni time</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>says &apos;%1&apos; but the start &apos;%2&apos; is only precise to the %3; using %3</source>
        <translation>indica &apos;%1&apos; pero el inicio &apos;%2&apos; solo tiene precisión de %3; se usa %3</translation>
    </message>
    <message>
        <location line="-331"/>
        <location line="+434"/>
        <source>geometry</source>
        <translation>geometría</translation>
    </message>
    <message>
        <location line="-372"/>
        <source>empty %1 (no usable coordinates); record skipped</source>
        <translation>%1 vacío (sin coordenadas utilizables); registro omitido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>coordinates beyond %1 in the file&apos;s coordinate system cannot be on any map; record skipped</source>
        <translation>unas coordenadas más allá de %1 en el sistema de coordenadas del archivo no pueden estar en ningún mapa; registro omitido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot be converted to WGS 84; record skipped</source>
        <translation>no se puede convertir a WGS 84; registro omitido</translation>
    </message>
    <message>
        <location line="+316"/>
        <source>&apos;%1&apos; is not a number; record skipped</source>
        <translation>&apos;%1&apos; no es un número; registro omitido</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>(%1, %2) is not a WGS 84 longitude/latitude; record skipped</source>
        <translation>(%1, %2) no es una longitud/latitud WGS 84; registro omitido</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>&apos;%1&apos; is not WKT geometry; record skipped</source>
        <translation>&apos;%1&apos; no es una geometría WKT; registro omitido</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no location; shown on the timeline only</source>
        <translation>sin ubicación; solo se muestra en la cronología</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 vertices, more than the limit of %2; record skipped</source>
        <translation>%1 vértices, más que el límite de %2; registro omitido</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>several points; the first stands for the record</source>
        <translation>varios puntos; el primero representa el registro</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>several lines; only the first is shown</source>
        <translation>varias líneas; solo se muestra la primera</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the area has no centre; record skipped</source>
        <translation>el área no tiene centro; registro omitido</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 geometry is not supported (points, lines and areas are); record skipped</source>
        <translation>la geometría %1 no se admite (sí puntos, líneas y áreas); registro omitido</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>JSON nested %1 levels deep, more than the limit of %2; ignored</source>
        <translation>JSON anidado a %1 niveles, más que el límite de %2; se ignora</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not valid JSON (%1 at offset %2); ignored</source>
        <translation>JSON no válido (%1 en la posición %2); se ignora</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a JSON array of claims; ignored</source>
        <translation>no es una matriz JSON de cifras; se ignora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a claim is not a JSON object; ignored</source>
        <translation>una cifra no es un objeto JSON; se ignora</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>claim value for &apos;%1&apos; is not a number; kept without a value</source>
        <translation>el valor de la cifra para &apos;%1&apos; no es un número; se conserva sin valor</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&apos;%1&apos; is a number, not a source; ignored</source>
        <translation>&apos;%1&apos; es un número, no una fuente; se ignora</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a source is neither text nor an object; ignored</source>
        <translation>una fuente no es ni texto ni un objeto; se ignora</translation>
    </message>
</context>
<context>
    <name>chronomap::MainWindow</name>
    <message>
        <location filename="../../app/widgets/main_window.cpp" line="+49"/>
        <location line="+388"/>
        <source>Chronomap</source>
        <translation>Chronomap</translation>
    </message>
    <message>
        <location line="-363"/>
        <location line="+24"/>
        <location line="+342"/>
        <location line="+4"/>
        <source>All events</source>
        <translation>Todos los acontecimientos</translation>
    </message>
    <message>
        <location line="-350"/>
        <location line="+345"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location line="-344"/>
        <location line="+344"/>
        <source>Event</source>
        <translation>Acontecimiento</translation>
    </message>
    <message>
        <location line="-342"/>
        <location line="+342"/>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <location line="-339"/>
        <location line="+340"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location line="-326"/>
        <source>Time window</source>
        <translation>Intervalo de tiempo</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+326"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Showing %1 to %2 (%n event(s))</source>
        <translation>
            <numerusform>Del %1 al %2 (%n acontecimiento)</numerusform>
            <numerusform>Del %1 al %2 (%n acontecimientos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 de %n acontecimiento</numerusform>
            <numerusform>%1 de %n acontecimientos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Reload</source>
        <translation>&amp;Volver a cargar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export Snapshot…</source>
        <translation>&amp;Exportar instantánea…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export E&amp;vents…</source>
        <translation>Exportar aco&amp;ntecimientos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Zoom to Data</source>
        <translation>&amp;Encuadrar los datos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Markers</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choropleth (events per region)</source>
        <translation>&amp;Coropletas (acontecimientos por región)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Time</source>
        <translation>&amp;Tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Reproducir / Pausa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Step Forward</source>
        <translation>&amp;Avanzar un paso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear Time Window</source>
        <translation>&amp;Quitar el intervalo de tiempo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom Timeline &amp;In</source>
        <translation>A&amp;mpliar la cronología</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Timeline &amp;Out</source>
        <translation>Re&amp;ducir la cronología</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit Timeline to Data</source>
        <translation>A&amp;justar la cronología a los datos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Panels</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Chronomap</source>
        <translation>A&amp;cerca de Chronomap</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open events</source>
        <translation>Abrir acontecimientos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event data (*.geojson *.json *.geojsonl *.csv *.gpkg *.kml *.xlsx *.ods *.fgb *.shp *.gpx);;All files (*)</source>
        <translation>Datos de acontecimientos (*.geojson *.json *.geojsonl *.csv *.gpkg *.kml *.xlsx *.ods *.fgb *.shp *.gpx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Loading %n file(s)…</source>
        <translation>
            <numerusform>Cargando %n archivo…</numerusform>
            <numerusform>Cargando %n archivos…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Loading %1 cancelled</source>
        <translation>Carga de %1 cancelada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open file</source>
        <translation>No se puede abrir el archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/widgets/view_state_restorer.cpp" line="+25"/>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message numerus="yes">
        <location line="-175"/>
        <source>, %n record(s) skipped</source>
        <translation>
            <numerusform>, %n registro omitido</numerusform>
            <numerusform>, %n registros omitidos</numerusform>
        </translation>
    </message>
    <message>
        <location line="-100"/>
        <source>The events passing the filters, whatever the time window, in time order. Enter shows the selected event.</source>
        <translation>Los acontecimientos que pasan los filtros, sea cual sea la ventana temporal, en orden cronológico. Intro muestra el acontecimiento seleccionado.</translation>
    </message>
    <message>
        <location line="+299"/>
        <source>About Chronomap</source>
        <translation>Acerca de Chronomap</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The %1 translation is not installed.</source>
        <translation>La traducción %1 no está instalada.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1 and %n more — Chronomap</source>
        <translation>
            <numerusform>%1 y %n más — Chronomap</numerusform>
            <numerusform>%1 y %n más — Chronomap</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — Chronomap</source>
        <translation>%1 — Chronomap</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The saved window layout could not be restored; the default layout is used.</source>
        <translation>No se pudo restaurar la disposición guardada de la ventana; se usa la disposición predeterminada.</translation>
    </message>
    <message>
        <location filename="../../app/widgets/view_state_restorer.cpp" line="+0"/>
        <location line="+18"/>
        <source>View state</source>
        <translation>Estado de la vista</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 has changed since this view was saved; the view may differ.</source>
        <translation>%1 ha cambiado desde que se guardó esta vista; la vista puede ser distinta.</translation>
    </message>
</context>
<context>
    <name>chronomap::MapLegend</name>
    <message>
        <location filename="../../app/render/map_legend.cpp" line="+54"/>
        <source>Events per region</source>
        <translation>Acontecimientos por región</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+17"/>
        <source>no events in the window</source>
        <translation>ningún acontecimiento en el intervalo</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (hidden)</source>
        <translation>%1 (oculta)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Made with Natural Earth</source>
        <translation>Made with Natural Earth</translation>
    </message>
</context>
<context>
    <name>chronomap::MapView</name>
    <message>
        <location filename="../../app/widgets/map_view.cpp" line="+33"/>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map of the events. Arrow keys pan, plus and minus zoom, Escape clears the selection.</source>
        <translation>Mapa de los acontecimientos. Las flechas desplazan, más y menos acercan y alejan, Escape quita la selección.</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>No base map</source>
        <translation>Sin mapa base</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>Click to show %1</source>
        <translation>Clic para mostrar %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to hide %1</source>
        <translation>Clic para ocultar %1</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::PlaybackBar</name>
    <message>
        <location filename="../../app/widgets/playback_bar.cpp" line="+58"/>
        <source>Playback</source>
        <translation>Reproducción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the time window one step forward</source>
        <translation>Avanzar el intervalo de tiempo un paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step forward</source>
        <translation>Avanzar un paso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How far the time window moves at each step</source>
        <translation>Cuánto avanza el intervalo de tiempo en cada paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step size</source>
        <translation>Tamaño del paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tep:</source>
        <translation>Pa&amp;so:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> steps/s</source>
        <translation> pasos/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps per second while playing</source>
        <translation>Pasos por segundo durante la reproducción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spee&amp;d:</source>
        <translation>&amp;Velocidad:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause playback</source>
        <translation>Pausar la reproducción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the time window forward through the data</source>
        <translation>Hacer avanzar el intervalo de tiempo por los datos</translation>
    </message>
</context>
<context>
    <name>chronomap::ProblemsPanel</name>
    <message>
        <location filename="../../app/widgets/problems_panel.cpp" line="+11"/>
        <location line="+10"/>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Problems found while loading data files</source>
        <translation>Problemas encontrados al cargar los archivos de datos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
</context>
<context>
    <name>chronomap::RecentFilesMenu</name>
    <message>
        <location filename="../../app/widgets/recent_files_menu.cpp" line="+9"/>
        <source>&amp;Recent Files</source>
        <translation>Archivos &amp;recientes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Clear List</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
</context>
<context>
    <name>chronomap::RegionPanel</name>
    <message>
        <location filename="../../app/widgets/region_panel.cpp" line="+102"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events of the selected region</source>
        <translation>Acontecimientos de la región seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The region selected on the map and its events in time order</source>
        <translation>La región seleccionada en el mapa y sus acontecimientos en orden cronológico</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Click a region on the map to see its events.</source>
        <translation>Haga clic en una región del mapa para ver sus acontecimientos.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 (%2): %n event(s)</source>
        <translation>
            <numerusform>%1 (%2): %n acontecimiento</numerusform>
            <numerusform>%1 (%2): %n acontecimientos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> in the time window</source>
        <translation> en el intervalo de tiempo</translation>
    </message>
</context>
<context>
    <name>chronomap::ShortcutsDialog</name>
    <message>
        <location filename="../../app/widgets/shortcuts_dialog.cpp" line="+55"/>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In the map and the timeline: arrow keys pan, + and − zoom, Home shows everything, Escape clears the selection. Tab moves between the panels.</source>
        <translation>En el mapa y en la cronología: las flechas desplazan, + y − acercan y alejan, Inicio lo muestra todo, Escape quita la selección. Tab pasa de un panel a otro.</translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotComposer</name>
    <message>
        <location filename="../../app/render/snapshot_composer.cpp" line="+72"/>
        <source>Chronomap</source>
        <translation>Chronomap</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time window: %1</source>
        <translation>Intervalo de tiempo: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (events certainly in it)</source>
        <translation> (acontecimientos que seguro caen en él)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All dates: %1</source>
        <translation>Todas las fechas: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 of %2 events in %3 (%4)</source>
        <translation>%1 de %2 acontecimientos en %3 (%4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 events shown</source>
        <translation>%1 de %2 acontecimientos mostrados</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n acontecimiento</numerusform>
            <numerusform>%n acontecimientos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 events</source>
        <translation>%1 de %2 acontecimientos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hidden: %1</source>
        <translation>Ocultas: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search: “%1”</source>
        <translation>Búsqueda: «%1»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hidden confidence: %1</source>
        <translation>Fiabilidad oculta: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hidden provenance: %1</source>
        <translation>Procedencia oculta: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Selected: %1 %2</source>
        <translation>Seleccionado: %1 %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Sources: none named by the events shown.</source>
        <translation>Fuentes: los acontecimientos mostrados no citan ninguna.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sources of the events shown:</source>
        <translation>Fuentes de los acontecimientos mostrados:</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Base map: Made with Natural Earth</source>
        <translation>Mapa base: Made with Natural Earth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data: %1</source>
        <translation>Datos: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 UTC with Chronomap %2</source>
        <translation>Exportado el %1 UTC con Chronomap %2</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>No base map</source>
        <translation>Sin mapa base</translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotExportJob</name>
    <message>
        <location filename="../../app/widgets/snapshot_export_job.cpp" line="+57"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotWriter</name>
    <message>
        <location filename="../../app/render/snapshot_writer.cpp" line="+99"/>
        <source>%1x%2 is not a size between %3 and %4 pixels a side</source>
        <translation>%1x%2 no es un tamaño de entre %3 y %4 píxeles por lado</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: unknown format &apos;%2&apos; (use .png, .jpg, .svg or .pdf)</source>
        <translation>%1: formato desconocido &apos;%2&apos; (use .png, .jpg, .svg o .pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the scale must be a positive number</source>
        <translation>la escala debe ser un número positivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+35"/>
        <location line="+13"/>
        <location line="+2"/>
        <location line="+24"/>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+2"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not enough memory for a %1x%2 image</source>
        <translation>no hay memoria suficiente para una imagen de %1x%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot encode %1: %2</source>
        <translation>no se puede codificar %1: %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot set up a %1x%2 pt PDF page</source>
        <translation>no se puede preparar una página PDF de %1x%2 pt</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineAxisPainter</name>
    <message>
        <location filename="../../app/render/timeline_axis_painter.cpp" line="+42"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineRenderer</name>
    <message>
        <location filename="../../app/render/timeline_renderer.cpp" line="+229"/>
        <source>1 event</source>
        <translation>1 acontecimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 events</source>
        <translation>%1 acontecimientos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>top: %1 per px</source>
        <translation>máximo: %1 por px</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No events</source>
        <translation>Sin acontecimientos</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineView</name>
    <message>
        <location filename="../../app/widgets/timeline_view.cpp" line="+33"/>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events in time, one lane per category. Drag to pan, the wheel zooms, drag along the axis at the bottom to choose the time window, click the axis to clear it. Left and right arrows scroll, plus and minus zoom, Home shows everything, Escape clears the selection.</source>
        <translation>Acontecimientos en el tiempo, una franja por categoría. Arrastre para desplazar, la rueda acerca y aleja, arrastre a lo largo del eje inferior para elegir el intervalo de tiempo, haga clic en el eje para quitarlo. Las flechas izquierda y derecha desplazan, más y menos acercan y alejan, Inicio lo muestra todo, Escape quita la selección.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Region: %1 — show all</source>
        <translation>Región: %1 — mostrar todas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The timeline shows only the events of %1. Click to show every region&apos;s.</source>
        <translation>La cronología muestra solo los acontecimientos de %1. Haga clic para mostrar los de todas las regiones.</translation>
    </message>
</context>
<context>
    <name>chronomap::ViewStateJson</name>
    <message>
        <location filename="../../app/core/view/view_state_json.cpp" line="+154"/>
        <source>not a Chronomap view state (no &quot;format&quot;: &quot;chronomap-view-state&quot;)</source>
        <translation>no es un estado de vista de Chronomap (falta &quot;format&quot;: &quot;chronomap-view-state&quot;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>written by a newer Chronomap (version %1)</source>
        <translation>escrito por un Chronomap más reciente (versión %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected {&quot;from&quot;: ISO date-time or null, &quot;to&quot;: …} with from before to</source>
        <translation>se esperaba {&quot;from&quot;: fecha y hora ISO o null, &quot;to&quot;: …} con from anterior a to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not possibly or certainly</source>
        <translation>&apos;%1&apos; no es possibly ni certainly</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not markers or choropleth</source>
        <translation>&apos;%1&apos; no es markers ni choropleth</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the base map has no region &apos;%1&apos;</source>
        <translation>el mapa base no tiene la región &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the dataset has no event &apos;%1&apos;</source>
        <translation>el conjunto de datos no tiene el acontecimiento &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not JSON (%2 at byte %3)</source>
        <translation>%1: no es JSON (%2 en el byte %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: expected a JSON object</source>
        <translation>%1: se esperaba un objeto JSON</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>chronomap::cli</name>
    <message>
        <location filename="../../app/cli/command_line.cpp" line="+74"/>
        <source>%1: %2 records read, %3 events loaded, %4 skipped, %5 warnings</source>
        <translation>%1: %2 registros leídos, %3 acontecimientos cargados, %4 omitidos, %5 avisos</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>chronomap: --format: &apos;%1&apos; is not csv or geojson</source>
        <translation>chronomap: --format: &apos;%1&apos; no es csv ni geojson</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Try &apos;chronomap --help&apos; for the options.</source>
        <translation>Vea las opciones con &apos;chronomap --help&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/cli/startup.cpp" line="+83"/>
        <source>chronomap: cannot open the window: %1 (the headless modes --export, --query and --validate need no display)</source>
        <translation>chronomap: no se puede abrir la ventana: %1 (los modos sin ventana --export, --query y --validate no necesitan pantalla)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>chronomap: cannot open the window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); the headless modes --export, --query and --validate need none</source>
        <translation>chronomap: no se puede abrir la ventana: no hay pantalla (no están definidos ni DISPLAY ni WAYLAND_DISPLAY); los modos sin ventana --export, --query y --validate no la necesitan</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::ExportCommand</name>
    <message>
        <location filename="../../app/cli/export_command.cpp" line="+55"/>
        <source>Write a snapshot of the view to OUT (.png, .jpg, .svg or .pdf) without a window.</source>
        <translation>Escribe una instantánea de la vista en SALIDA (.png, .jpg, .svg o .pdf) sin ventana.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OUT</source>
        <translation>SALIDA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshot size in pixels, WxH (default 1920x1080), or a4 for A4 landscape at 300 dpi.</source>
        <translation>Tamaño de la instantánea en píxeles, AxA (por omisión 1920x1080), o a4 para A4 apaisado a 300 ppp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WxH</source>
        <translation>AxA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LANG</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language of the snapshot, its data and its words: en or es (default en).</source>
        <translation>Idioma de la instantánea, de sus datos y de sus textos: en o es (por omisión en).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title of the snapshot (default: the dataset&apos;s file name).</source>
        <translation>Título de la instantánea (por omisión: el nombre del archivo de datos).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the event with this id in the snapshot.</source>
        <translation>Selecciona en la instantánea el acontecimiento con este id.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --export: also write the view state to FILE (JSON). Without: open the window on the view state in FILE.</source>
        <translation>Con --export: escribe también el estado de la vista en ARCHIVO (JSON). Sin él: abre la ventana con el estado de la vista de ARCHIVO.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>chronomap: the bundled fonts are missing; text may differ from machine to machine</source>
        <translation>chronomap: faltan las tipografías incluidas; el texto puede variar de un equipo a otro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--export: no output file given</source>
        <translation>--export: no se ha indicado el archivo de salida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--export: unknown format &apos;%1&apos; (use .png, .jpg, .svg or .pdf)</source>
        <translation>--export: formato desconocido &apos;%1&apos; (use .png, .jpg, .svg o .pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--size: &apos;%1&apos; is not WxH (e.g. 1920x1080) or a4</source>
        <translation>--size: &apos;%1&apos; no es AxA (p. ej. 1920x1080) ni a4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--size: %1</source>
        <translation>--size: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--lang: &apos;%1&apos; is not en or es</source>
        <translation>--lang: &apos;%1&apos; no es en ni es</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read the base map %1</source>
        <translation>no se puede leer el mapa base %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: no usable events</source>
        <translation>%1: ningún acontecimiento utilizable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chronomap: %1: %2 records skipped (chronomap --validate %1 lists them)</source>
        <translation>chronomap: %1: %2 registros omitidos (chronomap --validate %1 los enumera)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>chronomap: --category: the dataset has no events of category &apos;%1&apos;</source>
        <translation>chronomap: --category: el conjunto de datos no tiene acontecimientos de la categoría &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--select: the dataset has no event with id &apos;%1&apos;</source>
        <translation>--select: el conjunto de datos no tiene ningún acontecimiento con el id &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::FilterOptions</name>
    <message>
        <location filename="../../app/cli/filter_options.cpp" line="+13"/>
        <source>Only events of this admin-1 region (ISO 3166-2 code or name).</source>
        <translation>Solo los acontecimientos de esta región de primer nivel (código ISO 3166-2 o nombre).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CODE|NAME</source>
        <translation>CÓDIGO|NOMBRE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only events possibly on or after DATE (2025, 2025-08, 2025-08-12).</source>
        <translation>Solo los acontecimientos posiblemente en FECHA o después (2025, 2025-08, 2025-08-12).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>DATE</source>
        <translation>FECHA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only events possibly on or before DATE (the whole period DATE names).</source>
        <translation>Solo los acontecimientos posiblemente en FECHA o antes (todo el periodo que nombra FECHA).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With --from/--to: only events certainly in the window, not just possibly.</source>
        <translation>Con --from/--to: solo los acontecimientos que seguro caen en el intervalo, no solo posiblemente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only events of category C (repeatable).</source>
        <translation>Solo los acontecimientos de la categoría C (se puede repetir).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only events whose titles, summaries, actors, places or sources (in any language) contain every word of TEXT, ignoring case: the window&apos;s search field.</source>
        <translation>Solo los acontecimientos cuyos títulos, resúmenes, actores, lugares o fuentes (en cualquier idioma) contienen todas las palabras de TEXTO, sin distinguir mayúsculas: el campo de búsqueda de la ventana.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--%1: &apos;%2&apos; is not a date (use 2025, 2025-08 or 2025-08-12)</source>
        <translation>--%1: &apos;%2&apos; no es una fecha (use 2025, 2025-08 o 2025-08-12)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--to %1 is before --from %2</source>
        <translation>--to %1 es anterior a --from %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>--region: no admin-1 region has the code or name &apos;%1&apos; (try RU-KRS or Kursk)</source>
        <translation>--region: ninguna región de primer nivel tiene el código o nombre &apos;%1&apos; (pruebe RU-KRS o Kursk)</translation>
    </message>
</context>
<context>
    <name>chronomap::cli::Options</name>
    <message>
        <location filename="../../app/cli/command_line.cpp" line="-99"/>
        <source>Check FILE and print one line per problem.</source>
        <translation>Comprueba ARCHIVO e imprime una línea por problema.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+17"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Print the events matching the filters below (no GUI).</source>
        <translation>Imprime los acontecimientos que cumplen los filtros de abajo (sin interfaz gráfica).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset to query (default: the bundled dataset).</source>
        <translation>Conjunto de datos que consultar (por omisión: el incluido).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output format of --query: csv (default) or geojson.</source>
        <translation>Formato de salida de --query: csv (por omisión) o geojson.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FORMAT</source>
        <translation>FORMATO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column mapping for flat files, e.g. start=Fecha,lat=Y,lon=X.</source>
        <translation>Asignación de columnas para archivos planos, p. ej. start=Fecha,lat=Y,lon=X.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROLE=COLUMN,…</source>
        <translation>ROL=COLUMNA,…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chronomap shows curated event records on a map beside a timeline.
With no option it opens the window on FILE…, or on the bundled dataset.</source>
        <translation>Chronomap muestra registros de acontecimientos seleccionados en un mapa junto a una cronología.
Sin opciones abre la ventana con ARCHIVO…, o con el conjunto de datos incluido.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Event files to open in the window.</source>
        <translation>Archivos de acontecimientos que abrir en la ventana.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[FILE…]</source>
        <translation>[ARCHIVO…]</translation>
    </message>
</context>
</TS>
