// SPDX-License-Identifier: GPL-3.0-or-later
#include "synthetic_events.h"

#include <QDir>
#include <QSaveFile>

#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

namespace chronomap::bench {

namespace {

/// SplitMix64: tiny, fast and the same sequence on every platform and standard library (the
/// std:: distributions are not), so every machine benchmarks the same bytes.
class Rng {
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n).
    int below(int n) { return int(next() % quint64(n)); }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
    template<typename T, size_t N> const T &pick(const std::array<T, N> &items) { return items[size_t(below(int(N)))]; }

private:
    quint64 m_state;
};

constexpr std::array<std::string_view, 8> kCategories = {
    "diplomatic-contact", "summit", "treaty", "deployment", "arms-transfer", "labour-dispatch", "combat", "statement"};
constexpr std::array<std::string_view, 10> kSubjects = {"Delegation", "Envoys",         "Officials", "Troops",
                                                        "Workers",    "Engineers",      "Ministers", "Negotiators",
                                                        "Observers",  "Artillery units"};
constexpr std::array<std::string_view, 8> kVerbs = {"meet in",        "arrive in",           "deploy near",
                                                    "sign accord in", "report from",         "hold talks in",
                                                    "move to",        "shell positions near"};
constexpr std::array<std::string_view, 12> kPlaces = {"Vladivostok", "Pyongyang", "Moscow",  "Kursk",
                                                      "Belgorod",    "Khasan",    "Rason",   "Seoul",
                                                      "Khabarovsk",  "Donetsk",   "Sinuiju", "Novosibirsk"};
// A tenth of the titles are Cyrillic: two UTF-8 bytes a letter, as in real Russian-language data.
constexpr std::array<std::string_view, 6> kCyrillicTitles = {
    "Встреча делегаций в Курске", "Переговоры во Владивостоке",     "Прибытие рабочих в Хабаровск",
    "Заявление МИД в Москве",     "Обстрел позиций под Белгородом", "Поставка снарядов через Хасан"};
constexpr std::array<std::string_view, 8> kSources = {"TASS",    "Yonhap", "Reuters", "KCNA",
                                                      "NK News", "ISW",    "Meduza",  "Kyiv Independent"};
constexpr std::array<std::string_view, 12> kRegions = {"RU-KRS", "RU-BEL", "RU-PRI", "RU-KHA", "RU-MOW", "RU-NVS",
                                                       "KP-01",  "KP-13",  "UA-14",  "UA-09",  "KR-11",  "CN-JL"};

enum class Precision { Year, Month, Day, Time };
constexpr std::array<std::string_view, 4> kPrecisionNames = {"year", "month", "day", "time"};

struct Civil {
    int year, month, day;
};

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).
Civil civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const auto day = int(doy - (153 * mp + 2) / 5 + 1);
    const auto month = int(mp < 10 ? mp + 3 : mp - 9);
    return {int(yoe) + int(era * 400) + (month <= 2), month, day};
}

constexpr qint64 kFirstDay = 18993; // 2022-01-01
constexpr int kDays = 1461;         // through 2025-12-31

std::string isoDate(qint64 day, Precision precision, int minuteOfDay, bool withOffset)
{
    const Civil c = civilFromDays(day);
    char buf[40];
    switch (precision) {
    case Precision::Year:
        std::snprintf(buf, sizeof buf, "%04d", c.year);
        break;
    case Precision::Month:
        std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
        break;
    case Precision::Day:
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
        break;
    case Precision::Time:
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d%s", c.year, c.month, c.day, minuteOfDay / 60,
                      minuteOfDay % 60, withOffset ? ":00+09:00" : "Z");
        break;
    }
    return buf;
}

struct SyntheticEvent {
    std::string id, title, start, end, category, source;
    std::string_view precision; ///< declared precision; empty when the date says it (day)
    std::string regions[2];
    int regionCount = 0;
    double lonDeg = 0, latDeg = 0;
};

SyntheticEvent makeEvent(Rng &rng, qint64 number)
{
    SyntheticEvent e;
    char id[32];
    std::snprintf(id, sizeof id, "ev-%07lld", static_cast<long long>(number));
    e.id = id;
    if (rng.below(10) == 0) {
        e.title = rng.pick(kCyrillicTitles);
    } else {
        e.title = rng.pick(kSubjects);
        e.title.append(" ").append(rng.pick(kVerbs)).append(" ").append(rng.pick(kPlaces));
    }
    e.category = rng.pick(kCategories);

    const int p = rng.below(100);
    const Precision precision = p < 75   ? Precision::Day
                                : p < 85 ? Precision::Month
                                : p < 90 ? Precision::Year
                                         : Precision::Time;
    const qint64 day = kFirstDay + rng.below(kDays);
    const int minute = rng.below(24 * 60);
    const bool withOffset = rng.below(4) == 0;
    e.start = isoDate(day, precision, minute, withOffset);
    if (rng.below(10) == 0) { // a span; its end lies after its start at the same precision
        const qint64 endDay = precision == Precision::Year    ? day + 366
                              : precision == Precision::Month ? day + 31 * (1 + rng.below(3))
                                                              : day + 1 + rng.below(90);
        e.end = isoDate(endDay, precision, minute, withOffset);
    }
    if (precision != Precision::Day) e.precision = kPrecisionNames[size_t(precision)];

    if (rng.below(10) == 0) {
        e.lonDeg = rng.between(-180.0, 180.0);
        e.latDeg = rng.between(-60.0, 75.0);
    } else {
        e.lonDeg = rng.between(20.0, 140.0);
        e.latDeg = rng.between(35.0, 65.0);
    }
    e.source = rng.pick(kSources);
    const int r = rng.below(10);
    e.regionCount = r < 3 ? 1 : r < 4 ? 2 : 0;
    for (int i = 0; i < e.regionCount; ++i)
        e.regions[i] = rng.pick(kRegions);
    if (e.regionCount == 2 && e.regions[0] == e.regions[1]) e.regionCount = 1;
    return e;
}

