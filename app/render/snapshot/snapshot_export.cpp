// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/snapshot/snapshot_export.h"

#include "render/map/map_framing.h"
#include "render/prepared_dataset.h"
#include "render/snapshot/snapshot_writer.h"

#include <QCoreApplication>

namespace chronomap {

QString SnapshotRequest::write(const SnapshotComposer::Progress &progress, SnapshotMetadata *metadata) const
{
    ViewState state;
    state.setDataset(dataset);
    state.setSettings(settings);
    SnapshotComposer composer(state, content, size.scale);
    const QSizeF mapArea = composer.mapAreaFor(QSizeF(size.pixels) / size.scale).size();
    if (const auto prepared = PreparedDataset::of(dataset); frameSubject && prepared) {
        const QSize mapPx(qRound(mapArea.width()), qRound(mapArea.height()));
        if (settings.region >= 0) {
            composer.setMapViewport(MapFraming::frameRegion(*prepared, settings.region, mapPx));
        } else {
            const auto &visible = state.visibleEvents();
            composer.setMapViewport(MapFraming::frameEvents(*prepared, visible.empty() ? nullptr : &visible, mapPx));
        }
    }
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
