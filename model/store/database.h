// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <atomic>

struct sqlite3;

namespace baokan::store {

// An archive: one SQLite file. Hands out one named Qt SQL connection per thread, each set up the
// same way (WAL, foreign keys, busy timeout, our SQLite functions and FTS tokenizer), and brings
// the schema up to date from the migrations in :/sql/. Opens connections and nothing else.
// The object may be shared between threads; connection() returns the calling thread's own.
class Database
{
public:
    explicit Database(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the calling thread's connection and applies pending migrations. Fails, leaving the
    // file untouched, for a file that is not an archive or one made by a newer baokan.
    bool open(QString *error = nullptr);

    // The calling thread's connection, opened on first use. Check isOpen() on the result when
    // the archive might have gone away.
    QSqlDatabase connection() const;

    // Closes the calling thread's connection. A worker thread calls this before it ends.
    void closeThreadConnection() const;

    QString path() const { return m_path; }

    // The schema version of the newest migration compiled in.
    static int latestSchemaVersion();
    // The schema version of the archive as it is (PRAGMA user_version), read through the calling
    // thread's connection without migrating: 0 for a new file, -1 when it cannot be read (not an
    // archive). Lets the window tell the user before open() runs long migrations.
    int schemaVersion() const;

    // The raw handle behind a Qt connection, for the SQLite C API.
    static sqlite3 *handle(const QSqlDatabase &db);

private:
    QString connectionName() const;
    bool setUp(QSqlDatabase &db, QString *error) const;
    // connection(), with the reason it failed to open in *why (the connection stays closed).
    QSqlDatabase openConnection(QString *why) const;
    bool migrate(QString *error) const;

    QString m_path;
    int m_instance;
    static std::atomic<int> s_instances;
};

} // namespace baokan::store
