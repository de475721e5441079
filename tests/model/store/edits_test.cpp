// SPDX-License-Identifier: MIT
#include "annotate/highlightanchor.h"
#include "store/noteedits.h"
#include "store/notestore.h"
#include "store/tagedits.h"
#include "store/tagstore.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

#include <QSqlRecord>
#include <QThread>

using namespace baokan::store;

namespace {

// Every row of the user-data tables, every column, as text.
QStringList snapshot(const QSqlDatabase &db)
{
    QStringList out;
    for (const QString &sql :
         {QStringLiteral("SELECT * FROM tag ORDER BY id"),
          QStringLiteral("SELECT * FROM article_tag ORDER BY article_key, tag_id"),
          QStringLiteral("SELECT * FROM note ORDER BY id"), QStringLiteral("SELECT * FROM correction ORDER BY id"),
          QStringLiteral("SELECT * FROM user_lexicon ORDER BY text")}) {
        QSqlQuery q(db);
        REQUIRE(q.exec(sql));
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out << row.join(QLatin1Char('|'));
        }
        out << QStringLiteral("--");
    }
    return out;
}

// Applies, reverts and re-applies the edit, checking each state is exactly the one expected.
void roundTrip(const QSqlDatabase &db, Edit &edit)
{
    const QStringList before = snapshot(db);
    QString error;
    const bool applied = edit.apply(db, &error);
    INFO(error.toStdString());
    REQUIRE(applied);
    const QStringList after = snapshot(db);
    CHECK(after != before);
    // Redo must restore the recorded times, not take new ones.
    QThread::msleep(5);
    REQUIRE(edit.revert(db, &error));
    CHECK(snapshot(db) == before);
    REQUIRE(edit.apply(db, &error));
    CHECK(snapshot(db) == after);
    REQUIRE(edit.revert(db, &error));
    CHECK(snapshot(db) == before);
    REQUIRE(edit.apply(db, &error));
}

const QString kBody =
    QStringLiteral("呼和浩特讯 自治区司法厅召开会议，部署全区普法工作。会议要求各地认真学习宣传宪法。");

struct Fixture
{
    TestArchive archive;
    QSqlDatabase db = archive.db();
    TagStore tags{db};
    NoteStore notes{db};
    Fixture()
    {
        const qint64 issue = archive.addIssue(QStringLiteral("2023-11-16"), QStringLiteral("2023-11-16"));
        archive.addArticle(issue, QStringLiteral("k1"), QStringLiteral("t1"), kBody, 0);
        archive.addArticle(issue, QStringLiteral("k2"), QStringLiteral("t2"), kBody, 1);
        REQUIRE(tags.addTag({QStringLiteral("k1"), QStringLiteral("k2")}, QStringLiteral("普法")));
        REQUIRE(tags.addTag({QStringLiteral("k2")}, QStringLiteral("宪法")));
        REQUIRE(notes.setArticleNote(QStringLiteral("k1"), QStringLiteral("原来的笔记")));
        REQUIRE(notes.addHighlight(QStringLiteral("k1"), 6, 11, QStringLiteral("#ffee00"), QStringLiteral("机关")));
    }
    qint64 tagId(const QString &name) { return tags.findByName(name)->id; }
    qint64 highlightId() { return notes.highlights(QStringLiteral("k1")).first().id; }
};

} // namespace

TEST_CASE("adding a new tag to several articles is undone and redone exactly")
{
    Fixture f;
    Edit e = TagEdits::add({QStringLiteral("k1"), QStringLiteral("k2")}, QStringLiteral("Law"));
    roundTrip(f.db, e);
    CHECK(f.tags.articleCount(f.tagId(QStringLiteral("law"))) == 2);
}

TEST_CASE("adding an existing tag is undone without removing the tag")
{
    Fixture f;
    Edit e = TagEdits::add({QStringLiteral("k1")}, QStringLiteral("宪法"));
    roundTrip(f.db, e);
    REQUIRE(e.revert(f.db));
    CHECK(f.tags.findByName(QStringLiteral("宪法")));
}

TEST_CASE("removing a tag from articles is undone with its original dates")
{
    Fixture f;
    Edit e = TagEdits::remove({QStringLiteral("k1"), QStringLiteral("k2")}, f.tagId(QStringLiteral("普法")));
    roundTrip(f.db, e);
}

TEST_CASE("renaming and recolouring a tag are undone and redone")
{
    Fixture f;
    Edit rename = TagEdits::rename(f.tagId(QStringLiteral("普法")), QStringLiteral("普法宣传"));
    roundTrip(f.db, rename);
    Edit color = TagEdits::setColor(f.tagId(QStringLiteral("宪法")), QStringLiteral("#123456"));
    roundTrip(f.db, color);
}

TEST_CASE("merging tags is undone back to two tags with their own articles")
{
    Fixture f;
    Edit e = TagEdits::merge(f.tagId(QStringLiteral("普法")), f.tagId(QStringLiteral("宪法")));
    roundTrip(f.db, e);
}

TEST_CASE("deleting a tag is undone with its id, colour and articles")
{
    Fixture f;
    Edit e = TagEdits::deleteTag(f.tagId(QStringLiteral("普法")));
    roundTrip(f.db, e);
    CHECK(e.before().articleTags.size() == 2);
}

