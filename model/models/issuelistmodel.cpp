// SPDX-License-Identifier: MIT
#include "models/issuelistmodel.h"

#include "store/database.h"

#include <QFont>

namespace baokan::models {

IssueListModel::IssueListModel(store::Database *db, QObject *parent)
    : PagedTableModel(ColumnCount, parent)
    , m_store(db)
{
    m_total = m_store.count();
}

QVariant IssueListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const store::IssueRecord &issue = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case DateColumn:
            return issue.displayDate().isValid() ? issue.displayDate().toString(Qt::ISODate) : QString();
        case NameColumn:
            return issue.displayName();
        case ArticleCountColumn:
            return issue.articleCount;
        default:
            return {};
        }
    case Qt::FontRole:
        if (index.column() == DateColumn && issue.displayDateInferred()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DateColumn && issue.displayDateInferred())
            return tr("date inferred from the text");
        if (index.column() == NameColumn)
            return issue.source;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ArticleCountColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case IssueIdRole:
        return issue.id;
    case DateInferredRole:
        return issue.displayDateInferred();
    default:
        return {};
    }
}

QVariant IssueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case NameColumn:
        return tr("Issue");
    case ArticleCountColumn:
        return tr("Articles");
    default:
        return {};
    }
}

Qt::ItemFlags IssueListModel::flags(const QModelIndex &index) const
{
    if (!isRow(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = QAbstractTableModel::flags(index) | Qt::ItemNeverHasChildren;
    if (index.column() == DateColumn || index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool IssueListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !isRow(index))
        return false;
    store::IssueRecord &issue = m_rows[index.row()];
    switch (index.column()) {
    case DateColumn: {
        QDate date;
        if (value.metaType() == QMetaType::fromType<QDate>()) {
            date = value.toDate();
        } else {
            const QString text = value.toString().trimmed();
            if (!text.isEmpty()) {
                date = QDate::fromString(text, Qt::ISODate);
                if (!date.isValid())
                    return false; // not a date: keep what was there
            }
        }
        if (!m_store.setUserDate(issue.id, date))
            return false;
        issue.userDate = date;
        break;
    }
    case NameColumn: {
        const QString name = value.toString().trimmed();
        // The editor starts with the readable name; leaving it as it was must not pin it as the user's.
        if (name == issue.displayName())
            return true;
        if (!m_store.setUserName(issue.id, name))
            return false;
        issue.userName = name.isEmpty() ? QString() : name;
        break;
    }
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index);
    return true;
}

int IssueListModel::countRows()
{
    return m_store.count();
}

QList<store::IssueRecord> IssueListModel::fetchRows(int offset, int limit)
{
    return m_store.issues(offset, qMin(limit, m_total - offset));
}

QModelIndex IssueListModel::indexOfIssue(qint64 issueId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == issueId)
            return index(row, 0);
    }
    return {};
}

qint64 IssueListModel::issueId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

} // namespace baokan::models
