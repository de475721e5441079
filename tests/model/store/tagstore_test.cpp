// SPDX-License-Identifier: MIT
#include "store/tagedits.h"
#include "store/tagstore.h"
#include "testarchive.h"

#include <catch2/catch.hpp>

using namespace baokan::store;

namespace {

QStringList names(const QList<Tag> &tags)
{
    QStringList out;
    for (const Tag &t : tags)
        out << t.name;
    return out;
}

qint64 tagId(const TagStore &store, const QString &name)
{
    const auto t = store.findByName(name);
    REQUIRE(t);
    return t->id;
}

} // namespace

TEST_CASE("a tag added to an article is listed on it and counted")
{
    TestArchive archive;
    TagStore store(archive.db());
    QString error;
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("扫黑除恶"), &error));
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("Law"), &error));
    REQUIRE(store.addTag({QStringLiteral("a2")}, QStringLiteral("law"), &error));
    CHECK(names(store.tagsFor(QStringLiteral("a1"))) == QStringList{QStringLiteral("Law"), QStringLiteral("扫黑除恶")});
    const QList<Tag> all = store.tags();
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == QStringLiteral("Law"));
    CHECK(all[0].articleCount == 2);
    CHECK(all[1].articleCount == 1);
}

TEST_CASE("tag names are matched regardless of case, width and spacing")
{
    TestArchive archive;
    TagStore store(archive.db());
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("  Rule   of Law ")));
    REQUIRE(store.addTag({QStringLiteral("a2")}, QStringLiteral("ｒｕｌｅ of law")));
    const QList<Tag> all = store.tags();
    REQUIRE(all.size() == 1);
    CHECK(all[0].name == QStringLiteral("Rule of Law"));
    CHECK(all[0].articleCount == 2);
}

TEST_CASE("an empty tag name is refused")
{
    TestArchive archive;
    TagStore store(archive.db());
    QString error;
    CHECK_FALSE(store.addTag({QStringLiteral("a1")}, QStringLiteral("   "), &error));
    CHECK_FALSE(error.isEmpty());
    CHECK(store.tags().isEmpty());
}

TEST_CASE("new tags get distinct palette colours")
{
    TestArchive archive;
    TagStore store(archive.db());
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("one")));
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("two")));
    const auto one = store.findByName(QStringLiteral("one"));
    const auto two = store.findByName(QStringLiteral("two"));
    REQUIRE(one);
    REQUIRE(two);
    CHECK(TagStore::palette().contains(one->color));
    CHECK(TagStore::palette().contains(two->color));
    CHECK(one->color != two->color);
}

TEST_CASE("a tag applied to many articles at once reaches each, once")
{
    TestArchive archive;
    TagStore store(archive.db());
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("普法")));
    const QStringList keys{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"), QStringLiteral("a2")};
    REQUIRE(store.addTag(keys, QStringLiteral("普法")));
    CHECK(store.articleCount(tagId(store, QStringLiteral("普法"))) == 3);
    REQUIRE(store.removeTag({QStringLiteral("a1"), QStringLiteral("a3")}, tagId(store, QStringLiteral("普法"))));
    CHECK(store.tagsFor(QStringLiteral("a1")).isEmpty());
    CHECK(names(store.tagsFor(QStringLiteral("a2"))) == QStringList{QStringLiteral("普法")});
}

TEST_CASE("renaming keeps the articles and refuses a name another tag has")
{
    TestArchive archive;
    TagStore store(archive.db());
    REQUIRE(store.addTag({QStringLiteral("a1"), QStringLiteral("a2")}, QStringLiteral("法制")));
    REQUIRE(store.addTag({QStringLiteral("a3")}, QStringLiteral("法治")));
    const qint64 id = tagId(store, QStringLiteral("法制"));
    REQUIRE(store.renameTag(id, QStringLiteral("法制宣传")));
    CHECK(store.tag(id)->name == QStringLiteral("法制宣传"));
    CHECK(store.articleCount(id) == 2);
    QString error;
    CHECK_FALSE(store.renameTag(id, QStringLiteral("法治"), &error));
    CHECK(error.contains(QStringLiteral("merge")));
    CHECK(store.tag(id)->name == QStringLiteral("法制宣传"));
}

TEST_CASE("merging moves every article to the kept tag and removes the other")
{
    TestArchive archive;
    TagStore store(archive.db());
    REQUIRE(store.addTag({QStringLiteral("a1"), QStringLiteral("a2")}, QStringLiteral("court")));
    REQUIRE(store.addTag({QStringLiteral("a2"), QStringLiteral("a3")}, QStringLiteral("法院")));
    const qint64 from = tagId(store, QStringLiteral("court"));
    const qint64 into = tagId(store, QStringLiteral("法院"));
    REQUIRE(store.mergeTags(from, into));
    CHECK_FALSE(store.tag(from));
    CHECK(store.articleCount(into) == 3);
    CHECK(store.tags().size() == 1);
}

