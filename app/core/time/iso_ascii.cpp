// SPDX-License-Identifier: GPL-3.0-or-later
// Widening a date to UTF-16 and handing a date-time to QDateTime::fromString cost 15 % of a CSV
// load's converting thread (callgrind, issue 20). Anything this reader is unsure of (24:00,
// offsets without a colon, other fractions, punctuation other than '-') it leaves to Qt.
#include "core/time/iso_ascii.h"

namespace chronomap {

namespace {

constexpr qint64 kMinuteMs = 60'000;

/// `count` ASCII digits from `at` as a number, or -1.
int digits(QByteArrayView text, qsizetype at, qsizetype count)
{
    int n = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

/// The clock after the date's separator, `09:30`, `09:30:15` or `09:30:15.250`, as ms past
/// midnight; -1 when it is not one of these or not a time of day (24:00 is Qt's to read).
qint64 clockMs(QByteArrayView clock)
{
    if (clock.size() != 5 && clock.size() != 8 && clock.size() != 12) return -1;
    if (clock[2] != ':') return -1;
    const int h = digits(clock, 0, 2), m = digits(clock, 3, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
    int s = 0, ms = 0;
    if (clock.size() >= 8) {
        s = clock[5] == ':' ? digits(clock, 6, 2) : -1;
        if (s < 0 || s > 59) return -1;
    }
    if (clock.size() == 12) {
        ms = clock[8] == '.' ? digits(clock, 9, 3) : -1;
        if (ms < 0) return -1;
    }
    return (h * 60 + m) * kMinuteMs + s * 1000 + ms;
}

/// `+09:00` or `-03:30` as minutes east of UTC, or nullopt.
std::optional<int> offsetMinutes(QByteArrayView zone)
{
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
    const int h = digits(zone, 1, 2), m = digits(zone, 4, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt; // Qt's own limits
    return (zone[0] == '-' ? -1 : 1) * (h * 60 + m);
}

} // namespace

std::optional<FuzzyDate> readCommonIsoAscii(QByteArrayView text)
{
    const qsizetype size = text.size();
    if (size < 4) return std::nullopt;
    const int y = digits(text, 0, 4);
    if (y < 0) return std::nullopt;
    if (size == 4) {
        const QDate d(y, 1, 1);
        return d.isValid() ? std::optional(FuzzyDate{utcMidnightMs(d), DatePrecision::Year}) : std::nullopt;
    }
    if (text[4] != '-' || size < 7) return std::nullopt;
    const int m = digits(text, 5, 2);
    if (m < 0) return std::nullopt;
    if (size == 7) {
        const QDate d(y, m, 1);
        return d.isValid() ? std::optional(FuzzyDate{utcMidnightMs(d), DatePrecision::Month}) : std::nullopt;
    }
    if (size < 10 || text[7] != '-') return std::nullopt;
    const int day = digits(text, 8, 2);
    const QDate d(y, m, day);
    if (day < 0 || !d.isValid()) return std::nullopt;
    if (size == 10) return FuzzyDate{utcMidnightMs(d), DatePrecision::Day};

    if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
    QByteArrayView clock = text.sliced(11);
    int eastMinutes = 0; // no zone: the data means UTC
    if (clock.endsWith('Z') || clock.endsWith('z')) {
        clock.chop(1);
    } else if (clock.size() > 6 && (clock[clock.size() - 6] == '+' || clock[clock.size() - 6] == '-')) {
        const auto offset = offsetMinutes(clock.last(6));
        if (!offset) return std::nullopt;
        eastMinutes = *offset;
        clock.chop(6);
    }
    const qint64 ms = clockMs(clock);
    if (ms < 0) return std::nullopt;
    return FuzzyDate{utcMidnightMs(d) + ms - eastMinutes * kMinuteMs, DatePrecision::Time};
}

} // namespace chronomap
