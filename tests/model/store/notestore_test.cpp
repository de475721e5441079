// SPDX-License-Identifier: MIT
#include "annotate/highlightanchor.h"
#include "store/noteedits.h"
#include "store/notestore.h"
#include "store/transaction.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

using baokan::annotate::HighlightAnchor;
using namespace baokan::store;

namespace {

const QString kBody =
    QStringLiteral("本报讯（记者 刘琪）11月14日，包头市中级人民法院召开新闻发布会，通报全市法院扫黑除恶"
                   "专项斗争工作情况。\n会上，副院长白永平介绍了有关情况。包头市中级人民法院将继续依法"
                   "严惩黑恶势力犯罪。");

qint64 cp(const QString &text, const QString &needle)
{
    const qsizetype at = text.indexOf(needle);
    REQUIRE(at >= 0);
    return HighlightAnchor::toCodePoint(text, at);
}

struct Fixture
{
    TestArchive archive;
    NoteStore store{archive.db()};
    Fixture()
    {
        const qint64 issue = archive.addIssue(QStringLiteral("北方法治报 2023-11-16"), QStringLiteral("2023-11-16"));
        archive.addArticle(issue, QStringLiteral("k1"), QStringLiteral("扫黑除恶发布会"), kBody);
    }
    qint64 highlight(const QString &quote, const QString &comment = {})
    {
        const qint64 start = cp(kBody, quote);
        QString error;
        const auto id = store.addHighlight(QStringLiteral("k1"), start, start + HighlightAnchor::codePointCount(quote),
                                           QStringLiteral("#ffee00"), comment, &error);
        INFO(error.toStdString());
        REQUIRE(id);
        return *id;
    }
};

} // namespace

TEST_CASE("an article has one note that is set, replaced and cleared")
{
    Fixture f;
    REQUIRE(f.store.setArticleNote(QStringLiteral("k1"), QStringLiteral("第一稿")));
    const auto first = f.store.articleNote(QStringLiteral("k1"));
    REQUIRE(first);
    REQUIRE(f.store.setArticleNote(QStringLiteral("k1"), QStringLiteral("第二稿\n带换行")));
    const auto second = f.store.articleNote(QStringLiteral("k1"));
    REQUIRE(second);
    CHECK(second->id == first->id);
    CHECK(second->created == first->created);
    CHECK(second->note == QStringLiteral("第二稿\n带换行"));
    CHECK(f.archive.count(QStringLiteral("SELECT count(*) FROM note")) == 1);
    REQUIRE(f.store.setArticleNote(QStringLiteral("k1"), QStringLiteral("  ")));
    CHECK_FALSE(f.store.articleNote(QStringLiteral("k1")));
}

TEST_CASE("a highlight stores its quote, context, offsets, colour and comment")
{
    Fixture f;
    const qint64 id = f.highlight(QStringLiteral("副院长白永平"), QStringLiteral("人名"));
    const auto n = f.store.note(id);
    REQUIRE(n);
    CHECK(n->kind == NoteKind::Highlight);
    CHECK(n->quote == QStringLiteral("副院长白永平"));
    CHECK(n->start == cp(kBody, QStringLiteral("副院长白永平")));
    CHECK(n->end == n->start + 6);
    CHECK(kBody.contains(n->prefix + n->quote + n->suffix));
    CHECK(n->color == QStringLiteral("#ffee00"));
    CHECK(n->note == QStringLiteral("人名"));
    CHECK(n->anchor == AnchorState::Ok);
    REQUIRE(f.store.updateHighlight(id, QStringLiteral("副院长"), QStringLiteral("#00ff00")));
    CHECK(f.store.note(id)->note == QStringLiteral("副院长"));
    CHECK(f.store.note(id)->color == QStringLiteral("#00ff00"));
    REQUIRE(f.store.deleteNote(id));
    CHECK_FALSE(f.store.note(id));
}

TEST_CASE("a highlight outside the body or on an unknown article is refused")
{
    Fixture f;
    QString error;
    CHECK_FALSE(f.store.addHighlight(QStringLiteral("k1"), 5, 5000, {}, {}, &error));
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(f.store.addHighlight(QStringLiteral("nope"), 0, 2, {}, {}, &error));
    CHECK(error.contains(QStringLiteral("nope")));
    CHECK(f.archive.count(QStringLiteral("SELECT count(*) FROM note")) == 0);
}

