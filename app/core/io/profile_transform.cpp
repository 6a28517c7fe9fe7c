// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/profile_transform.h"

#include "core/data_paths.h"
#include "core/geo/base_map.h"

#include <QCoreApplication>
#include <QMutex>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chronomap::ProfileTransform", text); // the context lupdate gives them
}

/// The bundled base map's regions, read once for every load that names regions and was given none.
std::shared_ptr<const RegionIndex> bundledRegions()
{
    static QMutex mutex;
    static std::shared_ptr<const RegionIndex> regions;
    QMutexLocker lock(&mutex);
    if (!regions) {
        IssueList issues;
        if (const auto map = BaseMap::load(DataPaths::baseMap(), &issues)) regions = map->regions;
    }
    return regions;
}

FuzzyDate coarsened(FuzzyDate d, DatePrecision precision)
{
    if (precision >= d.precision) return d;
    const QDate day = utcDateOf(d.startMs);
    const QDate first = precision == DatePrecision::Year    ? QDate(day.year(), 1, 1)
                        : precision == DatePrecision::Month ? QDate(day.year(), day.month(), 1)
                                                            : day;
    return {utcMidnightMs(first), precision};
}

QStringList splitList(QStringView text)
{
    QStringList out;
    for (const QStringView part : text.split(u';')) // ACLED and UCDP separate names with ';'
        if (const QStringView t = part.trimmed(); !t.isEmpty()) out.append(t.toString());
    return out;
}

QString codeList(const QList<int> &codes)
{
    QStringList text;
    for (int c : codes)
        text.append(QString::number(c));
    return text.join(QStringLiteral(", "));
}

} // namespace

ProfileTransform::ProfileTransform(const SchemaProfile &profile, const QStringList &header,
                                   std::shared_ptr<const RegionIndex> regions)
    : m_profile(profile), m_regions(std::move(regions))
{
    bool namesRegions = false;
    for (const ProfileColumn &spec : profile.columns) {
        if (spec.use == ColumnUse::Role) continue;
        for (int i = 0; i < header.size(); ++i) {
            if (header[i].trimmed().compare(spec.column, Qt::CaseInsensitive) != 0) continue;
            m_columns.append({i, header[i], &spec});
            namesRegions = namesRegions || spec.use == ColumnUse::RegionName;
            break;
        }
    }
    if (namesRegions && !m_regions) m_regions = bundledRegions();
}

QList<int> ProfileTransform::fieldIndexes() const
{
    QList<int> indexes;
    for (const Column &c : m_columns)
        indexes.append(c.index);
    return indexes;
}

QString ProfileTransform::regionCode(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key.isEmpty() || !m_regions) return {};
    if (const auto it = m_regionCache.constFind(key); it != m_regionCache.constEnd()) return *it;
    int found = -1;
    for (const RegionAlias &alias : m_profile.regionAliases)
        if (alias.name == key) found = m_regions->find(alias.target);
    if (found < 0) found = m_regions->find(key);
    if (found < 0) {
        // UCDP writes "Kharkiv oblast", others "Kursk Province" or "Belgorod region".
        static const QStringList suffixes = {" oblast'", " oblast",      " province",   " region",  " krai",
                                             " kray",    " governorate", " prefecture", " область", " край"};
        for (const QString &suffix : suffixes) {
            if (!key.endsWith(suffix)) continue;
            const QString stem = key.chopped(suffix.size()).trimmed();
            for (const RegionAlias &alias : m_profile.regionAliases)
                if (alias.name == stem) found = m_regions->find(alias.target);
            if (found < 0) found = m_regions->find(stem);
            break;
        }
    }
    const QString code = found < 0 ? QString() : m_regions->regions()[found].code;
    m_regionCache.insert(key, code);
    return code;
}

std::optional<int> ProfileTransform::code(const Column &c, ProfileRecord &record, QString *written)
{
    const QStringView text = record.profileCell(c.index, c.field, m_buffer).trimmed();
    *written = text.toString();
    if (text.isEmpty()) return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok); // XLSX may hold 1 as "1.0"
    if (!ok || value != double(int(value))) return std::nullopt;
    return int(value);
}

void ProfileTransform::applyDateCode(Event &e, const Column &c, ProfileRecord &record)
{
    QString written;
    const auto value = code(c, record, &written);
    if (written.isEmpty()) return;
    const DateCode *rule = nullptr;
    QList<int> known;
    for (const DateCode &d : m_profile.dateCodes) {
        known.append(d.code);
        if (value && d.code == *value) rule = &d;
    }
    if (!rule) {
        record.profileIssue(Issue::Severity::Warning, c.field,
                            tr("'%1' is not one of %2's date precision codes (%3); the date is taken as written")
                                .arg(written, m_profile.name, codeList(known)));
        return;
    }
    FuzzyDate start = e.when.start(), end = e.when.end();
    if (rule->aroundDays > 0) {
        // A day give or take: the period around the date, whole days.
        const QDate day = utcDateOf(start.startMs);
        start = {utcMidnightMs(day.addDays(-rule->aroundDays)), DatePrecision::Day};
        end = {utcMidnightMs(utcDateOf(end.startMs).addDays(rule->aroundDays)), DatePrecision::Day};
    } else {
        start = coarsened(start, rule->precision);
        end = coarsened(end, rule->precision);
    }
    e.when = start == end ? TimeSpan(start) : TimeSpan(start, end);
}

