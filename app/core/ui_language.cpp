// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ui_language.h"

#include "core/data_paths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

namespace chronomap {

Q_LOGGING_CATEGORY(lcLanguage, "chronomap.language")

namespace {
/// lupdate files a `tr()` written inside a member of `chronomap::X` under "chronomap::X", while
/// the non-QObject classes of core and render translate under "X" (their local tr helpers), and
/// QT_TR_NOOP outside a class is filed under "X" but translated by `chronomap::X::tr`.
/// A local tr() helper called from a free function is filed under "chronomap" alone. This
/// translator asks for every form, so neither side has to bend.
class ChronomapTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        // The command line's messages follow the system's language (app/cli/startup.cpp), while
        // this translator follows the window's, or `--export --lang` for the snapshot's words.
        if (context && qstrcmp(context, "cli") == 0) return {};
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (!text.isEmpty() || !context) return text;
        const QByteArray ctx(context);
        const QByteArray other = ctx.startsWith("chronomap::") ? ctx.mid(11) : "chronomap::" + ctx;
        text = QTranslator::translate(other.constData(), sourceText, disambiguation, n);
        if (text.isEmpty() && ctx == "EventLoader") // the loader's per-layer reader class
            text = QTranslator::translate("chronomap::LayerReader", sourceText, disambiguation, n);
        // A local tr() helper used in a free function is filed under the bare namespace.
        if (text.isEmpty()) text = QTranslator::translate("chronomap", sourceText, disambiguation, n);
        return text;
    }
};

QString g_current = QStringLiteral("en");
QPointer<QTranslator> g_app;
QPointer<QTranslator> g_qt;
QPointer<QTranslator> g_englishPlurals;

/// English plural forms ("1 event", "2 events") for the source texts' "%n event(s)": installed
/// once and kept, under whichever language is applied (Qt asks the last installed first).
void installEnglishPlurals()
{
    if (g_englishPlurals) return;
    auto *plurals = new ChronomapTranslator(QCoreApplication::instance());
    if (!plurals->load(QStringLiteral("chronomap_en"), DataPaths::translations())) {
        qCWarning(lcLanguage) << "No English plural forms in" << DataPaths::translations();
        delete plurals;
        return;
    }
    g_englishPlurals = plurals;
    QCoreApplication::installTranslator(plurals);
}

void removeTranslators()
{
    for (QPointer<QTranslator> *t : {&g_app, &g_qt}) {
        if (!*t) continue;
        QCoreApplication::removeTranslator(*t);
        delete t->data();
    }
}
} // namespace

QStringList UiLanguage::available()
{
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString UiLanguage::systemDefault()
{
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QString code = ui.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (available().contains(code)) return code;
    }
    return QStringLiteral("en");
}

QLocale UiLanguage::localeFor(const QString &code)
{
    // An explicit LC_NUMERIC (or LC_ALL) is the user's word on numbers: keep the system's.
    if (!qEnvironmentVariableIsEmpty("LC_ALL") || !qEnvironmentVariableIsEmpty("LC_NUMERIC")) return QLocale::system();
    // Else the interface language decides, with the country of LANG when it is that language's
    // (es_AR, es_MX). Not QLocale::system(): with LANGUAGE=es and LANG=C.UTF-8 it is named
    // Spanish yet formats numbers as C does ("2.0").
    const QLocale lang(QString::fromLocal8Bit(qgetenv("LANG")).section(u'.', 0, 0).section(u'@', 0, 0));
    const QLocale ui(code);
    return lang.language() == ui.language() ? lang : ui;
}

QString UiLanguage::current()
{
    return g_current;
}

bool UiLanguage::apply(const QString &code)
{
    if (!available().contains(code)) return false;
    installEnglishPlurals();
    auto *app = new ChronomapTranslator(QCoreApplication::instance());
    if (code != QLatin1String("en") && !app->load(QStringLiteral("chronomap_") + code, DataPaths::translations())) {
        qCWarning(lcLanguage) << "No translation for" << code << "in" << DataPaths::translations();
        delete app;
        return false;
    }
    removeTranslators();
    g_current = code;
    QLocale::setDefault(localeFor(code));
    if (code == QLatin1String("en")) {
        // English is the source text: only the plural forms, and a LanguageChange for the widgets.
        delete app;
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
        return true;
    }
    g_app = app;
    QCoreApplication::installTranslator(app);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        g_qt = qt;
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    return true;
}

} // namespace chronomap
