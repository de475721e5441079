// SPDX-License-Identifier: MIT
#include "parse/pageparser.h"

#include <catch2/catch.hpp>

using baokan::parse::PageParser;

TEST_CASE("an empty page has no articles")
{
    CHECK(PageParser().parsePage(QString()).isEmpty());
}

TEST_CASE("a parse whose cancel flag is set stops with no articles; a clear flag changes nothing")
{
    const QString page = QStringLiteral("本报讯（记者 王明）今天上午，全市工作会议召开。会议要求各部门认真落实。\n\n"
                                        "呼和浩特讯 昨日，市里举办了一场培训。培训持续三天。\n");
    const auto plain = PageParser().parsePage(page);
    REQUIRE(plain.size() == 2);
    std::atomic_bool cancel{false};
    const auto withFlag = PageParser().parsePage(page, &cancel);
    REQUIRE(withFlag.size() == plain.size());
    for (qsizetype i = 0; i < plain.size(); ++i)
        CHECK(withFlag.at(i).body() == plain.at(i).body());
    cancel = true;
    CHECK(PageParser().parsePage(page, &cancel).isEmpty());
}
