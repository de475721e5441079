// SPDX-License-Identifier: MIT
#pragma once

#include "models/pagedtablemodel.h"
#include "store/annotation.h"
#include "store/articlestore.h"

#include <QHash>

#include <QList>
#include <QStringList>

#include <optional>

namespace baokan::store {
class Database;
}

namespace baokan::models {

// One row of the article list: the article's list fields and its tags.
struct ArticleListRow
{
    store::ArticleRow article;
    QList<store::Tag> tags;
};

// The articles of one issue, or of a list of keys (a tag filter, an entity), for the article
// pane. Rows hold titles, bylines and tags only, never bodies, and come in batches through
// canFetchMore()/fetchMore(), each batch with its tags read in one query, so a list of a million
// stays small and painting never queries. GUI thread.
class ArticleListModel final : public PagedTableModel<ArticleListRow>
{
    Q_OBJECT

public:
    // IssueDateColumn matters for lists across issues; views hide it for one issue.
    enum Column { TitleColumn, DetailColumn, ReportersColumn, IssueDateColumn, ColumnCount };
    enum Role {
        ArticleIdRole = Qt::UserRole, // qint64
        ArticleKeyRole,               // QString, stable across re-import
        HasPrintedTitleRole,          // bool: false when the title shown was made from the text
        TagNamesRole,                 // QStringList: the article's tags, sorted by name
        TagColorsRole,                // QStringList: their colours (#rrggbb), in the same order
        IssueDateRole,                // QDate: the issue's date; invalid when unknown
    };

    // Which articles to list. With keys, in their order and limited to issueId when that is set;
    // without, the articles of issueId in page order. Nothing when neither is set.
    struct Filter
    {
        qint64 issueId = 0;
        std::optional<QStringList> keys;
    };

    explicit ArticleListModel(store::Database *db, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setIssue(qint64 issueId);
    void setArticleKeys(const QStringList &keys);
    void setFilter(const Filter &filter);
    Filter filter() const { return m_filter; }
    qint64 issueId() const { return m_filter.issueId; }
    // True when the rows come from a list of keys, possibly from many issues.
    bool isKeyList() const { return m_filter.keys.has_value(); }
    // Reads the tags of the rows fetched so far again (after tag edits, undo, rename, merge), a
    // batch per query, and reports the rows whose tags changed.
    void refreshTags();

    // The row of an article, fetching further batches until it is found; invalid when it is not
    // in this list.
    QModelIndex indexOfKey(const QString &key);
    QString articleKey(int row) const;
    qint64 articleId(int row) const;

private:
    int countRows() override;
    QList<ArticleListRow> fetchRows(int offset, int limit) override;
    bool hasMoreRows() const override;
    QHash<QString, QList<store::Tag>> tagsFor(const QList<ArticleListRow> &rows, qsizetype from, qsizetype count) const;

    const store::Database *m_db;
    store::ArticleStore m_store;
    Filter m_filter;
    qsizetype m_nextKey = 0; // next key to look up in key mode
};

} // namespace baokan::models
