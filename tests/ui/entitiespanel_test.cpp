// SPDX-License-Identifier: MIT
#include "entitiespanel.h"
#include "entitylegend.h"
#include "mainwindow.h"
#include "notespanel.h"
#include "readerview.h"
#include "settings.h"

#include "models/articlelistmodel.h"
#include "store/database.h"
#include "store/entitystore.h"

#include "archivetestsupport.h"

#include "uitestscope.h"
#include "uitestwindow.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace baokan;

namespace {

using test::child;
using test::openWindow;

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("entityui_tests"))
    {}
};

using test::samplePage;

// A window on an archive holding the first sample page, showing its first article.
std::unique_ptr<ui::MainWindow> windowWithPage(const Scope &scope)
{
    auto window = openWindow(scope.archive(), {1500, 900});
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths({samplePage(0)}));
    REQUIRE((ended.count() > 0 || ended.wait(60000)));
    REQUIRE(window->reader()->hasArticle());
    return window;
}

QString codePoints(const QString &s, int start, int end)
{
    const QList<uint> ucs4 = s.toUcs4();
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()) + start, end - start);
}

ui::ReaderField fieldNamed(const QString &name)
{
    if (name == u"kicker")
        return ui::ReaderField::Kicker;
    if (name == u"title")
        return ui::ReaderField::Title;
    if (name == u"subtitle")
        return ui::ReaderField::Subtitle;
    if (name == u"byline")
        return ui::ReaderField::Byline;
    if (name == u"caption")
        return ui::ReaderField::Caption;
    if (name == u"source")
        return ui::ReaderField::Source;
    return ui::ReaderField::Body;
}

// The entity type of the extra selection covering document position `pos`, empty when none.
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

// Document position of the first character of the first occurrence of `text` in the body.
int bodyPosition(const ui::ReaderView *reader, const QString &text, int *codePoint = nullptr)
{
    const QString body = reader->fieldText(ui::ReaderField::Body);
    const int at = int(body.indexOf(text));
    REQUIRE(at >= 0);
    const int cp = ui::TextFieldMap::codePointOffset(body, at);
    if (codePoint)
        *codePoint = cp;
    const QList<ui::DocumentRange> spans = reader->fieldMap().toDocument(
        ui::FieldRange{ui::ReaderField::Body, cp, cp + ui::TextFieldMap::codePointLength(text)});
    REQUIRE(spans.size() == 1);
    return spans.first().start;
}

QTreeWidgetItem *findItem(QTreeWidget *tree, const QString &text)
{
    const QList<QTreeWidgetItem *> found = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.first();
}

} // namespace

TEST_CASE("the reader highlights a person in the first sample article in the person colour", "[entityui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::ReaderView *reader = window->reader();
    const QString name = QStringLiteral("白永平");
    const int pos = bodyPosition(reader, name);

    CHECK(typesAt(reader, pos).contains(QStringLiteral("PER")));
    CHECK(typesAt(reader, pos + 2).contains(QStringLiteral("PER")));
    for (const QTextEdit::ExtraSelection &s : reader->extraSelections()) {
        if (s.cursor.selectionStart() <= pos && pos < s.cursor.selectionEnd() &&
            s.format.property(QTextFormat::UserProperty).toString() == u"PER") {
            CHECK(s.cursor.selectedText() == name);
            CHECK(s.format.background().color() != reader->palette().color(QPalette::Base));
            CHECK(s.format.underlineStyle() == QTextCharFormat::SingleUnderline);
        }
    }
    const QString tip = window->entitiesPanel()->toolTipAt(pos + 1);
    CHECK(tip.contains(name));
    CHECK(tip.contains(ui::EntityLegend::typeName(QStringLiteral("PER"))));
}

