// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
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
    QString title;     // display title
    QString issueName; // as the window shows it: the user's, else the readable one
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
    // The fields a highlight may be on, by the names entity mentions use too.
    static QStringList highlightFields();
    // The text of such a field as highlight offsets count it (captions joined by line breaks, as
    // the reader shows them); nothing for an unknown article or field.
    std::optional<QString> fieldText(const QString &key, const QString &field) const;
    // Every highlightable field of the article; nothing for an unknown article.
    std::optional<QHash<QString, QString>> highlightTexts(const QString &key) const;
    // The same from the stored columns, for import, which has them at hand.
    static QHash<QString, QString> highlightTexts(const QString &kicker, const QString &title, const QString &subtitle,
                                                  const QString &body, const QString &joinedCaptions);
    std::optional<ArticleCitation> summary(const QString &key) const;
    // Entity mentions of one field lying wholly inside the code-point range [start, end).
    QList<MentionRef> mentionsWithin(qint64 articleId, const QString &field, qint64 start, qint64 end) const;
    // Keys of the articles in the issues whose name (the user's, else the readable or the stored
    // imported one) or date is `issue`.
    QStringList keysInIssue(const QString &issue) const;

private:
    QSqlDatabase m_db;
};

} // namespace baokan::store
