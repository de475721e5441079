// SPDX-License-Identifier: MIT
#include "store/issuestore.h"

#include "store/database.h"
#include "store/searchindex.h"
#include "store/searchsortkey.h"
#include "store/transaction.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace baokan::store {

namespace {

const QLatin1String kColumns("id, source, name, date, date_inferred, user_name, user_date, article_count, imported");

IssueRecord readIssue(const QSqlQuery &q)
{
    IssueRecord r;
    r.id = q.value(0).toLongLong();
    r.source = q.value(1).toString();
    r.name = q.value(2).toString();
    r.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    r.dateInferred = q.value(4).toBool();
    r.userName = q.value(5).toString();
    r.userDate = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    r.articleCount = q.value(7).toInt();
    r.imported = QDateTime::fromString(q.value(8).toString(), Qt::ISODate);
    return r;
}

bool fail(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

QString IssueRecord::readableName(const QString &storedName)
{
    // A short Latin suffix is a file type; a folder named "2023.11" keeps its dot.
    static const QRegularExpression extension(QStringLiteral("\\.[A-Za-z][A-Za-z0-9]{0,3}$"));
    // Eight or more hex digits, both digits and letters among them, after a separator: a hash,
    // not a word and not a date such as 20231115.
    static const QRegularExpression hash(
        QStringLiteral("[-_.~ ]+(?=[0-9A-Fa-f]*[0-9])(?=[0-9A-Fa-f]*[A-Fa-f])[0-9A-Fa-f]{8,}$"));
    QString readable = storedName.trimmed();
    readable.remove(extension);
    readable.remove(hash);
    return readable.isEmpty() ? storedName : readable;
}

IssueStore::IssueStore(const Database *db)
    : m_db(db)
{}

int IssueStore::count() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM issue")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<IssueRecord> IssueStore::issues(int offset, int limit) const
{
    QList<IssueRecord> out;
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    // Same expressions as the index issue_order, so SQLite walks the index instead of sorting.
    q.prepare(QStringLiteral("SELECT %1 FROM issue ORDER BY coalesce(user_date, date) IS NULL, "
                             "coalesce(user_date, date) DESC, id DESC LIMIT :limit OFFSET :offset")
                  .arg(kColumns));
    q.bindValue(QStringLiteral(":limit"), limit);
    q.bindValue(QStringLiteral(":offset"), offset);
    if (!q.exec())
        return out;
    while (q.next())
        out << readIssue(q);
    return out;
}

std::pair<QDate, QDate> IssueStore::dateRange() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT min(coalesce(user_date, date)), max(coalesce(user_date, date)) FROM issue")) ||
        !q.next())
        return {};
    return {QDate::fromString(q.value(0).toString(), Qt::ISODate),
            QDate::fromString(q.value(1).toString(), Qt::ISODate)};
}

std::optional<IssueRecord> IssueStore::issue(qint64 id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM issue WHERE id = :id").arg(kColumns));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readIssue(q);
}

std::optional<IssueRecord> IssueStore::issueBySource(const QString &source) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM issue WHERE source = :source").arg(kColumns));
    q.bindValue(QStringLiteral(":source"), source);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readIssue(q);
}

QList<PageRecord> IssueStore::pages(qint64 issueId) const
{
    QList<PageRecord> out;
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, ordinal, file, sha256, encoding, raw_bytes FROM page "
                             "WHERE issue_id = :issue ORDER BY ordinal"));
    q.bindValue(QStringLiteral(":issue"), issueId);
    if (!q.exec())
        return out;
    while (q.next()) {
        PageRecord r;
        r.id = q.value(0).toLongLong();
        r.ordinal = q.value(1).toInt();
        r.file = q.value(2).toString();
        r.sha256 = q.value(3).toString();
        r.encoding = q.value(4).toString();
        r.rawBytes = q.value(5).toLongLong();
        out << r;
    }
    return out;
}

bool IssueStore::setUserName(qint64 id, const QString &name, QString *error)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE issue SET user_name = :name WHERE id = :id"));
    q.bindValue(QStringLiteral(":name"), name.trimmed().isEmpty() ? QVariant() : QVariant(name.trimmed()));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec())
        return fail(q, error);
    if (q.numRowsAffected() != 1) {
        if (error)
            *error = QStringLiteral("no issue %1").arg(id);
        return false;
    }
    return true;
}

bool IssueStore::setUserDate(qint64 id, const QDate &date, QString *error)
{
    const QSqlDatabase db = m_db->connection();
    // The search index keys each article by its issue's date (SearchSortKey), which orders hits by
    // date and answers the date facet: the edit and the new keys go in together or not at all.
    Transaction transaction(db);
    if (!transaction.isActive()) {
        if (error)
            *error = transaction.lastError();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT coalesce(user_date, date) FROM issue WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec())
        return fail(q, error);
    if (!q.next()) {
        if (error)
            *error = QStringLiteral("no issue %1").arg(id);
        return false;
    }
    const QString before = q.value(0).toString();
    q.finish();
    q.prepare(QStringLiteral("UPDATE issue SET user_date = :date WHERE id = :id"));
    q.bindValue(QStringLiteral(":date"), date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant());
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec())
        return fail(q, error);
    q.prepare(QStringLiteral("SELECT coalesce(user_date, date) FROM issue WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec() || !q.next())
        return fail(q, error);
    const QString after = q.value(0).toString();
    q.finish();
    if (SearchSortKey::dayOf(before) != SearchSortKey::dayOf(after)) {
        // Only articles already in the index: the others are the background indexer's, which
        // reads the date when it gets to them.
        q.prepare(QStringLiteral("SELECT a.id FROM article a JOIN article_search s ON s.article_id = a.id "
                                 "WHERE a.issue_id = :id ORDER BY a.ordinal, a.id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (!q.exec())
            return fail(q, error);
        QList<qint64> indexed;
        while (q.next())
            indexed << q.value(0).toLongLong();
        q.finish();
        if (!SearchIndex::indexArticles(db, indexed, error))
            return false;
    }
    if (!transaction.commit()) {
        if (error)
            *error = transaction.lastError();
        return false;
    }
    return true;
}

} // namespace baokan::store
