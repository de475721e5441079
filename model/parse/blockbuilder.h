// SPDX-License-Identifier: MIT
#pragma once

#include "parse/lineclassifier.h"

#include <QList>
#include <QStringList>

namespace baokan::parse {

enum class BlockKind {
    Body,        // one or more paragraphs of article text
    Opening,     // an article opening, with the paragraphs that follow it in the same block
    Short,       // a few short lines without sentence punctuation: headline, kicker, section head
    Caption,     // a one-line photo caption such as "活动现场。"
    Source,      // the credit that ends an article
    PhotoCredit, // photographers, ends photo news
};

struct PageBlock
{
    BlockKind kind = BlockKind::Body;
    QList<QStringList> paragraphs;        // Body, Opening: the raw lines of each paragraph
    QStringList lines;                    // Short, Caption: the raw lines; PhotoCredit: the credit line if bare
    std::shared_ptr<const Byline> byline; // Opening, PhotoCredit (may be null); shared, as in PageLine
    QString source;                       // Source
};

// Second pass over a page: groups classified lines into blocks, rejoins paragraphs that a column
// break split (a blank line inside a sentence), and tells body text from headline-like lines by
// their punctuation and width. Pure; usable from any thread.
class BlockBuilder
{
public:
    // A set `cancel` stops it early with a partial list (see cancelflag.h).
    static QList<PageBlock> build(const QList<PageLine> &lines, const std::atomic_bool *cancel = nullptr);

    // The width of a full column line on a hard-wrapped page, or 0 when lines are paragraphs.
    static double columnWidth(const QList<QStringList> &rawBlocks);
};

} // namespace baokan::parse
