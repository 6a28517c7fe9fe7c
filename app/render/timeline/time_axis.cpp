// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/time_axis.h"

#include <QDate>
#include <QFontMetricsF>
#include <QTime>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <vector>

namespace chronomap {

namespace {

constexpr qint64 kDayMs = 86'400'000;
// The axis stays within years 1–9999, where QDate and the labels make sense.
constexpr qint64 kEarliestMs = -62'135'596'800'000; // 0001-01-01T00:00Z
constexpr qint64 kLatestMs = 253'402'300'800'000;   // 10000-01-01T00:00Z

/// How a major tick is labelled, which also decides the context row under it.
enum class LabelKind : quint8 { Year, Month, DayMonth, Day, Time };

struct Level {
    TimeStep step;
    LabelKind label;
    std::vector<TimeStep> minors; ///< finest first; the first one 5 px apart wins
};

constexpr TimeStep years(int n)
{
    return {TimeUnit::Year, n};
}
constexpr TimeStep months(int n)
{
    return {TimeUnit::Month, n};
}
constexpr TimeStep weeks(int n)
{
    return {TimeUnit::Week, n};
}
constexpr TimeStep days(int n)
{
    return {TimeUnit::Day, n};
}
constexpr TimeStep hours(int n)
{
    return {TimeUnit::Hour, n};
}
constexpr TimeStep minutes(int n)
{
    return {TimeUnit::Minute, n};
}

// Coarse to fine. Minor steps divide their major step (decades into years, months into days),
// except weeks under months, which stand in for days too narrow to tick.
const std::array<Level, 21> &levels()
{
    static const std::array<Level, 21> table = {{
        {years(100), LabelKind::Year, {years(10)}},
        {years(50), LabelKind::Year, {years(10)}},
        {years(20), LabelKind::Year, {years(5), years(10)}},
        {years(10), LabelKind::Year, {years(1), years(5)}},
        {years(5), LabelKind::Year, {years(1)}},
        {years(2), LabelKind::Year, {months(3), years(1)}},
        {years(1), LabelKind::Year, {months(1), months(3)}},
        {months(6), LabelKind::Month, {months(1)}},
        {months(3), LabelKind::Month, {months(1)}},
        {months(1), LabelKind::Month, {days(1), weeks(1)}},
        {weeks(1), LabelKind::DayMonth, {days(1)}},
        {days(1), LabelKind::Day, {hours(1), hours(3), hours(6)}},
        {hours(12), LabelKind::Time, {hours(1), hours(3)}},
        {hours(6), LabelKind::Time, {hours(1)}},
        {hours(3), LabelKind::Time, {hours(1)}},
        {hours(1), LabelKind::Time, {minutes(5), minutes(15)}},
        {minutes(30), LabelKind::Time, {minutes(5)}},
        {minutes(15), LabelKind::Time, {minutes(1), minutes(5)}},
        {minutes(10), LabelKind::Time, {minutes(1)}},
        {minutes(5), LabelKind::Time, {minutes(1)}},
        {minutes(1), LabelKind::Time, {}},
    }};
    return table;
}

int weekdayOf(qint64 ms) // 1 = Monday … 7 = Sunday, as QLocale counts
{
    const qint64 days = ms >= 0 ? ms / kDayMs : -((-ms + kDayMs - 1) / kDayMs);
    return int(((days + 3) % 7 + 7) % 7) + 1;
}

bool dayBeforeMonth(const QLocale &locale)
{
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    return format.indexOf(u'd') < format.indexOf(u'M');
}

/// Labels for one locale and font: measures the widest label a level can produce.
class Labeller {
public:
    Labeller(const QLocale &locale, const QFontMetricsF &metrics) : m_locale(locale), m_metrics(metrics) {}

