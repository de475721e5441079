// SPDX-License-Identifier: MIT
#include "entities/entityrecognizer.h"

#include "entities/codepoints.h"
#include "entities/lexicon.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>

#include <algorithm>
#include <bitset>
#include <limits>
#include <vector>

Q_LOGGING_CATEGORY(lcRecognizer, "baokan.entities.recognizer", QtWarningMsg)

namespace baokan::entities {

namespace {

using Tag = Lexicon::Tag;
using CharTable = Lexicon::CharTable;

constexpr int kMaxWordLength = 16;
// Surnames at least this likely (about the 200 most common) may form two-character names freely.
constexpr double kCommonSurname = -6.5;
// A word this frequent is a word, not part of a name.
constexpr quint32 kCommonWordFreq = 100;
// The least likely pair of given-name characters a listed name may have (log probability).
constexpr double kMinGivenLogP = -15.0;
// A listed three-character name this rare is trusted as tagged.
constexpr quint32 kRareNameFreq = 100;
// The cost of knowing a given-name character only from another position in the name.
constexpr double kBackoff = 1.5;
// Listed two-character names more frequent than this are mostly common words (文明, 高峰).
constexpr quint32 kMaxShortNameFreq = 300;
// The same where a verb of speech or a form of address follows.
constexpr quint32 kMaxAddressedNameFreq = 1000;
// A character this frequent as a word of its own is taken as that word before a form of address.
constexpr double kCommonCharLogP = -8.5;
// Words before an organization's head needed when none of them is a place or a name.
constexpr size_t kMinPlainModifiers = 3;
// Listed names rarer than this are taken as tagged without further doubt.
constexpr quint32 kSureNameFreq = 20;
// A given name may be a word (宏伟) unless the word is this common (水平, 健康).
constexpr quint32 kVeryCommonWordFreq = 1000;
// A common word starting a three-character candidate, and a last character rarer than this in
// names, make a compound.
constexpr quint32 kCompoundPrefixFreq = 300;
constexpr double kRareNameEndLogP = -7.0;
// The cost of a letter known only from the wider transliteration table inside a long run.
constexpr double kWeakLetterCost = 1.0;
// Log odds of a character ending a name rather than another word below which a listed name on
// it is taken for a compound.
constexpr double kMinNameEndOdds = -1.0;
// The cost of ending a dotted name right before a typical letter of transliterations.
constexpr double kCutNameCost = 4.0;
constexpr double kNegInf = -std::numeric_limits<double>::infinity();

bool isHan(char16_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

bool isNameDot(char16_t c)
{
    return c == 0x00B7 || c == 0x2022 || c == 0x30FB || c == 0xFF65 || c == 0x2027 || c == 0x2219;
}

bool isSpace(char16_t c)
{
    return c == u' ' || c == 0x3000 || c == u'\t' || c == 0x00A0;
}

QString str(std::u16string_view s)
{
    return QString(reinterpret_cast<const QChar *>(s.data()), qsizetype(s.size()));
}

// A set of short words looked up by view, without building a QString per lookup: the
// recognizer asks thousands of times per sentence.
class WordSet
{
public:
    void insert(QStringView word)
    {
        if (word.isEmpty() || contains(word))
            return;
        m_words.push_back(word.toString());
        m_maxLength = std::max(m_maxLength, int(word.size()));
        m_first.set(word.front().unicode());
        if (m_words.size() * 2 > m_slots.size()) {
            m_slots.assign(std::max<size_t>(16, m_slots.size() * 2), -1);
            for (size_t i = 0; i < m_words.size(); ++i)
                place(int(i));
        } else {
            place(int(m_words.size() - 1));
        }
    }
    void unite(const WordSet &other)
    {
        for (const QString &w : other.m_words)
            insert(w);
    }
    bool contains(QStringView word) const
    {
        if (word.isEmpty() || m_slots.empty() || !m_first.test(word.front().unicode()))
            return false;
        const size_t mask = m_slots.size() - 1;
        for (size_t h = qHash(word) & mask;; h = (h + 1) & mask) {
            const int index = m_slots[h];
            if (index < 0)
                return false;
            if (m_words[size_t(index)] == word)
                return true;
        }
    }
    int maxLength() const { return m_maxLength; }
    const std::vector<QString> &words() const { return m_words; }

private:
    void place(int index)
    {
        const size_t mask = m_slots.size() - 1;
        size_t h = qHash(QStringView(m_words[size_t(index)])) & mask;
        while (m_slots[h] >= 0)
            h = (h + 1) & mask;
        m_slots[h] = index;
    }

    std::vector<QString> m_words;
    std::vector<int> m_slots;
    std::bitset<65536> m_first;
    int m_maxLength = 0;
};

enum class Kind : quint8 { Word, Unknown, Person, Foreign };

struct Token
{
    int start;
    int end;
    Tag tag;
    Kind kind;
    int length() const { return end - start; }
};

struct Span
{
    int start;
    int end;
    EntityType type;
};

// Hand-written rules: the closed classes of the language that a word list does not mark
// (surnames of two characters, titles, the suffixes that build places and organizations).
struct Rules
{
    WordSet compoundSurnames;
    WordSet posts; // composed titles: 党委书记, 副厅长, 二级巡视员 …
    int maxPost = 0;
    WordSet nameBefore; // words after which a name is likely: posts, 记者, 通讯员 …
    int maxNameBefore = 0;
    WordSet nameAfter; // words that often follow a name: 说, 表示, 指出 …
    int maxNameAfter = 0;
    WordSet relativeDates;
    int maxRelativeDate = 0;
    WordSet orgHeads;         // multi-character heads of organization names
    QString orgHeadChars;     // one-character heads, taken only as a separate token
    QString placeSuffixChars; // 省 市 县 …
    WordSet placeSuffixWords; // 苏木, 嘎查, 自治州 …
    WordSet orgAnchors;       // generic words that start an organization name: 自治区, 全国 …
    WordSet adminOrgs;        // 市委, 省政府 …: organizations without a proper name
    WordSet worldPlaces;      // countries and cities in Chinese, from ICU's locale data
    WordSet honorifics;       // 老, 老师, 先生 …: after a bare surname (李老师 → 李)
    int maxHonorific = 0;
    QString notSurnames;        // 小, 老: prefixes of familiar address, not part of the name
    QString placeAbbreviations; // 中 美 京 藏 …: one character standing for a country or province
    QString travelVerbs;        // 访 来 抵 …: before 华 京 港, the character is the place
    WordSet genericPlaces;      // 城市, 外国 …: the lexicon tags them as places, they name none
    WordSet notOrgHeads;        // 干部, 场所 …: end like an organization, are none
    WordSet genericHeads;       // 公司, 球队 …: after a bare place they name no one organization
    WordSet facilities;         // 馆, 大厦, 火车站 …: organizations' heads that make a building a place
    WordSet placeBefore;        // 在, 抵达, 访问 …: a name after them is a place's
    int maxPlaceBefore = 0;
    WordSet notPersonAfter; // 国家, 组织, 号 …: what they follow is a place, a body or a make
    int maxNotPersonAfter = 0;

    static const Rules &get()
    {
        static const Rules rules;
        return rules;
    }

private:
    static WordSet set(const char16_t *words, int *maxLength)
    {
        WordSet out;
        const QStringList list = QString::fromUtf16(words).split(u' ', Qt::SkipEmptyParts);
        for (const QString &w : list) {
            out.insert(w);
            if (maxLength)
                *maxLength = std::max(*maxLength, int(w.size()));
        }
        return out;
    }

    Rules()
    {
        compoundSurnames = set(u"欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 端木 司徒 司空 轩辕 "
                               u"长孙 宇文 呼延 澹台 申屠 南宫 西门 独孤 万俟 闻人 赫连 拓跋 完颜 钟离",
                               nullptr);
        const WordSet baseTitles =
            set(u"书记 副书记 厅长 局长 处长 科长 部长 省长 市长 县长 区长 乡长 镇长 村长 院长 校长 所长 "
                u"社长 会长 主席 副主席 主任 总理 总统 首相 大使 检察长 庭长 审判长 审判员 检察官 法官 "
                u"巡视员 调研员 委员长 外长 外交大臣 大臣 国务卿 州长 议长 秘书长 董事长 总经理 经理 主编 总编辑 队长 "
                u"政委 司令员 参谋长 团长 军长 "
                u"师长 旅长 站长 行长 理事长 议长 外长 监狱长 支队长 大队长 中队长 教导员 指导员 所长 "
                u"委员 常委 主任委员 执行董事 董事 厂长 总裁 副总裁 总监 馆长 台长 署长 司长 国务卿 "
                u"部长助理 主任科员 科员 干警 民警 警官 律师 教授 研究员 法警 书记员 助理审判员 "
                u"人民陪审员 陪审员 检察员 组长 党组书记 党委书记 总支书记 支部书记 纪委书记 "
                u"政治部主任 秘书 特派员 督察长 网格员 辅警 村医 法官助理 检察官助理",
                nullptr);
        const QStringList prefixes = QString::fromUtf16(u"副 常务副 常务 代理 第一 执行 名誉 一级 二级 三级 四级 "
                                                        u"党委 党组 纪委 党委副 党组副 总 首席 专职副 专职 驻村 "
                                                        u"一级高级 二级高级 三级高级 四级高级 高级 原 前")
                                         .split(u' ', Qt::SkipEmptyParts);
        for (const QString &t : baseTitles.words()) {
            posts.insert(t);
            for (const QString &p : prefixes)
                posts.insert(QString(p + t));
        }
        for (const QString &p : posts.words())
            maxPost = std::max(maxPost, int(p.size()));
        nameBefore = posts;
        nameBefore.unite(
            set(u"记者 通讯员 实习生 摄影 摄 编辑 责任编辑 作者 主持人 同志 先生 女士 烈士 老人 "
                u"报道员 撰稿 文 图 供稿 讯 电 获悉 之子 之女 妻子 丈夫 儿子 女儿 母亲 父亲 学者 作家 画家 "
                u"诗人 演员 歌手 选手 队员 球员 教练 导演 名将 老将 小将 运动员 艺术家 科学家 "
                u"发言人 财长 防长 领袖 前锋 后卫 门将 中锋 裁判 球星 影星 歌星 主帅 候选人 议员 参议员 众议员 "
                u"总书记 元帅 将军 上将 中将 少将 "
                u"企业家 书法家 医生 工程师 农民 工人 村民 战士 英雄 模范 青年 大师 先生 女士",
                nullptr));
        for (const QString &w : nameBefore.words())
            maxNameBefore = std::max(maxNameBefore, int(w.size()));
        nameAfter = set(u"说 表示 指出 强调 认为 介绍 主持 同志 先生 女士 告诉 透露 宣布 提出 希望 要求 "
                        u"说明 回忆 坦言 笑着 答 称 讲 讲话 致辞 发言 出席 会见 会晤 参加 主持 率领 率 所说 所言 说过 "
                        u"代表 说道 感慨 等人 一行 夫妇 教授 委员 书记 老师 同学",
                        &maxNameAfter);
        relativeDates =
            set(u"今年 去年 明年 前年 后年 今天 昨天 明天 前天 后天 当天 今日 昨日 明日 次日 "
                u"本月 上月 下月 当月 同月 次月 本年 当年 同年 次年 翌年 上年 年初 年底 年末 年中 "
                u"月初 月底 月末 月中 上旬 中旬 下旬 今年初 今年底 去年底 去年初 本世纪 上世纪 "
                u"近日 日前 近期 目前 当前 今后 上午 下午 中午 晚上 凌晨 傍晚 深夜 今晚 昨晚 "
                u"春节 元旦 国庆 除夕 元宵节 中秋节 端午节 清明节 国庆节 劳动节 上周 本周 下周 上个月 下个月 "
                u"星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 今春 今夏 今秋 今冬 去春 去夏 "
                u"去秋 去冬 上半年 下半年 当晚 当日 前不久 不久前 最近 近年 近年来",
                &maxRelativeDate);
        orgHeads = set(u"法院 检察院 委员会 政府 公司 大学 学院 中学 小学 医院 银行 集团 协会 学会 研究所 "
                       u"研究院 研究会 研究中心 出版社 报社 杂志社 日报社 电视台 广播电台 电台 基金会 联合会 "
                       u"工会 总会 分会 商会 办公室 办公厅 办事处 管理局 管理处 管理站 派出所 监狱 看守所 "
                       u"戒毒所 法庭 大队 支队 中队 俱乐部 代表团 党委 党组 政协 人大 常委会 军区 司令部 "
                       u"事务所 合作社 理事会 促进会 董事会 中心 总局 分局 总社 分社 学校 幼儿园 "
                       u"研究室 指挥部 领导小组 工作组 检查组 督导组 巡视组 纪委 监委 纪检组 "
                       u"司法所 公安局 公安厅 财政厅 司法厅 司法局 教育厅 教育局 人民政府 人民法院 "
                       u"人民检察院 中级人民法院 高级人民法院 律师事务所 公证处 仲裁委员会 "
                       u"红十字会 青年团 团委 妇联 残联 文联 作协 科协 侨联 工商联 支部 党支部 总支 "
                       u"通讯社 博物馆 图书馆 科学院 社科院 工程院 国务院 外交部 委 办 "
                       u"队 球队 代表队 乐团 剧团 艺术团 歌舞团 合唱团 基地 农场 林场 牧场 "
                       u"厂 分厂 总厂 酒店 饭店 宾馆 商场 超市 书店 计划署 组委会 筹委会 报警台 服务台 领事馆 "
                       u"总领事馆 大使馆 使馆 领馆 信用社 航空局 联合体 通讯社 集团公司 总公司 有限公司 "
                       u"股份有限公司 公安处 分公司 子公司 教委 体委 计委 经委 侨办 台办 港澳办 法制办 "
                       u"大厦 大会堂 会堂 大剧院 体育馆 博物馆 美术馆 纪念馆 图书馆 展览馆 体育场 火车站 飞机场 机场 "
                       u"足协 作协 交警 日报 晚报 周报 时报 早报 商报 画报 足球报 女篮 男篮 女排 男排 女足 男足 "
                       u"足球队 篮球队 排球队 女队 男队 国家队 集训队 联队 舰队 编队 兵团 党团 议会 工作委员会",
                       nullptr);
        // 所, 处, 行, 系 and 台 alone are more often a particle, a place, a verb or a relation.
        orgHeadChars = QString::fromUtf16(u"厅局委部署办院社队团党组站厂馆校司科");
        placeSuffixChars = QString::fromUtf16(u"省市县区州镇乡村旗盟岛湖江河山街路屯寨庄堡港湾洲");
        placeSuffixWords = set(u"苏木 嘎查 自治州 自治县 自治旗 自治区 街道 社区 开发区 新区 林区 矿区 "
                               u"牧区 草原 半岛 群岛 高原 盆地 山脉 水库 大街 胡同",
                               nullptr);
        orgAnchors = set(u"自治区 全国 中央 国家 中共 中国 省 市 县 区 旗 盟 州 镇 乡 全区 全市 全省 "
                         u"全盟 全旗 全县 人民 最高 地方",
                         nullptr);
        adminOrgs = set(u"市委 省委 县委 区委 州委 旗委 盟委 镇党委 乡党委 "
                        u"市人大 省人大 县人大 区人大 市政协 省政协 县政协 "
                        u"区政协 市纪委 省纪委 县纪委 区纪委 市监委 党中央 中共中央 国务院 "
                        u"全国人大 全国政协 人大常委会 市委常委会 省委常委会 中央军委 中纪委 村委会 居委会 党支部",
                        nullptr);
        honorifics = set(u"老 老师 先生 女士 小姐 师傅 大爷 大娘 大妈 大姐 大哥 大叔 阿姨 奶奶 爷爷 主席 总理 "
                         u"书记 局长 厅长 处长 科长 部长 院长 校长 主任 经理 厂长 村长 队长 所长 "
                         u"教授 博士 医生 大夫 律师 法官 同志 氏 某",
                         &maxHonorific);
        // 小 and 老 are forms of address; the rest are surnames too rare to outweigh the word.
        notSurnames = QString::fromUtf16(u"小老和与及跟在把被给让将为对的了是也都就又还");
        placeAbbreviations = QString::fromUtf16(u"中美俄日韩英法德意印巴朝越泰菲澳加苏欧非亚以埃伊土葡荷比瑞挪丹芬"
                                                u"波捷匈罗蒙缅柬墨京津沪渝冀晋辽吉黑浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏"
                                                u"陕甘陇青宁港台");
        genericHeads = set(u"公司 球队 企业 总部 当局 航天 部队 军队", nullptr);
        facilities = set(u"馆 大厦 大剧院 剧院 大会堂 会堂 火车站 车站 机场 广场 体育场 公园 宫", nullptr);
        placeBefore = set(u"在 到 赴 抵 抵达 到达 前往 访问 位于 来自 飞往 途经 离开 从 于 至 运往 驻 首都 城市 "
                          u"港口 州 省",
                          &maxPlaceBefore);
        notPersonAfter = set(u"国家 组织 地区 成员国 产油国 公司 集团 号 牌 型 体系 指数 争端 地方 境内 人民 军队 半岛 "
                             u"大陆 海 山 河",
                             &maxNotPersonAfter);
        travelVerbs = QString::fromUtf16(u"访来抵赴离进回驻在旅返留");
        genericPlaces = set(u"外国 大国 城市 城镇 山区 东西 南北 山坡 大街 大桥 农村 乡村 城乡 国外 国内 海外 各地 "
                            u"当地 本地 外地 内地 边疆 边境 沿海 小国 强国 世界 天下 全国 全球 家乡 故乡 老家 "
                            u"南国 北国 城区 市区 郊区 街头 村里 乡下 中外 古今 祖国 异国 他乡 大城市 中小城市",
                            nullptr);
        notOrgHeads = set(u"干部 全部 内部 外部 局部 东部 西部 南部 北部 中部 头部 腹部 胸部 面部 底部 顶部 上部 "
                          u"下部 部分 场所 厕所 住所 处所 好处 到处 深处 长处 短处 坏处 益处 用处 去处 住处 "
                          u"军队 部队 排队 舞台 平台 阳台 学校 院校 母校 工厂 车站 结局 格局 布局 大局 当局 "
                          u"出台 上台 下台 后台 前台 总台 社团 结社 "
                          u"庭院 寺院 四合院 大院 住院 出院 入院 邮局 一处 两处 各处 "
                          u"原处 此处 彼处 政府 人民政府 县政府 市政府 省政府 "
                          u"工作组 小组 基地 中心 农场 关系 体系 联系 派系 直系 旁系 总部 中南部 东南部 西南部 东北部 "
                          u"西北部 交界处 大部 航行 上市公司 中央银行 股份公司 党组织 团组织 基层组织 民间组织 "
                          u"带队 领队 音乐会 晚会 舞会 联欢会 演唱会 加油站 党委会 中心组",
                          nullptr);
        adminOrgs.unite(set(u"国会 内阁 参议院 众议院 上院 下院 海军 陆军 空军 安理会 联合国 欧盟 北约 东盟 "
                            u"白宫 五角大楼 克里姆林宫 最高法院 最高人民法院 最高人民检察院 全国人大常委会 "
                            u"团中央 团县委 团市委 团省委 团委 共青团 全总 全国妇联 中国科学院 中国社会科学院 "
                            u"新华社 中新社 人民日报社 中央电视台 党组 纪委 市纪委 县纪委 政协 人大",
                            nullptr));
        worldPlaces.unite(set(u"地球 月球 火星 金星 木星 水星 土星 太阳系 银河系", nullptr));
        addWorldPlaces();
    }

    void addWorldPlaces()
    {
        // ICU knows every country's and many cities' Chinese names: a real gazetteer at no cost.
        const icu::Locale chinese("zh");
        auto add = [this](const icu::UnicodeString &name) {
            const QString q = QString(reinterpret_cast<const QChar *>(name.getBuffer()), name.length());
            if (q.size() >= 2 && std::all_of(q.begin(), q.end(), [](QChar c) { return isHan(c.unicode()); }))
                worldPlaces.insert(q);
        };
        for (const char *const *code = icu::Locale::getISOCountries(); *code; ++code) {
            icu::UnicodeString name;
            icu::Locale("", *code).getDisplayCountry(chinese, name);
            add(name);
        }
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(chinese, status));
        std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createEnumeration(status));
        if (U_FAILURE(status) || !names || !zones)
            return;
        while (const icu::UnicodeString *zone = zones->snext(status)) {
            if (U_FAILURE(status))
                break;
            // Antarctic stations carry people's names (Davis, Casey); they are no places of the news.
            if (zone->startsWith(icu::UnicodeString(u"Antarctica/")) || zone->startsWith(icu::UnicodeString(u"Etc/")))
                continue;
            icu::UnicodeString city;
            names->getExemplarLocationName(*zone, city);
            add(city);
        }
    }
};

class Analyzer
{
public:
    Analyzer(const Lexicon &lexicon, QStringView text)
        : m_lex(lexicon)
        , m_rules(Rules::get())
    {
        // Spaces between two Chinese characters are extraction noise (`海淀 区`): drop them and
        // remember where each kept character came from.
        const int n = int(text.size());
        m_s.reserve(size_t(n));
        m_origin.reserve(size_t(n) + 1);
        for (int i = 0; i < n; ++i) {
            const char16_t c = text[i].unicode();
            if (isSpace(c) && i > 0 && i + 1 < n && isHan(text[i - 1].unicode())) {
                int j = i;
                while (j < n && isSpace(text[j].unicode()))
                    ++j;
                if (j < n && isHan(text[j].unicode()) && j - i <= 2) {
                    i = j - 1;
                    continue;
                }
            }
            m_s.push_back(c);
            m_origin.push_back(i);
        }
        m_origin.push_back(n);
    }

