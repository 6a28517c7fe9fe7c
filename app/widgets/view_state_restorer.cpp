// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/view_state_restorer.h"

#include "core/data_paths.h"
#include "widgets/briefing_step_view.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "core/view/view_state_json.h"
#include "render/map/viewport_json.h"

#include <QMessageBox>

#include <memory>

namespace chronomap {

namespace {

void showIssues(MainWindow *window, const QString &path, const IssueList &issues)
{
    if (issues.isEmpty()) return;
    QStringList lines;
    for (const Issue &issue : issues)
        lines.append(issue.field.isEmpty() ? issue.message : issue.field + QStringLiteral(": ") + issue.message);
    QMessageBox::warning(window, MainWindow::tr("View state"), MainWindow::tr("%1\n\n%2").arg(path, lines.join(u'\n')));
}

} // namespace

void ViewStateRestorer::apply(MainWindow *window, const QJsonObject &json, IssueList *issues)
{
    BriefingStepView::apply(json, *window->viewState(), *window->mapView(), issues); // the same two parts
}

bool ViewStateRestorer::open(MainWindow *window, const QString &path)
{
    QString error;
    const auto json = ViewStateJson::readFile(path, &error);
    if (!json) {
        QMessageBox::warning(window, MainWindow::tr("View state"), error);
        window->openFile(DataPaths::bundledEvents());
        return false;
    }
    QStringList datasets = ViewStateJson::datasetPaths(*json, path);
    if (datasets.isEmpty()) datasets.append(DataPaths::bundledEvents());
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(
        window, &MainWindow::loadFinished, window, [window, json = *json, path, datasets, connection](bool ok) {
            QObject::disconnect(*connection);
            if (!ok) return; // the window already said why the dataset did not load
            IssueList issues;
            const QString expected = json.value(QStringLiteral("dataset_sha256")).toString();
            // The hash taken as the dataset was read: what is shown, not what is on disk now.
            const auto loaded = window->viewState()->dataset();
            if (!expected.isEmpty() && (!loaded || loaded->sha256 != expected)) {
                Issue changed;
                changed.field = QStringLiteral("dataset_sha256");
                changed.message = MainWindow::tr("%1 has changed since this view was saved; the view may differ.")
                                      .arg(datasets.join(QStringLiteral(", ")));
                issues.append(changed);
            }
            apply(window, json, &issues);
            showIssues(window, path, issues);
        });
    window->openFiles(datasets);
    return true;
}

} // namespace chronomap
