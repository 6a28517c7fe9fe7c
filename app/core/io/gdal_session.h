// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace chronomap {

/// Registers GDAL's drivers once per process and closes GDAL's doors to the network: data from
/// files must never make Chronomap fetch anything.
void ensureGdalReady();

/// How many HTTP requests GDAL attempted since start-up (a driver following a link in a file);
/// each was refused without opening a connection.
qint64 refusedNetworkRequests();

/// True for paths GDAL would read through a virtual or network file system (`/vsicurl/`,
/// `http://`, `/vsizip/`…); only plain local files are opened.
bool isVirtualOrRemotePath(const QString &path);

/// Collects GDAL's error and warning messages on the current thread while alive (GDAL error
/// handlers are per thread), instead of letting GDAL print them. Collectors nest: while an inner
/// one lives, it alone collects.
class GdalMessageCollector {
public:
    GdalMessageCollector();
    ~GdalMessageCollector();
    GdalMessageCollector(const GdalMessageCollector &) = delete;
    GdalMessageCollector &operator=(const GdalMessageCollector &) = delete;

    /// Messages gathered so far, oldest first; `take` empties the list.
    QStringList take();
    QString lastError() const { return m_lastError; }

    /// Records one message; called by the GDAL error handler.
    void record(bool isError, const QString &text);

private:
    GdalMessageCollector *m_previous; ///< the enclosing collector on this thread, if any
    QStringList m_messages;
    QString m_lastError;
};

} // namespace chronomap
