// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/recent_files_menu.h"

#include <QDir>
#include <QFileInfo>

namespace chronomap {

RecentFilesMenu::RecentFilesMenu(QWidget *parent) : QMenu(tr("&Recent Files"), parent)
{
    rebuild();
}

void RecentFilesMenu::setFiles(const QStringList &files)
{
    m_files = files;
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    for (qsizetype i = 0; i < m_files.size(); ++i) {
        const QString &path = m_files[i];
        QAction *a = addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { emit fileChosen(path); });
    }
    if (!m_files.isEmpty()) addSeparator();
    QAction *clearList = addAction(tr("&Clear List"));
    clearList->setEnabled(!m_files.isEmpty());
    connect(clearList, &QAction::triggered, this, &RecentFilesMenu::clearRequested);
    setEnabled(true);
}

} // namespace chronomap
