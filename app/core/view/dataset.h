// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/base_map.h"
#include "core/io/database_source.h"
#include "core/store/region_membership.h"

#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <memory>

namespace chronomap {

/// What the views show: the loaded events, the base map, and which events belong to which
/// region. Immutable; replaced as a whole when a new file loads. The views draw a
/// PreparedDataset (render/prepared_dataset.h), this with what they derive from it.
struct Dataset {
    virtual ~Dataset() = default;

    /// The events files, in load order (several when loaded together as layers), for titles and
    /// snapshot metadata; empty when the events came from no file.
    QStringList files;
    /// Hex SHA-256 of the content loaded, taken while it was read (LoadResult::sha256, see
    /// DatasetLoader::combinedSha256): what a snapshot names, even if the file changed since.
    /// Empty when the events came from nowhere hashed.
    QString sha256;
    std::shared_ptr<const EventStore> events;
    std::shared_ptr<const BaseMap> baseMap;
    std::shared_ptr<const RegionMembership> membership;

    Dataset() = default;
    /// Also works out which events belong to which region when there are both.
    Dataset(QStringList files, std::shared_ptr<const EventStore> events, std::shared_ptr<const BaseMap> baseMap,
            QString sha256 = {})
        : files(std::move(files)), sha256(std::move(sha256)), events(std::move(events)), baseMap(std::move(baseMap))
    {
        if (this->events && this->baseMap)
            membership = std::make_shared<RegionMembership>(this->events, this->baseMap->regions);
    }

    static std::shared_ptr<const Dataset> make(QStringList files, std::shared_ptr<const EventStore> events,
                                               std::shared_ptr<const BaseMap> baseMap, QString sha256 = {})
    {
        return std::make_shared<Dataset>(std::move(files), std::move(events), std::move(baseMap), std::move(sha256));
    }

    /// The first file: what exports are named after by default.
    QString file() const { return files.value(0); }
    /// The files as absolute paths: what view states and snapshot metadata name. A database
    /// table stays its connection string, with any password hidden (these are written out).
    QStringList absoluteFiles() const
    {
        QStringList paths;
        for (const QString &f : files)
            paths.append(DatabaseSource::isDatabase(f) ? DatabaseSource::redacted(f) : QFileInfo(f).absoluteFilePath());
        return paths;
    }
    /// The files' names (no folders), comma-separated: a snapshot's default title and its credit.
    /// A database table is named by its table (`tables=`), never by its connection string.
    QString fileNames() const
    {
        QStringList names;
        for (const QString &f : files)
            names.append(displayName(f));
        return names.join(QStringLiteral(", "));
    }
    /// What a file is called in titles and default export names: its name without folders, or a
    /// database table's name (never its connection string, which may hold a password).
    static QString displayName(const QString &file)
    {
        return DatabaseSource::isDatabase(file) ? DatabaseSource::option(file, QStringLiteral("tables"))
                                                : QFileInfo(file).fileName();
    }
};

} // namespace chronomap
