// SPDX-License-Identifier: MIT
#include "entitiespanel.h"
#include "exportnotesdialog.h"
#include "mainwindow.h"
#include "notespanel.h"
#include "readerview.h"
#include "tagchipdelegate.h"
#include "tagfilterbar.h"
#include "tagmanagerdialog.h"

#include "models/articlelistmodel.h"
#include "store/articlestore.h"
#include "store/database.h"
#include "store/notestore.h"
#include "store/tagstore.h"

#include "uitestscope.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace baokan;
using models::ArticleListModel;

namespace {

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("tagsui_tests"))
    {}
};

template<typename T>
T *child(QObject *parent, const QString &name)
{
    auto *w = parent->findChild<T *>(name);
    REQUIRE(w);
    return w;
}

// A window on a fresh archive holding the given sample pages, showing the newest issue's first article.
std::unique_ptr<ui::MainWindow> windowWithPages(const Scope &scope, const QList<int> &pages)
{
    auto window = std::make_unique<ui::MainWindow>();
    QString error;
    REQUIRE(window->openArchive(scope.archive(), &error));
    window->resize(1400, 860);
    window->show();
    QApplication::setActiveWindow(window.get());
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    QStringList paths;
    for (int n : pages)
        paths << test::samplePage(n);
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths(paths));
    REQUIRE((ended.count() > 0 || ended.wait(90000)));
    window->selectFirstArticle();
    REQUIRE(window->reader()->hasArticle());
    return window;
}

void addTag(QWidget *window, const QString &name)
{
    auto *editor = child<QLineEdit>(window, QStringLiteral("tagEditor"));
    editor->setText(name);
    QTest::keyClick(editor, Qt::Key_Return);
}

QTreeView *articleView(QWidget *window)
{
    return child<QTreeView>(window, QStringLiteral("articleView"));
}

QStringList rowTags(QTreeView *view, int row)
{
    return view->model()->index(row, 0).data(ArticleListModel::TagNamesRole).toStringList();
}

QStringList listedKeys(QTreeView *view)
{
    QAbstractItemModel *model = view->model();
    while (model->canFetchMore({}))
        model->fetchMore({});
    QStringList keys;
    for (int row = 0; row < model->rowCount(); ++row)
        keys << model->index(row, 0).data(ArticleListModel::ArticleKeyRole).toString();
    return keys;
}

// Pixels of exactly this colour in the image: a chip's fill (anti-aliasing only touches its edge).
int pixelsOf(const QImage &image, const QColor &color)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const QRgb wanted = color.rgb();
    int n = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            n += line[x] == wanted;
    }
    return n;
}

void checkTag(QWidget *window, const QString &name)
{
    auto *menu = child<QMenu>(window, QStringLiteral("tagFilterMenu"));
    QAction *action = menu->findChild<QAction *>(QStringLiteral("tagFilter:") + name);
    REQUIRE(action);
    action->trigger(); // as a click in the menu: toggles the check and applies
}

} // namespace

