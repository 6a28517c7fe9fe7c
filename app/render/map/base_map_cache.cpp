// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/base_map_cache.h"

#include "core/geo/region_index.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include <sys/mman.h>

#include <bit>
#include <cstring>
#include <type_traits>

Q_LOGGING_CATEGORY(lcBaseMapCache, "chronomap.basemap.cache", QtWarningMsg)

namespace chronomap {

namespace {

// Written and read by the same build on the same machine: numbers in host order, arrays of
// points as their bytes, each starting at a multiple of its element's alignment in the file, so
// that a read can use them where the file is mapped. A change to any struct written here must
// bump the version.
constexpr char kMagic[8] = {'C', 'M', 'B', 'M', 'A', 'P', 'C', '1'};
constexpr quint32 kFormatVersion = 3;

struct Header {
    char magic[8];
    quint32 version;
    quint32 pointBytes; ///< sizeof(QPointF): guards against a build with another qreal
    qint64 sourceSize;
    qint64 sourceModifiedMs;
    quint64 payloadBytes;
    quint64 payloadHash;
};
static_assert(std::is_trivially_copyable_v<Header>);
// The payload's offsets are the file's modulo any element's alignment.
static_assert(sizeof(Header) % alignof(QPointF) == 0 && sizeof(Header) % alignof(float) == 0);

/// The zero bytes that bring `offset` to a multiple of `alignment`.
constexpr qsizetype paddingTo(qsizetype offset, size_t alignment)
{
    return qsizetype((alignment - size_t(offset) % alignment) % alignment);
}

class Writer {
public:
    template<typename T> void raw(const T &v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_bytes.append(reinterpret_cast<const char *>(&v), sizeof v);
    }
    void count(qsizetype n) { raw(quint32(n)); }
    void text(const QString &s)
    {
        count(s.size());
        m_bytes.append(reinterpret_cast<const char *>(s.constData()), s.size() * qsizetype(sizeof(QChar)));
    }
    void localized(const LocalizedText &t)
    {
        count(t.size());
        for (auto it = t.begin(); it != t.end(); ++it) {
            text(it.key());
            text(it.value());
        }
    }
    template<typename T> void array(const T *data, qsizetype n)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        count(n);
        m_bytes.append(paddingTo(m_bytes.size(), alignof(T)), '\0');
        m_bytes.append(reinterpret_cast<const char *>(data), n * qsizetype(sizeof(T)));
    }
    void points(const QList<QPointF> &p) { array(p.constData(), p.size()); }
    void floats(const std::vector<float> &f) { array(f.data(), qsizetype(f.size())); }
    template<typename T, typename Each> void list(const QList<T> &items, Each each)
    {
        count(items.size());
        for (const T &item : items)
            each(*this, item);
    }
    QByteArray &bytes() { return m_bytes; }

private:
    QByteArray m_bytes;
};

/// A file's bytes mapped read-only, unmapped with the last reference (from any thread: not a
/// QFile, a QObject, whose mapping would go with it).
struct MappedBytes {
    const uchar *data = nullptr;
    size_t size = 0;

    static std::shared_ptr<const MappedBytes> map(int fd, size_t size)
    {
        void *at = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
        if (at == MAP_FAILED) return nullptr;
        auto mapped = std::make_shared<MappedBytes>();
        mapped->data = static_cast<const uchar *>(at);
        mapped->size = size;
        return mapped;
    }
    MappedBytes() = default;
    MappedBytes(const MappedBytes &) = delete;
    MappedBytes &operator=(const MappedBytes &) = delete;
    ~MappedBytes()
    {
        if (data) ::munmap(const_cast<uchar *>(data), size);
    }
};

/// Every read checks what is left: a cut or damaged file fails here, never past the end.
class Reader {
public:
    /// `data` stays where it is as long as what points() returns is used (see fromPayload).
    Reader(const char *data, qsizetype size) : m_begin(data), m_at(data), m_end(data + size) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_end; }

