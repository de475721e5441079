// SPDX-License-Identifier: MIT
#include "entities/articlefields.h"
#include "entities/codepoints.h"
#include "parse/issueloader.h"

#include <catch2/catch.hpp>

#include <QDir>

using namespace baokan;
using namespace baokan::entities;

namespace {

QList<FieldMention> pageMentions(const QString &file)
{
    QString error;
    const auto issue = parse::IssueLoader::load(QDir(QStringLiteral(BAOKAN_SAMPLE_DIR)).filePath(file), &error);
    REQUIRE(issue.has_value());
    QList<FieldMention> out;
    for (const parse::Article &a : issue->articles)
        out += ArticleFields::mentions(a);
    return out;
}

bool contains(const QList<FieldMention> &mentions, EntityType type, const QString &text)
{
    for (const FieldMention &m : mentions) {
        if (m.mention.type == type && m.text == text)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("the byline lists dateline and credited people with their roles")
{
    parse::Article a;
    a.dateline = QStringLiteral("呼和浩特");
    a.reporters = {QStringLiteral("刘琪")};
    a.correspondents = {QStringLiteral("毕远翔")};
    CHECK(ArticleFields::byline(a) == QStringLiteral("呼和浩特讯 记者 刘琪 通讯员 毕远翔"));
}

TEST_CASE("credited people are persons in the byline field with offsets into it")
{
    parse::Article a;
    a.reporters = {QStringLiteral("𠮷平")};
    a.paragraphs = {QStringLiteral("正文。")};
    const auto mentions = ArticleFields::mentions(a);
    bool found = false;
    for (const FieldMention &m : mentions) {
        if (m.field == QStringLiteral("byline") && m.mention.type == EntityType::Person) {
            CHECK(m.text == QStringLiteral("𠮷平"));
            CHECK(m.mention.start == 3);
            CHECK(m.mention.end == 5);
            found = true;
        }
    }
    CHECK(found);
}

TEST_CASE("empty fields are left out")
{
    parse::Article a;
    a.title = QStringLiteral("标题");
    const auto fields = ArticleFields::of(a);
    REQUIRE(fields.size() == 1);
    CHECK(fields[0].field == QStringLiteral("title"));
}

TEST_CASE("sample page 000: the department head and his posts are found")
{
    const auto mentions = pageMentions(QStringLiteral("000_8cb0eb0426f5551b.txt"));
    CHECK(contains(mentions, EntityType::Person, QStringLiteral("白永平")));
    CHECK(contains(mentions, EntityType::Post, QStringLiteral("厅长")));
    CHECK(contains(mentions, EntityType::Post, QStringLiteral("二级巡视员")));
    CHECK(contains(mentions, EntityType::Organization, QStringLiteral("自治区司法厅")));
}

TEST_CASE("sample page 001: the city court is one organization and the law one document")
{
    const auto mentions = pageMentions(QStringLiteral("001_f261d0384202e451.txt"));
    CHECK(contains(mentions, EntityType::Organization, QStringLiteral("包头市中级人民法院")));
    CHECK(contains(mentions, EntityType::Date, QStringLiteral("11月16日至17日")));
    CHECK(contains(mentions, EntityType::Document, QStringLiteral("海外知识产权协同保护合作协议")));
}

TEST_CASE("sample page 003: the popularization law is a document")
{
    const auto mentions = pageMentions(QStringLiteral("003_3d094a959ba8c9ad.txt"));
    CHECK(contains(mentions, EntityType::Document, QStringLiteral("中华人民共和国科学技术普及法")));
}