TEST_CASE("the article list paints each row's tags as coloured chips from the model's tag roles", "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0});
    QTreeView *view = articleView(window.get());
    REQUIRE(qobject_cast<ui::TagChipDelegate *>(view->itemDelegateForColumn(ArticleListModel::TitleColumn)));
    const QImage before = view->viewport()->grab().toImage();

    addTag(window.get(), QStringLiteral("法治"));
    addTag(window.get(), QStringLiteral("包头"));
    const int row = view->currentIndex().row();
    REQUIRE(row >= 0);
    CHECK(rowTags(view, row) == QStringList{QStringLiteral("包头"), QStringLiteral("法治")});
    const QStringList colors = view->model()->index(row, 0).data(ArticleListModel::TagColorsRole).toStringList();
    REQUIRE(colors.size() == 2);

    // Painted: each tag's colour now fills a chip in the list, and was nowhere before.
    QApplication::processEvents();
    const QImage after = view->viewport()->grab().toImage();
    for (const QString &color : colors) {
        INFO(color.toStdString());
        CHECK(pixelsOf(before, QColor(color)) == 0);
        CHECK(pixelsOf(after, QColor(color)) > 12); // a chip, or a dot when the list is narrow
    }

    // The delegate paints on its own too, into a narrow cell, without a view.
    // (The row is two lines high: the title over the kicker, reporters and tags.)
    ui::TagChipDelegate delegate;
    QStyleOptionViewItem option;
    const int height = delegate.sizeHint(option, view->model()->index(row, 0)).height();
    CHECK(height >= 2 * QFontMetrics(option.font).height());
    QImage cell(160, height, QImage::Format_ARGB32_Premultiplied);
    cell.fill(Qt::white);
    QPainter painter(&cell);
    option.rect = cell.rect();
    option.state = QStyle::State_Enabled;
    delegate.paint(&painter, option, view->model()->index(row, 0));
    painter.end();
    CHECK(pixelsOf(cell, QColor(colors.first())) > 10);
}

TEST_CASE("the reader shows tag chips under the byline and they follow edits, undo, rename and delete", "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0});
    ui::ReaderView *reader = window->reader();
    QTreeView *view = articleView(window.get());
    const QString key = reader->article().key;
    CHECK(reader->shownTagNames().isEmpty());

    addTag(window.get(), QStringLiteral("法治"));
    CHECK(reader->shownTagNames() == QStringList{QStringLiteral("法治")});
    child<QAction>(window.get(), QStringLiteral("undoAction"))->trigger();
    CHECK(reader->shownTagNames().isEmpty());
    CHECK(rowTags(view, view->currentIndex().row()).isEmpty());
    child<QAction>(window.get(), QStringLiteral("redoAction"))->trigger();
    CHECK(reader->shownTagNames() == QStringList{QStringLiteral("法治")});

    // The text the reader shows is unchanged by the chips: field offsets still line up.
    const QString body = reader->fieldText(ui::ReaderField::Body);
    CHECK(reader->fieldMap().toDocument(ui::FieldRange{ui::ReaderField::Body, 0, 2}).size() == 1);

    store::Database probe(scope.archive());
    REQUIRE(probe.open());
    const qint64 id = store::TagStore(&probe).findByName(QStringLiteral("法治"))->id;
    child<QAction>(window.get(), QStringLiteral("tagManagerAction"))->trigger();
    auto *manager = child<ui::TagManagerDialog>(window.get(), QStringLiteral("tagManager"));
    REQUIRE(manager->renameTag(id, QStringLiteral("法治建设")));
    CHECK(reader->shownTagNames() == QStringList{QStringLiteral("法治建设")});
    CHECK(rowTags(view, view->currentIndex().row()) == QStringList{QStringLiteral("法治建设")});
    REQUIRE(manager->deleteTag(id));
    CHECK(reader->shownTagNames().isEmpty());
    CHECK(rowTags(view, view->currentIndex().row()).isEmpty());
    manager->close();
    CHECK(reader->article().key == key);
    CHECK(reader->fieldText(ui::ReaderField::Body) == body);
}

