// SPDX-License-Identifier: MIT
// The parser's parts on their own: bylines, credits, headline roles, issue dates.
#include "parse/bylineparser.h"
#include "parse/creditparser.h"
#include "parse/headlinecomposer.h"
#include "parse/issuedate.h"
#include "parse/lineclassifier.h"
#include "parse/textmetrics.h"

#include <catch2/catch.hpp>

using namespace baokan::parse;

namespace {

QString s(const char16_t *text)
{
    return QString::fromUtf16(text);
}

} // namespace

TEST_CASE("an opening with a byline gives roles, names and the text after it")
{
    const auto o = BylineParser::parseOpening(s(u"本报讯（记者 刘明 通讯员 王芳）近日，某县召开会议。"));
    REQUIRE(o);
    CHECK(o->byline.dateline.isNull());
    CHECK(o->byline.reporters == QStringList{s(u"刘明")});
    CHECK(o->byline.correspondents == QStringList{s(u"王芳")});
    CHECK(o->rest == s(u"近日，某县召开会议。"));
}

TEST_CASE("a dateline opening names the place")
{
    const auto o = BylineParser::parseOpening(s(u" 包头讯 11 月 14 日，某县召开会议。"));
    REQUIRE(o);
    CHECK(o->byline.dateline == s(u"包头"));
    CHECK(o->rest == s(u"11 月 14 日，某县召开会议。"));
    CHECK_FALSE(BylineParser::parseOpening(s(u"工作简讯 近日召开")));
    CHECK_FALSE(BylineParser::parseOpening(s(u"近日，某县召开会议。")));
}

TEST_CASE("a staff byline line names reporters and correspondents")
{
    const auto o = BylineParser::parseOpening(s(u"本报记者●刘明 通讯员●王芳"));
    REQUIRE(o);
    CHECK(o->byline.reporters == QStringList{s(u"刘明")});
    CHECK(o->byline.correspondents == QStringList{s(u"王芳")});
    CHECK(o->rest.isEmpty());
}

TEST_CASE("bylines with several names per role and spaced-out characters")
{
    const Byline two = BylineParser::parseCredits(s(u"记者 刘明 张红"));
    CHECK(two.reporters == QStringList{s(u"刘明"), s(u"张红")});
    const Byline spaced = BylineParser::parseCredits(s(u"记 者 刘 明 通 讯 员 王 小 芳 李强"));
    CHECK(spaced.reporters == QStringList{s(u"刘明")});
    CHECK(spaced.correspondents == QStringList{s(u"王小芳"), s(u"李强")});
    const Byline intern = BylineParser::parseCredits(s(u"记者 刘明 实习生 赵雪"));
    CHECK(intern.interns == QStringList{s(u"赵雪")});
}

TEST_CASE("source credits are split off the end of a line")
{
    const auto split = CreditParser::splitTrailingCredit(s(u"「残片。 （某市司法局供稿）"));
    REQUIRE(split);
    CHECK(split->before == s(u"「残片。"));
    CHECK(split->source == s(u"某市司法局"));
    const auto provided = CreditParser::splitTrailingCredit(s(u"（某区委办公室提供）"));
    REQUIRE(provided);
    CHECK(provided->source == s(u"某区委办公室"));
    CHECK_FALSE(CreditParser::splitTrailingCredit(s(u"某县（旗）召开会议。")));
}

TEST_CASE("photo credits name the photographers")
{
    const auto inline_ = CreditParser::splitTrailingCredit(s(u"优质的服务。（本版图片由刘洋摄）"));
    REQUIRE(inline_);
    CHECK(inline_->before == s(u"优质的服务。"));
    CHECK_FALSE(inline_->source);
    CHECK(inline_->photographers == QStringList{s(u"刘洋")});
    CHECK(CreditParser::photoCreditLine(s(u"王海 李冬 张三 摄")) == QStringList{s(u"王海"), s(u"李冬"), s(u"张三")});
    CHECK(CreditParser::photoCreditLine(s(u"记者 王海 摄")) == QStringList{s(u"王海")});
    CHECK_FALSE(CreditParser::photoCreditLine(s(u"他们在现场认真进行了拍摄，并记录下精彩瞬间")));
}

TEST_CASE("a short fragment opening a bracket it never closes is junk")
{
    CHECK(LineClassifier::isJunk(s(u"「丁乙丙乍丑与。")));
    CHECK_FALSE(LineClassifier::isJunk(s(u"「丁乙」丙。")));
    CHECK_FALSE(LineClassifier::isJunk(s(u"近日，某县召开会议。")));
}

TEST_CASE("headline lines are cut into phrases at spaces between CJK characters only")
{
    CHECK(TextMetrics::phrases(s(u"安全教育进校园 守护学生平安 社区义诊")) ==
          QStringList{s(u"安全教育进校园"), s(u"守护学生平安"), s(u"社区义诊")});
    CHECK(TextMetrics::phrases(s(u"2023 年全区会议")) == QStringList{s(u"2023 年全区会议")});
}

TEST_CASE("headline roles: parallel lines, wrapped lines, kicker, subtitle")
{
    CHECK(HeadlineComposer::compose({{s(u"规范程序保公平")}, {s(u"严把准入质量关")}}).title ==
          s(u"规范程序保公平 严把准入质量关"));
    CHECK(HeadlineComposer::compose({{s(u"我市一名选手在")}, {s(u"全国职业技能大赛")}, {s(u"获金奖")}}).title ==
          s(u"我市一名选手在全国职业技能大赛获金奖"));
    const Headline kicker = HeadlineComposer::compose({{s(u"坚持人民至上")}, {s(u"市法院审结一批涉民生案件")}});
    CHECK(kicker.kicker == s(u"坚持人民至上"));
    CHECK(kicker.title == s(u"市法院审结一批涉民生案件"));
    const Headline sub =
        HeadlineComposer::compose({{s(u"书香满城"), s(u"悦读人生")}, {s(u"——市图书馆读书月活动侧记")}});
    CHECK(sub.title == s(u"书香满城 悦读人生"));
    CHECK(sub.subtitle == s(u"市图书馆读书月活动侧记"));
    CHECK(sub.kicker.isNull());
    const Headline quoted = HeadlineComposer::compose({{s(u"建设\"智慧城市\"新样板")}});
    CHECK(quoted.title == s(u"建设“智慧城市”新样板"));
}

TEST_CASE("the issue date takes the most named year and the latest month and day")
{
    CHECK(IssueDate::infer(s(u"2023年工作要点。11月14日开班。11月15日，记者获悉。安排2024年工作。2023年总结。")) ==
          QDate(2023, 11, 15));
    CHECK_FALSE(IssueDate::infer(s(u"2023年是评估年。")).isValid());
    CHECK_FALSE(IssueDate::infer(s(u"11月15日，记者获悉。")).isValid());
}

TEST_CASE("a date printed in the page header is the issue date, not an inferred one")
{
    CHECK(IssueDate::printed(s(u"法治视点\n2023年11月15日 星期三\n正文")) == QDate(2023, 11, 15));
    CHECK_FALSE(IssueDate::printed(s(u"正文说2023年11月15日召开会议。")).isValid());
}

TEST_CASE("page furniture is not article text")
{
    CHECK(LineClassifier::isPageFurniture(s(u"2023年11月15日 星期三")));
    CHECK(LineClassifier::isPageFurniture(s(u"责任编辑：王某 美术编辑：李某")));
    CHECK(LineClassifier::isPageFurniture(s(u"第 3 版")));
    CHECK_FALSE(LineClassifier::isPageFurniture(s(u"2023年11月15日，某县召开会议。")));
}