    QList<Mention> run()
    {
        std::vector<Span> spans;
        if (lcRecognizer().isDebugEnabled())
            qCDebug(lcRecognizer) << "---";
        scanDates(spans);
        segment();
        tokenEntities(spans);
        scanPosts(spans);
        resolve(spans);
        scanNameLists(spans);
        scanDocuments(spans);
        std::sort(spans.begin(), spans.end(),
                  [](const Span &a, const Span &b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
        QList<Mention> out;
        out.reserve(qsizetype(spans.size()));
        for (const Span &s : spans) {
            const int start = m_origin[size_t(s.start)];
            const int end = m_origin[size_t(s.end - 1)] + 1;
            out.append(Mention{start, end, s.type});
        }
        return out;
    }

private:
    int size() const { return int(m_s.size()); }
    char16_t at(int i) const { return i >= 0 && i < size() ? m_s[size_t(i)] : 0; }
    std::u16string_view view(int start, int end) const
    {
        return std::u16string_view(m_s.data() + start, size_t(end - start));
    }
    QString text(int start, int end) const { return str(view(start, end)); }
    QStringView qv(int start, int end) const
    {
        return QStringView(reinterpret_cast<const QChar *>(m_s.data() + start), qsizetype(end - start));
    }

    bool setHasAt(const WordSet &set, int start, int length) const
    {
        if (start < 0 || start + length > size())
            return false;
        return set.contains(qv(start, start + length));
    }
    // The longest word of set ending at position end, or 0.
    int endsWith(const WordSet &set, int maxLength, int end) const
    {
        for (int len = std::min(maxLength, end); len >= 1; --len) {
            if (setHasAt(set, end - len, len))
                return len;
        }
        return 0;
    }
    int startsWith(const WordSet &set, int maxLength, int start) const
    {
        for (int len = std::min(maxLength, size() - start); len >= 1; --len) {
            if (setHasAt(set, start, len))
                return len;
        }
        return 0;
    }

    // ---- dates -------------------------------------------------------------------------------

    static bool isDigit(char16_t c) { return (c >= u'0' && c <= u'9') || (c >= 0xFF10 && c <= 0xFF19); }
    static bool isChineseDigit(char16_t c) { return QStringView(u"〇零一二三四五六七八九").contains(QChar(c)); }
    static bool isChineseNumber(char16_t c) { return isChineseDigit(c) || c == u'十' || c == u'两'; }
    static bool isRangeMark(char16_t c)
    {
        return c == u'至' || c == u'—' || c == u'-' || c == u'–' || c == u'~' || c == u'～' || c == 0x2015 ||
               c == 0xFF0D;
    }

    // A number followed by a date unit at i; returns the end or -1. unit receives the unit char.
    int dateComponent(int i, char16_t *unit) const
    {
        int j = i;
        if (isDigit(at(j))) {
            while (isDigit(at(j)))
                ++j;
        } else if (isChineseNumber(at(j))) {
            while (isChineseNumber(at(j)))
                ++j;
        } else {
            return -1;
        }
        const int digits = j - i;
        const char16_t u = at(j);
        const bool arabic = isDigit(at(i));
        if (u == u'年') {
            if (at(j + 1) == u'代') {
                *unit = u'代';
                return j + 2;
            }
            // A year has 2–4 digits and no 十 (三十年 is a duration).
            for (int k = i; k < j; ++k) {
                if (!arabic && !isChineseDigit(at(k)))
                    return -1;
            }
            if (digits < 2 || digits > 4 || at(j + 1) == u'来' || at(j + 1) == u'间' || at(j + 1) == u'前')
                return -1;
            // 20年 and 三十年 are mostly durations; a year has four digits unless a month follows.
            if (digits < 4 && !(isDigit(at(j + 1)) || isChineseNumber(at(j + 1))))
                return -1;
            *unit = u;
            return j + 1;
        }
        if (u == u'世' && at(j + 1) == u'纪') {
            *unit = u'纪';
            return j + 2;
        }
        if (u == u'月' || u == u'日' || u == u'号') {
            if (digits > 3 || (arabic && digits > 2))
                return -1;
            *unit = u;
            return u == u'月' && at(j + 1) == u'份' ? j + 2 : j + 1;
        }
        return -1;
    }

    void scanDates(std::vector<Span> &spans) const
    {
        const int n = size();
        int i = 0;
        while (i < n) {
            char16_t unit = 0;
            // Numbers inside longer numbers are not dates (1234567年 or 第3号).
            const bool boundary =
                !isDigit(at(i - 1)) && !(isChineseNumber(at(i)) && isChineseNumber(at(i - 1))) && at(i - 1) != u'第';
            int end = boundary ? dateComponent(i, &unit) : -1;
            int start = i;
            if (end < 0 && boundary) {
                // "2023—2027年": a bare year before a range mark.
                int j = i;
                while (isDigit(at(j)))
                    ++j;
                if (j - i == 4 && isRangeMark(at(j)) && dateComponent(j + 1, &unit) > 0 && unit == u'年')
                    end = dateComponent(j + 1, &unit);
            }
            int relative = 0;
            if (end < 0) {
                relative = startsWith(m_rules.relativeDates, m_rules.maxRelativeDate, i);
                if (relative > 0)
                    end = i + relative;
            }
            if (end < 0) {
                ++i;
                continue;
            }
            // Further components and ranges: 2023年11月14日, 11月16日至17日, 11月至12月.
            for (;;) {
                char16_t next = 0;
                const int more = dateComponent(end, &next);
                if (more > 0) {
                    end = more;
                    continue;
                }
                if (isRangeMark(at(end))) {
                    const int ranged = dateComponent(end + 1, &next);
                    if (ranged > 0) {
                        end = ranged;
                        continue;
                    }
                }
                const int rel = startsWith(m_rules.relativeDates, m_rules.maxRelativeDate, end);
                if (rel > 0 && relative == 0) {
                    end += rel;
                    continue;
                }
                break;
            }
            spans.push_back(Span{start, end, EntityType::Date});
            i = end;
        }
    }

    // ---- segmentation ------------------------------------------------------------------------

    double nameContext(int start, int end) const
    {
        double bonus = 0;
        if (endsWith(m_rules.nameBefore, m_rules.maxNameBefore, start) > 0)
            bonus += 3.0;
        // A title after the name is as telling as one before it: 李鹏委员长, 桥本首相.
        if (startsWith(m_rules.posts, m_rules.maxPost, end) > 0)
            bonus += 3.0;
        else if (startsWith(m_rules.nameAfter, m_rules.maxNameAfter, end) > 0)
            bonus += 1.5;
        else if (QStringView(u"的在和与等").contains(QChar(at(end))))
            bonus += 0.5;
        const char16_t before = at(start - 1);
        const char16_t after = at(end);
        if ((before == u'（' || before == u'(') && (after == u'）' || after == u')'))
            bonus += 2.0;
        return bonus;
    }

    void segment()
    {
        const int n = size();
        int i = 0;
        while (i < n) {
            if (!isHan(at(i)) && !isNameDot(at(i))) {
                int j = i + 1;
                if (isDigit(at(i))) {
                    while (j < n && isDigit(at(j)))
                        ++j;
                }
                m_tokens.push_back(Token{i, j, Tag::Other, Kind::Unknown});
                i = j;
                continue;
            }
            int j = i;
            while (j < n && (isHan(at(j)) || isNameDot(at(j))))
                ++j;
            segmentBlock(i, j);
            i = j;
        }
    }

    struct Step
    {
        double score;
        int end;
        Tag tag;
        Kind kind;
    };

    void segmentBlock(int start, int end)
    {
        const int n = end - start;
        m_blockStart = start;
        m_route.assign(size_t(n) + 1, Step{0, end, Tag::Other, Kind::Word});
        // How far a run of transliteration characters reaches from each position.
        m_translitEnd.assign(size_t(n) + 1, 0);
        m_translitEnd[size_t(n)] = end;
        for (int i = end - 1; i >= start; --i) {
            const char16_t c = at(i);
            const bool t = isNameDot(c) || isHan(c);
            m_translitEnd[size_t(i - start)] = t ? m_translitEnd[size_t(i - start + 1)] : i;
        }
        const double unknownLogP = -m_lex.logTotal();
        for (int i = end - 1; i >= start; --i) {
            Step best{kNegInf, i + 1, Tag::Other, Kind::Unknown};
            auto consider = [&](int to, double logP, Tag tag, Kind kind) {
                const double score = logP + m_route[size_t(to - start)].score;
                if (score > best.score)
                    best = Step{score, to, tag, kind};
            };
            bool single = false;
            if (!isNameDot(at(i))) {
                quint32 hash = Lexicon::hashSeed();
                for (int len = 1; len <= kMaxWordLength && i + len <= end; ++len) {
                    hash = Lexicon::hashStep(hash, at(i + len - 1));
                    const Lexicon::Entry *e = m_lex.find(m_s.data() + i, len, hash);
                    if (!e)
                        break;
                    if (e->freq > 0 && e->tag == Tag::Person && len >= 2 && isSurname(at(i)) &&
                        m_rules.honorifics.contains(qv(i + 1, i + len)))
                        continue;
                    if (e->freq > 0) {
                        consider(i + len, e->logP, e->tag, Kind::Word);
                        single = single || len == 1;
                    }
                }
                if (!single)
                    consider(i + 1, unknownLogP, Tag::Other, Kind::Unknown);
                considerNames(i, end, consider);
            } else {
                consider(i + 1, unknownLogP - 5, Tag::Other, Kind::Unknown);
            }
            m_route[size_t(i - start)] = best;
        }
        for (int i = start; i < end;) {
            const Step &s = m_route[size_t(i - start)];
            m_tokens.push_back(Token{i, s.end, s.tag, s.kind});
            if (lcRecognizer().isDebugEnabled())
                qCDebug(lcRecognizer) << text(i, s.end) << int(s.tag) << int(s.kind)
                                      << s.score - m_route[size_t(s.end - start)].score;
            i = s.end;
        }
    }

    template<typename Consider>
    void considerNames(int i, int end, Consider &consider) const
    {
        // Chinese names: a surname and one or two given-name characters.
        int surnameLength = 0;
        double surname = 0;
        if (i + 2 <= end && m_rules.compoundSurnames.contains(qv(i, i + 2))) {
            surnameLength = 2;
            surname = -7.0;
        } else if (isSurname(at(i))) {
            surnameLength = 1;
            surname = m_lex.charLogP(CharTable::Surname, at(i));
        }
        if (surnameLength > 0) {
            const int afterSurname = i + surnameLength;
            // A bare surname before a form of address is the name the text gives (李老师 → 李).
            const int post = startsWith(m_rules.posts, m_rules.maxPost, afterSurname);
            const int honorific = std::max(post, startsWith(m_rules.honorifics, m_rules.maxHonorific, afterSurname));
            const char16_t before = at(i - 1);
            // 向, 从, 任 are surnames but far more often words of their own.
            const bool familiar = before == u'老' || before == u'小';
            // 王某: the press keeps a party's name back but gives the surname.
            const bool polite =
                (honorific >= 2 &&
                 QStringView(u"先生 女士 小姐 老师 同志 师傅").contains(qv(afterSurname, afterSurname + honorific))) ||
                (honorific == 1 && at(afterSurname) == u'某' && !isWordAt(afterSurname, 2) &&
                 !isChineseNumber(at(afterSurname + 1)));
            if (honorific > 0 && surnameLength == 1 && surname > kCommonSurname &&
                (familiar || polite || singleCharLogP(at(i)) < kCommonCharLogP)) {
                // A title or a polite form of two characters is telling enough after any word
                // the surname does not join (收到陈老师, 托项市长).
                const bool wordBefore =
                    isHan(before) && m_lex.find(m_s.data() + i - 1, 2) && m_lex.find(m_s.data() + i - 1, 2)->freq > 0;
                if (!isHan(before) || before == u'老' || before == u'小' ||
                    endsWith(m_rules.nameBefore, m_rules.maxNameBefore, i) > 0 || isBoundaryWord(i) ||
                    ((honorific >= 2 || polite) && !wordBefore && !isSurname(before) &&
                     !m_lex.inTable(CharTable::TranslitWeak, before)))
                    consider(afterSurname, m_lex.logPersonMass() + surname + 4.0, Tag::Person, Kind::Person);
            }
            for (int given = 1; given <= 2 && honorific == 0; ++given) {
                const int to = afterSurname + given;
                if (to > end)
                    break;
                const char16_t g1 = at(afterSurname);
                if (isNameDot(g1) || (given == 2 && isNameDot(at(to - 1))))
                    break;
                double logP = m_lex.logPersonMass() + surname + m_lex.logNameLength(given);
                const bool strongContext = endsWith(m_rules.nameBefore, m_rules.maxNameBefore, i) > 0;
                if (given == 1) {
                    // Two-character names are few in the lexicon; all given-name characters speak for them.
                    if (!m_lex.inTable(CharTable::Given, g1) && !strongContext)
                        continue;
                    logP += m_lex.charLogP(CharTable::Given, g1);
                } else {
                    // Backed off to any given-name position: 彬 ends few listed names but starts some.
                    const char16_t g2 = at(to - 1);
                    // A character no listed name has may still be one where the context calls for a name.
                    if ((!m_lex.inTable(CharTable::Given, g1) || !m_lex.inTable(CharTable::Given, g2)) &&
                        !strongContext)
                        continue;
                    logP += std::max(double(m_lex.charLogP(CharTable::Given3a, g1)),
                                     m_lex.charLogP(CharTable::Given, g1) - kBackoff) +
                            std::max(double(m_lex.charLogP(CharTable::Given3b, g2)),
                                     m_lex.charLogP(CharTable::Given, g2) - kBackoff);
                }
                // 王磊六段: a numeral before a measure word counts, it does not name.
                if (isChineseNumber(at(to - 1)) && given == 2)
                    continue;
                // A last character that is common as a word of its own (的, 在, 说) usually is one.
                logP -= std::max(0.0, singleCharLogP(at(to - 1)) + 9.0);
                const double context = nameContext(i, to);
                // 高水平, 亚健康, 观摩会: a common word inside the candidate is that word.
                if (given == 2 && context < 3.0 && surnameLength == 1 && looksCompound(i, to))
                    continue;
                // A known word of another kind is a name only where the context says so.
                const Lexicon::Entry *known = m_lex.find(m_s.data() + i, to - i);
                if (known && known->freq > 0 && known->tag != Tag::Person && context < 3.0)
                    continue;
                if (given == 1 && context <= 0 && surname < kCommonSurname)
                    continue;
                consider(to, logP + context, Tag::Person, Kind::Person);
            }
        }
        // Transliterated names: 克林顿, 卡洛斯·阿马特; a name dot inside makes one almost certain.
        const int runEnd = m_translitEnd[size_t(i - m_blockStart)];
        int dotAhead = i;
        while (dotAhead < runEnd && dotAhead - i < 8 && !isNameDot(at(dotAhead)))
            ++dotAhead;
        const bool dotFollows = dotAhead < runEnd && isNameDot(at(dotAhead));
        if (runEnd - i >= 2) {
            // Without a dot every character must be a typical one; with a dot the weaker table,
            // which knows the characters of all foreign names in the lexicon, decides.
            double strong = m_lex.logForeignMass();
            double weak = m_lex.logForeignMass();
            bool allStrong = true;
            int letters = 0;
            bool dot = false;
            int part = 0;       // letters since the last dot
            int shortParts = 0; // parts of one letter: 学·创·演 is a slogan, not a name
            int weakLetters = 0;
            bool lastStrong = false;
            for (int to = i + 1; to <= runEnd && to - i <= 14; ++to) {
                const char16_t c = at(to - 1);
                if (isNameDot(c)) {
                    if (to - 1 == i || isNameDot(at(to - 2)))
                        break;
                    shortParts += part == 1 ? 1 : 0;
                    part = 0;
                    dot = true;
                    continue;
                }
                ++part;
                // One letter of the wider table may sit inside a long run (基里延科, 尤尔科夫): the
                // strong table misses many letters that do occur in names.
                const bool isStrong = m_lex.inTable(CharTable::Translit, c);
                if (!isStrong && m_lex.inTable(CharTable::TranslitWeak, c) && !dot) {
                    ++weakLetters;
                    strong += m_lex.charLogP(CharTable::TranslitWeak, c) - kWeakLetterCost;
                } else {
                    allStrong = allStrong && isStrong;
                    strong += m_lex.charLogP(CharTable::Translit, c);
                }
                lastStrong = isStrong;
                weak += m_lex.charLogP(CharTable::TranslitWeak, c);
                ++letters;
                // A dotted name does not stop before a typical letter (玛丽特·恩|斯塔德): the rest
                // would be left as a name of its own.
                const bool letterFollows = to < runEnd && m_lex.inTable(CharTable::Translit, at(to));
                if (dot && letters >= 4 && shortParts + (part == 1 ? 1 : 0) <= 1) {
                    consider(to,
                             weak + m_lex.logForeignLength(letters) + 8.0 + nameContext(i, to) -
                                 (letterFollows ? kCutNameCost : 0.0),
                             Tag::ForeignPerson, Kind::Foreign);
                    continue;
                }
                if (dot)
                    continue;
                if ((!allStrong || weakLetters > 1) && !dotFollows)
                    break;
                if (!allStrong || weakLetters > 1 || letters < 3 + weakLetters || !lastStrong)
                    continue;
                const Lexicon::Entry *known = m_lex.find(m_s.data() + i, to - i);
                if (known && known->freq > 0 && known->tag != Tag::ForeignPerson && known->tag != Tag::Person)
                    continue;
                consider(to, strong + m_lex.logForeignLength(letters) + nameContext(i, to), Tag::ForeignPerson,
                         Kind::Foreign);
            }
        }
    }

    bool isWordAt(int i, int length) const
    {
        if (i + length > size())
            return false;
        const Lexicon::Entry *e = m_lex.find(m_s.data() + i, length);
        return e && e->freq > 0;
    }
    bool isSurname(char16_t c) const
    {
        return m_lex.inTable(CharTable::Surname, c) && !m_rules.notSurnames.contains(QChar(c));
    }
    double singleCharLogP(char16_t c) const
    {
        const Lexicon::Entry *e = m_lex.find(&c, 1);
        return e && e->freq > 0 ? double(e->logP) : -30.0;
    }
    // Whether position i starts a new word: after punctuation or a function word (他, 的, 和).
    bool isBoundaryWord(int i) const
    {
        const char16_t before = at(i - 1);
        if (!isHan(before))
            return true;
        const Lexicon::Entry *e = m_lex.find(&before, 1);
        return e && e->freq > 0 && e->tag == Tag::Function;
    }

    // ---- entities from tokens ---------------------------------------------------------------

    // Whether a dictionary word tagged as a person looks like a Chinese name: the tag alone is
    // noisy in jieba's lexicon (文明, 权威 carry it too).
    bool isChineseName(const Token &t, const Lexicon::Entry *e) const
    {
        const int len = t.length();
        int surnameLength = 0;
        if (len >= 3 && m_rules.compoundSurnames.contains(qv(t.start, t.start + 2)))
            surnameLength = 2;
        else if (isSurname(at(t.start)))
            surnameLength = 1;
        const int given = len - surnameLength;
        if (surnameLength == 0 || given < 1 || given > 2)
            return false;
        for (int k = t.start + surnameLength; k < t.end; ++k) {
            if (!m_lex.inTable(CharTable::Given, at(k)))
                return false;
        }
        // Two characters: the lexicon tags as many common words so (白痴, 特邀) as names; only
        // the context tells them apart.
        if (given == 1) {
            if (surnameLength == 2)
                return true;
            if (m_lex.charLogP(CharTable::Surname, at(t.start)) <= kCommonSurname || !e)
                return false;
            // A verb of speech or a form of address after it vouches for a more frequent listed
            // name (陈毅同志); a plain particle only for a rare one.
            const double context = nameContext(t.start, t.end);
            return (e->freq <= kMaxShortNameFreq && context >= 1.5) ||
                   (e->freq <= kMaxAddressedNameFreq && context >= 1.5);
        }
        // Three characters: 青少年, 红树林, 安全性 carry the tag too. The rarer a listed word, the
        // likelier the tag is right; the more frequent, the more it must look like a name: not
        // starting with a common word, its given name made of characters names use. The given
        // name may be a common word itself (建国, 国庆): parents choose words.
        if (surnameLength == 1 && looksCompound(t.start, t.end))
            return false;
        if (e && e->freq < kSureNameFreq)
            return true;
        if (e && e->freq <= kRareNameFreq)
            return surnameLength == 2 || !isCommonWord(t.start, t.start + 2); // 纪念章, 博士后
        if (surnameLength == 1 && isCommonWord(t.start, t.start + 2))
            return false;
        // 暴风雨, 红卫兵: a common noun after the first character makes a compound.
        const Lexicon::Entry *givenWord = m_lex.find(m_s.data() + t.start + 1, t.length() - 1);
        if (surnameLength == 1 && givenWord && givenWord->freq >= kCommonWordFreq && givenWord->tag == Tag::Noun)
            return false;
        return m_lex.charLogP(CharTable::Given3a, at(t.end - 2)) + m_lex.charLogP(CharTable::Given3b, at(t.end - 1)) >=
               kMinGivenLogP;
    }

    // 高水平, 亚健康 (a very common word after the surname) and 承诺书, 施工图 (a common word and a
    // character that seldom ends a name): compounds the lexicon files as names.
    bool looksCompound(int start, int end) const
    {
        if (end - start != 3)
            return false;
        if (isCommonWord(start + 1, end, kVeryCommonWordFreq))
            return true;
        const Lexicon::Entry *prefix = m_lex.find(m_s.data() + start, 2);
        if (prefix && prefix->tag == Tag::Verb && prefix->freq >= kCommonWordFreq)
            return true; // 承诺书, 观摩会: no name starts with a verb
        return isCommonWord(start, start + 2, kCompoundPrefixFreq) &&
               m_lex.charLogP(CharTable::Given3b, at(end - 1)) < kRareNameEndLogP;
    }

    bool isCommonWord(int start, int end, quint32 minFreq = kCommonWordFreq) const
    {
        const Lexicon::Entry *e = m_lex.find(m_s.data() + start, end - start);
        return e && e->freq >= minFreq && e->tag != Tag::Person;
    }

    bool isForeignName(const Token &t) const
    {
        // Two characters only when neither could start a Chinese name (琼斯, 穆勒 but not 高峰).
        if (t.length() < 2 || (t.length() == 2 && isSurname(at(t.start))))
            return false;
        // A listed name of four letters or more may have one atypical letter (the strong table
        // misses many); its ends must be typical.
        const bool listed = t.kind == Kind::Word && (t.tag == Tag::Person || t.tag == Tag::ForeignPerson);
        int atypical = 0;
        for (int k = t.start; k < t.end; ++k) {
            if (!isNameDot(at(k)) && !m_lex.inTable(CharTable::Translit, at(k)))
                ++atypical;
        }
        if (atypical == 0)
            return true;
        return listed && atypical == 1 && t.length() >= 4 && m_lex.inTable(CharTable::Translit, at(t.start)) &&
               m_lex.inTable(CharTable::Translit, at(t.end - 1));
    }

    // Words the lexicon lists whole that the entities split: 市委书记 → 市委 + 书记, 中美 → 中 + 美,
    // 访华 → 访 + 华.
    void splitTokens()
    {
        std::vector<Token> out;
        out.reserve(m_tokens.size() + 8);
        for (const Token &t : m_tokens) {
            const int len = t.length();
            if (t.kind != Kind::Word || len < 2 || !isHan(at(t.start))) {
                out.push_back(t);
                continue;
            }
            const Lexicon::Entry *e = m_lex.find(m_s.data() + t.start, len);
            const QStringView w = qv(t.start, t.end);
            if (len == 2 && m_rules.placeAbbreviations.contains(w.front()) &&
                m_rules.placeAbbreviations.contains(w.back()) && !m_rules.worldPlaces.contains(w) && e &&
                e->freq <= 300 &&
                (t.tag == Tag::Place || t.tag == Tag::WeakPlace || t.tag == Tag::Organization ||
                 t.tag == Tag::Abbreviation)) {
                out.push_back(Token{t.start, t.start + 1, Tag::Place, Kind::Word});
                out.push_back(Token{t.start + 1, t.end, Tag::Place, Kind::Word});
                continue;
            }
            // 美方, 日军, 中方: the country by its one character.
            if (len == 2 && QStringView(u"中美日俄英法德韩朝印巴以越泰澳加意").contains(w.front()) &&
                QStringView(u"方军寇籍").contains(w.back())) {
                out.push_back(Token{t.start, t.start + 1, Tag::Place, Kind::Word});
                out.push_back(Token{t.start + 1, t.end, Tag::Noun, Kind::Word});
                continue;
            }
            if (len == 2 && m_rules.travelVerbs.contains(w.front()) &&
                QStringView(u"华京沪港澳台").contains(w.back())) {
                out.push_back(Token{t.start, t.start + 1, Tag::Verb, Kind::Word});
                out.push_back(Token{t.start + 1, t.end, Tag::Place, Kind::Word});
                continue;
            }
            bool split = false;
            // 中国政府, 日本首相, 中韩关系: a listed place and a common word after it.
            for (int k = len - 2; k >= 1 && len >= 3 && !split; --k) {
                const Lexicon::Entry *place = m_lex.find(m_s.data() + t.start, k);
                const Lexicon::Entry *rest = m_lex.find(m_s.data() + t.start + k, len - k);
                const bool isPlace = (place && place->freq > 0 &&
                                      (place->tag == Tag::Place || place->tag == Tag::WeakPlace) && k >= 2) ||
                                     m_rules.worldPlaces.contains(w.left(k));
                // A listed organization stays whole (中国足协), unless it is a government or relation.
                if (t.tag == Tag::Organization && !w.endsWith(u"政府") && !w.endsWith(u"关系"))
                    break;
                if (!isPlace || !rest || rest->freq < kCommonWordFreq)
                    continue;
                const Token restToken{t.start + k, t.end, rest->tag, Kind::Word};
                if (isOrgHead(restToken) || rest->tag == Tag::Place || rest->tag == Tag::Organization ||
                    m_rules.placeSuffixWords.contains(w.mid(k)))
                    continue;
                out.push_back(Token{t.start, t.start + k, Tag::Place, Kind::Word});
                out.push_back(restToken);
                split = true;
            }
            // 邓小平理论, 马克思主义: a listed name and what is named after the person.
            if (len >= 4) {
                const QStringView tail = w.right(2);
                const Lexicon::Entry *name = m_lex.find(m_s.data() + t.start, len - 2);
                if ((tail == u"主义" || tail == u"理论" || tail == u"思想") && name && name->freq > 0 &&
                    (name->tag == Tag::Person || name->tag == Tag::ForeignPerson)) {
                    out.push_back(Token{t.start, t.end - 2, name->tag, Kind::Word});
                    out.push_back(Token{t.end - 2, t.end, Tag::Noun, Kind::Word});
                    continue;
                }
            }
            // 财政部长: the newspaper reads the ministry, 财政部, and leaves the bare 长.
            if (len >= 4 && w.endsWith(u"部长")) {
                const Lexicon::Entry *ministry = m_lex.find(m_s.data() + t.start, len - 1);
                if (ministry && ministry->freq > 0) {
                    out.push_back(Token{t.start, t.end - 1, Tag::Organization, Kind::Word});
                    out.push_back(Token{t.end - 1, t.end, Tag::Noun, Kind::Word});
                    continue;
                }
            }
            // 亚太地区, 汉水流域: the region is the place named before the generic word.
            if (len >= 4 &&
                (w.endsWith(u"地区") || w.endsWith(u"流域") || w.endsWith(u"一带") || w.endsWith(u"沿岸"))) {
                const Lexicon::Entry *region = m_lex.find(m_s.data() + t.start, len - 2);
                if (region && region->freq > 0 &&
                    (region->tag == Tag::Place || region->tag == Tag::WeakPlace || region->tag == Tag::Abbreviation ||
                     region->tag == Tag::Locality)) {
                    out.push_back(Token{t.start, t.end - 2, Tag::Place, Kind::Word});
                    out.push_back(Token{t.end - 2, t.end, Tag::Noun, Kind::Word});
                    continue;
                }
            }
            // 局局长: the head of one organization and the post in it.
            if (len >= 3 && m_rules.orgHeadChars.contains(w.front()) && m_rules.posts.contains(w.mid(1))) {
                out.push_back(Token{t.start, t.start + 1, Tag::Noun, Kind::Word});
                out.push_back(Token{t.start + 1, t.end, Tag::Noun, Kind::Word});
                continue;
            }
            // 党委书记 and 党组书记 are posts whole, as the reader expects them.
            for (int k = 2; k <= len - 2 && !split && !m_rules.posts.contains(w); ++k) {
                if (!m_rules.posts.contains(w.mid(k)))
                    continue;
                const QStringView head = w.left(k);
                const Lexicon::Entry *h = m_lex.find(m_s.data() + t.start, k);
                if (m_rules.adminOrgs.contains(head) || (h && h->freq > 0 && h->tag == Tag::Organization)) {
                    out.push_back(Token{t.start, t.start + k, Tag::Organization, Kind::Word});
                    out.push_back(Token{t.start + k, t.end, Tag::Noun, Kind::Word});
                    split = true;
                }
            }
            if (!split)
                out.push_back(t);
        }
        m_tokens.swap(out);
    }

    // 芭芭拉·弗兰克林 may come out of the segmenter in pieces; the dot binds them into one name.
    void joinDottedNames()
    {
        auto nameLike = [this](const Token &t) {
            if (t.kind == Kind::Person || t.kind == Kind::Foreign)
                return true;
            if (t.tag == Tag::Person || t.tag == Tag::ForeignPerson)
                return true;
            for (int k = t.start; k < t.end; ++k) {
                if (!isNameDot(at(k)) && !m_lex.inTable(CharTable::TranslitWeak, at(k)))
                    return false;
            }
            return isHan(at(t.start)) || isNameDot(at(t.start));
        };
        for (size_t k = 0; k < m_tokens.size(); ++k) {
            Token &t = m_tokens[k];
            bool dotted = false;
            for (int i = t.start; i < t.end && !dotted; ++i)
                dotted = isNameDot(at(i));
            if (!dotted)
                continue;
            while (k + 1 < m_tokens.size() && m_tokens[k + 1].start == t.end && isHan(at(m_tokens[k + 1].start)) &&
                   (isNameDot(at(t.end - 1)) || isNameDot(at(m_tokens[k + 1].start)) || nameLike(m_tokens[k + 1])) &&
                   m_tokens[k + 1].kind != Kind::Word) {
                t.end = m_tokens[k + 1].end;
                m_tokens.erase(m_tokens.begin() + qsizetype(k + 1));
            }
            // Leftwards over the pieces of the first name: 玛格丽 + 特·里德.
            auto leftPiece = [&](const Token &p) {
                for (int i = p.start; i < p.end; ++i) {
                    if (!m_lex.inTable(CharTable::TranslitWeak, at(i)) || QStringView(u"人官长").contains(QChar(at(i))))
                        return false;
                }
                return p.kind == Kind::Person || p.kind == Kind::Foreign || p.tag == Tag::Person ||
                       p.tag == Tag::ForeignPerson ||
                       (p.length() == 1 && m_lex.inTable(CharTable::Translit, at(p.start)));
            };
            bool joined = false;
            while (k > 0 && m_tokens[k - 1].end == m_tokens[k].start &&
                   (isNameDot(at(m_tokens[k].start)) ? nameLike(m_tokens[k - 1]) : leftPiece(m_tokens[k - 1]))) {
                m_tokens[k - 1].end = m_tokens[k].end;
                m_tokens.erase(m_tokens.begin() + qsizetype(k));
                --k;
                joined = true;
            }
            if (joined) {
                m_tokens[k].kind = Kind::Foreign;
                continue;
            }
            int han = 0;
            for (int i = t.start; i < t.end; ++i)
                han += isHan(at(i)) ? 1 : 0;
            if (han >= 2 && isHan(at(t.start)) && isHan(at(t.end - 1)))
                t.kind = Kind::Foreign;
        }
    }

    std::optional<EntityType> tokenType(const Token &t) const
    {
        std::optional<EntityType> type = rawTokenType(t);
        // 在慕尼黑, 抵达阿布贾: a foreign-sounding name after 在 or 抵达 is a place's.
        if (type == EntityType::Person && t.length() >= 2 &&
            endsWith(m_rules.placeBefore, m_rules.maxPlaceBefore, t.start) > 0) {
            bool foreign = true;
            for (int i = t.start; i < t.end && foreign; ++i)
                foreign = isNameDot(at(i)) || m_lex.inTable(CharTable::TranslitWeak, at(i));
            if (foreign && !isSurname(at(t.start)))
                return EntityType::Location;
        }
        // 欧佩克组织, 卡西尼号: a transliteration before a word for a land, a body or a make is no person.
        if (type == EntityType::Person && t.length() >= 3 && isForeignName(t) &&
            startsWith(m_rules.notPersonAfter, m_rules.maxNotPersonAfter, t.end) > 0)
            return std::nullopt;
        // 公明镇, 李卜村, 大昭寺: what reads as a name but ends like a village or a site is that place.
        // After a title (区长王某岭) it is still the person.
        if (type == EntityType::Person && t.length() >= 3 &&
            QStringView(u"乡镇村屯营寨庄堡县市省寺庙宫顶岭湖洞塔阁殿亭岛").contains(QChar(at(t.end - 1))) &&
            endsWith(m_rules.posts, m_rules.maxPost, t.start) == 0)
            return EntityType::Location;
        return type;
    }

    std::optional<EntityType> rawTokenType(const Token &t) const
    {
        const QStringView word = qv(t.start, t.end);
        if (m_rules.worldPlaces.contains(word))
            return EntityType::Location;
        if (m_rules.genericPlaces.contains(word))
            return std::nullopt;
        switch (t.kind) {
        case Kind::Person:
        case Kind::Foreign:
            // 玉峰茶, 敖东队: a candidate on a head that ends far more words than names is a compound.
            if (t.length() >= 3 && m_lex.charLogP(CharTable::NameEnd, at(t.end - 1)) < kMinNameEndOdds &&
                nameContext(t.start, t.end) < 3.0)
                return std::nullopt;
            // 公明镇, 李卜村: what reads as a name but ends like a village is the village; a
            // transliteration after 在, 到, 访问 is a place.
            if (QStringView(u"乡镇村屯营寨庄堡").contains(QChar(at(t.end - 1))) && t.length() >= 3)
                return EntityType::Location;
            if (t.kind == Kind::Foreign && endsWith(m_rules.placeBefore, m_rules.maxPlaceBefore, t.start) > 0)
                return EntityType::Location;
            return EntityType::Person;
        case Kind::Unknown:
            return std::nullopt;
        case Kind::Word:
            break;
        }
        if (m_rules.adminOrgs.contains(word))
            return EntityType::Organization;
        // A government is named by its place (法国政府 → 法国), not as an organization.
        if (word.endsWith(u"政府"))
            return std::nullopt;
        const Lexicon::Entry *e = m_lex.find(m_s.data() + t.start, t.length());
        // After a title or a credit, a rare word that reads as a name is one, whatever its tag.
        // A verb of speech after a three-character proper noun (jieba tags many names nz) is as telling.
        if (t.length() >= 2 && t.length() <= 3 && isSurname(at(t.start)) && e && e->freq < kCommonWordFreq &&
            (endsWith(m_rules.nameBefore, m_rules.maxNameBefore, t.start) > 0 ||
             (t.length() == 3 && t.tag == Tag::ProperNoun && !looksCompound(t.start, t.end) &&
              nameContext(t.start, t.end) >= 1.5))) {
            bool given = true;
            for (int k = t.start + 1; k < t.end; ++k)
                given = given && m_lex.inTable(CharTable::Given, at(k));
            if (given)
                return EntityType::Person;
        }
        switch (t.tag) {
        case Tag::Person:
        case Tag::ForeignPerson:
            // 许可证, 博彩业: a listed "name" on a head that ends far more words than names is a compound.
            if (t.length() >= 3 && m_lex.charLogP(CharTable::NameEnd, at(t.end - 1)) < kMinNameEndOdds &&
                nameContext(t.start, t.end) < 3.0)
                return std::nullopt;
            if ((t.tag == Tag::Person && isChineseName(t, e)) || isForeignName(t))
                return EntityType::Person;
            // 琼斯: two characters ending like a transliteration and starting unlike a surname.
            if (t.tag == Tag::ForeignPerson && t.length() == 2 && !isSurname(at(t.start)) &&
                m_lex.inTable(CharTable::Translit, at(t.end - 1)))
                return EntityType::Person;
            // Where the context calls for a name, the tag is believed.
            if (t.length() >= 2 && t.length() <= 3 && nameContext(t.start, t.end) >= 3.0)
                return EntityType::Person;
            return std::nullopt;
        case Tag::Place:
            return EntityType::Location;
        case Tag::WeakPlace:
            // Countries and regions end in 国, 亚, 洲, a direction or a border land; one character
            // stands for a country or a province.
            if (t.length() == 1 || QStringView(u"国亚洲欧美东西南北中疆藏蒙").contains(QChar(at(t.end - 1))))
                return EntityType::Location;
            return std::nullopt;
        case Tag::Organization:
            // jieba tags generic words nt too (党政机关, 广大观众): an organization's name ends
            // in a head.
            if (isOrgShaped(word))
                return EntityType::Organization;
            return std::nullopt;
        default:
            return std::nullopt;
        }
    }

    bool isOrgShaped(QStringView w) const
    {
        if (m_rules.adminOrgs.contains(w))
            return true;
        if (m_rules.notOrgHeads.contains(w) || (w.size() > 2 && m_rules.notOrgHeads.contains(w.right(2))))
            return false;
        for (int k = 2; k <= 4 && k < w.size(); ++k) {
            if (m_rules.orgHeads.contains(w.right(k)))
                return true;
        }
        return m_rules.orgHeadChars.contains(w.back()) ||
               QStringView(u"会所处行台系盟军央联协际议织大").contains(w.back());
    }

    bool isOrgHead(const Token &t) const
    {
        if (t.kind != Kind::Word && t.kind != Kind::Unknown)
            return false;
        const QStringView w = qv(t.start, t.end);
        if (m_rules.notOrgHeads.contains(w) || (w.size() > 2 && m_rules.notOrgHeads.contains(w.right(2))))
            return false;
        if (m_rules.orgHeads.contains(w))
            return true;
        if (t.length() == 1)
            return m_rules.orgHeadChars.contains(QChar(at(t.start)));
        if (t.tag != Tag::Noun && t.tag != Tag::Organization && t.tag != Tag::Other)
            return false;
        // Words built on a head: 足球队, 农林部, 技术监督局.
        for (int k = 2; k <= 4 && k < t.length(); ++k) {
            if (m_rules.orgHeads.contains(w.right(k)))
                return true;
        }
        return m_rules.orgHeadChars.contains(w.back()) && t.length() <= 4;
    }

    // A token that may stand inside an organization's name before its head.
    bool isOrgModifier(const Token &t, const std::vector<std::optional<EntityType>> &types, size_t k) const
    {
        if (types[k] == EntityType::Location || types[k] == EntityType::Organization)
            return true;
        // 劳拉公司, 罗威汽车公司: a name before a head is the organization's name.
        if (t.kind == Kind::Foreign || types[k] == EntityType::Person)
            return true;
        if (types[k].has_value())
            return false;
        if (!isHan(at(t.start)))
            return false;
        switch (t.tag) {
        case Tag::ProperNoun:
        case Tag::Abbreviation:
        case Tag::Noun:
        case Tag::Attribute:
        case Tag::Place:
        case Tag::WeakPlace:
        case Tag::Organization:
            return true;
        case Tag::Verb:
            // 协调 in 国务院残疾人工作协调委员会; kept only when a name starts the chain (below).
            return t.length() >= 2;
        case Tag::Other:
            return t.kind == Kind::Unknown || m_rules.orgAnchors.contains(qv(t.start, t.end));
        default:
            return m_rules.orgAnchors.contains(qv(t.start, t.end));
        }
    }

    bool isOrgAnchor(const Token &t, const std::optional<EntityType> &type) const
    {
        if (type == EntityType::Location || type == EntityType::Organization || type == EntityType::Person)
            return true;
        if (t.tag == Tag::ProperNoun || t.tag == Tag::Abbreviation || t.tag == Tag::WeakPlace)
            return true;
        return m_rules.orgAnchors.contains(qv(t.start, t.end));
    }

    void tokenEntities(std::vector<Span> &spans)
    {
        // The lexicon's habit of splitting names: 王 + 黎, both tagged as person words.
        for (size_t k = 0; k + 1 < m_tokens.size(); ++k) {
            Token &a = m_tokens[k];
            const Token &b = m_tokens[k + 1];
            if (a.kind == Kind::Word && a.tag == Tag::Person && a.length() == 1 && isSurname(at(a.start)) &&
                b.kind == Kind::Word && b.tag == Tag::Person && b.length() <= 2 && b.start == a.end &&
                !m_rules.honorifics.contains(qv(b.start, b.end))) {
                a.end = b.end;
                a.kind = Kind::Person;
                m_tokens.erase(m_tokens.begin() + qsizetype(k + 1));
            }
        }
        // Twice: 中美关系 → 中美 + 关系 → 中 + 美 + 关系.
        splitTokens();
        splitTokens();
        joinDottedNames();
        const size_t count = m_tokens.size();
        std::vector<std::optional<EntityType>> types(count);
        for (size_t k = 0; k < count; ++k)
            types[k] = tokenType(m_tokens[k]);

        // One character for a country: next to another (中美, 日俄, 中、阿), after 驻 or 访 (驻华),
        // and 俄, which is nothing else.
        for (int round = 0; round < 2; ++round) {
            for (size_t k = 0; k < m_tokens.size(); ++k) {
                const Token &t = m_tokens[k];
                if (types[k] || t.length() != 1 || !m_rules.placeAbbreviations.contains(QChar(at(t.start))))
                    continue;
                auto singlePlace = [&](size_t j) {
                    return types[j] == EntityType::Location && m_tokens[j].length() == 1;
                };
                bool place = at(t.start) == u'俄';
                if (k > 0 && m_tokens[k - 1].end == t.start && singlePlace(k - 1))
                    place = true;
                if (k + 1 < m_tokens.size() && m_tokens[k + 1].start == t.end && singlePlace(k + 1))
                    place = true;
                if (k > 1 && at(t.start - 1) == u'、' && singlePlace(k - 2))
                    place = true;
                if (k + 2 < m_tokens.size() && at(t.end) == u'、' && singlePlace(k + 2))
                    place = true;
                if (k > 0 && m_tokens[k - 1].length() == 1 && m_tokens[k - 1].end == t.start &&
                    (m_rules.travelVerbs.contains(QChar(at(t.start - 1))) || at(t.start - 1) == u'对') &&
                    QStringView(u"华京沪港澳台").contains(QChar(at(t.start))))
                    place = true;
                if (place)
                    types[k] = EntityType::Location;
            }
        }

        // Places built with a suffix: 绵阳 + 市, 塔科马 + 市, 赛汗 + 苏木.
        for (size_t k = 0; k + 1 < m_tokens.size(); ++k) {
            const Token &next = m_tokens[k + 1];
            if (next.start != m_tokens[k].end || types[k + 1])
                continue;
            const QStringView nextText = qv(next.start, next.end);
            const bool suffix = (next.length() == 1 && m_rules.placeSuffixChars.contains(nextText)) ||
                                m_rules.placeSuffixWords.contains(nextText);
            if (!suffix)
                continue;
            // 绵阳市 + 市场 must not become 绵阳市市.
            if (m_rules.placeSuffixChars.contains(QChar(at(m_tokens[k].end - 1))) && next.length() == 1)
                continue;
            const bool foreign = types[k] == EntityType::Person && m_tokens[k].kind == Kind::Foreign;
            size_t from = k;
            if (types[k] != EntityType::Location && !foreign) {
                // 书房 + 村, 泥 汊 + 镇: two or three characters the lexicon does not know as
                // anything else, before an administrative suffix.
                if (next.length() != 1 || !QStringView(u"省市县区镇乡村旗屯").contains(nextText.front()))
                    continue;
                int chars = 0;
                size_t j = k + 1;
                while (j > 0 && chars < 3) {
                    const Token &p = m_tokens[j - 1];
                    const bool plain = !types[j - 1] && isHan(at(p.start)) && p.end == m_tokens[j].start &&
                                       (p.tag == Tag::Noun || p.tag == Tag::Other || p.tag == Tag::ProperNoun ||
                                        p.tag == Tag::Adjective || p.kind == Kind::Unknown) &&
                                       !m_rules.genericPlaces.contains(qv(p.start, p.end)) &&
                                       !m_rules.orgAnchors.contains(qv(p.start, p.end));
                    if (!plain || chars + p.length() > 3)
                        break;
                    chars += p.length();
                    --j;
                }
                if (chars < 2)
                    continue;
                from = j;
            }
            m_tokens[from].end = next.end;
            m_tokens.erase(m_tokens.begin() + qsizetype(from + 1), m_tokens.begin() + qsizetype(k + 2));
            types.erase(types.begin() + qsizetype(from + 1), types.begin() + qsizetype(k + 2));
            types[from] = EntityType::Location;
            k = from;
        }

        // Organizations: a head (法院, 厅, 委员会 …) with the chain of names before it.
        const size_t n = m_tokens.size();
        std::vector<bool> taken(n, false);
        // From the right, so that 国务院 + 法制办公室 is taken whole before 国务院 alone.
        for (size_t k = n; k-- > 0;) {
            if (taken[k] || (!isOrgHead(m_tokens[k]) && types[k] != EntityType::Organization))
                continue;
            size_t first = k;
            bool anchor = types[k] == EntityType::Organization || isOrgAnchor(m_tokens[k], types[k]);
            int chars = m_tokens[k].length();
            while (first > 0 && !taken[first - 1] && k - first < 5) {
                const Token &prev = m_tokens[first - 1];
                if (prev.end != m_tokens[first].start || chars + prev.length() > 20)
                    break;
                if (!isOrgModifier(prev, types, first - 1) ||
                    QStringView(u"讯电报图").contains(QChar(at(prev.end - 1))) || qv(prev.start, prev.end) == u"代表")
                    break;
                // Left of a named place or organization only more of them belong to the name:
                // 四川省 绵阳市 …, but not 代表 中国足协 or 讯 新华社.
                // An organization named by a head (日报社) still takes its modifiers (中国 检察).
                const bool named = types[first] == EntityType::Location ||
                                   (types[first] == EntityType::Organization &&
                                    !m_rules.orgHeads.contains(qv(m_tokens[first].start, m_tokens[first].end)));
                const bool prevNamed =
                    types[first - 1] == EntityType::Location || types[first - 1] == EntityType::Organization;
                const bool attribute =
                    prev.tag == Tag::Attribute || prev.tag == Tag::ProperNoun || prev.tag == Tag::Abbreviation;
                if (named && !prevNamed && !attribute && !m_rules.orgAnchors.contains(qv(prev.start, prev.end)))
                    break;
                anchor = anchor || isOrgAnchor(prev, types[first - 1]);
                chars += prev.length();
                --first;
            }
            // Extend over further heads: 中国检察日报社 + 影视部.
            size_t last = k;
            while (last + 1 < n && !taken[last + 1] && m_tokens[last + 1].start == m_tokens[last].end &&
                   isOrgHead(m_tokens[last + 1]) && m_tokens[last + 1].length() >= 2)
                ++last;
            const bool single = m_tokens[k].length() == 1;
            // 内政部, 司法部, 市教委: a government body names itself.
            const Token &head = m_tokens[k];
            const bool body = head.length() >= 3 && QStringView(u"部委局厅署").contains(QChar(at(head.end - 1))) &&
                              head.kind == Kind::Word;
            // 智利队, 四川电视台 listed whole: a place before the head makes the word a name.
            bool placed = false;
            if (first == k && head.length() >= 3) {
                for (int cut = head.length() - 1; cut >= 2 && !placed; --cut) {
                    const Lexicon::Entry *p = m_lex.find(m_s.data() + head.start, cut);
                    placed =
                        ((p && p->freq > 0 && (p->tag == Tag::Place || p->tag == Tag::WeakPlace)) ||
                         m_rules.worldPlaces.contains(qv(head.start, head.start + cut))) &&
                        (m_rules.orgHeads.contains(qv(head.start + cut, head.end)) ||
                         (head.end - head.start - cut == 1 && m_rules.orgHeadChars.contains(QChar(at(head.end - 1)))));
                }
            }
            // 美国公司, 非洲球队: a place and a generic head name no organization.
            if (k - first == 1 && types[first] == EntityType::Location &&
                m_rules.genericHeads.contains(qv(m_tokens[k].start, m_tokens[k].end)))
                continue;
            if (types[k] != EntityType::Organization && !(body && first == k) && !placed) {
                if (first == k)
                    continue;
                if (single && !anchor)
                    continue;
                // Without a place or a name in it, one generic word before the head is not enough
                // (舰艇编队, 普通家庭); two may be (残疾人工作协调委员会).
                if (!anchor && k - first < kMinPlainModifiers)
                    continue;
            }
            // A verb inside the name needs a named place or organization before it; otherwise the
            // name starts after the last verb (召开 委员会 is no name).
            for (size_t j = k; j-- > first;) {
                if (m_tokens[j].tag == Tag::Verb && !types[j]) {
                    const bool namedStart =
                        types[first] == EntityType::Location || types[first] == EntityType::Organization;
                    if (!namedStart) {
                        first = j + 1;
                        break;
                    }
                }
            }
            if (first == k && types[k] != EntityType::Organization && !body && !placed)
                continue;
            // A leading generic noun is not part of the name unless an anchor follows it.
            while (first < k && !types[first] && !isOrgAnchor(m_tokens[first], types[first]) &&
                   m_tokens[first].tag == Tag::Noun && m_tokens[first].length() >= 2 && !anchor)
                ++first;
            for (size_t j = first; j <= last; ++j) {
                taken[j] = true;
                types[j] = std::nullopt;
            }
            // Buildings and sites are places: 中国美术馆, 首都体育馆, 北京火车站.
            const QStringView headWord = qv(m_tokens[last].start, m_tokens[last].end);
            bool facility = false;
            for (const QString &f : m_rules.facilities.words())
                facility = facility || headWord.endsWith(f);
            spans.push_back(Span{m_tokens[first].start, m_tokens[last].end,
                                 facility ? EntityType::Location : EntityType::Organization});
        }
        for (size_t k = 0; k < n; ++k) {
            if (!taken[k] && types[k])
                spans.push_back(Span{m_tokens[k].start, m_tokens[k].end, *types[k]});
        }
    }

    // ---- posts -------------------------------------------------------------------------------

    void scanPosts(std::vector<Span> &spans) const
    {
        // Posts start at a token boundary and end at one, longest first.
        std::vector<bool> boundary(size_t(size()) + 1, false);
        for (const Token &t : m_tokens) {
            boundary[size_t(t.start)] = true;
            boundary[size_t(t.end)] = true;
        }
        for (size_t k = 0; k < m_tokens.size(); ++k) {
            const int start = m_tokens[k].start;
            for (int len = std::min(m_rules.maxPost, size() - start); len >= 2; --len) {
                if (!boundary[size_t(start + len)])
                    continue;
                if (setHasAt(m_rules.posts, start, len)) {
                    spans.push_back(Span{start, start + len, EntityType::Post});
                    while (k + 1 < m_tokens.size() && m_tokens[k + 1].start < start + len)
                        ++k;
                    break;
                }
            }
        }
    }

    // ---- documents ---------------------------------------------------------------------------

    // In a list of people (甲、乙和丙) an item next to a name that reads as a Chinese name is one,
    // though alone it would be too weak.
    void scanNameLists(std::vector<Span> &spans) const
    {
        auto taken = [&spans](int start, int end) {
            return std::any_of(spans.begin(), spans.end(),
                               [&](const Span &s) { return s.start < end && start < s.end; });
        };
        auto isSeparator = [](char16_t c) { return c == u'、'; };
        auto isItemEnd = [this](int k) { return k >= size() || !isHan(at(k)) || at(k) == u'和' || at(k) == u'等'; };
        auto nameLike = [this](int start, int end) {
            if (end - start < 2 || end - start > 3 || !isSurname(at(start)))
                return false;
            for (int k = start; k < end; ++k) {
                if (!isHan(at(k)) || (k > start && !m_lex.inTable(CharTable::Given, at(k))))
                    return false;
            }
            const Lexicon::Entry *e = m_lex.find(m_s.data() + start, end - start);
            return !(e && e->freq >= kCommonWordFreq);
        };
        for (size_t n = 0; n < spans.size(); ++n) {
            if (spans[n].type != EntityType::Person)
                continue;
            // Rightwards: 甲、乙.
            const int end = spans[n].end;
            if (isSeparator(at(end))) {
                int k = end + 1;
                while (k - end - 1 < 4 && !isItemEnd(k) && !isSeparator(at(k)))
                    ++k;
                if ((isItemEnd(k) || isSeparator(at(k))) && nameLike(end + 1, k) && !taken(end + 1, k))
                    spans.push_back(Span{end + 1, k, EntityType::Person});
            }
            // Leftwards: 乙、甲.
            const int start = spans[n].start;
            if (isSeparator(at(start - 1))) {
                int k = start - 1;
                while (start - 1 - k < 4 && k > 0 && isHan(at(k - 1)) && !isSeparator(at(k - 1)))
                    --k;
                const bool opened = k == 0 || !isHan(at(k - 1)) || isSeparator(at(k - 1));
                if (opened && nameLike(k, start - 1) && !taken(k, start - 1))
                    spans.push_back(Span{k, start - 1, EntityType::Person});
            }
        }
    }

    void scanDocuments(std::vector<Span> &spans) const
    {
        const int n = size();
        for (int i = 0; i < n; ++i) {
            if (at(i) != u'《')
                continue;
            int depth = 1;
            int j = i + 1;
            for (; j < n && j - i < 200; ++j) {
                const char16_t c = at(j);
                if (c == u'\n' || c == u'\r')
                    break;
                if (c == u'《')
                    ++depth;
                else if (c == u'》' && --depth == 0)
                    break;
            }
            if (j < n && at(j) == u'》' && depth == 0 && j > i + 1) {
                spans.push_back(Span{i + 1, j, EntityType::Document});
                i = j;
            }
        }
    }

    // Overlaps: a date or a post wins over what the tokens said; otherwise the earlier, longer one.
    void resolve(std::vector<Span> &spans) const
    {
        // 党委书记 is one post, though 党委 alone is an organization.
        spans.erase(std::remove_if(spans.begin(), spans.end(),
                                   [&](const Span &o) {
                                       return o.type == EntityType::Organization &&
                                              std::any_of(spans.begin(), spans.end(), [&](const Span &p) {
                                                  return p.type == EntityType::Post && p.start <= o.start &&
                                                         o.end <= p.end && o.end < p.end;
                                              });
                                   }),
                    spans.end());
        auto rank = [](EntityType t) {
            switch (t) {
            case EntityType::Date:
                return 0;
            case EntityType::Organization:
                return 1;
            case EntityType::Person:
                return 2;
            case EntityType::Location:
                return 3;
            case EntityType::Post:
                return 4;
            case EntityType::Document:
                return 5;
            }
            return 6;
        };
        std::stable_sort(spans.begin(), spans.end(), [&](const Span &a, const Span &b) {
            if (rank(a.type) != rank(b.type))
                return rank(a.type) < rank(b.type);
            return a.start < b.start;
        });
        std::vector<bool> used(size_t(size()), false);
        std::vector<Span> kept;
        kept.reserve(spans.size());
        for (const Span &s : spans) {
            bool free = true;
            for (int i = s.start; i < s.end && free; ++i)
                free = !used[size_t(i)];
            if (!free)
                continue;
            for (int i = s.start; i < s.end; ++i)
                used[size_t(i)] = true;
            kept.push_back(s);
        }
        spans.swap(kept);
    }

    const Lexicon &m_lex;
    const Rules &m_rules;
    std::vector<char16_t> m_s;
    std::vector<int> m_origin;
    std::vector<Token> m_tokens;
    std::vector<Step> m_route;
    std::vector<int> m_translitEnd;
    int m_blockStart = 0;
};

} // namespace

const EntityRecognizer &EntityRecognizer::instance()
{
    static const EntityRecognizer recognizer;
    return recognizer;
}

EntityRecognizer::EntityRecognizer()
    : m_lexicon(Lexicon::instance())
{
    Rules::get();
}

QList<Mention> EntityRecognizer::recognizeUtf16(QStringView text) const
{
    if (text.isEmpty())
        return {};
    return Analyzer(m_lexicon, text).run();
}

QList<Mention> EntityRecognizer::recognize(const QString &text) const
{
    QList<Mention> mentions = recognizeUtf16(text);
    const CodePoints cp(text);
    if (cp.length() != text.size()) {
        for (Mention &m : mentions) {
            m.start = cp.fromUtf16(m.start);
            m.end = cp.fromUtf16(m.end);
        }
    }
    return mentions;
}

} // namespace baokan::entities