TEST_CASE("bulk tagging shows chips on every selected row", "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0});
    QTreeView *view = articleView(window.get());
    REQUIRE(view->model()->rowCount() >= 3);
    view->selectionModel()->select(view->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    addTag(window.get(), QStringLiteral("普法"));
    CHECK(rowTags(view, 0) == QStringList{QStringLiteral("普法")});
    CHECK(rowTags(view, 1).isEmpty());
    CHECK(rowTags(view, 2) == QStringList{QStringLiteral("普法")});
}

TEST_CASE("filtering by tags lists the articles of every issue with their dates until cleared", "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0, 1});
    QTreeView *issues = child<QTreeView>(window.get(), QStringLiteral("issueView"));
    QTreeView *view = articleView(window.get());
    REQUIRE(issues->model()->rowCount() == 2);

    // Tag one article in each issue, a second tag on the second issue's.
    QStringList tagged;
    for (int i = 0; i < 2; ++i) {
        issues->setCurrentIndex(issues->model()->index(i, 0));
        view->setCurrentIndex(view->model()->index(1, 0));
        tagged << window->reader()->article().key;
        addTag(window.get(), QStringLiteral("法治"));
    }
    addTag(window.get(), QStringLiteral("包头"));
    const int issueRows = view->model()->rowCount();

    auto *bar = child<ui::TagFilterBar>(window.get(), QStringLiteral("tagFilterBar"));
    auto *state = child<QLabel>(window.get(), QStringLiteral("tagFilterState"));
    CHECK_FALSE(state->isVisible());
    CHECK(view->isColumnHidden(ArticleListModel::IssueDateColumn));

    checkTag(window.get(), QStringLiteral("法治"));
    QStringList expected = tagged;
    CHECK(listedKeys(view) == expected); // newest issue first: the issue list's order
    CHECK_FALSE(view->isColumnHidden(ArticleListModel::IssueDateColumn));
    CHECK(state->isVisible());
    CHECK(state->text().contains(QStringLiteral("法治")));
    CHECK(view->model()->index(0, ArticleListModel::IssueDateColumn).data().toString() !=
          view->model()->index(1, ArticleListModel::IssueDateColumn).data().toString());
    // The article being read is in the list: it stays chosen.
    CHECK(window->reader()->article().key == tagged.last());
    CHECK(view->currentIndex().row() == 1);

    // A second tag: any of them, then all of them.
    checkTag(window.get(), QStringLiteral("包头"));
    CHECK(listedKeys(view).size() == 2);
    CHECK(state->text().contains(QStringLiteral(" or ")));
    child<QComboBox>(window.get(), QStringLiteral("tagFilterMode"))->setCurrentIndex(1);
    CHECK(bar->matchAll());
    CHECK(listedKeys(view) == QStringList{tagged.last()});
    CHECK(state->text().contains(QStringLiteral("法治 and 包头")));
    // Next/previous stay within the list.
    child<QAction>(window.get(), QStringLiteral("actionNextArticle"))->trigger();
    CHECK(window->reader()->article().key == tagged.last());

    // Removing the tag from the listed article empties the list; undo brings it back.
    QToolButton *chip = nullptr;
    for (QToolButton *b : window->notesPanel()->findChildren<QToolButton *>(QStringLiteral("tagChip"))) {
        if (b->property("tagName").toString() == QStringLiteral("包头"))
            chip = b;
    }
    REQUIRE(chip);
    chip->click();
    for (int i = 0; i < 100 && view->model()->rowCount() > 0; ++i)
        QTest::qWait(20); // the chip removes its tag once its click has returned
    CHECK(view->model()->rowCount() == 0);
    CHECK_FALSE(window->reader()->hasArticle());
    child<QAction>(window.get(), QStringLiteral("undoAction"))->trigger();
    CHECK(listedKeys(view) == QStringList{tagged.last()});

    // One click clears: the chosen issue's articles come back.
    child<QToolButton>(window.get(), QStringLiteral("tagFilterClear"))->click();
    CHECK_FALSE(bar->isFiltering());
    CHECK_FALSE(state->isVisible());
    CHECK(view->isColumnHidden(ArticleListModel::IssueDateColumn));
    CHECK(view->model()->rowCount() == issueRows);
    CHECK_FALSE(qobject_cast<ArticleListModel *>(view->model())->isKeyList());

    // The tag manager's Show Articles goes through the same filter.
    child<QAction>(window.get(), QStringLiteral("tagManagerAction"))->trigger();
    auto *manager = child<ui::TagManagerDialog>(window.get(), QStringLiteral("tagManager"));
    auto *list = manager->findChild<QListWidget *>(QStringLiteral("tagList"));
    REQUIRE(list);
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setSelected(list->item(i)->text().startsWith(QStringLiteral("法治")));
    child<QPushButton>(manager, QStringLiteral("showTagArticles"))->click();
    manager->close();
    CHECK(bar->isFiltering());
    CHECK(listedKeys(view) == expected);
    CHECK(state->text().contains(QStringLiteral("法治")));

    // So does an entity's list, and choosing an issue leaves it.
    Q_EMIT window->entitiesPanel()->showArticles({tagged.last()}, QStringLiteral("某人"));
    CHECK(listedKeys(view) == QStringList{tagged.last()});
    CHECK(state->text().contains(QStringLiteral("某人")));
    CHECK(bar->checkedTagIds().isEmpty());
    issues->setCurrentIndex(issues->model()->index(0, 0));
    CHECK_FALSE(state->isVisible());
    CHECK_FALSE(qobject_cast<ArticleListModel *>(view->model())->isKeyList());
}

TEST_CASE("a click on a tag chip in the reader lists that tag's articles from every issue", "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0, 1});
    QTreeView *issues = child<QTreeView>(window.get(), QStringLiteral("issueView"));
    QTreeView *view = articleView(window.get());
    QStringList tagged;
    for (int i = 1; i >= 0; --i) {
        issues->setCurrentIndex(issues->model()->index(i, 0));
        tagged.prepend(window->reader()->article().key);
        addTag(window.get(), QStringLiteral("包头"));
    }
    addTag(window.get(), QStringLiteral("法治"));
    ui::ReaderView *reader = window->reader();
    REQUIRE(reader->shownTagNames() == QStringList{QStringLiteral("包头"), QStringLiteral("法治")});

    // The first chip's place in the document, then a click on its middle.
    int chipPosition = -1;
    for (QTextBlock block = reader->document()->begin(); block.isValid() && chipPosition < 0; block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat()) {
                chipPosition = it.fragment().position();
                break;
            }
        }
    }
    REQUIRE(chipPosition >= 0);
    QTextCursor at(reader->document());
    at.setPosition(chipPosition);
    const QRect left = reader->cursorRect(at);
    at.setPosition(chipPosition + 1);
    const QRect right = reader->cursorRect(at);
    const QPoint middle((left.left() + right.left()) / 2, left.center().y());
    QSignalSpy clicked(reader, &ui::ReaderView::tagClicked);
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, middle);
    REQUIRE(clicked.count() == 1);
    CHECK(clicked.first().first().toString() == QStringLiteral("包头"));
    CHECK(listedKeys(view) == tagged);
    CHECK(child<ui::TagFilterBar>(window.get(), QStringLiteral("tagFilterBar"))->isFiltering());

    // A click on the text is no tag.
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, QPoint(middle.x(), middle.y() + 120));
    CHECK(clicked.count() == 1);
}

