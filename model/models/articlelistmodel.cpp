// SPDX-License-Identifier: MIT
#include "models/articlelistmodel.h"

#include "store/database.h"
#include "store/tagstore.h"

#include <QColor>
#include <QFont>

namespace baokan::models {

ArticleListModel::ArticleListModel(store::Database *db, QObject *parent)
    : PagedTableModel(ColumnCount, parent)
    , m_db(db)
    , m_store(db)
{}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const store::ArticleRow &article = m_rows.at(index.row()).article;
    const QList<store::Tag> &tags = m_rows.at(index.row()).tags;
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
        case IssueDateColumn:
            return article.issueDate.isValid() ? article.issueDate.toString(Qt::ISODate) : QString();
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
    case Qt::ToolTipRole: {
        QString tip;
        // The list elides titles: the tooltip gives the whole title and its byline.
        if (index.column() == TitleColumn) {
            QStringList lines{article.hasPrintedTitle() ? article.title : article.displayTitle};
            for (const QString &line : {article.kicker, article.subtitle, article.reporters.join(QStringLiteral("、"))})
                if (!line.isEmpty())
                    lines << line;
            tip = lines.join(QLatin1Char('\n'));
        }
        if (madeUpTitle)
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("The page prints no headline for this article; these are its opening words.");
        // A narrow list draws tags as dots: the tooltip names them.
        if (index.column() == TitleColumn && !tags.isEmpty()) {
            QStringList names;
            for (const store::Tag &t : tags)
                names << t.name;
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("Tags: %1").arg(names.join(QStringLiteral("、")));
        }
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case ArticleIdRole:
        return article.id;
    case ArticleKeyRole:
        return article.key;
    case HasPrintedTitleRole:
        return article.hasPrintedTitle();
    case TagNamesRole: {
        QStringList names;
        for (const store::Tag &t : tags)
            names << t.name;
        return names;
    }
    case TagColorsRole: {
        QStringList colors;
        for (const store::Tag &t : tags)
            colors << t.color;
        return colors;
    }
    case IssueDateRole:
        return article.issueDate;
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
    case IssueDateColumn:
        return tr("Issue date");
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

QList<ArticleListRow> ArticleListModel::fetchRows(int offset, int limit)
{
    QList<store::ArticleRow> articles;
    if (!m_filter.keys) {
        articles = m_store.summaries(m_filter.issueId, offset, limit);
    } else {
        const QStringList keys = m_filter.keys->mid(m_nextKey, limit);
        m_nextKey += keys.size();
        for (const store::ArticleRow &s : m_store.summariesByKeys(keys)) {
            if (!m_filter.issueId || s.issueId == m_filter.issueId)
                articles << s;
        }
    }
    QList<ArticleListRow> batch;
    batch.reserve(articles.size());
    for (const store::ArticleRow &a : std::as_const(articles))
        batch << ArticleListRow{a, {}};
    // One query for the batch's tags: painting reads them from the rows.
    const QHash<QString, QList<store::Tag>> tags = tagsFor(batch, 0, batch.size());
    for (ArticleListRow &row : batch)
        row.tags = tags.value(row.article.key);
    return batch;
}

QHash<QString, QList<store::Tag>> ArticleListModel::tagsFor(const QList<ArticleListRow> &rows, qsizetype from,
                                                            qsizetype count) const
{
    QStringList keys;
    keys.reserve(count);
    for (qsizetype i = from; i < from + count && i < rows.size(); ++i)
        keys << rows.at(i).article.key;
    return store::TagStore(m_db).tagsForArticles(keys);
}

void ArticleListModel::refreshTags()
{
    for (qsizetype from = 0; from < m_rows.size(); from += kBatchSize) {
        const QHash<QString, QList<store::Tag>> tags = tagsFor(m_rows, from, kBatchSize);
        for (qsizetype row = from; row < from + kBatchSize && row < m_rows.size(); ++row) {
            QList<store::Tag> fresh = tags.value(m_rows.at(row).article.key);
            // Counts are not columns and never filled here; names and colours are what shows.
            if (fresh == m_rows.at(row).tags)
                continue;
            m_rows[row].tags = std::move(fresh);
            const QModelIndex cell = index(int(row), TitleColumn);
            Q_EMIT dataChanged(cell, cell, {TagNamesRole, TagColorsRole});
        }
    }
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
        if (m_rows.at(row).article.key == key)
            return index(row, TitleColumn);
    }
}

QString ArticleListModel::articleKey(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).article.key : QString();
}

qint64 ArticleListModel::articleId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).article.id : 0;
}

} // namespace baokan::models
