// SPDX-License-Identifier: MIT
#include "store/transaction.h"

#include <QSqlQuery>

namespace baokan::store {

Transaction::Transaction(const QSqlDatabase &db)
    : m_db(db)
{
    QSqlQuery q(m_db);
    m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
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
    return q.exec(QStringLiteral("COMMIT"));
}

} // namespace baokan::store
