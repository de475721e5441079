// SPDX-License-Identifier: MIT
#include "entitiespanel.h"
#include "mainwindow.h"
#include "notespanel.h"
#include "readerview.h"
#include "searchpanel.h"
#include "settings.h"

#include "models/articlelistmodel.h"
#include "store/database.h"
#include "store/searchindex.h"

#include "uitestscope.h"
#include "uitestwindow.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace baokan;

namespace {

using test::child;
using test::openWindow;

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("ui_tests"))
    {}
};

using test::samplePage;

// Imports through the window, as File › Import and drag and drop do, and waits for the end.
void importThroughWindow(ui::MainWindow *window, const QStringList &paths)
{
    QSignalSpy ended(window, &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths(paths));
    REQUIRE((ended.count() > 0 || ended.wait(60000)));
}

// An archive holding the first two sample pages, imported through the window.
void prepareArchive(const Scope &scope)
{
    auto window = openWindow(scope.archive());
    importThroughWindow(window.get(), {samplePage(0), samplePage(1)});
    window->close();
}

} // namespace

TEST_CASE("pages imported through the window appear as issues with their articles", "[ui][window]")
{
    Scope scope;
    auto window = openWindow(scope.archive());
    auto *issues = child<QTreeView>(window.get(), "issueView");
    auto *reader = child<ui::ReaderView>(window.get(), "reader");
    CHECK(issues->model()->rowCount() == 0);
    CHECK_FALSE(reader->hasArticle());

    importThroughWindow(window.get(), {samplePage(0), samplePage(1)});
    CHECK_FALSE(window->isImporting());
    INFO(window->statusBar()->currentMessage().toStdString());
    CHECK(issues->model()->rowCount() == 2);
    CHECK(reader->hasArticle()); // the newest issue's first article is shown once it is in
    CHECK(child<QLabel>(window.get(), "countLabel")->text().contains(QStringLiteral("2 issues")));
}

TEST_CASE("choosing an issue and an article shows its title and body in the reader", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    auto *issues = child<QTreeView>(window.get(), "issueView");
    auto *articles = child<QTreeView>(window.get(), "articleView");
    auto *reader = child<ui::ReaderView>(window.get(), "reader");
    REQUIRE(issues->model()->rowCount() == 2);

    issues->setFocus();
    issues->setCurrentIndex(issues->model()->index(0, 0));
    QTest::keyClick(issues, Qt::Key_Down);
    REQUIRE(issues->currentIndex().row() == 1);
    REQUIRE(articles->model()->rowCount() > 1);

    articles->setFocus();
    QTest::keyClick(articles, Qt::Key_Down);
    const QModelIndex chosen = articles->currentIndex();
    REQUIRE(chosen.row() == 1);
    const QString listedTitle = chosen.siblingAtColumn(0).data().toString();
    REQUIRE_FALSE(listedTitle.isEmpty());

    REQUIRE(reader->hasArticle());
    const QString shown = reader->document()->toPlainText();
    const QString body = reader->fieldText(ui::ReaderField::Body);
    REQUIRE_FALSE(body.isEmpty());
    CHECK(shown.contains(body.section(QLatin1Char('\n'), 0, 0)));
    // The list shows the printed title or the display title; the reader shows the same words.
    CHECK(shown.contains(listedTitle.left(6)));
}

TEST_CASE("n and p move to the next and previous article, Home and End to the ends", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    auto *articles = child<QTreeView>(window.get(), "articleView");
    auto *reader = child<ui::ReaderView>(window.get(), "reader");
    window->selectFirstArticle();
    REQUIRE(articles->currentIndex().row() == 0);
    REQUIRE(articles->model()->rowCount() > 3);
    articles->setFocus();

    QTest::keyClick(articles, Qt::Key_N);
    CHECK(articles->currentIndex().row() == 1);
    const QString second = reader->article().key;
    QTest::keyClick(articles, Qt::Key_J);
    CHECK(articles->currentIndex().row() == 2);
    CHECK(reader->article().key != second);
    QTest::keyClick(articles, Qt::Key_K);
    CHECK(articles->currentIndex().row() == 1);
    CHECK(reader->article().key == second);
    QTest::keyClick(articles, Qt::Key_P);
    CHECK(articles->currentIndex().row() == 0);

    // The keys also work while the reader has the focus.
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_N);
    CHECK(articles->currentIndex().row() == 1);

    child<QAction>(window.get(), "actionLastArticle")->trigger();
    CHECK(articles->currentIndex().row() == articles->model()->rowCount() - 1);
    child<QAction>(window.get(), "actionFirstArticle")->trigger();
    CHECK(articles->currentIndex().row() == 0);
}

