// SPDX-License-Identifier: MIT
#include "archivetestsupport.h"
#include "parse/issueloader.h"
#include "store/articlestore.h"
#include "store/database.h"
#include "store/importer.h"
#include "store/issuestore.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

using namespace baokan;

TEST_CASE("every field of every article reads back as the parser gave it")
{
    QTemporaryDir dir;
    store::Database db(dir.filePath(QStringLiteral("a.sqlite")));
    REQUIRE(db.open());
    const QStringList pages = test::samplePages();
    store::Importer importer(&db);
    REQUIRE(importer.importPaths(pages).error.isEmpty());

    store::IssueStore issues(&db);
    store::ArticleStore articles(&db);
    int checked = 0;
    for (const QString &page : pages) {
        const parse::Issue parsed =
            parse::IssueLoader::fromTexts(QStringLiteral("x"), {QString::fromUtf8(test::readAll(page))});
        const auto issue = issues.issueBySource(QFileInfo(page).canonicalFilePath());
        REQUIRE(issue);
        CHECK(issue->name == QFileInfo(page).fileName());
        CHECK(issue->articleCount == parsed.articles.size());
        const QStringList keys = articles.keysInIssue(issue->id);
        REQUIRE(keys.size() == parsed.articles.size());
        for (int i = 0; i < keys.size(); ++i) {
            const parse::Article &want = parsed.articles.at(i);
            const auto got = articles.articleByKey(keys.at(i));
            REQUIRE(got);
            CHECK(got->key == keys.at(i));
            CHECK(got->issueId == issue->id);
            CHECK(got->issueName == issue->displayName()); // the reader names the issue as the list does
            CHECK(got->title == want.title);
            CHECK(got->title.isNull() == want.title.isNull());
            CHECK(got->hasPrintedTitle() == !want.title.isNull());
            CHECK_FALSE(got->displayTitle.isEmpty());
            CHECK(got->kicker == want.kicker);
            CHECK(got->subtitle == want.subtitle);
            CHECK(got->dateline == want.dateline);
            CHECK(got->reporters == want.reporters);
            CHECK(got->correspondents == want.correspondents);
            CHECK(got->interns == want.interns);
            CHECK(got->photographers == want.photographers);
            CHECK(got->source == want.source);
            CHECK(got->paragraphs == want.paragraphs);
            CHECK(got->captions == want.captions);
            const auto byId = articles.article(got->id);
            REQUIRE(byId);
            CHECK(byId->key == got->key);
            CHECK(byId->body() == got->body());
            ++checked;
        }
    }
    CHECK(checked == articles.count());
}

TEST_CASE("a made-up article round-trips lists, nulls and separators")
{
    QTemporaryDir dir;
    store::Database db(dir.filePath(QStringLiteral("a.sqlite")));
    REQUIRE(db.open());
    // Through the same text as a page would give: the store must not care where it came from.
    CHECK(store::ArticleStore::splitList(
              store::ArticleStore::joinList({QStringLiteral("刘琪"), QStringLiteral("齐浩越")})) ==
          QStringList{QStringLiteral("刘琪"), QStringLiteral("齐浩越")});
    CHECK(store::ArticleStore::splitList(store::ArticleStore::joinList({})).isEmpty());
    CHECK_FALSE(store::ArticleStore(&db).articleByKey(QStringLiteral("nope")).has_value());
    CHECK_FALSE(store::ArticleStore(&db).article(42).has_value());
}

TEST_CASE("issues are listed newest first with undated issues last, and the user's edits win")
{
    QTemporaryDir dir;
    store::Database db(dir.filePath(QStringLiteral("a.sqlite")));
    REQUIRE(db.open());
    store::Importer importer(&db);
    REQUIRE(importer.importPaths(test::samplePages()).issuesAdded == 5);
    store::IssueStore issues(&db);
    const QList<store::IssueRecord> all = issues.issues(0, 100);
    REQUIRE(all.size() == 5);
    REQUIRE(issues.setUserDate(all.at(3).id, QDate(2030, 1, 1)));
    REQUIRE(issues.setUserDate(all.at(4).id, QDate(1990, 1, 1)));
    const QList<store::IssueRecord> sorted = issues.issues(0, 100);
    CHECK(sorted.first().id == all.at(3).id);
    CHECK(sorted.first().displayDate() == QDate(2030, 1, 1));
    CHECK_FALSE(sorted.first().displayDateInferred());
    for (int i = 1; i < sorted.size(); ++i) {
        const QDate a = sorted.at(i - 1).displayDate();
        const QDate b = sorted.at(i).displayDate();
        CHECK((!b.isValid() || (a.isValid() && a >= b)));
    }
    CHECK(issues.issues(1, 2).size() == 2);
    CHECK(issues.issues(1, 2).first().id == sorted.at(1).id);
    REQUIRE(issues.setUserDate(all.at(3).id, QDate()));
    CHECK_FALSE(issues.issue(all.at(3).id)->userDate.isValid());
    CHECK_FALSE(issues.setUserName(987654, QStringLiteral("x")));
}

TEST_CASE("an empty file becomes an archive at the latest schema")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    REQUIRE(test::writeFile(path, QByteArray()));
    store::Database db(path);
    QString error;
    REQUIRE(db.open(&error));
    CHECK(test::scalar(db, QStringLiteral("PRAGMA user_version")) == store::Database::latestSchemaVersion());
    CHECK(test::scalar(db, QStringLiteral("SELECT count(*) FROM note")) == 0);
}

TEST_CASE("the archive listing names each issue as the window does: the readable name, or the user's")
{
    QTemporaryDir dir;
    store::Database db(dir.filePath(QStringLiteral("a.sqlite")));
    REQUIRE(db.open());
    const QStringList pages = test::samplePages();
    REQUIRE(store::Importer(&db).importPaths(pages).error.isEmpty());
    store::IssueStore issues(&db);
    const auto first = issues.issueBySource(QFileInfo(pages.first()).canonicalFilePath());
    REQUIRE(first);
    REQUIRE(issues.setUserName(first->id, QStringLiteral("第一期")));
    QHash<QString, QString> shown; // stored name -> the name the window shows
    for (const QString &page : pages) {
        const auto issue = issues.issueBySource(QFileInfo(page).canonicalFilePath());
        REQUIRE(issue);
        shown.insert(issue->displayName(), issue->name);
    }
    REQUIRE(shown.contains(QStringLiteral("第一期")));
    int listed = 0;
    QString error;
    REQUIRE(store::ArticleStore(&db).forEachListing(
        [&](const store::ArticleListing &l) {
            CHECK(shown.contains(l.issueName));
            ++listed;
        },
        &error));
    CHECK(listed > 0);
}
