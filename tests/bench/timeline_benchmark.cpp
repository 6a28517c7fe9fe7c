// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_benchmark.h"

#include "render/timeline/timeline_renderer.h"

#include <QElapsedTimer>
#include <QPainter>

namespace chronomap {

TimelineFrameTiming timeTimelineFrame(const ViewState &state, QSize sizePx)
{
    TimelineFrameTiming t;
    t.image = QImage(sizePx, QImage::Format_ARGB32_Premultiplied);
    t.image.setDevicePixelRatio(1.0);
    t.image.fill(Qt::white);
    TimeAxis axis(TimeWindow{0, 86'400'000}, sizePx.width());
    const auto dataset = state.dataset();
    if (dataset && dataset->events && !dataset->events->isEmpty()) axis.fit(dataset->events->extent());
    const TimelineRenderer renderer;
    TimelineHits hits;
    QPainter painter(&t.image);
    const QRectF area(QPointF(0, 0), QSizeF(sizePx));
    QElapsedTimer clock;
    clock.start();
    renderer.render(painter, area, axis, state, &hits);
    t.firstRenderMs = double(clock.nsecsElapsed()) / 1e6;
    clock.restart();
    renderer.render(painter, area, axis, state, &hits);
    t.renderMs = double(clock.nsecsElapsed()) / 1e6;
    painter.end();
    for (const auto &lane : hits.lanes) {
        t.events += lane.events;
        if (lane.dense) ++t.denseLanes;
    }
    return t;
}

} // namespace chronomap
