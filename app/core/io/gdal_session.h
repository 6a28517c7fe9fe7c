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

/// Routes GDAL's messages to the thread's GdalMessageCollector, if any, else to GDAL's default
/// handler (stderr): one process-wide handler, installed once. ensureGdalReady() installs it,
/// and so does the executable when it loads GDAL on demand (app/gdal_on_demand), so that a
/// collector itself never calls GDAL and costs nothing where GDAL is not loaded.
void routeGdalMessages();
/// The handler routeGdalMessages() installs, for a loader that must install it without calling
/// through the executable's GDAL entries (a CPLErrorHandler).
void routeGdalMessage(int errorClass, int errorNumber, const char *message);
/// Tells collectors that the executable installs the routing itself when it loads GDAL (set
/// before main() by app/gdal_on_demand); otherwise each collector makes sure it is installed.
void setGdalLoadedOnDemand();

/// Collects GDAL's error and warning messages on the current thread while alive, instead of
/// letting GDAL print them. Collectors nest: while an inner one lives, it alone collects. A
/// handler pushed on GDAL's own per-thread stack (CPLPushErrorHandler) still takes precedence.
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