    QString year(qint64 ms) const { return QString::number(civilDateOf(ms).year); }
    QString month(qint64 ms) const { return m_locale.standaloneMonthName(civilDateOf(ms).month, QLocale::ShortFormat); }
    QString dayMonth(qint64 ms) const
    {
        const CivilDate c = civilDateOf(ms);
        const QString day = QString::number(c.day), month = m_locale.monthName(c.month, QLocale::ShortFormat);
        return dayBeforeMonth(m_locale) ? day + u' ' + month : month + u' ' + day;
    }
    QString day(qint64 ms, bool weekday) const
    {
        const QString number = QString::number(civilDateOf(ms).day);
        return weekday ? m_locale.standaloneDayName(weekdayOf(ms), QLocale::ShortFormat) + u' ' + number : number;
    }
    QString time(qint64 ms) const
    {
        const qint64 inDay = ((ms % kDayMs) + kDayMs) % kDayMs;
        return m_locale.toString(QTime::fromMSecsSinceStartOfDay(int(inDay)), QLocale::ShortFormat);
    }
    QString monthYear(qint64 ms) const
    {
        const CivilDate c = civilDateOf(ms);
        return m_locale.standaloneMonthName(c.month, QLocale::LongFormat) + u' ' + QString::number(c.year);
    }
    QString longDate(qint64 ms) const
    {
        const CivilDate c = civilDateOf(ms);
        return m_locale.toString(QDate(c.year, c.month, c.day), QLocale::LongFormat);
    }

