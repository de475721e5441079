// SPDX-License-Identifier: MIT
#include "annotate/highlightanchor.h"

#include <catch2/catch.hpp>

using baokan::annotate::HighlightAnchor;
using baokan::annotate::TextAnchor;

namespace {

const QString kBody =
    QStringLiteral("本报讯（记者 刘琪）11月14日，包头市中级人民法院召开新闻发布会，通报全市法院扫黑除恶"
                   "专项斗争工作情况。会上，副院长白永平介绍了有关情况。包头市中级人民法院将继续依法"
                   "严惩黑恶势力犯罪，切实维护社会稳定。");

TextAnchor anchorOf(const QString &text, const QString &quote, int occurrence = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = text.indexOf(quote, at + 1);
    REQUIRE(at >= 0);
    const qint64 start = HighlightAnchor::toCodePoint(text, at);
    const auto anchor = HighlightAnchor::fromRange(text, start, start + HighlightAnchor::codePointCount(quote));
    REQUIRE(anchor);
    return *anchor;
}

qint64 cp(const QString &text, const QString &needle, int occurrence = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = text.indexOf(needle, at + 1);
    REQUIRE(at >= 0);
    return HighlightAnchor::toCodePoint(text, at);
}

} // namespace

TEST_CASE("an anchor keeps the quote and up to 32 code points of context on each side")
{
    const TextAnchor a = anchorOf(kBody, QStringLiteral("副院长白永平"));
    CHECK(a.quote == QStringLiteral("副院长白永平"));
    CHECK(HighlightAnchor::codePointCount(a.prefix) == 32);
    CHECK(kBody.left(kBody.indexOf(a.quote)).endsWith(a.prefix));
    CHECK(HighlightAnchor::codePointCount(a.suffix) == 32);
    const TextAnchor first = anchorOf(kBody, QStringLiteral("本报讯"));
    CHECK(first.prefix.isEmpty());
    CHECK(first.start == 0);
}

TEST_CASE("offsets count code points, not UTF-16 units")
{
    const QString text = QStringLiteral("𠀀𠀁甲乙丙");
    CHECK(HighlightAnchor::codePointCount(text) == 5);
    const auto a = HighlightAnchor::fromRange(text, 2, 4);
    REQUIRE(a);
    CHECK(a->quote == QStringLiteral("甲乙"));
    CHECK(a->prefix == QStringLiteral("𠀀𠀁"));
    CHECK(HighlightAnchor::toUtf16(text, 2) == 4);
    CHECK(HighlightAnchor::toCodePoint(text, 4) == 2);
    CHECK_FALSE(HighlightAnchor::fromRange(text, 3, 9));
    CHECK_FALSE(HighlightAnchor::fromRange(text, 3, 3));
}

TEST_CASE("a highlight in unchanged text stays where it was")
{
    const TextAnchor a = anchorOf(kBody, QStringLiteral("副院长白永平介绍了有关情况"));
    const auto p = HighlightAnchor::locate(a, kBody);
    REQUIRE(p.found);
    CHECK(p.exact);
    CHECK(p.start == a.start);
    CHECK(p.end == a.end);
}

TEST_CASE("text inserted before the quote shifts the highlight with it")
{
    const TextAnchor a = anchorOf(kBody, QStringLiteral("副院长白永平介绍了有关情况"));
    const QString inserted = QStringLiteral("编者按：本文有更正。𠀀");
    const QString changed = inserted + kBody;
    const auto p = HighlightAnchor::locate(a, changed);
    REQUIRE(p.found);
    CHECK(p.exact);
    CHECK(p.start == a.start + HighlightAnchor::codePointCount(inserted));
    CHECK(p.end - p.start == a.end - a.start);
}

TEST_CASE("text inserted right against the quote still finds it")
{
    const TextAnchor a = anchorOf(kBody, QStringLiteral("副院长白永平介绍了有关情况"));
    QString changed = kBody;
    changed.insert(kBody.indexOf(a.quote), QStringLiteral("会议由院党组成员主持，"));
    const auto p = HighlightAnchor::locate(a, changed);
    REQUIRE(p.found);
    CHECK(p.start == cp(changed, a.quote));
}

TEST_CASE("an edit inside the context does not lose the highlight")
{
    const TextAnchor a = anchorOf(kBody, QStringLiteral("白永平介绍了有关情况"));
    QString changed = kBody;
    changed.replace(QStringLiteral("会上，"), QStringLiteral("在会议上，"));
    changed.replace(QStringLiteral("包头市中级人民法院将继续"), QStringLiteral("包头中院将继续"));
    const auto p = HighlightAnchor::locate(a, changed);
    REQUIRE(p.found);
    CHECK(p.exact);
    CHECK(p.start == cp(changed, a.quote));
}

