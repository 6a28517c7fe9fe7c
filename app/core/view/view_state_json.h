// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"
#include "core/view/view_state.h"

#include <QJsonObject>

#include <optional>

namespace chronomap {

/// A ViewState written as JSON and read back: the body of `--view-state` files. Regions and
/// events are named by ISO 3166-2 code and event id, never by index, so a file stays valid when
/// the dataset is reloaded or the base map rebuilt. The map's centre and scale are not part of
/// the view state; the render layer adds them under the key "map" (see viewport_json.h).
///
/// ```json
/// { "format": "chronomap-view-state", "version": 1, "app_version": "0.1.0",
///   "dataset": "/abs/events.geojson", "dataset_sha256": "…",
///   "window": { "from": "2024-08-01T00:00:00.000Z", "to": null }, "match": "possibly",
///   "region": "RU-KRS", "selected_event": "a1-call", "hidden_categories": ["combat"],
///   "language": "es", "map_mode": "markers", "map": { … } }
/// ```
/// Written only when set: "search", "hidden_confidences", "hidden_provenances",
/// "out_of_window": "faded", "choropleth_figure" (a claim quantity the choropleth sums).
/// Window ends are UTC ISO 8601 date-times, `to` exclusive; null is an open end.
class ViewStateJson {
public:
    static constexpr int kVersion = 1;

    /// The state as a JSON object (no "map" key). The dataset path is made absolute; its
    /// SHA-256 is included when `datasetSha256` is given (hex).
    static QJsonObject toJson(const ViewState &state, const QString &datasetSha256 = {});

    /// The dataset files the object names ("datasets", else "dataset"), each resolved against the
    /// folder of the JSON file it came from when relative; empty when the object names none.
    static QStringList datasetPaths(const QJsonObject &json, const QString &jsonFilePath = {});

    /// Applies the ViewSettings the object holds to `state`, whose dataset must already be set. A region code or event
    /// id the data does not have becomes a Warning in `issues` and is left unselected. Returns false (with a Fatal
    /// issue) when the object is not a view state or its window is malformed; `state` is then unchanged.
    /// Without a "language" key the state keeps its language.
    static bool apply(const QJsonObject &json, ViewState &state, IssueList *issues);

    /// Reads a file; on failure returns nullopt and sets `error` to a readable reason.
    static std::optional<QJsonObject> readFile(const QString &path, QString *error);
    /// Writes indented JSON through QSaveFile: a failed write leaves any existing file intact.
    static bool writeFile(const QJsonObject &json, const QString &path, QString *error);

    /// The window as the file writes it: `{from, to}` with null for an open end.
    static QJsonValue windowToJson(const std::optional<TimeWindow> &window);
    /// Reads windowToJson()'s output; nullopt window for null; false when malformed.
    static bool windowFromJson(const QJsonValue &value, std::optional<TimeWindow> *window);
};

} // namespace chronomap
