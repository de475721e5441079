// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "readerview.h"
#include "settings.h"

#include "uitestscope.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace baokan;

namespace {

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("ui_tests"))
    {}
};

using test::samplePage;

std::unique_ptr<ui::MainWindow> openWindow(const QString &archive)
{
    auto window = std::make_unique<ui::MainWindow>();
    QString error;
    REQUIRE(window->openArchive(archive, &error));
    window->show();
    QApplication::setActiveWindow(window.get());
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    return window;
}

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

template<typename T>
T *child(QWidget *window, const char *name)
{
    auto *w = window->findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
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
