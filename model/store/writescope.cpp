// SPDX-License-Identifier: MIT
#include "store/writescope.h"

#include "store/database.h"

#include <QSqlError>
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
    if (!m_active)
        m_error = q.lastError().text();
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
    if (q.exec(m_savepoint ? QStringLiteral("RELEASE baokan_write") : QStringLiteral("COMMIT")))
        return true;
    m_error = q.lastError().text();
    // A failed COMMIT leaves the transaction open (SQLITE_FULL, SQLITE_BUSY, a deferred foreign
    // key): left so, every later write of this connection would nest in it and never reach the
    // file, and other windows would wait on its lock. End it, as if the writes never happened.
    QSqlQuery undo(m_db);
    if (m_savepoint) {
        undo.exec(QStringLiteral("ROLLBACK TO baokan_write"));
        undo.exec(QStringLiteral("RELEASE baokan_write"));
    } else {
        undo.exec(QStringLiteral("ROLLBACK"));
    }
    return false;
}

} // namespace baokan::store