TEST_CASE("Ctrl+= and Ctrl+- change the reader's text size and the size is remembered", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    qreal enlarged = 0;
    {
        auto window = openWindow(scope.archive());
        auto *reader = child<ui::ReaderView>(window.get(), "reader");
        const qreal before = reader->textPointSize();
        QTest::keyClick(reader, Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(reader, Qt::Key_Equal, Qt::ControlModifier);
        CHECK(reader->textPointSize() == Approx(before + 2));
        QTest::keyClick(reader, Qt::Key_Minus, Qt::ControlModifier);
        enlarged = reader->textPointSize();
        CHECK(enlarged == Approx(before + 1));
        window->close();
    }
    CHECK(ui::Settings().readerPointSize() == Approx(enlarged));
    auto again = openWindow(scope.archive());
    CHECK(child<ui::ReaderView>(again.get(), "reader")->textPointSize() == Approx(enlarged));
}

TEST_CASE("the window reopens on the article last read", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    QString key;
    {
        auto window = openWindow(scope.archive());
        auto *issues = child<QTreeView>(window.get(), "issueView");
        issues->setCurrentIndex(issues->model()->index(1, 0));
        child<QAction>(window.get(), "actionNextArticle")->trigger();
        key = child<ui::ReaderView>(window.get(), "reader")->article().key;
        REQUIRE_FALSE(key.isEmpty());
        window->close();
    }
    auto again = openWindow(scope.archive());
    CHECK(child<ui::ReaderView>(again.get(), "reader")->article().key == key);
    CHECK(child<QTreeView>(again.get(), "issueView")->currentIndex().row() == 1);
}

TEST_CASE("a file that cannot be imported is named in the import summary and the rest go in", "[ui][window]")
{
    Scope scope;
    const QString folder = scope.dir.filePath(QStringLiteral("mixed"));
    REQUIRE(QDir().mkpath(folder));
    REQUIRE(QFile::copy(samplePage(2), QDir(folder).filePath(QStringLiteral("good.txt"))));
    QFile bad(QDir(folder).filePath(QStringLiteral("broken.txt")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write(QByteArray("\x00\x01\x02\xff\xfe\x00binary\x00", 12).repeated(200));
    bad.close();

    auto window = openWindow(scope.archive());
    importThroughWindow(window.get(), {QDir(folder).filePath(QStringLiteral("good.txt")), bad.fileName()});
    CHECK(child<QTreeView>(window.get(), "issueView")->model()->rowCount() == 1);
    auto *summary = window->findChild<QMessageBox *>(QStringLiteral("importSummary"));
    REQUIRE(summary);
    CHECK(summary->text().contains(QStringLiteral("broken.txt")));
}

TEST_CASE("an archive made by a newer baokan, or a file that is not one, is refused and the window keeps going",
          "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    const QString newer = scope.dir.filePath(QStringLiteral("newer.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("make-newer"));
        db.setDatabaseName(newer);
        REQUIRE(db.open());
        REQUIRE(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 9999")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("make-newer"));
    const QString text = scope.dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(text);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("this is not an archive at all, just a line of text that is long enough to be read");
    }
    const QByteArray before = [&] {
        QFile f(newer);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }();

    auto window = openWindow(scope.archive());
    for (const QString &path : {newer, text}) {
        QString error;
        CHECK_FALSE(window->openArchive(path, &error));
        CHECK(error.contains(QFileInfo(path).fileName()));
    }
    CHECK(window->archivePath() == QFileInfo(scope.archive()).absoluteFilePath());
    CHECK(child<QTreeView>(window.get(), "issueView")->model()->rowCount() == 2);
    QFile f(newer);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == before); // refused, not modified
}

TEST_CASE("every menu action has an object name", "[ui][window]")
{
    Scope scope;
    ui::MainWindow window;
    for (const char *name :
         {"actionNewArchive", "actionOpenArchive", "actionImport", "actionQuit", "actionLargerText",
          "actionSmallerText", "actionNextArticle", "actionPreviousArticle", "actionFirstArticle", "actionLastArticle"})
        CHECK(window.findChild<QAction *>(QString::fromLatin1(name)) != nullptr);
}

TEST_CASE("Tab moves the focus from issues to articles to the reader", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    auto *issues = child<QTreeView>(window.get(), "issueView");
    auto *articles = child<QTreeView>(window.get(), "articleView");
    auto *reader = child<ui::ReaderView>(window.get(), "reader");
    issues->setFocus();
    REQUIRE(QApplication::focusWidget() == issues);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    CHECK(QApplication::focusWidget() == articles);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    CHECK(QApplication::focusWidget() == reader);
}

TEST_CASE("files dropped on the window are imported", "[ui][window]")
{
    Scope scope;
    auto window = openWindow(scope.archive());
    auto *issues = child<QTreeView>(window.get(), "issueView");
    REQUIRE(issues->model()->rowCount() == 0);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(samplePage(3)), QUrl::fromLocalFile(samplePage(4))});
    const QPoint at = window->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    REQUIRE(enter.isAccepted());
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &drop);
    CHECK(window->isImporting());
    REQUIRE((ended.count() > 0 || ended.wait(60000)));
    CHECK(issues->model()->rowCount() == 2);
}

