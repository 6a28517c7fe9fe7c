// SPDX-License-Identifier: GPL-3.0-or-later
// Text from data is plain text: markup in a title or summary is shown literally, never interpreted.
#include "render/prepared_dataset.h"
#include "widgets/event_panel.h"
#include "widgets/region_panel.h"

#include "../render/prepared_data.h"

#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QTreeWidget>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

const QString kTitle = QStringLiteral("<img src=x> Kursk & <b>bold</b>");
const QString kSummary = QStringLiteral("<a href=\"http://example.org/\">click</a> &amp; <script>alert(1)</script>");

std::shared_ptr<const PreparedDataset> markupDataset()
{
    const QByteArray geojson =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        "\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.1873,51.7373]},"
        "\"properties\":{\"id\":\"markup\",\"start\":\"2024-08-06\",\"regions\":[\"RU-KRS\"],"
        "\"title\":\"<img src=x> Kursk & <b>bold</b>\","
        "\"summary\":\"<a href=\\\"http://example.org/\\\">click</a> &amp; <script>alert(1)</script>\","
        "\"sources\":[{\"name\":\"<i>Agency</i>\",\"url\":\"https://example.org/search?q=a&b=1\"}]}},"
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.1873,51.7373]},"
        "\"properties\":{\"id\":\"ampersand\",\"start\":\"2024-08-05\",\"regions\":[\"RU-KRS\"],"
        "\"title\":\"Kursk & Belgorod\"}}]}";
    const LoadResult result = EventLoader::loadBytes(geojson, QStringLiteral("markup.geojson"));
    REQUIRE_FALSE(result.hasFatal());
    REQUIRE(result.store->size() == 2);
    return PreparedDataset::make({QStringLiteral("markup.geojson")}, result.store, test::bundledBaseMap());
}

/// The text a QLabel or tooltip in Qt::AutoText shows for `text`.
QString shownText(const QString &text, Qt::TextFormat format)
{
    const bool rich = format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
    if (!rich) return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

} // namespace

TEST_CASE("Markup in a title, summary or source is shown literally in the event panel", "[widgets]")
{
    ViewState state;
    EventPanel panel(&state);
    state.setDataset(markupDataset());
    state.setSelectedEvent(state.dataset()->events->findId(QStringLiteral("markup")));
    CHECK(panel.titleText() == kTitle);

    QStringList shown;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        shown.append(shownText(label->text(), label->textFormat()));
    CHECK(shown.contains(kTitle));
    CHECK(shown.contains(kSummary));
    CHECK(shown.contains(QStringLiteral("<i>Agency</i> · https://example.org/search?q=a&b=1")));
    // Every label showing data is plain text: none would turn the markup into an image or a link.
    for (const QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->text().contains(u'<')) {
            INFO(label->text().toStdString());
            CHECK(label->textFormat() == Qt::PlainText);
            CHECK(label->openExternalLinks() == false);
        }
    }
    // The button that opens the link shows the full address, as written, in its tooltip.
    const auto buttons = panel.findChildren<QPushButton *>();
    REQUIRE(buttons.size() == 1);
    CHECK(shownText(buttons.first()->toolTip(), Qt::AutoText) == QStringLiteral("https://example.org/search?q=a&b=1"));
}

TEST_CASE("Markup in a title is shown literally in the region list and its tooltip", "[widgets]")
{
    ViewState state;
    RegionPanel panel(&state);
    const auto dataset = markupDataset();
    state.setDataset(dataset);
    const int kursk = dataset->baseMap->regions->find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    state.setSelectedRegion(kursk);
    REQUIRE(panel.list()->topLevelItemCount() == 2);
    const QTreeWidgetItem *item = panel.list()->topLevelItem(0); // newest first
    CHECK(item->text(1) == kTitle);                              // item views draw their text as plain text
    CHECK(item->text(3) == QStringLiteral("<i>Agency</i>"));
    // Tooltips are shown in Qt::AutoText: what the user reads must be the title itself.
    CHECK(shownText(item->toolTip(1), Qt::AutoText) == kTitle);
    const QTreeWidgetItem *plain = panel.list()->topLevelItem(1);
    CHECK(plain->text(1) == QStringLiteral("Kursk & Belgorod"));
    CHECK(shownText(plain->toolTip(1), Qt::AutoText) == QStringLiteral("Kursk & Belgorod"));
}
