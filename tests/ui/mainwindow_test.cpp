// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "readerview.h"
#include "settings.h"

#include "parse/issueloader.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace baokan;

namespace {

// Settings go to a fresh directory per test, so nothing leaks between tests or into the user's.
struct SettingsScope
{
    QTemporaryDir dir;
    SettingsScope()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("baokan-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ui_tests"));
    }
};

QList<parse::Issue> sampleIssues()
{
    QList<parse::Issue> issues;
    const QDir dir(QStringLiteral(BAOKAN_SAMPLE_DIR));
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        auto issue = parse::IssueLoader::load(dir.filePath(name));
        if (issue)
            issues << *issue;
    }
    return issues;
}

std::unique_ptr<ui::MainWindow> openWindow()
{
    auto window = std::make_unique<ui::MainWindow>();
    window->showIssues(sampleIssues());
    window->show();
    QApplication::setActiveWindow(window.get());
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    return window;
}

QTreeView *view(QWidget *window, const char *name)
{
    auto *v = window->findChild<QTreeView *>(QString::fromLatin1(name));
    REQUIRE(v);
    return v;
}

} // namespace

TEST_CASE("choosing an issue and an article shows its title and body in the reader", "[ui][window]")
{
    SettingsScope scope;
    auto window = openWindow();
    QTreeView *issues = view(window.get(), "issueView");
    QTreeView *articles = view(window.get(), "articleView");
    auto *reader = window->findChild<ui::ReaderView *>(QStringLiteral("reader"));
    REQUIRE(reader);
    REQUIRE(issues->model()->rowCount() == 5);

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
    const QString shown = reader->document()->toPlainText();
    CHECK(reader->hasArticle());
    CHECK(shown.contains(reader->fieldText(ui::ReaderField::Body).section(QLatin1Char('\n'), 0, 0)));
    CHECK_FALSE(reader->fieldText(ui::ReaderField::Body).isEmpty());
    // The list shows the printed title or a display title; either is a prefix of what the reader shows.
    CHECK(shown.contains(listedTitle.left(8)));
}

TEST_CASE("n and p move to the next and previous article, Home and End to the ends", "[ui][window]")
{
    SettingsScope scope;
    auto window = openWindow();
    QTreeView *articles = view(window.get(), "articleView");
    auto *reader = window->findChild<ui::ReaderView *>(QStringLiteral("reader"));
    window->selectFirstArticle();
    REQUIRE(articles->currentIndex().row() == 0);
    articles->setFocus();

    QTest::keyClick(articles, Qt::Key_N);
    CHECK(articles->currentIndex().row() == 1);
    const QString second = reader->fieldText(ui::ReaderField::Body);
    QTest::keyClick(articles, Qt::Key_J);
    CHECK(articles->currentIndex().row() == 2);
    QTest::keyClick(articles, Qt::Key_K);
    CHECK(articles->currentIndex().row() == 1);
    CHECK(reader->fieldText(ui::ReaderField::Body) == second);
    QTest::keyClick(articles, Qt::Key_P);
    CHECK(articles->currentIndex().row() == 0);

    // The keys also work while the reader has the focus.
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_N);
    CHECK(articles->currentIndex().row() == 1);

    window->findChild<QAction *>(QStringLiteral("actionLastArticle"))->trigger();
    CHECK(articles->currentIndex().row() == articles->model()->rowCount() - 1);
    window->findChild<QAction *>(QStringLiteral("actionFirstArticle"))->trigger();
    CHECK(articles->currentIndex().row() == 0);
}

TEST_CASE("Ctrl+= and Ctrl+- change the reader's text size and the size is remembered", "[ui][window]")
{
    SettingsScope scope;
    qreal enlarged = 0;
    {
        auto window = openWindow();
        auto *reader = window->findChild<ui::ReaderView *>(QStringLiteral("reader"));
        window->selectFirstArticle();
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
    auto again = openWindow();
    CHECK(again->findChild<ui::ReaderView *>(QStringLiteral("reader"))->textPointSize() == Approx(enlarged));
}

TEST_CASE("every menu action has an object name", "[ui][window]")
{
    SettingsScope scope;
    ui::MainWindow window;
    for (const char *name :
         {"actionNewArchive", "actionOpenArchive", "actionImport", "actionQuit", "actionLargerText",
          "actionSmallerText", "actionNextArticle", "actionPreviousArticle", "actionFirstArticle", "actionLastArticle"})
        CHECK(window.findChild<QAction *>(QString::fromLatin1(name)) != nullptr);
}