void appendNumber(std::string &out, double value)
{
    char buf[32];
    const auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 5);
    out.append(buf, result.ptr);
}

/// JSON string literal; the generated text needs no escapes, but stay correct if it ever does.
void appendJsonString(std::string &out, std::string_view text)
{
    out.push_back('"');
    for (const char c : text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
}

void appendGeoJson(std::string &out, const SyntheticEvent &e, bool first)
{
    out.append(first ? "" : ",\n");
    out.append(R"({"type":"Feature","properties":{"id":)");
    appendJsonString(out, e.id);
    out.append(R"(,"title":)");
    appendJsonString(out, e.title);
    out.append(R"(,"start":)");
    appendJsonString(out, e.start);
    if (!e.end.empty()) {
        out.append(R"(,"end":)");
        appendJsonString(out, e.end);
    }
    if (!e.precision.empty()) {
        out.append(R"(,"date_precision":)");
        appendJsonString(out, e.precision);
    }
    out.append(R"(,"category":)");
    appendJsonString(out, e.category);
    out.append(R"(,"source":)");
    appendJsonString(out, e.source);
    if (e.regionCount > 0) {
        out.append(R"(,"regions":[)");
        for (int i = 0; i < e.regionCount; ++i) {
            if (i) out.push_back(',');
            appendJsonString(out, e.regions[i]);
        }
        out.push_back(']');
    }
    out.append(R"(},"geometry":{"type":"Point","coordinates":[)");
    appendNumber(out, e.lonDeg);
    out.push_back(',');
    appendNumber(out, e.latDeg);
    out.append("]}}");
}

void appendCsv(std::string &out, const SyntheticEvent &e)
{
    out.append(e.id).push_back(',');
    out.push_back('"');
    out.append(e.title).append("\",");
    out.append(e.start).push_back(',');
    out.append(e.end).push_back(',');
    out.append(e.precision).push_back(',');
    out.append(e.category).push_back(',');
    appendNumber(out, e.latDeg);
    out.push_back(',');
    appendNumber(out, e.lonDeg);
    out.push_back(',');
    out.append(e.source).push_back(',');
    for (int i = 0; i < e.regionCount; ++i) {
        if (i) out.push_back(';');
        out.append(e.regions[i]);
    }
    out.push_back('\n');
}

/// Writes `buffer` to `file` and empties it.
bool flush(QFileDevice &file, std::string &buffer, QString *error)
{
    if (file.write(buffer.data(), qint64(buffer.size())) != qint64(buffer.size())) {
        *error = QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    buffer.clear();
    return true;
}

} // namespace

bool writeSyntheticEvents(const QString &dir, qint64 events, SyntheticFiles *out, QString *error)
{
    out->geojsonPath = QDir(dir).filePath(QStringLiteral("events.geojson"));
    out->csvPath = QDir(dir).filePath(QStringLiteral("events.csv"));
    out->events = events;
    // Replaced whole at the end: a bench or a load still reading the old files (another run on
    // the same --data-dir) keeps reading them, never a file cut short.
    QSaveFile geojson(out->geojsonPath), csv(out->csvPath);
    for (QSaveFile *file : {&geojson, &csv}) {
        if (!file->open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("%1: %2").arg(file->fileName(), file->errorString());
            return false;
        }
    }
    constexpr size_t kChunk = 1 << 20;
    std::string geojsonBuffer = R"({"type":"FeatureCollection","features":[)"
                                "\n";
    std::string csvBuffer = "id,title,start,end,date_precision,category,lat,lon,source,regions\n";
    geojsonBuffer.reserve(kChunk + 4096);
    csvBuffer.reserve(kChunk + 4096);

    Rng rng(20250812);
    for (qint64 i = 1; i <= events; ++i) {
        const SyntheticEvent e = makeEvent(rng, i);
        appendGeoJson(geojsonBuffer, e, i == 1);
        appendCsv(csvBuffer, e);
        if (geojsonBuffer.size() >= kChunk && !flush(geojson, geojsonBuffer, error)) return false;
        if (csvBuffer.size() >= kChunk && !flush(csv, csvBuffer, error)) return false;
    }
    geojsonBuffer.append("\n]}\n");
    if (!flush(geojson, geojsonBuffer, error) || !flush(csv, csvBuffer, error)) return false;
    for (QSaveFile *file : {&geojson, &csv}) {
        if (!file->commit()) {
            *error = QStringLiteral("%1: %2").arg(file->fileName(), file->errorString());
            return false;
        }
    }
    return true;
}

} // namespace chronomap::bench
