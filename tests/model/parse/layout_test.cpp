// SPDX-License-Identifier: MIT
// Small synthetic pages, one per layout case the parser must handle. The pages are invented; the
// sample pages are covered in samplepages_test.cpp.
#include "parse/pageparser.h"

#include <catch2/catch.hpp>

#include <QFile>

using baokan::parse::Article;
using baokan::parse::PageParser;

namespace {

QList<Article> parse(const char16_t *page)
{
    return PageParser().parsePage(QString::fromUtf16(page));
}

QString s(const char16_t *text)
{
    return QString::fromUtf16(text);
}

} // namespace

TEST_CASE("a headline printed before its body is that body's title")
{
    const auto articles = parse(u"市法院审结一批涉民生案件\n\n"
                                u"本报讯（记者 高峰）今年以来，市法院审结涉民生案件一千余件，切实维护群众合法权益。\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().title == s(u"市法院审结一批涉民生案件"));
    CHECK(articles.first().reporters == QStringList{s(u"高峰")});
}

TEST_CASE("a headline printed after its body is attached to that body")
{
    const auto articles = parse(u"本报讯（记者 张明）5月8日，市图书馆举办读书月启动仪式，数百名市民参加活动。"
                                u"仪式上发布了全年阅读推广计划。\n\n"
                                u"市图书馆启动读书月活动\n\n"
                                u"本报讯（记者 李华）近日，某县开展春季植树活动，干部群众栽下树苗三千株。\n");
    REQUIRE(articles.size() == 2);
    CHECK(articles.at(0).title == s(u"市图书馆启动读书月活动"));
    CHECK(articles.at(1).title.isNull());
}

TEST_CASE("a headline printed several articles away goes to the body it matches")
{
    const auto articles = parse(u"春耕备耕有序推进\n\n"
                                u"呼和浩特讯 近日，市消防支队开展高层建筑灭火救援演练，检验了队伍的实战能力。"
                                u"演练中，消防员快速处置火情。\n\n"
                                u"（市消防支队供稿）\n\n"
                                u"消防支队开展高层建筑灭火演练\n\n"
                                u"本报讯（记者 王强）近日，市法院召开新闻发布会，通报了一批典型案例。"
                                u"会上，法院负责人介绍了审判工作情况。\n\n"
                                u"市法院通报典型案例\n\n"
                                u"本报讯（记者 赵敏）眼下正值春耕时节，各地农民抢抓农时，春耕备耕工作有序推进。"
                                u"农技人员深入田间地头指导生产。\n");
    REQUIRE(articles.size() == 3);
    CHECK(articles.at(0).title == s(u"消防支队开展高层建筑灭火演练"));
    CHECK(articles.at(0).dateline == s(u"呼和浩特"));
    CHECK(articles.at(0).source == s(u"市消防支队"));
    CHECK(articles.at(1).title == s(u"市法院通报典型案例"));
    CHECK(articles.at(2).title == s(u"春耕备耕有序推进"));
}

TEST_CASE("two headlines glued on one line are split between their articles")
{
    const auto articles =
        parse(u"本报讯（记者 孙丽）近日，市第一中学开展安全教育进校园活动，民警走进课堂讲解防溺水知识，"
              u"守护学生平安。学生们纷纷表示受益匪浅。\n\n"
              u"安全教育进校园 守护学生平安 社区义诊送健康\n"
              u"医患同心暖人心\n\n"
              u"本报讯（记者 周涛）近日，某社区卫生服务中心组织医生开展义诊活动，为居民送健康，"
              u"免费测量血压血糖，医患同心，居民称义诊暖人心。\n");
    REQUIRE(articles.size() == 2);
    CHECK(articles.at(0).title == s(u"安全教育进校园 守护学生平安"));
    CHECK(articles.at(1).title == s(u"社区义诊送健康 医患同心暖人心"));
}

TEST_CASE("a short line above the title is the kicker")
{
    const auto articles = parse(u"坚持人民至上\n市法院审结一批涉民生案件\n\n"
                                u"本报讯（记者 高峰）今年以来，市法院坚持人民至上，审结涉民生案件一千余件。\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().kicker == s(u"坚持人民至上"));
    CHECK(articles.first().title == s(u"市法院审结一批涉民生案件"));
    CHECK(articles.first().subtitle.isNull());
}

TEST_CASE("a line after —— and a longer report line under the title are subtitles")
{
    const auto dashed = parse(u"书香满城 悦读人生\n\n——市图书馆读书月活动侧记\n\n"
                              u"本报记者●张明\n\n为营造全民阅读氛围，市图书馆举办读书月活动，书香满城。\n");
    REQUIRE(dashed.size() == 1);
    CHECK(dashed.first().title == s(u"书香满城 悦读人生"));
    CHECK(dashed.first().subtitle == s(u"市图书馆读书月活动侧记"));
    CHECK(dashed.first().reporters == QStringList{s(u"张明")});

    const auto report = parse(u"乡村振兴谱新篇 产业兴旺促增收\n市农牧局召开全市乡村振兴工作推进会\n\n"
                              u"本报讯（记者 何平）近日，市农牧局召开全市乡村振兴工作推进会，部署产业兴旺工作。\n");
    REQUIRE(report.size() == 1);
    CHECK(report.first().title == s(u"乡村振兴谱新篇 产业兴旺促增收"));
    CHECK(report.first().subtitle == s(u"市农牧局召开全市乡村振兴工作推进会"));
}

TEST_CASE("section heads inside an article do not split it")
{
    const auto articles = parse(u"普法工作见实效\n\n"
                                u"近年来，市司法局坚持普法与治理并重，普法工作取得明显成效。\n\n"
                                u"强化组织 压实责任\n\n"
                                u"市司法局成立普法工作领导小组，把普法责任落实到每个部门。\n\n"
                                u"注重实效 推动落实\n\n"
                                u"各部门结合自身职能开展普法宣传，推动普法工作落地见效。\n"
                                u"（市司法局供稿）\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().title == s(u"普法工作见实效"));
    CHECK(articles.first().paragraphs.contains(s(u"强化组织 压实责任")));
    CHECK(articles.first().paragraphs.contains(s(u"注重实效 推动落实")));
    CHECK(articles.first().body().endsWith(s(u"推动普法工作落地见效。")));
    CHECK(articles.first().source == s(u"市司法局"));
}

TEST_CASE("photo news ending in a photographer credit is an article of its own")
{
    const auto articles = parse(u"本报讯（记者 高峰）今年以来，市法院审结涉民生案件一千余件，切实维护群众合法权益。\n\n"
                                u"市法院审结一批涉民生案件\n\n"
                                u"雪后道路保畅通\n\n"
                                u"12月5日，交警在主干道疏导交通，保障雪后道路畅通。\n\n"
                                u"王海 李冬 摄\n");
    REQUIRE(articles.size() == 2);
    CHECK(articles.at(1).title == s(u"雪后道路保畅通"));
    CHECK(articles.at(1).photographers == QStringList{s(u"王海"), s(u"李冬")});
    CHECK(articles.at(0).photographers.isEmpty());
}

TEST_CASE("captions go with the article they illustrate; a closing photo credit names the photographer")
{
    const auto articles = parse(u"社区运动会开幕\n\n颁奖现场。\n\n"
                                u"本报讯（记者 周涛）近日，某社区举办居民运动会，三百余名居民参加比赛。"
                                u"（本版图片由刘洋摄）\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().captions == QStringList{s(u"颁奖现场。")});
    CHECK(articles.first().photographers == QStringList{s(u"刘洋")});
    CHECK(articles.first().body().endsWith(s(u"三百余名居民参加比赛。")));
}

TEST_CASE("a page banner signed with —— is not an article or a title")
{
    const auto articles = parse(u"弘扬法治精神 建设美丽家园 ——某市司法局\n\n"
                                u"社区运动会开幕\n\n"
                                u"本报讯（记者 周涛）近日，某社区举办运动会，三百余名居民参加比赛。\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().title == s(u"社区运动会开幕"));
    CHECK(articles.first().kicker.isNull());
    CHECK_FALSE(articles.first().body().contains(s(u"弘扬法治精神")));
}

TEST_CASE("a junk line is dropped, text around it is kept")
{
    const auto articles = parse(u"社区运动会开幕\n\n"
                                u"本报讯（记者 周涛）近日，某社区举办运动会，三百余名居民参加比赛。\n\n"
                                u"「丁乙丙乍丑与。 （某社区居委会供稿）\n");
    REQUIRE(articles.size() == 1);
    CHECK_FALSE(articles.first().body().contains(s(u"丁乙丙")));
    CHECK(articles.first().source == s(u"某社区居委会"));
}

TEST_CASE("an article with no dateline or byline keeps empty bylines")
{
    const auto articles = parse(u"冬季供暖平稳运行\n\n入冬以来，全市供暖企业加强设备巡检，保障居民温暖过冬。\n");
    REQUIRE(articles.size() == 1);
    const Article &a = articles.first();
    CHECK(a.title == s(u"冬季供暖平稳运行"));
    CHECK(a.dateline.isNull());
    CHECK(a.reporters.isEmpty());
    CHECK(a.correspondents.isEmpty());
    CHECK(a.source.isNull());
}

TEST_CASE("hard-wrapped lines are rejoined and a column break inside a sentence is bridged")
{
    const auto articles = parse(u"本报讯（记者 高峰）今年以来，市法院坚持\n"
                                u"司法为民，审结涉民生案件一千余件，切实\n"
                                u"维护群众合法权益。市法院党组书记、院\n\n"
                                u"长王某表示，将继续做好审判工作。\n\n"
                                u"下一步，市法院将进一步提升审判质效。\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().paragraphs ==
          QStringList{s(u"今年以来，市法院坚持司法为民，审结涉民生案件一千余件，切实维护群众合法权益。"
                        u"市法院党组书记、院长王某表示，将继续做好审判工作。"),
                      s(u"下一步，市法院将进一步提升审判质效。")});
}

TEST_CASE("bylines come in many spellings")
{
    const auto spaced = parse(u"本报讯（记 者 高 峰 通 讯 员 李 小 明\n王刚）近日，市法院召开会议。\n");
    REQUIRE(spaced.size() == 1);
    CHECK(spaced.first().reporters == QStringList{s(u"高峰")});
    CHECK(spaced.first().correspondents == QStringList{s(u"李小明"), s(u"王刚")});

    const auto unspaced = parse(u"本报讯(记者高峰通讯员李明实习生赵雪)近日,市法院召开会议。\n");
    REQUIRE(unspaced.size() == 1);
    CHECK(unspaced.first().reporters == QStringList{s(u"高峰")});
    CHECK(unspaced.first().correspondents == QStringList{s(u"李明")});
    CHECK(unspaced.first().interns == QStringList{s(u"赵雪")});
    CHECK(unspaced.first().body() == s(u"近日，市法院召开会议。"));
}

TEST_CASE("an empty or blank page has no articles")
{
    CHECK(PageParser().parsePage(QString()).isEmpty());
    CHECK(PageParser().parsePage(QStringLiteral("\n \n\r\n")).isEmpty());
}

TEST_CASE("an article without a printed title shows its first sentence")
{
    Article a;
    a.paragraphs << s(u"近日，某社区举办运动会，三百余名居民参加比赛。之后颁奖。");
    CHECK(a.displayTitle() == s(u"近日，某社区举办运动会，三百余名居民参加比赛"));
    a.title = s(u"社区运动会开幕");
    CHECK(a.displayTitle() == s(u"社区运动会开幕"));
    Article longOne;
    longOne.paragraphs << s(u"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。");
    CHECK(longOne.displayTitle() == s(u"一二三四五六七八九十一二三四五六七八九十一二三四…"));
    Article shortOne;
    shortOne.paragraphs << s(u"雪后道路畅通。");
    CHECK(shortOne.displayTitle() == s(u"雪后道路畅通"));
}

TEST_CASE("a page of paragraph-long lines without blank lines still separates headlines and paragraphs")
{
    const auto articles = parse(u"社区运动会开幕\n"
                                u"本报讯(记者 周涛)近日,某社区举办居民运动会,三百余名居民参加比赛。\n"
                                u"比赛设置了拔河、跳绳等项目,居民们热情高涨。\n"
                                u"冬季供暖平稳运行\n"
                                u"本报讯(记者 高峰)入冬以来,全市供暖企业加强设备巡检,保障居民温暖过冬。\n");
    REQUIRE(articles.size() == 2);
    CHECK(articles.at(0).title == s(u"社区运动会开幕"));
    CHECK(articles.at(0).paragraphs.size() == 2);
    CHECK(articles.at(1).title == s(u"冬季供暖平稳运行"));
    CHECK(articles.at(1).reporters == QStringList{s(u"高峰")});
}

TEST_CASE("a headline with a comma right above an opening is still a headline")
{
    const auto articles = parse(u"奋进新征程，建功新时代\n\n"
                                u"本报讯（记者 高峰）近日，市青年干部座谈会召开，与会青年畅谈奋进新征程的体会。\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().title == s(u"奋进新征程，建功新时代"));
    CHECK(articles.first().body().startsWith(s(u"近日")));
}

TEST_CASE("a headline printed after the only article on the page is its title")
{
    const auto articles = parse(u"本报讯（记者 高峰）近日，市青年干部座谈会召开，与会青年畅谈体会。\n\n"
                                u"青春正当时\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().title == s(u"青春正当时"));
}

TEST_CASE("an invented hard-wrapped page: glued headlines, a wrapped three-line title, untitled photo news")
{
    QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/data/wrapped_page.txt"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto articles = PageParser().parsePage(QString::fromUtf8(file.readAll()));
    REQUIRE(articles.size() == 5);
    CHECK(articles.at(0).title == s(u"全市司法行政工作会议召开"));
    CHECK(articles.at(0).dateline == s(u"包头"));
    CHECK(articles.at(0).source == s(u"市司法局"));
    CHECK(articles.at(0).body().contains(s(u"为全市经济社会高质量发展提供法治保障。")));
    CHECK(articles.at(1).title == s(u"春风送岗位 就业暖人心"));
    CHECK(articles.at(1).reporters == QStringList{s(u"吴敏")});
    CHECK(articles.at(1).correspondents == QStringList{s(u"陈立")});
    CHECK(articles.at(1).body().startsWith(s(u"3月5日，市人社局")));
    CHECK(articles.at(2).title == s(u"十项举措 护航企业发展"));
    CHECK(articles.at(3).title == s(u"市检察院开展公益诉讼专项监督取得实效"));
    CHECK(articles.at(3).kicker.isNull());
    CHECK(articles.at(3).body().endsWith(s(u"推动公益诉讼工作高质量发展。")));
    CHECK(articles.at(3).photographers.isEmpty());
    CHECK(articles.at(4).title.isNull());
    CHECK(articles.at(4).photographers == QStringList{s(u"张强")});
    CHECK(articles.at(4).body() == s(u"3月6日，市消防救援支队在某商场开展消防演练，提升商户火灾应急处置能力。"));
}

TEST_CASE("an invented page of paragraph lines: feature byline, dateline, caption, headline after the last body")
{
    QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/data/paragraph_page.txt"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto articles = PageParser().parsePage(QString::fromUtf8(file.readAll()));
    REQUIRE(articles.size() == 3);
    CHECK(articles.at(0).title == s(u"聚力优化营商环境 助推经济高质量发展"));
    CHECK(articles.at(0).subtitle == s(u"市政务服务中心推行“一窗通办”改革纪实"));
    CHECK(articles.at(0).reporters == QStringList{s(u"李静")});
    CHECK(articles.at(0).correspondents == QStringList{s(u"王磊")});
    CHECK(articles.at(0).source == s(u"市政务服务中心"));
    CHECK(articles.at(0).paragraphs.at(1).startsWith(s(u"“以前办营业执照要跑好几个窗口，现在一个窗口就办完了。”")));
    CHECK(articles.at(1).title == s(u"小小调解室 化解大矛盾"));
    CHECK(articles.at(1).dateline == s(u"呼伦贝尔"));
    CHECK(articles.at(1).captions == QStringList{s(u"调解现场。")});
    CHECK(articles.at(1).body().endsWith(s(u"调解成功率达98.5%。")));
    CHECK(articles.at(2).title == s(u"3·15宣传进广场 消费维权暖人心"));
    CHECK(articles.at(2).reporters == QStringList{s(u"赵磊")});
    CHECK(articles.at(2).captions.isEmpty());
}

TEST_CASE("an unfinished last line under a full stop is body text, not a headline")
{
    const auto articles = parse(u"本报讯（记者 高峰）近日，市法院召开会议，部\n"
                                u"署今年工作。\n"
                                u"下一步将继续加强\n\n"
                                u"监管，推动工作落实。\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().title.isNull());
    CHECK(articles.first().body().remove(QLatin1Char('\n')) ==
          s(u"近日，市法院召开会议，部署今年工作。下一步将继续加强监管，推动工作落实。"));
}

TEST_CASE("an untitled article that is all caption shows its caption")
{
    Article a;
    a.captions << s(u"雪后的街道。");
    CHECK(a.displayTitle() == s(u"雪后的街道"));
}

TEST_CASE("numbered section heads of different lengths stay inside their article")
{
    const auto articles = parse(u"全市普法工作综述\n\n"
                                u"今年以来，全市普法工作稳步推进。\n\n"
                                u"一、加强组织领导\n\n"
                                u"各部门把普法工作列入年度计划，明确责任分工。\n\n"
                                u"二、创新宣传方式推动普法深入人心\n\n"
                                u"各地利用新媒体开展普法宣传，覆盖群众十万余人次。\n"
                                u"（市普法办供稿）\n");
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().paragraphs.contains(s(u"一、加强组织领导")));
    CHECK(articles.first().paragraphs.contains(s(u"二、创新宣传方式推动普法深入人心")));
    CHECK(articles.first().source == s(u"市普法办"));
}

TEST_CASE("an invented page of credited reports: a headline two articles before its body, one after")
{
    QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/data/credited_page.txt"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto articles = PageParser().parsePage(QString::fromUtf8(file.readAll()));
    REQUIRE(articles.size() == 3);
    CHECK(articles.at(0).title == s(u"筑牢安全防线 守护万家平安"));
    CHECK(articles.at(0).subtitle == s(u"全市开展冬季消防安全大检查"));
    CHECK(articles.at(0).source == s(u"市消防救援支队"));
    CHECK(articles.at(1).title == s(u"法治进校园 护航青少年成长"));
    CHECK(articles.at(1).source == s(u"市教育局"));
    CHECK(articles.at(1).body().contains(s(u"护航青少年健康成长。")));
    CHECK(articles.at(2).title == s(u"法律援助惠民生 公平正义暖人心"));
    CHECK(articles.at(2).reporters == QStringList{s(u"韩雪")});
    CHECK(articles.at(2).correspondents == QStringList{s(u"杜鹏")});
    CHECK(articles.at(2).body().endsWith(s(u"真正把法律援助送到群众家门口。")));
}

TEST_CASE("a page in traditional characters gets its bylines and credits read too")
{
    const auto articles =
        parse(u"社區運動會開幕\n\n"
              u"本報訊（記者 周濤 通訊員 王剛 實習生 李雪）近日，某社區舉辦居民運動會，三百餘名居民參加比賽。\n\n"
              u"（某社區居委會供稿）\n\n"
              u"雪後道路保暢通\n\n"
              u"12月5日，交警在主幹道疏導交通，保障雪後道路暢通。\n\n"
              u"王海 攝\n");
    REQUIRE(articles.size() == 2);
    CHECK(articles.at(0).title == s(u"社區運動會開幕"));
    CHECK(articles.at(0).reporters == QStringList{s(u"周濤")});
    CHECK(articles.at(0).correspondents == QStringList{s(u"王剛")});
    CHECK(articles.at(0).interns == QStringList{s(u"李雪")});
    CHECK(articles.at(0).source == s(u"某社區居委會"));
    CHECK(articles.at(1).photographers == QStringList{s(u"王海")});
}
