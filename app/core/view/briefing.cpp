// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/view/briefing.h"

#include "core/geo/region_index.h"
#include "core/view/view_state.h"
#include "core/view/view_state_json.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BriefingJson", text);
}

const QLatin1String kFormatName("chronomap-briefing");
const QLatin1String kViewStateFormat("chronomap-view-state");

QJsonObject textToJson(const BriefingText &text)
{
    return QJsonObject{{QStringLiteral("en"), text.en}, {QStringLiteral("es"), text.es}};
}

/// {"en","es"}, or a plain string taken as English.
BriefingText textFromJson(const QJsonValue &value)
{
    if (value.isString()) return {value.toString(), {}};
    const QJsonObject o = value.toObject();
    return {o.value(QStringLiteral("en")).toString(), o.value(QStringLiteral("es")).toString()};
}

Issue makeIssue(Issue::Severity severity, const QString &path, const QString &field, const QString &message)
{
    Issue issue;
    issue.severity = severity;
    issue.file = path;
    issue.field = field;
    issue.message = message;
    return issue;
}

/// Reads one step; nullopt with the reason in `why` when it is not usable.
std::optional<BriefingStep> stepFromJson(const QJsonValue &value, QString *why)
{
    if (!value.isObject()) {
        *why = tr("expected an object with \"title\", \"caption\" and \"view\"");
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    BriefingStep step;
    step.title = textFromJson(o.value(QStringLiteral("title")));
    step.caption = textFromJson(o.value(QStringLiteral("caption")));
    if (!o.value(QStringLiteral("view")).isObject()) {
        *why = tr("no \"view\" object");
        return step; // caller reports; returned only so the label can name its title
    }
    step.view = o.value(QStringLiteral("view")).toObject();
    // Hand-written files may leave the view-state header out; the view is one all the same.
    if (!step.view.contains(QStringLiteral("format"))) {
        step.view.insert(QStringLiteral("format"), kViewStateFormat);
        step.view.insert(QStringLiteral("version"), ViewStateJson::kVersion);
    }
    // Validated the way it will be applied, on a state without data (names are checked by check()).
    ViewState scratch;
    IssueList viewIssues;
    if (!ViewStateJson::apply(step.view, scratch, &viewIssues)) {
        const Issue &fatal = viewIssues.constLast();
        *why = fatal.field.isEmpty() ? fatal.message : fatal.field + QStringLiteral(": ") + fatal.message;
    }
    return step;
}

} // namespace

QString BriefingText::in(const QString &language) const
{
    if (language == u"es" && !es.isEmpty()) return es;
    return en;
}

QString BriefingJson::stepLabel(int index, const BriefingStep &step)
{
    const QString title = step.title.en.isEmpty() ? step.title.es : step.title.en;
    return title.isEmpty() ? tr("step %1").arg(index + 1) : tr("step %1 “%2”").arg(index + 1).arg(title);
}

QJsonObject BriefingJson::stepView(QJsonObject viewState)
{
    for (const char *key : {"dataset", "datasets", "dataset_sha256", "language"})
        viewState.remove(QLatin1String(key));
    return viewState;
}

QJsonObject BriefingJson::toJson(const Briefing &briefing)
{
    QJsonArray steps;
    for (const BriefingStep &step : briefing.steps)
        steps.append(QJsonObject{{QStringLiteral("title"), textToJson(step.title)},
                                 {QStringLiteral("caption"), textToJson(step.caption)},
                                 {QStringLiteral("view"), step.view}});
    return QJsonObject{
        {QStringLiteral("format"), kFormatName},
        {QStringLiteral("version"), Briefing::kFormat},
        {QStringLiteral("title"), textToJson(briefing.title)},
        {QStringLiteral("author"), briefing.author},
        {QStringLiteral("dataset"), QJsonObject{{QStringLiteral("file"), briefing.datasetFileName},
                                                {QStringLiteral("sha256"), briefing.datasetSha256}}},
        {QStringLiteral("steps"), steps},
    };
}

