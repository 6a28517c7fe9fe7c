// SPDX-License-Identifier: GPL-3.0-or-later
// parseAsciiDate reads the common ISO 8601 shapes from a cell's bytes (issue 20): for every text,
// in every date form, it must give what parseDate gives for the same text as UTF-16.
#include "core/time/date_forms.h"

#include <QDateTime>
#include <QTimeZone>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace chronomap;

namespace {

void requireSameAsUtf16(const std::string &text)
{
    for (const DateForm form : allDateForms()) {
        INFO('"' << text << "\" as " << toString(form).toStdString());
        const auto ascii = parseAsciiDate(QByteArrayView(text.data(), qsizetype(text.size())), form);
        const auto utf16 = parseDate(QString::fromLatin1(text.data(), qsizetype(text.size())), form);
        REQUIRE(ascii.has_value() == utf16.has_value());
        if (ascii) {
            CHECK(ascii->startMs == utf16->startMs);
            CHECK(ascii->precision == utf16->precision);
        }
    }
}

} // namespace

TEST_CASE("Dates read from ASCII bytes equal dates read as UTF-16 in every shape of date and time", "[time]")
{
    // Every combination of these parts: the shapes the byte reader takes and their near misses
    // (which it leaves to Qt), so a difference in either direction shows.
    const std::vector<std::string> days = {"2024-03-12", "1969-12-31", "0999-01-01", "2024-02-29", "2023-02-29",
                                           "2024-13-01", "0000-01-01", "2024/03/12", "2024-3-12x", "9999-12-31"};
    const std::vector<std::string> separators = {"T", "t", " ", "_"};
    const std::vector<std::string> clocks = {"09:30",         "00:00",        "23:59:59",    "24:00",        "09:60",
                                             "09:30:60",      "09:30:15.250", "09:30:15.25", "09:30:15,250", "9:30",
                                             "09:30:15.2500", "00:00:00.000", "09:30:1a",    "0930"};
    const std::vector<std::string> zones = {"",       "Z",      "z",     "+09:00", "-03:30", "+14:00", "+23:59",
                                            "+24:00", "-00:00", "+0900", "+09",    "+09:60", "Zulu",   "+9:00"};
    for (const std::string &day : days)
        for (const std::string &separator : separators)
            for (const std::string &clock : clocks)
                for (const std::string &zone : zones)
                    requireSameAsUtf16(day + separator + clock + zone);

    // Dates without a clock, padded with white space, and the forms that are not ISO 8601.
    for (const char *text : {"2025",
                             "0000",
                             "99999",
                             "2025-08",
                             "2025-00",
                             "2025-13",
                             "2025-8",
                             "2025-08-12",
                             "2025-08-32",
                             "  2025-08-12\t",
                             " 2025 ",
                             "\n2025-08\r",
                             "",
                             "   ",
                             "2024-08-12 00:00:00.000",
                             "2024-08-12 00:00:00",
                             "2024-08-12 00:00",
                             "2024-08-12T00:00:00.000",
                             "2024-08-12 00:00:00.001",
                             "2024-08-12 00:00Z",
                             "12/08/2025",
                             "08/12/2025",
                             "12-08-2025",
                             "12.08.2025",
                             "08/2025",
                             "12 August 2025",
                             "August 12, 2025",
                             "2025 Aug 12",
                             "12 de agosto de 2025",
                             "agosto de 2025",
                             "12-ago-2025",
                             "2025/08/12",
                             "yesterday",
                             "25"})
        requireSameAsUtf16(text);
}

TEST_CASE("Date-times read from ASCII bytes are the instants they name", "[time]")
{
    const auto at = [](const char *text) { return parseAsciiDate(QByteArrayView(text), DateForm::Iso); };
    const auto utc = [](int y, int m, int d, int h, int min, int s = 0, int ms = 0) {
        return QDateTime(QDate(y, m, d), QTime(h, min, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
    };
    CHECK(at("2024-07-11T07:06Z")->startMs == utc(2024, 7, 11, 7, 6));
    CHECK(at("2024-07-11t07:06z")->startMs == utc(2024, 7, 11, 7, 6));
    CHECK(at("2022-01-25T07:25:00+09:00")->startMs == utc(2022, 1, 24, 22, 25));
    CHECK(at("1969-12-31 23:30:15.250-03:30")->startMs == utc(1970, 1, 1, 3, 0, 15, 250));
    CHECK(at("2024-07-11T07:06")->precision == DatePrecision::Time);
    CHECK(at("2024-08-12 00:00:00.000")->precision == DatePrecision::Day); // UCDP's midnight
    CHECK(at("2024-08-12T00:00:00.000")->precision == DatePrecision::Time);
    CHECK_FALSE(at("2024-08-12T24:60Z"));
}
