<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ReaderProcess</name>
    <message numerus="yes">
        <source>; nothing was loaded (%n event(s) read before it can be kept)</source>
        <translation>
            <numerusform>; nothing was loaded (%n event read before it can be kept)</numerusform>
            <numerusform>; nothing was loaded (%n events read before it can be kept)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap</name>
    <message numerus="yes">
        <source>… and %n more step(s)</source>
        <translation>
            <numerusform>… and %n more step</numerusform>
            <numerusform>… and %n more steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::AboutText</name>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Event data:&lt;/b&gt; the records of the open dataset cite %n source(s): %1.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;Event data:&lt;/b&gt; the records of the open dataset cite %n source: %1.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;Event data:&lt;/b&gt; the records of the open dataset cite %n sources: %1.&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingExportDialog</name>
    <message numerus="yes">
        <source>%n step(s), one page each, between a title page and the sources cited.</source>
        <translation>
            <numerusform>%n step, one page, between a title page and the sources cited.</numerusform>
            <numerusform>%n steps, one page each, between a title page and the sources cited.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::BriefingFiles</name>
    <message numerus="yes">
        <source>%1: %n step(s) could not be read; see Problems</source>
        <translation>
            <numerusform>%1: %n step could not be read; see Problems</numerusform>
            <numerusform>%1: %n steps could not be read; see Problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The briefing has unsaved changes (%n step(s)). Save them?</source>
        <translation>
            <numerusform>The briefing has unsaved changes (%n step). Save them?</numerusform>
            <numerusform>The briefing has unsaved changes (%n steps). Save them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::EventExport</name>
    <message numerus="yes">
        <source>Wrote %n event(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n event to %1.</numerusform>
            <numerusform>Wrote %n events to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::FilterBar</name>
    <message numerus="yes">
        <source>Confidence &amp;&amp; provenance (%n hidden)</source>
        <translation>
            <numerusform>Confidence &amp;&amp; provenance (%n hidden)</numerusform>
            <numerusform>Confidence &amp;&amp; provenance (%n hidden)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Categories (%n hidden)</source>
        <translation>
            <numerusform>Categories (%n hidden)</numerusform>
            <numerusform>Categories (%n hidden)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::MainWindow</name>
    <message numerus="yes">
        <source>Showing %1 to %2 (%n event(s))</source>
        <translation>
            <numerusform>Showing %1 to %2 (%n event)</numerusform>
            <numerusform>Showing %1 to %2 (%n events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n record(s) skipped</source>
        <translation>
            <numerusform>, %n record skipped</numerusform>
            <numerusform>, %n records skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading %n file(s)…</source>
        <translation>
            <numerusform>Loading %n file…</numerusform>
            <numerusform>Loading %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more — Chronomap</source>
        <translation>
            <numerusform>%1 and %n more — Chronomap</numerusform>
            <numerusform>%1 and %n more — Chronomap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the file reader: no record for %n s</source>
        <translation>
            <numerusform>Waiting for the file reader: no record for %n s</numerusform>
            <numerusform>Waiting for the file reader: no record for %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live from database: %Ln row(s)</source>
        <translation>
            <numerusform>Live from database: %Ln row</numerusform>
            <numerusform>Live from database: %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The events in view, from the database: the first %1 of %Ln by date</source>
        <translation>
            <numerusform>The events in view, from the database: the first %1 of %Ln by date</numerusform>
            <numerusform>The events in view, from the database: the first %1 of %Ln by date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in view, from the database</source>
        <translation>
            <numerusform>%n event in view, from the database</numerusform>
            <numerusform>%n events in view, from the database</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::MapLegend</name>
    <message numerus="yes">
        <source>%n event(s) a bin</source>
        <translation>
            <numerusform>%n event a bin</numerusform>
            <numerusform>%n events a bin</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::MapView</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in this bin</source>
        <translation>
            <numerusform>%n event in this bin</numerusform>
            <numerusform>%n events in this bin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in this cluster</source>
        <translation>
            <numerusform>%n event in this cluster</numerusform>
            <numerusform>%n events in this cluster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::ProblemsPanel</name>
    <message numerus="yes">
        <source>Keep %n event(s)</source>
        <translation>
            <numerusform>Keep %n event</numerusform>
            <numerusform>Keep %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n event(s) read before the failure</source>
        <translation>
            <numerusform>Keep the %n event read before the failure</numerusform>
            <numerusform>Keep the %n events read before the failure</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::RegionPanel</name>
    <message numerus="yes">
        <source>%1 (%2): %n event(s)</source>
        <translation>
            <numerusform>%1 (%2): %n event</numerusform>
            <numerusform>%1 (%2): %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in this bin</source>
        <translation>
            <numerusform>%n event in this bin</numerusform>
            <numerusform>%n events in this bin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in this cluster</source>
        <translation>
            <numerusform>%n event in this cluster</numerusform>
            <numerusform>%n events in this cluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>showing the first %1 of %n event(s)</source>
        <translation>
            <numerusform>showing the first %1 of %n event</numerusform>
            <numerusform>showing the first %1 of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotComposer</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
