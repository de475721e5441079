// SPDX-License-Identifier: MIT
#pragma once

#include "store/articlestore.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <optional>

namespace baokan::store {
class Database;
}

namespace baokan::models {

// The articles of one issue, or of a list of keys (a tag, an entity, a search), for the article
// pane. Rows hold titles and bylines only, never bodies, and come in batches through
// canFetchMore()/fetchMore(), so a list of a million stays small. GUI thread.
class ArticleListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, DetailColumn, ReportersColumn, ColumnCount };
    enum Role {
        ArticleIdRole = Qt::UserRole, // qint64
        ArticleKeyRole,               // QString, stable across re-import
        HasPrintedTitleRole,          // bool: false when the title shown was made from the text
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

    // The row of an article, fetching further batches until it is found; invalid when it is not
    // in this list.
    QModelIndex indexOfKey(const QString &key);
    QString articleKey(int row) const;
    qint64 articleId(int row) const;

private:
    bool isRow(const QModelIndex &index) const;

    store::ArticleStore m_store;
    Filter m_filter;
    QList<store::ArticleRow> m_rows;
    int m_total = 0;         // rows to expect in issue mode
    qsizetype m_nextKey = 0; // next key to look up in key mode
    bool m_fetching = false;
};

} // namespace baokan::models
