// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/dataset.h"
#include "core/view/view_settings.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_formats.h"
#include "render/snapshot/snapshot_metadata.h"

#include <memory>

namespace chronomap {

/// One snapshot to write, as plain values that may cross threads: what File → Export
/// Snapshot… and `chronomap --export` both describe, and the one entry that writes it.
struct SnapshotRequest {
    /// Drawn through its PreparedDataset; its sha256, taken at load, names the content in the
    /// file's metadata even if the file on disk changed since.
    std::shared_ptr<const Dataset> dataset;
    ViewSettings settings;
    SnapshotComposer::Content content; ///< title, the on-screen map and timeline, time of export
    /// Frame the map on what the snapshot is about (the selected region, else the events shown)
    /// instead of keeping content.mapViewport: the command line has no screen to copy.
    bool frameSubject = false;
    QString path; ///< its suffix names the format (SnapshotFormats::forPath)
    SnapshotSize size;

    /// Composes and writes the snapshot on the calling thread, which may be any: it builds its
    /// own ViewState. `progress` gets 0–100 and may return false to stop. Returns an empty
    /// string when written, else the reason ("cancelled" when stopped); nothing is left behind
    /// on failure and an existing file is untouched. `metadata`, when given, receives what the
    /// file was described with (its view state reopens the same view).
    QString write(const SnapshotComposer::Progress &progress = {}, SnapshotMetadata *metadata = nullptr) const;
};

} // namespace chronomap
