// SPDX-License-Identifier: MIT
#pragma once

#include "parse/article.h"

#include <QJsonObject>

namespace baokan::parse {

// The JSON shape `baokan parse --json` prints, shared by every verb that prints articles.
class IssueJson
{
public:
    static QJsonObject article(const Article &article);
    static QJsonObject issue(const Issue &issue);
};

} // namespace baokan::parse
