// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"

namespace baokan::parse {

// Turns the decoded text of a newspaper page into articles: rejoins wrapped lines, finds
// headlines, bylines, credits and captions, and pairs headlines with their bodies. Stateless;
// usable from any thread.
class PageParser
{
public:
    QList<Article> parsePage(const QString &text) const;
};

} // namespace baokan::parse