    template<typename T> T raw()
    {
        T v{};
        if (take(sizeof v)) std::memcpy(&v, m_at - sizeof v, sizeof v);
        return v;
    }
    qsizetype count() { return qsizetype(raw<quint32>()); }
    QString text()
    {
        const qsizetype n = count();
        if (!fits(n, sizeof(QChar))) return {};
        QString s(n, Qt::Uninitialized); // copied as bytes: the text need not be 2-aligned here
        std::memcpy(s.data(), m_at, size_t(n) * sizeof(QChar));
        m_at += n * qsizetype(sizeof(QChar));
        return s;
    }
    LocalizedText localized()
    {
        LocalizedText t;
        for (qsizetype n = count(); m_ok && n > 0; --n) {
            QString key = text();
            t.insert(key, text());
        }
        return t;
    }
    /// The points where they lie in the data, not a copy (Qt's raw data: a change would copy
    /// them first). Copied instead if the data is not aligned for them.
    QList<QPointF> points()
    {
        const qsizetype n = count();
        if (!skipPadding(alignof(QPointF)) || !fits(n, sizeof(QPointF))) return {};
        const auto *first = reinterpret_cast<const QPointF *>(m_at);
        m_at += n * qsizetype(sizeof(QPointF));
        if (reinterpret_cast<quintptr>(first) % alignof(QPointF) == 0)
            return QList<QPointF>(QArrayDataPointer<QPointF>::fromRawData(first, n));
        QList<QPointF> p(n);
        std::memcpy(p.data(), first, size_t(n) * sizeof(QPointF));
        return p;
    }
    std::vector<float> floats()
    {
        const qsizetype n = count();
        if (!skipPadding(alignof(float)) || !fits(n, sizeof(float))) return {};
        std::vector<float> f(static_cast<size_t>(n));
        std::memcpy(f.data(), m_at, size_t(n) * sizeof(float));
        m_at += n * qsizetype(sizeof(float));
        return f;
    }
    template<typename T, typename Each> QList<T> list(Each each)
    {
        const qsizetype n = count();
        QList<T> items;
        if (!fits(n, 1)) return items; // every item takes a byte at least
        items.reserve(n);
        for (qsizetype i = 0; m_ok && i < n; ++i)
            items.append(each(*this));
        return items;
    }

private:
    bool skipPadding(size_t alignment) { return take(size_t(paddingTo(m_at - m_begin, alignment))); }
    bool take(size_t bytes)
    {
        if (!m_ok || size_t(m_end - m_at) < bytes) return m_ok = false;
        m_at += bytes;
        return true;
    }
    bool fits(qsizetype n, size_t each)
    {
        if (m_ok && n >= 0 && size_t(n) <= size_t(m_end - m_at) / each) return true;
        return m_ok = false;
    }

    const char *m_begin;
    const char *m_at;
    const char *m_end;
    bool m_ok = true;
};

void writeArea(Writer &w, const AreaFeature &a)
{
    w.text(a.code);
    w.localized(a.name);
    w.text(a.countryCode);
    w.list(a.rings, [](Writer &w, const LonLatRing &r) { w.points(r); });
    w.raw(a.lonLatBox);
    w.raw(a.labelLonLat);
}

AreaFeature readArea(Reader &r)
{
    AreaFeature a;
    a.code = r.text();
    a.name = r.localized();
    a.countryCode = r.text();
    a.rings = r.list<LonLatRing>([](Reader &r) { return r.points(); });
    a.lonLatBox = r.raw<QRectF>();
    a.labelLonLat = r.raw<QPointF>();
    return a;
}

void writePolygons(Writer &w, const QList<QPolygonF> &polygons)
{
    w.list(polygons, [](Writer &w, const QPolygonF &p) { w.points(p); });
}

QList<QPolygonF> readPolygons(Reader &r)
{
    return r.list<QPolygonF>([](Reader &r) { return QPolygonF(r.points()); });
}

void writeDetail(Writer &w, const QList<std::vector<float>> &detail)
{
    w.list(detail, [](Writer &w, const std::vector<float> &d) { w.floats(d); });
}

QList<std::vector<float>> readDetail(Reader &r)
{
    return r.list<std::vector<float>>([](Reader &r) { return r.floats(); });
}

/// True when the outlines are the rings themselves (the projection shares them when no ring
/// runs along the antimeridian): written once, shared again when read.
bool outlinesAreRings(const ProjectedArea &a)
{
    if (a.outlines.size() != a.rings.size()) return false;
    for (qsizetype i = 0; i < a.rings.size(); ++i)
        if (a.outlines[i].constData() != a.rings[i].constData()) return false;
    return true;
}

void writeProjectedArea(Writer &w, const ProjectedArea &a)
{
    writePolygons(w, a.rings);
    const bool shared = outlinesAreRings(a);
    w.raw(quint8(shared));
    if (!shared) writePolygons(w, a.outlines);
    w.raw(a.box);
    writeDetail(w, a.outlineDetailM);
}

ProjectedArea readProjectedArea(Reader &r)
{
    ProjectedArea a;
    a.rings = readPolygons(r);
    a.outlines = r.raw<quint8>() ? a.rings : readPolygons(r);
    a.box = r.raw<QRectF>();
    a.outlineDetailM = readDetail(r);
    return a;
}

void writeLines(Writer &w, const ProjectedLines &l)
{
    writePolygons(w, l.parts);
    w.raw(l.box);
    writeDetail(w, l.partDetailM);
}

