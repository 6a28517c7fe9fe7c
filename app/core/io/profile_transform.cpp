// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/profile_transform.h"

#include "core/data_paths.h"
#include "core/geo/base_map.h"
#include "core/model/record_json.h"

#include <QCoreApplication>
#include <QMutex>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

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

/// A code as written, trimmed: a whole number (XLSX may hold 1 as "1.0"), else nullopt.
std::optional<int> codeValue(QStringView text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    // "nan", "inf" and numbers past int are no code, checked before the cast: int() of them is
    // undefined (a fuzzed ACLED row's "nan").
    if (!ok || !(value >= std::numeric_limits<int>::min() && value <= std::numeric_limits<int>::max()) ||
        value != std::trunc(value))
        return std::nullopt;
    return int(value);
}

/// A figure as written, trimmed: a finite number, else nullopt ("inf fatalities" is no figure,
/// as in any other figure column).
std::optional<double> figureValue(QStringView text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) return std::nullopt;
    return value;
}

template<typename Rule> const Rule *ruleFor(const QList<Rule> &rules, std::optional<int> value)
{
    for (const Rule &r : rules)
        if (value && r.code == *value) return &r;
    return nullptr;
}

/// The span a date precision code makes of `when`.
TimeSpan withDateCode(const DateCode &rule, const TimeSpan &when)
{
    FuzzyDate start = when.start(), end = when.end();
    if (rule.aroundDays > 0) {
        // A day give or take: the period around the date, whole days.
        const QDate day = utcDateOf(start.startMs);
        start = {utcMidnightMs(day.addDays(-rule.aroundDays)), DatePrecision::Day};
        end = {utcMidnightMs(utcDateOf(end.startMs).addDays(rule.aroundDays)), DatePrecision::Day};
    } else {
        start = coarsened(start, rule.precision);
        end = coarsened(end, rule.precision);
    }
    return start == end ? TimeSpan(start) : TimeSpan(start, end);
}

/// Headlines paired with the record's sources in order when they are as many, else added as sources.
void pairHeadlines(QList<Source> &sources, const QStringList &headlines)
{
    for (qsizetype i = 0; i < headlines.size(); ++i) {
        if (i < sources.size() && headlines.size() == sources.size())
            sources[i].name = sources[i].name + QStringLiteral(": ") + headlines[i];
        else
            sources.append(Source{headlines[i], {}, {}, {}});
    }
}

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char b) { return quint8(b) < 0x80; });
}

const QString &titleSeparator()
{
    static const QString separator = QStringLiteral(" — ");
    return separator;
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
            if (spec.use == ColumnUse::DatePrecisionCode) m_dateCode = int(m_columns.size());
            if (spec.use == ColumnUse::PlaceCode) m_placeCode = int(m_columns.size());
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
    return codeValue(text);
}

void ProfileTransform::applyDateCode(Event &e, const Column &c, ProfileRecord &record)
{
    QString written;
    const auto value = code(c, record, &written);
    if (written.isEmpty()) return;
    const DateCode *rule = ruleFor(m_profile.dateCodes, value);
    if (!rule) {
        QList<int> known;
        for (const DateCode &d : m_profile.dateCodes)
            known.append(d.code);
        record.profileIssue(Issue::Severity::Warning, c.field,
                            tr("'%1' is not one of %2's date precision codes (%3); the date is taken as written")
                                .arg(written, m_profile.name, codeList(known)));
        return;
    }
    e.when = withDateCode(*rule, e.when);
}

void ProfileTransform::applyPlaceCode(Event &e, const Column &c, ProfileRecord &record)
{
    QString written;
    const auto value = code(c, record, &written);
    if (written.isEmpty()) return;
    const PlaceCode *rule = ruleFor(m_profile.placeCodes, value);
    if (!rule) {
        QList<int> known;
        for (const PlaceCode &p : m_profile.placeCodes)
            known.append(p.code);
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
    for (const Column &c : std::as_const(m_columns)) {
        switch (c.spec->use) {
        case ColumnUse::Role:
        case ColumnUse::DatePrecisionCode: // after the title, below
        case ColumnUse::PlaceCode:
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
            const std::optional<double> value = figureValue(t);
            if (!value) {
                record.profileIssue(Issue::Severity::Warning, c.field,
                                    tr("'%1' is not a number; no %2 figure").arg(t, c.spec->quantity));
                break;
            }
            Claim figure;
            figure.quantity = c.spec->quantity;
            figure.value = *value;
            figure.source = m_profile.figureSource;
            e.claims.append(figure);
            break;
        }
        case ColumnUse::SourceHeadline: {
            pairHeadlines(e.sources, splitList(record.profileCell(c.index, c.field, m_buffer)));
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
            e.title.insert(QString(), titleParts.join(titleSeparator()));
        } else {
            record.profileIssue(Issue::Severity::Warning, toString(FieldRole::Title), tr("no title"));
            e.title.insert(QString(), e.id.isEmpty() ? tr("Untitled event") : e.id);
        }
    }
    if (m_dateCode >= 0) applyDateCode(e, m_columns[m_dateCode], record);
    if (m_placeCode >= 0) applyPlaceCode(e, m_columns[m_placeCode], record);
}

} // namespace chronomap

