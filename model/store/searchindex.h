// SPDX-License-Identifier: MIT
#pragma once

#include "store/searchquery.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace baokan::store {

struct SearchOptions
{
    enum class Sort { DateAscending, DateDescending, Relevance };

    int limit = 50;
    int offset = 0;
    Sort sort = Sort::DateAscending;
    bool countTotal = true;        // false: SearchResult::total stays -1 (count() asks separately)
    std::optional<qint64> issueId; // only articles of this issue
    QDate from;                    // issue date range, either end may be null
    QDate to;
    std::optional<qint64> tagId; // only articles carrying this tag
    QString entity;              // only articles mentioning this entity text

    // With entity: only mentions of this type (PER, LOC, …); empty: any type. A date range
    // (from/to) never takes in undated issues.
    QString entityType;
    // Relevance sort scores only the newest this many matches (ranking reads every scored row's
    // positions); older matches follow them, newest first.
    int rankWindow = 5000;
};

struct SearchHit
{
    qint64 articleId = 0;
    QString key;
    QString issueDate; // ISO date, empty when unknown
    QString title;
    QString snippet;  // a piece of the body, matches between SearchIndex::MatchOpen and MatchClose
    double score = 0; // higher is more relevant (negated baokan_rank); 0 unless ranked
};

struct SearchResult
{
    qint64 total = -1;
    QList<SearchHit> hits;
};

// The archive's full-text index (tables of migration 0002): fills it in bulk during import,
// rebuilds it for `baokan reindex`, and answers queries in the language of SearchQuery. Stateless;
// every function works on the connection it is given, so call it from the thread owning that
// connection (Database::connection()).
class SearchIndex
{
public:
    // Private-use characters around each match in a snippet; never present in article text.
    static constexpr char16_t MatchOpen = 0xE000;
    static constexpr char16_t MatchClose = 0xE001;

    // Indexes (or re-indexes) the articles. Joins the caller's transaction when one is open.
    static bool indexArticles(const QSqlDatabase &db, const QList<qint64> &articleIds, QString *error);
    // Takes articles out of the index. Deleting or editing an article row does this by trigger.
    static bool removeArticles(const QSqlDatabase &db, const QList<qint64> &articleIds, QString *error);

    using Progress = std::function<void(qint64 done, qint64 total)>;
    // Empties the index and indexes every article again, in batches of its own transactions.
    // A cancelled rebuild leaves the articles not yet reached out of the index: run it again.
    static bool rebuild(const QSqlDatabase &db, const Progress &progress, const std::atomic<bool> *cancel,
                        QString *error);
    // Indexes the articles that are not in the index (all of them after migration 0005 emptied
    // it, the rest after a cancelled rebuild), in batches of their own transactions. Returns how
    // many it indexed.
    // True when the archive has articles but the index has none, as right after migration 0005;
    // cheap enough to ask before every command-line search.
    static bool isEmptyForArticles(const QSqlDatabase &db);
    static std::optional<qint64> indexMissing(const QSqlDatabase &db, const Progress &progress,
                                              const std::atomic<bool> *cancel, QString *error);

    static std::optional<SearchResult> search(const QSqlDatabase &db, const QString &query,
                                              const SearchOptions &options, QString *error);
    static std::optional<qint64> count(const QSqlDatabase &db, const QString &query, const SearchOptions &options,
                                       QString *error);

    // Where the query matches in text (e.g. an article body), in code points, for the reader.
    static QList<TextRange> matchRanges(const QString &query, const QString &text);

    // A piece of text around its first match, matches marked with MatchOpen/MatchClose.
    static QString snippet(const QString &text, const QList<TextRange> &ranges, int length = 80);
};

} // namespace baokan::store
