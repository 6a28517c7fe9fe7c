// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshot export: each format written and read back, metadata round trips, and failed writes
// that leave nothing behind.
#include "render/prepared_dataset.h"
#include "../test_paths.h"
#include "core/io/dataset_loader.h"
#include "render/category_style.h"
#include "core/geo/region_index.h"
#include "render/map/map_framing.h"
#include "render/map/map_style.h"
#include "render/map/projected_base_map.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_export.h"
#include "render/snapshot/snapshot_metadata.h"
#include "render/snapshot/snapshot_writer.h"
#include "render/timeline/timeline_style.h"
#include "core/view/view_state_json.h"
#include "render/map/viewport_json.h"
#include "render/map/web_mercator.h"

#include "prepared_data.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <cstring>
#include <map>
#include <utility>

#include "../qt_string_maker.h"

using namespace chronomap;

namespace {

const QString kTitle = QStringLiteral("Kursk deployments — snapshot test");

/// A small dataset with sources, one event per category, next to the bundled base map.
std::shared_ptr<const PreparedDataset> exportDataset()
{
    static const auto dataset = [] {
        const QString file = chronomap::test::testDataDir() + QLatin1String("/export/events.geojson");
        const LoadResult result = EventLoader::load(file);
        REQUIRE_FALSE(result.hasFatal());
        return PreparedDataset::make({file}, result.store, test::bundledBaseMap(), DatasetLoader::sha256OfFile(file));
    }();
    return dataset;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString sha256(const QString &path)
{
    return QString::fromLatin1(QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex());
}

/// The view a user would have: 2024–2025, Kursk selected, framed on the events.
struct Scene {
    ViewState state;
    std::unique_ptr<SnapshotComposer> composer;

    Scene()
    {
        loadBundledFonts();
        state.setDataset(exportDataset());
        state.setTimeWindow(
            TimeWindow{FuzzyDate::parse(u"2024")->startMs, FuzzyDate::parse(u"2025")->endExclusiveMs()});
        state.setSelectedRegion(exportDataset()->baseMap->regions->find(QStringLiteral("RU-KRS")));
        SnapshotComposer::Content content;
        content.title = kTitle;
        content.mapViewport = MapFraming::frameEvents(*exportDataset(), nullptr, QSize(1200, 600));
        composer = std::make_unique<SnapshotComposer>(state, content);
    }

    SnapshotWriter::Options options(QSize size, double scale = 1.0) const
    {
        SnapshotWriter::Options o;
        o.pixelSize = size;
        o.scale = scale;
        const QSizeF logical = QSizeF(size) / scale;
        o.metadata = SnapshotMetadata::describe(state, composer->mapViewportFor(composer->mapAreaFor(logical).size()),
                                                kTitle, composer->content().exportedAt, exportDataset()->sha256);
        return o;
    }

    /// Where the parts go at this size (the composer lays out the same way every time).
    SnapshotComposer::Layout layout(QSize size, double scale = 1.0) const
    {
        QImage scratch(size, QImage::Format_RGB32);
        scratch.setDevicePixelRatio(scale);
        scratch.setDotsPerMeterX(3780);
        scratch.setDotsPerMeterY(3780);
        QPainter p(&scratch);
        const auto layout = composer->paint(p, QSizeF(size) / scale);
        REQUIRE(layout);
        return *layout;
    }
};

bool near(QColor a, QColor b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

/// Checks a raster snapshot: its size, a map area that is a map (not blank), and the legend's
/// colour swatches.
void checkRaster(const QImage &image, QSize size, const SnapshotComposer::Layout &layout, double scale, int tolerance)
{
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == size);
    const QRect map =
        QRectF(layout.map.topLeft() * scale, layout.map.size() * scale).toAlignedRect().adjusted(2, 2, -2, -2);
    QSet<QRgb> colours;
    int white = 0, samples = 0;
    for (int y = map.top(); y < map.bottom(); y += 7) {
        for (int x = map.left(); x < map.right(); x += 7) {
            const QColor c = image.pixelColor(x, y);
            colours.insert(c.rgb() & 0xf0f0f0);
            white += near(c, Qt::white, 4);
            ++samples;
        }
    }
    CHECK(white < samples / 20); // the map fills its area: sea and land, never paper white
    CHECK(colours.size() > 8);   // sea, land, borders, markers, labels
    bool seaSeen = false;
    for (int y = map.top(); y < map.bottom() && !seaSeen; y += 5)
        for (int x = map.left(); x < map.right() && !seaSeen; x += 5)
            seaSeen = near(image.pixelColor(x, y), MapStyle::standard().sea, tolerance);
    CHECK(seaSeen);

    // The legend shows a swatch in the colour of each category shown, e.g. treaty and deployment.
    REQUIRE_FALSE(layout.legend.isEmpty());
    const QRect legend = QRectF(layout.legend.topLeft() * scale, layout.legend.size() * scale).toAlignedRect();
    for (const char *category : {"treaty", "deployment"}) {
        const QColor want = CategoryStyle::color(QLatin1String(category));
        bool found = false;
        for (int y = legend.top(); y <= legend.bottom() && !found; ++y)
            for (int x = legend.left(); x <= legend.right() && !found; ++x)
                found = near(image.pixelColor(x, y), want, tolerance);
        INFO(category);
        CHECK(found);
    }
}

/// The PDF /Title string, decoded (Qt writes it as UTF-16BE with a byte order mark).
QString pdfTitle(const QByteArray &pdf)
{
    const qsizetype start = pdf.indexOf("/Title (");
    if (start < 0) return {};
    QByteArray raw;
    for (qsizetype i = start + 8; i < pdf.size() && pdf[i] != ')'; ++i) {
        if (pdf[i] == '\\' && i + 1 < pdf.size()) {
            ++i;
            if (pdf[i] >= '0' && pdf[i] <= '7') { // octal escape
                int value = 0, digits = 0;
                while (digits < 3 && i < pdf.size() && pdf[i] >= '0' && pdf[i] <= '7')
                    value = value * 8 + (pdf[i++] - '0'), ++digits;
                --i;
                raw.append(char(value));
                continue;
            }
            raw.append(pdf[i] == 'n' ? '\n' : pdf[i] == 'r' ? '\r' : pdf[i]);
            continue;
        }
        raw.append(pdf[i]);
    }
    if (raw.startsWith("\xFE\xFF")) {
        QString text;
        for (qsizetype i = 2; i + 1 < raw.size(); i += 2)
            text.append(QChar(char16_t((uchar(raw[i]) << 8) | uchar(raw[i + 1]))));
        return text;
    }
    return QString::fromLatin1(raw);
}

} // namespace

TEST_CASE("A PNG snapshot reads back at its size with a map, a legend, the title and its provenance", "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshot.png"));
    const QSize size(1280, 720);
    QString error;
    REQUIRE(SnapshotWriter::write(*scene.composer, path, scene.options(size), {}, &error));
    CHECK(error.isEmpty());

    QImageReader reader(path);
    CHECK(reader.format() == "png");
    // Metadata round trip: the text chunks name the dataset, its SHA-256, the window and the title.
    CHECK(reader.text(SnapshotMetadata::kTitle) == kTitle);
    CHECK(reader.text(SnapshotMetadata::kDataset) == QFileInfo(exportDataset()->file()).absoluteFilePath());
    CHECK(reader.text(SnapshotMetadata::kDatasetSha256) == sha256(exportDataset()->file()));
    CHECK(reader.text(SnapshotMetadata::kTimeWindow) ==
          QStringLiteral("2024-01-01T00:00:00.000Z/2026-01-01T00:00:00.000Z"));
    CHECK(reader.text(SnapshotMetadata::kRegion).startsWith(QStringLiteral("RU-KRS")));
    CHECK(reader.text(SnapshotMetadata::kLanguage) == QStringLiteral("en"));
    CHECK(reader.text(SnapshotMetadata::kSoftware) == QStringLiteral("Chronomap " CHRONOMAP_VERSION));
    // The embedded view state is a complete --view-state file.
    const QJsonObject viewState = QJsonDocument::fromJson(reader.text(SnapshotMetadata::kViewState).toUtf8()).object();
    CHECK(viewState.value(QStringLiteral("region")).toString() == QStringLiteral("RU-KRS"));
    CHECK(viewState.value(QStringLiteral("dataset_sha256")).toString() == sha256(exportDataset()->file()));
    CHECK(viewState.value(QStringLiteral("map")).toObject().contains(QStringLiteral("metres_per_pixel")));

    const QImage image = reader.read();
    checkRaster(image, size, scene.layout(size), 1.0, 3);
    // Nothing else is left in the folder (QSaveFile's temporary file is gone).
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{QStringLiteral("snapshot.png")});
}

