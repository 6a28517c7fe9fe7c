// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/view/view_state_json.h"

#include "core/geo/region_index.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ViewStateJson", text);
}

const QLatin1String kFormat("chronomap-view-state");
// Open window ends as the command line writes them (--from without --to and the reverse).
constexpr qint64 kOpenFromMs = std::numeric_limits<qint64>::min() / 2;
constexpr qint64 kOpenToMs = std::numeric_limits<qint64>::max() / 2;
// Outside years 1..9999 ISO 8601 has no plain form: such an end is treated as open.
const qint64 kEarliestMs = QDateTime(QDate(1, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
const qint64 kLatestMs = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc()).toMSecsSinceEpoch();

QJsonValue msToJson(qint64 ms)
{
    if (ms <= kEarliestMs || ms >= kLatestMs) return QJsonValue::Null;
    // Qt::UTC, not QTimeZone::utc(): only the former writes the "Z" suffix.
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool msFromJson(const QJsonValue &value, qint64 openMs, qint64 *ms)
{
    if (value.isNull() || value.isUndefined()) {
        *ms = openMs;
        return true;
    }
    const QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!dt.isValid()) return false;
    *ms = dt.toMSecsSinceEpoch();
    return true;
}

Issue fileIssue(Issue::Severity severity, const QString &field, const QString &message)
{
    Issue issue;
    issue.severity = severity;
    issue.file = QStringLiteral("view state");
    issue.field = field;
    issue.message = message;
    return issue;
}

} // namespace

QJsonValue ViewStateJson::windowToJson(const std::optional<TimeWindow> &window)
{
    if (!window) return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("from"), msToJson(window->fromMs)},
                       {QStringLiteral("to"), msToJson(window->toMs)}};
}

bool ViewStateJson::windowFromJson(const QJsonValue &value, std::optional<TimeWindow> *window)
{
    if (value.isNull() || value.isUndefined()) {
        window->reset();
        return true;
    }
    if (!value.isObject()) return false;
    TimeWindow w;
    const QJsonObject o = value.toObject();
    if (!msFromJson(o.value(QStringLiteral("from")), kOpenFromMs, &w.fromMs)) return false;
    if (!msFromJson(o.value(QStringLiteral("to")), kOpenToMs, &w.toMs)) return false;
    if (!w.isValid()) return false;
    *window = w;
    return true;
}

