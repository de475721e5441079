// SPDX-License-Identifier: MIT
#include "entities/codepoints.h"
#include "entities/entityrecognizer.h"
#include "entities/lexicon.h"

#include <catch2/catch.hpp>

#include <QStringList>

#include <algorithm>

using namespace baokan::entities;

namespace {

// The mentions of text as "TYPE:text" strings, in order.
QStringList mentionsOf(const QString &text)
{
    QStringList out;
    for (const Mention &m : EntityRecognizer::instance().recognize(text))
        out << entityTypeName(m.type) + QLatin1Char(':') + CodePoints::mid(text, m.start, m.end);
    return out;
}

bool has(const QString &text, const QString &mention)
{
    return mentionsOf(text).contains(mention);
}

} // namespace

TEST_CASE("the compiled-in lexicon loads with hundreds of thousands of words")
{
    const Lexicon &lexicon = Lexicon::instance();
    REQUIRE_FALSE(lexicon.isEmpty());
    CHECK(lexicon.wordCount() > 300000);
}

TEST_CASE("a name after a post is a person and the post is a post")
{
    const QString text = QStringLiteral("农业局局长董明辉检查了春耕准备工作。");
    CHECK(has(text, QStringLiteral("PER:董明辉")));
    CHECK(has(text, QStringLiteral("POS:局长")));
}

TEST_CASE("names after reporter credits are people")
{
    const QString text = QStringLiteral("本报讯（记者 邵文静 通讯员 卢海涛）");
    CHECK(has(text, QStringLiteral("PER:邵文静")));
    CHECK(has(text, QStringLiteral("PER:卢海涛")));
}

TEST_CASE("a name before a verb of speech is a person")
{
    CHECK(has(QStringLiteral("会上，钱卫东强调，要抓好落实。"), QStringLiteral("PER:钱卫东")));
}

TEST_CASE("a bare surname before a form of address is the person's name")
{
    const QStringList found = mentionsOf(QStringLiteral("大家都叫他孙老师。"));
    CHECK(found.contains(QStringLiteral("PER:孙")));
    CHECK_FALSE(found.contains(QStringLiteral("PER:孙老师")));
}

TEST_CASE("a transliterated name joined by a dot is one person")
{
    CHECK(has(QStringLiteral("会见了来访的托马斯·安德森。"), QStringLiteral("PER:托马斯·安德森")));
}

TEST_CASE("a place name with its administrative suffix is one place")
{
    const QString text = QStringLiteral("他出生在四川省绵阳市。");
    CHECK(has(text, QStringLiteral("LOC:四川省")));
    CHECK(has(text, QStringLiteral("LOC:绵阳市")));
}

TEST_CASE("an organization wins over the place inside its name")
{
    const QStringList found = mentionsOf(QStringLiteral("赤峰市中级人民法院审结了这起案件。"));
    CHECK(found.contains(QStringLiteral("ORG:赤峰市中级人民法院")));
    CHECK_FALSE(found.contains(QStringLiteral("LOC:赤峰市")));
}

TEST_CASE("an organization takes the places and names before its head")
{
    CHECK(has(QStringLiteral("内蒙古自治区司法厅召开会议。"), QStringLiteral("ORG:内蒙古自治区司法厅")));
    CHECK(has(QStringLiteral("他在宁夏大学读书。"), QStringLiteral("ORG:宁夏大学")));
}

TEST_CASE("a country's government is the country, not an organization name")
{
    const QStringList found = mentionsOf(QStringLiteral("法国政府宣布了新措施。"));
    CHECK(found.contains(QStringLiteral("LOC:法国")));
    CHECK_FALSE(found.contains(QStringLiteral("ORG:法国政府")));
}

TEST_CASE("dates: years, days and ranges are one mention each")
{
    CHECK(has(QStringLiteral("2019年3月5日上午"), QStringLiteral("DATE:2019年3月5日上午")));
    CHECK(has(QStringLiteral("会议于5月8日至9日举行"), QStringLiteral("DATE:5月8日至9日")));
    CHECK(has(QStringLiteral("《规划（2021—2025年）》"), QStringLiteral("DATE:2021—2025年")));
    CHECK(has(QStringLiteral("一九九九年十二月二十日"), QStringLiteral("DATE:一九九九年十二月二十日")));
}

TEST_CASE("a duration is not a date")
{
    const QStringList found = mentionsOf(QStringLiteral("他工作了三十年。"));
    for (const QString &m : found)
        CHECK_FALSE(m.startsWith(QStringLiteral("DATE:")));
}

TEST_CASE("a document is what stands in the title brackets, nested brackets kept")
{
    CHECK(has(QStringLiteral("学习《关于〈民法典〉实施的若干意见》全文"),
              QStringLiteral("DOC:关于〈民法典〉实施的若干意见")));
}