TEST_CASE("setting, replacing and clearing the article note are undone and redone")
{
    Fixture f;
    Edit create = NoteEdits::setArticleNote(QStringLiteral("k2"), QStringLiteral("新笔记, with \"quotes\""));
    roundTrip(f.db, create);
    Edit replace = NoteEdits::setArticleNote(QStringLiteral("k1"), QStringLiteral("改过的笔记"));
    roundTrip(f.db, replace);
    Edit clear = NoteEdits::setArticleNote(QStringLiteral("k1"), QString());
    roundTrip(f.db, clear);
}

TEST_CASE("successive autosaves of one note merge into one undo step")
{
    Fixture f;
    const QStringList start = snapshot(f.db);
    Edit first = NoteEdits::setArticleNote(QStringLiteral("k1"), QStringLiteral("a"));
    REQUIRE(first.apply(f.db));
    Edit second = NoteEdits::setArticleNote(QStringLiteral("k1"), QStringLiteral("ab"));
    REQUIRE(second.apply(f.db));
    Edit other = NoteEdits::setArticleNote(QStringLiteral("k2"), QStringLiteral("x"));
    CHECK_FALSE(first.mergeWith(other));
    REQUIRE(first.mergeWith(second));
    REQUIRE(first.revert(f.db));
    CHECK(snapshot(f.db) == start);
    REQUIRE(first.apply(f.db));
    CHECK(f.notes.articleNote(QStringLiteral("k1"))->note == QStringLiteral("ab"));
}

TEST_CASE("adding, editing, re-attaching and deleting a highlight are undone and redone")
{
    Fixture f;
    Edit add = NoteEdits::addHighlight(QStringLiteral("k2"), 0, 4, QStringLiteral("#ff0000"), QStringLiteral("地名"));
    roundTrip(f.db, add);
    Edit edit = NoteEdits::editHighlight(f.highlightId(), QStringLiteral("新评论"), QStringLiteral("#00ff00"));
    roundTrip(f.db, edit);
    Edit move = NoteEdits::reattach(f.highlightId(), 12, 16);
    roundTrip(f.db, move);
    Edit remove = NoteEdits::deleteNote(f.highlightId());
    roundTrip(f.db, remove);
}

TEST_CASE("a refused edit changes nothing and can be reported")
{
    Fixture f;
    const QStringList start = snapshot(f.db);
    QString error;
    Edit e = TagEdits::rename(f.tagId(QStringLiteral("普法")), QStringLiteral("宪法"));
    CHECK_FALSE(e.apply(f.db, &error));
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(e.isApplied());
    CHECK(snapshot(f.db) == start);
}

TEST_CASE("a correction and a lexicon entry made through an edit are undone and redone exactly")
{
    Fixture f;
    Edit e(QStringLiteral("Correct entity"), [](const QSqlDatabase &, RowSet *, RowSet *after, QString *) {
        Correction c;
        c.id = 7;
        c.scope = QStringLiteral("mention");
        c.articleKey = QStringLiteral("k1");
        c.field = QStringLiteral("body");
        c.start = 6;
        c.end = 11;
        c.text = QStringLiteral("自治区司法厅");
        c.prefix = QStringLiteral("呼和浩特讯 ");
        c.type = QStringLiteral("ORG");
        c.created = nowIso();
        after->corrections << c;
        after->lexicon << LexiconEntry{QStringLiteral("普法"), QString(), nowIso()};
        return true;
    });
    roundTrip(f.db, e);
    CHECK(f.archive.count(QStringLiteral("SELECT count(*) FROM user_lexicon WHERE type IS NULL")) == 1);
    CHECK(f.archive.count(QStringLiteral("SELECT count(*) FROM correction WHERE suffix IS NULL AND id = 7")) == 1);
}

TEST_CASE("an edit whose rows changed since (re-import, another window) refuses to undo or redo")
{
    Fixture f;
    Edit edit = NoteEdits::editHighlight(f.highlightId(), QStringLiteral("新评论"), {});
    REQUIRE(edit.apply(f.db));
    // A re-import moves the highlight.
    REQUIRE(NoteStore::reanchorArticle(f.db, QStringLiteral("k1"), QStringLiteral("更正：") + kBody));
    const QStringList moved = snapshot(f.db);
    QString error;
    CHECK_FALSE(edit.revert(f.db, &error));
    CHECK(error.contains(QStringLiteral("changed")));
    CHECK(snapshot(f.db) == moved);

    // Another window took the id a redo would reuse.
    Edit add = NoteEdits::addHighlight(QStringLiteral("k2"), 0, 4, {}, QString());
    REQUIRE(add.apply(f.db));
    const qint64 id = add.after().notes.first().id;
    REQUIRE(add.revert(f.db));
    Edit other = NoteEdits::setArticleNote(QStringLiteral("k2"), QStringLiteral("另一个窗口"));
    REQUIRE(other.apply(f.db));
    REQUIRE(other.after().notes.first().id == id);
    CHECK_FALSE(add.apply(f.db, &error));
    CHECK(NoteStore(f.db).note(id)->note == QStringLiteral("另一个窗口"));
}
