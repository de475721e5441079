// SPDX-License-Identifier: MIT
#include "store/articlestore.h"

#include "store/database.h"
#include "store/issuestore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace baokan::store {

namespace {

// A unit separator cannot occur in cleaned page text, so names never need escaping.
constexpr QChar kListSeparator(0x1f);

// The issue is joined for its date: lists across issues show it.
const QLatin1String kSummaryColumns("a.id, a.key, a.issue_id, a.title, a.display_title, a.kicker, a.subtitle, "
                                    "a.reporters, coalesce(i.user_date, i.date)");

ArticleRow readSummary(const QSqlQuery &q)
{
    ArticleRow r;
    r.id = q.value(0).toLongLong();
    r.key = q.value(1).toString();
    r.issueId = q.value(2).toLongLong();
    r.title = q.value(3).toString();
    r.displayTitle = q.value(4).toString();
    r.kicker = q.value(5).toString();
    r.subtitle = q.value(6).toString();
    r.reporters = ArticleStore::splitList(q.value(7).toString());
    r.issueDate = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    return r;
}

} // namespace

ArticleStore::ArticleStore(const Database *db)
    : m_db(db)
{}

QString ArticleStore::joinList(const QStringList &list)
{
    return list.join(kListSeparator);
}

QStringList ArticleStore::splitList(const QString &joined)
{
    return joined.isEmpty() ? QStringList() : joined.split(kListSeparator);
}

std::optional<ArticleRecord> ArticleStore::article(qint64 id) const
{
    return articleWhere(QStringLiteral("a.id"), id);
}

std::optional<ArticleRecord> ArticleStore::articleByKey(const QString &key) const
{
    return articleWhere(QStringLiteral("a.key"), key);
}

std::optional<ArticleRecord> ArticleStore::articleWhere(const QString &column, const QVariant &value) const
{
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    // column is one of two names chosen above, never user text.
    q.prepare(QStringLiteral("SELECT a.id, a.key, a.issue_id, coalesce(i.user_name, i.name), "
                             "coalesce(i.user_date, i.date), i.user_date IS NULL AND i.date_inferred, "
                             "coalesce(p.ordinal, 0), a.ordinal, a.title, a.display_title, a.kicker, a.subtitle, "
                             "a.dateline, a.reporters, a.correspondents, a.interns, a.photographers, a.source, "
                             "a.body, a.captions, i.user_name IS NULL "
                             "FROM article a JOIN issue i ON i.id = a.issue_id LEFT JOIN page p ON p.id = a.page_id "
                             "WHERE %1 = :value")
                  .arg(column));
    q.bindValue(QStringLiteral(":value"), value);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QString body = q.value(18).toString();
    ArticleRecord r;
    r.id = q.value(0).toLongLong();
    r.key = q.value(1).toString();
    r.issueId = q.value(2).toLongLong();
    // The reader names the issue as the issue list does.
    r.issueName = q.value(20).toBool() ? IssueRecord::readableName(q.value(3).toString()) : q.value(3).toString();
    r.issueDate = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    r.issueDateInferred = q.value(5).toBool();
    r.page = q.value(6).toInt();
    r.ordinal = q.value(7).toInt();
    r.title = q.value(8).toString();
    r.displayTitle = q.value(9).toString();
    r.kicker = q.value(10).toString();
    r.subtitle = q.value(11).toString();
    r.dateline = q.value(12).toString();
    r.reporters = splitList(q.value(13).toString());
    r.correspondents = splitList(q.value(14).toString());
    r.interns = splitList(q.value(15).toString());
    r.photographers = splitList(q.value(16).toString());
    r.source = q.value(17).toString();
    r.paragraphs = body.isEmpty() ? QStringList() : body.split(QLatin1Char('\n'));
    r.captions = splitList(q.value(19).toString());
    return r;
}

int ArticleStore::count() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM article")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

int ArticleStore::countInIssue(qint64 issueId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM article WHERE issue_id = :issue"));
    q.bindValue(QStringLiteral(":issue"), issueId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<ArticleRow> ArticleStore::summaries(qint64 issueId, int offset, int limit) const
{
    QList<ArticleRow> out;
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM article a JOIN issue i ON i.id = a.issue_id WHERE a.issue_id = :issue "
                             "ORDER BY a.ordinal "
                             "LIMIT :limit OFFSET :offset")
                  .arg(kSummaryColumns));
    q.bindValue(QStringLiteral(":issue"), issueId);
    q.bindValue(QStringLiteral(":limit"), limit);
    q.bindValue(QStringLiteral(":offset"), offset);
    if (!q.exec())
        return out;
    while (q.next())
        out << readSummary(q);
    return out;
}

QList<ArticleRow> ArticleStore::summariesByKeys(const QStringList &keys) const
{
    QList<ArticleRow> out;
    if (keys.isEmpty())
        return out;
    // One placeholder per key (the count is ours, the keys are bound); SQLite allows 32766.
    QStringList marks;
    marks.reserve(keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM article a JOIN issue i ON i.id = a.issue_id WHERE a.key IN (%2)")
                  .arg(kSummaryColumns, marks.join(QLatin1Char(','))));
    for (const QString &key : keys)
        q.addBindValue(key);
    if (!q.exec())
        return out;
    QHash<QString, ArticleRow> found;
    while (q.next()) {
        ArticleRow s = readSummary(q);
        found.insert(s.key, s);
    }
    out.reserve(found.size());
    for (const QString &key : keys) {
        const auto it = found.constFind(key);
        if (it != found.constEnd())
            out << *it;
    }
    return out;
}

QStringList ArticleStore::keysInIssue(qint64 issueId) const
{
    QStringList out;
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT key FROM article WHERE issue_id = :issue ORDER BY ordinal"));
    q.bindValue(QStringLiteral(":issue"), issueId);
    if (!q.exec())
        return out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

bool ArticleStore::forEachListing(const std::function<void(const ArticleListing &)> &visit, QString *error) const
{
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT a.key, coalesce(i.user_name, i.name), coalesce(i.user_date, i.date), "
                               "coalesce(a.title, a.display_title), i.user_name IS NULL "
                               "FROM issue i JOIN article a ON a.issue_id = i.id "
                               "ORDER BY coalesce(i.user_date, i.date) IS NULL, coalesce(i.user_date, i.date) DESC, "
                               "i.id DESC, a.ordinal"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        ArticleListing r;
        r.key = q.value(0).toString();
        // The name the window shows and the notes export writes.
        r.issueName = q.value(4).toBool() ? IssueRecord::readableName(q.value(1).toString()) : q.value(1).toString();
        r.issueDate = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        r.title = q.value(3).toString();
        visit(r);
    }
    return true;
}

} // namespace baokan::store
