// SPDX-License-Identifier: MIT
#pragma once

#include "store/edit.h"

#include <QUndoCommand>

#include <functional>

namespace baokan::store {
class Database;
}

namespace baokan::ui {

// Puts one model Edit on a QUndoStack: redo() applies it, undo() reverts it, and edits sharing a
// merge key (autosaves of one note) merge into one step. The edit is applied before it is pushed
// (see Edit), so the first redo() that push() makes does nothing. GUI thread only.
class EditCommand final : public QUndoCommand
{
public:
    EditCommand(store::Database *db, store::Edit edit);

    void redo() override;
    void undo() override;
    int id() const override { return m_id; }
    bool mergeWith(const QUndoCommand *other) override;

    const store::Edit &edit() const { return m_edit; }
    // Called after every redo() and undo(), the first redo() of push() included, so views
    // derived from the edited rows (the entity highlights after a correction) can follow.
    void setChanged(std::function<void()> changed) { m_changed = std::move(changed); }

private:
    store::Database *m_db;
    store::Edit m_edit;
    int m_id = -1;
    std::function<void()> m_changed;
};

} // namespace baokan::ui
