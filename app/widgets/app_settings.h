// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <memory>

namespace chronomap {

/// What Chronomap remembers between sessions, in the application's QSettings (on Linux
/// `~/.config/Chronomap/chronomap.conf`). Values are plain Qt types; the window decides what
/// they mean. A settings file that cannot be read is moved aside and started afresh, and
/// problem() says so.
class AppSettings {
public:
    static constexpr int kMaxRecentFiles = 8;

    AppSettings();
    ~AppSettings();

    /// Why the settings were reset at start, translated; empty when they read fine.
    QString problem() const { return m_problem; }
    QString fileName() const;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const; ///< QMainWindow::saveState(): docks and toolbars
    void setWindowState(const QByteArray &state);
    QStringList lastFiles() const; ///< the dataset open at the end of the last session
    void setLastFiles(const QStringList &files);
    QStringList recentFiles() const; ///< most recent first, at most kMaxRecentFiles
    void setRecentFiles(const QStringList &files);
    /// Puts `files` (opened together) at the top of the recent files and returns the new list.
    QStringList addRecentFiles(const QStringList &files);
    QString exportFolder() const; ///< the folder of the last export, as saved (it may be gone since)
    void setExportFolder(const QString &folder);
    /// A folder that exists to propose for an export: the last one used when it still exists,
    /// else `standard` (e.g. QStandardPaths::PicturesLocation) when it exists, else the home
    /// folder. Fresh accounts and servers often have no Pictures or Documents folder.
    QString existingExportFolder(QStandardPaths::StandardLocation standard) const;
    QString language() const; ///< "en", "es"…; empty = follow the system
    void setLanguage(const QString &code);
    QString mapMode() const; ///< "markers" or "choropleth"; empty = default
    void setMapMode(const QString &mode);
    /// View → Reduce Motion: briefings step without the eased transition.
    bool reduceMotion() const;
    void setReduceMotion(bool reduce);
    QString mapStyle() const; ///< View → Map Style as markStyleName() writes it; empty = default (auto)
    void setMapStyle(const QString &style);
    bool hexBinsByCategory() const; ///< View → Map Style → hexagon bins by category
    void setHexBinsByCategory(bool on);
    /// What the import dialog was told for files with these columns: `role=column` pairs as
    /// `--mapping` takes them, and the date form (`iso`, `dmy`, `mdy`); empty when never asked.
    QString importMapping(const QStringList &columns) const;
    QString importDateForm(const QStringList &columns) const;
    void setImportChoice(const QStringList &columns, const QString &mapping, const QString &dateForm);

    /// File → Open Database…'s last `host`, `port`, `dbname`, `user` and `tables` (libpq's and
    /// GDAL's keywords); empty when never given. A password is never kept: setDatabaseField()
    /// takes only those five keys.
    QString databaseField(const QString &key) const;
    void setDatabaseField(const QString &key, const QString &value);
    static const QStringList &databaseFieldKeys();

    /// Writes pending changes; false when the file cannot be written.
    bool sync();

private:
    std::unique_ptr<QSettings> m_settings;
    QString m_problem;
};

} // namespace chronomap