TEST_CASE("A PNG snapshot shows each event's marker at its projected pixel and the time window on its timeline",
          "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshot.png"));
    const QSize size(1280, 720);
    REQUIRE(SnapshotWriter::write(*scene.composer, path, scene.options(size)));
    const QImage image(path);
    const auto layout = scene.layout(size);
    const Viewport viewport = scene.composer->mapViewportFor(layout.map.size());
    const EventStore &events = *exportDataset()->events;

    // Every point event shown (in the window, placed exactly) has a marker within a marker's
    // radius of where its coordinates project: in its category's colour, or in that of an event
    // it is grouped with (events within a few pixels share one marker with a count).
    QSet<QRgb> shownColours;
    for (const EventStore::Index i : scene.state.visibleEvents())
        shownColours.insert(CategoryStyle::color(events.category(i)).rgb());
    int checked = 0;
    for (const EventStore::Index i : scene.state.visibleEvents()) {
        if (events.geometryKind(i) != GeometryKind::Point || events.locationPrecision(i) == LocationPrecision::Region)
            continue;
        const QPointF px =
            layout.map.topLeft() + viewport.lonLatToScreenPx(QPointF(events.lonDeg(i), events.latDeg(i)));
        if (!layout.map.adjusted(8, 8, -8, -8).contains(px) || layout.legend.contains(px)) continue;
        bool found = false;
        for (int dy = -8; dy <= 8 && !found; ++dy)
            for (int dx = -8; dx <= 8 && !found; ++dx)
                found = shownColours.contains(image.pixel(px.toPoint() + QPoint(dx, dy)));
        INFO(events.id(i).toStdString() << " at " << px.x() << "," << px.y());
        CHECK(found);
        ++checked;
    }
    CHECK(checked >= 3);

    // The timeline draws the window's two edges: full-height lines in the window's colour.
    const QRect timeline = layout.timeline.toAlignedRect();
    const QColor edge = TimelineStyle::standard().windowEdge;
    int edgeColumns = 0;
    for (int x = timeline.left(); x <= timeline.right(); ++x) {
        int run = 0;
        for (int y = timeline.top(); y <= timeline.bottom(); ++y)
            run += near(image.pixelColor(x, y), edge, 8);
        edgeColumns += run > timeline.height() / 2;
    }
    CHECK(edgeColumns >= 2);
}