TEST_CASE("a document's title may contain other mentions")
{
    const QStringList found = mentionsOf(QStringLiteral("印发《呼伦贝尔市节水条例》"));
    CHECK(found.contains(QStringLiteral("DOC:呼伦贝尔市节水条例")));
    CHECK(found.contains(QStringLiteral("LOC:呼伦贝尔市")));
}

TEST_CASE("composed posts are one post")
{
    CHECK(has(QStringLiteral("三级巡视员高建华"), QStringLiteral("POS:三级巡视员")));
    CHECK(has(QStringLiteral("常务副县长"), QStringLiteral("POS:常务副县长")));
    CHECK(has(QStringLiteral("党组书记、检察长"), QStringLiteral("POS:检察长")));
}

TEST_CASE("offsets are code points even outside the BMP")
{
    // 𠮷 is one code point but two UTF-16 units.
    const QString text = QStringLiteral("𠮷𠮷，市长韩晓光说");
    const auto mentions = EntityRecognizer::instance().recognize(text);
    bool found = false;
    for (const Mention &m : mentions) {
        if (m.type == EntityType::Person) {
            CHECK(m.start == 5);
            CHECK(m.end == 8);
            found = true;
        }
    }
    CHECK(found);
    const auto units = EntityRecognizer::instance().recognizeUtf16(text);
    REQUIRE(units.size() == mentions.size());
    CHECK(text.mid(units.back().start, units.back().end - units.back().start) == QStringLiteral("韩晓光"));
}

TEST_CASE("spaces between Chinese characters do not split a name")
{
    CHECK(has(QStringLiteral("记 者 邵 文 静 报道"), QStringLiteral("PER:邵 文 静")));
}

TEST_CASE("empty and non-Chinese text give no mentions")
{
    CHECK(EntityRecognizer::instance().recognize(QString()).isEmpty());
    CHECK(EntityRecognizer::instance().recognize(QStringLiteral("hello, world 42")).isEmpty());
}

TEST_CASE("a transliterated name runs on over one letter the strong table lacks")
{
    const QString text = QStringLiteral("会议由委员会主席莫里坚诺夫主持。");
    CHECK(has(text, QStringLiteral("PER:莫里坚诺夫")));
}

TEST_CASE("a bare surname before a two-character form of address is the name after any verb")
{
    CHECK(has(QStringLiteral("我们昨天见到黄老师时，他正在上课。"), QStringLiteral("PER:黄")));
    CHECK(has(QStringLiteral("她请教了邓局长。"), QStringLiteral("PER:邓")));
}

TEST_CASE("a listed name on a head that ends far more words than names is no person")
{
    const QString text = QStringLiteral("他们办理了营业许可证。");
    CHECK_FALSE(has(text, QStringLiteral("PER:许可证")));
    const QStringList mentions = mentionsOf(text);
    CHECK(std::none_of(mentions.cbegin(), mentions.cend(),
                       [](const QString &m) { return m.startsWith(QStringLiteral("PER:")); }));
}

TEST_CASE("a dotted name is not cut before a typical letter of transliterations")
{
    const QString text = QStringLiteral("副总统约翰·卡斯特罗斯基将于明天来访。");
    CHECK(has(text, QStringLiteral("PER:约翰·卡斯特罗斯基")));
}

TEST_CASE("a transliteration before a word for a country or a body is no person")
{
    const QString text = QStringLiteral("代表团访问了几个阿拉伯国家。");
    CHECK_FALSE(has(text, QStringLiteral("PER:阿拉伯")));
}

TEST_CASE("an item of a list next to a name is a name when it reads as one")
{
    const QString text = QStringLiteral("出席会议的有王建国、饶求实、林小惠等人。");
    CHECK(has(text, QStringLiteral("PER:饶求实")));
    CHECK(has(text, QStringLiteral("PER:林小惠")));
}

TEST_CASE("a listed name whose given name is a common word is still a name")
{
    CHECK(has(QStringLiteral("杨建华说，今年的收成很好。"), QStringLiteral("PER:杨建华")));
}

TEST_CASE("a listed name made of a character and a common noun is a compound")
{
    const QString text = QStringLiteral("一场暴风雨过后，村里的古建筑受损。");
    const QStringList mentions = mentionsOf(text);
    CHECK(std::none_of(mentions.cbegin(), mentions.cend(),
                       [](const QString &m) { return m.startsWith(QStringLiteral("PER:")); }));
}

