// SPDX-License-Identifier: MIT
#include "entities/recognizerrules.h"

#include "entities/hanchars.h"

#include <QStringList>

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>

#include <algorithm>
#include <memory>

namespace baokan::entities {

const RecognizerRules &RecognizerRules::get()
{
    static const RecognizerRules rules;
    return rules;
}

WordSet RecognizerRules::set(const char16_t *words)
{
    WordSet out;
    const QStringList list = QString::fromUtf16(words).split(u' ', Qt::SkipEmptyParts);
    for (const QString &w : list)
        out.insert(w);
    return out;
}

RecognizerRules::RecognizerRules()
{
    compoundSurnames = set(u"欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 端木 司徒 司空 轩辕 "
                           u"长孙 宇文 呼延 澹台 申屠 南宫 西门 独孤 万俟 闻人 赫连 拓跋 完颜 钟离");
    const WordSet baseTitles =
        set(u"书记 副书记 厅长 局长 处长 科长 部长 省长 市长 县长 区长 乡长 镇长 村长 院长 校长 所长 "
            u"社长 会长 主席 副主席 主任 总理 总统 首相 大使 检察长 庭长 审判长 审判员 检察官 法官 "
            u"巡视员 调研员 委员长 外长 外交大臣 大臣 国务卿 州长 议长 秘书长 董事长 总经理 经理 主编 总编辑 队长 "
            u"政委 司令员 参谋长 团长 军长 "
            u"师长 旅长 站长 行长 理事长 议长 外长 监狱长 支队长 大队长 中队长 教导员 指导员 所长 "
            u"委员 常委 主任委员 执行董事 董事 厂长 总裁 副总裁 总监 馆长 台长 署长 司长 国务卿 "
            u"部长助理 主任科员 科员 干警 民警 警官 律师 教授 研究员 法警 书记员 助理审判员 "
            u"人民陪审员 陪审员 检察员 组长 党组书记 党委书记 总支书记 支部书记 纪委书记 "
            u"政治部主任 秘书 特派员 督察长 网格员 辅警 村医 法官助理 检察官助理");
    const QStringList prefixes = QString::fromUtf16(u"副 常务副 常务 代理 第一 执行 名誉 一级 二级 三级 四级 "
                                                    u"党委 党组 纪委 党委副 党组副 总 首席 专职副 专职 驻村 "
                                                    u"一级高级 二级高级 三级高级 四级高级 高级 原 前")
                                     .split(u' ', Qt::SkipEmptyParts);
    for (const QString &t : baseTitles.words()) {
        posts.insert(t);
        for (const QString &p : prefixes)
            posts.insert(QString(p + t));
    }
    nameBefore = posts;
    nameBefore.unite(
        set(u"记者 通讯员 实习生 摄影 摄 编辑 责任编辑 作者 主持人 同志 先生 女士 烈士 老人 "
            u"报道员 撰稿 文 图 供稿 讯 电 获悉 之子 之女 妻子 丈夫 儿子 女儿 母亲 父亲 学者 作家 画家 "
            u"诗人 演员 歌手 选手 队员 球员 教练 导演 名将 老将 小将 运动员 艺术家 科学家 "
            u"发言人 财长 防长 领袖 前锋 后卫 门将 中锋 裁判 球星 影星 歌星 主帅 候选人 议员 参议员 众议员 "
            u"总书记 元帅 将军 上将 中将 少将 "
            u"企业家 书法家 医生 工程师 农民 工人 村民 战士 英雄 模范 青年 大师 先生 女士 "
            // Relations and roles that introduce a person by name.
            u"夫人 老伴 哥哥 姐姐 弟弟 妹妹 儿媳 女婿 孙子 孙女 外孙 战友 队友 学生 弟子 徒弟 助手 搭档 "
            u"司机 店主 厂主 矿主 船主 车主 业主 雇主 户主 场主 老板 村支书 支书 嫌疑人 犯罪嫌疑人 被告人 原告 患者 "
            u"老汉 小伙子 工作人员 职工 "
            u"名叫 叫做 原名 本名 笔名 化名"));
    nameAfter = set(u"说 表示 指出 强调 认为 介绍 主持 同志 先生 女士 告诉 透露 宣布 提出 希望 要求 "
                    u"说明 回忆 坦言 笑着 答 称 讲 讲话 致辞 发言 出席 会见 会晤 参加 主持 率领 率 所说 所言 说过 "
                    u"代表 说道 感慨 等人 一行 夫妇 教授 委员 书记 老师 同学 "
                    u"诞辰 生平 故居 旧居 遗体 逝世 去世 铜像 塑像 语录 文选 选集");
    seasons = set(u"春季 夏季 秋季 冬季 春天 夏天 秋天 冬天 入春 入夏 入秋 入冬 冬春 春夏 夏秋 秋冬");
    relativeDates = set(u"现在 如今 此前 此后 当今 昔日 眼下 此时 今朝 前些年 近些年 这些年 秋后 "
                        u"今年 去年 明年 前年 后年 今天 昨天 明天 前天 后天 当天 今日 昨日 明日 次日 "
                        u"本月 上月 下月 当月 同月 次月 本年 当年 同年 次年 翌年 上年 年初 年底 年末 年中 "
                        u"月初 月底 月末 月中 上旬 中旬 下旬 今年初 今年底 去年底 去年初 本世纪 上世纪 "
                        u"近日 日前 近期 目前 当前 今后 上午 下午 中午 晚上 凌晨 傍晚 深夜 今晚 昨晚 "
                        u"春节 元旦 国庆 除夕 元宵节 中秋节 端午节 清明节 国庆节 劳动节 上周 本周 下周 上个月 下个月 "
                        u"星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 今春 今夏 今秋 今冬 去春 去夏 "
                        u"去秋 去冬 上半年 下半年 当晚 当日 前不久 不久前 最近 近年 近年来");
    relativeDates.unite(seasons);
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
                   u"学系 工程系 管理系 分院 联校 使团 代表处 联络处 经商处 领事处 足球队 篮球队 排球队 女队 男队 "
                   u"国家队 集训队 联队 舰队 编队 兵团 党团 议会 工作委员会");
    // 所, 处, 行, 系 and 台 alone are more often a particle, a place, a verb or a relation.
    orgHeadChars = QString::fromUtf16(u"厅局委部署办院社队团党组站厂馆校司科");
    placeSuffixChars = QString::fromUtf16(u"省市县区州镇乡村旗盟岛湖江河山街路屯寨庄堡港湾洲");
    placeSuffixWords = set(u"苏木 嘎查 自治州 自治县 自治旗 自治区 街道 社区 开发区 新区 林区 矿区 "
                           u"牧区 草原 半岛 群岛 高原 盆地 山脉 水库 大街 胡同");
    orgAnchors = set(u"自治区 全国 中央 国家 中共 中国 省 市 县 区 旗 盟 州 镇 乡 全区 全市 全省 "
                     u"全盟 全旗 全县 人民 最高 地方");
    adminOrgs = set(u"市委 省委 县委 区委 州委 旗委 盟委 镇党委 乡党委 "
                    u"市人大 省人大 县人大 区人大 市政协 省政协 县政协 "
                    u"区政协 市纪委 省纪委 县纪委 区纪委 市监委 党中央 中共中央 国务院 "
                    u"全国人大 全国政协 人大常委会 市委常委会 省委常委会 中央军委 中纪委 村委会 居委会 党支部");
    honorifics = set(u"老 老师 先生 女士 小姐 师傅 大爷 大娘 大妈 大姐 大哥 大叔 阿姨 奶奶 爷爷 主席 总理 "
                     u"书记 局长 厅长 处长 科长 部长 院长 校长 主任 经理 厂长 村长 队长 所长 "
                     u"教授 博士 医生 大夫 律师 法官 同志 氏 某");
    // jieba tags many compounds nr (加时赛, 玉兰树); these heads of things end few given names.
    thingHeads = QString::fromUtf16(u"杯赛性树茶记传书刊报剧曲诗画片节展奖章卡票证费税价率度法论派式型号"
                                    u"机车器馆院站场厂店楼桥街港湾寺庙塔城图操单表案册稿");
    // 小 and 老 are forms of address; the rest are surnames too rare to outweigh the word.
    notSurnames = QString::fromUtf16(u"小老和与及跟在把被给让将为对的了是也都就又还");
    placeAbbreviations = QString::fromUtf16(u"中美俄日韩英法德意印巴朝越泰菲澳加苏欧非亚以埃伊土葡荷比瑞挪丹芬"
                                            u"波捷匈罗蒙缅柬墨京津沪渝冀晋辽吉黑浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏"
                                            u"陕甘陇青宁港台");
    genericHeads = set(u"公司 球队 企业 总部 当局 航天 部队 军队");
    facilities = set(u"馆 大厦 大剧院 剧院 大会堂 会堂 火车站 车站 机场 广场 体育场 公园 宫");
    placeBefore = set(u"在 到 赴 抵 抵达 到达 前往 访问 位于 来自 飞往 途经 离开 从 于 至 运往 驻 首都 城市 "
                      u"港口 州 省");
    notPersonAfter =
        set(u"国家 组织 地区 成员国 产油国 公司 集团 号 牌 型 体系 指数 争端 地方 境内 人民 军队 半岛 "
            u"大陆 海 山 河 汽车 轿车 吉普车 手机 电脑 相机 产品 品牌 现象 会议 定律 效应 半径 公式 杯 奖");
    travelVerbs = QString::fromUtf16(u"访来抵赴离进回驻在旅返留");
    // Common words the lexicon confirms as places because a county bears their name (公安县).
    genericPlaces = set(u"公安 同心 和平 团结 光明 福利 爱国 大海 太平 长寿 前进 胜利 "
                        u"两国 两地 两省 两市 两县 外国 大国 城市 城镇 山区 东西 南北 山坡 大街 大桥 农村 乡村 城乡 "
                        u"国外 国内 海外 各地 "
                        u"当地 本地 外地 内地 边疆 边境 沿海 小国 强国 世界 天下 全国 全球 家乡 故乡 老家 "
                        u"南国 北国 城区 市区 郊区 街头 村里 乡下 中外 古今 祖国 异国 他乡 大城市 中小城市");
    notOrgHeads = set(u"干部 全部 内部 外部 局部 东部 西部 南部 北部 中部 头部 腹部 胸部 面部 底部 顶部 上部 "
                      u"下部 部分 场所 厕所 住所 处所 好处 到处 深处 长处 短处 坏处 益处 用处 去处 住处 "
                      u"军队 部队 排队 舞台 平台 阳台 学校 院校 母校 工厂 车站 结局 格局 布局 大局 当局 "
                      u"出台 上台 下台 后台 前台 总台 社团 结社 "
                      u"庭院 寺院 四合院 大院 住院 出院 入院 邮局 一处 两处 各处 "
                      u"原处 此处 彼处 政府 人民政府 县政府 市政府 省政府 "
                      u"工作组 小组 基地 农场 关系 体系 联系 派系 直系 旁系 总部 中南部 东南部 西南部 东北部 "
                      u"西北部 交界处 大部 航行 上市公司 中央银行 股份公司 党组织 团组织 基层组织 民间组织 "
                      u"带队 领队 音乐会 晚会 舞会 联欢会 演唱会 加油站 党委会 中心组");
    adminOrgs.unite(set(u"国会 内阁 参议院 众议院 上院 下院 海军 陆军 空军 安理会 联合国 欧盟 北约 东盟 "
                        u"白宫 五角大楼 克里姆林宫 最高法院 最高人民法院 最高人民检察院 全国人大常委会 "
                        u"团中央 团县委 团市委 团省委 团委 共青团 全总 全国妇联 中国科学院 中国社会科学院 "
                        u"新华社 中新社 人民日报社 中央电视台 党组 纪委 市纪委 县纪委 政协 人大"));
    worldPlaces.unite(set(u"地球 月球 火星 金星 木星 水星 土星 太阳系 银河系"));
    addWorldPlaces();
}

void RecognizerRules::addWorldPlaces()
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

} // namespace baokan::entities
