// SPDX-License-Identifier: MIT
#include "store/searchindex.h"

#include "store/database.h"
#include "store/pinyinvocabulary.h"
#include "store/searchindexwriter.h"
#include "store/searchsortkey.h"
#include "store/searchtokenizer.h"
#include "store/transaction.h"
#include "store/writescope.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace baokan::store {

namespace {

constexpr int RebuildBatch = 1000;

// Pinyin keys looked up in the archive's vocabulary; an error there only loses the pinyin words.
SearchQuery::PinyinLookup lookupIn(const QSqlDatabase &db)
{
    return [db](const QString &key) {
        QString why;
        return PinyinVocabulary::wordsFor(db, key, 64, &why).value_or(QStringList());
    };
}

bool fail(QString *error, const QString &what, const QSqlQuery &query)
{
    if (error)
        *error = what + QLatin1String(": ") + query.lastError().text();
    return false;
}

bool prepare(QSqlQuery &query, const QString &sql, QString *error)
{
    return query.prepare(sql) || fail(error, QStringLiteral("cannot prepare search statement"), query);
}

QString tableName(SearchQuery::Table table)
{
    return table == SearchQuery::Table::Unigram ? QStringLiteral("article_uni") : QStringLiteral("article_fts");
}

// Removal statements, the same as the triggers' in 0007_pinyin_vocabulary.sql.
const QString RemoveFts =
    QStringLiteral("INSERT INTO article_fts (article_fts, rowid, body, title, byline, captions) "
                   "SELECT 'delete', s.sort_key, v.body, v.title, v.byline, v.captions "
                   "FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = ?");
const QString RemoveUni =
    QStringLiteral("INSERT INTO article_uni (article_uni, rowid, text) SELECT 'delete', s.sort_key, v.everything "
                   "FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = ?");
const QString RemoveRow = QStringLiteral("DELETE FROM article_search WHERE article_id = ?");

struct Statements
{
    explicit Statements(const QSqlDatabase &db)
        : removeFts(db)
        , removeUni(db)
        , removeRow(db)
    {}
    bool prepare(QString *error)
    {
        return store::prepare(removeFts, RemoveFts, error) && store::prepare(removeUni, RemoveUni, error) &&
               store::prepare(removeRow, RemoveRow, error);
    }
    bool remove(qint64 id, QString *error)
    {
        for (QSqlQuery *q : {&removeFts, &removeUni, &removeRow}) {
            q->bindValue(0, id);
            if (!q->exec())
                return fail(error, QStringLiteral("cannot remove article %1 from the search index").arg(id), *q);
        }
        return true;
    }
    QSqlQuery removeFts;
    QSqlQuery removeUni;
    QSqlQuery removeRow;
};

// Runs the writes of body inside the caller's transaction (the importer's) as a savepoint, or in a
// transaction of its own, so they go in together or not at all either way.
template<typename Body>
bool inWriteScope(const QSqlDatabase &db, QString *error, Body body)
{
    WriteScope scope(db);
    if (!scope.isActive()) {
        if (error)
            *error = QStringLiteral("cannot start a transaction for the search index: %1").arg(scope.lastError());
        return false;
    }
    if (!body())
        return false;
    if (!scope.commit()) {
        if (error)
            *error = QStringLiteral("cannot commit the search index: %1").arg(scope.lastError());
        return false;
    }
    return true;
}

struct Where
{
    QString sql;
    QList<QPair<QString, QVariant>> values;
};

Where whereFor(const SearchQuery::Plan &plan, const SearchOptions &options)
{
    const QString t = tableName(plan.driver);
    Where w;
    w.sql = t + QLatin1String(" MATCH :match");
    w.values << qMakePair(QStringLiteral(":match"), QVariant(plan.match));
    for (int i = 0; i < plan.conditions.size(); ++i) {
        const SearchQuery::Condition &c = plan.conditions[i];
        const QString other = tableName(c.table);
        const QString name = QStringLiteral(":c%1").arg(i);
        w.sql += QLatin1String(" AND ") + t + QLatin1String(".rowid ") + QLatin1String(c.exclude ? "NOT IN" : "IN") +
                 QLatin1String(" (SELECT rowid FROM ") + other + QLatin1String(" WHERE ") + other +
                 QLatin1String(" MATCH ") + name + QLatin1Char(')');
        w.values << qMakePair(name, QVariant(c.match));
    }
    // A term with punctuation inside: its parts matched in a row; the text says whether with
    // that punctuation between them.
    for (int i = 0; i < plan.verify.size(); ++i) {
        const QString name = QStringLiteral(":v%1").arg(i);
        w.sql += QLatin1String(" AND baokan_contains((SELECT v.everything FROM article_search s "
                               "JOIN article_search_text v ON v.id = s.article_id WHERE s.sort_key = ") +
                 t + QLatin1String(".rowid), ") + name + QLatin1Char(')');
        w.values << qMakePair(name, QVariant(QString::fromUtf8(plan.verify[i])));
    }
    if (options.from.isValid()) {
        w.sql += QLatin1String(" AND ") + t + QLatin1String(".rowid >= :from");
        w.values << qMakePair(QStringLiteral(":from"), QVariant(SearchSortKey::rangeOf(options.from).first));
    }
    if (options.to.isValid()) {
        w.sql += QLatin1String(" AND ") + t + QLatin1String(".rowid <= :to");
        w.values << qMakePair(QStringLiteral(":to"), QVariant(SearchSortKey::rangeOf(options.to).last));
    }
    // Undated issues sort as day 0: a range with only an end must not take them in.
    if (options.to.isValid() && !options.from.isValid()) {
        w.sql += QLatin1String(" AND ") + t + QLatin1String(".rowid > :dated");
        w.values << qMakePair(QStringLiteral(":dated"), QVariant(SearchSortKey::WithinDay));
    }
    const QString articleOfRow = QLatin1String("SELECT 1 FROM article_search s JOIN article a ON a.id = s.article_id ");
    const QString thisRow = QLatin1String(" s.sort_key = ") + t + QLatin1String(".rowid");
    if (options.issueId) {
        w.sql += QLatin1String(" AND EXISTS (") + articleOfRow + QLatin1String("WHERE") + thisRow +
                 QLatin1String(" AND a.issue_id = :issue)");
        w.values << qMakePair(QStringLiteral(":issue"), QVariant(*options.issueId));
    }
    if (options.tagId) {
        w.sql += QLatin1String(" AND EXISTS (") + articleOfRow +
                 QLatin1String("JOIN article_tag g ON g.article_key = a.key WHERE") + thisRow +
                 QLatin1String(" AND g.tag_id = :tag)");
        w.values << qMakePair(QStringLiteral(":tag"), QVariant(*options.tagId));
    }
    if (!options.entity.isEmpty()) {
        w.sql += QLatin1String(" AND EXISTS (") + articleOfRow +
                 QLatin1String("JOIN entity_mention m ON m.article_id = a.id WHERE") + thisRow +
                 QLatin1String(" AND m.text = :entity") +
                 QLatin1String(options.entityType.isEmpty() ? ")" : " AND m.type = :entityType)");
        w.values << qMakePair(QStringLiteral(":entity"), QVariant(options.entity));
        if (!options.entityType.isEmpty())
            w.values << qMakePair(QStringLiteral(":entityType"), QVariant(options.entityType));
    }
    return w;
}

void bindAll(QSqlQuery &q, const Where &w)
{
    for (const auto &[name, value] : w.values)
        q.bindValue(name, value);
}

} // namespace

