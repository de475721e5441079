// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "archiveopener.h"
#include "correctionmenu.h"
#include "editcommand.h"
#include "entitiespanel.h"
#include "entitylexicondialog.h"
#include "exportnotesdialog.h"
#include "notespanel.h"
#include "readerarticle.h"
#include "readerview.h"
#include "searchpanel.h"
#include "tagchipdelegate.h"
#include "tagfilterbar.h"
#include "tagmanagerdialog.h"

#include "export/notesexporter.h"
#include "models/articlelistmodel.h"
#include "models/issuelistmodel.h"
#include "store/archivewatcher.h"
#include "store/articlestore.h"
#include "store/database.h"
#include "store/importjob.h"
#include "store/issuestore.h"
#include "store/recognitionjob.h"
#include "store/reindexjob.h"
#include "store/tagstore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QShowEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

namespace baokan::ui {

namespace {

// QMainWindow::saveState's version: raise it when the docks change, so an old layout is ignored.
constexpr int WindowStateVersion = 1;

QTreeView *makeListView(const QString &objectName, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(objectName);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true); // lets a long list scroll without measuring every row
    view->setAllColumnsShowFocus(true);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setTabKeyNavigation(false); // Tab moves between panes
    view->header()->setStretchLastSection(false);
    // CJK glyphs fill their em box; a little air between rows keeps lines of titles apart.
    view->setStyleSheet(QStringLiteral("QTreeView::item { padding-top: 3px; padding-bottom: 3px; }"));
    return view;
}

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                    const QList<QKeySequence> &shortcuts = {})
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    action->setShortcuts(shortcuts);
    return action;
}

QString countText(int issues, int articles)
{
    const QString i = issues == 1 ? MainWindow::tr("1 issue") : MainWindow::tr("%L1 issues").arg(issues);
    const QString a = articles == 1 ? MainWindow::tr("1 article") : MainWindow::tr("%L1 articles").arg(articles);
    return i + QStringLiteral(" · ") + a;
}

// The models load lazily, when a view lays out; the window needs the first rows at once to
// choose an article.
void fetchFirstRows(QAbstractItemModel *model)
{
    if (model->rowCount() == 0 && model->canFetchMore({}))
        model->fetchMore({});
}

ReaderArticle readerArticle(const store::ArticleRecord &r)
{
    ReaderArticle a;
    a.key = r.key;
    a.issueName = r.issueName;
    a.issueDate = r.issueDate;
    a.kicker = r.kicker;
    a.title = r.title;
    a.displayTitle = r.displayTitle;
    a.subtitle = r.subtitle;
    a.dateline = r.dateline;
    a.reporters = r.reporters;
    a.correspondents = r.correspondents;
    a.interns = r.interns;
    a.photographers = r.photographers;
    a.source = r.source;
    a.paragraphs = r.paragraphs;
    a.captions = r.captions;
    return a;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_issueView(makeListView(QStringLiteral("issueView"), m_splitter))
    , m_articleView(makeListView(QStringLiteral("articleView"), m_splitter))
    , m_reader(new ReaderView(m_splitter))
    , m_archiveLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_importProgress(new QProgressBar(this))
    , m_importCancel(new QToolButton(this))
{
    setWindowTitle(tr("baokan"));
    setObjectName(QStringLiteral("mainWindow"));
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_reader->setObjectName(QStringLiteral("reader"));
    m_reader->setTabChangesFocus(true);
    m_reader->setAcceptDrops(false); // drops go to the window, which imports them
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setStretchFactor(2, 1);
    setCentralWidget(m_splitter);
    setAcceptDrops(true);
    m_issueView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_articleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_articleView->setSelectionMode(QAbstractItemView::ExtendedSelection); // tags go on many at once
    setTabOrder(m_issueView, m_articleView);
    setTabOrder(m_articleView, m_reader);

    m_archiveLabel->setObjectName(QStringLiteral("archiveLabel"));
    m_archiveLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_importProgress->setObjectName(QStringLiteral("importProgress"));
    m_importProgress->setMaximumWidth(220);
    m_importProgress->setFormat(tr("Importing %v of %m"));
    m_importCancel->setObjectName(QStringLiteral("importCancel"));
    m_importCancel->setText(tr("Cancel"));
    m_importCancel->setToolTip(tr("Stop the import; the issue being written is left out"));
    connect(m_importCancel, &QToolButton::clicked, this, &MainWindow::stopImport);
    statusBar()->addWidget(m_archiveLabel, 1);
    statusBar()->addPermanentWidget(m_importProgress);
    statusBar()->addPermanentWidget(m_importCancel);
    statusBar()->addPermanentWidget(m_countLabel);
    m_importProgress->hide();
    m_importCancel->hide();

    createSearch();
    createActions();
    createMenus();
    createNotesPanel();
    createEntitiesPanel();
    connectSearchFacets();
    createCorrections();
    restoreSettings();
    connect(m_reader, &ReaderView::textPointSizeChanged, this,
            [this](qreal points) { m_settings.setReaderPointSize(points); });
    m_reader->showMessage(tr("No archive is open."));

    m_watcher = new store::ArchiveWatcher(this);
    connect(m_watcher, &store::ArchiveWatcher::changedElsewhere, this, &MainWindow::archiveChangedElsewhere);
    m_refreshRetry = new QTimer(this);
    m_refreshRetry->setSingleShot(true);
    m_refreshRetry->setInterval(store::ArchiveWatcher::DefaultIntervalMs);
    connect(m_refreshRetry, &QTimer::timeout, this, &MainWindow::refreshIfPending);
}

MainWindow::~MainWindow()
{
    m_watcher->setDatabase(nullptr);
    // The jobs' workers use the archive: they must end before m_db goes.
    delete m_importJob;
    m_importJob = nullptr;
    delete m_recognitionJob;
    m_recognitionJob = nullptr;
    delete m_reindexJob;
    m_reindexJob = nullptr;
    m_searchPanel->setDatabase(nullptr); // so does the search thread
    // A note typed but not yet autosaved goes in before the archive closes.
    m_notesPanel->setDatabase(nullptr);
    m_entitiesPanel->setDatabase(nullptr);
    m_corrections->setDatabase(nullptr);
    // A dying QUndoStack clears itself and says so: let it go while its listeners (panel, actions,
    // tag manager) and the archive still exist.
    delete m_undoStack;
    m_undoStack = nullptr;
}

void MainWindow::createActions()
{
    m_actions.newArchive = makeAction(this, QStringLiteral("actionNewArchive"), tr("&New Archive…"),
                                      QKeySequence::keyBindings(QKeySequence::New));
    m_actions.openArchive = makeAction(this, QStringLiteral("actionOpenArchive"), tr("&Open Archive…"),
                                       QKeySequence::keyBindings(QKeySequence::Open));
    m_actions.import =
        makeAction(this, QStringLiteral("actionImport"), tr("&Import…"), {QKeySequence(Qt::CTRL | Qt::Key_I)});
    m_actions.quit =
        makeAction(this, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::keyBindings(QKeySequence::Quit));
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.newArchive, &QAction::triggered, this, &MainWindow::newArchive);
    connect(m_actions.openArchive, &QAction::triggered, this, &MainWindow::chooseArchive);
    connect(m_actions.import, &QAction::triggered, this, &MainWindow::chooseImport);

    // Ctrl+= first: it is the key a user presses for "larger" on a keyboard where + needs Shift.
    QList<QKeySequence> larger{QKeySequence(Qt::CTRL | Qt::Key_Equal)};
    larger << QKeySequence::keyBindings(QKeySequence::ZoomIn);
    m_actions.largerText = makeAction(this, QStringLiteral("actionLargerText"), tr("&Larger Text"), larger);
    m_actions.smallerText = makeAction(this, QStringLiteral("actionSmallerText"), tr("&Smaller Text"),
                                       QKeySequence::keyBindings(QKeySequence::ZoomOut));
    connect(m_actions.largerText, &QAction::triggered, m_reader, &ReaderView::enlargeText);
    connect(m_actions.smallerText, &QAction::triggered, m_reader, &ReaderView::shrinkText);

    m_actions.nextArticle = makeAction(this, QStringLiteral("actionNextArticle"), tr("&Next Article"),
                                       {QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_J)});
    m_actions.previousArticle = makeAction(this, QStringLiteral("actionPreviousArticle"), tr("&Previous Article"),
                                           {QKeySequence(Qt::Key_P), QKeySequence(Qt::Key_K)});
    m_actions.firstArticle =
        makeAction(this, QStringLiteral("actionFirstArticle"), tr("&First Article"), {QKeySequence(Qt::Key_Home)});
    m_actions.lastArticle =
        makeAction(this, QStringLiteral("actionLastArticle"), tr("&Last Article"), {QKeySequence(Qt::Key_End)});
    connect(m_actions.nextArticle, &QAction::triggered, this, [this] { moveArticle(+1); });
    connect(m_actions.previousArticle, &QAction::triggered, this, [this] { moveArticle(-1); });
    connect(m_actions.firstArticle, &QAction::triggered, this, [this] { moveToArticleRow(0); });
    connect(m_actions.lastArticle, &QAction::triggered, this, [this] {
        if (!m_articleModel)
            return;
        // The last article of a paged list is only known once every page is in.
        while (m_articleModel->canFetchMore({}))
            m_articleModel->fetchMore({});
        moveToArticleRow(m_articleModel->rowCount() - 1);
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions.newArchive);
    file->addAction(m_actions.openArchive);
    file->addSeparator();
    file->addAction(m_actions.import);
    file->addSeparator();
    file->addAction(m_actions.quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions.largerText);
    view->addAction(m_actions.smallerText);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_actions.nextArticle);
    go->addAction(m_actions.previousArticle);
    go->addSeparator();
    go->addAction(m_actions.firstArticle);
    go->addAction(m_actions.lastArticle);
    go->addSeparator();
    go->addAction(m_actions.find);
    go->addAction(m_searchPanel->nextMatchAction());
    go->addAction(m_searchPanel->previousMatchAction());
}

