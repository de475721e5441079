// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace baokan::models {

// The paging shared by the archive's list models: rows of type Row come in batches through
// canFetchMore()/fetchMore(), a reload starts again from an empty list, and a subclass supplies
// only its query (countRows/fetchRows) and its roles. GUI thread, like the models built on it.
template<typename Row>
class PagedTableModel : public QAbstractTableModel
{
public:
    static constexpr int kBatchSize = 200;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columnCount; }

    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && !m_fetching && hasMoreRows();
    }

    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent))
            return;
        const QList<Row> batch = fetchRows(int(m_rows.size()), kBatchSize);
        if (batch.isEmpty()) {
            // Rows went away since the count (another window deleted them): stop here.
            m_total = int(m_rows.size());
            return;
        }
        // A view (or the model tester) may ask for more while the rows go in; it must wait.
        m_fetching = true;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + batch.size() - 1));
        m_rows += batch;
        endInsertRows();
        m_fetching = false;
    }

    // Reads the list again from the start, e.g. after an import or a new filter.
    void reload()
    {
        beginResetModel();
        m_rows.clear();
        m_total = countRows();
        endResetModel();
    }

protected:
    PagedTableModel(int columnCount, QObject *parent)
        : QAbstractTableModel(parent)
        , m_columnCount(columnCount)
    {}

    // Called inside each reset: forget any fetch position and return how many rows to expect.
    virtual int countRows() = 0;
    // At most limit rows from offset on; empty when there are no more.
    virtual QList<Row> fetchRows(int offset, int limit) = 0;
    // Whether a fetch may add rows; by default while fewer than countRows() came in.
    virtual bool hasMoreRows() const { return m_rows.size() < m_total; }

    bool isRow(const QModelIndex &index) const
    {
        return index.isValid() && index.model() == this && !index.parent().isValid() && index.row() < m_rows.size() &&
               index.column() < m_columnCount;
    }

    // The rows fetched so far, in order.
    QList<Row> m_rows;
    // The rows to expect, from countRows(), lowered when rows went away while fetching.
    int m_total = 0;

private:
    int m_columnCount;
    bool m_fetching = false;
};

} // namespace baokan::models
