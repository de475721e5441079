// SPDX-License-Identifier: MIT
#include "models/articlelistmodel.h"

#include "store/database.h"

#include <QColor>
#include <QFont>

namespace baokan::models {

ArticleListModel::ArticleListModel(store::Database *db, QObject *parent)
    : PagedTableModel(ColumnCount, parent)
    , m_store(db)
{}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const store::ArticleRow &article = m_rows.at(index.row());
    const bool madeUpTitle = index.column() == TitleColumn && !article.hasPrintedTitle();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return article.hasPrintedTitle() ? article.title : article.displayTitle;
        case DetailColumn:
            return article.kicker.isEmpty() ? article.subtitle : article.kicker;
        case ReportersColumn:
            return article.reporters.join(QStringLiteral("、"));
        default:
            return {};
        }
    case Qt::FontRole:
        if (madeUpTitle) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        // A mid grey reads on light and dark palettes alike.
        if (madeUpTitle)
            return QColor(0x80, 0x80, 0x80);
        return {};
    case Qt::ToolTipRole:
        if (madeUpTitle)
            return tr("The page prints no headline for this article; these are its opening words.");
        return {};
    case ArticleIdRole:
        return article.id;
    case ArticleKeyRole:
        return article.key;
    case HasPrintedTitleRole:
        return article.hasPrintedTitle();
    default:
        return {};
    }
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case DetailColumn:
        return tr("Kicker / subtitle");
    case ReportersColumn:
        return tr("Reporters");
    default:
        return {};
    }
}

Qt::ItemFlags ArticleListModel::flags(const QModelIndex &index) const
{
    if (!isRow(index))
        return Qt::NoItemFlags;
    return QAbstractTableModel::flags(index) | Qt::ItemNeverHasChildren;
}

int ArticleListModel::countRows()
{
    m_nextKey = 0;
    return !m_filter.keys && m_filter.issueId ? m_store.countInIssue(m_filter.issueId) : 0;
}

bool ArticleListModel::hasMoreRows() const
{
    if (m_filter.keys)
        return m_nextKey < m_filter.keys->size();
    return PagedTableModel::hasMoreRows();
}

QList<store::ArticleRow> ArticleListModel::fetchRows(int offset, int limit)
{
    if (!m_filter.keys)
        return m_store.summaries(m_filter.issueId, offset, limit);
    const QStringList keys = m_filter.keys->mid(m_nextKey, limit);
    m_nextKey += keys.size();
    QList<store::ArticleRow> batch;
    for (const store::ArticleRow &s : m_store.summariesByKeys(keys)) {
        if (!m_filter.issueId || s.issueId == m_filter.issueId)
            batch << s;
    }
    return batch;
}

void ArticleListModel::setIssue(qint64 issueId)
{
    Filter f;
    f.issueId = issueId;
    setFilter(f);
}

void ArticleListModel::setArticleKeys(const QStringList &keys)
{
    Filter f;
    f.keys = keys;
    setFilter(f);
}

void ArticleListModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

QModelIndex ArticleListModel::indexOfKey(const QString &key)
{
    for (int row = 0;; ++row) {
        while (row >= m_rows.size()) {
            if (!canFetchMore({}))
                return {};
            fetchMore({});
        }
        if (m_rows.at(row).key == key)
            return index(row, TitleColumn);
    }
}

QString ArticleListModel::articleKey(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key : QString();
}

qint64 ArticleListModel::articleId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

} // namespace baokan::models