void MainWindow::restoreSettings()
{
    m_reader->setTextPointSize(m_settings.readerPointSize());
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(1440, 880);
    // Docks (open or closed, tab in front, width) as the user left them; a layout saved by a
    // version with other docks is ignored (the version changes when the docks do).
    m_dockStateRestored = restoreState(m_settings.windowState(), WindowStateVersion);
    m_splitterStateRestored = m_splitter->restoreState(m_settings.splitterState());
    // Without a saved layout the panes are sized on the first show, when the window has its size.
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_panesFitted) {
        m_panesFitted = true;
        fitPanesToWidth();
    }
}

void MainWindow::fitPanesToWidth()
{
    // Per character of the reader's text (its column is 38 ideographs wide).
    const qreal em = m_reader->columnWidth() / 38.0;
    // A line of `characters` ideographs plus the reader's side margins (2 em each), scroll bar
    // and frame.
    const auto readerFor = [em](int characters) { return int(std::ceil((characters + 4) * em)) + 24; };
    const int listsMinimum = 330; // dates, issue names, and titles still readable
    const int gaps = 12;          // splitter handles and the dock's separator
    const int dockMinimum =
        std::max(m_notesPanel->minimumSizeHint().width(), m_entitiesPanel->minimumSizeHint().width());
    const int dockWidth = std::clamp(width() / 6, dockMinimum, std::max(dockMinimum, 340));

    int central = width() - gaps;
    int dockShown = 0;
    if (m_dockStateRestored) {
        if (m_notesPanel->isVisible() || m_entitiesPanel->isVisible())
            dockShown = std::max(m_notesPanel->width(), m_entitiesPanel->width());
    } else {
        // Too narrow for the dock, the lists and 30 characters a line: the reader comes first, and
        // View › Notes / Entities (or T for a tag) opens the dock.
        const bool dockFits = central - dockWidth - listsMinimum >= readerFor(30);
        // (show() on the tab behind would draw it over the one in front: only ever hide here.)
        if (dockFits) {
            resizeDocks({m_notesPanel}, {dockWidth}, Qt::Horizontal);
            dockShown = dockWidth;
        } else {
            // Hidden before they were ever shown, the docks get no hide event to uncheck their
            // View menu entries; without this the first click there would do nothing.
            for (QDockWidget *dock :
                 {static_cast<QDockWidget *>(m_notesPanel), static_cast<QDockWidget *>(m_entitiesPanel)}) {
                dock->hide();
                dock->toggleViewAction()->setChecked(false);
            }
        }
    }
    if (m_splitterStateRestored)
        return;
    central -= dockShown;
    // About 32 characters a line, never fewer than 30 while the lists keep their minimum; what
    // is left goes to the lists, whose titles are cut short first.
    const int reader = std::max(std::min(readerFor(32), central - listsMinimum), std::min(readerFor(30), central / 2));
    const int lists = central - reader;
    const int issues = std::clamp(lists * 2 / 5, 165, 200);
    m_splitter->setSizes({issues, lists - issues, reader});
}