TEST_CASE("every stored mention's offsets name the same text in the reader's fields, byline included", "[entityui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    const ui::ReaderView *reader = window->reader();
    const QList<store::StoredMention> &mentions = window->entitiesPanel()->mentions();
    REQUIRE_FALSE(mentions.isEmpty());
    bool sawByline = false;
    for (const store::StoredMention &m : mentions) {
        INFO(m.field.toStdString() << " " << m.start << " " << m.text.toStdString());
        CHECK(codePoints(reader->fieldText(fieldNamed(m.field)), m.start, m.end) == m.text);
        sawByline = sawByline || m.field == u"byline";
    }
    // The byline is where the reader's own wording used to differ; this article credits people.
    CHECK(sawByline);
}

TEST_CASE("the archive index is read when the Entities tab is first shown, not when the archive opens", "[entityui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    auto *index = child<QTreeWidget>(window.get(), "entityIndex");
    window->notesPanel()->raise();
    QTest::qWait(50);
    // Reading the index of a large archive takes seconds: behind the Notes tab it is not read.
    CHECK(index->topLevelItemCount() == 0);

    window->entitiesPanel()->raise();
    REQUIRE(QTest::qWaitFor([&] { return index->topLevelItemCount() > 1; }, 3000));
    CHECK(findItem(index, QStringLiteral("白永平")));
    CHECK_FALSE(child<QLabel>(window.get(), "entityIndexCount")->text().isEmpty());

    // An archive opened while the tab is in front is read at once, off the GUI thread.
    QString error;
    REQUIRE(window->openArchive(scope.archive(), &error));
    // The window is back to the user before the index is read: it says it is reading.
    CHECK(index->topLevelItemCount() == 0);
    CHECK_FALSE(child<QLabel>(window.get(), "entityIndexCount")->text().isEmpty());
    CHECK(QTest::qWaitFor([&] { return findItem(index, QStringLiteral("白永平")) != nullptr; }, 5000));
}

TEST_CASE("unchecking a type in the legend removes its highlights and the choice persists", "[entityui]")
{
    Scope scope;
    const int pos = [&] {
        auto window = windowWithPage(scope);
        ui::ReaderView *reader = window->reader();
        const int at = bodyPosition(reader, QStringLiteral("白永平"));
        REQUIRE(typesAt(reader, at).contains(QStringLiteral("PER")));
        const int before = int(reader->extraSelections().size());

        auto *per = child<QCheckBox>(window.get(), "legend_PER");
        REQUIRE(per->isChecked());
        QTest::mouseClick(per, Qt::LeftButton, {}, QPoint(4, per->height() / 2));
        CHECK_FALSE(per->isChecked());
        CHECK_FALSE(typesAt(reader, at).contains(QStringLiteral("PER")));
        CHECK(window->entitiesPanel()->toolTipAt(at + 1).isEmpty());
        // Only the persons went: other types are still drawn.
        const int after = int(reader->extraSelections().size());
        CHECK(after < before);
        CHECK(after > 0);
        CHECK(ui::Settings().hiddenEntityTypes() == QStringList{QStringLiteral("PER")});
        return at;
    }();

    auto window = openWindow(scope.archive(), {1500, 900});
    REQUIRE(window->reader()->hasArticle());
    CHECK_FALSE(child<QCheckBox>(window.get(), "legend_PER")->isChecked());
    CHECK(child<QCheckBox>(window.get(), "legend_LOC")->isChecked());
    CHECK_FALSE(typesAt(window->reader(), pos).contains(QStringLiteral("PER")));
    child<QCheckBox>(window.get(), "legend_PER")->setChecked(true);
    CHECK(typesAt(window->reader(), pos).contains(QStringLiteral("PER")));
    CHECK(ui::Settings().hiddenEntityTypes().isEmpty());
}

