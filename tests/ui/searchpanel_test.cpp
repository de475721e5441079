// SPDX-License-Identifier: MIT
#include "entitiespanel.h"
#include "mainwindow.h"
#include "readerview.h"
#include "searchhitdelegate.h"
#include "searchpanel.h"

#include "models/articlelistmodel.h"
#include "store/articlestore.h"
#include "store/database.h"
#include "store/entitystore.h"
#include "store/issuestore.h"
#include "store/tagstore.h"

#include "uitestscope.h"
#include "uitestwindow.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <memory>
#include <set>

using namespace baokan;

namespace {

using test::child;
using test::openWindow;

struct Scope : test::UiScope
{
    Scope()
        : UiScope(QStringLiteral("searchui_tests"))
    {}
};

QStringList samplePages()
{
    const QDir dir(QStringLiteral(BAOKAN_SAMPLE_DIR));
    QStringList paths;
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    REQUIRE(paths.size() >= 2);
    return paths;
}

// Every sample page imported through the window, as a user would.
void prepareArchive(const Scope &scope)
{
    auto window = openWindow(scope.archive());
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths(samplePages()));
    REQUIRE((ended.count() > 0 || ended.wait(120000)));
    window->close();
}

// The keys of the articles whose searchable text contains `needle`, found by reading every
// article rather than by asking the index.
std::set<QString> keysContaining(const QString &archive, const QString &needle)
{
    store::Database db(archive);
    QString error;
    REQUIRE(db.open(&error));
    const store::ArticleStore articles(&db);
    QStringList keys;
    REQUIRE(articles.forEachListing([&](const store::ArticleListing &l) { keys << l.key; }, &error));
    std::set<QString> found;
    for (const QString &key : std::as_const(keys)) {
        const std::optional<store::ArticleRecord> a = articles.articleByKey(key);
        REQUIRE(a);
        const QStringList texts =
            QStringList{a->kicker,   a->title,  a->displayTitle, a->subtitle,
                        a->dateline, a->source, a->body(),       a->captions.join(QLatin1Char('\n'))} +
            a->reporters + a->correspondents + a->interns + a->photographers;
        for (const QString &t : texts) {
            if (t.contains(needle)) {
                found.insert(key);
                break;
            }
        }
    }
    return found;
}

// Types into the search field and waits for the results that follow the typing pause.
void typeQuery(QWidget *window, const QString &query)
{
    auto *field = child<QLineEdit>(window, "searchField");
    auto *panel = child<ui::SearchPanel>(window, "searchPanel");
    QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
    field->setFocus();
    field->selectAll();
    bool ascii = true;
    for (const QChar c : query)
        ascii &= c.unicode() < 0x80;
    if (ascii) {
        QTest::keyClicks(field, query);
    } else {
        // Chinese arrives from an input method as one committed string, not as key presses.
        field->clear();
        QInputMethodEvent commit;
        commit.setCommitString(query);
        QApplication::sendEvent(field, &commit);
    }
    REQUIRE(field->text() == query);
    REQUIRE(finished.wait(5000));
}

std::set<QString> listedKeys(QListView *results)
{
    std::set<QString> keys;
    for (int row = 0; row < results->model()->rowCount(); ++row)
        keys.insert(results->model()->index(row, 0).data(ui::SearchPanel::KeyRole).toString());
    return keys;
}

QStringList markedTexts(const ui::ReaderView *reader)
{
    QStringList out;
    for (const QTextEdit::ExtraSelection &s : reader->extraSelections()) {
        if (!s.format.hasProperty(QTextFormat::UserProperty)) // entity highlights carry their type there
            out << s.cursor.selectedText();
    }
    return out;
}

// Where the current match (the one drawn in its own colour) starts in the reader's document.
int currentMatchPosition(const ui::ReaderView *reader)
{
    QMap<QRgb, QList<int>> byColour;
    for (const QTextEdit::ExtraSelection &s : reader->extraSelections()) {
        if (!s.format.hasProperty(QTextFormat::UserProperty)) // not an entity highlight
            byColour[s.format.background().color().rgb()] << s.cursor.selectionStart();
    }
    for (const QList<int> &starts : std::as_const(byColour)) {
        if (starts.size() == 1 && byColour.size() == 2)
            return starts.first();
    }
    return -1;
}

} // namespace