TEST_CASE("A 4K PNG keeps the 1080p layout at twice the pixels", "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshot-4k.png"));
    const QSize size(3840, 2160);
    const double scale = SnapshotFormats::autoScale(size);
    CHECK(scale == 2.0);
    REQUIRE(SnapshotWriter::write(*scene.composer, path, scene.options(size, scale)));
    const QString pathHd = dir.filePath(QStringLiteral("snapshot-1080p.png"));
    REQUIRE(SnapshotWriter::write(*scene.composer, pathHd, scene.options(QSize(1920, 1080))));
    checkRaster(QImage(path), size, scene.layout(size, scale), scale, 3);

    // The two files hold the same picture: the 4K one halved differs from the 1080p one only
    // where edges and glyphs are drawn finer (a moved legend or map would differ by far more).
    const QImage halved = QImage(path)
                              .scaled(1920, 1080, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .convertToFormat(QImage::Format_RGB32);
    const QImage hd = QImage(pathHd).convertToFormat(QImage::Format_RGB32);
    REQUIRE(hd.size() == halved.size());
    qint64 differing = 0;
    for (int y = 0; y < hd.height(); ++y)
        for (int x = 0; x < hd.width(); ++x)
            differing += !near(hd.pixelColor(x, y), halved.pixelColor(x, y), 48);
    INFO("pixels differing by more than 48 in a channel: " << differing);
    CHECK(differing < qint64(hd.width()) * hd.height() / 50);
}