bool SearchIndex::indexArticles(const QSqlDatabase &db, const QList<qint64> &articleIds, QString *error)
{
    if (articleIds.isEmpty())
        return true;
    return inWriteScope(db, error, [&] {
        SearchIndexWriter writer(db);
        if (!writer.prepare(error))
            return false;
        // Articles come in id order, their sort keys in date order: written as they come, each
        // article dated before the one before it would make FTS5 start a new segment.
        writer.setBuffered(true);
        for (const qint64 id : articleIds) {
            if (!writer.index(id, error))
                return false;
        }
        return writer.flush(error);
    });
}

bool SearchIndex::removeArticles(const QSqlDatabase &db, const QList<qint64> &articleIds, QString *error)
{
    if (articleIds.isEmpty())
        return true;
    return inWriteScope(db, error, [&] {
        Statements statements(db);
        if (!statements.prepare(error))
            return false;
        for (const qint64 id : articleIds) {
            if (!statements.remove(id, error))
                return false;
        }
        return true;
    });
}

bool SearchIndex::rebuild(const QSqlDatabase &db, const Progress &progress, const std::atomic<bool> *cancel,
                          QString *error)
{
    {
        Transaction transaction(db);
        QSqlQuery q(db);
        for (const char *sql :
             {"INSERT INTO article_fts (article_fts) VALUES ('delete-all')",
              "INSERT INTO article_uni (article_uni) VALUES ('delete-all')", "DELETE FROM article_search",
              // Built again with the index, without the words no article uses any more.
              "DELETE FROM pinyin_word"}) {
            if (!q.exec(QString::fromLatin1(sql)))
                return fail(error, QStringLiteral("cannot empty the search index"), q);
        }
        if (!transaction.commit()) {
            if (error)
                *error = QStringLiteral("cannot empty the search index: %1").arg(transaction.lastError());
            return false;
        }
    }
    if (!indexMissing(db, progress, cancel, error))
        return false;
    // One segment per table makes queries read each term's list once.
    QSqlQuery q(db);
    for (const char *sql : {"INSERT INTO article_fts (article_fts) VALUES ('optimize')",
                            "INSERT INTO article_uni (article_uni) VALUES ('optimize')"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return fail(error, QStringLiteral("cannot optimize the search index"), q);
    }
    return true;
}

bool SearchIndex::isEmptyForArticles(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(
               QStringLiteral("SELECT EXISTS (SELECT 1 FROM article) AND NOT EXISTS (SELECT 1 FROM article_search)")) &&
           q.next() && q.value(0).toBool();
}

std::optional<qint64> SearchIndex::indexMissing(const QSqlDatabase &db, const Progress &progress,
                                                const std::atomic<bool> *cancel, QString *error)
{
    QList<qint64> ids;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT a.id FROM article a WHERE NOT EXISTS "
                                   "(SELECT 1 FROM article_search s WHERE s.article_id = a.id) ORDER BY a.id"))) {
            fail(error, QStringLiteral("cannot list articles"), q);
            return std::nullopt;
        }
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    const qint64 total = ids.size();
    if (progress)
        progress(0, total);
    for (qint64 done = 0; done < total; done += RebuildBatch) {
        if (cancel && cancel->load()) {
            if (error)
                *error = QStringLiteral("indexing was cancelled after %1 of %2 articles").arg(done).arg(total);
            return std::nullopt;
        }
        if (!indexArticles(db, ids.mid(done, RebuildBatch), error))
            return std::nullopt;
        if (progress)
            progress(std::min(total, done + RebuildBatch), total);
    }
    return total;
}

