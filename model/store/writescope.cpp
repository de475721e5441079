// SPDX-License-Identifier: MIT
#include "store/writescope.h"

#include "store/database.h"

#include <QSqlQuery>

#include <sqlite3.h>

namespace baokan::store {

WriteScope::WriteScope(const QSqlDatabase &db)
    : m_db(db)
{
    sqlite3 *h = Database::handle(m_db);
    m_savepoint = h && sqlite3_get_autocommit(h) == 0;
    QSqlQuery q(m_db);
    m_active = q.exec(m_savepoint ? QStringLiteral("SAVEPOINT baokan_write") : QStringLiteral("BEGIN IMMEDIATE"));
}

WriteScope::~WriteScope()
{
    if (!m_active)
        return;
    QSqlQuery q(m_db);
    if (m_savepoint) {
        q.exec(QStringLiteral("ROLLBACK TO baokan_write"));
        q.exec(QStringLiteral("RELEASE baokan_write"));
    } else {
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

bool WriteScope::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    QSqlQuery q(m_db);
    return q.exec(m_savepoint ? QStringLiteral("RELEASE baokan_write") : QStringLiteral("COMMIT"));
}

} // namespace baokan::store
