// SPDX-License-Identifier: MIT
#include "store/database.h"

#include "store/searchrank.h"
#include "store/searchtokenizer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcStore, "baokan.store")

namespace baokan::store {

std::atomic<int> Database::s_instances{0};

namespace {

struct Migration
{
    int version;
    QString resource;
};

QList<Migration> migrations()
{
    // Files are named NNNN_what.sql; the number is the schema version they bring the archive to.
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/sql"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int version = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok)
            out << Migration{version, dir.filePath(name)};
    }
    return out;
}

// What a user reads when an archive cannot be opened: what is wrong with which file, and what to do.
QString openFailure(const QFileInfo &file, const QString &why)
{
    const QString path = QDir::toNativeSeparators(file.filePath());
    if (why == QLatin1String("not an SQLite file"))
        return QStringLiteral("%1 is not a baokan archive (it is not an SQLite database file). It was left as it is; "
                              "choose another archive file, or a new file name to start an archive.")
            .arg(path);
    // SQLite keeps its write-ahead log beside the archive (-wal, -shm), even to read it.
    const QFileInfo folder(file.absolutePath());
    if ((file.exists() && !file.isWritable()) || !folder.isWritable())
        return QStringLiteral("cannot open %1: %2. The archive or its folder is read-only, and baokan needs to "
                              "write in that folder; copy the archive to a folder you can write to, or make it "
                              "writable.")
            .arg(path, why);
    return QStringLiteral("cannot open %1: %2").arg(path, why);
}

bool exec(sqlite3 *db, const QByteArray &sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : "unknown SQLite error");
    sqlite3_free(message);
    return false;
}

} // namespace

Database::Database(const QString &path)
    : m_path(path)
    , m_instance(++s_instances)
{}

Database::~Database()
{
    closeThreadConnection();
}

QString Database::connectionName() const
{
    return QStringLiteral("baokan-%1-%2").arg(m_instance).arg(quintptr(QThread::currentThreadId()));
}

sqlite3 *Database::handle(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

QSqlDatabase Database::connection() const
{
    return openConnection(nullptr);
}

QSqlDatabase Database::openConnection(QString *why) const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    QString error;
    if (!db.open() || !setUp(db, &error)) {
        qCWarning(lcStore) << "cannot open" << m_path << db.lastError().text() << error;
        // The reason is gone once the connection closes: the first statement is what finds a
        // file that is not SQLite or a folder SQLite may not write in.
        if (why) {
            sqlite3 *h = handle(db);
            const int code = h ? sqlite3_errcode(h) & 0xff : SQLITE_OK;
            if (code == SQLITE_NOTADB)
                *why = QStringLiteral("not an SQLite file");
            else
                *why = error.isEmpty() ? db.lastError().text() : error;
        }
        db.close();
    }
    return db;
}

void Database::closeThreadConnection() const
{
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool Database::setUp(QSqlDatabase &db, QString *error) const
{
    sqlite3 *h = handle(db);
    if (!h) {
        if (error)
            *error = QStringLiteral("the Qt SQLite driver gave no handle");
        return false;
    }
    // WAL lets readers and one writer work at once (two windows on one archive); the busy
    // timeout makes a second writer wait instead of failing with "database is locked".
    sqlite3_busy_timeout(h, 10000);
    // Before migrations: creating the FTS tables of 0002 needs the tokenizer.
    if (!SearchTokenizer::registerWith(h, error) || !SearchRank::registerWith(h, error))
        return false;
    return exec(h, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", error);
}

bool Database::open(QString *error)
{
    const QFileInfo info(m_path);
    if (info.exists() && info.isDir()) {
        if (error)
            *error = QStringLiteral("%1 is a folder, not an archive").arg(m_path);
        return false;
    }
    if (!info.exists() && !info.dir().exists() && !QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    // A connection left closed by an earlier failure is tried again, so the reason is known.
    if (QSqlDatabase::contains(connectionName()) && !QSqlDatabase::database(connectionName(), false).isOpen())
        closeThreadConnection();
    QString why;
    QSqlDatabase db = openConnection(&why);
    if (!db.isOpen()) {
        if (error)
            *error = openFailure(info, why);
        return false;
    }
    return migrate(error);
}

int Database::latestSchemaVersion()
{
    const QList<Migration> all = migrations();
    return all.isEmpty() ? 0 : all.last().version;
}

int Database::schemaVersion() const
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return 0;
    if (!info.isFile())
        return -1;
    sqlite3 *h = handle(connection());
    if (!h)
        return -1;
    sqlite3_stmt *stmt = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return version;
}

bool Database::migrate(QString *error) const
{
    sqlite3 *h = handle(connection());
    QString why;
    // Reading the version is the first real read of the file: a file that is not SQLite fails here.
    sqlite3_stmt *stmt = nullptr;
    int current = -1;
    if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        current = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    if (current < 0) {
        if (error)
            *error = QStringLiteral("%1 is not a baokan archive: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(h)));
        return false;
    }
    const int latest = latestSchemaVersion();
    if (current > latest) {
        if (error)
            *error =
                QStringLiteral("%1 was made by a newer version of baokan (schema %2; this version knows up to %3). "
                               "It was not changed; open it with a newer baokan.")
                    .arg(m_path)
                    .arg(current)
                    .arg(latest);
        return false;
    }
    if (current < latest && !exec(h, "PRAGMA journal_mode = WAL;", &why)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(m_path, why);
        return false;
    }
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        QFile file(m.resource);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("missing migration %1").arg(m.resource);
            return false;
        }
        // Each migration and its version bump commit together or not at all.
        const QByteArray sql = "BEGIN IMMEDIATE;\n" + file.readAll() +
                               "\nPRAGMA user_version = " + QByteArray::number(m.version) + ";\nCOMMIT;";
        if (!exec(h, sql, &why)) {
            exec(h, "ROLLBACK;", nullptr);
            if (error)
                *error = QStringLiteral("%1: migration %2 failed: %3").arg(m_path, m.resource, why);
            return false;
        }
        qCInfo(lcStore) << "migrated" << m_path << "to schema" << m.version;
    }
    return true;
}

} // namespace baokan::store