/// Rows of `a` and `b` holding a pixel more than `tolerance` apart in a channel.
qint64 rowsApart(const QImage &a, const QImage &b, int tolerance)
{
    qint64 rows = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *pa = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *pb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            if (std::abs(qRed(pa[x]) - qRed(pb[x])) > tolerance ||
                std::abs(qGreen(pa[x]) - qGreen(pb[x])) > tolerance ||
                std::abs(qBlue(pa[x]) - qBlue(pb[x])) > tolerance) {
                ++rows;
                break;
            }
    }
    return rows;
}

TEST_CASE("A large PNG's base map drawn on two threads has the pixels of one thread", "[export]")
{
    // Within two levels of 255: a 4K snapshot's wide lines are drawn segment by segment (see
    // BaseMapRenderer::render), and Qt's line rasterizer cuts a segment at the edge of the band
    // it is drawn in, then rounds its coverage from the cut: a few dozen pixels one or two
    // levels apart. A seam (a band a row off, rows lost or drawn twice) is tens of levels apart.
    Scene scene; // a regional view: admin-1 borders (hairlines), national borders, coasts
    QTemporaryDir dir;
    for (const auto &[size, scale] :
         {std::pair{QSize(1920, 1080), 1.0}, std::pair{QSize(3840, 2160), 2.0}, std::pair{QSize(1000, 700), 1.0}}) {
        INFO(size.width() << "x" << size.height() << " at scale " << scale);
        const QString bands = dir.filePath(QStringLiteral("bands.png")), one = dir.filePath(QStringLiteral("one.png"));
        scene.composer->setDrawsBaseMapInBands(true);
        REQUIRE(SnapshotWriter::write(*scene.composer, bands, scene.options(size, scale)));
        scene.composer->setDrawsBaseMapInBands(false);
        REQUIRE(SnapshotWriter::write(*scene.composer, one, scene.options(size, scale)));
        const QImage a = QImage(bands).convertToFormat(QImage::Format_RGB32);
        const QImage b = QImage(one).convertToFormat(QImage::Format_RGB32);
        REQUIRE(a.size() == size);
        CHECK(rowsApart(a, b, 2) == 0);
    }
    scene.composer->setDrawsBaseMapInBands(true);
}

TEST_CASE("SnapshotRequest, as the export dialog and --export run it, writes what write() does", "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    const QSize size(1280, 720);
    const QString direct = dir.filePath(QStringLiteral("direct.png")), view = dir.filePath(QStringLiteral("view.png"));
    REQUIRE(SnapshotWriter::write(*scene.composer, direct, scene.options(size)));
    SnapshotRequest request;
    request.dataset = scene.state.dataset();
    request.settings = scene.state.settings();
    request.content = scene.composer->content();
    request.path = view;
    request.size = {size, 1.0};
    SnapshotMetadata written;
    CHECK(request.write({}, &written).isEmpty());
    const QImage expected(direct);
    REQUIRE_FALSE(expected.isNull());
    CHECK(QImage(view) == expected);
    // The metadata names the data file by its hash, as the direct write's does, and is returned.
    CHECK(QImageReader(view).text(SnapshotMetadata::kDatasetSha256) == sha256(exportDataset()->file()));
    CHECK(written.value(SnapshotMetadata::kDatasetSha256) == sha256(exportDataset()->file()));
    // A stop on the way leaves nothing and says so.
    const QString stopped = dir.filePath(QStringLiteral("stopped.png"));
    request.path = stopped;
    CHECK(request.write([](int percent) { return percent < 30; }) == QStringLiteral("cancelled"));
    CHECK_FALSE(QFile::exists(stopped));
}

