// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/snapshot/snapshot_export.h"

#include "render/map/map_framing.h"
#include "render/prepared_dataset.h"
#include "render/snapshot/snapshot_writer.h"

#include <QCoreApplication>

#include <future>

namespace chronomap {

QString SnapshotRequest::write(const SnapshotComposer::Progress &progress, SnapshotMetadata *metadata) const
{
    ViewState state;
    state.setDataset(dataset);
    state.setSettings(settings);
    SnapshotComposer composer(state, content, size.scale);
    const auto prepared = PreparedDataset::of(dataset);
    // The events' bounds need no size: found on a second thread while this one lays out the
    // snapshot (counting the footer's sources), which gives the map's size to fit them to.
    std::future<QRectF> eventBounds;
    if (frameSubject && prepared && settings.region < 0) {
        const EventStore::IndexList *visible = &state.visibleEvents(); // filtered here, read there
        eventBounds = std::async(std::launch::async, [&prepared, visible] {
            return MapFraming::eventBounds(*prepared, visible->empty() ? nullptr : visible);
        });
    }
    const QSizeF mapArea = composer.mapAreaFor(QSizeF(size.pixels) / size.scale).size();
    const QSize mapPx(qRound(mapArea.width()), qRound(mapArea.height()));
    if (eventBounds.valid())
        composer.setMapViewport(MapFraming::fitEventBounds(eventBounds.get(), mapPx));
    else if (frameSubject && prepared)
        composer.setMapViewport(MapFraming::frameRegion(*prepared, settings.region, mapPx));
    SnapshotWriter::Options options;
    options.pixelSize = size.pixels;
    options.scale = size.scale;
    options.metadata = SnapshotMetadata::describe(state, composer.mapViewportFor(mapArea), composer.title(),
                                                  content.exportedAt, dataset ? dataset->sha256 : QString());
    QString error;
    if (!SnapshotWriter::write(composer, path, options, progress, &error))
        return error.isEmpty() ? QCoreApplication::translate("SnapshotWriter", "cancelled") : error;
    if (metadata) *metadata = options.metadata;
    return {};
}

} // namespace chronomap
