// SPDX-License-Identifier: MIT
#include "text/textcleaner.h"

#include <catch2/catch.hpp>

using baokan::text::TextCleaner;

TEST_CASE("Windows and old Mac line ends become newlines")
{
    CHECK(TextCleaner::normalizeLineEnds(QStringLiteral("a\r\nb\rc\n")) == QStringLiteral("a\nb\nc\n"));
}

TEST_CASE("bold markers are stripped and the text inside kept")
{
    CHECK(TextCleaner::stripEmphasisMarks(QStringLiteral("内蒙古分中心(**蒙古国**)联络站")) ==
          QStringLiteral("内蒙古分中心(蒙古国)联络站"));
    CHECK(TextCleaner::stripEmphasisMarks(QStringLiteral("2 * 3 = 6")) == QStringLiteral("2 * 3 = 6"));
}

TEST_CASE("spaces between CJK characters are removed")
{
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("昆都 仑区")) == QStringLiteral("昆都仑区"));
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("记 者 赵 芳")) == QStringLiteral("记者赵芳"));
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("昆都 仑区委政法委、土默特右旗委政法委、市委组 织部")) ==
          QStringLiteral("昆都仑区委政法委、土默特右旗委政法委、市委组织部"));
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("重 大 信 访 积 案 化 解）事 件")) ==
          QStringLiteral("重大信访积案化解）事件"));
}

TEST_CASE("spaces between Latin words and around numbers stay")
{
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("hello world")) == QStringLiteral("hello world"));
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("共 230 余人次")) == QStringLiteral("共 230 余人次"));
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("1.0 版 and 2.0")) == QStringLiteral("1.0 版 and 2.0"));
}

TEST_CASE("spaces inside a written date are removed")
{
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("11 月 12 日 ，武")) == QStringLiteral("11月12日，武"));
    CHECK(TextCleaner::removeCjkSpaces(QStringLiteral("2023 年")) == QStringLiteral("2023年"));
}

TEST_CASE("ASCII punctuation in Chinese text becomes full width")
{
    CHECK(TextCleaner::toFullWidthPunctuation(QStringLiteral("近日,包头市召开")) == QStringLiteral("近日，包头市召开"));
    CHECK(TextCleaner::toFullWidthPunctuation(QStringLiteral("本报讯(记者 王祯)11月16日")) ==
          QStringLiteral("本报讯（记者 王祯）11月16日"));
    CHECK(TextCleaner::toFullWidthPunctuation(QStringLiteral("扎兰屯监狱:多举措")) ==
          QStringLiteral("扎兰屯监狱：多举措"));
    CHECK(TextCleaner::toFullWidthPunctuation(QStringLiteral("嫌疑人54名;收缴")) == QStringLiteral("嫌疑人54名；收缴"));
}

TEST_CASE("ASCII inside number and Latin runs is left alone")
{
    const QString numbers = QStringLiteral("价值10.68万元，下降43.7%，超2.2亿人次，1.0版清单，1,000人，10:30开始");
    CHECK(TextCleaner::toFullWidthPunctuation(numbers) == numbers);
    CHECK(TextCleaner::toFullWidthPunctuation(QStringLiteral("see (ABC), then")) == QStringLiteral("see (ABC), then"));
}

TEST_CASE("straight quotes become paired curly quotes")
{
    CHECK(TextCleaner::pairQuotes(QStringLiteral("构建\"善治包头\"新模式,\"三治\"融合")) ==
          QStringLiteral("构建“善治包头”新模式,“三治”融合"));
    CHECK(TextCleaner::pairQuotes(QStringLiteral("助力'三北'工程")) == QStringLiteral("助力‘三北’工程"));
    CHECK(TextCleaner::pairQuotes(QStringLiteral("say \"hi\"")) == QStringLiteral("say \"hi\""));
}

TEST_CASE("wrapped lines are joined without spaces between CJK characters")
{
    CHECK(
        TextCleaner::joinLines({QStringLiteral("白永平强调，要提高政治站位，持续推"), QStringLiteral("动学习贯彻")}) ==
        QStringLiteral("白永平强调，要提高政治站位，持续推动学习贯彻"));
    CHECK(TextCleaner::joinLines({QStringLiteral("open"), QStringLiteral("source")}) == QStringLiteral("open source"));
}

TEST_CASE("a sentence ends at full stops and closing quotes after them")
{
    CHECK(TextCleaner::endsSentence(QStringLiteral("识互补。")));
    CHECK(TextCleaner::endsSentence(QStringLiteral("他说：“好。”")));
    CHECK_FALSE(TextCleaner::endsSentence(QStringLiteral("自治区市场监督管理局党组成员、副局")));
    CHECK_FALSE(TextCleaner::endsSentence(QStringLiteral("“五大任务”")));
}

TEST_CASE("a blank line inside a sentence is a column break, not a paragraph end")
{
    const QString page = QStringLiteral("会上传达了精神，安\n排2024年工作。\n\n自治区市场监督管理局党组成员、副局\n\n"
                                        "长毛宝锋指出，2023 年，自治区\n消协组织发挥作用。\n\n会后，挂牌。\n");
    CHECK(TextCleaner::rejoinWrappedLines(page) ==
          QStringLiteral("会上传达了精神，安排2024年工作。\n自治区市场监督管理局党组成员、副局长毛宝锋指出，2023 "
                         "年，自治区消协组织发挥作用。\n会后，挂牌。"));
}

TEST_CASE("a paragraph gets every cleaning step")
{
    CHECK(
        TextCleaner::cleanParagraph(
            QStringLiteral(" 呼和浩特讯 11月16日,海外知识产权 纠纷应对指导内蒙古分中心(**蒙古国**)联络 "
                           "站成立,为企业\"走出 去\"保驾护航。")) ==
        QStringLiteral(
            "呼和浩特讯 11月16日，海外知识产权纠纷应对指导内蒙古分中心（蒙古国）联络站成立，为企业“走出去”保驾护航。"));
}

TEST_CASE("CJK means Han characters and full-width punctuation, not Latin or digits")
{
    CHECK(TextCleaner::isCjk(U'中'));
    CHECK(TextCleaner::isCjk(U'，'));
    CHECK(TextCleaner::isCjk(U'“'));
    CHECK(TextCleaner::isCjk(U'𠀀'));
    CHECK_FALSE(TextCleaner::isCjk(U'a'));
    CHECK_FALSE(TextCleaner::isCjk(U'1'));
    CHECK_FALSE(TextCleaner::isCjk(U','));
}