TEST_CASE("One table of formats and sizes answers the writer, the dialog and the command line", "[export]")
{
    for (const SnapshotFormatInfo &f : SnapshotFormats::all()) {
        CHECK(SnapshotFormats::forPath(SnapshotFormats::withSuffix(QStringLiteral("/tmp/a.b.xyz"), f.format)) ==
              f.format);
        CHECK(SnapshotFormats::fileDialogFilters().contains(f.fileDialogFilter()));
        CHECK(SnapshotFormats::suffixList().contains(u'.' + QLatin1String(f.suffix)));
    }
    CHECK(SnapshotFormats::withSuffix(QStringLiteral("/tmp/a.b.png"), SnapshotFormat::Pdf) ==
          QStringLiteral("/tmp/a.b.pdf"));
    CHECK(SnapshotFormats::withSuffix(QStringLiteral("plain"), SnapshotFormat::Svg) == QStringLiteral("plain.svg"));
    CHECK(SnapshotFormats::forPath(QStringLiteral("A.JPEG")) == SnapshotFormat::Jpeg);
    CHECK_FALSE(SnapshotFormats::forPath(QStringLiteral("noext")));
    CHECK_FALSE(SnapshotFormats::forPath(QStringLiteral("x.gif")));

    CHECK(SnapshotFormats::parseSize(QStringLiteral("A4")) == SnapshotSize{{3508, 2480}, 300.0 / 96.0});
    CHECK(SnapshotFormats::parseSize(QStringLiteral("4k")) == SnapshotSize{{3840, 2160}, 2.0});
    CHECK(SnapshotFormats::parseSize(QStringLiteral(" 1280 x 720 ")) == SnapshotSize{{1280, 720}, 1.0});
    CHECK(SnapshotFormats::parseSize(QStringLiteral("5760x3240"))->scale == Approx(3.0));
    CHECK_FALSE(SnapshotFormats::parseSize(QStringLiteral("big")));
    // Every preset is a size the writer takes, at the scale autoScale would give (A4 aside,
    // which keeps its print resolution).
    for (const SnapshotSizePreset &preset : SnapshotFormats::sizePresets()) {
        CHECK(SnapshotFormats::checkSize(preset.size.pixels).isEmpty());
        if (QLatin1String(preset.key) != QLatin1String("a4"))
            CHECK(preset.size.scale == Approx(SnapshotFormats::autoScale(preset.size.pixels)));
    }
    CHECK_FALSE(SnapshotFormats::checkSize({20, 480}).isEmpty());
}

TEST_CASE("A JPEG snapshot reads back at its size with a map and a legend", "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshot.jpg"));
    const QSize size(1024, 768);
    REQUIRE(SnapshotWriter::write(*scene.composer, path, scene.options(size)));
    QImageReader reader(path);
    CHECK(reader.format() == "jpeg");
    checkRaster(reader.read(), size, scene.layout(size), 1.0, 40);
}

TEST_CASE("An SVG snapshot is a valid drawing with the title, the legend text and the metadata", "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshot.svg"));
    const QSize size(1600, 900);
    REQUIRE(SnapshotWriter::write(*scene.composer, path, scene.options(size)));

    // Qt 6.4's SVG renderer does not know <pattern> (the timeline's hatching): browsers do.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.svg.warning=false"));
    QSvgRenderer renderer(path);
    REQUIRE(renderer.isValid());
    CHECK(renderer.viewBoxF() == QRectF(0, 0, 1600, 900));
    const QString xml = QString::fromUtf8(readAll(path));
    CHECK(xml.contains(QStringLiteral("<title>%1</title>").arg(kTitle.toHtmlEscaped())));
    CHECK(xml.contains(QStringLiteral(">%1</text>").arg(kTitle.toHtmlEscaped()))); // drawn, not only named
    CHECK(xml.contains(QStringLiteral(">Categories</text>")));                     // the legend
    CHECK(xml.contains(SnapshotMetadata::kDatasetSha256 + QStringLiteral(": ") + sha256(exportDataset()->file())));
    CHECK(xml.contains(QStringLiteral("Made with Natural Earth")));
    // The footer names the sources of the events shown, as the composer counts them.
    for (const auto &[name, count] : scene.composer->sourcesShown())
        if (count >= 2) CHECK(xml.contains(name.toHtmlEscaped()));
    // The width and height say the pixel size at 96 dpi (508 mm = 1920 px).
    CHECK(xml.contains(QStringLiteral("width=\"%1mm\"").arg(1600 * 25.4 / 96)));

    // Rendered, the map area is a map.
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    QLoggingCategory::setFilterRules(QString());
    checkRaster(image, size, scene.layout(size), 1.0, 6);
}

