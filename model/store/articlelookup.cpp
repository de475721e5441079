// SPDX-License-Identifier: MIT
#include "store/articlelookup.h"

#include "store/articlestore.h"
#include "store/database.h"
#include "store/issuestore.h"

#include <QSqlQuery>

namespace baokan::store {

ArticleLookup::ArticleLookup(QSqlDatabase db)
    : m_db(std::move(db))
{}

ArticleLookup::ArticleLookup(const store::Database *db)
    : m_db(db->connection())
{}

bool ArticleLookup::exists(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM article WHERE key = :key"));
    q.bindValue(QStringLiteral(":key"), key);
    return q.exec() && q.next();
}

std::optional<QString> ArticleLookup::body(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT body FROM article WHERE key = :key"));
    q.bindValue(QStringLiteral(":key"), key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

QStringList ArticleLookup::highlightFields()
{
    return {QStringLiteral("kicker"), QStringLiteral("title"), QStringLiteral("subtitle"), QStringLiteral("body"),
            QStringLiteral("caption")};
}

QHash<QString, QString> ArticleLookup::highlightTexts(const QString &kicker, const QString &title,
                                                      const QString &subtitle, const QString &body,
                                                      const QString &joinedCaptions)
{
    return {{QStringLiteral("kicker"), kicker},
            {QStringLiteral("title"), title},
            {QStringLiteral("subtitle"), subtitle},
            {QStringLiteral("body"), body},
            {QStringLiteral("caption"), ArticleStore::splitList(joinedCaptions).join(QLatin1Char('\n'))}};
}

std::optional<QHash<QString, QString>> ArticleLookup::highlightTexts(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT kicker, title, subtitle, body, captions FROM article WHERE key = :key"));
    q.bindValue(QStringLiteral(":key"), key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return highlightTexts(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toString());
}

std::optional<QString> ArticleLookup::fieldText(const QString &key, const QString &field) const
{
    if (!highlightFields().contains(field))
        return std::nullopt;
    const auto texts = highlightTexts(key);
    if (!texts)
        return std::nullopt;
    return texts->value(field);
}

std::optional<ArticleCitation> ArticleLookup::summary(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.id, a.display_title, i.user_name, i.name, "
                             "coalesce(i.user_date, i.date, ''), a.ordinal FROM article a "
                             "JOIN issue i ON i.id = a.issue_id WHERE a.key = :key"));
    q.bindValue(QStringLiteral(":key"), key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    ArticleCitation s;
    s.id = q.value(0).toLongLong();
    s.key = key;
    s.title = q.value(1).toString();
    // The name the window shows, so an exported row can be found again by eye.
    IssueRecord issue;
    issue.userName = q.value(2).toString();
    issue.name = q.value(3).toString();
    s.issueName = issue.displayName();
    s.issueDate = q.value(4).toString();
    s.ordinal = q.value(5).toInt();
    return s;
}

QList<MentionRef> ArticleLookup::mentionsWithin(qint64 articleId, const QString &field, qint64 start, qint64 end) const
{
    QList<MentionRef> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT start, end, type, text FROM entity_mention WHERE article_id = :id "
                             "AND field = :field AND start >= :start AND end <= :end ORDER BY start, end"));
    q.bindValue(QStringLiteral(":id"), articleId);
    q.bindValue(QStringLiteral(":field"), field);
    q.bindValue(QStringLiteral(":start"), start);
    q.bindValue(QStringLiteral(":end"), end);
    if (!q.exec())
        return out;
    while (q.next())
        out << MentionRef{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                          q.value(3).toString()};
    return out;
}

QStringList ArticleLookup::keysInIssue(const QString &issue) const
{
    // The names are compared here, not in SQL: the readable name the window shows is made in C++.
    QSqlQuery issues(m_db);
    issues.setForwardOnly(true);
    if (!issues.exec(QStringLiteral("SELECT id, user_name, name, coalesce(user_date, date) FROM issue")))
        return {};
    QList<qint64> ids;
    while (issues.next()) {
        IssueRecord r;
        r.userName = issues.value(1).toString();
        r.name = issues.value(2).toString();
        const bool named = r.displayName() == issue || (r.userName.isEmpty() && r.name == issue);
        if (named || issues.value(3).toString() == issue)
            ids << issues.value(0).toLongLong();
    }
    QStringList out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT key FROM article WHERE issue_id = :issue"));
    for (const qint64 id : std::as_const(ids)) {
        q.bindValue(QStringLiteral(":issue"), id);
        if (!q.exec())
            return {};
        while (q.next())
            out << q.value(0).toString();
    }
    out.sort();
    return out;
}

} // namespace baokan::store
