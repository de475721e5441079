// SPDX-License-Identifier: MIT
#include "annotate/highlightanchor.h"
#include "archivetestsupport.h"
#include "store/articlelookup.h"
#include "store/importer.h"
#include "store/noteedits.h"
#include "store/notestore.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

using baokan::annotate::HighlightAnchor;
using namespace baokan::store;

namespace {

// A run of Han characters from the body, printed once on the raw page, near the given fraction.
QString uniqueRun(const QString &body, const QString &page, double at, int length)
{
    for (int i = int(body.size() * at); i + length < body.size(); ++i) {
        const QString candidate = body.mid(i, length);
        bool han = true;
        for (QChar c : candidate)
            han = han && c.script() == QChar::Script_Han;
        if (han && page.count(candidate) == 1)
            return candidate;
    }
    return {};
}

} // namespace

TEST_CASE("re-importing a changed page keeps, moves or sends to review the highlights of its articles")
{
    TestArchive archive;
    const QString page = archive.dirPath(QStringLiteral("issue.txt"));
    const QString text = QString::fromUtf8(baokan::test::readAll(baokan::test::samplePages().at(0)));
    REQUIRE(baokan::test::writeFile(page, text.toUtf8()));
    Importer importer(&archive.database());
    REQUIRE(importer.importPaths({page}).error.isEmpty());

    QSqlQuery q(archive.db());
    REQUIRE(q.exec(QStringLiteral("SELECT key, body FROM article ORDER BY length(body) DESC LIMIT 1")));
    REQUIRE(q.next());
    const QString key = q.value(0).toString();
    const QString body = q.value(1).toString();
    q.finish();
    const QString kept = uniqueRun(body, text, 0.2, 8);
    const QString edited = uniqueRun(body, text, 0.5, 10);
    const QString removed = uniqueRun(body, text, 0.8, 8);
    REQUIRE_FALSE(kept.isEmpty());
    REQUIRE_FALSE(edited.isEmpty());
    REQUIRE_FALSE(removed.isEmpty());

    NoteStore notes(archive.db());
    auto highlight = [&](const QString &quote) {
        const qint64 start = HighlightAnchor::toCodePoint(body, body.indexOf(quote));
        const auto id = notes.addHighlight(key, start, start + quote.size(), {}, QStringLiteral("c"));
        REQUIRE(id);
        return *id;
    };
    const qint64 keptId = highlight(kept);
    const qint64 editedId = highlight(edited);
    const qint64 removedId = highlight(removed);

    QString changedRun = edited;
    changedRun[5] = changedRun.at(5) == QChar(0x7532) ? QChar(0x4e59) : QChar(0x7532); // 甲 or 乙
    const QString changedPage = QString(text).replace(edited, changedRun).remove(removed);
    REQUIRE(baokan::test::writeFile(page, changedPage.toUtf8()));
    const ImportSummary summary = importer.importPaths({page});
    INFO(summary.text().toStdString());
    REQUIRE(summary.error.isEmpty());
    REQUIRE(summary.articlesUpdated >= 1);
    CHECK(summary.highlightsMoved == 1);
    CHECK(summary.highlightsToReview == 1);

    const auto newBody = ArticleLookup(archive.db()).body(key);
    REQUIRE(newBody);
    const auto k = notes.note(keptId);
    CHECK(k->anchor == AnchorState::Ok);
    CHECK(newBody->mid(HighlightAnchor::toUtf16(*newBody, k->start), kept.size()) == kept);
    const auto e = notes.note(editedId);
    CHECK(e->anchor == AnchorState::Ok);
    CHECK(e->quote == changedRun);
    CHECK(newBody->mid(HighlightAnchor::toUtf16(*newBody, e->start), changedRun.size()) == changedRun);
    const auto r = notes.note(removedId);
    CHECK(r->anchor == AnchorState::Review);
    CHECK(r->quote == removed);
    CHECK(notes.needingReview().size() == 1);
}

TEST_CASE("re-importing a page whose headline changed moves a highlight of the title within the title")
{
    TestArchive archive;
    const QString page = archive.dirPath(QStringLiteral("issue.txt"));
    const QString text = QString::fromUtf8(baokan::test::readAll(baokan::test::samplePages().at(0)));
    REQUIRE(baokan::test::writeFile(page, text.toUtf8()));
    Importer importer(&archive.database());
    REQUIRE(importer.importPaths({page}).error.isEmpty());

    // The longest printed headline that appears once on the page.
    QSqlQuery q(archive.db());
    REQUIRE(
        q.exec(QStringLiteral("SELECT key, title FROM article WHERE title IS NOT NULL ORDER BY length(title) DESC")));
    QString key;
    QString title;
    while (q.next() && key.isEmpty()) {
        if (text.count(q.value(1).toString()) == 1) {
            key = q.value(0).toString();
            title = q.value(1).toString();
        }
    }
    q.finish();
    REQUIRE(title.size() >= 6);
    const QString quote = title.mid(title.size() - 4, 4);
    Edit edit = NoteEdits::addHighlight(key, title.size() - 4, title.size(), {}, QStringLiteral("标题"),
                                        QStringLiteral("title"));
    QString error;
    REQUIRE(edit.apply(archive.db(), &error));
    const qint64 id = edit.after().notes.first().id;

    // Two characters more at the headline's start: the quote moves by two, still in the title.
    REQUIRE(baokan::test::writeFile(page, QString(text).replace(title, QStringLiteral("全面") + title).toUtf8()));
    const ImportSummary summary = importer.importPaths({page});
    INFO(summary.text().toStdString());
    REQUIRE(summary.error.isEmpty());
    CHECK(summary.highlightsMoved == 1);
    const auto moved = NoteStore(archive.db()).note(id);
    REQUIRE(moved);
    CHECK(moved->field == QStringLiteral("title"));
    CHECK(moved->anchor == AnchorState::Ok);
    CHECK(moved->quote == quote);
    CHECK(moved->start == title.size() - 4 + 2);
    CHECK(
        ArticleLookup(archive.db()).fieldText(moved->articleKey, QStringLiteral("title"))->mid(int(moved->start), 4) ==
        quote);
}