TEST_CASE("A PDF snapshot has the page size, title and metadata asked for", "[export]")
{
    Scene scene;
    QTemporaryDir dir;

    SECTION("1280x720 is a 960x540 pt page")
    {
        const QString path = dir.filePath(QStringLiteral("snapshot.pdf"));
        REQUIRE(SnapshotWriter::write(*scene.composer, path, scene.options(QSize(1280, 720))));
        const QByteArray pdf = readAll(path);
        CHECK(pdf.startsWith("%PDF-"));
        CHECK(pdf.contains("/MediaBox [0 0 960.000000 540.000000]"));
        CHECK(pdfTitle(pdf) == kTitle);
        CHECK(pdf.contains("/Creator ("));                               // Qt writes the creator as UTF-16 too
        CHECK(pdf.contains(sha256(exportDataset()->file()).toLatin1())); // in the XMP packet
        CHECK(pdf.contains("<xmp:CreatorTool>Chronomap " CHRONOMAP_VERSION "</xmp:CreatorTool>"));
    }
    SECTION("A4 landscape at 300 dpi is an A4 page")
    {
        const QString path = dir.filePath(QStringLiteral("a4.pdf"));
        REQUIRE(SnapshotWriter::write(*scene.composer, path, scene.options(QSize(3508, 2480), 300.0 / 96.0)));
        const QByteArray pdf = readAll(path);
        CHECK(pdf.startsWith("%PDF-"));
        CHECK(pdf.contains("/MediaBox [0 0 842.000000 595.000000]"));
    }
}

TEST_CASE("A stopped export leaves an existing file byte for byte and no temporary file", "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.png"));
    const QByteArray original("an earlier snapshot the user wants to keep\n");
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(original) == original.size());
    }
    // Stop at each step in turn: while painting the map, before the timeline, before committing.
    for (int stopAt : {35, 70, 95}) {
        INFO("stopped at " << stopAt);
        QString error;
        const bool ok = SnapshotWriter::write(
            *scene.composer, path, scene.options(QSize(800, 600)), [stopAt](int percent) { return percent < stopAt; },
            &error);
        CHECK_FALSE(ok);
        CHECK(error == QStringLiteral("cancelled"));
        CHECK(readAll(path) == original);
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("report.png")});
    }
}

TEST_CASE("Writing where no file can be created fails at once and leaves nothing", "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    // A path whose parent is a regular file: no user, root included, can create it (chmod on a
    // folder would not stop root, and the tests may run as root).
    const QString notADir = dir.filePath(QStringLiteral("plain-file"));
    {
        QFile f(notADir);
        REQUIRE(f.open(QIODevice::WriteOnly));
    }
    for (const QString &path :
         {notADir + QStringLiteral("/snapshot.png"), QStringLiteral("/proc/chronomap-snapshot.pdf")}) {
        INFO(path.toStdString());
        QString error;
        int calls = 0;
        CHECK_FALSE(SnapshotWriter::write(
            *scene.composer, path, scene.options(QSize(640, 480)), [&](int) { return ++calls, true; }, &error));
        CHECK(error.startsWith(QStringLiteral("cannot write ") + path));
        CHECK(calls == 0); // refused before any painting
        CHECK_FALSE(QFileInfo::exists(path));
    }
}