TEST_CASE("typing 包头 lists exactly the articles containing it, each with a marked snippet", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    const std::set<QString> expected = keysContaining(scope.archive(), QStringLiteral("包头"));
    REQUIRE(expected.size() >= 2);
    auto window = openWindow(scope.archive());
    auto *results = child<QListView>(window.get(), "searchResults");
    auto *pane = child<QStackedWidget>(window.get(), "articlePane");
    CHECK_FALSE(results->isVisible());

    typeQuery(window.get(), QStringLiteral("包头"));
    CHECK(results->isVisible());
    CHECK(listedKeys(results) == expected);
    CHECK(child<QLabel>(window.get(), "searchCount")->text() == QStringLiteral("%1 articles").arg(expected.size()));

    // Each row's snippet, as the delegate lays it out, shows 包头 in the bold marker format.
    int rowsWithMark = 0;
    for (int row = 0; row < results->model()->rowCount(); ++row) {
        QTextDocument document;
        QStyleOptionViewItem option;
        option.font = results->font();
        ui::SearchHitDelegate::layOut(&document, option, results->model()->index(row, 0));
        for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.charFormat().fontWeight() == QFont::Bold && f.text().contains(QStringLiteral("包头")) &&
                    b != document.begin())
                    ++rowsWithMark;
            }
        }
    }
    CHECK(rowsWithMark >= int(expected.size()) - 1); // a hit only in its title may have a bare snippet

    // Escape goes back to the article list.
    auto *field = child<QLineEdit>(window.get(), "searchField");
    QTest::keyClick(field, Qt::Key_Escape);
    CHECK(field->text().isEmpty());
    // The article list (with the tag filter above it) is back.
    CHECK(pane->currentWidget()->isAncestorOf(child<QTreeView>(window.get(), "articleView")));
    CHECK_FALSE(results->isVisible());

    // `/` from the list and Ctrl+F from the reader put the cursor in the field.
    auto *articles = child<QTreeView>(window.get(), "articleView");
    articles->setFocus();
    QTest::keyClick(articles, Qt::Key_Slash);
    CHECK(field->hasFocus());
    CHECK(field->text().isEmpty()); // the key opened the search, it was not typed into it
    window->reader()->setFocus();
    QTest::keyClick(window->reader(), Qt::Key_F, Qt::ControlModifier);
    CHECK(field->hasFocus());

    // While searching, Tab goes from the issues to the hits, then to the reader.
    typeQuery(window.get(), QStringLiteral("包头"));
    auto *issues = child<QTreeView>(window.get(), "issueView");
    issues->setFocus();
    QTest::keyClick(issues, Qt::Key_Tab);
    CHECK(QApplication::focusWidget() == results);
    QTest::keyClick(results, Qt::Key_Tab);
    CHECK(QApplication::focusWidget() == window->reader());
}

TEST_CASE("choosing a hit shows the article with every match marked, and F3 moves between them", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    auto *results = child<QListView>(window.get(), "searchResults");
    auto *reader = window->reader();
    typeQuery(window.get(), QStringLiteral("包头"));
    REQUIRE(results->model()->rowCount() > 0);

    // The hit with the most matches in its body, so there is somewhere for F3 to go.
    int best = 0;
    int bestCount = 0;
    for (int row = 0; row < results->model()->rowCount(); ++row) {
        results->setCurrentIndex(results->model()->index(row, 0));
        const int n = int(reader->fieldText(ui::ReaderField::Body).count(QStringLiteral("包头")));
        if (n > bestCount) {
            best = row;
            bestCount = n;
        }
    }
    REQUIRE(bestCount >= 2);
    results->setCurrentIndex(results->model()->index(best, 0));
    const QString key = results->model()->index(best, 0).data(ui::SearchPanel::KeyRole).toString();
    REQUIRE(reader->hasArticle());
    CHECK(reader->article().key == key);
    const QStringList marks = markedTexts(reader);
    CHECK(marks.count(QStringLiteral("包头")) >= bestCount);
    CHECK(marks.count(QStringLiteral("包头")) == marks.size());

    const int first = currentMatchPosition(reader);
    REQUIRE(first >= 0);
    QTest::keyClick(window.get(), Qt::Key_F3);
    const int second = currentMatchPosition(reader);
    CHECK(second > first);
    QTest::keyClick(window.get(), Qt::Key_F3, Qt::ShiftModifier);
    CHECK(currentMatchPosition(reader) == first);
    CHECK(window->findChild<QAction *>(QStringLiteral("actionNextMatch")));
}

