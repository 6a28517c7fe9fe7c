// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/date_forms.h"

#include "core/time/iso_ascii.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace chronomap {

namespace {

struct MonthName {
    const char16_t *name;
    int month;
};

/// English and Spanish month names and their usual abbreviations, lower case.
constexpr MonthName kMonthNames[] = {
    {u"january", 1},   {u"jan", 1},        {u"enero", 1},     {u"ene", 1},   {u"february", 2},   {u"feb", 2},
    {u"febrero", 2},   {u"march", 3},      {u"mar", 3},       {u"marzo", 3}, {u"april", 4},      {u"apr", 4},
    {u"abril", 4},     {u"abr", 4},        {u"may", 5},       {u"mayo", 5},  {u"june", 6},       {u"jun", 6},
    {u"junio", 6},     {u"july", 7},       {u"jul", 7},       {u"julio", 7}, {u"august", 8},     {u"aug", 8},
    {u"agosto", 8},    {u"ago", 8},        {u"september", 9}, {u"sep", 9},   {u"sept", 9},       {u"septiembre", 9},
    {u"setiembre", 9}, {u"set", 9},        {u"october", 10},  {u"oct", 10},  {u"octubre", 10},   {u"november", 11},
    {u"nov", 11},      {u"noviembre", 11}, {u"december", 12}, {u"dec", 12},  {u"diciembre", 12}, {u"dic", 12},
};

int monthOf(QStringView word)
{
    for (const MonthName &m : kMonthNames)
        if (word.compare(QStringView(m.name), Qt::CaseInsensitive) == 0) return m.month;
    return 0;
}

struct Token {
    QStringView text;
    bool digits;
};

std::optional<FuzzyDate> day(int y, int m, int d)
{
    const QDate date(y, m, d);
    if (!date.isValid()) return std::nullopt;
    return FuzzyDate{utcMidnightMs(date), DatePrecision::Day};
}

std::optional<FuzzyDate> month(int y, int m)
{
    const QDate date(y, m, 1);
    if (!date.isValid()) return std::nullopt;
    return FuzzyDate{utcMidnightMs(date), DatePrecision::Month};
}

/// UCDP writes its dates as "2025-08-12 00:00:00.000": a day, not the first millisecond of it.
template<typename Text> FuzzyDate dayIfMidnightClock(FuzzyDate date, Text text)
{
    if (date.precision == DatePrecision::Time && text.size() > 10 && text[10] == u' ' &&
        utcMidnightMs(utcDateOf(date.startMs)) == date.startMs) {
        const Text clock = text.sliced(11);
        if (std::all_of(clock.begin(), clock.end(), [](auto c) { return c == u'0' || c == u':' || c == u'.'; }))
            date.precision = DatePrecision::Day;
    }
    return date;
}

/// The forms that are not ISO 8601: words and numbers separated by spaces, commas, '/', '-' or '.'.
std::optional<FuzzyDate> parseOther(QStringView text, DateForm form)
{
    std::array<Token, 4> tokens{};
    int count = 0;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        if (c.isSpace() || c == u',' || c == u'/' || c == u'-' || c == u'.') {
            ++i;
            continue;
        }
        qsizetype j = i;
        const bool digits = c.isDigit();
        while (j < text.size() && (digits ? text[j].isDigit() : text[j].isLetter()))
            ++j;
        if (j == i) return std::nullopt; // neither a digit nor a letter
        const QStringView word = text.sliced(i, j - i);
        i = j;
        // Spanish writes "12 de agosto de 2025".
        if (!digits &&
            (word.compare(u"de", Qt::CaseInsensitive) == 0 || word.compare(u"del", Qt::CaseInsensitive) == 0))
            continue;
        if (count == int(tokens.size())) return std::nullopt;
        tokens[size_t(count++)] = {word, digits};
    }
    const auto number = [](const Token &t) { return t.digits && t.text.size() <= 4 ? t.text.toInt() : -1; };
    const auto isYear = [](const Token &t) { return t.digits && t.text.size() == 4; };
    const auto isDay = [](const Token &t) { return t.digits && t.text.size() <= 2; };
    if (count == 3) {
        const Token &a = tokens[0], &b = tokens[1], &c = tokens[2];
        if (isDay(a) && !b.digits && isYear(c)) // 12 August 2025
            if (const int m = monthOf(b.text)) return day(number(c), m, number(a));
        if (!a.digits && isDay(b) && isYear(c)) // August 12, 2025
            if (const int m = monthOf(a.text)) return day(number(c), m, number(b));
        if (isYear(a) && !b.digits && isDay(c)) // 2025 Aug 12
            if (const int m = monthOf(b.text)) return day(number(a), m, number(c));
        if (isYear(a) && isDay(b) && isDay(c)) return day(number(a), number(b), number(c)); // 2025/08/12
        if (isDay(a) && isDay(b) && isYear(c)) {
            if (form == DateForm::DayMonthYear) return day(number(c), number(b), number(a));
            if (form == DateForm::MonthDayYear) return day(number(c), number(a), number(b));
        }
        return std::nullopt;
    }
    if (count == 2) {
        const Token &a = tokens[0], &b = tokens[1];
        if (!a.digits && isYear(b)) // August 2025, agosto de 2025
            if (const int m = monthOf(a.text)) return month(number(b), m);
        if (isDay(a) && isYear(b) && form != DateForm::Iso) return month(number(b), number(a)); // 08/2025
    }
    return std::nullopt;
}

} // namespace

QString toString(DateForm form)
{
    switch (form) {
    case DateForm::Iso:
        return QStringLiteral("iso");
    case DateForm::DayMonthYear:
        return QStringLiteral("dmy");
    case DateForm::MonthDayYear:
        return QStringLiteral("mdy");
    }
    return {};
}

std::optional<DateForm> dateFormFromString(QStringView text)
{
    for (DateForm form : allDateForms())
        if (text.trimmed().compare(toString(form), Qt::CaseInsensitive) == 0) return form;
    return std::nullopt;
}

QList<DateForm> allDateForms()
{
    return {DateForm::Iso, DateForm::DayMonthYear, DateForm::MonthDayYear};
}

QString dateFormLabel(DateForm form)
{
    switch (form) {
    case DateForm::Iso:
        return QCoreApplication::translate("DateForm", "ISO 8601 (2025-08-12) or month names (12 August 2025)");
    case DateForm::DayMonthYear:
        return QCoreApplication::translate("DateForm", "day/month/year (12/08/2025)");
    case DateForm::MonthDayYear:
        return QCoreApplication::translate("DateForm", "month/day/year (08/12/2025)");
    }
    return {};
}

std::optional<FuzzyDate> parseDate(QStringView text, DateForm form)
{
    text = text.trimmed();
    if (const auto iso = FuzzyDate::parse(text)) return dayIfMidnightClock(*iso, text);
    if (text.isEmpty() || text.size() > 40) return std::nullopt;
    return parseOther(text, form);
}

std::optional<FuzzyDate> parseAsciiDate(QByteArrayView ascii, DateForm form)
{
    ascii = ascii.trimmed(); // ASCII's white space is QStringView::trimmed's
    if (const auto iso = readCommonIsoAscii(ascii)) return dayIfMidnightClock(*iso, ascii);
    return parseDate(QString::fromLatin1(ascii), form);
}

} // namespace chronomap
