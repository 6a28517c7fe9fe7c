// SPDX-License-Identifier: GPL-3.0-or-later
// EventWriter never loses data: a failed write leaves no file, and an existing file byte for byte.
#include "core/io/event_loader.h"
#include "../test_paths.h"
#include "core/io/event_writer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "../file_size_cap.h"
#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace chronomap;

namespace {

std::shared_ptr<const EventStore> sampleStore()
{
    const LoadResult result =
        EventLoader::load(chronomap::test::testDataDir() + QLatin1String("/formats/events.geojson"));
    REQUIRE(result.store->size() == 4);
    return result.store;
}

EventStore::IndexList all(const EventStore &store)
{
    EventStore::IndexList out;
    for (EventStore::Index i = 0; i < store.size(); ++i)
        out.push_back(i);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

namespace {
/// Sets or clears a folder's immutable flag (needs CAP_LINUX_IMMUTABLE, and ext4, XFS or Btrfs).
bool setImmutable(const QString &folder, bool immutable)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return false;
    int flags = 0;
    bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    ok = ok && ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    ::close(fd);
    return ok;
}
} // namespace

TEST_CASE("EventWriter writes a file that loads back", "[io][export]")
{
    const auto store = sampleStore();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto format = GENERATE(EventWriter::Format::GeoJson, EventWriter::Format::Csv);
    const QString path = dir.filePath(format == EventWriter::Format::Csv ? "out.csv" : "out.geojson");
    QString error;
    REQUIRE(EventWriter::write(*store, all(*store), format, path, &error));
    CHECK(error.isEmpty());
    CHECK(entries(dir.path()) == QStringList{QFileInfo(path).fileName()}); // no temporary file left
    const LoadResult back = EventLoader::load(path);
    CHECK_FALSE(back.hasFatal());
    CHECK(back.store->size() == store->size());
}

TEST_CASE("EventWriter into a folder that cannot exist fails with a reason and leaves nothing", "[io][export]")
{
    const auto store = sampleStore();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A regular file where the folder should be: no one, not even root, can create a file in it.
    const QString notAFolder = dir.filePath("file");
    {
        QFile f(notAFolder);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write("keep") == 4);
    }
    const QString path = notAFolder + QStringLiteral("/events.csv");
    QString error;
    CHECK_FALSE(EventWriter::write(*store, all(*store), EventWriter::Format::Csv, path, &error));
    CHECK_THAT(error.toStdString(), Catch::Contains(path.toStdString()));
    CHECK(entries(dir.path()) == QStringList{"file"});
    CHECK(readAll(notAFolder) == "keep");
}

TEST_CASE("EventWriter into a write-protected folder fails and the existing file survives byte for byte",
          "[io][export]")
{
    const auto store = sampleStore();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath("events.geojson");
    const QByteArray before = "{\"type\":\"FeatureCollection\",\"features\":[]}\n";
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(before) == before.size());
    }
    // Root ignores permission bits (CI runs as root): there the folder is made immutable instead
    // (FS_IMMUTABLE_FL, `chattr +i`), which stops root from adding or renaming files in it too.
    const bool asRoot = geteuid() == 0;
    REQUIRE((asRoot ? setImmutable(dir.path(), true)
                    : QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner)));
    QString error;
    const bool written = EventWriter::write(*store, all(*store), EventWriter::Format::GeoJson, path, &error);
    if (asRoot)
        setImmutable(dir.path(), false);
    else
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    CHECK_FALSE(written);
    CHECK_FALSE(error.isEmpty());
    CHECK(readAll(path) == before);
    CHECK(entries(dir.path()) == QStringList{"events.geojson"});
}

TEST_CASE("EventWriter on a full disk fails and the existing file survives byte for byte", "[io][export]")
{
    const auto store = sampleStore();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath("events.csv");
    const QByteArray before = "id,start,title\nkeep,2024,Kept\n";
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(before) == before.size());
    }
    const auto format = GENERATE(EventWriter::Format::GeoJson, EventWriter::Format::Csv);
    QString error;
    bool written = true;
    {
        const test::FileSizeCap cap(512); // the export is several KB
        written = EventWriter::write(*store, all(*store), format, path, &error);
    }
    CHECK_FALSE(written);
    CHECK_FALSE(error.isEmpty());
    CHECK(readAll(path) == before);
    CHECK(entries(dir.path()) == QStringList{"events.csv"});
}
