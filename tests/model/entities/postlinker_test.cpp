// SPDX-License-Identifier: MIT
#include "entities/entityrecognizer.h"
#include "entities/postlinker.h"

#include <catch2/catch.hpp>

using namespace baokan::entities;

namespace {

QList<PersonPost> linked(const QString &text)
{
    return PostLinker::link(text, EntityRecognizer::instance().recognize(text));
}

} // namespace

TEST_CASE("a person gets every post listed before the name, at the organization before them")
{
    const auto links = linked(QStringLiteral("农牧厅党组书记、厅长冯志刚出席会议。"));
    REQUIRE(links.size() == 2);
    CHECK(links[0].person == QStringLiteral("冯志刚"));
    CHECK(links[0].post == QStringLiteral("党组书记"));
    CHECK(links[0].organization == QStringLiteral("农牧厅"));
    CHECK(links[1].post == QStringLiteral("厅长"));
    CHECK(links[1].organization == QStringLiteral("农牧厅"));
}

TEST_CASE("a post without an organization links with an empty organization")
{
    const auto links = linked(QStringLiteral("会议由副院长许文彬主持。"));
    REQUIRE(links.size() == 1);
    CHECK(links[0].person == QStringLiteral("许文彬"));
    CHECK(links[0].post == QStringLiteral("副院长"));
    CHECK(links[0].organization.isEmpty());
}

TEST_CASE("a post far from the name is not linked to it")
{
    CHECK(linked(QStringLiteral("厅长出席了会议，随后冯志刚发言。")).isEmpty());
}

TEST_CASE("linking from hand-made mentions uses code points")
{
    const QString text = QStringLiteral("𠮷局长张三");
    const QList<Mention> mentions = {{1, 3, EntityType::Post}, {3, 5, EntityType::Person}};
    const auto links = PostLinker::link(text, mentions);
    REQUIRE(links.size() == 1);
    CHECK(links[0].person == QStringLiteral("张三"));
    CHECK(links[0].post == QStringLiteral("局长"));
}
