// SPDX-License-Identifier: GPL-3.0-or-later
// The import dialog in a real window: a file the loader cannot read by itself (Fecha;Titular;X;Y,
// dates 12/08/2025) opens after the user picks roles and a date form with the keyboard and clicks
// Load; opened again, the dialog comes back with that choice.
#include "widgets/import_mapping_dialog.h"
#include "widgets/main_window.h"

#include "../qt_string_maker.h"
#include "../reader_fault.h"
#include "../test_files.h"
#include "window_loading.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

#include <functional>

using namespace chronomap;
using namespace chronomap::test;

namespace {

/// Points QSettings at a fresh folder for the test's lifetime.
struct TemporarySettings {
    QTemporaryDir dir;
    TemporarySettings()
    {
        REQUIRE(dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ChronomapTest"));
        QCoreApplication::setApplicationName(QStringLiteral("chronomap-import-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    }
};

/// What the user saw and did in the dialog, recorded inside its event loop (no exceptions there).
struct DialogVisit {
    bool shown = false;
    QMap<QString, QString> rolesShown; ///< column → role when the dialog came up (after the preview)
    QString dateFormShown;
    qint64 countBefore = -1, countAfter = -1;
    QString countText;
    QString commandLine;
};

/// Runs `act` on the import dialog once it is up (inside its modal loop), then clicks Load.
void whenDialogOpens(DialogVisit &visit, std::function<void(ImportMappingDialog &)> act)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, [poll, &visit, act] {
        auto *dialog = qobject_cast<ImportMappingDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible()) return;
        poll->stop();
        poll->deleteLater();
        visit.shown = true;
        QSignalSpy previewed(dialog, &ImportMappingDialog::previewUpdated);
        previewed.wait(5000); // the first live count
        for (QComboBox *box : dialog->findChildren<QComboBox *>())
            if (box->objectName().startsWith("role:"))
                visit.rolesShown.insert(box->objectName().mid(5), box->currentData().toString());
        visit.dateFormShown = dialog->findChild<QComboBox *>("dateForm")->currentData().toString();
        visit.countBefore = dialog->rowsThatLoad();
        act(*dialog);
        visit.countAfter = dialog->rowsThatLoad();
        visit.countText = dialog->findChild<QLabel *>("loadCount")->text();
        QTest::mouseClick(dialog->findChild<QPushButton *>("copyCommandLine"), Qt::LeftButton);
        visit.commandLine = QApplication::clipboard()->text();
        QPushButton *load = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::mouseClick(load, Qt::LeftButton);
    });
    poll->start();
}

/// Chooses an entry of a combo box the way a keyboard user does: focus, then type its first letters.
void typeInto(QComboBox *box, const QString &text)
{
    box->setFocus();
    QTest::keyClicks(box, text);
}

/// Types each column's role (`role:` boxes) and the date form, then waits for the live count.
void chooseRoles(ImportMappingDialog &dialog, const QList<std::pair<QString, QString>> &roles, const QString &dateForm)
{
    for (const auto &[column, role] : roles)
        typeInto(dialog.findChild<QComboBox *>("role:" + column), role);
    typeInto(dialog.findChild<QComboBox *>("dateForm"), dateForm);
    QSignalSpy previewed(&dialog, &ImportMappingDialog::previewUpdated);
    previewed.wait(5000);
}

/// The entries of View → Choropleth's figure menu, as the user sees them when it opens.
QStringList choroplethFiguresOffered(MainWindow &window)
{
    auto *figures = window.findChild<QMenu *>("choroplethFigures");
    REQUIRE(figures);
    emit figures->aboutToShow();
    QStringList offered;
    for (QAction *a : figures->actions())
        offered.append(a->text());
    return offered;
}

} // namespace

TEST_CASE("The import dialog opens a Fecha Titular X Y file with 12/08/2025 dates and remembers the choice",
          "[widgets]")
{
    TemporarySettings settings;
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    const QString file = formatFile("fechas_dmy.csv");

    DialogVisit first;
    whenDialogOpens(first, [](ImportMappingDialog &dialog) {
        chooseRoles(dialog, {{"Fecha", "start"}, {"Titular", "title"}, {"X", "lon"}, {"Y", "lat"}}, "day");
    });
    REQUIRE(loadFiles(window, {file}));
    REQUIRE(first.shown);
    // Only X and Y are recognised on their own: no start column, so nothing would load.
    CHECK(first.rolesShown == QMap<QString, QString>{{"Fecha", ""}, {"Titular", ""}, {"X", "lon"}, {"Y", "lat"}});
    CHECK(first.countBefore == 0);
    CHECK(first.countAfter == 3);
    CHECK(first.countText == "3 of 3 rows would load");
    CHECK(first.commandLine == "--mapping 'start=Fecha,title=Titular,lat=Y,lon=X' --date-format dmy");

    const auto store = window.store();
    REQUIRE(store->size() == 3);
    const EventStore::Index call = store->findId(store->id(0));
    CHECK(store->when(call).start().toIso() == "2025-08-12");
    CHECK(store->title(call) == "Llamada telefónica entre Kim Jong-un y Putin");
    CHECK(store->lonDeg(call) == Approx(37.6173));
    CHECK(store->latDeg(call) == Approx(55.7558));

    // Opened again (File → Reload): the same choice, ready to load.
    DialogVisit second;
    whenDialogOpens(second, [](ImportMappingDialog &) {});
    REQUIRE(loadFiles(window, {file}));
    REQUIRE(second.shown);
    CHECK(second.rolesShown ==
          QMap<QString, QString>{{"Fecha", "start"}, {"Titular", "title"}, {"X", "lon"}, {"Y", "lat"}});
    CHECK(second.dateFormShown == "dmy");
    CHECK(second.countBefore == 3);
    CHECK(window.store()->size() == 3);
}

TEST_CASE("ACLED and UCDP exports open in the window with no dialog", "[widgets]")
{
    TemporarySettings settings;
    MainWindow window;
    window.show();
    for (const char *name : {"acled_2023.csv", "ucdp_ged.csv"}) {
        INFO(name);
        REQUIRE(loadFiles(window, {formatFile(name)})); // a modal dialog would stall this
        CHECK(window.store()->size() == (QString(name).startsWith("acled") ? 9 : 5));
    }
    // View → Choropleth (sum of a figure per region) lists UCDP's three figures; choosing one
    // shades by it.
    CHECK(choroplethFiguresOffered(window) ==
          QStringList{"fatalities (best)", "fatalities (high)", "fatalities (low)"});
    window.findChild<QMenu *>("choroplethFigures")->actions().value(0)->trigger();
    CHECK(window.viewState()->mapMode() == MapMode::Choropleth);
    REQUIRE(window.viewState()->choroplethFigure());
    CHECK(window.viewState()->choroplethFigure()->quantity() == "fatalities (best)");
}

TEST_CASE("A column chosen as a figure in the import dialog becomes a claim per row and a choropleth figure",
          "[widgets]")
{
    TemporarySettings settings;
    QTemporaryDir dir;
    const QString file = dir.filePath("bajas.csv");
    {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write("Fecha;Titular;X;Y;Muertos;Fuente\n"
                  "12/08/2025;Ataque en Sudzha;35.2710;51.1920;3;Suspilne\n"
                  "20/08/2025;Ataque con drones en Belgorod;36.5983;50.5997;muchos;RIA\n"
                  "21/08/2025;Bombardeo sin cifra;36.1873;51.7373;;\n");
    }
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    DialogVisit visit;
    whenDialogOpens(visit, [](ImportMappingDialog &dialog) {
        chooseRoles(dialog, {{"Fecha", "start"}, {"Titular", "title"}, {"Muertos", "figure:"}, {"Fuente", "sources"}},
                    "day");
    });
    REQUIRE(loadFiles(window, {file}));
    REQUIRE(visit.shown);
    CHECK(visit.commandLine == "--mapping 'start=Fecha,title=Titular,lat=Y,lon=X,sources=Fuente,figure=Muertos' "
                               "--date-format dmy");
    const auto store = window.store();
    REQUIRE(store->size() == 3);
    QMap<QString, QList<Claim>> claimsByTitle;
    for (EventStore::Index i = 0; i < store->size(); ++i) {
        const Event e = store->event(i);
        claimsByTitle.insert(e.title.value(QString()), e.claims);
    }
    const QList<Claim> sudzha = claimsByTitle.value("Ataque en Sudzha");
    REQUIRE(sudzha.size() == 1);
    CHECK(sudzha[0].quantity == "Muertos");
    CHECK(sudzha[0].value == 3.0);
    CHECK(sudzha[0].sourceIndex == 0);                                     // the row's own source, Suspilne
    CHECK(claimsByTitle.value("Ataque con drones en Belgorod").isEmpty()); // "muchos": a warning, no figure
    CHECK(claimsByTitle.value("Bombardeo sin cifra").isEmpty());

    CHECK(choroplethFiguresOffered(window) == QStringList{"Muertos"});
}

TEST_CASE("A file whose columns take long to read shows a progress dialog whose Cancel opens nothing", "[widgets]")
{
    TemporarySettings settings;
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    REQUIRE(loadFiles(window, {formatFile("events.geojson")}));
    const auto before = window.store();
    // The reader child never answers: the window stays live, the progress dialog comes up, and
    // its Cancel ends the child and leaves what was loaded.
    const ReaderFault fault("loop");
    bool progressShown = false;
    int ticksWhileWaiting = 0;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        ++ticksWhileWaiting; // the GUI thread turns while the child reads
        auto *progress = window.findChild<QProgressDialog *>("previewProgress");
        if (!progress || !progress->isVisible()) return;
        progressShown = true;
        poll.stop();
        QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
    });
    poll.start();
    QElapsedTimer clock;
    clock.start();
    window.openFiles({formatFile("fechas_dmy.csv")});
    CHECK(progressShown);
    CHECK(ticksWhileWaiting >= 10);
    CHECK(clock.elapsed() < 10'000); // well before the 30 s watchdog: the cancel ended it
    CHECK(window.store() == before);
    CHECK(childProcesses() == 0);
}

