// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/actor_vocabulary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chronomap::ActorVocabulary", text); // as lupdate files it
}

constexpr qint64 kMaxFileBytes = 16 << 20; // a vocabulary is a list of names, never this large

} // namespace

void ActorVocabulary::insert(const QString &id, const LocalizedText &names)
{
    m_names.insert(id, names);
    QList<QByteArray> &utf8 = m_searchNames[id.toUtf8()];
    utf8.clear();
    for (const QString &n : names)
        if (!n.isEmpty()) utf8.append(n.toUtf8());
}

void ActorVocabulary::merge(const ActorVocabulary &other)
{
    for (auto it = other.m_names.cbegin(); it != other.m_names.cend(); ++it)
        if (!m_names.contains(it.key())) insert(it.key(), it.value());
}

QString ActorVocabulary::name(const QString &id, const QString &lang) const
{
    const auto it = m_names.constFind(id);
    if (it == m_names.constEnd()) return id;
    const QString n = localized(*it, lang);
    return n.isEmpty() ? id : n;
}

const QList<QByteArray> &ActorVocabulary::searchNames(QByteArrayView id) const
{
    static const QList<QByteArray> none;
    if (m_searchNames.isEmpty()) return none;
    const auto it = m_searchNames.constFind(id.toByteArray());
    return it == m_searchNames.constEnd() ? none : *it;
}

ActorVocabulary ActorVocabulary::fromJson(const QByteArray &json, const QString &file, IssueList *issues)
{
    ActorVocabulary v;
    auto warn = [&](const QString &message) {
        if (issues) issues->append({Issue::Severity::Warning, file, -1, {}, QStringLiteral("actors"), message});
    };
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.object().value("actors").isArray()) {
        warn(tr("not an actor vocabulary (a JSON object with an \"actors\" array); ignored"));
        return v;
    }
    for (const QJsonValue &entry : doc.object().value("actors").toArray()) {
        const QJsonObject o = entry.toObject();
        const QString id = o.value("id").toString().trimmed();
        if (id.isEmpty()) {
            warn(tr("an actor without an id; ignored"));
            continue;
        }
        LocalizedText names;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key() == u"name")
                names.insert(QString(), it.value().toString());
            else if (it.key().startsWith(u"name_"))
                names.insert(it.key().mid(5), it.value().toString());
        }
        if (names.value(QString()).isEmpty()) names.insert(QString(), id);
        v.insert(id, names);
    }
    return v;
}

QJsonObject ActorVocabulary::toJson() const
{
    QJsonArray actors;
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
        QJsonObject o{{"id", it.key()}};
        for (auto n = it->cbegin(); n != it->cend(); ++n)
            o.insert(n.key().isEmpty() ? QStringLiteral("name") : QStringLiteral("name_") + n.key(), n.value());
        actors.append(o);
    }
    return QJsonObject{{"actors", actors}};
}

QString ActorVocabulary::sidecarPath(const QString &dataFile)
{
    const QFileInfo info(dataFile);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".actors.json"));
}

ActorVocabulary ActorVocabulary::readBeside(const QString &dataFile, IssueList *issues)
{
    const QFileInfo data(dataFile);
    if (!data.isFile()) return {};
    for (const QString &candidate : {sidecarPath(dataFile), data.dir().filePath(QStringLiteral("actors.json"))}) {
        QFile file(candidate);
        if (!QFileInfo(candidate).isFile()) continue;
        if (file.size() > kMaxFileBytes || !file.open(QIODevice::ReadOnly)) {
            if (issues)
                issues->append({Issue::Severity::Warning,
                                candidate,
                                -1,
                                {},
                                QStringLiteral("actors"),
                                tr("the actor vocabulary cannot be read; actors show as their ids")});
            return {};
        }
        return fromJson(file.readAll(), candidate, issues);
    }
    return {};
}

} // namespace chronomap
