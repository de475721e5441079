// SPDX-License-Identifier: MIT
#include "editcommand.h"

#include "store/database.h"

#include <QHash>
#include <QtGlobal>

#include <utility>

namespace baokan::ui {

namespace {

// QUndoCommand merges by an int; merge keys are strings, so each key gets a number of its own.
int idForMergeKey(const QString &key)
{
    if (key.isEmpty())
        return -1;
    static QHash<QString, int> ids;
    auto it = ids.constFind(key);
    if (it != ids.constEnd())
        return it.value();
    const int id = int(ids.size()) + 1;
    ids.insert(key, id);
    return id;
}

} // namespace

EditCommand::EditCommand(store::Database *db, store::Edit edit)
    : QUndoCommand(edit.text())
    , m_db(db)
    , m_edit(std::move(edit))
    , m_id(idForMergeKey(m_edit.mergeKey()))
{}

void EditCommand::redo()
{
    QString error;
    if (!m_edit.isApplied() && !m_edit.apply(m_db->connection(), &error))
        qWarning("Redo failed: %s", qUtf8Printable(error));
    if (m_changed)
        m_changed();
}

void EditCommand::undo()
{
    QString error;
    if (!m_edit.revert(m_db->connection(), &error))
        qWarning("Undo failed: %s", qUtf8Printable(error));
    if (m_changed)
        m_changed();
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    return m_edit.mergeWith(static_cast<const EditCommand *>(other)->m_edit);
}

} // namespace baokan::ui