QJsonObject ViewStateJson::toJson(const ViewState &state, const QString &datasetSha256)
{
    QJsonObject json;
    json.insert(QStringLiteral("format"), kFormat);
    json.insert(QStringLiteral("version"), kVersion);
    json.insert(QStringLiteral("app_version"), QStringLiteral(CHRONOMAP_VERSION));
    const auto dataset = state.dataset();
    const QStringList files = dataset ? dataset->absoluteFiles() : QStringList();
    json.insert(QStringLiteral("dataset"), files.isEmpty() ? QJsonValue::Null : QJsonValue(files.first()));
    if (files.size() > 1) json.insert(QStringLiteral("datasets"), QJsonArray::fromStringList(files)); // all, in order
    if (!datasetSha256.isEmpty()) json.insert(QStringLiteral("dataset_sha256"), datasetSha256);
    json.insert(QStringLiteral("window"), windowToJson(state.timeWindow()));
    json.insert(QStringLiteral("match"), state.windowMatch() == WindowMatch::Certainly ? QStringLiteral("certainly")
                                                                                       : QStringLiteral("possibly"));
    QJsonValue region = QJsonValue::Null;
    if (dataset && dataset->baseMap && dataset->baseMap->regions) {
        const auto &regions = dataset->baseMap->regions->regions();
        if (state.selectedRegion() >= 0 && state.selectedRegion() < regions.size())
            region = regions[state.selectedRegion()].code;
    }
    json.insert(QStringLiteral("region"), region);
    QJsonValue event = QJsonValue::Null;
    if (dataset && dataset->events && state.selectedEvent() >= 0 && state.selectedEvent() < dataset->events->size())
        event = dataset->events->id(state.selectedEvent());
    json.insert(QStringLiteral("selected_event"), event);
    QStringList hidden(state.hiddenCategories().cbegin(), state.hiddenCategories().cend());
    std::sort(hidden.begin(), hidden.end());
    json.insert(QStringLiteral("hidden_categories"), QJsonArray::fromStringList(hidden));
    // The newer filters only when set, so files stay as they were for views that use none.
    if (!state.searchText().isEmpty()) json.insert(QStringLiteral("search"), state.searchText());
    if (!state.hiddenConfidences().isEmpty()) {
        QStringList confidences;
        for (Confidence c : state.hiddenConfidences())
            confidences.append(c == Confidence::Unknown ? QStringLiteral("unknown") : toString(c));
        confidences.sort();
        json.insert(QStringLiteral("hidden_confidences"), QJsonArray::fromStringList(confidences));
    }
    if (!state.hiddenProvenances().isEmpty()) {
        QStringList provenances(state.hiddenProvenances().cbegin(), state.hiddenProvenances().cend());
        provenances.sort();
        json.insert(QStringLiteral("hidden_provenances"), QJsonArray::fromStringList(provenances));
    }
    if (state.outOfWindowMode() == OutOfWindowMode::Faded)
        json.insert(QStringLiteral("out_of_window"), QStringLiteral("faded"));
    json.insert(QStringLiteral("language"), state.language().isEmpty() ? QStringLiteral("en") : state.language());
    json.insert(QStringLiteral("map_mode"),
                state.mapMode() == MapMode::Choropleth ? QStringLiteral("choropleth") : QStringLiteral("markers"));
    if (const QString &figure = state.settings().choroplethFigure; !figure.isEmpty())
        json.insert(QStringLiteral("choropleth_figure"), figure);
    // How many point events are drawn (View → Map Style); left out for the default, auto.
    if (state.markStyle() != MarkStyle::Auto)
        json.insert(QStringLiteral("map_style"), markStyleName(state.markStyle()));
    if (state.hexBinsByCategory()) json.insert(QStringLiteral("hexbin_colour"), QStringLiteral("category"));
    return json;
}

QStringList ViewStateJson::datasetPaths(const QJsonObject &json, const QString &jsonFilePath)
{
    QStringList paths;
    for (const QJsonValue &v : json.value(QStringLiteral("datasets")).toArray())
        paths.append(v.toString());
    if (paths.isEmpty()) paths.append(json.value(QStringLiteral("dataset")).toString());
    paths.removeAll(QString());
    for (QString &path : paths)
        if (!QFileInfo(path).isAbsolute() && !jsonFilePath.isEmpty())
            path = QFileInfo(jsonFilePath).absoluteDir().filePath(path);
    return paths;
}

