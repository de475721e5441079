// SPDX-License-Identifier: MIT
#include "exportnotesdialog.h"
#include "mainwindow.h"
#include "notespanel.h"
#include "readerview.h"
#include "tagmanagerdialog.h"

#include "models/articlelistmodel.h"
#include "store/database.h"
#include "store/notestore.h"
#include "store/tagstore.h"

#include "uitestscope.h"
#include "uitestwindow.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace baokan;

namespace {

using test::child;
using test::openWindow;

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("notesui_tests"))
    {}
};

using test::samplePage;

// A window on an archive holding one sample page, showing its first article.
std::unique_ptr<ui::MainWindow> windowWithPage(const Scope &scope)
{
    auto window = openWindow(scope.archive());
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths({samplePage(0)}));
    REQUIRE((ended.count() > 0 || ended.wait(60000)));
    REQUIRE(window->reader()->hasArticle());
    REQUIRE_FALSE(window->notesPanel()->articleKey().isEmpty());
    return window;
}

// Code points [start, end) of s.
QString codePoints(const QString &s, int start, int end)
{
    const QList<uint> ucs4 = s.toUcs4();
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()) + start, end - start);
}

// Selects code points [start, end) of the body in the reader, as a mouse drag would.
void selectBody(ui::ReaderView *reader, int start, int end)
{
    const QList<ui::DocumentRange> spans =
        reader->fieldMap().toDocument(ui::FieldRange{ui::ReaderField::Body, start, end});
    REQUIRE(spans.size() == 1);
    QTextCursor c(reader->document());
    c.setPosition(spans.first().start);
    c.setPosition(spans.first().end, QTextCursor::KeepAnchor);
    reader->setTextCursor(c);
}

// A second, independent connection to the archive, as another process would see it.
struct Probe
{
    store::Database db;
    explicit Probe(const QString &path)
        : db(path)
    {
        QString error;
        REQUIRE(db.open(&error));
    }
    store::NoteStore notes() const { return store::NoteStore(db.connection()); }
    store::TagStore tags() const { return store::TagStore(db.connection()); }
};

void addTag(QWidget *window, const QString &name)
{
    auto *editor = child<QLineEdit>(window, "tagEditor");
    editor->setText(name);
    QTest::keyClick(editor, Qt::Key_Return);
}

} // namespace

TEST_CASE("an article note is saved by itself within a second of typing, with no save command", "[ui][notes]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    const QString key = window->notesPanel()->articleKey();
    auto *note = child<QPlainTextEdit>(window.get(), "articleNote");
    const QString text = QStringLiteral("研究笔记：this article reports the figures twice.");
    note->setFocus();
    note->insertPlainText(text);
    Probe probe(scope.archive());
    CHECK_FALSE(probe.notes().articleNote(key)); // not yet: typing has not paused
    // The autosave fires AutosaveDelayMs after the last keystroke; the margin is for a loaded machine.
    CHECK(QTest::qWaitFor([&] { return probe.notes().articleNote(key).has_value(); }, 3000));
    const auto saved = probe.notes().articleNote(key);
    REQUIRE(saved);
    CHECK(saved->note == text);
}

TEST_CASE("a note typed just before the window is destroyed is in the archive when it is reopened", "[ui][notes]")
{
    Scope scope;
    QString key;
    const QString text = QStringLiteral("第一行\nsecond line, written in a hurry");
    {
        auto window = windowWithPage(scope);
        key = window->notesPanel()->articleKey();
        child<QPlainTextEdit>(window.get(), "articleNote")->insertPlainText(text);
    } // destroyed at once: no close, no autosave pause
    Probe probe(scope.archive());
    const auto saved = probe.notes().articleNote(key);
    REQUIRE(saved);
    CHECK(saved->note == text);
}

TEST_CASE("a note is saved when the reader moves to another article", "[ui][notes]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    const QString first = window->notesPanel()->articleKey();
    child<QPlainTextEdit>(window.get(), "articleNote")->insertPlainText(QStringLiteral("头版要闻"));
    child<QAction>(window.get(), "actionNextArticle")->trigger();
    REQUIRE(window->notesPanel()->articleKey() != first);
    CHECK(child<QPlainTextEdit>(window.get(), "articleNote")->toPlainText().isEmpty());
    Probe probe(scope.archive());
    const auto saved = probe.notes().articleNote(first);
    REQUIRE(saved);
    CHECK(saved->note == QStringLiteral("头版要闻"));
}

TEST_CASE("a highlight made from the reader's selection is listed with its quote and undo and redo take it back and "
          "forth",
          "[ui][notes]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    const QString key = window->notesPanel()->articleKey();
    ui::ReaderView *reader = window->reader();
    const QString expected = codePoints(reader->fieldText(ui::ReaderField::Body), 3, 15);
    selectBody(reader, 3, 15);
    child<QAction>(window.get(), "highlightAction")->trigger();

    auto *list = child<QListWidget>(window.get(), "highlightList");
    REQUIRE(list->count() == 1);
    CHECK(list->item(0)->toolTip() == expected);
    Probe probe(scope.archive());
    QList<store::Note> stored = probe.notes().highlights(key);
    REQUIRE(stored.size() == 1);
    CHECK(stored.first().quote == expected);
    CHECK(stored.first().start == 3);
    CHECK(stored.first().end == 15);

    child<QAction>(window.get(), "undoAction")->trigger();
    CHECK(probe.notes().highlights(key).isEmpty());
    CHECK(list->count() == 0);

    child<QAction>(window.get(), "redoAction")->trigger();
    stored = probe.notes().highlights(key);
    REQUIRE(stored.size() == 1);
    CHECK(stored.first().quote == expected);
    CHECK(list->count() == 1);
}