TEST_CASE("traditional characters and pinyin find the simplified articles", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    const std::set<QString> innerMongolia = keysContaining(scope.archive(), QStringLiteral("内蒙古"));
    REQUIRE_FALSE(innerMongolia.empty());
    auto window = openWindow(scope.archive());
    auto *results = child<QListView>(window.get(), "searchResults");

    typeQuery(window.get(), QStringLiteral("內蒙古"));
    CHECK(listedKeys(results) == innerMongolia);

    // Pinyin finds every article that has 包头 in characters, in any field, as 包头 itself does.
    const std::set<QString> baotou = keysContaining(scope.archive(), QStringLiteral("包头"));
    REQUIRE_FALSE(baotou.empty());
    typeQuery(window.get(), QStringLiteral("baotou"));
    CHECK(listedKeys(results) == baotou);
    typeQuery(window.get(), QStringLiteral("bao tou"));
    CHECK(listedKeys(results) == baotou);
    // The reader marks the Chinese the pinyin stands for.
    auto *reader = window->reader();
    int checked = 0;
    for (int row = 0; row < results->model()->rowCount(); ++row) {
        results->setCurrentIndex(results->model()->index(row, 0));
        if (!reader->fieldText(ui::ReaderField::Body).contains(QStringLiteral("包头")))
            continue;
        const QStringList marks = markedTexts(reader);
        CHECK(marks.contains(QStringLiteral("包头")));
        CHECK(marks.count(QStringLiteral("包头")) == marks.size());
        ++checked;
    }
    CHECK(checked > 0);
}

TEST_CASE("hostile queries show no error and leave the window working", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    auto *results = child<QListView>(window.get(), "searchResults");
    auto *count = child<QLabel>(window.get(), "searchCount");
    const QStringList hostile{QStringLiteral("\"包头"),      QStringLiteral("(包头]"),     QStringLiteral("*"),
                              QStringLiteral("NEAR(包头"),   QStringLiteral("-"),          QStringLiteral("a:b OR"),
                              QStringLiteral("' OR 1=1 --"), QStringLiteral("<b>包头</b>")};
    for (const QString &q : hostile) {
        INFO(q.toStdString());
        typeQuery(window.get(), q);
        CHECK_FALSE(count->text().isEmpty());
        CHECK(count->toolTip().startsWith(QStringLiteral("Searched")));
        CHECK(QApplication::activeModalWidget() == nullptr);
    }
    // 10,000 characters, pasted rather than typed.
    auto *panel = child<ui::SearchPanel>(window.get(), "searchPanel");
    auto *field = child<QLineEdit>(window.get(), "searchField");
    field->setMaxLength(100000);
    field->setText(QString(10000, QChar(0x5305)));
    QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
    panel->searchNow();
    REQUIRE(finished.wait(30000));
    CHECK(count->toolTip().startsWith(QStringLiteral("Searched")));
    CHECK(QApplication::activeModalWidget() == nullptr);

    typeQuery(window.get(), QStringLiteral("包头"));
    CHECK(results->model()->rowCount() > 0);
}

TEST_CASE("this issue only narrows the hits to the issue being read", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    auto *results = child<QListView>(window.get(), "searchResults");
    typeQuery(window.get(), QStringLiteral("包头"));
    const int everywhere = results->model()->rowCount();
    results->setCurrentIndex(results->model()->index(0, 0));
    const QString issueName = window->reader()->article().issueName;

    QSignalSpy finished(child<ui::SearchPanel>(window.get(), "searchPanel"), &ui::SearchPanel::searchFinished);
    child<QToolButton>(window.get(), "searchThisIssue")->click();
    REQUIRE(finished.wait(5000));
    const int inIssue = results->model()->rowCount();
    CHECK(inIssue > 0);
    CHECK(inIssue <= everywhere);
    for (int row = 0; row < inIssue; ++row) {
        results->setCurrentIndex(results->model()->index(row, 0));
        CHECK(window->reader()->article().issueName == issueName);
    }
    CHECK(child<QLabel>(window.get(), "searchCount")->text().contains(QStringLiteral("this issue")));
}

