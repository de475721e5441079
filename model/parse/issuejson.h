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

    // The whole `{"issues": [...]}` document, compact UTF-8, with the keys in the documented
    // order (QJsonObject sorts them alphabetically, which reads badly).
    static QByteArray document(const QList<Issue> &issues);
};

} // namespace baokan::parse
