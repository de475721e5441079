// SPDX-License-Identifier: MIT
#pragma once

#include "store/correctionstore.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace baokan::store {

// One undoable change to the corrections or the user lexicon, made like Edit (store/edit.h): its
// first apply() plans the change (rows before and after, new ids and times included), then
// apply() and revert() only write those recorded states, each in one transaction that also
// recognizes the touched articles again, so undo and redo restore rows and mentions exactly.
// The UI wraps it in a QUndoCommand: redo() → apply(), undo() → revert(). Used on the thread
// that owns the connection passed in.
class CorrectionEdit
{
public:
    // Fills *before with the current rows the edit touches and *after with what they become.
    using Plan =
        std::function<bool(const QSqlDatabase &db, CorrectionRows *before, CorrectionRows *after, QString *error)>;

    CorrectionEdit(QString text, Plan plan);

    QString text() const { return m_text; }
    bool isApplied() const { return m_applied; }

    bool apply(const QSqlDatabase &db, QString *error = nullptr);
    bool revert(const QSqlDatabase &db, QString *error = nullptr);

    const CorrectionRows &before() const { return m_before; }
    const CorrectionRows &after() const { return m_after; }

private:
    bool transition(const QSqlDatabase &db, bool forward, QString *error);

    QString m_text;
    Plan m_plan;
    CorrectionRows m_before;
    CorrectionRows m_after;
    bool m_planned = false;
    bool m_applied = false;
};

} // namespace baokan::store
