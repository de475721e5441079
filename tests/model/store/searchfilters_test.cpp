// SPDX-License-Identifier: MIT
// The search facets on the model side: date range, issue, tag and entity filters, each alone and
// combined, and the archive's date bounds the date facet offers.
#include "store/issuestore.h"
#include "store/searchindex.h"

#include "testarchive.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>

#include <algorithm>
#include <set>

using baokan::store::IssueStore;
using baokan::store::SearchIndex;
using baokan::store::SearchOptions;

namespace {

struct Article
{
    QString key;
    qint64 issueId;
    QDate date; // invalid: an undated issue
};

// Articles that all contain 包头, in issues on the edges of February 2020, plus an undated issue.
class FilterArchive : public TestArchive
{
public:
    FilterArchive()
    {
        const QList<QPair<QString, QString>> issues{{QStringLiteral("a"), QStringLiteral("2020-01-31")},
                                                    {QStringLiteral("b"), QStringLiteral("2020-02-01")},
                                                    {QStringLiteral("c"), QStringLiteral("2020-02-29")},
                                                    {QStringLiteral("d"), QStringLiteral("2020-03-01")},
                                                    {QStringLiteral("e"), QString()}};
        int n = 0;
        for (const auto &[name, date] : issues) {
            const qint64 issue = addIssue(name, date);
            for (int i = 0; i < 2; ++i) {
                const QString key = name + QString::number(i);
                const qint64 id = addArticle(issue, key, QStringLiteral("会议"),
                                             QStringLiteral("包头市今天召开会议，第%1篇。").arg(++n), i);
                QString error;
                REQUIRE(SearchIndex::indexArticles(db(), {id}, &error));
                ids.insert(key, id);
                articles << Article{key, issue, QDate::fromString(date, Qt::ISODate)};
            }
        }
    }

    std::set<QString> found(const SearchOptions &options)
    {
        QString error;
        const auto result = SearchIndex::search(db(), QStringLiteral("包头"), options, &error);
        INFO(error.toStdString());
        REQUIRE(result);
        std::set<QString> keys;
        for (const auto &hit : result->hits)
            keys.insert(hit.key);
        CHECK(result->total == qint64(keys.size()));
        const auto counted = SearchIndex::count(db(), QStringLiteral("包头"), options, &error);
        REQUIRE(counted);
        CHECK(*counted == result->total);
        return keys;
    }

    template<typename Keep>
    std::set<QString> keysWhere(Keep keep) const
    {
        std::set<QString> out;
        for (const Article &a : articles) {
            if (keep(a))
                out.insert(a.key);
        }
        return out;
    }

    QList<Article> articles;
    QHash<QString, qint64> ids;
};

} // namespace

TEST_CASE("a date range keeps the issues from its first day to its last, both included", "[search][facets]")
{
    FilterArchive archive;
    SearchOptions options;
    options.from = QDate(2020, 2, 1);
    options.to = QDate(2020, 2, 29);
    const auto expected = archive.keysWhere(
        [&](const Article &a) { return a.date.isValid() && a.date >= options.from && a.date <= options.to; });
    REQUIRE(expected.size() == 4);
    CHECK(archive.found(options) == expected);

    // One day.
    options.from = options.to = QDate(2020, 3, 1);
    CHECK(archive.found(options) == archive.keysWhere([](const Article &a) { return a.date == QDate(2020, 3, 1); }));

    // A range the archive does not reach.
    options.from = QDate(2021, 1, 1);
    options.to = QDate(2021, 12, 31);
    CHECK(archive.found(options).empty());
}

TEST_CASE("a range open at one end is bounded at the other, and never takes in undated issues", "[search][facets]")
{
    FilterArchive archive;
    SearchOptions options;
    options.to = QDate(2020, 2, 1);
    CHECK(archive.found(options) ==
          archive.keysWhere([&](const Article &a) { return a.date.isValid() && a.date <= options.to; }));
    options = {};
    options.from = QDate(2020, 2, 29);
    CHECK(archive.found(options) ==
          archive.keysWhere([&](const Article &a) { return a.date.isValid() && a.date >= options.from; }));
    // No range at all: the undated issue's articles are hits like any other.
    CHECK(archive.found({}).size() == size_t(archive.articles.size()));
}