void MainWindow::saveSettings()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState(WindowStateVersion));
    m_settings.setSplitterState(m_splitter->saveState());
    m_settings.setReaderPointSize(m_reader->textPointSize());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_notesPanel->flush() &&
        QMessageBox::warning(this, tr("Note not saved"),
                             tr("A note could not be saved to the archive (see the status bar). Close anyway and "
                                "lose it?"),
                             QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Discard) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::openArchive(const QString &path, QString *error)
{
    auto db = std::make_unique<store::Database>(path);
    if (!ArchiveOpener::open(db.get(), this, error))
        return false;
    if (m_importJob) {
        // The import was writing into the archive being closed: stop it (the issue being
        // written rolls back) before that archive goes.
        delete m_importJob;
        m_importJob = nullptr;
        m_importProgress->hide();
        m_importCancel->hide();
        m_actions.import->setEnabled(true);
        statusBar()->showMessage(tr("The import into the previous archive was cancelled."), 10000);
    }
    delete m_reindexJob; // indexing the previous archive ends with it; it resumes when reopened
    m_reindexJob = nullptr;

    // A re-recognition of the old archive ends (its batch rolls back or commits) before it goes.
    delete m_recognitionJob;
    m_recognitionJob = nullptr;

    // The views must let go of the old models before the archive they read goes.
    // setModel() leaves the old selection models to us.
    QItemSelectionModel *oldIssueSelection = m_issueView->selectionModel();
    QItemSelectionModel *oldArticleSelection = m_articleView->selectionModel();
    m_issueView->setModel(nullptr);
    m_articleView->setModel(nullptr);
    delete oldIssueSelection;
    delete oldArticleSelection;
    delete m_issueModel;
    delete m_articleModel;
    m_issueModel = nullptr; // clearing the undo stack below refreshes what is left
    m_articleModel = nullptr;
    m_watcher->setDatabase(nullptr);
    m_refreshPending = false;
    m_searchPanel->setDatabase(nullptr); // its thread lets go of the old archive first
    m_notesPanel->setDatabase(nullptr);  // saves a pending note into the archive it belongs to
    m_entitiesPanel->setDatabase(nullptr);
    m_corrections->setDatabase(nullptr);
    m_undoStack->clear();
    m_db = std::move(db);
    m_searchPanel->setDatabase(m_db.get());
    m_notesPanel->setDatabase(m_db.get());
    m_entitiesPanel->setDatabase(m_db.get());
    m_tagFilter->setDatabase(m_db.get());
    m_corrections->setDatabase(m_db.get());
    m_archivePath = QFileInfo(path).absoluteFilePath();

    m_issueModel = new models::IssueListModel(m_db.get(), this);
    m_articleModel = new models::ArticleListModel(m_db.get(), this);
    m_issueView->setModel(m_issueModel);
    m_articleView->setModel(m_articleModel);
    connect(m_issueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { issueChanged(current); });
    connect(m_articleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { articleChanged(current); });
    // A renamed or re-dated issue shows its new name and date in the reader's issue line at once.
    connect(m_issueModel, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() == m_issueView->currentIndex().row() && m_articleView->currentIndex().isValid())
            articleChanged(m_articleView->currentIndex());
        // A new date moves the issue's articles in search's date order and date facet.
        if (topLeft.column() == models::IssueListModel::DateColumn) {
            m_searchPanel->reloadFacets();
            m_searchPanel->refreshResults();
        }
    });

    QHeaderView *issueHeader = m_issueView->header();
    issueHeader->setSectionResizeMode(models::IssueListModel::DateColumn, QHeaderView::ResizeToContents);
    issueHeader->setSectionResizeMode(models::IssueListModel::NameColumn, QHeaderView::Stretch);
    issueHeader->setSectionResizeMode(models::IssueListModel::ArticleCountColumn, QHeaderView::ResizeToContents);
    QHeaderView *articleHeader = m_articleView->header();
    articleHeader->setSectionResizeMode(models::ArticleListModel::TitleColumn, QHeaderView::Stretch);
    articleHeader->setMinimumSectionSize(60);
    // Titles are what a reader scans: the title column takes the list's width, and the kicker
    // and reporters go under each title, smaller (TagChipDelegate), rather than in columns of
    // their own that left a title six characters.
    m_articleView->setColumnHidden(models::ArticleListModel::DetailColumn, true);
    m_articleView->setColumnHidden(models::ArticleListModel::ReportersColumn, true);
    // The issue date leads a list across issues and is hidden for one issue.
    articleHeader->setSectionResizeMode(models::ArticleListModel::IssueDateColumn, QHeaderView::ResizeToContents);
    articleHeader->moveSection(articleHeader->visualIndex(models::ArticleListModel::IssueDateColumn), 0);
    m_articleView->setColumnHidden(models::ArticleListModel::IssueDateColumn, true);

    setWindowTitle(tr("%1 — baokan").arg(QFileInfo(path).fileName()));
    m_watcher->setDatabase(m_db.get());
    updateStatus();
    recognizeStaleEntities();
    startIndexing();
    fetchFirstRows(m_issueModel);
    if (m_issueModel->rowCount() == 0) {
        m_reader->showMessage(tr("This archive is empty.\nImport pages with File › Import…, or drop files here."));
        return true;
    }
    const QString last = m_settings.lastArticleKey(m_archivePath);
    if (last.isEmpty() || !selectArticleByKey(last))
        selectFirstArticle();
    return true;
}

void MainWindow::recognizeStaleEntities()
{
    // The job itself finds the stale articles, off the GUI thread (it loads the lexicon to know
    // the recognizer's version); an archive that is up to date costs one query and says nothing.
    m_recognitionJob = new store::RecognitionJob({m_db.get(), 200, true}, this);
    connect(m_recognitionJob, &store::RecognitionJob::progressChanged, this, [this](int done, int total) {
        if (total > 0 && done < total)
            statusBar()->showMessage(
                tr("Recognizing entities again for the updated recognizer: %1 of %2 articles…").arg(done).arg(total));
    });
    connect(m_recognitionJob, &store::RecognitionJob::finished, this, [this](const store::RecognitionSummary &summary) {
        if (summary.total == 0)
            return;
        statusBar()->showMessage(tr("Entities recognized again in %1 articles.").arg(summary.articles), 10000);
        m_entitiesPanel->reload();
        if (m_articleView->currentIndex().isValid())
            articleChanged(m_articleView->currentIndex());
    });
    connect(m_recognitionJob, &store::RecognitionJob::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Entities could not be recognized again: %1").arg(message), 15000);
    });
    m_recognitionJob->start();
}

