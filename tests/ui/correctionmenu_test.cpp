// SPDX-License-Identifier: MIT
#include "correctionmenu.h"
#include "entitiespanel.h"
#include "entitylegend.h"
#include "entitylexicondialog.h"
#include "mainwindow.h"
#include "readerview.h"

#include "store/correctionstore.h"
#include "store/database.h"
#include "store/entitystore.h"
#include "store/userdatastore.h"

#include "uitestscope.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFocusEvent>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace baokan;

namespace {

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("correctionui_tests"))
    {}
};

using test::samplePage;

std::unique_ptr<ui::MainWindow> openWindow(const QString &archive)
{
    auto window = std::make_unique<ui::MainWindow>();
    window->resize(1500, 900);
    QString error;
    REQUIRE(window->openArchive(archive, &error));
    window->show();
    QApplication::setActiveWindow(window.get());
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    return window;
}

// A window on an archive holding the first sample page, showing its first article.
std::unique_ptr<ui::MainWindow> windowWithPage(const Scope &scope)
{
    auto window = openWindow(scope.archive());
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths({samplePage(0)}));
    REQUIRE((ended.count() > 0 || ended.wait(60000)));
    REQUIRE(window->reader()->hasArticle());
    return window;
}

template<typename T>
T *child(QObject *parent, const QString &name)
{
    auto *found = parent->findChild<T *>(name);
    INFO(name.toStdString());
    REQUIRE(found);
    return found;
}

// The entity types drawn over document position `pos`.
QStringList typesAt(const ui::ReaderView *reader, int pos)
{
    QStringList types;
    for (const QTextEdit::ExtraSelection &s : reader->extraSelections()) {
        const QString type = s.format.property(QTextFormat::UserProperty).toString();
        if (!type.isEmpty() && s.cursor.selectionStart() <= pos && pos < s.cursor.selectionEnd())
            types << type;
    }
    return types;
}

QStringList mentionTypes(const ui::EntitiesPanel *panel, const ui::FieldRange &range)
{
    QStringList types;
    for (const store::StoredMention &m : panel->mentions())
        if (m.field == ui::readerFieldName(range.field) && m.start == range.start && m.end == range.end)
            types << m.type;
    return types;
}

int documentStart(const ui::ReaderView *reader, const ui::FieldRange &range)
{
    const QList<ui::DocumentRange> spans = reader->fieldMap().toDocument(range);
    REQUIRE(!spans.isEmpty());
    return spans.first().start;
}

// Three Han characters of the body that no entity covers: text the recognizer left alone.
ui::FieldRange plainBodyRange(const ui::ReaderView *reader, const ui::EntitiesPanel *panel)
{
    const QList<uint> body = reader->fieldText(ui::ReaderField::Body).toUcs4();
    for (int start = 0; start + 3 <= body.size(); ++start) {
        bool ok = true;
        for (int i = start; i < start + 3 && ok; ++i)
            ok = QChar::script(body.at(i)) == QChar::Script_Han;
        for (const store::StoredMention &m : panel->mentions())
            ok = ok && !(m.field == u"body" && m.start < start + 3 && start < m.end);
        if (ok)
            return ui::FieldRange{ui::ReaderField::Body, start, start + 3};
    }
    FAIL("the body has no three plain Han characters");
    return {};
}

// The first stored mention of `text` in the body of the article the reader shows.
ui::FieldRange bodyMention(const ui::EntitiesPanel *panel, const QString &text, QString *type = nullptr)
{
    for (const store::StoredMention &m : panel->mentions()) {
        if (m.field == u"body" && m.text == text) {
            if (type)
                *type = m.type;
            return ui::FieldRange{ui::ReaderField::Body, m.start, m.end};
        }
    }
    FAIL("no mention of " << text.toStdString());
    return {};
}

void select(ui::ReaderView *reader, const ui::FieldRange &range)
{
    const QList<ui::DocumentRange> spans = reader->fieldMap().toDocument(range);
    REQUIRE(spans.size() == 1);
    QTextCursor cursor(reader->document());
    cursor.setPosition(spans.first().start);
    cursor.setPosition(spans.first().end, QTextCursor::KeepAnchor);
    reader->setTextCursor(cursor);
    REQUIRE(reader->selectedRange() == std::optional<ui::FieldRange>(range));
}

