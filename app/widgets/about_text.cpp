// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/about_text.h"

#include "core/store/event_store.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace chronomap {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("chronomap::AboutText", text, disambiguation, n);
}
} // namespace

QString AboutText::html(const EventStore *events)
{
    QString html = tr("<h3>Chronomap %1</h3>"
                      "<p>A timeline and map viewer for curated event records.</p>"
                      "<p>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). "
                      "Built with Qt %2 and GDAL.</p>")
                       .arg(QStringLiteral(CHRONOMAP_VERSION), QString::fromLatin1(qVersion()));
    html += tr("<p><b>Base map:</b> Made with Natural Earth. Free vector and raster map data at "
               "naturalearthdata.com (public domain).</p>"
               "<p><b>Fonts:</b> DejaVu (Bitstream Vera licence).</p>"
               "<p><b>Bundled events:</b> the Russia–North Korea records are curated from a "
               "Spanish-language news article (mid-August 2025) and the public sources each record "
               "names; figures are kept as each source states them.</p>");
    if (!events || events->isEmpty()) return html;
    // Every source the open records cite, in order of first appearance.
    QStringList names;
    QSet<QString> seen;
    for (EventStore::Index i = 0; i < events->size(); ++i)
        for (const Source &source : events->event(i).sources)
            if (!source.name.isEmpty() && !seen.contains(source.name)) {
                seen.insert(source.name);
                names.append(source.name.toHtmlEscaped());
            }
    if (names.isEmpty()) return html;
    html += tr("<p><b>Event data:</b> the records of the open dataset cite %n source(s): %1.</p>", nullptr,
               int(names.size()))
                .arg(names.join(QStringLiteral("; ")));
    return html;
}

} // namespace chronomap
