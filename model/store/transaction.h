// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>

namespace baokan::store {

// A write transaction that rolls back unless commit() is called. BEGIN IMMEDIATE takes the write
// lock up front, so two writers wait for each other (busy timeout) instead of deadlocking.
// Lives on the thread that owns the connection.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    // On failure (e.g. a full disk) the transaction is rolled back and lastError() says why.
    bool commit();
    // Why BEGIN or COMMIT failed.
    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace baokan::store