// Right-clicks the character at document position `pos` the way the mouse does, and returns
// the context menu that opens.
QMenu *rightClick(ui::ReaderView *reader, int pos)
{
    QTextCursor at(reader->document());
    at.setPosition(pos);
    const QRect left = reader->cursorRect(at);
    at.setPosition(pos + 1);
    const QRect right = reader->cursorRect(at);
    // The middle of the character, when it ends on the same line; else just inside its start.
    const QPoint point = right.top() == left.top() ? QPoint((left.left() + right.left()) / 2, left.center().y())
                                                   : QPoint(left.left() + 2, left.center().y());
    QContextMenuEvent event(QContextMenuEvent::Mouse, point, reader->viewport()->mapToGlobal(point));
    QApplication::sendEvent(reader->viewport(), &event);
    QMenu *menu = nullptr;
    for (QMenu *m : reader->findChildren<QMenu *>(QStringLiteral("correctionMenu")))
        if (m->isVisible())
            menu = m;
    REQUIRE(menu);
    return menu;
}

// Chooses an entry of a context menu (found by objectName in its submenus) and closes the menu.
void choose(QMenu *menu, const QString &actionName)
{
    auto *action = menu->findChild<QAction *>(actionName);
    INFO(actionName.toStdString());
    REQUIRE(action);
    REQUIRE(action->isEnabled());
    action->trigger();
    menu->close();
}

void undo(ui::MainWindow *window)
{
    child<QAction>(window, QStringLiteral("undoAction"))->trigger();
}

void redo(ui::MainWindow *window)
{
    child<QAction>(window, QStringLiteral("redoAction"))->trigger();
}

QStringList storedCorrections(const QString &archive)
{
    store::Database db(archive);
    QString error;
    REQUIRE(db.open(&error));
    QStringList out;
    for (const store::Correction &c : store::UserDataStore(&db).corrections())
        out << c.scope + QLatin1Char(' ') + c.text + QLatin1Char(' ') +
                   (c.type.isNull() ? QStringLiteral("-") : c.type);
    return out;
}

// The names the search's entity facet completes.
QStringList facetNames(ui::MainWindow *window)
{
    auto *facet = child<QLineEdit>(window, QStringLiteral("searchEntity"));
    // The names are read when the user goes to the field, as a user would before typing.
    QFocusEvent focusIn(QEvent::FocusIn);
    QApplication::sendEvent(facet, &focusIn);
    REQUIRE(facet->completer());
    QStringList names;
    QAbstractItemModel *model = facet->completer()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, 0).data().toString();
    return names;
}

} // namespace

TEST_CASE("a selection marked as a person in the reader's context menu is stored and highlighted, undo and redo "
          "follow",
          "[correctionui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::ReaderView *reader = window->reader();
    ui::EntitiesPanel *panel = window->entitiesPanel();
    panel->raise(); // the archive index is read while the panel is shown
    const ui::FieldRange range = plainBodyRange(reader, panel);
    const int pos = documentStart(reader, range);
    REQUIRE(typesAt(reader, pos).isEmpty());

    select(reader, range);
    QMenu *menu = rightClick(reader, pos + 1);
    choose(menu, QStringLiteral("markAs-PER-mention"));

    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("PER")});
    CHECK(typesAt(reader, pos) == QStringList{QStringLiteral("PER")});
    CHECK(typesAt(reader, pos + 2) == QStringList{QStringLiteral("PER")});
    CHECK(storedCorrections(scope.archive()).size() == 1);
    CHECK(storedCorrections(scope.archive()).value(0).startsWith(QLatin1String("mention ")));
    // The new name is in the archive index and offered by the search's entity facet.
    const QString body = reader->fieldText(ui::ReaderField::Body);
    const QString marked = body.mid(ui::TextFieldMap::utf16Offset(body, range.start), 3);
    auto *index = child<QTreeWidget>(window.get(), QStringLiteral("entityIndex"));
    // The archive index is read off the GUI thread: it follows a moment later.
    CHECK(QTest::qWaitFor([&] { return !index->findItems(marked, Qt::MatchExactly).isEmpty(); }, 5000));
    CHECK(facetNames(window.get()).contains(marked));
    CHECK(child<QAction>(window.get(), QStringLiteral("undoAction"))->text().contains(marked));

    undo(window.get());
    CHECK(mentionTypes(panel, range).isEmpty());
    CHECK(typesAt(reader, pos).isEmpty());
    CHECK(storedCorrections(scope.archive()).isEmpty());
    CHECK(QTest::qWaitFor([&] { return index->findItems(marked, Qt::MatchExactly).isEmpty(); }, 5000));
    CHECK_FALSE(facetNames(window.get()).contains(marked));

    redo(window.get());
    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("PER")});
    CHECK(typesAt(reader, pos) == QStringList{QStringLiteral("PER")});
}