TEST_CASE("highlights are listed in reading order after the article note")
{
    Fixture f;
    const qint64 late = f.highlight(QStringLiteral("严惩黑恶势力犯罪"));
    const qint64 early = f.highlight(QStringLiteral("新闻发布会"));
    REQUIRE(f.store.setArticleNote(QStringLiteral("k1"), QStringLiteral("note")));
    const QList<Note> all = f.store.notesFor(QStringLiteral("k1"));
    REQUIRE(all.size() == 3);
    CHECK(all[0].kind == NoteKind::ArticleNote);
    CHECK(all[1].id == early);
    CHECK(all[2].id == late);
}

TEST_CASE("re-anchoring after a body change moves, keeps or sends highlights to review")
{
    Fixture f;
    const qint64 kept = f.highlight(QStringLiteral("本报讯"));
    const qint64 moved = f.highlight(QStringLiteral("副院长白永平介绍了有关情况"), QStringLiteral("c"));
    const qint64 lost = f.highlight(QStringLiteral("严惩黑恶势力犯罪"));
    QString body = kBody;
    body.replace(QStringLiteral("会上，"), QStringLiteral("会议期间，记者了解到，"));
    body.replace(QStringLiteral("将继续依法严惩黑恶势力犯罪"), QStringLiteral("表示将一如既往"));
    f.archive.setBody(QStringLiteral("k1"), body);
    ReanchorResult result;
    QString error;
    REQUIRE(NoteStore::reanchorArticle(f.archive.db(), QStringLiteral("k1"), body, &result, &error));
    CHECK(result.kept == 1);
    CHECK(result.moved == 1);
    CHECK(result.review == 1);
    CHECK(f.store.note(kept)->start == 0);
    const auto m = f.store.note(moved);
    CHECK(m->start == cp(body, QStringLiteral("副院长白永平")));
    CHECK(m->anchor == AnchorState::Ok);
    CHECK(m->note == QStringLiteral("c"));
    CHECK(body.contains(m->prefix + m->quote + m->suffix));
    const auto l = f.store.note(lost);
    CHECK(l->anchor == AnchorState::Review);
    CHECK(l->quote == QStringLiteral("严惩黑恶势力犯罪"));
    REQUIRE(f.store.needingReview().size() == 1);
    CHECK(f.store.needingReview().first().id == lost);

    // The user re-attaches it to the sentence that replaced it.
    const qint64 start = cp(body, QStringLiteral("一如既往"));
    REQUIRE(f.store.reattach(lost, start, start + 4, &error));
    CHECK(f.store.note(lost)->quote == QStringLiteral("一如既往"));
    CHECK(f.store.note(lost)->anchor == AnchorState::Ok);
    CHECK(f.store.needingReview().isEmpty());
}

TEST_CASE("a highlight in review comes back when its quote returns")
{
    Fixture f;
    const qint64 id = f.highlight(QStringLiteral("副院长白永平介绍了有关情况"));
    QString gone = kBody;
    gone.remove(QStringLiteral("副院长白永平介绍了有关情况"));
    REQUIRE(NoteStore::reanchorArticle(f.archive.db(), QStringLiteral("k1"), gone));
    CHECK(f.store.note(id)->anchor == AnchorState::Review);
    ReanchorResult result;
    REQUIRE(NoteStore::reanchorArticle(f.archive.db(), QStringLiteral("k1"), kBody, &result));
    CHECK(result.moved == 1);
    CHECK(f.store.note(id)->anchor == AnchorState::Ok);
    CHECK(f.store.note(id)->start == cp(kBody, QStringLiteral("副院长白永平")));
}

TEST_CASE("notes of an article that a re-import dropped wait in Needs review under their key")
{
    Fixture f;
    const qint64 id = f.highlight(QStringLiteral("副院长白永平"));
    REQUIRE(f.store.setArticleNote(QStringLiteral("k1"), QStringLiteral("笔记")));
    CHECK(f.store.needingReview().isEmpty());
    QSqlQuery q(f.archive.db());
    REQUIRE(q.exec(QStringLiteral("DELETE FROM article WHERE key = 'k1'")));
    CHECK(f.store.needingReview().size() == 2);
    CHECK(f.store.note(id));
}

