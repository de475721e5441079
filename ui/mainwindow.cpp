// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "readerarticle.h"
#include "readerview.h"

#include "store/database.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QUrl>

#include <QStandardItemModel>
#include <QStatusBar>
#include <QTreeView>
#include <algorithm>

namespace baokan::ui {

namespace {

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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_issueView(makeListView(QStringLiteral("issueView"), m_splitter))
    , m_articleView(makeListView(QStringLiteral("articleView"), m_splitter))
    , m_reader(new ReaderView(m_splitter))
    , m_issueModel(new QStandardItemModel(this))
    , m_articleModel(new QStandardItemModel(this))
    , m_archiveLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
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

    m_issueView->setModel(m_issueModel);
    m_articleView->setModel(m_articleModel);
    connect(m_issueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { issueChanged(current); });
    connect(m_articleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { articleChanged(current); });
    setTabOrder(m_issueView, m_articleView);
    setTabOrder(m_articleView, m_reader);

    m_archiveLabel->setObjectName(QStringLiteral("archiveLabel"));
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addWidget(m_archiveLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    createActions();
    createMenus();
    restoreSettings();
    connect(m_reader, &ReaderView::textPointSizeChanged, this,
            [this](qreal points) { m_settings.setReaderPointSize(points); });
    m_reader->showMessage(tr("Choose an article to read."));
}

MainWindow::~MainWindow() = default;

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
    connect(m_actions.lastArticle, &QAction::triggered, this,
            [this] { moveToArticleRow(m_articleView->model()->rowCount() - 1); });
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
}

void MainWindow::restoreSettings()
{
    m_reader->setTextPointSize(m_settings.readerPointSize());
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(1440, 880);
    if (!m_splitter->restoreState(m_settings.splitterState()))
        m_splitter->setSizes({300, 360, 780});
}

void MainWindow::saveSettings()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setSplitterState(m_splitter->saveState());
    m_settings.setReaderPointSize(m_reader->textPointSize());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::openArchive(const QString &path, QString *error)
{
    auto db = std::make_unique<store::Database>(path);
    if (!db->open(error))
        return false;
    m_db = std::move(db);
    m_archivePath = QFileInfo(path).absoluteFilePath();
    setWindowTitle(tr("%1 — baokan").arg(QFileInfo(path).fileName()));
    updateStatus();
    return true;
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
    if (local)
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

void MainWindow::importPaths(const QStringList &paths)
{
    Q_UNUSED(paths)
}

void MainWindow::showIssues(const QList<parse::Issue> &issues)
{
    m_issues = issues;
    m_issueModel->clear();
    m_issueModel->setHorizontalHeaderLabels({tr("Date"), tr("Issue"), tr("Articles")});
    for (int i = 0; i < issues.size(); ++i) {
        const parse::Issue &issue = issues.at(i);
        auto *date = new QStandardItem(issue.date.isValid() ? issue.date.toString(Qt::ISODate) : QString());
        date->setData(i, Qt::UserRole);
        if (issue.dateInferred) {
            QFont f = date->font();
            f.setItalic(true);
            date->setFont(f);
            date->setToolTip(tr("Date inferred from the text"));
        }
        auto *count = new QStandardItem(QString::number(issue.articles.size()));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setEditable(false);
        m_issueModel->appendRow({date, new QStandardItem(issue.name), count});
    }
    m_issueView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_issueView->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_issueView->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    updateStatus();
}

void MainWindow::issueChanged(const QModelIndex &current)
{
    m_articleModel->clear();
    m_articleModel->setHorizontalHeaderLabels({tr("Title"), tr("Kicker / subtitle"), tr("Reporters")});
    const int issueRow = current.isValid() ? current.siblingAtColumn(0).data(Qt::UserRole).toInt() : -1;
    if (issueRow >= 0 && issueRow < m_issues.size()) {
        const QList<parse::Article> &articles = m_issues.at(issueRow).articles;
        for (int i = 0; i < articles.size(); ++i) {
            const parse::Article &a = articles.at(i);
            auto *title = new QStandardItem(a.title.isEmpty() ? ReaderArticle::firstSentence(a.paragraphs) : a.title);
            title->setData(i, Qt::UserRole);
            title->setEditable(false);
            if (a.title.isEmpty()) {
                QFont f = title->font();
                f.setItalic(true);
                title->setFont(f);
                title->setForeground(m_articleView->palette().color(QPalette::PlaceholderText));
            }
            auto *detail = new QStandardItem(a.kicker.isEmpty() ? a.subtitle : a.kicker);
            auto *reporters = new QStandardItem(a.reporters.join(QStringLiteral("、")));
            detail->setEditable(false);
            reporters->setEditable(false);
            m_articleModel->appendRow({title, detail, reporters});
        }
    }
    m_articleView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_articleView->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_articleView->header()->setSectionResizeMode(2, QHeaderView::Interactive);
    if (m_articleModel->rowCount() > 0)
        m_articleView->setCurrentIndex(m_articleModel->index(0, 0));
    else
        m_reader->showMessage(tr("This issue has no articles."));
}

void MainWindow::articleChanged(const QModelIndex &current)
{
    const QModelIndex issue = m_issueView->currentIndex();
    const int issueRow = issue.isValid() ? issue.siblingAtColumn(0).data(Qt::UserRole).toInt() : -1;
    const int row = current.isValid() ? current.siblingAtColumn(0).data(Qt::UserRole).toInt() : -1;
    if (issueRow < 0 || issueRow >= m_issues.size() || row < 0 || row >= m_issues.at(issueRow).articles.size()) {
        m_reader->showMessage(tr("Choose an article to read."));
        return;
    }
    const parse::Issue &i = m_issues.at(issueRow);
    ReaderArticle article = ReaderArticle::fromParsed(i.articles.at(row));
    article.issueName = i.name;
    article.issueDate = i.date;
    m_reader->showArticle(article);
}

void MainWindow::moveArticle(int delta)
{
    const int row = m_articleView->currentIndex().isValid() ? m_articleView->currentIndex().row() : -1;
    const int target = row + delta;
    if (target >= 0 && target < m_articleView->model()->rowCount()) {
        moveToArticleRow(target);
        return;
    }
    // Past either end of an issue, reading goes on in the neighbouring issue of the list.
    const QModelIndex issue = m_issueView->currentIndex();
    const int issueTarget = (issue.isValid() ? issue.row() : -1) + delta;
    if (issueTarget < 0 || issueTarget >= m_issueView->model()->rowCount())
        return;
    m_issueView->setCurrentIndex(m_issueView->model()->index(issueTarget, 0));
    if (delta < 0)
        moveToArticleRow(m_articleView->model()->rowCount() - 1);
}

void MainWindow::moveToArticleRow(int row)
{
    QAbstractItemModel *model = m_articleView->model();
    if (row < 0 || row >= model->rowCount())
        return;
    const QModelIndex index = model->index(row, 0);
    m_articleView->setCurrentIndex(index);
    m_articleView->scrollTo(index);
}

void MainWindow::selectFirstArticle()
{
    if (m_issueView->model()->rowCount() == 0)
        return;
    m_issueView->setCurrentIndex(m_issueView->model()->index(0, 0));
    moveToArticleRow(0);
}

void MainWindow::updateStatus()
{
    m_archiveLabel->setText(m_archivePath);
    int articles = 0;
    for (const parse::Issue &issue : std::as_const(m_issues))
        articles += int(issue.articles.size());
    m_countLabel->setText(countText(int(m_issues.size()), articles));
}

} // namespace baokan::ui
