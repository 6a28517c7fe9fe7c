// SPDX-License-Identifier: GPL-3.0-or-later
#include "process_stats.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <sys/resource.h>
#include <unistd.h>

namespace chronomap::bench {

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) return -1;
    const QList<QByteArray> fields = statm.readAll().split(' '); // size resident shared …, in pages
    if (fields.size() < 2) return -1;
    bool ok = false;
    const qint64 pages = fields[1].trimmed().toLongLong(&ok);
    return ok ? pages * sysconf(_SC_PAGESIZE) : -1;
}

qint64 peakResidentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (!line.startsWith("VmHWM:")) continue;
        bool ok = false;
        const qint64 kib = line.mid(6).trimmed().split(' ').value(0).toLongLong(&ok);
        return ok ? kib * 1024 : -1;
    }
    return -1;
}

int processorCount()
{
    return int(sysconf(_SC_NPROCESSORS_ONLN));
}

double loadAverage()
{
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (!loadavg.open(QIODevice::ReadOnly)) return -1;
    bool ok = false;
    const double value = loadavg.readAll().split(' ').value(0).toDouble(&ok);
    return ok ? value : -1;
}

QString cpuModel()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly)) return QStringLiteral("unknown");
    for (const QByteArray &line : cpuinfo.readAll().split('\n'))
        if (line.startsWith("model name")) return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    return QStringLiteral("unknown");
}

double median(std::vector<double> samples)
{
    if (samples.empty()) return std::nan("");
    std::sort(samples.begin(), samples.end());
    const size_t mid = samples.size() / 2;
    return samples.size() % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

ProcessTimes processTimes()
{
    auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    ProcessTimes times;
    rusage self{}, children{};
    if (::getrusage(RUSAGE_SELF, &self) == 0) {
        times.selfCpuMs = ms(self.ru_utime) + ms(self.ru_stime);
        times.selfMinorFaults = self.ru_minflt;
    }
    if (::getrusage(RUSAGE_CHILDREN, &children) == 0)
        times.childrenCpuMs = ms(children.ru_utime) + ms(children.ru_stime);
    return times;
}

} // namespace chronomap::bench
