// SPDX-License-Identifier: MIT
#include "store/transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace baokan::store {

Transaction::Transaction(const QSqlDatabase &db)
    : m_db(db)
{
    QSqlQuery q(m_db);
    m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_error = q.lastError().text();
}

Transaction::~Transaction()
{
    if (m_active) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery q(m_db);
    m_active = false;
    if (q.exec(QStringLiteral("COMMIT")))
        return true;
    m_error = q.lastError().text();
    // A failed COMMIT may leave the transaction open (SQLITE_BUSY, SQLITE_FULL): end it, so the
    // archive is as it was before and the connection can be used again.
    QSqlQuery rollback(m_db);
    rollback.exec(QStringLiteral("ROLLBACK"));
    return false;
}

} // namespace baokan::store