TEST_CASE("tag edits refresh the search panel's tag facet", "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0});
    auto *facet = child<QComboBox>(window.get(), QStringLiteral("searchTag"));
    CHECK(facet->findText(QStringLiteral("法治")) < 0);
    addTag(window.get(), QStringLiteral("法治"));
    CHECK(facet->findText(QStringLiteral("法治")) >= 0);
    child<QAction>(window.get(), QStringLiteral("undoAction"))->trigger();
    CHECK(facet->findText(QStringLiteral("法治")) < 0);
}

TEST_CASE("H highlights a passage of the title too, drawn there and stored with its field", "[ui][notes]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0});
    ui::ReaderView *reader = window->reader();
    const QString title = reader->fieldText(ui::ReaderField::Title);
    REQUIRE(title.size() >= 4);
    const QList<ui::DocumentRange> spans = reader->fieldMap().toDocument(ui::FieldRange{ui::ReaderField::Title, 1, 3});
    REQUIRE(spans.size() == 1);
    QTextCursor cursor(reader->document());
    cursor.setPosition(spans.first().start);
    cursor.setPosition(spans.first().end, QTextCursor::KeepAnchor);
    reader->setTextCursor(cursor);
    child<QAction>(window.get(), QStringLiteral("highlightAction"))->trigger();

    store::Database probe(scope.archive());
    REQUIRE(probe.open());
    const QList<store::Note> stored = store::NoteStore(probe.connection()).highlights(reader->article().key);
    REQUIRE(stored.size() == 1);
    CHECK(stored.first().field == QStringLiteral("title"));
    CHECK(stored.first().quote == title.mid(1, 2));
    CHECK(stored.first().start == 1);
    auto *list = child<QListWidget>(window.get(), QStringLiteral("highlightList"));
    REQUIRE(list->count() == 1);
    CHECK(list->item(0)->text().startsWith(QStringLiteral("Title: “") + title.mid(1, 2)));

    // Drawn on the title's characters, not on the body's at the same offsets.
    bool drawn = false;
    for (const QTextEdit::ExtraSelection &s : reader->extraSelections()) {
        drawn |= s.cursor.selectionStart() == spans.first().start && s.cursor.selectedText() == title.mid(1, 2) &&
                 s.format.background().color() == QColor(stored.first().color);
    }
    CHECK(drawn);
}

