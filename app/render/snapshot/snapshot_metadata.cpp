// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/snapshot/snapshot_metadata.h"

#include "core/geo/region_index.h"
#include "core/view/view_state_json.h"
#include "render/map/viewport_json.h"
#include "render/map/web_mercator.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

namespace chronomap {

QString SnapshotMetadata::windowToIso(const std::optional<TimeWindow> &window)
{
    if (!window) return QStringLiteral("all");
    const QJsonObject o = ViewStateJson::windowToJson(window).toObject();
    auto end = [&](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isString() ? v.toString() : QStringLiteral("..");
    };
    return end("from") + u'/' + end("to");
}

SnapshotMetadata SnapshotMetadata::describe(const ViewState &state, const Viewport &viewport, const QString &title,
                                            const QDateTime &exportedAt, const QString &datasetSha256)
{
    SnapshotMetadata m;
    m.m_viewState = ViewStateJson::toJson(state, datasetSha256);
    m.m_viewState.insert(QStringLiteral("map"), ViewportJson::toJson(viewport));
    const auto dataset = state.dataset();
    QString region = QStringLiteral("none");
    if (dataset && dataset->baseMap && state.selectedRegion() >= 0 &&
        state.selectedRegion() < dataset->baseMap->regions->regions().size()) {
        const AreaFeature &r = dataset->baseMap->regions->regions()[state.selectedRegion()];
        region = QStringLiteral("%1 %2").arg(r.code, localized(r.name, {}));
    }
    QStringList hidden(state.hiddenCategories().cbegin(), state.hiddenCategories().cend());
    std::sort(hidden.begin(), hidden.end());
    const QPointF centre = WebMercator::toLonLatDeg(viewport.centreMercatorM());
    m.m_entries = {
        {kTitle, title},
        {kSoftware, QStringLiteral("Chronomap " CHRONOMAP_VERSION)},
        {kCreationTime, exportedAt.toUTC().toString(Qt::ISODate)},
        {kDataset, dataset ? dataset->absoluteFiles().join(QStringLiteral("; ")) : QString()},
        {kDatasetSha256, datasetSha256},
        {kTimeWindow, windowToIso(state.timeWindow())},
        {kWindowMatch,
         state.windowMatch() == WindowMatch::Certainly ? QStringLiteral("certainly") : QStringLiteral("possibly")},
        {kRegion, region},
        {kSelectedEvent, m.m_viewState.value(QStringLiteral("selected_event")).toString()},
        {kHiddenCategories, hidden.join(u',')},
        {kSearch, state.searchText().simplified()},
        {kLanguage, state.language().isEmpty() ? QStringLiteral("en") : state.language()},
        {kMapMode, m.m_viewState.value(QStringLiteral("map_mode")).toString()},
        {kMapView, QStringLiteral("lon %1, lat %2, %3 m/px")
                       .arg(centre.x(), 0, 'f', 4)
                       .arg(centre.y(), 0, 'f', 4)
                       .arg(viewport.metresPerPixel(), 0, 'f', 1)},
        {kViewState, QString::fromUtf8(QJsonDocument(m.m_viewState).toJson(QJsonDocument::Compact))},
    };
    return m;
}

QString SnapshotMetadata::value(const QString &key) const
{
    for (const Entry &e : m_entries)
        if (e.first == key) return e.second;
    return {};
}

QString SnapshotMetadata::toText() const
{
    QStringList lines;
    for (const Entry &e : m_entries)
        lines.append(e.first + QStringLiteral(": ") + e.second);
    return lines.join(u'\n');
}

QByteArray SnapshotMetadata::toXmp() const
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped().toUtf8(); };
    QByteArray xmp;
    xmp += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
           " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    xmp += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(value(kTitle)) +
           "</rdf:li></rdf:Alt></dc:title>\n";
    xmp += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(toText()) +
           "</rdf:li></rdf:Alt></dc:description>\n";
    xmp += "   <dc:source>" + esc(value(kDataset)) + "</dc:source>\n";
    xmp += "   <xmp:CreatorTool>" + esc(value(kSoftware)) + "</xmp:CreatorTool>\n";
    xmp += "   <xmp:CreateDate>" + esc(value(kCreationTime)) + "</xmp:CreateDate>\n";
    xmp += "   <pdf:Producer>" + esc(value(kSoftware)) + "</pdf:Producer>\n";
    xmp += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return xmp;
}

} // namespace chronomap