TEST_CASE("the E key opens the correction menu at the selection", "[correctionui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::ReaderView *reader = window->reader();
    ui::EntitiesPanel *panel = window->entitiesPanel();
    const ui::FieldRange range = plainBodyRange(reader, panel);
    select(reader, range);
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_E);
    QMenu *menu = nullptr;
    for (QMenu *m : reader->findChildren<QMenu *>(QStringLiteral("correctionMenu")))
        if (m->isVisible())
            menu = m;
    REQUIRE(menu);
    choose(menu, QStringLiteral("markAs-LOC-article"));
    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("LOC")});
    CHECK(storedCorrections(scope.archive()).value(0).startsWith(QLatin1String("article ")));
}

TEST_CASE("right-clicking a highlighted person changes its type or removes it, each undoable", "[correctionui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::ReaderView *reader = window->reader();
    ui::EntitiesPanel *panel = window->entitiesPanel();
    QString type;
    const ui::FieldRange range = bodyMention(panel, QStringLiteral("白永平"), &type);
    REQUIRE(type == QLatin1String("PER"));
    const int pos = documentStart(reader, range);

    QMenu *menu = rightClick(reader, pos + 1);
    // The menu names the entity and offers every other type, not its own.
    CHECK(menu->findChild<QAction *>(QStringLiteral("entityLabel")));
    CHECK_FALSE(menu->findChild<QMenu *>(QStringLiteral("changeType-PER")));
    choose(menu, QStringLiteral("changeType-ORG-mention"));
    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("ORG")});
    CHECK(typesAt(reader, pos) == QStringList{QStringLiteral("ORG")});

    undo(window.get());
    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("PER")});
    redo(window.get());
    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("ORG")});

    menu = rightClick(reader, pos + 1);
    choose(menu, QStringLiteral("notEntity-mention"));
    CHECK(mentionTypes(panel, range).isEmpty());
    CHECK(typesAt(reader, pos).isEmpty());
    // Nothing to change where no entity is: the menu offers only marking.
    menu = rightClick(reader, pos + 1);
    CHECK_FALSE(menu->findChild<QMenu *>(QStringLiteral("changeTypeMenu")));
    menu->close();

    undo(window.get());
    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("ORG")});
    undo(window.get());
    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("PER")});
    CHECK(storedCorrections(scope.archive()).isEmpty());
    redo(window.get());
    redo(window.get());
    CHECK(mentionTypes(panel, range).isEmpty());
}

