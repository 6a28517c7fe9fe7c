// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/map_frame.h"
#include "render/map/map_hits.h"
#include "render/map/map_style.h"
#include "render/map/marker_sprites.h"

#include <QByteArray>
#include <QHash>
#include <QImage>

#include <vector>

class QPainter;

namespace chronomap {

/// Paints the clusters MapMarksClusterer made (in `hits.groups`): each a white circle ringed by
/// its categories' shares with its count in the middle, the largest first; a cluster of one
/// event is its marker. Keeps only images (circles and labels).
class ClusterLayer {
public:
    explicit ClusterLayer(const MapStyle &style = MapStyle::standard(), double devicePixelRatio = 1.0);

    void render(QPainter &painter, const MapFrame &frame, MapHits &hits) const;

private:
    /// A cluster's circle and category ring, made once per radius and ring.
    const QImage &clusterSprite(const MarkGroup &group, const std::vector<QColor> &colourOf) const;
    static constexpr qsizetype kMaxClusterSprites = 4096;
    /// A cluster's count as text in an image, made once per count ("1.2k" above 999).
    const QImage &clusterLabel(int count) const;

    MapStyle m_style;
    MarkerSprites m_sprites;
    double m_devicePixelRatio;
    mutable QHash<int, QImage> m_clusterLabels;
    mutable QHash<QByteArray, QImage> m_clusterSprites;
};

} // namespace chronomap
