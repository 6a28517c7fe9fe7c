// SPDX-License-Identifier: GPL-3.0-or-later
// The event panel on the bundled chronicle (issue 14): claims, units and actors in the UI's
// language, and related records as links that select them.
#include "widgets/event_panel.h"
#include "render/timeline/timeline_renderer.h"
#include "core/ui_language.h"
#include "render/value_labels.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>

#include "../render/prepared_data.h"
#include "../qt_string_maker.h"

using namespace chronomap;

namespace {

/// Restores the English UI however the test ends.
struct SpanishUi {
    SpanishUi() { REQUIRE(UiLanguage::apply(QStringLiteral("es"))); }
    ~SpanishUi() { UiLanguage::apply(QStringLiteral("en")); }
};

QString allLabelText(const QWidget &panel)
{
    QStringList texts;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        if (label->isVisibleTo(&panel)) texts.append(label->text());
    return texts.join(u'\n');
}

/// The bundled data in a shown event panel, and the treaty's signing and entry into force (the
/// latter names the former as `enters-into-force-of`).
struct TreatyPanel {
    ViewState state;
    EventPanel panel{&state};
    EventStore::Index inForce = -1, signing = -1;

    TreatyPanel()
    {
        state.setDataset(test::preparedBundledDataset());
        panel.resize(700, 900);
        panel.show();
        REQUIRE(QTest::qWaitForWindowExposed(&panel));
        inForce = store().findId(QStringLiteral("2024-12-04-treaty-enters-into-force"));
        signing = store().findId(QStringLiteral("2024-06-19-putin-kim-treaty-pyongyang"));
        REQUIRE(inForce >= 0);
        REQUIRE(signing >= 0);
    }
    const EventStore &store() const { return *state.dataset()->events; }

    /// Clicks along the first line of `link` until the selection leaves `from`: plain text does
    /// nothing. The click rebuilds the panel, so `link` is gone after it.
    bool clickUntilSelectionLeaves(QLabel *link, EventStore::Index from)
    {
        panel.ensureWidgetVisible(link);
        QCoreApplication::processEvents();
        bool selected = false;
        for (int x = 2; !selected && x < link->width(); x += 6) {
            QTest::mouseClick(link, Qt::LeftButton, Qt::NoModifier, QPoint(x, link->fontMetrics().height() / 2));
            selected = QTest::qWaitFor([&] { return state.selectedEvent() != from; }, 20);
        }
        return selected;
    }
};

} // namespace

TEST_CASE("In Spanish the event panel shows every claim's quantity, unit and note in Spanish", "[widgets]")
{
    SpanishUi spanish;
    ViewState state;
    state.setDataset(test::preparedBundledDataset());
    state.setLanguage(QStringLiteral("es"));
    EventPanel panel(&state);
    panel.resize(900, 700);
    const EventStore &store = *state.dataset()->events;

    int recordsWithClaims = 0;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event e = store.event(i);
        if (e.claims.isEmpty()) continue;
        ++recordsWithClaims;
        state.setSelectedEvent(i);
        INFO(e.id.toStdString());
        const QTableWidget *table = panel.claimsTable();
        REQUIRE(table->rowCount() == e.claims.size());
        for (int row = 0; row < table->rowCount(); ++row) {
            const Claim &c = e.claims[row];
            const QString quantity = table->item(row, 0)->text();
            const QString figure = table->item(row, 1)->text();
            INFO(quantity.toStdString() << " | " << figure.toStdString());
            CHECK(quantity == c.quantityEs);
            CHECK(quantity != c.quantity);
            CHECK(table->item(row, 2)->text() == e.sources.value(c.sourceIndex).name);
            CHECK(table->item(row, 4)->text() == c.noteEs);
            // The unit is a word of the vocabulary, shown translated, never as the data's English.
            CHECK(ValueLabels::claimUnits().contains(c.unit));
            const QString unitEs = ValueLabels::unit(c.unit);
            CHECK(unitEs != c.unit);
            if (c.value) {
                CHECK(figure.endsWith(u' ' + unitEs));
                for (const QString &english : ValueLabels::claimUnits())
                    CHECK_FALSE(figure.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(english))));
                if (*c.value >= 10000) CHECK(figure.contains(u'.')); // 15.000, the Spanish way
            } else {
                CHECK(figure == u"sin cifra");
            }
        }
    }
    CHECK(recordsWithClaims > 0);

    // The NIS briefing of 30 April 2025: casualties and deaths, with the KPA as an actor.
    state.setSelectedEvent(store.findId(QStringLiteral("2025-04-30-nis-casualty-estimate")));
    CHECK(panel.claimsTable()->item(1, 1)->text() == u"4700 bajas");
    CHECK(panel.claimsTable()->item(2, 1)->text() == u"600 muertos");
    const QString labels = allLabelText(panel);
    CHECK(labels.contains(u"Ejército Popular de Corea"));
    CHECK_FALSE(labels.contains(u"Korean People's Army"));
    CHECK_FALSE(labels.contains(u"kpa"));
}