TEST_CASE("'not an entity' for the whole archive removes the entity from another article and from the index",
          "[correctionui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::EntitiesPanel *panel = window->entitiesPanel();
    panel->raise(); // the archive index is read while the panel is shown
    store::Database db(scope.archive());
    QString error;
    REQUIRE(db.open(&error));

    // An entity of the current article that other articles mention too.
    QString text;
    QString type;
    QList<store::EntityArticle> before;
    for (const store::StoredMention &m : panel->mentions()) {
        if (m.field != u"body")
            continue;
        const auto articles = store::EntityStore::articlesMentioning(db.connection(), m.type, m.text, 100, 0);
        REQUIRE(articles);
        if (articles->size() >= 2) {
            text = m.text;
            type = m.type;
            before = *articles;
            break;
        }
    }
    REQUIRE_FALSE(text.isEmpty());
    const QString current = window->reader()->article().key;

    const ui::FieldRange range = bodyMention(panel, text);
    QMenu *menu = rightClick(window->reader(), documentStart(window->reader(), range) + 1);
    choose(menu, QStringLiteral("notEntity-archive"));

    const auto after = store::EntityStore::articlesMentioning(db.connection(), type, text, 100, 0);
    REQUIRE(after);
    CHECK(after->isEmpty());
    auto *index = child<QTreeWidget>(window.get(), QStringLiteral("entityIndex"));
    // The archive index is read off the GUI thread: it follows a moment later.
    CHECK(QTest::qWaitFor([&] { return index->findItems(text, Qt::MatchExactly).isEmpty(); }, 5000));

    undo(window.get());
    const auto back = store::EntityStore::articlesMentioning(db.connection(), type, text, 100, 0);
    REQUIRE(back);
    CHECK(back->size() == before.size());
    CHECK(QTest::qWaitFor([&] { return !index->findItems(text, Qt::MatchExactly).isEmpty(); }, 5000));

    // The other article shows it again as well.
    for (const store::EntityArticle &a : before) {
        if (a.key == current)
            continue;
        REQUIRE(window->selectArticleByKey(a.key));
        CHECK_FALSE(mentionTypes(panel, bodyMention(panel, text)).isEmpty());
        break;
    }
}

TEST_CASE("a selection marked for the whole archive is marked in another article that has the same text",
          "[correctionui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::ReaderView *reader = window->reader();
    ui::EntitiesPanel *panel = window->entitiesPanel();
    store::Database db(scope.archive());
    QString error;
    REQUIRE(db.open(&error));
    const QString current = reader->article().key;

    // Three plain characters of this body that another article's body has too.
    const QString body = reader->fieldText(ui::ReaderField::Body);
    const QList<uint> points = body.toUcs4();
    QString text;
    QString other;
    ui::FieldRange range;
    for (int start = 0; start + 3 <= points.size() && text.isEmpty(); ++start) {
        bool plain = true;
        for (int i = start; i < start + 3; ++i)
            plain = plain && QChar::script(points.at(i)) == QChar::Script_Han;
        for (const store::StoredMention &m : panel->mentions())
            plain = plain && !(m.field == u"body" && m.start < start + 3 && start < m.end);
        if (!plain)
            continue;
        const QString candidate = QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()) + start, 3);
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT key FROM article WHERE key <> :key AND instr(body, :text) > 0"));
        q.bindValue(QStringLiteral(":key"), current);
        q.bindValue(QStringLiteral(":text"), candidate);
        REQUIRE(q.exec());
        if (q.next()) {
            text = candidate;
            other = q.value(0).toString();
            range = ui::FieldRange{ui::ReaderField::Body, start, start + 3};
        }
    }
    REQUIRE_FALSE(text.isEmpty());
    INFO(text.toStdString());
    auto mentionedIn = [&](const QString &key) {
        const auto articles =
            store::EntityStore::articlesMentioning(db.connection(), QStringLiteral("DOC"), text, 100, 0);
        REQUIRE(articles);
        for (const store::EntityArticle &a : *articles)
            if (a.key == key)
                return true;
        return false;
    };
    REQUIRE_FALSE(mentionedIn(other));

    select(reader, range);
    choose(rightClick(reader, documentStart(reader, range) + 1), QStringLiteral("markAs-DOC-archive"));
    CHECK(mentionTypes(panel, range) == QStringList{QStringLiteral("DOC")});
    CHECK(mentionedIn(current));
    CHECK(mentionedIn(other));

    undo(window.get());
    CHECK_FALSE(mentionedIn(other));
    redo(window.get());
    CHECK(mentionedIn(other));
    REQUIRE(window->selectArticleByKey(other));
    bool shown = false;
    for (const store::StoredMention &m : panel->mentions())
        shown = shown || (m.text == text && m.type == u"DOC");
    CHECK(shown);
}

