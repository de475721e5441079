// SPDX-License-Identifier: MIT
#include "store/database.h"
#include "store/notestore.h"
#include "store/writescope.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

using namespace baokan::store;

namespace {

// A COMMIT that fails the way a full disk makes it fail: SQLite refuses it and leaves the
// transaction open. A deferred foreign key does that on any file system.
void makeNextNoteCommitFail(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY)")));
    REQUIRE(q.exec(QStringLiteral("CREATE TEMP TABLE child (p INTEGER REFERENCES parent (id) "
                                  "DEFERRABLE INITIALLY DEFERRED)")));
    REQUIRE(q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_commit AFTER INSERT ON main.note "
                                  "BEGIN INSERT INTO child VALUES (42); END")));
}

void letCommitsThrough(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("DROP TRIGGER temp.refuse_commit")));
}

} // namespace

TEST_CASE("a write scope whose commit fails says why and leaves no transaction open")
{
    TestArchive archive;
    const QSqlDatabase db = archive.db();
    makeNextNoteCommitFail(db);
    {
        WriteScope scope(db);
        REQUIRE(scope.isActive());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("INSERT INTO note (article_key, kind, note, created, modified) "
                                      "VALUES ('k', 'article-note', 'x', '2024', '2024')")));
        CHECK_FALSE(scope.commit());
        CHECK(scope.lastError().contains(QStringLiteral("FOREIGN KEY")));
    }
    // Left open, the transaction would swallow every later write of this connection and hold
    // the archive's write lock against other windows.
    CHECK(sqlite3_get_autocommit(Database::handle(db)) != 0);
    CHECK(archive.count(QStringLiteral("SELECT count(*) FROM note")) == 0);
}

TEST_CASE("a note that cannot be committed is reported with the reason and the next save reaches the file")
{
    TestArchive archive;
    const qint64 issue = archive.addIssue(QStringLiteral("报"), QStringLiteral("2023-11-16"));
    archive.addArticle(issue, QStringLiteral("k1"), QStringLiteral("标题"), QStringLiteral("正文。"));
    NoteStore notes(archive.db());
    makeNextNoteCommitFail(archive.db());

    QString error;
    CHECK_FALSE(notes.setArticleNote(QStringLiteral("k1"), QStringLiteral("第一稿"), &error));
    CHECK(error.contains(QStringLiteral("FOREIGN KEY")));

    letCommitsThrough(archive.db());
    REQUIRE(notes.setArticleNote(QStringLiteral("k1"), QStringLiteral("第二稿"), &error));
    // Read through a connection of its own: only what was committed to the file is there.
    sqlite3 *other = nullptr;
    REQUIRE(sqlite3_open_v2(archive.path().toUtf8().constData(), &other, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(other, "SELECT note FROM note WHERE article_key = 'k1'", -1, &stmt, nullptr) ==
            SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))) == QStringLiteral("第二稿"));
    sqlite3_finalize(stmt);
    sqlite3_close(other);
}
