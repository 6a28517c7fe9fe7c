// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/event_export.h"

#include "core/view/view_state.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace chronomap {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("chronomap::EventExport", text, disambiguation, n);
}
} // namespace

std::optional<EventWriter::Format> EventExport::formatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json")) return EventWriter::Format::GeoJson;
    if (suffix == QLatin1String("csv")) return EventWriter::Format::Csv;
    return std::nullopt;
}

bool EventExport::write(const ViewState &state, const QString &path, QString *error)
{
    const auto dataset = state.dataset();
    if (!dataset || !dataset->events) {
        if (error) *error = tr("There is nothing to export yet: no dataset is open.");
        return false;
    }
    const auto format = formatFor(path);
    if (!format) {
        if (error) *error = tr("The file name must end in .geojson, .json or .csv.");
        return false;
    }
    return EventWriter::write(*dataset->events, state.visibleEvents(), *format, path, error);
}

QString EventExport::proposedPath(const ViewState &state, const QString &folder)
{
    const auto dataset = state.dataset();
    const QString base =
        dataset ? QFileInfo(Dataset::displayName(dataset->file())).completeBaseName() : QStringLiteral("events");
    return QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(base + QStringLiteral("-events.geojson"));
}

QString EventExport::run(QWidget *parent, const ViewState &state, const QString &folder)
{
    const QString start = proposedPath(state, folder);
    QString path =
        QFileDialog::getSaveFileName(parent, tr("Export Events"), start, tr("GeoJSON (*.geojson *.json);;CSV (*.csv)"));
    if (path.isEmpty()) return {};
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".geojson");
    QString error;
    if (!write(state, path, &error)) {
        QMessageBox::warning(parent, tr("Export Events"), tr("Could not export the events:\n\n%1").arg(error));
        return {};
    }
    QMessageBox::information(
        parent, tr("Export Events"),
        tr("Wrote %n event(s) to %1.", nullptr, int(state.visibleEvents().size())).arg(QDir::toNativeSeparators(path)));
    return QFileInfo(path).absolutePath();
}

} // namespace chronomap