void ProfileTransform::applyPlaceCode(Event &e, const Column &c, ProfileRecord &record)
{
    QString written;
    const auto value = code(c, record, &written);
    if (written.isEmpty()) return;
    const PlaceCode *rule = nullptr;
    QList<int> known;
    for (const PlaceCode &p : m_profile.placeCodes) {
        known.append(p.code);
        if (value && p.code == *value) rule = &p;
    }
    if (!rule) {
        record.profileIssue(Issue::Severity::Warning, c.field,
                            tr("'%1' is not one of %2's location precision codes (%3); the location is taken as exact")
                                .arg(written, m_profile.name, codeList(known)));
        if (e.locationPrecision == LocationPrecision::Unstated) e.locationPrecision = LocationPrecision::Exact;
        return;
    }
    if (rule->precision != LocationPrecision::Region) {
        if (e.locationPrecision == LocationPrecision::Unstated) e.locationPrecision = rule->precision;
        return;
    }
    if (e.regions.isEmpty()) {
        record.profileIssue(Issue::Severity::Warning, c.field,
                            tr("the location stands for a region that is not on the base map; shown at its point"));
        return;
    }
    e.locationPrecision = LocationPrecision::Region;
}

void ProfileTransform::apply(Event &e, ProfileRecord &record)
{
    QStringList titleParts;
    const Column *dateCode = nullptr, *placeCode = nullptr;
    for (const Column &c : std::as_const(m_columns)) {
        switch (c.spec->use) {
        case ColumnUse::Role:
            break;
        case ColumnUse::DatePrecisionCode:
            dateCode = &c;
            break;
        case ColumnUse::PlaceCode:
            placeCode = &c;
            break;
        case ColumnUse::TitlePart:
            if (m_composesTitle)
                if (const QStringView t = record.profileCell(c.index, c.field, m_buffer).trimmed(); !t.isEmpty())
                    titleParts.append(t.toString());
            break;
        case ColumnUse::Actor:
            for (const QString &actor : splitList(record.profileCell(c.index, c.field, m_buffer)))
                if (!e.actors.contains(actor)) e.actors.append(actor);
            break;
        case ColumnUse::RegionName:
            if (const QString name = record.profileCell(c.index, c.field, m_buffer).trimmed().toString();
                !name.isEmpty())
                if (const QString code = regionCode(name); !code.isEmpty() && !e.regions.contains(code))
                    e.regions.append(code);
            break;
        case ColumnUse::Figure: {
            const QStringView t = record.profileCell(c.index, c.field, m_buffer).trimmed();
            if (t.isEmpty()) break;
            bool ok = false;
            const double value = t.toDouble(&ok);
            if (!ok) {
                record.profileIssue(Issue::Severity::Warning, c.field,
                                    tr("'%1' is not a number; no %2 figure").arg(t, c.spec->quantity));
                break;
            }
            Claim figure;
            figure.quantity = c.spec->quantity;
            figure.value = value;
            figure.source = m_profile.figureSource;
            e.claims.append(figure);
            break;
        }
        case ColumnUse::SourceHeadline: {
            const QStringList headlines = splitList(record.profileCell(c.index, c.field, m_buffer));
            for (qsizetype i = 0; i < headlines.size(); ++i) {
                if (i < e.sources.size() && headlines.size() == e.sources.size())
                    e.sources[i].name = e.sources[i].name + QStringLiteral(": ") + headlines[i];
                else
                    e.sources.append(Source{headlines[i], {}, {}, {}});
            }
            break;
        }
        case ColumnUse::CategoryCode: {
            QString written;
            const auto value = code(c, record, &written);
            if (written.isEmpty()) break;
            const auto it = std::find_if(m_profile.categoryCodes.begin(), m_profile.categoryCodes.end(),
                                         [&](const auto &entry) { return value && entry.first == *value; });
            if (it == m_profile.categoryCodes.end()) {
                record.profileIssue(
                    Issue::Severity::Warning, c.field,
                    tr("'%1' is not one of %2's category codes; kept as written").arg(written, m_profile.name));
                e.category = written;
            } else {
                e.category = it->second;
            }
            break;
        }
        }
    }
    if (m_composesTitle && !e.title.contains(QString())) {
        if (!titleParts.isEmpty()) {
            e.title.insert(QString(), titleParts.join(QStringLiteral(" — ")));
        } else {
            record.profileIssue(Issue::Severity::Warning, toString(FieldRole::Title), tr("no title"));
            e.title.insert(QString(), e.id.isEmpty() ? tr("Untitled event") : e.id);
        }
    }
    if (dateCode) applyDateCode(e, *dateCode, record);
    if (placeCode) applyPlaceCode(e, *placeCode, record);
}

} // namespace chronomap
