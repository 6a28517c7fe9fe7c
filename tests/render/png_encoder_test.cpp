// SPDX-License-Identifier: GPL-3.0-or-later
// The PNG encoder of snapshots (libpng with unfiltered rows): what QImageReader reads back.
#include "render/snapshot/png_encoder.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;

TEST_CASE("encodePng writes the pixels, the text chunks (Latin-1 and not) and the resolution", "[render][snapshot]")
{
    QImage image(301, 97, QImage::Format_RGB32); // odd sizes: no row happens to align
    image.fill(QColor(12, 34, 56));
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(250, 128, 3), 3));
        p.drawEllipse(QRectF(10.5, 5.5, 200, 80));
        p.fillRect(QRect(220, 10, 60, 60), QColor(1, 2, 3));
    }
    image.setDotsPerMeterX(11811); // 300 dpi
    image.setDotsPerMeterY(11811);
    const QList<std::pair<QString, QString>> text = {
        {QStringLiteral("Title"), QStringLiteral("Kursk, 2024–2025")}, // an en dash: not Latin-1
        {QStringLiteral("Region"), QStringLiteral("RU-KRS Курская область")},
        {QStringLiteral("Dataset"), QStringLiteral("/tmp/events.geojson")},
    };
    QString error;
    const QByteArray png = encodePng(image, text, 1, &error);
    INFO(error.toStdString());
    REQUIRE_FALSE(png.isEmpty());
    CHECK(png.startsWith("\x89PNG\r\n\x1a\n"));

    QBuffer buffer;
    buffer.setData(png);
    QImageReader reader(&buffer, "png");
    for (const auto &[key, value] : text)
        CHECK(reader.text(key) == value);
    const QImage read = reader.read();
    REQUIRE_FALSE(read.isNull());
    CHECK(read.dotsPerMeterX() == 11811);
    CHECK(read.dotsPerMeterY() == 11811);
    CHECK_FALSE(read.hasAlphaChannel()); // RGB, not RGBA: a quarter smaller before compression
    CHECK(read.convertToFormat(QImage::Format_RGB32) == image);
}

TEST_CASE("encodePng deflates a tall image in two bands that read back as one image", "[render][snapshot]")
{
    QImage image(333, 700, QImage::Format_RGB32); // past the one-band height: two threads
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb((x * 7 + y) & 255, (y * 3) & 255, (x ^ y) & 255));
    QString error;
    const QByteArray png = encodePng(image, {{QStringLiteral("Title"), QStringLiteral("bands")}}, 1, &error);
    INFO(error.toStdString());
    REQUIRE_FALSE(png.isEmpty());
    QBuffer buffer;
    buffer.setData(png);
    QImageReader reader(&buffer, "png");
    CHECK(reader.text(QStringLiteral("Title")) == QStringLiteral("bands"));
    const QImage read = reader.read();
    INFO(reader.errorString().toStdString());
    REQUIRE_FALSE(read.isNull());
    CHECK(read.convertToFormat(QImage::Format_RGB32) == image);
}
