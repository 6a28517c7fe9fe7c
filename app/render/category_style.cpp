// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/category_style.h"

#include <QCoreApplication>
#include <QHash>

#include <array>

namespace chronomap {

namespace {

// Okabe & Ito (2008), "Color Universal Design", all eight: one per bundled category (markers
// carry a white outline, so black stands out from borders and the sea as well).
constexpr std::array<QRgb, 8> kPalette = {0xE69F00, 0x56B4E9, 0x009E73, 0xD55E00,
                                          0x0072B2, 0xCC79A7, 0xF0E442, 0x000000};

struct Known {
    int color;
    MarkerShape shape;
    const char *label; ///< English, translated in the context "CategoryStyle"
};

const QHash<QString, Known> &known()
{
    static const QHash<QString, Known> table = {
        {QStringLiteral("diplomatic-contact"),
         {4, MarkerShape::Circle, QT_TRANSLATE_NOOP("CategoryStyle", "Diplomatic contact")}},
        {QStringLiteral("summit"), {1, MarkerShape::Star, QT_TRANSLATE_NOOP("CategoryStyle", "Summit")}},
        {QStringLiteral("treaty"), {2, MarkerShape::Square, QT_TRANSLATE_NOOP("CategoryStyle", "Treaty")}},
        {QStringLiteral("deployment"), {7, MarkerShape::TriangleUp, QT_TRANSLATE_NOOP("CategoryStyle", "Deployment")}},
        {QStringLiteral("arms-transfer"),
         {0, MarkerShape::Diamond, QT_TRANSLATE_NOOP("CategoryStyle", "Arms transfer")}},
        {QStringLiteral("labour-dispatch"),
         {5, MarkerShape::Hexagon, QT_TRANSLATE_NOOP("CategoryStyle", "Labour dispatch")}},
        {QStringLiteral("combat"), {3, MarkerShape::Cross, QT_TRANSLATE_NOOP("CategoryStyle", "Combat")}},
        {QStringLiteral("statement"), {6, MarkerShape::TriangleDown, QT_TRANSLATE_NOOP("CategoryStyle", "Statement")}},
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
    if (category.isEmpty()) return QCoreApplication::translate("CategoryStyle", "Uncategorised");
    if (const auto it = known().constFind(category); it != known().constEnd())
        return QCoreApplication::translate("CategoryStyle", it->label);
    // A category of the data's own: its words as written, untranslated.
    QString text = category;
    text.replace(u'-', u' ').replace(u'_', u' ');
    text[0] = text[0].toUpper();
    return text;
}

} // namespace chronomap
