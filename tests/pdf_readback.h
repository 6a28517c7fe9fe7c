// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a written PDF back with poppler's pdftotext and pdfinfo (poppler-utils, in the README's
// quick-start packages), for the tests of briefing PDFs.
#pragma once

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

namespace chronomap::test {

/// Runs a poppler tool and returns its standard output.
inline QString poppler(const char *tool, const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(QLatin1String(tool));
    INFO(tool << " is needed to read the PDF back (apt-get install poppler-utils)");
    REQUIRE_FALSE(program.isEmpty());
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(60'000));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// The text of each page, whitespace folded and ligatures undone (pdftotext gives "ﬁ" for "fi").
inline QStringList pageTexts(const QString &pdf)
{
    QStringList pages =
        poppler("pdftotext", {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")}).split(u'\f');
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty()) pages.removeLast();
    for (QString &page : pages)
        page = page.normalized(QString::NormalizationForm_KC).simplified();
    return pages;
}

/// The page count pdfinfo reads from the document's own catalogue.
inline int pdfPageCount(const QString &pdf)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(poppler("pdfinfo", {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

/// Whether `text` is on `page`, wherever lines broke (a break after a hyphen leaves no space).
inline bool onPage(const QString &page, const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString(page).remove(space).contains(QString(text).normalized(QString::NormalizationForm_KC).remove(space));
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace chronomap::test
