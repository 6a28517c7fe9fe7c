// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/import_mapping_dialog.h"

#include "widgets/app_settings.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <optional>

namespace chronomap {

namespace {

/// The roles offered, in the order a user looks for them.
const QList<FieldRole> &offeredRoles()
{
    static const QList<FieldRole> roles = {
        FieldRole::Start,    FieldRole::End,       FieldRole::Title,  FieldRole::Summary, FieldRole::Category,
        FieldRole::Latitude, FieldRole::Longitude, FieldRole::Wkt,    FieldRole::Regions, FieldRole::Actors,
        FieldRole::Places,   FieldRole::Sources,   FieldRole::Claims, FieldRole::Id,      FieldRole::Confidence,
    };
    return roles;
}

/// The choice of a column whose numbers are a figure of each record (`figure=` in `--mapping`);
/// not a FieldRole, since any number of columns may hold one.
const QString kFigureChoice = QStringLiteral("figure");

QString roleLabel(FieldRole role)
{
    switch (role) {
    case FieldRole::Start:
        return ImportMappingDialog::tr("start date");
    case FieldRole::End:
        return ImportMappingDialog::tr("end date");
    case FieldRole::Title:
        return ImportMappingDialog::tr("title");
    case FieldRole::Summary:
        return ImportMappingDialog::tr("summary");
    case FieldRole::Category:
        return ImportMappingDialog::tr("category");
    case FieldRole::Latitude:
        return ImportMappingDialog::tr("latitude");
    case FieldRole::Longitude:
        return ImportMappingDialog::tr("longitude");
    case FieldRole::Wkt:
        return ImportMappingDialog::tr("geometry (WKT)");
    case FieldRole::Regions:
        return ImportMappingDialog::tr("region codes");
    case FieldRole::Actors:
        return ImportMappingDialog::tr("actors");
    case FieldRole::Places:
        return ImportMappingDialog::tr("places");
    case FieldRole::Sources:
        return ImportMappingDialog::tr("sources");
    case FieldRole::Claims:
        return ImportMappingDialog::tr("figures (JSON claims)");
    case FieldRole::Id:
        return ImportMappingDialog::tr("id");
    case FieldRole::Confidence:
        return ImportMappingDialog::tr("confidence");
    default:
        return toString(role);
    }
}

/// The file's columns and first rows, read by a reader child on a worker thread while the
/// window stays live (GDAL takes seconds to open a large GeoJSON file): after a moment a
/// progress dialog offers Cancel, which ends the child. Nothing when the user cancels.
std::optional<TablePreview> readPreview(const QString &path, QWidget *parent)
{
    std::atomic<bool> cancelled = false;
    QFutureWatcher<TablePreview> watcher;
    QEventLoop waiting;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &waiting, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(
        [path, &cancelled] { return TablePreview::read(path, 20, [&cancelled] { return !cancelled.load(); }); }));
    QProgressDialog progress(QCoreApplication::translate("ImportMappingDialog", "Reading the columns of %1…")
                                 .arg(QFileInfo(path).fileName()),
                             QCoreApplication::translate("ImportMappingDialog", "Cancel"), 0, 0, parent);
    progress.setObjectName(QStringLiteral("previewProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setValue(0); // starts the 400 ms before it shows
    QObject::connect(&progress, &QProgressDialog::canceled, &waiting, [&cancelled] { cancelled = true; });
    if (!watcher.isFinished()) waiting.exec();
    const TablePreview preview = watcher.result();
    if (preview.cancelled) return std::nullopt;
    return preview;
}

} // namespace

ImportMappingDialog::ImportMappingDialog(QString path, TablePreview preview, QWidget *parent)
    : QDialog(parent), m_path(std::move(path)), m_preview(std::move(preview))
{
    setObjectName(QStringLiteral("importMappingDialog"));
    setWindowTitle(tr("Open %1").arg(QFileInfo(m_path).fileName()));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Chronomap does not know how to read this file. Say which column holds what; "
                                "at least a start date is needed."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *table = new QTableWidget(int(m_preview.rows.size()), int(m_preview.columns.size()), this);
    table->setObjectName(QStringLiteral("preview"));
    table->setAccessibleName(tr("First rows of the file"));
    table->setHorizontalHeaderLabels(m_preview.columns);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int r = 0; r < m_preview.rows.size(); ++r)
        for (int c = 0; c < m_preview.columns.size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(m_preview.rows[r].value(c))); // text, never markup
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setMinimumHeight(140);
    layout->addWidget(table);

