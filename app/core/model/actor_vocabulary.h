// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/event.h"
#include "core/model/issue.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace chronomap {

/// Who acts in a dataset, by id, with a name per language: `kpa` → "Korean People's Army" /
/// "Ejército Popular de Corea". Records list ids; views show the name in the UI's language and a
/// search matches every name. A plain value type.
///
/// On disk it is a JSON file beside the data file (see readBeside()):
/// `{"actors": [{"id": "kpa", "name": "Korean People's Army", "name_es": "Ejército…"}, …]}`.
class ActorVocabulary {
public:
    bool isEmpty() const { return m_names.isEmpty(); }
    qsizetype size() const { return m_names.size(); }
    bool contains(const QString &id) const { return m_names.contains(id); }
    QStringList ids() const { return m_names.keys(); }
    /// The actor's names by language ("" the default); empty for an unknown id.
    LocalizedText names(const QString &id) const { return m_names.value(id); }

    /// Adds or replaces an actor; `names` keyed like LocalizedText ("" English, "es" Spanish).
    void insert(const QString &id, const LocalizedText &names);
    /// Adds `other`'s actors; an id already here keeps its names.
    void merge(const ActorVocabulary &other);

    /// The actor's name in `lang`, else its default name, else `id` itself (data without a
    /// vocabulary lists names, which then show as they are).
    QString name(const QString &id, const QString &lang) const;
    /// Every name of the actor, UTF-8, for searching; empty for an unknown id.
    const QList<QByteArray> &searchNames(QByteArrayView id) const;

    /// Parses the file's JSON; problems (no `actors` array, an entry without id) go to `issues`
    /// as warnings naming `file`.
    static ActorVocabulary fromJson(const QByteArray &json, const QString &file, IssueList *issues);
    QJsonObject toJson() const;

    /// The vocabulary beside `dataFile`: `<stem>.actors.json`, else `actors.json` in the same
    /// folder; empty when neither exists (a plain file needs none).
    static ActorVocabulary readBeside(const QString &dataFile, IssueList *issues);
    /// Where writeBeside() puts the vocabulary of `dataFile`: `<stem>.actors.json`.
    static QString sidecarPath(const QString &dataFile);

    bool operator==(const ActorVocabulary &other) const { return m_names == other.m_names; }

private:
    QMap<QString, LocalizedText> m_names;
    QHash<QByteArray, QList<QByteArray>> m_searchNames; ///< UTF-8 id → UTF-8 names
};

} // namespace chronomap