std::optional<qint64> SearchIndex::count(const QSqlDatabase &db, const QString &query, const SearchOptions &options,
                                         QString *error)
{
    const SearchQuery::Plan plan = SearchQuery::parse(query, lookupIn(db)).plan();
    if (plan.driver == SearchQuery::Table::None)
        return 0;
    const Where where = whereFor(plan, options);
    QSqlQuery q(db);
    if (!prepare(q,
                 QLatin1String("SELECT count(*) FROM ") + tableName(plan.driver) + QLatin1String(" WHERE ") + where.sql,
                 error))
        return std::nullopt;
    bindAll(q, where);
    if (!q.exec() || !q.next()) {
        fail(error, QStringLiteral("search failed"), q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<SearchResult> SearchIndex::search(const QSqlDatabase &db, const QString &query,
                                                const SearchOptions &options, QString *error)
{
    const SearchQuery parsed = SearchQuery::parse(query, lookupIn(db));
    const SearchQuery::Plan plan = parsed.plan();
    SearchResult result;
    if (plan.driver == SearchQuery::Table::None) {
        result.total = 0;
        return result;
    }
    if (options.countTotal) {
        const auto total = count(db, query, options, error);
        if (!total)
            return std::nullopt;
        result.total = *total;
    }
    const QString t = tableName(plan.driver);
    // The unigram table has no positions to score: one-character queries sort by date.
    const bool ranked = plan.driver == SearchQuery::Table::Main && options.sort == SearchOptions::Sort::Relevance;
    const QString rowid = t + QLatin1String(".rowid");
    QList<QPair<qint64, double>> rows;
    auto select = [&](const Where &w, const QString &score, const QString &order, int limit, int offset) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!prepare(q,
                     QLatin1String("SELECT ") + rowid + QLatin1String(", ") + score + QLatin1String(" FROM ") + t +
                         QLatin1String(" WHERE ") + w.sql + QLatin1String(" ORDER BY ") + order +
                         QLatin1String(" LIMIT :limit OFFSET :offset"),
                     error))
            return false;
        bindAll(q, w);
        q.bindValue(QStringLiteral(":limit"), std::max(0, limit));
        q.bindValue(QStringLiteral(":offset"), std::max(0, offset));
        if (!q.exec())
            return fail(error, QStringLiteral("search failed"), q);
        while (q.next())
            rows << qMakePair(q.value(0).toLongLong(), -q.value(1).toDouble());
        return true;
    };
    const Where where = whereFor(plan, options);
    if (!ranked) {
        const QString order =
            rowid + QLatin1String(options.sort == SearchOptions::Sort::DateAscending ? " ASC" : " DESC");
        if (!select(where, QStringLiteral("0"), order, options.limit, options.offset))
            return std::nullopt;
    } else {
        // Relevance sort scores only the newest options.rankWindow matches: ranking reads every
        // scored row's positions, and ranking all 500,000 articles that say 工作 takes seconds. A
        // term that common has no "most relevant" hit anyway; a reader of a paper expects recent
        // ones. The window's oldest match: walking rowids newest first costs no scoring.
        const int rankWindow = std::max(1, options.rankWindow);
        QSqlQuery edge(db);
        edge.setForwardOnly(true);
        if (!prepare(edge,
                     QLatin1String("SELECT ") + rowid + QLatin1String(" FROM ") + t + QLatin1String(" WHERE ") +
                         where.sql + QLatin1String(" ORDER BY ") + rowid +
                         QLatin1String(" DESC LIMIT 1 OFFSET :window"),
                     error))
            return std::nullopt;
        bindAll(edge, where);
        edge.bindValue(QStringLiteral(":window"), rankWindow - 1);
        if (!edge.exec()) {
            fail(error, QStringLiteral("search failed"), edge);
            return std::nullopt;
        }
        const QVariant oldest = edge.next() ? edge.value(0) : QVariant();
        edge.finish();
        Where window = where;
        if (!oldest.isNull()) {
            window.sql += QLatin1String(" AND ") + rowid + QLatin1String(" >= :oldest");
            window.values << qMakePair(QStringLiteral(":oldest"), oldest);
        }
        // Titles weigh most, then bylines, body and captions.
        if (!select(window, QStringLiteral("baokan_rank(article_fts, 1.0, 10.0, 4.0, 1.0)"),
                    QStringLiteral("2, ") + rowid + QLatin1String(" DESC"), options.limit, options.offset))
            return std::nullopt;
        if (!oldest.isNull() && rows.size() < options.limit) {
            // Past the window, the older matches follow newest first, unscored.
            Where older = where;
            older.sql += QLatin1String(" AND ") + rowid + QLatin1String(" < :oldest");
            older.values << qMakePair(QStringLiteral(":oldest"), oldest);
            if (!select(older, QStringLiteral("0"), rowid + QLatin1String(" DESC"), options.limit - int(rows.size()),
                        options.offset - rankWindow))
                return std::nullopt;
        }
    }

    QSqlQuery article(db);
    article.setForwardOnly(true);
    if (!prepare(article,
                 QStringLiteral("SELECT a.key, coalesce(i.user_date, i.date), a.display_title, a.body, a.id "
                                "FROM article_search s JOIN article a ON a.id = s.article_id "
                                "JOIN issue i ON i.id = a.issue_id WHERE s.sort_key = ?"),
                 error))
        return std::nullopt;
    for (const auto &[key, relevanceScore] : rows) {
        article.bindValue(0, key);
        if (!article.exec()) {
            fail(error, QStringLiteral("cannot read a hit"), article);
            return std::nullopt;
        }
        if (!article.next())
            continue;
        SearchHit hit;
        hit.articleId = article.value(4).toLongLong();
        hit.key = article.value(0).toString();
        hit.issueDate = article.value(1).toString();
        hit.title = article.value(2).toString();
        const QString body = article.value(3).toString();
        hit.snippet = snippet(body, parsed.matchRanges(body));
        hit.score = relevanceScore;
        result.hits << hit;
    }
    return result;
}

QList<TextRange> SearchIndex::matchRanges(const QString &query, const QString &text)
{
    return SearchQuery::parse(query).matchRanges(text);
}

QString SearchIndex::snippet(const QString &text, const QList<TextRange> &ranges, int length)
{
    const QList<uint> chars = text.toUcs4();
    const int n = int(chars.size());
    // Some context before the first match, most of the room after it.
    const int start = ranges.isEmpty() ? 0 : std::max(0, std::min(ranges.first().start - length / 4, n - length));
    const int end = std::min(n, start + length);
    QString out;
    if (start > 0)
        out += QChar(0x2026);
    qsizetype r = 0;
    bool inside = false;
    for (int i = start; i < end; ++i) {
        while (r < ranges.size() && ranges[r].end <= i)
            ++r;
        const bool covered = r < ranges.size() && ranges[r].start <= i;
        if (covered != inside) {
            out += QChar(covered ? MatchOpen : MatchClose);
            inside = covered;
        }
        const char32_t c = chars[i];
        if (c == U'\n' || c == 0x1F)
            out += QLatin1Char(' ');
        else if (c < 0x10000)
            out += QChar(char16_t(c));
        else
            out += QString::fromUcs4(&c, 1);
    }
    if (inside)
        out += QChar(MatchClose);
    if (end < n)
        out += QChar(0x2026);
    return out;
}

} // namespace baokan::store
