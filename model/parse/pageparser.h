// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"
#include "parse/cancelflag.h"

namespace baokan::parse {

// Turns the decoded text of a newspaper page into articles: rejoins wrapped lines, finds
// headlines, bylines, credits and captions, and pairs headlines with their bodies. Stateless;
// usable from any thread.
//
// It works in passes, one class each: LineClassifier (openings, credits, debris per line) →
// BlockBuilder (blocks, column breaks, body vs headline-like) → ArticleAssembler (article
// boundaries, section heads, captions) → HeadlineMatcher (which headline goes to which body,
// by shared words) with HeadlineComposer (kicker / title / subtitle), then TextCleaner on the
// final text. No rule names anything from the sample pages; the thresholds are typographic.
class PageParser
{
public:
    // When `cancel` is set during the parse it returns early with an empty or partial list,
    // which the caller is to drop.
    QList<Article> parsePage(const QString &text, const std::atomic_bool *cancel = nullptr) const;
};

} // namespace baokan::parse