namespace chronomap {

std::optional<int> ProfileTransform::rowCode(QByteArrayView bytes)
{
    m_buffer.resize(bytes.size()); // keeps its capacity: no allocation per record
    std::transform(bytes.begin(), bytes.end(), m_buffer.begin(), [](char b) { return QChar(b); });
    return codeValue(m_buffer);
}

QByteArrayView ProfileTransform::rowRegionCode(QByteArrayView name)
{
    // fromRawData: the lookup copies nothing.
    if (const auto it = m_rowRegionCache.constFind(QByteArray::fromRawData(name.data(), name.size()));
        it != m_rowRegionCache.constEnd())
        return *it;
    return *m_rowRegionCache.insert(name.toByteArray(), regionCode(QString::fromLatin1(name)).toUtf8());
}

bool ProfileTransform::applyRow(EventRow &row, const std::vector<EventRow::Span> &sourceItems, ProfileRecord &record)
{
    // apply()'s steps in its order; each place where apply() reports returns false instead.
    const auto contains = [&](const std::vector<EventRow::Span> &spans, QByteArrayView text) {
        return std::any_of(spans.begin(), spans.end(), [&](EventRow::Span s) { return row.view(s) == text; });
    };
    m_rowTitleParts.clear();
    std::optional<QList<Source>> sources; // only once headlines change them
    for (const Column &c : std::as_const(m_columns)) {
        const QByteArrayView bytes = record.profileBytes(c.index).trimmed();
        switch (c.spec->use) {
        case ColumnUse::Role:
        case ColumnUse::DatePrecisionCode:
        case ColumnUse::PlaceCode:
            break;
        case ColumnUse::TitlePart:
            if (m_composesTitle && !bytes.isEmpty()) m_rowTitleParts.push_back(bytes);
            break;
        case ColumnUse::Actor:
            for (qsizetype begin = 0; begin <= bytes.size();) { // splitList() on the bytes
                qsizetype end = bytes.indexOf(';', begin);
                if (end < 0) end = bytes.size();
                const QByteArrayView actor = bytes.sliced(begin, end - begin).trimmed();
                if (!actor.isEmpty() && !contains(row.actors, actor)) row.actors.push_back(row.append(actor));
                begin = end + 1;
            }
            break;
        case ColumnUse::RegionName:
            if (!bytes.isEmpty()) {
                const QByteArrayView code = rowRegionCode(bytes);
                if (!isAscii(code)) return false; // the store's lane takes ASCII codes
                if (!code.isEmpty() && !contains(row.regions, code)) row.regions.push_back(row.append(code));
            }
            break;
        case ColumnUse::Figure: {
            if (bytes.isEmpty()) break;
            m_buffer.resize(bytes.size());
            std::transform(bytes.begin(), bytes.end(), m_buffer.begin(), [](char b) { return QChar(b); });
            const std::optional<double> value = figureValue(m_buffer);
            if (!value) return false; // reported
            Claim figure;
            figure.quantity = c.spec->quantity;
            figure.value = *value;
            figure.source = m_profile.figureSource;
            const qsizetype at = row.text.size();
            RecordJson::appendCompact(row.text, figure);
            row.claims.push_back({at, row.text.size() - at});
            break;
        }
        case ColumnUse::SourceHeadline:
            if (bytes.isEmpty()) break;
            if (!sources) {
                sources.emplace();
                for (const EventRow::Span item : sourceItems)
                    sources->append(RecordJson::sourceFromText(QString::fromLatin1(row.view(item))));
            }
            pairHeadlines(*sources, splitList(QString::fromLatin1(bytes)));
            break;
        case ColumnUse::CategoryCode: {
            if (bytes.isEmpty()) break;
            const auto value = rowCode(bytes);
            const auto it = std::find_if(m_profile.categoryCodes.begin(), m_profile.categoryCodes.end(),
                                         [&](const auto &entry) { return value && entry.first == *value; });
            if (it == m_profile.categoryCodes.end()) return false; // reported
            const QByteArray category = it->second.toUtf8();
            if (!isAscii(category)) return false;
            row.category = row.append(category);
            break;
        }
        }
    }
    if (m_composesTitle) {                         // the file has no title column: row.title is empty
        if (m_rowTitleParts.empty()) return false; // "no title"
        static const QByteArray separator = titleSeparator().toUtf8();
        const qsizetype at = row.text.size();
        for (size_t i = 0; i < m_rowTitleParts.size(); ++i) {
            if (i > 0) row.text.append(separator);
            row.text.append(m_rowTitleParts[i].data(), m_rowTitleParts[i].size());
        }
        row.title = {at, row.text.size() - at};
    }
    if (m_dateCode >= 0)
        if (const QByteArrayView bytes = record.profileBytes(m_columns[m_dateCode].index).trimmed(); !bytes.isEmpty()) {
            const DateCode *rule = ruleFor(m_profile.dateCodes, rowCode(bytes));
            if (!rule) return false; // reported
            row.when = withDateCode(*rule, row.when);
        }
    if (m_placeCode >= 0)
        if (const QByteArrayView bytes = record.profileBytes(m_columns[m_placeCode].index).trimmed();
            !bytes.isEmpty()) {
            const PlaceCode *rule = ruleFor(m_profile.placeCodes, rowCode(bytes));
            if (!rule) return false; // reported
            if (rule->precision != LocationPrecision::Region) {
                if (row.locationPrecision == LocationPrecision::Unstated) row.locationPrecision = rule->precision;
            } else {
                if (row.regions.empty()) return false; // reported: a region not on the base map
                row.locationPrecision = LocationPrecision::Region;
            }
        }
    if (sources) {
        row.sources.clear();
        for (const Source &s : std::as_const(*sources)) {
            const qsizetype at = row.text.size();
            RecordJson::appendCompact(row.text, s);
            row.sources.push_back({at, row.text.size() - at});
        }
    }
    return true;
}

} // namespace chronomap