TEST_CASE("a comment typed for a highlight is stored with it and shown in the list", "[ui][notes]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    const QString key = window->notesPanel()->articleKey();
    selectBody(window->reader(), 0, 6);
    child<QAction>(window.get(), "highlightAction")->trigger();
    auto *list = child<QListWidget>(window.get(), "highlightList");
    REQUIRE(list->count() == 1);
    list->setCurrentRow(0);
    auto *comment = child<QLineEdit>(window.get(), "highlightComment");
    comment->setText(QStringLiteral("核实数字"));
    QTest::keyClick(comment, Qt::Key_Return);
    Probe probe(scope.archive());
    const QList<store::Note> stored = probe.notes().highlights(key);
    REQUIRE(stored.size() == 1);
    CHECK(stored.first().note == QStringLiteral("核实数字"));
    CHECK(list->item(0)->text().contains(QStringLiteral("核实数字")));
}

TEST_CASE("a tag entered in the tag editor shows as a chip, is in the archive, and a click on the chip removes it",
          "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    const QString key = window->notesPanel()->articleKey();
    addTag(window.get(), QStringLiteral("环境保护"));
    auto *chips = child<QWidget>(window.get(), "tagChips");
    QList<QToolButton *> shown = chips->findChildren<QToolButton *>(QStringLiteral("tagChip"));
    REQUIRE(shown.size() == 1);
    CHECK(shown.first()->text().contains(QStringLiteral("环境保护")));
    Probe probe(scope.archive());
    QList<store::Tag> tags = probe.tags().tagsFor(key);
    REQUIRE(tags.size() == 1);
    CHECK(tags.first().name == QStringLiteral("环境保护"));

    shown.first()->click();
    QTest::qWait(50);
    CHECK(probe.tags().tagsFor(key).isEmpty());
    CHECK(chips->findChildren<QToolButton *>(QStringLiteral("tagChip")).isEmpty());
}

