// SPDX-License-Identifier: MIT
#pragma once

#include "readerview.h"

#include "store/searchindex.h"

#include <QWidget>

#include <atomic>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QStringListModel;
class QLineEdit;
class QListView;
class QStandardItemModel;
class QThread;
class QTimer;
class QToolButton;

namespace baokan::store {
class Database;
} // namespace baokan::store

namespace baokan::ui {

// Search as you type over the open archive: owns the search field (the window places it), the
// list of hits with marked snippets, their count, the sort, the "this issue only" toggle and the
// facets (date range, issue, tag, entity, each shown as a removable filter while it narrows the
// hits), and marks the query's matches in the reader and moves between them. Queries run on a thread of the
// panel's own, with that thread's connection, so a slow query never freezes typing; only the
// newest query's results are shown. The widget itself is GUI thread only.
class SearchPanel final : public QWidget
{
    Q_OBJECT

public:
    // Item data of the result list.
    enum Role { ArticleIdRole = Qt::UserRole + 1, KeyRole, DateRole, SnippetRole };

    explicit SearchPanel(QWidget *parent = nullptr);
    ~SearchPanel() override;

    // The archive to search; nullptr when none is open. Clears the search. Waits for a running
    // query to end: the old archive may go as soon as this returns.
    void setDatabase(const store::Database *db);
    // The issue the reader is in, for "this issue only"; 0 when none.
    void setCurrentIssue(qint64 issueId);
    void setReader(ReaderView *reader) { m_reader = reader; }

    QLineEdit *searchField() const { return m_field; }
    QWidget *resultsView() const;
    QAction *nextMatchAction() const { return m_nextMatch; }
    QAction *previousMatchAction() const { return m_previousMatch; }

    QString query() const;
    bool isActive() const { return !query().isEmpty(); }

    // Puts the cursor in the search field, its text selected for typing over.
    void focusField();
    // Empties the field and the results; the window goes back to the article list.
    void clearSearch();
    // Starts the search now instead of after the typing pause; searchFinished() follows.
    void searchNow();
    // Runs the active search again (the archive changed under it), keeping the chosen hit and
    // the list's scroll position; nothing when no search is active.
    void refreshResults();

    // Highlights the active query's matches in the article the reader shows and scrolls to the
    // first. Clears the search layer when no query is active.
    void markMatchesInReader();
    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const { return m_currentMatch; }
    void moveToMatch(int delta);

    // The facets as search options (no query, paging or sort), as the next search will use them.
    store::SearchOptions facetOptions() const;
    // Removes every facet filter ("this issue only" included) and searches again.
    void clearFacets();

public Q_SLOTS:
    // Reads the archive's tags, issues and date bounds again for the facets, and forgets the
    // entity names (read again when the entity field is next used). Call it whenever the archive
    // changes: after an import, a tag edit or its undo, a re-recognition. Cheap: a few small
    // queries on the GUI thread. A facet whose choice is gone is cleared and the hits follow.
    void reloadFacets();
    // Narrows the search to articles mentioning the entity as this type (empty: any type), e.g.
    // one chosen in the Entities panel; an empty text removes the filter. Re-runs an active search.
    void setEntityFilter(const QString &type, const QString &text);
    // The Entities panel's "search for this entity": narrows an active search to it, or, with no
    // query yet, searches for its name among the articles that mention it.
    void searchEntity(const QString &type, const QString &text);

Q_SIGNALS:
    // A query became active (true) or was cleared (false).
    void activeChanged(bool active);
    void searchFinished();
    // The user chose a hit: the window shows the article, then calls markMatchesInReader().
    void articleChosen(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void queryEdited();
    void search(bool append);
    void showResult(quint64 serial, bool append, bool inIssue, qint64 elapsedMs,
                    const std::optional<store::SearchResult> &result, const QString &error);
    void stopWorker();
    void chooseHit(const QModelIndex &index);
    void facetChanged();
    void updateFilterSummary();
    void removeFilter(const QString &which);
    void loadEntityNames();
    void loadIssues();
    void setDateBounds(const QDate &first, const QDate &last);

    const store::Database *m_db = nullptr;
    qint64 m_issueId = 0;
    ReaderView *m_reader = nullptr;
    bool m_wasActive = false;
    qint64 m_total = 0;
    bool m_exhausted = true;
    bool m_loadingMore = false;
    QThread *m_worker = nullptr;        // runs the queries; exists while a database is set
    QObject *m_workerContext = nullptr; // lives in m_worker, for posting work to it
    std::atomic<quint64> m_serial{0};   // of the newest query; older ones are skipped or dropped

    QLineEdit *m_field;
    QTimer *m_debounce;
    QLabel *m_countLabel;
    QComboBox *m_sort;
    QToolButton *m_thisIssue;
    QToolButton *m_filtersToggle;
    QWidget *m_facets;
    QDateEdit *m_fromDate; // the minimum stands for "any"
    QDateEdit *m_toDate;
    QComboBox *m_issue;
    QComboBox *m_tag;
    QLineEdit *m_entity;
    QString m_entityType; // of the entity chosen in the Entities panel; empty once the text is edited
    QStringListModel *m_entityNames;
    bool m_entityNamesStale = true;
    QString m_appliedEntity; // the entity name the hits were last narrowed to
    bool m_issuesStale = true;
    QLabel *m_filterSummary; // the active filters, each with a link that removes it
    QListView *m_list;
    QStandardItemModel *m_model;
    QAction *m_nextMatch;
    QAction *m_previousMatch;
    // Set by refreshResults(): the hit chosen and the scroll position to restore when it ends.
    QString m_keepHitKey;
    int m_keepScroll = -1;
    quint64 m_keepSerial = 0; // the refresh's query: a newer one (the user typed on) restores nothing

    QList<FieldRange> m_matches; // in document order
    int m_currentMatch = -1;
};

} // namespace baokan::ui
