// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace chronomap::bench {

/// Collects the benchmark's figures: prints each as a `name value` line the moment it is
/// measured (so a long run shows progress) and writes them all as one JSON object at the end.
class Figures {
public:
    /// Records and prints `name value`; `decimals` only affects how the value is shown and stored.
    void add(const QString &name, double value, int decimals = 2);

    /// The value recorded under `name`, or NaN.
    double value(const QString &name) const;
    const std::vector<std::pair<QString, double>> &all() const { return m_figures; }

    /// Writes `{"figure": value, …}`; returns false and sets `error` when the file cannot be written.
    bool writeJson(const QString &path, QString *error) const;

private:
    std::vector<std::pair<QString, double>> m_figures;
};

} // namespace chronomap::bench