TEST_CASE("the date range, issue and tag facets narrow the hits to the articles they describe", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    const QString needle = QStringLiteral("包头");
    const std::set<QString> containing = keysContaining(scope.archive(), needle);
    REQUIRE(containing.size() >= 2);

    // Tag every other article containing the needle, and one article without it.
    std::set<QString> tagged;
    QMap<QString, QDate> dates;
    QMap<QString, QString> issueNames;
    {
        store::Database db(scope.archive());
        QString error;
        REQUIRE(db.open(&error));
        QStringList keys;
        REQUIRE(store::ArticleStore(&db).forEachListing(
            [&](const store::ArticleListing &l) {
                keys << l.key;
                dates.insert(l.key, l.issueDate);
                issueNames.insert(l.key, l.issueName);
            },
            &error));
        bool take = true;
        for (const QString &key : containing) {
            if (take)
                tagged.insert(key);
            take = !take;
        }
        for (const QString &key : std::as_const(keys)) {
            if (!containing.count(key)) {
                tagged.insert(key);
                break;
            }
        }
        REQUIRE(
            store::TagStore(&db).addTag(QStringList(tagged.begin(), tagged.end()), QStringLiteral("facet"), &error));
    }

    auto window = openWindow(scope.archive());
    auto *panel = child<ui::SearchPanel>(window.get(), "searchPanel");
    auto *results = child<QListView>(window.get(), "searchResults");
    typeQuery(window.get(), needle);
    REQUIRE(listedKeys(results) == containing);

    SECTION("tag")
    {
        std::set<QString> expected;
        for (const QString &key : containing) {
            if (tagged.count(key))
                expected.insert(key);
        }
        auto *tag = child<QComboBox>(window.get(), "searchTag");
        const int index = tag->findText(QStringLiteral("facet"));
        REQUIRE(index > 0);
        QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
        tag->setCurrentIndex(index);
        Q_EMIT tag->activated(index);
        REQUIRE(finished.wait(5000));
        CHECK(listedKeys(results) == expected);
        CHECK(expected.size() < containing.size());
    }

    SECTION("date range")
    {
        // A day whose issue holds some, not all, of the hits.
        QDate day;
        std::set<QString> expected;
        for (const QString &key : containing) {
            std::set<QString> onDay;
            for (const QString &k : containing) {
                if (dates.value(k) == dates.value(key))
                    onDay.insert(k);
            }
            if (dates.value(key).isValid() && onDay.size() < containing.size()) {
                day = dates.value(key);
                expected = onDay;
                break;
            }
        }
        REQUIRE(day.isValid());
        auto *from = child<QDateEdit>(window.get(), "searchFromDate");
        auto *to = child<QDateEdit>(window.get(), "searchToDate");
        CHECK(from->text() == QStringLiteral("any"));
        QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
        from->setDate(day);
        to->setDate(day);
        REQUIRE(finished.wait(5000));
        CHECK(listedKeys(results) == expected);

        // Open at the end: that day and every later one.
        to->setDate(to->minimumDate());
        REQUIRE(finished.wait(5000));
        std::set<QString> fromDay;
        for (const QString &key : containing) {
            if (dates.value(key).isValid() && dates.value(key) >= day)
                fromDay.insert(key);
        }
        CHECK(listedKeys(results) == fromDay);

        // The range shows among the active filters; removing it there brings every hit back.
        auto *filters = child<QLabel>(window.get(), "searchFilters");
        CHECK(filters->isVisible());
        CHECK(filters->text().contains(day.toString(Qt::ISODate)));
        Q_EMIT filters->linkActivated(QStringLiteral("dates"));
        REQUIRE(finished.wait(5000));
        CHECK(listedKeys(results) == containing);
        CHECK(from->text() == QStringLiteral("any"));
        CHECK_FALSE(filters->isVisible());
    }

    SECTION("issue")
    {
        // The issue of a hit, chosen in the issue box.
        store::Database db(scope.archive());
        QString error;
        REQUIRE(db.open(&error));
        QMap<QString, qint64> issueIds;
        for (const store::IssueRecord &issue : store::IssueStore(&db).issues(0, 100))
            issueIds.insert(issue.displayName(), issue.id); // the shown name, as the listing gives it
        QString chosenName;
        std::set<QString> expected;
        for (const QString &key : containing) {
            std::set<QString> inIssue;
            for (const QString &k : containing) {
                if (issueNames.value(k) == issueNames.value(key))
                    inIssue.insert(k);
            }
            if (inIssue.size() < containing.size()) {
                chosenName = issueNames.value(key);
                expected = inIssue;
                break;
            }
        }
        REQUIRE_FALSE(chosenName.isEmpty());
        auto *issue = child<QComboBox>(window.get(), "searchIssue");
        issue->setFocus(); // the box reads the issues as the user goes to it
        const int index = issue->findData(issueIds.value(chosenName));
        REQUIRE(index > 0);
        QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
        issue->setCurrentIndex(index);
        Q_EMIT issue->activated(index);
        REQUIRE(finished.wait(5000));
        CHECK(listedKeys(results) == expected);

        // "This issue only" stays one click, and stands in for the chosen issue.
        results->setCurrentIndex(results->model()->index(0, 0));
        auto *thisIssue = child<QToolButton>(window.get(), "searchThisIssue");
        thisIssue->click();
        REQUIRE(finished.wait(5000));
        CHECK_FALSE(issue->isEnabled());
        CHECK(listedKeys(results) == expected);
        thisIssue->click();
        REQUIRE(finished.wait(5000));
        CHECK(issue->isEnabled());

        panel->clearFacets();
        REQUIRE(finished.wait(5000));
        CHECK(listedKeys(results) == containing);
        CHECK(issue->currentIndex() == 0);
    }
}

