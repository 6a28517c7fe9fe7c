// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/view_state.h"
#include "render/map/viewport.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace chronomap {

/// What a snapshot records about how it was made, so that it can be reproduced: the dataset
/// file and its SHA-256, the time window, region, filters, language, map view and app version.
/// Written as PNG text chunks, JPEG comments, the SVG description and the PDF's XMP packet.
/// Plain value; build it on the GUI thread, use it anywhere.
class SnapshotMetadata {
public:
    using Entry = std::pair<QString, QString>;

    // Keys (PNG keywords: Latin-1, at most 79 characters). Only the PNG standard "Creation Time"
    // has a space: QImageReader::text() cannot return keys with spaces before read().
    static inline const QString kTitle = QStringLiteral("Title");
    static inline const QString kSoftware = QStringLiteral("Software");
    static inline const QString kCreationTime = QStringLiteral("Creation Time");
    static inline const QString kDataset = QStringLiteral("Dataset");
    static inline const QString kDatasetSha256 = QStringLiteral("DatasetSHA256");
    static inline const QString kTimeWindow = QStringLiteral("TimeWindow");
    static inline const QString kWindowMatch = QStringLiteral("WindowMatch");
    static inline const QString kRegion = QStringLiteral("Region");
    static inline const QString kSelectedEvent = QStringLiteral("SelectedEvent");
    static inline const QString kHiddenCategories = QStringLiteral("HiddenCategories");
    static inline const QString kSearch = QStringLiteral("Search"); ///< the search text; empty = none
    static inline const QString kLanguage = QStringLiteral("Language");
    static inline const QString kMapMode = QStringLiteral("MapMode");
    static inline const QString kMapView = QStringLiteral("MapView");
    static inline const QString kViewState = QStringLiteral("ChronomapViewState");
    // An animation's (AnimationWriter::describeClip).
    static inline const QString kAnimationStep = QStringLiteral("AnimationStep");
    static inline const QString kAnimationWindow = QStringLiteral("AnimationWindow");
    static inline const QString kAnimationFps = QStringLiteral("AnimationFps");
    static inline const QString kAnimationFrames = QStringLiteral("AnimationFrames");

    SnapshotMetadata() = default;

    /// Describes `state` and the map `viewport` (logical px). `datasetSha256` is the hex digest
    /// of the dataset's content (Dataset::sha256; empty when unknown).
    static SnapshotMetadata describe(const ViewState &state, const Viewport &viewport, const QString &title,
                                     const QDateTime &exportedAt, const QString &datasetSha256);
    /// The time window as an ISO 8601 interval (`2024-08-01T00:00:00.000Z/2025-05-01T00:00:00.000Z`,
    /// `..` for an open end, `all` for no window).
    static QString windowToIso(const std::optional<TimeWindow> &window);

    const QList<Entry> &entries() const { return m_entries; }
    /// Appends an entry (after the ones describe() made).
    void add(const QString &key, const QString &value) { m_entries.append({key, value}); }
    QString value(const QString &key) const;
    /// The view state with the map, as `--view-state` files hold it.
    const QJsonObject &viewState() const { return m_viewState; }
    /// `Key: value` lines, for the SVG description and JPEG comments.
    QString toText() const;
    /// An XMP packet (Dublin Core title and description, creator tool) for PDF files.
    QByteArray toXmp() const;

private:
    QList<Entry> m_entries;
    QJsonObject m_viewState;
};

} // namespace chronomap