TEST_CASE("a correction the archive refuses leaves the undo stack alone and says why", "[correctionui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::CorrectionMenu *corrections = window->corrections();
    QSignalSpy said(corrections, &ui::CorrectionMenu::message);
    const int steps = window->undoStack()->count();
    // Only blanks: nothing to mark.
    CHECK_FALSE(corrections->mark(ui::FieldRange{ui::ReaderField::Body, 3, 3}, QStringLiteral("PER"),
                                  ui::CorrectionMenu::Scope::Mention));
    CHECK(window->undoStack()->count() == steps);
    REQUIRE(said.count() == 1);
    CHECK_FALSE(said.first().first().toString().isEmpty());
    CHECK(storedCorrections(scope.archive()).isEmpty());
}

TEST_CASE("a mention correction whose words a re-import removed is listed in the Entities panel and can be "
          "deleted, undoably",
          "[correctionui]")
{
    Scope scope;
    REQUIRE(QDir(scope.dir.path()).mkpath(QStringLiteral("pages")));
    const QString page = scope.dir.filePath(QStringLiteral("pages/") + QFileInfo(samplePage(0)).fileName());
    REQUIRE(QFile::copy(samplePage(0), page));
    REQUIRE(QFile::setPermissions(page, QFile::ReadOwner | QFile::WriteOwner));
    auto window = openWindow(scope.archive());
    auto import = [&] {
        QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
        REQUIRE(window->importPaths({page}));
        REQUIRE((ended.count() > 0 || ended.wait(60000)));
    };
    import();
    ui::ReaderView *reader = window->reader();
    ui::EntitiesPanel *panel = window->entitiesPanel();
    const QString key = reader->article().key;
    const QString name = QStringLiteral("王向东");
    const ui::FieldRange range = bodyMention(panel, name);
    choose(rightClick(reader, documentStart(reader, range) + 1), QStringLiteral("changeType-ORG-mention"));
    auto *box = child<QWidget>(window.get(), QStringLiteral("unplacedCorrections"));
    auto *list = child<QTreeWidget>(window.get(), QStringLiteral("unplacedCorrectionList"));
    CHECK(box->isHidden());

    QFile file(page);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    REQUIRE(bytes.contains(name.toUtf8()));
    bytes.replace(name.toUtf8(), QStringLiteral("李向前").toUtf8());
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    import();
    REQUIRE(window->selectArticleByKey(key));

    CHECK_FALSE(box->isHidden());
    REQUIRE(list->topLevelItemCount() == 1);
    CHECK(list->topLevelItem(0)->text(0) == name);
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(child<QPushButton>(window.get(), QStringLiteral("deleteUnplacedCorrection")), Qt::LeftButton);
    CHECK(list->topLevelItemCount() == 0);
    CHECK(box->isHidden());
    CHECK(storedCorrections(scope.archive()).isEmpty());

    undo(window.get());
    CHECK(list->topLevelItemCount() == 1);
    CHECK(storedCorrections(scope.archive()).size() == 1);
}

TEST_CASE("the entity lexicon dialog adds a 'never an entity' entry that the reader follows, filters as you type, "
          "and the entry can be undone",
          "[correctionui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::ReaderView *reader = window->reader();
    ui::EntitiesPanel *panel = window->entitiesPanel();
    const QString name = QStringLiteral("白永平");
    const int pos = documentStart(reader, bodyMention(panel, name));
    REQUIRE(typesAt(reader, pos) == QStringList{QStringLiteral("PER")});

    child<QAction>(window.get(), QStringLiteral("entityLexiconAction"))->trigger();
    auto *dialog = child<ui::EntityLexiconDialog>(window.get(), QStringLiteral("entityLexiconDialog"));
    REQUIRE(dialog->isVisible());
    auto *list = child<QTreeWidget>(dialog, QStringLiteral("lexiconList"));
    CHECK(list->topLevelItemCount() == 0);

    auto *text = child<QLineEdit>(dialog, QStringLiteral("lexiconText"));
    auto *rule = child<QComboBox>(dialog, QStringLiteral("lexiconRule"));
    text->setText(name);
    rule->setCurrentIndex(rule->findText(ui::EntityLexiconDialog::ruleText(QString())));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("lexiconSave")), Qt::LeftButton);

    REQUIRE(list->topLevelItemCount() == 1);
    CHECK(list->topLevelItem(0)->text(0) == name);
    CHECK(list->topLevelItem(0)->text(1) == ui::EntityLexiconDialog::ruleText(QString()));
    CHECK(typesAt(reader, pos).isEmpty());
    for (const store::StoredMention &m : panel->mentions())
        CHECK(m.text != name);

    // A second entry, then the filter narrows the list to what matches.
    const QString place = QStringLiteral("测试中心");
    text->setText(place);
    rule->setCurrentIndex(rule->findData(QStringLiteral("ORG")));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("lexiconNew")), Qt::LeftButton);
    text->setText(place);
    rule->setCurrentIndex(rule->findData(QStringLiteral("ORG")));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("lexiconSave")), Qt::LeftButton);
    REQUIRE(list->topLevelItemCount() == 2);
    auto *filter = child<QLineEdit>(dialog, QStringLiteral("lexiconFilter"));
    filter->setText(QStringLiteral("中心")); // QTest types only Latin keys; textChanged is what typing sends
    int shown = 0;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        shown += list->topLevelItem(i)->isHidden() ? 0 : 1;
    CHECK(shown == 1);
    filter->clear();

    // Undo in the window takes the entries back, and the dialog follows.
    undo(window.get());
    undo(window.get());
    CHECK(list->topLevelItemCount() == 0);
    CHECK(typesAt(reader, pos) == QStringList{QStringLiteral("PER")});
    dialog->close();
}

