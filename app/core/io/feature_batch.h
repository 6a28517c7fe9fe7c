// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/event.h"
#include "core/model/issue.h"

#include <QByteArrayView>
#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace chronomap {

/// A problem found while copying a feature out of GDAL (its geometry), reported later, when the
/// record's conversion reaches the geometry, so issues keep the order of a serial read.
struct PendingIssue {
    Issue::Severity severity;
    QString field;
    QString message;
};

/// Raw field values and geometries of consecutive features of one layer, copied out of GDAL so
/// that another thread can turn them into Events without touching a GDAL handle.
///
/// Memory is reused: clear() keeps the capacity, so a recycled batch allocates nothing.
struct FeatureBatch {
    /// One field of one feature. `offset` < 0: not set or null.
    struct Cell {
        qsizetype offset = -1; ///< into `text`: OGR_F_GetFieldAsString, NUL-terminated
        qsizetype size = 0;
        qsizetype extra = -1;     ///< string lists: first item in `text`; dates, numbers: into `numbers`
        qsizetype extraCount = 0; ///< string lists: items (each NUL-terminated)
    };
    /// The feature's own geometry, as the reading thread took it (reprojected to WGS 84).
    struct Geometry {
        enum class State : quint8 { None, Usable, Skipped };
        State state = State::None;
        GeometryKind kind = GeometryKind::None;
        bool regionPrecision = false;
        qsizetype vertexBegin = 0, vertexEnd = 0; ///< into `lonLat`, in pairs
        qsizetype issueBegin = 0, issueEnd = 0;   ///< into `issues`
    };

    int columns = 0;             ///< cells per feature
    std::vector<qint64> records; ///< record number (1-based, over all layers) per feature
    std::vector<Cell> cells;     ///< feature * columns + column
    std::string text;            ///< the bytes of all cells
    std::vector<double> numbers; ///< typed dates (8 values: ok, y, mo, d, h, mi, s, tz) and numbers
    std::vector<Geometry> geometry;
    std::vector<double> lonLat; ///< geometry vertices, longitude then latitude (degrees)
    std::vector<PendingIssue> issues;

    qsizetype size() const { return qsizetype(records.size()); }
    const Cell &cell(qsizetype feature, int column) const { return cells[size_t(feature * columns + column)]; }
    QByteArrayView bytes(const Cell &c) const { return {text.data() + c.offset, c.size}; }
    const char *cString(const Cell &c) const { return text.data() + c.offset; }
    /// A cell for `bytes` (a C string, or a view needing no NUL), copied into `text` with a NUL.
    Cell appendText(std::string_view bytes)
    {
        Cell c;
        c.offset = qsizetype(text.size());
        c.size = qsizetype(bytes.size());
        text.append(bytes);
        text.push_back('\0');
        return c;
    }

    void clear()
    {
        records.clear();
        cells.clear();
        text.clear();
        numbers.clear();
        geometry.clear();
        lonLat.clear();
        issues.clear();
    }
};

} // namespace chronomap
