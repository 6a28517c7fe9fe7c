// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_dense_painter.h"

#include "render/timeline/timeline_style.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace chronomap {

void paintDenseLanes(QPainter &painter, const TimelineFrame &frame, const std::optional<TimeWindow> &window,
                     const TimelineStyle &style)
{
    // Mass per pixel column, scaled to each lane's peak, written straight into one image for
    // all dense lanes and drawn once: a few hundred thousand pixel stores instead of thousands
    // of rectangles through the paint engine. Columns outside the time window are faded.
    const auto dense =
        std::find_if(frame.lanes.begin(), frame.lanes.end(), [](const TimelineFrame::Lane &l) { return l.dense; });
    if (dense == frame.lanes.end()) return;
    const QRectF lanes = frame.layout.lanes;
    const int columns = int(dense->columnMass.size());
    const int rows = std::max(1, int(std::ceil(lanes.height())));
    QImage layer(columns, rows, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);

    const double plotLeft = frame.layout.plot.left();
    int windowC0 = 0, windowC1 = columns;
    if (window) {
        windowC0 = int(std::clamp(std::ceil(frame.axis.xOf(window->fromMs) - 0.5), 0.0, double(columns)));
        windowC1 = int(std::clamp(std::ceil(frame.axis.xOf(window->toMs) - 0.5), double(windowC0), double(columns)));
    }
    std::vector<int> heightPx(static_cast<size_t>(columns));
    for (const TimelineFrame::Lane &lane : frame.lanes) {
        if (!lane.dense) continue;
        const int bottom =
            std::clamp(int(std::lround(lane.rect.bottom() - TimelineFrame::kLanePadPx - lanes.top())), 0, rows);
        const int top =
            std::clamp(int(std::lround(lane.rect.top() + TimelineFrame::kLanePadPx - lanes.top())), 0, bottom);
        const double scale = double(bottom - top) / std::max(1e-9, double(lane.peak));
        int tallest = 0;
        for (int c = 0; c < columns; ++c) {
            const double mass = lane.columnMass[size_t(c)];
            // Anything at all still shows, at least two pixels (a year-long span spread thin);
            // below 1e-4 is rounding left over from the running sums, not an event.
            heightPx[size_t(c)] =
                mass < 1e-4 ? 0 : std::clamp(int(std::lround(mass * scale)), 2, std::max(2, bottom - top));
            tallest = std::max(tallest, heightPx[size_t(c)]);
        }
        const QRgb in = lane.color.rgba();
        const QRgb out = qPremultiply(withAlpha(lane.color, style.fadedOpacity).rgba());
        // A lane squeezed under two pixels still draws two, but never above the image's top row.
        for (int level = 1; level <= std::min(tallest, bottom); ++level) {
            auto *line = reinterpret_cast<QRgb *>(layer.scanLine(bottom - level));
            for (int c = 0; c < columns; ++c)
                if (heightPx[size_t(c)] >= level) line[c] = (c >= windowC0 && c < windowC1) ? in : out;
        }
    }
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRectF(plotLeft, lanes.top(), columns, rows), layer);
    painter.restore();
}

} // namespace chronomap
