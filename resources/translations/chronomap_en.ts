<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>chronomap::AboutText</name>
    <message numerus="yes">
        <location filename="../../app/widgets/about_text.cpp" line="+43"/>
        <source>&lt;p&gt;&lt;b&gt;Event data:&lt;/b&gt; the records of the open dataset cite %n source(s): %1.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;Event data:&lt;/b&gt; the records of the open dataset cite %n source: %1.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;Event data:&lt;/b&gt; the records of the open dataset cite %n sources: %1.&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::EventExport</name>
    <message numerus="yes">
        <location filename="../../app/widgets/event_export.cpp" line="+65"/>
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
        <location filename="../../app/widgets/filter_bar.cpp" line="+184"/>
        <source>Confidence &amp;&amp; provenance (%n hidden)</source>
        <translation>
            <numerusform>Confidence &amp;&amp; provenance (%n hidden)</numerusform>
            <numerusform>Confidence &amp;&amp; provenance (%n hidden)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/widgets/main_window.cpp" line="+166"/>
        <source>Showing %1 to %2 (%n event(s))</source>
        <translation>
            <numerusform>Showing %1 to %2 (%n event)</numerusform>
            <numerusform>Showing %1 to %2 (%n events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n record(s) skipped</source>
        <translation>
            <numerusform>, %n record skipped</numerusform>
            <numerusform>, %n records skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+143"/>
        <source>Loading %n file(s)…</source>
        <translation>
            <numerusform>Loading %n file…</numerusform>
            <numerusform>Loading %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+116"/>
        <source>%1 and %n more — Chronomap</source>
        <translation>
            <numerusform>%1 and %n more — Chronomap</numerusform>
            <numerusform>%1 and %n more — Chronomap</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::MapView</name>
    <message numerus="yes">
        <location filename="../../app/widgets/map_view.cpp" line="+351"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::RegionPanel</name>
    <message numerus="yes">
        <location filename="../../app/widgets/region_panel.cpp" line="+72"/>
        <source>%1 (%2): %n event(s)</source>
        <translation>
            <numerusform>%1 (%2): %n event</numerusform>
            <numerusform>%1 (%2): %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::SnapshotComposer</name>
    <message numerus="yes">
        <location filename="../../app/render/snapshot_composer.cpp" line="+137"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+73"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
