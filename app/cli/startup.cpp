// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/startup.h"

#include "cli/cli_text.h"
#include "core/data_paths.h"
#include "core/ui_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QList>
#include <QTranslator>

#include <cstdio>
#include <cstdlib>
#include <utility>

#include <unistd.h>

namespace chronomap::cli {

namespace {

constexpr int kNoDisplay = 2; // the exit status of bad arguments: the command cannot run here

/// Answers for the command line's contexts only. lupdate files the free `cli::tr()` under the
/// scope it is called in, while it translates under "cli": look in each of those scopes.
class CliTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        if (!context || qstrcmp(context, "cli") != 0) return {};
        for (const char *scope : {"chronomap::cli", "chronomap::cli::ExportCommand", "chronomap::cli::AnimationCommand",
                                  "chronomap::cli::BriefingCommand", "chronomap::cli::ImportCommand",
                                  "chronomap::cli::FilterOptions", "chronomap::cli::Options", "cli"}) {
            const QString text = QTranslator::translate(scope, sourceText, disambiguation, n);
            if (!text.isEmpty()) return text;
        }
        return {};
    }
};

/// Qt's own translations, for QCommandLineParser's messages only.
class ParserTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        if (!context || qstrcmp(context, "QCommandLineParser") != 0) return {};
        return QTranslator::translate(context, sourceText, disambiguation, n);
    }
};

QtMessageHandler g_previousQuietHandler = nullptr;

void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Qt 6.4: "QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '…'", "QStandardPaths:
    // runtime directory '…' is not owned by UID…", "… wrong permissions…"; all about the runtime dir.
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: ")) &&
        (message.contains(QLatin1String("XDG_RUNTIME_DIR")) || message.contains(QLatin1String("runtime directory"))))
        return;
    if (g_previousQuietHandler) g_previousQuietHandler(type, context, message);
}

struct Held {
    QtMsgType type;
    QString category;
    QString message;
};
QtMessageHandler g_previousGuardHandler = nullptr;
QList<Held> g_held;

void guardHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtFatalMsg) {
        g_held.append({type, QString::fromLatin1(context.category ? context.category : ""), message});
        return;
    }
    // The platform plugin could not start: say why in one line, from the first thing Qt said.
    QString reason = message.section(u'\n', 0, 0).trimmed();
    for (const Held &held : std::as_const(g_held))
        if (held.category.startsWith(QLatin1String("qt.qpa"))) {
            reason = held.message.section(u'\n', 0, 0).trimmed();
            break;
        }
    err() << tr("chronomap: cannot open the window: %1 (the headless modes --export, --query and --validate "
                "need no display)")
                 .arg(reason)
          << Qt::endl;
    std::_Exit(kNoDisplay);
}

} // namespace

void installCliTranslator()
{
    const QString code = UiLanguage::systemDefault();
    if (code == QLatin1String("en")) return; // the source language
    auto *messages = new CliTranslator(QCoreApplication::instance());
    if (messages->load(QStringLiteral("chronomap_") + code, DataPaths::translations()))
        QCoreApplication::installTranslator(messages);
    else
        delete messages;
    auto *parser = new ParserTranslator(QCoreApplication::instance());
    if (parser->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(parser);
    else
        delete parser;
}

void quietenHeadlessMessages()
{
    if (!g_previousQuietHandler) g_previousQuietHandler = qInstallMessageHandler(quietHandler);
}

bool displayAvailable(QString *why)
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    const QByteArray first = platform.split(';').value(0).split(':').value(0).trimmed();
    // xcb and wayland (and the default, empty) need a display server; offscreen, vnc… do not.
    if (!first.isEmpty() && !first.startsWith("xcb") && !first.startsWith("wayland")) return true;
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) return true;
    if (why)
        *why = tr("chronomap: cannot open the window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                  "the headless modes --export, --query and --validate need none");
    return false;
}

DisplayFailureGuard::DisplayFailureGuard()
{
    g_held.clear();
    g_previousGuardHandler = qInstallMessageHandler(guardHandler);
}

DisplayFailureGuard::~DisplayFailureGuard()
{
    qInstallMessageHandler(g_previousGuardHandler);
    // The application started: what Qt said meanwhile goes where it would have gone.
    const QList<Held> held = std::exchange(g_held, {});
    for (const Held &h : held) {
        const QByteArray category = h.category.toLatin1();
        const QMessageLogContext context(nullptr, 0, nullptr, category.isEmpty() ? nullptr : category.constData());
        qt_message_output(h.type, context, h.message);
    }
}

void leaveOneShotRun(int status)
{
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    out().flush();
    err().flush();
    std::fflush(stdout);
    std::fflush(stderr);
    ::_exit(status);
#else
    Q_UNUSED(status);
#endif
}

} // namespace chronomap::cli