bool ViewStateJson::apply(const QJsonObject &json, ViewState &state, IssueList *issues)
{
    auto fail = [&](const QString &field, const QString &message) {
        if (issues) issues->append(fileIssue(Issue::Severity::Fatal, field, message));
        return false;
    };
    if (json.value(QStringLiteral("format")).toString() != kFormat)
        return fail({}, tr("not a Chronomap view state (no \"format\": \"chronomap-view-state\")"));
    if (json.value(QStringLiteral("version")).toInt() > kVersion)
        return fail(QStringLiteral("version"),
                    tr("written by a newer Chronomap (version %1)").arg(json.value(QStringLiteral("version")).toInt()));
    std::optional<TimeWindow> window;
    if (!windowFromJson(json.value(QStringLiteral("window")), &window))
        return fail(QStringLiteral("window"),
                    tr("expected {\"from\": ISO date-time or null, \"to\": …} with from before to"));
    const QString match = json.value(QStringLiteral("match")).toString(QStringLiteral("possibly"));
    if (match != u"possibly" && match != u"certainly")
        return fail(QStringLiteral("match"), tr("'%1' is not possibly or certainly").arg(match));
    const QString mode = json.value(QStringLiteral("map_mode")).toString(QStringLiteral("markers"));
    if (mode != u"markers" && mode != u"choropleth")
        return fail(QStringLiteral("map_mode"), tr("'%1' is not markers or choropleth").arg(mode));

    const QString markStyle = json.value(QStringLiteral("map_style")).toString(QStringLiteral("auto"));
    const std::optional<MarkStyle> style = markStyleFromName(markStyle);
    if (!style)
        return fail(QStringLiteral("map_style"),
                    tr("'%1' is not auto, markers, clusters, hexbins or heat").arg(markStyle));
    const QString hexColour = json.value(QStringLiteral("hexbin_colour")).toString(QStringLiteral("count"));
    if (hexColour != u"count" && hexColour != u"category")
        return fail(QStringLiteral("hexbin_colour"), tr("'%1' is not count or category").arg(hexColour));

    ViewSettings settings;
    settings.window = window;
    settings.match = match == u"certainly" ? WindowMatch::Certainly : WindowMatch::Possibly;
    settings.markStyle = *style;
    settings.hexBinsByCategory = hexColour == u"category";
    for (const QJsonValue &c : json.value(QStringLiteral("hidden_categories")).toArray())
        settings.hiddenCategories.insert(c.toString());
    settings.searchText = json.value(QStringLiteral("search")).toString();
    for (const QJsonValue &c : json.value(QStringLiteral("hidden_confidences")).toArray())
        settings.hiddenConfidences.insert(confidenceFromString(c.toString())); // "unknown" reads as Unknown
    for (const QJsonValue &p : json.value(QStringLiteral("hidden_provenances")).toArray())
        settings.hiddenProvenances.insert(p.toString());
    settings.outOfWindow = json.value(QStringLiteral("out_of_window")).toString() == u"faded" ? OutOfWindowMode::Faded
                                                                                              : OutOfWindowMode::Hidden;
    // No "language" (a briefing step's view): the state keeps the one the user chose.
    const QString lang = json.value(QStringLiteral("language")).toString(state.language());
    settings.language = lang == u"en" ? QString() : lang;
    settings.mapMode = mode == u"choropleth" ? MapMode::Choropleth : MapMode::Markers;
    settings.choroplethFigure = json.value(QStringLiteral("choropleth_figure")).toString();

    const auto dataset = state.dataset();
    const QString regionCode = json.value(QStringLiteral("region")).toString();
    if (!regionCode.isEmpty()) {
        if (dataset && dataset->baseMap && dataset->baseMap->regions)
            settings.region = dataset->baseMap->regions->find(regionCode);
        if (settings.region < 0 && issues)
            issues->append(fileIssue(Issue::Severity::Warning, QStringLiteral("region"),
                                     tr("the base map has no region '%1'").arg(regionCode)));
    }
    const QString eventId = json.value(QStringLiteral("selected_event")).toString();
    if (!eventId.isEmpty()) {
        if (dataset && dataset->events) settings.selectedEvent = dataset->events->findId(eventId);
        if (settings.selectedEvent < 0 && issues)
            issues->append(fileIssue(Issue::Severity::Warning, QStringLiteral("selected_event"),
                                     tr("the dataset has no event '%1'").arg(eventId)));
    }
    state.setSettings(settings);
    return true;
}

std::optional<QJsonObject> ViewStateJson::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                         ? tr("%1: not JSON (%2 at byte %3)").arg(path, parseError.errorString()).arg(parseError.offset)
                         : tr("%1: expected a JSON object").arg(path);
        return std::nullopt;
    }
    return doc.object();
}

bool ViewStateJson::writeFile(const QJsonObject &json, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = tr("cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace chronomap
