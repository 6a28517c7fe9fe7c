// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace chronomap {

/// The language of the user interface: installs the translators of the app and of Qt's own
/// dialogs, and sets the default QLocale so dates and numbers follow. Codes are ISO 639-1
/// ("en", "es"); English is the source language and needs only its plural forms. Qt Core only:
/// the command line's exports use it too.
class UiLanguage {
public:
    /// The languages the UI is offered in, source language first.
    static QStringList available();
    /// The first of available() the system's UI languages ask for, else "en".
    static QString systemDefault();
    /// `saved` when it is offered, else systemDefault().
    static QString startLanguage(const QString &saved) { return available().contains(saved) ? saved : systemDefault(); }
    /// The language applied last ("en" before any).
    static QString current();
    /// Swaps the installed translators for `code`'s (which posts QEvent::LanguageChange to every
    /// widget). Returns false, keeping English, when `code` is not offered or its file is missing.
    static bool apply(const QString &code);
    /// The default locale (numbers, dates) under UI language `code`: the system's when the user
    /// set LC_NUMERIC or LC_ALL, else `code`'s, in LANG's country when LANG is in that language.
    static QLocale localeFor(const QString &code);
    /// The data language matching a UI language: empty (the records' default) for English.
    static QString dataLanguage(const QString &code) { return code == QLatin1String("en") ? QString() : code; }
};

} // namespace chronomap