namespace {

// Types text as a Chinese input method does: the ASCII keys one by one, each run of other
// characters committed at once.
void typeText(QWidget *widget, const QString &text)
{
    QString pending;
    auto commit = [&] {
        if (pending.isEmpty())
            return;
        QInputMethodEvent event;
        event.setCommitString(pending);
        QApplication::sendEvent(widget, &event);
        pending.clear();
    };
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            commit();
            QTest::keyClick(widget, c.toLatin1());
        } else {
            pending += c;
        }
    }
    commit();
}

// Drags the mouse over code points [start, end) of a field in the reader, as a user selects.
void dragOver(ui::ReaderView *reader, ui::ReaderField field, int start, int end)
{
    const QList<ui::DocumentRange> spans = reader->fieldMap().toDocument(ui::FieldRange{field, start, end});
    REQUIRE(spans.size() == 1);
    QTextCursor from(reader->document());
    from.setPosition(spans.first().start);
    QTextCursor to(reader->document());
    to.setPosition(spans.first().end);
    REQUIRE(reader->scrollToRange(ui::FieldRange{field, start, end}));
    const QRect a = reader->cursorRect(from);
    const QRect b = reader->cursorRect(to);
    QWidget *viewport = reader->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(a.left() + 1, a.center().y()));
    QTest::mouseMove(viewport, QPoint(b.left() + 1, b.center().y()));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(b.left() + 1, b.center().y()));
}

} // namespace

