// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace baokan::store {

// One undoable change to the user's annotations (tags, notes, entity corrections, the user
// lexicon). On its first apply() it plans the change: it
// reads the rows it will touch and works out what they become (new ids and times included).
// From then on apply() and revert() only write those recorded states, each in one transaction,
// so undo and redo restore rows exactly. The model has no QtGui, so the UI wraps an Edit in a
// QUndoCommand: redo() → apply(), undo() → revert(), id()/mergeWith() → mergeKey()/mergeWith().
// Apply it before pushing, so a refused edit (its message for the status bar) never reaches the
// stack. Used on the thread that owns the connection passed in.
class Edit
{
public:
    // Fills *before with the current rows the edit touches and *after with what they become.
    // Runs inside the edit's transaction; returns false with *error set to refuse the edit.
    using Plan = std::function<bool(const QSqlDatabase &db, RowSet *before, RowSet *after, QString *error)>;

    // text names the edit in the Undo menu; edits with the same non-empty mergeKey may be merged
    // (typing in the article note makes one undo step, not one per autosave).
    Edit(QString text, Plan plan, QString mergeKey = {});

    QString text() const { return m_text; }
    QString mergeKey() const { return m_mergeKey; }
    bool isApplied() const { return m_applied; }

    // Fails, changing nothing, when the rows it would write over are no longer as it left them
    // (another window, a re-import): an undo never silently reverts someone else's change.
    bool apply(const QSqlDatabase &db, QString *error = nullptr);
    bool revert(const QSqlDatabase &db, QString *error = nullptr);

    // Absorbs a later, applied edit with the same merge key: undoing the result goes back to
    // the state before this edit. Returns false (and changes nothing) when they do not merge.
    bool mergeWith(const Edit &later);

    const RowSet &before() const { return m_before; }
    const RowSet &after() const { return m_after; }

    // Writes the rows needed to turn state `from` into state `to`. When corrections or lexicon
    // entries change, the articles they can touch are recognized again in the same transaction,
    // so stored mentions always agree with them. The caller holds the transaction. Also used by
    // the notes importer and re-anchoring.
    static bool writeRows(const QSqlDatabase &db, const RowSet &from, const RowSet &to, QString *error);

private:
    bool transition(const QSqlDatabase &db, bool forward, QString *error);

    QString m_text;
    Plan m_plan;
    QString m_mergeKey;
    RowSet m_before;
    RowSet m_after;
    bool m_planned = false;
    bool m_applied = false;
};

} // namespace baokan::store