TEST_CASE("Unknown formats and impossible sizes are refused with a reason", "[export]")
{
    Scene scene;
    QTemporaryDir dir;
    QString error;
    CHECK_FALSE(SnapshotWriter::write(*scene.composer, dir.filePath(QStringLiteral("x.gif")),
                                      scene.options(QSize(640, 480)), {}, &error));
    CHECK(error.contains(QStringLiteral("unknown format 'gif'")));
    CHECK_FALSE(SnapshotWriter::write(*scene.composer, dir.filePath(QStringLiteral("x.png")),
                                      scene.options(QSize(20, 480)), {}, &error));
    CHECK(error.contains(QStringLiteral("20x480")));
    CHECK(QDir(dir.path()).isEmpty());
}

TEST_CASE("The footer lists the sources of the events shown", "[export]")
{
    Scene scene;
    const auto sources = scene.composer->sourcesShown();
    QStringList names;
    for (const auto &[name, count] : sources)
        names.append(name);
    CHECK(names.contains(QStringLiteral("KCNA")));
    CHECK(names.contains(QStringLiteral("TASS")));
    // KCNA reports two of the events shown: most cited first.
    REQUIRE_FALSE(sources.isEmpty());
    CHECK(sources.first().second >= 2);
    // Hiding every category hides every source.
    scene.state.setHiddenCategories(
        QSet<QString>(exportDataset()->events->categories().cbegin(), exportDataset()->events->categories().cend()));
    CHECK(scene.composer->sourcesShown().isEmpty());
}

