// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/region_index.h"
#include "core/io/schema_profiles.h"
#include "core/model/issue.h"
#include "core/store/event_row.h"

#include <QHash>

#include <memory>
#include <vector>

namespace chronomap {

/// The record a ProfileTransform completes, as the layer reader holds it.
class ProfileRecord {
public:
    /// The cell of OGR field `fieldIndex` as text (empty when unset), valid until `buffer` changes;
    /// `field` names the column in issues.
    virtual QStringView profileCell(int fieldIndex, const QString &field, QString &buffer) = 0;
    virtual void profileIssue(Issue::Severity severity, const QString &field, const QString &message) = 0;
    /// The raw bytes of OGR field `fieldIndex` (empty when unset), for applyRow(): the reader's
    /// fast lane calls it only for records whose cells are all ASCII and within the text limit.
    virtual QByteArrayView profileBytes(int fieldIndex) = 0;

protected:
    ~ProfileRecord() = default;
};

/// Applies a SchemaProfile to records already read through its FieldMapping: precision codes to
/// a date span and a location precision, the composed title, actors from several columns, admin-1
/// names to region codes, figures to claims, headlines to sources. An unknown code keeps the
/// record and says so. Used by one converting thread at a time (it caches region names).
class ProfileTransform {
public:
    /// `header` holds the layer's column names by OGR field index. Region names are looked up in
    /// `regions`; when null, in the bundled base map's (read once, when a profile needs them).
    ProfileTransform(const SchemaProfile &profile, const QStringList &header,
                     std::shared_ptr<const RegionIndex> regions);

    const SchemaProfile &profile() const { return m_profile; }
    /// OGR field indexes apply() reads besides the mapping's roles; the reader copies them too.
    QList<int> fieldIndexes() const;
    /// True when the title is composed (the file has no title column of its own).
    bool composesTitle() const { return m_composesTitle; }
    void setComposesTitle(bool composes) { m_composesTitle = composes; }

    void apply(Event &e, ProfileRecord &record);

    /// apply() for the reader's fast lane: completes `row` (read as readRow() reads it, its
    /// sources' items in `sourceItems`, spans of `row.text`) from the record's raw bytes. False,
    /// with nothing reported, when apply() would report something: the record then needs read().
    bool applyRow(EventRow &row, const std::vector<EventRow::Span> &sourceItems, ProfileRecord &record);

    /// The ISO 3166-2 code of an admin-1 region named `name` (the profile's spellings, the base
    /// map's names in English, Spanish, Russian or Ukrainian, with or without "oblast",
    /// "province"…); empty when the base map has no such region.
    QString regionCode(const QString &name);

private:
    struct Column {
        int index;
        QString field; ///< as written in the file
        const ProfileColumn *spec;
    };
    std::optional<int> code(const Column &c, ProfileRecord &record, QString *written);
    void applyDateCode(Event &e, const Column &c, ProfileRecord &record);
    void applyPlaceCode(Event &e, const Column &c, ProfileRecord &record);
    /// The code in `bytes` (trimmed ASCII) as code() reads it.
    std::optional<int> rowCode(QByteArrayView bytes);
    /// regionCode() of an ASCII name, cached by its bytes; empty when unknown or not ASCII.
    QByteArrayView rowRegionCode(QByteArrayView name);

    const SchemaProfile &m_profile;
    std::shared_ptr<const RegionIndex> m_regions;
    QList<Column> m_columns;
    int m_dateCode = -1, m_placeCode = -1; ///< in m_columns: the precision code columns, applied last
    bool m_composesTitle = true;
    QHash<QString, QString> m_regionCache; ///< lower-case name → code, "" when unknown
    QString m_buffer;
    QHash<QByteArray, QByteArray> m_rowRegionCache; ///< applyRow()'s: trimmed name as written → code
    std::vector<QByteArrayView> m_rowTitleParts;    ///< applyRow()'s, reused
};

} // namespace chronomap
