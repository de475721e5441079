// SPDX-License-Identifier: MIT
#pragma once

#include "models/pagedtablemodel.h"
#include "store/articlestore.h"

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
class ArticleListModel final : public PagedTableModel<store::ArticleRow>
{
    Q_OBJECT

public:
    enum Column { TitleColumn, DetailColumn, ReportersColumn, ColumnCount };
    enum Role {
        ArticleIdRole = Qt::UserRole, // qint64
        ArticleKeyRole,               // QString, stable across re-import
        HasPrintedTitleRole,          // bool: false when the title shown was made from the text
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

    // The row of an article, fetching further batches until it is found; invalid when it is not
    // in this list.
    QModelIndex indexOfKey(const QString &key);
    QString articleKey(int row) const;
    qint64 articleId(int row) const;

private:
    int countRows() override;
    QList<store::ArticleRow> fetchRows(int offset, int limit) override;
    bool hasMoreRows() const override;

    store::ArticleStore m_store;
    Filter m_filter;
    qsizetype m_nextKey = 0; // next key to look up in key mode
};

} // namespace baokan::models
