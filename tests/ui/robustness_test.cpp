// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "notespanel.h"
#include "readerview.h"

#include "store/database.h"
#include "store/notestore.h"

#include "uitestscope.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>

using namespace baokan;

namespace {

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("robustui_tests"))
    {}
};

std::unique_ptr<ui::MainWindow> windowWithPage(const Scope &scope)
{
    auto window = std::make_unique<ui::MainWindow>();
    QString error;
    REQUIRE(window->openArchive(scope.archive(), &error));
    window->show();
    QApplication::setActiveWindow(window.get());
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths({test::samplePage(0)}));
    REQUIRE((ended.count() > 0 || ended.wait(60000)));
    REQUIRE(window->reader()->hasArticle());
    REQUIRE_FALSE(window->notesPanel()->articleKey().isEmpty());
    return window;
}

template<typename T>
T *child(QObject *window, const char *name)
{
    auto *w = window->findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

// Makes every connection of this thread refuse writes, as a full disk or a read-only file
// would: SQLite answers each write with an error.
void refuseWrites(bool refuse)
{
    const QString thread = QString::number(quintptr(QThread::currentThreadId()));
    int changed = 0;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (!name.endsWith(QLatin1Char('-') + thread))
            continue;
        QSqlQuery q(QSqlDatabase::database(name, false));
        REQUIRE(q.exec(refuse ? QStringLiteral("PRAGMA query_only = ON") : QStringLiteral("PRAGMA query_only = OFF")));
        ++changed;
    }
    REQUIRE(changed > 0);
}

} // namespace

TEST_CASE("a note the archive refuses stays in the editor, the user is told, and it is saved once writes work again",
          "[ui][notes][robust]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::NotesPanel *panel = window->notesPanel();
    const QString first = panel->articleKey();
    auto *note = child<QPlainTextEdit>(window.get(), "articleNote");
    QSignalSpy messages(panel, &ui::NotesPanel::message);

    refuseWrites(true);
    const QString text = QStringLiteral("不能丢的笔记：the disk is full right now");
    note->setFocus();
    note->insertPlainText(text);
    // The autosave fires AutosaveDelayMs after typing stops; the margin is for a loaded machine.
    REQUIRE(QTest::qWaitFor([&] { return messages.count() > 0; }, 3000));
    CHECK(messages.last().at(0).toString().contains(QStringLiteral("could not be saved")));
    // What to do about it, in words, not SQLite's alone.
    CHECK(messages.last().at(0).toString().contains(QStringLiteral("writable")));
    CHECK(note->toPlainText() == text);
    CHECK(panel->hasUnsavedNotes());
    CHECK_FALSE(panel->flush());

    // Moving on must neither drop the text nor carry it over to the next article.
    child<QAction>(window.get(), "actionNextArticle")->trigger();
    REQUIRE(panel->articleKey() != first);
    CHECK(note->toPlainText().isEmpty());
    child<QAction>(window.get(), "actionPreviousArticle")->trigger();
    REQUIRE(panel->articleKey() == first);
    CHECK(note->toPlainText() == text);

    refuseWrites(false);
    CHECK(panel->flush());
    CHECK_FALSE(panel->hasUnsavedNotes());
    store::Database probe(scope.archive());
    QString error;
    REQUIRE(probe.open(&error));
    const auto saved = store::NoteStore(probe.connection()).articleNote(first);
    REQUIRE(saved);
    CHECK(saved->note == text);
}

TEST_CASE("a note refused while another article is shown is saved when the archive takes writes again",
          "[ui][notes][robust]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::NotesPanel *panel = window->notesPanel();
    const QString first = panel->articleKey();
    auto *note = child<QPlainTextEdit>(window.get(), "articleNote");

    refuseWrites(true);
    note->insertPlainText(QStringLiteral("第一篇的笔记"));
    child<QAction>(window.get(), "actionNextArticle")->trigger(); // the save on leaving fails
    const QString second = panel->articleKey();
    REQUIRE(second != first);
    refuseWrites(false);
    note->insertPlainText(QStringLiteral("第二篇的笔记"));
    CHECK(panel->flush());

    store::Database probe(scope.archive());
    QString error;
    REQUIRE(probe.open(&error));
    const store::NoteStore notes(probe.connection());
    const auto one = notes.articleNote(first);
    const auto two = notes.articleNote(second);
    REQUIRE(one);
    REQUIRE(two);
    CHECK(one->note == QStringLiteral("第一篇的笔记"));
    CHECK(two->note == QStringLiteral("第二篇的笔记"));
}
