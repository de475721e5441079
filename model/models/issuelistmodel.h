// SPDX-License-Identifier: MIT
#pragma once

#include "store/issuestore.h"

#include <QAbstractTableModel>
#include <QList>

namespace baokan::store {
class Database;
}

namespace baokan::models {

// The archive's issues, newest first, for the issue pane. Rows come in batches through
// canFetchMore()/fetchMore(); the date and name are editable and saved as the user's own, which
// import never overwrites. GUI thread (it reads through that thread's connection).
class IssueListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DateColumn, NameColumn, ArticleCountColumn, ColumnCount };
    enum Role {
        IssueIdRole = Qt::UserRole, // qint64
        DateInferredRole,           // bool: the date shown was guessed from the text
    };
    static constexpr int kBatchSize = 200;

    explicit IssueListModel(store::Database *db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // DateColumn takes a QDate or "yyyy-MM-dd"; NameColumn a string. Empty restores the imported value.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Reads the archive again from the start, e.g. after an import.
    void reload();
    // The row of an issue among the rows fetched so far; invalid when not (yet) fetched.
    QModelIndex indexOfIssue(qint64 issueId) const;
    qint64 issueId(int row) const;
    // All issues in the archive, fetched or not.
    int totalCount() const { return m_total; }

private:
    bool isRow(const QModelIndex &index) const;

    store::IssueStore m_store;
    QList<store::IssueRecord> m_rows;
    int m_total = 0;
    bool m_fetching = false;
};

} // namespace baokan::models