TEST_CASE("the issue filter keeps one issue's articles, and combines with dates and tags", "[search][facets]")
{
    FilterArchive archive;
    const Article chosen = archive.articles.at(2); // the first of issue b
    SearchOptions options;
    options.issueId = chosen.issueId;
    const auto inIssue = archive.keysWhere([&](const Article &a) { return a.issueId == chosen.issueId; });
    REQUIRE(inIssue.size() == 2);
    CHECK(archive.found(options) == inIssue);

    // The same issue outside the date range: nothing; inside it: the issue.
    options.from = QDate(2020, 2, 2);
    CHECK(archive.found(options).empty());
    options.from = chosen.date;
    CHECK(archive.found(options) == inIssue);

    // A tag on one article of the issue and one elsewhere narrows it to that one.
    QSqlQuery q(archive.db());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO tag (id, name, created) VALUES (3, 'x', 'now')")));
    for (const QString &key : {chosen.key, archive.articles.last().key}) {
        q.prepare(QStringLiteral("INSERT INTO article_tag (article_key, tag_id, created) VALUES (?, 3, 'now')"));
        q.addBindValue(key);
        REQUIRE(q.exec());
    }
    options.tagId = 3;
    CHECK(archive.found(options) == std::set<QString>{chosen.key});
}

TEST_CASE("the entity filter with a type keeps only the mentions of that type", "[search][facets]")
{
    FilterArchive archive;
    // The same text recognized as a place in two articles and as an organization in one.
    const QString text = QStringLiteral("包头市");
    archive.addMention(archive.ids.value(QStringLiteral("a0")), 0, 3, QStringLiteral("LOC"), text);
    archive.addMention(archive.ids.value(QStringLiteral("c1")), 0, 3, QStringLiteral("LOC"), text);
    archive.addMention(archive.ids.value(QStringLiteral("d0")), 0, 3, QStringLiteral("ORG"), text);
    archive.addMention(archive.ids.value(QStringLiteral("b0")), 0, 2, QStringLiteral("LOC"), QStringLiteral("包头"));

    SearchOptions options;
    options.entity = text;
    CHECK(archive.found(options) ==
          std::set<QString>{QStringLiteral("a0"), QStringLiteral("c1"), QStringLiteral("d0")});
    options.entityType = QStringLiteral("LOC");
    CHECK(archive.found(options) == std::set<QString>{QStringLiteral("a0"), QStringLiteral("c1")});
    options.entityType = QStringLiteral("PER");
    CHECK(archive.found(options).empty());
    // With the other facets.
    options.entityType = QStringLiteral("LOC");
    options.from = QDate(2020, 2, 1);
    CHECK(archive.found(options) == std::set<QString>{QStringLiteral("c1")});
}

TEST_CASE("the archive's date range is that of its dated issues, the user's dates winning", "[search][facets]")
{
    TestArchive empty;
    const auto none = IssueStore(&empty.database()).dateRange();
    CHECK_FALSE(none.first.isValid());
    CHECK_FALSE(none.second.isValid());

    FilterArchive archive;
    auto range = IssueStore(&archive.database()).dateRange();
    CHECK(range.first == QDate(2020, 1, 31));
    CHECK(range.second == QDate(2020, 3, 1));
    QSqlQuery q(archive.db());
    REQUIRE(q.exec(QStringLiteral("UPDATE issue SET user_date = '2019-05-04' WHERE name = 'e'")));
    range = IssueStore(&archive.database()).dateRange();
    CHECK(range.first == QDate(2019, 5, 4));
    CHECK(range.second == QDate(2020, 3, 1));
}
