// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "readerview.h"
#include "searchhitdelegate.h"
#include "searchpanel.h"

#include "store/articlestore.h"
#include "store/database.h"
#include "store/tagstore.h"

#include "uitestscope.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeView>

#include <memory>
#include <set>

using namespace baokan;

namespace {

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

template<typename T>
T *child(QWidget *window, const char *name)
{
    auto *w = window->findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
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

    // Pinyin finds articles that have 包头 in characters (in their titles and names at least).
    const std::set<QString> baotou = keysContaining(scope.archive(), QStringLiteral("包头"));
    typeQuery(window.get(), QStringLiteral("baotou"));
    const std::set<QString> listed = listedKeys(results);
    CHECK_FALSE(listed.empty());
    int inChinese = 0;
    for (const QString &key : listed)
        inChinese += baotou.count(key) ? 1 : 0;
    CHECK(inChinese > 0);
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

TEST_CASE("the year and tag facets narrow the hits to the articles they describe", "[ui][search]")
{
    Scope scope;
    prepareArchive(scope);
    const QString needle = QStringLiteral("包头");
    const std::set<QString> containing = keysContaining(scope.archive(), needle);
    REQUIRE(containing.size() >= 2);

    // Tag every other article containing the needle, and one article without it.
    std::set<QString> tagged;
    QMap<QString, QDate> dates;
    {
        store::Database db(scope.archive());
        QString error;
        REQUIRE(db.open(&error));
        QStringList keys;
        REQUIRE(store::ArticleStore(&db).forEachListing(
            [&](const store::ArticleListing &l) {
                keys << l.key;
                dates.insert(l.key, l.issueDate);
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

    SECTION("year range")
    {
        const QDate first = dates.value(*containing.begin());
        REQUIRE(first.isValid());
        const int year = first.year();
        std::set<QString> expected;
        for (const QString &key : containing) {
            if (dates.value(key).year() == year)
                expected.insert(key);
        }
        auto *from = child<QSpinBox>(window.get(), "searchFromYear");
        auto *to = child<QSpinBox>(window.get(), "searchToYear");
        QSignalSpy finished(panel, &ui::SearchPanel::searchFinished);
        from->setValue(year);
        REQUIRE(finished.wait(5000));
        to->setValue(year);
        REQUIRE(finished.wait(5000));
        CHECK(listedKeys(results) == expected);

        // A range after every issue leaves nothing; "any" brings every hit back.
        to->setValue(year + 100);
        REQUIRE(finished.wait(5000));
        from->setValue(year + 50);
        REQUIRE(finished.wait(5000));
        CHECK(results->model()->rowCount() == 0);
        from->setValue(from->minimum());
        REQUIRE(finished.wait(5000));
        to->setValue(to->minimum());
        REQUIRE(finished.wait(5000));
        CHECK(listedKeys(results) == containing);
    }
}