TEST_CASE("a surname before 某 is the person the text keeps anonymous")
{
    CHECK(has(QStringLiteral("职工刘某按时上班。"), QStringLiteral("PER:刘")));
    CHECK_FALSE(has(QStringLiteral("他专门从事于某一方面的研究。"), QStringLiteral("PER:于")));
}

TEST_CASE("a long listed transliteration with one atypical letter is a person")
{
    CHECK(has(QStringLiteral("克拉夫丘克说，会谈很成功。"), QStringLiteral("PER:克拉夫丘克")));
}

TEST_CASE("a name-like word ending in 岛 is the island")
{
    CHECK(has(QStringLiteral("轮船途经马吉诺岛时遇到风暴。"), QStringLiteral("LOC:马吉诺岛")));
}

TEST_CASE("a name candidate on a head that ends far more words than names is no person")
{
    CHECK_FALSE(has(QStringLiteral("今晚主场迎战吉林敖华队。"), QStringLiteral("PER:敖华队")));
}

TEST_CASE("a name after a role in sport or politics is a person")
{
    CHECK(has(QStringLiteral("主队前锋洪涛在下半场攻入一球。"), QStringLiteral("PER:洪涛")));
}

TEST_CASE("a frequent listed two-character name before a verb of speech is a person")
{
    CHECK(has(QStringLiteral("刘翔说，比赛很顺利。"), QStringLiteral("PER:刘翔")));
}

TEST_CASE("a three-character proper noun shaped like a name before a verb of speech is a person")
{
    CHECK(has(QStringLiteral("黄日华说，这部戏很好看。"), QStringLiteral("PER:黄日华")));
    CHECK_FALSE(has(QStringLiteral("化妆师说，这部戏很好看。"), QStringLiteral("PER:化妆师")));
}

TEST_CASE("a name after a post keeps its person even when it ends like a place")
{
    CHECK(has(QStringLiteral("区长王凤岭率先表态。"), QStringLiteral("PER:王凤岭")));
    CHECK_FALSE(has(QStringLiteral("区长王凤岭率先表态。"), QStringLiteral("LOC:王凤岭")));
}

TEST_CASE("a listed three-character name before a form of address is a person, whatever its given-name odds")
{
    CHECK(has(QStringLiteral("会上，徐向前同志作了报告。"), QStringLiteral("PER:徐向前")));
    CHECK(has(QStringLiteral("会上，黄庭坚同志作了报告。"), QStringLiteral("PER:黄庭坚")));
}

TEST_CASE("a rarely listed two-character name before a particle is a person")
{
    CHECK(has(QStringLiteral("许多读者喜爱胡适的作品。"), QStringLiteral("PER:胡适")));
}

TEST_CASE("compounds on heads of things that the lexicon files as names are no people")
{
    const QStringList cup = mentionsOf(QStringLiteral("大家观看了加时赛的录像。"));
    CHECK_FALSE(std::any_of(cup.begin(), cup.end(), [](const QString &m) { return m.startsWith(u"PER:"); }));
}

TEST_CASE("a body of government the lexicon tags as a verb or a name still heads an organization")
{
    CHECK(has(QStringLiteral("联合国禁毒署发布了年度报告。"), QStringLiteral("ORG:联合国禁毒署")));
    CHECK(has(QStringLiteral("省委宣传部召开座谈会。"), QStringLiteral("ORG:省委宣传部")));
}

TEST_CASE("the short form of a university is an organization, a rank is not")
{
    CHECK(has(QStringLiteral("他毕业于北大。"), QStringLiteral("ORG:北大")));
    CHECK(mentionsOf(QStringLiteral("三位上校出席。")).isEmpty());
}

TEST_CASE("an office for governing by law is one organization with the committee it belongs to")
{
    CHECK(has(QStringLiteral("市委依法治市办召开会议。"), QStringLiteral("ORG:市委依法治市办")));
    CHECK(has(QStringLiteral("县委依法治县办主任讲话。"), QStringLiteral("ORG:县委依法治县办")));
}

TEST_CASE("slogans of governing or raising the country are no places, autonomous regions are")
{
    CHECK(mentionsOf(QStringLiteral("坚持依法治国，建设法治国家。")).isEmpty());
    CHECK(has(QStringLiteral("他在西藏自治区工作了十年。"), QStringLiteral("LOC:西藏自治区")));
}

TEST_CASE("an unknown name as the subject of a clause is a person though its last character ends few names")
{
    CHECK(has(QStringLiteral("龙海音进一步说明了情况。"), QStringLiteral("PER:龙海音")));
    CHECK(has(QStringLiteral("孙晓目随后回到家乡。"), QStringLiteral("PER:孙晓目")));
    CHECK(mentionsOf(QStringLiteral("高水平发展是目标。")).isEmpty());
}

