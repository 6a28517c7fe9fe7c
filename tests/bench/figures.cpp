// SPDX-License-Identifier: GPL-3.0-or-later
#include "figures.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

namespace chronomap::bench {

void Figures::add(const QString &name, double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::isfinite(value) ? std::round(value * scale) / scale : value;
    m_figures.emplace_back(name, rounded);
    std::printf("%-32s %s\n", qPrintable(name), qPrintable(QString::number(rounded, 'f', decimals)));
    std::fflush(stdout);
}

double Figures::value(const QString &name) const
{
    for (const auto &[n, v] : m_figures)
        if (n == name) return v;
    return std::nan("");
}

bool Figures::writeJson(const QString &path, QString *error) const
{
    QJsonObject object;
    for (const auto &[name, value] : m_figures)
        object.insert(name, std::isfinite(value) ? QJsonValue(value) : QJsonValue());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = file.errorString();
        return false;
    }
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace chronomap::bench
