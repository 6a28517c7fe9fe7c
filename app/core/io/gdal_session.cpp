// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/gdal_session.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <gdal.h>

#include <atomic>
#include <mutex>

namespace chronomap {

namespace {

std::atomic<qint64> g_refusedRequests{0};

/// Replaces GDAL's HTTP layer for the whole process: every request is refused without a socket.
CPLHTTPResult *refuseHttp(const char *url, CSLConstList options, GDALProgressFunc, void *, CPLHTTPFetchWriteFunc,
                          void *, void *)
{
    auto *result = static_cast<CPLHTTPResult *>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    if (CSLFetchNameValue(options, "CLOSE_PERSISTENT")) return result; // housekeeping, not a request
    ++g_refusedRequests;
    result->nStatus = 1;
    result->pszErrBuf = CPLStrdup(CPLSPrintf("Chronomap does not fetch from the network (%s)", url ? url : ""));
    return result;
}

} // namespace

qint64 refusedNetworkRequests()
{
    return g_refusedRequests.load();
}

void ensureGdalReady()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // No network from data, ever: remote files are refused by path (isVirtualOrRemotePath),
        // and these keep drivers from following remote references found inside a file.
        CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "{noextension}.chronomap-none");
        CPLSetConfigOption("GDAL_HTTP_PROXY", "127.0.0.1:9");
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("LIBKML_RESOLVE_STYLE", "NO");
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "2000"); // MB; large files are allowed
        CPLHTTPSetFetchCallback(refuseHttp, nullptr);           // whatever a driver asks for, no request leaves
        routeGdalMessages();
        GDALAllRegister();
    });
}

bool isVirtualOrRemotePath(const QString &path)
{
    const QString p = path.trimmed().toLower();
    static const QStringList prefixes = {"/vsi", "http://", "https://", "ftp://", "file://", "s3://", "gs://", "az://"};
    for (const auto &prefix : prefixes)
        if (p.startsWith(prefix)) return true;
    return p.contains(u"://");
}

namespace {
thread_local GdalMessageCollector *t_collector = nullptr;
std::atomic<bool> g_loadedOnDemand{false};
} // namespace

void routeGdalMessage(int errorClass, int errorNumber, const char *message)
{
    const auto cplClass = CPLErr(errorClass);
    if (!t_collector) {
        CPLDefaultErrorHandler(cplClass, errorNumber, message); // what GDAL does without a handler
        return;
    }
    if (cplClass != CE_Debug && cplClass != CE_None)
        t_collector->record(cplClass >= CE_Failure, QString::fromUtf8(message).trimmed());
}

namespace {
void routeCplMessage(CPLErr errorClass, CPLErrorNum errorNumber, const char *message)
{
    routeGdalMessage(int(errorClass), errorNumber, message);
}
} // namespace

void routeGdalMessages()
{
    static std::once_flag once;
    std::call_once(once, [] { CPLSetErrorHandler(routeCplMessage); });
}

void setGdalLoadedOnDemand()
{
    g_loadedOnDemand = true;
}

GdalMessageCollector::GdalMessageCollector() : m_previous(t_collector)
{
    // Linked as usual, GDAL may be called before ensureGdalReady(): the routing goes in first.
    if (!g_loadedOnDemand.load(std::memory_order_relaxed)) routeGdalMessages();
    t_collector = this;
}

GdalMessageCollector::~GdalMessageCollector()
{
    t_collector = m_previous; // an enclosing collector on this thread collects again
}

QStringList GdalMessageCollector::take()
{
    QStringList out;
    out.swap(m_messages);
    return out;
}

void GdalMessageCollector::record(bool isError, const QString &text)
{
    if (isError) m_lastError = text;
    if (m_messages.size() < 100 && !m_messages.contains(text)) m_messages.append(text);
}

} // namespace chronomap
