// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/briefing_document.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace chronomap {

namespace {

/// One edit: the briefing before and after. Edits of one text field in a row merge (`mergeId`).
class BriefingEdit : public QUndoCommand {
public:
    BriefingEdit(BriefingDocument *document, const QString &text, Briefing before, Briefing after, int mergeId)
        : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
          m_mergeId(mergeId)
    {}
    void undo() override { m_document->setBriefing(m_before); }
    void redo() override { m_document->setBriefing(m_after); }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        m_after = static_cast<const BriefingEdit *>(other)->m_after;
        return true;
    }

private:
    BriefingDocument *m_document;
    Briefing m_before, m_after;
    int m_mergeId;
};

} // namespace

BriefingDocument::BriefingDocument(QObject *parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

bool BriefingDocument::isModified() const
{
    return !m_undo->isClean();
}

void BriefingDocument::setBriefing(const Briefing &briefing)
{
    m_briefing = briefing;
    emit changed();
}

void BriefingDocument::reset(const Briefing &briefing, const QString &path)
{
    m_undo->clear();
    m_path = path;
    setBriefing(briefing);
    emit modifiedChanged(false);
}

bool BriefingDocument::save(const QString &path, QString *error)
{
    if (!BriefingJson::writeFile(m_briefing, path, error)) return false;
    m_path = path;
    m_undo->setClean();
    return true;
}

void BriefingDocument::edit(const QString &text, const Briefing &after, int mergeId)
{
    if (after == m_briefing) return;
    m_undo->push(new BriefingEdit(this, text, m_briefing, after, mergeId));
}

void BriefingDocument::insertStep(int index, const BriefingStep &step)
{
    Briefing after = m_briefing;
    after.steps.insert(std::clamp(index, 0, int(after.steps.size())), step);
    edit(tr("Add Step"), after);
}

void BriefingDocument::removeStep(int index)
{
    if (index < 0 || index >= m_briefing.steps.size()) return;
    Briefing after = m_briefing;
    after.steps.removeAt(index);
    edit(tr("Delete Step"), after);
}

void BriefingDocument::duplicateStep(int index)
{
    if (index < 0 || index >= m_briefing.steps.size()) return;
    Briefing after = m_briefing;
    after.steps.insert(index + 1, m_briefing.steps[index]);
    edit(tr("Duplicate Step"), after);
}

void BriefingDocument::moveStep(int from, int to)
{
    const int n = int(m_briefing.steps.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to) return;
    Briefing after = m_briefing;
    after.steps.move(from, to);
    edit(tr("Move Step"), after);
}

void BriefingDocument::setStepView(int index, const QJsonObject &view)
{
    if (index < 0 || index >= m_briefing.steps.size()) return;
    Briefing after = m_briefing;
    after.steps[index].view = view;
    edit(tr("Update Step from View"), after);
}

void BriefingDocument::setStepText(int index, Text which, const QString &language, const QString &text)
{
    if (index < 0 || index >= m_briefing.steps.size()) return;
    Briefing after = m_briefing;
    BriefingStep &step = after.steps[index];
    BriefingText &field = which == Text::Title ? step.title : step.caption;
    (language == u"es" ? field.es : field.en) = text;
    // One id per (step, field, language): typing a sentence is one undo step.
    const int mergeId = 1000 + index * 4 + (which == Text::Title ? 0 : 2) + (language == u"es" ? 1 : 0);
    edit(which == Text::Title ? tr("Edit Step Title") : tr("Edit Caption"), after, mergeId);
}

void BriefingDocument::setTitle(const QString &language, const QString &text)
{
    Briefing after = m_briefing;
    (language == u"es" ? after.title.es : after.title.en) = text;
    edit(tr("Edit Briefing Title"), after, language == u"es" ? 11 : 10); // below the steps' ids (1000 on)
}

void BriefingDocument::setAuthor(const QString &author)
{
    Briefing after = m_briefing;
    after.author = author;
    edit(tr("Edit Author"), after, 12);
}

void BriefingDocument::setDataset(const QString &fileName, const QString &sha256)
{
    m_briefing.datasetFileName = fileName;
    m_briefing.datasetSha256 = sha256;
}

} // namespace chronomap