void MainWindow::newArchive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New Archive"), QDir::homePath(),
                                                      tr("baokan archives (*.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openArchive(path, &error))
        QMessageBox::warning(this, tr("Cannot create the archive"), error);
}

void MainWindow::chooseArchive()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Archive"), QFileInfo(m_archivePath).absolutePath(),
                                                      tr("baokan archives (*.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openArchive(path, &error))
        QMessageBox::warning(this, tr("Cannot open the archive"), error);
}

void MainWindow::chooseImport()
{
    // One dialog cannot choose files and folders at once; ask which the user means.
    QMessageBox ask(QMessageBox::Question, tr("Import"), tr("Import page files, or a folder of pages?"),
                    QMessageBox::Cancel, this);
    QPushButton *files = ask.addButton(tr("Files…"), QMessageBox::AcceptRole);
    QPushButton *folder = ask.addButton(tr("Folder…"), QMessageBox::AcceptRole);
    ask.exec();
    QStringList paths;
    if (ask.clickedButton() == files) {
        paths = QFileDialog::getOpenFileNames(this, tr("Import Pages"), QDir::homePath(),
                                              tr("Text pages (*.txt);;All files (*)"));
    } else if (ask.clickedButton() == folder) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import Folder"), QDir::homePath());
        if (!dir.isEmpty())
            paths << dir;
    }
    if (!paths.isEmpty())
        importPaths(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool local =
        !urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); });
    if (local && m_db)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    importPaths(paths);
}

bool MainWindow::isImporting() const
{
    return m_importJob != nullptr;
}

bool MainWindow::importPaths(const QStringList &paths)
{
    if (!m_db || paths.isEmpty())
        return false;
    if (m_importJob) {
        statusBar()->showMessage(tr("An import is already running; wait for it or cancel it."), 5000);
        return false;
    }
    m_importJob = new store::ImportJob({m_db.get(), paths, false}, this);
    connect(m_importJob, &store::ImportJob::progressChanged, this, [this](int done, int total) {
        m_importProgress->setRange(0, std::max(total, 1));
        m_importProgress->setValue(done);
    });
    connect(m_importJob, &store::ImportJob::finished, this, &MainWindow::importFinished);
    connect(m_importJob, &store::ImportJob::failed, this, &MainWindow::importFailed);
    m_importProgress->setRange(0, 0); // busy until the job has counted the files
    m_importProgress->show();
    m_importCancel->setEnabled(true);
    m_importCancel->show();
    m_actions.import->setEnabled(false);
    m_importJob->start();
    return true;
}

void MainWindow::stopImport()
{
    if (!m_importJob)
        return;
    m_importJob->cancel();
    m_importCancel->setEnabled(false);
    statusBar()->showMessage(tr("Cancelling the import…"));
}

void MainWindow::endImport()
{
    if (m_importJob) {
        m_importJob->deleteLater();
        m_importJob = nullptr;
    }
    m_importProgress->hide();
    m_importCancel->hide();
    m_actions.import->setEnabled(true);
    if (!m_issueModel)
        return;
    // Show what went in, keeping the reader where it was.
    const QString key = m_reader->hasArticle() ? m_reader->article().key : QString();
    m_issueModel->reload();
    fetchFirstRows(m_issueModel);
    updateStatus();
    if (key.isEmpty() || !selectArticleByKey(key))
        selectFirstArticle();
    m_notesPanel->reload(); // re-imported articles may have had their highlights moved or sent to review
    Q_EMIT importEnded();
    // The import wrote through a connection of its own: take its commits (and any another window
    // made meanwhile) as seen now, rather than reload everything at the next poll, a second later,
    // in the middle of what the user does next.
    m_watcher->check();
}

void MainWindow::startIndexing()
{
    m_reindexJob = new store::ReindexJob(m_db.get(), this);
    connect(m_reindexJob, &store::ReindexJob::progressChanged, this, [this](qint64 done, qint64 total) {
        if (total > 0 && done < total)
            statusBar()->showMessage(tr("Preparing search: %L1 of %L2 articles indexed…").arg(done).arg(total));
    });
    connect(m_reindexJob, &store::ReindexJob::finished, this, [this](qint64 indexed) {
        if (indexed > 0)
            statusBar()->showMessage(tr("Search is ready: %L1 articles indexed.").arg(indexed), 10000);
    });
    connect(m_reindexJob, &store::ReindexJob::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Search may miss articles: %1 (run baokan reindex)").arg(message), 15000);
    });
    m_reindexJob->start();
}

