// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace baokan::store {

class Database;

// Everything the reader shows of one article, with the issue it belongs to.
struct ArticleRecord
{
    qint64 id = 0;
    QString key; // stable across re-import; user data refers to it
    qint64 issueId = 0;
    QString issueName; // as shown (the user's name wins)
    QDate issueDate;   // as shown; invalid when unknown
    bool issueDateInferred = true;
    int page = 0;    // ordinal of its page within the issue
    int ordinal = 0; // order within the issue
    QString title;   // null when the page prints none
    QString displayTitle;
    QString kicker;
    QString subtitle;
    QString dateline;
    QStringList reporters;
    QStringList correspondents;
    QStringList interns;
    QStringList photographers;
    QString source;
    QStringList paragraphs;
    QStringList captions;

    bool hasPrintedTitle() const { return !title.isNull(); }
    QString body() const { return paragraphs.join(QLatin1Char('\n')); }
};

// One row of an article list: no body, so a list of a million stays small.
struct ArticleRow
{
    qint64 id = 0;
    QString key;
    qint64 issueId = 0;
    QDate issueDate; // as shown; invalid when unknown (lists across issues show it)
    QString title;   // null when the page prints none
    QString displayTitle;
    QString kicker;
    QString subtitle;
    QStringList reporters;

    bool hasPrintedTitle() const { return !title.isNull(); }
};

// One line of the archive-wide listing (`baokan articles`).
struct ArticleListing
{
    QString key;
    QString issueName;
    QDate issueDate;
    QString title; // the printed title, else the display title
};

// Reads articles. Import writes them (importer.cpp); this class never changes imported text.
// Uses the calling thread's connection of the Database, so it may be used from any thread.
class ArticleStore
{
public:
    explicit ArticleStore(const Database *db);

    std::optional<ArticleRecord> article(qint64 id) const;
    std::optional<ArticleRecord> articleByKey(const QString &key) const;

    int count() const;
    int countInIssue(qint64 issueId) const;
    // In page order.
    QList<ArticleRow> summaries(qint64 issueId, int offset, int limit) const;
    // In the order of keys; keys that name no article are left out.
    QList<ArticleRow> summariesByKeys(const QStringList &keys) const;
    QStringList keysInIssue(qint64 issueId) const;

    // Calls visit for every article, newest issue first, without holding them all in memory.
    // Returns false when the archive could not be read.
    bool forEachListing(const std::function<void(const ArticleListing &)> &visit, QString *error = nullptr) const;

    // How lists of names and captions are kept in one column.
    static QString joinList(const QStringList &list);
    static QStringList splitList(const QString &joined);

private:
    std::optional<ArticleRecord> articleWhere(const QString &column, const QVariant &value) const;

    const Database *m_db;
};

} // namespace baokan::store