ProjectedLines readLines(Reader &r)
{
    ProjectedLines l;
    l.parts = readPolygons(r);
    l.box = r.raw<QRectF>();
    l.partDetailM = readDetail(r);
    return l;
}

QByteArray payloadOf(const ProjectedBaseMap &projected)
{
    const BaseMap &map = *projected.source;
    Writer w;
    w.list(map.land, writeArea);
    w.list(map.coastline, [](Writer &w, const LineFeature &line) {
        w.list(line.parts, [](Writer &w, const LonLatLine &part) { w.points(part); });
        w.raw(line.lonLatBox);
    });
    w.list(map.countries, writeArea);
    w.list(map.places, [](Writer &w, const Place &p) {
        w.localized(p.name);
        w.raw(p.lonLat);
        w.raw(p.population);
        w.raw(qint32(p.scaleRank));
        w.text(p.featureClass);
    });
    w.list(map.regions->regions(), writeArea);
    w.list(projected.land, writeProjectedArea);
    w.list(projected.countries, writeProjectedArea);
    w.list(projected.regions, writeProjectedArea);
    w.list(projected.regionBorders, writeLines);
    w.list(projected.nationalBorders, writeLines);
    w.list(projected.coastline, writeLines);
    return std::move(w.bytes());
}

/// The base map in `data`, its vertex arrays pointing into it: `backing` keeps it where it is.
LoadedBaseMap fromPayload(const char *data, qsizetype size, std::shared_ptr<const void> backing)
{
    Reader r(data, size);
    auto map = std::make_shared<BaseMap>();
    map->backing = std::move(backing);
    map->land = r.list<AreaFeature>(readArea);
    map->coastline = r.list<LineFeature>([](Reader &r) {
        LineFeature line;
        line.parts = r.list<LonLatLine>([](Reader &r) { return r.points(); });
        line.lonLatBox = r.raw<QRectF>();
        return line;
    });
    map->countries = r.list<AreaFeature>(readArea);
    map->places = r.list<Place>([](Reader &r) {
        Place p;
        p.name = r.localized();
        p.lonLat = r.raw<QPointF>();
        p.population = r.raw<qint64>();
        p.scaleRank = r.raw<qint32>();
        p.featureClass = r.text();
        return p;
    });
    QList<AreaFeature> regions = r.list<AreaFeature>(readArea);
    if (!r.ok()) return {};
    const qsizetype regionCount = regions.size();
    map->regions = std::make_shared<RegionIndex>(std::move(regions), map->backing);
    auto projected = std::make_shared<ProjectedBaseMap>(map, ProjectedBaseMap::Restored{});
    projected->land = r.list<ProjectedArea>(readProjectedArea);
    projected->countries = r.list<ProjectedArea>(readProjectedArea);
    projected->regions = r.list<ProjectedArea>(readProjectedArea);
    projected->regionBorders = r.list<ProjectedLines>(readLines);
    projected->nationalBorders = r.list<ProjectedLines>(readLines);
    projected->coastline = r.list<ProjectedLines>(readLines);
    // The parallel lists the painters index by feature must line up, as the projection made them.
    const bool parallel =
        projected->land.size() == map->land.size() && projected->countries.size() == map->countries.size() &&
        projected->regions.size() == regionCount && projected->regionBorders.size() == regionCount &&
        projected->nationalBorders.size() == regionCount && projected->coastline.size() == map->coastline.size();
    if (!r.ok() || !r.atEnd() || !parallel) return {};
    return {std::move(map), std::move(projected), true};
}

Header headerFor(const QFileInfo &source)
{
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kFormatVersion;
    h.pointBytes = sizeof(QPointF);
    h.sourceSize = source.size();
    h.sourceModifiedMs = source.lastModified().toMSecsSinceEpoch();
    return h;
}

/// A fixed, fast hash of the payload (qHashBits mixes in the process's random seed): 64-bit
/// words multiplied and rotated in, enough to catch a damaged or cut file, not an attacker.
quint64 hashOf(const char *data, qsizetype size)
{
    quint64 h = quint64(size) * 0x9E3779B97F4A7C15ull;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        h = std::rotl(h ^ word, 27) * 0x9E3779B97F4A7C15ull;
    }
    for (; i < size; ++i)
        h = std::rotl(h ^ quint8(data[i]), 27) * 0x9E3779B97F4A7C15ull;
    return h;
}

