// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/live_filter.h"
#include "core/db/pg_connection.h"
#include "core/db/square_bin_grid.h"
#include "core/geo/base_map.h"
#include "core/store/event_store.h"

#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace chronomap {

/// One bin of LiveTable::bins: a grid cell's events of one category.
struct LiveBin {
    QPoint cell; ///< SquareBinGrid::cellOf
    QString category;
    qint64 count = 0;
    friend bool operator==(const LiveBin &, const LiveBin &) = default;
};

/// One column of the timeline's density: a date_trunc bin's events of one category (lane).
struct LiveTimeBin {
    qint64 binStartMs = 0; ///< UTC, the start of the date_trunc period
    QString category;
    qint64 count = 0;
    friend bool operator==(const LiveTimeBin &, const LiveTimeBin &) = default;
};

/// The events of a query that asked for at most a number of them.
struct LiveEvents {
    std::shared_ptr<const EventStore> store; ///< null when there were more than asked for
    bool tooMany = false;
    qint64 total = -1; ///< every event that matched, when counted (a page may hold fewer)
};

template<typename T> struct LiveResult {
    PgStatus status = PgStatus::Ok;
    QString message; ///< when not Ok: the server's words, the database named (redacted)
    T value{};
    bool ok() const { return status == PgStatus::Ok; }
};

/// A table imported by `--import-pg` (PostgisImport's columns), browsed without loading it:
/// each question is one SQL query over its own connection, answered with what the view needs
/// (bins, timeline columns, a region's or the view's events). Not thread-safe: one thread asks
/// at a time (LiveBrowser's worker); PgConnection::cancel() may come from any thread.
class LiveTable {
public:
    /// Connects to the database of `source` (a `PG:` string naming `tables=NAME`) and checks the
    /// table. nullptr with `error` set on failure.
    static std::unique_ptr<LiveTable> open(const QString &source, QString *error);

    const QString &table() const { return m_table; }
    PgConnection &connection() { return *m_connection; }

    /// True when the table has its BinPyramid (tables imported before it have none).
    bool hasPyramid() const { return m_hasPyramid; }
    /// The planner's estimate of the table's rows (pg_class.reltuples; counted when the table
    /// was never analysed).
    LiveResult<qint64> estimatedRows();
    /// Point events per cell of `grid` and category, where `filter` lets them through: the map's
    /// density bins, cells counted from the Web Mercator point by the map's formula. Line and
    /// place-less records are not binned, as on the map. For a grid of SquareBinGrid::forView,
    /// the cells the filter's box touches, whole; read from the table's BinPyramid when the
    /// level is kept there and the filter lets every row through but hidden categories (no
    /// search, no window or one holding every row's span), else counted from the rows.
    LiveResult<std::vector<LiveBin>> bins(const LiveFilter &filter, const SquareBinGrid &grid);
    /// Whether bins() reads `filter`'s bins at `grid` from the pyramid.
    LiveResult<bool> binsFromPyramid(const LiveFilter &filter, const SquareBinGrid &grid);
    /// The same bins, always counted from the rows.
    LiveResult<std::vector<LiveBin>> rowBins(const LiveFilter &filter, const SquareBinGrid &grid);
    /// Forgets the bins of the last view counted from the rows at a fine level (from 1.2 km cells
    /// on), which the next view at that level and filter reuses for the cells both show, so that a
    /// pan counts only the cells it newly shows. For a change of the table (its NOTIFY).
    void forgetHeldBins();
    /// Events per `unit` (date_trunc: year, quarter, month, week, day, hour) of their earliest
    /// start, per category.
    LiveResult<std::vector<LiveTimeBin>> timelineDensity(const LiveFilter &filter, const QString &unit);
    /// The events of a region, by RegionMembership's rule: those whose `regions` names its
    /// code, the points inside it and the lines with a vertex inside (even-odd over its rings).
    /// A page: the first `page` of them by the store's order (earliest start, then id), and
    /// LiveEvents::total, all of them.
    LiveResult<LiveEvents> regionEvents(const LiveFilter &filter, const AreaFeature &region, qsizetype page);
    /// The events `filter` lets through, when at most `limit`; else LiveEvents::tooMany.
    LiveResult<LiveEvents> events(const LiveFilter &filter, qsizetype limit);
    /// A page of the events `filter` lets through: the first `page` of them by the store's
    /// order (earliest start, then id), and LiveEvents::total, all of them (the window's "All
    /// events" table when the view holds more than the markers draw).
    LiveResult<LiveEvents> eventPage(const LiveFilter &filter, qsizetype page);
    /// The event whose id is `id` with every column (sources, claims, related records, actors,
    /// places, titles and summaries in every language): a store of that one event, empty when
    /// the table has no such id (the event panel's record).
    LiveResult<LiveEvents> eventById(const QString &id);
    /// Every category of the table, sorted, "" for rows without one (the filter menu's list).
    LiveResult<QStringList> categories();
    /// Every provenance of the table, trimmed as the loader reads it, sorted, "" for rows
    /// without one (the confidence and provenance menu's list).
    LiveResult<QStringList> provenances();

private:
    LiveTable(std::unique_ptr<PgConnection> connection, QString table, QString searchable);
    template<typename T> LiveResult<T> failure(const PgOutcome &outcome) const;
    /// The values of an SQL expression over the table's rows, each once, sorted.
    LiveResult<QStringList> distinctTexts(const QString &expression);
    /// A level's bins counted from the rows (pyramidBins reads them from the bin pyramid).
    LiveResult<std::vector<LiveBin>> levelBins(const LiveFilter &filter, const SquareBinGrid &grid);
    LiveResult<std::vector<LiveBin>> pyramidBins(const LiveFilter &filter, const SquareBinGrid &grid);
    LiveResult<std::vector<LiveBin>> freeGridBins(const LiveFilter &filter, const SquareBinGrid &grid);
    LiveResult<std::vector<LiveBin>> readBins(const QString &sql, const SqlParams &params);
    LiveResult<LiveEvents> readEvents(const QString &where, const SqlParams &params, qsizetype limit);
    /// A page's rows (the count of all, then eventColumns), as regionEvents and eventPage ask.
    LiveResult<LiveEvents> readPage(const QString &sql, const SqlParams &params);

    /// The last view's bins counted from the rows at a fine level: its filter (no box), level and
    /// world cells, and their bins (world cells).
    struct HeldBins {
        LiveFilter filter;
        int level = 0;
        QRect cells;
        std::vector<LiveBin> bins;
    };

    std::unique_ptr<PgConnection> m_connection;
    std::optional<HeldBins> m_held;
    QString m_table;      ///< a plain identifier (DatabaseSource::isPlainIdentifier)
    QString m_searchable; ///< SQL: the text a search looks in
    bool m_hasPyramid = false;
    QSet<QString> m_locatedCodes;     ///< the regions of the rows' `located_in` (RegionTable), if kept
    bool m_hasRegionMembers = false;  ///< `<table>_region_members` (RegionTable) is there
    bool m_membersFilterable = false; ///< and keeps each row's end and category (LiveFilter::memberWhere)
};

} // namespace chronomap