TEST_CASE("the entities panel lists the article's entities with counts and the articles mentioning one", "[entityui]")
{
    Scope scope;
    auto window = windowWithPage(scope);
    ui::ReaderView *reader = window->reader();
    const QString name = QStringLiteral("白永平");

    auto *articleEntities = child<QTreeWidget>(window.get(), "articleEntities");
    QTreeWidgetItem *person = findItem(articleEntities, name);
    REQUIRE(person);
    CHECK(person->parent()->text(0) == ui::EntityLegend::typeName(QStringLiteral("PER")));
    // Each of the name's highlights in the reader is one counted mention.
    int highlighted = 0;
    for (const QTextEdit::ExtraSelection &s : reader->extraSelections()) {
        if (s.cursor.selectedText() == name && s.format.property(QTextFormat::UserProperty).toString() == u"PER")
            ++highlighted;
    }
    CHECK(highlighted >= 2);
    CHECK(person->text(1).toInt() == highlighted);

    // Choosing the entity lists the article shown, with its issue date.
    articleEntities->setCurrentItem(person);
    Q_EMIT articleEntities->itemActivated(person, 0);
    auto *articles = child<QTreeWidget>(window.get(), "entityArticles");
    REQUIRE(articles->topLevelItemCount() >= 1);
    bool listed = false;
    for (int i = 0; i < articles->topLevelItemCount(); ++i) {
        if (articles->topLevelItem(i)->text(0) == reader->article().title) {
            listed = true;
            CHECK(articles->topLevelItem(i)->text(1) != QStringLiteral("undated"));
        }
    }
    CHECK(listed);

    // The button narrows the article list to them.
    auto *show = child<QPushButton>(window.get(), "showEntityArticles");
    REQUIRE(show->isEnabled());
    QTest::mouseClick(show, Qt::LeftButton);
    bool found = false;
    for (QTreeView *view : window->findChildren<QTreeView *>()) {
        if (auto *model = qobject_cast<models::ArticleListModel *>(view->model())) {
            found = true;
            CHECK(model->rowCount() == articles->topLevelItemCount());
        }
    }
    CHECK(found);

    // The archive index narrows as one types.
    auto *index = child<QTreeWidget>(window.get(), "entityIndex");
    window->entitiesPanel()->raise();
    REQUIRE(QTest::qWaitFor([&] { return index->topLevelItemCount() > 1; }, 3000));
    const int all = index->topLevelItemCount();
    REQUIRE(all > 1);
    child<QLineEdit>(window.get(), "entityFilter")->setText(QStringLiteral("白永"));
    REQUIRE(QTest::qWaitFor([&] { return index->topLevelItemCount() < all; }, 3000));
    REQUIRE(index->topLevelItemCount() >= 1);
    for (int i = 0; i < index->topLevelItemCount(); ++i)
        CHECK(index->topLevelItem(i)->text(0).contains(QStringLiteral("白永")));
    CHECK(findItem(index, name));

    const QString shots = qEnvironmentVariable("BAOKAN_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        child<QLineEdit>(window.get(), "entityFilter")->clear();
        window->entitiesPanel()->raise();
        QTest::qWait(300);
        CHECK(window->grab().save(QDir(shots).filePath(QStringLiteral("baokan-entities.png"))));
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        reader->setPalette(dark);
        QTest::qWait(50);
        CHECK(reader->grab().save(QDir(shots).filePath(QStringLiteral("baokan-entities-dark.png"))));
    }
}

TEST_CASE("opening an archive whose entities an older recognizer wrote recognizes them again in the background")
{
    Scope scope;
    windowWithPage(scope).reset();
    int mentions = 0;
    {
        store::Database db(scope.archive());
        QString error;
        REQUIRE(db.open(&error));
        mentions = test::scalar(db, QStringLiteral("SELECT count(*) FROM entity_mention"));
        REQUIRE(mentions > 0);
        QSqlQuery q(db.connection());
        REQUIRE(q.exec(QStringLiteral("UPDATE article_recognition SET version = 'older'")));
        REQUIRE(q.exec(QStringLiteral("DELETE FROM entity_mention")));
        REQUIRE(store::EntityStore::isStale(db.connection()));
    }
    auto window = openWindow(scope.archive());
    CHECK(QTest::qWaitFor(
        [&] { return window->statusBar()->currentMessage().startsWith(QStringLiteral("Entities recognized again")); },
        60000));
    store::Database db(scope.archive());
    QString error;
    REQUIRE(db.open(&error));
    CHECK(test::scalar(db, QStringLiteral("SELECT count(*) FROM entity_mention")) == mentions);
    CHECK_FALSE(store::EntityStore::isStale(db.connection()));
}
