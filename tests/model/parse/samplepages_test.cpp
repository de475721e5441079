// SPDX-License-Identifier: MIT
// The parser on the five real sample pages. Every expected value below was written by hand from
// reading the pages (resources/sample/), not copied from the parser's output.
#include "parse/issueloader.h"

#include <catch2/catch.hpp>

#include <QDir>

using baokan::parse::Article;
using baokan::parse::Issue;
using baokan::parse::IssueLoader;

namespace {

struct Expected
{
    QString title; // null: the page prints no title for it
    QString first; // text near the start of the body
    QString last;  // text at the end of the body
    QString dateline;
    QStringList reporters;
    QStringList correspondents;
    QString source;
    QStringList photographers;
    QString subtitle;
    QStringList interns;
    QStringList captions;
};

Issue loadSample(const QString &prefix)
{
    const QDir dir(QStringLiteral(BAOKAN_SAMPLE_DIR));
    const QStringList files = dir.entryList({prefix + QStringLiteral("_*.txt")}, QDir::Files);
    REQUIRE(files.size() == 1);
    QString error;
    const auto issue = IssueLoader::load(dir.absoluteFilePath(files.first()), &error);
    INFO(error.toStdString());
    REQUIRE(issue);
    return *issue;
}

void checkArticle(const Article &a, const Expected &e)
{
    INFO("expected title: " << e.title.toStdString() << " / got: " << a.title.toStdString());
    if (e.title.isNull())
        CHECK(a.title.isNull());
    else
        CHECK(a.title == e.title);
    // Not split in two: the body holds both its first and its last sentence.
    CHECK(a.body().contains(e.first));
    CHECK(a.body().endsWith(e.last));
    CHECK(a.dateline == e.dateline);
    CHECK(a.reporters == e.reporters);
    CHECK(a.correspondents == e.correspondents);
    CHECK(a.interns == e.interns);
    CHECK(a.photographers == e.photographers);
    CHECK(a.source == e.source);
    if (e.subtitle.isNull())
        CHECK(a.subtitle.isNull());
    else
        CHECK(a.subtitle == e.subtitle);
    CHECK(a.captions == e.captions);
}

void checkPage(const QString &prefix, const QList<Expected> &expected)
{
    const Issue issue = loadSample(prefix);
    REQUIRE(issue.articles.size() == expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        INFO("article " << i);
        checkArticle(issue.articles.at(i), expected.at(i));
    }
}

QString s(const char16_t *text)
{
    return QString::fromUtf16(text);
}

} // namespace

