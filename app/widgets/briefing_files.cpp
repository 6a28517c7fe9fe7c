// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/briefing_files.h"

#include "core/data_paths.h"
#include "core/view/view_state.h"
#include "widgets/briefing_document.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace chronomap {

BriefingFiles::BriefingFiles(BriefingDocument *document, const ViewState *state, QWidget *window)
    : QObject(window), m_document(document), m_state(state), m_window(window)
{}

bool BriefingFiles::open(const QString &path)
{
    if (!maybeSave()) return false;
    IssueList issues;
    const std::optional<Briefing> briefing = BriefingJson::readFile(path, &issues);
    if (!briefing) {
        const QString reason = issues.isEmpty() ? QString() : issues.constLast().message;
        QMessageBox::warning(m_window, tr("Cannot open briefing"), tr("%1\n\n%2").arg(path, reason));
        return false;
    }
    const qsizetype unreadable = issues.size();
    if (const auto dataset = m_state->dataset())
        BriefingJson::check(*briefing, *dataset, dataset->sha256, path, &issues);
    m_document->reset(*briefing, path);
    const QString name = QFileInfo(path).fileName();
    QString summary;
    if (unreadable > 0)
        summary = tr("%1: %n step(s) could not be read; see Problems", nullptr, int(unreadable)).arg(name);
    else if (!issues.isEmpty())
        summary = tr("%1 was made over other data: see Problems for what changed").arg(name);
    emit issuesFound(issues, summary);
    return true;
}

void BriefingFiles::chooseAndOpen()
{
    const QString folder = m_document->path().isEmpty() ? QString() : QFileInfo(m_document->path()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open briefing"), folder,
                                                      tr("Chronomap briefings (*.chronomap-briefing.json);;"
                                                         "JSON (*.json);;All files (*)"));
    if (!path.isEmpty()) open(path);
}

bool BriefingFiles::openExample()
{
    const QString path = DataPaths::exampleBriefing();
    if (!QFileInfo::exists(path)) {
        QMessageBox::warning(m_window, tr("Cannot open briefing"),
                             tr("The example briefing is not installed (looked for %1).").arg(path));
        return false;
    }
    return open(path);
}

void BriefingFiles::newBriefing()
{
    if (maybeSave()) m_document->reset({}, {});
}

bool BriefingFiles::save()
{
    if (m_document->path().isEmpty()) return saveAs();
    QString error;
    if (m_document->save(m_document->path(), &error)) return true;
    QMessageBox::warning(m_window, tr("Cannot save briefing"), error);
    return false;
}

bool BriefingFiles::saveAs()
{
    const QString proposed = m_document->path().isEmpty() ? tr("briefing") + BriefingJson::kSuffix : m_document->path();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save briefing"), proposed,
                                                tr("Chronomap briefings (*.chronomap-briefing.json)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(u".json")) path += BriefingJson::kSuffix;
    QString error;
    if (m_document->save(path, &error)) return true;
    QMessageBox::warning(m_window, tr("Cannot save briefing"), error);
    return false;
}

bool BriefingFiles::maybeSave()
{
    if (!m_document->isModified()) return true;
    const auto answer =
        QMessageBox::question(m_window, tr("Unsaved briefing"),
                              tr("The briefing has unsaved changes (%n step(s)). Save them?", nullptr,
                                 int(m_document->briefing().steps.size())),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

} // namespace chronomap