namespace {

std::set<QString> keysMentioning(const QString &archive, const QString &type, const QString &text)
{
    store::Database db(archive);
    QString error;
    REQUIRE(db.open(&error));
    const auto articles = store::EntityStore::articlesMentioning(db.connection(), type, text, 100000, 0);
    REQUIRE(articles);
    std::set<QString> keys;
    for (const store::EntityArticle &a : *articles)
        keys.insert(a.key);
    return keys;
}

} // namespace

TEST_CASE("an entity chosen in the Entities panel narrows the search and its filter can be removed", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    const QString needle = QStringLiteral("包头");
    const std::set<QString> containing = keysContaining(scope.archive(), needle);
    REQUIRE(containing.size() >= 2);

    // An entity that some, not all, of the hits mention.
    QString type, text;
    std::set<QString> expected;
    {
        store::Database db(scope.archive());
        QString error;
        REQUIRE(db.open(&error));
        const auto index = store::EntityStore::index(db.connection(), QString(), QString(), 1000, 0);
        REQUIRE(index);
        for (const store::EntityCount &e : *index) {
            std::set<QString> both;
            for (const QString &key : keysMentioning(scope.archive(), e.type, e.text)) {
                if (containing.count(key))
                    both.insert(key);
            }
            if (!both.empty() && both.size() < containing.size()) {
                type = e.type;
                text = e.text;
                expected = both;
                break;
            }
        }
    }
    REQUIRE_FALSE(text.isEmpty());

    auto window = openWindow(scope.archive());
    auto *panel = child<ui::SearchPanel>(window.get(), "searchPanel");
    auto *results = child<QListView>(window.get(), "searchResults");
    auto *filters = child<QLabel>(window.get(), "searchFilters");
    auto *searchFor = child<QPushButton>(window.get(), "searchForEntity");
    typeQuery(window.get(), needle);
    REQUIRE(listedKeys(results) == containing);
    CHECK_FALSE(filters->isVisible());

    window->entitiesPanel()->chooseEntity(type, text);
    REQUIRE(searchFor->isEnabled());
    CHECK(searchFor->text().contains(QStringLiteral("Narrow")));
    QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
    QTest::mouseClick(searchFor, Qt::LeftButton);
    REQUIRE(finished.wait(5000));
    CHECK(listedKeys(results) == expected);
    CHECK(child<QLabel>(window.get(), "searchCount")->text().startsWith(QString::number(expected.size())));
    CHECK(filters->isVisible());
    CHECK(filters->text().contains(text));
    CHECK(child<QLineEdit>(window.get(), "searchEntity")->text() == text);
    const QString shots = qEnvironmentVariable("BAOKAN_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        results->setCurrentIndex(results->model()->index(0, 0));
        window->entitiesPanel()->raise();
        QTest::qWait(300);
        CHECK(window->grab().save(QDir(shots).filePath(QStringLiteral("baokan-search-entity.png"))));
        window->resize(1100, 700); // the smallest window the layout is made for
        QTest::qWait(300);
        CHECK(window->grab().save(QDir(shots).filePath(QStringLiteral("baokan-search-entity-small.png"))));
    }

    // Removing the filter brings back every hit.
    Q_EMIT filters->linkActivated(QStringLiteral("entity"));
    REQUIRE(finished.wait(5000));
    CHECK(listedKeys(results) == containing);
    CHECK_FALSE(filters->isVisible());

    // With no search running, the same button searches for the entity among the articles that
    // mention it: the hits are the panel's list of its articles.
    QTest::keyClick(child<QLineEdit>(window.get(), "searchField"), Qt::Key_Escape);
    REQUIRE_FALSE(panel->isActive());
    CHECK(searchFor->text().contains(QStringLiteral("Search")));
    QTest::mouseClick(searchFor, Qt::LeftButton);
    REQUIRE(finished.wait(5000));
    CHECK(panel->query() == text);
    const std::set<QString> mentioning = keysMentioning(scope.archive(), type, text);
    CHECK(listedKeys(results) == mentioning);
    auto *entityArticles = child<QTreeWidget>(window.get(), "entityArticles");
    CHECK(entityArticles->topLevelItemCount() == int(mentioning.size()));

    // "Show in Article List" while searching shows the list, narrowed to those articles.
    QTest::mouseClick(child<QPushButton>(window.get(), "showEntityArticles"), Qt::LeftButton);
    auto *articleView = child<QTreeView>(window.get(), "articleView");
    CHECK(child<QStackedWidget>(window.get(), "articlePane")->currentWidget()->isAncestorOf(articleView));
    CHECK(articleView->isVisible());
    std::set<QString> listed;
    for (int row = 0; row < articleView->model()->rowCount(); ++row)
        listed.insert(articleView->model()->index(row, 0).data(models::ArticleListModel::ArticleKeyRole).toString());
    CHECK(listed == mentioning);
}

