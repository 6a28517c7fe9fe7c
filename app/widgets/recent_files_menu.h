// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>
#include <QStringList>

namespace chronomap {

/// File → Recent Files: one entry per file, most recent first, numbered for the keyboard.
class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentFilesMenu(QWidget *parent = nullptr);
    void setFiles(const QStringList &files);
    QStringList files() const { return m_files; }

signals:
    void fileChosen(const QString &path);
    void clearRequested();

private:
    void rebuild();
    QStringList m_files;
};

} // namespace chronomap