TEST_CASE("the entity lexicon dialog edits an entry's text and rule in one undo step, and removes it", "[correctionui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    child<QAction>(window.get(), QStringLiteral("entityLexiconAction"))->trigger();
    auto *dialog = child<ui::EntityLexiconDialog>(window.get(), QStringLiteral("entityLexiconDialog"));
    REQUIRE(dialog->saveEntry(QStringLiteral("甲乙丙"), QStringLiteral("PER")));
    auto *list = child<QTreeWidget>(dialog, QStringLiteral("lexiconList"));
    REQUIRE(list->topLevelItemCount() == 1);
    list->setCurrentItem(list->topLevelItem(0));
    auto *text = child<QLineEdit>(dialog, QStringLiteral("lexiconText"));
    CHECK(text->text() == QStringLiteral("甲乙丙"));
    text->setText(QStringLiteral("甲乙丁"));
    auto *rule = child<QComboBox>(dialog, QStringLiteral("lexiconRule"));
    rule->setCurrentIndex(rule->findData(QStringLiteral("LOC")));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("lexiconSave")), Qt::LeftButton);
    REQUIRE(dialog->entries().size() == 1);
    CHECK(dialog->entries().first().text == QStringLiteral("甲乙丁"));
    CHECK(dialog->entries().first().type == QStringLiteral("LOC"));

    undo(window.get());
    REQUIRE(dialog->entries().size() == 1);
    CHECK(dialog->entries().first().text == QStringLiteral("甲乙丙"));
    CHECK(dialog->entries().first().type == QStringLiteral("PER"));

    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("lexiconRemove")), Qt::LeftButton);
    CHECK(dialog->entries().isEmpty());
    dialog->close();
}

namespace {

// Runs the built baokan with `arguments`; its exit code, and what it wrote to stderr in *output.
int runBaokan(const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProgram(QStringLiteral(BAOKAN_EXECUTABLE));
    process.setArguments(arguments);
    process.start();
    REQUIRE(process.waitForFinished(120000));
    *output = QString::fromUtf8(process.readAllStandardError());
    INFO(output->toStdString());
    CHECK(process.exitStatus() == QProcess::NormalExit);
    return process.exitCode();
}

// The types of the body mentions of `text` in the article the window shows, in reading order.
QStringList bodyTypesOf(const ui::EntitiesPanel *panel, const QString &text)
{
    QList<store::StoredMention> found;
    for (const store::StoredMention &m : panel->mentions())
        if (m.field == u"body" && m.text == text)
            found << m;
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
    QStringList types;
    for (const store::StoredMention &m : found)
        types << m.type;
    return types;
}

} // namespace