TEST_CASE("the tag facet lists a tag as soon as it is added, and an undo takes it away again", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    window->selectFirstArticle();
    auto *tag = child<QComboBox>(window.get(), "searchTag");
    const QString name = QStringLiteral("待核实");
    REQUIRE(tag->findText(name) < 0);

    auto *editor = child<QLineEdit>(window.get(), "tagEditor");
    editor->setText(name);
    QTest::keyClick(editor, Qt::Key_Return);
    const int index = tag->findText(name);
    CHECK(index > 0);

    // Chosen as a facet, the tag narrows a search to the one article carrying it.
    const QString key = window->reader()->article().key;
    const QString needle = window->reader()->article().title.left(2);
    REQUIRE(needle.size() == 2);
    auto *panel = child<ui::SearchPanel>(window.get(), "searchPanel");
    auto *results = child<QListView>(window.get(), "searchResults");
    typeQuery(window.get(), needle);
    QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
    tag->setCurrentIndex(index);
    Q_EMIT tag->activated(index);
    REQUIRE(finished.wait(5000));
    CHECK(listedKeys(results) == std::set<QString>{key});

    // Undone, the tag is gone from the facet, and so is the filter it made.
    finished.clear();
    window->undoStack()->undo();
    CHECK(tag->findText(name) < 0);
    CHECK(tag->currentIndex() == 0);
    REQUIRE((finished.count() > 0 || finished.wait(5000)));
    CHECK(listedKeys(results) == keysContaining(scope.archive(), needle));
    window->undoStack()->redo();
    CHECK(tag->findText(name) > 0);
}

