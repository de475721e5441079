// SPDX-License-Identifier: MIT
#include "entitiespanel.h"
#include "mainwindow.h"
#include "notespanel.h"
#include "readerview.h"

#include "store/correctionedits.h"
#include "store/database.h"
#include "store/entitystore.h"
#include "store/issuestore.h"
#include "store/noteedits.h"
#include "store/tagedits.h"

#include "uitestscope.h"
#include "uitestwindow.h"

#include <catch2/catch.hpp>

#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace baokan;

namespace {

using test::child;
using test::openWindow;

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("windowsync_tests"))
    {}
};

void importThroughWindow(ui::MainWindow *window, const QStringList &paths)
{
    QSignalSpy ended(window, &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths(paths));
    REQUIRE((ended.count() > 0 || ended.wait(60000)));
}

// Waits (with the event loop running, as a user's window would) until `done` holds.
bool eventually(const std::function<bool()> &done, int timeoutMs = 8000)
{
    return QTest::qWaitFor(done, timeoutMs);
}

QStringList tagNames(const ui::ReaderView *reader)
{
    QStringList names;
    for (const ui::ReaderTag &t : reader->article().tags)
        names << t.name;
    return names;
}

} // namespace

TEST_CASE("an edit in one window appears in another window on the same archive without a restart", "[ui][windowsync]")
{
    Scope scope;
    {
        auto first = openWindow(scope.archive());
        importThroughWindow(first.get(), {test::samplePage(0), test::samplePage(1)});
        first->close();
    }
    auto writer = openWindow(scope.archive());
    auto reader = openWindow(scope.archive());
    auto *readerView = child<ui::ReaderView>(reader.get(), "reader");
    REQUIRE(readerView->hasArticle());
    const QString key = readerView->article().key;
    REQUIRE(writer->selectArticleByKey(key));

    SECTION("an issue renamed in the other window's list")
    {
        auto *issues = child<QTreeView>(writer.get(), "issueView");
        const QModelIndex name = issues->currentIndex().siblingAtColumn(1);
        REQUIRE(issues->model()->setData(name, QStringLiteral("改过的期名")));
        auto *otherIssues = child<QTreeView>(reader.get(), "issueView");
        CHECK(eventually(
            [&] { return otherIssues->currentIndex().siblingAtColumn(1).data().toString() == u"改过的期名"; }));
        // The article being read stays, and its issue line follows.
        CHECK(readerView->article().key == key);
        CHECK(readerView->article().issueName == QStringLiteral("改过的期名"));
    }

    SECTION("a tag, a note and a correction written through another connection, as another process would")
    {
        store::Database other(scope.archive());
        REQUIRE(other.open());
        store::Edit tag = store::TagEdits::add({key}, QStringLiteral("另一窗口"));
        REQUIRE(tag.apply(other.connection()));
        CHECK(eventually([&] { return tagNames(readerView).contains(QStringLiteral("另一窗口")); }));
        CHECK(readerView->article().key == key);

        store::Edit note = store::NoteEdits::setArticleNote(key, QStringLiteral("别处写的笔记"));
        REQUIRE(note.apply(other.connection()));
        auto *noteEditor = child<QPlainTextEdit>(reader.get(), "articleNote");
        CHECK(eventually([&] { return noteEditor->toPlainText() == u"别处写的笔记"; }));

        // A correction: the article's first recognized mention is removed elsewhere.
        auto *entities = reader->entitiesPanel();
        REQUIRE(!entities->mentions().isEmpty());
        const store::StoredMention gone = entities->mentions().first();
        store::Edit correction =
            store::CorrectionEdits::remove(key, gone.field, gone.start, gone.end, QStringLiteral("mention"));
        REQUIRE(correction.apply(other.connection()));
        const auto stillThere = [&] {
            for (const store::StoredMention &m : entities->mentions())
                if (m.field == gone.field && m.start == gone.start && m.end == gone.end)
                    return true;
            return false;
        };
        CHECK(eventually([&] { return !stillThere(); }));
        other.closeThreadConnection();
    }

    SECTION("a note being typed survives another window's change")
    {
        auto *noteEditor = child<QPlainTextEdit>(reader.get(), "articleNote");
        noteEditor->setFocus();
        QTest::keyClicks(noteEditor, QStringLiteral("typing"));
        auto *issues = child<QTreeView>(writer.get(), "issueView");
        REQUIRE(issues->model()->setData(issues->currentIndex().siblingAtColumn(1), QStringLiteral("又改")));
        auto *otherIssues = child<QTreeView>(reader.get(), "issueView");
        CHECK(eventually([&] { return otherIssues->currentIndex().siblingAtColumn(1).data().toString() == u"又改"; }));
        CHECK(noteEditor->toPlainText() == QStringLiteral("typing"));
    }
}
