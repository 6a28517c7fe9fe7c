// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/time_span.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace chronomap {

/// How the numbers of a date that is not ISO 8601 are ordered. Every form also reads ISO 8601
/// (`2025-08-12`, `2025-08`, `2025-08-12T09:30Z`) and dates with the month written out in English
/// or Spanish (`12 August 2025`, `12 de agosto de 2025`, `Aug 12, 2025`, `12-ago-2025`), which
/// cannot be misread; the order decides only all-number dates such as `12/08/2025`.
enum class DateForm : quint8 {
    Iso,          ///< ISO 8601 and written-out months only; `12/08/2025` is refused as ambiguous
    DayMonthYear, ///< `12/08/2025`, `12-08-2025`, `12.08.2025` = 12 August 2025 (ACLED, most of Europe)
    MonthDayYear, ///< `08/12/2025` = 12 August 2025 (the United States)
};

/// `iso`, `dmy`, `mdy`: the names `--date-format` and the settings use.
QString toString(DateForm form);
std::optional<DateForm> dateFormFromString(QStringView text);
QList<DateForm> allDateForms();
/// A translated description for menus and messages, e.g. "day/month/year (12/08/2025)".
QString dateFormLabel(DateForm form);

/// Parses `text` as `form` says (see DateForm). `2025-08-12 00:00:00.000` (UCDP's exports: a
/// date written as a midnight time) is the day. Returns nullopt for anything else.
std::optional<FuzzyDate> parseDate(QStringView text, DateForm form);
/// parseDate() for ASCII text (a cell's bytes as read), the same result: the common ISO 8601
/// shapes straight from the bytes, the rest widened and handed to parseDate() above.
std::optional<FuzzyDate> parseAsciiDate(QByteArrayView ascii, DateForm form);

} // namespace chronomap