std::optional<Briefing> BriefingJson::readFile(const QString &path, IssueList *issues)
{
    auto fatal = [&](const QString &field, const QString &message) -> std::optional<Briefing> {
        if (issues) issues->append(makeIssue(Issue::Severity::Fatal, path, field, message));
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return fatal({}, tr("cannot read the file: %1").arg(file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fatal({}, tr("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject json = doc.object();
    if (!doc.isObject() || json.value(QStringLiteral("format")).toString() != kFormatName)
        return fatal(QStringLiteral("format"), tr("not a Chronomap briefing (no \"format\": \"chronomap-briefing\")"));
    const int version = json.value(QStringLiteral("version")).toInt();
    if (version > Briefing::kFormat)
        return fatal(QStringLiteral("version"),
                     tr("written by a newer Chronomap (briefing version %1; this one reads up to %2)")
                         .arg(version)
                         .arg(Briefing::kFormat));

    Briefing briefing;
    briefing.title = textFromJson(json.value(QStringLiteral("title")));
    briefing.author = json.value(QStringLiteral("author")).toString();
    const QJsonObject dataset = json.value(QStringLiteral("dataset")).toObject();
    briefing.datasetFileName = dataset.value(QStringLiteral("file")).toString();
    briefing.datasetSha256 = dataset.value(QStringLiteral("sha256")).toString();
    const QJsonArray steps = json.value(QStringLiteral("steps")).toArray();
    for (int i = 0; i < steps.size(); ++i) {
        QString why;
        const std::optional<BriefingStep> step = stepFromJson(steps[i], &why);
        if (why.isEmpty()) {
            briefing.steps.append(*step);
        } else if (issues) {
            const QString label = stepLabel(i, step.value_or(BriefingStep{}));
            issues->append(makeIssue(Issue::Severity::Skipped, path, label, tr("left out: %1").arg(why)));
        }
    }
    return briefing;
}

bool BriefingJson::writeFile(const Briefing &briefing, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = QJsonDocument(toJson(briefing)).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = tr("cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

void BriefingJson::check(const Briefing &briefing, const Dataset &dataset, const QString &datasetSha256,
                         const QString &briefingPath, IssueList *issues)
{
    if (!issues) return;
    if (!briefing.datasetSha256.isEmpty() && briefing.datasetSha256 != datasetSha256)
        issues->append(makeIssue(Issue::Severity::Warning, briefingPath, QStringLiteral("dataset"),
                                 tr("the data changed since the briefing was made (it was made over %1, "
                                    "SHA-256 %2…; the loaded data's is %3…)")
                                     .arg(briefing.datasetFileName, briefing.datasetSha256.left(12),
                                          datasetSha256.isEmpty() ? tr("unknown") : datasetSha256.left(12))));
    const RegionIndex *regions = dataset.baseMap ? dataset.baseMap->regions.get() : nullptr;
    const EventStore *events = dataset.events.get();
    for (int i = 0; i < briefing.steps.size(); ++i) {
        const QJsonObject &view = briefing.steps[i].view;
        const QString label = stepLabel(i, briefing.steps[i]);
        auto warn = [&](const QString &message) {
            issues->append(makeIssue(Issue::Severity::Warning, briefingPath, label, message));
        };
        const QString region = view.value(QStringLiteral("region")).toString();
        if (!region.isEmpty() && (!regions || regions->find(region) < 0))
            warn(tr("the base map no longer has the selected region '%1'").arg(region));
        const QString event = view.value(QStringLiteral("selected_event")).toString();
        if (!event.isEmpty() && (!events || events->findId(event) < 0))
            warn(tr("the data no longer has the selected record '%1'").arg(event));
        for (const QJsonValue &category : view.value(QStringLiteral("hidden_categories")).toArray())
            if (!events || !events->categories().contains(category.toString()))
                warn(tr("the data has no category '%1' (hidden in this step)").arg(category.toString()));
    }
}

} // namespace chronomap
