// SPDX-License-Identifier: MIT
#include "store/correctionedit.h"

#include "store/writescope.h"

#include <QSqlError>

namespace baokan::store {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

CorrectionEdit::CorrectionEdit(QString text, Plan plan)
    : m_text(std::move(text))
    , m_plan(std::move(plan))
{}

bool CorrectionEdit::apply(const QSqlDatabase &db, QString *error)
{
    return transition(db, true, error);
}

bool CorrectionEdit::revert(const QSqlDatabase &db, QString *error)
{
    return transition(db, false, error);
}

bool CorrectionEdit::transition(const QSqlDatabase &db, bool forward, QString *error)
{
    if (forward == m_applied)
        return fail(error, forward ? QStringLiteral("the edit is already applied")
                                   : QStringLiteral("the edit is not applied"));
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, QStringLiteral("cannot start a transaction: %1").arg(scope.lastError()));
    if (!m_planned) {
        CorrectionRows before;
        CorrectionRows after;
        if (!m_plan(db, &before, &after, error))
            return false;
        m_before = std::move(before);
        m_after = std::move(after);
    }
    const bool ok = forward ? CorrectionStore::writeRows(db, m_before, m_after, error)
                            : CorrectionStore::writeRows(db, m_after, m_before, error);
    if (!ok)
        return false;
    if (!scope.commit())
        return fail(error, QStringLiteral("cannot commit: %1").arg(scope.lastError()));
    m_planned = true;
    m_applied = forward;
    return true;
}

} // namespace baokan::store