TEST_CASE("The import dialog counts rows off the GUI thread, and closing it ends a count still running", "[widgets]")
{
    TemporarySettings settings;
    const QString file = formatFile("fechas_dmy.csv");
    const TablePreview preview = TablePreview::readHere(file, 20);
    REQUIRE(TablePreview::needsMapping(preview.columns));
    QElapsedTimer clock;
    {
        const ReaderFault fault("loop"); // the count's reader child never answers
        ImportMappingDialog dialog(file, preview);
        dialog.show();
        // Past the debounce the count runs in its child while the GUI thread turns.
        QElapsedTimer waiting;
        waiting.start();
        while (childProcesses() == 0 && waiting.elapsed() < 10'000)
            QTest::qWait(20);
        CHECK(childProcesses() == 1);
        CHECK(dialog.findChild<QLabel *>("loadCount")->text() == "Counting the rows that would load…");
        dialog.reject();
        clock.start();
    } // the dialog goes: its count's child is ended, not waited for
    CHECK(clock.elapsed() < 2000);
    CHECK(childProcesses() == 0);

    // Without a fault the count arrives, for the choice made while an earlier one ran.
    ImportMappingDialog dialog(file, preview);
    dialog.show();
    QSignalSpy previewed(&dialog, &ImportMappingDialog::previewUpdated);
    QTest::qWait(200);
    FieldMapping mapping;
    REQUIRE(FieldMapping::parse(QStringLiteral("start=Fecha,title=Titular,lon=X,lat=Y"), &mapping, nullptr));
    dialog.setChoice(mapping, DateForm::DayMonthYear);
    // The count without a mapping (0 rows) may still come first; the choice's follows.
    while (dialog.rowsThatLoad() == 0 && previewed.wait(10'000)) {
    }
    CHECK(dialog.rowsThatLoad() == previewed.last().value(0).toLongLong());
    CHECK(dialog.rowsThatLoad() == 3);
    CHECK(dialog.findChild<QLabel *>("loadCount")->text().contains(u"rows would load"));
}