TEST_CASE("after an import the issue facet offers the new issues and the dates reach theirs", "[ui][search]")
{
    Scope scope;
    const QStringList pages = samplePages();
    auto window = openWindow(scope.archive());
    QSignalSpy ended(window.get(), &ui::MainWindow::importEnded);
    REQUIRE(window->importPaths({pages.first()}));
    REQUIRE((ended.count() > 0 || ended.wait(120000)));
    auto *issue = child<QComboBox>(window.get(), "searchIssue");
    issue->setFocus();
    CHECK(issue->count() == 2); // "any" and the one issue

    ended.clear();
    REQUIRE(window->importPaths(pages.mid(1)));
    REQUIRE((ended.count() > 0 || ended.wait(120000)));
    window->reader()->setFocus();
    issue->setFocus();
    store::Database db(scope.archive());
    QString error;
    REQUIRE(db.open(&error));
    const QList<store::IssueRecord> issues = store::IssueStore(&db).issues(0, 100);
    REQUIRE(issues.size() == pages.size());
    CHECK(issue->count() == 1 + int(issues.size()));
    QDate first, last;
    for (const store::IssueRecord &i : issues) {
        CHECK(issue->findData(i.id) > 0);
        if (i.displayDate().isValid()) {
            first = first.isValid() ? std::min(first, i.displayDate()) : i.displayDate();
            last = last.isValid() ? std::max(last, i.displayDate()) : i.displayDate();
        }
    }
    REQUIRE(first.isValid());
    // "any" sits just before the first issue, and the last one can be reached.
    auto *from = child<QDateEdit>(window.get(), "searchFromDate");
    CHECK(from->minimumDate() == first.addDays(-1));
    CHECK(from->maximumDate() >= last);

    // The end of the range, still "any", opens its calendar on the last issue's month.
    auto *to = child<QDateEdit>(window.get(), "searchToDate");
    QTest::mouseClick(to, Qt::LeftButton, {}, QPoint(to->width() - 6, to->height() / 2));
    QCalendarWidget *calendar = to->calendarWidget();
    REQUIRE(QTest::qWaitFor([&] { return calendar->isVisible(); }, 2000));
    CHECK(calendar->yearShown() == last.year());
    CHECK(calendar->monthShown() == last.month());
    QTest::keyClick(calendar, Qt::Key_Escape);
}

TEST_CASE("the filter boxes stay hidden in the next window once the user hid them", "[ui][search]")
{
    Scope scope;
    {
        auto window = openWindow(scope.archive());
        auto *toggle = child<QToolButton>(window.get(), "searchFiltersToggle");
        REQUIRE(toggle->isChecked());
        toggle->click();
        CHECK(child<QWidget>(window.get(), "searchFacets")->isHidden());
    }
    auto window = openWindow(scope.archive());
    CHECK_FALSE(child<QToolButton>(window.get(), "searchFiltersToggle")->isChecked());
    CHECK(child<QWidget>(window.get(), "searchFacets")->isHidden());
}

TEST_CASE("ctrl+click on a name highlighted in the reader searches for it among the articles mentioning it",
          "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    auto window = openWindow(scope.archive());
    window->selectFirstArticle();
    ui::ReaderView *reader = window->reader();
    // A name in the body that the legend shows.
    std::optional<store::StoredMention> mention;
    for (const store::StoredMention &m : window->entitiesPanel()->mentions()) {
        if (m.field == u"body" && m.end - m.start >= 2) {
            mention = m;
            break;
        }
    }
    REQUIRE(mention);
    const QList<ui::DocumentRange> spans =
        reader->fieldMap().toDocument(ui::FieldRange{ui::ReaderField::Body, mention->start, mention->end});
    REQUIRE_FALSE(spans.isEmpty());
    QTextCursor cursor(reader->document());
    cursor.setPosition(spans.first().start + 1);
    reader->setTextCursor(cursor);
    reader->ensureCursorVisible();
    const QRect caret = reader->cursorRect(cursor);
    const QPoint inFirstCharacter(caret.x() - 3, caret.center().y());

    auto *panel = child<ui::SearchPanel>(window.get(), "searchPanel");
    QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
    // A plain click does not search.
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, inFirstCharacter);
    CHECK_FALSE(panel->isActive());
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, Qt::ControlModifier, inFirstCharacter);
    REQUIRE(finished.wait(5000));
    CHECK(panel->query() == mention->text);
    CHECK(listedKeys(child<QListView>(window.get(), "searchResults")) ==
          keysMentioning(scope.archive(), mention->type, mention->text));
    CHECK(child<QLabel>(window.get(), "searchFilters")->text().contains(mention->text));
}