TEST_CASE("Cancel stops a running import and says so; the window keeps working", "[ui][window]")
{
    Scope scope;
    // Many small issues, each a little different, so the import is still running when Cancel comes.
    const QDir folder(scope.dir.filePath(QStringLiteral("many")));
    REQUIRE(QDir().mkpath(folder.path()));
    QFile source(samplePage(0));
    REQUIRE(source.open(QIODevice::ReadOnly));
    const QByteArray page = source.readAll();
    QStringList files;
    for (int i = 0; i < 60; ++i) {
        QFile f(folder.filePath(QStringLiteral("issue%1.txt").arg(i, 3, 10, QLatin1Char('0'))));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(page + "\n第" + QByteArray::number(i) + "期\n");
        files << f.fileName();
    }

    auto window = openWindow(scope.archive());
    auto *cancel = child<QToolButton>(window.get(), "importCancel");
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths(files));
    CHECK(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    REQUIRE((ended.count() > 0 || ended.wait(60000)));
    CHECK_FALSE(window->isImporting());
    CHECK_FALSE(cancel->isVisible());
    CHECK(child<QTreeView>(window.get(), "issueView")->model()->rowCount() < 60);
    auto *summary = window->findChild<QMessageBox *>(QStringLiteral("importSummary"));
    REQUIRE(summary);
    CHECK(summary->text().contains(QStringLiteral("cancelled")));
    // The archive takes the next import as usual.
    REQUIRE(window->importPaths({files.last()}));
    REQUIRE(ended.wait(60000));
}