    auto *form = new QFormLayout;
    const FieldMapping detected = FieldMapping::detect(m_preview.columns);
    for (const QString &column : std::as_const(m_preview.columns)) {
        auto *box = new QComboBox(this);
        box->setObjectName(QStringLiteral("role:") + column);
        box->addItem(tr("(not used)"), QString());
        for (FieldRole role : offeredRoles())
            box->addItem(roleLabel(role), toString(role));
        box->addItem(tr("figure: a number per row (e.g. fatalities)"), kFigureChoice);
        for (FieldRole role : offeredRoles())
            if (detected.column(role) == column) box->setCurrentIndex(box->findData(toString(role)));
        m_roles.insert(column, box);
        form->addRow(column, box);
        connect(box, &QComboBox::currentIndexChanged, this, [this] { m_debounce->start(); });
    }
    m_dateForm = new QComboBox(this);
    m_dateForm->setObjectName(QStringLiteral("dateForm"));
    for (DateForm f : allDateForms())
        m_dateForm->addItem(dateFormLabel(f), toString(f));
    connect(m_dateForm, &QComboBox::currentIndexChanged, this, [this] { m_debounce->start(); });
    form->addRow(tr("Dates"), m_dateForm);
    layout->addLayout(form);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("loadCount"));
    layout->addWidget(m_count);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setAccessibleName(tr("First problems"));
    m_problems->setMaximumHeight(110);
    m_problems->setWordWrap(true); // a problem is read whole, not scrolled to
    m_problems->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_problems);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Load"));
    QPushButton *copy = buttons->addButton(tr("&Copy as Command Line"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyCommandLine"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(commandLine()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(this, &ImportMappingDialog::previewUpdated, this,
            [buttons](qint64 loaded) { buttons->button(QDialogButtonBox::Ok)->setEnabled(loaded > 0); });

    connect(&m_counting, &QFutureWatcherBase::finished, this, [this] {
        if (m_stopCounting) // ended for a newer choice (or the dialog's end, which sees no signal)
            updatePreview();
        else
            showPreview(m_counting.result());
    });
    // Each change reloads the file for the count: wait for the user to stop choosing first.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &ImportMappingDialog::updatePreview);
    m_debounce->start();
    resize(std::max(sizeHint().width(), 820), std::max(sizeHint().height(), 640));
}

ImportMappingDialog::~ImportMappingDialog()
{
    m_stopCounting = true; // the child is ended within a tenth of a second
    m_counting.waitForFinished();
}

void ImportMappingDialog::setChoice(const FieldMapping &mapping, DateForm form)
{
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it) {
        QString role;
        for (FieldRole r : offeredRoles())
            if (mapping.column(r) == it.key()) role = toString(r);
        if (mapping.figures().contains(it.key())) role = kFigureChoice;
        it.value()->setCurrentIndex(std::max(0, it.value()->findData(role)));
    }
    m_dateForm->setCurrentIndex(std::max(0, m_dateForm->findData(toString(form))));
    m_debounce->start();
}

FieldMapping ImportMappingDialog::mapping() const
{
    FieldMapping mapping;
    FieldMapping::parse(mappingText(), &mapping, nullptr);
    return mapping;
}

DateForm ImportMappingDialog::dateForm() const
{
    return dateFormFromString(m_dateForm->currentData().toString()).value_or(DateForm::Iso);
}

QString ImportMappingDialog::mappingText() const
{
    QStringList pairs;
    for (FieldRole role : offeredRoles())
        for (const QString &column : std::as_const(m_preview.columns))
            if (m_roles.value(column)->currentData().toString() == toString(role))
                pairs.append(toString(role) + u'=' + column);
    for (const QString &column : std::as_const(m_preview.columns))
        if (m_roles.value(column)->currentData().toString() == kFigureChoice)
            pairs.append(kFigureChoice + u'=' + column);
    return pairs.join(u',');
}

QString ImportMappingDialog::commandLine() const
{
    QString line = QStringLiteral("--mapping '%1'").arg(mappingText());
    if (dateForm() != DateForm::Iso) line += QStringLiteral(" --date-format ") + toString(dateForm());
    return line;
}

void ImportMappingDialog::updatePreview()
{
    if (m_counting.isRunning()) { // a count of an earlier choice: ended, and this one counted after
        m_stopCounting = true;
        return;
    }
    LoadOptions options;
    options.mapping = mapping();
    options.dateForm = dateForm();
    m_stopCounting = false;
    m_count->setText(tr("Counting the rows that would load…"));
    m_counting.setFuture(QtConcurrent::run([path = m_path, options, stop = &m_stopCounting] {
        return LoadPreview::of(path, options, 5, [stop] { return !stop->load(); });
    }));
}

void ImportMappingDialog::showPreview(const LoadPreview &preview)
{
    m_loaded = preview.loaded;
    m_count->setText(tr("%1 of %2 rows would load").arg(preview.loaded).arg(preview.read));
    m_problems->clear();
    for (const Issue &issue : preview.firstIssues)
        m_problems->addItem(issue.record >= 0 ? tr("row %1: %2: %3").arg(issue.record).arg(issue.field, issue.message)
                                              : issue.message);
    emit previewUpdated(preview.loaded, preview.read);
}

bool ImportMappingDialog::askIfNeeded(const QString &path, LoadOptions *options, AppSettings *settings, QWidget *parent)
{
    const std::optional<TablePreview> read = readPreview(path, parent);
    if (!read) return false; // cancelled while reading: open nothing
    const TablePreview &preview = *read;
    if (!preview.error.isEmpty() || !TablePreview::needsMapping(preview.columns)) return true;
    std::unique_ptr<AppSettings> own;
    if (!settings) settings = (own = std::make_unique<AppSettings>()).get();
    ImportMappingDialog dialog(path, preview, parent);
    if (const QString remembered = settings->importMapping(preview.columns); !remembered.isEmpty()) {
        FieldMapping mapping;
        if (FieldMapping::parse(remembered, &mapping, nullptr))
            dialog.setChoice(mapping,
                             dateFormFromString(settings->importDateForm(preview.columns)).value_or(DateForm::Iso));
    }
    if (dialog.exec() != QDialog::Accepted) return false;
    settings->setImportChoice(preview.columns, dialog.mappingText(), toString(dialog.dateForm()));
    settings->sync();
    options->mapping = dialog.mapping();
    options->dateForm = dialog.dateForm();
    return true;
}

} // namespace chronomap
