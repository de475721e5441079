// SPDX-License-Identifier: MIT
#pragma once

#include "parse/bylineparser.h"
#include "parse/cancelflag.h"

#include <QList>
#include <QString>

#include <memory>

namespace baokan::parse {

enum class LineKind {
    Blank,
    Text,        // body text, headline or caption: the block builder decides
    Opening,     // starts an article: 本报讯（…）, 呼和浩特讯, 本报记者●…
    Source,      // （自治区司法厅供稿）
    PhotoCredit, // 顾鑫 摄, （本版图片由郁佳俊摄）
    Junk,        // extraction debris such as a fragment opening with an unmatched 「
};

struct PageLine
{
    LineKind kind = LineKind::Blank;
    QString text; // Text: the raw line; Opening: body text after the opening
    bool indented = false;
    // Opening, PhotoCredit; null on other lines. Held apart because a page has up to a million
    // lines and few of them openings: inline, the byline's empty fields would double the list.
    std::shared_ptr<const Byline> byline;
    QString source; // Source
};

// First pass over a page: cuts it into physical lines and recognizes the lines whose meaning does
// not depend on their neighbours' layout (openings, credits, debris). Lines a credit shares with
// other text are split in two. Pure; usable from any thread.
class LineClassifier
{
public:
    // A set `cancel` stops it early with a partial list (see cancelflag.h).
    static QList<PageLine> classify(const QString &pageText, const std::atomic_bool *cancel = nullptr);

    // True for debris lines: a short fragment that opens a bracket it never closes, and page
    // furniture.
    static bool isJunk(const QString &line);

    // True for the lines a page prints around its articles: "2023年11月15日 星期三", "第3版",
    // "责任编辑：…".
    static bool isPageFurniture(const QString &line);
};

} // namespace baokan::parse