TEST_CASE("an issue's name is edited in place and kept in the archive", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    {
        auto window = openWindow(scope.archive());
        auto *issues = child<QTreeView>(window.get(), "issueView");
        issues->setFocus();
        issues->setCurrentIndex(issues->model()->index(0, 1)); // the name column
        QTest::keyClick(issues, Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        REQUIRE(editor);
        editor->selectAll();
        editor->insert(QStringLiteral("第一期")); // what an input method commits
        QTest::keyClicks(editor, QStringLiteral(" nb"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents(); // the delegate commits in a queued call
        CHECK(issues->model()->index(0, 1).data().toString() == QStringLiteral("第一期 nb"));
        // The reader's issue line follows the edit.
        CHECK(child<ui::ReaderView>(window.get(), "reader")->article().issueName == QStringLiteral("第一期 nb"));
        window->close();
    }
    auto again = openWindow(scope.archive());
    CHECK(child<QTreeView>(again.get(), "issueView")->model()->index(0, 1).data().toString() ==
          QStringLiteral("第一期 nb"));
}

TEST_CASE("opening another archive while an import runs stops the import and shows the new archive", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope); // the archive to switch to: two issues
    const QString busy = scope.dir.filePath(QStringLiteral("busy.sqlite"));
    QStringList files;
    for (int i = 0; i < 5; ++i)
        files << samplePage(i);

    auto window = openWindow(busy);
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths(files));
    QString error;
    REQUIRE(window->openArchive(scope.archive(), &error));
    CHECK_FALSE(window->isImporting());
    CHECK_FALSE(child<QToolButton>(window.get(), "importCancel")->isVisible());
    QTest::qWait(200); // a late report from the stopped job must change nothing
    CHECK(ended.count() == 0);
    CHECK(child<QTreeView>(window.get(), "issueView")->model()->rowCount() == 2);
    CHECK(window->findChild<QMessageBox *>(QStringLiteral("importSummary")) == nullptr);
    CHECK(child<QAction>(window.get(), "actionImport")->isEnabled());
}

TEST_CASE("window size and pane widths are restored on the next start", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    QList<int> sizes;
    {
        auto window = openWindow(scope.archive());
        window->resize(1100, 700);
        auto *splitter = child<QSplitter>(window.get(), "mainSplitter");
        splitter->setSizes({180, 300, 600});
        QCoreApplication::processEvents();
        sizes = splitter->sizes();
        window->close();
    }
    auto again = openWindow(scope.archive());
    CHECK(again->size() == QSize(1100, 700));
    CHECK(child<QSplitter>(again.get(), "mainSplitter")->sizes() == sizes);
}

namespace {

// Tabbed docks behind the one in front stay "visible", moved out of the window.
bool inFront(const QWidget *dock)
{
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
}

} // namespace

TEST_CASE("on a first start the reader keeps about 30 characters a line at 1440x900 and at 1100x700", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    QSettings().clear(); // a first start: no saved geometry, docks or panes
    struct Case
    {
        QSize size;
        bool dockOpen;
    };
    // At 1100 the side dock cannot sit beside the lists and a 30-character reader: it starts closed.
    for (const Case &c : {Case{{1440, 900}, true}, Case{{1100, 700}, false}}) {
        INFO(c.size.width() << "x" << c.size.height());
        auto window = openWindow(scope.archive(), c.size);
        window->selectFirstArticle();
        QCoreApplication::processEvents();
        ui::ReaderView *reader = window->reader();
        REQUIRE(reader->hasArticle());
        const qreal em = reader->columnWidth() / 38.0;
        // The reader keeps 2 em of margin on either side of its text.
        const qreal characters = reader->viewport()->width() / em - 4;
        CHECK(characters >= 29.5);
        CHECK(characters <= 40);
        CHECK(window->notesPanel()->isVisible() == c.dockOpen);
        CHECK(window->entitiesPanel()->isVisibleTo(window.get()) == c.dockOpen);
        if (c.dockOpen) {
            CHECK(window->notesPanel()->width() < window->width() / 4);
        } else {
            child<QAction>(window.get(), "showNotesAction")->trigger(); // View › Notes
            CHECK(window->notesPanel()->isVisible());
            window->entitiesPanel()->toggleViewAction()->trigger(); // View › Entities
            CHECK(inFront(window->entitiesPanel()));
        }
        window->close();
        QSettings().clear();
    }
}

TEST_CASE("the side dock's layout is restored on the next start", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    {
        auto window = openWindow(scope.archive(), {1440, 900});
        REQUIRE(inFront(window->notesPanel()));
        // Click the Entities tab under the dock, as a user would.
        QTabBar *tabs = nullptr;
        for (QTabBar *bar : window->findChildren<QTabBar *>()) {
            for (int i = 0; i < bar->count(); ++i) {
                if (bar->tabText(i) == window->entitiesPanel()->windowTitle()) {
                    tabs = bar;
                    bar->setCurrentIndex(i);
                }
            }
        }
        REQUIRE(tabs);
        QCoreApplication::processEvents();
        REQUIRE(inFront(window->entitiesPanel()));
        REQUIRE_FALSE(inFront(window->notesPanel()));
        window->close();
    }
    {
        auto again = openWindow(scope.archive(), {1440, 900});
        CHECK(inFront(again->entitiesPanel())); // the tab in front stays in front
        CHECK_FALSE(inFront(again->notesPanel()));
        // Closing the dock is remembered too, even where a first start would open it.
        again->entitiesPanel()->close(); // the docks' close buttons
        again->notesPanel()->close();
        CHECK_FALSE(again->notesPanel()->isVisibleTo(again.get()));
        again->close();
    }
    auto third = openWindow(scope.archive(), {1440, 900});
    CHECK_FALSE(third->notesPanel()->isVisibleTo(third.get()));
    CHECK_FALSE(third->entitiesPanel()->isVisibleTo(third.get()));
}

TEST_CASE("the article list gives titles its whole width at 1440x900 and 1024x700, with the byline under them "
          "and the whole title in the tooltip",
          "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    for (const QSize size : {QSize(1440, 900), QSize(1024, 700)}) {
        INFO(size.width() << "x" << size.height());
        auto window = openWindow(scope.archive(), size);
        auto *view = child<QTreeView>(window.get(), "articleView");
        QCoreApplication::processEvents();
        CHECK(view->isColumnHidden(models::ArticleListModel::DetailColumn));
        CHECK(view->isColumnHidden(models::ArticleListModel::ReportersColumn));
        const int title = view->header()->sectionSize(models::ArticleListModel::TitleColumn);
        CHECK(title >= view->viewport()->width() - 2);
        // At least 14 ideographs of a title in a row (it was 6 beside the kicker and reporters columns).
        CHECK(title >= 14 * view->fontMetrics().horizontalAdvance(QChar(0x4E2D)));
        // Two lines a row: the title over the kicker and reporters.
        CHECK(view->sizeHintForRow(0) >= 2 * view->fontMetrics().height());

        // A row with reporters shows them in the title's tooltip, after the whole title.
        bool sawReporters = false;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex titleIndex = view->model()->index(row, models::ArticleListModel::TitleColumn);
            const QString tip = titleIndex.data(Qt::ToolTipRole).toString();
            CHECK(tip.startsWith(titleIndex.data().toString()));
            const QString reporters =
                titleIndex.siblingAtColumn(models::ArticleListModel::ReportersColumn).data().toString();
            if (!reporters.isEmpty()) {
                CHECK(tip.contains(reporters));
                sawReporters = true;
            }
        }
        CHECK(sawReporters);
        window->close();
    }
}