TEST_CASE("edits and re-anchoring inside a caller's transaction roll back with it")
{
    Fixture f;
    const qint64 id = f.highlight(QStringLiteral("副院长白永平"));
    const qint64 start = f.store.note(id)->start;
    {
        Transaction outer(f.archive.db());
        REQUIRE(outer.isActive());
        REQUIRE(f.store.setArticleNote(QStringLiteral("k1"), QStringLiteral("临时")));
        REQUIRE(NoteStore::reanchorArticle(f.archive.db(), QStringLiteral("k1"), QStringLiteral("前言。") + kBody));
        CHECK(f.store.note(id)->start == start + 3);
        // no commit: the importer failed
    }
    CHECK_FALSE(f.store.articleNote(QStringLiteral("k1")));
    CHECK(f.store.note(id)->start == start);
}

TEST_CASE("a highlight on the title or a caption keeps its field and is placed again in that field")
{
    Fixture f;
    QSqlQuery q(f.archive.db());
    q.prepare(QStringLiteral("UPDATE article SET captions = :captions WHERE key = 'k1'"));
    q.bindValue(QStringLiteral(":captions"),
                QString(QStringLiteral("合影留念。") + QChar(0x1f) + QStringLiteral("活动现场。")));
    REQUIRE(q.exec());
    const QString title = QStringLiteral("扫黑除恶发布会");
    const QString captions = QStringLiteral("合影留念。\n活动现场。"); // as the reader shows them

    QString error;
    Edit onTitle = NoteEdits::addHighlight(QStringLiteral("k1"), cp(title, QStringLiteral("除恶")),
                                           cp(title, QStringLiteral("除恶")) + 2, {}, {}, QStringLiteral("title"));
    REQUIRE(onTitle.apply(f.archive.db(), &error));
    Edit onCaption = NoteEdits::addHighlight(QStringLiteral("k1"), cp(captions, QStringLiteral("活动")),
                                             cp(captions, QStringLiteral("活动")) + 4, {}, QStringLiteral("现场"),
                                             QStringLiteral("caption"));
    REQUIRE(onCaption.apply(f.archive.db(), &error));
    const Note titleNote = *f.store.note(onTitle.after().notes.first().id);
    const Note captionNote = *f.store.note(onCaption.after().notes.first().id);
    CHECK(titleNote.field == QStringLiteral("title"));
    CHECK(titleNote.quote == QStringLiteral("除恶"));
    CHECK(titleNote.start == 2);
    CHECK(captionNote.field == QStringLiteral("caption"));
    CHECK(captionNote.quote == QStringLiteral("活动现场"));
    CHECK(captionNote.start == 6);

    // Fields with no anchor of their own are refused.
    CHECK_FALSE(NoteEdits::addHighlight(QStringLiteral("k1"), 0, 2, {}, {}, QStringLiteral("byline"))
                    .apply(f.archive.db(), &error));
    CHECK_FALSE(error.isEmpty());

    // A new title moves the title's highlight; the caption's is left where it was.
    ReanchorResult result;
    REQUIRE(
        NoteStore::reanchorArticle(f.archive.db(), QStringLiteral("k1"),
                                   QHash<QString, QString>{{QStringLiteral("title"), QStringLiteral("包头") + title},
                                                           {QStringLiteral("body"), kBody},
                                                           {QStringLiteral("caption"), captions}},
                                   &result, &error));
    CHECK(result.moved == 1);
    CHECK(f.store.note(titleNote.id)->start == 4);
    CHECK(f.store.note(titleNote.id)->field == QStringLiteral("title"));
    CHECK(*f.store.note(captionNote.id) == captionNote);

    // A title without the quote sends its highlight to review; the body's text says nothing of it.
    REQUIRE(NoteStore::reanchorArticle(f.archive.db(), QStringLiteral("k1"),
                                       QHash<QString, QString>{{QStringLiteral("title"), QStringLiteral("新闻发布")}},
                                       &result, &error));
    CHECK(result.review == 1);
    CHECK(f.store.note(titleNote.id)->anchor == AnchorState::Review);
    CHECK(f.store.note(captionNote.id)->anchor == AnchorState::Ok);
    REQUIRE(NoteStore::reanchorArticle(f.archive.db(), QStringLiteral("k1"), kBody, &result, &error));
    CHECK(f.store.note(titleNote.id)->anchor == AnchorState::Review);
}
