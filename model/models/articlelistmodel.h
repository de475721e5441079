// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"
#include "store/articlestore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace baokan::store {
class Database;
}

namespace baokan::models {

// The articles of one issue, or of a list of keys (a tag filter, an entity), for the article
// pane. Rows hold titles, bylines and tags only, never bodies, and come in batches through
// canFetchMore()/fetchMore(), each batch with its tags read in one query, so a list of a million
// stays small and painting never queries. GUI thread.
class ArticleListModel final : public QAbstractTableModel
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
    static constexpr int kBatchSize = 200;

    // Which articles to list. With keys, in their order and limited to issueId when that is set;
    // without, the articles of issueId in page order. Nothing when neither is set.
    struct Filter
    {
        qint64 issueId = 0;
        std::optional<QStringList> keys;
    };

    explicit ArticleListModel(store::Database *db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setIssue(qint64 issueId);
    void setArticleKeys(const QStringList &keys);
    void setFilter(const Filter &filter);
    Filter filter() const { return m_filter; }
    qint64 issueId() const { return m_filter.issueId; }
    // Reads the articles again under the same filter, e.g. after an import.
    void reload();
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
    struct Row
    {
        store::ArticleRow article;
        QList<store::Tag> tags;
    };
    bool isRow(const QModelIndex &index) const;
    QHash<QString, QList<store::Tag>> tagsFor(const QList<Row> &rows, qsizetype from, qsizetype count) const;

    const store::Database *m_db;
    store::ArticleStore m_store;
    Filter m_filter;
    QList<Row> m_rows;
    int m_total = 0;         // rows to expect in issue mode
    qsizetype m_nextKey = 0; // next key to look up in key mode
    bool m_fetching = false;
};

} // namespace baokan::models