namespace {

// Records the objectNames of widgets shown while it lives (a modal dialog shows synchronously).
class ShowRecorder : public QObject
{
public:
    ShowRecorder() { qApp->installEventFilter(this); }
    ~ShowRecorder() override { qApp->removeEventFilter(this); }
    QStringList shown;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && watched->isWidgetType() && !watched->objectName().isEmpty()) {
            shown << watched->objectName();
            const QString shots = qEnvironmentVariable("BAOKAN_SCREENSHOT_DIR");
            if (!shots.isEmpty() && watched->objectName() == u"migrationProgress")
                static_cast<QWidget *>(watched)->grab().save(
                    QDir(shots).filePath(watched->objectName() + QStringLiteral(".png")));
        }
        return false;
    }
};

} // namespace

TEST_CASE("an archive of an older baokan is brought up to date behind a message saying so, then shown", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    {
        store::Database db(scope.archive());
        REQUIRE(db.open());
        // Back to schema 5: migration 0006 (an index, made if missing) runs again on the next open.
        REQUIRE(QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA user_version = 5")));
        REQUIRE(db.schemaVersion() == 5);
    }
    ShowRecorder recorder;
    auto window = openWindow(scope.archive());
    CHECK(recorder.shown.contains(QStringLiteral("migrationProgress")));
    CHECK(child<ui::ReaderView>(window.get(), "reader")->hasArticle());
    store::Database after(scope.archive());
    CHECK(after.schemaVersion() == store::Database::latestSchemaVersion());

    // Opened again, already current: no message.
    recorder.shown.clear();
    QString error;
    REQUIRE(window->openArchive(scope.archive(), &error));
    CHECK_FALSE(recorder.shown.contains(QStringLiteral("migrationProgress")));
}

TEST_CASE("an issue's date edited in the issue list moves its articles in a search by date", "[ui][window]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    ui::SearchPanel *panel = window->searchPanel();
    auto *sort = child<QComboBox>(window.get(), "searchSort");
    sort->setCurrentIndex(sort->findData(int(store::SearchOptions::Sort::DateDescending)));
    auto *results = child<QListView>(window.get(), "searchResults");
    QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
    panel->searchField()->setText(QStringLiteral("的")); // in nearly every article of both issues
    panel->searchNow();
    REQUIRE((finished.count() > 0 || finished.wait(10000)));
    const auto firstDate = [&] { return results->model()->index(0, 0).data(ui::SearchPanel::DateRole).toString(); };
    const auto dates = [&] {
        QSet<QString> out;
        for (int row = 0; row < results->model()->rowCount(); ++row)
            out.insert(results->model()->index(row, 0).data(ui::SearchPanel::DateRole).toString().left(10));
        return out;
    };
    REQUIRE(dates().size() == 2);

    // The older issue is moved after the newer one.
    auto *issues = child<QTreeView>(window.get(), "issueView");
    REQUIRE(issues->model()->rowCount() == 2);
    const QModelIndex older = issues->model()->index(1, 0); // newest first
    REQUIRE_FALSE(firstDate().startsWith(older.data().toString()));
    finished.clear();
    REQUIRE(issues->model()->setData(older, QStringLiteral("2031-05-06")));
    REQUIRE((finished.count() > 0 || finished.wait(10000)));
    CHECK(firstDate().startsWith(QStringLiteral("2031-05-06")));
    CHECK(dates().contains(QStringLiteral("2031-05-06")));
}
