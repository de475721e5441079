// SPDX-License-Identifier: MIT
// An issue's date edited by the user re-keys its articles in the search index, so search's date
// order and date facet follow the edit.
#include "store/issuestore.h"
#include "store/searchindex.h"

#include "testarchive.h"

#include <catch2/catch.hpp>

using baokan::store::IssueStore;
using baokan::store::SearchIndex;
using baokan::store::SearchOptions;

namespace {

// Three issues a month apart, each with two articles that contain 包头.
class DatedArchive : public TestArchive
{
public:
    DatedArchive()
    {
        const QList<QPair<QString, QString>> issues{{QStringLiteral("a"), QStringLiteral("2020-01-10")},
                                                    {QStringLiteral("b"), QStringLiteral("2020-02-10")},
                                                    {QStringLiteral("c"), QStringLiteral("2020-03-10")}};
        for (const auto &[name, date] : issues) {
            const qint64 issue = addIssue(name, date);
            issueIds.insert(name, issue);
            for (int i = 0; i < 2; ++i) {
                const qint64 id = addArticle(issue, name + QString::number(i), QStringLiteral("会议"),
                                             QStringLiteral("包头市召开会议。"), i);
                QString error;
                REQUIRE(SearchIndex::indexArticles(db(), {id}, &error));
            }
        }
    }

    // The hits' keys in the order search gives them.
    QStringList keys(SearchOptions options = {})
    {
        QString error;
        options.limit = 100;
        const auto result = SearchIndex::search(db(), QStringLiteral("包头"), options, &error);
        INFO(error.toStdString());
        REQUIRE(result);
        QStringList out;
        for (const auto &hit : result->hits)
            out << hit.key;
        return out;
    }

    QHash<QString, qint64> issueIds;
};

// "a0 b1 …" as a list of keys.
QStringList order(const char *keys)
{
    return QString::fromLatin1(keys).split(QLatin1Char(' '));
}

SearchOptions dated(SearchOptions::Sort sort, const QDate &from = {}, const QDate &to = {})
{
    SearchOptions options;
    options.sort = sort;
    options.from = from;
    options.to = to;
    return options;
}

} // namespace

TEST_CASE("search by date follows an issue's date edited by the user, and its reset", "[search][issue]")
{
    DatedArchive archive;
    IssueStore issues(&archive.database());
    const auto ascending = dated(SearchOptions::Sort::DateAscending);
    const auto descending = dated(SearchOptions::Sort::DateDescending);
    REQUIRE(archive.keys(ascending) == order("a0 a1 b0 b1 c0 c1"));

    QString error;
    REQUIRE(issues.setUserDate(archive.issueIds.value(QStringLiteral("b")), QDate(2020, 4, 1), &error));
    CHECK(archive.keys(ascending) == order("a0 a1 c0 c1 b0 b1"));
    CHECK(archive.keys(descending).mid(0, 2) == order("b1 b0"));
    // The hit's date is the one shown in the issue list.
    {
        const auto result = SearchIndex::search(archive.db(), QStringLiteral("包头"), descending, &error);
        REQUIRE(result);
        REQUIRE_FALSE(result->hits.isEmpty());
        CHECK(result->hits.first().issueDate.left(10) == QStringLiteral("2020-04-01"));
    }

    // Moved back before the first issue; then the edit undone in the list (an empty date).
    REQUIRE(issues.setUserDate(archive.issueIds.value(QStringLiteral("b")), QDate(2019, 12, 31), &error));
    CHECK(archive.keys(ascending) == order("b0 b1 a0 a1 c0 c1"));
    REQUIRE(issues.setUserDate(archive.issueIds.value(QStringLiteral("b")), QDate(), &error));
    CHECK(archive.keys(ascending) == order("a0 a1 b0 b1 c0 c1"));
}

TEST_CASE("the search's date facet finds an issue's articles under the date the user gave it", "[search][issue]")
{
    DatedArchive archive;
    IssueStore issues(&archive.database());
    const auto april = dated(SearchOptions::Sort::DateAscending, QDate(2020, 4, 1), QDate(2020, 4, 30));
    const auto february = dated(SearchOptions::Sort::DateAscending, QDate(2020, 2, 1), QDate(2020, 2, 29));
    REQUIRE(archive.keys(april).isEmpty());
    REQUIRE(archive.keys(february) == order("b0 b1"));

    QString error;
    REQUIRE(issues.setUserDate(archive.issueIds.value(QStringLiteral("b")), QDate(2020, 4, 15), &error));
    CHECK(archive.keys(april) == order("b0 b1"));
    CHECK(archive.keys(february).isEmpty());
    const auto count = SearchIndex::count(archive.db(), QStringLiteral("包头"), april, &error);
    REQUIRE(count);
    CHECK(*count == 2);
    // Every article is still in the index exactly once.
    CHECK(archive.keys(dated(SearchOptions::Sort::DateAscending)).size() == 6);
    // The facet's bounds come from the issue dates as shown.
    CHECK(issues.dateRange().second == QDate(2020, 4, 15));
}

TEST_CASE("a date edit of an issue that does not exist changes nothing in the index", "[search][issue]")
{
    DatedArchive archive;
    IssueStore issues(&archive.database());
    QString error;
    CHECK_FALSE(issues.setUserDate(987654, QDate(2020, 4, 1), &error));
    CHECK_FALSE(error.isEmpty());
    CHECK(archive.keys(dated(SearchOptions::Sort::DateAscending)) == order("a0 a1 b0 b1 c0 c1"));
}