TEST_CASE("the whole loop by keyboard and mouse: tags, a note, two highlights, File > Export Notes", "[ui][export]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0, 1});
    ui::ReaderView *reader = window->reader();

    // T, type, Enter: twice.
    for (const QString &tag : {QStringLiteral("法治"), QStringLiteral("包头")}) {
        QTest::keyClick(window.get(), Qt::Key_T);
        QWidget *focus = QApplication::focusWidget();
        REQUIRE(focus);
        REQUIRE(focus->objectName() == QStringLiteral("tagEditor"));
        typeText(focus, tag);
        QTest::keyClick(focus, Qt::Key_Return);
    }
    CHECK(reader->shownTagNames() == QStringList{QStringLiteral("包头"), QStringLiteral("法治")});

    auto *note = child<QPlainTextEdit>(window.get(), QStringLiteral("articleNote"));
    note->setFocus();
    typeText(note, QStringLiteral("值得引用，\"对照\"去年"));
    QTest::qWait(ui::NotesPanel::AutosaveDelayMs + 200); // a pause in typing saves it

    // A passage of the title and one of the body, each selected by dragging, then H.
    dragOver(reader, ui::ReaderField::Title, 0, 2);
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_H);
    dragOver(reader, ui::ReaderField::Body, 4, 12);
    QTest::keyClick(reader, Qt::Key_H);
    auto *list = child<QListWidget>(window.get(), QStringLiteral("highlightList"));
    REQUIRE(list->count() == 2);
    list->setCurrentRow(1);
    auto *comment = child<QLineEdit>(window.get(), QStringLiteral("highlightComment"));
    comment->setFocus();
    typeText(comment, QStringLiteral("与去年比"));
    QTest::keyClick(comment, Qt::Key_Return);

    const QString path = scope.dir.filePath(QStringLiteral("window-notes.csv"));
    bool sawDialog = false;
    QTimer::singleShot(0, window.get(), [&] {
        auto *dialog = qobject_cast<ui::ExportNotesDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("exportPath"));
        if (field) {
            field->clear();
            QTest::keyClicks(field, path);
        }
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    child<QAction>(window.get(), QStringLiteral("exportNotesAction"))->trigger();
    REQUIRE(sawDialog);

    // Read back with Python's csv module, as a script would.
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import csv,sys\n"
                                 "rows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline='')))\n"
                                 "print(len(rows))\n"
                                 "for r in rows[1:]: print(r[4]+'|'+r[5]+'|'+r[6]+'|'+r[8])\n"),
                  path});
    REQUIRE(python.waitForFinished(30000));
    const QStringList lines =
        QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 4);
    CHECK(lines.at(0) == QStringLiteral("4")); // the header and one row per note
    const QString title = reader->fieldText(ui::ReaderField::Title);
    const QString body = reader->fieldText(ui::ReaderField::Body);
    CHECK(lines.contains(QStringLiteral("article-note||值得引用，\"对照\"去年|包头; 法治")));
    CHECK(lines.contains(QStringLiteral("highlight|") + title.left(2) + QStringLiteral("||包头; 法治")));
    CHECK(lines.contains(QStringLiteral("highlight|") + body.mid(4, 8) + QStringLiteral("|与去年比|包头; 法治")));

    const QString shots = qEnvironmentVariable("BAOKAN_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QFile::remove(QDir(shots).filePath(QStringLiteral("baokan-window-notes.csv")));
        CHECK(QFile::copy(path, QDir(shots).filePath(QStringLiteral("baokan-window-notes.csv"))));
        CHECK(window->grab().save(QDir(shots).filePath(QStringLiteral("baokan-window-notes.png"))));
    }
}

TEST_CASE("a tag filter and its list stay when another window writes to the archive", "[ui][tags]")
{
    Scope scope;
    auto window = windowWithPages(scope, {0, 1});
    QTreeView *issues = child<QTreeView>(window.get(), QStringLiteral("issueView"));
    QTreeView *view = articleView(window.get());
    QStringList tagged;
    for (int i = 0; i < 2; ++i) {
        issues->setCurrentIndex(issues->model()->index(i, 0));
        view->setCurrentIndex(view->model()->index(1, 0));
        tagged << window->reader()->article().key;
        addTag(window.get(), QStringLiteral("法治"));
    }
    checkTag(window.get(), QStringLiteral("法治"));
    REQUIRE(listedKeys(view) == tagged);

    // Another window notes an article: a commit on a connection of its own.
    {
        store::Database other(scope.archive());
        REQUIRE(other.open());
        REQUIRE(store::NoteStore(other.connection()).setArticleNote(tagged.first(), QStringLiteral("别处写的")));
    }
    QSignalSpy finished(view->model(), &QAbstractItemModel::modelReset);
    for (int i = 0; i < 150 && finished.isEmpty(); ++i)
        QTest::qWait(20); // the window polls the archive about once a second
    CHECK_FALSE(finished.isEmpty());
    CHECK(child<ui::TagFilterBar>(window.get(), QStringLiteral("tagFilterBar"))->isFiltering());
    CHECK(listedKeys(view) == tagged);
}