void MainWindow::importFinished(const store::ImportSummary &summary)
{
    if (!m_importJob || sender() != m_importJob)
        return; // a job already given up (its archive was closed) reporting late
    endImport();
    statusBar()->showMessage(summary.text(), 15000);
    if (summary.skipped.isEmpty() && !summary.cancelled)
        return;
    QStringList lines;
    for (const store::SkippedFile &s : summary.skipped)
        lines << QStringLiteral("%1 — %2").arg(QDir::toNativeSeparators(s.path), s.reason);
    auto *box = new QMessageBox(summary.skipped.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                                tr("Import"), QString(), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString text = summary.cancelled ? tr("The import was cancelled. The issue being written was left out.")
                                     : tr("The import finished.");
    text += QLatin1Char('\n') + summary.text();
    if (!summary.skipped.isEmpty()) {
        text += QLatin1Char('\n') + tr("%n file(s) could not be imported:", nullptr, int(summary.skipped.size()));
        // The first few in the message itself, every one in the details.
        text += QLatin1Char('\n') + lines.mid(0, 8).join(QLatin1Char('\n'));
        if (lines.size() > 8)
            text += QLatin1Char('\n') + tr("… and %1 more (see details)").arg(lines.size() - 8);
        box->setDetailedText(lines.join(QLatin1Char('\n')));
    }
    box->setText(text);
    box->open(); // not exec(): no nested event loop while the window goes on working
}

void MainWindow::importFailed(const QString &message)
{
    if (!m_importJob || sender() != m_importJob)
        return;
    endImport();
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Import failed"),
                                tr("The archive could not be written.\n%1").arg(message), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::issueChanged(const QModelIndex &current)
{
    if (!m_articleModel || m_refreshing)
        return;
    const qint64 id = current.isValid() ? current.data(models::IssueListModel::IssueIdRole).toLongLong() : 0;
    m_tagFilter->reset(); // choosing an issue leaves a list across issues
    m_articleView->setColumnHidden(models::ArticleListModel::IssueDateColumn, true);
    m_articleModel->setIssue(id);
    fetchFirstRows(m_articleModel);
    if (m_articleModel->rowCount() > 0) {
        moveToArticleRow(0);
    } else {
        m_notesPanel->setArticle({});
        m_reader->showMessage(current.isValid() ? tr("This issue has no articles.") : QString());
    }
}

void MainWindow::articleChanged(const QModelIndex &current)
{
    if (m_refreshing)
        return;
    if (!current.isValid() || !m_db) {
        m_notesPanel->setArticle({});
        m_entitiesPanel->setArticle(0);
        m_reader->showMessage(tr("Choose an article to read."));
        return;
    }
    const qint64 id = current.data(models::ArticleListModel::ArticleIdRole).toLongLong();
    const std::optional<store::ArticleRecord> record = store::ArticleStore(m_db.get()).article(id);
    if (!record) {
        m_reader->showMessage(tr("This article could not be read from the archive."));
        return;
    }
    ReaderArticle shown = readerArticle(*record);
    shown.tags = readerTags(record->key);
    m_reader->showArticle(shown);
    m_entitiesPanel->setArticle(record->id);
    m_notesPanel->setArticle(record->key);
    m_settings.setLastArticleKey(m_archivePath, record->key);
    m_searchPanel->setCurrentIssue(record->issueId);
    m_searchPanel->markMatchesInReader();
}

void MainWindow::moveArticle(int delta)
{
    if (!m_articleModel || !m_issueModel)
        return;
    const int row = m_articleView->currentIndex().isValid() ? m_articleView->currentIndex().row() : -1;
    const int target = row + delta;
    if (target >= m_articleModel->rowCount() && m_articleModel->canFetchMore({}))
        m_articleModel->fetchMore({});
    if (target >= 0 && target < m_articleModel->rowCount()) {
        moveToArticleRow(target);
        return;
    }
    if (m_articleModel->isKeyList())
        return; // a list across issues has no neighbouring issue
    // Past either end of an issue, reading goes on in the neighbouring issue of the list.
    const QModelIndex issue = m_issueView->currentIndex();
    const int issueTarget = (issue.isValid() ? issue.row() : -1) + delta;
    if (issueTarget >= m_issueModel->rowCount() && m_issueModel->canFetchMore({}))
        m_issueModel->fetchMore({});
    if (issueTarget < 0 || issueTarget >= m_issueModel->rowCount())
        return;
    m_issueView->setCurrentIndex(m_issueModel->index(issueTarget, 0));
    if (delta < 0)
        m_actions.lastArticle->trigger();
}

void MainWindow::moveToArticleRow(int row)
{
    if (!m_articleModel || row < 0 || row >= m_articleModel->rowCount())
        return;
    const QModelIndex index = m_articleModel->index(row, 0);
    m_articleView->setCurrentIndex(index);
    m_articleView->scrollTo(index);
}

void MainWindow::selectFirstArticle()
{
    if (!m_issueModel || m_issueModel->rowCount() == 0)
        return;
    const QModelIndex first = m_issueModel->index(0, 0);
    if (m_issueView->currentIndex().row() != 0)
        m_issueView->setCurrentIndex(first);
    else
        issueChanged(first);
    moveToArticleRow(0);
}

bool MainWindow::selectIssueById(qint64 id)
{
    for (int row = 0;; ++row) {
        if (row >= m_issueModel->rowCount()) {
            if (!m_issueModel->canFetchMore({}))
                return false;
            m_issueModel->fetchMore({});
            if (row >= m_issueModel->rowCount())
                return false;
        }
        const QModelIndex index = m_issueModel->index(row, 0);
        if (index.data(models::IssueListModel::IssueIdRole).toLongLong() == id) {
            if (m_issueView->currentIndex().row() != row)
                m_issueView->setCurrentIndex(index);
            m_issueView->scrollTo(index);
            return true;
        }
    }
}

bool MainWindow::selectArticleById(qint64 id)
{
    for (int row = 0;; ++row) {
        if (row >= m_articleModel->rowCount()) {
            if (!m_articleModel->canFetchMore({}))
                return false;
            m_articleModel->fetchMore({});
            if (row >= m_articleModel->rowCount())
                return false;
        }
        const QModelIndex index = m_articleModel->index(row, 0);
        if (index.data(models::ArticleListModel::ArticleIdRole).toLongLong() == id) {
            moveToArticleRow(row);
            return true;
        }
    }
}

bool MainWindow::selectArticleByKey(const QString &key)
{
    if (!m_db || !m_issueModel)
        return false;
    // An article in the list across issues being shown is chosen there, keeping the list.
    if (m_articleModel && m_articleModel->isKeyList()) {
        const QModelIndex inList = m_articleModel->indexOfKey(key);
        if (inList.isValid()) {
            moveToArticleRow(inList.row());
            return true;
        }
    }
    const std::optional<store::ArticleRecord> record = store::ArticleStore(m_db.get()).articleByKey(key);
    if (!record || !selectIssueById(record->issueId))
        return false;
    return selectArticleById(record->id);
}

void MainWindow::createSearch()
{
    m_searchPanel = new SearchPanel(this);
    m_searchPanel->setReader(m_reader);
    // The search field sits in the menu bar's corner: always there, costing no height.
    // A menu bar sizes its corner widget by its size hint alone; a layout makes the minimum count.
    auto *corner = new QWidget(this);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 1, 6, 1);
    m_searchPanel->searchField()->setMinimumWidth(280);
    cornerLayout->addWidget(m_searchPanel->searchField());
    menuBar()->setCornerWidget(corner, Qt::TopRightCorner);
    m_articlePane = new QStackedWidget;
    m_articlePane->setObjectName(QStringLiteral("articlePane"));
    m_splitter->replaceWidget(1, m_articlePane);
    m_articlePane->addWidget(createArticlePage());
    m_articlePane->addWidget(m_searchPanel);
    // Moving the list into the stack reset its place in the focus chain. While searching the
    // article list is hidden and Tab goes from the issues to the hits.
    setTabOrder(m_issueView, m_articleView);
    setTabOrder(m_articleView, m_searchPanel->resultsView());
    setTabOrder(m_searchPanel->resultsView(), m_reader);
    connect(m_searchPanel, &SearchPanel::activeChanged, this, &MainWindow::searchActiveChanged);
    connect(m_searchPanel, &SearchPanel::articleChosen, this, &MainWindow::searchHitChosen);

    // `/` as in a browser or less; a text field being typed in keeps the character.
    m_actions.find = makeAction(this, QStringLiteral("actionFind"), tr("&Find…"),
                                QKeySequence::keyBindings(QKeySequence::Find) << QKeySequence(Qt::Key_Slash));
    connect(m_actions.find, &QAction::triggered, m_searchPanel, &SearchPanel::focusField);
}

void MainWindow::searchActiveChanged(bool active)
{
    m_articlePane->setCurrentWidget(active ? static_cast<QWidget *>(m_searchPanel) : m_articleView->parentWidget());
    if (!active) {
        m_articleView->setFocus();
        if (m_articleView->currentIndex().isValid())
            m_articleView->scrollTo(m_articleView->currentIndex());
    }
}

void MainWindow::searchHitChosen(const QString &key)
{
    if (!selectArticleByKey(key))
        statusBar()->showMessage(tr("This article is no longer in the archive."), 5000);
    else
        m_searchPanel->markMatchesInReader();
}

void MainWindow::updateStatus()
{
    m_archiveLabel->setText(QDir::toNativeSeparators(m_archivePath));
    if (!m_db) {
        m_countLabel->clear();
        return;
    }
    m_countLabel->setText(countText(store::IssueStore(m_db.get()).count(), store::ArticleStore(m_db.get()).count()));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Coming back from another window on the same archive, the user expects its edits at once.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_watcher)
        m_watcher->check();
}