TEST_CASE("deleting a tag reports how many articles it touched")
{
    TestArchive archive;
    TagStore store(archive.db());
    REQUIRE(store.addTag({QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}, QStringLiteral("x")));
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("y")));
    const qint64 id = tagId(store, QStringLiteral("x"));
    CHECK(store.articleCount(id) == 3);
    int touched = -1;
    REQUIRE(store.deleteTag(id, &touched));
    CHECK(touched == 3);
    CHECK(archive.count(QStringLiteral("SELECT count(*) FROM article_tag")) == 1);
    CHECK_FALSE(store.deleteTag(id));
}

TEST_CASE("a colour must be #rrggbb")
{
    TestArchive archive;
    TagStore store(archive.db());
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("x")));
    const qint64 id = tagId(store, QStringLiteral("x"));
    CHECK_FALSE(store.setColor(id, QStringLiteral("red")));
    REQUIRE(store.setColor(id, QStringLiteral("#A0B0C0")));
    CHECK(store.tag(id)->color == QStringLiteral("#a0b0c0"));
}

TEST_CASE("the article list's tag filter reads articles of every issue, newest issue first, in page order")
{
    TestArchive archive;
    const qint64 older = archive.addIssue(QStringLiteral("older"), QStringLiteral("2023-01-05"));
    const qint64 newer = archive.addIssue(QStringLiteral("newer"), QStringLiteral("2023-11-15"));
    const qint64 undated = archive.addIssue(QStringLiteral("undated"), QString());
    archive.addArticle(older, QStringLiteral("o1"), QStringLiteral("旧一"), QStringLiteral("正文"), 0);
    archive.addArticle(newer, QStringLiteral("n2"), QStringLiteral("新二"), QStringLiteral("正文"), 2);
    archive.addArticle(newer, QStringLiteral("n1"), QStringLiteral("新一"), QStringLiteral("正文"), 1);
    archive.addArticle(undated, QStringLiteral("u1"), QStringLiteral("无日期"), QStringLiteral("正文"), 0);
    TagStore store(archive.db());
    // "gone" names no article of the archive: tags outlive a re-import that dropped an article.
    REQUIRE(store.addTag({QStringLiteral("o1"), QStringLiteral("n2"), QStringLiteral("n1"), QStringLiteral("u1"),
                          QStringLiteral("gone")},
                         QStringLiteral("法治")));
    REQUIRE(store.addTag({QStringLiteral("n2"), QStringLiteral("o1")}, QStringLiteral("包头")));
    const qint64 law = tagId(store, QStringLiteral("法治"));
    const qint64 city = tagId(store, QStringLiteral("包头"));

    CHECK(store.articlesInReadingOrder({law}, false) ==
          QStringList{QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("o1"), QStringLiteral("u1")});
    CHECK(store.articlesInReadingOrder({law, city}, true) == QStringList{QStringLiteral("n2"), QStringLiteral("o1")});
    CHECK(store.articlesInReadingOrder({city}, true) == QStringList{QStringLiteral("n2"), QStringLiteral("o1")});
    // A tag named twice is one tag: "all" of {法治, 法治} is everything tagged 法治.
    CHECK(store.articlesInReadingOrder({law, law}, true) ==
          QStringList{QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("o1"), QStringLiteral("u1")});
    CHECK(store.articlesInReadingOrder({}, false).isEmpty());
}

TEST_CASE("the tags of a page of articles come back per article, sorted by name")
{
    TestArchive archive;
    TagStore store(archive.db());
    REQUIRE(store.addTag({QStringLiteral("a1"), QStringLiteral("a2")}, QStringLiteral("法治")));
    REQUIRE(store.addTag({QStringLiteral("a1")}, QStringLiteral("包头")));
    REQUIRE(store.addTag({QStringLiteral("a3")}, QStringLiteral("other")));
    const QHash<QString, QList<Tag>> tags =
        store.tagsForArticles({QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a4")});
    REQUIRE(tags.size() == 2);
    const QList<Tag> a1 = tags.value(QStringLiteral("a1"));
    REQUIRE(a1.size() == 2);
    CHECK(a1.at(0).name == QStringLiteral("包头"));
    CHECK(a1.at(1).name == QStringLiteral("法治"));
    CHECK(a1.at(0) == *store.findByName(QStringLiteral("包头")));
    CHECK(tags.value(QStringLiteral("a2")).size() == 1);
    CHECK_FALSE(tags.contains(QStringLiteral("a4")));
    CHECK(store.tagsForArticles({}).isEmpty());
}
