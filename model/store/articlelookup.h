// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace baokan::store {

class Database;

// What a note needs to cite its article: where it appears and under which title. (Not
// ArticleStore's ArticleSummary, which is a list row.)
struct ArticleCitation
{
    qint64 id = 0;
    QString key;
    QString title; // display title
    QString issueName;
    QString issueDate; // ISO date or empty
    int ordinal = 0;
};

struct MentionRef
{
    qint64 start = 0;
    qint64 end = 0;
    QString type;
    QString text;
};

// Read-only lookups of imported articles by key, for annotations, export and the command line.
// Used on the connection's thread.
class ArticleLookup
{
public:
    explicit ArticleLookup(QSqlDatabase db);
    // The calling thread's connection of the archive.
    explicit ArticleLookup(const store::Database *db);

    bool exists(const QString &key) const;
    std::optional<QString> body(const QString &key) const;
    std::optional<ArticleCitation> summary(const QString &key) const;
    // Entity mentions of one field lying wholly inside the code-point range [start, end).
    QList<MentionRef> mentionsWithin(qint64 articleId, const QString &field, qint64 start, qint64 end) const;
    // Keys of the articles in the issues whose name (the user's, else the imported one) or date is `issue`.
    QStringList keysInIssue(const QString &issue) const;

private:
    QSqlDatabase m_db;
};

} // namespace baokan::store
