// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/dataset_loader.h"

#include "core/io/reader_process.h"
#include "core/store/event_layers.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>

#include <openssl/evp.h>

#include <future>
#include <memory>

namespace chronomap {

namespace {

/// Turns a reader's (done, total) calls into the callbacks: thousandths over all files, and
/// the seconds since the last record arrived.
class FileProgress {
public:
    FileProgress(const DatasetLoader::Callbacks &callbacks, qsizetype file, qsizetype files)
        : m_callbacks(callbacks), m_file(file), m_files(std::max<qsizetype>(1, files))
    {
        m_sinceRecord.start(); // a reader child calls back while it waits, too
    }

    bool operator()(qint64 done, qint64 total)
    {
        if (done != m_lastDone) {
            m_lastDone = done;
            m_sinceRecord.restart();
            if (m_shownSeconds > 0) wait(0);
        } else if (const int seconds = int(m_sinceRecord.elapsed() / 1000); seconds >= 2 && seconds != m_shownSeconds) {
            wait(seconds);
        }
        if (!m_callbacks.progress) return true;
        return m_callbacks.progress(total > 0 ? int((1000 * m_file + 1000 * done / total) / m_files) : -1);
    }

private:
    void wait(int seconds)
    {
        m_shownSeconds = seconds;
        if (m_callbacks.waiting) m_callbacks.waiting(seconds);
    }

    const DatasetLoader::Callbacks &m_callbacks;
    qsizetype m_file;
    qsizetype m_files;
    QElapsedTimer m_sinceRecord;
    qint64 m_lastDone = -1;
    int m_shownSeconds = 0;
};

std::shared_ptr<const EventStore> emptyStore()
{
    return EventStoreBuilder().build(); // a LoadResult's store is never null
}

} // namespace

LoadResult DatasetLoader::load(const QStringList &paths, const LoadOptions &options, const Callbacks &callbacks,
                               Hashing hashing)
{
    // Hashing reads the files once more, from the page cache the reader fills: on a second
    // thread it costs no wall time. It stops early when the load is cancelled.
    std::atomic<bool> stopHashing = false;
    std::future<QString> hashed;
    if (hashing == Hashing::Content) {
        hashed = std::async(std::launch::async, [&paths, &stopHashing] {
            QStringList digests;
            for (const QString &path : paths)
                digests.append(sha256OfFile(path, &stopHashing));
            return combinedSha256(digests);
        });
    }
    auto cancelled = [&] {
        stopHashing = true;
        if (hashed.valid()) hashed.wait();
        LoadResult result;
        result.cancelled = true;
        result.store = emptyStore();
        return result;
    };

    LoadResult merged;
    QList<EventLayer> layers, failed;
    for (qsizetype f = 0; f < paths.size(); ++f) {
        LoadResult result = ReaderProcess::loadFile(paths[f], options, FileProgress(callbacks, f, paths.size()));
        if (result.cancelled) return cancelled();
        merged.issues.append(result.issues);
        merged.recordsRead += result.recordsRead;
        if (!result.store->isEmpty()) layers.append({paths[f], result.store});
        if (result.partial) failed.append({paths[f], result.partial});
    }
    if (callbacks.progress && !callbacks.progress(1000)) return cancelled();
    merged.store = layers.isEmpty() ? emptyStore() : EventLayers::merge(layers, &merged.issues);
    if (!failed.isEmpty()) {
        QList<EventLayer> kept = layers;
        for (const EventLayer &layer : std::as_const(failed))
            if (!layer.store->isEmpty()) kept.append(layer);
        IssueList ignored; // the merge's renames were reported with the store above
        merged.partial = kept.isEmpty() ? emptyStore() : EventLayers::merge(kept, &ignored);
        merged.store = emptyStore();
    }
    if (hashed.valid()) merged.sha256 = hashed.get();
    return merged;
}

QString DatasetLoader::combinedSha256(const QStringList &fileDigests)
{
    if (fileDigests.isEmpty() || fileDigests.contains(QString())) return {};
    if (fileDigests.size() == 1) return fileDigests.front();
    return QString::fromLatin1(
        QCryptographicHash::hash(fileDigests.join(QString()).toLatin1(), QCryptographicHash::Sha256).toHex());
}

QString DatasetLoader::sha256OfFile(const QString &path, const std::atomic<bool> *stop)
{
    // OpenSSL's SHA-256 (the CPU's SHA instructions where it has them: about ten times
    // QCryptographicHash's speed here, which took a sixth of an export's CPU time at 100k events).
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> hash(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!hash || EVP_DigestInit_ex(hash.get(), EVP_sha256(), nullptr) != 1) return {};
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    while (true) {
        if (stop && *stop) return {};
        const qint64 n = file.read(chunk.data(), chunk.size());
        if (n < 0) return {};
        if (n == 0) break;
        if (EVP_DigestUpdate(hash.get(), chunk.constData(), size_t(n)) != 1) return {};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(hash.get(), digest, &size) != 1) return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(size)).toHex());
}

} // namespace chronomap