LoadedBaseMap readCache(const QString &cachePath, const QFileInfo &source)
{
    QFile file(cachePath);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const qint64 size = file.size();
    if (size < qint64(sizeof(Header))) return {};
    // The map borrows its vertices from the mapping (no copy of some 18 MB into fresh memory,
    // which costs more than the reading on the machines we measure on), so the mapping stays
    // for as long as the map lives (BaseMap::backing). The cache is only ever replaced by a
    // rename (writeCache), never rewritten in place.
    const std::shared_ptr<const MappedBytes> mapping = MappedBytes::map(file.handle(), size_t(size));
    if (!mapping) return {};
    const uchar *mapped = mapping->data;
    Header found;
    std::memcpy(&found, mapped, sizeof found);
    const Header expected = headerFor(source);
    const char *payload = reinterpret_cast<const char *>(mapped) + sizeof(Header);
    if (std::memcmp(found.magic, expected.magic, sizeof kMagic) != 0 || found.version != expected.version ||
        found.pointBytes != expected.pointBytes || found.sourceSize != expected.sourceSize ||
        found.sourceModifiedMs != expected.sourceModifiedMs || found.payloadBytes != quint64(size) - sizeof(Header) ||
        found.payloadHash != hashOf(payload, qsizetype(found.payloadBytes))) {
        qCDebug(lcBaseMapCache) << cachePath << "is not current for" << source.filePath();
        return {};
    }
    LoadedBaseMap loaded = fromPayload(payload, qsizetype(found.payloadBytes), mapping);
    if (!loaded.baseMap) qCWarning(lcBaseMapCache) << cachePath << "is damaged; reading the GeoPackage";
    // Its time stamp says when it was last used (pruneUnused): refreshed once a day at most, so
    // that a start writes nothing on most days (file times are all the reading leaves).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (loaded.baseMap && file.fileTime(QFileDevice::FileModificationTime).daysTo(now) >= 1)
        file.setFileTime(now, QFileDevice::FileModificationTime);
    return loaded;
}

/// Removes the other base map caches in `dir` unused for kUnusedDays: each is keyed by a
/// GeoPackage's path, so a moved installation, a build tree or a deleted copy leaves one behind
/// (some megabytes each) that nothing would read again. A cache still in use is refreshed by
/// its reads (readCache); one removed by mistake costs one slower start.
void pruneUnused(const QString &dir, const QString &keptPath)
{
    constexpr int kUnusedDays = 60;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString kept = QFileInfo(keptPath).absoluteFilePath();
    const QFileInfoList caches =
        QDir(dir).entryInfoList({QStringLiteral("basemap-*.cache")}, QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo &cache : caches) {
        if (cache.absoluteFilePath() == kept) continue;
        if (cache.lastModified().daysTo(now) >= kUnusedDays && QFile::remove(cache.absoluteFilePath()))
            qCDebug(lcBaseMapCache) << "removed" << cache.absoluteFilePath() << "unused for" << kUnusedDays << "days";
    }
}

void writeCache(const QString &cachePath, const QFileInfo &source, const ProjectedBaseMap &projected)
{
    const QByteArray payload = payloadOf(projected);
    Header header = headerFor(source);
    header.payloadBytes = quint64(payload.size());
    header.payloadHash = hashOf(payload.constData(), payload.size());
    QDir().mkpath(QFileInfo(cachePath).absolutePath());
    QSaveFile file(cachePath);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(reinterpret_cast<const char *>(&header), sizeof header) != qint64(sizeof header) ||
        file.write(payload) != payload.size() || !file.commit()) {
        qCDebug(lcBaseMapCache) << "cannot write" << cachePath << file.errorString(); // a slower next start
        return;
    }
    pruneUnused(QFileInfo(cachePath).absolutePath(), cachePath); // on a write only: a start that reads stays quick
}

} // namespace

QString BaseMapCache::cacheFileFor(const QString &gpkgPath, const QString &cacheDir)
{
    const QString dir = cacheDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) : cacheDir;
    const QByteArray key =
        QCryptographicHash::hash(QFileInfo(gpkgPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return dir + QStringLiteral("/basemap-") + QString::fromLatin1(key) + QStringLiteral(".cache");
}

LoadedBaseMap BaseMapCache::load(const QString &gpkgPath, IssueList *issues, const QString &cacheDir)
{
    const QFileInfo source(gpkgPath);
    const bool useCache = cacheDir != u"-" && source.isFile();
    const QString cachePath = useCache ? cacheFileFor(gpkgPath, cacheDir) : QString();
    if (useCache)
        if (LoadedBaseMap cached = readCache(cachePath, source); cached.baseMap) return cached;
    LoadedBaseMap loaded;
    loaded.baseMap = BaseMap::load(gpkgPath, issues);
    if (!loaded.baseMap) return loaded;
    loaded.projected = std::make_shared<const ProjectedBaseMap>(loaded.baseMap);
    if (useCache) writeCache(cachePath, source, *loaded.projected);
    return loaded;
}

} // namespace chronomap
