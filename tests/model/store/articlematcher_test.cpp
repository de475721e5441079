// SPDX-License-Identifier: MIT
#include "store/articlematcher.h"

#include <catch2/catch.hpp>

using baokan::store::ArticleMatcher;

namespace {

const QString kFirst = QStringLiteral("自治区司法厅召开专题会议，部署全区基层法律服务工作。会议要求各地提高服务质量，"
                                      "扎实推进公共法律服务体系建设，让群众在家门口就能得到法律帮助。");
const QString kSecond = QStringLiteral("昨日，某市中级人民法院开展开放日活动，邀请人大代表和群众代表走进法院，"
                                       "旁听庭审、参观诉讼服务中心，零距离感受司法工作。");
const QString kThird = QStringLiteral("记者从交通运输部门获悉，今冬以来全市道路养护工作有序开展，"
                                      "清雪除冰队伍昼夜值守，确保道路安全畅通。");

} // namespace

TEST_CASE("a text changed a little still matches its old self, a different article does not")
{
    const auto old = ArticleMatcher::fingerprint(QStringLiteral("部署基层法律服务"), kFirst);
    QString edited = kFirst;
    edited.replace(QStringLiteral("全区"), QStringLiteral("全 区")).replace(QStringLiteral("，"), QStringLiteral(","));
    edited += QStringLiteral("（自治区司法厅供稿）");
    const auto changed = ArticleMatcher::fingerprint(QStringLiteral("部署基层法律服务"), edited);
    const auto other = ArticleMatcher::fingerprint(QString(), kSecond);
    CHECK(ArticleMatcher::similarity(old, old) == Approx(1.0));
    CHECK(ArticleMatcher::similarity(old, changed) >= ArticleMatcher::kThreshold);
    CHECK(ArticleMatcher::similarity(old, other) < ArticleMatcher::kThreshold);
}

TEST_CASE("matching follows the text, not the order, and leaves new articles unmatched")
{
    const QList<ArticleMatcher::Fingerprint> stored = {
        ArticleMatcher::fingerprint(QString(), kFirst),
        ArticleMatcher::fingerprint(QString(), kSecond),
    };
    // The parser now finds a headline for the second, puts it first, and finds a new article.
    const QList<ArticleMatcher::Fingerprint> fresh = {
        ArticleMatcher::fingerprint(QStringLiteral("法院开放日"), kSecond),
        ArticleMatcher::fingerprint(QString(), kThird),
        ArticleMatcher::fingerprint(QString(), kFirst.left(kFirst.size() - 10)),
    };
    CHECK(ArticleMatcher::match(stored, fresh) == QList<int>{1, -1, 0});
}

TEST_CASE("each stored article is continued at most once, by its closest new text")
{
    const QList<ArticleMatcher::Fingerprint> stored = {ArticleMatcher::fingerprint(QString(), kFirst)};
    const QList<ArticleMatcher::Fingerprint> fresh = {
        ArticleMatcher::fingerprint(QString(), kFirst.left(kFirst.size() / 2 + 10)),
        ArticleMatcher::fingerprint(QString(), kFirst),
    };
    CHECK(ArticleMatcher::match(stored, fresh) == QList<int>{-1, 0});
}

TEST_CASE("keys are short, readable, deterministic and differ between attempts")
{
    const QString a = ArticleMatcher::mintKey(QStringLiteral("000.txt"), QStringLiteral("题"), kFirst);
    CHECK(a.size() == 17);
    CHECK(a.at(8) == QLatin1Char('-'));
    CHECK(a == ArticleMatcher::mintKey(QStringLiteral("000.txt"), QStringLiteral("题"), kFirst));
    CHECK(a != ArticleMatcher::mintKey(QStringLiteral("000.txt"), QStringLiteral("题"), kFirst, 1));
    CHECK(a.left(8) == ArticleMatcher::mintKey(QStringLiteral("000.txt"), QString(), kSecond).left(8));
    CHECK(a.left(8) != ArticleMatcher::mintKey(QStringLiteral("001.txt"), QStringLiteral("题"), kFirst).left(8));
}