TEST_CASE("sample page 000: headlines before, after and far from their bodies, glued headlines")
{
    checkPage(QStringLiteral("000"), {
                                         {s(u"推动五大任务见行见效"),
                                          s(u"11月14日，由自治区党委依法治区办举办"),
                                          s(u"作出新的更大贡献。"),
                                          s(u"呼和浩特"),
                                          {},
                                          {},
                                          s(u"自治区党委依法治区办秘书处、自治区司法厅法治调研处"),
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"情系职工健康 理疗温暖人心"),
                                          s(u"为充分发挥机关工会服务职工的职能"),
                                          s(u"建设模范自治区贡献力量。"),
                                          {},
                                          {s(u"郭蓉")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"我区一篇论文在第十八届东北法治论坛荣获一等奖"),
                                          s(u"检察长秦虎与综合业务部副主任杜晓芳合著的论文"),
                                          s(u"其中内蒙古自治区共有11篇论文获奖。"),
                                          {},
                                          {s(u"金丽")},
                                          {s(u"颃该")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {QString(),
                                          s(u"记者从全区消协秘书长工作会议中获悉"),
                                          s(u"最终推荐90家授予自治区放心消费示范街区（商圈）称号。"),
                                          {},
                                          {s(u"刘琪")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"土默特左旗建成敕勒川网格学院 打造自治区首家学研一体化平台"),
                                          s(u"记者从呼和浩特市土默特左旗委政法委了解到"),
                                          s(u"全面满足了培训需求。"),
                                          {},
                                          {s(u"赵芳")},
                                          {s(u"宋锐平"), s(u"潘钰")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"2023年全区消协秘书长工作会议在呼和浩特召开"),
                                          s(u"挂牌仪式现场会在呼和浩特市召开"),
                                          s(u"我区消费者家用汽车维权有了新途径。"),
                                          {},
                                          {s(u"刘琪")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"初冬义诊暖人心 共筑军民鱼水情"),
                                          s(u"医院特色专业一科开展“世界糖尿病日”义诊活动。"),
                                          s(u"共筑军民鱼水情。"),
                                          {},
                                          {},
                                          {},
                                          {},
                                          {s(u"顾鑫")},
                                          {},
                                          {},
                                          {}},
                                     });
}

TEST_CASE("a blank line inside a sentence does not end the paragraph (sample 000)")
{
    const Issue issue = loadSample(QStringLiteral("000"));
    REQUIRE(issue.articles.size() == 7);
    CHECK(issue.articles.at(5).body().contains(s(u"党组成员、副局长毛宝锋指出")));
    CHECK(issue.articles.at(0).body().contains(s(u"在提高立法质效上再深入")));
}

TEST_CASE("sample page 000's issue date is inferred from the dates it reports")
{
    const Issue issue = loadSample(QStringLiteral("000"));
    CHECK(issue.date == QDate(2023, 11, 15));
    CHECK(issue.dateInferred);
}

TEST_CASE("sample page 001: subtitle, photo news, junk line, banner that is not an article")
{
    checkPage(QStringLiteral("001"), {
                                         {s(u"构建“善治包头”新模式 打造社会治理新路径"),
                                          s(u"包头市召开推进社会治理现代化构建“善治包头”模式观摩推进会。"),
                                          s(u"为谱写高质量发展包头答卷提供有力保障。"),
                                          {},
                                          {s(u"王祯")},
                                          {},
                                          {},
                                          {},
                                          s(u"包头市召开推进社会治理现代化构建“善治包头”模式观摩推进会"),
                                          {},
                                          {}},
                                         {s(u"强化路面管控 筑牢安全防线"),
                                          s(u"入冬以来，乌兰察布市公安局交管支队化德县大队认真研判"),
                                          s(u"养成良好的道路交通习惯。"),
                                          {},
                                          {},
                                          {},
                                          {},
                                          {s(u"郭成"), s(u"杜海"), s(u"佘旭")},
                                          {},
                                          {},
                                          {}},
                                         {s(u"海外知识产权纠纷应对指导内蒙古分中心（蒙古国）联络站成立"),
                                          s(u"海外知识产权纠纷应对指导内蒙古分中心（蒙古国）联络站成立，"),
                                          s(u"推动海外知识产权保护工作高质量发展。"),
                                          s(u"呼和浩特"),
                                          {},
                                          {},
                                          s(u"自治区知识产权保护中心"),
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"扎兰屯监狱：多举措“廉”动深化清廉监狱建设"),
                                          s(u"今年以来，扎兰屯监狱紧紧围绕全面从严管党治警要求"),
                                          s(u"促进清廉监狱建设提质增效。"),
                                          s(u"扎兰屯"),
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"弘扬北疆文化 服务各族群众"),
                                          s(u"新创作品展演在呼和浩特市、兴安盟、巴彦淖尔市三地同时启动。"),
                                          s(u"送到了百姓身边。"),
                                          {},
                                          {s(u"袁雪英"), s(u"刘琪")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"多级联动开展宣传 安全用药保障健康"),
                                          s(u"自治区药物警戒中心联合呼和浩特市检验检测中心"),
                                          s(u"受到群众欢迎和好评。"),
                                          {},
                                          {s(u"全丽")},
                                          {s(u"马超群")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                     });
}

TEST_CASE("junk and extraction artifacts do not reach the text (sample 001)")
{
    const Issue issue = loadSample(QStringLiteral("001"));
    for (const Article &a : issue.articles) {
        CHECK_FALSE(a.body().contains(s(u"上下同似里及液")));
        CHECK_FALSE(a.body().contains(QStringLiteral("**")));
        CHECK_FALSE(a.body().contains(s(u"记录智慧司法")));
        CHECK_FALSE(a.title.contains(s(u"记录智慧司法")));
    }
    REQUIRE(issue.articles.size() == 6);
    CHECK(issue.articles.at(0).body().contains(s(u"昆都仑区委政法委、土默特右旗委政法委、市委组织部")));
}

TEST_CASE("sample page 002: a headline printed far before its body goes to the body it matches")
{
    checkPage(QStringLiteral("002"), {
                                         {s(u"深化“法司”协作 凝聚法治合力"),
                                          s(u"近日，自治区司法厅、自治区高级人民法院召开工作交流会商会。"),
                                          s(u"提供坚强有力的法治保障。"),
                                          s(u"呼和浩特"),
                                          {},
                                          {},
                                          s(u"自治区司法厅"),
                                          {},
                                          s(u"自治区高院、自治区司法厅召开工作交流会商会"),
                                          {},
                                          {}},
                                         {s(u"全区监狱系统纪委书记、纪委办主任培训班在呼和浩特举办"),
                                          s(u"为进一步规范全区监狱系统纪检工作"),
                                          s(u"为监狱发展提供坚强的政治、组织、纪律保证。"),
                                          s(u"呼和浩特"),
                                          {},
                                          {},
                                          s(u"自治区监狱管理局"),
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"加强区域协作 推动知产保护"),
                                          s(u"锡林郭勒盟市场监督管理局（知识产权局）"),
                                          s(u"确保《知识产权协同保护合作协议》见实见效。"),
                                          {},
                                          {s(u"刘琪")},
                                          {s(u"毕远翔")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"关爱困境儿童 传递温暖爱心"),
                                          s(u"由自治区民政厅、教育厅、卫生健康委、团委、妇联"),
                                          s(u"现场捐赠价值10.68万元的慰问品。"),
                                          {},
                                          {s(u"袁雪英")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"包头市中院：借力专家“智囊团”守护青春向阳生"),
                                          s(u"包头市中级人民法院会同包头市法学会"),
                                          s(u"以法治阳光守护少年成长。"),
                                          {},
                                          {s(u"肖玥")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"弘扬科学精神 激发创新活力"),
                                          s(u"由自治区科学技术协会、自治区科技厅共同举办"),
                                          s(u"尊重创新的良好氛围。"),
                                          {},
                                          {s(u"赵芳")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {s(u"武琛洋")},
                                          {}},
                                         {s(u"规范流程促公正 把好律师准入关"),
                                          s(u"开展申请律师执业人员面试考核工作是律师执业准入制度"),
                                          s(u"做好实习律师入行的“引路人”。"),
                                          s(u"呼和浩特"),
                                          {},
                                          {},
                                          s(u"自治区司法厅"),
                                          {},
                                          {},
                                          {},
                                          {}},
                                     });
}

TEST_CASE("sample page 003: paragraph-long lines, ASCII punctuation, a caption above its article")
{
    checkPage(QStringLiteral("003"), {
                                         {s(u"2023年“全国科普日”内蒙古主场活动启动"),
                                          s(u"今年是“全国科普日”20周年。"),
                                          s(u"为自治区“闯新路、进中游”贡献科普力量。"),
                                          {},
                                          {s(u"赵芳")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"我区公安机关集中销毁非法枪爆物品"),
                                          s(u"9月19日，根据公安部统一部署"),
                                          s(u"共计500余人参加了主现场销毁仪式。"),
                                          {},
                                          {s(u"王祯")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {s(u"活动现场。")}},
                                         {s(u"开展法治督察工作 压实责任补齐短板"),
                                          s(u"近日，巴彦淖尔市开展了为期4天的法治督察工作。"),
                                          s(u"的良好局面。"),
                                          s(u"巴彦淖尔"),
                                          {},
                                          {},
                                          s(u"自治区司法厅"),
                                          {},
                                          {},
                                          {},
                                          {}},
                                         {s(u"精准培训充电赋能 以学促干靶向提升"),
                                          s(u"包头市司法局组织开展了全市行政执法监督工作推进会暨业务培训班。"),
                                          s(u"努力开创包头市行政执法协调监督工作新局面。"),
                                          {},
                                          {s(u"肖玥")},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {},
                                          {}},
                                     });
}

TEST_CASE("numbers keep their ASCII punctuation in Chinese text (sample 003)")
{
    const Issue issue = loadSample(QStringLiteral("003"));
    REQUIRE(issue.articles.size() == 4);
    CHECK(issue.articles.at(1).body().contains(s(u"下降43.7%，")));
    CHECK(issue.articles.at(3).body().contains(s(u"在公布1.0、2.0版清单基础上，")));
}

TEST_CASE("sample page 004: section heads stay inside their article; captions and a feature byline")
{
    checkPage(QStringLiteral("004"),
              {
                  {s(u"抓实用好普法责任制 形成齐抓共管大格局"),
                   s(u"64家普法成员单位主动领题"),
                   s(u"推动“谁执法谁普法”责任制落地落实。"),
                   {},
                   {},
                   {},
                   s(u"内蒙古自治区党委依法治区办秘书处"),
                   {},
                   {},
                   {},
                   {}},
                  {s(u"祥龙启新 踏梦前行"),
                   s(u"为丰富干警精神文化生活，提高团队凝聚力"),
                   s(u"为人民群众提供更加优质高效的司法服务。"),
                   {},
                   {s(u"刘琪")},
                   {s(u"齐浩越")},
                   {},
                   {s(u"郁佳俊")},
                   s(u"包头稀土高新区人民法院迎新春党建文化汇演活动侧记"),
                   {},
                   {s(u"合影留念。"), s(u"独唱《故乡的影》。"), s(u"擒敌拳《渴望光荣》。"), s(u"独唱《大海》。"),
                    s(u"大合唱《阳光总在风雨后》。"), s(u"游戏《心有灵犀》。")}},
              });
    const Issue issue = loadSample(QStringLiteral("004"));
    const QString body = issue.articles.at(0).body();
    CHECK(body.contains(s(u"搭好平台 同声部宣传")));
    CHECK(body.contains(s(u"抓好重点 同频率推进")));
    CHECK(body.contains(s(u"定好制度 同标准评估")));
    CHECK(body.contains(s(u"累计超2.2亿人次在线收听")));
}

TEST_CASE("the five sample pages hold 26 articles")
{
    qsizetype total = 0;
    for (const char *prefix : {"000", "001", "002", "003", "004"})
        total += loadSample(QLatin1String(prefix)).articles.size();
    CHECK(total == 26);
}