bool MainWindow::isEditingIssue() const
{
    // An open editor of the issue list is a child of the list that has the focus.
    const QWidget *focus = QApplication::focusWidget();
    return focus && focus != m_issueView && m_issueView->isAncestorOf(focus);
}

void MainWindow::archiveChangedElsewhere()
{
    m_refreshPending = true;
    refreshIfPending();
}

void MainWindow::refreshIfPending()
{
    if (!m_refreshPending || !m_db || !m_issueModel)
        return;
    // Our own jobs write through connections of their own, so they look like another window:
    // reloading every second while they run would only slow them; their end shows their work.
    // An issue name or date being typed would be lost with its row.
    const bool busy = m_importJob || (m_recognitionJob && m_recognitionJob->isRunning()) ||
                      (m_reindexJob && m_reindexJob->isRunning()) || isEditingIssue();
    if (busy) {
        m_refreshRetry->start();
        return;
    }
    m_refreshPending = false;
    showArchiveChanges();
}

namespace {

bool sameReaderArticle(const ReaderArticle &a, const ReaderArticle &b)
{
    if (a.tags.size() != b.tags.size())
        return false;
    for (qsizetype i = 0; i < a.tags.size(); ++i) {
        if (a.tags.at(i).name != b.tags.at(i).name || a.tags.at(i).color != b.tags.at(i).color)
            return false;
    }
    return a.key == b.key && a.issueName == b.issueName && a.issueDate == b.issueDate && a.kicker == b.kicker &&
           a.title == b.title && a.displayTitle == b.displayTitle && a.subtitle == b.subtitle &&
           a.dateline == b.dateline && a.reporters == b.reporters && a.correspondents == b.correspondents &&
           a.interns == b.interns && a.photographers == b.photographers && a.source == b.source &&
           a.paragraphs == b.paragraphs && a.captions == b.captions;
}

} // namespace

