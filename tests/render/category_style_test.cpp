// SPDX-License-Identifier: GPL-3.0-or-later
// Category colours (issue 22): every bundled category has a colour of its own, and the colours
// stay apart for readers with each common kind of colour blindness.
#include "../bundled_data.h"

#include "render/category_style.h"

#include <QColor>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>

using namespace chronomap;
using namespace chronomap::test;

namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

/// Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
const std::pair<const char *, Matrix> kVisions[] = {
    {"normal", {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}},
    {"protanopia",
     {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}}},
    {"deuteranopia",
     {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}}},
    {"tritanopia",
     {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}}},
};

double linear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

/// CIELAB (D65) of `colour` as a reader with `vision` sees it.
std::array<double, 3> labAsSeen(QColor colour, const Matrix &vision)
{
    const std::array<double, 3> rgb = {linear(colour.redF()), linear(colour.greenF()), linear(colour.blueF())};
    std::array<double, 3> seen{};
    for (size_t i = 0; i < 3; ++i)
        seen[i] = std::clamp(vision[i][0] * rgb[0] + vision[i][1] * rgb[1] + vision[i][2] * rgb[2], 0.0, 1.0);
    const double x = (0.4124 * seen[0] + 0.3576 * seen[1] + 0.1805 * seen[2]) / 0.95047;
    const double y = 0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2];
    const double z = (0.0193 * seen[0] + 0.1192 * seen[1] + 0.9505 * seen[2]) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

} // namespace

TEST_CASE("Each bundled category has its own colour, apart under protanopia, deuteranopia and tritanopia", "[render]")
{
    const QStringList categories = bundledDataset()->events->categories();
    REQUIRE(categories.size() >= 8);
    // CIE76 distance: about 2 is a just noticeable difference; markers need far more.
    constexpr double kMinDistance = 12;
    for (const auto &[vision, matrix] : kVisions)
        for (qsizetype a = 0; a < categories.size(); ++a)
            for (qsizetype b = a + 1; b < categories.size(); ++b) {
                const auto p = labAsSeen(CategoryStyle::color(categories[a]), matrix);
                const auto q = labAsSeen(CategoryStyle::color(categories[b]), matrix);
                const double distance = std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
                INFO(vision << ": " << categories[a].toStdString() << " and " << categories[b].toStdString());
                CHECK(distance >= kMinDistance);
            }
}