TEST_CASE("corrections made in the window survive `baokan import` of the same page, of the page changed, and "
          "`baokan recognize`",
          "[correctionui]")
{
    Scope scope;
    // The archive knows a page by its path: a copy of the sample that the test can change later.
    REQUIRE(QDir(scope.dir.path()).mkpath(QStringLiteral("pages")));
    const QString page = scope.dir.filePath(QStringLiteral("pages/") + QFileInfo(samplePage(0)).fileName());
    REQUIRE(QFile::copy(samplePage(0), page));

    const QString name = QStringLiteral("白永平");
    QString key;
    QString marked;
    QStringList expectedNameTypes;
    int secondStart = -1;
    {
        auto window = openWindow(scope.archive());
        QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
        REQUIRE(window->importPaths({page}));
        REQUIRE((ended.count() > 0 || ended.wait(60000)));
        ui::ReaderView *reader = window->reader();
        REQUIRE(reader->hasArticle());
        ui::EntitiesPanel *panel = window->entitiesPanel();
        key = reader->article().key;
        QStringList nameTypes = bodyTypesOf(panel, name);
        REQUIRE(nameTypes.size() >= 2);
        REQUIRE(nameTypes.at(1) == QLatin1String("PER"));

        // Plain text becomes a person, and the second 白永平 of the body a place, both by the menu.
        const ui::FieldRange plain = plainBodyRange(reader, panel);
        const QString body = reader->fieldText(ui::ReaderField::Body);
        marked = body.mid(ui::TextFieldMap::utf16Offset(body, plain.start), 3);
        select(reader, plain);
        choose(rightClick(reader, documentStart(reader, plain) + 1), QStringLiteral("markAs-PER-mention"));
        QList<store::StoredMention> names;
        for (const store::StoredMention &m : panel->mentions())
            if (m.field == u"body" && m.text == name)
                names << m;
        std::sort(names.begin(), names.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
        secondStart = names.at(1).start;
        const ui::FieldRange second{ui::ReaderField::Body, names.at(1).start, names.at(1).end};
        choose(rightClick(reader, documentStart(reader, second) + 1), QStringLiteral("changeType-LOC-mention"));

        expectedNameTypes = nameTypes;
        expectedNameTypes[1] = QStringLiteral("LOC");
        REQUIRE(bodyTypesOf(panel, name) == expectedNameTypes);
        REQUIRE(bodyTypesOf(panel, marked).contains(QStringLiteral("PER")));
    }

    auto check = [&](const char *when, int shift) {
        INFO(when);
        auto window = openWindow(scope.archive());
        REQUIRE(window->selectArticleByKey(key));
        const ui::EntitiesPanel *panel = window->entitiesPanel();
        CHECK(bodyTypesOf(panel, name) == expectedNameTypes);
        CHECK(bodyTypesOf(panel, marked).contains(QStringLiteral("PER")));
        const int pos = documentStart(window->reader(), bodyMention(panel, marked));
        CHECK(typesAt(window->reader(), pos) == QStringList{QStringLiteral("PER")});
        bool placed = false;
        for (const store::StoredMention &m : panel->mentions())
            placed = placed || (m.text == name && m.type == u"LOC" && m.start == secondStart + shift);
        CHECK(placed);
    };

    QString output;
    CHECK(runBaokan({QStringLiteral("import"), QStringLiteral("--db"), scope.archive(), page}, &output) == 0);
    CHECK(output.contains(QLatin1String("1 unchanged")));
    check("after importing the same page again", 0);

    // The page gains two characters before the second name: the article is rewritten and
    // recognized again, and the correction follows its text.
    QFile file(page);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray changed = file.readAll();
    file.close();
    const QByteArray from = QStringLiteral("本次培训").toUtf8();
    REQUIRE(changed.contains(from));
    changed.replace(from, QStringLiteral("本次专题培训").toUtf8());
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(changed);
    file.close();
    CHECK(runBaokan({QStringLiteral("import"), QStringLiteral("--db"), scope.archive(), page}, &output) == 0);
    CHECK(output.contains(QLatin1String("1 changed")));
    check("after importing the changed page", 2);

    CHECK(runBaokan({QStringLiteral("recognize"), QStringLiteral("--db"), scope.archive()}, &output) == 0);
    check("after recognizing the archive again", 2);
}
