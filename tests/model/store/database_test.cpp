// SPDX-License-Identifier: MIT
#include "store/database.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

using baokan::store::Database;

namespace {

int userVersion(const QString &path)
{
    Database db(path);
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("PRAGMA user_version"));
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

TEST_CASE("a new archive is migrated to the latest schema")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    {
        Database db(path);
        QString error;
        REQUIRE(db.open(&error));
        QSqlQuery q(db.connection());
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM article")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 0);
        QSqlQuery fk(db.connection());
        fk.exec(QStringLiteral("PRAGMA foreign_keys"));
        REQUIRE(fk.next());
        CHECK(fk.value(0).toInt() == 1);
    }
    CHECK(Database::latestSchemaVersion() >= 1);
    CHECK(userVersion(path) == Database::latestSchemaVersion());
}

TEST_CASE("an archive made by a newer baokan is refused and left unchanged")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
    {
        Database db(path);
        QSqlQuery q(db.connection());
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 5)));
    }
    Database db(path);
    QString error;
    CHECK_FALSE(db.open(&error));
    CHECK(error.contains(QStringLiteral("newer")));
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 0);
}

TEST_CASE("a file that is not SQLite is refused with a message")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    Database db(path);
    QString error;
    CHECK_FALSE(db.open(&error));
    CHECK_FALSE(error.isEmpty());
    // It says which file and why, not only that it failed; and it says so again when asked again.
    CHECK(error.contains(path));
    CHECK(error.contains(QStringLiteral("not a baokan archive")));
    QString again;
    CHECK_FALSE(db.open(&again));
    CHECK(again == error);
    QFile back(path);
    REQUIRE(back.open(QIODevice::ReadOnly));
    CHECK(back.readAll() == QByteArray(4096, 'x'));
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
}