void MainWindow::showArchiveChanges()
{
    const QModelIndex issue = m_issueView->currentIndex();
    const qint64 issueId = issue.isValid() ? issue.data(models::IssueListModel::IssueIdRole).toLongLong() : 0;
    const QString currentKey = m_articleView->currentIndex().data(models::ArticleListModel::ArticleKeyRole).toString();
    const QStringList selected = selectedArticleKeys();
    const int issueScroll = m_issueView->verticalScrollBar()->value();
    const int articleScroll = m_articleView->verticalScrollBar()->value();
    const QString readingKey = m_reader->hasArticle() ? m_reader->article().key : QString();

    // A tag list whose articles changed is shown afresh by the bar itself (keeping the article).
    m_tagFilter->reload();
    {
        const QScopedValueRollback<bool> quiet(m_refreshing, true);
        m_issueModel->reload();
        fetchFirstRows(m_issueModel);
        if (issueId != 0 && !selectIssueById(issueId))
            m_issueView->setCurrentIndex({});
        m_articleModel->reload();
        fetchFirstRows(m_articleModel);
        QItemSelectionModel *selection = m_articleView->selectionModel();
        for (const QString &key : selected) {
            const QModelIndex row = m_articleModel->indexOfKey(key);
            if (row.isValid())
                selection->select(row, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        const QModelIndex current = currentKey.isEmpty() ? QModelIndex() : m_articleModel->indexOfKey(currentKey);
        if (current.isValid())
            selection->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        m_issueView->verticalScrollBar()->setValue(issueScroll);
        m_articleView->verticalScrollBar()->setValue(articleScroll);
    }

    const std::optional<store::ArticleRecord> record =
        readingKey.isEmpty() ? std::nullopt : store::ArticleStore(m_db.get()).articleByKey(readingKey);
    if (record) {
        ReaderArticle fresh = readerArticle(*record);
        fresh.tags = readerTags(record->key);
        // Drawn again only when its text changed, so a selection in it survives an edit elsewhere.
        if (!sameReaderArticle(fresh, m_reader->article())) {
            const int readerScroll = m_reader->verticalScrollBar()->value();
            m_reader->showArticle(fresh);
            m_notesPanel->setArticle(record->key); // draws the highlights into the new text
            m_searchPanel->markMatchesInReader();
            m_reader->verticalScrollBar()->setValue(readerScroll);
        }
        m_entitiesPanel->setArticle(record->id);
    } else if (!readingKey.isEmpty() || m_issueModel->rowCount() > 0) {
        // The article read went away (another window imported over it): read on in its list.
        if (m_articleView->currentIndex().isValid())
            articleChanged(m_articleView->currentIndex());
        else
            selectFirstArticle();
    }
    m_notesPanel->reload(); // a note being typed stays as typed
    m_entitiesPanel->reload();
    m_searchPanel->reloadFacets();
    m_searchPanel->refreshResults();
    updateStatus();
}

// ---- Annotations: notes panel, undo, highlights, tags, export ----

void MainWindow::createNotesPanel()
{
    m_undoStack = new QUndoStack(this);
    m_notesPanel = new NotesPanel(m_reader, m_undoStack, this);
    m_notesPanel->setSelectedKeysProvider([this] { return selectedArticleKeys(); });
    connect(m_notesPanel, &NotesPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    addDockWidget(Qt::RightDockWidgetArea, m_notesPanel);
    resizeDocks({m_notesPanel}, {340}, Qt::Horizontal);

    m_actions.undo = makeAction(this, QStringLiteral("undoAction"), tr("&Undo"), {QKeySequence(Qt::CTRL | Qt::Key_Z)});
    m_actions.redo =
        makeAction(this, QStringLiteral("redoAction"), tr("&Redo"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    m_actions.undo->setEnabled(false);
    m_actions.redo->setEnabled(false);
    // A note still waiting for its autosave is saved first, so undo takes back the latest step.
    connect(m_actions.undo, &QAction::triggered, this, [this] {
        m_notesPanel->flush();
        m_undoStack->undo();
    });
    connect(m_actions.redo, &QAction::triggered, this, [this] {
        m_notesPanel->flush();
        m_undoStack->redo();
    });
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::undoIndexChanged);
    connect(m_undoStack, &QUndoStack::canUndoChanged, m_actions.undo, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::canRedoChanged, m_actions.redo, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, [this](const QString &text) {
        m_actions.undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    connect(m_undoStack, &QUndoStack::redoTextChanged, this, [this](const QString &text) {
        m_actions.redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });

    m_actions.highlight =
        makeAction(this, QStringLiteral("highlightAction"), tr("&Highlight Selection"), {QKeySequence(Qt::Key_H)});
    connect(m_actions.highlight, &QAction::triggered, m_notesPanel, &NotesPanel::highlightSelection);
    m_actions.focusTags =
        makeAction(this, QStringLiteral("focusTagsAction"), tr("Add &Tag…"), {QKeySequence(Qt::Key_T)});
    connect(m_actions.focusTags, &QAction::triggered, m_notesPanel, &NotesPanel::focusTagEditor);
    addAction(m_actions.highlight);
    addAction(m_actions.focusTags);
    m_actions.exportNotes = makeAction(this, QStringLiteral("exportNotesAction"), tr("&Export Notes…"),
                                       {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    connect(m_actions.exportNotes, &QAction::triggered, this, &MainWindow::exportNotes);
    if (QMenu *file = menuBar()->actions().value(0) ? menuBar()->actions().value(0)->menu() : nullptr)
        file->insertAction(m_actions.quit, m_actions.exportNotes);

    QMenu *edit = new QMenu(tr("&Edit"), this);
    edit->addAction(m_actions.undo);
    edit->addAction(m_actions.redo);
    edit->addSeparator();
    edit->addAction(m_actions.highlight);
    edit->addAction(m_actions.focusTags);
    m_actions.tagManager = makeAction(this, QStringLiteral("tagManagerAction"), tr("&Manage Tags…"));
    connect(m_actions.tagManager, &QAction::triggered, this, &MainWindow::showTagManager);
    edit->addAction(m_actions.tagManager);
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.value(1), edit); // after File, as everywhere
}

QStringList MainWindow::selectedArticleKeys() const
{
    QStringList keys;
    if (!m_articleView->selectionModel())
        return keys;
    for (const QModelIndex &row : m_articleView->selectionModel()->selectedRows())
        keys << row.data(models::ArticleListModel::ArticleKeyRole).toString();
    return keys;
}

void MainWindow::exportNotes()
{
    if (!m_db)
        return;
    m_notesPanel->flush(); // the note being typed goes out too
    ExportNotesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    exporting::NotesExportOptions options = dialog.options();
    if (dialog.scope() == ExportNotesDialog::Scope::SelectedArticles) {
        options.articleKeys = selectedArticleKeys();
    } else if (dialog.scope() == ExportNotesDialog::Scope::CurrentIssue && m_articleModel) {
        while (m_articleModel->canFetchMore({}))
            m_articleModel->fetchMore({});
        QStringList keys;
        for (int row = 0; row < m_articleModel->rowCount(); ++row)
            keys << m_articleModel->index(row, 0).data(models::ArticleListModel::ArticleKeyRole).toString();
        options.articleKeys = keys;
    }

    // The dialog shows only when the export takes longer than a moment.
    QProgressDialog progress(tr("Exporting notes…"), tr("Cancel"), 0, 0, this);
    progress.setObjectName(QStringLiteral("exportProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    exporting::NotesExporter exporter(m_db->connection());
    exporter.setProgress([&progress](qint64 done, qint64 total) {
        progress.setMaximum(int(std::min<qint64>(total, INT_MAX)));
        progress.setValue(int(std::min<qint64>(done, INT_MAX)));
        return !progress.wasCanceled();
    });
    QString error;
    int rows = 0;
    const bool ok = exporter.writeFile(dialog.path(), options, &error, &rows);
    progress.reset();
    if (!ok) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Notes"),
                                    tr("The notes could not be exported to %1.\n%2\nNo file was written or changed.")
                                        .arg(QDir::toNativeSeparators(dialog.path()), error),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("exportError"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    statusBar()->showMessage(
        tr("%n note(s) exported to %1", nullptr, rows).arg(QDir::toNativeSeparators(dialog.path())), 15000);
}

void MainWindow::showTagManager()
{
    if (!m_db)
        return;
    auto *dialog = new TagManagerDialog(m_db.get(), m_undoStack, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TagManagerDialog::filterByTags, this,
            [this](const QList<qint64> &ids) { m_tagFilter->setTagFilter(ids, true); });
    dialog->open(); // modal to the window, so the archive cannot change under it
}

// ---- Entities: reader highlights, legend, Entities dock ----

void MainWindow::createEntitiesPanel()
{
    m_entitiesPanel = new EntitiesPanel(m_reader, &m_settings, this);
    // A tab beside the notes: stacked, the two docks' minimum heights would add up and force
    // the window taller than a small screen. The notes stay in front.
    tabifyDockWidget(m_notesPanel, m_entitiesPanel);
    m_notesPanel->raise();
    connect(this, &MainWindow::importEnded, m_entitiesPanel, &EntitiesPanel::reload);
    connect(m_entitiesPanel, &EntitiesPanel::articleChosen, this, [this](const QString &key) {
        if (!selectArticleByKey(key))
            statusBar()->showMessage(tr("This article is no longer in the archive."), 5000);
    });
    // Like the tag filter's list: across issues until cleared or an issue is chosen.
    connect(m_entitiesPanel, &EntitiesPanel::showArticles, this,
            [this](const QStringList &keys, const QString &description) {
                if (!m_articleModel)
                    return;
                m_tagFilter->showList(tr("articles mentioning %1").arg(description), int(keys.size()));
                showArticleList(keys, tr("No article mentions %1.").arg(description));
            });
    // The notes dock cannot be closed, so its own toggle is always disabled; a narrow window
    // starts without it (see fitPanesToWidth), and this brings it back.
    QAction *showNotes = makeAction(this, QStringLiteral("showNotesAction"), tr("&Notes"));
    connect(showNotes, &QAction::triggered, this, [this] {
        m_notesPanel->show();
        m_notesPanel->raise();
    });
    // Chosen in the menu, a tab behind the notes comes to the front.
    connect(m_entitiesPanel->toggleViewAction(), &QAction::triggered, m_entitiesPanel, [this](bool shown) {
        if (shown)
            m_entitiesPanel->raise();
    });
    for (QAction *menu : menuBar()->actions()) {
        if (menu->menu() && menu->text() == tr("&View"))
            menu->menu()->addActions({showNotes, m_entitiesPanel->toggleViewAction()});
    }
}

// ---- Lists across issues and tag chips ----

QWidget *MainWindow::createArticlePage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("articlePage"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_tagFilter = new TagFilterBar(page);
    layout->addWidget(m_tagFilter);
    layout->addWidget(m_articleView, 1);
    m_articleView->setItemDelegateForColumn(models::ArticleListModel::TitleColumn, new TagChipDelegate(m_articleView));
    connect(m_tagFilter, &TagFilterBar::tagFilterChanged, this, [this](const QStringList &keys, const QString &) {
        showArticleList(keys, tr("No article carries these tags."));
    });
    connect(m_tagFilter, &TagFilterBar::cleared, this, &MainWindow::leaveArticleList);
    // A chip in the reader lists that tag's articles.
    connect(m_reader, &ReaderView::tagClicked, this, [this](const QString &name) {
        if (const auto tag = m_db ? store::TagStore(m_db.get()).findByName(name) : std::nullopt)
            m_tagFilter->setTagFilter({tag->id}, false);
    });
    return page;
}

// The one way the article list shows articles across issues (tag filter, tag manager, entities).
void MainWindow::showArticleList(const QStringList &keys, const QString &emptyMessage)
{
    if (!m_articleModel)
        return;
    // The article being read stays chosen when it is in the new list (a filter re-applied after an edit).
    const QString current = m_reader->hasArticle() ? m_reader->article().key : QString();
    m_articleModel->setArticleKeys(keys);
    m_articleView->setColumnHidden(models::ArticleListModel::IssueDateColumn, false);
    fetchFirstRows(m_articleModel);
    const QModelIndex keep = keys.contains(current) ? m_articleModel->indexOfKey(current) : QModelIndex();
    if (keep.isValid()) {
        moveToArticleRow(keep.row());
    } else if (m_articleModel->rowCount() > 0) {
        moveToArticleRow(0);
    } else {
        m_notesPanel->setArticle({});
        m_entitiesPanel->setArticle(0);
        m_reader->showMessage(emptyMessage);
    }
}

void MainWindow::leaveArticleList()
{
    if (!m_articleModel || !m_articleModel->isKeyList())
        return;
    const QString current = m_reader->hasArticle() ? m_reader->article().key : QString();
    // Back to the issue chosen before, then to the article being read in its own issue.
    issueChanged(m_issueView->currentIndex());
    if (!current.isEmpty())
        selectArticleByKey(current);
}

QList<ReaderTag> MainWindow::readerTags(const QString &articleKey) const
{
    QList<ReaderTag> tags;
    if (!m_db)
        return tags;
    for (const store::Tag &t : store::TagStore(m_db.get()).tagsFor(articleKey))
        tags << ReaderTag{t.name, t.color};
    return tags;
}

void MainWindow::undoIndexChanged(int index)
{
    // Commands between the last index seen and this one were done (or undone); only tag edits
    // change chips, the tag filter and the search's tag facet.
    const int from = std::min(index, m_undoIndex);
    const int to = std::max(index, m_undoIndex);
    m_undoIndex = index;
    // Same index: a merged note autosave (tag edits never merge). A cleared stack has lost its
    // commands: command() is null and everything is refreshed.
    bool tags = false;
    for (int i = from; i < to && !tags; ++i) {
        const auto *command = dynamic_cast<const EditCommand *>(m_undoStack->command(i));
        if (!command) {
            tags = true;
            break;
        }
        const store::RowSet &before = command->edit().before();
        const store::RowSet &after = command->edit().after();
        tags = !before.tags.isEmpty() || !after.tags.isEmpty() || !before.articleTags.isEmpty() ||
               !after.articleTags.isEmpty();
    }
    if (!tags || !m_db)
        return;
    if (m_articleModel)
        m_articleModel->refreshTags();
    if (m_reader->hasArticle())
        m_reader->setTags(readerTags(m_reader->article().key));
    m_tagFilter->reload(); // the search's tag facet follows every edit by itself (connectSearchFacets)
}

// ---- Search facets: fed by the Entities panel, kept in step with the archive ----

void MainWindow::connectSearchFacets()
{
    connect(m_entitiesPanel, &EntitiesPanel::searchRequested, m_searchPanel, &SearchPanel::searchEntity);
    connect(m_searchPanel, &SearchPanel::activeChanged, m_entitiesPanel, &EntitiesPanel::setSearchActive);
    // The article list hides behind the hits while a search is active; the user asked to see it.
    connect(m_entitiesPanel, &EntitiesPanel::showArticles, m_searchPanel, &SearchPanel::clearSearch);
    // New issues, tags and names: after an import, and after every edit or its undo (tags,
    // corrections), which is cheap enough to do on each.
    connect(this, &MainWindow::importEnded, m_searchPanel, &SearchPanel::reloadFacets);
    connect(m_undoStack, &QUndoStack::indexChanged, m_searchPanel, &SearchPanel::reloadFacets);
}

// ---- Entity corrections: reader context menu, keyboard route, user lexicon ----

void MainWindow::createCorrections()
{
    m_corrections = new CorrectionMenu(m_reader, m_entitiesPanel, m_undoStack, this);
    connect(m_corrections, &CorrectionMenu::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    addAction(m_corrections->markAction());
    m_actions.entityLexicon = makeAction(this, QStringLiteral("entityLexiconAction"), tr("Entity &Lexicon…"));
    connect(m_actions.entityLexicon, &QAction::triggered, this, &MainWindow::showEntityLexicon);
    for (QAction *menu : menuBar()->actions()) {
        if (menu->menu() && menu->text() == tr("&Edit")) {
            menu->menu()->addSeparator();
            menu->menu()->addAction(m_corrections->markAction());
            menu->menu()->addAction(m_actions.entityLexicon);
        }
    }
}

void MainWindow::showEntityLexicon()
{
    if (!m_db)
        return;
    auto *dialog = new EntityLexiconDialog(m_db.get(), m_corrections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // modal to the window, so the archive cannot change under it
}

} // namespace baokan::ui
