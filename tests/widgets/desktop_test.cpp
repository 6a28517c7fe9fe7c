// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop side of the main window: languages, settings, files (drop, several at once,
// reload), event export, help dialogs and accessibility, all on a real MainWindow.
#include "widgets/about_text.h"
#include "../test_paths.h"
#include "core/data_paths.h"
#include "widgets/app_settings.h"
#include "widgets/event_export.h"
#include "widgets/event_panel.h"
#include "widgets/event_table_model.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "widgets/playback_bar.h"
#include "widgets/playback_controller.h"
#include "widgets/problems_panel.h"
#include "widgets/region_panel.h"
#include "widgets/shortcuts_dialog.h"
#include "render/timeline/timeline_style.h"
#include "widgets/timeline_view.h"
#include "core/ui_language.h"
#include "window_loading.h"

#include <QBuffer>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QPainter>
#include <QSignalSpy>
#include <QSvgGenerator>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTest>

#include <catch2/catch.hpp>

#include "../render/prepared_data.h"
#include "../qt_string_maker.h"

using namespace chronomap;

namespace {

const QString kGeoJson = chronomap::test::testDataDir() + QLatin1String("/formats/events.geojson");
const QString kCsv = chronomap::test::testDataDir() + QLatin1String("/formats/events_latlon.csv");

/// Points QSettings at a fresh folder for the test's lifetime.
struct TemporarySettings {
    QTemporaryDir dir;
    TemporarySettings()
    {
        REQUIRE(dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ChronomapTest"));
        QCoreApplication::setApplicationName(QStringLiteral("chronomap-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    }
};

QString fileMenuTitle(MainWindow &window)
{
    return window.menuBar()->actions().value(0)->text();
}

bool drop(MainWindow &window, const QStringList &files)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &f : files)
        urls.append(QUrl::fromLocalFile(f));
    mime.setUrls(urls);
    const QPoint centre = window.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent dropEvent(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &dropEvent);
    return finished.wait(30'000) && finished.first().value(0).toBool();
}

qsizetype eventsIn(const QString &file)
{
    return EventLoader::load(file).store->size();
}

} // namespace

TEST_CASE("With the Spanish translator the main window speaks Spanish and switches back at run time", "[widgets]")
{
    TemporarySettings settings;
    REQUIRE(UiLanguage::apply(QStringLiteral("es")));
    {
        MainWindow window;
        // A window made under Spanish writes its numbers the Spanish way from the start.
        CHECK(window.findChild<PlaybackBar *>()->speedSpin()->text().contains(u','));
        CHECK(fileMenuTitle(window) == QStringLiteral("&Archivo"));
        CHECK(window.viewState()->language() == QStringLiteral("es"));
        CHECK(window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->windowTitle() ==
              QStringLiteral("Problemas"));

        window.setUiLanguage(QStringLiteral("en"));
        CHECK(QTest::qWaitFor([&] { return fileMenuTitle(window) == QStringLiteral("&File"); }, 5000));
        CHECK(window.viewState()->language().isEmpty());
        CHECK(window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->windowTitle() ==
              QStringLiteral("Problems"));

        window.setUiLanguage(QStringLiteral("es"));
        CHECK(QTest::qWaitFor([&] { return fileMenuTitle(window) == QStringLiteral("&Archivo"); }, 5000));
        CHECK(window.viewState()->language() == QStringLiteral("es"));
        CHECK(window.regionPanel()->list()->headerItem()->text(0) == QStringLiteral("Fecha"));
        CHECK(window.problemsPanel()->headerItem()->text(0) == QStringLiteral("Gravedad"));
        CHECK(window.findChild<PlaybackBar *>()->playButton()->text() == QStringLiteral("Reproducir"));
        CHECK(window.eventPanel()->claimsTable()->horizontalHeaderItem(0)->text() == QStringLiteral("Magnitud"));
        // Core messages translate too, through the same translator.
        CHECK(QCoreApplication::translate("EventLoader", "no such file") == QStringLiteral("no existe el archivo"));
        // Also those the loader's free functions say (filed under the bare namespace).
        CHECK(QCoreApplication::translate("EventLoader", "no usable records") ==
              QStringLiteral("ningún registro utilizable"));
    }
    REQUIRE(UiLanguage::apply(QStringLiteral("en")));
    CHECK(QCoreApplication::translate("EventLoader", "no such file") == QStringLiteral("no such file"));
    CHECK_FALSE(UiLanguage::apply(QStringLiteral("xx")));
    CHECK(UiLanguage::current() == QStringLiteral("en"));
}

TEST_CASE("English counts read 1 event and 19 events, never event(s)", "[widgets]")
{
    TemporarySettings settings;
    REQUIRE(UiLanguage::apply(QStringLiteral("en")));
    // The source texts say "%n event(s)"; the English plural forms file gives the real words.
    CHECK(QCoreApplication::translate("chronomap::MainWindow", "%1 of %n event(s)", nullptr, 1) ==
          QStringLiteral("%1 of 1 event"));
    MainWindow window;
    REQUIRE(test::loadFiles(window, {DataPaths::bundledEvents()}));
    const qsizetype total = window.viewState()->dataset()->events->size();
    REQUIRE(total > 1);
    const QString count = window.findChild<QLabel *>(QStringLiteral("eventCount"))->text();
    CHECK(count.startsWith(QStringLiteral("%1 of %1 events").arg(total)));
    CHECK_FALSE(count.contains(QStringLiteral("(s)")));
    // Under Spanish the Spanish forms win over the English ones.
    window.setUiLanguage(QStringLiteral("es"));
    CHECK(QTest::qWaitFor(
        [&] {
            return window.findChild<QLabel *>(QStringLiteral("eventCount"))
                ->text()
                .contains(QStringLiteral("acontecimientos"));
        },
        5000));
    window.setUiLanguage(QStringLiteral("en"));
}

namespace {
/// The text a widget paints, as the <text> elements of an SVG drawing of it.
QString paintedText(QWidget *widget)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(widget->size());
    svg.setViewBox(widget->rect());
    {
        QPainter painter(&svg);
        widget->render(&painter);
    }
    return QString::fromUtf8(buffer.data());
}
} // namespace

TEST_CASE("After switching to Spanish the categories, menus and numbers are Spanish", "[widgets]")
{
    TemporarySettings settings;
    REQUIRE(UiLanguage::apply(QStringLiteral("en")));
    {
        MainWindow window;
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(test::loadFiles(window, {test::sourcePath("geodata/events/russia-north-korea.geojson")}));
        window.playback()->setStepsPerSecond(1.5);
        QDoubleSpinBox *speed = window.findChild<PlaybackBar *>()->speedSpin();
        CHECK(speed->text().startsWith(QStringLiteral("1.5")));
        CHECK(paintedText(window.mapView()).contains(QStringLiteral("Diplomatic contact")));
        CHECK(paintedText(window.timelineView()).contains(QStringLiteral("Diplomatic contact")));

        window.setUiLanguage(QStringLiteral("es"));
        CHECK(QTest::qWaitFor([&] { return fileMenuTitle(window) == QStringLiteral("&Archivo"); }, 5000));
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus.append(a->text());
        CHECK(menus.contains(QStringLiteral("&Edición")));
        CHECK(menus.contains(QStringLiteral("&Ver")));
        CHECK(menus.contains(QStringLiteral("Ay&uda")));

        // The legend and the timeline's lane labels name the categories in Spanish.
        const QString legend = paintedText(window.mapView());
        for (const char *label : {"Contacto diplomático (", "Despliegue (", "Tratado (", "Combate (", "Cumbre ("})
            CHECK(legend.contains(QString::fromUtf8(label)));
        CHECK_FALSE(legend.contains(QStringLiteral("Deployment")));
        const QString lanes = paintedText(window.timelineView());
        for (const char *label :
             {"Contacto diplomático", "Despliegue", "Transferencia de armas", "Envío de trabajadores", "Declaración"})
            CHECK(lanes.contains(QString::fromUtf8(label)));
        CHECK_FALSE(lanes.contains(QStringLiteral("Arms transfer")));
        // So does the table's category column.
        const QAbstractItemModel *table = window.eventTable()->model();
        QStringList categories;
        for (int row = 0; row < table->rowCount(); ++row)
            categories.append(table->index(row, EventTableModel::Category).data().toString());
        CHECK(categories.contains(QStringLiteral("Despliegue")));
        CHECK_FALSE(categories.contains(QStringLiteral("Deployment")));

        // The event panel names the confidence and provenance in Spanish too.
        window.viewState()->setSelectedEvent(
            window.store()->findId(QStringLiteral("2025-08-threat-over-joint-exercises")));
        QStringList panelText;
        for (const QLabel *label : window.eventPanel()->findChildren<QLabel *>())
            panelText.append(label->text());
        const QString panel = panelText.join(u'\n');
        CHECK(panel.contains(QStringLiteral("fiabilidad: informado")));
        CHECK(panel.contains(QStringLiteral("procedencia: artículo")));
        CHECK(panel.contains(QStringLiteral("Declaración")));

        // Numbers follow the new locale at once: a decimal comma.
        CHECK(speed->text().startsWith(QStringLiteral("1,5")));
        CHECK(speed->locale().decimalPoint() == QStringLiteral(","));

        window.setUiLanguage(QStringLiteral("en"));
        CHECK(QTest::qWaitFor([&] { return fileMenuTitle(window) == QStringLiteral("&File"); }, 5000));
        CHECK(paintedText(window.mapView()).contains(QStringLiteral("Deployment (")));
        CHECK(speed->text().startsWith(QStringLiteral("1.5")));
    }
    REQUIRE(UiLanguage::apply(QStringLiteral("en")));
}

TEST_CASE("In the window the region note sits in the playback bar and the lanes keep their height", "[widgets]")
{
    TemporarySettings settings;
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    REQUIRE(test::loadFiles(window, {DataPaths::bundledEvents()}));
    auto *timeline = window.findChild<TimelineView *>();
    REQUIRE(timeline);
    const auto dataset = window.viewState()->dataset();
    const EventStore::Index kursk =
        dataset->events->findId(QStringLiteral("2025-04-28-north-korea-confirms-kursk-deployment"));
    REQUIRE(kursk >= 0);
    timeline->fitAll();
    const QRectF before = timeline->eventRect(kursk);
    REQUIRE_FALSE(before.isEmpty());
    const int timelineHeight = timeline->height();

    window.viewState()->setSelectedRegion(dataset->baseMap->regions->find(QStringLiteral("RU-KRS")));
    QPushButton *note = timeline->regionButton();
    CHECK(QTest::qWaitFor([&] { return note->isVisible(); }, 2000));
    CHECK(qobject_cast<PlaybackBar *>(note->parentWidget()));
    CHECK(note->text().contains(QStringLiteral("Kursk")));
    // The lanes did not give up a strip to the note: the timeline keeps its height (its rows
    // may grow, as the region's events need fewer of them than the whole dataset).
    CHECK(timeline->height() == timelineHeight);
    CHECK(timeline->eventRect(kursk).height() >= before.height());
    QTest::mouseClick(note, Qt::LeftButton);
    CHECK(window.viewState()->selectedRegion() < 0);
    CHECK_FALSE(note->isVisible());
}

TEST_CASE("A long claim quantity wraps so each source's figure stays in view", "[widgets]")
{
    TemporarySettings settings;
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    REQUIRE(test::loadFiles(window, {DataPaths::bundledEvents()}));
    const auto dataset = window.viewState()->dataset();
    const EventStore::Index deployment =
        dataset->events->findId(QStringLiteral("2025-08-kursk-belgorod-deployment-11000"));
    REQUIRE(deployment >= 0);
    window.viewState()->setSelectedEvent(deployment);
    QTableWidget *claims = window.eventPanel()->claimsTable();
    REQUIRE(QTest::qWaitFor([&] { return claims->isVisible() && claims->rowCount() > 0; }, 2000));
    REQUIRE(claims->item(0, 0)->text().size() > 40); // the long quantity of this record
    // The Figure and Source columns end inside the visible table.
    const int figureEnd = claims->columnViewportPosition(1) + claims->columnWidth(1);
    const int sourceEnd = claims->columnViewportPosition(2) + claims->columnWidth(2);
    CHECK(figureEnd <= claims->viewport()->width());
    CHECK(sourceEnd <= claims->viewport()->width());
    CHECK(claims->item(0, 1)->text().contains(QStringLiteral("11")));
}

TEST_CASE("Settings round-trip and a corrupt settings file is reset and reported", "[widgets]")
{
    TemporarySettings temporary;
    {
        AppSettings settings;
        CHECK(settings.problem().isEmpty());
        CHECK(settings.fileName().startsWith(temporary.dir.path()));
        settings.setExportFolder(QStringLiteral("/tmp/exports"));
        settings.setLanguage(QStringLiteral("es"));
        settings.setMapMode(QStringLiteral("choropleth"));
        settings.setLastFiles({kGeoJson, kCsv});
        for (int i = 0; i < 10; ++i)
            settings.addRecentFiles({QStringLiteral("/data/file%1.geojson").arg(i)});
        settings.addRecentFiles({QStringLiteral("/data/file3.geojson")});
        REQUIRE(settings.sync());
    }
    {
        AppSettings settings;
        CHECK(settings.exportFolder() == QStringLiteral("/tmp/exports"));
        CHECK(settings.language() == QStringLiteral("es"));
        CHECK(settings.mapMode() == QStringLiteral("choropleth"));
        CHECK(settings.lastFiles() == QStringList{kGeoJson, kCsv});
        const QStringList recent = settings.recentFiles();
        CHECK(recent.size() == AppSettings::kMaxRecentFiles);
        CHECK(recent.first() == QStringLiteral("/data/file3.geojson"));
        CHECK(recent.value(1) == QStringLiteral("/data/file9.geojson"));
        CHECK(recent.count(QStringLiteral("/data/file3.geojson")) == 1);
    }

    SECTION("The window restores its map mode, recent files and layout")
    {
        {
            MainWindow window;
            window.restoreSettings();
            CHECK(window.viewState()->mapMode() == MapMode::Choropleth);
            window.viewState()->setMapMode(MapMode::Markers);
            window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->hide();
            window.close();
        }
        MainWindow window;
        const QStringList last = window.restoreSettings();
        CHECK(last == QStringList{kGeoJson, kCsv});
        CHECK(window.viewState()->mapMode() == MapMode::Markers);
        CHECK(window.recentFiles().first() == QStringLiteral("/data/file3.geojson"));
        CHECK(window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->isHidden());
        CHECK(window.problemsPanel()->topLevelItemCount() == 0);
        // Settings that were saved in Spanish bring the Spanish UI back.
        CHECK(UiLanguage::current() == QStringLiteral("es"));
        UiLanguage::apply(QStringLiteral("en"));
    }

    SECTION("The window restores its map style, chosen in View → Map Style")
    {
        // The newest: restoreSettings() makes the menus again.
        const auto last = [](QWidget &window, const char *name) -> QAction * {
            const auto found = window.findChildren<QAction *>(QLatin1String(name));
            return found.isEmpty() ? nullptr : found.last();
        };
        {
            MainWindow window;
            window.restoreSettings();
            CHECK(window.viewState()->markStyle() == MarkStyle::Auto);
            QAction *hexBins = last(window, "mapStyle.hexbins");
            QAction *byCategory = last(window, "hexBinsByCategory");
            REQUIRE(hexBins);
            REQUIRE(byCategory);
            hexBins->trigger();
            byCategory->trigger();
            CHECK(window.viewState()->markStyle() == MarkStyle::HexBins);
            CHECK(window.viewState()->hexBinsByCategory());
            window.close();
        }
        CHECK(AppSettings().mapStyle() == QStringLiteral("hexbins"));
        CHECK(AppSettings().hexBinsByCategory());
        MainWindow window;
        window.restoreSettings();
        CHECK(window.viewState()->markStyle() == MarkStyle::HexBins);
        CHECK(window.viewState()->hexBinsByCategory());
        // The menu shows the restored choice.
        REQUIRE(last(window, "mapStyle.hexbins"));
        CHECK(last(window, "mapStyle.hexbins")->isChecked());
        CHECK_FALSE(last(window, "mapStyle.auto")->isChecked());
        CHECK(last(window, "hexBinsByCategory")->isChecked());
        UiLanguage::apply(QStringLiteral("en"));
    }

    SECTION("Garbage in the file")
    {
        const QString file = AppSettings().fileName();
        {
            QFile f(file);
            REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("[window\n\x01\x02\xff\xfe garbage = = =\n[files\nlast=\"unterminated\n");
        }
        MainWindow window;
        CHECK(window.restoreSettings().isEmpty());
        CHECK_FALSE(window.problemsPanel()->topLevelItemCount() == 0);
        CHECK(window.problemsPanel()->topLevelItem(0)->text(4).contains(QStringLiteral("reset")));
        CHECK(QFile::exists(file + QStringLiteral(".broken")));
        AppSettings again;
        CHECK(again.problem().isEmpty());
        CHECK(again.mapMode().isEmpty());
    }
}

TEST_CASE("Dropped files open, several files add up, reload reads the file again", "[widgets]")
{
    TemporarySettings temporary;
    MainWindow window;
    window.restoreSettings();
    window.resize(1000, 700);

    REQUIRE(drop(window, {kGeoJson}));
    CHECK(window.store()->size() == eventsIn(kGeoJson));
    CHECK(window.currentFiles() == QStringList{kGeoJson});
    CHECK(window.recentFiles().first() == kGeoJson);

    REQUIRE(drop(window, {kGeoJson, kCsv}));
    CHECK(window.store()->size() == eventsIn(kGeoJson) + eventsIn(kCsv));
    CHECK(window.windowTitle().contains(QStringLiteral("events.geojson")));
    CHECK(AppSettings().lastFiles() == QStringList{kGeoJson, kCsv});

    SECTION("The same file twice: every event kept, the renames in the problems panel")
    {
        const int before = window.problemsPanel()->topLevelItemCount();
        REQUIRE(test::loadFiles(window, {kGeoJson, kGeoJson}));
        CHECK(window.store()->size() == 2 * eventsIn(kGeoJson));
        int renamed = 0;
        for (int row = before; row < window.problemsPanel()->topLevelItemCount(); ++row) {
            const QTreeWidgetItem *item = window.problemsPanel()->topLevelItem(row);
            if (item->text(3) == QStringLiteral("id") && item->text(4).contains(QStringLiteral("'events:"))) ++renamed;
        }
        CHECK(renamed == eventsIn(kGeoJson));
    }

    SECTION("Reload")
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.csv"));
        REQUIRE(QFile::copy(kCsv, copy));
        REQUIRE(test::loadFiles(window, {copy}));
        const qsizetype before = window.store()->size();
        REQUIRE(before >= 2);
        // Keep the header and the first record only.
        QFile f(copy);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.value(0) + '\n' + lines.value(1) + '\n');
        f.close();

        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.reload();
        REQUIRE(finished.wait(30'000));
        CHECK(window.store()->size() == 1);
    }

    SECTION("A dropped folder or non-file URL is refused")
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(temporary.dir.path()), QUrl(QStringLiteral("https://example.org/a.csv"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.setAccepted(false);
        QCoreApplication::sendEvent(&window, &enter);
        CHECK_FALSE(enter.isAccepted());
    }
}

TEST_CASE("Exported visible events load back with the same ids", "[widgets][export]")
{
    TemporarySettings temporary;
    MainWindow window;
    REQUIRE(test::loadFiles(window, {chronomap::test::testDataDir() + QLatin1String("/export/events.geojson")}));
    ViewState &state = *window.viewState();
    // Hide one category so the export is a real subset.
    const QString hidden = window.store()->category(0);
    state.setHiddenCategories({hidden});
    const EventStore::IndexList visible = state.visibleEvents();
    REQUIRE(!visible.empty());
    REQUIRE(qsizetype(visible.size()) < window.store()->size());
    QStringList expected;
    for (EventStore::Index i : visible)
        expected.append(window.store()->id(i));
    expected.sort();

    QTemporaryDir dir;
    for (const char *name : {"subset.geojson", "subset.csv"}) {
        const QString path = dir.filePath(QLatin1String(name));
        QString error;
        INFO(name);
        const bool written = EventExport::write(state, path, &error);
        INFO(error.toStdString());
        REQUIRE(written);
        const LoadResult back = EventLoader::load(path);
        QStringList ids;
        for (EventStore::Index i = 0; i < back.store->size(); ++i)
            ids.append(back.store->id(i));
        ids.sort();
        CHECK(ids == expected);
    }
    QString error;
    CHECK_FALSE(EventExport::write(state, dir.filePath(QStringLiteral("subset.txt")), &error));
    CHECK(error.contains(QStringLiteral(".csv")));
}

TEST_CASE("Help lists the shortcuts of the menus and names version, licence and attributions", "[widgets]")
{
    TemporarySettings temporary;
    MainWindow window;
    const auto rows = ShortcutsDialog::rows(window.menuBar(), &window);
    const auto find = [&](const QString &action) {
        for (const auto &row : rows)
            if (row.action == action) return row.shortcut;
        return QString();
    };
    CHECK(
        find(QStringLiteral("Open…")).startsWith(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    CHECK(find(QStringLiteral("Reload")) == QStringLiteral("Ctrl+R"));
    CHECK(find(QStringLiteral("Present Briefing")) == QStringLiteral("F5"));
    CHECK(find(QStringLiteral("Export Events…")) == QStringLiteral("Ctrl+Shift+E"));
    CHECK(find(QStringLiteral("Keyboard Shortcuts")) == QStringLiteral("Ctrl+/"));
    CHECK(find(QStringLiteral("About Chronomap")).isEmpty()); // no shortcut, not listed
    // Every action with a shortcut is listed, none twice.
    int withShortcut = 0;
    for (QAction *top : window.menuBar()->actions()) {
        QList<QMenu *> menus{top->menu()};
        while (!menus.isEmpty()) {
            QMenu *menu = menus.takeFirst();
            for (QAction *a : menu->actions()) {
                if (a->menu())
                    menus.append(a->menu());
                else if (!a->shortcut().isEmpty())
                    ++withShortcut;
            }
        }
    }
    // ...and the window's own actions after them, none of which a menu already lists.
    CHECK(rows.size() >= withShortcut);
    for (qsizetype k = withShortcut; k < rows.size(); ++k)
        CHECK(rows[k].menu == QStringLiteral("Window"));
    CHECK(ShortcutsDialog::rows(window.menuBar()).size() == withShortcut);

    // The search field's Ctrl+F is Edit → Find…, listed once, and the menu item reaches the field.
    CHECK(find(QStringLiteral("Find…")) == QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText));
    CHECK(std::count_if(rows.begin(), rows.end(), [](const auto &r) { return r.action == QStringLiteral("Find…"); }) ==
          1);
    QMenu *edit = window.menuBar()->actions().value(1)->menu();
    REQUIRE(edit);
    CHECK(edit->title() == QStringLiteral("&Edit"));
    QAction *findAction = nullptr;
    for (QAction *a : edit->actions())
        if (a->shortcut() == QKeySequence(QKeySequence::Find)) findAction = a;
    REQUIRE(findAction);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    window.mapView()->setFocus();
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
    REQUIRE(search);
    CHECK_FALSE(search->hasFocus());
    findAction->trigger();
    CHECK(search->hasFocus());

    REQUIRE(test::loadFiles(window, {kGeoJson}));
    const QString about = AboutText::html(window.store().get());
    CHECK(about.contains(QStringLiteral(CHRONOMAP_VERSION)));
    CHECK(about.contains(QStringLiteral("GPL-3.0-or-later")));
    CHECK(about.contains(QStringLiteral("Made with Natural Earth")));
    CHECK(about.contains(QStringLiteral("Yonhap"))); // a source the loaded records cite
}

TEST_CASE("Views and panels have accessible names and Enter on the table opens the event", "[widgets]")
{
    TemporarySettings temporary;
    MainWindow window;
    const QList<QWidget *> widgets{window.mapView(),    window.timelineView(), window.regionPanel(),
                                   window.eventPanel(), window.eventTable(),   window.problemsPanel()};
    for (QWidget *w : widgets) {
        INFO(w->metaObject()->className());
        CHECK_FALSE(w->accessibleName().isEmpty());
        CHECK_FALSE(w->accessibleDescription().isEmpty());
    }

    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(test::loadFiles(window, {kGeoJson}));
    auto *eventDock = window.findChild<QDockWidget *>(QStringLiteral("eventDock"));
    eventDock->hide();
    QTableView *table = window.eventTable();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(2, 0));
    window.viewState()->setSelectedEvent(-1);
    QTest::keyClick(table, Qt::Key_Return);
    CHECK(window.viewState()->selectedEvent() >= 0);
    CHECK(window.viewState()->selectedEvent() == static_cast<const EventTableModel *>(table->model())->eventAt(2));
    CHECK(eventDock->isVisible());
}

TEST_CASE("The timeline follows a dark palette, exports keep the light style", "[widgets][render]")
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2f));
    dark.setColor(QPalette::Window, QColor(0x30, 0x30, 0x34));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    const TimelineStyle darkStyle = TimelineStyle::forPalette(dark);
    CHECK(darkStyle.background == QColor(0x20, 0x20, 0x24));
    CHECK(darkStyle.laneLabel == QColor(0xee, 0xee, 0xee));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    CHECK(TimelineStyle::forPalette(light).background == TimelineStyle::standard().background);

    ViewState state;
    TimelineView view(&state);
    view.resize(600, 200);
    view.setPalette(dark);
    const QImage image = view.grab().toImage();
    CHECK(QColor(image.pixel(300, 20)).lightness() < 80);
}