TEST_CASE("a tag entered with several articles selected goes on each of them", "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    auto *articles = child<QTreeView>(window.get(), "articleView");
    REQUIRE(articles->model()->rowCount() >= 3);
    QItemSelectionModel *selection = articles->selectionModel();
    selection->select(articles->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection->select(articles->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    addTag(window.get(), QStringLiteral("Follow-up"));
    Probe probe(scope.archive());
    const auto tag = probe.tags().findByName(QStringLiteral("follow-up"));
    REQUIRE(tag);
    CHECK(probe.tags().articleCount(tag->id) == selection->selectedRows().size());
    CHECK(selection->selectedRows().size() == 3);
}

TEST_CASE("Export Notes writes a CSV starting with the UTF-8 byte order mark, one row per note", "[ui][export]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::ReaderView *reader = window->reader();
    child<QPlainTextEdit>(window.get(), "articleNote")->insertPlainText(QStringLiteral("这篇报道值得引用"));
    window->notesPanel()->flush();
    selectBody(reader, 0, 8);
    child<QAction>(window.get(), "highlightAction")->trigger();
    selectBody(reader, 20, 30);
    child<QAction>(window.get(), "highlightAction")->trigger();
    auto *list = child<QListWidget>(window.get(), "highlightList");
    REQUIRE(list->count() == 2);
    list->setCurrentRow(1);
    auto *comment = child<QLineEdit>(window.get(), "highlightComment");
    comment->setText(QStringLiteral("与第二版对照"));
    QTest::keyClick(comment, Qt::Key_Return);
    addTag(window.get(), QStringLiteral("环境"));
    addTag(window.get(), QStringLiteral("policy"));

    const QString path = scope.dir.filePath(QStringLiteral("notes.csv"));
    bool sawDialog = false;
    QTimer::singleShot(0, window.get(), [&] {
        auto *dialog = qobject_cast<ui::ExportNotesDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        dialog->setPath(path);
        dialog->accept();
    });
    child<QAction>(window.get(), "exportNotesAction")->trigger();
    REQUIRE(sawDialog);

    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    QList<QByteArray> records = bytes.mid(3).split('\n');
    if (!records.isEmpty() && records.last().isEmpty())
        records.removeLast();
    REQUIRE(records.size() == 1 + 3); // header, the note, two highlights
    CHECK(records.first().startsWith("issue_date,"));
    CHECK(bytes.contains(QStringLiteral("这篇报道值得引用").toUtf8()));
    CHECK(bytes.contains(QStringLiteral("与第二版对照").toUtf8()));

    const QString shots = qEnvironmentVariable("BAOKAN_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QTextCursor c = reader->textCursor();
        c.clearSelection();
        reader->setTextCursor(c);
        list->setCurrentRow(0);
        CHECK(window->grab().save(QDir(shots).filePath(QStringLiteral("baokan-notes.png"))));
        QFile::remove(QDir(shots).filePath(QStringLiteral("baokan-notes.csv")));
        CHECK(QFile::copy(path, QDir(shots).filePath(QStringLiteral("baokan-notes.csv"))));
    }
}

TEST_CASE("the tag manager renames, merges and deletes tags, each undoable, and lists a tag's articles across issues",
          "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    auto *articles = child<QTreeView>(window.get(), "articleView");
    REQUIRE(articles->model()->rowCount() >= 3);
    const QString first = window->notesPanel()->articleKey();
    addTag(window.get(), QStringLiteral("环境"));
    addTag(window.get(), QStringLiteral("ecology"));
    articles->setCurrentIndex(articles->model()->index(2, 0));
    const QString third = window->notesPanel()->articleKey();
    REQUIRE(third != first);
    addTag(window.get(), QStringLiteral("ecology"));

    Probe probe(scope.archive());
    const auto env = probe.tags().findByName(QStringLiteral("环境"));
    const auto eco = probe.tags().findByName(QStringLiteral("ecology"));
    REQUIRE(env);
    REQUIRE(eco);

    child<QAction>(window.get(), "tagManagerAction")->trigger();
    auto *manager = child<ui::TagManagerDialog>(window.get(), "tagManager");
    auto *list = child<QListWidget>(manager, "tagList");
    REQUIRE(list->count() == 2);
    auto listed = [list] {
        QStringList rows;
        for (int i = 0; i < list->count(); ++i)
            rows << list->item(i)->text();
        return rows.join(QLatin1Char('|'));
    };

    REQUIRE(manager->renameTag(env->id, QStringLiteral("环境保护")));
    CHECK(probe.tags().tag(env->id)->name == QStringLiteral("环境保护"));
    CHECK(listed().contains(QStringLiteral("环境保护")));
    child<QAction>(window.get(), "undoAction")->trigger();
    CHECK(probe.tags().tag(env->id)->name == QStringLiteral("环境"));
    CHECK_FALSE(listed().contains(QStringLiteral("环境保护")));

    REQUIRE(manager->mergeTags(env->id, eco->id));
    CHECK_FALSE(probe.tags().tag(env->id));
    CHECK(probe.tags().articleCount(eco->id) == 2);
    CHECK(list->count() == 1);
    child<QAction>(window.get(), "undoAction")->trigger();
    CHECK(probe.tags().tag(env->id));
    CHECK(list->count() == 2);

    REQUIRE(manager->deleteTag(eco->id));
    CHECK_FALSE(probe.tags().tag(eco->id));
    CHECK(probe.tags().tagsFor(third).isEmpty());
    child<QAction>(window.get(), "undoAction")->trigger();
    CHECK(probe.tags().tagsFor(third).size() == 1);

    // Listing the articles of a tag: the article list holds exactly the two tagged ones.
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setSelected(list->item(i)->data(Qt::UserRole).toLongLong() == eco->id);
    child<QPushButton>(manager, "showTagArticles")->click();
    QStringList shown;
    for (int row = 0; row < articles->model()->rowCount(); ++row)
        shown << articles->model()->index(row, 0).data(models::ArticleListModel::ArticleKeyRole).toString();
    shown.sort();
    QStringList expected{first, third};
    expected.sort();
    CHECK(shown == expected);
    manager->close();
}

TEST_CASE("a highlight that lost its place is listed under Needs review and re-attaches to the reader's selection",
          "[ui][notes]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    const QString key = window->notesPanel()->articleKey();
    ui::ReaderView *reader = window->reader();
    selectBody(reader, 2, 9);
    child<QAction>(window.get(), "highlightAction")->trigger();
    Probe probe(scope.archive());
    REQUIRE(probe.notes().highlights(key).size() == 1);

    // As a re-import would after the page's text changed beyond recognition.
    store::ReanchorResult result;
    REQUIRE(store::NoteStore::reanchorArticle(probe.db.connection(), key, QStringLiteral("完全不同的文字。"), &result));
    REQUIRE(result.review == 1);
    window->notesPanel()->reload();
    auto *review = child<QListWidget>(window.get(), "reviewList");
    REQUIRE(review->count() == 1);
    CHECK(child<QListWidget>(window.get(), "highlightList")->count() == 0);

    const QString expected = codePoints(reader->fieldText(ui::ReaderField::Body), 12, 20);
    selectBody(reader, 12, 20);
    review->setCurrentRow(0);
    child<QPushButton>(window.get(), "reattachHighlight")->click();
    const QList<store::Note> stored = probe.notes().highlights(key);
    REQUIRE(stored.size() == 1);
    CHECK(stored.first().anchor == store::AnchorState::Ok);
    CHECK(stored.first().quote == expected);
    CHECK(review->count() == 0);
    CHECK(child<QListWidget>(window.get(), "highlightList")->count() == 1);
}