    /// Widest label of a kind (pixels), measured over the names the locale can produce.
    double widest(LabelKind kind, bool weekday = true) const
    {
        auto width = [&](const QString &s) { return m_metrics.horizontalAdvance(s); };
        double w = 0;
        switch (kind) {
        case LabelKind::Year:
            return width(QStringLiteral("8888"));
        case LabelKind::Month:
            for (int m = 1; m <= 12; ++m)
                w = std::max(w, width(m_locale.standaloneMonthName(m, QLocale::ShortFormat)));
            return w;
        case LabelKind::DayMonth:
            for (int m = 1; m <= 12; ++m)
                w = std::max(w, width(m_locale.monthName(m, QLocale::ShortFormat)));
            return w + width(QStringLiteral(" 28"));
        case LabelKind::Day:
            if (weekday)
                for (int d = 1; d <= 7; ++d)
                    w = std::max(w, width(m_locale.standaloneDayName(d, QLocale::ShortFormat)));
            return w + width(weekday ? QStringLiteral(" 28") : QStringLiteral("28"));
        case LabelKind::Time:
            return std::max(width(m_locale.toString(QTime(12, 59), QLocale::ShortFormat)),
                            width(m_locale.toString(QTime(23, 59), QLocale::ShortFormat)));
        }
        return w;
    }

private:
    QLocale m_locale;
    const QFontMetricsF &m_metrics;
};

struct Choice {
    const Level *level = nullptr;
    bool weekday = false;
};

Choice chooseLevel(const TimeAxis &axis, const Labeller &labeller, double gapPx)
{
    const double msPerPx = axis.msPerPx();
    auto fits = [&](const Level &l, double labelPx) { return double(l.step.minMs()) / msPerPx >= labelPx + gapPx; };
    const auto &table = levels();
    for (auto it = table.rbegin(); it != table.rend(); ++it) {
        if (it->label == LabelKind::Day) {
            if (fits(*it, labeller.widest(LabelKind::Day, true))) return {&*it, true};
            if (fits(*it, labeller.widest(LabelKind::Day, false))) return {&*it, false};
            continue;
        }
        if (fits(*it, labeller.widest(it->label))) return {&*it, false};
    }
    return {&table.front(), false};
}

} // namespace

TimeAxis::TimeAxis(TimeWindow range, double widthPx)
{
    setWidthPx(widthPx);
    setRange(range);
}

void TimeAxis::setRange(TimeWindow range)
{
    if (range.toMs < range.fromMs) std::swap(range.fromMs, range.toMs);
    const qint64 span = std::clamp(range.toMs - range.fromMs, kMinSpanMs, kMaxSpanMs);
    const qint64 centre = range.fromMs + (range.toMs - range.fromMs) / 2;
    qint64 from = centre - span / 2;
    from = std::clamp(from, kEarliestMs, kLatestMs - span);
    m_fromMs = from;
    m_toMs = from + span;
}

void TimeAxis::setWidthPx(double widthPx)
{
    m_widthPx = std::max(1.0, widthPx);
}

qint64 TimeAxis::timeAt(double xPx) const
{
    return m_fromMs + qint64(std::llround(xPx * msPerPx()));
}

void TimeAxis::zoomAbout(double anchorXPx, double factor)
{
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const double anchorMs = double(m_fromMs) + anchorXPx * msPerPx();
    const double span = std::clamp(double(m_toMs - m_fromMs) / factor, double(kMinSpanMs), double(kMaxSpanMs));
    // Keep the anchor's fraction of the width: its time stays under the same pixel.
    const double fraction = anchorXPx / m_widthPx;
    const qint64 from = qint64(std::llround(anchorMs - fraction * span));
    setRange({from, from + qint64(std::llround(span))});
}

void TimeAxis::panByPx(double deltaPx)
{
    const qint64 shift = qint64(std::llround(-deltaPx * msPerPx()));
    setRange({m_fromMs + shift, m_toMs + shift});
}

void TimeAxis::fit(const TimeWindow &window, double marginFraction)
{
    if (!window.isValid()) return;
    const qint64 margin = qint64(double(window.toMs - window.fromMs) * std::max(0.0, marginFraction));
    setRange({window.fromMs - margin, window.toMs + margin});
}

void TimeAxis::centreOn(qint64 ms)
{
    const qint64 span = m_toMs - m_fromMs;
    setRange({ms - span / 2, ms - span / 2 + span});
}

QLocale TimeAxis::localeFor(const QString &language)
{
    if (language.isEmpty()) return QLocale(QLocale::English, QLocale::UnitedStates);
    const QLocale locale(language);
    // QLocale falls back to "C" for codes it does not know; C has English names.
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;
}

TimeTicks TimeAxis::ticks(const QString &language, const QFontMetricsF &metrics, double minLabelGapPx) const
{
    const Labeller labeller(localeFor(language), metrics);
    const Choice choice = chooseLevel(*this, labeller, minLabelGapPx);
    TimeTicks out;
    out.major = choice.level->step;
    for (const TimeStep &minor : choice.level->minors) {
        if (double(minor.minMs()) / msPerPx() >= 5.0) {
            out.minor = minor;
            break;
        }
    }

    auto label = [&](qint64 ms) {
        switch (choice.level->label) {
        case LabelKind::Year:
            return labeller.year(ms);
        case LabelKind::Month:
            return labeller.month(ms);
        case LabelKind::DayMonth:
            return labeller.dayMonth(ms);
        case LabelKind::Day:
            return labeller.day(ms, choice.weekday);
        case LabelKind::Time:
            return labeller.time(ms);
        }
        return QString();
    };
    // One tick before the range, so the label of a period that began off screen can be shown.
    for (qint64 ms = out.major.floor(m_fromMs); ms <= m_toMs; ms = out.major.add(ms))
        out.ticks.append({ms, xOf(ms), true, label(ms)});
    if (out.minor) {
        QList<TimeTick> all;
        all.reserve(out.ticks.size() * 4);
        qsizetype next = 0;
        for (qint64 ms = out.minor->floor(m_fromMs); ms <= m_toMs; ms = out.minor->add(ms)) {
            while (next < out.ticks.size() && out.ticks[next].ms <= ms)
                all.append(out.ticks[next++]);
            if (!all.isEmpty() && all.last().ms == ms) continue; // a major tick is there already
            all.append({ms, xOf(ms), false, {}});
        }
        while (next < out.ticks.size())
            all.append(out.ticks[next++]);
        out.ticks = std::move(all);
    }

    std::optional<TimeStep> contextStep;
    std::function<QString(qint64)> contextLabel;
    switch (choice.level->label) {
    case LabelKind::Year:
        break;
    case LabelKind::Month:
        contextStep = years(1);
        contextLabel = [&](qint64 ms) { return labeller.year(ms); };
        break;
    case LabelKind::DayMonth:
    case LabelKind::Day:
        contextStep = months(1);
        contextLabel = [&](qint64 ms) { return labeller.monthYear(ms); };
        break;
    case LabelKind::Time:
        contextStep = days(1);
        contextLabel = [&](qint64 ms) { return labeller.longDate(ms); };
        break;
    }
    if (contextStep) {
        for (qint64 ms = contextStep->floor(m_fromMs); ms < m_toMs; ms = contextStep->add(ms))
            out.context.append({ms, contextStep->add(ms), contextLabel(ms)});
    }
    return out;
}

TimeStep TimeAxis::snapStep() const
{
    for (const TimeStep &step : {minutes(1), hours(1), days(1), months(1), years(1), years(10)})
        if (double(step.minMs()) / msPerPx() >= 4.0) return step;
    return years(100);
}

qint64 TimeAxis::snap(qint64 ms, const TimeStep &step)
{
    const qint64 before = step.floor(ms), after = step.add(before);
    return ms - before <= after - ms ? before : after;
}

} // namespace chronomap
