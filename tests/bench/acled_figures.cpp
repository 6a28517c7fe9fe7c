// SPDX-License-Identifier: GPL-3.0-or-later
// load.acled.*: EventLoader on an ACLED-shaped export (the columns since March 2023, dates as
// "12 August 2025", a schema profile composing titles, actors, regions by name and fatalities)
// against GDAL's own pass over the same CSV reading the same columns. Paired like load_figures.cpp.
#include "figure_groups.h"
#include "gdal_floor.h"
#include "process_stats.h"

#include "core/data_paths.h"
#include "core/geo/base_map.h"
#include "core/io/event_loader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <random>
#include <string>

namespace chronomap::bench {

namespace {

struct Place {
    const char *country, *admin1, *admin2, *location;
    double lat, lon;
    int iso;
};

// Places of the Kursk and Belgorod border war, as ACLED names them.
const Place kPlaces[] = {
    {"Russia", "Kursk", "Sudzhanskiy", "Sudzha", 51.1918, 35.2710, 643},
    {"Russia", "Kursk", "Glushkovskiy", "Glushkovo", 51.3420, 34.6350, 643},
    {"Russia", "Kursk", "Kurskiy", "Kursk", 51.7304, 36.1926, 643},
    {"Russia", "Belgorod", "Belgorodskiy", "Belgorod", 50.5997, 36.5983, 643},
    {"Russia", "Belgorod", "Shebekinskiy", "Shebekino", 50.4000, 36.8870, 643},
    {"Russia", "Belgorod", "Grayvoronskiy", "Grayvoron", 50.4790, 35.6760, 643},
    {"Russia", "Bryansk", "Klimovskiy", "Klimovo", 52.3770, 32.1900, 643},
    {"Ukraine", "Sumy", "Sumskyi", "Yunakivka", 51.0050, 35.0070, 804},
    {"Ukraine", "Kharkiv", "Chuhuivskyi", "Vovchansk", 50.2906, 36.9411, 804},
    {"Ukraine", "Donetsk", "Pokrovskyi", "Pokrovsk", 48.2820, 37.1760, 804},
    {"Ukraine", "Zaporizhia", "Polohivskyi", "Huliaipole", 47.6640, 36.2560, 804},
    {"Ukraine", "Odesa", "Odeskyi", "Odesa", 46.4825, 30.7233, 804},
};
const char *kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};
struct Kind {
    const char *disorder, *type, *sub;
};
const Kind kKinds[] = {
    {"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
    {"Political violence", "Explosions/Remote violence", "Air/drone strike"},
    {"Political violence", "Battles", "Armed clash"},
    {"Strategic developments", "Strategic developments", "Disrupted weapons use"},
    {"Political violence", "Violence against civilians", "Attack"},
};
const char *kActors[] = {"Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)",
                         "Civilians (Russia)", "Civilians (Ukraine)", "Military Forces of North Korea (2011-)"};
const char *kSources[] = {"Kommersant; Telegram", "Ukrainska Pravda", "Ministry of Defence of Russia",
                          "Suspilne; Ukrainska Pravda", "Belgorod Regional Administration"};

/// `events` ACLED rows (fixed seed) as `acled.csv` in `dir`; empty on failure.
QString writeAcled(const QString &dir, qint64 events)
{
    const QString path = QDir(dir).filePath(QStringLiteral("acled.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
    std::string out =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
        "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
        "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
        "tags,timestamp\n";
    std::mt19937 random(15);
    char line[1024];
    for (qint64 i = 0; i < events; ++i) {
        const Place &p = kPlaces[random() % std::size(kPlaces)];
        const Kind &k = kKinds[random() % std::size(kKinds)];
        const int year = 2022 + int(random() % 4), month = int(random() % 12), day = 1 + int(random() % 28);
        const unsigned precision = random() % 10, geo = random() % 10;
        const char *a1 = kActors[random() % 2], *a2 = kActors[random() % std::size(kActors)];
        const bool assoc = random() % 8 == 0;
        const int fatalities = random() % 3 == 0 ? int(random() % 20) : 0;
        std::snprintf(line, sizeof line,
                      "%s%lld,%02d %s %d,%d,%u,%s,%s,%s,%s,%s,8,%s,,7,78,,%d,Europe,%s,%s,%s,,%s,%.4f,%.4f,%u,%s,"
                      "National,\"On %d %s %d, an event of type %s near %s (%s).\",%d,,%lld\n",
                      p.iso == 643 ? "RUS" : "UKR", static_cast<long long>(i + 1), day, kMonths[month], year, year,
                      precision < 8 ? 1u : precision - 6, k.disorder, k.type, k.sub, a1,
                      assoc ? "Military Forces of North Korea (2011-)" : "", a2, p.iso, p.country, p.admin1, p.admin2,
                      p.location, p.lat + (random() % 100) / 1000.0, p.lon + (random() % 100) / 1000.0,
                      geo < 7   ? 1u
                      : geo < 9 ? 2u
                                : 3u,
                      kSources[random() % std::size(kSources)], day, kMonths[month], year, k.sub, p.location, p.admin1,
                      fatalities, static_cast<long long>(1700000000 + i));
        out += line;
        if (out.size() > (1 << 22)) {
            if (file.write(out.data(), qint64(out.size())) != qint64(out.size())) return {};
            out.clear();
        }
    }
    if (file.write(out.data(), qint64(out.size())) != qint64(out.size())) return {};
    return path;
}

/// The columns the ACLED profile reads as text (latitude and longitude are converted to numbers).
const QStringList &acledFields()
{
    static const QStringList fields = {"event_id_cnty",  "event_date",    "event_type",     "notes",    "source",
                                       "time_precision", "geo_precision", "sub_event_type", "location", "actor1",
                                       "assoc_actor_1",  "actor2",        "assoc_actor_2",  "admin1",   "fatalities"};
    return fields;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

void acledFigures(BenchContext &context, Figures &figures)
{
    const QString path = writeAcled(QFileInfo(context.files().csvPath).absolutePath(), context.events());
    if (path.isEmpty()) {
        std::fprintf(stderr, "warning: cannot write the ACLED file; load.acled.* not measured\n");
        return;
    }
    IssueList baseIssues;
    const auto baseMap = BaseMap::load(DataPaths::baseMap(), &baseIssues);
    LoadOptions options;
    if (baseMap) options.regions = baseMap->regions; // as the window gives it
    std::vector<double> floorMs, loadMs, ratios;
    for (int rep = 1; rep <= context.repetitions(); ++rep) {
        QElapsedTimer timer;
        timer.start();
        const FloorPass floor =
            gdalFloorPass(path, acledFields(), false, {QStringLiteral("latitude"), QStringLiteral("longitude")});
        floorMs.push_back(msSince(timer));
        timer.restart();
        const LoadResult result = EventLoader::load(path, options);
        loadMs.push_back(msSince(timer));
        ratios.push_back(loadMs.back() / floorMs.back());
        if (floor.features != context.events() || result.store->size() != context.events() || !result.issues.isEmpty())
            std::fprintf(stderr, "warning: acled floor read %lld, load kept %lld of %lld with %lld issues %s\n",
                         static_cast<long long>(floor.features), static_cast<long long>(result.store->size()),
                         static_cast<long long>(context.events()), static_cast<long long>(result.issues.size()),
                         result.issues.isEmpty() ? "" : qPrintable(result.issues.first().toString()));
        std::fprintf(stderr, "# %d/%d acled   floor %8.1f ms  load %8.1f ms\n", rep, context.repetitions(),
                     floorMs.back(), loadMs.back());
    }
    QFile::remove(path);
    figures.add(QStringLiteral("load.acled.ms"), median(loadMs), 1);
    figures.add(QStringLiteral("gdal_floor.acled.ms"), median(floorMs), 1);
    figures.add(QStringLiteral("load.acled.ratio"), median(ratios), 3);
}

} // namespace chronomap::bench
