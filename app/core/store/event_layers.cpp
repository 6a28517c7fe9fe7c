// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/event_layers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

namespace chronomap {

std::shared_ptr<const EventStore> EventLayers::merge(const QList<EventLayer> &layers, IssueList *issues)
{
    if (layers.size() == 1 && layers.first().store) return layers.first().store;
    EventStoreBuilder builder;
    qsizetype total = 0;
    for (const EventLayer &layer : layers)
        total += layer.store ? layer.store->size() : 0;
    builder.reserve(total);
    QSet<QString> ids;
    ids.reserve(total);
    for (const EventLayer &layer : layers) {
        if (!layer.store) continue;
        builder.addActors(layer.store->actors());
        const QString prefix = QFileInfo(layer.file).completeBaseName();
        for (EventStore::Index i = 0; i < layer.store->size(); ++i) {
            Event event = layer.store->event(i);
            if (ids.contains(event.id)) {
                QString renamed = prefix + u':' + event.id;
                for (int n = 2; ids.contains(renamed); ++n)
                    renamed = prefix + u':' + event.id + u'-' + QString::number(n);
                if (issues) {
                    Issue issue;
                    issue.severity = Issue::Severity::Warning;
                    issue.file = layer.file;
                    issue.recordId = event.id;
                    issue.field = QStringLiteral("id");
                    issue.message = QCoreApplication::translate("EventLayers",
                                                                "id already used by another open file, renamed to '%1'")
                                        .arg(renamed);
                    issues->append(issue);
                }
                event.id = renamed;
            }
            ids.insert(event.id);
            builder.add(event);
        }
    }
    return builder.build();
}

} // namespace chronomap
