// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/animation/animation_plan.h"

#include <QRegularExpression>

namespace chronomap {

QList<TimeWindow> AnimationPlan::frames() const
{
    QList<TimeWindow> result;
    if (!range.isValid()) return result;
    const qint64 first = step.floor(range.fromMs);
    for (qint64 k = 0; k < kMaxFrames; ++k) {
        const qint64 from = step.add(first, k);
        const TimeWindow frame{from, window.add(from)};
        if (!frame.isValid()) break;
        result.append(frame);
        // As playback: the frame whose window reaches the end is the last one.
        if (frame.toMs >= range.toMs) break;
    }
    return result;
}

std::optional<TimeStep> AnimationPlan::parseStep(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{0,4})\\s*([a-z]+?)s?\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch()) return std::nullopt;
    const int count = match.captured(1).isEmpty() ? 1 : match.captured(1).toInt();
    if (count < 1) return std::nullopt;
    const QString unit = match.captured(2).toLower();
    if (unit == u"day" || unit == u"d") return TimeStep{TimeUnit::Day, count};
    if (unit == u"week" || unit == u"w") return TimeStep{TimeUnit::Week, count};
    if (unit == u"month" || unit == u"m") return TimeStep{TimeUnit::Month, count};
    if (unit == u"year" || unit == u"y") return TimeStep{TimeUnit::Year, count};
    return std::nullopt;
}

std::optional<TimeStep> AnimationPlan::parseDuration(const QString &text)
{
    return parseStep(text);
}

} // namespace chronomap