TEST_CASE("a slightly changed quote is found by approximate match")
{
    const TextAnchor a = anchorOf(kBody, QStringLiteral("副院长白永平介绍了有关情况"));
    QString changed = kBody;
    changed.replace(QStringLiteral("介绍了有关情况"), QStringLiteral("介绍了相关情况"));
    const auto p = HighlightAnchor::locate(a, changed);
    REQUIRE(p.found);
    CHECK_FALSE(p.exact);
    CHECK(p.score >= HighlightAnchor::kMinScore);
    CHECK(p.start == cp(changed, QStringLiteral("副院长白永平介绍了相关情况")));
    CHECK(p.end == p.start + 13);
}

TEST_CASE("a removed quote is not placed anywhere")
{
    const TextAnchor a = anchorOf(kBody, QStringLiteral("副院长白永平介绍了有关情况"));
    QString changed = kBody;
    changed.remove(QStringLiteral("会上，副院长白永平介绍了有关情况。"));
    CHECK_FALSE(HighlightAnchor::locate(a, changed).found);
}

TEST_CASE("a quote replaced by different words is not attached to them")
{
    const TextAnchor a = anchorOf(kBody, QStringLiteral("副院长白永平介绍了有关情况"));
    QString changed = kBody;
    changed.replace(QStringLiteral("副院长白永平介绍了有关情况"), QStringLiteral("院长王某作了讲话"));
    CHECK_FALSE(HighlightAnchor::locate(a, changed).found);
}

TEST_CASE("a short quote whose passage is gone is not moved to the same words elsewhere")
{
    const QString body = kBody + QStringLiteral("另据了解，白永平曾多次到基层调研。");
    const TextAnchor a = anchorOf(body, QStringLiteral("白永平"), 0);
    QString changed = body;
    changed.remove(QStringLiteral("会上，副院长白永平介绍了有关情况。"));
    CHECK_FALSE(HighlightAnchor::locate(a, changed).found);
}

TEST_CASE("of a quote occurring twice, the one with the matching context is chosen")
{
    const QString quote = QStringLiteral("包头市中级人民法院");
    const TextAnchor second = anchorOf(kBody, quote, 1);
    const TextAnchor first = anchorOf(kBody, quote, 0);
    // After a long insertion near the start, the first occurrence sits close to the second's old offset.
    const QString changed =
        QStringLiteral("（本报综合报道，记者走访了当地多个基层法庭、司法所和社区矫正中心，了解到相关"
                       "工作的最新进展，现将有关情况报道如下。）") +
        kBody;
    const auto p2 = HighlightAnchor::locate(second, changed);
    REQUIRE(p2.found);
    CHECK(p2.start == cp(changed, quote, 1));
    const auto p1 = HighlightAnchor::locate(first, changed);
    REQUIRE(p1.found);
    CHECK(p1.start == cp(changed, quote, 0));
}

TEST_CASE("of identical passages, the one nearest the old offset is chosen")
{
    const QString unit = QStringLiteral("甲乙丙丁戊己庚辛。");
    const QString text = unit + unit + unit;
    const auto a = HighlightAnchor::fromRange(text, 9, 13); // the second 甲乙丙丁
    REQUIRE(a);
    const auto p = HighlightAnchor::locate(*a, text);
    REQUIRE(p.found);
    CHECK(p.start == 9);
}

TEST_CASE("a highlight on one of two occurrences is not moved to the other when its own is removed")
{
    const QString quote = QStringLiteral("包头市中级人民法院");
    const TextAnchor second = anchorOf(kBody, quote, 1);
    QString changed = kBody;
    changed.remove(QStringLiteral("包头市中级人民法院将继续依法严惩黑恶势力犯罪，切实维护社会稳定。"));
    REQUIRE(changed.count(quote) == 1);
    CHECK_FALSE(HighlightAnchor::locate(second, changed).found);
    // The first occurrence's own highlight is still found.
    CHECK(HighlightAnchor::locate(anchorOf(kBody, quote, 0), changed).found);
}

TEST_CASE("a long quote that occurs once is found even when both sides of it were rewritten")
{
    const QString quote = QStringLiteral("通报全市法院扫黑除恶专项斗争工作情况");
    const TextAnchor a = anchorOf(kBody, quote);
    const QString changed = QStringLiteral("另讯：市法院今天") + quote + QStringLiteral("，并回答记者提问。");
    const auto p = HighlightAnchor::locate(a, changed);
    REQUIRE(p.found);
    CHECK(p.start == 8);
}