TEST_CASE("The footer counts a source name once per event, however the event's sources spell it", "[export]")
{
    // Names padded with spaces, a name given again with a URL, a source with only a URL and a
    // blank name: what counts is each event's set of trimmed names.
    const auto source = [](const QString &name, const QString &url = {}) { return Source{name, url, {}, {}}; };
    const QList<QList<Source>> cited = {
        {source(QStringLiteral(" TASS ")), source(QStringLiteral("TASS"), QStringLiteral("https://tass.ru/1"))},
        {source(QStringLiteral("TASS")), source(QStringLiteral("KCNA"))},
        {source(QString(), QStringLiteral("https://kcnawatch.org/2"))},
        {source(QStringLiteral("KCNA\t"))},
        {source(QStringLiteral("Yonhap")), source(QStringLiteral("   "))},
        {source(QStringLiteral("KCNA"))},
    };
    EventStoreBuilder builder;
    for (qsizetype k = 0; k < cited.size(); ++k) {
        Event e;
        e.id = QStringLiteral("e%1").arg(k);
        e.title.insert(QString(), e.id);
        e.when = TimeSpan(*FuzzyDate::parse(QStringLiteral("2024-0%1").arg(k + 1)));
        e.category = QStringLiteral("statement");
        e.geometryKind = GeometryKind::Point;
        e.geometry = {QGeoCoordinate(51.7, 36.2)};
        e.sources = cited[k];
        builder.add(e);
    }
    ViewState state;
    state.setDataset(PreparedDataset::make({}, builder.build(), test::bundledBaseMap()));
    const SnapshotComposer composer(state, {});

    // The same count made record by record from the decoded sources.
    std::map<QString, int> expected;
    const EventStore &store = *state.dataset()->events;
    for (const EventStore::Index i : state.visibleEvents()) {
        QSet<QString> names;
        for (const Source &s : store.sources(i))
            if (!s.name.trimmed().isEmpty()) names.insert(s.name.trimmed());
        for (const QString &name : std::as_const(names))
            ++expected[name];
    }
    CHECK(expected.at(QStringLiteral("TASS")) == 2); // the first event cites it twice: counted once
    const auto shown = composer.sourcesShown();
    QList<std::pair<QString, int>> expectedOrder(expected.begin(), expected.end());
    std::stable_sort(expectedOrder.begin(), expectedOrder.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    CHECK(shown == expectedOrder);
    CHECK(shown == QList<std::pair<QString, int>>{
                       {QStringLiteral("KCNA"), 3}, {QStringLiteral("TASS"), 2}, {QStringLiteral("Yonhap"), 1}});
}

TEST_CASE("A view state survives JSON: window, match, region, event, categories, language, mode, map", "[export]")
{
    ViewState state;
    state.setDataset(exportDataset());
    const TimeWindow window{FuzzyDate::parse(u"2024-08")->startMs, FuzzyDate::parse(u"2025-04")->endExclusiveMs()};
    state.setTimeWindow(window);
    state.setWindowMatch(WindowMatch::Certainly);
    state.setSelectedRegion(exportDataset()->baseMap->regions->find(QStringLiteral("RU-KRS")));
    state.setSelectedEvent(exportDataset()->events->findId(QStringLiteral("a4-kursk")));
    state.setHiddenCategories({QStringLiteral("combat"), QStringLiteral("statement")});
    state.setLanguage(QStringLiteral("es"));
    state.setMapMode(MapMode::Choropleth);
    const Viewport viewport(WebMercator::toMercatorM(QPointF(36.2, 51.7)), 612.5, QSize(900, 600));

    QJsonObject json = ViewStateJson::toJson(state, QStringLiteral("abc123"));
    json.insert(QStringLiteral("map"), ViewportJson::toJson(viewport));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("view.json"));
    QString error;
    REQUIRE(ViewStateJson::writeFile(json, file, &error));
    const auto read = ViewStateJson::readFile(file, &error);
    REQUIRE(read);
    CHECK(read->value(QStringLiteral("window")).toObject().value(QStringLiteral("from")).toString() ==
          QStringLiteral("2024-08-01T00:00:00.000Z"));
    CHECK(ViewStateJson::datasetPaths(*read, file) ==
          QStringList{QFileInfo(exportDataset()->file()).absoluteFilePath()});

    ViewState restored;
    restored.setDataset(exportDataset());
    IssueList issues;
    REQUIRE(ViewStateJson::apply(*read, restored, &issues));
    CHECK(issues.isEmpty());
    CHECK(restored.timeWindow() == std::optional<TimeWindow>(window));
    CHECK(restored.windowMatch() == WindowMatch::Certainly);
    CHECK(restored.selectedRegion() == state.selectedRegion());
    CHECK(restored.selectedEvent() == state.selectedEvent());
    CHECK(restored.hiddenCategories() == state.hiddenCategories());
    CHECK(restored.language() == QStringLiteral("es"));
    CHECK(restored.mapMode() == MapMode::Choropleth);

    const auto map = ViewportJson::fromJson(read->value(QStringLiteral("map")).toObject(), QSize(1000, 700));
    REQUIRE(map);
    CHECK(map->sizePx() == QSize(1000, 700));
    CHECK(map->metresPerPixel() == Approx(612.5));
    CHECK(map->centreMercatorM().x() == Approx(viewport.centreMercatorM().x()));
    CHECK(map->centreMercatorM().y() == Approx(viewport.centreMercatorM().y()));

    SECTION("An open-ended window, unknown ids and a bad window")
    {
        QJsonObject open = *read;
        open.insert(QStringLiteral("window"),
                    QJsonObject{{QStringLiteral("from"), QStringLiteral("2025-01-01T00:00:00.000Z")},
                                {QStringLiteral("to"), QJsonValue::Null}});
        open.insert(QStringLiteral("region"), QStringLiteral("XX-NOPE"));
        open.insert(QStringLiteral("selected_event"), QStringLiteral("no-such-event"));
        IssueList warnings;
        REQUIRE(ViewStateJson::apply(open, restored, &warnings));
        CHECK(warnings.size() == 2);
        CHECK(restored.selectedRegion() == -1);
        CHECK(restored.selectedEvent() == -1);
        REQUIRE(restored.timeWindow());
        CHECK(restored.timeWindow()->toMs > FuzzyDate::parse(u"9999")->startMs);

        QJsonObject bad = *read;
        bad.insert(QStringLiteral("window"), QJsonObject{{QStringLiteral("from"), QStringLiteral("yesterday")}});
        IssueList fatal;
        CHECK_FALSE(ViewStateJson::apply(bad, restored, &fatal));
        REQUIRE(fatal.size() == 1);
        CHECK(fatal.first().field == QStringLiteral("window"));
        CHECK_FALSE(ViewStateJson::apply(QJsonObject{{QStringLiteral("hello"), 1}}, restored, &fatal));
    }
}
