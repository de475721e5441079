// SPDX-License-Identifier: MIT
#pragma once

#include "settings.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolButton;
class QTreeView;
class QUndoStack;

namespace baokan::store {
class ArchiveWatcher;
class Database;
class ImportJob;
class RecognitionJob;
struct ImportSummary;
class ReindexJob;
} // namespace baokan::store

namespace baokan::models {
class ArticleListModel;
class IssueListModel;
} // namespace baokan::models

namespace baokan::ui {

class ReaderView;
class SearchPanel;
class NotesPanel;
class EntitiesPanel;
class TagFilterBar;
struct ReaderTag;
class CorrectionMenu;

// The application window: issues, the articles of the chosen issue, and the reader, side by side,
// with the menus and keyboard commands that move between them, and imports running in the
// background. Owns the open archive. GUI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (creating if needed) the archive at `path` and shows it, going back to the article
    // last read in it. On failure the window keeps what it showed and *error says why (made by a
    // newer baokan, not an archive, no permission). A running import is cancelled first.
    bool openArchive(const QString &path, QString *error = nullptr);
    QString archivePath() const { return m_archivePath; }

    // Chooses the first (newest) issue and its first article, as a new reader would.
    void selectFirstArticle();
    // Shows the article with this key, choosing its issue; false when the archive has none.
    bool selectArticleByKey(const QString &key);

    // Imports files and folders into the open archive in the background, with progress and
    // Cancel in the status bar, then a summary. Returns false when one is already running.
    bool importPaths(const QStringList &paths);
    bool isImporting() const;

    ReaderView *reader() const { return m_reader; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    NotesPanel *notesPanel() const { return m_notesPanel; }
    QUndoStack *undoStack() const { return m_undoStack; }
    EntitiesPanel *entitiesPanel() const { return m_entitiesPanel; }
    TagFilterBar *tagFilterBar() const { return m_tagFilter; }
    CorrectionMenu *corrections() const { return m_corrections; }

Q_SIGNALS:
    // An import has ended (finished, cancelled or failed) and the lists show its result.
    void importEnded();

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreSettings();
    void saveSettings();
    // Without a saved layout: widths for the panes and the side dock that leave the reader a
    // comfortable line at the window's width, the dock closed when the window is too narrow.
    void fitPanesToWidth();
    void issueChanged(const QModelIndex &current);
    void articleChanged(const QModelIndex &current);
    void moveArticle(int delta);
    void moveToArticleRow(int row);
    bool selectIssueById(qint64 id);
    bool selectArticleById(qint64 id);
    void updateStatus();
    // Another window or process wrote to the archive: show it once nothing of ours is writing
    // or being edited in a list, keeping the issue, the articles chosen, scroll positions, the
    // article being read and any note being typed.
    void archiveChangedElsewhere();
    void refreshIfPending();
    bool isEditingIssue() const;
    void showArchiveChanges();
    void newArchive();
    void chooseArchive();
    void chooseImport();
    void importFinished(const store::ImportSummary &summary);
    void importFailed(const QString &message);
    void endImport();
    void stopImport();
    // Indexes what the search index lacks (all of it after an index format change), in the background.
    void startIndexing();
    // Search: the panel takes the article list's place while a query is active.
    void createSearch();
    void searchActiveChanged(bool active);
    void searchHitChosen(const QString &key);
    // The annotation side: notes panel, undo stack, Edit menu, highlight and tag keys.
    void createNotesPanel();
    QStringList selectedArticleKeys() const;
    void exportNotes();
    void showTagManager();
    // Entities: highlights in the reader, legend, and the Entities dock.
    void createEntitiesPanel();
    // Lists across issues (tag filter, an entity's articles) and tag chips kept current.
    QWidget *createArticlePage();
    void showArticleList(const QStringList &keys, const QString &emptyMessage);
    void leaveArticleList();
    void undoIndexChanged(int index);
    QList<ReaderTag> readerTags(const QString &articleKey) const;
    // Search facets: the Entities panel narrows the search; facets follow archive changes.
    void connectSearchFacets();
    // Entity corrections: the reader's context menu, the E key, the Entity Lexicon dialog.
    void createCorrections();
    void showEntityLexicon();

    Settings m_settings;
    bool m_dockStateRestored = false;
    bool m_splitterStateRestored = false;
    bool m_panesFitted = false;
    std::unique_ptr<store::Database> m_db;
    QString m_archivePath;
    store::ImportJob *m_importJob = nullptr;
    // Re-recognizes, in the background, articles whose entities an older recognizer wrote.
    void recognizeStaleEntities();
    store::RecognitionJob *m_recognitionJob = nullptr;
    store::ReindexJob *m_reindexJob = nullptr;
    store::ArchiveWatcher *m_watcher = nullptr;
    QTimer *m_refreshRetry = nullptr;
    bool m_refreshPending = false;
    bool m_refreshing = false; // the lists are being reloaded: their selection changes are not the user's

    QSplitter *m_splitter;
    QTreeView *m_issueView;
    QTreeView *m_articleView;
    ReaderView *m_reader;
    models::IssueListModel *m_issueModel = nullptr;
    models::ArticleListModel *m_articleModel = nullptr;
    QLabel *m_archiveLabel;
    QLabel *m_countLabel;
    QProgressBar *m_importProgress;
    QToolButton *m_importCancel;
    SearchPanel *m_searchPanel = nullptr;
    QStackedWidget *m_articlePane = nullptr;
    QUndoStack *m_undoStack = nullptr;
    NotesPanel *m_notesPanel = nullptr;
    EntitiesPanel *m_entitiesPanel = nullptr;
    TagFilterBar *m_tagFilter = nullptr;
    int m_undoIndex = 0; // the undo stack's index last seen, to tell which commands ran
    CorrectionMenu *m_corrections = nullptr;

    struct Actions
    {
        QAction *newArchive = nullptr;
        QAction *openArchive = nullptr;
        QAction *import = nullptr;
        QAction *quit = nullptr;
        QAction *largerText = nullptr;
        QAction *smallerText = nullptr;
        QAction *nextArticle = nullptr;
        QAction *previousArticle = nullptr;
        QAction *firstArticle = nullptr;
        QAction *lastArticle = nullptr;
        QAction *find = nullptr;
        QAction *undo = nullptr;
        QAction *redo = nullptr;
        QAction *highlight = nullptr;
        QAction *focusTags = nullptr;
        QAction *exportNotes = nullptr;
        QAction *tagManager = nullptr;
        QAction *entityLexicon = nullptr;
    } m_actions;
};

} // namespace baokan::ui
