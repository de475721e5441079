// SPDX-License-Identifier: MIT
#include "store/storagefailure.h"

#include "archivetestsupport.h"
#include "store/database.h"
#include "store/importer.h"
#include "store/searchindex.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace baokan;
using baokan::store::StorageFailure;

namespace {

struct Archive
{
    QTemporaryDir dir;
    store::Database db{dir.filePath(QStringLiteral("archive.sqlite"))};
    Archive() { REQUIRE(db.open()); }
};

} // namespace

TEST_CASE("a full disk is explained with what was kept and what to do, without Qt's driver noise")
{
    const QString text =
        StorageFailure::explain(QStringLiteral("cannot commit: database or disk is full Unable to fetch row"));
    CHECK(text.startsWith(QStringLiteral("cannot commit: database or disk is full.")));
    CHECK_FALSE(text.contains(QStringLiteral("Unable to fetch row")));
    CHECK(text.contains(QStringLiteral("free some space")));
    CHECK(text.contains(QStringLiteral("kept")));
}

TEST_CASE("a read-only archive and a busy archive get their own advice")
{
    CHECK(StorageFailure::explain(QStringLiteral("attempt to write a readonly database"))
              .contains(QStringLiteral("writable")));
    CHECK(StorageFailure::explain(QStringLiteral("database is locked")).contains(QStringLiteral("try again")));
}

TEST_CASE("a message about something else is passed on as it is")
{
    const QString message = QStringLiteral("there is no tag named “法治”");
    CHECK(StorageFailure::explain(message) == message);
}

TEST_CASE("a search index rebuild on a full archive says why and leaves no half-written batch")
{
    Archive a;
    baokan::store::Importer importer(&a.db);
    REQUIRE(importer.importPaths(test::samplePages()).error.isEmpty());
    const QSqlDatabase db = a.db.connection();
    const qint64 articles = test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article"));
    REQUIRE(articles > 0);
    QSqlQuery q(db);
    // An index to build from nothing, as after a migration that empties it: the rebuild must
    // take new pages, and a compact index emptied in place would free as many as it needs.
    for (const char *sql :
         {"INSERT INTO article_fts (article_fts) VALUES ('delete-all')",
          "INSERT INTO article_uni (article_uni) VALUES ('delete-all')", "DELETE FROM article_search", "VACUUM"})
        REQUIRE(q.exec(QString::fromLatin1(sql)));
    REQUIRE(q.exec(QStringLiteral("PRAGMA page_count")));
    REQUIRE(q.next());
    const int pages = q.value(0).toInt();
    q.finish();
    REQUIRE(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
    q.finish();
    QString error;
    CHECK_FALSE(baokan::store::SearchIndex::rebuild(db, {}, nullptr, &error));
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("full")));
    CHECK_FALSE(error.trimmed().endsWith(QLatin1Char(':')));
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article_search")) == 0);
    CHECK(test::scalar(a.db, QStringLiteral("SELECT count(*) FROM article")) == articles);
}
