// SPDX-License-Identifier: MIT
#pragma once

#include "models/pagedtablemodel.h"
#include "store/issuestore.h"

#include <QList>

namespace baokan::store {
class Database;
}

namespace baokan::models {

// The archive's issues, newest first, for the issue pane. Rows come in batches through
// canFetchMore()/fetchMore(); the date and name are editable and saved as the user's own, which
// import never overwrites. GUI thread (it reads through that thread's connection).
class IssueListModel final : public PagedTableModel<store::IssueRecord>
{
    Q_OBJECT

public:
    enum Column { DateColumn, NameColumn, ArticleCountColumn, ColumnCount };
    enum Role {
        IssueIdRole = Qt::UserRole, // qint64
        DateInferredRole,           // bool: the date shown was guessed from the text
    };

    explicit IssueListModel(store::Database *db, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // DateColumn takes a QDate or "yyyy-MM-dd"; NameColumn a string. Empty restores the imported value.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The row of an issue among the rows fetched so far; invalid when not (yet) fetched.
    QModelIndex indexOfIssue(qint64 issueId) const;
    qint64 issueId(int row) const;
    // All issues in the archive, fetched or not.
    int totalCount() const { return m_total; }

private:
    int countRows() override;
    QList<store::IssueRecord> fetchRows(int offset, int limit) override;

    store::IssueStore m_store;
};

} // namespace baokan::models