TEST_CASE("the place before a dispatch's date is a place")
{
    CHECK(has(QStringLiteral("本报大连3月2日电 记者报道："), QStringLiteral("LOC:大连")));
}

TEST_CASE("two one-character countries before a word of their relation are places, the two countries are not")
{
    const QString text = QStringLiteral("中韩两国的合作不断加深。");
    CHECK(has(text, QStringLiteral("LOC:中")));
    CHECK(has(text, QStringLiteral("LOC:韩")));
    CHECK_FALSE(has(text, QStringLiteral("LOC:两国")));
}

TEST_CASE("a country's people name the country")
{
    CHECK(has(QStringLiteral("他是法国人。"), QStringLiteral("LOC:法国")));
}

TEST_CASE("a season after a relative date is part of it, and words for now are dates")
{
    CHECK(has(QStringLiteral("去年夏季雨水偏少。"), QStringLiteral("DATE:去年夏季")));
    CHECK(has(QStringLiteral("如今村里通了公路。"), QStringLiteral("DATE:如今")));
}

TEST_CASE("phrases that read like names are no people: a repeated first character, a surname ending a word before it")
{
    CHECK(mentionsOf(QStringLiteral("风筝越飞越高。")).isEmpty());
    CHECK(mentionsOf(QStringLiteral("他们吸纳百川，兼收并蓄。")).isEmpty());
}

TEST_CASE("a team named by its country is an organization right after a verb")
{
    CHECK(has(QStringLiteral("他们战胜匈牙利队。"), QStringLiteral("ORG:匈牙利队")));
}

TEST_CASE("a committee's office for governing by law is one organization after a generic place word too")
{
    CHECK(has(QStringLiteral("旗党委依法治旗办发出通知。"), QStringLiteral("ORG:旗党委依法治旗办")));
}

TEST_CASE("common words that are also county names are no places, and dotted slogans are no names")
{
    CHECK(mentionsOf(QStringLiteral("公安机关依法办案。")).isEmpty());
    CHECK(mentionsOf(QStringLiteral("大家观看了\"学·思·践\"展览。")).isEmpty());
}

TEST_CASE("a rare surname before a common word is a phrase, a role before a name still calls for it")
{
    CHECK(mentionsOf(QStringLiteral("大家一起迎新春。")).isEmpty());
    CHECK(mentionsOf(QStringLiteral("画好施工图。")).isEmpty());
    CHECK(has(QStringLiteral("砖厂的厂主柯国富说。"), QStringLiteral("PER:柯国富")));
}

TEST_CASE(
    "a transliteration after a verb of arriving is a place even when it starts with a surname, a Chinese name is not")
{
    CHECK(has(QStringLiteral("代表团抵达伯尔尼。"), QStringLiteral("LOC:伯尔尼")));
    CHECK(has(QStringLiteral("他在毛泽东同志身边工作。"), QStringLiteral("PER:毛泽东")));
}

TEST_CASE("a transliteration before a word for a phenomenon or a make is no person")
{
    CHECK(mentionsOf(QStringLiteral("厄尔尼诺现象再次出现。")).isEmpty());
}

TEST_CASE("a university's department is part of the organization's name")
{
    CHECK(has(QStringLiteral("人大哲学系教授说。"), QStringLiteral("ORG:人大哲学系")));
    CHECK(has(QStringLiteral("清华大学经济管理系学生。"), QStringLiteral("ORG:清华大学经济管理系")));
}

TEST_CASE("a listed two-character transliteration starting like a surname is a person before a verb of speech")
{
    CHECK(has(QStringLiteral("里德表示支持。"), QStringLiteral("PER:里德")));
}

TEST_CASE("a name the lexicon files as a time word is a person before the anniversary of a birth")
{
    CHECK(has(QStringLiteral("纪念周恩来诞辰一百周年。"), QStringLiteral("PER:周恩来")));
}

TEST_CASE("a centre named with its place is an organization, the centre of a city is not")
{
    CHECK(has(QStringLiteral("朝阳区职业介绍中心负责人说。"), QStringLiteral("ORG:朝阳区职业介绍中心")));
    CHECK(mentionsOf(QStringLiteral("他住在市中心。")).isEmpty());
}

TEST_CASE("a verb of several characters ends an organization's name before it, and the centre of a task is none")
{
    const QString text = QStringLiteral("县检察院召开工作交流会商会代表出席。");
    CHECK(has(text, QStringLiteral("ORG:县检察院")));
    CHECK_FALSE(has(text, QStringLiteral("ORG:县检察院召开工作交流会商会")));
    CHECK(mentionsOf(QStringLiteral("各单位紧紧围绕党和政府中心工作。")).isEmpty());
}
