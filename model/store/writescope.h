// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace baokan::store {

// Makes a group of writes atomic whether or not the caller already holds a transaction: it
// begins one (BEGIN IMMEDIATE) when none is open, and otherwise takes a savepoint inside the
// caller's, so an edit can run alone (from the UI) or as part of an import. Rolls back unless
// commit() is called. Lives on the thread that owns the connection.
class WriteScope
{
public:
    explicit WriteScope(const QSqlDatabase &db);
    ~WriteScope();
    WriteScope(const WriteScope &) = delete;
    WriteScope &operator=(const WriteScope &) = delete;

    bool isActive() const { return m_active; }
    // False when the writes could not be committed (full disk, a deferred constraint); they are
    // rolled back then, so the connection is usable again and holds no write lock.
    bool commit();
    // Why the scope could not begin or commit, in SQLite's words.
    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    bool m_savepoint = false;
    QString m_error;
};

} // namespace baokan::store
