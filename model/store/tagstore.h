// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace baokan::store {

class Database;

// Tags and their attachment to articles (by article key). Reads go straight to the archive;
// every write is an undoable Edit from TagEdits, and the write methods here apply such an edit
// at once for callers with no undo stack (command line, import). Used on the connection's thread.
class TagStore
{
public:
    explicit TagStore(QSqlDatabase db);
    // The calling thread's connection of the archive.
    explicit TagStore(const store::Database *db);

    // The spelling kept for display: NFKC (full-width Latin becomes ASCII), whitespace trimmed
    // and collapsed to single spaces.
    static QString normalizeName(const QString &name);
    // What makes two names the same tag: the normalized name, case-folded.
    static QString foldName(const QString &name);
    // Colours handed to new tags in turn; the user can change them.
    static QStringList palette();
    static bool isColor(const QString &color);

    // Every tag with the number of articles carrying it, sorted by name.
    QList<Tag> tags() const;
    std::optional<Tag> tag(qint64 id) const;
    std::optional<Tag> findByName(const QString &name) const;
    // The tags on one article, sorted by name.
    QList<Tag> tagsFor(const QString &articleKey) const;
    // The attachments of one tag, in article-key order.
    QList<ArticleTag> links(qint64 tagId) const;
    std::optional<ArticleTag> link(const QString &articleKey, qint64 tagId) const;
    int articleCount(qint64 tagId) const;
    // Keys of the articles carrying all (or any) of the tags, for the article list's tag filter:
    // only articles in the archive, newest issue first and in page order within an issue.
    QStringList articlesInReadingOrder(const QList<qint64> &tagIds, bool all) const;
    // The tags of each of these articles (sorted by name), read in one query: one page of an
    // article list. Articles without tags are left out of the result.
    QHash<QString, QList<Tag>> tagsForArticles(const QStringList &articleKeys) const;

    // The palette colour used by the fewest tags; the id a new tag would get.
    QString nextColor() const;
    qint64 nextId() const;

    bool addTag(const QStringList &articleKeys, const QString &name, QString *error = nullptr);
    bool removeTag(const QStringList &articleKeys, qint64 tagId, QString *error = nullptr);
    bool renameTag(qint64 tagId, const QString &newName, QString *error = nullptr);
    bool setColor(qint64 tagId, const QString &color, QString *error = nullptr);
    bool mergeTags(qint64 fromId, qint64 intoId, QString *error = nullptr);
    // *articlesTouched (when given) receives how many articles lost the tag.
    bool deleteTag(qint64 tagId, int *articlesTouched = nullptr, QString *error = nullptr);

private:
    QList<Tag> readTags(const QString &sql, const QVariantMap &bindings) const;

    QSqlDatabase m_db;
};

} // namespace baokan::store
