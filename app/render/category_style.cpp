// SPDX-License-Identifier: GPL-3.0-or-later
#include "category_style.h"

#include <QHash>

#include <array>

namespace chronomap {

namespace {

// Okabe & Ito (2008), "Color Universal Design"; black left out for contrast with borders.
constexpr std::array<QRgb, 7> kPalette = {0xE69F00, 0x56B4E9, 0x009E73, 0xD55E00, 0x0072B2, 0xCC79A7, 0xF0E442};

struct Known {
    int color;
    MarkerShape shape;
};

const QHash<QString, Known> &known()
{
    static const QHash<QString, Known> table = {
        {QStringLiteral("diplomatic-contact"), {4, MarkerShape::Circle}},
        {QStringLiteral("summit"), {1, MarkerShape::Star}},
        {QStringLiteral("treaty"), {2, MarkerShape::Square}},
        {QStringLiteral("deployment"), {3, MarkerShape::TriangleUp}},
        {QStringLiteral("arms-transfer"), {0, MarkerShape::Diamond}},
        {QStringLiteral("labour-dispatch"), {5, MarkerShape::Hexagon}},
        {QStringLiteral("combat"), {3, MarkerShape::Cross}},
        {QStringLiteral("statement"), {6, MarkerShape::TriangleDown}},
    };
    return table;
}

} // namespace

QColor CategoryStyle::color(const QString &category)
{
    const auto it = known().constFind(category);
    const size_t slot = it != known().constEnd() ? size_t(it->color) : size_t(qHash(category) % kPalette.size());
    return QColor::fromRgb(kPalette[slot]);
}

MarkerShape CategoryStyle::shape(const QString &category)
{
    const auto it = known().constFind(category);
    return it != known().constEnd() ? it->shape : MarkerShape(qHash(category) % 8);
}

QString CategoryStyle::label(const QString &category)
{
    if (category.isEmpty()) return QStringLiteral("Uncategorised");
    QString text = category;
    text.replace(u'-', u' ').replace(u'_', u' ');
    text[0] = text[0].toUpper();
    return text;
}

} // namespace chronomap