TEST_CASE("A related record in the event panel is a link that selects it", "[widgets]")
{
    TreatyPanel t;
    const EventStore &store = t.store();
    t.state.setSelectedEvent(t.inForce);

    const QList<QLabel *> links = t.panel.relatedLabels();
    REQUIRE(links.size() == store.event(t.inForce).related.size());
    QLabel *first = links.first();
    CHECK(first->text().contains(store.title(t.signing).toHtmlEscaped()));
    CHECK(first->text().startsWith(ValueLabels::relation(QStringLiteral("enters-into-force-of"))));

    CHECK(t.clickUntilSelectionLeaves(first, t.inForce));
    CHECK(t.state.selectedEvent() == t.signing);
    CHECK(t.panel.titleText() == store.title(t.signing));
}

TEST_CASE("The event panel lists the records that name the selected one as links to them", "[widgets]")
{
    TreatyPanel t;
    const EventStore &store = t.store();
    t.state.setSelectedEvent(t.signing);

    // The signing is named by its ratifications and its entry into force, below its own links.
    const QList<QLabel *> incoming = t.panel.referrerLabels();
    REQUIRE(incoming.size() == store.referrers(t.signing).size());
    const QString wanted = ValueLabels::inverseRelation(QStringLiteral("enters-into-force-of")) + QStringLiteral(": ");
    QLabel *entry = nullptr;
    for (QLabel *label : incoming)
        if (label->text().startsWith(wanted) && label->text().contains(store.title(t.inForce).toHtmlEscaped()))
            entry = label;
    REQUIRE(entry != nullptr);
    QCoreApplication::processEvents(); // a label added to a shown layout shows on the next turn
    CHECK(entry->isVisibleTo(&t.panel));

    CHECK(t.clickUntilSelectionLeaves(entry, t.signing));
    CHECK(t.state.selectedEvent() == t.inForce);
    // The list follows the selection.
    CHECK(t.panel.referrerLabels().size() == store.referrers(t.inForce).size());
}

TEST_CASE("The timeline draws a connector from the selected record to its related ones", "[timeline][render]")
{
    ViewState state;
    state.setDataset(test::preparedBundledDataset());
    const EventStore &store = *state.dataset()->events;
    const EventStore::Index inForce = store.findId(QStringLiteral("2024-12-04-treaty-enters-into-force"));
    const EventStore::Index signing = store.findId(QStringLiteral("2024-06-19-putin-kim-treaty-pyongyang"));
    const EventStore::Index invasion = store.findId(QStringLiteral("2022-02-24-russia-invades-ukraine"));
    REQUIRE(store.event(invasion).related.isEmpty());
    const TimelineRenderer renderer;
    const QRectF area(0, 0, 1400, 500);
    const auto utc = [](int y, int m) { return QDateTime(QDate(y, m, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(); };
    const TimeAxis axis({utc(2024, 5), utc(2025, 1)}, 1400);
    auto draw = [&](EventStore::Index selected, TimelineHits *hits) {
        state.setSelectedEvent(selected);
        QImage image(area.size().toSize(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(painter, area, axis, state, hits);
        return image;
    };
    TimelineHits hits;
    const QImage linked = draw(inForce, &hits);
    REQUIRE(hits.rectOf(inForce));
    REQUIRE(hits.rectOf(signing));
    const QPointF from = hits.rectOf(inForce)->center(), to = hits.rectOf(signing)->center();
    const QImage unlinked = draw(invasion, nullptr); // selected off-screen, no related records
    // Along the middle of the segment (clear of both marks) the dashed line changes pixels.
    int changed = 0;
    for (int k = 5; k <= 15; ++k) {
        const QPoint p = (from + (to - from) * (k / 20.0)).toPoint();
        if (linked.pixel(p) != unlinked.pixel(p)) ++changed;
    }
    CHECK(changed >= 4);
}

TEST_CASE("The event panel names an event's regions as the map does, with the codes the data holds", "[widgets]")
{
    TreatyPanel t; // the treaty's entry into force: regions RU-MOW and KP-01
    t.state.setSelectedEvent(t.inForce);
    const auto metaText = [&] {
        for (const QLabel *label : t.panel.findChildren<QLabel *>())
            if (label->isVisible() && label->text().contains(u"RU-MOW")) return label->text();
        return QString();
    };
    CHECK(metaText().contains(u"regions: Moscow (RU-MOW), Pyongyang (KP-01)"));
    t.state.setLanguage(QStringLiteral("es"));
    INFO(metaText().toStdString());
    CHECK(metaText().contains(u"Moscú (RU-MOW), Pionyang (KP-01)"));
}
